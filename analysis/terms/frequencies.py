"""Term frequencies: one row per term."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import TERM_COLUMNS, _HAS_LETTER, _check_by, _check_int, _frame_from_columns, _round
from .lists import FLAG_LISTS, _flag_lists, _stopset
from .prepare import _Prep, _prep

# --------------------------------------------------------------------------------------------
# term frequencies


def term_frequencies(doc, *, by: str = "lemma", extra_stopwords=None, min_count: int = 1,
                     include_stopwords: bool = True, flag_lists=FLAG_LISTS, names: bool = True) -> pd.DataFrame:
    """Count every term of the article (punctuation excluded).

    Args:
        doc: the annotated article.
        by: ``"lemma"`` (the dictionary form, the default: in lower case, except that names,
            acronyms and demonyms keep their spelling), ``"lower"`` (case-folded surface form)
            or ``"text"`` (exact spelling).
        extra_stopwords: words to flag as stopwords on top of :func:`analysis.stopwords`
            (e.g. ``["said"]``).
        min_count: keep terms that occur at least this often.
        include_stopwords: ``False`` drops the rows flagged ``is_stop``.
        flag_lists: the word lists flagged like stopwords besides them (default
            ``("honorifics", "reporting_verbs")``, see :mod:`analysis.terms.lists`); ``()`` flags
            only stopwords.
        names: ``True`` (default): a multi-word name of the actors layer is one term
            ("United States"), see :mod:`analysis.terms.names`; ``False``: every word counts alone.

    Returns:
        ``term, count, rel_freq, n_paragraphs, first_para, is_stop, stop_list``: ``rel_freq`` is
        per 1,000 words (all non-punctuation tokens, stopwords included, a multi-word name
        counting as one word); ``n_paragraphs`` the paragraphs the term occurs in; ``first_para``
        the first of them; ``is_stop`` flags stopwords and the terms of ``flag_lists``, and
        ``stop_list`` names the list (``"stopwords"``, ``"honorifics"``, ``"reporting_verbs"``,
        ``""`` for a content word). Sorted by count (descending), then by first occurrence.

    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nShips sailed.\\n\\nA ship sank."))
    >>> term_frequencies(doc).head(1)[["term", "count", "n_paragraphs"]].values.tolist()
    [['ship', 2, 2]]
    >>> doc = analysis.annotate(analysis.from_text("T\\n\\nMr Li told the United States it would help."))
    >>> term_frequencies(doc)[["term", "is_stop", "stop_list"]].values.tolist()[:4]
    [['Mr', True, 'honorifics'], ['Li', False, ''], ['tell', True, 'reporting_verbs'], ['the', True, 'stopwords']]
    >>> term_frequencies(doc, include_stopwords=False)["term"].tolist()
    ['Li', 'United States', 'help']
    """
    _check_by(by)
    _check_int("min_count", min_count, 1)
    prep = _prep(doc)
    st = prep.stats(by, _stopset(extra_stopwords), _flag_lists(flag_lists), bool(names))
    keep = st.count >= min_count
    if not include_stopwords:
        keep &= ~st.stop
    rows = np.flatnonzero(keep)
    rows = rows[np.argsort(-st.count[rows], kind="stable")]  # ties keep the order of first occurrence
    scale = 1000.0 / st.n_units if st.n_units else 0.0
    return _frame_from_columns(TERM_COLUMNS, [[st.vocab[i] for i in rows.tolist()], st.count[rows],
                                              _round(st.count[rows] * scale, 3), st.n_paras[rows],
                                              st.first_para[rows], st.stop[rows], st.stop_list[rows].tolist()],
                               "sifiibs")


def terms(doc) -> pd.DataFrame:
    """The ``terms`` layer: :func:`term_frequencies` with its defaults (lemmas, names as one
    term, stopwords, honorifics and reporting verbs flagged).

    >>> analysis.annotate(analysis.SEED).terms.columns.tolist()
    ['term', 'count', 'rel_freq', 'n_paragraphs', 'first_para', 'is_stop', 'stop_list']
    """
    return term_frequencies(doc)


def _content(prep: _Prep, by: str, extra_stopwords, flag_lists=FLAG_LISTS, names: bool = True) -> np.ndarray:
    """The terms (numbers in ``prep.stats(by, ...).vocab``) with a letter that are not
    flagged, most frequent first (ties: first occurrence first)."""
    stops, lists = _stopset(extra_stopwords), _flag_lists(flag_lists)
    key = ("content", by, stops, lists, bool(names))
    hit = prep.cache.get(key)
    if hit is None:
        st = prep.stats(by, stops, lists, bool(names))
        has_letter = np.array([t.isalpha() or _HAS_LETTER.search(t) is not None for t in st.vocab], dtype=bool)
        hit = np.flatnonzero(~st.stop & has_letter)
        hit = prep.cache[key] = hit[np.argsort(-st.count[hit], kind="stable")]
    return hit


def _content_terms(prep: _Prep, by: str, extra_stopwords, k: int | None = None, flag_lists=FLAG_LISTS,
                   names: bool = True) -> list[tuple[str, int]]:
    """``(term, count)`` of the first ``k`` (default all) terms of :func:`_content`."""
    st = prep.stats(by, _stopset(extra_stopwords), _flag_lists(flag_lists), bool(names))
    content = _content(prep, by, extra_stopwords, flag_lists, names)[:k]
    return list(zip([st.vocab[i] for i in content.tolist()], st.count[content].tolist()))


def _default_terms(doc, k: int, by: str, extra_stopwords, flag_lists=FLAG_LISTS) -> list[str]:
    """The ``k`` most frequent content terms (names included), for the views that take terms."""
    return [t for t, _ in _content_terms(_prep(doc), by, extra_stopwords, k, flag_lists)]
