"""The CLI contract: annotate writes article.json and one CSV per layer; bad input exits 2."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pandas as pd
import pytest

import analysis


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd)


def test_annotate_seed_writes_tables(tmp_path):
    res = run("annotate", "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    out = tmp_path / "out"
    info = json.loads((out / "article.json").read_text(encoding="utf-8"))
    assert info["title"] == "There will be no capitulator’s leg on the land of the CSTO"
    assert info["author"] == "Elena Chernenko" and info["source"] == "The Frontier Post"
    assert info["published"] == "2021-09-16"
    assert (info["n_paragraphs"], info["n_sentences"]) == (12, 35)
    assert info["sha256"] == hashlib.sha256(analysis.SEED.read_bytes()).hexdigest()
    tokens = pd.read_csv(out / "tokens.csv", keep_default_na=False)
    assert info["n_tokens"] == len(tokens)
    assert list(tokens.columns) == ["token_id", "sent_id", "para_id", "start", "end", "text", "whitespace", "lower",
                                    "lemma", "pos", "is_stop", "is_punct", "is_alpha"]
    text = analysis.SEED.read_text(encoding="utf-8")
    assert all(text[s:e] == t for s, e, t in zip(tokens.start, tokens.end, tokens.text))
    for name in ("paragraphs", "sentences"):
        df = pd.read_csv(out / f"{name}.csv")
        assert all(text[s:e] == t for s, e, t in zip(df.start, df.end, df.text))


def test_annotate_published_override(tmp_path):
    res = run("annotate", str(analysis.SEED), "--published", "2021-09-15", "--out", str(tmp_path), "--layers", "paragraphs")
    assert res.returncode == 0, res.stderr
    info = json.loads((tmp_path / "article.json").read_text())
    assert (info["published"], info["published_from"]) == ("2021-09-15", "argument")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.json", "paragraphs.csv"]


@pytest.mark.parametrize("args,needle", [
    (["annotate", "nope.txt", "--out", "o"], "no such file"),
    (["annotate", ".", "--out", "o"], "is a folder"),
    (["annotate", "--published", "2021-02-30", "--out", "o"], "2021-02-30"),
    (["annotate"], "--out"),
    (["annotate", "--out", "o", "--layers", "nonsense"], "unknown layer"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_input_is_one_error_line_and_exit_2(tmp_path, args, needle):
    res = run(*args, cwd=tmp_path)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), res.stderr
    assert needle in lines[0]
    assert "Traceback" not in res.stderr


def test_binary_file_is_refused(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    res = run("annotate", str(png), "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and res.stderr.startswith("error:") and "PNG" in res.stderr


def test_help_documents_every_command_and_exit_codes():
    res = run("--help")
    assert res.returncode == 0
    for word in ("annotate", "report", "corpus", "exit status", "bad input"):
        assert word in res.stdout


@pytest.mark.parametrize("date,needle", [("2204-11-04", "more than a year after today"), ("1703-05-01", "before 1800")])
def test_an_implausible_publication_date_is_a_warning(tmp_path, date, needle):
    res = run("annotate", "--published", date, "--out", str(tmp_path / "o"), "--layers", "paragraphs")
    assert res.returncode == 0, res.stderr
    warnings = [line for line in res.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and date in warnings[0] and needle in warnings[0]


def test_a_plausible_date_gives_no_warning(tmp_path):
    res = run("annotate", "--published", "2021-09-15", "--out", str(tmp_path / "o"), "--layers", "paragraphs")
    assert res.returncode == 0 and "warning" not in res.stderr


def test_date_warning_bounds():
    import datetime as dt

    from analysis.cli import date_warning

    today = dt.date(2024, 6, 1)
    assert date_warning(dt.date(2025, 5, 31), today=today) is None      # within a year: an embargoed piece
    assert "after today" in date_warning(dt.date(2025, 6, 3), today=today)
    assert date_warning(dt.date(1800, 1, 1), today=today) is None
    assert "before 1800" in date_warning(dt.date(1799, 12, 31), today=today)


def test_an_untitled_text_is_named_untitled(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("The committee met on Tuesday and agreed to publish its findings before the summer recess.\n",
                   encoding="utf-8")
    res = run("annotate", str(src), "--out", str(tmp_path / "o"))
    assert res.returncode == 0, res.stderr
    first = res.stdout.splitlines()[0]
    assert first.startswith("(untitled): 1 paragraphs") and "None" not in res.stdout


def test_make_targets_quote_paths_with_spaces(tmp_path):
    import shutil
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    root = Path(__file__).resolve().parent.parent
    res = subprocess.run(["make", "-n", "-s", "report", "PY=python", "ARTICLE=My Articles/it's x.txt",
                          "OUT=out dir", "CORPUS=class texts", "PUBLISHED=2024-03-01"],
                         capture_output=True, text=True, cwd=root)
    assert res.returncode == 0, res.stderr
    line = res.stdout.strip().splitlines()[-1]
    assert "report 'My Articles/it'\\''s x.txt'" in line
    assert "--out 'out dir'" in line and "--corpus 'class texts'" in line and "--published '2024-03-01'" in line
    # and the command line it makes is read back as the same paths
    import shlex

    words = shlex.split(line)
    assert words[words.index("report") + 1] == "My Articles/it's x.txt"
    assert words[words.index("--out") + 1] == "out dir"


def test_help_lists_lab():
    res = run("--help")
    assert res.returncode == 0 and "lab" in res.stdout
