"""Term frequencies: what an article is about and how it says it.

Every function takes the annotated article (a :class:`~analysis.document.Document`) first and
keyword-only options after it, and returns a new pandas DataFrame (the input is never changed):

* :func:`summary_card` — sizes, vocabulary density, readability (Flesch, Flesch–Kincaid),
  most frequent content words and the most distinctive words;
* :func:`term_frequencies` — one row per term (``terms.csv`` of ``python -m analysis annotate``
  is :func:`terms`, its default form);
* :func:`ngrams` — repeated phrases of 2–5 words inside one sentence;
* :func:`collocations` — bigrams and trigrams ranked by PMI or likelihood ratio (NLTK);
* :func:`tfidf` — the most distinctive terms of each paragraph;
* :func:`keyness` — log-likelihood G² and log ratio against a reference;
* :func:`kwic` — a keyword-in-context concordance (word, lemma, phrase or regex);
* :func:`dispersion`, :func:`term_paragraph_counts`, :func:`paragraph_profile` — where
  terms and words fall across the article.

Words are the tokens that are not punctuation; terms are case-folded lemmas by default
(``by="lower"`` for surface forms, ``by="text"`` for the exact spelling). Curly and straight
apostrophes are already unified in the tokens' ``lower`` and ``lemma``. The stopword list is
:func:`analysis.stopwords` plus ``extra_stopwords``: a term is a stopword when the term or the
lower-case form of any of its tokens is on the list (so ``extra_stopwords=["said"]`` also
flags the lemma *say*).

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("Title\\n\\nThe talks failed. The talks resumed."))
>>> term_frequencies(doc, include_stopwords=False)[["term", "count"]].values.tolist()
[['talk', 2], ['fail', 1], ['resume', 1]]
"""

from __future__ import annotations

import math
import re
import weakref
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from ._frames import column_array, column_values, frame_from_columns, frame_from_rows, str_dtype, string_array
from .segment import fold, split_tokens

BY = ("lemma", "lower", "text")
KWIC_BY = ("word", "lemma", "regex")
KWIC_SORT = ("position", "left", "right")
MEASURES = ("pmi", "likelihood_ratio")
MAX_NGRAM = 5

TERM_COLUMNS = ["term", "count", "rel_freq", "n_paragraphs", "first_para", "is_stop"]
NGRAM_COLUMNS = ["ngram", "n", "count", "n_paragraphs", "first_para", "stopword_only", "start", "end", "text"]
TFIDF_COLUMNS = ["para_id", "rank", "term", "tf", "df", "idf", "tfidf"]
KEYNESS_COLUMNS = ["term", "count", "ref_count", "rel_freq", "ref_rel_freq", "g2", "p_value", "log_ratio", "use"]
KWIC_COLUMNS = ["left", "keyword", "right", "para_id", "sent_id", "token_id", "start", "end", "text"]
DISPERSION_COLUMNS = ["term", "token_id", "word_position", "rel_position", "para_id", "sent_id", "start", "end", "text"]


# --------------------------------------------------------------------------------------------
# shared preparation (cached per document; independent of the stopword list)
#
# Every table starts from the same per-document preparation, made once and kept on the side
# (``_CACHE``, keyed weakly by the document): the token columns as numpy arrays (and as Python
# lists, made on first use, for the loops that look at a few tokens: KWIC, phrase matching),
# and for each kind of key (lemma, lower, text) the tokens and the words coded as integers in
# order of first occurrence (arrow's dictionary encoding of the column). Counting is then a
# few numpy operations on those codes. Intermediate results (per key and stopword list) are
# cached in ``_Prep.cache``; the DataFrames the functions return are always built fresh,
# since callers may change them.


class _Terms:
    """Per-term figures for one key and stopword list; terms are numbered in order of first
    occurrence (the order of ``vocab``).

    Attributes:
        vocab: the terms (list of str).
        codes: the term of each word (numpy int array, one entry per word).
        count, n_paras, first_para: per term (numpy int arrays).
        stop: per term, flagged as a stopword (numpy bool array).
        flags: per word, flagged as a stopword (numpy bool array).
    """

    __slots__ = ("vocab", "codes", "count", "n_paras", "first_para", "stop", "flags")

    def counts(self) -> dict[str, int]:
        return dict(zip(self.vocab, self.count.tolist()))


def _factorize(values) -> tuple[np.ndarray, list[str]]:
    """``(codes, uniques)`` of a string column, numbered in order of first occurrence: arrow's
    dictionary encoding when the column is stored in arrow (several times faster), else
    ``pd.factorize``."""
    pa_array = getattr(values, "_pa_array", None)
    if pa_array is not None and pa_array.null_count == 0:
        if hasattr(pa_array, "num_chunks"):  # a ChunkedArray: one array, so one dictionary
            pa_array = pa_array.chunk(0) if pa_array.num_chunks == 1 else pa_array.combine_chunks()
        encoded = pa_array.dictionary_encode()
        return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary.to_pylist()
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    return codes.astype(np.int64), uniques.tolist()


