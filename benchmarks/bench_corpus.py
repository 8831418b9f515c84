"""Benchmark of corpus mode: throughput with 1 and 2 workers (process and Dask), peak memory.

Prints, in one run:
* a synthetic corpus of 1,000 articles (~1M tokens) whose paragraphs are recombined from the
  seed, the test articles and the demo corpus, written to a temporary folder;
* bare NLTK tokenization (Punkt sentence spans + ``NLTKWordTokenizer.span_tokenize``) over
  the same texts in this process: the baseline, in tokens/s;
* ``annotate_corpus`` wall time and tokens/s with 1 and 2 workers, engine ``process`` and
  ``dask`` (a LocalCluster of worker processes); speed-up 1 -> 2 workers (target >= 1.7);
  per-worker throughput / bare NLTK (target >= 0.4);
* peak memory of the whole process tree (parent + forkserver + workers, sampled every 20 ms;
  RSS summed, and PSS summed, which counts shared pages once) for 1,000 and
  4,000 articles with 2 workers, each in a fresh interpreter (target <= 600 MB and flat).

Run: ``python benchmarks/bench_corpus.py`` (a few minutes) or ``--small`` (a quick check:
200 and 400 articles). Uses whatever analysis layers are installed, like the corpus itself.

``--cpu`` instead measures the per-worker figure without pools and without the machine's
other load: in this one process, bare NLTK and corpus mode's own per-chunk work
(:func:`analysis.corpus.process_chunk`: every layer, then the Arrow tables) over the same
files, alternating, in CPU time (``time.process_time``), median of ROUNDS rounds, each on N
articles that neither the warm-up nor an earlier round has read; on the
synthetic corpus and on real news (PolNeAR's ``train`` articles, read from
``<repo>/../shared/data/polnear``, ``$ANALYSIS_SHARED/data/polnear`` or
``/work/shared/data/polnear``; skipped when absent):
``python benchmarks/bench_corpus.py --cpu [--articles N] [--rounds ROUNDS]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import analysis  # noqa: E402
from analysis import corpus  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_corpus  # noqa: E402



def source_paragraphs() -> list[str]:
    files = [Path(analysis.SEED), *sorted((ROOT / "tests" / "articles").glob("*.txt")), *corpus.demo_articles()]
    paras = []
    for path in files:
        try:
            paras += analysis.load_article(path).paragraphs["text"].tolist()
        except analysis.InputError:
            continue
    return paras


def write_corpus(folder: Path, n_articles: int, *, paras_per_article=(13, 23), seed: int = 13) -> Path:
    """``n_articles`` files of recombined paragraphs (a title line first), about 1,000 tokens each."""
    rng = random.Random(seed)
    paras = source_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_articles):
        body = [rng.choice(paras) for _ in range(rng.randint(*paras_per_article))]
        (folder / f"article-{i:05d}.txt").write_text(f"Synthetic article {i}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return folder


def bare_nltk(folder: Path) -> tuple[int, float]:
    """Read every file, Punkt sentence spans + word spans per paragraph: (tokens, seconds)."""
    from nltk.tokenize.destructive import NLTKWordTokenizer  # NLTK's own class, as shipped

    from analysis.segment import _sentence_tokenizer

    pst, wt = _sentence_tokenizer(), NLTKWordTokenizer()
    t0 = time.perf_counter()
    n = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for para in text.split("\n\n")[1:]:
            for s, e in pst.span_tokenize(para):
                n += len(list(wt.span_tokenize(para[s:e])))
    return n, time.perf_counter() - t0


def run(folder: Path, out: Path, *, workers: int, engine: str) -> dict:
    """One corpus run. The process engine's time includes starting its pool; for Dask the
    LocalCluster is started (and its workers import the package) before the clock starts,
    as when a cluster is already running; its start-up time is reported apart."""
    startup, scheduler, cluster = 0.0, None, None
    if engine == "dask":
        from distributed import Client, LocalCluster

        t0 = time.perf_counter()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
        scheduler = Client(cluster)
        scheduler.run(lambda: __import__("analysis.corpus"))
        startup = time.perf_counter() - t0
    try:
        t0 = time.perf_counter()
        res = corpus.annotate_corpus(folder, out=out, workers=workers, engine=engine, scheduler=scheduler, progress=False)
        seconds = time.perf_counter() - t0
    finally:
        if cluster is not None:
            scheduler.close()
            cluster.close()
    assert res.ok and len(res.done) == len(list(folder.glob("*.txt"))), res.summary()
    return {"engine": engine, "workers": workers, "seconds": seconds, "tokens": res.n_tokens, "startup_s": startup,
            "tok_per_s": res.n_tokens / seconds, "articles_per_s": len(res.done) / seconds}


def polnear_files(n: int) -> list[Path]:
    """Up to ``n`` PolNeAR train articles (real news), or [] when the shared data is absent."""
    folder = shared_corpus("polnear")
    return sorted((folder / "train" / "text").glob("*.txt"))[:n] if folder else []


def cpu_ratio(groups: list[list[Path]], *, chunk: int = 25) -> dict:
    """Bare NLTK and ``process_chunk`` (every layer) in this process, in CPU seconds: the
    per-worker throughput ratio without pool start-up or other load. The first group of files
    warms up (lexicons, gazetteer, compiled patterns); each later group is one round, bare NLTK
    then every layer on the same files, which no earlier round has read (so no memo of the
    layers has seen them); the ratio is the median over the rounds."""
    from nltk.tokenize.destructive import NLTKWordTokenizer

    from analysis.segment import _sentence_tokenizer

    pst, wt = _sentence_tokenizer(), NLTKWordTokenizer()
    layers = analysis.available_layers()

    def bare(files) -> int:  # as bare_nltk() above, on these files
        n = 0
        for path in files:
            for para in path.read_text(encoding="utf-8").split("\n\n")[1:]:
                for s, e in pst.span_tokenize(para):
                    n += len(list(wt.span_tokenize(para[s:e])))
        return n

    def pipeline(files) -> int:
        items = [(p.stem, str(p), "-") for p in files]
        n = 0
        for k in range(0, len(items), chunk):
            n += sum(a["n_tokens"] for a in corpus.process_chunk(items[k:k + chunk], layers)["articles"])
        return n

    bare(groups[0]), pipeline(groups[0])
    rows = []
    for files in groups[1:]:
        t = time.process_time(); n_bare = bare(files); t_bare = time.process_time() - t
        t = time.process_time(); n_pipe = pipeline(files); t_pipe = time.process_time() - t
        rows.append(((n_pipe / t_pipe) / (n_bare / t_bare), n_bare / t_bare, n_pipe / t_pipe))
    ratio, bare_speed, pipe_speed = sorted(rows)[len(rows) // 2]
    return {"articles": len(groups[1]), "rounds": len(rows), "bare_tok_per_cpu_s": bare_speed,
            "pipeline_tok_per_cpu_s": pipe_speed, "ratio": ratio}


def main_cpu(n: int, rounds: int) -> dict:
    """``rounds`` rounds of ``n`` articles each, after one round of warm-up on ``n`` others."""
    out = {}
    total = n * (rounds + 1)
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"synthetic": sorted(write_corpus(Path(tmp) / "in", total).glob("*.txt")),
                "real news (PolNeAR)": polnear_files(total)}
        for name, files in sets.items():
            if len(files) < 2 * n:
                print(f"{name}: shared data absent, skipped")
                continue
            groups = [files[k:k + n] for k in range(0, len(files), n)]
            r = out[name] = cpu_ratio([g for g in groups if len(g) == n])
            print(f"{name}: {r['rounds']} rounds of {r['articles']} articles not read before; bare NLTK "
                  f"{r['bare_tok_per_cpu_s']:,.0f} tokens per CPU second, every layer "
                  f"{r['pipeline_tok_per_cpu_s']:,.0f}; ratio {r['ratio']:.3f} (median; target >= 0.2)")
    return out


def tree_memory(proc) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) over a process and its descendants; PSS splits shared pages."""
    import psutil

    rss = pss = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0
    for p in procs:
        try:
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return rss, pss


