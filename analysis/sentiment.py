"""Sentiment per sentence, paragraph and article with TextBlob and VADER side by side.

Two lexicon-based scorers, each exactly as its library computes it:

* **TextBlob** (the pattern library's ``PatternAnalyzer``, lexicon ``en-sentiment.xml`` shipped
  inside textblob; nothing is downloaded): *polarity* from -1 to 1 is the mean of the polarity
  of the adjectives/adverbs it knows; *subjectivity* from 0 to 1 is the mean of their
  subjectivity.
* **VADER** (the ``vaderSentiment`` package, lexicon shipped inside it): *compound* from -1 to 1
  is the normalised sum of word valences (-4..4) after negation, boosters, "but" and
  punctuation; *pos*, *neu*, *neg* are the shares of positive, neutral and negative words.

Every number in :func:`sentiment` is what the library returns for the row's text
(``doc.text[start:end]``). :func:`explain` lists the words that moved each score.
:func:`override_lexicon` changes a word's valence for this Python session only (the installed
lexicon files are never written) and :func:`reset_lexicons` undoes it.

TextBlob's tokenizer cuts ``isn't`` into ``is n ' t`` and so loses the negation: *"isn't a bad
idea"* scores like *"is a bad idea"*. The column ``textblob_polarity_negfix`` gives TextBlob's
polarity after rewriting ``n't`` as ``not`` (it differs from ``textblob_polarity`` only for
texts that contain ``n't``).

>>> import analysis
>>> doc = analysis.annotate(analysis.SEED)
>>> table = sentiment(doc)
>>> table.columns[:4].tolist()
['level', 'para_id', 'sent_id', 'start']
"""

from __future__ import annotations

import copy
import math
import re
import types
import weakref
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain

import pandas as pd

from ._clauses import ClauseBreaks
from ._frames import column_values, frame_from_columns, nullable_ints
from .errors import InputError

LEXICONS = ("textblob", "vader")
LEVELS = ("article", "paragraph", "sentence")
COLUMNS = ["level", "para_id", "sent_id", "start", "end", "text", "textblob_polarity", "textblob_subjectivity",
           "textblob_polarity_negfix", "vader_compound", "vader_pos", "vader_neu", "vader_neg"]
EXPLAIN_COLUMNS = ["level", "para_id", "sent_id", "lexicon", "start", "end", "text", "words", "score",
                   "subjectivity", "lexicon_score", "negated", "modified"]
ACTOR_COLUMNS = ["mention_id", "para_id", "sent_id", "actor_id", "actor", "actor_type", "mention",
                 "start", "end", "text", "textblob_polarity", "vader_compound", "clause_id", "role"]
_chain = chain.from_iterable  # the word lists of parts one after the other
_RANGES = {"textblob": (-1.0, 1.0), "vader": (-4.0, 4.0)}
_NT = re.compile(r"n['’]t\b", re.I)

# user overrides: word -> (polarity, subjectivity) for TextBlob, word -> valence for VADER
_overrides: dict[str, dict] = {"textblob": {}, "vader": {}}
_analyzers: dict[str, object] = {}
_explained: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


# --------------------------------------------------------------------------------------------
# the two analyzers (the libraries' own objects, or copies carrying the user's overrides)


@lru_cache(maxsize=1)
def _base_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _base_textblob():
    from textblob.en import sentiment as pattern_sentiment

    len(pattern_sentiment)  # load the lexicon now
    return pattern_sentiment


def _loaded_copy(base):
    """A copy of TextBlob's lexicon object whose lookups are plain ``dict`` lookups.

    The library's lexicon is a ``lazydict``: every ``word in lexicon`` and ``lexicon[word]`` goes
    through a Python-level check that loads the file on first use, even once it is loaded. The
    copy holds the same entries and runs the library's own ``assessments`` and ``__call__``, only
    without that check (a third of TextBlob's scoring time). The library's object stays untouched.
    """
    cls = type(base)
    fast = type("Loaded" + cls.__name__, (cls,), {"__contains__": dict.__contains__, "__getitem__": dict.__getitem__,
                                                  "get": dict.get, "__len__": dict.__len__, "__iter__": dict.__iter__,
                                                  "keys": dict.keys, "items": dict.items, "values": dict.values})
    inst = fast.__new__(fast)
    # copy.copy would carry over methods bound to the original by textblob's lazydict
    inst.__dict__.update({k: v for k, v in base.__dict__.items()
                          if not (isinstance(v, types.MethodType) and v.__self__ is base)})
    dict.update(inst, dict.items(base))
    return inst


def _textblob():
    if "textblob" not in _analyzers:
        inst = _loaded_copy(_base_textblob())
        for word, (pol, subj) in _overrides["textblob"].items():
            old = dict.get(inst, word) or {}
            entry = {pos: (pol, subj, vals[2]) for pos, vals in old.items()}
            entry[None] = (pol, subj, old.get(None, (0, 0, 1.0))[2])
            dict.__setitem__(inst, word, entry)
        _analyzers["textblob"] = inst
    return _analyzers["textblob"]


def _vader():
    if "vader" not in _analyzers:
        base = _base_vader()
        if not _overrides["vader"]:
            _analyzers["vader"] = base
        else:
            inst = copy.copy(base)
            inst.lexicon = {**base.lexicon, **_overrides["vader"]}
            _analyzers["vader"] = inst
    return _analyzers["vader"]


# --------------------------------------------------------------------------------------------
# editable lexicons


def _number(lexicon: str, word, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(f"lexicon override {word!r}: valence {value!r} is not a number; "
                         f"give a number from {_RANGES[lexicon][0]:g} to {_RANGES[lexicon][1]:g}")
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"lexicon override {word!r}: valence {value!r} is not a number; "
                         f"give a number from {_RANGES[lexicon][0]:g} to {_RANGES[lexicon][1]:g}") from None
    low, high = _RANGES[lexicon]
    if not (low <= number <= high) or math.isnan(number):
        raise InputError(f"lexicon override {word!r}: valence {number:g} is outside the {lexicon} range {low:g} to {high:g}")
    return number


