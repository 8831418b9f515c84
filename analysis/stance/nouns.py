"""Stance nouns: "X's endorsement of Y", "the backing of X", "a critic of Y"."""

from __future__ import annotations


from .vocabulary import (
    _AGENT_NOUNS, _GIVE, _LIGHT_VERBS, _NAMING_TAGS, _NOUN_SOURCE_PREPS, _NOUN_TARGET_PREPS, _POSSESSED_AGENTS,
    _RECEIVE,
)
from .sentence import _np_left, _np_right, _target_right
from .clause_reading import _phrase_right


def _clause_subject_before(cs, i: int):
    """The subject of the nearest clause whose verb group ends before token i and whose extent
    holds it (not a relative clause): "Clinton locked up endorsements from unions" -> Clinton."""
    best = None
    for c in cs.clauses:
        if c.subj is not None and c.subj[0] <= i <= c.subj[1]:
            return None  # the noun is itself in a subject: "the endorsements from X can be seen as ..."
    for c in cs.clauses:
        if c.ve >= i:
            break
        if c.subj is not None and c.relation != "relative" and c.subj[1] < i and c.end >= i \
                and not _NAMING_TAGS.isdisjoint(cs.pos[c.subj[0]:c.subj[1] + 1]):
            best = c.subj
    return best