class _Prep:
    """The token columns prepared once per document: numpy arrays for counting, and Python
    lists (made on first use) for the loops that look at a few tokens (KWIC, matching)."""

    __slots__ = ("cache", "folded", "n_tokens", "n_words", "n_docs", "is_word", "word_arr",
                 "para_arr", "sent_arr", "start_arr", "end_arr", "token_id_arr", "word_pos_arr", "para_w",
                 "sent_w", "_tokens", "_paragraphs", "__weakref__")

    def __init__(self, doc):
        tk = doc.tokens
        self._tokens = tk
        self.para_arr = para = np.asarray(column_values(tk, "para_id"))
        self.sent_arr = sent = np.asarray(column_values(tk, "sent_id"))
        self.start_arr = np.asarray(column_values(tk, "start"))
        self.end_arr = np.asarray(column_values(tk, "end"))
        self.token_id_arr = np.asarray(column_values(tk, "token_id"))
        self.is_word = is_word = ~np.asarray(column_values(tk, "is_punct"), dtype=bool)
        self.n_tokens = len(is_word)
        self.word_arr = np.flatnonzero(is_word)  # token index of each word
        self.n_words = len(self.word_arr)
        # position of each token among the words (punctuation gets the next word's position)
        self.word_pos_arr = np.cumsum(is_word) - is_word
        self.para_w = para[is_word]  # paragraph of each word (in reading order)
        self.sent_w = sent[is_word]
        self.n_docs = int(np.count_nonzero(np.diff(self.para_w))) + 1 if self.n_words else 0  # paragraphs with words
        self.folded = None
        self.cache: dict = {}
        self._paragraphs = doc.paragraphs

    def _list(self, name: str, array) -> list:
        hit = self.cache.get(name)
        if hit is None:
            hit = self.cache[name] = array.tolist()
        return hit

    # the columns as Python lists
    para = property(lambda self: self._list("para", self.para_arr))
    sent = property(lambda self: self._list("sent", self.sent_arr))
    start = property(lambda self: self._list("start", self.start_arr))
    end = property(lambda self: self._list("end", self.end_arr))
    token_id = property(lambda self: self._list("token_id", self.token_id_arr))
    punct = property(lambda self: self._list("punct", ~self.is_word))
    word_idx = property(lambda self: self._list("word_idx", self.word_arr))
    word_pos = property(lambda self: self._list("word_pos", self.word_pos_arr))

    @property
    def para_spans(self) -> list[tuple[int, int, int]]:
        """``(para_id, start, end)`` of every paragraph."""
        hit = self.cache.get("para_spans")
        if hit is None:
            ps = self._paragraphs
            hit = self.cache["para_spans"] = list(zip(*(np.asarray(column_values(ps, c)).tolist()
                                                        for c in ("para_id", "start", "end"))))
        return hit

    def keys(self, by: str) -> list[str]:
        """The key of every token as a list (made on first use)."""
        key = ("keys", by)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = column_values(self._tokens, by).tolist()
        return hit

    @property
    def lower(self) -> list[str]:
        return self.keys("lower")

    @property
    def lemma(self) -> list[str]:
        return self.keys("lemma")

    def encoded(self, by: str) -> tuple[np.ndarray, list[str]]:
        """``(codes, vocab)`` of every token's key (punctuation included), by first occurrence."""
        key = ("encoded", by)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = _factorize(column_values(self._tokens, by))
        return hit

    def codes(self, by: str) -> tuple[np.ndarray, list[str]]:
        """``(codes, vocab)``: each word's key as an integer, numbered in order of first occurrence."""
        key = ("codes", by)
        hit = self.cache.get(key)
        if hit is None:
            token_codes, token_vocab = self.encoded(by)
            codes, first = pd.factorize(token_codes[self.word_arr])  # first: the key numbers, in term order
            hit = self.cache[key] = (codes.astype(np.int64), [token_vocab[i] for i in first.tolist()])
            term_of_key = np.full(len(token_vocab), -1, dtype=np.int64)
            term_of_key[first] = np.arange(len(first))
            self.cache[("term_of_key", by)] = term_of_key.tolist()
        return hit

    def key_numbers(self, by: str) -> dict[str, int]:
        """Key -> its number in ``encoded(by)`` (the keys of all tokens, punctuation included)."""
        key = ("key_numbers", by)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = {k: i for i, k in enumerate(self.encoded(by)[1])}
        return hit

    def term_of_key(self, by: str) -> list[int]:
        """For each key number of ``encoded(by)``: its term number in ``codes(by)``, -1 for a
        key only punctuation has."""
        self.codes(by)
        return self.cache[("term_of_key", by)]

    def stats(self, by: str, stops: frozenset) -> _Terms:
        """The per-term figures of :class:`_Terms` for a key and a stopword list."""
        key = ("stats", by, stops)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._stats(by, stops)
        return hit

    def _stats(self, by: str, stops: frozenset) -> _Terms:
        out = _Terms()
        codes, vocab = self.codes(by)
        n_terms = len(vocab)
        out.vocab, out.codes = vocab, codes
        out.count = np.bincount(codes, minlength=n_terms)
        # first occurrence of each term: codes are numbered in reading order
        first_word = np.flatnonzero(np.diff(np.maximum.accumulate(codes), prepend=-1) > 0)
        out.first_para = self.para_w[first_word] if len(codes) else np.zeros(0, dtype=np.int64)
        # paragraphs per term: distinct (term, paragraph) pairs
        n_para_ids = int(self.para_w.max()) + 1 if len(codes) else 1
        pairs = _distinct(codes * n_para_ids + self.para_w)
        out.n_paras = np.bincount(pairs // n_para_ids, minlength=n_terms)
        out.flags = self.word_flags(by, stops)
        out.stop = np.bincount(codes, weights=out.flags, minlength=n_terms) > 0
        return out

    def word_flags(self, by: str, stops: frozenset) -> np.ndarray:
        """Per word: a stopword, i.e. its lower-case form or its key (lemma, ...) is on the list."""
        key = ("word_flags", by, stops)
        hit = self.cache.get(key)
        if hit is None:
            if by == "lower":
                lower_codes, lower_vocab = self.codes("lower")
                hit = np.array([w in stops for w in lower_vocab], dtype=bool)[lower_codes]
            else:
                codes, vocab = self.codes(by)
                hit = self.word_flags("lower", stops) | np.array([k.lower() in stops for k in vocab], dtype=bool)[codes]
            self.cache[key] = hit
        return hit

    def alphabetical_rank(self, by: str) -> np.ndarray:
        """Each term's place in alphabetical order (of ``codes(by)[1]``)."""
        key = ("rank", by)
        hit = self.cache.get(key)
        if hit is None:
            vocab = self.codes(by)[1]
            hit = np.empty(len(vocab), dtype=np.int64)
            hit[_sort_order(vocab)] = np.arange(len(vocab))
            self.cache[key] = hit
        return hit

    def word_freqdist(self, by: str):
        """An NLTK ``FreqDist`` of the words (the collocation finders read it, never change it)."""
        key = ("word_freqdist", by)
        hit = self.cache.get(key)
        if hit is None:
            codes, vocab = self.codes(by)
            hit = self.cache[key] = _freqdist(dict(zip(vocab, np.bincount(codes, minlength=len(vocab)).tolist())))
        return hit

    def stopword_terms(self, by: str, stops: frozenset) -> np.ndarray:
        """Per term of ``codes(by)``: the term or its lower-case form is on the stopword list."""
        key = ("stopword_terms", by, stops)
        hit = self.cache.get(key)
        if hit is None:
            vocab = self.codes(by)[1]
            hit = self.cache[key] = np.array([w in stops or w.lower() in stops for w in vocab], dtype=bool)
        return hit

    def token_codes(self, by: str) -> np.ndarray:
        """The term code (of ``codes(by)``) of every token; -1 for punctuation."""
        key = ("token_codes", by)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = np.full(self.n_tokens, -1, dtype=np.int64)
            hit[self.word_arr] = self.codes(by)[0]
        return hit

    def _grouped(self, by: str) -> tuple[np.ndarray, list[int], dict[str, int]]:
        """The tokens grouped by key: those of key number c (``number[key]``) are
        ``order[bounds[c]:bounds[c + 1]]``, in reading order."""
        hit = self.cache.get(("grouped", by))
        if hit is None:
            codes, vocab = self.encoded(by)
            order = np.argsort(codes, kind="stable")
            bounds = np.concatenate([[0], np.cumsum(np.bincount(codes, minlength=len(vocab)))]).tolist()
            hit = self.cache[("grouped", by)] = (order, bounds, self.key_numbers(by))
        return hit

    def positions(self, by: str, key: str) -> list[int]:
        """The tokens (punctuation included) whose ``by`` form is ``key``, in reading order."""
        order, bounds, number = self._grouped(by)
        c = number.get(key)
        return [] if c is None else order[bounds[c]:bounds[c + 1]].tolist()

    def has(self, by: str, key: str) -> bool:
        """Whether some token's ``by`` form is ``key``."""
        return key in self._grouped(by)[2]


def _sort_order(words: list[str]):
    """The indices that sort ``words`` as Python does (by code point). Arrow's string sort
    gives the same order (UTF-8 keeps code point order) several times faster."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        return pc.array_sort_indices(pa.array(words, type=pa.large_string())).to_numpy()
    except (ImportError, UnicodeError, ValueError, TypeError):  # no pyarrow, or a lone surrogate
        return sorted(range(len(words)), key=words.__getitem__)


def _log_idf(n_docs: int) -> np.ndarray:
    """``ln(n_docs / df)`` for every ``df`` from 0 to ``n_docs`` (0 for ``df = 0``), by ``math.log``."""
    return np.array([0.0] + [math.log(n_docs / df) for df in range(1, n_docs + 1)])


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (``np.unique``; asking for the counts keeps numpy 2 on its
    sort-based path, about three times faster on a few thousand integers)."""
    return np.unique(values, return_counts=True)[0]


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _prep(doc) -> _Prep:
    tokens = doc.tokens
    hit = _CACHE.get(doc)
    if hit is not None and hit[0] is tokens:
        return hit[1]
    prep = _Prep(doc)
    try:
        _CACHE[doc] = (tokens, prep)
    except TypeError:  # pragma: no cover - an object that cannot be weakly referenced
        pass
    return prep


def _check_by(by: str, allowed=BY) -> str:
    if by not in allowed:
        raise ValueError(f"by={by!r} is not allowed; choose one of {', '.join(map(repr, allowed))}")
    return by


def _check_int(name: str, value, lo: int, hi: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < lo or (hi is not None and value > hi):
        allowed = f"an integer from {lo} to {hi}" if hi is not None else f"an integer of at least {lo}"
        raise ValueError(f"{name}={value!r} is not allowed; {name} must be {allowed}")
    return value


def _stopset(extra_stopwords) -> frozenset[str]:
    from .segment import _stop_cache

    base = _stop_cache()  # analysis.stopwords(), kept as one object until the list changes
    if extra_stopwords is None:
        return base
    if isinstance(extra_stopwords, str):
        extra_stopwords = [extra_stopwords]
    words = []
    for word in extra_stopwords:
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"extra_stopwords must be non-empty strings, not {word!r}")
        words.append(fold(word.strip().lower()))
    return base | frozenset(words)


def _frame(rows: list[tuple], columns: list[str], kinds: str | None = None) -> pd.DataFrame:
    """A DataFrame from row tuples. ``kinds`` gives each column's type, one letter per column
    (``s`` text as pandas' ``str`` dtype, ``i`` int64, ``f`` float64, ``b`` bool, ``o`` object, ``?`` let
    :func:`~analysis._frames.column_array` infer it); without it every column is inferred."""
    if not rows or kinds is None:
        return frame_from_rows(rows, columns)
    return _frame_from_columns(columns, list(zip(*rows)), kinds)


_NUMPY_TYPES = {"i": np.int64, "f": np.float64, "b": bool, "o": object}


def _frame_from_columns(names: list[str], columns: list, kinds: str) -> pd.DataFrame:
    """A DataFrame from columns (sequences or arrays) of the ``kinds`` of :func:`_frame`; an
    empty table has object columns, as :func:`~analysis._frames.frame_from_rows` makes it."""
    if not len(columns[0]):
        return frame_from_rows([], names)
    arrays = []
    for col, kind in zip(columns, kinds):
        if kind == "s":
            arrays.append(string_array(col))
        elif kind == "?":
            arrays.append(column_array(list(col)))
        else:
            arrays.append(np.asarray(col, dtype=_NUMPY_TYPES[kind]))
    return frame_from_columns(names, arrays)


def _round(values: np.ndarray, digits: int) -> np.ndarray:
    """``round(x, digits)`` of every value, as Python's ``round`` gives it (correctly rounded).

    ``np.round`` scales, rounds and scales back: the same result except where the scaled value
    lies within rounding error of a half; those few values go through Python's ``round``."""
    values = np.asarray(values, dtype=np.float64)
    scaled = values * 10.0 ** digits
    out = np.round(scaled) / 10.0 ** digits
    near_half = np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) < 1e-6
    for i in np.flatnonzero(near_half | ~np.isfinite(scaled)):
        out[i] = round(float(values[i]), digits)
    return out


