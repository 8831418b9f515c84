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
from itertools import compress
from operator import itemgetter

import pandas as pd

from ._frames import frame_from_rows
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


class _Prep:
    """Plain Python lists of the token columns, so every table is one pass without pandas."""

    __slots__ = ("lower", "lemma", "text", "para", "sent", "start", "end", "punct", "token_id",
                 "word_idx", "word_pos", "folded", "para_spans", "cache", "__weakref__")

    def __init__(self, doc):
        tk = doc.tokens
        self.lower = tk["lower"].tolist()
        self.lemma = tk["lemma"].tolist()
        self.text = tk["text"].tolist()
        self.para = tk["para_id"].tolist()
        self.sent = tk["sent_id"].tolist()
        self.start = tk["start"].tolist()
        self.end = tk["end"].tolist()
        self.punct = tk["is_punct"].tolist()
        self.token_id = tk["token_id"].tolist()
        self.word_idx = [i for i, p in enumerate(self.punct) if not p]
        # position of each token among the words (punctuation gets the next word's position)
        pos, n = [], 0
        for p in self.punct:
            pos.append(n)
            if not p:
                n += 1
        self.word_pos = pos
        self.folded = None
        self.cache: dict = {}
        self.para_spans = list(zip(doc.paragraphs["para_id"].tolist(), doc.paragraphs["start"].tolist(),
                                   doc.paragraphs["end"].tolist()))

    def keys(self, by: str) -> list[str]:
        return self.lemma if by == "lemma" else self.lower if by == "lower" else self.text

    def stats(self, by: str, stops: frozenset) -> tuple:
        """``(flags, count, n_paras, first, stop)``: per-token stop flags and per-term figures."""
        key = ("stats", by, stops)
        hit = self.cache.get(key)
        if hit is None:
            keys = self.keys(by)
            flags = _stop_flags(self, keys, stops)
            para = self.para
            count: dict[str, int] = {}
            last_para: dict[str, int] = {}
            n_paras: dict[str, int] = {}
            first: dict[str, int] = {}
            stop: dict[str, bool] = {}
            for i in self.word_idx:
                k = keys[i]
                p = para[i]
                if k in count:
                    count[k] += 1
                    if last_para[k] != p:
                        last_para[k] = p
                        n_paras[k] += 1
                    if flags[i]:
                        stop[k] = True
                else:
                    count[k] = 1
                    last_para[k] = first[k] = p
                    n_paras[k] = 1
                    stop[k] = flags[i]
            hit = self.cache[key] = (flags, count, n_paras, first, stop)
        return hit

    def seq(self, by: str, gap: int = 1) -> tuple[list, list[int]]:
        """The keys in reading order with ``None`` for punctuation and ``gap`` ``None`` between
        sentences, and for each position the token index (-1 for the inserted separators)."""
        key = ("seq", by, gap)
        hit = self.cache.get(key)
        if hit is None:
            keys = self.keys(by)
            seq: list = []
            tok: list[int] = []
            prev = None
            for i, (p, s) in enumerate(zip(self.punct, self.sent)):
                if s != prev:
                    seq.extend([None] * gap)
                    tok.extend([-1] * gap)
                    prev = s
                seq.append(None if p else keys[i])
                tok.append(i)
            seq.append(None)
            tok.append(-1)
            hit = self.cache[key] = (seq, tok)
        return hit

    def para_seq(self, by: str, gap: int = 1) -> list[int]:
        """The paragraph of each position of :meth:`seq` (-1 for separators)."""
        key = ("para_seq", by, gap)
        hit = self.cache.get(key)
        if hit is None:
            para = self.para
            hit = self.cache[key] = [para[i] if i >= 0 else -1 for i in self.seq(by, gap)[1]]
        return hit

    def index(self, by: str) -> dict[str, list[int]]:
        """Key -> token indices where it occurs."""
        key = ("index", by)
        hit = self.cache.get(key)
        if hit is None:
            hit = {}
            for i, k in enumerate(self.keys(by)):
                hit.setdefault(k, []).append(i)
            self.cache[key] = hit
        return hit


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


