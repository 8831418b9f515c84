"""Score the mentions layer on GUM: named actors found, their types, and how they are linked.

GUM (the Georgetown University Multilayer corpus) gives every mention of every entity with its
type and coreference chain, in CoNLL-U files with dependency trees. Each file's running text is
rebuilt from its tokens (``SpaceAfter=No``), paragraphs from ``# newpar``, the first heading as
the title; the Document is ``analysis.annotate(analysis.from_text(title + "\\n\\n" + body))``.
The data folder is ``$ANALYSIS_GUM``, ``<repo>/../shared/data/gum`` or ``/work/shared/data/gum``;
it is read, never copied.

What is scored (per genre and overall):

* **named-mention detection**, type ignored: a gold mention is *named* when its head (the
  token whose HEAD lies outside the span, with its ``flat`` dependents) holds a PROPN that is not
  a bare title word; gold actors are the named mentions of type person, organization and place
  in the body paragraphs. A predicted named mention (``how`` other than role, pronoun or an
  adjectival demonym) matches a gold one when it overlaps the gold head; one-to-one, greedily,
  the gold mention that covers most of the prediction first (the outer one of nested names). A prediction that overlaps the head of a named gold mention of another type (an event,
  an object, a work) is left out of the count rather than called wrong.
* **typed**: person ← person; organisation ← igo, org, party, armed_group, media; place ← state,
  place (``other`` is no type). Micro P/R/F1 over the three and each type alone.
* **pairwise linking** over the matched named mentions (``link``) and over those plus the
  predicted role and pronoun mentions matched to any gold mention by head overlap (``all``): a
  pair is linked when both have the same actor id, and rightly linked when both gold mentions
  are in the same chain. Pronoun
  accuracy: predicted pronouns whose actor has a named mention matched to the pronoun's chain.

Run: ``python benchmarks/entities_eval.py [FOLDER] [--genre G] [--half even|odd] [--errors N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import analysis  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_corpus  # noqa: E402


GOLD_TYPES = {"person": "person", "organization": "organisation", "place": "place"}
PRED_TYPES = {"person": "person", "igo": "organisation", "org": "organisation", "party": "organisation",
              "armed_group": "organisation", "media": "organisation", "state": "place", "place": "place"}
TITLE_WORDS = set("""president minister prime mr mrs ms dr sir lord lady king queen prince princess senator
governor mayor chairman chair secretary general chancellor judge justice professor prof captain
pope bishop saint st father mother sister brother chief director premier emperor commissioner
ambassador officer sheriff lieutenant colonel admiral major sergeant pastor reverend rev
speaker madam tsar czar regent emperor empress chairwoman chairperson attorney councillor commissioner dean
""".split())
_ENT = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")


def gum_folder(arg: str | None = None) -> Path | None:
    """The GUM folder (see :func:`common.shared_corpus`), or None when it is absent."""
    return shared_corpus("gum", arg)


def read_conllu(path) -> tuple[str, str, list[dict]]:
    """``(title, body, gold)``: the text as one string (title, blank line, paragraphs) and the gold
    mentions as dicts with start, end (of the whole span), head_start, head_end, chain, etype, named."""
    paras: list[list[list[dict]]] = []   # paragraphs -> sentences -> tokens
    sent: list[dict] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            if sent:
                paras[-1].append(sent)
                sent = []
            paras.append([])
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if sent:
                if not paras:
                    paras.append([])
                paras[-1].append(sent)
                sent = []
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue
        misc = {} if cols[9] == "_" else dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        if "-" in cols[0]:
            a, b = (int(x) for x in cols[0].split("-"))
            sent.append({"mwt": (a, b), "form": cols[1], "space": misc.get("SpaceAfter") != "No"})
            continue
        sent.append({"id": int(cols[0]), "form": cols[1], "upos": cols[3], "head": int(cols[6]) if cols[6].isdigit() else 0,
                     "deprel": cols[7], "entity": misc.get("Entity", ""), "space": misc.get("SpaceAfter") != "No"})
    if sent:
        paras[-1].append(sent)
    paras = [p for p in paras if p]
    # running text with offsets
    pieces: list[str] = []
    pos = 0
    gold_tokens = []    # per sentence: dict id -> token (with start, end)

    def put(s: str) -> None:
        nonlocal pos
        pieces.append(s)
        pos += len(s)

    for pi, para in enumerate(paras):
        if pi:
            put("\n\n")
        for si, sentence in enumerate(para):
            if si:
                put(" ")
            toks = {}
            for k, t in enumerate(sentence):
                if "mwt" in t:
                    a, b = t["mwt"]
                    subs = [x for x in sentence[k + 1:] if "id" in x and a <= x["id"] <= b]
                    s0 = pos
                    form = t["form"]
                    joined = "".join(x["form"] for x in subs)
                    off = 0
                    for x in subs:
                        if joined == form:
                            x["start"], x["end"] = s0 + off, s0 + off + len(x["form"])
                            off += len(x["form"])
                        else:
                            x["start"], x["end"] = s0, s0 + len(form)
                        x["in_mwt"] = True
                    put(form)
                    if t["space"] and k + len(subs) + 1 < len(sentence):
                        put(" ")
                    continue
                if t.get("in_mwt"):
                    toks[t["id"]] = t
                    continue
                t["start"] = pos
                put(t["form"])
                t["end"] = pos
                toks[t["id"]] = t
                if t["space"] and k + 1 < len(sentence):
                    put(" ")
            gold_tokens.append((pi, toks))
    text = "".join(pieces)
    # entities
    gold = []
    for pi, toks in gold_tokens:
        ids = sorted(toks)
        open_: dict[str, list] = defaultdict(list)
        spans = []
        for i in ids:
            for m in _ENT.finditer(toks[i]["entity"]):
                if m.group(1):
                    grp, fields = m.group(1), m.group(2).split("-")
                    rec = {"chain": grp, "etype": fields[0], "first": i}
                    if m.group(3):
                        spans.append((rec, i, i))
                    else:
                        open_[grp].append(rec)
                elif m.group(4) and open_.get(m.group(4)):
                    rec = open_[m.group(4)].pop()
                    spans.append((rec, rec["first"], i))
        for rec, a, b in spans:
            inside = set(range(a, b + 1))
            heads = [k for k in range(a, b + 1) if k in toks and toks[k]["head"] not in inside]
            h = heads[0] if heads else a
            head_ids = {h} | {k for k in inside if k in toks and toks[k]["head"] == h and toks[k]["deprel"].startswith("flat")}
            head_toks = [toks[k] for k in sorted(head_ids) if k in toks]
            props = [t for t in head_toks if t["upos"] == "PROPN"]
            named = bool(props) and not (len(head_toks) == 1 and props[0]["form"].lower().rstrip(".") in TITLE_WORDS)
            gold.append({"start": toks[a]["start"], "end": toks[b]["end"], "head_start": min(t["start"] for t in head_toks),
                         "head_end": max(t["end"] for t in head_toks), "chain": rec["chain"], "etype": rec["etype"],
                         "named": named, "para": pi, "text": text[toks[a]["start"]:toks[b]["end"]]})
    title_end = text.find("\n\n") if len(paras) > 1 else len(text)
    return text[:title_end], text, gold


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index): a prediction overlaps the gold head; most overlap first."""
    cand = []
    gs = sorted(range(len(golds)), key=lambda k: golds[k]["head_start"])
    starts = [golds[k]["head_start"] for k in gs]
    import bisect

    for pi, p in enumerate(preds):
        lo = bisect.bisect_left(starts, p["start"] - 400)
        for idx in range(lo, len(gs)):
            g = golds[gs[idx]]
            if g["head_start"] >= p["end"]:
                break
            ov = _overlap(p["start"], p["end"], g["head_start"], g["head_end"])
            if ov:
                # prefer the gold mention that covers most of the prediction (the outer name of a
                # nested pair: "University of California" is the university, not California), then
                # the one whose whole span is closest to it
                span_ov = _overlap(p["start"], p["end"], g["start"], g["end"])
                extra = (g["end"] - g["start"]) + (p["end"] - p["start"]) - 2 * span_ov
                cand.append((-span_ov, extra, pi, gs[idx]))
    cand.sort()
    used_p, used_g, out = set(), set(), []
    for _, _, pi, gi in cand:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


