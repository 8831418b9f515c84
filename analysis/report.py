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
    #: the notes already printed as ``warning:`` lines while the report ran (not repeated at the end)
    warned: list[str] = field(default_factory=list)

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
    for attempt in range(1 + KERNEL_RETRIES):
        failure = None
        try:
            pm.execute_notebook(str(src), str(target), parameters=params, kernel_name=kernel_name,
                                progress_bar=False, log_output=False, cwd=str(nb_dir),
                                execution_timeout=timeout, request_save_on_cell_execute=False)
        except PapermillExecutionError as exc:
            failure = NotebookFailed(src.name, exc.cell_index, exc.exec_count, exc.ename, exc.evalue, exc.source)
        except Exception as exc:  # kernel died, timeout, unreadable notebook ...
            failure = NotebookFailed(src.name, None, None, type(exc).__name__, str(exc))
            if _kernel_trouble(exc) and attempt < KERNEL_RETRIES:
                # two kernels started at once can pick the same port ("Address already in use");
                # the notebook is not at fault: start it again on fresh ports
                time.sleep(0.5 + attempt)
                continue
        break
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


#: how many times a notebook whose kernel failed to start (or died) is started again
KERNEL_RETRIES = 2
#: the file in the report folder that receives what the kernels print on stderr
LOG_NAME = "report.log"


def _kernel_trouble(exc: BaseException) -> bool:
    """True for a kernel that did not start or died (a port clash ...), not for a cell's error or timeout."""
    if isinstance(exc, TimeoutError) and type(exc).__name__ == "CellTimeoutError":
        return False
    text = f"{type(exc).__name__}: {exc}"
    return any(k in text for k in ("DeadKernel", "Kernel died", "Address already in use", "ZMQError",
                                   "kernel_info", "Kernel didn't respond", "RuntimeError: Kernel"))


