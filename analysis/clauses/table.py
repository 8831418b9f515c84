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
    ints: list = []  # 13 per clause, row after row (-1: no phrase; offsets are never negative)
    words: list = []  # lemma, voice, modal, tense, relation of each clause
    flags: list = []  # negated, hedged
    rows: list = []  # each clause, and its sentence
    owners: list = []
    cid = 0
    for s in sents:
        cl = s.clauses
        if not cl:
            continue
        st, en, lem = s.st, s.en, s.lem
        pid, sid = s.para_id, s.sent_id
        for c in cl:
            cid += 1
            subj, obj, agent = c.subj, c.obj, c.agent
            ints += (cid, pid, sid, st[c.start], en[c.end], st[c.vs], en[c.ve],
                     st[subj[0]] if subj else -1, en[subj[1]] if subj else -1,
                     st[obj[0]] if obj else -1, en[obj[1]] if obj else -1,
                     st[agent[0]] if agent else -1, en[agent[1]] if agent else -1)
            words += (lem[c.main], c.voice, c.modal, c.tense, c.relation)
            flags += (c.negated, c.hedged)
        rows += cl
        owners += [s] * len(cl)
    n = cid
    data = np.fromiter(ints, dtype=np.int64, count=len(ints)).reshape(n, len(_INT_COLUMNS)).T.copy()
    missing = data[7:] < 0
    nullable = [_nullable(data[7 + j], missing[j]) for j in range(len(_INT_COLUMNS) - 7)]
    ids = _actor_ids(doc, data, missing, n, rows, owners)
    # the text of the clause, its verb group and its phrases, cut from the text at once
    starts, ends = data[3:12:2], data[4:13:2]
    valid = np.ones((5, n), dtype=bool)
    valid[2:] = ~missing[0::2]
    texts = _substrings(text, starts.ravel(), ends.ravel(), valid.ravel(), 5 * n) if n else None
    k = 5
    flat = [*words[0::k], *words[1::k], *words[2::k], *words[3::k], *ids, *words[4::k]]
    if texts is None:  # an empty table, a text UTF-8 cannot encode or a pandas without Arrow strings
        cut = [text[a:b] if a >= 0 else None for a, b in zip(starts.ravel().tolist(), ends.ravel().tolist())]
        strings = _string_columns(cut + flat, n, len(_STR_COLUMNS))
        texts, others = strings[:5], strings[5:]
    else:
        others = _string_columns(flat, n, 8)
    # in the order of _STR_COLUMNS: text, verb, lemma, voice, modal, tense, subject, object, agent,
    # the three actor ids, relation
    strings = [texts[0], texts[1], *others[:4], texts[2], texts[3], texts[4], *others[4:]]
    both = np.array(flags, dtype=bool).reshape(n, 2).T.copy()
    return _table(n, data, nullable, strings, both)


def _nullable(values, mask):
    """``Int64`` array of ``values`` with ``mask`` (checked by the caller: int64 and bool arrays
    of one length), made without the constructor's checks when this pandas allows."""
    make = getattr(pd.arrays.IntegerArray, "_simple_new", None)
    return make(values, mask) if make is not None else pd.arrays.IntegerArray(values, mask)


def _actor_ids(doc, data, missing, n: int, rows: list, owners: list) -> list:
    """The actor id of each clause's subject, object and agent (3 * n, role after role; None where
    no mention starts inside the phrase): the phrases a mention starts in are found at once."""
    ids: list = [None] * (3 * n)
    mentions = _Mentions(doc)
    m_rows = len(mentions.rows)
    if not m_rows or not n:
        return ids
    m_starts = np.array(mentions.starts, dtype=np.int64)
    p_start, p_end = data[7:13:2].ravel(), data[8:13:2].ravel()
    k = np.searchsorted(m_starts, p_start)
    inside = ~missing[0::2].ravel() & (k < m_rows)
    inside[inside] = m_starts[k[inside]] < p_end[inside]
    hits = np.flatnonzero(inside)
    if len(hits):
        actor_from, found = mentions.actor_from, mentions.rows
        for h, kk, q in zip(hits.tolist(), k[hits].tolist(), p_end[hits].tolist()):
            if kk + 1 == m_rows or found[kk + 1][0] >= q:  # one mention starts inside (as actor_from)
                ids[h] = found[kk][2] if found[kk][1] <= q else None
                continue
            role, row = divmod(h, n)
            c = rows[row]
            ids[h] = actor_from(kk, q, owners[row], c.subj if role == 0 else (c.obj if role == 1 else c.agent))
    return ids


def _substrings(text: str, starts, ends, valid, m: int):
    """The ``m`` substrings ``text[start:end]`` (None where not ``valid``) as five arrays of
    pandas' ``str`` dtype of ``m // 5`` each, cut from the text's UTF-8 bytes in numpy (no Python
    string is made); None when this pandas keeps strings otherwise or the text has a lone
    surrogate (which UTF-8 cannot encode)."""
    arrow = _arrow_strings()
    template = _str_template()
    if arrow is None or template is None:  # pragma: no cover - pandas 2 or a changed pandas
        return None
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    import pyarrow as pa

    starts = np.where(valid, starts, 0)
    ends = np.where(valid, ends, 0)
    buf = np.frombuffer(raw, dtype=np.uint8)
    if len(raw) != len(text):  # character offsets to byte offsets: where each character's first
        # byte is (every byte but the continuation bytes 10xxxxxx of UTF-8)
        c2b = np.empty(len(text) + 1, dtype=np.int64)
        c2b[:-1] = np.flatnonzero((buf & 0xC0) != 0x80)
        c2b[-1] = len(raw)
        starts, ends = c2b[starts], c2b[ends]
    lens = ends - starts
    offsets = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(lens, out=offsets[1:])
    gather = np.repeat(starts - offsets[:-1], lens)
    gather += np.arange(len(gather), dtype=np.int64)
    payload = buf[gather]
    nulls = m - int(np.count_nonzero(valid))
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little")) if nulls else None
    big = pa.LargeStringArray.from_buffers(m, pa.py_buffer(offsets), pa.py_buffer(payload), bitmap, nulls)
    k = m // 5
    return [template._from_pyarrow_array(big.slice(j * k, k)) for j in range(5)]


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
