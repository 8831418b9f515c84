"""The main job: run every numbered notebook on one article and collect the results in one folder.

``run_report`` executes ``notebooks/NN-*.ipynb`` with papermill (the article's path, its
publication date and the export folder are injected into each notebook's ``parameters``
cell), converts the executed notebooks to HTML with nbconvert, writes every layer of the
annotated article as CSV and finishes with an ``index.html`` a teacher can open or share::

    OUT/
      index.html          title, author, source, date, a one-screen summary, links to everything
      notebooks/NN-*.ipynb  the executed notebooks
      html/NN-*.html      the same, as web pages
      charts/NN-*.png|svg every chart the notebooks export (PNG >= 150 dpi and SVG)
      tables/*.csv        every layer of the annotated article, and the notebooks' tables
      tables/article.json the article's metadata
      report.json         what ran, how long it took, and whether it succeeded

Nothing is written outside ``OUT``: file names come from :func:`analysis.export.safe_name`,
and the kernels run with ``OUT/notebooks`` as their working folder.

>>> out = run_report("my_article.txt", published="2024-03-01")   # doctest: +SKIP
>>> (out / "index.html").exists()                                  # doctest: +SKIP
True
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

#: where the numbered notebooks live in a source checkout
NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
#: the environment variable that tells :mod:`analysis.widgets` to draw static views only
STATIC_WIDGETS_ENV = "ANALYSIS_WIDGETS"


class NotebookFailed(RuntimeError):
    """A notebook raised an error while the report ran it.

    Attributes:
        notebook: the notebook's file name, e.g. ``"03-actors.ipynb"``.
        cell: the index of the failing cell in the executed notebook (0-based, as in nbformat).
        execution_count: the ``In [n]`` number of the failing cell.
        ename, evalue: the exception's name and message.
        source: the failing cell's source.
    """

    def __init__(self, notebook: str, cell: int | None, execution_count, ename: str, evalue: str, source: str = ""):
        self.notebook, self.cell, self.execution_count = notebook, cell, execution_count
        self.ename, self.evalue, self.source = ename, evalue, source
        first = next((line for line in (source or "").splitlines() if line.strip()), "")
        where = f"cell {cell}" if cell is not None else "a cell"
        if execution_count is not None:
            where += f" (In [{execution_count}])"
        msg = f"notebook {notebook} failed at {where}: {ename}: {' '.join(str(evalue).split())}"
        if first:
            msg += f" -- in: {first.strip()[:80]}"
        super().__init__(msg)


@dataclass
class NotebookRun:
    """One notebook's run: its name, status (``ok``/``failed``/``skipped``), seconds and outputs."""

    name: str
    status: str = "skipped"
    seconds: float = 0.0
    ipynb: Path | None = None
    html: Path | None = None
    error: str | None = None


@dataclass
class Report:
    """What :func:`run_report` did (also written to ``OUT/report.json``)."""

    out: Path
    runs: list[NotebookRun] = field(default_factory=list)
    tables: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def index(self) -> Path:
        return self.out / "index.html"


def numbered_notebooks(folder=None) -> list[Path]:
    """The notebooks ``NN-*.ipynb`` in ``folder`` (default: the package's ``notebooks/``), in order.

    >>> [p.name for p in numbered_notebooks()][:1]     # doctest: +SKIP
    ['00-start-here.ipynb']
    """
    folder = Path(folder) if folder is not None else NOTEBOOK_DIR
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def default_out(article) -> Path:
    """``reports/<article slug>/`` under the current folder."""
    from .export import safe_name

    return Path("reports") / safe_name(article.slug or "article")


# --------------------------------------------------------------------------------------------
# running notebooks


def _has_parameters_cell(nb) -> bool:
    return any("parameters" in c.get("metadata", {}).get("tags", []) for c in nb.cells if c.cell_type == "code")


def _html_exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    return exporter


def _write_html(nb, name: str, folder: Path) -> Path:
    from .export import safe_name

    body, _ = _html_exporter().from_notebook_node(nb, resources={"metadata": {"name": name}})
    path = folder / f"{safe_name(name)}.html"
    path.write_text(body, encoding="utf-8")
    return path