def override_lexicon(lexicon: str, entries: dict) -> None:
    """Add or change word valences in one lexicon for this Python session.

    Nothing is written to the installed lexicon files: the analyzer used from now on is a copy
    with your entries. Tables computed afterwards use it (call :func:`sentiment` again, or
    annotate the article again, to refresh ``doc.sentiment``); :func:`reset_lexicons` undoes it.

    Args:
        lexicon: ``"textblob"`` (polarity -1..1, or a ``(polarity, subjectivity)`` pair with
            subjectivity 0..1) or ``"vader"`` (valence -4..4).
        entries: ``{word: valence}``; words are matched lower-cased.

    Raises:
        InputError: a non-numeric or out-of-range valence (the message names the entry).

    >>> override_lexicon("vader", {"unacceptable": -2.5})
    >>> reset_lexicons()
    """
    if lexicon not in LEXICONS:
        raise ValueError(f"unknown lexicon {lexicon!r}; choose from {', '.join(LEXICONS)}")
    if not isinstance(entries, dict):
        raise InputError(f"lexicon entries must be a dict {{word: valence}}, not {type(entries).__name__}")
    checked = {}
    for word, value in entries.items():
        if not isinstance(word, str) or not word.strip() or len(word.split()) != 1:
            raise InputError(f"lexicon override {word!r}: a word must be one non-empty word")
        key = word.strip().lower()
        if lexicon == "textblob":
            if isinstance(value, (tuple, list)):
                if len(value) != 2:
                    raise InputError(f"lexicon override {word!r}: give polarity or (polarity, subjectivity), not {value!r}")
                pol = _number("textblob", word, value[0])
                subj = _number("textblob", word, value[1])
                if subj < 0:
                    raise InputError(f"lexicon override {word!r}: subjectivity {subj:g} is outside 0 to 1")
            else:
                pol, subj = _number("textblob", word, value), 1.0
            checked[key] = (pol, subj)
        else:
            checked[key] = _number("vader", word, value)
    _overrides[lexicon].update(checked)
    _analyzers.pop(lexicon, None)


def reset_lexicons(lexicon: str | None = None) -> None:
    """Forget the overrides of one lexicon (``"textblob"`` or ``"vader"``) or of both."""
    if lexicon is not None and lexicon not in LEXICONS:
        raise ValueError(f"unknown lexicon {lexicon!r}; choose from {', '.join(LEXICONS)}")
    for name in [lexicon] if lexicon else LEXICONS:
        _overrides[name].clear()
        _analyzers.pop(name, None)


def lexicon_overrides() -> pd.DataFrame:
    """The overrides in force: ``lexicon, word, valence, subjectivity``."""
    rows = [{"lexicon": "textblob", "word": w, "valence": p, "subjectivity": s} for w, (p, s) in _overrides["textblob"].items()]
    rows += [{"lexicon": "vader", "word": w, "valence": v, "subjectivity": None} for w, v in _overrides["vader"].items()]
    return pd.DataFrame(rows, columns=["lexicon", "word", "valence", "subjectivity"])


@contextmanager
def lexicon_override(lexicon: str, entries: dict):
    """``with lexicon_override("vader", {"concerned": -1.5}): ...`` — overrides for one block only.

    >>> with lexicon_override("textblob", {"unacceptable": -0.8}):
    ...     round(score_text("It is unacceptable.")["textblob_polarity"], 2)
    -0.8
    """
    saved = copy.deepcopy(_overrides[lexicon]) if lexicon in LEXICONS else None
    override_lexicon(lexicon, entries)
    try:
        yield
    finally:
        _overrides[lexicon].clear()
        _overrides[lexicon].update(saved)
        _analyzers.pop(lexicon, None)


def lexicon_value(word: str) -> dict:
    """What each lexicon says about ``word`` now (None when the word is not in it)."""
    key = word.strip().lower()
    tb = dict.get(_textblob(), key)
    return {"word": key,
            "textblob": tuple(tb[None][:2]) if tb and None in tb else None,
            "vader": _vader().lexicon.get(key)}


# --------------------------------------------------------------------------------------------
# scoring one span


def _vader_scores(text: str):
    """VADER's ``polarity_scores`` step by step: (scores, words, per-word valences)."""
    from vaderSentiment.vaderSentiment import SentiText

    an = _vader()
    if not an.emojis.keys().isdisjoint(text):
        no_emoji, prev_space = "", True
        for ch in text:
            if ch in an.emojis:
                if not prev_space:
                    no_emoji += " "
                no_emoji += an.emojis[ch]
                prev_space = False
            else:
                no_emoji += ch
                prev_space = ch == " "
        text = no_emoji
    text = text.strip()
    senti = SentiText(text)
    words = senti.words_and_emoticons
    sentiments = _valences(an, words, senti.is_cap_diff)
    sentiments = _but_check(words, sentiments)
    return an.score_valence(sentiments, text), words, sentiments


def _but_check(words: list, sentiments: list, maybe: bool | None = None, low: list | None = None) -> list:
    """VADER's ``_but_check`` in O(n log n) instead of O(n²), with the same result.

    The library halves the valences before the first "but" and multiplies those after it by
    1.5, but it finds the position to change with ``sentiments.index(value)`` inside its loop
    over ``sentiments`` — the *first* position currently holding an equal value, which is not
    always the position being read. Example: valences ``[4, 2, but, 0]`` → step 0 turns 4 into
    2 at position 0; step 1 reads the 2 at position 1, but ``index(2)`` finds position 0 and
    halves it again, giving ``[1.0, 2, ...]``. This function reproduces that exactly:

    * at step ``k`` the value read is the original ``sentiments[k]`` (an earlier step only
      changes a position at or before its own, since ``index`` finds one there at the latest);
    * the position changed is the smallest position ``j <= k`` whose current value equals it,
      kept per value in a heap of positions, so each step costs O(log n).

    * a zero valence (most words) can only ever find the first zero, and no other value
      becomes zero or stops being zero, so the zeros are one change: the first zero takes the
      last zero's value times its factor; only the other values go through the heaps.

    The input list is changed in place and returned, as the library does. ``maybe=False``
    says that the lower-cased joined words hold no "but" (known from the parts of a span);
    ``low``: the words lower-cased, when the caller has them.

    >>> _but_check(["great", "so", "but", "bad"], [4, 2, 0, -2])
    [1.0, 2, 0, -3.0]
    """
    import heapq

    # lower() maps character by character, so a word reading "but" leaves "but" in the joined text
    if maybe is False or (maybe is None and "but" not in " ".join(map(str, words)).lower()):
        return sentiments
    if low is None:
        low = [str(w).lower() for w in words]
    if "but" not in low:
        return sentiments
    # NaN: list.index matches it only by identity; a value so small that halving it gives 0:
    # keep the library's code
    if any(v != v or (v and -1e-300 < v < 1e-300) for v in sentiments):
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        return SentimentIntensityAnalyzer._but_check(words, sentiments)
    bi = low.index("but")
    where: dict = {}  # value -> heap of the positions (among those read so far) holding it now
    first_zero = last_zero = -1
    for k in range(len(sentiments)):
        value = sentiments[k]
        if value == 0:
            if first_zero < 0:
                first_zero = k
            last_zero = k
            continue
        heap = where.setdefault(value, [])
        heapq.heappush(heap, k)
        j = heap[0]
        if j < bi:
            new = value * 0.5
        elif j > bi:
            new = value * 1.5
        else:
            continue
        sentiments[j] = new
        if new != value:
            heapq.heappop(heap)
            heapq.heappush(where.setdefault(new, []), j)
    if first_zero >= 0 and first_zero != bi:
        sentiments[first_zero] = sentiments[last_zero] * (0.5 if first_zero < bi else 1.5)
    return sentiments


