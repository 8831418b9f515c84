"""The report: one folder with executed notebooks (ipynb + HTML), charts, tables and an index page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

import analysis
from analysis import report as rep
from analysis import widgets

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "articles"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append(attrs[key])


def _links(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def _notebook(path: Path, cells: list[tuple[str, str]]) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for kind, src in cells:
        cell = nbformat.v4.new_code_cell(src) if kind != "md" else nbformat.v4.new_markdown_cell(src)
        if kind == "params":
            cell.metadata["tags"] = ["parameters"]
        nb.cells.append(cell)
    nbformat.write(nb, path)
    return path


PARAMS = ("params", "ARTICLE = None\nPUBLISHED = None\nEXPORT_DIR = None")


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "seed"
    return rep.run_report(out=out, progress=False)


@pytest.mark.slow
def test_seed_report_has_every_part(seed_report):
    out = seed_report.out
    for sub in ("html", "notebooks", "charts", "tables"):
        assert (out / sub).is_dir(), sub
    expected = [p.stem for p in rep.numbered_notebooks()]
    assert "00-start-here" in expected and "01-tokenize-and-annotate" in expected
    assert sorted(p.stem for p in (out / "html").glob("*.html")) == expected
    assert sorted(p.stem for p in (out / "notebooks").glob("*.ipynb")) == expected
    assert all(r.status == "ok" for r in seed_report.runs)
    for name in ("paragraphs", "sentences", "tokens"):
        assert (out / "tables" / f"{name}.csv").is_file()
    assert not seed_report.notes, seed_report.notes
    for name in analysis.available_layers():
        assert (out / "tables" / f"{name}.csv").is_file(), name
    charts = sorted(p.stem for p in (out / "charts").glob("*.png"))
    assert len(charts) >= 8 and sorted(p.stem for p in (out / "charts").glob("*.svg")) == charts
    assert {p.name[:2] for p in (out / "html").glob("*.html")} >= {"00", "01", "02", "03", "04", "05"}
    # every exported chart comes as PNG and SVG
    for png in (out / "charts").glob("*.png"):
        assert png.with_suffix(".svg").is_file()
    # the executed notebooks got the injected parameters and ran with no error
    nb = nbformat.read(out / "notebooks" / "01-tokenize-and-annotate.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "seeds/csto_dushanbe_2021.txt" in injected[0].source
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    info = json.loads((out / "report.json").read_text())
    assert info["status"] == "ok" and len(info["notebooks"]) == len(expected)


@pytest.mark.slow
def test_seed_index_names_the_article_and_links_resolve(seed_report):
    out = seed_report.out
    page = (out / "index.html").read_text(encoding="utf-8")
    # the metadata, from the sidecar and the byline (written here from the seed, not from the code)
    assert "There will be no capitulator’s leg on the land of the CSTO" in page
    assert "Elena Chernenko" in page and "The Frontier Post" in page and "2021-09-16" in page
    assert "No publication date" not in page
    assert "12" in page and "Top terms" in page and "afghanistan" in page.lower()
    links = [link for link in _links(out / "index.html") if not link.startswith(("http", "#"))]
    assert any(link.startswith("html/") for link in links) and any(link.startswith("tables/") for link in links)
    for link in links:
        assert (out / link).resolve().is_file(), link
        assert (out / link).resolve().is_relative_to(out.resolve())


def test_summary_facts_counts_from_the_tables(seed_doc):
    facts = rep.summary_facts(seed_doc)
    assert facts["size"]["paragraphs"] == 12 and facts["size"]["sentences"] == len(seed_doc.sentences)
    words = seed_doc.tokens[~seed_doc.tokens.is_punct]
    assert facts["size"]["words"] == len(words)
    top = {term.lower(): n for term, n in facts["terms"]}  # names keep their capital ("Afghanistan")
    assert "afghanistan" in list(top)[:5]
    # the count is an independent count over the tokens
    tokens = seed_doc.tokens
    assert top["afghanistan"] == int((tokens.lower == "afghanistan").sum())


@pytest.mark.slow
def test_undated_article_without_sidecar_completes_and_says_so(tmp_path):
    src = tmp_path / "coastal.txt"
    shutil.copy(ARTICLES / "report_undated.txt", src)  # no .yml beside it
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", str(src), "--out", str(out)],
                          capture_output=True, text=True, timeout=400, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "index.html" in proc.stdout
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Coastal states split over new fishing quotas" in page
    assert "Maria Lindqvist" in page
    assert 'id="no-date"' in page or "id='no-date'" in page
    assert "No publication date" in page and "Published:</b> unknown" in page
    assert sorted(p.stem for p in (out / "html").glob("*.html")) == [p.stem for p in rep.numbered_notebooks()]


def test_failing_notebook_stops_the_report_naming_notebook_and_cell(tmp_path):
    good = _notebook(tmp_path / "10-good.ipynb", [PARAMS, ("code", "print('fine')")])
    bad = _notebook(tmp_path / "11-broken.ipynb", [PARAMS, ("code", "x = 1"), ("code", "raise ValueError('boom in the test')")])
    after = _notebook(tmp_path / "12-after.ipynb", [PARAMS, ("code", "print('never')")])
    out = tmp_path / "out"
    with pytest.raises(rep.NotebookFailed) as info:
        rep.run_report(analysis.SEED, out=out, notebooks=[good, bad, after], workers=1, progress=False)
    exc = info.value
    assert exc.notebook == "11-broken.ipynb" and exc.ename == "ValueError"
    # cell 0 = parameters, 1 = injected parameters, 2 = x = 1, 3 = the raise (the 4th cell run)
    assert exc.cell == 3 and exc.execution_count == 4
    message = str(exc)
    assert "11-broken.ipynb" in message and "cell 3 (In [4])" in message and "ValueError: boom in the test" in message
    # what was written stays: the good notebook, the failed one (with its error) and the index
    assert (out / "html" / "10-good.html").is_file() and (out / "notebooks" / "10-good.ipynb").is_file()
    assert "boom in the test" in (out / "html" / "11-broken.html").read_text(encoding="utf-8")
    assert not (out / "notebooks" / "12-after.ipynb").exists()
    statuses = {n["name"]: n["status"] for n in json.loads((out / "report.json").read_text())["notebooks"]}
    assert statuses == {"10-good": "ok", "11-broken": "failed", "12-after": "skipped"}
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "The report stopped" in page and "11-broken.ipynb" in page
    assert (out / "tables" / "tokens.csv").is_file()


def test_cli_reports_a_failing_notebook_with_exit_status_1(tmp_path, monkeypatch, capsys):
    from analysis.cli import main

    bad = _notebook(tmp_path / "20-broken.ipynb", [PARAMS, ("code", "1 / 0")])
    monkeypatch.setattr(rep, "numbered_notebooks", lambda folder=None: [bad])
    status = main(["report", str(analysis.SEED), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1
    line = next(x for x in err.splitlines() if x.startswith("error:"))
    assert line.startswith("error: notebook 20-broken.ipynb failed at cell 2 (In [3])") and "ZeroDivisionError" in line


def test_bad_input_is_an_input_error(tmp_path):
    with pytest.raises(analysis.InputError):
        rep.run_report(tmp_path / "missing.txt", out=tmp_path / "out", progress=False)
    with pytest.raises(analysis.InputError, match="YYYY-MM-DD"):
        rep.run_report(analysis.SEED, published="16/09/2021", out=tmp_path / "out", progress=False)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_title_with_dot_dot_cannot_write_outside_out(tmp_path, monkeypatch):
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    src = inner / "..council...txt"
    shutil.copy(ARTICLES / "report_traversal.txt", src)
    monkeypatch.chdir(inner)
    before = _files(tmp_path)
    result = rep.run_report(src, progress=False, notebooks=rep.numbered_notebooks()[:2])
    out = result.out.resolve()
    assert out.parent == (inner / "reports").resolve() and ".." not in result.out.parts
    new = _files(tmp_path) - before
    assert new and all(p.resolve().is_relative_to(out) for p in new), sorted(map(str, new))
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "../../outside/../../etc/escape" in page  # shown as text (escaped), not used as a path


def test_default_out_is_reports_slug():
    art = analysis.load_article(analysis.SEED)
    assert rep.default_out(art) == Path("reports") / "csto_dushanbe_2021".replace("_", "-") or \
        rep.default_out(art) == Path("reports") / art.slug


def test_make_lab_binds_localhost_and_keeps_token_auth():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "a 'lab' target"
    command = recipe.group(1)
    assert "jupyter lab" in command
    assert re.search(r"--(?:ServerApp\.)?ip=127\.0\.0\.1\b", command)
    # nothing switches the token or password off, and nothing opens it to other hosts
    for forbidden in ("token=''", 'token=""', "token= ", "password=''", "disable_check_xsrf", "0.0.0.0",
                      "allow_remote_access=True", "--no-browser --ip=*"):
        assert forbidden not in command, forbidden
    assert not re.search(r"token=(\s|$)", command)


# --------------------------------------------------------------------------------------------
# widgets: the static fallback (no live kernel here)


def test_kwic_lines_match_the_text(seed_doc):
    lines = widgets.kwic_lines(seed_doc, "Taliban", window=3)
    assert len(lines) == 4
    for row in lines.itertuples():
        assert seed_doc.text[row.start:row.end] == row.keyword == "Taliban"
    # from the seed's text: "never mentions the Taliban", "recalled that “the Taliban", ...
    assert [left.split()[-1] for left in lines.left] == ["the", "“the", "the", "the"]
    assert lines.left.iloc[0].endswith("never mentions the") and lines.para_id.tolist() == sorted(lines.para_id)
    three = widgets.kwic_lines(seed_doc, "inclusive government")
    assert three.keyword.tolist() == ["inclusive government"] * 3
    assert three.para_id.tolist() == [1, 3, 11]
    assert three.left.iloc[:2].str.endswith("formation of an").all() and three.left.iloc[2].endswith("will form an")
    assert widgets.kwic_lines(seed_doc, "no such phrase here").empty


def test_kwic_on_an_article_of_our_own():
    doc = analysis.annotate(analysis.load_article(ARTICLES / "report_undated.txt"))
    lines = widgets.kwic_lines(doc, "deeper cuts")
    assert len(lines) == 2
    assert lines.left.tolist()[0].endswith("argued for") and lines.left.tolist()[1].endswith("the proposal for")
    assert lines.right.tolist()[0].startswith(", while the Faroe Islands")


def test_widgets_fall_back_to_static_html(seed_doc, monkeypatch):
    monkeypatch.setenv(widgets.ENV, "static")
    assert not widgets.live()
    for view in (widgets.kwic_search(seed_doc, keyword="threat"), widgets.actor_picker(seed_doc),
                 widgets.paragraph_slider(seed_doc, para_id=2)):
        bundle = view._repr_mimebundle_()
        assert view.widget is None and "text/html" in bundle
        assert "application/vnd.jupyter.widget-view+json" not in bundle
    assert "threat" in widgets.kwic_search(seed_doc, keyword="threat").html
    assert "Following the meeting in Dushanbe" in widgets.paragraph_slider(seed_doc, para_id=2).html
    with pytest.raises(ValueError, match="choose a paragraph"):
        widgets.paragraph_slider(seed_doc, para_id=99)


def test_widgets_are_live_in_a_kernel_and_keep_the_static_view(seed_doc, monkeypatch):
    monkeypatch.delenv(widgets.ENV, raising=False)
    monkeypatch.setattr(widgets, "live", lambda: True)
    view = widgets.kwic_search(seed_doc, keyword="threat")
    bundle = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "threat" in bundle["text/html"]
    box = view.widget.children[0].children[0]
    box.value = "inclusive government"  # typing in the box updates the output
    assert "3 occurrence(s)" in view.widget.children[1].value
    slider = widgets.paragraph_slider(seed_doc, para_id=1)
    slider.widget.children[0].value = 2
    assert "Following the meeting in Dushanbe" in slider.widget.children[1].value