def _run_one(src: Path, out: Path, parameters: dict, *, timeout: int, kernel_name: str, stop=None) -> NotebookRun:
    """Execute one notebook with papermill (one kernel), then export it as HTML.

    ``stop`` (a ``threading.Event``) is set when the notebook fails, and a notebook whose turn
    comes after it was set is skipped.
    """
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from .export import safe_name

    run = NotebookRun(name=src.stem)
    if stop is not None and stop.is_set():
        return run
    started = time.perf_counter()
    nb_dir, html_dir = out / "notebooks", out / "html"
    target = nb_dir / f"{safe_name(src.stem)}.ipynb"
    params = parameters if _has_parameters_cell(nbformat.read(src, as_version=4)) else {}
    failure = None
    try:
        pm.execute_notebook(str(src), str(target), parameters=params, kernel_name=kernel_name,
                            progress_bar=False, log_output=False, cwd=str(nb_dir),
                            execution_timeout=timeout, request_save_on_cell_execute=False)
    except PapermillExecutionError as exc:
        failure = NotebookFailed(src.name, exc.cell_index, exc.exec_count, exc.ename, exc.evalue, exc.source)
    except Exception as exc:  # kernel died, timeout, unreadable notebook ...
        failure = NotebookFailed(src.name, None, None, type(exc).__name__, str(exc))
    run.ipynb = target if target.exists() else None
    if run.ipynb is not None:  # the failed notebook is exported too: it shows the error in place
        run.html = _write_html(nbformat.read(target, as_version=4), src.stem, html_dir)
    run.seconds = time.perf_counter() - started
    run.status = "failed" if failure else "ok"
    if failure:
        run.error = str(failure)
        failure.run = run
        if stop is not None:
            stop.set()
        raise failure
    return run


class _KernelEnvironment:
    """Make the kernels import *this* ``analysis`` and draw widgets statically; undo on exit."""

    def __enter__(self):
        import logging

        # papermill warns about comments in the parameters cell and about parameters a notebook
        # (00) does not declare; neither matters here
        self.logger = logging.getLogger("papermill")
        self.level = self.logger.level
        self.logger.setLevel(logging.ERROR)
        root = str(Path(__file__).resolve().parent.parent)
        self.saved = {k: os.environ.get(k) for k in ("PYTHONPATH", STATIC_WIDGETS_ENV, "MPLBACKEND")}
        parts = [root] + [p for p in (self.saved["PYTHONPATH"] or "").split(os.pathsep) if p and p != root]
        os.environ["PYTHONPATH"] = os.pathsep.join(parts)
        os.environ[STATIC_WIDGETS_ENV] = "static"
        os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend draws the charts
        return self

    def __exit__(self, *exc):
        self.logger.setLevel(self.level)
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        return False


# --------------------------------------------------------------------------------------------
# the report