class _StderrToLog:
    """Send what the kernels (and the libraries that start them) print on stderr to a log file.

    The kernels are child processes: they inherit file descriptor 2, so it is pointed at
    ``OUT/report.log`` while they run. ``terminal`` is the original stderr, for the progress bar.
    Nothing is redirected when stderr has no file descriptor (some embedded interpreters).
    """

    def __init__(self, path: Path):
        self.path = path
        self.terminal = sys.stderr
        self.saved = None

    def __enter__(self):
        try:
            sys.stderr.flush()
            fd = sys.stderr.fileno()
            self.log = open(self.path, "a", encoding="utf-8", buffering=1)
            self.saved = os.dup(fd)
            self.terminal = os.fdopen(os.dup(self.saved), "w", buffering=1, encoding=getattr(sys.stderr, "encoding", None) or "utf-8")
            os.dup2(self.log.fileno(), fd)
            self.fd = fd
        except (AttributeError, OSError, ValueError):  # no real file descriptor: leave stderr alone
            self.saved = None
            self.terminal = sys.stderr
        return self

    def __exit__(self, *exc):
        if self.saved is not None:
            sys.stderr.flush()
            os.dup2(self.saved, self.fd)
            os.close(self.saved)
            self.terminal.close()
            self.log.close()
        return False


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
               timeout: int = 600, kernel_name: str = "python3", progress: bool = True, corpus=None) -> Report:
    """Run every numbered notebook on one article and write the report folder.

    Args:
        path: the article file (``.txt``, ``.md`` or ``.html``); default: the seed article. A
            folder of articles means: compare them (``corpus``), and read its first article
            (in name order) in the one-article notebooks.
        published: the publication date ``YYYY-MM-DD`` (overrides the sidecar ``.yml``).
        out: the report folder; default ``reports/<article slug>/``.
        notebooks: the notebook files to run; default every ``notebooks/NN-*.ipynb``.
        workers: notebooks run at the same time (default: 2, or 1 on a one-core machine).
        timeout: seconds allowed for one cell.
        kernel_name: the Jupyter kernel to run the notebooks with.
        progress: show a progress bar on stderr (only when stderr is a terminal). What the
            kernels print goes to ``OUT/report.log``.
        corpus: a folder of articles for the comparison notebook (06), or ``"demo"`` for the demo
            corpus; default: none (06 then says how to compare several articles).

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
    article_path = None if url is not None else Path(path) if path is not None else Path(SEED)
    if article_path is not None and article_path.is_dir():
        from .corpus import find_articles

        found = find_articles(article_path)  # InputError when the folder holds no article
        if corpus is None:
            corpus = article_path
        article_path = found[0][1]
    if corpus is not None and str(corpus).strip().lower() != "demo" and not Path(corpus).is_dir():
        raise InputError(f"--corpus {corpus}: {'not a folder' if Path(corpus).exists() else 'no such folder'}; "
                         "give a folder of articles, or 'demo' for the demo corpus")
    article = load_article(url or article_path, published=published)
    from .cli import warn_if_implausible

    date_note = warn_if_implausible(article.published)
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
        "CORPUS": None if corpus is None else ("demo" if str(corpus).strip().lower() == "demo" else str(Path(corpus).resolve())),
    }
    report = Report(out=out)
    if date_note:
        report.notes.append(date_note)
        report.warned.append(date_note)
    report.runs = [NotebookRun(name=p.stem) for p in sources]
    if workers is None:
        workers = max(1, min(2, os.cpu_count() or 1))

    doc = annotate(article)
    failure: NotebookFailed | None = None
    stop = threading.Event()
    quiet = _StderrToLog(out / LOG_NAME)
    with quiet, _KernelEnvironment(), ThreadPoolExecutor(max_workers=workers) as pool:
        bar = _progress(len(sources), enabled=progress, file=quiet.terminal)
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
                bar.set_postfix_str(f"{report.runs[i].name} {report.runs[i].status}", refresh=False)
                bar.update(1)
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


def _progress(total: int, *, enabled: bool, file=None):
    """One progress bar on ``file`` (stderr), drawn only on a terminal: a log or a pipe gets none."""
    from tqdm.auto import tqdm

    file = file or sys.stderr
    tty = getattr(file, "isatty", lambda: False)()
    return tqdm(total=total, desc="notebooks", unit="nb", disable=not (enabled and tty), file=file, leave=False)


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
    from .plots.style import kind_name

    tok = doc.tokens
    words = tok[~tok.is_punct]
    facts: dict = {"size": {"paragraphs": len(doc.paragraphs), "sentences": len(doc.sentences),
                            "words": int(len(words)), "word types": int(words.lower.nunique())}}
    terms = _layer(doc, "terms")
    if terms is not None and {"term", "count"} <= set(terms.columns):
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
            # as in the actor views: places, and names whose kind the evidence does not settle, are left out
            m = m[~m["actor_type"].fillna("").isin(("place", "other"))]
        m = m[m["actor"].notna()]
        kind = m.groupby("actor")["actor_type"].first() if "actor_type" in m.columns else None
        counts = m["actor"].value_counts().head(10)
        facts["actors"] = [(str(a), int(n), kind_name(kind[a]) if kind is not None else "") for a, n in counts.items()]
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
    """The dated points of the index page's strip: value, first and last day, label, actors."""
    events = _layer(doc, "events")
    if events is not None and "value" in events.columns:
        items = []
        for r in events.to_dict("records"):
            label = r.get("summary") or r.get("trigger") or ""
            first, last = _value_days(str(r.get("value")), _as_date(r.get("date")))
            items.append({"value": str(r.get("value")), "date": first, "last": last, "label": str(label),
                          "actors": str(r.get("actors") or "") if str(r.get("actors")) != "nan" else ""})
        return items
    timexes = _layer(doc, "timexes")
    if timexes is not None and {"value", "text"} <= set(timexes.columns):
        items = []
        for r in timexes.to_dict("records"):
            if str(r.get("type", "DATE")) not in ("DATE", "TIME"):
                continue
            first, last = _value_days(str(r["value"]), None)
            items.append({"value": str(r["value"]), "date": first, "last": last, "label": str(r["text"]), "actors": ""})
        return items
    return None


