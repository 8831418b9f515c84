"""Corpus mode: annotate a folder of articles on every core (or a Dask cluster) into Parquet.

:func:`annotate_corpus` runs the same per-article pipeline as :func:`analysis.annotate`
(structural layers plus every analysis layer installed) over many files and streams each
layer to ``OUT/<layer>/part-NNNNN.parquet`` (one file per layer per chunk of articles), every
row tagged with an ``article_id``. ``OUT/articles/`` is the manifest (one row per article:
id, path, content hash, title, dates, sizes, the layers computed); ``OUT/errors.csv`` lists
the articles that failed in the last run (``article, path, error``). A rerun skips the
articles whose content hash (article bytes plus sidecar) is already in the manifest with
every layer now available, so new layers and edited files are picked up automatically.

The cross-article views read that folder back: :func:`keyness` (each article against the
rest), :func:`actor_mentions` (actors per article), :func:`combined_timeline` and
:func:`stance_by_holder`. Each uses the richest layer present and falls back to the tokens
(or returns an empty table with the documented columns) when a layer module is absent.

>>> from analysis.corpus import annotate_corpus, make_demo_corpus, read_layer
>>> result = annotate_corpus(make_demo_corpus("demo"), out="demo-out", workers=2)  # doctest: +SKIP
>>> read_layer("demo-out", "tokens").groupby("article_id").size()                   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError

#: file suffixes read as articles (sidecars ``.yml``/``.yaml`` are metadata, not articles)
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
ENGINES = ("process", "dask")
MANIFEST = "articles"
ERRORS_FILE = "errors.csv"
#: columns of the manifest table ``OUT/articles/``
MANIFEST_COLUMNS = ["article_id", "path", "content_hash", "sha256", "title", "author", "source",
                    "published", "n_paragraphs", "n_sentences", "n_tokens", "layers", "seconds", "part"]


# --------------------------------------------------------------------------------------------
# finding the articles


def find_articles(paths_or_folder) -> list[tuple[str, Path]]:
    """The ``(article_id, path)`` pairs of a folder (searched recursively) or a list of files.

    ``article_id`` is the path relative to the folder (or to the files' common folder)
    without its suffix, e.g. ``"2021/kommersant-dushanbe"``; when two files differ only by
    suffix both keep it. Hidden files and sidecars are skipped.

    Raises:
        InputError: the folder is missing or holds no ``.txt``/``.md``/``.html`` file, or a
            listed file does not exist.

    >>> find_articles(make_demo_corpus("demo"))[0]        # doctest: +SKIP
    ('analyst-view', PosixPath('demo/analyst-view.txt'))
    """
    allowed = "/".join(ARTICLE_SUFFIXES)
    if isinstance(paths_or_folder, (str, os.PathLike)):
        root = Path(paths_or_folder)
        if not root.exists():
            raise InputError(f"no such folder: {root}; give a folder of {allowed} articles")
        if root.is_file():
            files, root = [root], root.parent
        else:
            files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(root).parts))
            if not files:
                raise InputError(f"{root} holds no {allowed} articles")
    else:
        files = [Path(p) for p in paths_or_folder]
        if not files:
            raise InputError(f"the list of articles is empty; give {allowed} files or a folder")
        missing = [str(p) for p in files if not p.is_file()]
        if missing:
            raise InputError(f"no such article file: {', '.join(missing[:3])}{' …' if len(missing) > 3 else ''}")
        root = Path(os.path.commonpath([p.resolve().parent for p in files]))
        files = [p.resolve() for p in files]
    stems = [p.resolve().relative_to(root.resolve()).with_suffix("").as_posix() for p in files]
    dup = {s for s in stems if stems.count(s) > 1}
    ids = [p.resolve().relative_to(root.resolve()).as_posix() if s in dup else s for s, p in zip(stems, files)]
    return list(zip(ids, files))


def content_hash(path) -> str:
    """SHA-256 of the article's bytes followed by its sidecar's bytes (when there is one)."""
    path = Path(path)
    h = hashlib.sha256(path.read_bytes())
    for side in (path.with_suffix(".yml"), path.with_suffix(".yaml")):
        if side.is_file() and side != path:
            h.update(b"\0sidecar\0" + side.read_bytes())
            break
    return h.hexdigest()


# --------------------------------------------------------------------------------------------
# the per-article work (runs in worker processes or on Dask workers)


def annotate_file(path, *, layers: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Load and annotate one article file; return every layer by name (as ``Document.layers``).

    This is exactly :func:`analysis.annotate` plus the analysis layers; corpus mode calls it
    for each file. ``layers`` limits the analysis layers (default: every available one).

    >>> sorted(annotate_file(SEED))[:3]            # doctest: +SKIP
    ['paragraphs', 'sentences', 'tokens']
    """
    from .article import load_article
    from .document import BASE_LAYERS, annotate, available_layers

    doc = annotate(load_article(path))
    out = {name: doc.layer(name) for name in BASE_LAYERS}
    for name in available_layers() if layers is None else layers:
        out[name] = doc.layer(name)
    out["_doc"] = doc
    return out


def _to_arrow(df: pd.DataFrame):
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        # mixed-type object columns: store them as text rather than fail the chunk
        fixed = df.copy()
        for col in fixed.columns:
            if fixed[col].dtype == object:
                fixed[col] = fixed[col].map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
        return pa.Table.from_pandas(fixed, preserve_index=False)


def process_chunk(items: list[tuple[str, str, str]], layers: list[str]) -> dict:
    """Annotate a chunk of ``(article_id, path, content_hash)``; never raises for one article.

    Returns ``{"articles": [manifest rows], "tables": {layer: pyarrow.Table},
    "errors": [{"article", "path", "error"}]}``. Tables are converted to Arrow here, in the
    worker, so the parent process only writes files.
    """
    rows, errors, frames = [], [], {}
    for article_id, path, chash in items:
        t0 = time.perf_counter()
        paused = _pause_collector()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = annotate_file(path, layers=layers)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the corpus
            errors.append({"article": article_id, "path": str(path), "error": f"{type(exc).__name__}: {' '.join(str(exc).split())}"})
            continue
        finally:
            if paused:
                import gc

                gc.enable()
        _settle()
        doc = result.pop("_doc")
        for name, df in result.items():
            frames.setdefault(name, []).append((article_id, df))
        s = doc.summary()
        rows.append({"article_id": article_id, "path": str(path), "content_hash": chash, "sha256": s["sha256"],
                     "title": s["title"], "author": s["author"], "source": s["source"], "published": s["published"],
                     "n_paragraphs": s["n_paragraphs"], "n_sentences": s["n_sentences"], "n_tokens": s["n_tokens"],
                     "layers": ";".join(name for name in result), "seconds": time.perf_counter() - t0})
    tables = {}
    for name, parts in frames.items():
        table = _layer_table(parts)
        if table is not None:
            tables[name] = table
    return {"articles": rows, "tables": tables, "errors": errors}


_settled: list = []


def _pause_collector() -> bool:
    """In a process's main thread, once :func:`_settle` has run: turn the cyclic garbage
    collector off while one article is annotated (the caller turns it on again after the
    article, and the collector then runs as usual). While an article is annotated, most of
    what it makes stays alive until the article is done (its token lists, parsed sentences,
    the layers' tables); each collection during the article walked all of it again, about
    2 ms at a time, several times per article. Cyclic garbage waits until the article is
    done. True when it was turned off."""
    import gc
    import threading

    if not _settled or not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        return False
    gc.disable()
    return True


def _settle() -> None:
    """Once per process, after its first article: move what is loaded now (the lexicons, the
    gazetteer, the tagger, the compiled patterns; about 100,000 objects, some of them dicts of
    100,000 entries) out of the garbage collector's way with :func:`gc.freeze`. A full
    collection walks every tracked object, about 65 ms here, and runs every few articles;
    after the freeze it walks only what the articles themselves made. Done only in a
    process's main thread (a worker process, or corpus mode's own caller), not on a
    scheduler's threads inside someone else's process."""
    if _settled:
        return
    import gc
    import threading

    _settled.append(True)
    if threading.current_thread() is threading.main_thread() and gc.isenabled():
        gc.collect()
        gc.freeze()


def _concat_table(parts: list[tuple[str, pd.DataFrame]]):
    """One layer's ``(article_id, table)`` parts as one Arrow table through pandas: one
    concatenation, then one ``article_id`` column (not a copy of every table)."""
    df = _concat_frames([part for _, part in parts])
    if not len(df):
        return None
    df.insert(0, "article_id", np.repeat([aid for aid, _ in parts], [len(part) for _, part in parts]))
    return _to_arrow(df)


def _concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """``pd.concat(frames, ignore_index=True)``, column by column when every frame has the same
    columns and each column either has one dtype in every frame or mixes ``object`` with
    ``str``, integer and boolean columns (an empty table's columns are ``object``): pandas then
    makes it an ``object`` column of the frames' values, and so does this, without the copies
    and checks of its general route."""
    from pandas.core.dtypes.cast import find_common_type

    first = frames[0]
    names = first.columns
    if len(frames) < 2 or not names.is_unique or not all(f.columns.equals(names) for f in frames):
        return pd.concat(frames, ignore_index=True)
    columns = []
    for k in range(len(names)):
        arrays = [f._get_column_array(k) for f in frames]
        dtypes = {a.dtype for a in arrays}
        if len(dtypes) == 1:
            a0 = arrays[0]
            if isinstance(a0, np.ndarray):
                columns.append(np.concatenate(arrays))
            else:
                columns.append(type(a0)._concat_same_type(arrays))
            continue
        if not any(d == object for d in dtypes) or find_common_type(list(dtypes)) != object or not all(
                d == object or d == "str" or d.kind in "iub" for d in dtypes):
            return pd.concat(frames, ignore_index=True)
        filled = [a for a in arrays if len(a)]
        if not filled:
            columns.append(np.array([], dtype=object))
            continue
        d0 = filled[0].dtype
        if all(a.dtype == d0 for a in filled):  # the others are empty: one conversion
            a0 = filled[0]
            joined = np.concatenate(filled) if isinstance(a0, np.ndarray) else type(a0)._concat_same_type(filled)
            columns.append(np.asarray(joined, dtype=object))
        else:
            columns.append(np.concatenate([a if a.dtype == object else np.asarray(a, dtype=object) for a in filled]))
    n = sum(len(f) for f in frames)
    if any(len(c) != n or getattr(c, "ndim", 1) != 1 for c in columns):  # pragma: no cover - defensive
        return pd.concat(frames, ignore_index=True)
    # as they are: an object column stays object (the public constructor would type its strings)
    return pd.DataFrame._from_arrays(columns, columns=names, index=pd.RangeIndex(n), verify_integrity=False)


_schemas: dict = {}


def _layer_table(parts: list[tuple[str, pd.DataFrame]]):
    """The same Arrow table as :func:`_concat_table` (values, types, pandas metadata), built
    column by column from the parts' arrays when every part has the same columns of the same
    numeric, boolean, date, nullable-integer or ``str`` dtypes; otherwise through pandas.

    Through pandas, the concatenation copies every column into new blocks and the conversion
    then looks at each column again; here each column is joined once, in Arrow (``str``
    columns are Arrow already) or numpy. None when no part has a row."""
    import pyarrow as pa

    first = parts[0][1]
    n = sum(len(part) for _, part in parts)
    if not n:
        return None
    names, width = first.columns, len(first.columns)
    # each part's columns (arrays, as the frames hold them)
    arrays = [[part._get_column_array(k) for k in range(width)] if part.columns.equals(names) else None for _, part in parts]
    dtypes = [a.dtype for a in arrays[0]]
    if (not names.is_unique or "article_id" in names or not all(isinstance(c, str) for c in names)
            or any(cols is None or [a.dtype for a in cols] != dtypes for cols in arrays)):
        return _concat_table(parts)
    kinds = [_arrow_kind(d) for d in dtypes]
    if None in kinds:
        return _concat_table(parts)
    key = (tuple(names), tuple(map(str, dtypes)))
    schema = _schemas.get(key)
    if schema is None:  # the pandas metadata of these columns, as the pandas route writes it
        sample = next(part for _, part in parts if len(part))
        schema = _schemas[key] = _concat_table([("x", sample.iloc[:1])]).schema
    try:
        columns = [_repeated_ids(parts, schema.field(0).type)]
        for k, kind in enumerate(kinds):
            values = [cols[k] for cols in arrays]
            if kind == "numpy":
                columns.append(pa.array(np.concatenate(values), from_pandas=True))
            elif kind == "arrow":
                columns.append(pa.chunked_array([c for v in values for c in v._pa_array.chunks], type=schema.field(k + 1).type))
            else:  # nullable integers: their own conversion
                columns.append(pa.chunked_array([pa.array(v) for v in values], type=schema.field(k + 1).type))
        return pa.Table.from_arrays(columns, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, AttributeError):  # pragma: no cover - a type pandas converts otherwise
        return _concat_table(parts)


def _repeated_ids(parts: list[tuple[str, pd.DataFrame]], kind):
    """The ``article_id`` column: each part's id once per row, built from its bytes and offsets
    (a numpy array of strings is slow to convert, and Arrow's ``take`` runs on its thread pool)."""
    import pyarrow as pa

    counts = np.array([len(part) for _, part in parts], dtype=np.int64)
    encoded = [str(aid).encode("utf-8") for aid, _ in parts]
    lengths = np.repeat(np.array([len(e) for e in encoded], dtype=np.int64), counts)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    data = b"".join(e * int(k) for e, k in zip(encoded, counts))
    ids = pa.LargeStringArray.from_buffers(len(lengths), pa.py_buffer(offsets), pa.py_buffer(data))
    return ids if ids.type == kind else ids.cast(kind)


def _arrow_kind(dtype) -> str | None:
    """How :func:`_layer_table` joins a column of ``dtype``: ``"numpy"`` (ints, floats, bools,
    naive dates), ``"arrow"`` (pandas' Arrow-backed ``str``), ``"masked"`` (``Int64``), None
    (anything else: through pandas)."""
    if isinstance(dtype, np.dtype):
        return "numpy" if dtype.kind in "iufb" or (dtype.kind == "M" and dtype.str.startswith("<M8")) else None
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        return "arrow"
    if isinstance(dtype, pd.Int64Dtype):
        return "masked"
    return None


# --------------------------------------------------------------------------------------------
# the run


@dataclass
class CorpusResult:
    """What :func:`annotate_corpus` did.

    Attributes:
        out: the output folder.
        done: ids of the articles annotated in this run.
        skipped: ids of the articles already done (same content hash, every layer present).
        errors: DataFrame ``article, path, error`` of the articles that failed (also ``errors.csv``).
        layers: the layers written.
        seconds: wall time of the run.
        n_tokens: tokens annotated in this run.
    """

    out: Path
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["article", "path", "error"]))
    layers: list[str] = field(default_factory=list)
    seconds: float = 0.0
    n_tokens: int = 0

    @property
    def ok(self) -> bool:
        return self.errors.empty

    def summary(self) -> str:
        """One line: how many articles were annotated, skipped and failed, and how fast."""
        rate = f", {self.n_tokens / self.seconds:,.0f} tokens/s" if self.seconds and self.n_tokens else ""
        return (f"{len(self.done)} annotated, {len(self.skipped)} skipped (already done), {len(self.errors)} failed "
                f"in {self.seconds:.1f} s{rate}; layers: {', '.join(self.layers)}; output in {self.out}/")


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class _Writer:
    """Writes each finished chunk: one Parquet file per layer, the manifest rows, errors.csv."""

    def __init__(self, out: Path, first_part: int):
        import csv

        self.out = out
        self.part = first_part
        self.errors_file = (out / ERRORS_FILE).open("w", newline="", encoding="utf-8")
        self._csv = csv.DictWriter(self.errors_file, fieldnames=["article", "path", "error"])
        self._csv.writeheader()
        self.errors_file.flush()

    def write(self, result: dict, result_obj: CorpusResult) -> int:
        import pyarrow.parquet as pq

        name = f"part-{self.part:05d}"
        self.part += 1
        for layer, table in result["tables"].items():
            folder = self.out / layer
            folder.mkdir(exist_ok=True)
            pq.write_table(table, folder / f"{name}.parquet")
            if layer not in result_obj.layers:
                result_obj.layers.append(layer)
        if result["articles"]:
            manifest = pd.DataFrame(result["articles"]).assign(part=name)[MANIFEST_COLUMNS]
            (self.out / MANIFEST).mkdir(exist_ok=True)
            pq.write_table(_to_arrow(manifest), self.out / MANIFEST / f"{name}.parquet")
            result_obj.done.extend(manifest["article_id"])
            result_obj.n_tokens += int(manifest["n_tokens"].sum())
        for row in result["errors"]:
            self._csv.writerow(row)
        self.errors_file.flush()
        return len(result["articles"]) + len(result["errors"])

    def close(self):
        self.errors_file.close()


