"""Helpers shared by the benchmark scripts: a recombined corpus and a timer."""

from __future__ import annotations

import platform
import random
import time

import analysis


def seed_paragraphs() -> list[str]:
    return analysis.load_article(analysis.SEED).paragraphs["text"].tolist()


def recombined_corpus(n_articles: int = 200, *, seed: int = 13, paras_per_article=(6, 14)) -> list[str]:
    """``n_articles`` texts made of the seed's paragraphs in random order (title line first)."""
    rng = random.Random(seed)
    paras = seed_paragraphs()
    out = []
    for i in range(n_articles):
        k = rng.randint(*paras_per_article)
        body = [rng.choice(paras) for _ in range(k)]
        out.append(f"Recombined article {i}\n\n" + "\n\n".join(body) + "\n")
    return out


def long_article(n_chars: int, *, seed: int = 3) -> str:
    """One long article (``n_chars`` characters or a little more) of the seed's paragraphs."""
    rng = random.Random(seed)
    paras = seed_paragraphs()
    out, n = ["Scale article"], 0
    while n < n_chars:
        out.append(rng.choice(paras))
        n += len(out[-1]) + 2
    return "\n\n".join(out)


def best_of(fn, *, repeat: int = 5, number: int = 1) -> float:
    """The best wall time in seconds of ``number`` calls of ``fn``, over ``repeat`` rounds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t0) / number)
    return best


def machine() -> str:
    import os

    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"
