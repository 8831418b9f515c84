"""Reading the cue's clause (:mod:`analysis.clauses`): governing words, targets, special holders."""

from __future__ import annotations


from ..clauses import np_right
from .vocabulary import (
    _BOUNDARY, _GROUP_NOUNS, _HEDGING_GOVERNORS, _NAMING_TAGS, _NEGATING_GOVERNORS, _NEGATING_PHRASES,
    _NOT_TARGET_START, _OPEN_QUESTION, _QUANTIFIERS, _QUOTE_MARKS,
)
from .sentence import _np_left, _scare_quote, _target_right, _verb_here


def _clause_at(cs, i: int, j: int):
    """The clause of the sentence ``cs`` whose verb group holds one of the cue's tokens i..j-1;
    else the clause whose verb group is nearest before the cue within the clause's extent."""
    for k in range(i, j):
        g = cs.group_of[k] if k < len(cs.group_of) else -1
        if g >= 0:
            return cs.clauses[g]
    for k in range(min(i, len(cs.group_of) - 1), -1, -1):  # the nearest verb group before the cue
        g = cs.group_of[k]
        if g >= 0:
            for x in range(g, -1, -1):
                c = cs.clauses[x]
                if c.start <= i <= c.end:
                    return c
                if c.end < k - 40:
                    break
            return None
    return None


def _governing_negation(cs, c) -> tuple[bool, bool]:
    """``(negated, hedged)`` from the words that govern clause c: the verb whose complement it is
    ("refused to", "did not agree to", "seemed to") and phrases before it ("little prospect of")."""
    negated = hedged = False
    g = c.gov if c.relation in ("complement", "reported") or c.kind in ("inf", "ger") else None
    if g is not None and c.kind in ("inf", "ger"):
        lemma = cs.lem[g.main]
        if lemma in _NEGATING_GOVERNORS:
            negated = True
        if g.negated:
            negated = not negated
        if lemma in _HEDGING_GOVERNORS or g.hedged:
            hedged = True
    a = c.subj[0] if c.subj is not None and c.own_subject and c.subj[0] < c.vs else c.vs
    before = cs.low[max(0, a - 3):a]
    if c.kind == "inf" and g is None:
        # "has yet to endorse", "was not ready to back": the finite verb just before denies it
        fin = _governing_finite(cs, c)
        if (before and before[-1] in ("yet", "refusal", "failure", "reluctance")) or (fin is not None and c.vs - fin.ve <= 4 and (
                fin.negated or any(w in ("not", "n't", "never") for w in cs.low[fin.vs:c.vs]))):
            negated = True
    for phrase in _NEGATING_PHRASES:
        if tuple(before[-len(phrase):]) == phrase:
            negated, hedged = True, True
            break
    return negated, hedged


def _phrase_right(cs, j: int, c):
    """The whole phrase a cue ending before token j is about: an infinitive or that-clause to its
    end, else a noun phrase with its attachments and the infinitive it governs ("urged the
    ministers to protect the fishing grounds"); None when there is none."""
    n = len(cs.low)
    if j >= n:
        return None
    g = cs.group_of[j]
    if g >= 0:
        other = cs.clauses[g]
        if other.kind in ("inf", "ger"):
            return (j, _before_second_verb(cs, j, max(other.end, other.ve)))
        return None
    if cs.low[j] == "to" and j + 1 < n and cs.group_of[j + 1] >= 0:
        other = cs.clauses[cs.group_of[j + 1]]
        return (j + 1, max(other.end, other.ve))
    if cs.low[j] == "that" and c is not None and c.obj is not None and c.obj[0] == j:
        return (j + 1, c.obj[1]) if c.obj[1] > j else None
    span = np_right(cs, j, n)
    if span is None and cs.low[j] in _QUOTE_MARKS and j + 1 < n:
        span = np_right(cs, j + 1, n)  # praised "the volunteers"
    if span is None:
        return None
    k = span[1] + 1
    if k < n and cs.low[k] in _QUOTE_MARKS and (m := _scare_quote(cs, k)):
        more = np_right(cs, m, n)  # called for more "flexibility" for advisers
        span = (span[0], more[1] if more else m - 1)
        k = span[1] + 1
    if k < n and cs.group_of[k] >= 0:
        other = cs.clauses[cs.group_of[k]]
        if other.kind == "inf" and other.vs == k:
            return (span[0], max(other.end, other.ve))
    elif k + 1 < n and cs.low[k] == "to" and cs.group_of[k + 1] < 0 and _verb_here(cs, k + 1):
        # "urged his voters to back Clinton" with "back" read as an adverb: the infinitive all the same
        rest = _target_right(cs, k + 2)
        return (span[0], rest[1] if rest else k + 1)
    return span