def _next_part(out: Path) -> int:
    numbers = [int(p.stem.split("-")[1]) for p in out.glob("*/part-*.parquet") if p.stem.split("-")[1].isdigit()]
    return max(numbers, default=-1) + 1


def annotate_corpus(paths_or_folder, *, out, workers: int | None = None, engine: str = "process",
                    scheduler=None, chunk_size: int | None = None, layers: list[str] | None = None,
                    progress: bool = True) -> CorpusResult:
    """Annotate many articles in parallel and stream every layer to Parquet under ``out``.

    Args:
        paths_or_folder: a folder (searched recursively for ``.txt``/``.md``/``.html``) or a
            list of article files; sidecar ``.yml`` files beside them are read as usual.
        out: output folder; ``out/<layer>/part-NNNNN.parquet`` per layer and chunk, the
            manifest ``out/articles/``, and ``out/errors.csv``.
        workers: worker processes (default: all cores), or Dask workers for a local cluster.
        engine: ``"process"`` (the standard library's ProcessPoolExecutor) or ``"dask"``
            (``dask.delayed`` on a ``dask.distributed`` LocalCluster, or on ``scheduler``).
        scheduler: a Dask scheduler address (``"tcp://host:8786"``), a ``distributed.Client``
            or a cluster object; implies ``engine="dask"``. The workers must see the files.
        chunk_size: articles per task and per Parquet file (default: about four tasks per
            worker, at most 64 articles).
        layers: analysis layers to compute (default: every available one).
        progress: show a tqdm progress bar on stderr.

    Returns:
        a :class:`CorpusResult`; failed articles are in ``result.errors`` and ``errors.csv``.

    Raises:
        InputError: no articles to read (missing or empty folder).
        ValueError: an unknown engine or layer, or ``workers`` below 1.

    >>> res = annotate_corpus("articles/", out="corpus-out", workers=2)    # doctest: +SKIP
    >>> print(res.summary())                                                # doctest: +SKIP
    """
    from .document import available_layers

    if scheduler is not None:
        engine = "dask"
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if workers is not None and int(workers) < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    workers = int(workers) if workers else _default_workers()
    known = available_layers()
    if layers is None:
        layers = known
    else:
        bad = [name for name in layers if name not in known]
        if bad:
            raise ValueError(f"unknown or unavailable layer(s) {', '.join(bad)}; available: {', '.join(known) or 'none'}")
    articles = find_articles(paths_or_folder)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    from .document import BASE_LAYERS

    result = CorpusResult(out=out, layers=list(BASE_LAYERS) + list(layers))

    # what is already done: same content hash, and every requested layer computed
    manifest = read_manifest(out)
    done_keys = set()
    if not manifest.empty:
        for chash, lay in zip(manifest["content_hash"], manifest["layers"]):
            if set(layers) <= set(str(lay).split(";")):
                done_keys.add(chash)
    todo = []
    for article_id, path in articles:
        chash = content_hash(path)
        if chash in done_keys:
            result.skipped.append(article_id)
        else:
            todo.append((article_id, str(path), chash))

    if todo:
        size = chunk_size or max(1, min(64, math.ceil(len(todo) / (workers * 4))))
        chunks = _chunks(todo, size)
        writer = _Writer(out, _next_part(out))
        bar = _progress(len(todo), enabled=progress)
        try:
            run = _run_process if engine == "process" else _run_dask
            for res in run(chunks, layers, workers=workers, scheduler=scheduler):
                bar.update(writer.write(res, result))
        finally:
            bar.close()
            writer.close()
    else:
        (out / ERRORS_FILE).write_text("article,path,error\n", encoding="utf-8")
    result.errors = pd.read_csv(out / ERRORS_FILE, dtype=str, keep_default_na=False)
    result.seconds = time.perf_counter() - t0
    return result


