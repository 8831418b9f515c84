"""README images: a screenshot of the report's index page and two charts, as small PNGs in docs/.

    python tools/make_docs_images.py [REPORT_DIR]      # default: run the report on the seed first

Needs Debian's chromium at /usr/bin/chromium (``bash tests/browser/ensure_chromium.sh``) and
Playwright's Python package; the charts are copied from ``REPORT_DIR/charts`` (preferring the
term and actor charts) and shrunk with matplotlib's image reader/writer (Pillow when installed).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PREFERRED = ("02-top-terms", "03-", "04-", "05-timeline", "02-", "00-")


def screenshot_index(report_dir: Path, target: Path, *, width: int = 1200, height: int = 900) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto((report_dir / "index.html").resolve().as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(target))
        finally:
            browser.close()
    return target


def shrink(src: Path, target: Path, *, max_width: int = 900) -> Path:
    """Copy a PNG, scaled down to ``max_width`` pixels when it is wider."""
    try:
        from PIL import Image

        with Image.open(src) as im:
            if im.width > max_width:
                im = im.resize((max_width, round(im.height * max_width / im.width)), Image.LANCZOS)
            im.save(target, optimize=True)
    except ImportError:
        shutil.copyfile(src, target)
    return target


def pick_charts(charts: Path, n: int = 2) -> list[Path]:
    pngs = sorted(charts.glob("*.png"))
    chosen: list[Path] = []
    for prefix in PREFERRED:
        for png in pngs:
            if png.name.startswith(prefix) and png not in chosen and len(chosen) < n:
                chosen.append(png)
                break
    return chosen + [p for p in pngs if p not in chosen][: n - len(chosen)]


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    if argv:
        report_dir = Path(argv[0])
    else:
        from analysis.report import run_report

        report_dir = run_report(out=ROOT / "reports" / "csto-dushanbe-2021").out
    DOCS.mkdir(exist_ok=True)
    written = [screenshot_index(report_dir, DOCS / "report-index.png")]
    for i, png in enumerate(pick_charts(report_dir / "charts"), 1):
        written.append(shrink(png, DOCS / f"chart-{i}-{png.stem}.png"))
    for path in written:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
