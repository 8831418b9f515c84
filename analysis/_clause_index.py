"""The clause layer (``doc.clauses``) read by sentence and by span (shared helper).

``timeline.events`` and ``sentiment.actor_sentiment`` ask the same questions of the clause
table: which clause of a sentence contains a span, and in which clause a mention is the
subject, object or agent. :class:`ClauseIndex` reads the table's columns once, as lists (the
table itself is the cached layer, computed once per document and shared with stance and
quotes), and answers both by position.

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("Title\\n\\nThe plan was condemned by the unions."))
>>> index = clause_index(doc)
>>> k = index.innermost(1, doc.text.index("unions"), doc.text.index("unions") + 6)
>>> index.lemma[k], index.agent[k]
('condemn', 'the unions')
"""

from __future__ import annotations

import bisect
import re

import numpy as np

from ._frames import column_values

ROLES = ("subject", "agent", "object")
WINDOW = 48  # clauses read on each side of a position in a very long sentence


_INTS = ("clause_id", "sent_id", "start", "end", "verb_start", "verb_end")
_OFFSETS = frozenset(role + side for role in ("subject", "agent", "object") for side in ("_start", "_end"))
_STRINGS = frozenset({"verb", "lemma", "voice", "relation", "subject", "object", "agent",
                      "subject_actor_id", "object_actor_id", "agent_actor_id"})


def _ints(array) -> list:
    """A column of ints as a list, ``None`` where a nullable column is missing."""
    mask = getattr(array, "_mask", None)
    data = getattr(array, "_data", array)
    values = np.asarray(data).tolist()
    if mask is not None and mask.any():
        values = [None if m else v for v, m in zip(values, mask.tolist())]
    return values


def _strings(array) -> list[str]:
    """A column of strings as a list, ``""`` where it is missing."""
    pa_array = getattr(array, "_pa_array", None)
    values = pa_array.to_pylist() if pa_array is not None else list(array)
    return [v if isinstance(v, str) else "" for v in values]