# --------------------------------------------------------------------------------------------
# term frequencies


def term_frequencies(doc, *, by: str = "lemma", extra_stopwords=None, min_count: int = 1,
                     include_stopwords: bool = True) -> pd.DataFrame:
    """Count every term of the article (punctuation excluded).

    Args:
        doc: the annotated article.
        by: ``"lemma"`` (case-folded dictionary form, the default), ``"lower"`` (case-folded
            surface form) or ``"text"`` (exact spelling).
        extra_stopwords: words to flag as stopwords on top of :func:`analysis.stopwords`
            (e.g. ``["said"]``).
        min_count: keep terms that occur at least this often.
        include_stopwords: ``False`` drops the rows flagged ``is_stop``.

    Returns:
        ``term, count, rel_freq, n_paragraphs, first_para, is_stop``: ``rel_freq`` is per
        1,000 words (all non-punctuation tokens, stopwords included); ``n_paragraphs`` the
        paragraphs the term occurs in; ``first_para`` the first of them. Sorted by count
        (descending), then by first occurrence.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nShips sailed.\\n\\nA ship sank."))
    >>> term_frequencies(doc).head(1)[["term", "count", "n_paragraphs"]].values.tolist()
    [['ship', 2, 2]]
    """
    _check_by(by)
    _check_int("min_count", min_count, 1)
    prep = _prep(doc)
    st = prep.stats(by, _stopset(extra_stopwords))
    keep = st.count >= min_count
    if not include_stopwords:
        keep &= ~st.stop
    rows = np.flatnonzero(keep)
    rows = rows[np.argsort(-st.count[rows], kind="stable")]  # ties keep the order of first occurrence
    n_words = prep.n_words
    scale = 1000.0 / n_words if n_words else 0.0
    return _frame_from_columns(TERM_COLUMNS, [[st.vocab[i] for i in rows.tolist()], st.count[rows],
                                              _round(st.count[rows] * scale, 3), st.n_paras[rows],
                                              st.first_para[rows], st.stop[rows]], "sifiib")


def terms(doc) -> pd.DataFrame:
    """The ``terms`` layer: :func:`term_frequencies` with its defaults (lemmas, stopwords flagged).

    >>> analysis.annotate(analysis.SEED).terms.columns.tolist()   # doctest: +SKIP
    ['term', 'count', 'rel_freq', 'n_paragraphs', 'first_para', 'is_stop']
    """
    return term_frequencies(doc)


# --------------------------------------------------------------------------------------------
# n-grams and collocations


def _check_ns(n) -> list[int]:
    values = [n] if isinstance(n, int) and not isinstance(n, bool) else list(n) if isinstance(n, (list, tuple, range, set)) else [n]
    if not values:
        raise ValueError(f"n={n!r} is not allowed; n must be an integer from 2 to {MAX_NGRAM} or a list of them")
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int) or not 2 <= v <= MAX_NGRAM:
            raise ValueError(f"n-gram size {v!r} is not allowed; n must be an integer from 2 to {MAX_NGRAM} "
                             "(or a list of them; single words are in term_frequencies)")
    return sorted(set(values))


