"""The tense of the verb governing a temporal expression, from the Penn tags of its sentence."""

from __future__ import annotations

import bisect


class _Tenses:
    """Tense markers of each sentence, from the tokens' Penn tags (computed on demand)."""

    _FUTURE = {"will", "'ll", "shall", "wo"}
    _BE = {"is", "are", "am", "'s", "'re", "'m", "be", "being"}
    _HAVE = {"has", "have", "had", "'ve", "'d"}
    _REPORT = {"say", "tell", "report", "announce", "add", "state", "note", "claim", "explain", "write", "quote"}
    _PLAN = {"plan", "schedule", "expect", "intend", "due", "upcoming", "invite", "postpone", "delay"}

    def __init__(self, doc):
        col = doc.token_list
        self.starts, self.lower, self.pos = col("start"), col("lower"), col("pos")
        self.sent, self.lemma = col("sent_id"), col("lemma")
        self._cache: dict = {}

    def _markers(self, sent_id) -> list[tuple[int, str]]:
        if sent_id in self._cache:
            return self._cache[sent_id]
        lo = bisect.bisect_left(self.sent, sent_id)
        hi = bisect.bisect_right(self.sent, sent_id)
        out = []
        for i in range(lo, hi):
            w, tag = self.lower[i], self.pos[i]
            prev = self.lower[max(lo, i - 3):i]
            if tag == "MD" and w in self._FUTURE or (w == "going" and i + 1 < hi and self.lower[i + 1] == "to" and i + 2 < hi and self.pos[i + 2] == "VB"):
                out.append((i, "future"))
            elif tag == "VBD":
                out.append((i, "past"))
            elif tag == "VBN":
                if any(p in self._FUTURE for p in prev):
                    out.append((i, "future"))
                elif any(p in self._HAVE for p in prev) or not any(p in self._BE for p in prev):
                    out.append((i, "past"))
                else:
                    out.append((i, "present"))
            elif tag in ("VBZ", "VBP") and w not in self._HAVE:
                out.append((i, "present"))
            if self.lemma[i] in self._PLAN and tag.startswith("VB"):
                out.append((i, "future"))
        self._cache[sent_id] = out
        return out

    def at(self, sent_id, offset: int) -> str | None:
        """The tense of the verb nearest to ``offset`` in the sentence (past/present/future/None)."""
        markers = self._markers(sent_id)
        if not markers:
            return None
        i = bisect.bisect_left(self.starts, offset)
        if any(t == "future" for _, t in markers) and not any(t == "past" for _, t in markers):
            return "future"
        # a reporting verb ("said") dates the report, not what is reported: it sets no tense
        main = [mk for mk in markers if self.lemma[mk[0]] not in self._REPORT]
        if not main:
            return None
        before = [mk for mk in main if mk[0] < i]
        if before:
            return _Tense(before[-1][1], near=i - before[-1][0] <= 4)
        return _Tense(main[0][1], near=main[0][0] - i <= 6)


class _Tense(str):
    """A tense (compares as its name) that also says whether its verb is next to the expression
    ("withdrew in late October") or further off, governing another phrase ("declared a
    dividend payable Dec. 15")."""

    near: bool = True

    def __new__(cls, name: str, *, near: bool = True):
        obj = super().__new__(cls, name)
        obj.near = near
        return obj
