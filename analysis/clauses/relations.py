"""Reported speech: the complements of speech verbs, the clauses inside quotation marks and those
before a final reporting clause ("X would not agree, the spokesman said")."""

from __future__ import annotations

from .vocabulary import _PUNCT_STOP, _SPEECH
from .sentence import Clause, Sentence


RELATIONS = ("main", "coordinated", "relative", "complement", "reported")


def _relations(s: Sentence, groups: list[Clause]) -> None:
    """Reported speech: the complements of speech verbs, the clauses inside quotation marks and
    those before a final reporting clause ("X would not agree, the spokesman said")."""
    n = len(s.low)
    low, lem = s.low, s.lem
    # "X would not agree, the spokesman said": the clauses before a final reporting clause
    tail = n
    while tail > 0 and low[tail - 1] in _PUNCT_STOP:
        tail -= 1
    for g, c in enumerate(groups):
        if c.kind == "fin" and lem[c.main] in _SPEECH and c.obj is None and c.relation == "main" and c.subj is not None:
            a = min(c.subj[0], c.vs)
            if a > 0 and low[a - 1] in {",", '"', "''", "”"} and c.end + 1 >= tail:
                for o in groups[:g]:
                    if o.relation == "main" and o.gov is None:
                        o.relation, o.gov = "complement", c
    # reported speech: complements of speech verbs and clauses inside quotation marks
    for c in groups:
        if c.gov is not None and c.relation == "complement" and lem[c.gov.main] in _SPEECH:
            c.relation = "reported"
        elif c.relation in {"main", "coordinated", "complement"} and s.in_quote[c.vs] and lem[c.main] not in _SPEECH:
            c.relation = "reported"
    for c in groups:
        if c.relation in {"complement", "coordinated", "relative"} and c.gov is not None and c.gov.relation == "reported" \
                and c.kind != "fin":
            c.relation = "reported" if c.relation == "complement" else c.relation