def _before_second_verb(cs, a: int, b: int) -> int:
    """The end of a phrase a..b cut before "and (also) back Y", a second verb phrase coordinated with
    the first ("favor letting them stay and also back tougher laws": two stances)."""
    for m in range(a + 1, b):
        if cs.low[m] in ("and", "but") and cs.pos[m + 1] == "RB" and m + 2 <= b and cs.pos[m + 2].startswith("VB"):
            return m - 1
    return b


def _governing_finite(cs, c):
    """The finite clause a non-finite clause c depends on: its governor when that is finite, else
    the nearest finite clause ending before it ("went on the record endorsing Y", "was dedicating
    money to combat Y", "has yet to endorse Y"); None when there is none."""
    g = c.gov
    if g is not None and g.kind == "fin":
        return g
    best = None
    for other in cs.clauses:
        if other is c or other.ve >= c.vs:
            break
        if other.kind == "fin" and other.relation != "relative":
            best = other
    return best


def _in_question(cs, c) -> bool:
    """Is clause c (or the finite clause it depends on) an open question or a condition:
    "asked whether he would back Y", "if she backs Y", "a vote on whether to endorse Y"?"""
    for x in (c, _governing_finite(cs, c) if c.kind in ("inf", "ger") else None):
        if x is None:
            continue
        a = x.subj[0] if x.subj is not None and x.own_subject and x.subj[0] < x.vs else x.vs
        if a > 0 and cs.low[a - 1] in _OPEN_QUESTION:
            return True
    return False


def _attributive(s, i: int) -> bool:
    """Is the participle at i inside a noun phrase ("a well respected senator", "the backing group")?"""
    k = i - 1
    while k >= 0 and s.pos[k] in ("RB", "RBR", "RBS"):
        k -= 1
    if k >= 0 and s.pos[k] == "JJ" and k > 0 and s.lem[k - 1] == "have":
        return False  # "has long supported Smith": an adverb the tagger took for an adjective
    if i + 1 >= len(s.pos) or k < 0:
        return False
    if s.pos[i] in ("VBN", "VBD") and s.pos[i + 1] in ("NN", "NNS") and (
            s.pos[k] == "CD" or (s.pos[k] == "IN" and s.low[k] not in _NOT_DETERMINERS)):
        return True  # "758 pledged delegates", "in pledged delegates"
    return s.pos[k] in ("DT", "PRP$", "JJ") and s.pos[i + 1].startswith("NN") and s.low[k] not in _QUANTIFIERS  # not "all supported Bush"


#: prepositions and relatives after which a participle is a verb ("a group that endorsed candidates")
_NOT_DETERMINERS = frozenset({"since", "that", "which", "who", "whom", "as", "because", "if", "while", "after", "before"})


def _after_condition(s, i: int) -> bool:
    """Does token i stand in the consequent of a condition that opens its sentence or quotation
    ("If people want safer streets, they should vote for Y", "in the unlikely event they all voted for Y")?"""
    for m in range(i - 1, -1, -1):
        w = s.low[m]
        if w in (".", ";", "?", "!", "“", "``", '"'):
            return False
        if (w in ("if", "unless") and s.pos[m] == "IN") or (w == "event" and m >= 2 and s.low[m - 2] == "in"):
            return True
    return False


