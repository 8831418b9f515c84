"""Quotations and who said them.

**Marks.** Quotation marks are paired in reading order within each line of a paragraph, whatever
their shape (“ ” " « » „), so a closing mark typed as an opening one (``purposes “.``) or glued
to the next word (``recognition, ”he stressed.“ We``) still closes its quote; inside a quotation
an opening mark of the other family (straight in curly, or the reverse) starts a quotation inside
the quotation, and a closing one (by its shape, or by its place for a straight mark) closes it
(``"We are ready,” he said``). A mark left open is closed at the end of its line or paragraph (the news convention for a
quotation running over paragraphs, whose next paragraph opens with a mark again); but when the
mark stands inside a sentence and the next paragraph does not open with a mark, it is an
unbalanced mark: the quotation ends with its sentence, and the narration after it is never
quoted. ``6'3"`` (inches) and the attribute values of markup left in a text (``<tweet
author="…">``) are not quotation marks.

**Speakers.** Each quotation's speaker is found by the first of these rules that applies, and the
rule is recorded in the ``how`` column:

1. ``tag_after`` — a speech tag right after the quotation: ``“…,” X said`` / ``“…,” said X`` /
   ``“…,” X, a long description, said`` / ``“…?” he asked`` (a tag that opens the next sentence
   after a ``?`` or ``!``, or is a sentence of its own) / ``“…” ― Karen Diaz`` / ``“…” for all of
   them, she said.`` After a quotation ending at a comma, ``?`` or ``!`` any verb counts, listed
   or not (``“…,” she quipped``).
2. ``according_to`` — ``according to X`` before the quotation or right after it.
3. ``colon`` — a name and a colon before the quotation, no verb: ``Jan Novak, the senator: “…”``;
   a paragraph ending in ``X said:`` before a paragraph that is a quotation.
4. ``tag_before`` — a speech verb earlier in the sentence: ``X said: “…”``, ``X said that “…”``,
   ``X, who …, said “…”``, ``X welcomed … but said …``, ``X is …, saying “…”``, ``X's claim that
   “…”``; the outermost finite speech verb speaks (``X said he expected voters will say “no”``).
5. ``sentence_before`` — a quotation alone in its sentence after a sentence that reports speech.
6. ``continuation`` — a follow-on quotation with no tag of its own, in the same paragraph or
   opening the next one: the last speaker.
7. ``embedded`` — a quotation woven into the reporter's sentence (``X accused Y of … “…”``): the
   subject of the sentence's main verb (from ``doc.clauses`` when that layer exists).

The speaker's words are a noun phrase of the text (``speaker_start:speaker_end``). They are
resolved through the ``mentions`` layer: a name or role is its actor; a pronoun ("he", "who",
"she") takes the mentions layer's resolution (``how`` = ``pronoun``), else the last person named
before it — a bare pronoun is never the final speaker when the article names a person; "the
document" or "the statement" speaks for the organisation mentioned last (``how`` = ``document``);
any other noun phrase ("a spokesman for the ministry", "officials", "the report", "his office")
is a ``description`` speaker, linked to the actor it names ("the ministry", "his" → the person)
when there is one. Scare quotes and titles of one to three words (``partial``) get a speaker
only from a tag (rules 1–5), a tag shared with a later quotation of the same sentence, or the
actor whose verb governs them (``embedded``, when its subject names an actor).

Speech verbs come from ``analysis/data/speech_verbs.txt`` (extend with :func:`add_speech_verbs`).

>>> import analysis
>>> doc = analysis.annotate('T\\n\\nIranian Foreign Minister Reza Karimi spoke. “We are ready,” the minister said.')
>>> doc.quotes[["text", "speaker_id", "speaker_text", "cue", "how"]].values.tolist()
[['We are ready', 'reza-karimi', 'the minister', 'said', 'tag_after']]
"""

from __future__ import annotations

import bisect
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ._frames import column_values, frame_from_columns
from .actors import end_of_text_before

QUOTE_COLUMNS = ["quote_id", "para_id", "sent_id", "start", "end", "text", "speaker_id", "speaker", "cue", "kind",
                 "speaker_start", "speaker_end", "speaker_text", "speaker_type", "how"]
KINDS = ("direct", "partial", "mixed")
HOW = ("tag_after", "according_to", "colon", "tag_before", "sentence_before", "continuation", "embedded",
       "pronoun", "document")
#: the rules that count as a tag naming the speaker (the only ones a 1–3-word partial quote takes)
TAG_RULES = ("tag_after", "according_to", "colon", "tag_before", "sentence_before", "pronoun", "document")
_MARKS = "“”\"«»„‟"
_CURLY_OPEN, _CURLY_CLOSE = "“«„‟", "”»"
_MARK_RE = re.compile("[%s]" % re.escape(_MARKS))
_WORD = re.compile(r"\S+")
_DASH_TAG = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]*+[―—–][ \t\u00a0]*+")
_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,2000}>")
_ACCORDING_AFTER = re.compile(r"(?:,\s{0,3}+|\s{1,3}+)according to\s++")
_ABBREV_END = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]{0,3}|[A-Z]\.[A-Z])\.\s*$")
_LOWER_NEXT = re.compile(r"(?<![ \t])[ \t]*+[a-z]")
_LABEL = re.compile(r"(?<!\s)\s*+(?<![A-Z.'\-])([A-Z][A-Z.'\-]++(?: [A-Z][A-Z.'\-]++){0,2}):[ \t]")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_DOCUMENT_NOUNS = {"document", "statement", "declaration", "communique", "communiqué", "resolution",
                   "text", "letter", "memorandum", "agreement", "treaty", "charter", "decree", "note"}
#: nouns of speech whose possessor is the speaker ("Trump's claim that “…”", "her statement: “…”")
_SPEECH_NOUNS = {"claim", "statement", "remark", "comment", "word", "tweet", "warning", "promise", "pledge",
                 "accusation", "assertion", "argument", "suggestion", "message", "vow", "speech", "post", "quote",
                 "description", "prediction", "insistence", "boast", "complaint", "answer", "response", "reply"}
_THINK = {"think", "believe", "agree", "hope", "fear", "know", "feel", "expect", "want"}
_COLON_ONLY = {"continue", "go"}
_SKIP_POS = {"RB", "RBR", "RBS", "MD", "``", "''", '"'}
_AUX = {"have", "has", "had", "also", "then", "later", "further", "again", "once", "be", "was", "is", "would",
        "will", "had", "did", "does", "do", "has", "recently", "previously", "earlier", "often", "repeatedly"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "him", "her", "them"}
