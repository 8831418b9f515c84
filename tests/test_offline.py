"""No network: the whole annotation and every layer run with sockets blocked and no nltk_data.

A child process replaces ``socket.socket.connect`` (and friends) with a function that records
the attempt and raises, points ``NLTK_DATA`` (and ``HOME``) at an empty folder and empties
``nltk.data.path``, then runs ``python -m analysis annotate`` (every available layer) on the
seed and on an article of our own. The tables it writes must be byte-for-byte those of a normal
run, and no connection may have been attempted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [ROOT / "seeds" / "csto_dushanbe_2021.txt", ROOT / "tests" / "articles" / "robust_border_talks.txt"]

CHILD = r"""
import json, os, socket, sys
attempts = []

def refuse(*args, **kwargs):
    attempts.append(repr(args[1:] if args else kwargs)[:200])
    raise OSError("network access is blocked in this test")

if sys.argv[1] == "blocked":
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.socket.sendto = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    import nltk
    nltk.data.path[:] = [os.environ["NLTK_DATA"]]

from analysis.cli import main
from analysis.document import available_layers
code = main(["annotate", sys.argv[2], "--out", sys.argv[3]])
print(json.dumps({"code": code, "attempts": attempts, "layers": available_layers()}))
"""


def _run(mode: str, article: Path, out: Path, tmp_path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if mode == "blocked":
        empty = tmp_path / "empty_nltk_data"
        empty.mkdir(exist_ok=True)
        home = tmp_path / "home"
        home.mkdir(exist_ok=True)
        env.update(NLTK_DATA=str(empty), HOME=str(home), no_proxy="", http_proxy="http://127.0.0.1:9",
                   https_proxy="http://127.0.0.1:9", HF_HUB_OFFLINE="1")
    proc = subprocess.run([sys.executable, "-c", CHILD, mode, str(article), str(out)], capture_output=True,
                          text=True, timeout=300, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("article", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_annotation_is_identical_offline(tmp_path, article):
    normal = _run("normal", article, tmp_path / "normal", tmp_path)
    blocked = _run("blocked", article, tmp_path / "blocked", tmp_path)
    assert blocked["code"] == 0 and normal["code"] == 0
    assert blocked["attempts"] == [], f"network access was attempted: {blocked['attempts']}"
    assert blocked["layers"] == normal["layers"]
    files = sorted(p.name for p in (tmp_path / "normal").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "blocked").iterdir())
    expected = {"article.json", "paragraphs.csv", "sentences.csv", "tokens.csv"} | {f"{n}.csv" for n in normal["layers"]}
    assert expected <= set(files)
    for name in files:
        a = (tmp_path / "normal" / name).read_bytes()
        b = (tmp_path / "blocked" / name).read_bytes()
        if name == "article.json":
            ja, jb = json.loads(a), json.loads(b)
            ja.pop("path", None), jb.pop("path", None)
            assert ja == jb
        else:
            assert a == b, f"{name} differs between the normal and the offline run"


def test_the_child_really_blocks_sockets(tmp_path):
    """The blockade is not vacuous: a connection attempt in the child is refused and recorded."""
    code = CHILD.split("from analysis.cli")[0] + (
        "try:\n    socket.create_connection(('pypi.org', 443), timeout=1)\nexcept OSError as e:\n    print('refused', e)\n"
        "s = socket.socket()\ntry:\n    s.connect(('127.0.0.1', 9))\nexcept OSError as e:\n    print('refused', e)\n"
        "import nltk\nprint('path', nltk.data.path)\nprint(len(attempts))\n")
    empty = tmp_path / "nd"
    empty.mkdir()
    proc = subprocess.run([sys.executable, "-c", code, "blocked"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NLTK_DATA": str(empty)})
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("refused network access is blocked") and lines[1].startswith("refused")
    assert lines[2] == f"path {[str(empty)]}" and lines[3] == "2"


def test_no_download_calls_in_the_package():
    """Nothing in the package downloads data at run time."""
    banned = ("nltk.download", "download_corpora", "urlopen(", "build_opener(", "requests.get", "hf_hub_download",
              "from_pretrained")
    fetcher = ROOT / "analysis" / "article" / "fetch.py"  # fetches only a URL the user gives (tests/test_url.py)
    for path in (ROOT / "analysis").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in banned:
            if path == fetcher and word in ("urlopen(", "build_opener("):
                continue
            assert word not in text, f"{path.relative_to(ROOT)} calls {word}"


def test_make_lab_binds_to_localhost_with_a_token():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = [line for line in makefile.splitlines() if "jupyter lab" in line]
    assert lab and all("--ip=127.0.0.1" in line for line in lab)
    for weak in ("token=''", 'token=""', "token=", "--no-browser --ip=0.0.0.0", "disable_check_xsrf", "password="):
        assert not any(weak in line for line in lab), weak
