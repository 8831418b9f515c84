"""Write rows of the stance gold from a hand annotation that quotes the words, with checked offsets.

The gold file (``benchmarks/gold/stance_polnear.csv``) holds offsets and sentence hashes only; an
annotator works more safely with words. This tool does the conversion:

* ``python benchmarks/stance_gold_rows.py show SPLIT ARTICLE`` prints the article's sentences
  (the sentences layer of ``analysis.annotate``, nothing else is computed) with their numbers;
* ``python benchmarks/stance_gold_rows.py rows NOTES.txt [--out FILE]`` reads an annotation file
  kept outside the project (it quotes the article) and prints (or appends to ``--out``) the gold
  rows, every holder and target looked up inside its sentence;
* ``python benchmarks/stance_gold_rows.py agree [FIRST] [SECOND]`` compares two annotations of the
  same articles (by default the gold and ``gold/stance_polnear_second.csv``, a second annotator's
  blind re-annotation of six of its articles): one-to-one, a stance of one matches a stance of the
  other with the same label and overlapping sentence, holder (or both without) and target spans.

An annotation file::

    # comments and blank lines are skipped
    article huff-post_2016-09-20_some-article-name
    split test
    3 | Sen. Smith | against | the plan to cut taxes
    5 | | favor | Jones            # no holder written (a passive without agent)
    7 | he#2 | favor | the bill     # "#2": the second "he" in sentence 7
    12+13 | Jones | favor | ...     # a sentence the splitter cut in two, taken as one

Each quoted string must occur in its sentence as whole words, a space standing for any white
space (``#k`` picks the k-th occurrence); a string that
is not there, or a label other than favor / against, stops the tool with a one-line ``error:``.
The split ``test`` is read from PolNeAR's ``dev/`` folder (the corpus has no test folder); see
:data:`stance_eval.FOLDERS`.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stance_eval import COLUMNS, FOLDERS, GOLD, GoldError, _max_matching, load_gold, polnear_root, sentence_hash  # noqa: E402

SECOND = Path(__file__).resolve().parent / "gold" / "stance_polnear_second.csv"


class NoteError(ValueError):
    pass


def sentences(text: str) -> list[tuple[int, int]]:
    import analysis

    doc = analysis.annotate(analysis.from_text(text))
    return list(zip(doc.sentences["start"].tolist(), doc.sentences["end"].tolist()))


def _find(text: str, ss: int, se: int, quoted: str, where: str) -> tuple[int, int]:
    m = re.fullmatch(r"(.*?)(?:#(\d+))?", quoted.strip(), re.S)
    words, k = m.group(1), int(m.group(2) or 1)
    # whole words only ("he" is not the end of "the"); a space matches any run of white space,
    # the no-break spaces of the text included
    pattern = ((r"(?<!\w)" if words[:1].isalnum() else "") + r"\s+".join(map(re.escape, words.split()))
               + (r"(?!\w)" if words[-1:].isalnum() else ""))
    found = [(m.start(), m.end()) for m in re.finditer(pattern, text[ss:se])]
    if not words.strip() or len(found) < k:
        raise NoteError(f"{where}: {words!r} (occurrence {k}) is not in the sentence {text[ss:se]!r}")
    return ss + found[k - 1][0], ss + found[k - 1][1]


def rows_from_notes(path: Path, root: Path) -> list[dict]:
    out = []
    article = split = text = sents = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = re.sub(r"\s+#\s.*$", "", line).strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path.name} line {n}"
        if line.startswith("article "):
            article = line.split(None, 1)[1].strip()
            text = sents = None
            continue
        if line.startswith("split "):
            split = line.split(None, 1)[1].strip()
            if split not in FOLDERS:
                raise NoteError(f"{where}: split {split!r} (one of {', '.join(FOLDERS)})")
            text = sents = None
            continue
        if article is None or split is None:
            raise NoteError(f"{where}: a row before its 'article' and 'split' lines")
        if text is None:
            file = root / FOLDERS[split] / "text" / f"{article}.txt"
            if not file.is_file():
                raise NoteError(f"{where}: no text {file}")
            text = file.read_text(encoding="utf-8")
            sents = sentences(text)
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            raise NoteError(f"{where}: expected 'SENT | holder | favor/against | target', got {line!r}")
        nums = [int(x) for x in parts[0].split("+")]
        if any(not 0 <= x < len(sents) for x in nums):
            raise NoteError(f"{where}: sentence {parts[0]} (the article has {len(sents)})")
        ss, se = sents[nums[0]][0], sents[nums[-1]][1]
        if parts[2] not in ("favor", "against"):
            raise NoteError(f"{where}: stance {parts[2]!r} (favor | against)")
        holder = _find(text, ss, se, parts[1], where) if parts[1] else None
        target = _find(text, ss, se, parts[3], where)
        out.append({"article": article, "split": split, "sent_start": ss, "sent_end": se,
                    "sent_sha1": sentence_hash(text[ss:se]),
                    "holder_start": holder[0] if holder else "", "holder_end": holder[1] if holder else "",
                    "stance": parts[2], "target_start": target[0], "target_end": target[1]})
    return out


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def agreement(root: Path, first: Path = GOLD, second: Path = SECOND) -> dict:
    """Counts of the stances of ``first`` and ``second`` on the articles of ``second``, and how many
    match one-to-one (same label; sentence, target and holder spans overlap, or both no holder)."""
    _, b_rows = load_gold(root, second)
    _, a_rows = load_gold(root, first)
    arts = {(r["split"], r["article"]) for r in b_rows}
    out = {"first": 0, "second": len(b_rows), "both": 0, "articles": len(arts)}
    for art in sorted(arts):
        a = [r for r in a_rows if (r["split"], r["article"]) == art]
        b = [r for r in b_rows if (r["split"], r["article"]) == art]

        def same(x, y):
            holders = (x["holder"] is None and y["holder"] is None) or (
                x["holder"] is not None and y["holder"] is not None and _overlap(x["holder"], y["holder"]))
            return (x["stance"] == y["stance"] and holders and _overlap(x["target"], y["target"])
                    and _overlap((x["sent_start"], x["sent_end"]), (y["sent_start"], y["sent_end"])))
        out["first"] += len(a)
        out["both"] += len(_max_matching({i: [j for j, y in enumerate(b) if same(x, y)] for i, x in enumerate(a)}))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show", help="print an article's numbered sentences")
    s.add_argument("split", choices=list(FOLDERS))
    s.add_argument("article")
    r = sub.add_parser("rows", help="turn an annotation file into gold rows")
    r.add_argument("notes")
    r.add_argument("--out", help="append the rows to this CSV (written with a header when new)")
    g = sub.add_parser("agree", help="compare two annotations of the same articles")
    g.add_argument("first", nargs="?", default=str(GOLD))
    g.add_argument("second", nargs="?", default=str(SECOND))
    ap.add_argument("--data", help="the PolNeAR folder")
    args = ap.parse_args(argv)
    root = polnear_root(args.data)
    if root is None:
        print("error: PolNeAR is not here (set ANALYSIS_POLNEAR or put it at ../shared/data/polnear)", file=sys.stderr)
        return 2
    if args.cmd == "show":
        file = root / FOLDERS[args.split] / "text" / f"{args.article}.txt"
        if not file.is_file():
            print(f"error: no text {file}", file=sys.stderr)
            return 2
        text = file.read_text(encoding="utf-8")
        for i, (ss, se) in enumerate(sentences(text)):
            print(f"[{i}] {text[ss:se]}")
        return 0
    if args.cmd == "agree":
        try:
            res = agreement(root, Path(args.first), Path(args.second))
        except (GoldError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        p = res["both"] / res["second"] if res["second"] else 0.0
        r = res["both"] / res["first"] if res["first"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{res['articles']} articles: first {res['first']} stances, second {res['second']}, both {res['both']}; "
              f"second against first P {p:.3f} R {r:.3f} F1 {f:.3f}")
        return 0
    try:
        rows = rows_from_notes(Path(args.notes), root)
    except (NoteError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.out:
        out = Path(args.out)
        new = not out.exists() or out.stat().st_size == 0
        with open(out, "a", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\r\n")
            if new:
                w.writeheader()
            w.writerows(rows)
        print(f"{len(rows)} rows appended to {out}")
    else:
        w = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
