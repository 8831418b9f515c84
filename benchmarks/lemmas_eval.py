"""Lemmas of names, acronyms and demonyms against GUM's gold lemmas (real text, written by others).

Each GUM document (``<repo>/../shared/data/gum``, ``$ANALYSIS_GUM`` or ``/work/shared/data/gum``;
read, never copied) is rebuilt as running text from its sentences (``SpaceAfter=No`` respected,
one paragraph per ``# newpar``), annotated, and every gold token that the package tokenizes with
the same offsets is scored: the package's lemma against GUM's gold lemma, exactly (case counts),
by the gold Penn tag of the token:

* proper nouns (NNP), plural proper nouns (NNPS);
* capitalised adjectives (JJ written with a capital: demonyms such as "Israeli", "American");
* the acronym "US"/"U.S." (the United States; the tagger reads "US" as the pronoun *us*), with
  how often the package calls it a stopword;
* every other token, to show the rest is unchanged.

Run: ``python benchmarks/lemmas_eval.py [folder]`` (about a minute); ``--errors`` lists the most
frequent misses of each group.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import analysis  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_corpus  # noqa: E402



def gum_folder(arg: str | None = None) -> Path | None:
    """The GUM folder (see :func:`common.shared_corpus`), or None when it is absent."""
    return shared_corpus("gum", arg)


def read_conllu(path: Path) -> tuple[str, list[tuple[int, int, str, str, str]]]:
    """The document's text and its gold tokens ``(start, end, form, lemma, xpos)``."""
    paragraphs: list[list[list[tuple[str, str, str, bool]]]] = []
    sentence: list[tuple[str, str, str, bool]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            paragraphs.append([])
        elif not line.strip():
            if sentence:
                if not paragraphs:
                    paragraphs.append([])
                paragraphs[-1].append(sentence)
            sentence = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                sentence.append((cols[1], cols[2], cols[4], "SpaceAfter=No" not in cols[9]))
    parts, tokens = ["GUM document\n\n"], []
    at = len(parts[0])
    for para in (p for p in paragraphs if p):
        if len(parts) > 1:
            parts.append("\n\n")
            at += 2
        for k, sent in enumerate(para):
            if k:
                parts.append(" ")
                at += 1
            for j, (form, lemma, xpos, space) in enumerate(sent):
                tokens.append((at, at + len(form), form, lemma, xpos))
                parts.append(form)
                at += len(form)
                if space and j < len(sent) - 1:
                    parts.append(" ")
                    at += 1
    return "".join(parts) + "\n", tokens


def group(form: str, xpos: str) -> str:
    if form in ("US", "U.S."):
        return "US / U.S."
    if xpos in ("NNP", "NNPS"):
        return xpos
    if xpos == "JJ" and form[:1].isupper():
        return "capitalised JJ"
    return "other"


def main() -> dict:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = gum_folder(args[0] if args else None)
    if folder is None:
        print("GUM folder not found (../shared/data/gum or $ANALYSIS_GUM): nothing to measure")
        return {}
    right, total, us_stop = Counter(), Counter(), 0
    misses: dict[str, Counter] = {}
    unmatched = n_gold = 0
    t0 = time.perf_counter()
    for path in sorted(folder.glob("*.conllu")):
        text, gold = read_conllu(path)
        doc = analysis.annotate(analysis.from_text(text))
        ours = {(s, e): (lemma, stop) for s, e, lemma, stop in
                zip(doc.tokens["start"], doc.tokens["end"], doc.tokens["lemma"], doc.tokens["is_stop"])}
        for s, e, form, lemma, xpos in gold:
            assert text[s:e] == form, (path.name, s, form, text[s:e])
            n_gold += 1
            hit = ours.get((s, e))
            if hit is None:
                unmatched += 1
                continue
            g = group(form, xpos)
            total[g] += 1
            if hit[0] == lemma:
                right[g] += 1
            else:
                misses.setdefault(g, Counter())[(form, hit[0], lemma)] += 1
            if g == "US / U.S." and hit[1]:
                us_stop += 1
    took = time.perf_counter() - t0
    print(f"GUM: {len(list(folder.glob('*.conllu')))} documents, {n_gold:,} gold tokens, "
          f"{n_gold - unmatched:,} tokenized alike ({took:.0f} s)")
    print(f"{'gold tag':16s} {'tokens':>8s} {'lemma right':>12s} {'share':>6s}")
    res = {}
    for g in ("NNP", "NNPS", "capitalised JJ", "US / U.S.", "other"):
        if total[g]:
            res[g] = (right[g], total[g])
            print(f"{g:16s} {total[g]:8,d} {right[g]:12,d} {right[g] / total[g]:6.3f}")
    print(f"US / U.S. flagged as a stopword: {us_stop} of {total['US / U.S.']}")
    if "--errors" in sys.argv:
        for g, c in misses.items():
            print(f"\n{g}: most frequent misses (form, ours, gold)")
            for (form, got, want), n in c.most_common(15):
                print(f"  {n:4d}  {form!r:18s} {got!r:18s} {want!r}")
    return res


if __name__ == "__main__":
    main()
