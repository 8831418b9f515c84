"""Score the stance layer on hand-made gold for real political news (PolNeAR articles).

The gold (``benchmarks/gold/stance_polnear.csv``) was written by hand, before the layer was run
on these articles, for 90 PolNeAR articles in three splits: ``train`` (50 articles of ``train/``,
used to develop the rules), ``dev`` (10 of ``dev/``, held out) and ``test`` (30 more of ``dev/``,
held out from everyone; read from ``dev/``, see :data:`FOLDERS`). Each row is one stance: the article file, its split, the
sentence, the holder, the label (favor | against) and the target, all as character offsets into
the article. The file holds no words of the articles: :func:`load_gold` reads the text from the
shared data at run time and checks every offset against a hash of its sentence. The guidelines the
gold follows are in ``docs/stance.md``.

Scoring, one-to-one (a maximum matching):

* a predicted ``doc.stance`` row matches a gold row when its cue lies in the gold sentence, the
  labels agree, the holders agree — the predicted holder's words (found in the cue's sentence)
  overlap the gold holder span, or the predicted ``holder_id`` is the actor of a mention
  overlapping the gold holder span, or the predicted holder's name and the gold holder's words
  share a proper name ("Pence" and "Gov. Mike Pence"; titles such as *Sen.* do not count) — and
  the predicted target span overlaps the gold target span;
* ``neutral`` rows (a negated *against*: "did not oppose") are not stances and are not scored;
* a gold row with no holder written (a passive without agent) is optional: it is not counted in
  recall, and a row that matches it on sentence, label and target is not counted as spurious;
* errors: an unmatched prediction and an unmatched gold row in the same sentence that agree on
  two of label / holder / target are one *wrong label*, *wrong holder* or *wrong target*; the
  rest are *missed* (gold) or *spurious* (predicted).

Run: ``python benchmarks/stance_eval.py [--split train|dev|test|all] [--errors N] [--kind KIND]
[--gold FILE] [--data FOLDER]``. The data folder is found as for the other PolNeAR benchmarks
(``$ANALYSIS_POLNEAR``, ``$ANALYSIS_SHARED/data/polnear``, ``<repo>/../shared/data/polnear``,
``/work/shared/data/polnear``); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import shared_corpus  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "stance_polnear.csv"
COLUMNS = ["article", "split", "sent_start", "sent_end", "sent_sha1", "holder_start", "holder_end", "stance",
           "target_start", "target_end"]
FOLDERS = {"train": "train", "dev": "dev", "test": "dev"}
"""The PolNeAR folder each split of the gold reads its articles from: ``test`` is a second held-out
set of articles from ``dev/`` (the corpus has no test folder), disjoint from the ``dev`` split."""
KINDS = ["missed", "wrong holder", "wrong label", "wrong target", "spurious"]


class GoldError(ValueError):
    """The gold file does not fit the text it points into."""


def polnear_root(arg: str | None = None) -> Path | None:
    """The PolNeAR folder (holding ``train/`` and ``dev/``), or None when absent."""
    return shared_corpus("polnear", arg)


def sentence_hash(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:10]


def load_gold(root: Path, path: Path = GOLD) -> tuple[dict[tuple[str, str], str], list[dict]]:
    """The articles' texts (by (split, article)) and the gold rows with offsets checked.

    Raises :class:`GoldError` when a text is missing, a sentence's hash differs or a span falls
    outside its sentence."""
    texts: dict[tuple[str, str], str] = {}
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            raise GoldError(f"{path.name}: columns {reader.fieldnames} (expected {COLUMNS})")
        for n, r in enumerate(reader, start=2):
            key = (r["split"], r["article"])
            if key not in texts:
                if r["split"] not in FOLDERS:
                    raise GoldError(f"{path.name} line {n}: split {r['split']!r} (one of {', '.join(FOLDERS)})")
                file = root / FOLDERS[r["split"]] / "text" / f"{r['article']}.txt"
                if not file.is_file():
                    raise GoldError(f"{path.name} line {n}: no text {file}")
                texts[key] = file.read_text(encoding="utf-8")
            text = texts[key]
            row = {"line": n, "split": r["split"], "article": r["article"], "stance": r["stance"]}
            for k in ("sent_start", "sent_end", "target_start", "target_end"):
                row[k] = int(r[k])
            row["holder"] = (int(r["holder_start"]), int(r["holder_end"])) if r["holder_start"] else None
            row["target"] = (row["target_start"], row["target_end"])
            ss, se = row["sent_start"], row["sent_end"]
            if not 0 <= ss < se <= len(text) or sentence_hash(text[ss:se]) != r["sent_sha1"]:
                raise GoldError(f"{path.name} line {n}: the sentence at {ss}:{se} of {r['article']} is not the one annotated")
            for span in (row["holder"], row["target"]):
                if span is not None and not (ss <= span[0] < span[1] <= se):
                    raise GoldError(f"{path.name} line {n}: span {span} outside its sentence {ss}:{se}")
            if row["stance"] not in ("favor", "against"):
                raise GoldError(f"{path.name} line {n}: stance {row['stance']!r} (favor | against)")
            rows.append(row)
    return texts, rows


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _holder_span(text: str, sent: tuple[int, int], holder_text, cue: int):
    """Where the predicted holder's words stand in the cue's sentence (nearest before the cue,
    else the first after it); None when they are not in that sentence (a speaker elsewhere)."""
    if not isinstance(holder_text, str) or not holder_text:
        return None
    ss, se = sent
    best = None
    i = text.find(holder_text, ss, se)
    while i != -1:
        if i <= cue or best is None:
            best = i
        if i > cue:
            break
        i = text.find(holder_text, i + 1, se)
    return (best, best + len(holder_text)) if best is not None else None


def predictions(doc) -> list[dict]:
    """The favor/against rows of ``doc.stance`` with their holder span and sentence."""
    import pandas as pd

    st = doc.stance
    sents = doc.sentences
    starts, ends = sents["start"].tolist(), sents["end"].tolist()
    out = []
    for r in st.itertuples(index=False):
        if r.stance not in ("favor", "against"):
            continue
        cue = int(r.start)
        sent = next(((s, e) for s, e in zip(starts, ends) if s <= cue < e), (cue, int(r.end)))
        tgt = None if pd.isna(r.target_start) else (int(r.target_start), int(r.target_end))
        out.append({"start": cue, "end": int(r.end), "stance": r.stance, "holder_id": None if pd.isna(r.holder_id) else r.holder_id,
                    "holder_text": r.holder_text, "holder_name": r.holder, "holder": _holder_span(doc.text, sent, r.holder_text, cue),
                    "holder_from": r.holder_from, "target": tgt, "cue": r.cue, "target_text": r.target})
    return out


def _gold_actors(doc) -> callable:
    m = doc.mentions
    spans = list(zip(m["start"].tolist(), m["end"].tolist(), m["actor_id"].tolist()))

    def actors(span):
        if span is None:
            return set()
        return {a for s, e, a in spans if isinstance(a, str) and s < span[1] and span[0] < e}
    return actors


_TITLES = {"The", "A", "An", "Sen", "Sens", "Gov", "Rep", "President", "Mr", "Mrs", "Ms", "Dr", "Republican",
           "Democratic", "Democrat", "GOP", "House", "Senate", "Speaker", "Secretary", "Director", "Chairman", "Former",
           "U.S", "US", "National", "Committee", "Party", "I", "We", "He", "She", "They", "It"}


def _name_words(phrase) -> set:
    if not isinstance(phrase, str):
        return set()
    return {w for w in re.findall(r"[A-Z][\w'’-]*", phrase) if w.rstrip("’'s") not in _TITLES and len(w) > 2} - _TITLES


def _agree(p: dict, g: dict, actors, text: str) -> tuple[bool, bool, bool]:
    """(label, holder, target) agreement of a prediction whose cue lies in g's sentence.

    The holders agree when the spans overlap, when the predicted actor is the actor of a mention
    at the gold holder, or when the predicted holder's name and the gold holder's words share a
    proper name ("Pence" / "Gov. Mike Pence"): the same actor when the mentions layer linked none."""
    label = p["stance"] == g["stance"]
    if g["holder"] is None:
        holder = True
    else:
        holder = (_overlap(p["holder"], g["holder"]) or (p["holder_id"] is not None and p["holder_id"] in actors(g["holder"]))
                  or bool(_name_words(p["holder_name"]) & _name_words(text[g["holder"][0]:g["holder"][1]]))
                  or (isinstance(p["holder_name"], str) and p["holder_name"].lower() == text[g["holder"][0]:g["holder"][1]].lower()))
    target = _overlap(p["target"], g["target"])
    return label, holder, target


def _max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): {gold index: prediction index}."""
    match_p: dict[int, int] = {}

    def augment(g, seen):
        for p in edges.get(g, []):
            if p in seen:
                continue
            seen.add(p)
            if p not in match_p or augment(match_p[p], seen):
                match_p[p] = g
                return True
        return False

    for g in edges:
        augment(g, set())
    return {g: p for p, g in match_p.items()}