def _valences(an, words: list, is_cap_diff: bool, only=None, low=None) -> list:
    """VADER's per-word valences, step for step as ``polarity_scores`` and ``sentiment_valence``
    compute them, but lower-casing the word list once instead of once per check (the library
    does it inside every negation and idiom check, which makes long texts quadratic). The tests
    compare the result with ``polarity_scores`` on every sentence, paragraph and article.

    ``only``: the positions to compute (the valences of those, in that order); all by default.
    The valence at ``i`` reads the words ``i-3`` to ``i+2``, whether ``i+1`` and ``i+2`` exist,
    and ``is_cap_diff`` (only when one of the words ``i-3`` to ``i`` is in capitals)."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, C_INCR, N_SCALAR, SPECIAL_CASES, scalar_inc_dec

    lexicon = an.lexicon
    if low is None:
        low = [str(w).lower() for w in words]
    n = len(words)
    order = range(n) if only is None else only
    # a word outside the lexicon has valence 0 whatever surrounds it: only the others are read
    out = [0] * len(order)
    for k, i in [(k, i) for k, i in enumerate(order) if low[i] in lexicon]:
        item = words[i]
        item_lowercase = low[i]
        if item_lowercase in BOOSTER_DICT:
            continue
        if i < n - 1 and item_lowercase == "kind" and low[i + 1] == "of":
            continue
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != n - 1 and low[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") \
                or (i > 2 and low[i - 3] == "no" and low[i - 1] in ["or", "nor"]):
            valence = lexicon[item_lowercase] * N_SCALAR
        if item.isupper() and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(0, 3):
            if i > start_i and low[i - (start_i + 1)] not in lexicon:
                sc = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and sc != 0:
                    sc = sc * 0.95
                if start_i == 2 and sc != 0:
                    sc = sc * 0.9
                valence = valence + sc
                # _negation_check
                if start_i == 0:
                    if _negation_word(low[i - 1]):
                        valence = valence * N_SCALAR
                elif start_i == 1:
                    if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
                        valence = valence * 1.25
                    elif low[i - 2] == "without" and low[i - 1] == "doubt":
                        pass
                    elif _negation_word(low[i - 2]):
                        valence = valence * N_SCALAR
                else:
                    if low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this") or \
                            (low[i - 1] == "so" or low[i - 1] == "this"):
                        valence = valence * 1.25
                    elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                        pass
                    elif _negation_word(low[i - 3]):
                        valence = valence * N_SCALAR
                    # _special_idioms_check
                    onezero = f"{low[i - 1]} {low[i]}"
                    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
                    twoone = f"{low[i - 2]} {low[i - 1]}"
                    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
                    threetwo = f"{low[i - 3]} {low[i - 2]}"
                    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                        if seq in SPECIAL_CASES:
                            valence = SPECIAL_CASES[seq]
                            break
                    if n - 1 > i:
                        zeroone = f"{low[i]} {low[i + 1]}"
                        if zeroone in SPECIAL_CASES:
                            valence = SPECIAL_CASES[zeroone]
                    if n - 1 > i + 1:
                        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
                        if zeroonetwo in SPECIAL_CASES:
                            valence = SPECIAL_CASES[zeroonetwo]
                    for n_gram in (threetwoone, threetwo, twoone):
                        if n_gram in BOOSTER_DICT:
                            valence = valence + BOOSTER_DICT[n_gram]
        # _least_check
        if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
            if low[i - 2] != "at" and low[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
            valence = valence * N_SCALAR
        out[k] = valence
    return out


@lru_cache(maxsize=50_000)
def _negation_word(word: str) -> bool:
    """VADER's ``negated([word])`` for one lower-case word (it depends on the word alone)."""
    from vaderSentiment.vaderSentiment import negated

    return bool(negated([word]))


def _negfix(text: str) -> str:
    return _NT.sub(" not", text)


def score_text(text: str) -> dict:
    """Both lexicons' scores for one piece of text (the same numbers the libraries return).

    >>> score_text("It isn't a bad idea.")["textblob_polarity"] == score_text("It is a bad idea.")["textblob_polarity"]
    True
    """
    tb = _textblob()(text)
    vd, _, _ = _vader_scores(text)
    return {"textblob_polarity": tb[0], "textblob_subjectivity": tb[1],
            "textblob_polarity_negfix": _textblob()(_negfix(text))[0] if _NT.search(text) else tb[0],
            "vader_compound": vd["compound"], "vader_pos": vd["pos"], "vader_neu": vd["neu"], "vader_neg": vd["neg"]}


@lru_cache(maxsize=20_000)
def _word_pattern(word: str):
    return re.compile(r"(?<!\w)" + re.escape(word).replace("'", "['’]") + r"(?!\w)", re.I)


def _locate(text: str, word: str, pos: int, lower: str | None = None) -> tuple[int, int] | None:
    if lower is not None and word.isalpha():
        w = word.lower()
        k = lower.find(w, pos)
        while k >= 0:
            e = k + len(w)
            if (k == 0 or not lower[k - 1].isalnum()) and (e == len(lower) or not lower[e].isalnum()):
                return k, e
            k = lower.find(w, k + 1)
        return None
    m = _word_pattern(word).search(text, pos)
    return (m.start(), m.end()) if m else None


def _explain_span(text: str, offset: int, tb, vd_words, vd_sents, base: dict) -> list[dict]:
    rows = []
    tb_lex = _textblob()
    lower = text.lower() if len(text.lower()) == len(text) else None
    pos = 0
    for words, pol, subj, _label in tb.assessments:
        head = words[-1] if words[-1] != "!" else words[0]
        hit = _locate(text, head, pos, lower)
        first = _locate(text, words[0], max(0, hit[0] - 60) if hit else pos, lower) if len(words) > 1 and words[0] not in "!" else None
        if hit:
            start = first[0] if first and first[0] <= hit[0] else hit[0]
            end = hit[1]
            pos = hit[1]
        entry = dict.get(tb_lex, head) or {}
        lex_pol = entry.get(None, (None,))[0]
        negated = any(w in ("no", "not", "n't", "never") for w in words)
        rows.append({**base, "lexicon": "textblob", "start": offset + start if hit else None,
                     "end": offset + end if hit else None, "text": text[start:end] if hit else None,
                     "words": " ".join(words), "score": pol, "subjectivity": subj, "lexicon_score": lex_pol,
                     "negated": negated, "modified": len(words) > 1})
    pos = 0
    lexicon = _vader().lexicon
    for word, val in zip(vd_words, vd_sents):
        raw = lexicon.get(word.lower())
        if raw is None and not val:
            continue
        hit = _locate(text, word, pos, lower)
        if hit:
            pos = hit[1]
        rows.append({**base, "lexicon": "vader", "start": offset + hit[0] if hit else None,
                     "end": offset + hit[1] if hit else None, "text": text[hit[0]:hit[1]] if hit else None,
                     "words": word, "score": float(val), "subjectivity": None, "lexicon_score": raw,
                     "negated": raw is not None and raw * val < 0, "modified": raw is not None and val != raw})
    return rows


_stand_ins: list = [None, {}]  # [the TextBlob analyzer the memo is for, {word: stand-in}]


