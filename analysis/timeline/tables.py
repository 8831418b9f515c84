"""Table helpers shared by the layers: columns read once as lists, the token and mention
columns of a document, and the output frames."""

from __future__ import annotations

import bisect
import weakref

import pandas as pd

from .._frames import column_values, frame_from_columns
from .tense import _Tenses


def _dates(days) -> "pd.arrays.DatetimeArray":
    """A ``datetime64[s]`` column from dates and Nones (NaT): seconds, not nanoseconds, so that
    "the 15th century" (1400-01-01) fits."""
    import numpy as np

    arr = np.array([np.datetime64(d, "s") if d is not None else np.datetime64("NaT", "s") for d in days],
                   dtype="datetime64[s]")
    return pd.array(arr)


def _frame(data: dict, columns) -> pd.DataFrame:
    """The output table from columns of lists (:func:`analysis._frames.frame_from_columns`)."""
    return frame_from_columns(list(columns), [data[c] for c in columns])


def _columns(df: pd.DataFrame, names) -> list[list]:
    """The named columns of ``df`` as lists, each read once (a missing column gives Nones)."""
    out = []
    for name in names:
        if name not in df.columns:
            out.append([None] * len(df))
            continue
        values = column_values(df, name)
        arrow = getattr(values, "_pa_array", None)
        if arrow is not None and arrow.null_count == 0:
            out.append(arrow.to_pylist())  # the same strings, ~10x faster than pandas' tolist
        else:
            out.append(values.tolist())
    return out


_TOKEN_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _token_lists(doc) -> "_TokenLists":
    """The token columns as lists, built once per document (shared by timexes and events)."""
    try:
        cached = _TOKEN_CACHE.get(doc)
    except TypeError:
        return _TokenLists(doc)
    if cached is None or cached.n != len(doc.tokens):
        cached = _TokenLists(doc)
        try:
            _TOKEN_CACHE[doc] = cached
        except TypeError:
            pass
    return cached


class _TokenLists:
    """The token columns events() reads, as Python lists, with each sentence's token range."""

    def __init__(self, doc):
        col = doc.token_list  # shared with the other layers, made once per document
        self.start, self.end, self.lemma = col("start"), col("end"), col("lemma")
        self.lower, self.pos, self.sent, self.para = col("lower"), col("pos"), col("sent_id"), col("para_id")
        self.n = len(self.start)
        self.tenses = _Tenses(doc)  # reads the same shared lists

    def range(self, sent_id, lo: int, hi: int) -> range:
        a = bisect.bisect_left(self.sent, sent_id)
        b = bisect.bisect_right(self.sent, sent_id)
        i = bisect.bisect_left(self.start, lo, a, b)
        j = bisect.bisect_right(self.start, hi - 1, a, b)
        while j > i and self.end[j - 1] > hi:
            j -= 1
        return range(i, j)


class _MentionLists:
    """The rows of ``doc.mentions`` in the ``needed`` sentences, as lists (empty without actors)."""

    def __init__(self, m, needed=None):
        self.sent, self.start = [], []
        if m is None:
            return
        sent, start, end, text, ident, name = _columns(m, ("sent_id", "start", "end", "text", "actor_id", "actor"))
        if needed is None:
            idx = list(range(len(sent)))
        else:
            idx = [i for i, s in enumerate(sent) if s in needed]
        if not idx:
            return
        keys = [(sent[i], start[i]) for i in idx]
        if any(a > b for a, b in zip(keys, keys[1:])):  # not in text order: sort
            idx = [i for _, i in sorted(zip(keys, idx))]
        self.sent = [sent[i] for i in idx]
        self.start = [start[i] for i in idx]
        self.end = [end[i] for i in idx]
        self.id = [ident[i] if isinstance(ident[i], str) and ident[i] else "" for i in idx]
        self.name = [name[i] if isinstance(name[i], str) and name[i] else str(text[i]) for i in idx]

    def within(self, sent_id, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
        """``(start, end, id, name)`` of the mentions of sentence ``sent_id`` inside ``[lo, hi)``,
        in text order (the id is the name when a mention has no actor id); found by bisection,
        so a long sentence is not read again for every look-up."""
        if not self.sent:
            return []
        cache = self.__dict__.setdefault("_by_sent", {})
        got = cache.get(sent_id)
        if got is None:
            a = bisect.bisect_left(self.sent, sent_id)
            b = bisect.bisect_right(self.sent, sent_id, a)
            rows = [(self.start[i], self.end[i], self.id[i] or self.name[i], self.name[i]) for i in range(a, b)]
            got = cache[sent_id] = (rows, [r[0] for r in rows])
        rows, starts = got
        out = []
        for i in range(bisect.bisect_left(starts, lo), len(rows)):
            r = rows[i]
            if r[0] >= hi:
                break
            if r[1] <= hi:
                out.append(r)
        return out

    def name_of(self, actor_id: str) -> str:
        """The name of the actor ``actor_id`` (the id itself when no listed mention has it)."""
        names = self.__dict__.get("_names")
        if names is None:
            names = self._names = {}
            for ident, name in zip(self.id, self.name):
                if ident:
                    names.setdefault(ident, name)
        return names.get(actor_id, actor_id)


def _mentions_or_none(doc):
    try:
        m = doc.mentions
    except (AttributeError, ImportError, ModuleNotFoundError):
        return None
    if m is None or not len(m) or not {"sent_id", "start", "end", "text"} <= set(m.columns):
        return None
    return m
