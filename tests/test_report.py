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
    # every chart once, in the executed notebooks and so in their web pages
    for path in sorted((out / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                shown = [o for o in cell.outputs if "image/png" in o.get("data", {})]
                assert len(shown) <= 1, f"{path.name}: a chart shown {len(shown)} times"
    # one article: the comparison notebook draws nothing and says how to compare several
    compare = nbformat.read(out / "notebooks" / "06-compare-articles.ipynb", as_version=4)
    assert "Nothing to compare" in " ".join(o.get("text", "") for c in compare.cells if c.cell_type == "code" for o in c.outputs)
    assert not [p for p in (out / "charts").glob("06-*")]


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
    from analysis import lab

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "a 'lab' target"
    assert "-m analysis lab" in recipe.group(1)
    command = " ".join(lab.lab_command(ROOT))
    assert "-m jupyterlab" in command
    assert re.search(r"--(?:ServerApp\.)?ip=127\.0\.0\.1\b", command)
    # nothing switches the token or password off, and nothing opens it to other hosts
    for forbidden in ("token=''", 'token=""', "token= ", "password=''", "disable_check_xsrf", "0.0.0.0",
                      "allow_remote_access=True", "--ip=*"):
        assert forbidden not in command, forbidden
    assert not re.search(r"token=(\s|$)", command)
    # the news pop-up is off, the working copy opens first, kernels start in the project folder
    assert "--LabApp.news_url=None" in command
    assert f"preferred_dir={ROOT / lab.WORKSPACE}" in command and "/lab/tree/my-notebooks/00-start-here.ipynb" in command
    assert "ProjectKernelManager" in command and f"project_dir={ROOT}" in command


def test_lab_workspace_is_a_copy_that_is_never_overwritten(tmp_path):
    from analysis import lab

    folder, copied = lab.prepare_workspace(tmp_path)
    lessons = sorted(p.name for p in rep.NOTEBOOK_DIR.glob("*.ipynb"))
    assert folder == tmp_path / "my-notebooks" and copied == lessons
    for name in lessons:
        assert (folder / name).read_bytes() == (rep.NOTEBOOK_DIR / name).read_bytes()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "notebooks/" in readme and "make lab" in readme and "ARTICLE" in readme  # how to refresh, where articles go
    # the teacher's edits survive the next start; a deleted lesson comes back
    mine = folder / lessons[0]
    mine.write_text("{}", encoding="utf-8")
    (folder / lessons[1]).unlink()
    _, again = lab.prepare_workspace(tmp_path)
    assert again == [lessons[1]] and mine.read_text(encoding="utf-8") == "{}"


def test_lab_workspace_is_ignored_by_git():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    res = subprocess.run(["git", "check-ignore", "-q", "my-notebooks/00-start-here.ipynb"], cwd=ROOT)
    assert res.returncode == 0, "my-notebooks/ must be in .gitignore"


def test_lab_kernels_start_in_the_project_folder(tmp_path):
    pytest.importorskip("jupyter_server")
    from analysis._lab_kernels import ProjectKernelManager

    (tmp_path / "my-notebooks").mkdir()
    km = ProjectKernelManager(root_dir=str(tmp_path), project_dir=str(tmp_path))
    assert km.cwd_for_path("my-notebooks/00-start-here.ipynb") == str(tmp_path)
    plain = ProjectKernelManager(root_dir=str(tmp_path))
    assert plain.cwd_for_path("my-notebooks/00-start-here.ipynb") == str(tmp_path / "my-notebooks")


def test_lab_news_is_switched_off_without_losing_other_settings(tmp_path):
    from analysis import lab

    path = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    assert lab.switch_off_news(tmp_path) == path
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}


# --------------------------------------------------------------------------------------------
# thin articles, a folder to compare, a quiet run


@pytest.mark.slow
def test_title_only_article_reports_quietly_with_a_note(tmp_path):
    """The whole report on a file that holds only a title: exit 0, nothing on stderr, notes instead of errors."""
    src = tmp_path / "my articles" / "harbour vote.txt"
    src.parent.mkdir()
    shutil.copy(ARTICLES / "thin_title_only.txt", src)
    out = tmp_path / "out dir"
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", str(src), "--out", str(out)],
                          capture_output=True, text=True, timeout=400, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr == "", proc.stderr[-2000:]  # no kernel chatter, no bar (not a terminal)
    lines = proc.stdout.strip().splitlines()
    assert lines[0].startswith("7 notebooks") and lines[-1].startswith("open ")
    assert not any("WARNING" in line or "Traceback" in line for line in lines)
    log = (out / rep.LOG_NAME).read_text(encoding="utf-8")
    assert "IPKernelApp" in log or log == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Harbour authority postpones vote on night shipping ban" in page
    assert "id='no-body'" in page and "No body text" in page
    for path in sorted((out / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            assert not [o for o in cell.outputs if o.output_type == "error"], path.name
            images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert len(images) <= 1, f"{path.name}: a chart shown {len(images)} times"
    charts = sorted((out / "charts").glob("*.png"))
    assert charts  # the charts say there is nothing to draw instead of failing


def test_one_sentence_article_index_says_it_is_short(tmp_path):
    only = _notebook(tmp_path / "10-only.ipynb", [PARAMS, ("code", "print(ARTICLE)")])
    report = rep.run_report(ARTICLES / "thin_one_sentence.txt", out=tmp_path / "out", notebooks=[only], progress=False)
    page = report.index.read_text(encoding="utf-8")
    assert "Ferry link resumes" in page and "id='short'" in page and "1 sentence)" in page
    for name in ("paragraphs", "sentences", "tokens", "events"):
        if name in ("paragraphs", "sentences", "tokens") or name in analysis.available_layers():
            assert (report.out / "tables" / f"{name}.csv").is_file()


def test_a_folder_is_compared_and_its_first_article_read(tmp_path):
    folder = tmp_path / "class texts"
    folder.mkdir()
    for name in ("corpus_water_summit", "corpus_port_strike"):
        for suffix in (".txt", ".yml"):
            shutil.copy(ARTICLES / f"{name}{suffix}", folder / f"{name}{suffix}")
    probe = _notebook(tmp_path / "10-probe.ipynb", [PARAMS, ("code", "CORPUS = None"), ("code", "print(ARTICLE, CORPUS)")])
    # the parameters cell of this probe declares CORPUS too
    nb = nbformat.read(probe, as_version=4)
    nb.cells[0].source += "\nCORPUS = None"
    del nb.cells[1]
    nbformat.write(nb, probe)
    report = rep.run_report(folder, out=tmp_path / "out", notebooks=[probe], progress=False)
    ran = nbformat.read(report.out / "notebooks" / "10-probe.ipynb", as_version=4)
    injected = next(c for c in ran.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert f"CORPUS = {str(folder.resolve())!r}" in injected.source.replace('"', "'")
    assert "corpus_port_strike.txt" in injected.source  # the first article in name order
    demo = rep.run_report(analysis.SEED, out=tmp_path / "demo", notebooks=[probe], progress=False, corpus="demo")
    ran = nbformat.read(demo.out / "notebooks" / "10-probe.ipynb", as_version=4)
    assert "CORPUS = 'demo'" in next(c for c in ran.cells if "injected-parameters" in c.metadata.get("tags", [])).source.replace('"', "'")
    with pytest.raises(analysis.InputError, match="no such folder"):
        rep.run_report(analysis.SEED, out=tmp_path / "x", notebooks=[probe], progress=False, corpus=tmp_path / "nope")


def test_a_kernel_that_fails_to_start_is_started_again(tmp_path, monkeypatch):
    import papermill

    calls = []
    real = papermill.execute_notebook

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info: ZMQError: Address already in use")
        return real(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    only = _notebook(tmp_path / "10-only.ipynb", [PARAMS, ("code", "print('fine')")])
    report = rep.run_report(analysis.SEED, out=tmp_path / "out", notebooks=[only], progress=False)
    assert len(calls) >= 2 and report.runs[0].status == "ok"  # (a kernel that dies under load is retried too)
    assert not rep._kernel_trouble(ValueError("boom")) and rep._kernel_trouble(RuntimeError("Kernel died"))


def test_an_implausible_date_is_a_note_on_the_index(tmp_path):
    only = _notebook(tmp_path / "10-only.ipynb", [PARAMS, ("code", "print('fine')")])
    with pytest.warns(analysis.InputWarning, match="more than a year after today"):
        report = rep.run_report(analysis.SEED, published="2204-11-04", out=tmp_path / "out", notebooks=[only], progress=False)
    assert "2204-11-04 is more than a year after today" in report.index.read_text(encoding="utf-8")


def test_timeline_strip_keeps_labels_inside_and_apart():
    import datetime as dt

    items = [{"value": v, "date": a, "last": b, "label": "x", "actors": ""} for v, a, b in [
        ("2021-04", dt.date(2021, 4, 1), dt.date(2021, 4, 30)),
        ("2021-09-14", dt.date(2021, 9, 14), dt.date(2021, 9, 14)),
        ("2021-09-15", dt.date(2021, 9, 15), dt.date(2021, 9, 15)),
        ("2021-09-16", dt.date(2021, 9, 16), dt.date(2021, 9, 16))]]
    svg = rep._timeline_svg(items, dt.date(2021, 9, 16))
    width = float(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
    boxes = []
    for x, y, attrs, text in re.findall(r'<text x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]+)</text>', svg):
        w = rep._text_width(text)
        if 'text-anchor="end"' in attrs:
            x = float(x) - w
        assert 0 <= float(x) and float(x) + w <= width, text  # inside the picture
        boxes.append((float(x), float(x) + w, float(y), text))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a[2] == b[2]:
                assert a[1] <= b[0] or b[1] <= a[0], (a, b)  # no two labels on one row overlap
    assert "<rect" in svg  # the month is a span, the days are dots
    assert svg.count("<circle") == 3


def test_events_csv_dates_are_as_precise_as_their_values(tmp_path):
    if "events" not in analysis.available_layers():
        pytest.skip("no timeline layer")
    doc = analysis.annotate(analysis.SEED)
    rep.write_tables(doc, tmp_path)
    import pandas as pd

    ev = pd.read_csv(tmp_path / "events.csv", dtype=str, keep_default_na=False)
    for date, value in zip(ev["date"], ev["value"]):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            assert date == value
        elif re.fullmatch(r"\d{4}(-\d{2})?", value):
            assert date == value, (date, value)  # "2021-04" stays a month, never "2021-04-01"


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


def test_paragraph_slider_shows_no_empty_cells_and_wraps(seed_doc, monkeypatch):
    monkeypatch.setenv(widgets.ENV, "static")
    for para in range(1, 13):
        page = widgets.paragraph_slider(seed_doc, para_id=para).html
        assert "<NA>" not in page and "NaN" not in page and "nan<" not in page
    page = widgets.paragraph_slider(seed_doc, para_id=3).html
    assert "Words that moved the scores" in page and "overflow-x:auto" in page and "overflow-wrap:anywhere" in page
    head = page.split("Words that moved the scores", 1)[1].split("</thead>", 1)[0]
    assert [c for c in ("level", "sent_id", "start", "subjectivity") if f">{c}<" in head] == []


def test_actor_picker_opens_at_the_first_mention(seed_doc, monkeypatch):
    monkeypatch.setenv(widgets.ENV, "static")
    page = widgets.actor_picker(seed_doc, actor="Taliban").html
    first = int(seed_doc.mentions[seed_doc.mentions.actor == "Taliban"].para_id.min())
    assert f"First mention in ¶{first}." in page and f"¶1–¶{first - 1}: no mention (not shown)" in page
    shown = page.split("no mention (not shown)", 1)[1]
    assert f"¶{first}</small>" in shown and "¶1</small>" not in shown
    assert "(armed group)" in page and "armed_group" not in page


def test_views_on_a_title_only_article_say_so(monkeypatch):
    monkeypatch.setenv(widgets.ENV, "static")
    doc = analysis.annotate(analysis.load_article(ARTICLES / "thin_title_only.txt"))
    assert widgets.thin_note(doc).startswith("note: this article has no body text")
    assert "no body paragraph" in widgets.paragraph_slider(doc).html
    if "mentions" in analysis.available_layers():
        assert "No actor was found" in widgets.actor_picker(doc).html
    one = analysis.annotate(analysis.load_article(ARTICLES / "thin_one_sentence.txt"))
    assert widgets.thin_note(one).startswith("note: this article has 1 sentence and 1 paragraph:")
    assert widgets.thin_note(analysis.annotate(analysis.SEED)) == ""


def test_the_index_lists_no_place_or_unsettled_name_among_the_top_actors():
    from analysis.report import summary_facts

    doc = analysis.annotate(analysis.from_text(
        "Headline\n\nThe Zorvan Keltharo exhibition opened in Paris. Russia sent a minister to Paris."))
    assert set(doc.mentions["actor_type"]) >= {"other", "state"}
    names = [a for a, _, _ in summary_facts(doc)["actors"]]
    assert names == ["Russia"]
