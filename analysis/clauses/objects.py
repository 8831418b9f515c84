"""Objects and agents, right of each verb group: the noun phrase with its attachments, a that- or
wh-clause, an infinitive; the "by" phrase of a passive; and the clause's extent over its
adjuncts."""

from __future__ import annotations

from .vocabulary import (
    REPORTING, _ADV, _CC, _NEG, _NOUN, _PARTICLES, _PUNCT_STOP, _REL, _SUBORD, _TIME_NOUNS, _VERB, _WH,
)
from .sentence import Clause, Sentence
from .noun_phrases import np_right


#: the words a clause's extent may stop at (outside a verb group)
_END_STOPS = _PUNCT_STOP | _SUBORD | _REL | _CC


def _clause_end(s: Sentence, i: int, limit: int) -> int:
    """Extend from token i over adjuncts up to a boundary; the last token index of the clause."""
    pos, low = s.pos, s.low
    group_of = s.group_of
    last = i - 1
    j = i
    while j < limit:
        w = low[j]
        if group_of[j] < 0 and w not in _END_STOPS:
            last = j  # a word no test below stops at
            j += 1
            continue
        p = pos[j]
        if w in _PUNCT_STOP:
            break
        if group_of[j] >= 0:  # (the extent starts after the clause's own verb group)
            break
        if w in _SUBORD and p in {"IN", "WRB", "WDT"} and w not in {"as"}:
            break
        if w in _REL and p in {"WDT", "WP", "WP$"}:
            break
        if w in _CC and j + 1 < limit and (pos[j + 1] in _VERB or pos[j + 1] in _ADV):
            break
        last = j
        j += 1
    return last


def _objects(s: Sentence, groups: list[Clause]) -> None:
    """Each clause's object or complement, the agent of a passive, and the clause's extent."""
    n = len(s.low)
    pos, low, lem = s.pos, s.low, s.lem
    group_of = s.group_of
    # objects, agents and the clause's extent
    for c in reversed(groups):
        i = c.ve + 1
        if c.subj_after:
            pass
        elif c.voice == "passive":
            j = i
            if j < n and pos[j] in {"DT", "PRP$", "PDT"} and group_of[j] < 0:
                c.obj = np_right(s, j, n)  # "were asked a question", "was given the job"
                if c.obj is not None:
                    a, b = c.obj[0] + 1, c.obj[1] + 1
                    by = low.index("by", a, b) if "by" in low[a:b] else None
                    if by is not None:
                        c.obj = (c.obj[0], by - 1)  # the agent is not part of it
                    j = c.obj[1] + 1
            while j < n and j < i + 16 and low[j] not in {";", ":", "(", "[", ".", "?", "!"} \
                    and not (group_of[j] >= 0 and s.clauses[group_of[j]].kind == "fin"):
                if low[j] == "by" and j + 1 < n and not (pos[j + 1] == "CD" and not (j + 2 < n and pos[j + 2] in _NOUN)) \
                        and low[j + 1] not in _TIME_NOUNS:
                    if group_of[j + 1] >= 0 and pos[j + 1] == "VBG":
                        g2 = s.clauses[group_of[j + 1]]
                        c.agent = (j + 1, max(g2.ve, g2.obj[1] if g2.obj else -1))  # "by averaging"
                        break
                    c.agent = np_right(s, j + 1, n)
                    break
                if low[j] == "," and j + 1 < n and group_of[j + 1] >= 0:
                    break
                if low[j] in _SUBORD and pos[j] != "IN" or low[j] in _REL and pos[j] in {"WDT", "WP"}:
                    break
                j += 1
        else:
            j = i
            while j < n and pos[j] in _ADV and group_of[j] < 0:
                j += 1
            if j + 1 < n and low[j] in _PARTICLES and pos[j] in {"IN", "RP", "RB"} and pos[j + 1] in {"DT", "PRP$", "JJ", "NNP", "NNS", "CD"}:
                j += 1  # "set up the college"
            if j < n:
                if low[j] in _WH and pos[j] in {"WRB", "WP", "WDT", "IN"} and c.kind != "part" and j + 1 < n:
                    end = _complement_end(s, j + 1, n)  # "investigated how participants explore"
                    if end is not None:
                        c.obj = (j, end)
                elif low[j] == "that" and pos[j] in {"IN", "WDT", "DT"} and j + 1 < n and (pos[j + 1] not in _NOUN or lem[c.main] in REPORTING):
                    end = _complement_end(s, j + 1, n)
                    if end is not None:
                        c.obj = (j, end)
                elif group_of[j] >= 0 and groups[group_of[j]].kind == "inf" and groups[group_of[j]].gov is c:
                    c.obj = (j, groups[group_of[j]].end)
                else:
                    np_ = np_right(s, j, n)
                    if np_ is not None:
                        k = np_[1] + 1
                        while k < n and pos[k] in _ADV and group_of[k] < 0:
                            k += 1
                        nxt = groups[group_of[k]] if k < n and group_of[k] >= 0 else None
                        if nxt is not None and nxt.kind == "fin" and nxt.subj is not None and nxt.subj[0] == np_[0]:
                            c.obj = (j, nxt.end)  # "said the EU would lift the ban": the complement clause
                            if lem[c.main] in REPORTING:
                                nxt.relation, nxt.gov = "complement", c
                        elif pos[np_[0]] == "PRP" and np_[1] == np_[0] and k < n and pos[k] in {"DT", "PRP$", "JJ", "NN", "NNS", "CD"} \
                                and group_of[k] < 0:
                            second = np_right(s, k, n)  # "gives us a natural control", "teach him mathematics"
                            c.obj = (np_[0], second[1]) if second else np_
                        else:
                            c.obj = np_
        last = c.ve
        if c.obj is not None and c.obj[1] > last:
            last = c.obj[1]
        if c.agent is not None and c.agent[1] > last:
            last = c.agent[1]
        c.end = _clause_end(s, last + 1, n)  # (never before last)
        c.start = c.subj[0] if c.own_subject and c.subj and c.subj[0] < c.vs else c.vs
        if c.relation == "relative" and c.kind == "fin":
            r = c.vs - 1
            while r >= 0 and (pos[r] in _ADV or low[r] in _NEG):
                r -= 1
            if r >= 0 and low[r] in _REL:
                c.start = r


def _complement_end(s: Sentence, i: int, n: int) -> int | None:
    """Last token of the clause that starts at i (a that-clause): its first finite verb group."""
    for k in range(i, n):
        g = s.group_of[k]
        if g >= 0:
            for x in range(g, len(s.clauses)):
                c = s.clauses[x]
                if c.kind == "fin":
                    return max(c.end, c.ve)
            return None
    return None