def _stand_in_memo(tb_an) -> dict:
    """``{word: stand-in}`` for TextBlob's ``assessments``, for the analyzer ``tb_an``.

    ``assessments`` reads an unknown word (one not in the lexicon) only through: is it a
    negation, ``len(w.strip("'")) > 1``, ``len(w) > 2``, is it ``"!"`` or ``"(!)"``, and, when
    it is not alphabetic, is it an emoticon -- a check that lower-cases every emoticon of the
    library for each such word ("'s", "2021", "u.s."), the larger part of TextBlob's time on
    news. An unknown word that is none of the special ones can therefore be replaced by an
    alphabetic word outside the lexicon with the same two lengths: the assessments (whose
    words are lexicon words, negations, "!", "(!)" and emoticons only) and the scores are the
    same, without the emoticon loop. The memo starts empty for each new analyzer (overrides).
    """
    if _stand_ins[0] is not tb_an or len(_stand_ins[1]) > 200_000:
        from textblob._text import EMOTICONS

        keep = {e.lower() for faces in EMOTICONS.values() for e in faces}
        keep.update(tb_an.negations, ("!", "(!)"))
        memo = {w: w for w in keep}
        fill = {}
        for n in (1, 2, 3):  # an alphabetic word of n letters that the analyzer does not know
            fill[n] = next(c * n for c in "qzxjkvwy" if c * n not in tb_an and c * n not in keep)
        memo[None] = fill
        _stand_ins[:] = [tb_an, memo]
    return _stand_ins[1]


def _stand_ins_for(words: list, tb_an) -> list:
    """``words`` with each unknown word replaced by its stand-in (see :func:`_stand_in_memo`).

    A stand-in right after the three-letter stand-in is left out: that one has just cleared
    both the pending negation and the pending modifier of ``assessments``, and a stand-in read
    in that state changes nothing.

    >>> _stand_ins_for(["it", "'s", "a", "good", "plan", "!", ":)", "2021", "u.s.", "a", "not"], _textblob())
    ['qq', 'q', 'q', 'good', 'qqq', '!', ':)', 'qqq', 'not']
    """
    memo = _stand_in_memo(tb_an)
    fill = memo[None]
    fills = set(fill.values())
    long_fill = fill[3]
    out = []
    after_long = False
    for w in words:
        c = memo.get(w)
        if c is None:
            if w in tb_an:
                c = w
            else:
                stripped, long = len(w.strip("'")) > 1, len(w) > 2
                if stripped and long:
                    c = fill[3]
                elif stripped:  # two characters, no quote mark
                    c = fill[2]
                elif not long:  # at most two characters, at most one besides quote marks
                    c = fill[1]
                else:  # three or more characters, all but one quote marks: kept as it is
                    c = w
            memo[w] = c
        if c in fills:
            if after_long:
                continue
            after_long = c == long_fill
        else:
            after_long = False
        out.append(c)
    return out


def _joined_valences(an, words: list, is_cap_diff: bool, parts: list, low: list | None = None) -> list:
    """:func:`_valences` of ``words``, the word lists of ``parts`` one after the other, from the
    parts' own valences (before the "but" rule): only the positions whose window (three words
    before, two after) crosses a part's edge, and those whose capitals count differently under
    ``is_cap_diff``, are computed again.

    ``parts``: ``(words, valences, is_cap_diff)`` of each part."""
    out, redo = [], []
    pos = 0
    for p_words, p_vals, p_cap in parts:
        k = len(p_words)
        out.extend(p_vals)
        if p_cap != is_cap_diff:
            up = [w.isupper() for w in p_words]
            redo.extend(pos + i for i in range(k) if i < 3 or i >= k - 2 or any(up[max(0, i - 3):i + 1]))
        else:
            redo.extend(range(pos, pos + min(3, k)))
            redo.extend(range(pos + max(3, k - 2), pos + k))
        pos += k
    if redo:
        for i, v in zip(redo, _valences(an, words, is_cap_diff, only=redo, low=low)):
            out[i] = v
    return out


# --------------------------------------------------------------------------------------------
# the libraries' words of a span, from a memo per whitespace-separated chunk


_chunks: dict = {}  # (chunk, negfix) -> (TextBlob's words lower-cased (a tuple), its words joined, risky, first word a piece)
_vader_words: dict = {}  # whitespace-separated chunk -> VADER's word for it


@lru_cache(maxsize=1)
def _emoticon_pieces():
    """TextBlob's patterns that join tokens again after ``find_tokens`` split them (emoticons
    with optional spaces between their characters, ``( ! )``), and every run of characters
    of one of them: a token that can follow a space inside such a match is one of those runs."""
    from textblob._text import EMOTICONS, RE_EMOTICONS, RE_SARCASM

    pieces = set()
    for face in [e for faces in EMOTICONS.values() for e in faces] + ["(!)"]:
        pieces.update(face[i:j] for i in range(len(face)) for j in range(i + 1, len(face) + 1))
    return RE_EMOTICONS, RE_SARCASM, frozenset(pieces)


def _joins(joined: str) -> bool:
    """True when one of TextBlob's emoticon or ``(!)`` patterns matches in ``joined`` (tokens
    joined by spaces), i.e. where ``find_tokens`` may glue tokens together again."""
    emoticons, sarcasm, _ = _emoticon_pieces()
    return emoticons.search(joined) is not None or sarcasm.search(joined) is not None


def _abbreviation(word: str) -> bool:
    """TextBlob's test in ``find_tokens`` for a word whose final period it keeps."""
    from textblob._text import ABBREVIATIONS, RE_ABBR1, RE_ABBR2, RE_ABBR3

    return (word in ABBREVIATIONS or RE_ABBR1.match(word) is not None or RE_ABBR2.match(word) is not None
            or RE_ABBR3.match(word) is not None)


@lru_cache(maxsize=1)
def _find_tokens_settings():
    from textblob._text import ABBREVIATIONS, PUNCTUATION, RE_ABBR1, RE_ABBR2, RE_ABBR3, replacements

    punctuation = tuple(PUNCTUATION.replace(".", ""))
    return (punctuation, punctuation + (".",), list(replacements.items()), replacements, ABBREVIATIONS,
            RE_ABBR1.match, RE_ABBR2.match, RE_ABBR3.match)


def _find_tokens_words(string: str) -> list | None:
    """``" ".join(find_tokens(string)).split()`` for TextBlob's ``find_tokens`` with its default
    settings, when none of its emoticon and ``(!)`` patterns matches in the tokens joined by
    spaces (the caller checks; where one does, it calls the library). None for a string with a
    line break or the library's end-of-sentence marker in it (the library's own cut then).

    The steps are the library's: its contraction replacements (fixed strings: ``re.sub`` of
    each is ``str.replace``), spaces around quotes, the whitespace-separated pieces (what its
    ``TOKEN`` pattern finds once runs of whitespace are one space), leading and trailing
    punctuation, ellipses and final periods split off except on abbreviations. Its sentence
    grouping only joins the tokens again (dropping the end-of-sentence marker), and its two
    patterns then change nothing, since they cannot match in a sentence if they do not match
    in all the tokens joined.

    >>> _find_tokens_words("(“Don't”),"), _find_tokens_words("U.S....")
    (['(', '“', 'Do', 'n', "'", 't', '”', ')', ','], ['U.S', '...'])
    """
    if "\n" in string or "\r" in string or "END-OF-SENTENCE" in string:
        return None
    punctuation, trailing, items, replace, abbreviations, abbr1, abbr2, abbr3 = _find_tokens_settings()
    for a, b in items:
        if a in string:
            string = string.replace(a, b)
    if not string.isalnum():
        string = (string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
                  .replace("'", " ' ").replace('"', ' " '))
    tokens = []
    for t in string.split():
        tail = []
        while t.startswith(punctuation) and t not in replace:
            tokens.append(t[0])
            t = t[1:]
        while t.endswith(trailing) and t not in replace:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in abbreviations or abbr1(t) is not None or abbr2(t) is not None or abbr3(t) is not None:
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))
    return tokens