def ngrams(doc, *, n=(2, 3, 4, 5), by: str = "lower", min_count: int = 2, drop_stopword_only: bool = False,
           extra_stopwords=None) -> pd.DataFrame:
    """Repeated phrases: n-grams of words that stay inside one sentence and one clause.

    An n-gram never crosses a sentence boundary or a punctuation mark ("Afghanistan, as
    well" is not a phrase).

    Args:
        doc: the annotated article.
        n: a size from 2 to 5, or a list of sizes (default all of 2–5).
        by: ``"lower"`` (default), ``"lemma"`` or ``"text"``.
        min_count: keep n-grams seen at least this often (2 = repeated phrases; 1 = all).
        drop_stopword_only: drop n-grams made only of stopwords ("of the", "as well as").
        extra_stopwords: words added to the stopword list.

    Returns:
        ``ngram, n, count, n_paragraphs, first_para, stopword_only, start, end, text`` where
        ``start``/``end``/``text`` give the first occurrence in the source. Sorted by count
        (descending), longer n-grams first among equals, then by first occurrence.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nPeace talks began. Peace talks ended."))
    >>> ngrams(doc, n=2)[["ngram", "count"]].values.tolist()
    [['peace talks', 2]]
    """
    ns = _check_ns(n)
    _check_by(by)
    _check_int("min_count", min_count, 1)
    prep = _prep(doc)
    codes, vocab = prep.codes(by)
    flags = prep.word_flags(by, _stopset(extra_stopwords))
    n_vocab, n_words = len(vocab), len(codes)
    # Windows of words, size by size. A window of ``size`` words at word i gets an integer id
    # combining the id of its first ``size - 1`` words with the code of its last word
    # (``np.unique`` renumbers the ids densely and counts them). A phrase seen ``min_count``
    # times has its first and its last ``size - 1`` words seen as often, so each size looks
    # only at the windows whose two shorter windows were kept: the counts of the kept phrases
    # are those over every window. Two neighbouring words belong to one window when no
    # punctuation or sentence boundary lies between them.
    linked = (np.diff(prep.word_arr) == 1) & (np.diff(prep.sent_w) == 0)
    ids, kept = codes, linked  # ids and kept windows of the size before (size 1: every word)
    windows, grams, sizes = [], [], []  # the kept windows of the sizes asked for, numbered by n-gram
    n_grams = 0
    for size in range(2, max(ns) + 1):
        where = np.flatnonzero(kept if size == 2 else kept[:-1] & kept[1:])  # windows to look at
        if not len(where):
            break
        _, gram, count = np.unique(ids[where] * n_vocab + codes[where + size - 1], return_inverse=True,
                                   return_counts=True)
        repeated = count[gram] >= min_count
        ids = np.full(n_words - size + 1, -1, dtype=np.int64)
        ids[where] = gram
        kept = np.zeros(n_words - size + 1, dtype=bool)
        kept[where[repeated]] = True
        if size in ns:
            windows.append(where[repeated])
            grams.append(gram[repeated] + n_grams)
            sizes.append(np.full(len(windows[-1]), size))
            n_grams += len(count)
    window, gram, size = (np.concatenate(x) if x else np.zeros(0, dtype=np.int64) for x in (windows, grams, sizes))
    if not len(window):
        return frame_from_rows([], NGRAM_COLUMNS)
    # per n-gram: its first window (windows are in reading order), count and paragraphs
    n_para_ids = int(prep.para_w.max()) + 1
    n_paras = np.bincount(_distinct(gram * n_para_ids + prep.para_w[window]) // n_para_ids, minlength=n_grams)
    grams, first, count = np.unique(gram, return_index=True, return_counts=True)
    n_paras, first, size = n_paras[grams], window[first], size[first]
    stop_before = np.concatenate([[0], np.cumsum(flags)])  # stopwords among the first i words
    stop_only = stop_before[first + size] - stop_before[first] == size
    if drop_stopword_only:
        first, size, count, n_paras, stop_only = (x[~stop_only] for x in (first, size, count, n_paras, stop_only))
    a = prep.word_arr[first]  # the first token of the first occurrence
    order = np.lexsort((a, -size, -count))
    first, size, count, n_paras, stop_only, a = (x[order] for x in (first, size, count, n_paras, stop_only, a))
    words = [vocab[c] for c in codes.tolist()]  # the words' keys (the vocabulary's strings, no new ones)
    begin, finish = prep.start_arr[a], prep.end_arr[a + size - 1]
    text = doc.text
    return _frame_from_columns(NGRAM_COLUMNS, [
        [" ".join(words[f:f + n]) for f, n in zip(first.tolist(), size.tolist())], size, count, n_paras,
        prep.para_arr[a], stop_only, begin, finish, [text[s:e] for s, e in zip(begin.tolist(), finish.tolist())],
    ], "siiiibiis")


def _freqdist(counts: dict):
    """An NLTK ``FreqDist`` filled at C speed (``dict.update`` skips its per-item ``__setitem__``)."""
    from nltk.probability import FreqDist

    fd = FreqDist()
    dict.update(fd, counts)
    return fd


def _counted(keys: np.ndarray, min_count: int, n_vocab: int, n: int, dropped: np.ndarray | None) -> tuple[list, list]:
    """The n-grams (coded ``(c1 * n_vocab + c2) * n_vocab + ...``) seen at least ``min_count``
    times and with no term marked in ``dropped``: their tuples of term codes and their counts."""
    keys, count = np.unique(keys, return_counts=True)
    keep = count >= min_count
    keys, count = keys[keep], count[keep]
    codes = []
    for _ in range(n):
        codes.append(keys % n_vocab)
        keys = keys // n_vocab
    codes.reverse()
    if dropped is not None:
        keep = ~np.any([dropped[c] for c in codes], axis=0)
        codes, count = [c[keep] for c in codes], count[keep]
    return list(zip(*(c.tolist() for c in codes))), count.tolist()


def _tuples(grams: list[tuple], vocab: list[str]) -> list[tuple]:
    return [tuple(vocab[c] for c in g) for g in grams]


def _count_of(keys: np.ndarray, wanted: list[int]) -> list[int]:
    """How often each of ``wanted`` occurs in ``keys``."""
    keys, count = np.unique(keys, return_counts=True)
    if not len(keys):
        return [0] * len(wanted)
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[at] == wanted, count[at], 0).tolist()


