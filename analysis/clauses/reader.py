"""A document read into sentences and clauses: each sentence's tokens (with the quotation state)
and its three passes (verb groups, subjects, objects), made once per document and shared."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy as np

from .._frames import column_values
from .sentence import Clause, Sentence
from .verb_groups import _groups
from .subjects import _subjects
from .objects import _objects
from .relations import _relations


def parse(s: Sentence) -> list[Clause]:
    """Find the clauses of one sentence (sets ``s.clauses`` and returns them)."""
    groups = _groups(s)
    s.clauses = groups
    group_of = s.group_of
    for g, c in enumerate(groups):
        if c.ve == c.vs:
            group_of[c.vs] = g
        else:
            group_of[c.vs:c.ve + 1] = [g] * (c.ve + 1 - c.vs)
    _subjects(s, groups)
    _objects(s, groups)
    _relations(s, groups)
    return groups


_QUOTE_MARKS = frozenset({'"', "“", "``", "”", "''"})
_QUOTE_MARK_TEXTS = tuple(sorted(_QUOTE_MARKS))  # a token's lower case is its text, for these


def _quote_flags(doc, low: list[str], starts: list[int]) -> list[bool]:
    """Per token: inside double quotation marks (a paragraph starts outside). ``starts``: each
    token's start offset."""
    flags = [False] * len(low)
    # a mark is a token that is one of the marks: found in the text (str.find runs at C speed),
    # then its token by offset
    text = doc.text
    found = set()
    for mark in _QUOTE_MARK_TEXTS:
        i = text.find(mark)
        while i >= 0:
            k = bisect_left(starts, i)
            if k < len(starts) and starts[k] == i and low[k] in _QUOTE_MARKS:
                found.add(k)
            i = text.find(mark, i + 1)
    if not found:
        return flags
    quote_at = sorted(found)
    # the state changes only at a mark: walk the marks, paragraph (run of one para_id) by paragraph
    para_array = np.asarray(column_values(doc.tokens, "para_id"))
    bounds = (np.flatnonzero(para_array[1:] != para_array[:-1]) + 1).tolist()
    run_starts, run_ends = [0, *bounds], [*bounds, len(low)]
    run, inside, prev = -1, False, 0
    for t in quote_at:
        r = bisect_right(run_starts, t) - 1
        if r != run:
            if inside:
                flags[prev:run_ends[run]] = [True] * (run_ends[run] - prev)
            run, inside, prev = r, False, t
        if inside and t > prev:
            flags[prev:t] = [True] * (t - prev)
        w = low[t]
        if w == '"':
            inside = not inside
            flags[t] = inside
        elif w in {"“", "``"}:
            inside = flags[t] = True
        else:
            flags[t] = inside
            inside = False
        prev = t + 1
    if inside:
        flags[prev:run_ends[run]] = [True] * (run_ends[run] - prev)
    return flags


def sentences_of(doc) -> list[Sentence]:
    """Every sentence of ``doc`` parsed into clauses (made once per document, then shared by the
    stance and other layers that read clauses by token position)."""
    cached = doc.__dict__.get("_clause_sentences")
    if cached is not None and cached[0] is doc.tokens:
        return cached[1]
    col = doc.token_list
    low, lem, pos, st, en = col("lower"), col("lemma"), col("pos"), col("start"), col("end")
    sents = doc.sentences
    sid_array = np.asarray(column_values(doc.tokens, "sent_id"))
    sent_ids = column_values(sents, "sent_id")
    lefts = np.searchsorted(sid_array, sent_ids, side="left").tolist() if len(sid_array) else [0] * len(sents)
    rights = np.searchsorted(sid_array, sent_ids, side="right").tolist() if len(sid_array) else [0] * len(sents)
    spans = dict(zip(np.asarray(sent_ids).tolist(), zip(lefts, rights)))
    flags = _quote_flags(doc, low, st)
    out = []
    for sid, pid, s_start, s_end in zip(*(column_values(sents, c).tolist() for c in ("sent_id", "para_id", "start", "end"))):
        a, b = spans.get(sid, (0, 0))
        s = Sentence(low[a:b], lem[a:b], pos[a:b], st[a:b], en[a:b], sid, pid, s_start, s_end, flags[a:b])
        parse(s)
        out.append(s)
    doc.__dict__["_clause_sentences"] = (doc.tokens, out)
    return out
