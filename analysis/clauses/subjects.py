"""Subjects: the noun phrase left of each verb group (or the antecedent, the shared subject of a
coordinated verb, the object or subject of the verb an infinitive depends on, the phrase after
"said"), and the verb each clause depends on, with its relation (coordinated, relative,
complement)."""

from __future__ import annotations

from .vocabulary import (
    REPORTING, _ADV, _BRACKET, _CC, _DASHES, _MAX_SUBJECT, _NEG, _NOUN, _NOUN_CD_PRP, _NOUN_JJ, _NP_IN_PRP,
    _NP_START, _PUNCT_STOP, _REL, _SPEECH, _SUBORD, _TIME_NOUNS, _AND_OR, _CC_SEMI, _rfind,
)
from .sentence import Clause, Sentence
from .noun_phrases import _np_before, _skip_parenthetical, np_right


#: the words the walk left over a subject may stop at (outside a verb group)
_SUBJECT_STOPS = frozenset({")", "]"}) | _PUNCT_STOP | _SUBORD | _REL | _CC


def _subject_left(s: Sentence, c: Clause, lo: int) -> tuple[tuple[int, int] | None, str]:
    """``(span, how)``: how is own | relative | coordinated | none."""
    pos, low = s.pos, s.low
    group_of = s.group_of
    j = c.vs - 1
    while j >= lo and (pos[j] in _ADV and low[j] not in {"so", "then"} or low[j] in _NEG or pos[j] == "UH"):
        j -= 1
    if j < lo:
        return None, "none"
    w = low[j]
    if w in _REL and pos[j] in {"WDT", "WP", "IN", "WP$"} and (w != "that" or (j > 0 and (pos[j - 1] in _NOUN_CD_PRP
                                                                                   or low[j - 1] == "," and j > 1 and pos[j - 2] in _NOUN))):
        k = j - 1
        if k >= 0 and low[k] == ",":
            k -= 1
        if k >= 0 and pos[k] == "IN":  # "of which", "by whom"
            return None, "none"
        return _np_before(s, k), "relative"
    if w in _CC or (w == "," and j + 1 == c.vs and j > lo and low[j - 1] not in _CC):
        if w in _CC and j - 1 >= lo and low[j - 1] == ",":
            pass
        if w == ",":
            skipped = _skip_parenthetical(s, j, lo)
            if skipped is not None and skipped >= lo and pos[skipped] in _NP_IN_PRP:
                j = skipped
            else:
                return None, "coordinated"
        else:
            return None, "coordinated"
    if low[j] in {",", ")", "]"} or low[j] in _DASHES:
        skipped = _skip_parenthetical(s, j, lo)
        if skipped is None:
            return None, "none"
        j = skipped
    end = j
    k = j
    while k >= lo and end - k < _MAX_SUBJECT:
        w = low[k]
        if group_of[k] < 0 and w not in _SUBJECT_STOPS:
            k -= 1  # a word no test below stops at or jumps from
            continue
        p = pos[k]
        if group_of[k] >= 0 and s.clauses[group_of[k]].kind == "fin":
            rc = s.clauses[group_of[k]]
            if rc.relation == "relative" and rc.subj is not None:
                # "the group that wins the game will make": the antecedent and its relative clause
                r = rc.vs - 1
                while r >= lo and (pos[r] in _ADV or low[r] in _NEG):
                    r -= 1
                if r - 1 >= lo and low[r] in _REL and low[r - 1] != ",":
                    k = r - 1
                    continue
            break
        if group_of[k] >= 0:
            og = s.clauses[group_of[k]]
            if og.vs - 1 >= lo and (low[og.vs - 1] in {",", ";", ":"} or low[og.vs - 1] in _CC or group_of[og.vs - 1] >= 0):
                break  # ", saying the agency had failed": a verb outside the noun phrase
        if w in {")", "]"}:
            o = _rfind(low, _BRACKET[w], k - 1, lo)
            if o is not None and o > lo:
                k = o - 1
                continue
        if w in _PUNCT_STOP:
            if w == "," and k > lo:
                # "Britain, France and Germany said": a list of names
                if k + 1 <= end and pos[k + 1] in _NP_START and k - 1 >= lo and pos[k - 1] in _NOUN \
                        and not _AND_OR.isdisjoint(low[k + 1:end + 1]):
                    k -= 1
                    continue
            break
        if w in _SUBORD and p in {"IN", "WDT", "WRB", "RB"}:
            break
        if w in _REL and p in {"WDT", "WP", "WP$"}:
            break
        if w in _CC and k - 1 >= lo and group_of[k - 1] >= 0:
            break
        k -= 1
    a = k + 1
    # strip leading conjunctions, adverbs and a fronted prepositional phrase ("In 2004 the EU")
    while a <= end and (pos[a] in {"CC", "UH"} or pos[a] in _ADV or low[a] in {"so", "well", "uh", "um"}):
        a += 1
    if a <= end and pos[a] == "IN" and low[a] not in {"that"}:
        # a fronted phrase: "In this study we", "At the end of 1990 two radiometers"
        split = None
        for b in range(a + 2, end + 1):
            if pos[b] in {"PRP", "DT", "PRP$", "NNP", "NNPS", "CD", "EX"} and (pos[b - 1] in {"NN", "NNS", "NNP", "NNPS", "CD", "PRP"}
                                                                               or pos[b - 1] == "DT" and pos[b] == "PRP") \
                    and not (pos[b - 1] in {"NNP", "NNPS"} and pos[b] in {"NNP", "NNPS"}) and not (pos[b - 1] == "CD" and pos[b] == "CD"):
                split = b
        if split is None:
            comma = _rfind(low, ",", end - 1, a)
            if comma is not None:
                split = comma + 1  # "At the invitation of X, Chao and his wife returned"
        if split is not None:
            a = split
    while a <= end and low[a] in _TIME_NOUNS and a < end:
        a += 1
    if a > end:
        return None, "none"
    if pos[a] not in _NP_START and pos[a] not in {"VBG", "NNP", "WP", "``", "''"} and low[a] not in {"'s"}:
        return None, "none"
    if pos[a] in {"``", "''"}:
        return None, "none"
    if pos[a] == "VBG" and group_of[a] < 0:
        return None, "none"
    if pos[a] in {"VBN", "VBG"} and a < end and pos[a + 1] in _NOUN_JJ:
        pass  # "Infected ants chose", "Rising prices hurt"
    elif pos[a] in {"VBN"}:
        return None, "none"
    while end > a and (pos[end] in _ADV or low[end] in {"-", "&"}):
        end -= 1
    return (a, end), "own"