def _as_date(value):
    if value is None or str(value) in ("", "nan", "NaT", "None"):
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _value_days(value: str, date):
    """(first day, last day) a TIMEX3 value covers ("2021-04" -> 1 and 30 April); ``date`` when no range."""
    try:
        from .timeline import value_range
    except ImportError:  # pragma: no cover - the timeline layer is part of the package
        value_range = None
    rng = value_range(value) if value_range is not None else None
    if rng is not None:
        if date is not None and rng[0] != date and rng[0] == rng[1]:
            return date, date
        return rng
    return (date, date) if date is not None else (None, None)


def _text_width(text: str, size: int = 12) -> float:
    """A generous estimate of the width of ``text`` in pixels in a sans-serif font of ``size`` px."""
    return 0.62 * size * len(text) + 4


def _place_labels(labels: list[tuple[float, str]], width: float, margin: float = 4) -> list[tuple[float, int]]:
    """Place each (x, text) label on the first lane where it overlaps no other; keep it inside the width.

    Returns (left edge, lane) per label, in the order given. Labels are centred on x unless that
    would leave the picture, then moved inside it.
    """
    ends: list[float] = []  # right edge of the last label on each lane
    placed = []
    for x, text in labels:
        w = _text_width(text)
        left = min(max(x - w / 2, margin), width - margin - w)
        for lane, end in enumerate(ends):
            if left >= end + 6:
                ends[lane] = left + w
                break
        else:
            lane = len(ends)
            ends.append(left + w)
        placed.append((left, lane))
    return placed