def _stop_flags(prep: _Prep, keys: list[str], stops: frozenset[str]) -> list[bool]:
    """A token is a stopword when its lower-case form or its key (lemma, ...) is on the list."""
    if keys is prep.lower:
        return [w in stops for w in keys]
    return [w in stops or k.lower() in stops for w, k in zip(prep.lower, keys)]


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A DataFrame from row tuples, built column by column (several times faster than pandas'
    own inference on small tables): text as pandas' ``str`` dtype, numbers and flags as numpy."""
    return frame_from_rows(rows, columns)


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
    _, count, n_paras, first, stop = prep.stats(by, _stopset(extra_stopwords))
    n_words = len(prep.word_idx)
    terms = [k for k in count if count[k] >= min_count and (include_stopwords or not stop[k])]
    terms.sort(key=lambda k: -count[k])  # stable: ties keep the order of first occurrence
    scale = 1000.0 / n_words if n_words else 0.0
    return _frame([(k, count[k], round(count[k] * scale, 3), n_paras[k], first[k], stop[k]) for k in terms],
                  TERM_COLUMNS)


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
    flags = prep.stats(by, _stopset(extra_stopwords))[0]
    seq, tok = prep.seq(by)
    para_seq = prep.para_seq(by)
    para, starts, ends, text = prep.para, prep.start, prep.end, doc.text
    rows = []
    # A phrase of n words can only be repeated where its first n - 1 words and its last n - 1
    # words are repeated phrases too. So every 2-word window is counted, and each longer size
    # looks only at the positions where the size before it found a repeated phrase followed
    # by another one: the counts of the repeated phrases are the same as over every window.
    positions = range(len(seq) - 1)
    for size in range(2, max(ns) + 1):
        if size == 2:
            grams = list(zip(seq, seq[1:]))  # every window, at C speed
        else:
            grams = [tuple(seq[i:i + size]) for i in positions]
        count = Counter(grams)
        repeated = {g for g, c in count.items() if c >= min_count and None not in g}
        where = [(i, g) for i, g in zip(positions, grams) if g in repeated]
        if size in ns:
            first: dict[tuple, int] = {}
            paras: dict[tuple, set] = {}
            for i, g in where:  # reading order
                first.setdefault(g, i)
                paras.setdefault(g, set()).add(para_seq[i])
            for g, i in first.items():
                a, b = tok[i], tok[i + size - 1]
                stop_only = all(flags[k] for k in range(a, b + 1))
                if drop_stopword_only and stop_only:
                    continue
                rows.append((" ".join(g), size, count[g], len(paras[g]), para[a], stop_only, starts[a], ends[b],
                             text[starts[a]:ends[b]], a))
        kept = {i for i, _ in where}
        positions = [i for i, _ in where if i + 1 in kept]
    rows.sort(key=lambda r: (-r[2], -r[1], r[9]))
    return _frame([r[:9] for r in rows], NGRAM_COLUMNS)


