"""The quotes layer: seed gold (every quote in paragraphs 6, 10, 11 is Lavrov's), odd marks, own articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import analysis
from analysis.quotes import KINDS, QUOTE_COLUMNS

HERE = Path(__file__).resolve().parent
GOLD = yaml.safe_load((HERE / "gold" / "actors_seed.yml").read_text(encoding="utf-8"))
OWN = yaml.safe_load((HERE / "gold" / "actors_own.yml").read_text(encoding="utf-8"))


def _check(doc, gold_quotes, *, kinds=True):
    q = doc.quotes
    assert list(q.columns) == QUOTE_COLUMNS
    assert all(doc.text[s:e] == t for s, e, t in zip(q.start, q.end, q.text))
    assert set(q.kind) <= set(KINDS)
    assert len(q) == len(gold_quotes)
    for row, gold in zip(q.itertuples(), gold_quotes):
        para, start, speaker = gold[:3]
        assert row.para_id == para and row.text.startswith(start), (row.text, gold)
        assert row.speaker_id == speaker, (row.text, row.speaker_id, speaker)
        if kinds and len(gold) > 3:
            assert row.kind == gold[3], (row.text, row.kind)


def test_seed_quotes(seed_doc):
    _check(seed_doc, GOLD["quotes"])


def test_seed_paragraphs_6_10_11_are_lavrov(seed_doc):
    q = seed_doc.quotes
    sel = q[q.para_id.isin([6, 10, 11])]
    assert len(sel) == 5 and set(sel.speaker_id) == {"sergei-lavrov"}
    assert set(sel.cue) == {"said", "recalled", "stressed", "according to"}


def test_seed_odd_marks(seed_doc):
    q = seed_doc.quotes
    # `recognition, ”he stressed.“ We are` : the marks close and reopen around the tag
    assert q.text.str.endswith("official recognition").any()
    assert q.text.str.startswith("We are not imposing").any()
    # `purposes “.`: a closing mark typed as an opening one
    assert q.text.str.endswith("humanitarian purposes").any()


@pytest.mark.parametrize("name", sorted(OWN))
def test_own_articles(name):
    doc = analysis.annotate(analysis.load_article(HERE / "articles" / f"{name}.txt"))
    _check(doc, OWN[name]["quotes"])


def test_straight_marks_inverted_tag_and_continuation():
    doc = analysis.annotate('T\n\nGeneral Ana Ruiz arrived on Monday. "We will hold the line," said Ruiz. '
                            '"Nobody will cross it."\n\nThe army did not comment.')
    q = doc.quotes
    assert q.text.tolist() == ["We will hold the line", "Nobody will cross it."]
    assert q.speaker_id.tolist() == ["ana-ruiz", "ana-ruiz"]
    assert q.kind.tolist() == ["direct", "direct"]


def test_unclosed_quote_runs_to_paragraph_end_and_continues():
    doc = analysis.annotate("T\n\nPrime Minister Jan Novak told parliament: “We have done what we promised.\n\n"
                            "“We will do more next year,” he added.")
    q = doc.quotes
    assert q.text.tolist() == ["We have done what we promised.", "We will do more next year"]
    assert q.speaker_id.tolist() == ["jan-novak", "jan-novak"]


def test_according_to_and_unattributed():
    doc = analysis.annotate("T\n\nAccording to the World Health Organization, the outbreak is “under control”. "
                            "Posters read “no surrender”.")
    q = doc.quotes
    assert q.speaker_id.tolist() == ["WHO", ""]
    assert q.cue.tolist() == ["according to", ""]
    assert q.kind.tolist() == ["partial", "partial"]


def test_no_quotes():
    doc = analysis.annotate("T\n\nNothing was said.")
    assert doc.quotes.empty and list(doc.quotes.columns) == QUOTE_COLUMNS


def test_a_speech_verb_in_the_next_sentence_is_not_the_speaker():
    # the quote ends its sentence ("…". The IMF said): the IMF did not say it
    doc = analysis.annotate(analysis.from_text(
        "Talks stall\n\nThe minister said the government would \"continue talks with all sides\". "
        "The IMF said it was watching. Critics called the plan \"a disaster\". Maria Lopez, a senator, warned against it."))
    q = doc.quotes.set_index("text")
    assert q.loc["a disaster", "speaker_id"] in ("", None) or q.loc["a disaster", "speaker"] != "Maria Lopez"
    assert q.loc["continue talks with all sides", "speaker"] != "International Monetary Fund"


def test_a_coordinated_speech_verb_shares_the_first_verbs_subject():
    """'X welcomed … but said …' and 'X said … and warned that …': the second verb's speaker is X."""
    doc = analysis.annotate("T\n\nPresident Maria Lopez welcomed the talks but said her government would not sign "
                            "“an unfair deal”. General Omar Haddad said the army was “ready” and warned that the "
                            "border was “a red line”.")
    q = doc.quotes
    assert q.text.tolist() == ["an unfair deal", "ready", "a red line"]
    assert q.speaker_id.tolist() == ["maria-lopez", "omar-haddad", "omar-haddad"]
    assert q.cue.tolist() == ["said", "said", "warned"]


def test_a_verb_after_and_is_not_a_speech_tag():
    """'X said the plan was “dead” and accused Y of …': Y is the object, X the speaker."""
    doc = analysis.annotate("T\n\nPresident Maria Lopez said the plan was “dead on arrival” and accused Chile of bad faith.")
    q = doc.quotes
    assert q.speaker_id.tolist() == ["maria-lopez"] and q.cue.tolist() == ["said"]
