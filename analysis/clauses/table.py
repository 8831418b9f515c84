"""The ``clauses`` table: one row per clause, its phrases as character offsets and text, and the
actor each phrase is or starts with (from ``doc.mentions``)."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import numpy as np
import pandas as pd

from .._frames import _arrow_strings, column_values, frame_from_columns, string_array
from .vocabulary import _ATTACH
from .sentence import Sentence
from .reader import sentences_of


COLUMNS = ["clause_id", "para_id", "sent_id", "start", "end", "text", "verb_start", "verb_end", "verb", "lemma",
           "voice", "negated", "modal", "hedged", "tense", "subject_start", "subject_end", "subject",
           "object_start", "object_end", "object", "agent_start", "agent_end", "agent",
           "subject_actor_id", "object_actor_id", "agent_actor_id", "relation"]


class _Mentions:
    def __init__(self, doc):
        try:
            m = doc.mentions
        except AttributeError:
            m = None
        if m is None or not len(m):
            self.starts, self.rows = [], []
            return
        ids = column_values(m, "actor_id")
        to_arrow = getattr(ids, "__arrow_array__", None)
        # (pyarrow's list of an arrow column is quicker than pandas' tolist; missing is None)
        ids = to_arrow().to_pylist() if to_arrow is not None and getattr(ids.dtype, "storage", None) == "pyarrow" \
            else ids.tolist()
        rows = [r for r in zip(column_values(m, "start").tolist(), column_values(m, "end").tolist(), ids)
                if isinstance(r[2], str) and r[2]]
        rows.sort()
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def actor(self, start: int, end: int, s: "Sentence", span):
        """The actor of the phrase (token span ``span`` of ``s``, characters [start, end]): of the
        mention starting inside the phrase's head (the words before its first preposition) that ends last,
        as the head noun of an English noun phrase comes last ("Russian President Vladimir Putin"
        is Putin, not Russia); else of the first mention inside the whole phrase ("the offer of
        the Chilean government")."""
        k = bisect_left(self.starts, start)
        if k == len(self.rows) or self.rows[k][0] >= end:
            return None
        return self.actor_from(k, end, s, span)

    def actor_from(self, k: int, end: int, s: "Sentence", span):
        """:meth:`actor` once ``k``, the first mention starting inside the phrase, is known."""
        rows = self.rows
        ms, me, aid = rows[k]
        if k + 1 == len(rows) or rows[k + 1][0] >= end:  # one mention starts inside: the common case
            return aid if me <= end else None
        head_end = _head_end(s, span)
        best = best_end = first = None
        while k < len(rows) and rows[k][0] < end:
            ms, me, aid = rows[k]
            if me <= end:
                if first is None:
                    first = aid
                if ms < head_end and (best_end is None or me > best_end):
                    best, best_end = aid, me
            k += 1
        return best if best is not None else first


def _head_end(s: Sentence, span) -> int:
    a, b = span
    for k in range(a + 1, b + 1):
        if s.low[k] in _ATTACH and s.pos[k] in {"IN", "TO"}:
            return s.en[k - 1]
    return s.en[b]


_INT_COLUMNS = ("clause_id", "para_id", "sent_id", "start", "end", "verb_start", "verb_end",
                "subject_start", "subject_end", "object_start", "object_end", "agent_start", "agent_end")
_STR_COLUMNS = ("text", "verb", "lemma", "voice", "modal", "tense", "subject", "object", "agent",
                "subject_actor_id", "object_actor_id", "agent_actor_id", "relation")


def _string_columns(flat: list, n: int, k: int) -> list:
    """``k`` columns of ``n`` strings (or None) each, laid end to end in ``flat``, as arrays of
    pandas' ``str`` dtype: one pyarrow conversion for all of them, then zero-copy slices."""
    arrow = _arrow_strings()
    template = _str_template()
    if arrow is None or template is None or not n:  # pragma: no cover - pandas 2 or a changed pandas
        return [string_array(flat[j * n:(j + 1) * n]) for j in range(k)]
    make, large_string = arrow[0], arrow[1]
    big = make(flat, type=large_string)
    return [template._from_pyarrow_array(big.slice(j * n, n)) for j in range(k)]


@lru_cache(maxsize=1)
def _str_template():
    """An array of the ``str`` dtype whose ``_from_pyarrow_array`` wraps a pyarrow array without
    the checks of the public constructor (None when this pandas has no such method)."""
    template = string_array(["x"])
    return template if hasattr(template, "_from_pyarrow_array") else None


def clauses(doc) -> pd.DataFrame:
    """One row per verb group that heads a clause (see the module's description for the columns).

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``clause_id, para_id, sent_id, start, end, text`` (the clause), ``verb_start,
        verb_end, verb`` (the verb group as written), ``lemma`` (of the main verb), ``voice``
        (active | passive), ``negated``, ``modal``, ``hedged``, ``tense`` (past | present |
        future; ``<NA>`` for infinitives, gerunds and participles), ``subject_*``, ``object_*``,
        ``agent_*`` (start, end, text of each phrase; ``<NA>`` when there is none), their actor
        ids from ``doc.mentions`` and ``relation`` (main | coordinated | relative | complement |
        reported).
    """
    sents = sentences_of(doc)
    text = doc.text
    mentions = _Mentions(doc)
    m_starts, m_rows = mentions.starts, len(mentions.rows)
    actor_from = mentions.actor_from

    def phrase(span, st, en, s):
        """``(start, end, text, actor id)`` of a subject, object or agent span of tokens."""
        if span is None:
            return -1, -1, None, None
        p, q = st[span[0]], en[span[1]]
        k = bisect_left(m_starts, p)
        return p, q, text[p:q], (actor_from(k, q, s, span) if k < m_rows and m_starts[k] < q else None)

    ints: list = []  # 13 per clause, row after row
    strs: list = []  # 13 per clause
    flags: list = []  # negated, hedged
    cid = 0
    for s in sents:
        st, en, lem = s.st, s.en, s.lem
        pid, sid = s.para_id, s.sent_id
        for c in s.clauses:  # (each field read as an attribute: quicker than an attrgetter)
            start, end, vs, ve, main, voice, negated, modal, hedged, tense, subj, obj, agent, relation = \
                c.start, c.end, c.vs, c.ve, c.main, c.voice, c.negated, c.modal, c.hedged, c.tense, c.subj, c.obj, \
                c.agent, c.relation
            cid += 1
            a, b = st[start], en[end]
            vs, ve = st[vs], en[ve]
            # the three phrases (-1: no phrase; offsets are never negative)
            sp, sq, subj_text, subj_id = phrase(subj, st, en, s)
            op, oq, obj_text, obj_id = phrase(obj, st, en, s)
            ap, aq, agent_text, agent_id = phrase(agent, st, en, s)
            ints += (cid, pid, sid, a, b, vs, ve, sp, sq, op, oq, ap, aq)
            strs += (text[a:b], text[vs:ve], lem[main], voice, modal, tense, subj_text, obj_text, agent_text,
                     subj_id, obj_id, agent_id, relation)
            flags += (negated, hedged)
    n = cid
    data = np.fromiter(ints, dtype=np.int64, count=len(ints)).reshape(n, len(_INT_COLUMNS)).T.copy()
    missing = data[7:] < 0
    nullable = [pd.arrays.IntegerArray(data[7 + j], missing[j]) for j in range(len(_INT_COLUMNS) - 7)]
    k = len(_STR_COLUMNS)
    flat: list = []
    for j in range(k):
        flat += strs[j::k]  # column after column
    strings = _string_columns(flat, n, k)
    both = np.array(flags, dtype=bool).reshape(n, 2).T.copy()
    return _table(n, data, nullable, strings, both)


@lru_cache(maxsize=1)
def _layout():
    """Where each group of columns goes in :data:`COLUMNS`, and pandas' block constructors: the
    block maker and manager behind ``create_dataframe_from_blocks`` (the manager's check of
    what :func:`_table` already guarantees is skipped), else that function, else None."""
    make = None
    try:
        from pandas.api.internals import _BlockManager, _make_block

        def make(blocks, index, columns):
            mgr = _BlockManager([_make_block(*b) for b in blocks], [columns, index], verify_integrity=False)
            return pd.DataFrame._from_mgr(mgr, mgr.axes)
    except ImportError:  # pragma: no cover - another pandas
        try:
            from pandas.api.internals import create_dataframe_from_blocks as make
        except ImportError:  # pragma: no cover - pandas < 2.3
            pass
    at = {name: i for i, name in enumerate(COLUMNS)}
    return (make, pd.Index(COLUMNS),
            np.array([at[name] for name in _INT_COLUMNS[:7]], dtype=np.intp),
            np.array([at["negated"], at["hedged"]], dtype=np.intp),
            [np.array([at[name]], dtype=np.intp) for name in _INT_COLUMNS[7:]],
            [np.array([at[name]], dtype=np.intp) for name in _STR_COLUMNS])


def _table(n: int, data, nullable: list, strings: list, both) -> pd.DataFrame:
    """The clauses DataFrame from its columns: ``data`` (the 13 int columns, one per row; the
    first 7 are plain int64), the 6 nullable offsets, the 13 string arrays and the 2 bool rows,
    all of length ``n``. Built from pandas blocks directly when it can be (the int and bool
    columns already lie side by side), else column by column."""
    make, columns, int_at, bool_at, nullable_at, string_at = _layout()
    if make is not None:
        blocks = [(data[:7], int_at), (both, bool_at), *zip(nullable, nullable_at), *zip(strings, string_at)]
        try:
            return make(blocks, index=pd.RangeIndex(n), columns=columns)
        except (TypeError, ValueError, AssertionError, AttributeError):  # pragma: no cover - a changed pandas
            pass
    cols = dict(zip(_INT_COLUMNS, [*data[:7], *nullable]))
    cols.update(zip(_STR_COLUMNS, strings))
    cols["negated"], cols["hedged"] = both[0], both[1]
    return frame_from_columns(COLUMNS, [cols[name] for name in COLUMNS])
