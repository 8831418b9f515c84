"""Word-window clause boundaries around a span, from a sentence's break matches found once.

``sentiment.actor_sentiment`` reads its clauses from the clause layer (``doc.clauses``); for a
mention that no clause holds (a fronted phrase before the subject, a sentence without a verb) it
falls back to the stretch between the breaks a pattern finds in the sentence. Scanning the
sentence again for every mention is quadratic in one long sentence with many mentions;
:class:`ClauseBreaks` scans each sentence once and finds the breaks around a span by bisection.

>>> import re
>>> breaks = ClauseBreaks(re.compile(";"), "a; b; c")
>>> breaks.around(0, 7, 3, 4)
(2, 4)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class ClauseBreaks:
    """The break matches of ``pattern`` in sentences of ``text``, found once per sentence."""

    def __init__(self, pattern, text: str):
        self.pattern = pattern
        self.text = text
        self._found: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def breaks(self, s_start: int, s_end: int) -> tuple[list[int], list[int]]:
        """Starts and ends (document offsets) of the break matches in ``text[s_start:s_end]``."""
        key = (s_start, s_end)
        if key not in self._found:
            starts, ends = [], []
            for m in self.pattern.finditer(self.text[s_start:s_end]):
                starts.append(s_start + m.start())
                ends.append(s_start + m.end())
            self._found[key] = (starts, ends)
        return self._found[key]

    def around(self, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
        """``(left, right)``: the end of the last break ending at or before ``start`` (else the
        sentence start) and the start of the first later break starting at or after ``end`` (else
        the sentence end) — what a loop over the matches in order would give."""
        starts, ends = self.breaks(s_start, s_end)
        k = bisect_right(ends, start)  # matches are in order and do not overlap: ends increase
        left = ends[k - 1] if k else s_start
        r = bisect_left(starts, end, lo=k)
        right = starts[r] if r < len(starts) else s_end
        return left, right
