"""A real JupyterLab in a real (headless) Chromium: open a notebook, run all cells, see a chart.

Run with ``make test-browser`` (it installs Debian's chromium when /usr/bin/chromium is missing).
Playwright drives the system browser; it downloads nothing. The notebooks are copied to a
temporary folder first, so the run (and Lab's autosave) never touches ``notebooks/``.
Override the notebook with ``ANALYSIS_BROWSER_NOTEBOOK=00-start-here.ipynb``.
"""

from __future__ import annotations

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


def _target() -> Path:
    chosen = os.environ.get("ANALYSIS_BROWSER_NOTEBOOK")
    if chosen:
        return ROOT / "notebooks" / chosen
    preferred = ROOT / "notebooks" / "02-term-frequencies.ipynb"
    return preferred if preferred.exists() else ROOT / "notebooks" / "01-tokenize-and-annotate.ipynb"


def _saves_charts(path: Path) -> bool:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    return "plots." in code or "save(fig" in code or "plt." in code


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'bash tests/browser/ensure_chromium.sh' (make test-browser does)")
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_RUNTIME_DIR=str(work / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(work / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"))
    env.pop("ANALYSIS_WIDGETS", None)
    # render every cell (no windowing: prompts and charts stay in the page) and skip the news prompt
    settings = work / "settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    cmd = [sys.executable, "-m", "jupyterlab", "--ip=127.0.0.1", f"--port={port}", "--no-browser",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work / 'notebooks'}",
           "--LabApp.news_url=", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        cmd.append("--allow-root")
    log = open(work / "lab.log", "w")
    proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
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
                raise RuntimeError("JupyterLab did not start:\n" + (work / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
        # token auth is on: without the token the API refuses
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/api/contents", timeout=5)
        assert refused.value.code in (401, 403)
        yield {"base": base, "token": token, "dir": work / "notebooks"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_notebook_runs_in_jupyterlab_and_draws_a_chart(lab):
    from playwright.sync_api import sync_playwright

    target = _target()
    assert target.exists(), target
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"lab-{target.stem}.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(f"{lab['base']}/lab/tree/{target.name}?token={lab['token']}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
            # Lab may ask which kernel to start: accept the notebook's own (Python 3)
            try:
                page.wait_for_selector(".jp-Dialog .jp-mod-accept", timeout=15_000)
                page.locator(".jp-Dialog .jp-mod-accept").first.click()
            except Exception:  # noqa: BLE001 - no dialog: the kernel started by itself
                pass
            # wait for the kernel, then Run > Run All Cells
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
            page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^Run$")).first.click()
            page.locator(".lm-Menu-itemLabel").filter(has_text=re.compile(r"^Run All Cells$")).first.click()
            n_code = page.locator(".jp-CodeCell").count()
            deadline = time.time() + float(os.environ.get('BROWSER_RUN_TIMEOUT', 240))
            while time.time() < deadline:
                prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
                done = [t for t in prompts if t.strip() not in ("[ ]:", "[*]:", "")]
                if len(done) == n_code:
                    break
                time.sleep(1)
            prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
            page.screenshot(path=str(shot))
            assert all(t.strip() not in ("[ ]:", "[*]:", "") for t in prompts), prompts
            # no cell shows an error (Lab renders tracebacks as stderr output with the error's name)
            stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
            errors = [t for t in stderr if "Traceback" in t or re.search(r"^\w*(Error|Exception)\b", t, re.M)]
            assert not errors, errors[0][:2000]
            images = page.locator(".jp-OutputArea-output img")
            if _saves_charts(target):
                assert images.count() >= 1, "no chart image was rendered"
                first = images.first
                first.click()  # make the chart's cell the active one, so Lab keeps it in view
                time.sleep(0.5)
                first.evaluate("img => img.scrollIntoView({block: 'center'})")
                time.sleep(0.5)
                width = first.evaluate("img => img.naturalWidth")
                assert width > 100, "the chart image is empty"
            page.screenshot(path=str(shot))
            # save, and read the saved notebook: every code cell ran, no output is an error
            page.keyboard.press("Control+s")
            time.sleep(2)
        finally:
            browser.close()
    assert shot.exists() and shot.stat().st_size > 10_000
    saved = json.loads((lab["dir"] / target.name).read_text(encoding="utf-8"))
    code = [c for c in saved["cells"] if c["cell_type"] == "code"]
    assert all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