def _subjects(s: Sentence, groups: list[Clause]) -> None:
    """Each clause's subject, and the verb it depends on (``gov``) with its ``relation``."""
    n = len(s.low)
    group_of = s.group_of
    pos, low, lem = s.pos, s.low, s.lem
    for g, c in enumerate(groups):
        lo = 0
        if c.kind == "fin":
            span, how = _subject_left(s, c, lo)
            if how == "coordinated":
                prev = _before_with_subject(groups, g)
                if prev is not None:
                    c.subj, c.gov = prev.subj, prev
                    c.relation = "coordinated"
                    if prev.relation in {"relative", "reported", "complement"}:
                        c.relation = prev.relation
                        c.gov = prev.gov
            elif how == "relative":
                c.subj, c.relation = span, "relative"
            elif how == "own":
                c.subj, c.own_subject = span, True
                if pos[span[1]] == "EX":
                    span = c.subj = (span[1], span[1])
                if pos[span[0]] == "EX":  # "there is little prospect of ...": the noun after the verb
                    c.subj = np_right(s, c.ve + 1, n)
                    c.own_subject, c.subj_after = False, c.subj is not None
            if c.subj is None and how == "none" and not c.guess:
                # "the ban imposed in 1989 remains": the participle read as a past tense was not one
                prev = _before_finite(groups, g)
                if prev is not None and prev.guess and prev.subj is not None and prev.relation == "main" \
                        and _CC_SEMI.isdisjoint(low[prev.ve + 1:c.vs]):
                    prev.kind, prev.voice, prev.relation, prev.tense, prev.guess = "part", "passive", "relative", None, False
                    c.subj, c.own_subject = prev.subj, True
            if c.subj is None and how == "none" and lem[c.main] in _SPEECH:
                # '"...," said Mr Berg' / "..., says the report"
                j = c.vs - 1
                if j >= 0 and low[j] in {",", '"', "''", "``", "”"} or j < 0 or s.in_quote[max(j, 0)]:
                    span = np_right(s, c.ve + 1, n)
                    if span and not (span[0] == span[1] and low[span[0]] in _TIME_NOUNS):
                        c.subj, c.subj_after = span, True
        elif c.kind == "inf":
            j = c.vs - 1
            gov = None
            if j >= 0 and group_of[j] >= 0:
                gov = groups[group_of[j]]
                # "X refused to Z": X; "Y was urged to Z": Y
                c.subj, c.gov, c.relation = gov.subj, gov, "complement"
            elif j >= 0 and pos[j] in _NP_IN_PRP:
                np_ = _np_before(s, j)
                if np_ is not None and np_[0] - 1 >= 0 and group_of[np_[0] - 1] >= 0:
                    gov = groups[group_of[np_[0] - 1]]
                    c.subj, c.gov, c.relation = np_, gov, "complement"  # "X urged Y to Z": Y
                else:
                    c.relation = "complement"
            else:
                c.relation = "complement"
        elif c.kind == "ger":
            j = c.vs - 1
            while j > 0 and pos[j] in _ADV:
                j -= 1  # ", even suggesting"
            c.relation = "complement"
            if j >= 1 and pos[j] in _NP_IN_PRP and group_of[j] < 0:
                np_ = _np_before(s, j, of_chain=False)
                if np_ is not None and np_[0] - 1 >= 0 and pos[np_[0] - 1] == "IN":
                    c.subj = np_  # "little prospect of America agreeing"
                    c.own_subject = True
            elif j >= 0 and low[j] == "," and g > 0:
                prev = _before_finite(groups, g)
                if prev is not None and prev.subj is not None:
                    c.subj, c.gov, c.relation = prev.subj, prev, "coordinated"  # ", saying that"
            elif j >= 0 and pos[j] in {"IN", "TO"} and g > 0:
                prev = _before_finite(groups, g)
                if prev is not None:
                    c.subj, c.gov = prev.subj, prev  # "responded by rejecting the plan"
        else:  # participle: "the ban imposed in 1989", ", backed by the EU,"
            j = c.vs - 1
            c.relation = "relative"
            if j >= 0 and low[j] == ",":
                j -= 1
            if j >= 0 and group_of[j] < 0:
                c.subj = _np_before(s, j)
            if c.subj is None:
                c.relation = "complement"
        if c.gov is None and c.kind == "fin" and c.relation == "main":
            # a that-clause or a bare complement of a reporting verb
            a = c.subj[0] if c.own_subject and c.subj else c.vs
            b = a - 1
            if b >= 0 and low[b] in _SUBORD and pos[b] in {"IN", "WRB", "WDT", "RB"}:
                c.relation = "complement"
                if b - 1 >= 0 and group_of[b - 1] >= 0:
                    c.gov = groups[group_of[b - 1]]
                elif b - 1 >= 0:
                    c.gov = _before_ending(groups, g, b) if low[b] == "that" else None
            elif b >= 0 and group_of[b] >= 0 and lem[groups[group_of[b]].main] in REPORTING:
                c.relation, c.gov = "complement", groups[group_of[b]]
    # "Rejected by the voters, the plan died": an opening participle's subject is the main clause's
    for g, c in enumerate(groups):
        if c.kind in {"part", "ger"} and c.subj is None and c.vs <= 1 and (c.vs == 0 or low[0] in _CC):
            for o in groups[g + 1:g + 4]:
                if o.kind == "fin" and o.own_subject and o.subj is not None and o.subj[0] > 0 and low[o.subj[0] - 1] == ",":
                    c.subj, c.gov = o.subj, o
                    break


def _before_finite(groups: list[Clause], g: int) -> Clause | None:
    """The nearest finite clause before groups[g]."""
    for k in range(g - 1, -1, -1):
        if groups[k].kind == "fin":
            return groups[k]
    return None


def _before_with_subject(groups: list[Clause], g: int) -> Clause | None:
    """The nearest finite clause with a subject before groups[g]."""
    for k in range(g - 1, -1, -1):
        p = groups[k]
        if p.kind == "fin" and p.subj is not None:
            return p
    return None


def _before_ending(groups: list[Clause], g: int, b: int) -> Clause | None:
    """The nearest clause before groups[g] whose verb group ends before token b."""
    for k in range(g - 1, -1, -1):
        if groups[k].ve < b:
            return groups[k]
    return None