def _noun_frame(s, cs, i: int, j: int, words=()):
    """``(holder_span, holder_from, target_span)`` of a stance noun at tokens i..j-1, or None.

    * "X's / his (energetic) endorsement of Y", "Trump's opposition to Y": holder X, target Y;
    * "endorsements from X", "support among X": holder X, target the possessor or the clause's
      subject ("Clinton locked up endorsements from unions");
    * "Z received the endorsement of X": holder X, target Z;
    * agent nouns: "Y's backers" (holder the noun, target Y), "X, (as) a backer of Y" and "X is a
      proponent of Y" (holder X, target Y).
    """
    n = len(s.low)
    k = i - 1
    while k >= 0 and i - k <= 3 and s.pos[k] in ("JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN", "VBG") \
            and s.low[k] not in ("own",):
        k -= 1
    if k >= 0 and s.low[k] == "own":
        k -= 1
    poss = None
    if k >= 0 and s.pos[k] == "PRP$":
        poss = (k, k)
    elif k >= 1 and s.low[k] in ("'s", "’s", "'", "’"):
        left = _np_left(s, k - 1)
        if left is not None:
            poss = (left[0], k - 1)
    after = None
    if len(words) > 1 and j < n:
        after = _phrase_right(cs, j, None) or _target_right(s, j)  # "refusal to endorse Y", "bias against Y"
    elif j < n and s.low[j] in _NOUN_TARGET_PREPS and j + 1 < n:
        after = _phrase_right(cs, j + 1, None) or _target_right(s, j + 1)
    if after is not None and after[1] + 2 < n and s.low[after[1] + 1] == "by" and s.pos[after[1] + 2] in ("NNP", "NNPS", "DT", "JJ"):
        src = _np_right(s, after[1] + 2)  # "an attack against Cruz by Sen. Graham": Graham
        if src is not None and any(p.startswith("NNP") for p in s.pos[src[0]:src[1] + 1]):
            return (src, "from", after)
    if after is not None:
        by = next((m for m in range(after[0] + 1, after[1]) if s.low[m] == "by" and s.pos[m + 1] in ("NNP", "NNPS", "JJ", "DT")), None)
        if by is not None:
            src = _np_right(s, by + 1)  # the target phrase read past "by": "Cruz by Sen. Graham"
            if src is not None and any(p.startswith("NNP") for p in s.pos[src[0]:src[1] + 1]):
                return (src, "from", (after[0], by - 1))
    js = j + 1 if j + 1 < n and s.pos[j] == "RB" and s.low[j + 1] in _NOUN_SOURCE_PREPS else j  # "criticism even from X"
    if js < n and s.low[js] in _NOUN_SOURCE_PREPS and js + 1 < n:
        if js + 2 < n and s.low[js + 1] in ("within", "inside"):
            js += 1  # "from within his own party"
        src = _np_right(s, js + 1)
        if src is None:
            return None
        target = poss or _clause_subject_before(cs, i)
        return (src, "from", target) if target is not None else None
    lemma = s.lem[i]
    if lemma in _POSSESSED_AGENTS and poss is None and after is None and i > 0 and s.pos[i - 1] in ("NNP", "NNPS"):
        # "Trump supporters", "a Cruz backer": the name before the noun is the target
        m = i - 1
        while m > 0 and s.pos[m - 1] in ("NNP", "NNPS") and i - m < 3:
            m -= 1
        if m > 0 and s.low[m - 1] in ("a", "an"):
            # "Graham, a former candidate and a Cruz supporter": the name before the appositive;
            # "Graham is a Cruz supporter": the subject
            d = m - 2
            if d >= 0 and s.lem[d] == "be":
                holder = _clause_subject_before(cs, i)
                return (holder, "subject", (m, i - 1)) if holder is not None else None
            while d > 0 and m - d < 10 and s.low[d] != ",":
                d -= 1
            if d > 0 and s.low[d] == ",":
                e = d - 1
                if s.low[e] == ")":
                    e = next((x for x in range(e - 1, max(-1, e - 8), -1) if s.low[x] == "("), 0) - 1  # "Graham (R-S.C.), a ..."
                holder = _np_left(s, e) if e >= 0 else None
                if holder is not None and any(p.startswith("NNP") for p in s.pos[holder[0]:holder[1] + 1]):
                    return (holder, "subject", (m, i - 1))
            return None
        if m == 0 or s.pos[m - 1] in ("DT", "JJ", "CD", "PRP$", "IN", ",", "CC", "VBD", "VBZ", "VBP", "VB"):
            return ((m, i), "subject", (m, i - 1))
    if lemma in _AGENT_NOUNS:
        if poss is not None and after is None:
            # "Sanders' backers", "Trump's critics" (not "his opponent": a rival in a race)
            return ((i, i), "subject", poss) if lemma in _POSSESSED_AGENTS else None
        if after is None:
            return None  # "the party's proponent of Y": the party is not the target
        if poss is not None:
            d = poss[0]  # "Graham, Congress' most zealous advocate for Y"
        else:
            d = k if k >= 0 and s.pos[k] == "DT" else k + 1  # the determiner of "a backer"
        d -= 1
        while d >= 0 and s.pos[d] in ("DT", "RB"):
            d -= 1  # "is perhaps the party's proponent of Y"
        if d >= 0 and s.low[d] == "as":
            d -= 1
        if d >= 0 and s.low[d] == ",":
            holder = _np_left(s, d - 1)
        elif d >= 0 and s.lem[d] == "be":
            holder = _clause_subject_before(cs, i)
        else:
            holder = None
        return (holder, "subject", after) if holder is not None else None
    if poss is not None:
        if after is None:
            return None
        if poss[0] == poss[1] and s.pos[poss[0]] == "PRP$" and poss[0] > 0 and s.pos[poss[0] - 1].startswith("VB") \
                and s.low[poss[0]] in ("his", "her", "their", "its"):
            # "several of them indicated their support for Y": the one who indicates it
            holder = _clause_subject_before(cs, i)
            if holder is not None:
                return (holder, "subject", after)
        return (poss, "subject", after)
    # "Z received the endorsement of X"; "X has praise for Y", "X voiced strong criticism of Y"
    d = k
    while d >= 0 and s.pos[d] in ("DT", "JJ", "CD", "PRP$"):
        d -= 1
    if d >= 0 and s.lem[d] == "have" and k >= 0 and s.low[k] == "the" and j < n and s.low[j] == "of" and after is not None:
        target = _clause_subject_before(cs, i) or _np_left(s, d - 1)  # "Clinton has the backing of most unions"
        return (after, "from", target) if target is not None else None
    if d >= 0 and s.lem[d] in _LIGHT_VERBS and after is not None and s.pos[d].startswith("VB"):
        holder = _clause_subject_before(cs, i)
        return (holder, "subject", after) if holder is not None else None
    if d >= 0 and s.lem[d] in _RECEIVE and j < n and s.low[j] == "of" and after is not None:
        target = _clause_subject_before(cs, i) or (_np_left(s, d - 1) if s.pos[d] in ("VBD", "VBZ", "VBP") else None)
        return (after, "from", target) if target is not None else None
    # "gave Clinton the nod", "lent the mayor its backing": the one given it is the target
    if d >= 1 and s.pos[d].startswith(("NNP", "PRP", "NN")) and k >= 0 and s.pos[k] in ("DT", "PRP$"):
        io = _np_left(s, d)
        if io is not None and io[0] > 0 and s.lem[io[0] - 1] in _GIVE:
            holder = _clause_subject_before(cs, io[0])
            return (holder, "subject", io) if holder is not None else None
    return None
