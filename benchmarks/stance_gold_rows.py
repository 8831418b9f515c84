"""Write rows of the stance gold from a hand annotation that quotes the words, with checked offsets.

The gold file (``benchmarks/gold/stance_polnear.csv``) holds offsets and sentence hashes only; an
annotator works more safely with words. This tool does the conversion:

* ``python benchmarks/stance_gold_rows.py show SPLIT ARTICLE`` prints the article's sentences
  (the sentences layer of ``analysis.annotate``, nothing else is computed) with their numbers;
* ``python benchmarks/stance_gold_rows.py rows NOTES.txt [--out FILE]`` reads an annotation file
  kept outside the project (it quotes the article) and prints (or appends to ``--out``) the gold
  rows, every holder and target looked up inside its sentence.

An annotation file::

    # comments and blank lines are skipped
    article huff-post_2016-09-20_some-article-name
    split test
    3 | Sen. Smith | against | the plan to cut taxes
    5 | | favor | Jones            # no holder written (a passive without agent)
    7 | he#2 | favor | the bill     # "#2": the second "he" in sentence 7
    12+13 | Jones | favor | ...     # a sentence the splitter cut in two, taken as one

Each quoted string must occur in its sentence as whole words (``#k`` picks the k-th occurrence); a string that
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

from stance_eval import COLUMNS, FOLDERS, polnear_root, sentence_hash  # noqa: E402


class NoteError(ValueError):
    pass


def sentences(text: str) -> list[tuple[int, int]]:
    import analysis

    doc = analysis.annotate(analysis.from_text(text))
    return list(zip(doc.sentences["start"].tolist(), doc.sentences["end"].tolist()))


def _find(text: str, ss: int, se: int, quoted: str, where: str) -> tuple[int, int]:
    m = re.fullmatch(r"(.*?)(?:#(\d+))?", quoted.strip(), re.S)
    words, k = m.group(1), int(m.group(2) or 1)
    # whole words only: "he" is not the end of "the"
    pattern = (r"(?<!\w)" if words[:1].isalnum() else "") + re.escape(words) + (r"(?!\w)" if words[-1:].isalnum() else "")
    found = [m.start() for m in re.finditer(pattern, text[ss:se])]
    if len(found) < k:
        raise NoteError(f"{where}: {words!r} (occurrence {k}) is not in the sentence {text[ss:se]!r}")
    i = ss + found[k - 1]
    return i, i + len(words)


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show", help="print an article's numbered sentences")
    s.add_argument("split", choices=list(FOLDERS))
    s.add_argument("article")
    r = sub.add_parser("rows", help="turn an annotation file into gold rows")
    r.add_argument("notes")
    r.add_argument("--out", help="append the rows to this CSV (written with a header when new)")
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