class _NoBar:
    def update(self, n=1):
        pass

    def close(self):
        pass


def _progress(total: int, *, enabled: bool):
    if not enabled:
        return _NoBar()
    try:
        from tqdm.auto import tqdm
    except ImportError:  # tqdm is optional: no bar then
        return _NoBar()
    return tqdm(total=total, unit="article", desc="annotating", file=sys.stderr)


def _run_process(chunks, layers, *, workers, scheduler=None):
    """Chunks on a ProcessPoolExecutor, at most two chunks per worker in flight."""
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # forkserver: safe when the parent runs threads (a Dask client, Jupyter); nothing is
    # preloaded in the server, so it stays small and each worker imports the package once
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    queue = list(reversed(chunks))
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=ctx) as pool:
        pending = {}
        while queue or pending:
            while queue and len(pending) < 2 * workers:
                chunk = queue.pop()
                pending[pool.submit(process_chunk, chunk, layers)] = chunk
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                chunk = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool as exc:  # a worker died (out of memory, killed): record, stop
                    yield _failed(chunk, exc)
                    for other in list(pending.values()) + queue:
                        yield _failed(other, exc)
                    return


def _failed(chunk, exc) -> dict:
    msg = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
    return {"articles": [], "tables": {}, "errors": [{"article": a, "path": p, "error": msg} for a, p, _ in chunk]}


