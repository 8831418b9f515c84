"""The quotes table: its columns, :func:`quotes` and the quoter that reads a document's
paragraphs, pairs their marks, applies the speaker rules and builds the frame."""

from __future__ import annotations

import bisect

import numpy as np
import pandas as pd

from .._frames import column_values, frame_from_columns
from ..actors import end_of_text_before
from .marks import _MARK_RE, _MARKS, _TAG, _Marks
from .phrases import _Phrases, _speaker
from .speakers import _Rules
from .speech_verbs import speech_verbs
from .subjects import _Subjects

QUOTE_COLUMNS = ["quote_id", "para_id", "sent_id", "start", "end", "text", "speaker_id", "speaker", "cue", "kind",
                 "speaker_start", "speaker_end", "speaker_text", "speaker_type", "how"]
KINDS = ("direct", "partial", "mixed")
HOW = ("tag_after", "according_to", "colon", "tag_before", "sentence_before", "continuation", "embedded",
       "pronoun", "document")
#: the rules that count as a tag naming the speaker (the only ones a 1–3-word partial quote takes)
TAG_RULES = ("tag_after", "according_to", "colon", "tag_before", "sentence_before", "pronoun", "document")


def quotes(doc) -> pd.DataFrame:
    """Every quotation in the body paragraphs with its speaker.

    Columns: ``quote_id, para_id, sent_id, start, end, text, speaker_id, speaker, cue, kind,
    speaker_start, speaker_end, speaker_text, speaker_type, how``. ``text`` is the quoted words
    (without the marks); ``cue`` the speech verb or "according to" that attributes it; ``kind``
    is *direct* (an utterance that starts with a capital letter), *partial* (a fragment woven
    into the reporter's sentence) or *mixed* (a complete clause reported after "that" or
    similar, starting in lower case). ``speaker_text`` is the words of the text that name the
    speaker (``speaker_start:speaker_end``, nullable integers: ``<NA>`` and "" when there are
    none; a continuation repeats the words of the quote it continues); ``speaker_id`` / ``speaker``
    the actor they resolve to; ``speaker_type`` the actor's type or ``description``; ``how`` the
    rule that chose the speaker. ``speaker_id`` is empty when no speaker is found.

    >>> import analysis
    >>> d = analysis.annotate('T\\n\\nThe ministry said the talks were “a dead end”.')
    >>> quotes(d)[["text", "kind", "speaker_text", "how"]].values.tolist()
    [['a dead end', 'partial', 'The ministry', 'tag_before']]
    """
    if not _MARK_RE.search(doc.text):
        return _empty()
    return _Quoter(doc).run()


def _past_tenses(pos: list, lemma: list) -> list:
    """The part-of-speech tags the rules read: a participle right after a name or a pronoun that
    no auxiliary governs is a past tense the tagger missed (``Trump also embraced/VBN …``,
    ``he said/VBN``); the token layer itself is left as it is."""
    out = None
    for i in range(1, len(pos)):
        if pos[i] == "VBN":
            j = i - 1
            while j > 0 and pos[j] in ("RB", "RBR"):
                j -= 1
            if pos[j] in ("NNP", "NNPS", "PRP") and not (j > 0 and lemma[j - 1] in ("be", "have")):
                if out is None:
                    out = list(pos)
                out[i] = "VBD"
    return pos if out is None else out


def _int_list(frame: pd.DataFrame, col: str) -> list[int]:
    """A column of integers as a list, -1 where it is empty: ``frame[col].to_numpy(dtype="int64",
    na_value=-1).tolist()``, read from the column's array (an ``int64`` or ``Int64`` one) without
    making a Series; other columns are converted as numbers, what cannot be read as -1."""
    values = column_values(frame, col)
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        return values.tolist()
    if isinstance(values, pd.arrays.IntegerArray):
        return values.to_numpy(dtype="int64", na_value=-1).tolist()
    series = frame[col]
    try:
        return series.to_numpy(dtype="int64", na_value=-1).tolist()
    except (TypeError, ValueError):
        return pd.to_numeric(series, errors="coerce").fillna(-1).astype("int64").tolist()


def _empty() -> pd.DataFrame:
    ints = ("quote_id", "para_id", "sent_id", "start", "end")
    empty = {c: np.zeros(0, dtype="int64") for c in ints}
    empty.update({c: pd.array([], dtype="Int64") for c in ("speaker_start", "speaker_end")})
    return frame_from_columns(QUOTE_COLUMNS, [empty.get(c, []) for c in QUOTE_COLUMNS])


