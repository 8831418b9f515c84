"""Helpers shared by the benchmark scripts: a recombined corpus and a timer."""

from __future__ import annotations

import os
import platform
import random
import time
from pathlib import Path

import analysis


ROOT = Path(__file__).resolve().parent.parent

#: the environment variable that can name each shared corpus's folder, and what the folder holds
_CORPORA = {"gum": ("ANALYSIS_GUM", "*.conllu"), "polnear": ("ANALYSIS_POLNEAR", "dev/text"),
            "html-pages": ("ANALYSIS_HTML_PAGES", "*/source.html"), "timebank": ("ANALYSIS_TIMEBANK", "**/*.tml")}


def shared_corpus(name: str, arg: str | None = None) -> Path | None:
    """The folder of a corpus annotated by others, read in place and never copied: ``arg``,
    ``$ANALYSIS_<NAME>``, ``$ANALYSIS_SHARED/data/<name>``, ``<repo>/../shared/data/<name>`` or
    ``/work/shared/data/<name>``, the first that holds it; None when none does (callers skip)."""
    env, marker = _CORPORA[name]
    shared = os.environ.get("ANALYSIS_SHARED")
    cands = [arg, os.environ.get(env), shared and str(Path(shared) / "data" / name),
             ROOT.parent / "shared" / "data" / name, Path("/work/shared/data") / name]
    for cand in map(Path, filter(None, cands)):
        holds = (cand / marker).is_dir() if "*" not in marker else next(cand.glob(marker), None) is not None
        if holds:
            return cand
    return None


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