def _run_dask(chunks, layers, *, workers, scheduler=None):
    """Chunks as ``dask.delayed`` tasks on a distributed client, at most 2 per worker in flight."""
    import dask
    from distributed import Client, LocalCluster, as_completed

    own_cluster = own_client = None
    if scheduler is None:
        own_cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
        client = own_client = Client(own_cluster)
    elif isinstance(scheduler, Client):
        client = scheduler
    elif hasattr(scheduler, "scheduler_address"):
        client = own_client = Client(scheduler)
    else:
        client = own_client = Client(str(scheduler))
    try:
        n_workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})) if scheduler is not None else workers)
        task = dask.delayed(process_chunk, pure=False)
        queue = list(reversed(chunks))
        window = as_completed()
        index = {}

        def submit():
            chunk = queue.pop()
            fut = client.compute(task(chunk, layers))
            index[fut.key] = chunk
            window.add(fut)

        for _ in range(min(2 * n_workers, len(queue))):
            submit()
        for fut in window:
            chunk = index.pop(fut.key)
            try:
                res = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker: record the chunk, go on
                res = _failed(chunk, exc)
            fut.release()
            if queue:
                submit()
            yield res
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


# --------------------------------------------------------------------------------------------
# reading the output back


def _parts(out, layer: str) -> list[Path]:
    return sorted((Path(out) / layer).glob("part-*.parquet"))


