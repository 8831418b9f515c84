"""Keyword in context, dispersion, term × paragraph counts and paragraph lengths."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

import numpy as np
import pandas as pd

from ..segment import fold, split_tokens
from ._common import (DISPERSION_COLUMNS, KWIC_BY, KWIC_COLUMNS, KWIC_SORT, _check_by, _check_int, _frame,
                      _frame_from_columns, _round)
from .frequencies import _default_terms
from .prepare import LEMMA_LOWER, _Prep, _prep

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
    k = len(words)
    para = prep.para
    if by == "lemma":
        from ..segment import lemmatize

        # a query word finds the tokens whose lemma (in lower case) is the word or a lemma of it:
        # "states" finds "state" and "states" ("United States" keeps "States"), "state" only "state"
        allowed = [{w} | {m for m in (lemmatize(w, t) for t in ("NNS", "VBD", "VBG", "JJR")) if prep.has(LEMMA_LOWER, m)}
                   for w in words]
        hits = sorted(i for key in allowed[0] for i in prep.positions(LEMMA_LOWER, key))
        if k == 1:
            return [(i, i) for i in hits]
        keys, n = prep.keys(LEMMA_LOWER), prep.n_tokens
        return [(i, i + k - 1) for i in hits if i + k - 1 < n and para[i + k - 1] == para[i]
                and all(keys[i + j] in allowed[j] for j in range(1, k))]
    hits = prep.positions("lower", words[0])
    if k == 1:
        return [(i, i) for i in hits]
    keys = prep.lower
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
