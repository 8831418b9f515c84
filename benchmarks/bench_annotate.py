"""Benchmark of the foundation layer (paragraphs, sentences, tokens with tags and lemmas).

Prints, in one run:
* annotate throughput (tokens/s) on ~200 articles recombined from the seed's paragraphs, next to
  bare NLTK (Punkt sentence spans + ``NLTKWordTokenizer.span_tokenize``) over the same texts;
  the ratio is the figure (target ≥ 0.7);
* the seed's warm annotate latency (target ≤ 15 ms);
* ``import analysis`` time in a fresh interpreter (target ≤ 0.5 s).

Run: ``python benchmarks/bench_annotate.py`` (or ``make bench``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import best_of, machine, recombined_corpus  # noqa: E402

import analysis  # noqa: E402
from nltk.tokenize.destructive import NLTKWordTokenizer  # noqa: E402

from analysis.segment import _sentence_tokenizer  # noqa: E402


def bare_nltk(texts: list[str]) -> int:
    """Punkt + word spans over each blank-line paragraph: the baseline. The word tokenizer is NLTK's
    own class as shipped (``analysis`` runs its rules with the standard ``re``, see segment.py)."""
    pst, wt = _sentence_tokenizer(), NLTKWordTokenizer()
    n = 0
    for text in texts:
        for para in text.split("\n\n"):
            for s, e in pst.span_tokenize(para):
                n += len(list(wt.span_tokenize(para[s:e])))
    return n


def run_annotate(texts: list[str]) -> int:
    return sum(len(analysis.annotate(analysis.from_text(t)).tokens) for t in texts)


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import analysis; print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(5)]
    return min(runs)


def main() -> dict:
    texts = recombined_corpus(200)
    run_annotate(texts[:3])  # warm caches and lazy imports
    bare_nltk(texts[:3])
    n_tokens = run_annotate(texts)
    t_bare = best_of(lambda: bare_nltk(texts), repeat=3)
    t_ann = best_of(lambda: run_annotate(texts), repeat=3)
    seed = analysis.load_article(analysis.SEED)
    analysis.annotate(seed)
    t_seed = best_of(lambda: analysis.annotate(seed), repeat=5, number=10)
    t_import = import_time()
    res = {
        "machine": machine(),
        "articles": len(texts),
        "tokens": n_tokens,
        "bare_nltk_tok_per_s": n_tokens / t_bare,
        "annotate_tok_per_s": n_tokens / t_ann,
        "ratio": t_bare / t_ann,
        "seed_warm_ms": t_seed * 1000,
        "import_s": t_import,
    }
    print(f"machine: {res['machine']}")
    print(f"corpus: {res['articles']} recombined articles, {n_tokens:,} tokens")
    print(f"bare NLTK (Punkt + span_tokenize): {res['bare_nltk_tok_per_s']:,.0f} tokens/s")
    print(f"analysis.annotate:                 {res['annotate_tok_per_s']:,.0f} tokens/s")
    print(f"ratio annotate / bare NLTK:        {res['ratio']:.2f}   (target >= 0.7)")
    print(f"seed warm latency:                 {res['seed_warm_ms']:.1f} ms (target <= 15 ms)")
    print(f"import analysis:                   {res['import_s']:.2f} s (target <= 0.5 s)")
    return res


if __name__ == "__main__":
    main()
