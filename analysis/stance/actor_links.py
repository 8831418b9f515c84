"""Linking holder and target phrases to the actors layer (``doc.mentions``) and to quotations."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress
from operator import le

import pandas as pd


from .._frames import column_values

_STR_OR_NONE = frozenset({str, type(None)})

class _Actors:
    """The article's actor mentions and quotes, indexed by start offset for bisection."""

    def __init__(self, doc):
        try:
            m = doc.mentions
        except AttributeError:
            m = pd.DataFrame(columns=["start", "end", "actor_id", "actor", "actor_type"])
        try:
            q = doc.quotes
        except AttributeError:
            q = pd.DataFrame(columns=["start", "end", "speaker_id", "speaker"])
        def values(frame, name):
            col = column_values(frame, name)
            if isinstance(col, pd.arrays.ArrowStringArray):
                return col.__arrow_array__().to_pylist()  # missing values as None, directly
            return [None if v is pd.NA or (isinstance(v, float) and v != v) else v for v in col.tolist()]

        n = len(m)
        starts = column_values(m, "start").tolist() if n else []
        names = values(m, "actor") if n else []
        # the mentions as columns: start, end, actor id, name, type (by row of the table)
        self._m_start = starts
        self._m_end = column_values(m, "end").tolist() if n else []
        self._m_id = values(m, "actor_id") if n else []
        self._m_name = names
        self._m_kind = (values(m, "actor_type") if "actor_type" in m else [None] * n) if n else []
        self.q = list(zip(column_values(q, "start").tolist(), column_values(q, "end").tolist(), values(q, "speaker_id"),
                          values(q, "speaker"))) if len(q) else []
        # mentions with an actor name, sorted by (start, table order); "first in table order" is the
        # first found in this order when the table itself is in start order (the actors layer's order)
        if all(map(le, starts, starts[1:])):
            # already in start order: the sorted order is the table's, the names kept where they are
            if set(map(type, names)) <= _STR_OR_NONE:
                self._m_order = list(compress(range(n), names))  # the non-empty names
            else:
                self._m_order = [k for k, name in enumerate(names) if isinstance(name, str) and name]
            self._m_in_table_order = True
        else:
            named = sorted((ms, k) for k, (ms, name) in enumerate(zip(starts, names)) if isinstance(name, str) and name)
            self._m_order = [k for _ms, k in named]
            self._m_in_table_order = self._m_order == sorted(self._m_order)
        self._m_starts = list(map(starts.__getitem__, self._m_order))
        self._m_ends = list(map(self._m_end.__getitem__, self._m_order))  # in the same order
        # quotes: bisect when they are in start order and do not overlap, else the plain scan
        self._q_starts = [qs for qs, *_ in self.q]
        self._q_bisect = all(self.q[k][1] <= self.q[k + 1][0] and self.q[k][0] <= self.q[k + 1][0]
                             for k in range(len(self.q) - 1))

    @property
    def m(self) -> list[tuple]:
        """The mentions as ``(start, end, actor_id, actor, actor_type)`` rows, in table order."""
        return list(zip(self._m_start, self._m_end, self._m_id, self._m_name, self._m_kind))

    def in_span(self, start: int, end: int):
        """The first mention (in table order) with an actor inside [start, end)."""
        best = None
        starts, ends = self._m_starts, self._m_ends
        for k in range(bisect_left(starts, start), len(starts)):
            if starts[k] > end:
                break
            if ends[k] <= end:
                idx = self._m_order[k]
                if best is None or idx < best:
                    best = idx
                    if self._m_in_table_order:
                        break
        if best is None:
            return None
        return self._m_id[best], self._m_name[best], self._m_kind[best]

    def person_in_span(self, start: int, end: int):
        """The last person mention inside [start, end), or None."""
        found = None
        starts, ends, kinds = self._m_starts, self._m_ends, self._m_kind
        for k in range(bisect_left(starts, start), len(starts)):
            if starts[k] > end:
                break
            idx = self._m_order[k]
            if kinds[idx] == "person" and ends[k] <= end:
                found = (self._m_id[idx], self._m_name[idx], kinds[idx])
        return found

    def quote_at(self, pos: int):
        """The first quote (in table order) around ``pos``."""
        if self._q_bisect:
            # in start order without overlaps, only the last quote starting at or before pos can hold it
            k = bisect_right(self._q_starts, pos) - 1
            if k >= 0 and self.q[k][0] <= pos < self.q[k][1]:
                return self.q[k][2], self.q[k][3]
            return None
        for qs, qe, sid, spk in self.q:
            if qs <= pos < qe:
                return sid, spk
        return None


def _clean(value):
    return None if value is None or (isinstance(value, float) and value != value) or value is pd.NA else value