def run_report(path=None, *, published=None, out=None, notebooks=None, workers: int | None = None,
               timeout: int = 600, kernel_name: str = "python3", progress: bool = True) -> Report:
    """Run every numbered notebook on one article and write the report folder.

    Args:
        path: the article file (``.txt``, ``.md`` or ``.html``); default: the seed article.
        published: the publication date ``YYYY-MM-DD`` (overrides the sidecar ``.yml``).
        out: the report folder; default ``reports/<article slug>/``.
        notebooks: the notebook files to run; default every ``notebooks/NN-*.ipynb``.
        workers: notebooks run at the same time (default: 2, or 1 on a one-core machine).
        timeout: seconds allowed for one cell.
        kernel_name: the Jupyter kernel to run the notebooks with.
        progress: show a progress bar with each notebook's time on stderr.

    Returns:
        A :class:`Report`; ``report.index`` is the index page.

    Raises:
        InputError: the article cannot be read or the date is invalid.
        NotebookFailed: a notebook raised an error; it names the notebook, the cell and the
            error. What was written before (and the failed notebook itself) stays in ``out``.

    >>> report = run_report(published="2021-09-16", out="reports/seed")   # doctest: +SKIP
    >>> report.index                                                        # doctest: +SKIP
    PosixPath('reports/seed/index.html')
    """
    from . import SEED, annotate, load_article

    from .article import is_url

    started = time.perf_counter()
    url = str(path) if path is not None and is_url(str(path)) else None
    article_path = Path(path) if path is not None and url is None else Path(SEED) if url is None else None
    article = load_article(url or article_path, published=published)
    out = Path(out) if out is not None else default_out(article)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file; give a folder for the report")
    if url is not None:  # the page as fetched, next to the report: the notebooks (and a rebuild) read it offline
        from .cli import save_fetched_page

        out.mkdir(parents=True, exist_ok=True)
        article_path = save_fetched_page(article, out)[0]
    sources = [Path(p) for p in notebooks] if notebooks is not None else numbered_notebooks()
    if not sources:
        raise InputError(f"no numbered notebooks (NN-*.ipynb) found in {NOTEBOOK_DIR}")
    for sub in ("notebooks", "html", "charts", "tables"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    # papermill's cwd= changes the process's working directory while a notebook runs, and two
    # notebooks run at once: from here on every path must be absolute
    out = out_abs = out.resolve()
    parameters = {
        "ARTICLE": str(article_path.resolve()),
        "PUBLISHED": article.published.isoformat() if published is not None and article.published else None,
        "EXPORT_DIR": str(out_abs),
    }
    report = Report(out=out)
    report.runs = [NotebookRun(name=p.stem) for p in sources]
    if workers is None:
        workers = max(1, min(2, os.cpu_count() or 1))

    doc = annotate(article)
    failure: NotebookFailed | None = None
    bar = _progress(len(sources), enabled=progress)
    stop = threading.Event()
    with _KernelEnvironment(), ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_run_one, src, out_abs, parameters, timeout=timeout, kernel_name=kernel_name, stop=stop): i
                   for i, src in enumerate(sources)}
        # the tables are written by this process while the kernels run
        report.tables, table_notes = write_tables(doc, out / "tables")
        report.notes.extend(table_notes)
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                i = futures[fut]
                try:
                    report.runs[i] = fut.result()
                except NotebookFailed as exc:
                    report.runs[i] = getattr(exc, "run", NotebookRun(sources[i].stem, "failed", error=str(exc)))
                    failure = failure or exc
                bar.update(1)
                bar.write(f"  {report.runs[i].name:<32} {report.runs[i].status:<6} {report.runs[i].seconds:6.1f} s")
            if failure:
                for fut in pending:
                    fut.cancel()
                wait(pending)
                for fut in pending:
                    if not fut.cancelled():
                        i = futures[fut]
                        try:
                            report.runs[i] = fut.result()
                        except NotebookFailed as exc:
                            report.runs[i] = getattr(exc, "run", report.runs[i])
                pending = set()
    bar.close()
    report.seconds = time.perf_counter() - started
    write_index(doc, report, failure=failure)
    (out / "report.json").write_text(json.dumps(_report_json(doc, report, failure), indent=2) + "\n", encoding="utf-8")
    if failure:
        failure.out = out
        raise failure
    return report


def _progress(total: int, *, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="notebooks", unit="nb", disable=not enabled, file=sys.stderr, leave=False)


def write_tables(doc, folder) -> tuple[list[Path], list[str]]:
    """Write ``article.json`` and every available layer of ``doc`` as CSV; return (paths, notes).

    A layer whose module fails is skipped with a note instead of stopping the report.
    """
    from .document import BASE_LAYERS, available_layers
    from .export import save_table

    folder = Path(folder)
    written = doc.to_folder(folder, layers=list(BASE_LAYERS))
    notes = []
    for name in available_layers():
        try:
            written.append(save_table(doc.layer(name), name, folder))
        except Exception as exc:  # noqa: BLE001 - one broken layer must not hide the others
            notes.append(f"layer {name!r} could not be computed: {type(exc).__name__}: {exc}")
    return written, notes


def _report_json(doc, report: Report, failure) -> dict:
    return {
        "article": doc.summary(),
        "seconds": round(report.seconds, 2),
        "status": "failed" if failure else "ok",
        "error": str(failure) if failure else None,
        "notebooks": [{"name": r.name, "status": r.status, "seconds": round(r.seconds, 2)} for r in report.runs],
        "notes": report.notes,
    }


# --------------------------------------------------------------------------------------------
# the index page


def _layer(doc, name: str):
    """``doc.<name>`` when that layer exists and computes, else ``None``."""
    from .document import available_layers

    if name not in available_layers():
        return None
    try:
        return doc.layer(name)
    except Exception:  # noqa: BLE001 - already noted by write_tables
        return None


def _has(df, *cols) -> bool:
    return df is not None and len(df) > 0 and all(c in df.columns for c in cols)