def score_article(doc, gold: list[dict]) -> dict:
    """Counts and errors for one article: tp, n_pred, n_gold and a list of error dicts."""
    preds = predictions(doc)
    actors = _gold_actors(doc)
    in_sent = defaultdict(list)  # gold index -> predictions whose cue is in its sentence
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if g["sent_start"] <= p["start"] < g["sent_end"]:
                in_sent[gi].append(pi)
    agree = {(gi, pi): _agree(preds[pi], gold[gi], actors, doc.text) for gi, pis in in_sent.items() for pi in pis}
    # required gold first, then optional gold (no holder written) takes what is left
    req = {gi: [pi for pi in in_sent[gi] if all(agree[gi, pi])] for gi, g in enumerate(gold) if g["holder"] is not None}
    matched = _max_matching(req)
    used = set(matched.values())
    opt = {gi: [pi for pi in in_sent[gi] if all(agree[gi, pi]) and pi not in used]
           for gi, g in enumerate(gold) if g["holder"] is None}
    opt_matched = _max_matching(opt)
    used |= set(opt_matched.values())
    errors = []
    free_g = [gi for gi, g in enumerate(gold) if g["holder"] is not None and gi not in matched]
    free_p = [pi for pi in range(len(preds)) if pi not in used]
    # near misses: two of the three agree
    for kind, idx in (("wrong target", 2), ("wrong holder", 1), ("wrong label", 0)):
        for gi in list(free_g):
            for pi in in_sent.get(gi, []):
                if pi in free_p:
                    a = agree[gi, pi]
                    if not a[idx] and all(a[k] for k in range(3) if k != idx):
                        errors.append({"kind": kind, "gold": gold[gi], "pred": preds[pi]})
                        free_g.remove(gi)
                        free_p.remove(pi)
                        break
    errors += [{"kind": "missed", "gold": gold[gi], "pred": None} for gi in free_g]
    errors += [{"kind": "spurious", "gold": None, "pred": preds[pi]} for pi in free_p]
    n_req = sum(g["holder"] is not None for g in gold)
    return {"tp": len(matched), "n_pred": len(preds) - len(opt_matched), "n_gold": n_req, "errors": errors}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(root: Path, split: str = "all", gold_path: Path = GOLD) -> dict:
    """Run ``annotate`` on each gold article and score it; returns per-split totals and errors."""
    import analysis

    texts, gold = load_gold(root, gold_path)
    by_art = defaultdict(list)
    for g in gold:
        if split in ("all", g["split"]):
            by_art[(g["split"], g["article"])].append(g)
    totals = defaultdict(Counter)
    errors = defaultdict(list)
    t_annotate = t_stance = 0.0
    for (sp, art), rows in sorted(by_art.items()):
        text = texts[(sp, art)]
        t0 = time.perf_counter()
        doc = analysis.annotate(analysis.from_text(text))
        doc.mentions
        doc.clauses
        t1 = time.perf_counter()
        doc.stance
        t2 = time.perf_counter()
        t_annotate += t1 - t0
        t_stance += t2 - t1
        if doc.text != text:
            raise GoldError(f"{art}: the article's text changed on reading; offsets would not hold")
        res = score_article(doc, rows)
        for key in ("tp", "n_pred", "n_gold"):
            totals[sp][key] += res[key]
            totals["all"][key] += res[key]
        totals[sp]["articles"] += 1
        totals["all"]["articles"] += 1
        for e in res["errors"]:
            e["article"], e["text"] = art, text
            errors[sp].append(e)
            totals[sp][e["kind"]] += 1
            totals["all"][e["kind"]] += 1
    return {"totals": totals, "errors": errors, "t_annotate": t_annotate, "t_stance": t_stance}