def read_manifest(out) -> pd.DataFrame:
    """The manifest: one row per article (its latest annotation), columns :data:`MANIFEST_COLUMNS`."""
    import pyarrow.parquet as pq

    parts = _parts(out, MANIFEST)
    if not parts:
        return pd.DataFrame(columns=MANIFEST_COLUMNS)
    df = pd.concat([pq.read_table(p).to_pandas() for p in parts], ignore_index=True)
    for col in ("path", "content_hash", "sha256", "title", "author", "source", "published", "layers"):
        df[col] = df[col].astype(object).where(df[col].notna(), None)  # one missing-value marker: None
    return df.sort_values("part", kind="stable").drop_duplicates("article_id", keep="last").reset_index(drop=True)


def read_layer(out, layer: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    """One layer of a corpus folder as one DataFrame with an ``article_id`` column.

    Rows of an article annotated again (its file changed) are read from its latest run only.
    A layer with no rows (or not computed) gives an empty DataFrame.

    >>> read_layer("corpus-out", "tokens", columns=["lemma", "pos"]).head()   # doctest: +SKIP
    """
    import pyarrow.parquet as pq

    if layer == MANIFEST:
        return read_manifest(out)
    latest = read_manifest(out)
    owner = dict(zip(latest["article_id"], latest["part"]))
    frames = []
    for path in _parts(out, layer):
        cols = None if columns is None else ["article_id"] + [c for c in columns if c != "article_id"]
        df = pq.read_table(path, columns=cols).to_pandas()
        keep = df["article_id"].map(owner) == path.stem
        frames.append(df[keep])
    if not frames:
        return pd.DataFrame(columns=["article_id"] + list(columns or []))
    return pd.concat(frames, ignore_index=True)


def layers_in(out) -> list[str]:
    """Names of the layers present in a corpus folder (the manifest excluded)."""
    return sorted(p.name for p in Path(out).iterdir() if p.is_dir() and p.name != MANIFEST and _parts(out, p.name))


# --------------------------------------------------------------------------------------------
# cross-article views


def keyness(out, *, top: int = 10, min_count: int = 2, include_stopwords: bool = False,
            max_p: float | None = 0.05) -> pd.DataFrame:
    """Each article's key terms against the rest of the corpus (Dunning's log-likelihood G²).

    Uses the ``terms`` layer when the corpus has it (its ``term``, ``count``, ``is_stop``),
    else the tokens' lemmas (case-folded, alphabetic tokens). For each article and term, with
    ``a`` = count in the article, ``b`` = count in the rest, ``c``/``d`` = their sizes:
    ``G² = 2 (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c (a+b)/(c+d)``, ``E2 = d (a+b)/(c+d)``;
    ``log_ratio = log2((a/c) / (b/d))`` (Hardie's effect size, 0.5 added to zero counts).
    Only over-used terms (``a/c > b/d``) with ``a >= min_count`` are kept, and by default only the
    significant ones: chi-square p-value (1 degree of freedom) at most ``max_p`` = 0.05, i.e.
    G² ≥ 3.84; ``max_p=None`` keeps them all.

    Returns:
        DataFrame ``article_id, rank, term, count, count_rest, per_1000, per_1000_rest, g2,
        log_ratio``: the ``top`` terms per article by G². A corpus of one article has no "rest"
        and gives an empty table.
    """
    counts = _term_counts(out, include_stopwords=include_stopwords)
    cols = ["article_id", "rank", "term", "count", "count_rest", "per_1000", "per_1000_rest", "g2", "log_ratio"]
    if counts.empty or counts["article_id"].nunique() < 2:
        return pd.DataFrame(columns=cols)
    import numpy as np

    sizes = counts.groupby("article_id")["count"].sum()
    totals = counts.groupby("term")["count"].sum()
    n_all = sizes.sum()
    df = counts.copy()
    df["count_rest"] = df["term"].map(totals) - df["count"]
    c = df["article_id"].map(sizes).astype(float)
    d = n_all - c
    a, b = df["count"].astype(float), df["count_rest"].astype(float)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0))
        df["log_ratio"] = np.log2(((a.where(a > 0, 0.5)) / c) / ((b.where(b > 0, 0.5)) / d.where(d > 0, 1)))
    df["g2"] = g2
    df["per_1000"] = 1000 * a / c
    df["per_1000_rest"] = (1000 * b / d.where(d > 0, np.nan)).fillna(0.0)
    df = df[(df["count"] >= min_count) & (df["per_1000"] > df["per_1000_rest"])]
    if max_p is not None:  # p = erfc(sqrt(G²/2)), the chi-square tail with 1 degree of freedom
        df = df.loc[np.array([math.erfc(math.sqrt(max(g, 0.0) / 2)) <= max_p for g in df["g2"].tolist()], dtype=bool)]
    df = df.sort_values(["article_id", "g2", "term"], ascending=[True, False, True])
    df = df.groupby("article_id", sort=True).head(top).copy()
    df["rank"] = df.groupby("article_id").cumcount() + 1
    return df[cols].reset_index(drop=True)


