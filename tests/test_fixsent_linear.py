"""The linear rewrites in sentiment are exactly the libraries' behaviour, and they scale.

* ``sentiment._but_check`` against VADER's own ``SentimentIntensityAnalyzer._but_check`` on
  hypothesis-generated and seeded-random word/valence lists, built so that equal values (and
  values that become equal after halving or ×1.5) are common: that is where the library's
  ``sentiments.index(value)`` quirk changes a different position than the one it reads.
* ``polarity_scores`` of long texts with "but" against ``score_text``.
* ``sentiment._CLAUSE_BREAK`` (actor sentiment's fallback outside the clause layer) finds the
  same breaks as the earlier (quadratic) pattern on ordinary sentences.
"""

from __future__ import annotations

import random
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import sentiment as S

VADER = SentimentIntensityAnalyzer()
LIBRARY_BUT_CHECK = SentimentIntensityAnalyzer._but_check

# values that collide: x, x/2, x*1.5, x/4 ... and ints equal to floats (2 == 2.0), signed zeros
VALUES = [0, 0.0, -0.0, 1, 1.0, 2, 2.0, 0.5, 0.25, 1.5, 3, 3.0, 4, 0.75, 2.25, 4.5, -1, -2, -0.5, -1.5, -3, -4,
          1.9, 0.95, 2.85, -2.7, 3.1, 1.55]
WORDS = ["but", "BUT", "But", "good", "bad", "the", "not", "but!", ":)", "very"]


def _same(a: list, b: list) -> bool:
    """Equal values and types position by position (0 vs 0.0 would score the same, but be strict)."""
    return len(a) == len(b) and all(x == y and type(x) is type(y) for x, y in zip(a, b))


def _check(words: list, values: list) -> None:
    expected = LIBRARY_BUT_CHECK(list(words), list(values))
    ours_in = list(values)
    ours = S._but_check(list(words), ours_in)
    assert _same(ours, expected), (words, values, ours, expected)
    assert ours is ours_in  # in place, like the library


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(VALUES)), min_size=0, max_size=40))
def test_but_check_equals_the_library_hypothesis(pairs):
    words = [w for w, _ in pairs]
    values = [v for _, v in pairs]
    _check(words, values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(min_value=-4, max_value=4, allow_nan=False, width=16), min_size=1, max_size=30),
       st.integers(min_value=0, max_value=29))
def test_but_check_equals_the_library_any_float(values, at):
    words = ["w"] * len(values)
    words[min(at, len(words) - 1)] = "but"
    _check(words, values)


def test_but_check_equals_the_library_random_lists():
    rng = random.Random(9)
    for _ in range(3000):
        n = rng.randint(0, 60)
        pool = rng.sample(VALUES, rng.randint(1, 6))  # few distinct values -> many collisions
        values = [rng.choice(pool) for _ in range(n)]
        words = [rng.choice(["x", "y", "good"]) for _ in range(n)]
        for _ in range(rng.randint(0, 3)):
            if n:
                words[rng.randrange(n)] = rng.choice(["but", "But", "BUT"])
        _check(words, values)


def test_but_check_known_quirk():
    # step 1 reads the 2 at position 1, but index(2) finds position 0 (4 already halved to 2.0)
    assert _same(S._but_check(["a", "b", "but", "c"], [4, 2, 0, -2]), [1.0, 2, 0, -3.0])
    assert LIBRARY_BUT_CHECK(["a", "b", "but", "c"], [4, 2, 0, -2]) == [1.0, 2, 0, -3.0]


def test_long_texts_with_but_score_like_polarity_scores():
    rng = random.Random(4)
    vocab = ["good", "bad", "great", "terrible", "but", "not", "very", "the", "talks", "failed", "hope",
             "peace", "war", "kind", "of", "no", "never", "SO", "happy", "sad", "!", "and", "least"]
    for n in (5, 50, 400, 3000):
        for _ in range(5):
            text = " ".join(rng.choice(vocab) for _ in range(n))
            vd = VADER.polarity_scores(text)
            ours = S.score_text(text)
            assert (ours["vader_compound"], ours["vader_pos"], ours["vader_neu"], ours["vader_neg"]) == \
                (vd["compound"], vd["pos"], vd["neu"], vd["neg"])