def _target_ok(s, span) -> bool:
    """A target names something: not a bare adverb ("endorsing late") nor a time clause ("until ...")."""
    a, b = span
    if s.low[a] in _NOT_TARGET_START and s.pos[a] in ("IN", "WRB"):
        return False
    if all(s.low[m] in _BOUNDARY for m in range(a, b + 1)):
        return False  # "They want — they don't want ...": a dash is no target
    return s.low[a] in _QUANTIFIERS or not _NAMING_TAGS.isdisjoint(s.pos[a:b + 1]) or (
        s.pos[a] == "DT" and b > a and s.pos[b] == "JJ")  # "support the former", "the re-settlement" read as an adjective


def _upper_word(s, m: int) -> bool:
    """Token m is written in capitals ("CLINTON", "TAPPER"), as a transcript names its speakers."""
    w = s.lem[m]
    return len(w) > 1 and w.isalpha() and w.isupper()


def _colon_speaker(s, k: int):
    """ "Clinton: I support statehood", "Carly Fiorina Endorses Cruz: I Am Horrified": the name
    that opens the sentence before a colon, when *I* / *we* at token k follow that colon."""
    colon = next((m for m in range(1, min(k, 12)) if s.low[m] == ":"), None)
    if colon is None:
        return None
    # "SMITH: I support the budget, and I oppose the tax": a transcript's speaker in capitals
    label = colon <= 3 and all(_upper_word(s, m) for m in range(colon))
    if not label and any(s.low[m] in _BOUNDARY for m in range(colon + 1, k)):
        return None
    if label:
        return (0, colon - 1)
    end = 0
    while end < colon and s.pos[end] in ("NNP", "NNPS") or (end < colon and s.low[end] in ("-", ".")):
        end += 1
    return (0, end - 1) if end > 0 and (end == colon or s.pos[end].startswith("VB") or s.pos[end] == "NNP") else None


def _gerund_object_holder(s, c):
    """ "attacked X for opposing Y", "accused X of endorsing Y", "thanked X for backing Y": X holds
    the gerund's stance (the noun phrase between the governing verb and *for* / *of*)."""
    k = c.vs - 1
    if c.kind == "ger" and k >= 2 and s.low[k] == "and":
        # "applauded him for defying X and fighting for Y": the first gerund's
        first = next((o for o in reversed(s.clauses) if o.kind == "ger" and o.ve < k and o is not c), None)
        return _gerund_object_holder(s, first) if first is not None and first.ve >= k - 8 else None
    if c.kind != "ger" or k < 2 or s.low[k] not in ("for", "of"):
        return None
    span = _np_left(s, k - 1)
    if span is None or span[0] == 0 or not s.pos[span[0] - 1].startswith("VB"):
        return None
    return span


def _participle_holder(s, c, vg: int, actors):
    """ "taken heat from a civil rights group demanding Y", "the super PAC backing Bush": a
    participle right after a noun phrase that names someone modifies it; that phrase holds the
    stance (not the subject of the clause around it). None when the noun phrase names no one
    ("went on the record endorsing Y")."""
    if vg != c.vs or vg == 0 or not s.pos[vg - 1].startswith("NN"):
        return None
    span = _np_left(s, vg - 1)
    if span is None:
        return None
    a, b = span
    cut = max((k for k in range(a, b) if s.pos[k] == "IN" and s.low[k] != "of"), default=None)
    if cut is not None:
        a = cut + 1  # "pressure from a union demanding Y": the union
        span = (a, b)
    if actors.in_span(s.st[a], s.en[b]) is None and not any(p.startswith("NNP") for p in s.pos[a:b + 1]) \
            and s.lem[b] not in _GROUP_NOUNS:
        return None
    return span


#: nouns for people acting together ("a union demanding Y", "activists backing Y")
