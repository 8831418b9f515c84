"""Pronouns and subjects: which person a he/she refers to."""

from __future__ import annotations

import bisect


#: actor types a plural pronoun may stand for
_COLLECTIVE = {"party", "org", "igo", "armed_group", "media", "state"}


class PronounResolver:
    """Mixin of the resolver: subject-like mentions and the salient person."""

    def subject_like(self, start: int, end: int) -> bool:
        tok = self.tok
        j = bisect.bisect_left(tok.start, end)
        skipped = False
        while j < len(tok.pos) and tok.pos[j] in ("RB", ","):
            if tok.pos[j] == ",":
                # one parenthetical may stand between subject and verb:
                # "Yoon, who arrived on Thursday, said" / "Smith, a farmer, said"
                after = self._after_parenthetical(j) if not skipped else None
                if after is None:
                    return False
                j, skipped = after, True
                continue
            j += 1
        if j >= len(tok.pos) or not (tok.pos[j].startswith("VB") or tok.pos[j] == "MD"):
            return False
        i = bisect.bisect_left(tok.start, start) - 1
        return i < 0 or not (tok.pos[i].startswith("VB") or tok.pos[i] in ("IN", "TO")) or tok.lower[i] in ("that",)

    def _after_parenthetical(self, j: int, limit: int = 15) -> int | None:
        """Index after the comma that closes a ", who …," or ", a/the …," aside opened at ``j``."""
        tok = self.tok
        n = len(tok.pos)
        if j + 1 >= n or tok.lower[j + 1] not in ("who", "which", "whose", "a", "an", "the"):
            return None
        for k in range(j + 2, min(n, j + 2 + limit)):
            if tok.sent[k] != tok.sent[j] or tok.pos[k] == ".":
                return None
            if tok.pos[k] == ",":
                return k + 1
        return None

    def salient_person(self, out: list[dict], start: int, *, gender: str | None = None) -> str | None:
        """The person a pronoun refers to: the latest subject-like person mention in this or the
        previous paragraph, else the latest person; one known to be of the other gender is skipped."""
        para = self.para_of(start)
        best = None
        for row in reversed(out):
            if row["para_id"] < para - 1:
                break
            if row["actor_type"] != "person" or row["actor_id"] not in self.persons:   # "Americans", "Texans"
                continue
            p = self.persons.get(row["actor_id"])
            if gender and p is not None and p.sex and p.sex != gender:
                continue
            if row.get("_subject"):
                return row["actor_id"]
            if best is None:
                best = row["actor_id"]
        return best

    def salient_group(self, out: list[dict], i: int) -> str | None:
        """The group a they/them/their refers to: the latest mention, in this or the previous sentence,
        of a party, organisation, bloc, armed group or state, when no plural noun or plural person
        mention stands between it and the pronoun (which would more likely be what "they" means)."""
        tok = self.tok
        sent = tok.sent[i]
        start = tok.start[i]
        for row in reversed(out):
            if row["end"] > start:
                continue
            if row["sent_id"] < sent - 1:
                return None
            if row["actor_type"] in _COLLECTIVE and row["how"] != "demonym":
                k = bisect.bisect_left(tok.start, row["end"])
                while k < i:
                    if tok.pos[k] in ("NNS", "NNPS") or tok.lower[k] in ("and", "both"):
                        return None
                    k += 1
                return row["actor_id"]
            if row["actor_type"] == "person" and row["how"] != "pronoun":
                return None   # "Ms Ruiz and her aides ... they": people, most likely
        return None
