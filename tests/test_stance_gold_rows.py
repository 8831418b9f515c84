"""The tool that writes stance gold rows from quoted words (benchmarks/stance_gold_rows.py), on a
small corpus folder of our own text laid out like PolNeAR."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import stance_eval  # noqa: E402
import stance_gold_rows as sgr  # noqa: E402

TEXT = ("Mayor Lee Backs New Park.\n\n"
        "The mayor, Ann Lee, said on Monday that she supports the new park. "
        "Her rival, Tom Kent, said the park was costly, opposed the park and said the city should fix the roads first.\n")


@pytest.fixture()
def corpus(tmp_path):
    root = tmp_path / "polnear"
    for folder in ("train", "dev"):
        (root / folder / "text").mkdir(parents=True)
    (root / "dev" / "text" / "town-news.txt").write_text(TEXT, encoding="utf-8")
    return root


def _notes(tmp_path, body: str) -> Path:
    p = tmp_path / "notes.txt"
    p.write_text("split test\narticle town-news\n" + body, encoding="utf-8")
    return p


def test_rows_have_checked_offsets_and_load_back(corpus, tmp_path):
    notes = _notes(tmp_path, "# a comment\n"
                             "1 | she | favor | the new park\n"
                             "2 | Tom Kent | against | the park#2   # the second 'the park'\n"
                             "2 | Tom Kent | favor | the city should fix the roads first\n"
                             "0 | | favor | New Park\n")
    rows = sgr.rows_from_notes(notes, corpus)
    assert [r["stance"] for r in rows] == ["favor", "against", "favor", "favor"]
    assert TEXT[rows[0]["holder_start"]:rows[0]["holder_end"]] == "she"
    assert TEXT[rows[1]["target_start"]:rows[1]["target_end"]] == "the park"
    assert rows[1]["target_start"] == TEXT.index("the park and")
    assert rows[3]["holder_start"] == ""
    out = tmp_path / "gold.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=stance_eval.COLUMNS)
        w.writeheader()
        w.writerows(rows)
    texts, gold = stance_eval.load_gold(corpus, out)
    assert len(gold) == 4 and {g["split"] for g in gold} == {"test"}
    assert list(texts) == [("test", "town-news")]


def test_whole_words_only(corpus, tmp_path):
    # "he" is not found inside "the" or "she": sentence 1 has no "he" of its own
    with pytest.raises(sgr.NoteError, match="'he'"):
        sgr.rows_from_notes(_notes(tmp_path, "1 | he | favor | the new park\n"), corpus)


@pytest.mark.parametrize("line, message", [
    ("1 | she | likes | the park", "stance 'likes'"),
    ("9 | she | favor | the park", "sentence 9"),
    ("1 | she | favor", "expected"),
    ("1 | Kent | favor | the park", "'Kent'"),
])
def test_bad_lines_are_refused_with_their_line(corpus, tmp_path, line, message):
    with pytest.raises(sgr.NoteError, match=message):
        sgr.rows_from_notes(_notes(tmp_path, line + "\n"), corpus)


def test_cli_error_is_one_line(corpus, tmp_path, capsys):
    notes = _notes(tmp_path, "1 | nobody | favor | the park\n")
    assert sgr.main(["--data", str(corpus), "rows", str(notes)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and err.count("\n") == 1


def test_unknown_split_in_gold_is_refused(corpus, tmp_path):
    out = tmp_path / "gold.csv"
    out.write_text(",".join(stance_eval.COLUMNS) + "\ntown-news,other,0,10,abc,,,favor,0,4\n", encoding="utf-8")
    with pytest.raises(stance_eval.GoldError, match="split 'other'"):
        stance_eval.load_gold(corpus, out)


def test_agreement_of_two_annotations(corpus, tmp_path):
    def gold(name, body):
        rows = sgr.rows_from_notes(_notes(tmp_path, body), corpus)
        out = tmp_path / name
        with open(out, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=stance_eval.COLUMNS)
            w.writeheader()
            w.writerows(rows)
        return out
    first = gold("first.csv", "1 | she | favor | the new park\n2 | Tom Kent | against | the park#2\n")
    second = gold("second.csv", "1 | Ann Lee | favor | the new park\n2 | Tom Kent | against | the park#2\n"
                                "2 | Tom Kent | favor | the city should fix the roads first\n")
    # a holder span that does not overlap ("Ann Lee" / "she") is no match
    assert sgr.agreement(corpus, first, second) == {"first": 2, "second": 3, "both": 1, "articles": 1}


def test_second_annotation_holds_offsets_only():
    with open(sgr.SECOND, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(set(r) == set(stance_eval.COLUMNS) for r in rows)
    assert all(r[k] == "" or r[k].isdigit() for r in rows for k in ("sent_start", "holder_start", "target_end"))
    root = stance_eval.polnear_root()
    if root is None:
        pytest.skip("PolNeAR is not here")
    res = sgr.agreement(root)
    assert res["articles"] == 6 and res["second"] == len(rows)
