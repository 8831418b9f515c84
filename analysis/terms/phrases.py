"""Repeated phrases (n-grams) and collocations."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._frames import frame_from_rows
from ._common import (MAX_NGRAM, MEASURES, NGRAM_COLUMNS, _check_by, _check_int, _distinct, _frame,
                      _frame_from_columns, _freqdist)
from .lists import FLAG_LISTS, _flag_lists, _stopset
from .prepare import _prep

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
           extra_stopwords=None, flag_lists=FLAG_LISTS) -> pd.DataFrame:
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
        flag_lists: word lists counted as stopwords besides them (default honorifics and
            reporting verbs, see :mod:`analysis.terms.lists`; ``()`` for stopwords only).

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
    flags = prep.stats(by, _stopset(extra_stopwords), _flag_lists(flag_lists)).flags
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
                 top: int | None = None, flag_lists=FLAG_LISTS) -> pd.DataFrame:
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
        include_stopwords: ``False`` (default) drops pairs containing a stopword (or a word of
            ``flag_lists``: "said the", "mr putin").
        extra_stopwords: words added to the stopword list.
        flag_lists: word lists counted as stopwords besides them (default honorifics and
            reporting verbs, see :mod:`analysis.terms.lists`; ``()`` for stopwords only).
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
    dropped = None if include_stopwords else prep.stopword_terms(by, stops, _flag_lists(flag_lists))
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