def _chunk_words(chunk: str, negfix: bool, tokenize) -> tuple:
    key = (chunk, negfix)
    hit = _chunks.get(key)
    if hit is None:
        # a chunk of letters and digits is one token, with a comma or a period after it two
        # (the period kept on an abbreviation): none has a contraction, a quote or an emoticon
        if chunk.isalnum():
            words = [chunk]
        elif chunk[-1:] == "," and chunk[:-1].isalnum():
            words = [chunk[:-1], ","]
        elif chunk[-1:] == "." and chunk[:-1].isalnum():  # the period apart unless an abbreviation
            words = [chunk] if _abbreviation(chunk) else [chunk[:-1], "."]
        else:
            string = _negfix(chunk) if negfix else chunk
            words = _find_tokens_words(string)
            if words is None or _joins(" ".join(words)):  # the library's own cut, its patterns applied
                words = " ".join(tokenize(string)).split()
        joined = " ".join(words)
        # all immutable (a tuple of strings, not a list): the collector stops tracking the entry,
        # so its full collections do not walk a memo that grows with every new chunk
        hit = (tuple([w.lower() for w in words]), joined, _joins(joined), bool(words) and words[0] in _emoticon_pieces()[2])
        if len(_chunks) > 300_000:
            _chunks.clear()
        _chunks[key] = hit
    return hit


def _textblob_words(span: str, tokenize, negfix: bool = False) -> list:
    """``[w.lower() for w in " ".join(tokenize(span)).split()]`` (of ``_negfix(span)`` with
    ``negfix``), which is what TextBlob's scorer reads, made from a memo per chunk.

    TextBlob's ``find_tokens`` cuts each whitespace-separated chunk on its own (contractions,
    quotes, leading and trailing punctuation, abbreviations), so a span's tokens are its
    chunks' tokens one after the other, with three exceptions where the library looks across
    them, each of which sends the span to the library whole: two or more line breaks in a row
    (an end-of-sentence mark), and its emoticon and ``(!)`` patterns, which glue tokens
    together again (``: )`` -> ``:)``). Those patterns are looked for in every chunk's tokens
    (once per distinct chunk), and across chunks wherever a chunk's first token could continue
    one. ``n't`` -> ``not`` never crosses whitespace either."""
    if not _chunkwise(tokenize) or ("\n" in span and "\n\n" in span.replace("\r\n", "\n")):
        return _library_words(span, tokenize, negfix)
    out: list = []
    joined, check = [], False
    memo = _chunks
    for chunk in span.split():
        hit = memo.get((chunk, negfix))
        lower, join, risky, piece = _chunk_words(chunk, negfix, tokenize) if hit is None else hit
        if risky:
            return _library_words(span, tokenize, negfix)
        if piece and out:
            check = True
        out.extend(lower)
        joined.append(join)
    if check and _joins(" ".join(joined)):
        return _library_words(span, tokenize, negfix)
    return out


def _chunkwise(tokenize) -> bool:
    """True for TextBlob's own tokenizer (``find_tokens`` with its default settings), the one
    :func:`_textblob_words` knows to cut each chunk on its own."""
    known = _chunkwise_for
    if known[0] is not tokenize and known[0] != tokenize:
        from textblob._text import find_tokens
        from textblob.en import parser

        known[:] = [tokenize, tokenize is find_tokens or tokenize == parser.find_tokens]
    return known[1]


_chunkwise_for: list = [None, False]  # [the last tokenizer asked about, the answer]


def _library_words(span: str, tokenize, negfix: bool) -> list:
    return [w.lower() for w in " ".join(tokenize(_negfix(span) if negfix else span)).split()]


def _vader_words_of(span: str) -> list:
    """``SentiText(span.strip()).words_and_emoticons``: each whitespace-separated chunk with its
    punctuation stripped as the library strips it, from a memo."""
    from vaderSentiment.vaderSentiment import SentiText

    memo = _vader_words
    out = []
    for chunk in span.split():
        w = memo.get(chunk)
        if w is None:
            if len(memo) > 300_000:
                memo.clear()
            w = memo[chunk] = SentiText._strip_punc_if_word(chunk)
        out.append(w)
    return out


# --------------------------------------------------------------------------------------------
# TextBlob's score of a span from its parts' assessments


def _tb_edges(words: list, an) -> tuple[bool, tuple]:
    """What :func:`_tb_join` needs to know of a word list read by TextBlob's ``assessments``:
    whether a "!" comes before its first known word (a "!" boosts the assessment before it,
    which in a longer text may be the previous part's), and the state ``assessments`` is in
    after its last word: ``(modifier, negation)`` pending, ``(None, None)`` when clean,
    and whether it has a known word at all.

    After a known word the state depends on that word alone; after it, the library's rules
    for unknown words apply (a negation is kept across words of one character, a modifier
    across words of at most two). This follows ``Sentiment.assessments`` for words without
    a part-of-speech tag, as the scorer reads them."""
    head_bang = False
    if "!" in words:
        for w in words:
            if w == "!":
                head_bang = True
                break
            if w in an and None in an[w]:
                break
    j = len(words) - 1
    while j >= 0:
        w = words[j]
        if w in an and None in an[w]:
            break
        j -= 1
    m = n = None
    if j >= 0:
        w = words[j]
        entry = an[w]
        if any(map(entry.__contains__, an.modifiers)):
            m = w
        if w in an.negations:
            n = w
    negations, modifiers, modifier = an.negations, an.modifiers, an.modifier
    for w in words[j + 1:]:
        if w in negations:
            n = w
        elif n and len(w.strip("'")) > 1:
            n = None
        if n is not None and m is not None and (None in modifiers or modifier(m)):
            n = None
        elif m and len(w) > 2:
            m = None
    return head_bang, (m, n, j >= 0)


