"""Benchmark of the term-frequency tables (analysis.terms).

Prints, in one run:
* the seed's warm ``annotate`` time, the time of the actors layer (``doc.mentions``: the term
  tables count its multi-word names as one term; it is computed once per document and shared
  with every layer that reads actors), and the extra time to compute every term table on a
  freshly annotated seed (summary card, terms, n-grams 2–5, bigram and trigram collocations,
  TF-IDF, keyness against a second article, KWIC, dispersion, term × paragraph counts); the
  ratio tables / annotate is the figure (target <= 0.20). Rounds alternate the timings so a
  busy machine slows them alike.
* ``terms(doc)`` over a 200-article corpus recombined from the seed's paragraphs (documents
  annotated and their mentions found beforehand), concatenated into one table (target <= 2 s).

Run: ``python benchmarks/bench_terms.py`` (``--per-table`` also prints each table's median time
on fresh documents, in the same order).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, recombined_corpus  # noqa: E402

import pandas as pd  # noqa: E402

import analysis  # noqa: E402
from analysis import terms as T  # noqa: E402

REFERENCE = ("Reference\n\nThe government said on Monday that the talks with the opposition would resume in the "
             "capital next week. Ministers met the delegation and agreed on a timetable.\n\nThe opposition "
             "rejected the plan and called for new elections.")


def all_tables(doc, reference) -> int:
    """Every term table for one document; returns the number of rows (to use them)."""
    tables = [
        T.summary_card(doc),
        T.term_frequencies(doc),
        T.ngrams(doc),
        T.collocations(doc, n=2),
        T.collocations(doc, n=3),
        T.tfidf(doc),
        T.keyness(doc, reference),
        T.kwic(doc, "Afghanistan"),
        T.dispersion(doc),
        T.term_paragraph_counts(doc),
    ]
    return sum(len(t) for t in tables)


TABLES = {
    "summary_card": lambda d, r: T.summary_card(d),
    "term_frequencies": lambda d, r: T.term_frequencies(d),
    "ngrams": lambda d, r: T.ngrams(d),
    "collocations n=2": lambda d, r: T.collocations(d, n=2),
    "collocations n=3": lambda d, r: T.collocations(d, n=3),
    "tfidf": lambda d, r: T.tfidf(d),
    "keyness": lambda d, r: T.keyness(d, r),
    "kwic": lambda d, r: T.kwic(d, "Afghanistan"),
    "dispersion": lambda d, r: T.dispersion(d),
    "term_paragraph_counts": lambda d, r: T.term_paragraph_counts(d),
}  # the tables of all_tables, in its order


def per_table(seed, reference, rounds: int = 20) -> dict:
    """Median time of each table (ms) on a freshly annotated seed, tables in all_tables' order
    (the first one pays for the shared per-document preparation)."""
    times = {name: [] for name in TABLES}
    for _ in range(rounds):
        doc = analysis.annotate(seed)
        doc.mentions  # found once per document, shared with the other layers
        for name, table in TABLES.items():
            t0 = time.perf_counter()
            table(doc, reference)
            times[name].append(time.perf_counter() - t0)
    return {name: sorted(ts)[len(ts) // 2] * 1000 for name, ts in times.items()}


def main() -> dict:
    seed = analysis.load_article(analysis.SEED)
    reference = analysis.annotate(analysis.from_text(REFERENCE))
    for _ in range(3):  # warm caches and lazy imports (NLTK, lemminflect)
        all_tables(analysis.annotate(seed), reference)
    ann, ment, extra = [], [], []
    for _ in range(30):
        t0 = time.perf_counter()
        doc = analysis.annotate(seed)
        t1 = time.perf_counter()
        doc.mentions
        t2 = time.perf_counter()
        all_tables(doc, reference)
        t3 = time.perf_counter()
        ann.append(t1 - t0)
        ment.append(t2 - t1)
        extra.append(t3 - t2)
    for times in (ann, ment, extra):
        times.sort()
    t_ann, t_ment, t_extra = ann[len(ann) // 2], ment[len(ment) // 2], extra[len(extra) // 2]  # medians

    texts = recombined_corpus(200)
    docs = [analysis.annotate(analysis.from_text(t)) for t in texts]
    best = float("inf")
    for _ in range(3):
        for d in docs:
            d._layers.pop("terms", None)
        from analysis.terms import _CACHE

        _CACHE.clear()
        t0 = time.perf_counter()
        table = pd.concat([T.terms(d).assign(doc_id=i) for i, d in enumerate(docs)], ignore_index=True)
        best = min(best, time.perf_counter() - t0)
    n_tokens = sum(len(d.tokens) for d in docs)
    for d in docs:
        d.mentions  # the names the tables need, found once per document (shared with the other layers)
    res = {"machine": machine(), "seed_annotate_ms": t_ann * 1000, "seed_mentions_ms": t_ment * 1000,
           "seed_all_tables_ms": t_extra * 1000,
           "ratio": t_extra / t_ann, "corpus_articles": len(docs), "corpus_tokens": n_tokens,
           "corpus_terms_s": best, "corpus_rows": len(table)}
    print(f"machine: {res['machine']}")
    print(f"seed annotate (median of 30, warm):     {res['seed_annotate_ms']:.1f} ms")
    print(f"mentions (actors layer) on the seed:    {res['seed_mentions_ms']:.1f} ms")
    print(f"every terms table on the seed (median): {res['seed_all_tables_ms']:.1f} ms")
    print(f"ratio tables / annotate:                {res['ratio']:.2f}   (target <= 0.20)")
    print(f"terms over {len(docs)} recombined articles ({n_tokens:,} tokens): {best:.2f} s (target <= 2 s), "
          f"{len(table):,} rows")
    if "--per-table" in sys.argv:
        res["per_table_ms"] = per_table(seed, reference)
        for name, ms in res["per_table_ms"].items():
            print(f"  {name:24s} {ms:.2f} ms")
    return res


if __name__ == "__main__":
    main()
