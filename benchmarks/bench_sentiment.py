"""Benchmark: sentiment + explanations + stance against annotate on the same articles.

A corpus of N articles is made by shuffling the seed's paragraphs (a fixed random seed). For each
round the script times, in the same process and warm:
  * annotate        analysis.annotate(text)  (paragraphs, sentences, tokens)
  * sentiment       analysis.sentiment.sentiment(doc)   (keeps what the explanations are made from)
  * explanations    analysis.sentiment.explanations(doc) (built from it on this first request)
  * clauses         analysis.clauses.clauses(doc) (the clause reading stance is built on)
  * stance          analysis.stance.stance(doc) with doc.mentions / doc.quotes computed beforehand
                    (the actors layer is another layer's cost; it is timed separately)
  * the floor       TextBlob's ``PatternAnalyzer().analyze`` and VADER's ``polarity_scores`` on every
                    sentence once: what the libraries' own public calls cost before any paragraph or
                    article level, explanation or stance
and prints the best of ROUNDS rounds and the ratios to annotate, then the same ratios from the
median CPU time (``time.process_time``) of the rounds, which a busy machine disturbs less. Run:
    PYTHONPATH=. python benchmarks/bench_sentiment.py [N] [ROUNDS]

``scale [CHARS ...]`` instead times sentiment, stance and actor_sentiment on single long articles
(the seed's paragraphs drawn at random up to CHARS characters; default 50,000 and 400,000) and
prints each time and its growth against the smallest article (linear is the size ratio):
    PYTHONPATH=. python benchmarks/bench_sentiment.py scale 50000 400000
"""

from __future__ import annotations

import random
import sys
import time

from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import analysis  # noqa: E402
from analysis import sentiment as S  # noqa: E402
from analysis import stance as T  # noqa: E402
from analysis.clauses import clauses as C  # noqa: E402
from common import long_article  # noqa: E402


def corpus(n: int) -> list[str]:
    seed = analysis.annotate(analysis.SEED)
    paras = seed.paragraphs["text"].tolist()
    rng = random.Random(5)
    out = []
    for k in range(n):
        chosen = rng.sample(paras, len(paras))
        out.append(f"Recombined article {k}\n\n" + "\n\n".join(chosen))
    return out


def main(n: int = 20, rounds: int = 5) -> dict:
    texts = corpus(n)
    docs = [analysis.annotate(t) for t in texts]
    S.sentiment(docs[0]); T.stance(docs[0])  # warm: lexicons loaded, regexes compiled
    has_actors = "mentions" in analysis.available_layers()
    best = {"annotate": 1e9, "sentiment": 1e9, "explanations": 1e9, "clauses": 1e9, "stance": 1e9, "actors": 1e9,
            "libraries, sentences only": 1e9}
    from textblob.en.sentiments import PatternAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    pattern, vader = PatternAnalyzer(), SentimentIntensityAnalyzer()
    cpu: dict[str, list[float]] = {name: [] for name in best}
    for _ in range(rounds):
        t, c0 = time.perf_counter(), time.process_time()
        docs = [analysis.annotate(x) for x in texts]
        best["annotate"] = min(best["annotate"], time.perf_counter() - t)
        cpu["annotate"].append(time.process_time() - c0)
        t, c0 = time.perf_counter(), time.process_time()
        if has_actors:
            for d in docs:
                d.mentions
                if "quotes" in analysis.available_layers():
                    d.quotes
        best["actors"] = min(best["actors"], time.perf_counter() - t)
        cpu["actors"].append(time.process_time() - c0)
        t, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            S.sentiment(d)
        best["sentiment"] = min(best["sentiment"], time.perf_counter() - t)
        cpu["sentiment"].append(time.process_time() - c0)
        t, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            S.explanations(d)
        best["explanations"] = min(best["explanations"], time.perf_counter() - t)
        cpu["explanations"].append(time.process_time() - c0)
        t, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            C(d)
        best["clauses"] = min(best["clauses"], time.perf_counter() - t)
        cpu["clauses"].append(time.process_time() - c0)
        t, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            T.stance(d)
        best["stance"] = min(best["stance"], time.perf_counter() - t)
        cpu["stance"].append(time.process_time() - c0)
        # the floor: the libraries' own public calls, once per sentence only (no paragraph or
        # article level, no explanations, no stance), on the same spans
        t, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            for text in d.sentences["text"]:
                pattern.analyze(text)
                vader.polarity_scores(text)
        best["libraries, sentences only"] = min(best["libraries, sentences only"], time.perf_counter() - t)
        cpu["libraries, sentences only"].append(time.process_time() - c0)
    base = best["annotate"]
    print(f"{n} articles of {len(texts[0])} characters, best of {rounds} rounds (actors layer present: {has_actors})")
    for name, secs in best.items():
        print(f"  {name:13s} {secs * 1000 / n:7.2f} ms/article   x{secs / base:5.2f} of annotate")
    ours = best["sentiment"] + best["explanations"] + best["clauses"] + best["stance"]
    print(f"  sentiment + explanations + clauses + stance = {ours / base:.0%} of annotate time")
    print(f"  clauses + stance = {(best['clauses'] + best['stance']) / base:.0%} of annotate time (target <= 40%)")
    print(f"  floor: TextBlob's and VADER's own calls on each sentence once = {best['libraries, sentences only'] / base:.0%} "
          "of annotate (the layer must also score every paragraph and the article)")
    med = {name: sorted(v)[len(v) // 2] for name, v in cpu.items()}
    print(f"  CPU time, median of {rounds} rounds: clauses {med['clauses'] / med['annotate']:.0%} + stance "
          f"{med['stance'] / med['annotate']:.0%} = {(med['clauses'] + med['stance']) / med['annotate']:.0%} of annotate; "
          f"sentiment {med['sentiment'] / med['annotate']:.0%}; mentions + quotes {med['actors'] / med['annotate']:.0%}")
    return best


def scale(sizes: list[int]) -> dict:
    funcs = {"sentiment": S.sentiment, "clauses": C, "stance": T.stance, "actor_sentiment": S.actor_sentiment}
    S.sentiment(analysis.annotate(analysis.SEED))  # warm
    times: dict[int, dict[str, float]] = {}
    for size in sizes:
        doc = analysis.annotate(analysis.from_text(long_article(size)))
        doc.mentions, doc.quotes  # other layers' cost, computed first
        times[size] = {}
        for name, func in funcs.items():
            t = time.perf_counter()
            func(doc)
            times[size][name] = time.perf_counter() - t
    first = sizes[0]
    for size in sizes:
        growth = "  ".join(f"{name} {secs:6.2f}s (x{secs / times[first][name]:5.1f})" for name, secs in times[size].items())
        print(f"{size:>9,} chars (x{size / first:4.1f}): {growth}")
    return times


if __name__ == "__main__":
    if sys.argv[1:2] == ["scale"]:
        scale([int(a) for a in sys.argv[2:]] or [50_000, 400_000])
    else:
        main(*(int(a) for a in sys.argv[1:3]))
