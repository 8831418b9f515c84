"""Term frequencies: one row per term."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import TERM_COLUMNS, _HAS_LETTER, _check_by, _check_int, _frame_from_columns, _round, _stopset
from .prepare import _Prep, _prep

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