def _tb_join(an, parts: list):
    """TextBlob's ``Score`` of the word lists of ``parts`` one after the other, exactly as
    ``an(words)`` computes it, from each part's own ``Score`` where the part starts in a clean
    state: ``assessments`` carries only a pending modifier or negation (and a "!" boosts the
    assessment before it) from one word to the next, so a part read after a clean end and
    without a "!" before its first known word gives the assessments it gives alone. Parts
    joined to the previous one are scored again together by the library.

    ``parts``: ``(words, score, head_bang, tail)`` as :func:`_tb_edges` gives them.
    Returns ``(score, head_bang, tail)`` of the whole."""
    groups = []  # [words lists, score or None, tail]
    for words, score, head_bang, tail in parts:
        if head_bang:
            # the "!" boosts the last assessment before it: back to a group with a known word
            while len(groups) > 1 and not groups[-1][2][2]:
                last = groups.pop()
                groups[-1][0].extend(last[0])
                groups[-1][1] = None
        if groups and (head_bang or groups[-1][2][0] is not None or groups[-1][2][1] is not None):
            g = groups[-1]
            g[0].append(words)
            g[1] = None
            # the state after the group: the last part's, unless it has no known word
            g[2] = tail if tail[2] else _tb_edges([w for ws in g[0] for w in ws], an)[1]
        else:
            groups.append([[words], score, tail])
    a = []
    for words, score, _tail in groups:
        if score is None:
            score = _tb_score(an, list(_chain(words)))
        a.extend(score.assessments)
    head = False  # a "!" before the first known word of the whole
    for _words, _score, head_bang, tail in parts:
        if head_bang or tail[2]:
            head = head_bang
            break
    tail = groups[-1][2] if groups else (None, None, False)
    if tail[2] is False and groups:  # no known word in the last group: the state runs back further
        tail = _tb_edges([w for words, _, _, _ in parts for w in words], an)[1]
    return _tb_average(a), head, tail


def _tb_score(an, words: list):
    """``an(words)`` for a list of words: ``Sentiment.__call__``'s own steps (its
    ``assessments``, then the unweighted means), without its checks for other kinds of input."""
    return _tb_average(an.assessments(((w, None) for w in words), True))


def _tb_average(a: list):
    """TextBlob's ``Score`` of assessments ``a``: ``Sentiment.__call__``'s ``avg()`` of the
    polarities and of the subjectivities with weight 1, operation for operation."""
    from textblob._text import Score

    sp = np_ = 0
    for _w, p, _s, _x in a:
        sp += 1 * p
        np_ += 1
    ss = ns = 0
    for _w, _p, sub, _x in a:
        ss += 1 * sub
        ns += 1
    return Score(polarity=sp / float(np_ or 1), subjectivity=ss / float(ns or 1), assessments=a)


_emoji_class: list = [None, None]  # [VADER's emoji dict, the test for it]


def _no_emoji(emojis: dict):
    """A function telling whether a text holds none of the characters ``emojis`` (VADER's emoji
    lexicon) has an entry for: ``emojis.keys().isdisjoint(text)``, answered at once for an
    ASCII text when no key is an ASCII character (VADER's keys are emoji)."""
    if _emoji_class[0] is not emojis:
        keys = emojis.keys()
        if any(isinstance(k, str) and len(k) == 1 and k.isascii() for k in keys):
            test = keys.isdisjoint
        else:
            def test(text):
                return text.isascii() or keys.isdisjoint(text)
        _emoji_class[:] = [emojis, test]
    return _emoji_class[1]


def _covered(text: str, start: int, end: int, parts: list[tuple[int, int]]) -> bool:
    """True when ``parts`` cover text[start:end] with only whitespace between and around them."""
    pos = start
    for k, (s, e) in enumerate(parts):
        # parts must be separated by whitespace: a boundary inside a word ("stressed.“We") is not safe
        if s < pos or (k and s == pos) or text[pos:s].strip():
            return False
        pos = e
    return not text[pos:end].strip()


def _score_rows(doc) -> tuple[pd.DataFrame, list]:
    """Score every span; return the table and what the explanations are made from.

    Both libraries tokenize at whitespace first and never look across it (TextBlob's
    ``find_tokens`` splits punctuation and contractions inside each whitespace-separated chunk;
    VADER splits at whitespace), so the word list of a paragraph is the word lists of its
    sentences one after the other when the sentences cover the paragraph up to whitespace
    (checked; otherwise the paragraph is tokenized on its own). Each span is then scored by the
    library's own code on its own word list, so the numbers are those of ``TextBlob(text)`` and
    ``polarity_scores(text)``; the tests check this on every row.

    The explanations are not built here (most callers never read them): the second value is,
    for each span, what :func:`_explanation_table` needs to build them on request from the
    same assessments and valences.
    """
    text = doc.text
    tb_an, vd_an = _textblob(), _vader()
    tokenize = tb_an.tokenizer
    no_emoji = _no_emoji(vd_an.emojis)
    rows, spans = [], []

    def score(level, pid, sid, s, e, parts):
        span = text[s:e]
        if parts is None:
            # TextBlob's words go to its assessments as stand-ins (the same assessments and scores)
            tbw = _stand_ins_for(_textblob_words(span, tokenize), tb_an)
            vdw = _vader_words_of(span) if no_emoji(span) else None
            has_nt = _NT.search(span) is not None
            tb = _tb_score(tb_an, tbw)
            head, tail = _tb_edges(tbw, tb_an)
            if has_nt:  # what TextBlob itself makes of the string _negfix(span)
                nfw = _stand_ins_for(_textblob_words(span, tokenize, negfix=True), tb_an)
                nf = _tb_score(tb_an, nfw)
                n_head, n_tail = _tb_edges(nfw, tb_an)
            else:
                nfw, nf, n_head, n_tail = tbw, tb, head, tail
        else:
            # the parts' word lists one after the other (also for the "n't" -> " not" reading,
            # which never crosses whitespace), and the scores from the parts' assessments
            tbw = list(_chain([p[0] for p in parts]))
            vdw = list(_chain([p[1] for p in parts]))
            nfw = list(_chain([p[2] for p in parts]))
            tb, head, tail = _tb_join(tb_an, [(p[0], p[6], p[7], p[8]) for p in parts])
            has_nt = any(p[12] for p in parts)
            if has_nt:
                nf, n_head, n_tail = _tb_join(tb_an, [(p[2], p[9], p[10], p[11]) for p in parts])
            else:
                nf, n_head, n_tail = tb, head, tail
        raw = has_but = v_low = None
        if vdw is None:
            vd, vdw, vals = _vader_scores(span)
        else:
            if parts is not None and all(p[3] is not None for p in parts):
                upper = sum(p[5] for p in parts)
            else:
                upper = sum(map(str.isupper, vdw))
            cap = 0 < len(vdw) - upper < len(vdw)  # allcap_differential(vdw)
            if parts is not None and all(p[3] is not None for p in parts):  # recompute only where they may differ
                v_low = list(_chain([p[14] for p in parts]))
                raw = _joined_valences(vd_an, vdw, cap, [(p[1], p[3], p[4]) for p in parts], low=v_low)
                has_but = any(p[13] for p in parts)
            else:
                v_low = [str(w).lower() for w in vdw]
                raw = _valences(vd_an, vdw, cap, low=v_low)
                has_but = "but" in v_low  # what decides whether the "but" rule applies
            vals = _but_check(vdw, list(raw), has_but, v_low)
            vd = vd_an.score_valence(vals, span.strip())
        base = {"level": level, "para_id": pid, "sent_id": sid}
        rows.append({**base, "start": s, "end": e, "text": span, "textblob_polarity": tb[0],
                     "textblob_subjectivity": tb[1], "textblob_polarity_negfix": nf[0],
                     "vader_compound": vd["compound"], "vader_pos": vd["pos"], "vader_neu": vd["neu"], "vader_neg": vd["neg"]})
        spans.append((span, s, tb, vdw, vals, base))
        return (tbw, vdw, nfw, raw) + ((cap, upper) if raw is not None else (None, None)) \
            + (tb, head, tail, nf, n_head, n_tail, has_nt, has_but, v_low)

    sents = doc.sentences
    by_para: dict[int, list] = {}
    for sid, pid, s, e in zip(*(column_values(sents, c).tolist() for c in ("sent_id", "para_id", "start", "end"))):
        by_para.setdefault(int(pid), []).append((int(sid), int(s), int(e)))
    paras = doc.paragraphs
    para_words, para_spans = [], []
    for pid, ps, pe in zip(*(column_values(paras, c).tolist() for c in ("para_id", "start", "end"))):
        pid, ps, pe = int(pid), int(ps), int(pe)
        inner = by_para.get(pid, [])
        sent_words = [score("sentence", pid, sid, s, e, None) for sid, s, e in inner]
        ok = inner and _covered(text, ps, pe, [(s, e) for _, s, e in inner]) and all(w[1] is not None for w in sent_words)
        para_words.append(score("paragraph", pid, None, ps, pe, sent_words if ok else None))
        para_spans.append((ps, pe))
    if len(paras):
        start, end = para_spans[0][0], para_spans[-1][1]
        ok = _covered(text, start, end, para_spans) and all(w[1] is not None for w in para_words)
        score("article", None, None, start, end, para_words if ok else None)
    order = {"article": 0, "paragraph": 1, "sentence": 2}
    rows.sort(key=lambda r: order[r["level"]])  # stable: reading order within each level
    spans.sort(key=lambda x: order[x[5]["level"]])
    return _frame(rows, COLUMNS, ("para_id", "sent_id")), spans


