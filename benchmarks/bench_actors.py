"""Benchmark: what the mentions and quotes layers add to ``analysis.annotate``.

Baseline: ``annotate`` on the seed (warm: second run on, gazetteer already loaded), then the
``mentions`` and ``quotes`` layers on the same document, in the same process. Then throughput on
a corpus of N articles made by recombining the seed's paragraphs. Prints the ratios.

    PYTHONPATH=. python benchmarks/bench_actors.py [N]
"""

from __future__ import annotations

import random
import sys
import time

import analysis
from analysis.actors import mentions
from analysis.quotes import quotes


def best_of(fn, repeat=15):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), sorted(times)[len(times) // 2]


def main(n_articles: int = 40) -> None:
    t = time.perf_counter()
    doc = analysis.annotate(analysis.SEED)
    doc.mentions, doc.quotes
    print(f"cold start (tokenizer, tagger, gazetteer): {time.perf_counter() - t:.2f} s")
    article = analysis.load_article(analysis.SEED)
    base_min, base_med = best_of(lambda: analysis.annotate(article))
    doc = analysis.annotate(article)
    m_min, m_med = best_of(lambda: mentions(doc))
    doc.mentions  # cache for quotes
    q_min, q_med = best_of(lambda: quotes(doc))
    print(f"annotate (seed, warm)  min {base_min * 1000:6.1f} ms  median {base_med * 1000:6.1f} ms")
    print(f"mentions               min {m_min * 1000:6.1f} ms  median {m_med * 1000:6.1f} ms")
    print(f"quotes                 min {q_min * 1000:6.1f} ms  median {q_med * 1000:6.1f} ms")
    print(f"mentions+quotes / annotate: {(m_min + q_min) / base_min:.0%} (min)  {(m_med + q_med) / base_med:.0%} (median)")

    paras = doc.paragraphs["text"].tolist()
    rng = random.Random(1)
    corpus = ["Headline\n\n" + "\n\n".join(rng.sample(paras, 8)) for _ in range(n_articles)]
    t = time.perf_counter()
    docs = [analysis.annotate(text) for text in corpus]
    t_base = time.perf_counter() - t
    t = time.perf_counter()
    for d in docs:
        d.mentions, d.quotes
    t_layers = time.perf_counter() - t
    print(f"corpus of {n_articles}: annotate {t_base:.2f} s, mentions+quotes {t_layers:.2f} s "
          f"({t_layers / t_base:.0%}); {n_articles / (t_base + t_layers):.0f} articles/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