def _freqdist(counter: Counter, min_count: int | None = None, needed=None):
    """An NLTK ``FreqDist`` filled at C speed (``dict.update`` skips its per-item ``__setitem__``).

    With ``min_count``, keep the n-grams without ``None`` seen at least that often (the same as
    the finder's ``apply_freq_filter``). ``needed`` (trigrams -> wildcard pairs): keep only the
    ``(w1, w3)`` pairs of those trigrams, counted where the middle word is not ``None``.
    """
    from nltk.probability import FreqDist

    fd = FreqDist()
    if needed is not None:
        pairs = {(g[0], g[2]) for g in needed}
        counter = {p: counter[p] for p in pairs}
    elif min_count is not None:
        counter = {g: c for g, c in counter.items() if c >= min_count and None not in g}
    dict.update(fd, counter)
    return fd


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
    from nltk.probability import FreqDist

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
    seq = prep.seq(by, max(1, window - 1) if n == 2 else 1)[0]
    # the counts of NLTK's from_words(seq + padding, window_size), made at C speed: every
    # non-None word once; pairs (w1, w2) up to window - 1 apart; for trigrams also (w1, _, w3)
    seq = seq + [None] * (window - 1)
    wfd = _freqdist(Counter(seq))
    del wfd[None]
    if n == 2:
        bfd = Counter()
        for k in range(1, window):
            bfd.update(zip(seq, seq[k:]))
        finder = BigramCollocationFinder(wfd, _freqdist(bfd, min_count), window_size=window)
        measures = BigramAssocMeasures
    else:
        bfd = _freqdist(Counter(zip(seq, seq[1:])), 1)
        tfd = _freqdist(Counter(zip(seq, seq[1:], seq[2:])), min_count)
        wild = _freqdist(Counter(compress(zip(seq, seq[2:]), seq[1:])), 1, needed=tfd)  # middle word present
        finder = TrigramCollocationFinder(wfd, bfd, wild, tfd)
        measures = TrigramAssocMeasures
    finder.apply_freq_filter(min_count)
    if not include_stopwords:
        finder.apply_word_filter(lambda w: w in stops or w.lower() in stops)
    pmi = dict(finder.score_ngrams(measures.pmi))
    llr = dict(finder.score_ngrams(measures.likelihood_ratio))
    score = pmi if measure == "pmi" else llr
    order = sorted(score, key=lambda g: (-score[g], -finder.ngram_fd[g], g))
    if top is not None:
        order = order[:top]
    columns = ["rank", "collocation"] + [f"w{k + 1}" for k in range(n)] + ["count", "pmi", "likelihood_ratio"]
    rows = [(r, " ".join(g), *g, finder.ngram_fd[g], round(pmi[g], 4), round(llr[g], 4)) for r, g in enumerate(order, 1)]
    return _frame(rows, columns)


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
    keys = prep.keys(by)
    flags = prep.stats(by, _stopset(extra_stopwords))[0]
    mask = [not p and (include_stopwords or not f) for p, f in zip(prep.punct, flags)]
    pairs = Counter(compress(zip(prep.para, keys), mask))
    per_para: dict[int, list] = {}
    for (para_id, term), tf in pairs.items():
        per_para.setdefault(para_id, []).append((term, tf))
    n_docs = len({prep.para[i] for i in prep.word_idx})
    df = Counter(map(itemgetter(1), pairs))
    idf = {t: math.log(n_docs / d) for t, d in df.items()}
    rows = []
    for para_id in sorted(per_para):
        scored = [(tf * idf[t], tf, t) for t, tf in per_para[para_id] if idf[t] > 0]
        scored.sort(key=lambda x: (-x[0], -x[1], x[2]))
        for rank, (score, tf, t) in enumerate(scored[:top], 1):
            rows.append((para_id, rank, t, tf, df[t], round(idf[t], 4), round(score, 4)))
    return _frame(rows, TFIDF_COLUMNS)


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
        counts = prep.stats(by, frozenset())[1]
        total = len(prep.word_idx)
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
    _, counts, _, _, stop = prep.stats(by, stops)
    c = len(prep.word_idx)
    if c == 0:
        raise ValueError("the article has no words to compare")
    ref, d = _reference_counts(reference, by=by, reference_total=reference_total)
    rows = []
    for term in list(counts) + [t for t in ref if t not in counts]:
        a, b = counts.get(term, 0), ref.get(term, 0)
        if a + b < min_count:
            continue
        if not include_stopwords and (stop.get(term) or term in stops or str(term).lower() in stops):
            continue
        g = _g2(a, b, c, d)
        lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
        p = math.erfc(math.sqrt(g / 2.0)) if g > 0 else 1.0
        use = "over" if a / c > b / d else "under"
        rows.append((term, a, b, round(1000 * a / c, 3), round(1000 * b / d, 3), round(g, 4), p, round(lr, 4), use))
    rows.sort(key=lambda r: (r[8] != "over", -r[5], r[0]))
    return _frame(rows, KEYNESS_COLUMNS)


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
    keys = prep.lemma if by == "lemma" else prep.lower
    if by == "lemma":
        from .segment import lemmatize

        # accept the lemma itself or a form of it: "states" looks for the lemma "state"
        index = prep.index("lemma")
        words = [w if w in index else next((m for m in (lemmatize(w, t) for t in ("NNS", "VBD", "VBG", "JJR"))
                                            if m in index), w) for w in words]
    k = len(words)
    para = prep.para
    return [(i, i + k - 1) for i in prep.index(by if by == "lemma" else "lower").get(words[0], ())
            if (k == 1 or keys[i:i + k] == words) and para[i + k - 1] == para[i]]


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
    punct, para, lower = prep.punct, prep.para, prep.lower
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
        left_keys.append([lower[x] for x in range(a - 1, j - 1, -1) if not punct[x]])
        right_keys.append([lower[x] for x in range(b + 1, k + 1) if not punct[x]])
    order = list(range(len(rows)))
    if sort == "left":
        order.sort(key=lambda r: (left_keys[r], r))
    elif sort == "right":
        order.sort(key=lambda r: (right_keys[r], r))
    return _frame([rows[r] for r in order], KWIC_COLUMNS)


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _content_terms(prep: _Prep, by: str, extra_stopwords) -> list[tuple[str, int]]:
    """``(term, count)`` of the words with a letter that are not stopwords, most frequent first."""
    stops = _stopset(extra_stopwords)
    key = ("content", by, stops)
    if key not in prep.cache:
        _, count, _, _, stop = prep.stats(by, stops)
        out = [(t, c) for t, c in count.items() if not stop[t] and _HAS_LETTER.search(t)]
        out.sort(key=lambda x: -x[1])
        prep.cache[key] = out
    return list(prep.cache[key])


