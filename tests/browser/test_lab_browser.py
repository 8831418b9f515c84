"""A real JupyterLab in a real (headless) Chromium, started as ``make lab`` starts it.

* Every numbered notebook is opened from the working copy ``my-notebooks/`` and run with
  Run > Run All Cells: no cell may show an error, no cell may show a chart twice, and the lessons
  in ``notebooks/`` must be byte for byte what they were (Lab autosaves only the copy).
* The report's index page is drawn at 1280×800: no element may overflow its box or the window,
  and no label of the timeline strip may leave the picture.

Run with ``make test-browser`` (it installs Debian's chromium when /usr/bin/chromium is missing).
Playwright drives the system browser; it downloads nothing. The project is copied to a temporary
folder first, so nothing here touches the checkout. Screenshots go to ``tests/_out/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "tests" / "_out"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
#: notebooks that draw at least one chart on the seed (06 compares folders: on one article it draws none)
DRAWS = ("02", "03", "04", "05")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.ipynb"))}


def _browser(p):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'bash tests/browser/ensure_chromium.sh' (make test-browser does)")
    return p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    from analysis import lab as lab_module

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'bash tests/browser/ensure_chromium.sh' (make test-browser does)")
    project = tmp_path_factory.mktemp("lab") / "project with space"
    project.mkdir()
    shutil.copytree(ROOT / "notebooks", project / "notebooks")
    lessons_before, checkout_before = _hashes(project / "notebooks"), _hashes(ROOT / "notebooks")
    lab_module.prepare_workspace(project, source=project / "notebooks")
    port, token = _free_port(), secrets.token_hex(16)
    state = project.parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               JUPYTER_CONFIG_DIR=str(state / "config"), JUPYTER_RUNTIME_DIR=str(state / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(state / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"))
    env.pop("ANALYSIS_WIDGETS", None)
    # render every cell (no windowing: prompts and charts stay in the page) and no news prompt
    settings = state / "settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps(lab_module.LAB_OVERRIDES["@jupyterlab/apputils-extension:notification"]))
    # the command make lab runs, on a free port with a known token
    cmd = lab_module.lab_command(project, port=port) + [f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0"]
    log = open(state / "lab.log", "w")
    proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("JupyterLab did not start:\n" + (state / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
        # token auth is on: without the token the API refuses
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/api/contents", timeout=5)
        assert refused.value.code in (401, 403)
        yield {"base": base, "token": token, "project": project, "work": project / lab_module.WORKSPACE}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    # running, saving and autosaving in Lab changed none of the lessons
    assert _hashes(project / "notebooks") == lessons_before
    assert _hashes(ROOT / "notebooks") == checkout_before


def _shutdown_kernels(lab) -> None:
    req = urllib.request.Request(f"{lab['base']}/api/kernels", headers={"Authorization": f"token {lab['token']}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        kernels = json.loads(r.read())
    for k in kernels:
        urllib.request.urlopen(urllib.request.Request(f"{lab['base']}/api/kernels/{k['id']}", method="DELETE",
                                                      headers={"Authorization": f"token {lab['token']}"}), timeout=10)


@pytest.mark.parametrize("name", NOTEBOOKS, ids=[n[:2] for n in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab_with_each_chart_once(lab, name):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"lab-{Path(name).stem}.png"
    with sync_playwright() as p:
        browser = _browser(p)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            # a workspace of its own, reset: Lab reopens no notebook of an earlier test
            page.goto(f"{lab['base']}/lab/workspaces/nb{name[:2]}/tree/my-notebooks/{name}?reset&token={lab['token']}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
            # Lab may ask which kernel to start: accept the notebook's own (Python 3)
            try:
                page.wait_for_selector(".jp-Dialog .jp-mod-accept", timeout=10_000)
                page.locator(".jp-Dialog .jp-mod-accept").first.click()
            except Exception:  # noqa: BLE001 - no dialog: the kernel started by itself
                pass
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
            page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^Run$")).first.click()
            page.locator(".lm-Menu-itemLabel").filter(has_text=re.compile(r"^Run All Cells$")).first.click()
            n_code = page.locator(".jp-CodeCell").count()
            deadline = time.time() + float(os.environ.get("BROWSER_RUN_TIMEOUT", 240))
            while time.time() < deadline:
                prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
                if len([t for t in prompts if t.strip() not in ("[ ]:", "[*]:", "")]) == n_code:
                    break
                time.sleep(1)
            prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
            page.screenshot(path=str(shot))
            assert all(t.strip() not in ("[ ]:", "[*]:", "") for t in prompts), prompts
            # no cell shows an error (Lab renders tracebacks as stderr output with the error's name)
            stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
            errors = [t for t in stderr if "Traceback" in t or re.search(r"^\w*(Error|Exception)\b", t, re.M)]
            assert not errors, errors[0][:2000]
            # no cell shows a chart twice
            per_cell = page.locator(".jp-CodeCell").evaluate_all(
                "cells => cells.map(c => c.querySelectorAll('.jp-OutputArea-output img').length)")
            assert all(n <= 1 for n in per_cell), f"cells showing a chart twice: {[i for i, n in enumerate(per_cell) if n > 1]}"
            images = page.locator(".jp-OutputArea-output img")
            if name[:2] in DRAWS:
                assert images.count() >= 1, "no chart image was rendered"
                first = images.first
                first.click()  # make the chart's cell the active one, so Lab keeps it in view
                time.sleep(0.5)
                first.evaluate("img => img.scrollIntoView({block: 'center'})")
                time.sleep(0.5)
                assert first.evaluate("img => img.naturalWidth") > 100, "the chart image is empty"
            elif name.startswith("06"):
                assert images.count() == 0  # one article: nothing to compare, nothing drawn
                assert "Nothing to compare" in " ".join(page.locator(".jp-OutputArea-output").all_inner_texts())
            page.screenshot(path=str(shot))
            page.keyboard.press("Control+s")
            time.sleep(2)
        finally:
            browser.close()
    _shutdown_kernels(lab)
    assert shot.exists() and shot.stat().st_size > 10_000
    saved = json.loads((lab["work"] / name).read_text(encoding="utf-8"))
    code = [c for c in saved["cells"] if c["cell_type"] == "code"]
    assert all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
    for c in code:
        assert sum(1 for o in c.get("outputs", []) if "image/png" in o.get("data", {})) <= 1


# --------------------------------------------------------------------------------------------
# the report's index page at slide size

OVERFLOW_JS = """
() => {
  const bad = [];
  const W = window.innerWidth;
  if (document.documentElement.scrollWidth > W + 1) bad.push(`page is ${document.documentElement.scrollWidth}px wide`);
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg')) continue;
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > W + 1) bad.push(`${el.tagName}.${el.className} ends at ${Math.round(r.right)}px`);
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.display !== 'inline')
      bad.push(`${el.tagName}.${el.className} content ${el.scrollWidth}px in ${el.clientWidth}px: ${el.textContent.slice(0, 60)}`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const vb = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < vb.x - 1 || b.x + b.width > vb.x + vb.width + 1) bad.push(`svg label cut: ${t.textContent}`);
    }
    const boxes = [...svg.querySelectorAll('text')].map(t => [t.getBBox(), t.textContent]);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, ta] = boxes[i], [b, tb] = boxes[j];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      if (overlap) bad.push(`svg labels overprint: ${ta} / ${tb}`);
    }
  }
  return bad;
}
"""


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    from analysis import report as rep

    return rep.run_report(out=tmp_path_factory.mktemp("report") / "seed", progress=False)


def test_report_index_holds_at_slide_size(seed_report):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / "report-index-1280x800.png"
    with sync_playwright() as p:
        browser = _browser(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(seed_report.index.resolve().as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(shot))                                   # what a projector shows first
            page.screenshot(path=str(SHOTS / "report-index-full.png"), full_page=True)
            problems = page.evaluate(OVERFLOW_JS)
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    assert not problems, "\n".join(problems[:20])
