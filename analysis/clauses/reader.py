"""A document read into sentences and clauses: each sentence's tokens (with the quotation state)
and its three passes (verb groups, subjects, objects), made once per document and shared."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy as np

from .._frames import column_values
from .sentence import Clause, Sentence
from .retag import TAG_CODE, _retag, doc_candidates, tag_table
from .vocabulary import _VERB_OR_TO
from .verb_groups import _groups
from .subjects import _subjects
from .objects import _objects
from .relations import _relations


def parse(s: Sentence, verbs: list[int] | None = None) -> list[Clause]:
    """Find the clauses of one sentence (sets ``s.clauses`` and returns them); ``verbs``: the
    positions of its verb tags and "to", when known."""
    groups = _groups(s, verbs)
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
    rows = [(sid, pid, s_start, s_end, *spans.get(sid, (0, 0))) for sid, pid, s_start, s_end
            in zip(*(column_values(sents, c).tolist() for c in ("sent_id", "para_id", "start", "end")))]
    # the tag tests every sentence starts with, made for the whole document at once: the tokens
    # the retagger looks at and the verb tags (and "to") verb groups start at, each sentence's
    # as positions in it
    n_tok = len(low)
    codes = _tag_codes(doc, pos)
    a_s = np.array([r[4] for r in rows], dtype=np.intp)
    b_s = np.array([r[5] for r in rows], dtype=np.intp)
    first = np.zeros(n_tok, dtype=bool)
    prev = np.zeros(n_tok, dtype=np.int8)
    nxt = np.zeros(n_tok, dtype=np.int8)
    if n_tok:
        prev[1:] = codes[:-1]
        nxt[:-1] = codes[1:]
        some = b_s > a_s
        first[a_s[some]] = True
        prev[a_s[some]] = 0
        nxt[b_s[some] - 1] = 0
    cands = np.array(doc_candidates(low, codes, prev, nxt, first), dtype=np.intp)
    verbs = np.flatnonzero(_VERB_OR_TO_CODES[codes])
    c_lo, c_hi = np.searchsorted(cands, a_s).tolist(), np.searchsorted(cands, b_s).tolist()
    v_lo, v_hi = np.searchsorted(verbs, a_s).tolist(), np.searchsorted(verbs, b_s).tolist()
    starts, ends = a_s[b_s > a_s], b_s[b_s > a_s]
    if (starts[1:] < ends[:-1]).any():  # sentences out of order or overlapping: each its own
        cands, verbs = cands.tolist(), verbs.tolist()
        shift = True
    else:
        cands, verbs = _local(cands, starts), _local(verbs, starts)
        shift = False
    out = []
    for (sid, pid, s_start, s_end, a, b), ci, cj, vi, vj in zip(rows, c_lo, c_hi, v_lo, v_hi):
        s = Sentence(low[a:b], lem[a:b], pos[a:b], st[a:b], en[a:b], sid, pid, s_start, s_end, flags[a:b], a, False)
        if ci < cj and _retag(s, _shift(cands[ci:cj], a) if shift else cands[ci:cj]):
            parse(s)  # a tag changed: the verbs found again
        else:
            parse(s, _shift(verbs[vi:vj], a) if shift else verbs[vi:vj])
        out.append(s)
    doc.__dict__["_clause_sentences"] = (doc.tokens, out)
    return out


_VERB_OR_TO_CODES = tag_table(_VERB_OR_TO)


def _local(positions, starts) -> list[int]:
    """Document token positions as positions in their sentences (``starts``: the first token of
    each sentence that has tokens, in order, the sentences not overlapping)."""
    if not len(positions) or not len(starts):
        return positions.tolist()
    owner = np.searchsorted(starts, positions, side="right") - 1
    np.maximum(owner, 0, out=owner)
    return (positions - starts[owner]).tolist()


def _shift(positions: list[int], a: int) -> list[int]:
    return [k - a for k in positions]


def _tag_codes(doc, pos: list):
    """The tokens' tags as :data:`~analysis.clauses.retag.TAG_CODE` codes (int8): from the
    tokens' Arrow column when it is one (its dictionary encoding, in C), else tag by tag."""
    array = getattr(column_values(doc.tokens, "pos"), "_pa_array", None)
    if array is not None and len(array) == len(pos) and not array.null_count:
        encoded = array.combine_chunks().dictionary_encode()
        remap = np.array([TAG_CODE[tag] for tag in encoded.dictionary.to_pylist()], dtype=np.int8)
        return remap[encoded.indices.to_numpy()]
    return np.fromiter(map(TAG_CODE.__getitem__, pos), dtype=np.int8, count=len(pos))