def _explanation_table(spans: list) -> pd.DataFrame:
    """The explanations table from the spans kept by :func:`_score_rows`."""
    rows = []
    for span, offset, tb, vd_words, vd_valences, base in spans:
        rows.extend(_explain_span(span, offset, tb, vd_words, vd_valences, base))
    return _frame(rows, EXPLAIN_COLUMNS, ("para_id", "sent_id", "start", "end"))


def _frame(rows: list[dict], columns: list[str], ints) -> pd.DataFrame:
    """The table of ``rows`` (dicts); the ``ints`` columns are nullable integers (``Int64``)."""
    data = [[r[c] for r in rows] for c in columns]
    for k, c in enumerate(columns):
        if c in ints:
            data[k] = nullable_ints(data[k])
    return frame_from_columns(columns, data)


def _key():
    return (tuple(sorted(_overrides["textblob"].items())), tuple(sorted(_overrides["vader"].items())))


def sentiment(doc) -> pd.DataFrame:
    """TextBlob and VADER scores for the whole article, each paragraph and each sentence.

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``level`` (article | paragraph | sentence), ``para_id``, ``sent_id``,
        ``start``, ``end``, ``text``, ``textblob_polarity``, ``textblob_subjectivity``,
        ``textblob_polarity_negfix`` (TextBlob with ``n't`` read as ``not``),
        ``vader_compound``, ``vader_pos``, ``vader_neu``, ``vader_neg``. The article row spans
        the body from the first to the last paragraph.

    >>> doc = analysis.annotate(analysis.from_text("Title\\n\\nA good plan. A terrible war."))
    >>> sentiment(doc)[["level", "textblob_polarity"]].values.tolist()[-1]
    ['sentence', -1.0]
    """
    table, spans = _score_rows(doc)
    _explained[doc] = (_key(), spans)  # the explanations are built when first asked for
    return table


def explanations(doc) -> pd.DataFrame:
    """The words behind every score of :func:`sentiment` (all levels, both lexicons).

    Columns: ``level, para_id, sent_id, lexicon`` (textblob | vader), ``start, end, text`` (the
    word(s) in the source), ``words`` (as the library saw them: TextBlob joins a negation or
    modifier to its word, e.g. ``"very good"``), ``score`` (the word's contribution: TextBlob
    polarity after modifiers/negation; VADER valence after negation, boosters and "but"),
    ``subjectivity`` (TextBlob), ``lexicon_score`` (the word's entry in the lexicon),
    ``negated`` and ``modified``. TextBlob's score for a span is the mean of its ``score``
    rows; VADER's compound is ``x / sqrt(x² + 15)`` of their sum (plus punctuation emphasis).
    """
    cached = _explained.get(doc)
    if cached is None or cached[0] != _key():
        cached = (_key(), _score_rows(doc)[1])
    if not isinstance(cached[1], pd.DataFrame):  # spans kept by sentiment(): build the table once
        cached = (cached[0], _explanation_table(cached[1]))
    _explained[doc] = cached
    return cached[1].copy()


def explain(doc, *, para_id: int | None = None, sent_id: int | None = None, lexicon: str | None = None) -> pd.DataFrame:
    """The words that moved the scores of one sentence, one paragraph or (neither given) the article.

    >>> doc = analysis.annotate(analysis.SEED)
    >>> explain(doc, para_id=2, lexicon="vader")[["text", "score"]].head(3)    # doctest: +SKIP
    """
    if lexicon is not None and lexicon not in LEXICONS:
        raise ValueError(f"unknown lexicon {lexicon!r}; choose from {', '.join(LEXICONS)}")
    table = explanations(doc)
    if sent_id is not None:
        if sent_id not in set(doc.sentences["sent_id"]):
            raise InputError(f"no sentence {sent_id}; sentences are numbered 1 to {len(doc.sentences)}")
        out = table[(table["level"] == "sentence") & (table["sent_id"] == sent_id)]
    elif para_id is not None:
        if para_id not in set(doc.paragraphs["para_id"]):
            raise InputError(f"no paragraph {para_id}; paragraphs are numbered 1 to {len(doc.paragraphs)}")
        out = table[(table["level"] == "paragraph") & (table["para_id"] == para_id)]
    else:
        out = table[table["level"] == "article"]
    if lexicon:
        out = out[out["lexicon"] == lexicon]
    return out.reset_index(drop=True)


def explain_text(text: str, *, negfix: bool = False) -> pd.DataFrame:
    """:func:`explain` for any string (``negfix=True``: TextBlob reads ``n't`` as ``not``).

    >>> explain_text("It isn't a bad idea.")[["lexicon", "words", "score"]].values.tolist()[0]
    ['textblob', 'bad', -0.6999999999999998]
    """
    tb_text = _negfix(text) if negfix else text
    tb = _textblob()(tb_text)
    _, words, vals = _vader_scores(text)
    rows = _explain_span(tb_text, 0, tb, [], [], {"level": "text", "para_id": None, "sent_id": None})
    rows += _explain_span(text, 0, type("S", (), {"assessments": []})(), words, vals, {"level": "text", "para_id": None, "sent_id": None})
    return pd.DataFrame(rows, columns=EXPLAIN_COLUMNS)