def summary_facts(doc) -> dict:
    """The numbers and lists the index page shows; every part is ``None`` when its layer is missing.

    >>> facts = summary_facts(analysis.annotate(analysis.SEED))   # doctest: +SKIP
    >>> facts["size"]["tokens"] > 0                                 # doctest: +SKIP
    True
    """
    tok = doc.tokens
    words = tok[~tok.is_punct]
    facts: dict = {"size": {"paragraphs": len(doc.paragraphs), "sentences": len(doc.sentences),
                            "words": int(len(words)), "word types": int(words.lower.nunique())}}
    terms = _layer(doc, "terms")
    if _has(terms, "term", "count"):
        t = terms[~terms["is_stop"].astype(bool)] if "is_stop" in terms.columns else terms
        facts["terms"] = [(str(r.term), int(r.count)) for r in t.sort_values("count", ascending=False, kind="stable").head(10).itertuples()]
        facts["terms_from"] = "terms layer (lemmas, stopwords left out)"
    else:
        content = tok[tok.is_alpha & ~tok.is_stop]
        counts = content.lemma.str.lower().value_counts().head(10)
        facts["terms"] = [(str(k), int(v)) for k, v in counts.items()]
        facts["terms_from"] = "lemma counts from the tokens table (the terms layer is not installed)"
    mentions = _layer(doc, "mentions")
    if _has(mentions, "actor"):
        m = mentions
        if "actor_type" in m.columns:
            m = m[m["actor_type"].fillna("") != "place"]
        m = m[m["actor"].notna()]
        kind = m.groupby("actor")["actor_type"].first() if "actor_type" in m.columns else None
        counts = m["actor"].value_counts().head(10)
        facts["actors"] = [(str(a), int(n), str(kind[a]) if kind is not None else "") for a, n in counts.items()]
    stance = _layer(doc, "stance")
    if _has(stance, "stance"):
        s = stance[stance["stance"].isin(["favor", "against"])]
        rows = []
        for r in s.head(8).to_dict("records"):
            rows.append({k: ("" if r.get(k) is None or str(r.get(k)) == "nan" else str(r.get(k)))
                         for k in ("holder", "stance", "target", "cue", "para_id")})
        facts["stance"] = rows
    facts["timeline"] = _timeline_items(doc)
    return facts


def _timeline_items(doc) -> list[dict] | None:
    events = _layer(doc, "events")
    if _has(events, "value"):
        items = []
        for r in events.to_dict("records"):
            label = r.get("summary") or r.get("trigger") or ""
            items.append({"value": str(r.get("value")), "date": _as_date(r.get("date")), "label": str(label),
                          "actors": str(r.get("actors") or "") if str(r.get("actors")) != "nan" else ""})
        return items
    timexes = _layer(doc, "timexes")
    if _has(timexes, "value", "text"):
        items = []
        for r in timexes.to_dict("records"):
            if str(r.get("type", "DATE")) not in ("DATE", "TIME"):
                continue
            items.append({"value": str(r["value"]), "date": _value_date(str(r["value"])), "label": str(r["text"]), "actors": ""})
        return items
    return None