def _term_counts(out, *, include_stopwords: bool) -> pd.DataFrame:
    if "terms" in layers_in(out):
        terms = read_layer(out, "terms")
        if {"term", "count"} <= set(terms.columns):
            if not include_stopwords and "is_stop" in terms.columns:
                terms = terms[~terms["is_stop"].astype(bool)]
            return terms.groupby(["article_id", "term"], as_index=False)["count"].sum()
    tokens = read_layer(out, "tokens", columns=["lemma", "lower", "is_alpha", "is_stop"])
    if tokens.empty:
        return pd.DataFrame(columns=["article_id", "term", "count"])
    keep = tokens["is_alpha"].astype(bool)
    if not include_stopwords:
        keep &= ~tokens["is_stop"].astype(bool)
    t = tokens[keep]
    term = t["lemma"].fillna(t["lower"]).str.lower()
    return t.assign(term=term).groupby(["article_id", "term"], as_index=False).size().rename(columns={"size": "count"})


def actor_mentions(out, *, min_count: int = 1) -> pd.DataFrame:
    """How often each actor is mentioned in each article (long format).

    Uses the ``mentions`` layer (``actor_id, actor, actor_type``) when present. Without it the
    fallback counts runs of proper-noun tokens (NNP/NNPS) as names, with ``actor_type``
    ``"name"`` and ``source`` saying so: a rough stand-in with no alias resolution.

    Returns:
        DataFrame ``article_id, actor_id, actor, actor_type, mentions, share, n_articles, source``
        (``share`` = the actor's part of the article's mentions; ``n_articles`` = articles naming it).
    """
    cols = ["article_id", "actor_id", "actor", "actor_type", "mentions", "share", "n_articles", "source"]
    present = layers_in(out)
    if "mentions" in present:
        m = read_layer(out, "mentions")
        for col in ("actor_id", "actor", "actor_type"):
            if col not in m.columns:
                m[col] = m["text"] if "text" in m.columns else None
        m = m.assign(actor_id=m["actor_id"].fillna(m["actor"]).astype(str))
        source = "mentions"
    else:
        m = _proper_noun_runs(out)
        source = "proper-noun tokens (no actors layer)"
    if m.empty:
        return pd.DataFrame(columns=cols)
    g = (m.groupby(["article_id", "actor_id"], as_index=False)
          .agg(actor=("actor", "first"), actor_type=("actor_type", "first"), mentions=("actor", "size")))
    g["share"] = g["mentions"] / g.groupby("article_id")["mentions"].transform("sum")
    g["n_articles"] = g.groupby("actor_id")["article_id"].transform("nunique")
    g["source"] = source
    g = g[g["mentions"] >= min_count]
    return g.sort_values(["article_id", "mentions", "actor"], ascending=[True, False, True])[cols].reset_index(drop=True)