def collocations(doc, *, n: int = 2, measure: str = "likelihood_ratio", min_count: int = 2, window: int | None = None,
                 by: str = "lower", include_stopwords: bool = False, extra_stopwords=None,
                 top: int | None = None) -> pd.DataFrame:
    """Word pairs (or triples) that occur together more often than chance, ranked by NLTK.

    Uses NLTK's ``BigramCollocationFinder`` / ``TrigramCollocationFinder`` with the
    association measures of ``BigramAssocMeasures`` / ``TrigramAssocMeasures``: pointwise
    mutual information (``pmi``: log2 of observed over expected; rewards rare exclusive pairs)
    and Dunning's log-likelihood ratio (``likelihood_ratio``: rewards pairs that are both
    frequent and exclusive). Words are counted per sentence: a pair never spans two sentences
    or a punctuation mark (within the window).

    Args:
        doc: the annotated article.
        n: 2 (bigrams) or 3 (trigrams).
        measure: ``"likelihood_ratio"`` (default) or ``"pmi"``: the ranking; both are columns.
        min_count: the frequency filter (pairs seen fewer times are dropped before ranking).
        window: bigrams only: count pairs up to ``window - 1`` words apart (2 = adjacent,
            the default; Church & Hanks used 5). Trigrams are always contiguous.
        by: ``"lower"`` (default), ``"lemma"`` or ``"text"``.
        include_stopwords: ``False`` (default) drops pairs containing a stopword.
        extra_stopwords: words added to the stopword list.
        top: keep the ``top`` best (all by default).

    Returns:
        ``rank, collocation, w1, w2[, w3], count, pmi, likelihood_ratio``, best first.

    >>> doc = analysis.annotate(analysis.SEED)
    >>> collocations(doc).collocation.head(3).tolist()   # doctest: +SKIP
    ['inclusive government', ...]
    """
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                                   TrigramCollocationFinder)

    if n not in (2, 3) or isinstance(n, bool):
        raise ValueError(f"n={n!r} is not allowed; collocations are bigrams (n=2) or trigrams (n=3)")
    if measure not in MEASURES:
        raise ValueError(f"measure={measure!r} is not allowed; choose one of {', '.join(map(repr, MEASURES))}")
    _check_by(by)
    _check_int("min_count", min_count, 1)
    if top is not None:
        _check_int("top", top, 1)
    if window is None:
        window = n
    if n == 3 and window != 3:
        raise ValueError(f"window={window!r} is not allowed for trigrams; trigrams are contiguous (window=3)")
    _check_int("window", window, 2, 10)
    prep = _prep(doc)
    stops = _stopset(extra_stopwords)
    # The counts NLTK's finders would make from the words (``from_words``), made with numpy:
    # every word once; word pairs up to ``window - 1`` tokens apart in one sentence (with no
    # punctuation at either end); for trigrams also the (w1, _, w3) pairs. The frequency filter
    # and the stopword filter (``apply_freq_filter``, ``apply_word_filter``) are applied to these
    # counts, so only the candidates, and the pairs their scores need, become FreqDists.
    vocab = prep.codes(by)[1]
    n_vocab = len(vocab)
    dropped = None if include_stopwords else prep.stopword_terms(by, stops)
    code = prep.token_codes(by)  # -1 for punctuation
    sent = prep.sent_arr
    if n == 2:
        pairs = []
        for k in range(1, window):
            ok = (code[:-k] >= 0) & (code[k:] >= 0) & (sent[:-k] == sent[k:])
            pairs.append(code[:-k][ok] * n_vocab + code[k:][ok])
        grams, count = _counted(np.concatenate(pairs), min_count, n_vocab, 2, dropped)
        finder = BigramCollocationFinder(prep.word_freqdist(by), _freqdist(dict(zip(_tuples(grams, vocab), count))),
                                         window_size=window)
        measures = BigramAssocMeasures
    else:
        w1, w2, w3 = code[:-2], code[1:-1], code[2:]
        ok = (w1 >= 0) & (w2 >= 0) & (w3 >= 0) & (sent[:-2] == sent[2:])
        w1, w2, w3 = w1[ok], w2[ok], w3[ok]
        grams, count = _counted((w1 * n_vocab + w2) * n_vocab + w3, min_count, n_vocab, 3, dropped)
        ok2 = (code[:-1] >= 0) & (code[1:] >= 0) & (sent[:-1] == sent[1:])
        pairs = [(x, y) for x, y, _ in grams] + [(y, z) for _, y, z in grams]
        bigram = _count_of(code[:-1][ok2] * n_vocab + code[1:][ok2], [x * n_vocab + y for x, y in pairs])
        ends = [(x, z) for x, _, z in grams]
        wildcard = _count_of(w1 * n_vocab + w3, [x * n_vocab + z for x, z in ends])
        bfd = _freqdist(dict(zip(_tuples(pairs, vocab), bigram)))
        wild = _freqdist(dict(zip(_tuples(ends, vocab), wildcard)))
        finder = TrigramCollocationFinder(prep.word_freqdist(by), bfd, wild,
                                          _freqdist(dict(zip(_tuples(grams, vocab), count))))
        measures = TrigramAssocMeasures
    pmi = {g: finder.score_ngram(measures.pmi, *g) for g in finder.ngram_fd}
    llr = {g: finder.score_ngram(measures.likelihood_ratio, *g) for g in finder.ngram_fd}
    score = pmi if measure == "pmi" else llr
    order = sorted(score, key=lambda g: (-score[g], -finder.ngram_fd[g], g))
    if top is not None:
        order = order[:top]
    columns = ["rank", "collocation"] + [f"w{k + 1}" for k in range(n)] + ["count", "pmi", "likelihood_ratio"]
    rows = [(r, " ".join(g), *g, finder.ngram_fd[g], round(pmi[g], 4), round(llr[g], 4)) for r, g in enumerate(order, 1)]
    return _frame(rows, columns, "is" + "s" * n + "iff")


# --------------------------------------------------------------------------------------------
# distinctive terms


def tfidf(doc, *, top: int = 5, by: str = "lemma", include_stopwords: bool = False, extra_stopwords=None) -> pd.DataFrame:
    """The most distinctive terms of each paragraph, with each paragraph as a document.

    ``tfidf(t, p) = tf(t, p) × idf(t)`` with ``tf(t, p)`` the number of times term ``t``
    occurs in paragraph ``p`` and ``idf(t) = ln(N / df(t))``, where ``N`` is the number of
    paragraphs that have words and ``df(t)`` the number of paragraphs containing ``t``
    (natural log, no smoothing). A term found in every paragraph scores 0 and is never listed.

    Args:
        doc: the annotated article.
        top: terms kept per paragraph (ties at the cut are broken by count, then alphabetically).
        by: ``"lemma"`` (default), ``"lower"`` or ``"text"``.
        include_stopwords: ``False`` (default) leaves stopwords out.
        extra_stopwords: words added to the stopword list.

    Returns:
        ``para_id, rank, term, tf, df, idf, tfidf``, tidy: one row per paragraph and term.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nTanks moved.\\n\\nTanks and ships moved."))
    >>> tfidf(doc)[["para_id", "term", "tfidf"]].values.tolist()
    [[2, 'ship', 0.6931]]
    """
    _check_int("top", top, 1)
    _check_by(by)
    prep = _prep(doc)
    st = prep.stats(by, _stopset(extra_stopwords))
    n_vocab = len(st.vocab)
    mask = slice(None) if include_stopwords else ~st.flags
    # tf: the (paragraph, term) pairs, sorted by paragraph; df: the paragraphs of each term
    pairs, tf = np.unique(prep.para_w[mask] * n_vocab + st.codes[mask], return_counts=True)
    para_id, term = pairs // n_vocab, pairs % n_vocab
    df = np.bincount(term, minlength=n_vocab)
    idf = _log_idf(prep.n_docs)[df]
    keep = idf[term] > 0
    para_id, term, tf = para_id[keep], term[keep], tf[keep]
    score = tf * idf[term]
    # by paragraph, then highest score, highest tf, term (alphabetical); top ranks per paragraph
    order = np.lexsort((prep.alphabetical_rank(by)[term], -tf, -score, para_id))
    para_id, term, tf, score = para_id[order], term[order], tf[order], score[order]
    rank = np.arange(len(order)) - np.searchsorted(para_id, para_id) + 1
    keep = rank <= top
    term = term[keep]
    return _frame_from_columns(TFIDF_COLUMNS, [para_id[keep], rank[keep], [st.vocab[t] for t in term.tolist()],
                                               tf[keep], df[term], _round(idf[term], 4), _round(score[keep], 4)],
                               "iisiiff")


