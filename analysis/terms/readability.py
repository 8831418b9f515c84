"""Syllables and readability (Flesch reading ease, Flesch–Kincaid grade)."""

from __future__ import annotations

import re

import numpy as np

from ..segment import fold
from ._common import _HAS_LETTER
from .prepare import _prep

# --------------------------------------------------------------------------------------------
# readability and the summary card

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# vowel pairs that are usually two syllables: me-di-a, ra-di-o, se-ri-ous, ac-tu-al, po-et,
# sta-di-um, con-tin-u-ous (not so-cial, na-tion, re-gion, u-nion, qual-i-ty, lan-guage, does)
# (and as-so-ci-ate, ne-go-ti-ate, be-yond, may-or, co-op-er-ate, be-ing, go-ing)
_SPLIT_PAIRS = re.compile(r"[^cgst]ia|[cst]ia(?=t)|[^cgstnl]io|(?<![qg])ua|oe(?!s?$)|iu|(?<!q)uo|[aeiou]y[aeiou]"
                          r"|^coo(?=[pr])|[aeiouy]i(?=ng$)")
_SILENT_E = re.compile(r"[^aeiouy]e$")  # stat-e, mak-e
_SPOKEN_LE = re.compile(r"[^aeiouy]le$")  # ta-ble, peo-ple
_SILENT_E_SUFFIX = re.compile(r"[aeiouy][^aeiouy]+e(?:ments?|ly|ful|ness|less)$")  # state-ment, late-ly
_SILENT_ES_ED = re.compile(r"[^aeiouy]e[sd]$")  # states, formed
_SPOKEN_ES = re.compile(r"(?:[sxzcg]|[^aeiouy]l)es$")  # box-es, chang-es, pla-ces, ta-bles, church-es
_SPOKEN_ED = re.compile(r"(?:[td]|[^aeiouy]l)ed$")  # want-ed, need-ed, set-tled


def count_syllables(word: str) -> int:
    """Estimate the number of syllables of an English word (rules, no dictionary).

    Counts groups of vowels (``y`` included), adds one for vowel pairs that are usually two
    syllables (*media*, *radio*, *actual*) and for *-ism*, and takes one off for a silent
    ``e``: final (*state*, but not *table*), before a suffix (*statement*, *lately*) and in
    ``-es``/``-ed`` endings (*states*, *formed*, but not *boxes*, *changes*, *wanted*).
    Non-letters are ignored; a word with letters has at least one syllable, one without none.
    About nine words in ten of a news text get the dictionary count (see the tests).

    >>> [count_syllables(w) for w in ("state", "statement", "table", "wanted", "media", "organization")]
    [1, 2, 2, 2, 3, 5]
    """
    w = re.sub(r"[^a-z]", "", fold(word).lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    n = len(_VOWEL_GROUPS.findall(w)) + len(_SPLIT_PAIRS.findall(w))
    if w.endswith("sm"):
        n += 1  # terror-ism
    if _SILENT_E.search(w):
        if not _SPOKEN_LE.search(w):
            n -= 1
    elif _SILENT_E_SUFFIX.search(w):
        n -= 1
    elif _SILENT_ES_ED.search(w) and not (_SPOKEN_ES.search(w) or _SPOKEN_ED.search(w)):
        n -= 1
    return max(n, 1)


def _is_reading_word(word: str) -> bool:
    return word[:1] != "'" and word != "n't" and _HAS_LETTER.search(word) is not None


def readability(doc) -> dict:
    """Flesch reading ease and Flesch–Kincaid grade of the article's body.

    ``reading_ease = 206.835 − 1.015 × words/sentences − 84.6 × syllables/words`` (0–100:
    higher is easier; 60–70 plain English, below 30 very difficult) and
    ``grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59`` (US school grade).
    Words are tokens with a letter (numbers, punctuation and clitics such as ``'s`` excluded);
    syllables come from :func:`count_syllables`.

    Returns:
        a dict with ``words, sentences, syllables, reading_ease, grade``.

    >>> readability(analysis.annotate(analysis.from_text("T\\n\\nThe cat sat on the mat.")))["reading_ease"]
    116.15
    """
    prep = _prep(doc)
    hit = prep.cache.get("readability")
    if hit is not None:
        return dict(hit)
    n_sent = len(doc.sentences)
    codes, vocab = prep.codes("lower")
    syllables = np.array([_syllables_if_reading_word(w) for w in vocab], dtype=np.int64)
    count = np.bincount(codes, minlength=len(vocab))
    reading = syllables >= 0
    n_words, syl = int(count[reading].sum()), int((count * syllables)[reading].sum())
    if not n_words or not n_sent:
        out = {"words": n_words, "sentences": n_sent, "syllables": syl, "reading_ease": float("nan"), "grade": float("nan")}
    else:
        wps, spw = n_words / n_sent, syl / n_words
        out = {"words": n_words, "sentences": n_sent, "syllables": syl,
               "reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 2),
               "grade": round(0.39 * wps + 11.8 * spw - 15.59, 2)}
    prep.cache["readability"] = out
    return dict(out)


_SYLLABLES: dict[str, int] = {}


def _syllables_if_reading_word(word: str) -> int:
    """:func:`count_syllables` of a word that counts for readability, -1 for one that does not
    (cached: a news article repeats most of its words)."""
    n = _SYLLABLES.get(word)
    if n is None:
        if len(_SYLLABLES) > 200_000:
            _SYLLABLES.clear()
        n = _SYLLABLES[word] = count_syllables(word) if _is_reading_word(word) else -1
    return n