def _proper_noun_runs(out) -> pd.DataFrame:
    tokens = read_layer(out, "tokens", columns=["sent_id", "token_id", "text", "pos"])
    if tokens.empty:
        return pd.DataFrame(columns=["article_id", "actor_id", "actor", "actor_type"])
    is_nnp = tokens["pos"].isin(["NNP", "NNPS"])
    prev = is_nnp.shift(fill_value=False) & (tokens["article_id"] == tokens["article_id"].shift()) & \
        (tokens["sent_id"] == tokens["sent_id"].shift())
    run = (is_nnp & ~prev).cumsum()
    names = tokens[is_nnp].groupby(run[is_nnp]).agg(article_id=("article_id", "first"), actor=("text", " ".join))
    names["actor_id"] = names["actor"].str.lower()
    names["actor_type"] = "name"
    return names.reset_index(drop=True)


def combined_timeline(out) -> pd.DataFrame:
    """Every dated event (or time expression) of every article on one time line.

    Uses the ``events`` layer (``date, value, trigger, actors, summary``) when present, else
    ``timexes`` (``value``, ``text``), else only each article's publication date. Rows are
    sorted by date; undated rows (unknown parts) come last.

    Returns:
        DataFrame ``date, article_id, title, published, value, what, actors, source``
        (``date`` as ``datetime64``; ``what`` the trigger and summary or the expression).
    """
    cols = ["date", "article_id", "title", "published", "value", "what", "actors", "source"]
    man = read_manifest(out)
    if man.empty:
        return pd.DataFrame(columns=cols)
    info = man.set_index("article_id")[["title", "published"]]
    present = layers_in(out)
    if "events" in present:
        ev = read_layer(out, "events")
        what = ev.get("trigger", pd.Series("", index=ev.index)).fillna("").astype(str)
        if "summary" in ev.columns:
            what = (what + ": " + ev["summary"].fillna("").astype(str)).str.strip(": ")
        df = pd.DataFrame({"date": ev.get("date"), "article_id": ev["article_id"], "value": ev.get("value"),
                           "what": what, "actors": ev.get("actors"), "source": "events"})
    elif "timexes" in present:
        tx = read_layer(out, "timexes")
        df = pd.DataFrame({"date": tx.get("value"), "article_id": tx["article_id"], "value": tx.get("value"),
                           "what": tx.get("text"), "actors": None, "source": "timexes"})
    else:
        df = pd.DataFrame({"date": man["published"], "article_id": man["article_id"], "value": man["published"],
                           "what": "published", "actors": None, "source": "publication dates (no timeline layer)"})
    df["date"] = pd.to_datetime(df["date"].astype("string").str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    df = df.join(info, on="article_id")
    return df.sort_values(["date", "article_id"], na_position="last", kind="stable")[cols].reset_index(drop=True)


def stance_by_holder(out) -> pd.DataFrame:
    """Who is for and against what, across articles: stance rows counted by holder.

    Needs the ``stance`` layer (``holder_id, holder, target, stance``); without it the table
    is empty (with these columns).

    Returns:
        DataFrame ``holder_id, holder, favor, against, neutral, n_statements, n_articles,
        targets`` (the targets most often named, ``; ``-joined), sorted by ``n_statements``.
    """
    cols = ["holder_id", "holder", "favor", "against", "neutral", "n_statements", "n_articles", "targets"]
    if "stance" not in layers_in(out):
        return pd.DataFrame(columns=cols)
    st = read_layer(out, "stance")
    if st.empty or "stance" not in st.columns:
        return pd.DataFrame(columns=cols)
    holder = st["holder"] if "holder" in st.columns else pd.Series("?", index=st.index)
    st = st.assign(holder=holder.fillna("(unknown)").astype(str),
                   holder_id=(st["holder_id"] if "holder_id" in st.columns else holder).fillna(holder).fillna("(unknown)").astype(str),
                   target=(st["target"] if "target" in st.columns else pd.Series("", index=st.index)).fillna("").astype(str))
    counts = pd.crosstab(st["holder_id"], st["stance"])
    for s in ("favor", "against", "neutral"):
        if s not in counts.columns:
            counts[s] = 0
    g = st.groupby("holder_id").agg(holder=("holder", "first"), n_statements=("stance", "size"),
                                    n_articles=("article_id", "nunique"),
                                    targets=("target", lambda t: "; ".join(t[t != ""].value_counts().index[:3])))
    g = g.join(counts[["favor", "against", "neutral"]]).reset_index()
    return g.sort_values(["n_statements", "holder"], ascending=[False, True])[cols].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# the demo corpus


def demo_articles() -> list[Path]:
    """The article files of the demo corpus shipped in ``analysis/data/corpus/`` (not the seed)."""
    folder = Path(__file__).resolve().parent / "data" / "corpus"
    return sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)


def make_demo_corpus(folder, *, include_seed: bool = True) -> Path:
    """Copy the demo corpus (the seed and short articles written for the package) into ``folder``.

    The extra articles are original, invented teaching texts (see ``analysis/data/README.md``);
    the package ships no other copyrighted article. Sidecar ``.yml`` files come along.

    >>> sorted(p.name for p in make_demo_corpus("demo").glob("*.txt"))   # doctest: +SKIP
    """
    from . import SEED

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = demo_articles() + ([Path(SEED)] if include_seed else [])
    for path in files:
        shutil.copyfile(path, folder / path.name)
        for side in (path.with_suffix(".yml"), path.with_suffix(".yaml")):
            if side.is_file():
                shutil.copyfile(side, folder / side.name)
    return folder


