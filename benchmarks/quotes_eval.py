"""Score the quotes layer on PolNeAR (political news with gold attributions).

* gold quotations: the parts of each attribution's Content between quotation marks (a Content
  that starts inside a quotation running over paragraphs, or ends before its closing mark, is
  taken from its start or to its end); the gold speaker is the attribution's Source span (the
  innermost Content holding the quotation decides). Every Content of an attribution counts
  (``Content2`` holds the second half of a quotation split by its tag); a discontinuous span runs
  from its first character to its last whatever the order of its fragments; a Source whose words
  are a speech verb ("said", "according to") with a Cue that is not is the two labels swapped;
* every row of ``doc.quotes`` is a predicted quotation (the headline figures). A one-to-three-word
  ``partial`` without a speaker is not claimed as a quotation by the layer (a title, a nickname, a
  scare quote), so the "claimed only" line repeats the figures without those rows (a gold
  quotation only they match is then missed);
* a predicted quotation matches a gold one when they overlap by at least half of the shorter
  span, one-to-one (largest overlaps first); precision, recall and F1 of quotations;
* the speaker of a matched quotation is right when the quote's speaker words
  (``speaker_start:speaker_end``) overlap the Source span, or when a mention at the Source span
  resolves to the quote's ``speaker_id``; a gold quotation with no Source is right when no
  speaker is predicted. Speaker accuracy is over the matched quotations; end-to-end F1 counts a
  quotation as found only when its speaker is right too;
* an error table by the rule (``how``) that chose each speaker.

The data folder is ``$ANALYSIS_POLNEAR``, ``<repo>/../shared/data/polnear`` or
``/work/shared/data/polnear``; it is read, never copied. One annotator's file per article (the
first in name order).

Run: ``python benchmarks/quotes_eval.py [dev|train|FOLDER] [--errors N] [--rule RULE] [--limit N]``;
``--seed-speed`` times ``quotes`` against a warm ``annotate`` on the seed (no shared data needed).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import analysis  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import polnear_attributions, shared_corpus  # noqa: E402

from pandas import NA as pd_NA  # noqa: E402

_MARKS = "“”\"«»„"
_OPEN, _CLOSE = "“«„", "”»"


def polnear_folder() -> Path | None:
    """The PolNeAR folder (see :func:`common.shared_corpus`), or None when it is absent."""
    return shared_corpus("polnear")


def read_ann(path: Path) -> list[dict]:
    """Attributions of a brat file, one dict per Content: ``content`` (start, end) and ``source``
    (start, end) or None (see :func:`common.polnear_attributions`)."""
    return [{"content": c, "source": a["source"]} for a in polnear_attributions(path) for c in a["contents"]]


def _opening(text: str, i: int) -> bool:
    """Is the mark at ``i`` an opening one (by shape, or for a straight mark by its place)?"""
    if text[i] in _OPEN:
        return True
    if text[i] in _CLOSE:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def quoted_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` between quotation marks (marks excluded)."""
    # annotators often leave the marks themselves out of the Content: look one or two
    # characters (a mark, a space) beyond each end
    lo, hi = start, end
    while lo > start - 2 and lo > 0 and (text[lo - 1] in _MARKS or text[lo - 1] == " "):
        lo -= 1
        if text[lo] in _MARKS:
            start = lo
            break
    while hi < end + 3 and hi < len(text) and (text[hi] in _MARKS or text[hi] in " ,.?!"):
        if text[hi] in _MARKS:
            end = hi + 1
            break
        hi += 1
    marks = [i for i in range(start, end) if text[i] in _MARKS]
    out, open_at = [], None
    # a Content that starts inside a quotation opened earlier on its line ("PENCE: …" after an
    # opening mark) is quoted from its start
    line = text.rfind("\n", 0, start) + 1
    before = [i for i in range(line, start) if text[i] in _MARKS]
    if len(before) % 2 == 1 and text[before[-1]] not in _CLOSE and (not marks or not _opening(text, marks[0])):
        open_at = start - 1
    for k, i in enumerate(marks):
        ch = text[i]
        if open_at is None:
            if ch in _CLOSE and k == 0 and any(c.isalpha() for c in text[start:i]):
                out.append((start, i))        # the Content opens inside a running quotation
            elif ch not in _CLOSE or k == 0:
                open_at = i                   # (a closing mark typed as the opening one: ”Mr. …)
        elif ch not in _OPEN or ch == '"':
            out.append((open_at + 1, i))
            open_at = None
        else:
            open_at = i                        # two openers: the first was never closed
    if open_at is not None:
        out.append((open_at + 1, end))
    res = []
    for s, e in out:
        while s < e and (text[s].isspace()):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        if any(ch.isalpha() for ch in text[s:e]):
            res.append((s, e))
    return res


