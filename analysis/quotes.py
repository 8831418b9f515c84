"""Quotations and who said them.

Quotation marks are paired in reading order within each paragraph, whatever their shape
(“ ” " « » „), so a closing mark typed as an opening one (``purposes “.``) or glued to the next
word (``recognition, ”he stressed.“ We``) still closes its quote. A quote left open at the end of
a paragraph runs to the paragraph's end (the usual way a quotation continues over paragraphs).

The speaker is found, in this order, from a speech verb after the quote (``“…,” the minister
said``, ``”he stressed``, ``said Karimi``), from ``according to X`` or a speech verb before it in
the same sentence (``Karimi recalled that “…”``, ``the document states … “except …”``), from a
speech verb in the sentence before, and finally from the quote it continues. Speakers are taken
from the ``mentions`` layer, so "the minister" and "he" are already resolved; a document
("the statement", "the document") speaks for the most recent organisation or state mentioned.

>>> import analysis
>>> doc = analysis.annotate('T\\n\\nIranian Foreign Minister Reza Karimi spoke. “We are ready,” the minister said.')
>>> doc.quotes[["text", "speaker_id", "cue", "kind"]].values.tolist()
[['We are ready', 'reza-karimi', 'said', 'direct']]
"""

from __future__ import annotations

import bisect
import re

import numpy as np
import pandas as pd

from ._frames import frame_from_columns
from .actors import end_of_text_before

QUOTE_COLUMNS = ["quote_id", "para_id", "sent_id", "start", "end", "text", "speaker_id", "speaker", "cue", "kind"]
KINDS = ("direct", "partial", "mixed")
_MARKS = "“”\"«»„‟"
_MARK_RE = re.compile("[%s]" % re.escape(_MARKS))
_WORD = re.compile(r"\S+")
_ONLY_THE = re.compile(r"\s*+(?:[Tt][Hh][Ee])?+\s*+")   # what ``.strip().lower() in ("", "the")`` accepts
_DOCUMENT_NOUNS = {"document", "statement", "declaration", "communique", "communiqué", "resolution", "report",
                   "text", "letter", "memorandum", "agreement", "treaty", "charter", "decree", "law", "bill", "note"}
_SKIP_POS = {"RB", "RBR", "RBS", "MD", ",", "``", "''", '"', "POS"}
_AUX = {"have", "has", "had", "also", "then", "later", "further", "again", "once", "be", "was", "is"}


def quotes(doc) -> pd.DataFrame:
    """Every quotation in the body paragraphs with its speaker.

    Columns: ``quote_id, para_id, sent_id, start, end, text, speaker_id, speaker, cue, kind``.
    ``text`` is the quoted words (without the marks); ``cue`` the speech verb or "according to"
    that attributes it; ``kind`` is *direct* (an utterance that starts with a capital letter),
    *partial* (a fragment woven into the reporter's sentence) or *mixed* (a complete clause
    reported after "that" or similar, starting in lower case). ``speaker_id`` is empty when no
    speaker is found.

    >>> import analysis
    >>> d = analysis.annotate('T\\n\\nThe ministry said the talks were “a dead end”.')
    >>> quotes(d)[["text", "kind"]].values.tolist()
    [['a dead end', 'partial']]
    """
    return _Quoter(doc).run()


