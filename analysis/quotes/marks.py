"""Quotation marks: where they are, how they pair into quotation spans within a line of a
paragraph, where a mark left open ends, and the offset look-ups (sentence, token) the rules share."""

from __future__ import annotations

import bisect
import re

from ..actors import end_of_text_before

_MARKS = "“”\"«»„‟"
_CURLY_OPEN, _CURLY_CLOSE = "“«„‟", "”»"
_MARK_RE = re.compile("[%s]" % re.escape(_MARKS))
_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,2000}>")


class _Marks:
    """The quotation-mark and position methods of the quoter."""

    # -- positions -------------------------------------------------------------------------
    def marks_in(self, start: int, end: int) -> list[int]:
        return self.marks[bisect.bisect_left(self.marks, start):bisect.bisect_left(self.marks, end)]

    def last_mark_before(self, start: int, end: int):
        i = bisect.bisect_left(self.marks, end) - 1
        return self.marks[i] if i >= 0 and self.marks[i] >= start else None

    def sent_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.s_start, offset) - 1)

    def tok_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.t_start, offset)

    def is_mark_tok(self, k: int) -> bool:
        return self.text[self.t_start[k]] in _MARKS

    # -- marks -------------------------------------------------------------------------------
    def _is_inch(self, i: int) -> bool:
        t = self.text
        return t[i] == '"' and i >= 3 and t[i - 1].isdigit() and ("'" in t[i - 3:i])

    def pairs(self, ps: int, pe: int, next_opens: bool):
        """``(open, close, closed)`` quotation spans of the paragraph ``[ps, pe)``."""
        out = []
        line_start = ps
        while line_start < pe:
            nl = self.text.find("\n", line_start, pe)
            line_end = pe if nl < 0 else nl
            marks = [m for m in self.marks_in(line_start, line_end) if not self._is_inch(m)]
            outer = nested = None
            for m in marks:
                fam = '"' if self.text[m] == '"' else "curly"
                if outer is None:
                    outer = (m, fam)
                elif nested is not None:
                    if fam == nested[1]:
                        nested = None                    # the quotation inside closes
                    else:
                        out.append((outer[0], m, True))  # the outer closes; the inner never did
                        outer = nested = None
                elif fam == outer[1] or not self._opens(m):
                    out.append((outer[0], m, True))      # same family, or a closing mark of the other
                    outer = None
                else:
                    nested = (m, fam)                    # a quotation inside the quotation
            if outer is not None:
                out.append((outer[0], self._open_end(outer[0], line_start, line_end, pe, next_opens), False))
            line_start = line_end + 1
        return out

    def _opens(self, i: int) -> bool:
        """Is the mark at ``i`` an opening one, by its shape (“ « „) or, for a straight mark,
        by its place (after a space or a bracket, before a word)?"""
        ch = self.text[i]
        if ch in _CURLY_OPEN:
            return True
        if ch in _CURLY_CLOSE:
            return False
        before = self.text[i - 1] if i > 0 else " "
        after = self.text[i + 1] if i + 1 < len(self.text) else " "
        return (before.isspace() or before in "([{—–-/") and not after.isspace()

    def _open_end(self, o: int, line_start: int, line_end: int, pe: int, next_opens: bool) -> int:
        """Where a quotation whose mark is never closed ends: the end of its line, or, for a mark
        inside a sentence that the next paragraph does not continue, the end of its sentence."""
        if next_opens and line_end == pe:
            return line_end
        if end_of_text_before(self.text, o, line_start) == line_start:
            return line_end      # the mark opens the line: a quotation running over paragraphs
        before = self.text[end_of_text_before(self.text, o, line_start) - 1]
        if before in ":":
            return line_end      # X said: "… (never closed)
        si = self.sent_index(o)
        return min(line_end, self.s_end[si])