def _show(e: dict) -> str:
    text = e["text"]
    ref = e["gold"] or {}
    if ref:
        ss, se = ref["sent_start"], ref["sent_end"]
    else:
        ss = text.rfind("\n", 0, e["pred"]["start"]) + 1
        se = text.find("\n", e["pred"]["start"])
        se = len(text) if se == -1 else se
    out = [f"[{e['kind']}] {e['article']}", f"  sentence: {text[ss:se]}"]
    if ref:
        h = text[ref["holder"][0]:ref["holder"][1]] if ref["holder"] else ""
        out.append(f"  gold: {h!r} {ref['stance']} {text[ref['target'][0]:ref['target'][1]]!r}")
    if e["pred"]:
        p = e["pred"]
        out.append(f"  pred: {p['holder_text']!r} ({p['holder_from']}) {p['stance']} {p['target_text']!r}  cue={p['cue']!r}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["train", "dev", "test", "all"], default="all")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="show N errors per split")
    ap.add_argument("--kind", choices=KINDS, help="show only errors of this kind")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--data", help="the PolNeAR folder (holding train/ and dev/; the test split is read from dev/)")
    args = ap.parse_args(argv)
    root = polnear_root(args.data)
    if root is None:
        print("skip: PolNeAR is not here (set ANALYSIS_POLNEAR or put it at ../shared/data/polnear)")
        return 0
    gold_path = Path(args.gold)
    if not gold_path.is_file():
        print(f"error: no gold file {gold_path}", file=sys.stderr)
        return 2
    try:
        res = evaluate(root, args.split, gold_path)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    totals = res["totals"]
    order = [s for s in ("train", "dev", "test") if s in totals] + ["all"]
    print(f"stance on hand-made gold, PolNeAR ({root})")
    print(f"{'split':<6} {'articles':>8} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for sp in order:
        t = totals[sp]
        p, r, f = prf(t["tp"], t["n_pred"], t["n_gold"])
        print(f"{sp:<6} {t['articles']:>8} {t['n_gold']:>5} {t['n_pred']:>5} {t['tp']:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    print("\nerrors by kind")
    print(f"{'split':<6} " + " ".join(f"{k:>12}" for k in KINDS))
    for sp in order:
        print(f"{sp:<6} " + " ".join(f"{totals[sp][k]:>12}" for k in KINDS))
    print(f"\nannotate {res['t_annotate']:.2f} s, stance {res['t_stance']:.2f} s on these articles")
    if args.errors:
        for sp in order[:-1]:
            errs = [e for e in res["errors"][sp] if args.kind in (None, e["kind"])]
            print(f"\n--- {sp}: {min(args.errors, len(errs))} of {len(errs)} errors")
            for e in errs[:args.errors]:
                print(_show(e))
    return 0


if __name__ == "__main__":
    sys.exit(main())
