"""Score the timex layer on TimeML files the way TempEval-3 does.

* strict match: identical character spans; relaxed match: overlapping spans (one-to-one);
* precision, recall, F1 for both;
* type and value accuracy over the relaxed matches; value F1 = value accuracy × relaxed F1
  (type F1 likewise), as in UzZaman et al. (2013), "SemEval-2013 Task 1: TempEval-3".

Each ``.tml`` file's ``<TEXT>`` is stripped of its tags (the gold TIMEX3 spans are kept as
offsets), a title line is put in front so that the first line of the text is read as body, and
the Document is built with ``analysis.from_text(text, published=<DCT>)``. The data folder is
``<repo>/../shared/data/timebank`` or ``$ANALYSIS_TIMEBANK``; it is read, never copied.

Run: ``python benchmarks/timebank_eval.py [FOLDER] [--misses N] [--by-file]``.
HeidelTime's TempEval-3 figures (test set): relaxed F1 90.30, value F1 77.61.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import analysis  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_corpus  # noqa: E402


TITLE = "TimeML document\n\n"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def timebank_folder() -> Path | None:
    """The TimeBank/AQUAINT folder (see :func:`common.shared_corpus`), or None when it is absent."""
    return shared_corpus("timebank")


def read_tml(path) -> tuple[str, str, list[dict]]:
    """``(text, dct, gold)`` of a TimeML file: the plain text of ``<TEXT>``, the DCT as
    ``YYYY-MM-DD`` and the gold TIMEX3s as dicts with start, end, text, type, value, mod."""
    raw = Path(path).read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    dct = dct_m[1] if dct_m else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out, gold, pos, open_tx = [], [], 0, None
    n = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs = m[1] == "/", m[2], m[3]
        if name != "TIMEX3":
            continue
        if not closing:
            open_tx = {"start": n, **dict(_ATTR.findall(attrs))}
        elif open_tx is not None:
            open_tx["end"] = n
            gold.append(open_tx)
            open_tx = None
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
        g.setdefault("mod", "")
    return text, dct, gold


def system_timexes(text: str, dct: str | None):
    doc = analysis.annotate(analysis.from_text(TITLE + text, published=dct))
    tx = doc.timexes
    k = len(TITLE)
    return [{"start": s - k, "end": e - k, "text": t, "type": ty, "value": v, "mod": mo}
            for s, e, t, ty, v, mo in zip(tx.start, tx.end, tx.text, tx.type, tx.value, tx["mod"])], doc


def match(gold: list[dict], system: list[dict]):
    """One-to-one relaxed matches (overlap), greedy by largest overlap."""
    pairs = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_g, used_s, out = set(), set(), []
    for ov, i, j in pairs:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        out.append((i, j))
    return out


def prf(tp, n_sys, n_gold):
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(folder, *, misses: int = 0, by_file: bool = False) -> dict:
    """Score every ``.tml`` under ``folder``; return the figures (percentages)."""
    files = sorted(Path(folder).rglob("*.tml"))
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    miss_counter: Counter = Counter()
    fp_counter: Counter = Counter()
    wrong_values = []
    t0 = time.perf_counter()
    t_layer = 0.0
    n_tokens = 0
    for f in files:
        text, dct, gold = read_tml(f)
        ta = time.perf_counter()
        system, doc = system_timexes(text, dct)
        t_layer += time.perf_counter() - ta
        n_tokens += len(doc.tokens)
        pairs = match(gold, system)
        n_gold += len(gold)
        n_sys += len(system)
        relaxed += len(pairs)
        for i, j in pairs:
            g, s = gold[i], system[j]
            strict += g["start"] == s["start"] and g["end"] == s["end"]
            type_ok += g.get("type") == s["type"]
            if g.get("value") == s["value"]:
                value_ok += 1
            else:
                wrong_values.append((f.name, dct, g["text"], s["text"], g.get("value"), s["value"]))
        matched_g = {i for i, _ in pairs}
        matched_s = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_g:
                miss_counter[g["text"].lower()] += 1
        for j, s in enumerate(system):
            if j not in matched_s:
                fp_counter[s["text"].lower()] += 1
    elapsed = time.perf_counter() - t0
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    res = {"files": len(files), "gold": n_gold, "system": n_sys, "tokens": n_tokens,
           "strict_p": 100 * sp, "strict_r": 100 * sr, "strict_f1": 100 * sf,
           "relaxed_p": 100 * rp, "relaxed_r": 100 * rr, "relaxed_f1": 100 * rf,
           "type_acc": 100 * type_acc, "value_acc": 100 * value_acc,
           "type_f1": 100 * type_acc * rf, "value_f1": 100 * value_acc * rf,
           "seconds": elapsed, "seconds_annotate_and_timexes": t_layer}
    print(f"{len(files)} files, {n_gold} gold TIMEX3, {n_sys} found, {n_tokens:,} tokens, {elapsed:.1f} s")
    print(f"strict   P {res['strict_p']:.1f}  R {res['strict_r']:.1f}  F1 {res['strict_f1']:.1f}")
    print(f"relaxed  P {res['relaxed_p']:.1f}  R {res['relaxed_r']:.1f}  F1 {res['relaxed_f1']:.1f}   (HeidelTime TE-3: 90.3)")
    print(f"type  accuracy {res['type_acc']:.1f}  F1 {res['type_f1']:.1f}")
    print(f"value accuracy {res['value_acc']:.1f}  F1 {res['value_f1']:.1f}   (HeidelTime TE-3: 77.6)")
    if misses:
        print("\nmost frequent misses (gold not found):", miss_counter.most_common(misses))
        print("\nmost frequent false alarms:", fp_counter.most_common(misses))
        print("\nwrong values (file, dct, gold text, system text, gold value, system value):")
        for row in wrong_values[:misses]:
            print("  ", row)
    return res


def main(argv=None) -> dict | None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", help="folder of .tml files (default: ../shared/data/timebank)")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses, false alarms and wrong values")
    args = ap.parse_args(argv)
    folder = Path(args.folder) if args.folder else timebank_folder()
    if folder is None or not folder.is_dir():
        print("no TimeML folder: pass one or set ANALYSIS_TIMEBANK", file=sys.stderr)
        return None
    return evaluate(folder, misses=args.misses)


if __name__ == "__main__":
    main()
