"""The summary card: the article at a glance."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import _check_int, _frame, _log_idf
from .distinctive import keyness
from .frequencies import _content, _content_terms
from .lists import FLAG_LISTS, _flag_lists, _stopset
from .prepare import _prep
from .readability import readability

def summary_card(doc, *, top: int = 5, reference=None, extra_stopwords=None, flag_lists=FLAG_LISTS) -> pd.DataFrame:
    """The article at a glance, as a two-column table ``measure, value``.

    Rows: title, paragraphs, sentences, tokens (punctuation included), words, word types
    (distinct case-folded words), vocabulary density (types / words), lemma types, mean words
    per sentence, Flesch reading ease, Flesch–Kincaid grade (see :func:`readability`), the
    ``top`` most frequent content lemmas (stopwords, honorifics and reporting verbs excluded,
    a multi-word name counting as one, with counts) and the ``top``
    most distinctive lemmas: by :func:`keyness` when a ``reference`` (a Document or a
    frequency table) is given, otherwise by the article's total TF-IDF with paragraphs as
    documents, ``count × ln(N / n_paragraphs)`` (frequent words concentrated in a few
    paragraphs; a word found in every paragraph scores 0).

    Args:
        doc: the annotated article.
        top: how many frequent and distinctive words to list.
        reference: optional reference for the distinctive words (see :func:`keyness`).
        extra_stopwords: words added to the stopword list.
        flag_lists: word lists left out like stopwords (see :func:`term_frequencies`).

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
    frequent = ", ".join(f"{t} ({c})" for t, c in _content_terms(prep, "lemma", extra_stopwords, top, flag_lists))
    if reference is not None:
        key = keyness(doc, reference, extra_stopwords=extra_stopwords, flag_lists=flag_lists, max_p=0.05)
        key = key[key["use"] == "over"]
        distinctive = ", ".join(f"{t} (G² {g:.1f})" for t, g in zip(key["term"].head(top), key["g2"].head(top)))
        how = "keyness against the reference"
    else:
        st = prep.stats("lemma", _stopset(extra_stopwords), _flag_lists(flag_lists), True)
        content = _content(prep, "lemma", extra_stopwords, flag_lists)
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
