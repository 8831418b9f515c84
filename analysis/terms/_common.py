"""Shared constants, option checks and table builders of the term tables."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .._frames import column_array, frame_from_columns, frame_from_rows, string_array

BY = ("lemma", "lower", "text")
KWIC_BY = ("word", "lemma", "regex")
KWIC_SORT = ("position", "left", "right")
MEASURES = ("pmi", "likelihood_ratio")
MAX_NGRAM = 5

TERM_COLUMNS = ["term", "count", "rel_freq", "n_paragraphs", "first_para", "is_stop", "stop_list"]
NGRAM_COLUMNS = ["ngram", "n", "count", "n_paragraphs", "first_para", "stopword_only", "start", "end", "text"]
TFIDF_COLUMNS = ["para_id", "rank", "term", "tf", "df", "idf", "tfidf"]
KEYNESS_COLUMNS = ["term", "count", "ref_count", "rel_freq", "ref_rel_freq", "g2", "p_value", "log_ratio", "use"]
KWIC_COLUMNS = ["left", "keyword", "right", "para_id", "sent_id", "token_id", "start", "end", "text"]
DISPERSION_COLUMNS = ["term", "token_id", "word_position", "rel_position", "para_id", "sent_id", "start", "end", "text"]


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


def _check_by(by: str, allowed=BY) -> str:
    if by not in allowed:
        raise ValueError(f"by={by!r} is not allowed; choose one of {', '.join(map(repr, allowed))}")
    return by


def _check_int(name: str, value, lo: int, hi: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < lo or (hi is not None and value > hi):
        allowed = f"an integer from {lo} to {hi}" if hi is not None else f"an integer of at least {lo}"
        raise ValueError(f"{name}={value!r} is not allowed; {name} must be {allowed}")
    return value




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


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _freqdist(counts: dict):
    """An NLTK ``FreqDist`` filled at C speed (``dict.update`` skips its per-item ``__setitem__``)."""
    from nltk.probability import FreqDist

    fd = FreqDist()
    dict.update(fd, counts)
    return fd