# --------------------------------------------------------------------------------------------
# sentiment toward actors

# "(?<!\s)": a run of whitespace is tried from its first character only (the same matches; the
# pattern without it retried every position of a long run of spaces: quadratic)
_CLAUSE_BREAK = re.compile(r"[;:–—()\[\]\"“”]|,\s+(?=(?:but|while|whereas|although|though|because|since|as|which|who|whom|whose|and|so|yet)\b)|(?<!\s)\s+(?=(?:but|while|whereas|although|though|because|since)\b)", re.I)


def _clause(text: str, start: int, end: int, s_start: int, s_end: int, breaks=None) -> tuple[int, int]:
    """The clause of ``text[s_start:s_end]`` around ``[start, end)``; ``breaks`` (a
    :class:`~analysis._clauses.ClauseBreaks` on ``text``) reuses the sentence's breaks."""
    if breaks is None:
        breaks = ClauseBreaks(_CLAUSE_BREAK, text)
    left, right = breaks.around(s_start, s_end, start, end)
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1] in " ,.;":
        right -= 1
    return left, right


def actor_sentiment(doc) -> pd.DataFrame:
    """The sentiment of the clause each actor mention takes part in (a first, transparent method).

    The clause is read from ``doc.clauses``: the one in which the mention is (inside) the subject,
    the object or — for a passive — the agent (``role``), else the smallest clause containing it
    (``role = "other"``). A mention no clause holds (a fronted phrase before the subject, a
    sentence without a verb) falls back to the stretch of its sentence between the nearest
    breaks (``; : ( )``, dashes, quotation marks, a comma or space before *but, while, although,
    because, which, who, and* …), with ``clause_id`` ``<NA>``. Both lexicons score that span as
    they would any text. This says how the *words of the clause* sound, not what the writer
    thinks of the actor: "X condemned the attack" is negative around X; ``role`` tells the doer
    (subject of an active verb, agent of a passive) from the one done to.

    Returns:
        DataFrame ``mention_id, para_id, sent_id, actor_id, actor, actor_type, mention, start,
        end, text`` (the clause), ``textblob_polarity, vader_compound, clause_id`` (the row of
        ``doc.clauses``; ``<NA>`` for the fallback), ``role`` (``subject``, ``object``,
        ``agent`` or ``other``). Empty when the actors layer is not available.
    """
    try:
        mentions = doc.mentions
    except AttributeError:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    from ._clause_index import clause_index

    text = doc.text
    sents = doc.sentences
    sent_span = dict(zip(sents["sent_id"].tolist(), zip(sents["start"].tolist(), sents["end"].tolist())))
    clauses = clause_index(doc)
    breaks = None
    tb_an = _textblob()
    cache = {}
    # the mention columns as lists, read once (itertuples and a dict per row cost more than the
    # clause look-ups)
    n = len(mentions)
    cols = {c: mentions[c].tolist() if c in mentions.columns else [None] * n
            for c in ("mention_id", "para_id", "sent_id", "actor_id", "actor", "actor_type", "text", "start", "end")}
    sent_ids = [int(v) for v in cols["sent_id"]]
    m_starts = [int(v) for v in cols["start"]]
    m_ends = [int(v) for v in cols["end"]]
    spans, pols, comps, cids, roles = [], [], [], [], []
    for sid, m_start, m_end in zip(sent_ids, m_starts, m_ends):
        k, role = clauses.role_of(sid, m_start, m_end, text) if clauses is not None else (None, "other")
        if k is not None:
            s, e, cid = clauses.start[k], clauses.end[k], clauses.clause_id[k]
        else:
            if breaks is None:
                breaks = ClauseBreaks(_CLAUSE_BREAK, text)
            s_start, s_end = sent_span[sid]
            s, e = _clause(text, m_start, m_end, int(s_start), int(s_end), breaks)
            cid = None
        if (s, e) not in cache:
            span = text[s:e]
            cache[(s, e)] = (tb_an(span)[0], _vader_scores(span)[0]["compound"])
        pol, comp = cache[(s, e)]
        spans.append((s, e))
        pols.append(pol)
        comps.append(comp)
        cids.append(-1 if cid is None else cid)
        roles.append(role)
    if not n:
        out = pd.DataFrame(columns=ACTOR_COLUMNS)
        out["clause_id"] = out["clause_id"].astype("Int64")
        return out
    import numpy as np

    ids = np.array(cids, dtype="int64")
    data = {"mention_id": cols["mention_id"], "para_id": cols["para_id"], "sent_id": cols["sent_id"],
            "actor_id": cols["actor_id"], "actor": cols["actor"], "actor_type": cols["actor_type"],
            "mention": cols["text"], "start": [p for p, _ in spans], "end": [q for _, q in spans],
            "text": [text[p:q] for p, q in spans], "textblob_polarity": pols, "vader_compound": comps,
            "clause_id": pd.arrays.IntegerArray(ids, ids < 0), "role": roles}
    return pd.DataFrame(data, columns=ACTOR_COLUMNS)


def actor_sentiment_summary(doc, *, by: str = "actor") -> pd.DataFrame:
    """:func:`actor_sentiment` aggregated ``by="actor"`` or ``by="paragraph"`` (actor × paragraph).

    Columns: the keys, ``mentions``, mean and min/max of each lexicon's clause score, and how
    many of the mentions are the subject, the object and the agent of their clause
    (``as_subject, as_object, as_agent``).
    """
    if by not in ("actor", "paragraph"):
        raise ValueError(f"by must be 'actor' or 'paragraph', not {by!r}")
    table = actor_sentiment(doc)
    keys = ["actor_id", "actor"] if by == "actor" else ["para_id", "actor_id", "actor"]
    roles = ["as_subject", "as_object", "as_agent"]
    if table.empty:
        return pd.DataFrame(columns=keys + ["mentions", "textblob_mean", "textblob_min", "textblob_max",
                                            "vader_mean", "vader_min", "vader_max"] + roles)
    table = table.assign(**{r: table["role"] == r[3:] for r in roles})
    out = table.groupby(keys, dropna=False).agg(
        mentions=("mention_id", "size"), textblob_mean=("textblob_polarity", "mean"),
        textblob_min=("textblob_polarity", "min"), textblob_max=("textblob_polarity", "max"),
        vader_mean=("vader_compound", "mean"), vader_min=("vader_compound", "min"),
        vader_max=("vader_compound", "max"), **{r: (r, "sum") for r in roles}).reset_index()
    return out.sort_values(keys if by == "paragraph" else ["mentions", "actor"], ascending=by == "paragraph").reset_index(drop=True)


__all__ = ["LEXICONS", "actor_sentiment", "actor_sentiment_summary", "explain", "explain_text", "explanations",
           "lexicon_override", "lexicon_overrides", "lexicon_value", "override_lexicon", "reset_lexicons",
           "score_text", "sentiment"]