class _Quoter(_Rules, _Subjects, _Phrases, _Marks):
    """One document's quotations: the rules (``speakers``), subjects (``subjects``), noun phrases
    (``phrases``) and marks (``marks``) over the document's tokens, sentences and mentions."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.verbs = speech_verbs()
        from ..actors import token_lists

        t = token_lists(doc)
        self.t_start, self.t_end, self.t_lower, self.t_lemma, self.t_pos = t.start, t.end, t.lower, t.lemma, t.pos
        self.n_tok = len(self.t_start)
        self.t_pos = _past_tenses(self.t_pos, self.t_lemma)
        def col(frame, name):
            values = column_values(frame, name)
            arrow = getattr(values, "_pa_array", None)
            if arrow is not None and arrow.null_count == 0 and isinstance(values.dtype, pd.StringDtype):
                return arrow.to_pylist()  # the same strings, without pandas' conversion
            return values.tolist()

        s = doc.sentences
        self.out_start = col(s, "start")       # the sentences as segmented, for ``sent_id``
        self.out_id = col(s, "sent_id")
        # the rules read sentences with a split before a lower-case word undone
        # ("Harry Reid (D-Nev.) | told reporters"): a tag never starts in lower case
        starts, ends, ids, paras = [], [], [], []
        for a, b, i, p in zip(self.out_start, col(s, "end"), self.out_id, col(s, "para_id")):
            if starts and paras[-1] == p and self.text[a:a + 1].islower() and a - ends[-1] < 3:
                ends[-1] = b
                continue
            starts.append(a)
            ends.append(b)
            ids.append(i)
            paras.append(p)
        self.s_start, self.s_end, self.s_id, self.s_para = starts, ends, ids, paras
        m = doc.mentions
        self.m_start = col(m, "start")
        self.m_end = col(m, "end")
        self.m_id = col(m, "actor_id")
        self.m_name = col(m, "actor")
        self.m_type = col(m, "actor_type")
        self.m_how = col(m, "how") if "how" in m.columns else [""] * len(self.m_start)
        self._m_end_set = set(self.m_end)
        self._m_start_set = set(self.m_start)
        # mentions in start order for the overlap searches (the layer is in start order already)
        keys = list(zip(self.m_start, self.m_end))
        self._m_order = list(range(len(keys))) if all(keys[i] <= keys[i + 1] for i in range(len(keys) - 1)) \
            else sorted(range(len(keys)), key=keys.__getitem__)
        self._m_starts_sorted = [self.m_start[i] for i in self._m_order]
        self._max_mention = max((e - s for s, e in zip(self.m_start, self.m_end)), default=0)
        # person mentions in order, for pronouns the mentions layer left alone
        self._persons = [i for i in self._m_order if self.m_type[i] == "person"]
        self._person_starts = [self.m_start[i] for i in self._persons]
        p = doc.paragraphs
        self.p_ids = col(p, "para_id")
        self.p_start = dict(zip(self.p_ids, col(p, "start")))
        self.p_end = dict(zip(self.p_ids, col(p, "end")))
        self.marks = [m.start() for m in _MARK_RE.finditer(self.text)]
        if "<" in self.text:
            # the attribute values of markup left in the text (<tweet author="…">) are not quotations
            tags = [(m.start(), m.end()) for m in _TAG.finditer(self.text)]
            if tags:
                starts = [a for a, _ in tags]
                keep = []
                for m in self.marks:
                    j = bisect.bisect_right(starts, m) - 1
                    if j < 0 or m >= tags[j][1]:
                        keep.append(m)
                self.marks = keep
        self._first_cue: dict[int, int] = {}
        self._finite: dict[int, object] = {}
        self._last_words: dict[str, list] = {}
        self._prev_sentence: dict[int, tuple] = {}
        self._names: dict[str, tuple] = {}     # surname -> (id, name) of speakers the mentions layer misses
        self._clause_lists = None
        self._intro = False
        self.no_speaker: set[int] = set()     # opening marks of quotations a passive leaves without speaker
        self._last_named = None   # (id, name) of the last speaker the mentions layer does not know
        self._last_described = None   # (id, name) of the last speaker named by a description
        self.spans: list[tuple[int, int]] = []
        self.title_close: dict[int, int] = {}   # close -> open mark of the 1–3-word quotations (titles)   # (open, close) of the quotations read so far

    @property
    def clauses(self):
        """``doc.clauses`` as lists, read the first time a rule needs a subject from it."""
        if self._clause_lists is None:
            self._clause_lists = (self._clauses(),)
        return self._clause_lists[0]

    def _clauses(self):
        """``doc.clauses`` as lists when that layer exists (subjects of verbs), else None."""
        from ..document import LAYERS

        if "clauses" not in LAYERS:
            return None
        try:
            c = self.doc.layer("clauses")
            need = ("start", "end", "subject_start", "subject_end", "verb_start", "relation")
            if c is None or len(c) == 0 or any(col not in c.columns for col in need):
                return None
            out = {}
            for col in need[:5]:
                out[col] = _int_list(c, col)
            relation = column_values(c, "relation")
            arrow = getattr(relation, "_pa_array", None)
            if arrow is not None and arrow.null_count == 0 and isinstance(relation.dtype, pd.StringDtype):
                out["relation"] = arrow.to_pylist()  # strings: what str() of each gives
            else:
                out["relation"] = [str(r) for r in c["relation"].tolist()]
            keys = list(zip(out["start"], out["end"]))
            if any(keys[i] > keys[i + 1] for i in range(len(keys) - 1)):
                order = sorted(range(len(keys)), key=keys.__getitem__)
                out = {col: [vals[i] for i in order] for col, vals in out.items()}
            out["by_verb"] = {v: k for k, v in enumerate(out["verb_start"])}
            return out
        except Exception:   # a clause layer that fails must not take the quotes with it
            return None

    # -- main --------------------------------------------------------------------------------
    def run(self) -> pd.DataFrame:
        rows = []
        prev = None   # (speaker tuple, close offset, para_id) of the last quote with a speaker
        n_par = len(self.p_ids)
        for pi, para_id in enumerate(self.p_ids):
            ps, pe = self.p_start[para_id], self.p_end[para_id]
            next_opens = False
            if pi + 1 < n_par:
                nps = self.p_start[self.p_ids[pi + 1]]
                next_opens = nps < len(self.text) and self.text[nps] in _MARKS
            for o, c, closed in self.pairs(ps, pe, next_opens):
                s, e = o + 1, c
                while s < e and self.text[s].isspace():
                    s += 1
                while e > s and (self.text[e - 1].isspace() or self.text[e - 1] == ","):
                    e -= 1
                body = self.text[s:e]
                if not any(ch.isalpha() for ch in body):
                    continue
                kind = self.kind(o, s, e)
                short = kind == "partial" and len(body.split()) <= 3
                found = self.attribute(o, c, closed, e)
                same_sentence = prev is not None and self.sent_index(prev[1]) == self.sent_index(o)
                if found is None and prev is not None and (same_sentence or not short) and \
                        self.continues(prev, o, int(para_id)):
                    p = prev[0]
                    found = _speaker(p[0], p[1], p[2], p[3], p[4], p[5], "continuation")
                if found is None and kind != "direct":
                    found = self.embedded(o, c, short)
                if found is not None and short and found[6] not in TAG_RULES and \
                        not (found[6] == "continuation" and same_sentence) and found[6] != "embedded":
                    found = None
                self.spans.append((o, c))
                if short:
                    self.title_close[c] = o
                if found is not None:
                    found = self.final(found, o)
                if found is None:
                    found = _speaker("", "", "", -1, -1, "", "")
                sp = found
                rows.append((int(para_id), self.out_id[max(0, bisect.bisect_right(self.out_start, s) - 1)], s, e, body, sp[0], sp[1], sp[2], kind,
                             sp[3], sp[4], self.text[sp[3]:sp[4]] if sp[3] >= 0 else "", sp[5], sp[6]))
                if sp[0] and sp[5] == "name":
                    self._last_named = (sp[0], sp[1])
                if sp[0] and sp[5] == "description":
                    self._last_described = (sp[0], sp[1])
                if sp[0]:
                    prev = (sp, c, int(para_id), self.after_tag_end(c))
                elif not short:
                    prev = None    # a scare quote does not break a speaker's run of quotations
        # "a “good thing” that yielded “good information,” he remarked": a quotation with no
        # speaker shares the tag that follows a later quotation of the same sentence
        for i in range(len(rows) - 2, -1, -1):
            r, nxt = rows[i], rows[i + 1]
            if not r[5] and nxt[5] and nxt[1] == r[1] and nxt[13] == "tag_after":
                rows[i] = r[:5] + nxt[5:8] + (r[8],) + nxt[9:]
        cols = QUOTE_COLUMNS[1:]
        data = {col: [r[k] for r in rows] for k, col in enumerate(cols)}
        data = {"quote_id": np.arange(1, len(rows) + 1, dtype="int64"), **data}
        for col in ("para_id", "sent_id", "start", "end"):
            data[col] = np.asarray(data[col], dtype="int64")
        for col in ("speaker_start", "speaker_end"):
            # no words in the text name the speaker: <NA>, like every empty span of the package
            values = np.asarray(data[col], dtype="int64")
            data[col] = pd.arrays.IntegerArray(values, values < 0)
        return frame_from_columns(QUOTE_COLUMNS, [data[c] for c in QUOTE_COLUMNS])

    def kind(self, o: int, s: int, e: int) -> str:
        body = self.text[s:e]
        first = next((ch for ch in body if ch.isalpha()), "")
        ss = self.s_start[self.sent_index(o)]
        before_end = end_of_text_before(self.text, o, ss) if o >= ss else ss
        last = self.text[before_end - 1] if before_end > ss else ""
        if first.isupper() and (not last or last in ":,—–-.!?"):
            return "direct"
        if first.isupper() and len(body.split()) > 3 and body.rstrip()[-1:] in ".!?":
            return "direct"
        if body.rstrip()[-1:] in ".!?" and len(body.split()) >= 4:
            return "mixed"
        return "partial"