class _Quoter:
    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        from .actors import gazetteer
        self.verbs = gazetteer().speech_verbs
        from .actors import token_lists

        t = token_lists(doc)
        self.t_start, self.t_end, self.t_lower, self.t_lemma, self.t_pos = t.start, t.end, t.lower, t.lemma, t.pos
        s = doc.sentences
        self.s_start = s["start"].tolist()
        self.s_end = s["end"].tolist()
        self.s_id = s["sent_id"].tolist()
        m = doc.mentions
        self.m_start = m["start"].tolist()
        self.m_end = m["end"].tolist()
        self.m_id = m["actor_id"].tolist()
        self.m_name = m["actor"].tolist()
        self.m_type = m["actor_type"].tolist()
        self._m_end_set = set(self.m_end)
        p = doc.paragraphs
        self.p_start = dict(zip(p["para_id"].tolist(), p["start"].tolist()))
        self.s_para = s["para_id"].tolist()
        # every quotation mark once, in order: the searches below bisect this list instead of
        # rescanning the text (many quotes in one sentence stay linear)
        self.marks = [m.start() for m in _MARK_RE.finditer(self.text)]
        self._first_cue: dict[int, int] = {}       # sentence index -> first cue token (or its end)
        self._prev_sentence: dict[int, tuple] = {}  # sentence index -> speaker from the sentence before

    def marks_in(self, start: int, end: int) -> list[int]:
        """Offsets of the quotation marks in ``[start, end)``."""
        return self.marks[bisect.bisect_left(self.marks, start):bisect.bisect_left(self.marks, end)]

    def last_mark_before(self, start: int, end: int):
        """Offset of the last quotation mark in ``[start, end)``, or None."""
        i = bisect.bisect_left(self.marks, end) - 1
        return self.marks[i] if i >= 0 and self.marks[i] >= start else None

    # -- positions -----------------------------------------------------------------------
    def sent_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.s_start, offset) - 1)

    def tok_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.t_start, offset)

    def mention_ending_at(self, offset: int, *, before: int = 4):
        """The actor mention whose end is within ``before`` skippable tokens before ``offset``."""
        i = bisect.bisect_right(self.m_end, offset) - 1
        if i < 0 or self.m_type[i] == "place":
            return None
        n = 0
        for word in _WORD.finditer(self.text, self.m_end[i], offset):   # lazily: stops at the first misfit
            w = word.group().strip(",")
            if not w:
                continue
            n += 1
            if n > before or (w.lower() not in _AUX and not w.endswith("ly")):
                return None
        return i

    def mention_starting_at(self, offset: int):
        i = bisect.bisect_left(self.m_start, offset)
        if i < len(self.m_start) and self.m_type[i] != "place" and \
                _ONLY_THE.fullmatch(self.text, offset, max(offset, self.m_start[i])):
            return i
        return None

    # -- main ------------------------------------------------------------------------------
    def run(self) -> pd.DataFrame:
        rows = []
        prev_speaker = None   # (speaker_id, speaker, cue, end offset, para_id) of the last quote
        for para_id, ps, pe in zip(self.doc.paragraphs["para_id"], self.doc.paragraphs["start"], self.doc.paragraphs["end"]):
            marks = self.marks_in(ps, pe)
            pairs = [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
            if len(marks) % 2:
                pairs.append((marks[-1], pe))
            for o, c in pairs:
                s, e = o + 1, c
                while s < e and self.text[s].isspace():
                    s += 1
                while e > s and (self.text[e - 1].isspace() or self.text[e - 1] == ","):
                    e -= 1
                body = self.text[s:e]
                if not any(ch.isalpha() for ch in body):
                    continue
                found = self.attribute(o, c, pe)
                tagged_after = False
                if found is None and prev_speaker is not None and self.continues(prev_speaker, o, para_id):
                    found = prev_speaker[:3]
                elif found is not None:
                    tagged_after = self.after(c) is not None
                speaker_id, speaker, cue = found if found else ("", "", "")
                rows.append((int(para_id), self.s_id[self.sent_index(s)], s, e, body, speaker_id, speaker, cue,
                             self.kind(o, s, e)))
                if found:
                    prev_speaker = (speaker_id, speaker, cue, c, int(para_id), tagged_after)
                else:
                    prev_speaker = None
        data = {col: [r[k] for r in rows] for k, col in enumerate(QUOTE_COLUMNS[1:])}
        data = {"quote_id": np.arange(1, len(rows) + 1, dtype="int64"), **data}
        for col in ("para_id", "sent_id", "start", "end"):
            data[col] = np.asarray(data[col], dtype="int64")
        return frame_from_columns(QUOTE_COLUMNS, [data[c] for c in QUOTE_COLUMNS])

    def continues(self, prev, o: int, para_id: int) -> bool:
        """Does the quote opening at ``o`` continue the previous one?

        Yes when nothing but punctuation lies between them, when only the previous quote's own
        speech tag does (``“…,” he stressed. “…”``), or when it opens the next paragraph.
        """
        _, _, _, prev_end, prev_para, tagged_after = prev
        if prev_para == para_id:
            gap = self.text[prev_end + 1:o]
            if not any(ch.isalpha() for ch in gap):
                return True
            return tagged_after and len(gap.split()) <= 6 and gap.rstrip()[-1:] in ".!?:"
        return para_id == prev_para + 1 and o == self.p_start.get(para_id)

    def attribute(self, o: int, c: int, pe: int):
        found = self.after(c)
        if found is None:
            found = self.before(o)
        if found is None:
            found = self.previous_sentence(o)
        return found

    def speaker_of(self, i):
        return self.m_id[i], self.m_name[i]

    def after(self, c: int):
        """``“…,” the minister said`` / ``”he stressed`` / ``,” said Karimi``."""
        k = self.tok_index(c + 1)
        n = len(self.t_start)
        # the attribution belongs to the sentence the quote closes in: a full stop after the
        # mark (“…”. The IMF said) ends it, and the next sentence's speech verb is not ours
        s_end = self.s_end[self.sent_index(c)]
        while k < n and self.t_pos[k] in (",", ".", ":", "``", "''", '"') and self.t_start[k] - c < 4:
            if self.t_pos[k] == ".":
                return None
            k += 1
        if k < n and self.t_lower[k] in ("and", "but", "or"):
            return None  # “…” and accused X: a second verb phrase of the same subject, not a speech tag
        limit = min(n, k + 10)
        for v in range(k, limit):
            if self.t_start[v] >= s_end:
                return None
            if self.t_lower[v] in ("“", '"', "”") or self.text[self.t_start[v]] in _MARKS:
                return None
            if self.is_cue(v):
                # subject before the verb, between the mark and the verb
                i = self.mention_ending_at(self.t_start[v])
                if i is not None and self.m_start[i] > c:
                    return (*self.speaker_of(i), self.t_lower[v])
                # inverted: said the minister / said Karimi
                i = self.mention_starting_at(self.t_end[v])
                if i is not None:
                    return (*self.speaker_of(i), self.t_lower[v])
                return None
            if self.t_pos[v] == "." :
                return None
        return None

    def before(self, o: int):
        """``according to X, …: “…”`` or ``X recalled that “…”`` in the same sentence."""
        si = self.sent_index(o)
        ss = self.s_start[si]
        # the last closing mark before o bounds the search (text before belongs to another quote)
        prev_mark = self.last_mark_before(ss, o)
        last_mark = ss if prev_mark is None else prev_mark + 1
        m = None
        for m in re.finditer(r"\b[Aa]ccording to\s+", self.text[last_mark:o]):
            pass
        if m is not None:
            i = self.mention_starting_at(last_mark + m.end())
            if i is not None:
                return (*self.speaker_of(i), "according to")
        k0, k1 = self.tok_index(last_mark), self.tok_index(o)
        for v in range(k1 - 1, k0 - 1, -1):
            if self.is_cue(v):
                return self.subject(v, last_mark)
        return None

    def subject(self, v: int, lower_bound: int):
        i = self.mention_ending_at(self.t_start[v])
        cue = self.t_lower[v]
        if i is not None and self.m_start[i] >= lower_bound:
            return (*self.speaker_of(i), cue)
        # the word before the verb, past adverbs, modals and punctuation
        k = v - 1
        while k >= 0 and (self.t_pos[k] in _SKIP_POS or self.t_lower[k].endswith("ly")):
            k -= 1
        # "X welcomed the plan but said …" / "X said … and warned that …": a verb coordinated with
        # an earlier one shares its subject, the mention just before the sentence's first finite verb
        if k >= 0 and self.t_lower[k] in ("and", "but"):
            ss = self.s_start[self.sent_index(self.t_start[v])]
            for u in range(self.tok_index(ss), k):
                if self.t_pos[u] in ("VBD", "VBZ", "VBP", "MD"):
                    j = self.mention_ending_at(self.t_start[u])
                    if j is not None and self.m_start[j] >= ss:
                        return (*self.speaker_of(j), cue)
                    break
        # "the document (repeatedly) states": the organisation whose document it is
        if k >= 0 and self.t_lemma[k] in _DOCUMENT_NOUNS:
            last = bisect.bisect_right(self.m_end, self.t_start[k]) - 1
            for types in (("igo", "org"), ("state", "armed_group", "media")):
                for j in range(last, max(-1, last - 40), -1):
                    if self.m_type[j] in types:
                        return (*self.speaker_of(j), cue)
        return None

    def is_cue(self, v: int) -> bool:
        """A speech verb; "states"/"says" mis-tagged as plural nouns count after a subject."""
        if self.t_lemma[v] not in self.verbs and self.t_lower[v] not in ("states", "says", "notes", "reports"):
            return False
        if self.t_pos[v].startswith("VB"):
            return True
        if self.t_pos[v] == "NNS":
            k = v - 1
            while k >= 0 and (self.t_lower[k].endswith("ly") or self.t_pos[k] in ("RB",)):
                k -= 1
            return k >= 0 and (self.t_lower[k] in _DOCUMENT_NOUNS or self.t_end[k] in self._m_end_set)
        return False

    def previous_sentence(self, o: int):
        """A quote in a sentence with no speech verb, after a sentence that reports speech."""
        si = self.sent_index(o)
        if si == 0:
            return None
        if self.first_cue(si) < self.tok_index(o):
            return None   # a speech verb earlier in the quote's own sentence
        if si not in self._prev_sentence:
            self._prev_sentence[si] = (self._speaker_of_previous_sentence(si),)
        return self._prev_sentence[si][0]

    def first_cue(self, si: int) -> int:
        """Index of the first speech verb in sentence ``si`` (the sentence's end index if none); cached."""
        if si not in self._first_cue:
            k, k_end = self.tok_index(self.s_start[si]), self.tok_index(self.s_end[si])
            while k < k_end and not self.is_cue(k):
                k += 1
            self._first_cue[si] = k
        return self._first_cue[si]

    def _speaker_of_previous_sentence(self, si: int):
        prev = si - 1
        if self.s_para[prev] != self.s_para[si]:
            return None
        if self.last_mark_before(self.s_start[prev], self.s_end[prev]) is not None:
            return None
        a, b = self.tok_index(self.s_start[prev]), self.tok_index(self.s_end[prev])
        for v in range(a, b):
            if self.is_cue(v):
                return self.subject(v, self.s_start[prev])
        return None

    def kind(self, o: int, s: int, e: int) -> str:
        body = self.text[s:e]
        first = next((ch for ch in body if ch.isalpha()), "")
        ss = self.s_start[self.sent_index(o)]
        # the last character of text[ss:o].strip(), found without copying the sentence
        before_end = end_of_text_before(self.text, o, ss) if o >= ss else ss
        last = self.text[before_end - 1] if before_end > ss else ""
        if first.isupper() and (not last or last in ":,—–-.!?"):
            return "direct"
        if first.isupper() and len(body.split()) > 3 and body.rstrip()[-1:] in ".!?":
            return "direct"
        if body.rstrip()[-1:] in ".!?" and len(body.split()) >= 4:
            return "mixed"
        return "partial"


__all__ = ["KINDS", "QUOTE_COLUMNS", "quotes"]
