"""The GUM scorer (benchmarks/entities_eval.py): its reader on a made-up CoNLL-U file, and a run on
the shared data when it is there."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("entities_eval", REPO / "benchmarks" / "entities_eval.py")
E = importlib.util.module_from_spec(spec)
spec.loader.exec_module(E)

# made up for this test: "Mira Tolle visited Arnhem. She liked it." under a heading
CONLLU = """# newpar
# text = Visit
1	Visit	visit	NOUN	NN	_	0	root	0:root	_

# newpar
# text = Mira Tolle visited Arnhem.
1	Mira	Mira	PROPN	NNP	_	3	nsubj	3:nsubj	Entity=(1-person-new-sss-cf1-1,2-coref
2	Tolle	Tolle	PROPN	NNP	_	1	flat	1:flat	Entity=1)
3	visited	visit	VERB	VBD	_	0	root	0:root	_
4	Arnhem	Arnhem	PROPN	NNP	_	3	obj	3:obj	Entity=(2-place-new-sss-cf2-1-coref)|SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	3:punct	_

# text = She liked it.
1	She	she	PRON	PRP	_	2	nsubj	2:nsubj	Entity=(1-person-giv-sss-cf1-1-coref)
2	liked	like	VERB	VBD	_	0	root	0:root	_
3	it	it	PRON	PRP	_	2	obj	2:obj	Entity=(2-place-giv-sss-cf1-1-coref)|SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	2:punct	_
"""


def test_reader_rebuilds_text_heads_and_chains(tmp_path):
    path = tmp_path / "GUM_news_made.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    title, text, gold = E.read_conllu(path)
    assert title == "Visit" and text == "Visit\n\nMira Tolle visited Arnhem. She liked it."
    named = [(g["text"], g["etype"], g["chain"]) for g in gold if g["named"]]
    assert named == [("Mira Tolle", "person", "1"), ("Arnhem", "place", "2")]
    assert [g["text"] for g in gold if not g["named"]] == ["She", "it"]
    for g in gold:
        assert text[g["start"]:g["end"]] == g["text"]


def test_scores_on_a_made_up_file(tmp_path):
    path = tmp_path / "GUM_news_made.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    res = E.score_document(path)
    s = E.summarise([res])
    assert s["counts"]["gold"] == 2 and s["counts"]["tp"] == 2
    assert s["pronouns"] == (1, 1)


@pytest.mark.skipif(E.gum_folder() is None, reason="GUM folder ../shared/data/gum not present")
def test_runs_on_the_shared_data():
    folder = E.gum_folder()
    files = sorted(folder.glob("GUM_interview_*.conllu"))[:2]
    s = E.summarise([E.score_document(f) for f in files])
    assert s["counts"]["gold"] > 0 and 0 <= s["named"][2] <= 1
