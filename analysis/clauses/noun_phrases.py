"""Noun phrases by token position: the phrase starting at a token with its prepositional
attachments ("the ban on arms exports to China"), the one ending at a token (an antecedent), and
the appositions and asides skipped between commas, brackets or dashes."""

from __future__ import annotations

from .vocabulary import (
    _ADV, _ATTACH, _BRACKET, _DASHES, _FIN, _NOUN, _NOUN_CD_PRP, _NOUN_JJ, _NP_IN, _NP_START, _OBJ_START,
    _PUNCT_STOP,
)
from .sentence import Sentence


def np_right(s: Sentence, i: int, limit: int, *, attach: bool = True) -> tuple[int, int] | None:
    """The noun phrase starting at token i (with its "of"/"on"/... attachments), or None."""
    pos, low = s.pos, s.low
    group_of = s.group_of
    n = min(limit, len(low))
    if i < n and (low[i] in {"both", "either", "neither"} or pos[i] in _ADV and i + 1 < n and pos[i + 1] in {"CD", "JJ", "JJR", "DT"}):
        rest = np_right(s, i + 1, limit, attach=attach)
        return (i, rest[1]) if rest else None
    if i >= n or pos[i] not in _OBJ_START and not (pos[i] in {"VBG", "VBN"} and i + 1 < n and pos[i + 1] in _NOUN):
        return None
    if pos[i] == "PRP":
        j = i + 1
        if j < n and low[j] in {"themselves", "itself", "himself", "herself", "all", "both"}:
            j += 1
        return (i, j - 1)
    j = i
    while True:
        while j < n and (pos[j] in _NP_IN or low[j] in {"'s", "-", "&"} or (low[j] == "than" and j > i and pos[j - 1] == "JJR") or
                         (pos[j] == "VBG" and j > i and pos[j - 1] in {"DT", "JJ", "PRP$"} and j + 1 < n and low[j + 1] == "of") or (pos[j] in _ADV and j > i and j + 1 < n and pos[j + 1] in {"JJ", "JJR", "JJS", "CD", "VBN", "VBG"} and j + 2 < n and pos[j + 2] in _NOUN_JJ) or (pos[j] in {"VBG", "VBN"} and j + 1 < n and pos[j + 1] in _NOUN and j > i - 1)
                         or (low[j] in {"and", "or"} and j > i and pos[j - 1] in _NP_IN and j + 1 < n and pos[j + 1] in _NP_START and pos[j + 1] != "PRP"
                             and not _verb_follows_np(s, j + 1, n))):
            if group_of[j] >= 0 and pos[j] not in _NP_IN:
                break
            j += 1
        if not attach:
            break
        # prepositional attachments: "the ban on arms exports to China"
        if j < n and j > i and low[j] in _ATTACH and pos[j] in {"IN", "TO"} and j + 1 < n and pos[j + 1] in _OBJ_START \
                and pos[j - 1] in _NOUN_CD_PRP:
            j += 1
            continue
        break
    while j > i + 1 and (pos[j - 1] in {"CC", "POS", "DT"} and low[j - 1] not in {"'s"} or low[j - 1] in {"-", "&"}):
        j -= 1
    return (i, j - 1) if j > i else None


def _verb_follows_np(s: Sentence, i: int, n: int) -> bool:
    """A finite verb right after the noun phrase that starts at i ("the plan and the EU said")."""
    j = i
    while j < n and s.pos[j] in _NP_IN:
        j += 1
    return j < n and s.pos[j] in _FIN and s.group_of[j] >= 0


def _np_before(s: Sentence, j: int, of_chain: bool = True) -> tuple[int, int] | None:
    """The base noun phrase ending at token j, walking left (an antecedent: "the US")."""
    pos = s.pos
    if j < 0:
        return None
    if pos[j] == "PRP":
        return (j, j)
    end = j
    while j >= 0 and (pos[j] in _NP_IN or s.low[j] in {"'s", "-", "&"}) and s.group_of[j] < 0:
        j -= 1
    if j == end:
        return None
    # "the ban on arms exports to China": take in "X of Y" attachments
    while of_chain and j >= 1 and s.low[j] in {"of"} and pos[j - 1] in _NOUN:
        k = j - 1
        while k >= 0 and (pos[k] in _NP_IN) and s.group_of[k] < 0:
            k -= 1
        j = k
    start = j + 1
    while start <= end and pos[start] in {"CC", "POS"}:
        start += 1
    return (start, end) if start <= end else None


def _skip_parenthetical(s: Sentence, j: int, lo: int) -> int | None:
    """j is a closing comma, bracket or dash right before a verb or subject: the index before
    the matching opening one when what lies between is an apposition or aside, else None."""
    w = s.low[j]
    opener = _BRACKET.get(w)
    for k in range(j - 1, lo - 1, -1):
        wk = s.low[k]
        if opener and wk == opener or (not opener and (wk == w or (w in _DASHES and wk in _DASHES))):
            inner = range(k + 1, j)
            if not len(inner):
                return None
            if opener:
                return k - 1
            first = s.low[k + 1]
            has_fin = not _FIN.isdisjoint(s.pos[k + 1:j])
            if first in {"which", "who", "whose", "whom"} or s.pos[k + 1] in {"IN", "VBN", "VBG", "RB"} or not has_fin \
                    or (w in _DASHES and s.pos[k + 1] == "VBD"):
                return k - 1 if k - 1 >= lo and s.pos[k - 1] not in {","} else None
            return None
        if wk in {";", ":"} or (not opener and wk in _PUNCT_STOP and wk not in {","} and w == ","):
            return None
    return None
