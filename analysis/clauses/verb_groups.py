"""Verb groups: a main verb with its auxiliaries, modals, negation and adverbs ("has not been
condemned") and a particle after it; its kind (finite, infinitive, gerund, participle), voice,
tense, negation, modal and hedge."""

from __future__ import annotations

from .vocabulary import (
    _ADV, _AUX_LEMMA, _BARE_PARTICIPLES, _BRACKET, _CC, _DASHES, _FIN, _HEDGE_ADV, _HEDGE_MODAL, _HEDGE_VERB,
    _MODAL_FUTURE, _NEG, _NOUN, _NOUN_JJ, _NOUN_PRP, _VERB, _VERB_OR_TO, _rfind,
)
from .sentence import Clause, Sentence


_PRESENT_OR_MODAL = frozenset({"VBZ", "VBP", "MD"})  # finite tags the participle tests below never apply to


def _is_verb(s: Sentence, i: int) -> bool:
    p = s.pos[i]
    if p not in _VERB:
        return False
    if p == "VBG" and s.low[i] == "according" and i + 1 < len(s.pos) and s.low[i + 1] == "to":
        return False  # "according to X": a preposition
    if p in {"VBG", "VBN"} and i > 0 and i + 1 < len(s.pos):
        # adjectival participles inside a noun phrase: "the growing arms trade", "the proposed deal"
        if s.pos[i - 1] in {"DT", "PRP$", "JJ", "POS", "CD"} and s.pos[i + 1] in _NOUN_JJ:
            return False
        if p == "VBN" and s.pos[i + 1] in _NOUN and (s.pos[i - 1] in {"VB", "VBP", "VBZ", "VBG"} and s.lem[i - 1] not in _AUX_LEMMA):
            return False  # "oppose increased pluralism"
        if p == "VBN" and s.pos[i - 1] in {"IN", "RB"} and s.low[i - 1] != "by" and s.pos[i + 1] in _NOUN:
            return False  # "from armed confrontation", "sharply aggravated situation"
    if p == "VBG" and i + 1 < len(s.pos) and s.pos[i + 1] in _NOUN and (i == 0 or s.pos[i - 1] in {"IN", "TO", ",", "CC"}) \
            and s.low[i] in {"leading", "ruling", "developing", "growing", "remaining", "following", "existing", "rising", "working"}:
        return False
    return True


def _next_verb(s: Sentence, j: int, n: int) -> int:
    """Index of the next token from j that is not an adverb or negation, or n."""
    while j < n and (s.pos[j] in _ADV or s.low[j] in _NEG) and not s.pos[j].startswith("VB"):
        j += 1
    return j


def _verb_positions(pos: list) -> list[int]:
    """The positions of the verb tags and "to" (where a verb group may start)."""
    return [k for k in range(len(pos)) if pos[k] in _VERB_OR_TO]


