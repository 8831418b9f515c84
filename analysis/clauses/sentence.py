"""A sentence's tokens as parallel lists (:class:`Sentence`) and the clauses found in it
(:class:`Clause`, in token positions of that sentence)."""

from __future__ import annotations

from .retag import _retag


class Clause:
    """One clause of a sentence, in token positions of that sentence (``-1``: none)."""

    __slots__ = ("vs", "ve", "main", "kind", "voice", "negated", "modal", "hedged", "tense", "subj", "obj", "agent",
                 "relation", "gov", "start", "end", "own_subject", "subj_after", "guess")

    def __init__(self, vs, ve, main, kind):
        self.vs = vs
        self.ve = ve
        self.main = main
        self.kind = kind
        self.voice = "active"
        self.negated = self.hedged = self.own_subject = self.subj_after = self.guess = False
        self.modal = self.tense = self.subj = self.obj = self.agent = self.gov = None  # spans: (a, b) inclusive
        self.relation = "main"
        self.start = self.end = vs

    def __repr__(self):  # pragma: no cover - for debugging
        return f"<Clause {self.kind} {self.vs}-{self.ve} subj={self.subj} obj={self.obj} agent={self.agent} {self.relation}>"


class Sentence:
    """The tokens of one sentence as parallel lists, and its clauses."""

    __slots__ = ("low", "lem", "pos", "st", "en", "sent_id", "para_id", "start", "end", "clauses", "in_quote",
                 "group_of")

    def __init__(self, low, lem, pos, st, en, sent_id=0, para_id=0, start=0, end=0, in_quote=None):
        self.low, self.lem, self.pos, self.st, self.en = low, lem, pos, st, en
        self.sent_id, self.para_id, self.start, self.end = sent_id, para_id, start, end
        self.in_quote = in_quote or [False] * len(low)
        self.clauses: list[Clause] = []
        _retag(self)
        self.group_of: list[int] = [-1] * len(low)
