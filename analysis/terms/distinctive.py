"""Distinctive terms: TF-IDF per paragraph and keyness against a reference."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd

from ..segment import fold
from ._common import KEYNESS_COLUMNS, TFIDF_COLUMNS, _check_by, _check_int, _frame_from_columns, _log_idf, _round
from .lists import FLAG_LISTS, _flag_lists, _stopset, key_list
from .prepare import _prep

# --------------------------------------------------------------------------------------------
# distinctive terms


def tfidf(doc, *, top: int = 5, by: str = "lemma", include_stopwords: bool = False, extra_stopwords=None,
          flag_lists=FLAG_LISTS, names: bool = True) -> pd.DataFrame:
    """The most distinctive terms of each paragraph, with each paragraph as a document.

    ``tfidf(t, p) = tf(t, p) × idf(t)`` with ``tf(t, p)`` the number of times term ``t``
    occurs in paragraph ``p`` and ``idf(t) = ln(N / df(t))``, where ``N`` is the number of
    paragraphs that have words and ``df(t)`` the number of paragraphs containing ``t``
    (natural log, no smoothing). A term found in every paragraph scores 0 and is never listed.

    Args:
        doc: the annotated article.
        top: terms kept per paragraph (ties at the cut are broken by count, then alphabetically).
        by: ``"lemma"`` (default), ``"lower"`` or ``"text"``.
        include_stopwords: ``False`` (default) leaves stopwords (and the words of ``flag_lists``) out.
        extra_stopwords: words added to the stopword list.
        flag_lists: word lists left out like stopwords (see :func:`term_frequencies`).
        names: a multi-word name is one term (see :func:`term_frequencies`).

    Returns:
        ``para_id, rank, term, tf, df, idf, tfidf``, tidy: one row per paragraph and term.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nTanks moved.\\n\\nTanks and ships moved."))
    >>> tfidf(doc)[["para_id", "term", "tfidf"]].values.tolist()
    [[2, 'ship', 0.6931]]
    """
    _check_int("top", top, 1)
    _check_by(by)
    prep = _prep(doc)
    st = prep.stats(by, _stopset(extra_stopwords), _flag_lists(flag_lists), bool(names))
    n_vocab = len(st.vocab)
    mask = slice(None) if include_stopwords else ~st.flags
    # tf: the (paragraph, term) pairs, sorted by paragraph; df: the paragraphs of each term
    pairs, tf = np.unique(st.para[mask] * n_vocab + st.codes[mask], return_counts=True)
    para_id, term = pairs // n_vocab, pairs % n_vocab
    df = np.bincount(term, minlength=n_vocab)
    idf = _log_idf(prep.n_docs)[df]
    keep = idf[term] > 0
    para_id, term, tf = para_id[keep], term[keep], tf[keep]
    score = tf * idf[term]
    # by paragraph, then highest score, highest tf, term (alphabetical); top ranks per paragraph
    order = np.lexsort((st.rank[term], -tf, -score, para_id))
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


def _reference_counts(reference, *, by: str, reference_total, names: bool) -> tuple[dict, int, bool]:
    """``(counts, total, is_document)`` of the reference: term -> count and its size in words."""
    from ..document import Document

    if isinstance(reference, Document):
        st = _prep(reference).stats(by, frozenset(), (), names)
        counts, total = st.counts(), st.n_units
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
            key = fold(str(term))
            counts[key.lower() if by == "lower" else key] += c
        total = sum(counts.values())
    if reference_total is not None:
        if not isinstance(reference_total, (int, float)) or reference_total < sum(counts.values()) or reference_total <= 0:
            raise ValueError(f"reference_total={reference_total!r} is not allowed; it must be a number at least "
                             "the sum of the reference counts")
        total = reference_total
    if total <= 0:
        raise ValueError("the reference is empty: it has no words to compare with")
    return counts, total, isinstance(reference, Document)


def keyness(doc, reference, *, by: str = "lemma", min_count: int = 2, include_stopwords: bool = False,
            extra_stopwords=None, reference_total: int | None = None, max_p: float | None = 0.05,
            flag_lists=FLAG_LISTS, names: bool = True) -> pd.DataFrame:
    """Terms used more (or less) in the article than in a reference: G² and log ratio.

    For a term seen ``a`` times in the article (``c`` words) and ``b`` times in the reference
    (``d`` words), with expected frequencies ``E1 = c(a+b)/(c+d)`` and ``E2 = d(a+b)/(c+d)``:

    * ``g2 = 2 (a ln(a/E1) + b ln(b/E2))`` (Rayson & Garside 2000; a zero count adds 0);
      ``p_value`` is its chi-square tail with 1 degree of freedom (G² ≥ 3.84 ⇔ p ≤ 0.05,
      ≥ 10.83 ⇔ p ≤ 0.001);
    * ``log_ratio = log2((a/c) / (b/d))`` (Hardie 2014), the effect size: +1 means twice as
      frequent in the article; a zero count is replaced by 0.5 so the ratio stays finite.

    Only the significant rows are listed by default (``p_value ≤ 0.05``, i.e. G² ≥ 3.84);
    ``max_p=None`` lists every term.

    Args:
        doc: the annotated article.
        reference: a second :class:`~analysis.document.Document`, or a frequency table: a
            DataFrame with ``term`` and ``count`` columns, a Series or a dict term -> count
            (``by="lower"``: terms are case-folded; otherwise a term matches the article's term
            of the same spelling, else the one that differs only in case: "afghanistan" finds
            "Afghanistan").
        by: ``"lemma"`` (default), ``"lower"`` or ``"text"``; use the form the table holds.
        min_count: keep terms whose article and reference counts add up to at least this.
        include_stopwords: ``False`` (default) leaves stopwords and the words of ``flag_lists``
            out of the list (they still count in the corpus sizes ``c`` and ``d``).
        extra_stopwords: words added to the stopword list.
        reference_total: the reference's size in words when the table does not list every
            word (default: the sum of its counts).
        max_p: list the terms with ``p_value`` at most this (default 0.05); ``None`` for all.
        flag_lists: word lists left out like stopwords (see :func:`term_frequencies`).
        names: a multi-word name is one term, in the article and in a reference Document.

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
    if max_p is not None and (isinstance(max_p, bool) or not isinstance(max_p, (int, float)) or not 0 < max_p <= 1):
        raise ValueError(f"max_p={max_p!r} is not allowed; give a p-value above 0 and at most 1 (0.05 lists the "
                         "significant terms), or None for every term")
    prep = _prep(doc)
    stops, lists = _stopset(extra_stopwords), _flag_lists(flag_lists)
    st = prep.stats(by, stops, lists, bool(names))
    c = st.n_units
    if c == 0:
        raise ValueError("the article has no words to compare")
    ref, d, same_keys = _reference_counts(reference, by=by, reference_total=reference_total, names=bool(names))
    # the reference's counts by term number (terms only the reference has come after the article's)
    n_terms = len(st.vocab)
    number = {t: i for i, t in enumerate(st.vocab)}
    folded = {}
    if not same_keys and by != "lower":
        for i, t in enumerate(st.vocab):
            folded.setdefault(t.lower(), i)
    extra, ref_count = [], {}
    for term, count in ref.items():
        i = number.get(term)
        if i is None:
            i = folded.get(term.lower())
        if i is None:
            i = n_terms + len(extra)
            extra.append(term)
        ref_count[i] = ref_count.get(i, 0) + count
    terms = st.vocab + extra
    a_all = np.concatenate([st.count, np.zeros(len(extra), dtype=np.int64)])
    b_all = np.zeros(len(terms))
    b_all[list(ref_count)] = list(ref_count.values())
    keep = []
    for i in np.flatnonzero(a_all + b_all >= min_count).tolist():
        if include_stopwords or not ((i < n_terms and st.stop[i]) or key_list(terms[i], stops, lists) is not None):
            keep.append(i)
    a, b = a_all[keep], b_all[keep]
    g2, p_value, log_ratio = [], [], []
    for x, y in zip(a.tolist(), [ref_count.get(i, 0) for i in keep]):
        g = _g2(x, y, c, d)
        g2.append(g)
        p_value.append(math.erfc(math.sqrt(g / 2.0)) if g > 0 else 1.0)
        log_ratio.append(math.log2(((x or 0.5) / c) / ((y or 0.5) / d)))
    g2 = _round(g2, 4)
    p_value = np.array(p_value)
    over = a / c > b / d
    # over-used terms first, then under-used ones; each by G² (largest first), then by term
    order = sorted((r for r in range(len(keep)) if max_p is None or p_value[r] <= max_p),
                   key=lambda r: (not over[r], -g2[r], terms[keep[r]]))
    rows = [keep[r] for r in order]
    if not rows:
        return _frame_from_columns(KEYNESS_COLUMNS, [[]] * len(KEYNESS_COLUMNS), "si?fffffs")
    return _frame_from_columns(KEYNESS_COLUMNS, [
        [terms[i] for i in rows], a[order], [ref_count.get(i, 0) for i in rows], _round(1000 * a[order] / c, 3),
        _round(1000 * b[order] / d, 3), g2[order], p_value[order], _round(log_ratio, 4)[order],
        np.where(over[order], "over", "under").tolist()], "si?fffffs")