_PERSON_PRONOUNS = {"he", "she", "who", "i"}
_NP_POS = {"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "POS", "VBN", "FW", "NNPS", "HYPH"}
_NOUN_POS = {"NN", "NNS", "NNP", "NNPS", "CD", "FW"}
_NP_LINKS = {"of", "for", "at", "from", "with", "in", "on"}   # "a spokesman for the ministry"
_DETS = {"the", "a", "an", "this", "that", "these", "those", "another", "one", "some", "many", "several", "two",
         "three", "his", "her", "their", "its", "our", "my", "your", "both", "all", "other"}
_POSSESSIVES = {"his": "person", "her": "person", "their": None, "its": None}
_TIME_WORDS = set("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
morning afternoon evening night week month year earlier later recently last this next on in at during
""".split())
_FINITE = {"VBD", "VBZ", "VBP"}
_VERB_POS = {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB", "MD"}
_SLUG = re.compile(r"[^a-z0-9]+")

# -- the speech-verb lexicon ---------------------------------------------------------------
_user_verbs: set[str] = set()
_verbs_cache: list = []


def _read_verbs(text: str) -> set[str]:
    return {line.split("#")[0].strip().lower() for line in text.splitlines()
            if line.split("#")[0].strip()}


def speech_verbs() -> frozenset:
    """The speech-verb lemmas in force: ``analysis/data/speech_verbs.txt``, the actors layer's
    list and any added with :func:`add_speech_verbs` or :func:`load_speech_verbs`.

    >>> "say" in speech_verbs() and "tweet" in speech_verbs()
    True
    """
    if not _verbs_cache:
        own = _read_verbs(resources.files("analysis.data").joinpath("speech_verbs.txt").read_text(encoding="utf-8"))
        from .actors import gazetteer

        _verbs_cache.append(frozenset(own | set(gazetteer().speech_verbs)))
    return _verbs_cache[0] | _user_verbs


def add_speech_verbs(verbs) -> None:
    """Add speech-verb lemmas for this session (``add_speech_verbs(["opine", "rant"])``)."""
    if isinstance(verbs, str):
        verbs = [verbs]
    for v in verbs:
        if not isinstance(v, str) or not v.strip() or " " in v.strip():
            raise ValueError(f"a speech verb is one lemma, not {v!r}")
        _user_verbs.add(v.strip().lower())


def load_speech_verbs(path) -> None:
    """Add the lemmas of a text file (one a line, ``#`` comments) for this session."""
    path = Path(path)
    try:
        add_speech_verbs(sorted(_read_verbs(path.read_text(encoding="utf-8"))))
    except OSError as exc:
        raise ValueError(f"cannot read speech verbs from {path}: {exc.strerror}") from None


def _slug(text: str) -> str:
    words = text.lower().split()
    while len(words) > 1 and words[0] in _DETS:
        words = words[1:]
    return _SLUG.sub("-", " ".join(words)).strip("-") or "speaker"


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


def _empty() -> pd.DataFrame:
    ints = ("quote_id", "para_id", "sent_id", "start", "end")
    empty = {c: np.zeros(0, dtype="int64") for c in ints}
    empty.update({c: pd.array([], dtype="Int64") for c in ("speaker_start", "speaker_end")})
    return frame_from_columns(QUOTE_COLUMNS, [empty.get(c, []) for c in QUOTE_COLUMNS])


class _Speaker(tuple):
    """(speaker_id, speaker, cue, speaker_start, speaker_end, speaker_type, how)."""


def _speaker(sid, name, cue, a, b, typ, how):
    return _Speaker((sid, name, cue, a, b, typ, how))


class _Quoter:
    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.verbs = speech_verbs()
        from .actors import token_lists

        t = token_lists(doc)
        self.t_start, self.t_end, self.t_lower, self.t_lemma, self.t_pos = t.start, t.end, t.lower, t.lemma, t.pos
        self.n_tok = len(self.t_start)
        def col(frame, name):
            return column_values(frame, name).tolist()

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
        from .document import LAYERS

        if "clauses" not in LAYERS:
            return None
        try:
            c = self.doc.layer("clauses")
            need = ("start", "end", "subject_start", "subject_end", "verb_start", "relation")
            if c is None or len(c) == 0 or any(col not in c.columns for col in need):
                return None
            out = {}
            for col in need[:5]:
                values = c[col]
                try:
                    out[col] = values.to_numpy(dtype="int64", na_value=-1).tolist()
                except (TypeError, ValueError):
                    out[col] = pd.to_numeric(values, errors="coerce").fillna(-1).astype("int64").tolist()
            out["relation"] = [str(r) for r in c["relation"].tolist()]
            keys = list(zip(out["start"], out["end"]))
            if any(keys[i] > keys[i + 1] for i in range(len(keys) - 1)):
                order = sorted(range(len(keys)), key=keys.__getitem__)
                out = {col: [vals[i] for i in order] for col, vals in out.items()}
            out["by_verb"] = {v: k for k, v in enumerate(out["verb_start"])}
            return out
        except Exception:   # a clause layer that fails must not take the quotes with it
            return None

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

    def final(self, sp, o: int):
        """A pronoun without an actor takes the last person named before it."""
        if sp[0] or sp[3] < 0:
            return sp
        words = self.text[sp[3]:sp[4]].lower()
        if words in _PERSON_PRONOUNS or words in ("they", "it", "we"):
            j = bisect.bisect_left(self._person_starts, sp[3]) - 1
            if j >= 0 and words in _PERSON_PRONOUNS:
                i = self._persons[j]
                return _speaker(self.m_id[i], self.m_name[i], sp[2], sp[3], sp[4], "person", "pronoun")
            if words in _PERSON_PRONOUNS and self._last_named is not None:
                # a person the mentions layer does not know, named by an earlier tag
                sid, name = self._last_named
                return _speaker(sid, name, sp[2], sp[3], sp[4], "name", "pronoun")
            if words in ("it", "they"):
                # "…,” it stated: the organisation (or document's owner) mentioned last;
                # "they": the group mentioned last, else the last speaker named by a description
                j = bisect.bisect_left(self.m_start, sp[3]) - 1
                for q in range(j, max(-1, j - 30), -1):
                    if self.m_type[q] in ("org", "igo", "media", "armed_group") or \
                            (words == "they" and self.m_type[q] == "state" and self.m_start[q] > sp[3] - 400):
                        return _speaker(self.m_id[q], self.m_name[q], sp[2], sp[3], sp[4], self.m_type[q], "pronoun")
                if words == "they" and self._last_described is not None:
                    sid, name = self._last_described
                    return _speaker(sid, name, sp[2], sp[3], sp[4], "description", "pronoun")
            return _speaker("", "", sp[2], sp[3], sp[4], "", sp[6])
        return sp

    def continues(self, prev, o: int, para_id: int) -> bool:
        """Does the quote opening at ``o`` continue the previous one (no tag of its own)?"""
        _, prev_end, prev_para, _ = prev
        if prev_para == para_id:
            return True
        return para_id == prev_para + 1 and o == self.p_start.get(para_id)

    def after_tag_end(self, c: int) -> int:
        return c

    def label(self, s: int, e: int):
        """``"PENCE: Well, look …``: a transcript's speaker label in capitals opening the quotation."""
        m = _LABEL.match(self.text, s, e)
        if m is None:
            return None
        a, b = m.span(1)
        key = self.text[a:b].split()[-1].title()
        known = self.named_before(key, a)
        if known is not None:
            return _speaker(self.m_id[known], self.m_name[known], ":", a, b, self.m_type[known], "colon")
        words = self.text[a:b]
        return _speaker(_slug(words), words.title(), ":", a, b, "name", "colon")

    def attribute(self, o: int, c: int, closed: bool, e: int):
        found = self.label(o + 1, e)
        if found is not None:
            return found
        found = self.after(c, e) if closed else None
        if found is None:
            found = self.according(o)
        if found is None:
            found = self.colon(o)
        if found is None:
            found = self.before(o)
        if found is None:
            found = self.previous_sentence(o)
        return found

    # -- noun phrases ----------------------------------------------------------------------
    def np_back(self, j: int, lo: int):
        """The noun phrase ending at token ``j`` (inclusive), not before offset ``lo``:
        ``(first_token, last_token)`` or None."""
        if j < 0 or self.t_start[j] < lo:
            return None
        low = self.t_lower[j]
        if low in _PRONOUNS and self.t_pos[j] in ("PRP", "WP", "WDT", "IN", "DT"):
            return (j, j)
        k = j
        if self.t_lower[k] == ")":      # Rep. Jim Clyburn (D-S.C.)
            q = k
            while q > 0 and self.t_lower[q] != "(" and k - q < 8 and self.t_start[q] >= lo:
                q -= 1
            if self.t_lower[q] == "(":
                k = q - 1
        head = k
        if head >= 0 and self.t_pos[head] == "PRP$":
            return None
        if head < 0 or self.t_start[head] < lo or self.t_pos[head] not in _NOUN_POS:
            if not (head >= 0 and self.t_start[head] >= lo and self.t_end[head] in self._m_end_set):
                return None
        first = head
        while True:
            q = first - 1
            if q < 0 or self.t_start[q] < lo or head - q > 14:
                break
            pos, w = self.t_pos[q], self.t_lower[q]
            if pos in _NP_POS or (pos in ("NNP", "NNPS")) or (w == "." and q > 0 and self.t_pos[q - 1] == "NNP"):
                first = q
                continue
            if w in ("that", "this") and self.t_pos[q + 1] in ("NNP", "NNPS"):
                break       # "said that Trump's …": a conjunction, not a determiner
            if w in _DETS or pos in ("DT", "PRP$"):
                first = q
                # "a spokesman for | the ministry": the phrase goes on before the determiner
                if q >= 2 and self.t_lower[q - 1] in ("of", "for", "at", "from") and \
                        self.t_pos[q - 2] in ("NN", "NNS") and self.t_start[q - 2] >= lo:
                    first = q - 2
                    continue
                break
            if w in _NP_LINKS and q > 0 and self.t_pos[q - 1] in _NOUN_POS and self.t_start[q - 1] >= lo:
                first = q - 1
                continue
            break
        # a mention that begins before the phrase and ends inside it extends the phrase
        return (first, j)

    def np_forward(self, k: int, hi: int):
        """The noun phrase starting at token ``k`` (``said the minister``, ``said Rep. Jim Clyburn``)."""
        if k >= self.n_tok or self.t_start[k] >= hi:
            return None
        if self.t_lower[k] in _PRONOUNS and self.t_pos[k] in ("PRP", "WP"):
            return (k, k)
        first = k
        q = k
        if self.t_lower[q] in _DETS or self.t_pos[q] in ("DT", "PRP$"):
            q += 1
        last = None
        while q < self.n_tok and self.t_start[q] < hi and q - k < 16:
            pos, w = self.t_pos[q], self.t_lower[q]
            if pos in _NP_POS or w == "." and last is not None and self.t_end[q - 1] == self.t_start[q]:
                if pos in _NOUN_POS or pos == "POS":
                    last = q
                q += 1
                continue
            if w in _NP_LINKS and last is not None and q + 1 < self.n_tok and \
                    (self.t_lower[q + 1] in _DETS or self.t_pos[q + 1] in ("NNP", "NNPS", "NN", "NNS", "DT", "JJ")):
                q += 1
                if self.t_lower[q] in _DETS or self.t_pos[q] in ("DT", "PRP$"):
                    q += 1      # "the head of | the Russian Foreign Ministry"
                continue
            break
        if last is None:
            return None
        return (first, last)

    def subject_back(self, v: int, lo: int):
        """The noun phrase that is the subject of the verb at token ``v``: right before it (past
        adverbs and auxiliaries), or before an apposition (``X, a long description, said``,
        ``X, who …, said``)."""
        k = v - 1
        while k >= 0 and self.t_start[k] >= lo and (self.t_pos[k] in _SKIP_POS or self.t_lower[k] in _AUX or
                                                     (self.t_lower[k].endswith("ly") and self.t_pos[k].startswith("RB"))):
            k -= 1
        if k < 0 or self.t_start[k] < lo:
            return None
        if self.t_lower[k] != ",":
            np_ = self.np_back(k, lo)
            if np_ and self.t_lower[np_[0]] in ("who", "which", "that") and np_[0] == np_[1]:
                # X, who said / the department which reported: the pronoun names its antecedent
                q = np_[0] - 1
                if q >= 0 and self.t_lower[q] == ",":
                    q -= 1
                ant = self.np_back(q, 0) if q >= 0 else None
                if ant:
                    return (np_[0], np_[1], ant[0], ant[1])
                return None
            return np_
        # an apposition: the first comma-separated part of the span that is a noun phrase
        commas = []
        q = k
        while q >= 0 and self.t_start[q] >= lo and k - q < 40:
            if self.t_lower[q] == ",":
                commas.append(q)
            elif self.t_pos[q] in _FINITE and q != v:
                break
            elif self.is_mark_tok(q) and self.t_start[q] in self.title_close:
                # a title inside the apposition ("X, the author of “Going Viral,” said")
                q = self.tok_index(self.title_close[self.t_start[q]])
            elif self.is_mark_tok(q) or self.t_lower[q] in (".", ";", ":"):
                break
            q -= 1
        # leftmost part that names someone (``Chris Weston, strategist at IG Ltd., said``,
        # ``the bloc's president, Fatima Ndiaye, told``), else the leftmost noun phrase
        cands = [self.np_back(comma - 1, lo) for comma in reversed(commas)]
        cands = [c for c in cands if c is not None]
        for np_ in cands:
            if self.t_pos[np_[1]] in ("NNP", "NNPS") or self.t_lower[np_[1]] in _PRONOUNS:
                return np_
            i = self.mention_in(self.t_start[np_[0]], self.t_end[np_[1]])
            if i is not None and self.m_end[i] >= self.t_end[np_[1]]:
                return np_
        return cands[0] if cands else None

    def names_actor(self, np_) -> bool:
        a, b = self.t_start[np_[0]], self.t_end[np_[1]]
        if self.mention_in(a, b) is not None:
            return True
        return self.t_pos[np_[1]] in ("NNP", "NNPS") or self.t_lower[np_[1]] in _PRONOUNS

    def mention_in(self, a: int, b: int):
        """The mention that best names the phrase ``[a, b)``: one ending at its end, else the
        first inside it; None."""
        lo = bisect.bisect_left(self._m_starts_sorted, a - self._max_mention)
        hi = bisect.bisect_left(self._m_starts_sorted, b)
        best = None
        for idx in range(lo, hi):
            i = self._m_order[idx]
            if self.m_end[i] <= a or self.m_type[i] == "place":
                continue
            if self.m_end[i] == b or (self.m_start[i] <= a and self.m_end[i] >= b):
                return i
            if best is None:
                best = i
        return best

    def resolve(self, np_, cue: str, how: str):
        """The speaker named by the noun phrase (token span; a relative pronoun carries its
        antecedent's span too)."""
        if len(np_) == 4:
            sp = self.resolve(np_[2:], cue, how)
            a, b = self.t_start[np_[0]], self.t_end[np_[1]]
            return _speaker(sp[0], sp[1], cue, a, b, sp[5], "pronoun")
        a, b = self.t_start[np_[0]], self.t_end[np_[1]]
        words = self.text[a:b]
        low = words.lower()
        head = np_[1]
        if self.t_lower[head] == ")":
            # "Rep. Ann Lee (D-Ore.)": the name before the bracket
            q = head
            while q > np_[0] and self.t_lower[q] != "(":
                q -= 1
            if q > np_[0]:
                head = q - 1
                b = self.t_end[head]
                words = self.text[a:b]
                low = words.lower()
        i = self.mention_in(a, b)
        for q in range(np_[0] + 1, head):
            if self.t_lower[q] in ("of", "for", "at", "from") and self.t_pos[q - 1] in ("NN", "NNS"):
                head = q - 1      # "a spokesman for the ministry": the spokesman speaks
                break
        if low in _PRONOUNS:
            if i is not None:
                return _speaker(self.m_id[i], self.m_name[i], cue, a, b, self.m_type[i], "pronoun")
            return _speaker("", "", cue, a, b, "", how)
        head_pos = self.t_pos[head]
        if i is not None:
            covers_head = self.m_start[i] <= self.t_start[head] and self.m_end[i] >= self.t_end[head]
            if covers_head or (head_pos in ("NNP", "NNPS") and head == np_[1]):
                return _speaker(self.m_id[i], self.m_name[i], cue, a, b, self.m_type[i],
                                "pronoun" if self.m_how[i] == "pronoun" else how)
        if self.t_lemma[head] in _DOCUMENT_NOUNS and i is None:
            org = self.document_owner(a)
            if org is not None:
                return _speaker(self.m_id[org], self.m_name[org], cue, a, b, self.m_type[org], "document")
        if i is not None:
            # a description that names its actor: "a spokesman for the ministry", "NATO officials"
            return _speaker(self.m_id[i], self.m_name[i], cue, a, b, "description", how)
        first = self.t_lower[np_[0]]
        if first in _POSSESSIVES and _POSSESSIVES[first] == "person":
            j = bisect.bisect_left(self._person_starts, a) - 1
            if j >= 0:
                p = self._persons[j]
                return _speaker(self.m_id[p], self.m_name[p], cue, a, b, "description", how)
        if head_pos in ("NNP", "NNPS") and words[:1].isupper():
            # a name the mentions layer does not know ("The Post", "Caddell")
            key = words.split()[-1]
            if key in self._names:
                sid, name = self._names[key]
            else:
                known = self.named_before(key, a)
                if known is not None:     # "the Post" after "The Washington Post"
                    return _speaker(self.m_id[known], self.m_name[known], cue, a, b, self.m_type[known], how)
                sid, name = _slug(words), words
                self._names[key] = (sid, name)
            return _speaker(sid, name, cue, a, b, "name", how)
        return _speaker(_slug(words), words, cue, a, b, "description", how)

    def named_before(self, word: str, a: int):
        """The last mention before ``a`` of an actor whose name ends with ``word`` (a surname, the
        last word of an outlet's name), or None."""
        if not self._last_words:
            for i in self._m_order:
                parts = str(self.m_name[i]).split()
                if parts and self.m_type[i] != "place":
                    self._last_words.setdefault(parts[-1], []).append(i)
        best = None
        for i in self._last_words.get(word, ()):
            if self.m_start[i] < a:
                best = i
            else:
                break
        return best

    def document_owner(self, a: int):
        last = bisect.bisect_right(self.m_end, a) - 1
        for types in (("igo", "org"), ("state", "armed_group", "media")):
            for j in range(last, max(-1, last - 40), -1):
                if self.m_type[j] in types:
                    return j
        return None

    # -- rules -------------------------------------------------------------------------------
    def after(self, c: int, e: int):
        """``“…,” X said`` / ``“…,” said X`` / ``“…,” X, a description, said`` / ``“…?” he asked``
        / ``“…” ― Karen Diaz`` / ``“…” for criminal behaviour, she said.``"""
        found = self._after(c, e)
        if found is None:
            found = self.according_after(c)
        if found is None:
            found = self.dash(c)
        if found is None:
            found = self.tag_end(c)
        return found

    def according_after(self, c: int):
        """``“…,” according to a document filed by X.``: "according to" right after the quotation."""
        m = _ACCORDING_AFTER.match(self.text, c + 1)
        if m is None:
            return None
        k = self.tok_index(m.end())
        np_ = self.np_forward(k, self.s_end[self.sent_index(m.end())])
        if np_ is None:
            return None
        # "a court document filed by X": the one who filed it
        q = np_[1] + 1
        if q + 1 < self.n_tok and self.t_pos[q] == "VBN" and self.t_lower[q + 1] == "by":
            np2 = self.np_forward(q + 2, self.s_end[self.sent_index(m.end())])
            if np2 is not None and self.names_actor(np2):
                np_ = np2
        return self.resolve(np_, "according to", "according_to")

    def dash(self, c: int):
        """``“…” ― Karen Diaz``: a name after a dash right after the quotation."""
        m = _DASH_TAG.match(self.text, c + 1)
        if m is None:
            return None
        k = self.tok_index(m.end())
        line_end = self.text.find("\n", m.end(), m.end() + 300)
        np_ = self.np_forward(k, m.end() + 300 if line_end < 0 else line_end)
        if np_ is None or self.t_pos[np_[1]] not in ("NNP", "NNPS"):
            return None
        return self.resolve(np_, "―", "tag_after")

    def tag_end(self, c: int):
        """``“…” for criminal behaviour, she said.`` / ``…, said Brad Bannon, a pollster.``: a tag
        closing the quotation's sentence."""
        si = self.sent_index(c)
        se = self.s_end[si]
        k_end = self.tok_index(se)
        k_close = self.tok_index(c + 1)
        if k_end - k_close < 3:
            return None
        for v in range(k_end - 1, max(k_close, k_end - 25) - 1, -1):
            if self.is_mark_tok(v):
                return None
            if not (self.is_cue(v) and self.t_pos[v] in ("VBD", "VBZ", "VBP")):
                continue
            if self.t_lower[v - 1] == ",":          # …, said Warren.
                np_ = self.np_forward(self.skip_time(v + 1, se), se)
                rest = np_[1] + 1 if np_ is not None else None
            else:
                np_ = self.subject_back(v, self.t_start[k_close])
                if np_ is None or np_[0] < 1 or self.t_lower[np_[0] - 1] != ",":
                    return None
                rest = v + 1
            if np_ is None or not self.bare_tag_rest(rest, se, appositive=True):
                return None
            return self.resolve(np_, self.t_lower[v], "tag_after")
        return None

    def _after(self, c: int, e: int):
        k = self.tok_index(c + 1)
        n = self.n_tok
        si = self.sent_index(c)
        s_end = self.s_end[si]
        ends_q = self.text[e - 1:e] in ("?", "!") or self.text[c - 1:c] in ("?", "!")
        while k < n and self.t_pos[k] in (",", ".", ":", "``", "''", '"') and self.t_start[k] - c < 4:
            if self.t_pos[k] in (".", ":") or self.t_lower[k] in (".", "?", "!", ";", ":"):
                return None
            k += 1
        if k >= n:
            return None
        tag_sentence = False
        if self.t_start[k] >= s_end:
            # "…?” he asked: the tag opens the next sentence after a ? or !; "…” Trump said.:
            # a next sentence that is nothing but a tag
            if self.t_start[k] - c >= 4 or "\n" in self.text[c:self.t_start[k]]:
                return None
            nsi = self.sent_index(self.t_start[k])
            s_end = self.s_end[nsi]
            if not (ends_q and self.text[self.t_start[k]].islower()):
                if self.tok_index(s_end) - k > 14:
                    return None
                tag_sentence = True
        if self.t_lower[k] in ("and", "but", "or"):
            return None
        if self.t_lower[k] == "as" and k + 1 < n and self.t_pos[k + 1] in ("NNP", "PRP", "DT", "NN"):
            k += 1          # “…,” as Cruz said on the radio
        limit = min(n, k + 30)
        # a sentence end inside brackets ("Rep. Ann Lee (R-Fla.) said") or after a title
        # ("Rep. | Ann Lee said") is not the tag's end
        while s_end < len(self.text) and s_end - c < 300 and (self.text.count("(", c, s_end) > self.text.count(")", c, s_end)
                                          or _ABBREV_END.search(self.text, max(c, s_end - 8), s_end)
                                          or _LOWER_NEXT.match(self.text, s_end)):
            nxt = self.sent_index(s_end + 1)
            if "\n" in self.text[s_end:self.s_start[nxt]]:
                break
            if self.s_end[nxt] <= s_end:
                break
            s_end = self.s_end[nxt]
        # a tag ends the quotation: a comma, ? or ! at the mark ("…,” she shrugged); after a
        # phrase woven into the sentence ("the “90 percent” figure came from") only a speech verb is a tag
        bounded = self.text[c - 1:c] in (",", "?", "!", "—", "…") or self.text[c + 1:c + 2] in (",", "—")
        # inverted: said X
        if (self.is_cue(k) and self.t_pos[k] != "VBG") or \
                (bounded and self.t_pos[k] in _FINITE and self.t_pos[k] != "VBP" and not tag_sentence) or \
                (self.t_pos[k] == "VBN" and not tag_sentence and k + 1 < n and self.t_pos[k + 1] in ("DT", "NNP")):
            np_ = self.np_forward(self.skip_time(k + 1, s_end), s_end)
            if np_ is not None and (not tag_sentence or self.bare_tag_rest(np_[1] + 1, s_end)):
                return self.resolve(np_, self.t_lower[k], "tag_after")
            return None
        # X said / X, description, said
        depth = 0
        for v in range(k, limit):
            if self.t_start[v] >= s_end or self.is_mark_tok(v):
                return None
            pos = self.t_pos[v]
            w = self.t_lower[v]
            depth += (w == "(") - (w == ")")
            if depth > 0:
                continue      # Rep. John Mica (R-Fla.) said
            if w in (".", ";", "?", "!"):
                return None
            if (pos in _FINITE or pos == "MD") and self.t_lemma[v] in ("have", "be", "do", "will", "would", "can", "could", "may", "might") \
                    and v + 1 < n and (self.t_pos[v + 1].startswith("VB") or self.t_pos[v + 1] in ("RB",)):
                continue      # an auxiliary: "…,” Bill Clinton has said
            if pos in ("NN", "NNS") and v > k and self.t_lemma[v] in self.verbs and \
                    self.t_pos[v - 1] in ("NNP", "NNPS", "NNS", "PRP") and \
                    (v + 1 >= n or self.t_pos[v + 1] in (",", ".", "IN", "RB", "NNP")):
                pos = "VBP"   # "…,” the Saudis state/NN in the paper: a tagger's miss
            if pos in _FINITE or self.is_cue(v):
                if not self.is_cue(v) and not bounded:
                    return None
                if not (self.is_cue(v) or v - k <= 4):
                    np_ = self.subject_back(v, self.t_start[k])
                    if np_ is None or np_[0] != k or len(np_) != 2:
                        return None   # “…,” the vice-presidential nominee riffed: a noun phrase, then the verb
                if tag_sentence and not self.is_cue(v) and pos != "VBP" and not (ends_q and v - k <= 3):
                    return None    # “…?” Trump went on: any verb right after a question
                if pos not in _FINITE and not self.is_cue(v):
                    return None
                if self.t_lemma[v] in ("be", "have", "do") and not self.is_cue(v):
                    return None
                np_ = self.subject_back(v, self.t_start[k])
                if np_ is None or not self.opens_tag(k, np_[0]):
                    return None    # the tag's subject opens the tag ("…,” the minister said)
                if tag_sentence and not self.bare_tag_rest(v + 1, s_end, appositive=ends_q):
                    return None    # “…” Russia insisted that …: a new sentence, not a tag
                return self.resolve(np_, self.t_lower[v], "tag_after")
        return None

    def bare_tag_rest(self, k: int, s_end: int, appositive: bool = False) -> bool:
        """Is what follows a tag's verb up to the sentence end a few words of circumstance
        ("on Tuesday", "in a statement") or, with ``appositive``, a description of the speaker
        (", a Democratic pollster"), not a clause of its own?"""
        n = 0
        while k < self.n_tok and self.t_start[k] < s_end:
            if self.is_mark_tok(k) or self.t_lower[k] in ("that", "which", "who"):
                return False
            if self.t_pos[k] in _VERB_POS and not (appositive and self.t_pos[k] in ("VBN", "VBG")):
                if self.t_pos[k] == "VBG" and self.t_lower[k - 1] == ",":
                    return True     # "…!” Trump tweeted, quoting the statement.
                return False
            if self.t_pos[k] not in (".", ","):
                n += 1
            k += 1
        return n <= (14 if appositive else 6)

    def opens_tag(self, k: int, first: int) -> bool:
        """Is everything from token ``k`` to the subject's first token a noun phrase or an
        apposition (``the bloc's president, Fatima Ndiaye``), not a clause (``for which they``)?"""
        if self.t_pos[k] not in ("DT", "NNP", "NNPS", "NN", "NNS", "JJ", "PRP", "PRP$", "CD", "WP"):
            return False
        return all(self.t_pos[q] not in _VERB_POS and self.t_pos[q] not in ("WDT", "WP", "MD")
                   for q in range(k, first))

    def skip_time(self, k: int, hi: int) -> int:
        """Past ``Tuesday``, ``on Friday``, ``in a statement`` after an inverted verb."""
        q = k
        while q < self.n_tok and self.t_start[q] < hi and self.t_lower[q] in _TIME_WORDS and q - k < 3:
            q += 1
        return q if q < self.n_tok and self.t_pos[q] not in ("IN",) else k

    def colon(self, o: int):
        """``Gerald Seib, the columnist: “…”`` (a name before a colon, no verb) or ``Cruz called
        them on it: “…”`` (the subject of the verb before the colon, listed or not), also when
        the quotation opens the next paragraph."""
        end = end_of_text_before(self.text, o, max(0, o - 400))
        if end == 0 or self.text[end - 1] != ":":
            return None
        si = self.sent_index(end - 1)
        ss = self.s_start[si]
        line = self.text.rfind("\n", max(0, end - 2000), end) + 1
        lo = max(ss, line)
        prev_mark = self.last_mark_before(lo, end)
        if prev_mark is not None:
            lo = prev_mark + 1
        k0, k1 = self.tok_index(lo), self.tok_index(end - 1)
        if k1 <= k0:
            return None
        cues = [q for q in range(k0, k1) if self.is_cue(q)]
        if cues:
            o_line = self.text.rfind("\n", max(0, o - 2000), o) + 1
            if end_of_text_before(self.text, o, o_line) != o_line or o_line <= end:
                return None   # "X said: “…”" in one sentence is the tag before the quotation
            # the quotation opens a paragraph after "X said:" — the speech verb's subject
            v = cues[-1]
            return self.subject(v, ss, lo, how="colon")
        if any(self.t_pos[q] in _VERB_POS for q in range(k0, k1)):
            np_ = self.main_subject(lo, end - 1)
            return self.resolve(np_, ":", "colon") if np_ is not None else None
        if k1 - k0 > 25:
            return None
        np_ = self.np_forward(k0, end)
        if np_ is None or not self.names_actor(np_):
            return None
        return self.resolve(np_, ":", "colon")

    def according(self, o: int):
        """``according to X, …: “…”`` in the same sentence."""
        si = self.sent_index(o)
        ss = self.s_start[si]
        prev_mark = self.last_mark_before(ss, o)
        last_mark = ss if prev_mark is None else prev_mark + 1
        m = None
        for m in _ACCORDING.finditer(self.text, last_mark, o):
            pass
        if m is not None:
            k = self.tok_index(m.end())
            np_ = self.np_forward(k, o)
            if np_ is not None:
                return self.resolve(np_, "according to", "according_to")
        return None

    def before(self, o: int):
        """``X recalled that “…”``: a speech verb earlier in the same sentence."""
        si = self.sent_index(o)
        ss = self.s_start[si]
        prev_mark = self.last_mark_before(ss, o)
        if prev_mark is not None and prev_mark in self.title_close and \
                not any(self.is_cue(v) for v in range(self.tok_index(prev_mark + 1), self.tok_index(o))):
            for _ in range(3):   # past up to three titles
                if prev_mark is None or prev_mark not in self.title_close:
                    break
                prev_mark = self.last_mark_before(ss, self.title_close[prev_mark])
        last_mark = ss if prev_mark is None else prev_mark + 1
        k0, k1 = self.tok_index(last_mark), self.tok_index(o)
        # "Another sign advised, “…”": any finite verb right before the comma or colon that
        # introduces the quotation governs it
        j = k1 - 1
        if j > k0 and self.t_lower[j] in (",", ":") and (self.t_pos[j - 1] in ("VBD", "VBZ", "VBP") or (
                self.t_pos[j - 1] == "VBN" and j - 2 >= k0 and self.t_pos[j - 2] in ("NN", "NNP", "NNS", "PRP"))) and \
                not self.is_cue(j - 1) and self.t_lemma[j - 1] not in ("be", "have", "do"):
            found = self.subject(j - 1, ss, last_mark)
            if found is not None and found[0]:
                return found
        # the outermost speech verb: "Obama said he expected that Americans will say “no”" is
        # Obama's; a later verb counts when the first has no subject that names someone
        cues = [v for v in range(k0, k1) if self.is_cue(v)]
        if len(cues) > 1 and self.t_pos[k0] == "IN" and self.t_lower[k0] != "according":
            # "While not everything X says is true, Y said …": the subordinate clause's verb is not the tag
            comma = next((q for q in range(k0, cues[-1]) if self.t_lower[q] == ","), None)
            if comma is not None:
                cues = [v for v in cues if v > comma]
        if len(cues) > 1:
            nearest = self.subject(cues[-1], ss, last_mark)
            for v in cues[:-1]:
                if self.t_pos[v] not in _FINITE or self.t_lemma[v] in _THINK:
                    continue    # "Asked if he thought …, X responded": the finite speech verb speaks
                found = self.subject(v, ss, last_mark)
                if found is not None and found[0] and found[5] != "description":
                    # the same speaker ("X welcomed … but said …"): the verb nearest the quotation
                    return nearest if nearest is not None and nearest[0] == found[0] else found
        for v in range(k1 - 1, k0 - 1, -1):
            if self.is_cue(v):
                return self.subject(v, ss, last_mark)
            if self.t_lemma[v] in _SPEECH_NOUNS and self.t_pos[v] in ("NN", "NNS") and not cues:
                found = self.possessor(v, last_mark)
                if found is not None:
                    return found
        if prev_mark is None:
            return None
        # "X said the plan was “A” and “B”": the speech verb before the earlier quotations
        j = len(self.spans) - 1
        stop = max(-1, j - 3)            # the three quotations before, no further
        while j > stop and self.spans[j][1] >= ss:
            qo, qc = self.spans[j]
            lo_ = max(ss, self.spans[j - 1][1] + 1) if j > 0 else ss
            for v in range(self.tok_index(qo) - 1, self.tok_index(lo_) - 1, -1):
                if self.is_cue(v):
                    return self.subject(v, ss, lo_)
            j -= 1
        return None

    def relative(self, np_, v: int):
        """``Beck, who has … described``: the relative pronoun between a subject and its verb
        is the speaker's words (carrying the subject as its antecedent)."""
        if len(np_) != 2:
            return np_
        for q in range(np_[1] + 1, min(v, np_[1] + 3)):
            if self.t_lower[q] in ("who", "which") and self.t_pos[q] in ("WP", "WDT"):
                # only when "who" is the verb's own subject ("X, who has long said"), not the
                # subject of an apposition ("X, who is reviled by many, said")
                if all(self.t_pos[r] in _SKIP_POS or self.t_lower[r] in _AUX or self.t_pos[r] in ("RB", "IN", "DT", "NN", "JJ")
                       and self.t_lower[r] not in (",",) for r in range(q + 1, v)):
                    return (q, q, np_[0], np_[1])
                return np_
        return np_

    def possessor(self, v: int, lo: int):
        """``Trump's claim that “…”`` / ``her statement: “…”`` / ``a statement by X``."""
        k = v - 1
        while k >= 0 and self.t_start[k] >= lo and self.t_pos[k] in ("JJ", "JJS", "JJR", "RB", "VBN"):
            k -= 1
        if k < 0 or self.t_start[k] < lo:
            return None
        cue = self.t_lower[v]
        if self.t_pos[k] == "POS":
            np_ = self.np_back(k - 1, lo)
            if np_ is not None and self.names_actor(np_):
                return self.resolve(np_, cue, "tag_before")
            return None
        if self.t_pos[k] == "PRP$" and self.t_lower[k] in ("his", "her"):
            a, b = self.t_start[k], self.t_end[k]
            j = bisect.bisect_left(self._person_starts, a) - 1
            if j >= 0:
                p = self._persons[j]
                return _speaker(self.m_id[p], self.m_name[p], cue, a, b, "person", "pronoun")
            return None
        if v + 2 < self.n_tok and self.t_lower[v + 1] in ("by", "from"):
            np_ = self.np_forward(v + 2, self.s_end[self.sent_index(self.t_start[v])])
            if np_ is not None and self.names_actor(np_):
                return self.resolve(np_, cue, "tag_before")
        return None

    def subject(self, v: int, ss: int, lower_bound: int, how: str = "tag_before"):
        cue = self.t_lower[v]
        k = v - 1
        while k >= 0 and (self.t_pos[k] in _SKIP_POS or self.t_lower[k] in _AUX or
                          (self.t_lower[k].endswith("ly") and self.t_pos[k].startswith("RB"))):
            k -= 1
        if k < 0 or self.t_start[k] < lower_bound:
            # "Continued Stone: “…”": the verb opens the sentence, its subject follows it
            np_ = self.np_forward(v + 1, self.s_end[self.sent_index(self.t_start[v])])
            if np_ is not None and self.names_actor(np_):
                return self.resolve(np_, cue, how)
            return None
        if self.t_pos[v] == "VBG" and self.t_lower[k] not in (",", "and", "but") and self.t_pos[k] in _NOUN_POS:
            np_ = self.subject_back(v, lower_bound)     # "with Trump reportedly yelling: “…”"
            if np_ is not None and self.names_actor(np_):
                return self.resolve(np_, cue, how)
        if self.t_pos[v] != "VBG" and self.t_lower[k] not in ("and", "but"):
            # "X said", "the minister recalled": the noun phrase right before the verb
            np_ = self.subject_back(v, lower_bound)
            if np_ is not None and self.t_lower[np_[0]] not in ("who", "which", "that") and \
                    (self.names_actor(np_) or self.t_lower[k] not in (",", ")")):
                return self.resolve(np_, cue, how)
        # the clause layer's subject of the speech verb itself (appositions, relatives,
        # coordination and participles are resolved there)
        np_ = self.verb_subject(v, lower_bound if self.t_pos[v] != "VBG" else ss)
        if np_ is not None:
            return self.resolve(self.relative(np_, v), cue, how)
        # "X is slamming …, saying “…”": a participle shares the subject of the main verb
        if self.t_pos[v] == "VBG" or (k >= 0 and self.t_lower[k] in ("and", "but")) or \
                (k >= 0 and self.t_lower[k] == "," and self.t_pos[v] == "VBG"):
            np_ = self.main_subject(ss, self.t_start[v])
            if np_ is not None:
                return self.resolve(np_, cue, how)
            if self.t_pos[v] == "VBG":
                return None
        np_ = self.subject_back(v, lower_bound)
        if np_ is not None:
            return self.resolve(np_, cue, how)
        return None

    def main_subject(self, ss: int, before: int):
        """The subject of the first finite verb of the sentence starting at ``ss`` (before ``before``)."""
        if self.clauses is not None:
            np_ = self.clause_subject(ss, before)
            if np_ is not None:
                return np_
        k0, k1 = self.tok_index(ss), self.tok_index(before)
        u = self.first_finite(ss)
        if u is not None and u < k1:
            np_ = self.subject_back(u, ss)
            if np_ is not None and self.names_actor(np_):
                return np_
            return None
        # no finite verb (a tagger's miss: "Trump shot/NN back"): a name opening the sentence
        np_ = self.np_forward(k0, before)
        if np_ is not None and self.t_pos[np_[1]] in ("NNP", "NNPS") and \
                self.mention_in(self.t_start[np_[0]], self.t_end[np_[1]]) is not None:
            return np_
        return None

    def verb_subject(self, v: int, lo: int):
        """The subject ``doc.clauses`` gives the verb at token ``v`` (as a token span), if any."""
        c = self.clauses
        if c is None:
            return None
        k = c["by_verb"].get(self.t_start[v])
        if k is None:
            # the verb group may start with an auxiliary ("has said")
            j = bisect.bisect_right(c["start"], self.t_start[v]) - 1
            while j >= 0 and c["end"][j] > self.t_start[v] and k is None:
                if c["verb_start"][j] <= self.t_start[v] < c["end"][j] and c["verb_start"][j] >= self.t_start[v] - 40:
                    k = j
                j -= 1
        if k is None or c["subject_start"][k] < lo or c["subject_start"][k] < 0:
            return None
        return self.token_span(c["subject_start"][k], c["subject_end"][k])

    def first_finite(self, ss: int):
        """Index of the first finite verb of the sentence starting at ``ss`` outside quotation
        marks (within its first 80 tokens), or None; computed once per sentence."""
        if ss not in self._finite:
            k0 = self.tok_index(ss)
            k_end = min(self.tok_index(self.s_end[self.sent_index(ss)]), k0 + 80)
            inside, found = False, None
            for u in range(k0, k_end):
                if self.is_mark_tok(u):
                    inside = not inside       # skip the words of an earlier quotation
                elif not inside and (self.t_pos[u] in _FINITE or self.t_pos[u] == "MD"):
                    found = u
                    break
            self._finite[ss] = found
        return self._finite[ss]

    def clause_subject(self, ss: int, at: int):
        """The subject of the main clause of the sentence starting at ``ss`` whose verb comes
        before offset ``at`` (``doc.clauses``): the clause holding ``at``, else the last main or
        coordinated clause before it."""
        c = self.clauses
        i = bisect.bisect_right(c["start"], at) - 1
        holding = last = None
        stop = max(-1, i - 40)
        while i > stop and c["start"][i] >= ss:
            if c["subject_start"][i] >= ss and c["verb_start"][i] < at and c["relation"][i] in ("main", "coordinated"):
                if holding is None and c["end"][i] >= at:
                    holding = i
                if last is None or c["verb_start"][i] > c["verb_start"][last]:
                    last = i
            i -= 1
        best = holding if holding is not None else last
        if best is None:
            return None
        return self.token_span(c["subject_start"][best], c["subject_end"][best])

    def token_span(self, a: int, b: int):
        """The tokens of ``[a, b)``, trimmed to what follows a relative word inside it
        ("the courage through what she" → "she")."""
        ka, kb = self.tok_index(a), self.tok_index(b) - 1
        if kb < ka:
            return None
        for q in range(kb, ka - 1, -1):
            if self.t_pos[q] in ("WP", "WDT") and q < kb:
                ka = q + 1
                break
        return (ka, kb)

    def embedded(self, o: int, c: int, short: bool = False):
        """A quotation inside the reporter's sentence: the subject of the main verb (for a
        one-to-three-word quotation only when that subject names an actor)."""
        si = self.sent_index(o)
        ss = self.s_start[si]
        np_ = self.main_subject(ss, o)
        if np_ is None or (short and not self.names_actor(np_)):
            return None
        return self.resolve(np_, "", "embedded")

    def is_cue(self, v: int) -> bool:
        """A speech verb; "states"/"says" mis-tagged as plural nouns count after a subject."""
        if self.t_lemma[v] not in self.verbs and self.t_lower[v] not in ("states", "says", "notes", "reports"):
            return False
        if self.t_lemma[v] in _COLON_ONLY and not (v + 1 < self.n_tok and (self.t_lower[v + 1] in (":", ",")
                                                                        or self.is_mark_tok(v + 1))):
            return False    # "will continue to be": a speech verb only as "X continued: …"
        if self.t_pos[v].startswith("VB"):
            return True
        if self.t_pos[v] == "NNS":
            k = v - 1
            while k >= 0 and (self.t_lower[k].endswith("ly") or self.t_pos[k] in ("RB",)):
                k -= 1
            return k >= 0 and (self.t_lower[k] in _DOCUMENT_NOUNS or self.t_end[k] in self._m_end_set
                               or (self.t_lower[v] == "says" and self.t_pos[k] in ("NNP", "PRP")))
        return False

    def previous_sentence(self, o: int):
        """A quote in a sentence with no speech verb, after a sentence that reports speech."""
        si = self.sent_index(o)
        if si == 0:
            return None
        if self.spans and self.spans[-1][1] >= self.s_start[max(0, si - 2)] and \
                self.s_para[self.sent_index(self.spans[-1][1])] == self.s_para[si]:
            return None   # right after a quotation of the paragraph: a continuation of it
        if self.first_cue(si) < self.tok_index(o):
            return None
        if si not in self._prev_sentence:
            self._prev_sentence[si] = (self._speaker_of_previous_sentence(si),)
        return self._prev_sentence[si][0]

    def first_cue(self, si: int) -> int:
        if si not in self._first_cue:
            k, k_end = self.tok_index(self.s_start[si]), self.tok_index(self.s_end[si])
            while k < k_end and not self.is_cue(k):
                k += 1
            self._first_cue[si] = k
        return self._first_cue[si]

    def _speaker_of_previous_sentence(self, si: int):
        prev = si - 1
        if self.s_para[prev] != self.s_para[si]:
            # a quotation paragraph after a paragraph of narration that reports speech
            if self.s_para[prev] != self.s_para[si] - 1 or \
                    self.s_start[si] != self.p_start.get(self.s_para[si]) or \
                    self.text[self.s_start[si]] not in _MARKS:
                return None
        if self.last_mark_before(self.s_start[prev], self.s_end[prev]) is not None:
            return None
        a, b = self.tok_index(self.s_start[prev]), self.tok_index(self.s_end[prev])
        for v in range(a, b):
            if self.is_cue(v):
                sp = self.subject(v, self.s_start[prev], self.s_start[prev])
                if sp is None:
                    return None
                return _speaker(*sp[:6], "pronoun" if sp[6] == "pronoun" else "sentence_before")
        return None

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


class _HTML(str):
    """HTML that Jupyter shows rendered (``_repr_html_``) and that is still a str."""

    def _repr_html_(self) -> str:
        return str(self)


# -- the "who said what" view ---------------------------------------------------------------
def who_said_what(doc) -> pd.DataFrame:
    """Each quotation with its speaker, the words that name the speaker and the rule that chose
    them: ``para_id, speaker, speaker_text, how, cue, kind, text``."""
    q = doc.quotes
    return q[["para_id", "speaker", "speaker_id", "speaker_text", "speaker_type", "how", "cue", "kind",
              "text"]].reset_index(drop=True)


def render_quotes(doc, *, para_ids=None) -> "str":
    """HTML of the paragraphs that hold quotations: each quotation highlighted, the speaker's
    words underlined, and after each quotation the speaker and the rule that chose them.
    Returns a str that Jupyter shows rendered."""
    import html

    q = doc.quotes
    text = doc.text
    out = ['<div style="line-height:1.6">']
    for para_id, group in q.groupby("para_id", sort=True):
        if para_ids is not None and para_id not in para_ids:
            continue
        ps, pe = int(doc.paragraphs.set_index("para_id").loc[para_id, "start"]), \
            int(doc.paragraphs.set_index("para_id").loc[para_id, "end"])
        marks = []   # (offset, order, html)
        for r in group.itertuples():
            label = html.escape(f"{r.speaker or '?'} · {r.how or 'no rule'}")
            marks.append((r.start, 1, '<span style="background:#fde68a">'))
            marks.append((r.end, 0, f'</span><sup style="color:#92400e">[{label}]</sup>'))
            if not pd.isna(r.speaker_start) and r.speaker_start >= ps and r.speaker_end <= pe:
                marks.append((r.speaker_start, 1, '<u style="text-decoration-color:#b45309;text-decoration-thickness:2px">'))
                marks.append((r.speaker_end, 0, "</u>"))
        marks.sort(key=lambda m: (m[0], m[1]))
        pos, parts = ps, [f"<p><b>¶{para_id}</b> "]
        for off, _, tag in marks:
            off = min(max(off, pos), pe)
            parts.append(html.escape(text[pos:off]))
            parts.append(tag)
            pos = off
        parts.append(html.escape(text[pos:pe]) + "</p>")
        out.append("".join(parts))
    out.append("</div>")
    return _HTML("".join(out))


__all__ = ["HOW", "KINDS", "QUOTE_COLUMNS", "add_speech_verbs", "load_speech_verbs", "quotes", "render_quotes",
           "speech_verbs", "who_said_what"]