def _is_named_pred(row) -> bool:
    if row["how"] in ("role", "pronoun"):
        return False
    if row["how"] == "demonym" and not row["text"][:1].islower() and not row["text"].lower().startswith("the "):
        # "Iranian" before a noun is an adjective, not a name; "the Americans" is one
        return row["text"].endswith("s") and row["text"][-2:] != "'s"
    t = row["text"]
    words = t.split()
    return any(w[:1].isupper() for w in words if w.lower() not in ("the", "a", "an"))


def score_document(path) -> dict:
    title, text, gold = read_conllu(path)
    doc = analysis.annotate(analysis.from_text(text))
    if doc.text != text:
        raise SystemExit(f"error: {path}: the document text differs from the rebuilt text")
    paras = list(zip(doc.paragraphs["start"].tolist(), doc.paragraphs["end"].tolist()))

    def in_body(off):
        return any(s <= off < e for s, e in paras)

    gold = [g for g in gold if in_body(g["head_start"])]
    m = doc.mentions
    rows = m[["start", "end", "text", "actor_id", "actor", "actor_type", "how"]].to_dict("records")
    named_pred = [r for r in rows if _is_named_pred(r)]
    other_pred = [r for r in rows if not _is_named_pred(r)]
    gold_actor = [g for g in gold if g["named"] and g["etype"] in GOLD_TYPES]
    gold_neutral = [g for g in gold if g["named"] and g["etype"] not in GOLD_TYPES]
    pairs = _match(named_pred, gold_actor)
    matched_p = {p for p, _ in pairs}
    rest = [k for k in range(len(named_pred)) if k not in matched_p]
    neutral_pairs = _match([named_pred[k] for k in rest], gold_neutral)
    neutral = {rest[p] for p, _ in neutral_pairs}
    res = {"file": Path(path).name, "genre": Path(path).name.split("_")[1], "errors": []}
    res["tp"] = len(pairs)
    res["pred"] = len(named_pred) - len(neutral)
    res["gold"] = len(gold_actor)
    # typed
    typed = Counter()
    for k, r in enumerate(named_pred):
        t = PRED_TYPES.get(r["actor_type"])
        if t:   # a type given to a work or an event ("Firefox" as a person) is a wrong type
            typed["pred_" + t] += 1
    for g in gold_actor:
        typed["gold_" + GOLD_TYPES[g["etype"]]] += 1
    for p, gi in pairs:
        pt, gt = PRED_TYPES.get(named_pred[p]["actor_type"]), GOLD_TYPES[gold_actor[gi]["etype"]]
        if pt == gt:
            typed["tp_" + gt] += 1
        else:
            res["errors"].append(("type", gold_actor[gi]["text"], gt, named_pred[p]["text"], named_pred[p]["actor_type"]))
    res["typed"] = typed
    gold_matched = {gi for _, gi in pairs}
    for gi, g in enumerate(gold_actor):
        if gi not in gold_matched:
            res["errors"].append(("miss", g["text"], GOLD_TYPES[g["etype"]], text[g["head_start"]:g["head_end"]], ""))
    for k, r in enumerate(named_pred):
        if k not in matched_p and k not in neutral:
            res["errors"].append(("false", r["text"], "", r["actor_id"], r["actor_type"]))
    # linking over matched mentions
    links = [(named_pred[p]["actor_id"], gold_actor[gi]["chain"], "name") for p, gi in pairs]
    by_chain = defaultdict(dict)
    for p, gi in pairs:
        by_chain[gold_actor[gi]["chain"]].setdefault(named_pred[p]["actor_id"], named_pred[p]["text"])
    for chain, ids in by_chain.items():
        if len(ids) > 1:   # one gold actor split over several predicted ids
            res["errors"].append(("split", " / ".join(f"{t} ({a})" for a, t in ids.items()), "", "", ""))
    by_id = defaultdict(dict)
    for p, gi in pairs:
        by_id[named_pred[p]["actor_id"]].setdefault(gold_actor[gi]["chain"], gold_actor[gi]["text"])
    for aid, chains in by_id.items():
        if len(chains) > 1:   # several gold actors merged under one predicted id
            res["errors"].append(("merge", aid + ": " + " / ".join(chains.values()), "", "", ""))
    gold_rest = [g for g in gold if not g["named"]]
    opairs = _match(other_pred, gold_rest)
    links += [(other_pred[p]["actor_id"], gold_rest[gi]["chain"], other_pred[p]["how"]) for p, gi in opairs]
    lp = Counter()
    for a in range(len(links)):
        for b in range(a + 1, len(links)):
            same_p, same_g = links[a][0] == links[b][0], links[a][1] == links[b][1]
            named = links[a][2] == "name" and links[b][2] == "name"
            for key in (("pred", "gold", "both"), ("npred", "ngold", "nboth")) if named else (("pred", "gold", "both"),):
                lp[key[0]] += same_p
                lp[key[1]] += same_g
                lp[key[2]] += same_p and same_g
    res["links"] = lp
    # pronouns: right when the pronoun's actor has a named mention in the pronoun's chain
    chains_of = defaultdict(set)
    for aid, chain, how in links:
        if how == "name":
            chains_of[aid].add(chain)
    pron = Counter()
    for p, gi in opairs:
        r = other_pred[p]
        if r["how"] != "pronoun":
            continue
        pron["n"] += 1
        ok = gold_rest[gi]["chain"] in chains_of.get(r["actor_id"], ())
        pron["right"] += ok
        if not ok:
            res["errors"].append(("pronoun", r["text"] + " @" + str(r["start"]), "", r["actor"], ""))
    res["pronouns"] = pron
    n_pron_pred = sum(1 for r in other_pred if r["how"] == "pronoun")
    pron["predicted"] = n_pron_pred
    return res