def _g2(a: float, b: float, c: float, d: float) -> float:
    """Log-likelihood G² for frequency ``a`` in a corpus of ``c`` words and ``b`` in one of ``d``."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g = 0.0
    if a > 0:
        g += a * math.log(a / e1)
    if b > 0:
        g += b * math.log(b / e2)
    return 2.0 * g


def _reference_counts(reference, *, by: str, reference_total) -> tuple[dict, int]:
    from .document import Document

    if isinstance(reference, Document):
        prep = _prep(reference)
        counts = prep.stats(by, frozenset()).counts()
        total = prep.n_words
    else:
        if isinstance(reference, pd.DataFrame):
            if not {"term", "count"} <= set(reference.columns):
                raise ValueError("a reference table needs the columns 'term' and 'count' "
                                 f"(it has {', '.join(map(str, reference.columns))})")
            pairs = zip(reference["term"], reference["count"])
        elif isinstance(reference, pd.Series):
            pairs = reference.items()
        elif isinstance(reference, dict):
            pairs = reference.items()
        else:
            raise ValueError("reference must be a Document, a DataFrame with 'term' and 'count', a Series "
                             f"or a dict of term -> count, not {type(reference).__name__}")
        counts = Counter()
        for term, c in pairs:
            if pd.isna(c) or c < 0:
                raise ValueError(f"reference count for {term!r} is {c!r}; counts must be numbers >= 0")
            key = str(term) if by == "text" else fold(str(term).lower())
            counts[key] += c
        total = sum(counts.values())
    if reference_total is not None:
        if not isinstance(reference_total, (int, float)) or reference_total < sum(counts.values()) or reference_total <= 0:
            raise ValueError(f"reference_total={reference_total!r} is not allowed; it must be a number at least "
                             "the sum of the reference counts")
        total = reference_total
    if total <= 0:
        raise ValueError("the reference is empty: it has no words to compare with")
    return counts, total


def keyness(doc, reference, *, by: str = "lemma", min_count: int = 2, include_stopwords: bool = False,
            extra_stopwords=None, reference_total: int | None = None) -> pd.DataFrame:
    """Terms used more (or less) in the article than in a reference: G² and log ratio.

    For a term seen ``a`` times in the article (``c`` words) and ``b`` times in the reference
    (``d`` words), with expected frequencies ``E1 = c(a+b)/(c+d)`` and ``E2 = d(a+b)/(c+d)``:

    * ``g2 = 2 (a ln(a/E1) + b ln(b/E2))`` (Rayson & Garside 2000; a zero count adds 0);
      ``p_value`` is its chi-square tail with 1 degree of freedom (G² ≥ 3.84 ⇔ p ≤ 0.05,
      ≥ 10.83 ⇔ p ≤ 0.001);
    * ``log_ratio = log2((a/c) / (b/d))`` (Hardie 2014), the effect size: +1 means twice as
      frequent in the article; a zero count is replaced by 0.5 so the ratio stays finite.

    Args:
        doc: the annotated article.
        reference: a second :class:`~analysis.document.Document`, or a frequency table: a
            DataFrame with ``term`` and ``count`` columns, a Series or a dict term -> count
            (terms are case-folded unless ``by="text"``).
        by: ``"lemma"`` (default), ``"lower"`` or ``"text"``; use the form the table holds.
        min_count: keep terms whose article and reference counts add up to at least this.
        include_stopwords: ``False`` (default) leaves stopwords out of the list (they still
            count in the corpus sizes ``c`` and ``d``).
        extra_stopwords: words added to the stopword list.
        reference_total: the reference's size in words when the table does not list every
            word (default: the sum of its counts).

    Returns:
        ``term, count, ref_count, rel_freq, ref_rel_freq, g2, p_value, log_ratio, use``;
        frequencies per 1,000 words; ``use`` is ``"over"`` or ``"under"``. Over-used terms
        first (largest G² first), then under-used ones (largest G² first).

    >>> a = analysis.annotate(analysis.from_text("T\\n\\nTroops, troops and more troops."))
    >>> keyness(a, {"troop": 1, "and": 50, "more": 49})[["term", "count", "ref_count"]].values[0].tolist()
    ['troop', 3, 1]
    """
    _check_by(by)
    _check_int("min_count", min_count, 1)
    prep = _prep(doc)
    stops = _stopset(extra_stopwords)
    st = prep.stats(by, stops)
    c = prep.n_words
    if c == 0:
        raise ValueError("the article has no words to compare")
    ref, d = _reference_counts(reference, by=by, reference_total=reference_total)
    # the reference's counts by term number (terms only the reference has come after the article's)
    n_terms, numbers, term_of_key = len(st.vocab), prep.key_numbers(by), prep.term_of_key(by)
    extra, ref_count = [], {}
    for term, count in ref.items():
        k = numbers.get(term)
        i = -1 if k is None else term_of_key[k]
        if i < 0:
            i = n_terms + len(extra)
            extra.append(term)
        ref_count[i] = count
    terms = st.vocab + extra
    a_all = np.concatenate([st.count, np.zeros(len(extra), dtype=np.int64)])
    b_all = np.zeros(len(terms))
    b_all[list(ref_count)] = list(ref_count.values())
    keep = []
    for i in np.flatnonzero(a_all + b_all >= min_count).tolist():
        term = terms[i]
        if include_stopwords or not ((i < n_terms and st.stop[i]) or term in stops or str(term).lower() in stops):
            keep.append(i)
    a, b = a_all[keep], b_all[keep]
    g2, p_value, log_ratio = [], [], []
    for x, y in zip(a.tolist(), [ref_count.get(i, 0) for i in keep]):
        g = _g2(x, y, c, d)
        g2.append(g)
        p_value.append(math.erfc(math.sqrt(g / 2.0)) if g > 0 else 1.0)
        log_ratio.append(math.log2(((x or 0.5) / c) / ((y or 0.5) / d)))
    g2 = _round(g2, 4)
    over = a / c > b / d
    # over-used terms first, then under-used ones; each by G² (largest first), then by term
    order = sorted(range(len(keep)), key=lambda r: (not over[r], -g2[r], terms[keep[r]]))
    keep = [keep[r] for r in order]
    return _frame_from_columns(KEYNESS_COLUMNS, [
        [terms[i] for i in keep], a[order], [ref_count.get(i, 0) for i in keep], _round(1000 * a[order] / c, 3),
        _round(1000 * b[order] / d, 3), g2[order], np.array(p_value)[order], _round(log_ratio, 4)[order],
        np.where(over[order], "over", "under").tolist()], "si?fffffs")


# --------------------------------------------------------------------------------------------
# KWIC and dispersion


def _query_words(query: str) -> list[str]:
    if not isinstance(query, str) or not query.strip():
        raise ValueError(f"the query must be a non-empty string, not {query!r}")
    q = fold(query.strip())
    if _PLAIN_WORDS.fullmatch(q):
        return q.lower().split()
    return [q[s:e].lower() for s, e in split_tokens(q)]


_PLAIN_WORDS = re.compile(r"[^\W_]+(?:[ ][^\W_]+)*")


def _matches(doc, prep: _Prep, query: str, by: str, case_sensitive: bool) -> list[tuple[int, int]]:
    """``(first, last)`` token indices of every match of ``query``, in reading order."""
    if by == "regex":
        if not isinstance(query, str) or not query:
            raise ValueError(f"the query must be a non-empty regular expression, not {query!r}")
        try:
            pattern = re.compile(query, 0 if case_sensitive else re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{query!r} is not a valid regular expression ({exc}); give a Python regular "
                             r"expression such as 'terror\w*' or 'inclusive\s+government'") from None
        if prep.folded is None:
            prep.folded = fold(doc.text)
        out, seen = [], set()
        for _, p_start, p_end in prep.para_spans:
            for m in pattern.finditer(prep.folded, p_start, p_end):
                if m.end() <= m.start():
                    continue
                a = bisect_right(prep.end, m.start())  # first token ending after the match start
                b = bisect_left(prep.start, m.end()) - 1  # last token starting before the match end
                if a <= b and (a, b) not in seen:
                    seen.add((a, b))
                    out.append((a, b))
        return out
    words = _query_words(query)
    if by == "lemma":
        from .segment import lemmatize

        # accept the lemma itself or a form of it: "states" looks for the lemma "state"
        words = [w if prep.has("lemma", w) else next((m for m in (lemmatize(w, t) for t in ("NNS", "VBD", "VBG", "JJR"))
                                                      if prep.has("lemma", m)), w) for w in words]
    k = len(words)
    para = prep.para
    hits = prep.positions(by if by == "lemma" else "lower", words[0])
    if k == 1:
        return [(i, i) for i in hits]
    keys = prep.lemma if by == "lemma" else prep.lower
    return [(i, i + k - 1) for i in hits if keys[i:i + k] == words and para[i + k - 1] == para[i]]


def kwic(doc, query: str, *, by: str = "word", window: int = 5, sort: str = "position",
         case_sensitive: bool = False) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``query`` with the words around it.

    Args:
        doc: the annotated article.
        query: a word (``"Taliban"``), a phrase (``"inclusive government"``), a lemma
            (with ``by="lemma"``: ``"state"`` finds *state* and *states*) or a Python regular
            expression (with ``by="regex"``, searched in the text and widened to whole tokens:
            ``r"terror\\w*"``). Words are matched case-insensitively, curly and straight
            apostrophes alike.
        by: ``"word"`` (default), ``"lemma"`` or ``"regex"``.
        window: words of context on each side (0–50); punctuation comes along but is not
            counted. Context stays inside the paragraph.
        sort: ``"position"`` (reading order, default), ``"left"`` (by the word just before
            the keyword, then the one before it ...) or ``"right"`` (by the words after).
        case_sensitive: regex only: match case exactly.

    Returns:
        ``left, keyword, right, para_id, sent_id, token_id, start, end, text``: one row per
        occurrence; ``start``/``end`` are the keyword's offsets and ``text`` its source text.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nThe talks failed. Then the talks resumed."))
    >>> kwic(doc, "talks", window=2)[["left", "keyword", "right"]].values.tolist()
    [['The', 'talks', 'failed. Then'], ['Then the', 'talks', 'resumed.']]
    """
    _check_by(by, KWIC_BY)
    _check_int("window", window, 0, 50)
    if sort not in KWIC_SORT:
        raise ValueError(f"sort={sort!r} is not allowed; choose one of {', '.join(map(repr, KWIC_SORT))}")
    prep = _prep(doc)
    matches = _matches(doc, prep, query, by, case_sensitive)
    text = doc.text
    punct, para = prep.punct, prep.para
    lower = prep.lower if sort != "position" else None
    n_tok = len(punct)
    rows, left_keys, right_keys = [], [], []
    for a, b in matches:
        p = para[a]
        # left: back to the window-th word before the keyword, inside the paragraph
        j, seen = a, 0
        while seen < window and j > 0 and para[j - 1] == p:
            j -= 1
            seen += not punct[j]
        # right: forward to the window-th word after the keyword
        k, seen = b, 0
        while seen < window and k + 1 < n_tok and para[k + 1] == p:
            k += 1
            seen += not punct[k]
        start, end = prep.start[a], prep.end[b]
        left = " ".join(text[prep.start[j]:start].split()) if j < a else ""
        right = " ".join(text[end:prep.end[k]].split()) if k > b else ""
        rows.append((left, " ".join(text[start:end].split()), right, p, prep.sent[a], prep.token_id[a], start, end,
                     text[start:end]))
        if sort == "left":
            left_keys.append([lower[x] for x in range(a - 1, j - 1, -1) if not punct[x]])
        elif sort == "right":
            right_keys.append([lower[x] for x in range(b + 1, k + 1) if not punct[x]])
    order = list(range(len(rows)))
    if sort == "left":
        order.sort(key=lambda r: (left_keys[r], r))
    elif sort == "right":
        order.sort(key=lambda r: (right_keys[r], r))
    return _frame([rows[r] for r in order], KWIC_COLUMNS, "sssiiiiis")


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _content(prep: _Prep, by: str, extra_stopwords) -> np.ndarray:
    """The terms (numbers in ``prep.stats(by, ...).vocab``) with a letter that are not
    stopwords, most frequent first (ties: first occurrence first)."""
    stops = _stopset(extra_stopwords)
    key = ("content", by, stops)
    hit = prep.cache.get(key)
    if hit is None:
        st = prep.stats(by, stops)
        has_letter = np.array([t.isalpha() or _HAS_LETTER.search(t) is not None for t in st.vocab], dtype=bool)
        hit = np.flatnonzero(~st.stop & has_letter)
        hit = prep.cache[key] = hit[np.argsort(-st.count[hit], kind="stable")]
    return hit