class ClauseIndex:
    """The rows of a clause table as lists, with each sentence's row range.

    The offsets are read at once; the text columns (``verb``, ``lemma``, ``subject`` …,
    ``""`` when missing) on first use. Missing phrases have ``None`` offsets."""

    def __init__(self, table):
        self._table = table
        self._arrow: dict = {}
        self.n = len(table)
        self.clause_id, self.sent, self.start, self.end, self.verb_start, self.verb_end = (
            _ints(column_values(table, name)) for name in _INTS)
        self._raw: dict = {}  # the phrase offsets as (data, mask) arrays, read by row
        self._by_verb: dict = {}  # long sentences: rows in verb order, for rows_near
        # rows are in text order, so the sentence ids do not decrease
        sent = np.asarray(column_values(table, "sent_id"))
        if len(sent) < 2 or bool((sent[1:] >= sent[:-1]).all()):
            self._order, self._sent_sorted = range(self.n), self.sent
        else:  # pragma: no cover - a table sorted otherwise
            self._order = sorted(range(self.n), key=lambda k: (self.sent[k], self.start[k]))
            self._sent_sorted = [self.sent[k] for k in self._order]

    def value(self, name: str, k: int):
        """The value of column ``name`` at row ``k`` (text columns: ``""`` when missing), read
        alone when the column has not been converted (a few rows of a column are read by
        position in Arrow far faster than the whole column is made a list)."""
        values = self.__dict__.get(name)
        if values is not None:
            return values[k]
        if name == "negated":
            raw = self._raw.get(name)
            if raw is None:
                raw = self._raw[name] = np.asarray(column_values(self._table, name))
            return bool(raw[k])
        if name in _STRINGS:
            arrow = self._arrow.get(name)
            if arrow is None:
                array = column_values(self._table, name)
                arrow = self._arrow[name] = getattr(array, "_pa_array", None)
            if arrow is not None:
                v = arrow[k].as_py()
                return v if isinstance(v, str) else ""
        return getattr(self, name)[k]

    def __getattr__(self, name: str):
        # the text columns and the phrase offsets, converted on first use
        if name in _OFFSETS:
            values = _ints(column_values(self._table, name))
            setattr(self, name, values)
            return values
        if name in _STRINGS:
            values = _strings(column_values(self._table, name))
            setattr(self, name, values)
            return values
        if name == "negated":
            self.negated = [bool(v) for v in np.asarray(column_values(self._table, name)).tolist()]
            return self.negated
        raise AttributeError(name)

    def rows(self, sent_id) -> list[int]:
        """The row positions of the clauses of sentence ``sent_id``."""
        a = bisect.bisect_left(self._sent_sorted, sent_id)
        b = bisect.bisect_right(self._sent_sorted, sent_id)
        return list(self._order[a:b])

    def rows_near(self, sent_id, pos: int) -> list[int]:
        """The rows of sentence ``sent_id`` (all of them), or, in a sentence of more than
        ``2 * WINDOW`` clauses, the ``WINDOW`` clauses whose verbs come before ``pos`` and the
        ``WINDOW`` after it: a look-up stays bounded however long the sentence (a run-on list of
        thousands of clauses would otherwise be read again for every mention)."""
        a = bisect.bisect_left(self._sent_sorted, sent_id)
        b = bisect.bisect_right(self._sent_sorted, sent_id, a)
        if b - a <= 2 * WINDOW:
            return list(self._order[a:b])
        rows = self._order[a:b]
        cached = self._by_verb.get(sent_id)
        if cached is None:
            order = sorted(rows, key=lambda k: self.verb_start[k])
            cached = self._by_verb[sent_id] = (order, [self.verb_start[k] for k in order])
        order, starts = cached
        i = bisect.bisect_left(starts, pos)
        return order[max(0, i - WINDOW):i + WINDOW]

    def innermost(self, sent_id, start: int, end: int) -> int | None:
        """The smallest clause of the sentence whose span contains ``[start, end)``, or None."""
        best = None
        for k in self.rows_near(sent_id, start):
            if self.start[k] <= start and end <= self.end[k]:
                if best is None or self.end[k] - self.start[k] < self.end[best] - self.start[best]:
                    best = k
        return best

    def role_of(self, sent_id, start: int, end: int, text: str = "") -> tuple[int | None, str]:
        """``(row, role)`` for a mention ``[start, end)``: the clause in whose subject, agent or
        object phrase it lies, with that role when it is the phrase's head, else the smallest
        clause containing it; ``role`` is ``"other"`` when the mention is not a phrase's head
        (a noun after *of*, *from* … in the phrase: "the ministers of **Mali**"), or lies in no
        phrase; ``(None, "other")`` when no clause holds it.

        A head is a mention that reaches the end of its conjunct in the phrase's part before
        its first preposition or relative word (:func:`is_head`); the complement of a copula
        (*is*, *became* …) is ``"other"``, not an object. Among several clauses naming it, the one whose own
        span holds the mention comes first (not a relative or coordinated clause that only shares
        its subject), then the shortest phrase, then the shortest clause."""
        best, best_key = None, None
        for k in self.rows_near(sent_id, start):
            for role in ROLES:
                p = getattr(self, role + "_start")[k]
                if p is None:
                    continue
                q = getattr(self, role + "_end")[k]
                if not (p <= start and end <= q):
                    continue
                inside = self.start[k] <= start and end <= self.end[k]
                key = (not inside, q - p, self.end[k] - self.start[k])
                if best_key is None or key < best_key:
                    best, best_key = (k, role, p, q), key
        if best is None:
            return self.innermost(sent_id, start, end), "other"
        k, role, p, q = best
        if text and not is_head(text, p, q, start, end):
            role = "other"
        elif role == "object" and self.value("lemma", k) in _COPULAS:
            role = "other"  # the complement of "is", "became" ...: no one acted on
        return k, role

    def phrase(self, k: int, role: str) -> tuple[int, int] | None:
        """``(start, end)`` of the ``role`` phrase of row ``k``, or None."""
        if role + "_start" in self.__dict__:
            p = getattr(self, role + "_start")[k]
            return None if p is None else (p, getattr(self, role + "_end")[k])
        raw = self._raw.get(role)
        if raw is None:
            a = column_values(self._table, role + "_start")
            b = column_values(self._table, role + "_end")
            mask = getattr(a, "_mask", None)
            raw = self._raw[role] = (np.asarray(getattr(a, "_data", a)), np.asarray(getattr(b, "_data", b)),
                                     mask if mask is not None else np.zeros(len(a), dtype=bool))
        data_a, data_b, mask = raw
        return None if mask[k] else (int(data_a[k]), int(data_b[k]))


