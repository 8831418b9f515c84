"""Benchmark of the timeline layers (timexes + events).

Prints, in one run, on ~200 articles recombined from the seed's paragraphs (plus the seed):
* the baseline: ``analysis.annotate`` (paragraphs, sentences, tokens) per 1,000 tokens;
* timexes + events per 1,000 tokens (the mentions and clauses layers, which events reads, computed
  before timing: they are other layers' cost, paid once by the pipeline); target <= 2 ms per
  1,000 tokens;
* the ratio timeline / annotate.

Run: ``python benchmarks/bench_timeline.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

sys.path.insert(0, str(Path(__file__).resolve().parent))

import analysis  # noqa: E402
from analysis import timeline  # noqa: E402
from common import best_of, recombined_corpus  # noqa: E402


def main() -> dict:
    texts = recombined_corpus(200)
    docs = [analysis.annotate(analysis.from_text(t, published="2021-09-16")) for t in texts]
    has_actors = "mentions" in analysis.available_layers()
    for d in docs:
        if has_actors:
            d.mentions  # noqa: B018  (computed once, not timed)
        d.clauses  # noqa: B018  (the clause layer events read; computed once, not timed)
    n_tokens = sum(len(d.tokens) for d in docs)
    timeline.events(docs[0])  # warm the vocabulary and the compiled patterns

    def run_annotate():
        for t in texts:
            analysis.annotate(analysis.from_text(t, published="2021-09-16"))

    def run_timexes():
        for d in docs:
            timeline.timexes(d)

    def run_timeline():
        for d in docs:
            d._layers.pop("timexes", None)
            d._layers.pop("events", None)
            d.events  # noqa: B018

    t_ann = best_of(run_annotate)
    t_tx = best_of(run_timexes)
    t_tl = best_of(run_timeline)
    seed = analysis.annotate(analysis.SEED)
    if has_actors:
        seed.mentions  # noqa: B018
    seed.clauses  # noqa: B018

    def seed_run():
        seed._layers.pop("timexes", None)
        seed._layers.pop("events", None)
        seed.events  # noqa: B018

    t_seed = best_of(seed_run, repeat=10)
    k = n_tokens / 1000
    res = {"articles": len(docs), "tokens": n_tokens, "annotate_ms_per_1k": 1000 * t_ann / k,
           "timexes_ms_per_1k": 1000 * t_tx / k, "timeline_ms_per_1k": 1000 * t_tl / k,
           "ratio_timeline_to_annotate": t_tl / t_ann, "seed_timeline_ms": 1000 * t_seed,
           "actors_layer": has_actors}
    print(f"corpus: {len(docs)} recombined articles, {n_tokens:,} tokens (actors layer: {'yes' if has_actors else 'no'})")
    print(f"annotate (baseline):      {res['annotate_ms_per_1k']:.2f} ms per 1,000 tokens")
    print(f"timexes:                  {res['timexes_ms_per_1k']:.2f} ms per 1,000 tokens")
    print(f"timexes + events:         {res['timeline_ms_per_1k']:.2f} ms per 1,000 tokens (target <= 2)")
    print(f"ratio timeline/annotate:  {res['ratio_timeline_to_annotate']:.2f}")
    print(f"seed timexes + events:    {res['seed_timeline_ms']:.1f} ms (HeidelTime: about 5 s)")
    return res


if __name__ == "__main__":
    main()