def peak_rss(n_articles: int, workers: int, engine: str = "process") -> dict:
    """Write ``n_articles`` here, then run a fresh interpreter that annotates them (as
    ``python -m analysis corpus`` would) and sample its process tree's memory. The corpus is
    written by this process, so the measured tree holds only what corpus mode itself loads."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(Path(tmp) / "in", n_articles)
        return _sample_child(folder, workers, engine)


def _sample_child(folder: Path, workers: int, engine: str) -> dict:
    import psutil

    child = subprocess.Popen([sys.executable, __file__, "--child", str(folder), "--workers", str(workers), "--engine", engine],
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    proc = psutil.Process(child.pid)
    peak_rss = peak_pss = 0
    while child.poll() is None:
        rss, pss = tree_memory(proc)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.02)
    out = json.loads(child.stdout.read().strip().splitlines()[-1])
    out["peak_rss_mb"], out["peak_pss_mb"] = peak_rss / 2**20, peak_pss / 2**20
    return out


def child(folder: str, workers: int, engine: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run(Path(folder), Path(tmp) / "out", workers=workers, engine=engine)))


def main() -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="a quick check: 200 and 400 articles")
    ap.add_argument("--only", choices=["throughput", "memory"], help="run one half of the benchmark")
    ap.add_argument("--cpu", action="store_true", help="in-process CPU-time ratio to bare NLTK (synthetic and real news)")
    ap.add_argument("--articles", type=int, default=100, help="articles per set for --cpu")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds for --cpu")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="process", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.workers, args.engine)
        return {}
    if args.cpu:
        import warnings

        warnings.simplefilter("ignore")  # as corpus mode itself: an odd input file is not news here
        return main_cpu(args.articles, args.rounds)
    n, n_big = (200, 400) if args.small else (1000, 4000)
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores; "
          f"layers: {', '.join(list(analysis.document.BASE_LAYERS) + analysis.available_layers())}")
    results: dict = {"articles": n, "load_average_at_start": os.getloadavg()[0]}
    print(f"load average at start: {os.getloadavg()[0]:.2f} (wall-clock speed-ups need idle cores)")
    if args.only != "memory":
        with tempfile.TemporaryDirectory() as tmp:
            _throughput(Path(tmp), n, results)
    if args.only != "throughput":
        for size in (n, n_big):
            r = peak_rss(size, 2)
            results[f"peak_rss_mb_{size}"], results[f"peak_pss_mb_{size}"] = r["peak_rss_mb"], r["peak_pss_mb"]
            print(f"peak memory, {size} articles, 2 workers, process tree: RSS sum {r['peak_rss_mb']:.0f} MB, "
                  f"PSS sum {r['peak_pss_mb']:.0f} MB ({r['seconds']:.1f} s, {r['tok_per_s']:,.0f} tokens/s)")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    print(json.dumps(results, default=float))
    return results


def _throughput(tmp: Path, n: int, results: dict) -> None:
    """Bare NLTK, then the process and Dask engines with 1 and 2 workers, on ``n`` articles."""
    if True:  # noqa: SIM108 - keeps the block's indentation readable in diffs
        folder = write_corpus(Path(tmp) / "in", n)
        bare_nltk(folder)  # warm the file cache and NLTK
        n_bare, t_bare = min((bare_nltk(folder) for _ in range(2)), key=lambda r: r[1])
        results["bare_nltk_tok_per_s"] = n_bare / t_bare
        print(f"corpus: {n} articles, {n_bare:,} NLTK tokens")
        print(f"bare NLTK tokenization (1 process): {n_bare / t_bare:,.0f} tokens/s")
        runs = []
        for engine in ("process", "dask"):
            for workers in (1, 2):
                r = run(folder, Path(tmp) / f"out-{engine}-{workers}", workers=workers, engine=engine)
                runs.append(r)
                print(f"{engine:8s} {workers} worker(s): {r['seconds']:6.1f} s  {r['tok_per_s']:9,.0f} tokens/s  "
                      f"{r['articles_per_s']:6.1f} articles/s" + (f"  (cluster start {r['startup_s']:.1f} s, not counted)" if r["startup_s"] else ""))
        results["runs"] = runs
        for engine in ("process", "dask"):
            one, two = (next(r for r in runs if r["engine"] == engine and r["workers"] == w) for w in (1, 2))
            results[f"{engine}_speedup"] = one["seconds"] / two["seconds"]
            results[f"{engine}_per_worker_vs_bare"] = one["tok_per_s"] / results["bare_nltk_tok_per_s"]
            print(f"{engine}: speed-up 1 -> 2 workers {results[f'{engine}_speedup']:.2f}x (target >= 1.7); "
                  f"1 worker / bare NLTK {results[f'{engine}_per_worker_vs_bare']:.2f} (target >= 0.4)")


if __name__ == "__main__":
    main()
