"""Strip outputs and execution counts from the lessons, so they are committed clean.

The notebooks in ``notebooks/`` are the source of the lessons: edit them in JupyterLab (on a
branch, not in ``my-notebooks/``), then run ``python tools/clean_notebooks.py`` (all of them) or
``python tools/clean_notebooks.py notebooks/04-stance-and-sentiment.ipynb``. Every analysis
notebook keeps its cell tagged ``parameters`` (ARTICLE, PUBLISHED, EXPORT_DIR, and CORPUS in 06),
which the report fills in; ``tests/test_notebooks.py`` checks both.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def clean(path: Path) -> bool:
    """Remove outputs, execution counts and run metadata from one notebook; True if it changed."""
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in ("execution", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    after = nbformat.writes(nb) + "\n"
    if after != before:
        path.write_text(after, encoding="utf-8")
        return True
    return False


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        if clean(path):
            print(f"cleaned {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