def heads(text: str, p: int, q: int, spans) -> list[int]:
    """The positions in ``spans`` (mentions ``(start, end, ...)`` inside the phrase ``[p, q)``)
    of the mentions that head it (:func:`is_head`), the phrase's text read once."""
    m = _HEAD_END.search(text, p, q)
    head_end = m.start() if m else q
    out = []
    for i, span in enumerate(spans):
        start, end = span[0], span[1]
        if p <= start < head_end and _reaches_end(text, start, end, head_end):
            out.append(i)
    return out


def _reaches_end(text: str, start: int, end: int, head_end: int) -> bool:
    m = _CONJUNCT_END.search(text, start, head_end)
    conj_end = m.start() if m else head_end
    while conj_end > start and text[conj_end - 1].isspace():
        conj_end -= 1
    if end >= conj_end:
        return True
    # a new noun phrase after the mention ends it: "seeing him this summer", "called her the inventor"
    k = end
    while k < conj_end and text[k].isspace():
        k += 1
    m = _WORD.match(text, k, conj_end) if k > end else None
    return m is not None and m[0].lower() in _NP_START


def is_head(text: str, p: int, q: int, start: int, end: int) -> bool:
    """Whether the mention ``[start, end)`` heads the phrase ``[p, q)`` of ``text``: it starts in
    the phrase's part before its first preposition or relative word and reaches the end of its
    conjunct there (the stretch up to *and*, *or* or a comma), or is followed by a new noun
    phrase (*the*, *this*, *his* … : "called **her** the inventor") — "Russian President **Vladimir
    Putin**", "**the minister of Chile**", "**Chile** and **Peru**", not *Albania* in "Albania's
    contribution" nor *American* in "the American media"."""
    m = _HEAD_END.search(text, p, q)
    head_end = m.start() if m else q
    return p <= start < head_end and _reaches_end(text, start, end, head_end)


_HEAD_END = re.compile(r"\s(?:of|from|in|at|on|for|with|by|to|about|against|over|under|between|among|into|after|"
                       r"before|during|since|near|like|that|who|whom|whose|which)\b|[;:(–—]", re.I)
_WORD = re.compile(r"\w+")
_NP_START = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                       "my", "your", "last", "next", "every", "each"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear"})
_CONJUNCT_END = re.compile(r"\s(?:and|or)\b|,", re.I)


def clause_index(doc) -> ClauseIndex | None:
    """The :class:`ClauseIndex` of ``doc.clauses`` (made once per clause table), or None when
    the document has no clause layer."""
    try:
        table = doc.clauses
    except (AttributeError, ImportError):
        return None
    cached = doc.__dict__.get("_clause_index")
    if cached is not None and cached[0] is table:
        return cached[1]
    index = ClauseIndex(table)
    doc.__dict__["_clause_index"] = (table, index)
    return index


__all__ = ["ROLES", "WINDOW", "ClauseIndex", "clause_index", "heads", "is_head"]