def test_but_check_is_not_quadratic():
    n = 200_000
    words = ["good"] * n
    words[n // 2] = "but"
    values = [float(k % 7) for k in range(n)]  # many distinct positions per value
    t0 = time.perf_counter()
    S._but_check(words, values)
    assert time.perf_counter() - t0 < 2.0  # the library's loop needs minutes here


# --------------------------------------------------------------------------------------------
# clause breaks: same matches as the earlier patterns, linear on long runs of whitespace

OLD_SENTIMENT = re.compile(r"[;:–—()\[\]\"“”]|,\s+(?=(?:but|while|whereas|although|though|because|since|as|which|who"
                           r"|whom|whose|and|so|yet)\b)|\s+(?=(?:but|while|whereas|although|though|because|since)\b)",
                           re.I)

SENTENCES = [
    "The minister said the talks were useful, but the opposition called them a failure.",
    "Officials met in the capital; they agreed on a plan — though not on its cost.",
    "The council (which met on Monday) approved it, and the mayor, who was absent, objected.",
    "He stayed  because   the vote was close, while others left.",
    "The deal was signed in May, although it was criticised, and they said it would fail.",
    "“We will not yield,” she said: the union, whose members struck, refused whereas the firm agreed.",
    "Prices rose - sharply – and  since then the bank, as expected, held rates, so markets fell, yet rallied.",
    "A\tbut B\nbut C, \t and the D,\nand he E",
    "Butter, butane and buttons were listed, but the ledger was lost.",
]


@pytest.mark.parametrize("old, new", [(OLD_SENTIMENT, S._CLAUSE_BREAK)], ids=["sentiment"])
def test_clause_break_finds_the_same_breaks(old, new):
    rng = random.Random(2)
    texts = list(SENTENCES)
    pieces = [" ", "  ", "\t", ",", ", ", ",  ", "but", "and", "the", "which", "-", "—", ";", "x", "“", "he", "as"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text


@pytest.mark.parametrize("pattern", [S._CLAUSE_BREAK], ids=["sentiment"])
def test_clause_break_is_linear_on_whitespace(pattern):
    for unit in (" ", "\t", " \n", ", "):
        text = unit * (200_000 // len(unit)) + "x"
        t0 = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        assert time.perf_counter() - t0 < 1.0, repr(unit)


# --------------------------------------------------------------------------------------------
# stance: mention and quote look-ups by bisection give what the plain scans gave


def _scan_in_span(m, start, end):
    for ms, me, aid, name, kind in m:
        if ms >= start and me <= end and isinstance(name, str) and name:
            return aid, name, kind
    return None


def _scan_quote_at(q, pos):
    for qs, qe, sid, spk in q:
        if qs <= pos < qe:
            return sid, spk
    return None


def _actors(mentions, quotes):
    import pandas as pd

    from analysis.stance.actor_links import _Actors

    doc = type("D", (), {})()
    doc.mentions = pd.DataFrame(mentions, columns=["start", "end", "actor_id", "actor", "actor_type"])
    doc.quotes = pd.DataFrame(quotes, columns=["start", "end", "speaker_id", "speaker"])
    return _Actors(doc)


@pytest.mark.parametrize("table_order", ["by_start", "shuffled"])
def test_stance_lookups_equal_the_plain_scans(table_order):
    rng = random.Random(11)
    for _ in range(300):
        mentions = []
        for k in range(rng.randint(0, 40)):
            s = rng.randint(0, 200)
            name = rng.choice(["A", "B", "", None, float("nan")])
            mentions.append((s, s + rng.randint(0, 15), f"a{k}", name, rng.choice(["person", "org", None])))
        mentions.sort(key=lambda r: r[0])
        if table_order == "shuffled":
            rng.shuffle(mentions)
        quotes, pos = [], 0
        for k in range(rng.randint(0, 8)):
            pos += rng.randint(0, 30)
            end = pos + rng.randint(0, 25)
            quotes.append((pos, end, f"s{k}", f"Speaker {k}"))
            pos = end
        if table_order == "shuffled":
            rng.shuffle(quotes)  # falls back to the scan when out of order
        actors = _actors(mentions, quotes)
        for _ in range(40):
            a = rng.randint(0, 210)
            b = a + rng.randint(0, 40)
            assert actors.in_span(a, b) == _scan_in_span(actors.m, a, b), (mentions, a, b)
            assert actors.quote_at(a) == _scan_quote_at(actors.q, a), (quotes, a)


def test_stance_lookups_on_the_seed(seed_doc):
    from analysis.stance.actor_links import _Actors

    actors = _Actors(seed_doc)
    assert actors._m_in_table_order and actors._q_bisect  # the real layers give start order
    n = len(seed_doc.text)
    for a in range(0, n, 7):
        for width in (0, 5, 30, 120):
            assert actors.in_span(a, a + width) == _scan_in_span(actors.m, a, a + width)
        assert actors.quote_at(a) == _scan_quote_at(actors.q, a)