def _timeline_svg(items: list[dict], published) -> str:
    """An SVG strip: a dot per day, a bar per longer period (a month, a year), labels that never overlap."""
    dated = sorted((it for it in items if it["date"] is not None), key=lambda i: (i["date"], i["last"] or i["date"]))
    if not dated:
        return ""
    dates = [it["date"] for it in dated] + [it["last"] or it["date"] for it in dated] + ([published] if published else [])
    lo, hi = min(dates), max(dates)
    span = max((hi - lo).days, 1)
    width, left, right = 900, 40, 40

    def x(d):
        return left + (width - left - right) * (d - lo).days / span

    labels = [((x(it["date"]) + x(it["last"] or it["date"])) / 2, it["value"]) for it in dated]
    placed = _place_labels(labels, width)
    lanes = 1 + max(lane for _, lane in placed)
    pub_text = f"published {published.isoformat()}" if published else ""
    top = 24 if published else 6           # the publication label's row
    axis_y = top + 16 + 18 * lanes          # labels sit above the axis, one row per lane
    height = axis_y + 22
    parts = [f'<svg class="strip" viewBox="0 0 {width} {height}" role="img" aria-label="timeline of the dated events">',
             f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#555" stroke-width="2"/>']
    for it, (lx, lane), (cx, text) in zip(dated, placed, labels):
        tip = html.escape(it["value"] + " " + it["label"])
        a, b = x(it["date"]), x(it["last"] or it["date"])
        if b - a >= 2:  # a period: a bar over the days it covers
            parts.append(f'<rect x="{a:.1f}" y="{axis_y - 6}" width="{max(b - a, 3):.1f}" height="12" rx="3" fill="#0072B2" '
                         f'fill-opacity="0.45"><title>{tip}</title></rect>')
        else:
            parts.append(f'<circle cx="{a:.1f}" cy="{axis_y}" r="6" fill="#0072B2"><title>{tip}</title></circle>')
        ly = axis_y - 14 - 18 * lane
        parts.append(f'<line x1="{cx:.1f}" y1="{ly + 3}" x2="{cx:.1f}" y2="{axis_y - 7}" stroke="#bbb" stroke-width="1"/>')
        parts.append(f'<text x="{lx:.1f}" y="{ly}" font-size="12">{html.escape(text)}</text>')
    if published:
        xp = x(published)
        parts.append(f'<line x1="{xp:.1f}" y1="{top + 4}" x2="{xp:.1f}" y2="{axis_y + 12}" stroke="#D55E00" stroke-dasharray="4 3"/>')
        lx = min(max(xp - _text_width(pub_text) / 2, 4), width - 4 - _text_width(pub_text))
        parts.append(f'<text x="{lx:.1f}" y="{top}" font-size="12" fill="#D55E00">{html.escape(pub_text)}</text>')
    parts.append(f'<text x="{left}" y="{height - 2}" font-size="11" fill="#555">{html.escape(lo.isoformat())}</text>')
    parts.append(f'<text x="{width - right}" y="{height - 2}" font-size="11" fill="#555" text-anchor="end">{html.escape(hi.isoformat())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _shorten(text, width: int) -> str:
    """``text`` cut at a word boundary with an ellipsis, never mid-word."""
    import textwrap

    return textwrap.shorten(" ".join(str(text).split()), width=width, placeholder=" …")


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:1.5rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin:1.4rem 0 .4rem;border-bottom:1px solid #ddd}
.meta{color:#444}.meta b{color:#222} .note{background:#fff4e5;border-left:4px solid #E69F00;padding:.4rem .7rem;margin:.6rem 0}
.fail{background:#fdecea;border-left:4px solid #D55E00;padding:.4rem .7rem;margin:.6rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:.8rem}
.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .8rem;min-width:0;overflow-wrap:anywhere} .card h3{font-size:1rem;margin:.1rem 0 .4rem}
.card ol,.card ul{margin:0;padding-left:1.2rem} .card.wide{grid-column:1/-1} .num{font-variant-numeric:tabular-nums;color:#555}
.favor{color:#0072B2;font-weight:600}.against{color:#D55E00;font-weight:600}
.strip{width:100%;height:auto} table{border-collapse:collapse} td,th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #eee;overflow-wrap:anywhere}
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
    if len(doc.paragraphs) == 0:
        lines.append("<p class='note' id='no-body'><b>No body text.</b> Only a title was found, so the tables are empty "
                     "and the charts say so. Check the file: paragraphs are separated by blank lines, the title "
                     "comes first.</p>")
    elif len(doc.sentences) < 3:
        lines.append(f"<p class='note' id='short'><b>A very short article</b> ({len(doc.sentences)} sentence"
                     f"{'' if len(doc.sentences) == 1 else 's'}): counts and charts say little about it.</p>")
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
    lines.append("<div class='card'><h3>Top terms</h3><ol>" + ("".join(
        f"<li>{esc(t)} <span class='num'>{n}</span></li>" for t, n in facts["terms"])
        or "</ol><p class='num'>No content word: the article has no body text.</p><ol>") +
        f"</ol><small class='num'>{esc(facts['terms_from'])}</small></div>")
    if facts.get("actors"):
        lines.append("<div class='card'><h3>Top actors</h3><ol>" + "".join(
            f"<li>{esc(a)} <span class='num'>{n} · {esc(k)}</span></li>" for a, n, k in facts["actors"]) + "</ol></div>")
    if facts.get("stance") is not None:
        items = "".join(
            f"<li>{esc(r['holder'] or '?')} <span class='{esc(r['stance'])}'>{esc(r['stance'])}</span> "
            f"{esc(_shorten(r['target'], 120))} <span class='num'>“{esc(r['cue'])}”, ¶{esc(r['para_id'])}</span></li>"
            for r in facts["stance"]) or "<li>no favour or against stance found</li>"
        lines.append(f"<div class='card wide'><h3>Stance highlights</h3><ul>{items}</ul></div>")
    lines.append("</div>")
    if facts.get("timeline") is not None:
        lines.append("<h2>Timeline</h2>")
        svg = _timeline_svg(facts["timeline"], doc.published)
        lines.append(svg or "<p>No expression with a known date.</p>")
        undated = [it for it in facts["timeline"] if it["date"] is None]
        if undated:
            lines.append("<p class='num'>Without a known date: " + "; ".join(
                f"{esc(it['value'])} ({esc(_shorten(it['label'], 50))})" for it in undated[:8]) + "</p>")

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
    if (out / LOG_NAME).is_file():
        lines.append(f"<p class='num'><small>What the notebook kernels printed while they ran: <a href='{LOG_NAME}'>{LOG_NAME}</a>.</small></p>")
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
        report = run_report(args.path, published=args.published, out=args.out, corpus=getattr(args, "corpus", None))
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
        if note not in report.warned:
            print(f"note: {note}")
    print(f"open {report.index}")
    return 0
