"""Checks on holder phrases: pronouns, copular subjects, appositive names."""

from __future__ import annotations


from .vocabulary import _ABSTRACT_HEADS, _PRONOUNS, _QUANTIFIERS, _SUBJECT_PRONOUNS, _TIME_HEADS
from .sentence import _np_left
from .clause_reading import _governing_finite


def _pronoun_in_complement(cs, c, span):
    """The subject of the clause governing a complement whose subject is *he* / *she* / *they*,
    when it agrees (a plural for *they*, a name for *he* / *she*); else None."""
    a, b = span
    if a != b or cs.low[a] not in ("he", "she", "they") or c is None:
        return None
    g = c.gov if c.gov is not None else (_governing_finite(cs, c) if c.relation in ("complement", "reported") else None)
    for _ in range(3):  # "told the Post he was not ready to support": the infinitive's finite clause first
        if g is None or g.subj is None or g.subj[1] >= a:
            return None
        x, y = g.subj
        if not (x == y and cs.low[x] in _PRONOUNS):
            break
        g = g.gov
    else:
        return None
    heads = cs.pos[x:y + 1]
    if cs.low[a] == "they":
        return g.subj if ("NNS" in heads or "NNPS" in heads) else None
    return g.subj if "NNP" in heads and "NNS" not in heads and "NNPS" not in heads else None


def _copular_subject(cs, span):
    """ "Trump is a serial liar and birther who has pledged to ban ...": the antecedent of the
    relative clause is a predicate noun; the subject of *is* holds the stance."""
    k = span[0] - 1
    while k >= 0 and (cs.pos[k] in ("DT", "JJ", "NN", "NNS", "CC") or cs.low[k] == ","):
        k -= 1
    if k >= 0 and cs.lem[k] == "be":
        prev = None
        for c in cs.clauses:
            if c.vs <= k <= c.ve:
                if c.subj is not None and c.subj[1] < k:
                    return c.subj
                if c.subj is None and k > 0 and cs.low[c.vs - 1] in ("and", "but"):
                    if prev is None:
                        # the first verb was read as a noun: the name that opens the sentence (after a colon)
                        m = a0 = next((m + 1 for m in range(min(k, 6)) if cs.low[m] == ":"), 0)
                        while m < k and cs.pos[m] in ("NNP", "NNPS", "DT"):
                            m += 1
                        if m > a0 and "NNP" in cs.pos[a0:m] and m < k and cs.pos[m].startswith(("RB", "VB", "NNS")):
                            prev = (a0, m - 1)
                    if prev is not None:
                        return prev  # "Trump regularly lies and is a ... who": the first verb's subject
                break
            if c.kind == "fin" and c.subj is not None and c.relation != "relative" and c.ve < k:
                prev = c.subj
    return span


def _appositive_name(s, span):
    """ "National Nurses United, a union that endorsed Y": the name before the appositive."""
    a, b = span
    if a >= 2 and s.low[a - 1] == "," and (s.low[a] in ("a", "an") or (
            s.low[a] == "the" and b + 1 < len(s.low) and s.low[b + 1] == "," and not s.pos[b].startswith("NNP"))):
        # "Jeb Bush, the former Florida governor, who has resented Y": the name too
        left = _np_left(s, a - 2)
        if left is not None and any(p.startswith("NNP") for p in s.pos[left[0]:left[1] + 1]):
            return left
    return span


def _pronoun_head(s, span):
    """A subject pronoun at the end of a longer span stands alone ("told the Post he", "made it clear they")."""
    a, b = span
    if b > a and s.low[b] in _SUBJECT_PRONOUNS and s.pos[b] == "PRP":
        return (b, b)
    return span


def _holder_ok(s, span) -> bool:
    """A holder is a noun phrase naming someone: not a time ("this week") nor a punctuation mark."""
    a, b = span
    words = s.low[a:b + 1]
    if s.pos[a] in ("VB", "VBP", "VBZ", "VBD") or "any" in words or "every" in words:
        return False  # "will not support any candidate who opposes Y": no one in particular, or a verb
    if words[0] in ("no", "none", "neither"):
        return False  # "none of the candidates is pushing for Y": a stance no one holds
    if b - a > 2 and any(p in ("VBD", "VBZ", "VBP", "MD") or (p == "VB" and s.low[k - 1] != "to")
                         for k, p in enumerate(s.pos[a + 1:b + 1], a + 1)) \
            and not any(p in ("WP", "WDT") or w == "that" for p, w in zip(s.pos[a:b + 1], words)):
        return False  # "he heard a few in the crowd hurl insults": a clause read as a phrase, not a holder
    if words and words[-1] in _QUANTIFIERS:
        return True  # "most oppose it", "many believe"
    if not any(p.startswith(("NN", "PRP", "CD", "FW")) for p in s.pos[a:b + 1]):
        return False
    # the head noun is before a preposition: "Donald Trump on Friday" is Trump, not a day
    cut = next((k for k in range(a + 1, b + 1) if s.pos[k] == "IN"), b + 1)
    pos = s.pos[a:cut] if any(p.startswith("NN") for p in s.pos[a:cut]) else s.pos[a:b + 1]
    words = s.low[a:a + len(pos)]
    head = next((w for w, p in zip(reversed(words), reversed(pos)) if p.startswith("NN")), None)
    return head not in _TIME_HEADS and head not in _ABSTRACT_HEADS