def _content_terms(prep: _Prep, by: str, extra_stopwords, k: int | None = None) -> list[tuple[str, int]]:
    """``(term, count)`` of the first ``k`` (default all) terms of :func:`_content`."""
    st = prep.stats(by, _stopset(extra_stopwords))
    content = _content(prep, by, extra_stopwords)[:k]
    return list(zip([st.vocab[i] for i in content.tolist()], st.count[content].tolist()))


def _default_terms(doc, k: int, by: str, extra_stopwords) -> list[str]:
    return [t for t, _ in _content_terms(_prep(doc), by, extra_stopwords, k)]


def _terms_list(terms) -> list[str]:
    if isinstance(terms, str):
        terms = [terms]
    terms = list(terms)
    if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        raise ValueError(f"terms must be a non-empty list of words or phrases, not {terms!r}")
    return terms


def _requested_terms(doc, terms, *, by: str, top: int, extra_stopwords) -> list[str]:
    """The terms a dispersion view asks for: those given, else the ``top`` content terms."""
    _check_by(by, KWIC_BY)
    if terms is None:
        _check_int("top", top, 1)
        terms = _default_terms(doc, top, "lemma" if by == "lemma" else "lower", extra_stopwords)
    return _terms_list(terms)


def dispersion(doc, terms=None, *, by: str = "lemma", top: int = 6, extra_stopwords=None) -> pd.DataFrame:
    """Where each term occurs: its position among the words and its paragraph.

    Args:
        doc: the annotated article.
        terms: words or phrases to look for (matched like :func:`kwic`); default: the ``top``
            most frequent content terms.
        by: ``"lemma"`` (default: *state* finds *states* too), ``"word"`` or ``"regex"``.
        top: how many terms to take when ``terms`` is not given.
        extra_stopwords: words left out of the default terms.

    Returns:
        ``term, token_id, word_position, rel_position, para_id, sent_id, start, end, text``:
        one row per occurrence, terms in the order given. ``word_position`` counts words from 0
        (punctuation excluded); ``rel_position`` is it divided by the number of words (0–1).

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nShips came.\\n\\nShips left."))
    >>> dispersion(doc, ["ship"])[["term", "word_position", "para_id"]].values.tolist()
    [['ship', 0, 1], ['ship', 2, 2]]
    """
    terms = _requested_terms(doc, terms, by=by, top=top, extra_stopwords=extra_stopwords)
    prep = _prep(doc)
    n_words = max(prep.n_words, 1)
    names, first, last = [], [], []
    for term in terms:
        for a, b in _matches(doc, prep, term, by, False):
            names.append(term)
            first.append(a)
            last.append(b)
    a = np.array(first, dtype=np.int64)
    word_pos = prep.word_pos_arr[a]
    start, end = prep.start_arr[a], prep.end_arr[np.array(last, dtype=np.int64)]
    text = doc.text
    return _frame_from_columns(DISPERSION_COLUMNS, [
        names, prep.token_id_arr[a], word_pos, _round(word_pos / n_words, 4), prep.para_arr[a], prep.sent_arr[a],
        start, end, [text[s:e] for s, e in zip(start.tolist(), end.tolist())]], "siifiiiis")