def prf(tp, pred, gold) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarise(results: list[dict]) -> dict:
    tp = sum(r["tp"] for r in results)
    pred = sum(r["pred"] for r in results)
    gold = sum(r["gold"] for r in results)
    typed = sum((r["typed"] for r in results), Counter())
    links = sum((r["links"] for r in results), Counter())
    pron = sum((r["pronouns"] for r in results), Counter())
    out = {"docs": len(results), "named": prf(tp, pred, gold)}
    ttp = sum(typed["tp_" + t] for t in ("person", "organisation", "place"))
    tpred = sum(typed["pred_" + t] for t in ("person", "organisation", "place"))
    tgold = sum(typed["gold_" + t] for t in ("person", "organisation", "place"))
    out["typed"] = prf(ttp, tpred, tgold)
    for t in ("person", "organisation", "place"):
        out[t] = prf(typed["tp_" + t], typed["pred_" + t], typed["gold_" + t])
    out["link"] = prf(links["nboth"], links["npred"], links["ngold"])
    out["link_all"] = prf(links["both"], links["pred"], links["gold"])
    out["pronouns"] = (pron["right"], pron["n"])
    out["counts"] = {"tp": tp, "pred": pred, "gold": gold}
    return out


def _fmt(name: str, s: dict) -> str:
    f = lambda t: f"{t[0]:.2f}/{t[1]:.2f}/{t[2]:.2f}"   # noqa: E731
    return (f"{name:<10} {s['docs']:>3}  named {f(s['named'])}  typed {f(s['typed'])}  person {f(s['person'])}  "
            f"org {f(s['organisation'])}  place {f(s['place'])}  link {f(s['link'])}  all {f(s['link_all'])}  "
            f"pron {s['pronouns'][0]}/{s['pronouns'][1]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--genre", action="append", help="only these genres (repeatable)")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--kind", default=None, help="only errors of this kind (miss, false, type, split, merge, pronoun)")
    ap.add_argument("--half", choices=("even", "odd"), help="only the even- or odd-indexed files in name order")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    folder = gum_folder(args.folder)
    if folder is None:
        print("error: no GUM folder (give one, set ANALYSIS_GUM, or put it at ../shared/data/gum)", file=sys.stderr)
        return 2
    files = sorted(folder.glob("GUM_*.conllu"))
    if args.half:   # before the genre filter, so a file is always in the same half
        files = files[args.half == "odd"::2]
    if args.genre:
        files = [f for f in files if f.name.split("_")[1] in args.genre]
    t = time.perf_counter()
    results = [score_document(f) for f in files]
    elapsed = time.perf_counter() - t
    by_genre = defaultdict(list)
    for r in results:
        by_genre[r["genre"]].append(r)
    table = {g: summarise(rs) for g, rs in sorted(by_genre.items())}
    table["overall"] = summarise(results)
    if args.json:
        print(json.dumps(table, indent=1))
    else:
        print("P/R/F1; link = pairwise P/R/F1 over matched named mentions, all = with role and pronoun mentions; "
              "pron = pronouns right / matched")
        for g, s in table.items():
            print(_fmt(g, s))
        print(f"{len(files)} documents in {elapsed:.1f} s")
    if args.errors:
        kinds = defaultdict(list)
        for r in results:
            for e in r["errors"]:
                kinds[e[0]].append((r["file"],) + e[1:])
        for kind, errs in kinds.items():
            if args.kind and kind != args.kind:
                continue
            print(f"\n== {kind}: {len(errs)}")
            for e in errs[:args.errors]:
                print("  ", " | ".join(str(x) for x in e))
    return 0


if __name__ == "__main__":
    sys.exit(main())