def gold_quotes(text: str, attributions: list[dict]) -> list[dict]:
    """Gold quotations with the Source of the innermost Content that holds each."""
    found: dict[tuple[int, int], dict] = {}
    for att in attributions:
        cs, ce = att["content"]
        for span in quoted_parts(text, cs, ce):
            prev = found.get(span)
            if prev is None or (ce - cs) < prev["content_len"]:
                found[span] = {"start": span[0], "end": span[1], "source": att["source"], "content_len": ce - cs,
                               "content": (cs, ce)}
    return sorted(found.values(), key=lambda g: (g["start"], g["end"]))


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(i_pred, i_gold)`` overlapping by ≥ 50 % of the shorter span."""
    cands = []
    for i, (p0, p1) in enumerate(pred):
        for j, (g0, g1) in enumerate(gold):
            if g0 >= p1:
                break
            ov = _overlap(p0, p1, g0, g1)
            if ov and ov >= 0.5 * min(p1 - p0, g1 - g0):
                cands.append((-ov, i, j))
    cands.sort()
    used_p, used_g, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def unclaimed(r) -> bool:
    """A row the layer does not claim as a quotation: a scare quote or title (``partial``, one to
    three words) with no speaker."""
    return r.kind == "partial" and not r.speaker_id and len(r.text.split()) <= 3


def f1_of(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def speaker_right(doc, q, source) -> bool:
    sid = q.speaker_id or ""
    if source is None:
        return not sid
    if not sid:
        return False
    s0, s1 = source
    ss, se = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)   # (older layers lack them)
    if not (ss is None or ss is pd_NA or ss != ss) and _overlap(int(ss), int(se), s0, s1):
        return True
    m = doc.mentions
    at = m[(m.start < s1) & (m.end > s0)]
    return bool((at.actor_id == sid).any())


def evaluate(folder: Path, *, limit: int | None = None, show_errors: int = 0, rule: str | None = None,
             out=sys.stdout) -> dict:
    texts = sorted((folder / "text").glob("*.txt"))[:limit]
    anns = defaultdict(list)
    for p in sorted((folder / "attributions").glob("*.ann")):
        anns[p.stem.rsplit("_", 1)[0]].append(p)
    n_pred = n_gold = n_match = n_right = 0
    c_pred = c_match = c_right = 0     # the claimed quotations only (see ``unclaimed``)
    by_rule = defaultdict(Counter)
    errors = []
    t_annotate = t_quotes = 0.0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        files = anns.get(path.stem)
        if not files:
            continue
        gold = gold_quotes(text, read_ann(files[0]))
        t0 = time.perf_counter()
        doc = analysis.annotate(analysis.from_text(text))
        doc.mentions
        t1 = time.perf_counter()
        q = doc.quotes
        t2 = time.perf_counter()
        t_annotate += t1 - t0
        t_quotes += t2 - t1
        assert doc.text == text
        rows = list(q.itertuples())
        pairs = match([(r.start, r.end) for r in rows], [(g["start"], g["end"]) for g in gold])
        n_pred += len(rows)
        n_gold += len(gold)
        n_match += len(pairs)
        c_pred += sum(not unclaimed(r) for r in rows)
        matched_p = {i for i, _ in pairs}
        for i, r in enumerate(rows):
            if i not in matched_p:
                by_rule[getattr(r, "how", "") or "(none)"]["not a gold quotation"] += 1
        for i, j in pairs:
            r, g = rows[i], gold[j]
            ok = speaker_right(doc, r, g["source"])
            n_right += ok
            if not unclaimed(r):
                c_match += 1
                c_right += ok
            key = getattr(r, "how", "") or "(none)"
            by_rule[key]["matched"] += 1
            by_rule[key]["right" if ok else "wrong"] += 1
            if not ok and (rule is None or rule == key):
                src = text[g["source"][0]:g["source"][1]] if g["source"] else "(no source)"
                errors.append((path.stem, key, r.text[:70], getattr(r, "speaker_text", "") or r.speaker or "-", r.speaker_id, src))
    p = n_match / n_pred if n_pred else 0.0
    r_ = n_match / n_gold if n_gold else 0.0
    f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
    acc = n_right / n_match if n_match else 0.0
    ep, er = (n_right / n_pred if n_pred else 0.0), (n_right / n_gold if n_gold else 0.0)
    e2e = 2 * ep * er / (ep + er) if ep + er else 0.0
    cp, cr = (c_match / c_pred if c_pred else 0.0), (c_match / n_gold if n_gold else 0.0)
    c_acc = c_right / c_match if c_match else 0.0
    c_e2e = f1_of(c_right / c_pred if c_pred else 0.0, c_right / n_gold if n_gold else 0.0)
    res = {"articles": len(texts), "gold": n_gold, "predicted": n_pred, "matched": n_match,
           "precision": p, "recall": r_, "f1": f1, "speaker_accuracy": acc, "end_to_end_f1": e2e,
           "claimed": {"predicted": c_pred, "matched": c_match, "precision": cp, "recall": cr, "f1": f1_of(cp, cr),
                       "speaker_accuracy": c_acc, "end_to_end_f1": c_e2e},
           "seconds_annotate": t_annotate, "seconds_quotes": t_quotes}
    print(f"{folder}: {len(texts)} articles, {n_gold} gold quotations, {n_pred} predicted, {n_match} matched", file=out)
    print(f"quotations      P {p:.3f}  R {r_:.3f}  F1 {f1:.3f}", file=out)
    print(f"speaker right   {n_right}/{n_match} = {acc:.3f}", file=out)
    print(f"end to end      P {ep:.3f}  R {er:.3f}  F1 {e2e:.3f}", file=out)
    print(f"claimed only    {c_pred} predicted (without the {n_pred - c_pred} unattributed 1-3-word partials), "
          f"P {cp:.3f}  R {cr:.3f}  F1 {f1_of(cp, cr):.3f}, speaker {c_acc:.3f}, end to end F1 {c_e2e:.3f}", file=out)
    print(f"time            annotate+mentions {t_annotate:.1f} s, quotes {t_quotes:.2f} s", file=out)
    print("\n| rule (how) | matched | speaker right | wrong | accuracy | not a gold quotation |", file=out)
    print("|---|---|---|---|---|---|", file=out)
    for key, c in sorted(by_rule.items(), key=lambda kv: -kv[1]["matched"]):
        a = c["right"] / c["matched"] if c["matched"] else 0.0
        print(f"| {key} | {c['matched']} | {c['right']} | {c['wrong']} | {a:.2f} | {c['not a gold quotation']} |", file=out)
    res["by_rule"] = {k: dict(v) for k, v in by_rule.items()}
    if show_errors:
        print("\nwrong speakers (file, rule, quotation, predicted words, predicted id, gold source):", file=out)
        for e in errors[:show_errors]:
            print("  " + " | ".join(str(x) for x in e), file=out)
    return res


def seed_speed(out=sys.stdout) -> float:
    """Warm ``annotate`` of the seed next to ``quotes`` on it (mentions computed first); the ratio."""
    from analysis.quotes import quotes

    art = analysis.load_article(analysis.SEED)

    def prepared():
        d = analysis.annotate(art)
        d.mentions
        return d

    for _ in range(3):
        quotes(prepared())
    t_annotate = t_quotes = float("inf")
    for _ in range(15):
        t0 = time.perf_counter()
        analysis.annotate(art)
        t_annotate = min(t_annotate, time.perf_counter() - t0)
        d = prepared()
        t0 = time.perf_counter()
        quotes(d)
        t_quotes = min(t_quotes, time.perf_counter() - t0)
    ratio = t_quotes / t_annotate
    print(f"seed: annotate {t_annotate * 1e3:.2f} ms, quotes {t_quotes * 1e3:.2f} ms ({ratio:.0%} of annotate)", file=out)
    return ratio


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split", nargs="?", default="dev", help="dev, train or a folder with text/ and attributions/")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong speakers")
    ap.add_argument("--rule", default=None, help="only errors of this rule")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--seed-speed", action="store_true", help="time quotes against annotate on the seed and stop")
    args = ap.parse_args(argv)
    if args.seed_speed:
        seed_speed()
        return 0
    if args.split in ("dev", "train"):
        base = polnear_folder()
        if base is None:
            print("error: PolNeAR not found (set ANALYSIS_POLNEAR)", file=sys.stderr)
            return 2
        folder = base / args.split
    else:
        folder = Path(args.split)
        if not (folder / "text").is_dir():
            print(f"error: {folder} has no text/ folder", file=sys.stderr)
            return 2
    evaluate(folder, limit=args.limit, show_errors=args.errors, rule=args.rule)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