def _as_date(value):
    if value is None or str(value) in ("", "nan", "NaT", "None"):
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _value_date(value: str):
    """The first day of a TIMEX3 value with a known year ("2021-04" -> 2021-04-01), else None."""
    import re

    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return _dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def _timeline_svg(items: list[dict], published) -> str:
    dated = [it for it in items if it["date"] is not None]
    if not dated:
        return ""
    dates = [it["date"] for it in dated] + ([published] if published else [])
    lo, hi = min(dates), max(dates)
    span = max((hi - lo).days, 1)
    width, left, right = 900, 30, 30

    def x(d):
        return left + (width - left - right) * (d - lo).days / span

    parts = [f'<svg class="strip" viewBox="0 0 {width} 110" role="img" aria-label="timeline of the dated events">',
             f'<line x1="{left}" y1="60" x2="{width - right}" y2="60" stroke="#555" stroke-width="2"/>']
    for k, it in enumerate(sorted(dated, key=lambda i: i["date"])):
        xx = x(it["date"])
        y = 40 if k % 2 == 0 else 88
        parts.append(f'<circle cx="{xx:.1f}" cy="60" r="6" fill="#0072B2"><title>{html.escape(it["value"] + " " + it["label"])}</title></circle>')
        parts.append(f'<text x="{xx:.1f}" y="{y}" text-anchor="middle" font-size="12">{html.escape(it["value"])}</text>')
    if published:
        xp = x(published)
        parts.append(f'<line x1="{xp:.1f}" y1="20" x2="{xp:.1f}" y2="100" stroke="#D55E00" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{min(xp, width - 90):.1f}" y="14" font-size="12" fill="#D55E00">published {published.isoformat()}</text>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:1.5rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin:1.4rem 0 .4rem;border-bottom:1px solid #ddd}
.meta{color:#444}.meta b{color:#222} .note{background:#fff4e5;border-left:4px solid #E69F00;padding:.4rem .7rem;margin:.6rem 0}
.fail{background:#fdecea;border-left:4px solid #D55E00;padding:.4rem .7rem;margin:.6rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:.8rem}
.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .8rem} .card h3{font-size:1rem;margin:.1rem 0 .4rem}
.card ol,.card ul{margin:0;padding-left:1.2rem} .num{font-variant-numeric:tabular-nums;color:#555}
.favor{color:#0072B2;font-weight:600}.against{color:#D55E00;font-weight:600}
.strip{width:100%;height:auto} table{border-collapse:collapse} td,th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #eee}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:.8rem}
.charts figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:.3rem;text-align:center}
.charts img{max-width:100%;height:150px;object-fit:contain} figcaption{font-size:.85rem}
"""


def write_index(doc, report: Report, *, failure=None) -> Path:
    """Write ``OUT/index.html``: metadata, a one-screen summary and links to every output."""
    out = report.out
    esc = html.escape
    s = doc.summary()
    meta = doc.meta
    title = s.get("title") or "Untitled article"
    facts = summary_facts(doc)
    lines = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(title)} — analysis report</title><style>{_CSS}</style></head><body>",
             f"<h1>{esc(title)}</h1>"]
    bits = [f"<b>Author:</b> {esc(s.get('author') or 'unknown')}",
            f"<b>Source:</b> {esc(s.get('source') or 'unknown')}"
            + (f" (originally {esc(str(meta.get('original_source')))})" if meta.get("original_source") else "")]
    if s.get("published"):
        src = meta.get("published_from")
        bits.append(f"<b>Published:</b> {esc(s['published'])}" + (f" <span class='num'>(from the {esc(str(src))})</span>" if src else ""))
    else:
        bits.append("<b>Published:</b> unknown")
    lines.append(f"<p class='meta'>{' · '.join(bits)}</p>")
    if not s.get("published"):
        lines.append("<p class='note' id='no-date'><b>No publication date.</b> The article gives none and none was "
                     "passed with <code>--published YYYY-MM-DD</code>, so relative dates (<i>today</i>, <i>in April</i>, "
                     "<i>last week</i>) keep their unknown parts (for example <code>XXXX-04</code>) and are left off "
                     "the timeline strip.</p>")
    elif meta.get("published_note"):
        lines.append(f"<p class='meta'><small>{esc(' '.join(str(meta['published_note']).split()))}</small></p>")
    if failure is not None:
        lines.append(f"<p class='fail' id='failed'><b>The report stopped.</b> {esc(str(failure))}</p>")
    for note in report.notes:
        lines.append(f"<p class='note'>{esc(note)}</p>")
    for warning in meta.get("warnings") or []:  # about the input: a fallback reader, a menu-like page, dropped lines
        lines.append(f"<p class='note article-warning'><b>Check the article:</b> {esc(warning)}</p>")
    if meta.get("url"):
        lines.append(f"<p class='meta'><small>Fetched from <a href='{esc(meta['url'])}'>{esc(meta['url'])}</a> at "
                     f"{esc(str(meta.get('fetched_at') or '?'))}; the page as fetched is <a href='source.html'>source.html</a>."
                     "</small></p>")

    lines.append("<h2>Summary</h2><div class='grid'>")
    size = facts["size"]
    lines.append("<div class='card'><h3>Size</h3><table>" + "".join(
        f"<tr><td>{esc(k)}</td><td class='num'>{v:,}</td></tr>" for k, v in size.items()) + "</table></div>")
    lines.append("<div class='card'><h3>Top terms</h3><ol>" + "".join(
        f"<li>{esc(t)} <span class='num'>{n}</span></li>" for t, n in facts["terms"]) +
        f"</ol><small class='num'>{esc(facts['terms_from'])}</small></div>")
    if facts.get("actors"):
        lines.append("<div class='card'><h3>Top actors</h3><ol>" + "".join(
            f"<li>{esc(a)} <span class='num'>{n} · {esc(k)}</span></li>" for a, n, k in facts["actors"]) + "</ol></div>")
    if facts.get("stance") is not None:
        items = "".join(
            f"<li>{esc(r['holder'] or '?')} <span class='{esc(r['stance'])}'>{esc(r['stance'])}</span> "
            f"{esc(r['target'][:80])} <span class='num'>“{esc(r['cue'])}”, ¶{esc(r['para_id'])}</span></li>"
            for r in facts["stance"]) or "<li>no favour or against stance found</li>"
        lines.append(f"<div class='card'><h3>Stance highlights</h3><ul>{items}</ul></div>")
    lines.append("</div>")
    if facts.get("timeline") is not None:
        lines.append("<h2>Timeline</h2>")
        svg = _timeline_svg(facts["timeline"], doc.published)
        lines.append(svg or "<p>No expression with a known date.</p>")
        undated = [it for it in facts["timeline"] if it["date"] is None]
        if undated:
            lines.append("<p class='num'>Without a known date: " + "; ".join(
                f"{esc(it['value'])} ({esc(it['label'][:50])})" for it in undated[:8]) + "</p>")

    lines.append("<h2>Notebooks</h2><table><tr><th>notebook</th><th>web page</th><th>executed notebook</th><th>status</th><th>time</th></tr>")
    for r in report.runs:
        page = f"<a href='html/{esc(r.html.name)}'>{esc(r.html.name)}</a>" if r.html else "—"
        nb = f"<a href='notebooks/{esc(r.ipynb.name)}'>{esc(r.ipynb.name)}</a>" if r.ipynb else "—"
        lines.append(f"<tr><td>{esc(r.name)}</td><td>{page}</td><td>{nb}</td><td>{esc(r.status)}</td>"
                     f"<td class='num'>{r.seconds:.1f} s</td></tr>")
    lines.append("</table>")

    charts = sorted((out / "charts").glob("*.png"))
    lines.append(f"<h2>Charts ({len(charts)})</h2><div class='charts'>")
    for png in charts:
        svg = png.with_suffix(".svg")
        links = f"<a href='charts/{esc(png.name)}'>PNG</a>" + (f" · <a href='charts/{esc(svg.name)}'>SVG</a>" if svg.exists() else "")
        lines.append(f"<figure><a href='charts/{esc(png.name)}'><img src='charts/{esc(png.name)}' alt='{esc(png.stem)}' loading='lazy'></a>"
                     f"<figcaption>{esc(png.stem)}<br>{links}</figcaption></figure>")
    lines.append("</div>" if charts else "</div><p>No chart was exported.</p>")

    tables = sorted((out / "tables").glob("*.csv"))
    lines.append(f"<h2>Tables ({len(tables)})</h2><ul>")
    for t in tables:
        lines.append(f"<li><a href='tables/{esc(t.name)}'>{esc(t.name)}</a> <span class='num'>{_count_rows(t):,} rows</span></li>")
    if (out / "tables" / "article.json").exists():
        lines.append("<li><a href='tables/article.json'>article.json</a> <span class='num'>metadata</span></li>")
    lines.append("</ul>")
    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    lines.append(f"<p class='num'><small>Made by <code>python -m analysis report</code> on {stamp} in {report.seconds:.1f} s. "
                 "Every table row points back into the text with <code>start</code>/<code>end</code> offsets.</small></p>")
    lines.append("</body></html>")
    path = out / "index.html"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count_rows(path: Path) -> int:
    import pandas as pd

    try:
        return len(pd.read_csv(path))
    except Exception:  # noqa: BLE001 - an empty CSV
        return 0


# --------------------------------------------------------------------------------------------
# command line


def main(args) -> int:
    """``python -m analysis report``: ``args`` has ``path``, ``published`` and ``out``."""
    try:
        report = run_report(args.path, published=args.published, out=args.out)
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        out = getattr(exc, "out", None)
        if out is not None:
            print(f"what was written so far is in {out}/ (the failed notebook is in html/ and notebooks/)", file=sys.stderr)
        return 1
    n_charts = len(list((report.out / "charts").glob("*.png")))
    print(f"{len(report.runs)} notebooks, {n_charts} charts, {len(list((report.out / 'tables').glob('*.csv')))} tables "
          f"in {report.seconds:.1f} s")
    for r in report.runs:
        print(f"  {r.name:<32} {r.seconds:6.1f} s")
    for note in report.notes:
        print(f"note: {note}")
    print(f"open {report.index}")
    return 0