#: what every chart and table built from the demo corpus says about it
DEMO_NOTE = "demo corpus: invented teaching texts and the example article, not real news"
#: the name that asks for the demo corpus (in ``CORPUS``, ``--corpus``, ``make report CORPUS=demo``)
DEMO_NAME = "demo"


@dataclass
class Gathered:
    """The articles a comparison reads: ``folder`` holds copies of them, ``ids`` their article ids."""

    folder: Path
    ids: list[str]
    demo: bool = False

    @property
    def can_compare(self) -> bool:
        return len(self.ids) >= 2

    @property
    def note(self) -> str | None:
        """:data:`DEMO_NOTE` for the demo corpus (put it in every chart title), else ``None``."""
        return DEMO_NOTE if self.demo else None


def _copy_article(src: Path, dest: Path, published=None) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    if published:  # the date goes into a sidecar, as for any article in a folder
        dest.with_suffix(".yml").write_text(f"published: {published}\n", encoding="utf-8")
        return
    for side in (src.with_suffix(".yml"), src.with_suffix(".yaml")):
        if side.is_file():
            shutil.copyfile(side, dest.with_suffix(side.suffix))


def gather_corpus(corpus, into, *, article=None, published=None) -> Gathered:
    """Copy the articles to compare into the folder ``into``: only what the user named.

    Args:
        corpus: a folder of articles (searched recursively), ``"demo"`` for the demo corpus
            (:func:`make_demo_corpus`), or ``None`` for none.
        into: the (new) folder the copies go to; the user's files are never changed.
        article: one more article file to compare (left out when the corpus already holds a
            file with the same content).
        published: the publication date of ``article`` (``YYYY-MM-DD``), written as its sidecar.

    Returns:
        A :class:`Gathered`; ``can_compare`` is false with fewer than two articles.

    Raises:
        InputError: ``corpus`` is not a folder, or holds no article.

    >>> g = gather_corpus(None, "tmp-corpus", article=analysis.SEED)   # doctest: +SKIP
    >>> g.ids, g.can_compare                                            # doctest: +SKIP
    (['csto_dushanbe_2021'], False)
    """
    into = Path(into)
    into.mkdir(parents=True, exist_ok=True)
    demo = isinstance(corpus, str) and corpus.strip().lower() == DEMO_NAME
    if demo:
        make_demo_corpus(into)
    elif corpus is not None and str(corpus).strip():
        root = Path(corpus).expanduser()
        if not root.is_dir():
            raise InputError(f"CORPUS {corpus}: {'not a folder' if root.exists() else 'no such folder'}; "
                             f"give a folder of {'/'.join(ARTICLE_SUFFIXES)} articles, or \"{DEMO_NAME}\" for the demo corpus")
        for _, path in find_articles(root):
            _copy_article(path, into / path.relative_to(root))
    if article is not None and str(article).strip():
        src = Path(article)
        have = {hashlib.sha256(p.read_bytes()).hexdigest() for _, p in _articles_or_none(into)}
        if hashlib.sha256(src.read_bytes()).hexdigest() not in have:
            dest = into / src.name
            k = 2
            while dest.exists():
                dest = into / f"{src.stem}-{k}{src.suffix}"
                k += 1
            _copy_article(src, dest, published)
    return Gathered(into, [a for a, _ in _articles_or_none(into)], demo)


def _articles_or_none(folder: Path) -> list[tuple[str, Path]]:
    try:
        return find_articles(folder)
    except InputError:
        return []


def how_to_compare(n: int) -> str:
    """What to do when there are fewer than two articles to compare (``n`` of them)."""
    have = "no article" if n == 0 else "one article"
    return (f"Nothing to compare: a comparison needs two or more articles, and this run has {have}. "
            "Put the articles in one folder (one .txt, .md or .html file each) and set "
            "CORPUS = \"path/to/folder\" in the parameters cell, or run "
            "'python -m analysis report path/to/folder'. "
            f"To see what the comparison looks like, set CORPUS = \"{DEMO_NAME}\" (the demo corpus: invented teaching texts).")


# --------------------------------------------------------------------------------------------
# the CLI


def main(args) -> int:
    """``python -m analysis corpus DIR --out OUT [--workers N] [--engine E] [--scheduler ADDR]``.

    Exit status 0 when every article succeeded, 2 when some failed (they are listed on stderr
    and in ``OUT/errors.csv``). The last line on stdout is the summary.
    """
    res = annotate_corpus(args.folder, out=args.out, workers=getattr(args, "workers", None),
                          engine=getattr(args, "engine", None) or "process",
                          scheduler=getattr(args, "scheduler", None), progress=sys.stderr.isatty())
    if not res.ok:
        print(f"{len(res.errors)} article(s) failed (see {Path(res.out) / ERRORS_FILE}):", file=sys.stderr)
        for row in res.errors.itertuples():
            print(f"  {row.article}: {row.error}", file=sys.stderr)
    print(res.summary())
    return 0 if res.ok else 2
