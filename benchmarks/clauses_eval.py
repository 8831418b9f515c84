"""Score the clause layer against gold Universal Dependencies trees (GUM).

Each ``GUM_<genre>_<name>.conllu`` file is turned back into running text (``SpaceAfter=No`` and the
``newpar_block`` comments give spaces and paragraphs), a title line is put in front, and the text
goes through ``analysis.annotate`` and ``doc.clauses`` as any article does: our own sentences,
tokens and tags, not the gold ones. Gold tokens are matched to the clause table by character
offsets. For every gold finite verb (UPOS ``VERB``, ``VerbForm=Fin`` on it or on one of its
auxiliaries) with a subject (``nsubj``, ``nsubj:pass``, ``csubj``, ``csubj:pass``):

* **clause found**: a clause's verb group (``verb_start``–``verb_end``) covers the verb;
* **subject**: the gold subject's head lies inside the clause's subject span (for a relative
  pronoun subject, *which*/*who*/*that*, the antecedent's head counts too: the layer gives the
  antecedent as the subject);
* **voice**: passive in the table ↔ ``nsubj:pass``/``csubj:pass``/``aux:pass`` in the tree;
  passive precision and recall over the verbs whose clause was found;
* **object**: the ``obj`` head inside the object span (verbs with an ``obj``);
* **agent**: the ``obl:agent`` head inside the agent span (verbs with an ``obl:agent``).

Subject, voice, object and agent are scored on the verbs whose clause was found; ``all`` lines
give the subject over every gold verb. The data folder is ``$ANALYSIS_GUM``,
``<repo>/../shared/data/gum`` or ``/work/shared/data/gum``; it is read, never copied.

Run: ``python benchmarks/clauses_eval.py [FOLDER] [--misses N] [--genre G]``.

``--polnear [dev|train]`` scores reporting clauses in real news instead: for every PolNeAR
attribution with a cue and a source, is the cue inside a clause's verb group, and does that
clause's subject (for a passive, its agent) overlap the annotated source? (``$ANALYSIS_POLNEAR``
or ``<repo>/../shared/data/polnear``.)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

import analysis  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import polnear_attributions, shared_corpus  # noqa: E402

from analysis.clauses import clauses  # noqa: E402

TITLE = "GUM document\n\n"
SUBJECTS = ("nsubj", "nsubj:pass", "csubj", "csubj:pass")


def gum_folder() -> Path | None:
    return shared_corpus("gum")


def read_conllu(path) -> tuple[str, list[list[dict]]]:
    """``(text, sentences)``: the running text (paragraphs separated by a blank line) and, per
    sentence, its tokens as dicts with id, form, lemma, upos, xpos, feats, head, deprel, start, end."""
    parts: list[str] = []
    pos = 0
    sents: list[list[dict]] = []
    cur: list[dict] = []
    first_block = True
    space_before = False

    def emit(s: str):
        nonlocal pos
        parts.append(s)
        pos += len(s)

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar_block") or line.startswith("# newpar "):
            if not first_block:
                emit("\n\n")
            first_block = False
            space_before = False
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        if space_before:
            emit(" ")
        start = pos
        emit(cols[1])
        cur.append({"id": int(cols[0]), "form": cols[1], "lemma": cols[2], "upos": cols[3], "xpos": cols[4],
                    "feats": cols[5], "head": int(cols[6]), "deprel": cols[7], "start": start, "end": pos})
        space_before = "SpaceAfter=No" not in cols[9]
    if cur:
        sents.append(cur)
    return "".join(parts), sents


def gold_verbs(sents: list[list[dict]]) -> list[dict]:
    """The finite verbs with a subject, with their subject, object and agent heads."""
    out = []
    for toks in sents:
        kids = defaultdict(list)
        for t in toks:
            kids[t["head"]].append(t)
        by_id = {t["id"]: t for t in toks}
        for t in toks:
            if t["upos"] != "VERB":
                continue
            ch = kids[t["id"]]
            subj = [c for c in ch if c["deprel"] in SUBJECTS]
            if not subj:
                continue
            finite = "VerbForm=Fin" in t["feats"] or any(
                c["deprel"] in ("aux", "aux:pass") and "VerbForm=Fin" in c["feats"] for c in ch)
            if not finite:
                continue
            s = subj[0]
            alt = None
            if (s["lemma"].lower() in ("which", "who", "that", "whom") or "PronType=Rel" in s["feats"]) \
                    and t["deprel"].startswith("acl") and t["head"] in by_id:
                alt = by_id[t["head"]]
            out.append({"verb": t, "subj": s, "subj_alt": alt,
                        "passive": s["deprel"].endswith(":pass") or any(c["deprel"] == "aux:pass" for c in ch),
                        "obj": next((c for c in ch if c["deprel"] == "obj"), None),
                        "agent": next((c for c in ch if c["deprel"] == "obl:agent"), None),
                        "sentence": " ".join(x["form"] for x in toks)})
    return out


def _inside(tok, a, b, offset) -> bool:
    if a is None or pd.isna(a):
        return False
    return a <= tok["start"] + offset and tok["end"] + offset <= b


def score_file(path) -> tuple[dict, list[dict]]:
    text, sents = read_conllu(path)
    full = TITLE + text
    doc = analysis.annotate(analysis.from_text(full))
    offset = doc.text.find(text) if doc.text != full else len(TITLE)
    table = clauses(doc)
    vs, ve = table["verb_start"].tolist(), table["verb_end"].tolist()
    order = sorted(range(len(vs)), key=lambda k: vs[k])
    starts = [vs[k] for k in order]
    rows = table.to_dict("records")
    from bisect import bisect_right

    counts = defaultdict(int)
    misses = []
    for g in gold_verbs(sents):
        v = g["verb"]
        a, b = v["start"] + offset, v["end"] + offset
        k = bisect_right(starts, a) - 1
        found = None
        while k >= 0 and k >= bisect_right(starts, a) - 3:
            r = rows[order[k]]
            if r["verb_start"] <= a and b <= r["verb_end"]:
                found = r
                break
            k -= 1
        counts["verbs"] += 1
        if found is None:
            misses.append({"what": "clause", "verb": v["form"], "sentence": g["sentence"]})
            continue
        counts["found"] += 1
        ok = _inside(g["subj"], found["subject_start"], found["subject_end"], offset) or (
            g["subj_alt"] is not None and _inside(g["subj_alt"], found["subject_start"], found["subject_end"], offset))
        counts["subject"] += ok
        if not ok:
            misses.append({"what": "subject", "verb": v["form"], "gold": g["subj"]["form"], "pred": found["subject"],
                           "sentence": g["sentence"]})
        pred_pass = found["voice"] == "passive"
        counts["voice"] += pred_pass == g["passive"]
        counts["gold_passive"] += g["passive"]
        counts["pred_passive"] += pred_pass
        counts["both_passive"] += pred_pass and g["passive"]
        if pred_pass != g["passive"]:
            misses.append({"what": "voice", "verb": found["verb"], "gold": "passive" if g["passive"] else "active",
                           "sentence": g["sentence"]})
        if g["obj"] is not None:
            counts["obj_gold"] += 1
            ok = _inside(g["obj"], found["object_start"], found["object_end"], offset)
            counts["obj"] += ok
            if not ok:
                misses.append({"what": "object", "verb": found["verb"], "gold": g["obj"]["form"], "pred": found["object"],
                               "sentence": g["sentence"]})
        if g["agent"] is not None:
            counts["agent_gold"] += 1
            ok = _inside(g["agent"], found["agent_start"], found["agent_end"], offset)
            counts["agent"] += ok
            if not ok:
                misses.append({"what": "agent", "verb": found["verb"], "gold": g["agent"]["form"], "pred": found["agent"],
                               "sentence": g["sentence"]})
    return counts, misses


def summary(c: dict) -> dict:
    def ratio(a, b):
        return c[a] / c[b] if c[b] else float("nan")

    return {"verbs": c["verbs"], "clause found": ratio("found", "verbs"), "subject": ratio("subject", "found"),
            "subject (all)": ratio("subject", "verbs"), "voice": ratio("voice", "found"),
            "passive P": ratio("both_passive", "pred_passive"), "passive R": ratio("both_passive", "gold_passive"),
            "object": ratio("obj", "obj_gold"), "agent": ratio("agent", "agent_gold"),
            "n passive": c["gold_passive"], "n obj": c["obj_gold"], "n agent": c["agent_gold"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--misses", type=int, default=0, help="print N misses of each kind")
    ap.add_argument("--genre", help="only files of this genre")
    ap.add_argument("--polnear", nargs="?", const="dev", help="score reporting clauses on PolNeAR (dev or train) instead")
    args = ap.parse_args(argv)
    if args.polnear:
        if polnear_folder() is None:
            print("error: no PolNeAR folder (set ANALYSIS_POLNEAR or put the data in ../shared/data/polnear)")
            return 2
        t0 = time.perf_counter()
        result = score_polnear(args.polnear, args.misses)
        print(f"PolNeAR {args.polnear}, {time.perf_counter() - t0:.1f} s")
        for k, v in result.items():
            print(f"  {k:28s} {v:.3f}" if isinstance(v, float) else f"  {k:28s} {v}")
        return 0
    folder = Path(args.folder) if args.folder else gum_folder()
    if folder is None or not folder.is_dir():
        print("error: no GUM folder (set ANALYSIS_GUM or put the data in ../shared/data/gum)")
        return 2
    files = sorted(folder.glob("GUM_*.conllu"))
    if args.genre:
        files = [f for f in files if f.name.split("_")[1] == args.genre]
    by_genre: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    total: dict = defaultdict(int)
    all_misses: list[dict] = []
    t0 = time.perf_counter()
    for f in files:
        genre = f.name.split("_")[1]
        counts, misses = score_file(f)
        for k, v in counts.items():
            by_genre[genre][k] += v
            total[k] += v
        all_misses += misses
    rows = {g: summary(c) for g, c in sorted(by_genre.items())}
    rows["ALL"] = summary(total)
    table = pd.DataFrame(rows).T
    fmt = {c: "{:.3f}".format for c in table.columns if not c.startswith(("n ", "verbs"))}
    print(f"{len(files)} files, {time.perf_counter() - t0:.1f} s")
    print(table.to_string(formatters=fmt))
    if args.misses:
        by_what = defaultdict(list)
        for m in all_misses:
            by_what[m["what"]].append(m)
        for what, ms in by_what.items():
            print(f"\n--- {what} misses ({len(ms)}) ---")
            for m in ms[: args.misses]:
                print({k: v for k, v in m.items() if k != "what"})
    return 0



# --------------------------------------------------------------------------------------------
# reporting clauses in real news: PolNeAR attributions (Source, Cue)


def polnear_folder() -> Path | None:
    return shared_corpus("polnear")


def read_ann(path) -> list[dict]:
    """The attributions with both a cue and a source (see :func:`common.polnear_attributions`)."""
    return [a for a in polnear_attributions(path) if a["cue"] and a["source"]]


def score_polnear(split: str = "dev", misses: int = 0) -> dict:
    """For each attribution with a cue and a source: is the cue inside a clause's verb group
    (a verbal cue such as "said", "has learned"), and does that clause's subject (or, for a
    passive, its agent) overlap the annotated source?"""
    folder = polnear_folder()
    counts = defaultdict(int)
    shown = 0
    for txt in sorted((folder / split / "text").glob("*.txt")):
        anns = sorted((folder / split / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        doc = analysis.annotate(analysis.from_text(text))
        if doc.text != text:
            counts["skipped (text changed)"] += 1
            continue
        table = clauses(doc)
        rows = table.to_dict("records")
        for a in read_ann(anns[0]):
            counts["attributions"] += 1
            cs, ce = a["cue"]
            hit = next((r for r in rows if r["verb_start"] < ce and cs < r["verb_end"]), None)
            if hit is None:
                continue
            counts["verbal cue"] += 1
            ss, se = a["source"]
            spans = [(hit["subject_start"], hit["subject_end"])]
            if hit["voice"] == "passive":
                spans.append((hit["agent_start"], hit["agent_end"]))
            ok = any(not pd.isna(p) and p < se and ss < q for p, q in spans)
            if not ok and text[ss:se].lower() in ("who", "which", "that") and not pd.isna(spans[0][0]):
                ok = 0 <= ss - spans[0][1] <= 3  # a relative pronoun: the layer gives its antecedent
            counts["speaker"] += ok
            if not ok and shown < misses:
                shown += 1
                print({"cue": text[cs:ce], "source": text[ss:se], "subject": hit["subject"], "verb": hit["verb"]})
    c = counts
    return {"articles": len(list((folder / split / "text").glob("*.txt"))), "attributions": c["attributions"],
            "verbal cues in a clause": c["verbal cue"] / c["attributions"] if c["attributions"] else float("nan"),
            "speaker = subject/agent": c["speaker"] / c["verbal cue"] if c["verbal cue"] else float("nan")}


if __name__ == "__main__":
    raise SystemExit(main())
