"""Helpers shared by the benchmark scripts: where the shared corpora are, PolNeAR's attribution
files, a recombined corpus and a timer."""

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


#: words that open a speech cue ("said", "according to"): a Source made of them is a Cue
_CUE_WORDS = {"said", "says", "say", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes",
              "according", "noted", "stated", "explained", "tweeted", "replied", "responded"}


def _is_cue_words(words: str) -> bool:
    first = words.split()[:1]
    return bool(first) and first[0].lower() in _CUE_WORDS


def polnear_attributions(path: Path) -> list[dict]:
    """The attributions of one PolNeAR brat file (``.ann``): dicts with ``source`` and ``cue``
    (start, end, or None when the attribution has none) and ``contents`` (a list of (start, end):
    ``Content``, ``Content2`` …, the parts of a quotation its tag splits).

    A discontinuous span ("1054 1080;977 1037") lists its fragments, not always in text order: the
    span runs from the first character of any to the last. A Source whose words are a speech verb
    ("said", "according to") paired with a Cue that is not is an annotation with the two labels
    swapped: the Cue's span is taken as the Source."""
    spans, words, events = {}, {}, []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _, _, offs = parts[1].partition(" ")
            try:
                frags = [tuple(int(x) for x in f.split()) for f in offs.split(";")]
            except ValueError:
                continue
            if not frags or any(len(f) != 2 for f in frags):
                continue
            spans[parts[0]] = (min(a for a, _ in frags), max(b for _, b in frags))
            words[parts[0]] = parts[2] if len(parts) > 2 else ""
        elif parts[0].startswith("E"):
            events.append([p.split(":", 1) for p in parts[1].split() if ":" in p])
    out = []
    for roles in events:
        src = next((t for role, t in roles if role == "Source" and t in spans), None)
        cue = next((t for role, t in roles if role == "Cue" and t in spans), None)
        if src is not None and cue is not None and _is_cue_words(words[src]) and not _is_cue_words(words[cue]):
            src, cue = cue, src  # Source and Cue typed the wrong way round
        out.append({"source": spans[src] if src else None, "cue": spans[cue] if cue else None,
                    "contents": [spans[t] for role, t in roles if role.startswith("Content") and t in spans]})
    return out


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