def term_paragraph_counts(doc, terms=None, *, by: str = "lemma", top: int = 10, extra_stopwords=None) -> pd.DataFrame:
    """A tidy term × paragraph table of counts (zeros included), for heatmaps and pivots.

    Args:
        doc: the annotated article.
        terms: words or phrases (matched like :func:`kwic`); default: the ``top`` most
            frequent content terms.
        by: ``"lemma"`` (default), ``"word"`` or ``"regex"``.
        top: how many terms to take when ``terms`` is not given.
        extra_stopwords: words left out of the default terms.

    Returns:
        ``term, para_id, count, per_1000`` (per 1,000 words of the paragraph); terms in the
        order given, paragraphs in reading order.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nShips came.\\n\\nThey left."))
    >>> term_paragraph_counts(doc, ["ship"])["count"].tolist()
    [1, 0]
    """
    terms = _requested_terms(doc, terms, by=by, top=top, extra_stopwords=extra_stopwords)
    prep = _prep(doc)
    para_ids = np.array([p for p, _, _ in prep.para_spans], dtype=np.int64)
    size = max(int(para_ids.max(initial=0)), int(prep.para_arr.max(initial=0))) + 1
    words_in = np.bincount(prep.para_w, minlength=size)[para_ids]  # words per paragraph
    counts = []
    for term in terms:
        hits = [a for a, _ in _matches(doc, prep, term, by, False)]
        counts.append(np.bincount(prep.para_arr[hits], minlength=size)[para_ids])
    count = np.concatenate(counts)
    words = np.tile(words_in, len(terms))
    per_1000 = np.zeros(len(count))
    has_words = words > 0
    per_1000[has_words] = _round(1000 * count[has_words] / words[has_words], 2)
    return _frame_from_columns(["term", "para_id", "count", "per_1000"],
                               [[t for t in terms for _ in range(len(para_ids))], np.tile(para_ids, len(terms)), count,
                                per_1000], "siif")


def paragraph_profile(doc) -> pd.DataFrame:
    """Length of each paragraph: sentences, words and mean words per sentence.

    Returns:
        ``para_id, n_sentences, n_words, words_per_sentence, start, end, text``.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nOne. Two words.\\n\\nThree."))
    >>> paragraph_profile(doc)[["para_id", "n_sentences", "n_words"]].values.tolist()
    [[1, 2, 3], [2, 1, 1]]
    """
    prep = _prep(doc)
    words = Counter(prep.para[i] for i in prep.word_idx)
    sents = doc.sentences.groupby("para_id").size().to_dict() if len(doc.sentences) else {}
    rows = []
    for (p, s, e), t in zip(prep.para_spans, doc.paragraphs["text"].tolist()):
        ns, nw = int(sents.get(p, 0)), int(words.get(p, 0))
        rows.append((p, ns, nw, round(nw / ns, 2) if ns else 0.0, s, e, t))
    return _frame(rows, ["para_id", "n_sentences", "n_words", "words_per_sentence", "start", "end", "text"], "iiifiis")


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


def summary_card(doc, *, top: int = 5, reference=None, extra_stopwords=None) -> pd.DataFrame:
    """The article at a glance, as a two-column table ``measure, value``.

    Rows: title, paragraphs, sentences, tokens (punctuation included), words, word types
    (distinct case-folded words), vocabulary density (types / words), lemma types, mean words
    per sentence, Flesch reading ease, Flesch–Kincaid grade (see :func:`readability`), the
    ``top`` most frequent content lemmas (stopwords excluded, with counts) and the ``top``
    most distinctive lemmas: by :func:`keyness` when a ``reference`` (a Document or a
    frequency table) is given, otherwise by the article's total TF-IDF with paragraphs as
    documents, ``count × ln(N / n_paragraphs)`` (frequent words concentrated in a few
    paragraphs; a word found in every paragraph scores 0).

    Args:
        doc: the annotated article.
        top: how many frequent and distinctive words to list.
        reference: optional reference for the distinctive words (see :func:`keyness`).
        extra_stopwords: words added to the stopword list.

    >>> card = summary_card(analysis.annotate(analysis.SEED))
    >>> card.set_index("measure").loc["paragraphs", "value"]     # doctest: +SKIP
    12
    """
    _check_int("top", top, 1)
    prep = _prep(doc)
    n_words = prep.n_words
    types = len(prep.codes("lower")[1])
    lemmas = len(prep.codes("lemma")[1])
    read = readability(doc)
    frequent = ", ".join(f"{t} ({c})" for t, c in _content_terms(prep, "lemma", extra_stopwords, top))
    if reference is not None:
        key = keyness(doc, reference, extra_stopwords=extra_stopwords)
        key = key[(key["use"] == "over") & (key["g2"] >= 3.84)]
        distinctive = ", ".join(f"{t} (G² {g:.1f})" for t, g in zip(key["term"].head(top), key["g2"].head(top)))
        how = "keyness against the reference"
    else:
        st = prep.stats("lemma", _stopset(extra_stopwords))
        content = _content(prep, "lemma", extra_stopwords)
        n_paras = st.n_paras[content]
        score = st.count[content] * _log_idf(prep.n_docs)[n_paras]
        best = np.argsort(-score, kind="stable")[:top].tolist()  # stable: ties stay in order of frequency
        distinctive = ", ".join(f"{st.vocab[content[i]]} ({score[i]:.1f})" for i in best if score[i] > 0)
        how = "count × ln(paragraphs / paragraphs with the word)"
    rows = [
        ("title", doc.title or ""),
        ("paragraphs", len(doc.paragraphs)),
        ("sentences", len(doc.sentences)),
        ("tokens", prep.n_tokens),
        ("words", n_words),
        ("word types", types),
        ("vocabulary density", round(types / n_words, 3) if n_words else float("nan")),
        ("lemma types", lemmas),
        ("mean words per sentence", round(n_words / len(doc.sentences), 1) if len(doc.sentences) else float("nan")),
        ("Flesch reading ease", read["reading_ease"]),
        ("Flesch-Kincaid grade", read["grade"]),
        ("most frequent content words", frequent),
        (f"most distinctive words ({how})", distinctive),
    ]
    return _frame(rows, ["measure", "value"], "so")


__all__ = ["collocations", "count_syllables", "dispersion", "keyness", "kwic", "ngrams", "paragraph_profile",
           "readability", "summary_card", "term_frequencies", "term_paragraph_counts", "terms", "tfidf"]
