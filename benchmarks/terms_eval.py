"""What the "top terms" of real political news are made of, and how well reporting verbs are flagged.

On PolNeAR (US election news from seven publishers, ``<repo>/../shared/data/polnear``,
``$ANALYSIS_POLNEAR`` or ``/work/shared/data/polnear``; read, never copied), ``dev/`` by default:

1. For each article, its top 10 content terms (``term_frequencies(include_stopwords=False)``,
   the list the charts and the report show) are sorted into: honorifics (Mr, Mrs, Dr ...),
   reporting verbs (say, add, tell ... in any form, used as verbs at least half the time), fragments of multi-word names (a single word
   that at least half the time stands inside a multi-word capitalised mention of the actors layer:
   "united", "state" from "United States"), and the rest. The lists used to sort them are read from
   this repository's ``analysis/data`` files, so the same script measures any version of the package.
2. The United States: in articles that write "United States", "US" or "U.S." at least 3 times,
   whether it reaches the top 20 content terms in some spelling.
3. Reporting verbs against the gold attribution cues: of the words the term tables flag as
   reporting verbs (``stop_list == "reporting_verbs"`` at the token level: a listed lemma tagged as a
   verb), the share inside an annotated Cue span (precision), and of the verb tokens inside Cue spans,
   the share flagged (recall; the list holds neutral verbs only, by design).

Run: ``python benchmarks/terms_eval.py [folder] [--split train|dev]``.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path and not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(REPO))

import analysis  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_corpus  # noqa: E402


DATA = REPO / "analysis" / "data"


def polnear_folder(arg: str | None = None) -> Path | None:
    return shared_corpus("polnear", arg)


def words_of(name: str) -> set[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return {w.strip().lower().rstrip(".") for w in lines if w.strip() and not w.startswith("#")}


def cue_spans(folder: Path, stem: str) -> list[tuple[int, int]]:
    spans = []
    for ann in (folder / "attributions").glob(f"{stem}_*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue "):
                for piece in parts[1][4:].split(";"):
                    s, e = piece.split()
                    spans.append((int(s), int(e)))
    return spans


def main() -> dict:
    from lemminflect import getAllInflections

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "dev"
    args = [a for a in args if a != split]
    root = polnear_folder(args[0] if args else None)
    if root is None:
        print("PolNeAR folder not found (../shared/data/polnear or $ANALYSIS_POLNEAR): nothing to measure")
        return {}
    folder = root / split
    honorifics = words_of("honorifics_en.txt")
    verbs = words_of("reporting_verbs_en.txt")
    verb_forms = set(verbs)
    for v in verbs:
        for forms in getAllInflections(v, upos="VERB").values():
            verb_forms.update(f.lower() for f in forms)
    kinds, n_articles = Counter(), 0
    us_articles = us_found = 0
    flagged = flagged_in_cue = cue_verbs = cue_verbs_flagged = 0
    from analysis import terms as T

    has_lists = "stop_list" in T.TERM_COLUMNS
    for path in sorted((folder / "text").glob("*.txt")):
        doc = analysis.annotate(analysis.load_article(path))
        tok = doc.tokens
        words = tok[~tok["is_punct"]]
        if not len(words):
            continue
        n_articles += 1
        # words inside multi-word capitalised mentions
        inside = Counter()
        m = doc.mentions
        multi = [(s, e) for s, e, t in zip(m["start"], m["end"], m["text"])
                 if " " in t.strip() and all(w[:1].isupper() or w.lower() in ("of", "the", "for", "and")
                                             for w in t.split()) and t[:1].isupper()]
        starts, ends = words["start"].tolist(), words["end"].tolist()
        lemmas = words["lemma"].str.lower().tolist()
        for s, e in sorted(multi):
            for k in range(len(starts)):
                if starts[k] >= s and ends[k] <= e:
                    inside[lemmas[k]] += 1
        total = Counter(lemmas)
        uses, verb_uses = Counter(), Counter()
        for lem, low, pos in zip(lemmas, words["lower"].tolist(), words["pos"].tolist()):
            for key in {lem, low}:
                uses[key] += 1
                verb_uses[key] += pos.startswith("VB")
        tf = T.term_frequencies(doc, include_stopwords=False)
        tf = tf[tf["term"].str.contains(r"[^\W\d_]", regex=True)]
        for term in tf["term"].head(10):
            low = term.lower()
            if low.rstrip(".") in honorifics:
                kinds["honorific"] += 1
            elif low in verb_forms and 2 * verb_uses[low] >= uses[low]:  # a verb here ("state" the noun is not)
                kinds["reporting verb"] += 1
            elif " " not in term and total[low] and 2 * inside[low] >= total[low]:
                kinds["name fragment"] += 1
                if "--errors" in sys.argv:
                    print("  fragment:", path.stem, term)
            else:
                kinds["other"] += 1
        text_us = sum(doc.text.count(x) for x in ("United States", " US ", " U.S.", " US,", " US."))
        if text_us >= 3:
            us_articles += 1
            top20 = {t.lower() for t in tf["term"].head(20)}
            us_found += bool(top20 & {"united states", "us", "u.s.", "the united states"})
        # reporting verbs at the token level, against the gold cues
        cues = cue_spans(folder, path.stem)
        in_cue = [any(s <= a and b <= e for s, e in cues) for a, b in zip(tok["start"], tok["end"])]
        is_verb = [p.startswith("VB") for p in tok["pos"]]
        if has_lists:
            listed = [lem.lower() in verbs and v for lem, v in zip(tok["lemma"], is_verb)]
        else:
            listed = [False] * len(tok)
        for c, v, f in zip(in_cue, is_verb, listed):
            flagged += f
            flagged_in_cue += f and c
            cue_verbs += c and v
            cue_verbs_flagged += c and v and f
    n_top = sum(kinds.values())
    print(f"PolNeAR {split}: {n_articles} articles; top-10 content terms: {n_top}")
    for kind in ("honorific", "reporting verb", "name fragment", "other"):
        print(f"  {kind:15s} {kinds[kind]:5d}  ({kinds[kind] / max(n_top, 1):.1%})")
    print(f"United States in the top 20 (articles naming it 3+ times): {us_found} of {us_articles}")
    if has_lists:
        print(f"reporting-verb flags inside a gold cue: {flagged_in_cue} of {flagged} "
              f"(precision {flagged_in_cue / max(flagged, 1):.3f}); gold cue verbs flagged: {cue_verbs_flagged} "
              f"of {cue_verbs} (recall {cue_verbs_flagged / max(cue_verbs, 1):.3f})")
    return {"kinds": dict(kinds), "us": (us_found, us_articles), "flags": (flagged_in_cue, flagged, cue_verbs_flagged,
                                                                           cue_verbs)}


if __name__ == "__main__":
    main()