def _default_terms(doc, k: int, by: str, extra_stopwords) -> list[str]:
    return [t for t, _ in _content_terms(_prep(doc), by, extra_stopwords)[:k]]


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
    n_words = max(len(prep.word_idx), 1)
    rows = []
    text = doc.text
    for term in terms:
        for a, b in _matches(doc, prep, term, by, False):
            wp = prep.word_pos[a]
            s, e = prep.start[a], prep.end[b]
            rows.append((term, prep.token_id[a], wp, round(wp / n_words, 4), prep.para[a], prep.sent[a], s, e, text[s:e]))
    return _frame(rows, DISPERSION_COLUMNS)


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
    words_in = Counter(prep.para[i] for i in prep.word_idx)
    para_ids = [p for p, _, _ in prep.para_spans]
    rows = []
    for term in terms:
        hits = Counter(prep.para[a] for a, _ in _matches(doc, prep, term, by, False))
        for p in para_ids:
            c = hits.get(p, 0)
            rows.append((term, p, c, round(1000 * c / words_in[p], 2) if words_in.get(p) else 0.0))
    return _frame(rows, ["term", "para_id", "count", "per_1000"])


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
    return _frame(rows, ["para_id", "n_sentences", "n_words", "words_per_sentence", "start", "end", "text"])


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
    n_words = syl = 0
    for w, c in Counter(prep.lower[i] for i in prep.word_idx).items():
        info = _WORD_INFO.get(w)
        if info is None:
            info = _WORD_INFO[w] = (_is_reading_word(w), count_syllables(w))
        if info[0]:
            n_words += c
            syl += c * info[1]
    if not n_words or not n_sent:
        out = {"words": n_words, "sentences": n_sent, "syllables": syl, "reading_ease": float("nan"), "grade": float("nan")}
    else:
        wps, spw = n_words / n_sent, syl / n_words
        out = {"words": n_words, "sentences": n_sent, "syllables": syl,
               "reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 2),
               "grade": round(0.39 * wps + 11.8 * spw - 15.59, 2)}
    prep.cache["readability"] = out
    return dict(out)


_WORD_INFO: dict[str, tuple[bool, int]] = {}


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
    n_words = len(prep.word_idx)
    types = len({prep.lower[i] for i in prep.word_idx})
    lemmas = len({prep.lemma[i] for i in prep.word_idx})
    read = readability(doc)
    content = _content_terms(prep, "lemma", extra_stopwords)
    frequent = ", ".join(f"{t} ({c})" for t, c in content[:top])
    if reference is not None:
        key = keyness(doc, reference, extra_stopwords=extra_stopwords)
        key = key[(key["use"] == "over") & (key["g2"] >= 3.84)]
        distinctive = ", ".join(f"{t} (G² {g:.1f})" for t, g in zip(key["term"].head(top), key["g2"].head(top)))
        how = "keyness against the reference"
    else:
        n_paras = prep.stats("lemma", _stopset(extra_stopwords))[2]
        n_docs = len({prep.para[i] for i in prep.word_idx})
        scored = [(t, c * math.log(n_docs / n_paras[t])) for t, c in content]
        scored.sort(key=lambda x: -x[1])  # stable: ties stay in order of frequency
        distinctive = ", ".join(f"{t} ({v:.1f})" for t, v in scored[:top] if v > 0)
        how = "count × ln(paragraphs / paragraphs with the word)"
    rows = [
        ("title", doc.title or ""),
        ("paragraphs", len(doc.paragraphs)),
        ("sentences", len(doc.sentences)),
        ("tokens", len(prep.punct)),
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
    return _frame(rows, ["measure", "value"])


__all__ = ["collocations", "count_syllables", "dispersion", "keyness", "kwic", "ngrams", "paragraph_profile",
           "readability", "summary_card", "term_frequencies", "term_paragraph_counts", "terms", "tfidf"]
