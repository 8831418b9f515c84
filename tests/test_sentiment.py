"""Sentiment: library-exact scores, explanations, n't handling, lexicon overrides, actor clauses."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import analysis
from analysis import sentiment as S
from analysis.errors import InputError

HERE = Path(__file__).resolve().parent
VADER = SentimentIntensityAnalyzer()
ARTICLES = [analysis.SEED, HERE / "articles" / "sentiment_port.txt", HERE / "articles" / "sentiment_water.txt"]


@pytest.fixture(scope="module")
def seed_scores(seed_doc):
    return seed_doc.sentiment


def _library(text: str) -> tuple:
    tb = TextBlob(text).sentiment
    vd = VADER.polarity_scores(text)
    return tb.polarity, tb.subjectivity, vd["compound"], vd["pos"], vd["neu"], vd["neg"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: Path(p).stem)
def test_every_row_equals_the_libraries_own_scores(path):
    doc = analysis.annotate(analysis.load_article(path))
    table = S.sentiment(doc)
    assert len(table[table.level == "paragraph"]) == len(doc.paragraphs)
    assert len(table[table.level == "sentence"]) == len(doc.sentences)
    assert len(table[table.level == "article"]) == 1
    for row in table.itertuples():
        assert doc.text[row.start:row.end] == row.text
        ours = (row.textblob_polarity, row.textblob_subjectivity, row.vader_compound, row.vader_pos, row.vader_neu, row.vader_neg)
        assert ours == _library(row.text), (row.level, row.para_id, row.sent_id)


def test_columns(seed_scores):
    assert seed_scores.columns.tolist()[:3] == ["level", "para_id", "sent_id"]
    for col in ["textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos", "vader_neu", "vader_neg"]:
        assert seed_scores[col].notna().all()


def test_hand_checked_seed_values(seed_scores):
    # paragraph 2 (concern, threat, terrorists) is VADER's most negative paragraph of the seed
    paras = seed_scores[seed_scores.level == "paragraph"].set_index("para_id")
    assert paras["vader_compound"].idxmin() == 2 and paras.loc[2, "vader_compound"] < -0.9


def test_explanations_reproduce_the_scores(seed_doc, seed_scores):
    from vaderSentiment.vaderSentiment import normalize

    table = S.explanations(seed_doc)
    located = table.dropna(subset=["start"])
    assert len(located) == len(table)
    for row in located.itertuples():
        assert seed_doc.text[int(row.start):int(row.end)] == row.text
    for row in seed_scores.itertuples():
        key = (table.level == row.level) & (table.para_id.fillna(-1) == (row.para_id if row.para_id is not pd.NA else -1)) \
            & (table.sent_id.fillna(-1) == (row.sent_id if row.sent_id is not pd.NA else -1))
        tb = table[key & (table.lexicon == "textblob")]["score"]
        assert math.isclose(tb.mean() if len(tb) else 0.0, row.textblob_polarity, abs_tol=1e-12)
        vd = table[key & (table.lexicon == "vader")]["score"].sum()
        emphasis = VADER._punctuation_emphasis(row.text)
        total = vd + emphasis if vd > 0 else vd - emphasis if vd < 0 else 0.0
        assert round(normalize(total), 4) == row.vader_compound if vd else row.vader_compound == 0


def test_explain_shows_the_words_a_student_expects(seed_doc):
    why = S.explain(seed_doc, para_id=2, lexicon="vader")
    words = dict(zip(why["text"].str.lower(), why["score"]))
    assert words["threat"] < 0 and words["terrorists"] < 0 and words["terrorist"] < 0
    assert set(S.explain(seed_doc, sent_id=1)["sent_id"]) == {1}
    with pytest.raises(InputError, match="paragraph 99"):
        S.explain(seed_doc, para_id=99)
    with pytest.raises(ValueError, match="textblob, vader"):
        S.explain(seed_doc, lexicon="afinn")


def test_negation_and_boosters_in_vader_explanations():
    why = S.explain_text("The plan is not good, but the vote was very good.")
    vader = why[why.lexicon == "vader"]
    assert vader["negated"].tolist() == [True, False]
    assert vader["score"].iloc[1] > vader["lexicon_score"].iloc[1]  # "very" boosts, "but" weighs the second clause


def test_textblob_nt_weakness_is_exposed_and_fixed():
    isnt, is_, not_ = (S.score_text(t) for t in ("It isn't a bad idea.", "It is a bad idea.", "It is not a bad idea."))
    assert isnt["textblob_polarity"] == is_["textblob_polarity"] < 0  # TextBlob's own number: the weakness
    assert isnt["textblob_polarity_negfix"] == not_["textblob_polarity"] > 0
    assert isnt["vader_compound"] > 0
    assert is_["textblob_polarity_negfix"] == is_["textblob_polarity"]


def _installed_hashes():
    import textblob.en
    import vaderSentiment

    files = [Path(textblob.en.__file__).parent / "en-sentiment.xml", Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"]
    return [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]


def test_override_and_reset_never_touch_installed_files():
    from textblob.en import sentiment as library_lexicon

    before = _installed_hashes()
    text = "It is unacceptable, a capitulator said."
    base_vader = S.score_text(text)["vader_compound"]
    assert S.score_text(text)["textblob_polarity"] == 0.0
    S.override_lexicon("textblob", {"unacceptable": -0.8})
    S.override_lexicon("vader", {"Capitulator": -2.5})
    try:
        scores = S.score_text(text)
        assert scores["textblob_polarity"] == -0.8 and scores["vader_compound"] < base_vader
        assert "unacceptable" not in library_lexicon and "capitulator" not in S._base_vader().lexicon
        assert S.lexicon_value("capitulator")["vader"] == -2.5
        assert set(S.lexicon_overrides()["word"]) == {"unacceptable", "capitulator"}
    finally:
        S.reset_lexicons()
    assert S.score_text(text)["textblob_polarity"] == 0.0 and S.score_text(text)["vader_compound"] == base_vader
    assert S.lexicon_overrides().empty
    assert _installed_hashes() == before


def test_override_changes_a_known_word_and_the_context_manager_restores_it():
    base = S.score_text("A good plan.")["vader_compound"]
    with S.lexicon_override("vader", {"good": -3}):
        assert S.score_text("A good plan.")["vader_compound"] < 0
    assert S.score_text("A good plan.")["vader_compound"] == base


def test_override_refuses_bad_values_naming_the_entry():
    with pytest.raises(InputError, match="'unacceptable'.*'very bad'.*not a number"):
        S.override_lexicon("vader", {"unacceptable": "very bad"})
    with pytest.raises(InputError, match="'awful'.*outside"):
        S.override_lexicon("textblob", {"awful": -3})
    with pytest.raises(InputError, match="'nice'"):
        S.override_lexicon("vader", {"nice": None})
    with pytest.raises(ValueError, match="textblob, vader"):
        S.override_lexicon("afinn", {"x": 1})
    assert S.lexicon_overrides().empty


def test_sentiment_of_actor_clauses():
    text = "Title\n\nBrazil praised the excellent deal, but Chile condemned the terrible attack."
    doc = analysis.annotate(analysis.from_text(text))
    # the clause rule on its own, with hand-picked mention offsets
    body = doc.paragraphs.iloc[0]
    s = doc.sentences.iloc[0]
    b = text.index("Brazil")
    c = text.index("Chile")
    assert text[slice(*S._clause(text, b, b + 6, s.start, s.end))] == "Brazil praised the excellent deal"
    assert text[slice(*S._clause(text, c, c + 5, s.start, s.end))] == "but Chile condemned the terrible attack"
    assert body.para_id == 1
    table = S.actor_sentiment(doc)
    if len(table):
        assert (table.apply(lambda r: doc.text[r.start:r.end] == r.text, axis=1)).all()


def test_actor_sentiment_reads_the_clause_layer():
    # a passive: the one criticised is its subject, the critic its agent; both score that clause
    doc = analysis.annotate(analysis.from_text("Title\n\nPeter Lind was criticised by Amnesty International."))
    table = S.actor_sentiment(doc).set_index("mention")
    clause = doc.clauses.set_index("clause_id").loc[int(table.loc["Amnesty International", "clause_id"])]
    assert clause.voice == "passive" and clause.agent == "Amnesty International"
    assert table.loc["Amnesty International", "role"] == "agent"
    assert table.loc["Peter Lind", "role"] == "subject"
    assert table.loc["Peter Lind", "text"] == "Peter Lind was criticised by Amnesty International"
    # the head of a phrase takes its role; a name after "of" in it does not
    doc = analysis.annotate(analysis.from_text(
        "Title\n\nRussian President Vladimir Putin told Joe Biden that Moscow would not agree."))
    roles = dict(zip(S.actor_sentiment(doc)["mention"], S.actor_sentiment(doc)["role"]))
    assert roles["Vladimir Putin"] == "subject" and roles["Joe Biden"] == "object" and roles["Moscow"] == "subject"
    assert roles["Russian"] == "other"
    doc = analysis.annotate(analysis.from_text("Title\n\nThe treaty was signed by Chile and Peru in May."))
    assert set(S.actor_sentiment(doc)["role"]) == {"agent"}     # both conjuncts head the agent
    table = S.actor_sentiment(doc)
    assert (table.apply(lambda r: doc.text[r.start:r.end] == r.text, axis=1)).all()
    assert table["clause_id"].dtype == "Int64"
    summary = S.actor_sentiment_summary(doc)
    assert summary["as_agent"].tolist() == [1, 1] and summary["as_subject"].sum() == 0


def test_actor_sentiment_without_a_clause_falls_back_to_the_word_window():
    # a fronted phrase lies before the subject: no clause holds "Geneva"
    text = "Title\n\nAt the talks in Geneva, Chile praised the excellent deal."
    doc = analysis.annotate(analysis.from_text(text))
    table = S.actor_sentiment(doc).set_index("mention")
    assert pd.isna(table.loc["Geneva", "clause_id"]) and table.loc["Geneva", "role"] == "other"
    assert table.loc["Chile", "role"] == "subject" and table.loc["Chile", "text"] == "Chile praised the excellent deal"


def test_stand_ins_leave_textblob_assessments_unchanged():
    words = ("it 's not a very good plan ! ( ! ) (!) :) :-( <3 2021 u.s. ' '' ''' x 's really not "
             "bad , never so 12 .. -- hello wonderful !").split()
    an = S._textblob()
    mapped = S._stand_ins_for(words, an)
    assert len(mapped) <= len(words)
    assert an(mapped) == an(words)
    assert an(mapped).assessments == an(words).assessments
    with S.lexicon_override("textblob", {"qqq": 0.5}):
        an2 = S._textblob()
        assert "qqq" not in S._stand_ins_for(["2021", "plan"], an2)
        assert an2(S._stand_ins_for(words, an2)).assessments == an2(words).assessments


def test_stand_ins_on_random_word_sequences():
    import random

    vocab = ("not never no n't very really good bad terrible quite ! (!) :) :-( <3 x 's ' '' ''' ab "
             "plan 2021 u.s. , . -- hello wonderful extremely is a the").split()
    rng = random.Random(7)
    an = S._textblob()
    for _ in range(3000):
        words = [rng.choice(vocab) for _ in range(rng.randint(1, 14))]
        assert an(S._stand_ins_for(words, an)).assessments == an(words).assessments, words


def test_joined_valences_equal_the_valences_of_the_whole_list():
    import random

    from vaderSentiment.vaderSentiment import allcap_differential

    vocab = ("no not never very VERY good GOOD bad kind of the least at without doubt so this "
             "sort extremely ok plan but nor or great HORRIBLE is a yeah right").split()
    rng = random.Random(11)
    an = S._vader()
    for _ in range(1500):
        parts = [[rng.choice(vocab) for _ in range(rng.randint(1, 8))] for _ in range(rng.randint(1, 4))]
        whole = [w for p in parts for w in p]
        cap = allcap_differential(whole)
        own = [(p, S._valences(an, p, allcap_differential(p)), allcap_differential(p)) for p in parts]
        assert S._joined_valences(an, whole, cap, own) == S._valences(an, whole, cap), parts


# words and marks where the libraries look across whitespace or carry a state from one word to
# the next: emoticons and "(!)" written with spaces, "!" after a scored word, a negation or a
# modifier at the end of a sentence, "n't", "but", capitals, curly quotes
_TRICKY = ["Good", "good", "plan", "!", "!!", "not", "very", "really", "bad", "isn't", "don’t", "(!)", "( !", ")", ":",
           ": )", "(8)", "8", ":-", ".", "x", "D", "never", "so", "happy", "but", "BUT", "BAD", "ok", "—", '"', "“great”",
           "3", "<", "kind", "of", "no", "without", "doubt", "least", "at", "well", "badly", "U.S.", "Mr.", ";)", "xD",
           "...", "(", "-", "'s", "terribly", "nice", "wrong", "'", "o", "O", ":(", "=", "truly", "not."]


def _tricky_article(rng) -> str:
    paras = []
    for _ in range(rng.randint(2, 5)):
        sents = []
        for _ in range(rng.randint(1, 4)):
            words = [rng.choice(_TRICKY) for _ in range(rng.randint(1, 9))]
            sents.append(" ".join(words) + rng.choice([".", "!", "?", " !", ". ", ""]))
        paras.append(rng.choice([" ", "  ", "\n"]).join(sents))
    return "Title\n\n" + "\n\n".join(paras) + "\n"


def test_every_level_equals_the_libraries_on_tricky_text():
    import random

    rng = random.Random(7)
    for _ in range(60):
        doc = analysis.annotate(analysis.from_text(_tricky_article(rng)))
        for row in S.sentiment(doc).itertuples():
            assert (row.textblob_polarity, row.textblob_subjectivity, row.vader_compound, row.vader_pos,
                    row.vader_neu, row.vader_neg) == _library(row.text), (row.level, row.text)
            assert row.textblob_polarity_negfix == TextBlob(S._negfix(row.text)).sentiment.polarity, (row.level, row.text)


_CHUNK_EXAMPLES = ("(“Don't”),", "U.S....", "Mr.", "e.g.,", "isn't.", "'90s", "“Yes!”", "(!)", ":-)", "<3", "end...\"",
                   "$4.5bn;", "--", "...", "'", "’s", "rock'n'roll", "Sen.)", "(D-Nev.)", "x.)", "can't?!", "[sic]", "co-op’s")


def test_chunks_are_cut_as_textblob_cuts_them():
    from textblob._text import find_tokens

    for chunk in _CHUNK_EXAMPLES:
        for negfix in (False, True):
            S._chunks.clear()
            lower, joined, risky, _ = S._chunk_words(chunk, negfix, find_tokens)
            words = " ".join(find_tokens(S._negfix(chunk) if negfix else chunk)).split()
            assert (list(lower), joined, risky) == ([w.lower() for w in words], " ".join(words), S._joins(" ".join(words))), chunk


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aBx1.,;:!?()[]{}`'\"@#$^&*+-|=~_“”‘’…D<3ntos ", min_size=1, max_size=10))
def test_find_tokens_words_is_textblobs_cut(chunk):
    from textblob._text import find_tokens

    words = S._find_tokens_words(chunk)
    if words is not None and not S._joins(" ".join(words)):
        assert words == " ".join(find_tokens(chunk)).split()


def test_plain_chunks_are_cut_as_textblob_cuts_them():
    from textblob._text import find_tokens

    for chunk in ("budget", "2016", "Élan", "xD", "BoxD,", "Straße,", "½", "mayor,", "mayor,,", "mayor.", "Mr.", "etc.", "U.", "Gov.", "Dr.", "Blvd.", "2016.", "x.", "Inc.", "don't"):
        S._chunks.clear()
        lower, joined, _, _ = S._chunk_words(chunk, False, find_tokens)
        words = " ".join(find_tokens(chunk)).split()
        assert list(lower) == [w.lower() for w in words] and joined == " ".join(words)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,!“”’é") + ["😀", "👍", "♥", "☺", "\u2764", "\ufe0f", "🇺", "✓", "→"]), max_size=14))
def test_emoji_test_is_vaders(text):
    emojis = S._vader().emojis
    assert S._no_emoji(emojis)(text) == emojis.keys().isdisjoint(text)
