"""Scale: is the whole annotation linear in the input size, and how much memory does 5 MB take?

Builds a 1 MB and a 5 MB article from the seed's paragraphs (shuffled, blank-line separated,
under one title), and in a fresh child process for each size runs ``analysis.annotate`` plus
every available analysis layer, timing each and reading the child's peak resident memory.

Prints, per size: seconds per layer and in total, tokens, peak RSS; then the time ratio
5 MB / 1 MB (5.0 is linear) and the check peak RSS ≤ 1.5 GB for 5 MB.

Run: ``python benchmarks/bench_scale.py [--sizes 1,5] [--skip sentiment,stance]`` (minutes on 2 cores;
``--skip`` leaves out layers whose cost is known to grow faster than the input).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
RSS_LIMIT_MB = 1500


def build_text(size_bytes: int, *, seed: int = 7) -> str:
    sys.path.insert(0, str(ROOT))
    import analysis

    paras = analysis.load_article(analysis.SEED).paragraphs["text"].tolist()
    rng = random.Random(seed)
    out, n = ["Scale test article", ""], 0
    while n < size_bytes:
        p = rng.choice(paras)
        out.append(p)
        out.append("")
        n += len(p.encode("utf-8")) + 2
    return "\n".join(out)


def child(size_mb: float, skip: set[str] = frozenset()) -> dict:
    sys.path.insert(0, str(ROOT))
    import analysis
    from analysis.document import available_layers

    text = build_text(int(size_mb * MB))
    times = {}
    t0 = time.perf_counter()
    art = analysis.from_text(text)
    times["load"] = time.perf_counter() - t0
    t = time.perf_counter()
    doc = analysis.annotate(art)
    times["segment"] = time.perf_counter() - t
    rows = {}
    for name in available_layers():
        if name in skip:
            continue
        t = time.perf_counter()
        try:
            rows[name] = len(doc.layer(name))
        except Exception as exc:  # noqa: BLE001 - report, do not hide
            rows[name] = f"failed: {type(exc).__name__}: {exc}"
        times[name] = time.perf_counter() - t
    total = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"size_mb": size_mb, "bytes": len(text.encode("utf-8")), "tokens": len(doc.tokens),
            "paragraphs": len(doc.paragraphs), "seconds": {k: round(v, 2) for k, v in times.items()},
            "total_seconds": round(total, 2), "rows": rows, "peak_rss_mb": round(peak_kb / 1024)}


def run(size_mb: float, skip: str = "") -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", str(size_mb), "--skip", skip], capture_output=True,
                          text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="sizes in MB, comma-separated (default 1,5)")
    parser.add_argument("--skip", default="", help="layers to leave out, comma-separated (e.g. sentiment,stance)")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if args.child:
        print(json.dumps(child(args.child, skip)))
        return {}
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
          f"{__import__('os').cpu_count()} cores")
    if skip:
        print(f"layers left out: {', '.join(sorted(skip))}")
    results = [run(s, args.skip) for s in sizes]
    for r in results:
        layers = ", ".join(f"{k} {v:.1f}s" for k, v in r["seconds"].items())
        print(f"{r['size_mb']:g} MB: {r['tokens']:,} tokens, {r['paragraphs']:,} paragraphs; total {r['total_seconds']:.1f}s "
              f"({r['tokens'] / r['total_seconds']:,.0f} tokens/s); peak RSS {r['peak_rss_mb']} MB\n   {layers}")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        scale = b["bytes"] / a["bytes"]
        ratio = b["total_seconds"] / a["total_seconds"]
        print(f"time ratio {b['size_mb']:g} MB / {a['size_mb']:g} MB: {ratio:.2f} (input ratio {scale:.2f}; "
              f"linear = {scale:.2f}); per layer: " + ", ".join(
                  f"{k} {b['seconds'][k] / max(a['seconds'][k], 1e-3):.1f}" for k in a["seconds"]))
        print(f"peak RSS at {b['size_mb']:g} MB: {b['peak_rss_mb']} MB (limit {RSS_LIMIT_MB} MB): "
              f"{'OK' if b['peak_rss_mb'] <= RSS_LIMIT_MB else 'OVER'}")
    print(json.dumps(results))
    return {"results": results}


if __name__ == "__main__":
    main()