def _groups(s: Sentence) -> list[Clause]:
    """The verb groups of a sentence."""
    n = len(s.low)
    pos, low, lem = s.pos, s.low, s.lem
    out = []
    seen_finite = False
    i = 0
    # a group starts only at a verb tag or at "to"; every other token is stepped over
    for at in _verb_positions(pos):
        if at < i:
            continue  # inside the previous group
        i = start = at
        infinitive = False
        if low[i] == "to" and pos[i] == "TO":
            j = _next_verb(s, i + 1, n)
            if j < n and pos[j] in {"VB", "VBP"} or (j < n and pos[j] in {"VBN", "VBD"} and lem[j] == "be"):
                infinitive = True
                i = j
            else:
                i += 1
                continue
        elif pos[i] == "TO" or pos[i] in {"VBG", "VBN"} and not _is_verb(s, i):  # other verb tags are verbs
            i += 1
            continue
        # walk the auxiliaries: MD, be/have/do/get followed by another verb
        main = i
        k = i
        while True:
            p = pos[k]
            nxt = k + 1
            if nxt < n and (pos[nxt] in _ADV or low[nxt] in _NEG):
                nxt = _next_verb(s, nxt, n)
            if nxt < n:
                pn = pos[nxt]
                if pn in _VERB:
                    if pn != "MD":
                        lm = lem[k]
                        if (p == "MD" or (lm == "be" and pn in {"VBG", "VBN", "VBD"})
                                or (lm == "have" and (pn in {"VBN", "VBD"} or pn == "VB" and low[nxt] in _BARE_PARTICIPLES))
                                or (lm == "do" and pn in {"VB", "VBP"} and p in {"VBD", "VBZ", "VBP"})
                                or (lm == "get" and pn == "VBN")):
                            k = nxt
                            continue
                elif p == "MD" and low[nxt] in {"be", "have"}:
                    k = nxt
                    continue
            main = k
            break
        end = main
        if end + 1 < n and pos[end + 1] == "RP":
            end += 1
        kind, guess = "fin", False
        first = start if not infinitive else i
        fp = pos[first]
        if infinitive:
            kind = "inf"
        elif fp in _PRESENT_OR_MODAL:
            pass  # finite (as the test for _FIN below would find)
        elif fp == "VBD" and end == first and first > 0 and (low[first - 1] in _DASHES or low[first - 1] == "(") \
                and first + 1 < n and pos[first + 1] in {"IN", "TO"}:
            kind = "part"  # "The deal – signed in May – was welcomed"
        elif fp == "VBD" and end == first and (first == 0 or low[first - 1] in _CC and first == 1) \
                and first + 1 < n and low[first + 1] == "by":
            kind = "part"  # "Rejected by the voters, the plan died"
        elif fp in _FIN or (first > 0 and low[first - 1] == "not" and fp == "VB"):
            kind = "fin"
        elif fp in {"VB", "VBP"}:
            prev = first - 1
            while prev >= 0 and pos[prev] in _ADV:
                prev -= 1
            if prev >= 0 and (low[prev] == "to" or pos[prev] == "MD"):
                kind = "inf"
            else:
                kind = "fin"  # "We oppose", imperatives
        elif fp == "VBG":
            kind = "ger"
        else:  # VBN alone
            prev = first - 1
            while prev >= 0 and pos[prev] in _ADV:
                prev -= 1
            if prev >= 0 and low[prev] in {")", "]"}:
                o = _rfind(low, _BRACKET[low[prev]], prev - 1)
                if o is not None and o > 0:
                    prev = o - 1
            nxt = first + 1 if end == first else end + 1
            subject_left = prev >= 0 and (pos[prev] in _NOUN or pos[prev] in {"PRP", "CD"} or low[prev] in {"who", "which", "that"})
            if prev > 0 and low[prev] == ",":
                # "Spain, which is opposed to the levy, called for talks": after a relative aside
                k = _rfind(low, ",", prev - 1)
                if k is not None and k + 1 < prev and k > 0 and pos[k - 1] in _NOUN_PRP and (
                        low[k + 1] in {"which", "who"} or _FIN.isdisjoint(pos[k + 1:prev])):
                    subject_left = True
                    prev = k - 1
            if prev >= 0 and lem[prev] == "have":
                kind = "fin"
            elif prev >= 0 and low[prev] in _CC and (prev == 0 or seen_finite):
                kind = "fin"  # "backed the plan and called for talks"
            elif subject_left and not (nxt < n and low[nxt] == "by"):
                kind = "fin"  # the tagger's VBN for a past tense: "Daniel studied medicine"
                guess = True
            else:
                kind = "part"
        c = Clause(start, end, main, kind)
        if guess:
            c.guess = True
        if main == start:  # one word: nothing to look through (as _features would find)
            if kind == "part" and pos[main] in {"VBN", "VBD"}:
                c.voice = "passive"
            c.hedged = lem[main] in _HEDGE_VERB
            if kind == "fin":
                c.tense = "future" if low[main] == "'ll" else ("past" if pos[main] in {"VBD", "VBN"} else "present")
        else:
            _features(s, c)
        out.append(c)
        seen_finite = seen_finite or kind == "fin"
        i = end + 1
    return out


def _features(s: Sentence, c: Clause) -> None:
    low, lem, pos = s.low, s.lem, s.pos
    m = c.main
    if m == c.vs:  # one word: nothing to look through
        w = low[m]
        if c.kind == "part" and pos[m] in {"VBN", "VBD"}:
            c.voice = "passive"
        c.hedged = lem[m] in _HEDGE_VERB
        if c.kind == "fin":
            c.tense = "future" if w == "'ll" else ("past" if pos[m] in {"VBD", "VBN"} else "present")
        return
    negated = hedged = False
    modal = None
    first = -1
    for k in range(c.vs, m + 1):
        w, p = low[k], pos[k]
        if w in _NEG or (w == "no" and k < m and low[k + 1] == "longer"):
            negated = True
        if p == "MD":
            if modal is None:
                modal = w
            if w in _HEDGE_MODAL:
                hedged = True
        elif w in _HEDGE_ADV:
            hedged = True
        if first < 0 and p in _VERB:
            first = k
    c.negated, c.modal = negated, modal
    c.hedged = hedged or lem[m] in _HEDGE_VERB
    prev = m - 1
    while prev >= c.vs and (pos[prev] in _ADV or low[prev] in _NEG):
        prev -= 1
    pm = pos[m]
    if pm in {"VBN", "VBD"} and prev >= c.vs and (lem[prev] in {"be", "get"} and low[prev] != "'s" or (low[prev] == "'s" and pm == "VBN")):
        c.voice = "passive"
    elif c.kind == "part" and pm in {"VBN", "VBD"}:
        c.voice = "passive"
    if c.kind == "fin":
        if modal in _MODAL_FUTURE or (modal is None and low[c.vs] == "'ll"):
            c.tense = "future"
        else:
            f = first if first >= 0 else c.vs
            c.tense = "past" if pos[f] in {"VBD", "VBN"} else "present"
