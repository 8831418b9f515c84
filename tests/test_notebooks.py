"""Every notebook in notebooks/ runs top to bottom with no error (nbclient), on the seed and on
thin articles (a title only, one sentence, no date), and shows every chart exactly once."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ARTICLES = Path(__file__).resolve().parent / "articles"
#: the article each run gets (None: the notebook's default, the seed)
RUNS = {
    "seed": None,
    "title-only": ARTICLES / "thin_title_only.txt",
    "one-sentence": ARTICLES / "thin_one_sentence.txt",
    "undated": ARTICLES / "report_undated.txt",
}


#: a cell that makes a chart: ``fig = plots.top_terms(doc)``, ``fig = analysis.plots.actor_heatmap(doc)``
CHART_CALL = re.compile(r"^\s*fig\w*\s*=.*\bplots\.\w+\(", re.M)


def image_outputs(cell) -> int:
    """How many pictures a cell shows (PNG or SVG outputs)."""
    return sum(1 for o in cell.get("outputs", []) if {"image/png", "image/svg+xml"} & set(o.get("data", {})))


def chart_problems(nb, *, every_chart_drawn: bool) -> list[str]:
    """Cells that show a picture twice (or, with ``every_chart_drawn``, a chart cell that shows none)."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        n = image_outputs(cell)
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        if n > 1:
            problems.append(f"cell {i} shows {n} pictures: {first}")
        elif every_chart_drawn and n == 0 and CHART_CALL.search(cell.source):
            problems.append(f"cell {i} draws a chart but shows none: {first}")
    return problems


def _with_parameters(nb, **values):
    """Set parameters after the parameters cell, as papermill does."""
    values = {k: str(v) for k, v in values.items() if v is not None}
    if not values:
        return nb
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell("\n".join(f"{k} = {v!r}" for k, v in values.items())))
    return nb


def _execute(nb, tmp_path):
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, f"{errors[0].ename}: {errors[0].evalue}" if errors else ""
    return nb


def _printed(nb) -> str:
    return " ".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                    if o.output_type == "stream")


@pytest.fixture
def kernel_env(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    monkeypatch.delenv("ANALYSIS_WIDGETS", raising=False)


@pytest.mark.slow
@pytest.mark.parametrize("run", list(RUNS))
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_and_shows_each_chart_once(path, run, tmp_path, kernel_env):
    nb = _execute(_with_parameters(nbformat.read(path, as_version=4), ARTICLE=RUNS[run]), tmp_path)
    compares = path.stem.startswith("06")  # 06 draws only when given two or more articles
    assert not chart_problems(nb, every_chart_drawn=run == "seed" and not compares)
    if compares:
        assert "Nothing to compare" in _printed(nb) and not sum(image_outputs(c) for c in nb.cells)


COMPARE = next(p for p in NOTEBOOKS if p.stem.startswith("06"))


@pytest.mark.slow
def test_compare_notebook_on_the_demo_corpus_says_so_in_every_chart(tmp_path, kernel_env):
    nb = _with_parameters(nbformat.read(COMPARE, as_version=4), CORPUS="demo", EXPORT_DIR=tmp_path / "out")
    nb = _execute(nb, tmp_path)
    assert not chart_problems(nb, every_chart_drawn=True)
    svgs = sorted((tmp_path / "out" / "charts").glob("*.svg"))
    assert len(svgs) == 4
    for svg in svgs:  # the charts keep their text as text (svg.fonttype none): the title is readable
        assert "demo corpus" in svg.read_text(encoding="utf-8"), svg.name


@pytest.mark.slow
def test_compare_notebook_compares_only_the_named_folder(tmp_path, kernel_env):
    folder = tmp_path / "my articles"
    folder.mkdir()
    for name in ("corpus_port_strike", "corpus_water_summit"):
        for suffix in (".txt", ".yml"):
            (folder / f"{name}{suffix}").write_bytes((ARTICLES / f"{name}{suffix}").read_bytes())
    nb = _execute(_with_parameters(nbformat.read(COMPARE, as_version=4), CORPUS=folder), tmp_path)
    printed = _printed(nb)
    assert "2 articles to compare" in printed and "corpus_port_strike" in printed
    assert "csto" not in printed.lower() and "demo corpus" not in printed
    assert not chart_problems(nb, every_chart_drawn=True)


def test_chart_problems_sees_a_doubled_chart():
    nb = nbformat.v4.new_notebook()
    png = {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}, "metadata": {}}
    cell = nbformat.v4.new_code_cell("fig = plots.top_terms(doc)\nfig")
    cell.outputs = [png, dict(png, output_type="execute_result", execution_count=1)]
    quiet = nbformat.v4.new_code_cell("fig = plots.top_terms(doc)\nsave(fig, 'x', None);")
    nb.cells = [cell, quiet]
    problems = chart_problems(nb, every_chart_drawn=True)
    assert len(problems) == 2 and "2 pictures" in problems[0] and "shows none" in problems[1]


def test_notebook_charts_are_built_outside_pyplot():
    """A chart function's figure is not kept by pyplot, so the inline backend cannot show it again."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import analysis
    import analysis.plots

    doc = analysis.annotate(analysis.SEED)
    before = set(plt.get_fignums())
    fig = analysis.plots.top_terms(doc, n=5)
    assert set(plt.get_fignums()) == before
    assert fig.axes and fig.canvas is not None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_clean_and_teaches(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "strip outputs before committing"
    assert nb["cells"][0]["cell_type"] == "markdown", "the first cell is a header"
    header = "".join(nb["cells"][0]["source"])
    assert "Time" in header and "learn" in header.lower()
    if not path.stem.startswith("00"):
        assert any("parameters" in c.get("metadata", {}).get("tags", []) for c in code), "a cell tagged 'parameters'"
        text = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown").lower()
        assert "discussion" in text, "a question for discussion"
