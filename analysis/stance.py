"""Stance: who is for or against what, and the words that prove it.

A rule-based, transparent method in the spirit of MPQA opinion frames (holder, target) and the
SemEval-2016 Task 6 labels (favor | against | neutral):

1. **Cues** from ``data/stance_cues.yml`` ("opposed", "unacceptable", "in favor of", "would not
   agree with", "voiced concern over" ...) are found on word forms or lemmas, with adverbs allowed
   between their words ("is categorically against").
2. **The cue's clause** (``doc.clauses``, :mod:`analysis.clauses`) says who is who: the
   **holder** is the subject of an active cue (the antecedent in "the US, which is opposed to",
   the shared subject of "backed the plan and called for"), the **agent** of a passive cue ("was
   condemned by X": X; a passive with no agent gives no row), and in reported speech the speaker
   ("We reject it, the minister said"). A cue in the infinitive of a control verb ("X urged Y to
   back Z", "Y was urged to back Z") is not Y's stance and gives no row. A pronoun is resolved to
   the latest earlier subject; inside a quotation, *I*/*we* is the quote's speaker; for "it is
   unacceptable to ..." the holder is the body named after "on behalf of", or the subject of the
   reporting verb; a document ("the statement says") stands for the latest actor before it.
   Holders are linked to the actors layer (``doc.mentions``); a time ("this week") or a mark is
   no holder.
3. **Target**: the object or complement as a whole phrase (a noun phrase with its attachments,
   an infinitive or that-clause to its end; for a passive, the subject); for "Y worries X" the
   subject Y. ``target_id`` is the first actor in it. A cue with no target gives no row.
   Stance nouns (kind ``noun``): "X's endorsement of Y", "endorsements from X", "Z received the
   backing of X", "X has praise for Y", "a backer of Y". Written on real news (the PolNeAR gold,
   ``benchmarks/stance_eval.py``): gerunds and infinitives take the subject of the clause they
   depend on, "attacked X for opposing Y" gives X the gerund's stance, questions and conditions
   give no row, title-case headlines are read by position, "X called Y a liar" is labelled by the
   words' valence (VADER), "anti-X" words with an owner are against X, and what someone says of
   a named actor in words that lean clearly one way ("'Smith represents failed policies,' Jones
   said") is the speaker's stance on that actor; what someone says should or must be done ("Jones
   said the city should build more schools") is favoured by the speaker.
4. **Negation** ("not", "n't", "never", "no longer" in the verb group, and governing words:
   "refused to", "failed to", "little prospect of") turns favor into against and against into
   neutral (not opposing is not supporting); **hedges** ("probably", "may", "reportedly", "seemed
   to", "little prospect of" ...) set ``hedged``. Both are shown, with the cue as written;
   ``clause_id`` names the clause the row was read from.

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("T\\n\\nThe ministers firmly rejected the plan."))
>>> stance(doc)[["holder", "stance", "cue", "target"]].values.tolist()
[['The ministers', 'against', 'firmly rejected', 'the plan']]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress
from operator import or_
from importlib import resources

import pandas as pd

import numpy as np

from ._frames import column_values, frame_from_columns, string_array
from .errors import InputError
from .clauses import np_right, sentences_of

STANCES = ("favor", "against", "neutral")
KINDS = ("verb", "adj", "experiencer", "noun")
COLUMNS = ["stance_id", "para_id", "sent_id", "clause_id", "holder_id", "holder", "holder_text", "holder_from", "target_id",
           "target", "stance", "cue", "pattern", "negated", "hedged", "start", "end", "text",
           "target_start", "target_end", "evidence"]

_NP_POS = {"NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "DT", "PDT", "JJ", "JJR", "JJS", "CD", "POS", "FW"}
_NP_PREP = {"of", "in", "on", "for", "from", "with", "at"}
_SKIP_POS = {"RB", "RBR", "RBS", "MD", "RP"}
_AUX = {"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must"}
_REL = {"which", "who", "whom", "whose", "that"}
_BOUNDARY = {",", ";", ":", "–", "—", "-", ".", "!", "?", "(", ")", "[", "]", '"', "“", "”", "‘", "’", "'", "''", "``"}
_PRONOUNS = {"they", "he", "she", "it", "we", "i", "them", "him", "her", "us", "this", "his", "its", "their"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
_REPORTING = {"say", "state", "declare", "note", "stress", "announce", "add", "warn", "insist", "claim", "argue",
              "report", "write", "tell", "recall", "emphasize", "emphasise", "underline", "affirm", "assert", "conclude"}
_DOCUMENTS = {"document", "statement", "declaration", "communique", "communiqué", "resolution", "text", "report", "letter",
              "memorandum", "agreement", "treaty", "charter"}
_MAX_TARGET = 20

_user_cues: list[dict] = []
_cue_state: list = []


# --------------------------------------------------------------------------------------------
# the cue lexicon


def _check_entry(entry, where: str) -> dict:
    if not isinstance(entry, dict) or "cue" not in entry or "stance" not in entry:
        raise InputError(f"stance cue {entry!r} in {where}: give a mapping with 'cue' and 'stance' (and optionally 'kind')")
    cue = entry["cue"]
    if not isinstance(cue, str) or not cue.strip():
        raise InputError(f"stance cue {entry!r} in {where}: 'cue' must be a non-empty phrase")
    label = entry["stance"]
    if label not in STANCES:
        raise InputError(f"stance cue {cue!r} in {where}: unknown stance label {label!r}; use one of {', '.join(STANCES)}")
    kind = entry.get("kind", "verb")
    if kind not in KINDS:
        raise InputError(f"stance cue {cue!r} in {where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return {"cue": " ".join(cue.lower().split()), "stance": label, "kind": kind}


def _parse(data, where: str) -> dict:
    import yaml

    if isinstance(data, str):
        data = yaml.safe_load(data)
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        raise InputError(f"{where} must be YAML with a list under 'cues:'")
    cues = [_check_entry(e, where) for e in data["cues"]]
    return {"cues": cues,
            "negators": [str(w).lower() for w in data.get("negators", [])],
            "hedges": [str(w).lower() for w in data.get("hedges", [])]}


@lru_cache(maxsize=1)
def _default_lexicon() -> dict:
    text = resources.files("analysis.data").joinpath("stance_cues.yml").read_text(encoding="utf-8")
    return _parse(text, "analysis/data/stance_cues.yml")


def cue_lexicon() -> pd.DataFrame:
    """The cues in force (the package's list plus yours): ``cue, stance, kind, source``."""
    rows = [{**c, "source": "package"} for c in _default_lexicon()["cues"]]
    rows += [{**c, "source": "user"} for c in _user_cues]
    return pd.DataFrame(rows, columns=["cue", "stance", "kind", "source"])


def add_cues(entries) -> None:
    """Add stance cues for this Python session (they win over the package's for the same words).

    Args:
        entries: a list of ``{"cue": "frown upon", "stance": "against", "kind": "verb"}``
            (kind defaults to verb; stance is favor, against or neutral).

    Raises:
        InputError: an unknown stance label or kind, naming the entry.

    >>> add_cues([{"cue": "frown upon", "stance": "against"}])
    >>> reset_cues()
    """
    if isinstance(entries, dict):
        entries = [entries]
    checked = [_check_entry(e, "add_cues") for e in entries]
    _user_cues.extend(checked)
    _cue_state.clear()


def load_cues(path) -> None:
    """Add the cues of a YAML file written like ``analysis/data/stance_cues.yml``."""
    from pathlib import Path

    path = Path(path)
    if not path.is_file():
        raise InputError(f"stance cue file {path} does not exist")
    parsed = _parse(path.read_text(encoding="utf-8"), str(path))
    _user_cues.extend(parsed["cues"])
    _cue_state.clear()


def reset_cues() -> None:
    """Forget the cues added with :func:`add_cues` or :func:`load_cues`."""
    _user_cues.clear()
    _cue_state.clear()


def _compiled():
    """Cues indexed by first word, longest first; plus negator and hedge sets."""
    if not _cue_state:
        lex = _default_lexicon()
        merged = {(c["cue"], c["kind"]): c for c in lex["cues"]}
        merged.update({(c["cue"], c["kind"]): c for c in _user_cues})
        index: dict[str, list] = {}
        for c in sorted(merged.values(), key=lambda c: -len(c["cue"].split())):
            words = c["cue"].split()
            index.setdefault(words[0], []).append((words, c))
        negs = set(lex["negators"])
        _cue_state.append((index, {n for n in negs if " " not in n}, [n.split() for n in negs if " " in n], set(lex["hedges"])))
    return _cue_state[0]


# --------------------------------------------------------------------------------------------
# the sentence walker


_MODAL_HEDGES = frozenset({"may", "might", "could"})
#: modals that, with "well", make a stance a guess about the future ("may well endorse"; "may reject" stays, hedged)
_SPECULATIVE = frozenset({"may", "might", "could"})
_GAP_POS = frozenset({"RB", "RBR", "RBS"})  # what _match lets stand between the words of a cue
_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})  # and quotation marks: was “furious” with Y


def _is_hedge(lower: str, lemma: str, pos: str, hedges) -> bool:
    """A hedge word in its hedging sense: *may* the modal, not *May* the month (a proper noun)."""
    if pos.startswith("NNP"):
        return False
    if lower in _MODAL_HEDGES:
        return pos == "MD"
    return lower in hedges or lemma in hedges


class _Sent:
    __slots__ = ("low", "lem", "pos", "st", "en", "sent_id", "para_id", "start", "end")

    def __init__(self, toks, sent_id, para_id, start, end):
        self.low, self.lem, self.pos, self.st, self.en = toks
        self.sent_id, self.para_id, self.start, self.end = sent_id, para_id, start, end


def _match(s: _Sent, i: int, words: list[str]) -> int | None:
    """End index (exclusive) of ``words`` matched from token i, adverbs allowed in between."""
    j, n = i, len(s.low)
    for k, w in enumerate(words):
        if k:
            gap = 0
            while j < n and (s.pos[j] in ("RB", "RBR", "RBS") or s.low[j] in _QUOTE_MARKS) and s.low[j] != w and s.lem[j] != w and gap < 2:
                j += 1
                gap += 1
        if j >= n:
            return None
        if s.low[j] != w and s.lem[j] != w and not (w == "favor" and s.low[j] == "favour"):
            return None
        j += 1
    return j


def _np_left(s: _Sent, j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token j (inclusive), walking left; None when there is none."""
    # skip a ", which ... ," relative clause between subject and verb
    # skip a ", which ... ," relative clause or a ", at the request of X," phrase before the verb
    if j >= 0 and s.low[j] == ",":
        for k in range(j - 1, 0, -1):
            if s.low[k] == ",":
                inner = range(k + 1, j)
                if (s.low[k + 1] in _REL - {"that"} or s.pos[k + 1] == "IN"
                        or (j - k <= 3 and not any(s.pos[x].startswith("VB") for x in inner))
                        or (s.pos[k + 1] in ("VBN", "VBD") and k + 2 < j and s.low[k + 2] == "by")):  # ", goaded by X,"
                    j = k - 1
                    break
                return None
        else:
            return None
    if j >= 1 and s.low[j] in _DASHES:
        # "Trump's running mate — Indiana Gov. Mike Pence — has thrown": the name between the dashes
        k = next((k for k in range(j - 1, max(-1, j - 12), -1) if s.low[k] in _DASHES), None)
        if k is None or k + 1 > j - 1:
            return None
        inner = (k + 1, j - 1)
        if all(s.pos[x] in _NP_POS or s.low[x] in (",", "and", "of") for x in range(*inner)) \
                and any(s.pos[x].startswith("NNP") for x in range(inner[0], inner[1] + 1)) and s.low[k + 1] not in _QUANTIFIERS:
            j = inner[1]
        else:
            return None
    end = j
    if j >= 0 and s.pos[j] == "PRP":
        return (j, j)  # a personal pronoun is a noun phrase on its own ("said on Wednesday it was")
    while j >= 0:
        p, w = s.pos[j], s.low[j]
        if p in _NP_POS or w in ("-", "'s", "’s") or (p in ("VBN", "VBG") and j > 0 and s.pos[j - 1] in ("DT", "JJ", "PRP$") and j < end):
            j -= 1
        elif w in ("and", "&") and j > 0 and s.pos[j - 1] in _NP_POS:
            j -= 1
        elif w in _NP_PREP and j > 0 and s.pos[j - 1] in ("NN", "NNS", "NNP", "NNPS") and j < end:
            j -= 1
        else:
            break
    if j == end:
        return None
    start = j + 1
    # "not only X, but Y" and sentence-initial conjunctions are not part of the subject
    while start <= end and s.low[start] in ("and", "but", "or"):
        start += 1
    return (start, end) if start <= end else None


def _verb_here(s: _Sent, i: int) -> bool:
    """Token i is a verb, or stands where only a verb can ("will probably back", "to back")."""
    if s.pos[i].startswith("VB"):
        return True
    if i > 0 and s.low[i - 1] in ("i", "we", "they", "you", "he", "she") and s.pos[i - 1] == "PRP":
        return True  # right after a subject pronoun only a verb can stand ("I like Paul", tagged as a preposition)
    j = i - 1
    while j >= 0 and s.pos[j] in ("RB", "RBR", "RBS"):
        j -= 1
    return j >= 0 and (s.pos[j] == "MD" or s.low[j] == "to") and i + 1 < len(s.pos) and (
        s.pos[i + 1] in ("DT", "PRP$", "NNP", "NNPS", "CD", "JJ", "PRP") or (s.low[j] == "to" and s.low[i + 1] == ","))


def _experiencer_verb(s: _Sent, i: int) -> bool:
    """A finite verb such as "worries", also when the tagger took it for a plural noun
    ("the prospect still worries Moscow": NNS between an adverb or noun and a proper noun)."""
    if s.pos[i] in ("VBZ", "VBD", "VBP"):
        return True
    return (s.pos[i] == "NNS" and 0 < i < len(s.pos) - 1 and s.pos[i + 1] in ("NNP", "NNPS", "PRP")
            and (s.pos[i - 1].startswith("RB") or s.pos[i - 1].startswith("NN")))


def _np_right(s: _Sent, i: int) -> tuple[int, int] | None:
    j, n = i, len(s.low)
    while j < n and (s.pos[j] in _NP_POS or s.low[j] in ("-", "'s", "’s")):
        j += 1
    return (i, j - 1) if j > i else None


def _verb_group_start(s: _Sent, i: int, negs: set) -> int:
    j = i - 1
    while j >= 0 and (s.pos[j] in _SKIP_POS or s.lem[j] in _AUX or s.low[j] in negs or s.pos[j].startswith("VB")
                      or s.low[j] == "themselves"):
        if s.low[j] in _QUANTIFIERS and (j == 0 or not (s.pos[j - 1].startswith(("VB", "MD")) or s.lem[j - 1] in _AUX)):
            break  # "although most oppose it": "most" is the subject, not an adverb of the verb
        j -= 1
    return j + 1


def _target_right(s: _Sent, i: int) -> tuple[int, int] | None:
    j, n = i, len(s.low)
    while j < n and j - i < _MAX_TARGET and (s.low[j] not in _BOUNDARY or s.pos[j] == "POS"):
        if j > i and s.low[j] in ("and", "but", "or") and j + 1 < n and s.pos[j + 1] in ("VBD", "VBZ", "VBP", "VBN"):
            break  # "... and stated the need for": a second verb phrase starts
        if j > i and s.low[j] in _NOT_TARGET_START and s.pos[j] in ("IN", "WRB"):
            break  # "endorsed Smith before backing Jones": a time clause is not part of the target
        j += 1
    return (i, j - 1) if j > i else None


# --------------------------------------------------------------------------------------------
# linking phrases to actors


class _Actors:
    """The article's actor mentions and quotes, indexed by start offset for bisection."""

    def __init__(self, doc):
        try:
            m = doc.mentions
        except AttributeError:
            m = pd.DataFrame(columns=["start", "end", "actor_id", "actor", "actor_type"])
        try:
            q = doc.quotes
        except AttributeError:
            q = pd.DataFrame(columns=["start", "end", "speaker_id", "speaker"])
        def values(frame, name):
            col = column_values(frame, name)
            if isinstance(col, pd.arrays.ArrowStringArray):
                return col.__arrow_array__().to_pylist()  # missing values as None, directly
            return [None if v is pd.NA or (isinstance(v, float) and v != v) else v for v in col.tolist()]

        self.m = list(zip(column_values(m, "start").tolist(), column_values(m, "end").tolist(), values(m, "actor_id"),
                          values(m, "actor"), values(m, "actor_type") if "actor_type" in m else [None] * len(m))) if len(m) else []
        self.q = list(zip(column_values(q, "start").tolist(), column_values(q, "end").tolist(), values(q, "speaker_id"),
                          values(q, "speaker"))) if len(q) else []
        # mentions with an actor name, sorted by (start, table order); "first in table order" is the
        # first found in this order when the table itself is in start order (the actors layer's order)
        named = sorted(((ms, k) for k, (ms, _me, _aid, name, _kind) in enumerate(self.m) if isinstance(name, str) and name))
        self._m_order = [k for _ms, k in named]
        self._m_starts = [ms for ms, _k in named]
        self._m_in_table_order = self._m_order == sorted(self._m_order)
        # quotes: bisect when they are in start order and do not overlap, else the plain scan
        self._q_starts = [qs for qs, *_ in self.q]
        self._q_bisect = all(self.q[k][1] <= self.q[k + 1][0] and self.q[k][0] <= self.q[k + 1][0]
                             for k in range(len(self.q) - 1))

    def in_span(self, start: int, end: int):
        """The first mention (in table order) with an actor inside [start, end)."""
        best = None
        for k in range(bisect_left(self._m_starts, start), len(self._m_starts)):
            if self._m_starts[k] > end:
                break
            idx = self._m_order[k]
            if self.m[idx][1] <= end and (best is None or idx < best):
                best = idx
                if self._m_in_table_order:
                    break
        if best is None:
            return None
        _ms, _me, aid, name, kind = self.m[best]
        return aid, name, kind

    def person_in_span(self, start: int, end: int):
        """The last person mention inside [start, end), or None."""
        found = None
        for k in range(bisect_left(self._m_starts, start), len(self._m_starts)):
            if self._m_starts[k] > end:
                break
            _ms, me, aid, name, kind = self.m[self._m_order[k]]
            if kind == "person" and me <= end:
                found = (aid, name, kind)
        return found

    def quote_at(self, pos: int):
        """The first quote (in table order) around ``pos``."""
        if self._q_bisect:
            # in start order without overlaps, only the last quote starting at or before pos can hold it
            k = bisect_right(self._q_starts, pos) - 1
            if k >= 0 and self.q[k][0] <= pos < self.q[k][1]:
                return self.q[k][2], self.q[k][3]
            return None
        for qs, qe, sid, spk in self.q:
            if qs <= pos < qe:
                return sid, spk
        return None


def _clean(value):
    return None if value is None or (isinstance(value, float) and value != value) or value is pd.NA else value


# --------------------------------------------------------------------------------------------
# reading the cue's clause (analysis.clauses)

#: verbs whose infinitive complement's stance is the governor's wish, not its subject's
#: ("X urged Y to back Z": Y has taken no position)
_OBJECT_CONTROL = frozenset({"urge", "ask", "call", "press", "push", "encourage", "invite", "request", "tell", "order",
                             "force", "persuade", "pressure", "lobby", "want", "expect", "allow", "advise", "warn",
                             "implore", "appeal", "require", "challenge"})
#: participles that say how their subject stands ("is opposed to", "was concerned about")
_STATIVE = frozenset({"oppose", "concern", "interest", "commit", "worry", "alarm", "disappoint", "satisfy", "please",
                      "delight", "dismay", "devote", "determine", "trouble", "disturb", "frustrate", "encourage",
                      "opposed", "concerned", "interested", "committed", "worried"})
#: governors that deny what their complement says ("refused to back", "failed to condemn")
_NEGATING_GOVERNORS = frozenset({"refuse", "fail", "decline", "reject", "stop", "cease", "abandon", "refrain", "abstain"})
#: governors that leave it open ("is expected to back", "seemed to oppose")
_HEDGING_GOVERNORS = frozenset({"seem", "appear", "expect", "plan", "intend", "consider", "threaten", "hope", "tend",
                                "likely", "unlikely"})
#: words before a gerund or an infinitive that deny it ("little prospect of America agreeing")
_NEGATING_PHRASES = (("little", "prospect", "of"), ("no", "prospect", "of"), ("little", "chance", "of"),
                     ("no", "chance", "of"), ("little", "hope", "of"), ("no", "sign", "of"), ("little", "sign", "of"),
                     ("unlikely", "to"), ("no", "intention", "of"), ("little", "likelihood", "of"),
                     ("no", "question", "of"), ("refused", "to"), ("failed", "to"), ("yet", "to"))
#: words that put a clause in doubt rather than assert it ("asked whether he would back", "if she backs")
_OPEN_QUESTION = frozenset({"whether", "if"})
#: subject pronouns: "told the Post he was ready" -> the holder is "he", not "the Post he"
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
#: cues of choosing among rivals: declining them all ("not endorsing any candidate") is neutral
_CHOICE_CUES = frozenset({"endorse", "back", "support", "endorsement", "backing", "vote for"})
_DASHES = frozenset({"—", "–", "--", "―"})
_QUANTIFIERS = frozenset({"most", "many", "some", "all", "both", "few", "several", "others", "none"})
_TIME_HEADS = frozenset({"week", "month", "year", "day", "today", "yesterday", "tomorrow", "monday", "tuesday",
                         "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "morning", "evening",
                         "night", "time", "decade", "century"})


def _clause_at(cs, i: int, j: int):
    """The clause of the sentence ``cs`` whose verb group holds one of the cue's tokens i..j-1;
    else the clause whose verb group is nearest before the cue within the clause's extent."""
    for k in range(i, j):
        g = cs.group_of[k] if k < len(cs.group_of) else -1
        if g >= 0:
            return cs.clauses[g]
    for k in range(min(i, len(cs.group_of) - 1), -1, -1):  # the nearest verb group before the cue
        g = cs.group_of[k]
        if g >= 0:
            for x in range(g, -1, -1):
                c = cs.clauses[x]
                if c.start <= i <= c.end:
                    return c
                if c.end < k - 40:
                    break
            return None
    return None


def _governing_negation(cs, c) -> tuple[bool, bool]:
    """``(negated, hedged)`` from the words that govern clause c: the verb whose complement it is
    ("refused to", "did not agree to", "seemed to") and phrases before it ("little prospect of")."""
    negated = hedged = False
    g = c.gov if c.relation in ("complement", "reported") or c.kind in ("inf", "ger") else None
    if g is not None and c.kind in ("inf", "ger"):
        lemma = cs.lem[g.main]
        if lemma in _NEGATING_GOVERNORS:
            negated = True
        if g.negated:
            negated = not negated
        if lemma in _HEDGING_GOVERNORS or g.hedged:
            hedged = True
    a = c.subj[0] if c.subj is not None and c.own_subject and c.subj[0] < c.vs else c.vs
    before = cs.low[max(0, a - 3):a]
    if c.kind == "inf" and g is None:
        # "has yet to endorse", "was not ready to back": the finite verb just before denies it
        fin = _governing_finite(cs, c)
        if (before and before[-1] in ("yet", "refusal", "failure", "reluctance")) or (fin is not None and c.vs - fin.ve <= 4 and (
                fin.negated or any(w in ("not", "n't", "never") for w in cs.low[fin.vs:c.vs]))):
            negated = True
    for phrase in _NEGATING_PHRASES:
        if tuple(before[-len(phrase):]) == phrase:
            negated, hedged = True, True
            break
    return negated, hedged


def _phrase_right(cs, j: int, c):
    """The whole phrase a cue ending before token j is about: an infinitive or that-clause to its
    end, else a noun phrase with its attachments and the infinitive it governs ("urged the
    ministers to protect the fishing grounds"); None when there is none."""
    n = len(cs.low)
    if j >= n:
        return None
    g = cs.group_of[j]
    if g >= 0:
        other = cs.clauses[g]
        if other.kind in ("inf", "ger"):
            return (j, max(other.end, other.ve))
        return None
    if cs.low[j] == "to" and j + 1 < n and cs.group_of[j + 1] >= 0:
        other = cs.clauses[cs.group_of[j + 1]]
        return (j + 1, max(other.end, other.ve))
    if cs.low[j] == "that" and c is not None and c.obj is not None and c.obj[0] == j:
        return (j + 1, c.obj[1]) if c.obj[1] > j else None
    span = np_right(cs, j, n)
    if span is None:
        return None
    k = span[1] + 1
    if k < n and cs.group_of[k] >= 0:
        other = cs.clauses[cs.group_of[k]]
        if other.kind == "inf" and other.vs == k:
            return (span[0], max(other.end, other.ve))
    return span


def _governing_finite(cs, c):
    """The finite clause a non-finite clause c depends on: its governor when that is finite, else
    the nearest finite clause ending before it ("went on the record endorsing Y", "was dedicating
    money to combat Y", "has yet to endorse Y"); None when there is none."""
    g = c.gov
    if g is not None and g.kind == "fin":
        return g
    best = None
    for other in cs.clauses:
        if other is c or other.ve >= c.vs:
            break
        if other.kind == "fin" and other.relation != "relative":
            best = other
    return best


def _in_question(cs, c) -> bool:
    """Is clause c (or the finite clause it depends on) an open question or a condition:
    "asked whether he would back Y", "if she backs Y", "a vote on whether to endorse Y"?"""
    for x in (c, _governing_finite(cs, c) if c.kind in ("inf", "ger") else None):
        if x is None:
            continue
        a = x.subj[0] if x.subj is not None and x.own_subject and x.subj[0] < x.vs else x.vs
        if a > 0 and cs.low[a - 1] in _OPEN_QUESTION:
            return True
    return False


#: cues that before an infinitive say nothing about a target ("refused to answer", "hate to say it")
_BEFORE_INFINITIVE = frozenset({"refuse", "decline", "hate", "love", "like"})
#: heads that name texts and rules, not someone who holds a view ("the amendment would repeal")
_NOT_HOLDERS = frozenset({"amendment", "bill", "measure", "provision", "legislation", "law", "rule", "regulation"})
#: words that open a time or reason clause, never a target ("endorse until the nominee is known")
_NOT_TARGET_START = frozenset({"until", "before", "after", "since", "while", "because", "when", "as", "if", "unless",
                               "although", "though", "whereas", "once"})


#: tags of words that can name something (a target must hold one)
_NAMING_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD", "FW", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


def _attributive(s, i: int) -> bool:
    """Is the participle at i inside a noun phrase ("a well respected senator", "the backing group")?"""
    k = i - 1
    while k >= 0 and s.pos[k] in ("RB", "RBR", "RBS"):
        k -= 1
    return k >= 0 and s.pos[k] in ("DT", "PRP$", "JJ") and i + 1 < len(s.pos) and s.pos[i + 1].startswith("NN")


def _target_ok(s, span) -> bool:
    """A target names something: not a bare adverb ("endorsing late") nor a time clause ("until ...")."""
    a, b = span
    if s.low[a] in _NOT_TARGET_START and s.pos[a] in ("IN", "WRB"):
        return False
    return s.low[a] in _QUANTIFIERS or not _NAMING_TAGS.isdisjoint(s.pos[a:b + 1])


def _colon_speaker(s, k: int):
    """ "Clinton: I support statehood", "Carly Fiorina Endorses Cruz: I Am Horrified": the name
    that opens the sentence before a colon, when *I* / *we* at token k follow that colon."""
    colon = next((m for m in range(1, min(k, 12)) if s.low[m] == ":"), None)
    if colon is None or any(s.low[m] in _BOUNDARY for m in range(colon + 1, k)):
        return None
    end = 0
    while end < colon and s.pos[end] in ("NNP", "NNPS") or (end < colon and s.low[end] in ("-", ".")):
        end += 1
    return (0, end - 1) if end > 0 and (end == colon or s.pos[end].startswith("VB") or s.pos[end] == "NNP") else None


def _gerund_object_holder(s, c):
    """ "attacked X for opposing Y", "accused X of endorsing Y", "thanked X for backing Y": X holds
    the gerund's stance (the noun phrase between the governing verb and *for* / *of*)."""
    k = c.vs - 1
    if c.kind == "ger" and k >= 2 and s.low[k] == "and":
        # "applauded him for defying X and fighting for Y": the first gerund's
        first = next((o for o in reversed(s.clauses) if o.kind == "ger" and o.ve < k and o is not c), None)
        return _gerund_object_holder(s, first) if first is not None and first.ve >= k - 8 else None
    if c.kind != "ger" or k < 2 or s.low[k] not in ("for", "of"):
        return None
    span = _np_left(s, k - 1)
    if span is None or span[0] == 0 or not s.pos[span[0] - 1].startswith("VB"):
        return None
    return span


def _participle_holder(s, c, vg: int, actors):
    """ "taken heat from a civil rights group demanding Y", "the super PAC backing Bush": a
    participle right after a noun phrase that names someone modifies it; that phrase holds the
    stance (not the subject of the clause around it). None when the noun phrase names no one
    ("went on the record endorsing Y")."""
    if vg != c.vs or vg == 0 or not s.pos[vg - 1].startswith("NN"):
        return None
    span = _np_left(s, vg - 1)
    if span is None:
        return None
    a, b = span
    cut = max((k for k in range(a, b) if s.pos[k] == "IN" and s.low[k] != "of"), default=None)
    if cut is not None:
        a = cut + 1  # "pressure from a union demanding Y": the union
        span = (a, b)
    if actors.in_span(s.st[a], s.en[b]) is None and not any(p.startswith("NNP") for p in s.pos[a:b + 1]) \
            and s.lem[b] not in _GROUP_NOUNS:
        return None
    return span


#: nouns for people acting together ("a union demanding Y", "activists backing Y")
_GROUP_NOUNS = frozenset({"group", "union", "organization", "organisation", "committee", "coalition", "party", "campaign",
                          "pac", "association", "council", "movement", "activist", "lawmaker", "voter", "senator",
                          "company", "firm", "donor", "leader", "official", "member", "supporter", "critic", "protester",
                          "candidate", "legislator", "governor", "mayor", "federation", "alliance", "caucus"})


#: prepositions that bring the target of a stance noun ("support for Y", "opposition to Y", "attacks on Y")
_NOUN_TARGET_PREPS = frozenset({"of", "for", "to", "on", "behind", "against", "toward", "towards", "over", "with"})
#: prepositions that bring its holder ("endorsements from unions", "support among voters")
_NOUN_SOURCE_PREPS = frozenset({"from", "among"})
#: verbs whose subject is the one a stance noun is given to ("received the endorsement of X")
_RECEIVE = frozenset({"receive", "win", "get", "secure", "earn", "gain", "land", "lock", "pick", "draw", "attract", "collect"})
#: nouns for people by the stance they hold ("a backer of Y", "Y's supporters")
_AGENT_NOUNS = frozenset({"supporter", "backer", "proponent", "advocate", "opponent", "critic", "foe"})
_GIVE = frozenset({"give", "lend", "offer", "hand", "throw"})
_POSSESSED_AGENTS = frozenset({"supporter", "backer", "critic"})
#: verbs whose subject holds the stance noun they take ("X has praise for Y", "X voiced criticism of Y")
_LIGHT_VERBS = frozenset({"have", "express", "voice", "offer", "give", "show", "lend", "declare", "signal", "state",
                          "reiterate", "repeat"})


def _clause_subject_before(cs, i: int):
    """The subject of the nearest clause whose verb group ends before token i and whose extent
    holds it (not a relative clause): "Clinton locked up endorsements from unions" -> Clinton."""
    best = None
    for c in cs.clauses:
        if c.subj is not None and c.subj[0] <= i <= c.subj[1]:
            return None  # the noun is itself in a subject: "the endorsements from X can be seen as ..."
    for c in cs.clauses:
        if c.ve >= i:
            break
        if c.subj is not None and c.relation != "relative" and c.subj[1] < i and c.end >= i \
                and not _NAMING_TAGS.isdisjoint(cs.pos[c.subj[0]:c.subj[1] + 1]):
            best = c.subj
    return best


def _noun_frame(s, cs, i: int, j: int, words=()):
    """``(holder_span, holder_from, target_span)`` of a stance noun at tokens i..j-1, or None.

    * "X's / his (energetic) endorsement of Y", "Trump's opposition to Y": holder X, target Y;
    * "endorsements from X", "support among X": holder X, target the possessor or the clause's
      subject ("Clinton locked up endorsements from unions");
    * "Z received the endorsement of X": holder X, target Z;
    * agent nouns: "Y's backers" (holder the noun, target Y), "X, (as) a backer of Y" and "X is a
      proponent of Y" (holder X, target Y).
    """
    n = len(s.low)
    k = i - 1
    while k >= 0 and i - k <= 3 and s.pos[k] in ("JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN", "VBG") \
            and s.low[k] not in ("own",):
        k -= 1
    if k >= 0 and s.low[k] == "own":
        k -= 1
    poss = None
    if k >= 0 and s.pos[k] == "PRP$":
        poss = (k, k)
    elif k >= 1 and s.low[k] in ("'s", "’s", "'", "’"):
        left = _np_left(s, k - 1)
        if left is not None:
            poss = (left[0], k - 1)
    after = None
    if len(words) > 1 and j < n:
        after = _phrase_right(cs, j, None) or _target_right(s, j)  # "refusal to endorse Y", "bias against Y"
    elif j < n and s.low[j] in _NOUN_TARGET_PREPS and j + 1 < n:
        after = _phrase_right(cs, j + 1, None) or _target_right(s, j + 1)
    js = j + 1 if j + 1 < n and s.pos[j] == "RB" and s.low[j + 1] in _NOUN_SOURCE_PREPS else j  # "criticism even from X"
    if js < n and s.low[js] in _NOUN_SOURCE_PREPS and js + 1 < n:
        if js + 2 < n and s.low[js + 1] in ("within", "inside"):
            js += 1  # "from within his own party"
        src = _np_right(s, js + 1)
        if src is None:
            return None
        target = poss or _clause_subject_before(cs, i)
        return (src, "from", target) if target is not None else None
    lemma = s.lem[i]
    if lemma in _POSSESSED_AGENTS and poss is None and after is None and i > 0 and s.pos[i - 1] in ("NNP", "NNPS"):
        # "Trump supporters", "a Cruz backer": the name before the noun is the target
        m = i - 1
        while m > 0 and s.pos[m - 1] in ("NNP", "NNPS") and i - m < 3:
            m -= 1
        if m > 0 and s.low[m - 1] in ("a", "an"):
            # "Graham, a former candidate and a Cruz supporter": the name before the appositive;
            # "Graham is a Cruz supporter": the subject
            d = m - 2
            if d >= 0 and s.lem[d] == "be":
                holder = _clause_subject_before(cs, i)
                return (holder, "subject", (m, i - 1)) if holder is not None else None
            while d > 0 and m - d < 10 and s.low[d] != ",":
                d -= 1
            if d > 0 and s.low[d] == ",":
                e = d - 1
                if s.low[e] == ")":
                    e = next((x for x in range(e - 1, max(-1, e - 8), -1) if s.low[x] == "("), 0) - 1  # "Graham (R-S.C.), a ..."
                holder = _np_left(s, e) if e >= 0 else None
                if holder is not None and any(p.startswith("NNP") for p in s.pos[holder[0]:holder[1] + 1]):
                    return (holder, "subject", (m, i - 1))
            return None
        if m == 0 or s.pos[m - 1] in ("DT", "JJ", "CD", "PRP$", "IN", ",", "CC", "VBD", "VBZ", "VBP", "VB"):
            return ((m, i), "subject", (m, i - 1))
    if lemma in _AGENT_NOUNS:
        if poss is not None and after is None:
            # "Sanders' backers", "Trump's critics" (not "his opponent": a rival in a race)
            return ((i, i), "subject", poss) if lemma in _POSSESSED_AGENTS else None
        if after is None:
            return None  # "the party's proponent of Y": the party is not the target
        if poss is not None:
            d = poss[0]  # "Graham, Congress' most zealous advocate for Y"
        else:
            d = k if k >= 0 and s.pos[k] == "DT" else k + 1  # the determiner of "a backer"
        d -= 1
        while d >= 0 and s.pos[d] in ("DT", "RB"):
            d -= 1  # "is perhaps the party's proponent of Y"
        if d >= 0 and s.low[d] == "as":
            d -= 1
        if d >= 0 and s.low[d] == ",":
            holder = _np_left(s, d - 1)
        elif d >= 0 and s.lem[d] == "be":
            holder = _clause_subject_before(cs, i)
        else:
            holder = None
        return (holder, "subject", after) if holder is not None else None
    if poss is not None:
        if after is None:
            return None
        if poss[0] == poss[1] and s.pos[poss[0]] == "PRP$" and poss[0] > 0 and s.pos[poss[0] - 1].startswith("VB") \
                and s.low[poss[0]] in ("his", "her", "their", "its"):
            # "several of them indicated their support for Y": the one who indicates it
            holder = _clause_subject_before(cs, i)
            if holder is not None:
                return (holder, "subject", after)
        return (poss, "subject", after)
    # "Z received the endorsement of X"; "X has praise for Y", "X voiced strong criticism of Y"
    d = k
    while d >= 0 and s.pos[d] in ("DT", "JJ", "CD", "PRP$"):
        d -= 1
    if d >= 0 and s.lem[d] in _LIGHT_VERBS and after is not None and s.pos[d].startswith("VB"):
        holder = _clause_subject_before(cs, i)
        return (holder, "subject", after) if holder is not None else None
    if d >= 0 and s.lem[d] in _RECEIVE and j < n and s.low[j] == "of" and after is not None:
        target = _clause_subject_before(cs, i)
        return (after, "from", target) if target is not None else None
    # "gave Clinton the nod", "lent the mayor its backing": the one given it is the target
    if d >= 1 and s.pos[d].startswith(("NNP", "PRP", "NN")) and k >= 0 and s.pos[k] in ("DT", "PRP$"):
        io = _np_left(s, d)
        if io is not None and io[0] > 0 and s.lem[io[0] - 1] in _GIVE:
            holder = _clause_subject_before(cs, io[0])
            return (holder, "subject", io) if holder is not None else None
    return None


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
    if a >= 2 and s.low[a] in ("a", "an") and s.low[a - 1] == ",":
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
    if words and words[-1] in _QUANTIFIERS:
        return True  # "most oppose it", "many believe"
    if not any(p.startswith(("NN", "PRP", "CD", "FW")) for p in s.pos[a:b + 1]):
        return False
    # the head noun is before a preposition: "Donald Trump on Friday" is Trump, not a day
    cut = next((k for k in range(a + 1, b + 1) if s.pos[k] == "IN"), b + 1)
    pos = s.pos[a:cut] if any(p.startswith("NN") for p in s.pos[a:cut]) else s.pos[a:b + 1]
    words = s.low[a:a + len(pos)]
    head = next((w for w, p in zip(reversed(words), reversed(pos)) if p.startswith("NN")), None)
    return head not in _TIME_HEADS


# --------------------------------------------------------------------------------------------
# the layer


@lru_cache(maxsize=1)
def _empty_table() -> pd.DataFrame:
    """The table with no rows (built once: ``astype`` costs milliseconds; callers get a copy)."""
    out = pd.DataFrame([], columns=COLUMNS)
    out["stance_id"] = range(1, 1)
    return out.astype({"target_start": "Int64", "target_end": "Int64", "clause_id": "Int64"})


_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from",
                          "as", "vs", "vs.", "'s", "’s", "is", "are"})
_HEADLINE_NP = frozenset({"NNP", "NNPS", "NN", "NNS", "DT", "JJ", "POS", "CD"})


def _title_case(s, text: str) -> bool:
    """A headline in title case: most words (not the small ones) start with a capital."""
    if len(s.low) > 30:
        return False
    caps = low = 0
    for k, w in enumerate(s.low):
        if w in _SMALL_WORDS or not w.isalpha():
            continue
        if text[s.st[k]].isupper():
            caps += 1
        else:
            low += 1
            if low > 1 or low * 4 > caps:
                return False  # a lower-case word early on: running text
    return caps >= 4 and low * 5 <= caps


def _stem_cue(word: str, index, following=()):
    """The verb cue an inflected headline word stands for ("Endorses" -> endorse), or None; with the
    words that follow it, a cue of several words too ("Pull Support For": found as (cue, stem, 3))."""
    for stem in (word, word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None,
                 word[:-1] if word.endswith("ed") else None, word[:-2] if word.endswith("ed") else None):
        if stem:
            for words, cue in index.get(stem, ()):
                if len(words) == 1 and cue["kind"] == "verb":
                    return cue, stem
            if following:
                for words, cue in index.get(stem, ()):
                    if cue["kind"] == "verb" and 1 < len(words) <= len(following) + 1 and words[0] != "be" \
                            and list(following[:len(words) - 1]) == list(words[1:]):
                        return cue, stem, len(words)
    return None


def _headline_cues(s, index):
    """``(cue token, holder span, target span, label, negated, last cue token, pattern)`` for the verb cues of a title-case
    headline: the names before the verb hold the stance, the names after it are its target
    ("Ted Cruz Refuses to Disavow ...": negated)."""
    n = len(s.low)
    out = []
    for k in range(1, n - 1):
        if not s.pos[k].startswith(("NNP", "NNS", "VB")) and s.low[k - 1] != "to":
            continue
        found = _stem_cue(s.low[k], index, s.low[k + 1:k + 4])
        if found is None or found[1] in ("refuse", "decline"):
            continue
        cue = found[0]
        last = k + found[2] - 1 if len(found) > 2 else k  # the cue's last word
        negated = False
        h = k - 1
        while h >= 0 and s.pos[h].startswith("RB"):
            h -= 1  # "Trump Finally Endorses"
        if h >= 1 and s.low[h] == "to":
            gov = _stem_cue(s.low[h - 1], index)
            if gov is not None and gov[1] in ("refuse", "decline") or s.low[h - 1] in ("fails", "failed", "refuses", "refused"):
                negated = True
                h -= 2
            else:
                continue
        b = h
        while h >= 0 and (s.pos[h] in _HEADLINE_NP or s.low[h] == "-"):
            h -= 1
        if b == h and b >= 0 and s.low[b] == "and" and out and out[-1][2][1] == b - 1:
            h, b = out[-1][1][0] - 1, out[-1][1][1]  # "Le Pen Backs Trump And Denounces Clinton": the same holder
        t = last + 1
        while t < n and (s.pos[t] in _HEADLINE_NP or s.low[t] == "-") and not (t > last + 1 and s.low[t] in _SMALL_WORDS - {"'s", "’s"}):
            t += 1
        if b < h + 1 or t == last + 1:
            continue
        label = cue["stance"]
        if negated:
            label = {"favor": "against", "against": "neutral", "neutral": "neutral"}[label]
        out.append((k, (h + 1, b), (last + 1, t - 1), label, negated, last, cue["cue"]))
    return out


_NAMING_VERBS = frozenset({"call", "calls", "called", "calling", "branded", "brands", "labeled", "labelled", "dubbed"})
#: how strongly the words of "called X <words>" must lean (VADER valence summed) to say favour or against
_NAMING_VALENCE = 1.0


def _naming_cues(cs):
    """``(verb token, holder span, target span, label)`` for "X called Y a liar / a champion / a
    mistake": the label is the lean of the words Y is called (VADER's lexicon, summed), the holder
    the verb's subject, the target Y. Words that lean neither way give no row."""
    lex = _valence_lexicon()
    n = len(cs.low)
    out = []
    for k in range(1, n - 2):
        if cs.low[k] not in _NAMING_VERBS or not cs.pos[k].startswith("VB"):
            continue
        if cs.low[k + 1] in ("for", "on", "off", "out", "up", "it", "back", "in"):
            continue  # "called for", "called on": other cues; "called it" / "call back": no naming
        x = np_right(cs, k + 1, n, attach=True)
        if x is None:
            continue
        y0 = x[1] + 1
        # "called the senator a nasty guy": the object stops where the second noun phrase starts
        for m in range(k + 2, x[1] + 1):
            if cs.low[m] in ("a", "an") or cs.low[m] in ('"', "“"):
                x, y0 = (x[0], m - 1), m
                break
        if y0 >= n or x[1] < x[0]:
            continue
        y1 = y0
        while y1 < n and cs.low[y1] not in (".", ";", "!", "?") and not (cs.low[y1] in ("because", "after", "for", "when", "as")):
            y1 += 1
        words = [w for w in cs.low[y0:y1] if w.isalpha()]
        if not words or not any(cs.pos[m].startswith(("NN", "JJ")) for m in range(y0, y1)):
            continue
        score = sum(lex.get(w, 0.0) for w in words)
        if abs(score) < _NAMING_VALENCE:
            continue
        c = _clause_at(cs, k, k + 1)
        subj = c.subj if c is not None and c.subj is not None else _np_left(cs, k - 1)
        if subj is None or not _holder_ok(cs, subj):
            continue
        out.append((k, _pronoun_head(cs, subj), x, "favor" if score > 0 else "against"))
    return out


#: how strongly a reported clause must lean (VADER's word valences, summed) to say how its speaker stands on its subject
_REPORTED_VALENCE = 1.5
_SPEECH_VERBS = frozenset(_REPORTING | {"tweet", "post", "explain", "suggest", "believe", "think"})
#: verbs of a reported clause that say what its subject thinks or plans, not how it is judged
_NOT_EVALUATING = frozenset({"say", "think", "believe", "mean", "need", "plan", "want", "hope", "know", "tell", "claim",
                             "expect", "feel", "seem", "appear", "ask", "deny", "insist", "argue", "add", "write"})
_VALENCE_NEGATORS = frozenset({"not", "n't", "n’t", "never", "no", "nothing", "nobody", "neither", "nor", "without"})
_NOT_EVALUATED = frozenset({"i", "we", "me", "us", "it", "this", "that", "there", "these", "those", "you", "what", "which"})


_VADER: list = []  # the sentiment module's VADER getter, imported on first use (import analysis stays light)


def _valence_lexicon() -> dict:
    """VADER's word valences (with the user's overrides)."""
    if not _VADER:
        from .sentiment import _vader

        _VADER.append(_vader)
    return _VADER[0]().lexicon


_STRONG: list = []  # [lexicon, the words of it that lean at least 1.0 either way]


def _strong_words() -> frozenset:
    """The words that lean clearly (|valence| >= 1.0): a sentence without one is not read for
    evaluations."""
    lex = _valence_lexicon()
    if not _STRONG or _STRONG[0] is not lex:
        _STRONG[:] = [lex, frozenset(w for w, v in lex.items() if abs(v) >= 1.0)]
    return _STRONG[1]


def _reported_evaluations(cs, actors, text):
    """``(clause, holder span or None, target span, label)`` for what someone says of someone else in
    words that lean clearly one way, with no stance word: "Clinton represents a continuation of the
    same failed policies, she said" (she is against Clinton), "Westmacott said that Obama shows great
    charm" (for Obama). The target is the reported clause's subject, which must name an actor (or be
    *he* / *she* / *they*); the lean is the sum of VADER's word valences in the clause (a word
    within three after a negation turned round, as VADER does).
    The holder is the subject of the reporting verb, else the quotation's speaker (span None)."""
    out = []
    lex = None
    for c in cs.clauses:
        if c.relation != "reported" or c.kind != "fin" or c.subj is None or c.voice == "passive":
            continue
        a, b = c.subj
        if cs.low[a] in _NOT_EVALUATED or cs.lem[c.main] in _NOT_EVALUATING or "NNP" not in cs.pos[a:b + 1]:
            continue
        # the subject is a name: its head (before a preposition or "and") is a proper noun
        cut = next((k for k in range(a, b + 1) if cs.pos[k] in ("IN", "CC") or cs.low[k] == ","), b + 1)
        if cut == a or not cs.pos[cut - 1].startswith("NNP"):
            continue
        g = c.gov
        if g is None or g.subj is None or cs.lem[g.main] not in _SPEECH_VERBS:
            # "'Smith represents failed policies,' she said": the speech clause after the quotation
            g = next((r for r in cs.clauses if r.kind == "fin" and r.subj is not None and r.relation == "main"
                      and cs.lem[r.main] in _SPEECH_VERBS and r is not c and (r.vs > c.ve or r.ve < c.vs)
                      and cs.in_quote[c.vs] and not cs.in_quote[r.vs]), None)
        if g is None or g.voice == "passive" or cs.low[g.subj[0]] in _FIRST_PERSON or (g.subj[0] <= b and a <= g.subj[1]) \
                or cs.low[g.subj[1]] in _NO_ONE:
            continue
        if any(o is not c and o.relation == "reported" and o.kind == "fin" and (o.gov is g or o.gov is None) and o.vs < c.vs
               and o.vs > (g.ve if g.ve < c.vs else -1) for o in cs.clauses):
            continue  # only the first clause said: "X said Y did a remarkable job of making Z loved"
        holder = g.subj
        n = len(cs.low)
        stop = g.vs if g is not None and g.vs > c.ve else n
        if g is not None and g.subj[0] > c.ve:
            stop = min(stop, g.subj[0])
        end = stop - 1
        for m in range(c.vs, stop):
            if cs.low[m] in ('"', "“", "”", ";", "--", "—", "–", "?") or (cs.low[m] == "," and cs.low[m + 1:m + 2] == ["but"]):
                end = m - 1
                break
        while end > c.ve and cs.low[end] in (",", ".", "!"):
            end -= 1
        if end < c.vs:
            continue
        if lex is None:
            lex = _valence_lexicon()
        score = 0.0
        low = cs.low
        for m in range(a, end + 1):
            v = lex.get(low[m])
            if v:
                if not _VALENCE_NEGATORS.isdisjoint(low[max(a, m - 3):m]):
                    v *= -0.74  # as VADER does: "doesn't look bad" leans the other way, a little less
                score += v
        if abs(score) < _REPORTED_VALENCE or _in_question(cs, c) or actors.in_span(cs.st[a], cs.en[b]) is None:
            continue  # no clear lean; "if Trump becomes president": a condition; a subject naming no actor
        out.append((c, holder, c.subj, "favor" if score > 0 else "against"))
    return out


_DEONTIC = frozenset({"should", "must", "ought"})
#: speakers who are no one in particular
_NO_ONE = frozenset({"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "people", "many", "some"})
_DEONTIC_TO = frozenset({"have", "has", "had", "need", "needs"})


def _speech_clause(cs, c):
    """The clause that reports c (its governor when that is a speech verb, else the speech clause
    outside the quotation c stands in), or None."""
    g = c.gov
    if g is None or g.subj is None or cs.lem[g.main] not in _SPEECH_VERBS:
        g = next((r for r in cs.clauses if r.kind == "fin" and r.subj is not None and r.relation == "main"
                  and cs.lem[r.main] in _SPEECH_VERBS and r is not c and (r.vs > c.ve or r.ve < c.vs)
                  and cs.in_quote[c.vs] and not cs.in_quote[r.vs]), None)
    return g


def _reported_wishes(cs):
    """``(clause, holder span, target span, "favor")`` for what someone says must or should be
    done: "Clinton said the city should build more schools", "'There has to be some form of
    punishment,' Smith said" — the speaker favours the clause (from its subject to its end). Not
    when the modal is negated ("shouldn't be cut": the wish is the opposite, and its target is
    rarely written) nor in a question or condition."""
    out = []
    low = cs.low
    n = len(low)
    for c in cs.clauses:
        if c.kind != "fin" or c.relation not in ("reported", "complement") or c.negated:
            continue
        group = low[c.vs:c.ve + 1]
        if _DEONTIC.isdisjoint(group) and not any(w in _DEONTIC_TO and k + 1 < len(group) and group[k + 1] == "to"
                                                  for k, w in enumerate(group)) \
                and not (c.ve + 1 < n and low[c.ve] in _DEONTIC_TO and low[c.ve + 1] == "to"):
            continue
        if any(w in _DEONTIC and k + 1 < len(group) and group[k + 1] == "have" for k, w in enumerate(group)):
            continue  # "she should have run from Virginia": a reproach about the past, not a wish
        g = _speech_clause(cs, c)
        if g is not None and low[_pronoun_head(cs, g.subj)[0]] in _FIRST_PERSON:
            g = _speech_clause(cs, g)  # "'... I think we have to leave it that way,' Trump said": Trump
        if g is None or g.voice == "passive" or low[g.subj[0]] in _FIRST_PERSON or _in_question(cs, c) \
                or low[g.subj[1]] in _NO_ONE:
            continue  # "Everyone says that we need to ...": no one in particular holds it
        a = c.subj[0] if c.subj is not None and c.subj[0] < c.vs else c.vs
        if g.subj[0] <= (c.subj[1] if c.subj is not None else a) and a <= g.subj[1]:
            continue
        stop = g.vs if g.vs > c.ve else n
        if g.subj[0] > c.ve:
            stop = min(stop, g.subj[0])
        end = stop - 1
        for m in range(c.vs, stop):
            if low[m] in ('"', "“", "”", ";", "--", "—", "–", "?", ".", "!") or (low[m] == "," and low[m + 1:m + 2] in (["but"], ["and"])):
                end = m - 1
                break
        while end > c.ve and low[end] in (",", ".", "!"):
            end -= 1
        if end <= c.ve:
            continue  # "we have to": nothing said of what
        out.append((c, g.subj, (a, end), "favor"))
    return out


def _anti_cues(cs):
    """``(token, holder span)`` for an "anti-X" word whose noun phrase has an owner: a possessor
    ("the donor's anti-Trump campaign", "his anti-war stance") or the subject of the verb it is
    the object of ("ran anti-immigration ads", "was behind an anti-Trump effort"). The target is
    X, the word's part after "anti-"."""
    out = []
    n = len(cs.low)
    for k in range(n):
        w = cs.low[k]
        if not (w.startswith("anti-") and len(w) > 6 and w[5].isalpha()):
            continue
        d = k - 1
        while d >= 0 and cs.pos[d] in ("JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "RB", "CD") \
                and not cs.low[d].startswith("anti-"):
            d -= 1
        if d < 0:
            continue
        holder = None
        if cs.low[d] in ("'s", "’s", "'", "’") and d > 0:
            left = _np_left(cs, d - 1)
            holder = (left[0], d - 1) if left is not None else None
        elif cs.pos[d] == "PRP$":
            holder = (d, d)
        elif (cs.pos[d] == "DT" and d > 0 and (cs.low[d - 1] == "behind" or (cs.pos[d - 1].startswith("VB") and cs.lem[d - 1] != "be"))) \
                or (cs.pos[d].startswith("VB") and cs.lem[d] != "be"):
            v = d if cs.pos[d].startswith("VB") else (d - 1 if cs.low[d - 1] != "behind" else d - 2)
            for c in cs.clauses:
                if c.vs <= v <= c.ve and c.subj is not None and c.subj[1] < v:
                    holder = c.subj
                    break
        if holder is not None and _holder_ok(cs, holder):
            out.append((k, _pronoun_head(cs, holder)))
    return out


def _merge_coordinated(rows: list[dict]) -> list[dict]:
    """ "I support and endorse Y": one stance, not two. A row whose sentence, holder and label are
    those of the previous row and whose target overlaps it is dropped."""
    out: list[dict] = []
    for r in rows:
        p = out[-1] if out else None
        if p is not None and p["sent_id"] == r["sent_id"] and p["para_id"] == r["para_id"] and p["stance"] == r["stance"] \
                and ((p["holder"], p["holder_id"]) == (r["holder"], r["holder_id"]) or p["holder_text"] == r["holder_text"]) \
                and p["target_start"] is not None \
                and r["target_start"] is not None and p["target_start"] < r["target_end"] and r["target_start"] < p["target_end"]:
            continue
        out.append(r)
    return out


def stance(doc) -> pd.DataFrame:
    """Who is for or against what: one row per stance cue found.

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``stance_id, para_id, sent_id, clause_id`` (the row of ``doc.clauses`` the cue
        was read from, ``<NA>`` if none), ``holder_id`` (actor id, when the holder is a
        known actor), ``holder`` (actor name, else the phrase), ``holder_text`` (the words in
        the article), ``holder_from`` (subject | agent | pronoun | quote | reported |
        on_behalf_of | reporting | document | object | previous | author), ``target_id``, ``target``, ``stance`` (favor |
        against | neutral), ``cue`` (as written, with its negation and adverbs), ``pattern``
        (the lexicon entry), ``negated``, ``hedged``, ``start, end, text`` (the cue),
        ``target_start, target_end`` and ``evidence`` (the sentence).
    """
    index, negs, neg_phrases, hedges = _compiled()
    actors = _Actors(doc)
    text = doc.text
    sents = doc.sentences
    rows = []
    # [pos, actor_id, holder, type, is_document, pending]: a sentence's main subject is resolved only
    # when a later pronoun looks back at it (pending = (sentence, span) until then)
    antecedents: list[list] = []

    def earlier():
        """The antecedents, latest first, as (pos, actor_id, holder, type, is_document)."""
        for k in range(len(antecedents) - 1, -1, -1):
            e = antecedents[k]
            if e[5] is not None:
                ps, pspan = e[5]
                e[5] = None
                a, b = pspan
                hit = actors.in_span(ps.st[a], ps.en[b])
                e[3] = hit[2] if hit else None
                e[4] = hit is None and not _DOCUMENTS.isdisjoint(ps.lem[a:b + 1])
                e[1], e[2] = resolve(ps, pspan, "subject")[:2]
            yield e[0], e[1], e[2], e[3], e[4]

    def resolve(s: _Sent, span, how: str):
        """(holder_id, holder, holder_text, how) for a token span of s."""
        a, b = span
        cs, ce = s.st[a], s.en[b]
        phrase = text[cs:ce]
        words = [w for w in s.low[a:b + 1]]
        if len(words) == 1 and words[0] in _PRONOUNS or words in (["they", "themselves"],):
            hit = actors.in_span(cs, ce)
            if hit:
                return hit[0], hit[1], phrase, how
            want_person = words[0] in ("he", "she", "him", "her", "his")
            want_thing = words[0] in ("it", "its")  # a state, a bloc, a body: never a person
            for p, aid, name, kind, is_doc in earlier():
                if p < cs and not is_doc and (not want_person or kind in (None, "person")) \
                        and not (want_thing and kind == "person"):
                    return aid, name, phrase, "pronoun"
            return None, phrase, phrase, "pronoun"
        head_end = b
        for k in range(a, b + 1):
            if s.low[k] in _NP_PREP and k > a:
                head_end = k - 1
                break
        # "Ethiopian Prime Minister Abiy Ahmed": the person named at the head speaks, not the state
        hit = actors.person_in_span(cs, s.en[head_end]) or actors.in_span(cs, s.en[head_end]) or actors.in_span(cs, ce)
        head = {s.lem[k] for k in range(a, head_end + 1)}
        if hit is None and head & _DOCUMENTS:
            for p, aid, name, kind, is_doc in earlier():
                if p < cs and not is_doc and aid is not None:
                    return aid, name, phrase, "document"
        if hit:
            return hit[0], hit[1], phrase, how
        return None, phrase, phrase, how

    def remember(s: _Sent, span, holder_id, holder, pending: bool = False):
        a, b = span
        if a == b and s.low[a] in _PRONOUNS:
            return
        if pending:
            antecedents.append([s.st[a], None, None, None, False, (s, span)])
            return
        kind = None
        hit = actors.in_span(s.st[a], s.en[b])
        if hit:
            kind = hit[2]
        is_doc = hit is None and not _DOCUMENTS.isdisjoint(s.lem[a:b + 1])
        antecedents.append([s.st[a], holder_id, holder, kind, is_doc, (s, span) if pending else None])

    parsed = {cs.sent_id: cs for cs in sentences_of(doc)}
    clause_ids: dict[int, int] = {}
    for cs in parsed.values():
        for c in cs.clauses:
            clause_ids[id(c)] = len(clause_ids) + 1
    last_para = None
    strong = _strong_words()
    for s_text, cs in zip(column_values(sents, "text").tolist(), parsed.values()):
        s = cs  # the clause reader's sentence: the same tokens, with its mended tags ("we welcome" as a verb)
        n = len(s.low)
        # the sentence's main subject (for later pronouns)
        # (the first finite verb with a noun phrase before it: "X, which mediated Y, said" -> X)
        for c in s.clauses:
            if c.kind == "fin" and c.subj is not None and c.own_subject:
                remember(s, c.subj, None, None, pending=True)
                break
        if "nti-" in s_text:
            # "Murphy was behind a previous anti-Trump effort", "the donor's anti-Trump campaign"
            seen = set()
            for k, hspan in _anti_cues(cs):
                hid, holder, htext, how = resolve(s, hspan, "subject")
                t_start, t_end = s.st[k] + 5, s.en[k]
                if (holder, text[t_start:t_end].lower()) in seen:
                    continue
                seen.add((holder, text[t_start:t_end].lower()))
                hit = actors.in_span(s.st[k], t_end)
                c = _clause_at(cs, k, k + 1)
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id,
                             "clause_id": clause_ids.get(id(c)) if c is not None else None, "holder_id": _clean(hid),
                             "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(hit[0]) if hit else None, "target": text[t_start:t_end], "stance": "against",
                             "cue": text[s.st[k]:s.en[k]], "pattern": "anti-", "negated": False,
                             "hedged": False, "start": s.st[k], "end": s.en[k], "text": text[s.st[k]:s.en[k]],
                             "target_start": t_start, "target_end": t_end, "evidence": s_text})
        first_in_para, last_para = s.para_id != last_para, s.para_id
        if first_in_para and n <= 30 and (n < 2 or not s.low[1].isalpha() or s.low[1] in _SMALL_WORDS
                                          or text[s.st[1]].isupper()) and _title_case(s, text):
            # "Pence Endorses Paul Ryan With Trump's Blessing" (a headline opens its paragraph): the
            # tagger reads capitalised verbs as names
            for k, hspan, tspan, label, negated, last, pattern in _headline_cues(s, index):
                hid, holder, htext, how = resolve(s, hspan, "subject")
                t_start, t_end = s.st[tspan[0]], s.en[tspan[1]]
                hit = actors.in_span(t_start, t_end)
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id, "clause_id": None, "holder_id": _clean(hid),
                             "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(hit[0]) if hit else None, "target": text[t_start:t_end], "stance": label,
                             "cue": text[s.st[k]:s.en[last]], "pattern": pattern, "negated": negated,
                             "hedged": False, "start": s.st[k], "end": s.en[last], "text": text[s.st[k]:s.en[last]],
                             "target_start": t_start, "target_end": t_end, "evidence": s_text})
            continue
        if not _NAMING_VERBS.isdisjoint(s.low):
            # "Cruz called Trump a pathological liar": the words X is called say how the caller stands
            for k, hspan, tspan, label in _naming_cues(cs):
                hid, holder, htext, how = resolve(s, hspan, "subject")
                if quote_at := actors.quote_at(s.st[hspan[0]]):
                    if s.low[hspan[0]] in _FIRST_PERSON:
                        hid, holder, how = _clean(quote_at[0]), quote_at[1], "quote"
                t_start, t_end = s.st[tspan[0]], s.en[tspan[1]]
                hit = actors.in_span(t_start, t_end)
                c = _clause_at(cs, k, k + 1)
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id,
                             "clause_id": clause_ids.get(id(c)) if c is not None else None, "holder_id": _clean(hid),
                             "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(hit[0]) if hit else None, "target": text[t_start:t_end], "stance": label,
                             "cue": text[s.st[k]:s.en[k]], "pattern": "call X Y", "negated": False,
                             "hedged": False, "start": s.st[k], "end": s.en[k], "text": text[s.st[k]:s.en[k]],
                             "target_start": t_start, "target_end": t_end, "evidence": s_text})
        i = 0
        prev_end = -1  # where the previous cue of this sentence ended
        low, lem, pos = s.low, s.lem, s.pos
        # only tokens that start a cue (by word or lemma) can be one; the others are stepped over
        has = index.__contains__
        starts = list(compress(range(n), map(or_, map(has, low), map(has, lem))))
        for at in starts:
            if at < i:
                continue  # inside the previous cue or its target
            i = at
            if i == prev_end and i > 0 and low[i - 1] == "to":
                i += 1  # "agreed to accept X": the verb after "agree to" is that cue's target, not a new cue
                continue
            found = None
            cands = index.get(low[i])
            if lem[i] != low[i]:
                more = index.get(lem[i])
                if more:
                    cands = cands + more if cands else more
            nxt = i + 1
            # the first word after the cue's first that is not an adverb (adverbs may stand between, see _match)
            after_gap = nxt
            while after_gap < n and after_gap - nxt < 2 and (pos[after_gap] in _GAP_POS or low[after_gap] in _QUOTE_MARKS):
                after_gap += 1
            for words, cue in cands:
                if len(words) == 1:
                    j = nxt  # the word itself is the cue (it is indexed by its word or lemma)
                else:
                    if nxt >= n:
                        continue
                    w1 = words[1]
                    if low[nxt] != w1 and lem[nxt] != w1 and not (w1 == "favor" and low[nxt] == "favour") and (
                            after_gap == nxt or after_gap >= n or (low[after_gap] != w1 and lem[after_gap] != w1
                                                                    and not (w1 == "favor" and low[after_gap] == "favour"))):
                        continue
                    j = _match(s, i, words)
                    if j is None:
                        continue
                if cue["kind"] == "verb" and len(words) == 1 and not _verb_here(s, i):
                    continue
                if cue["kind"] == "verb" and len(words) > 1 and pos[i].startswith("NN") and i > 0 and pos[i - 1] in ("DT", "JJ", "PRP$", "CD", "VBN"):
                    continue  # "the votes for an endorsement": a noun, not the verb "vote for"
                if cue["kind"] == "noun" and not pos[i].startswith("NN"):
                    continue
                if cue["kind"] == "experiencer" and not _experiencer_verb(s, i):
                    continue
                found = (words, cue, j)
                break
            if not found:
                i += 1
                continue
            words, cue, j = found
            kind = cue["kind"]
            if cue["cue"] in _BEFORE_INFINITIVE and j < n and low[j] == "to":
                i = j  # "refused to endorse Y": the refusal turns round the complement's cue; "hate to say": no stance
                continue
            if kind == "verb" and pos[i] in ("VBN", "VBG") and _attributive(s, i):
                i = j  # "a well respected conservative": a participle inside a noun phrase
                continue
            if cue["cue"] == "stop" and not (j < n and (low[j] in ("him", "her", "them") or pos[j].startswith("NNP"))):
                i = j  # "stop X" is against someone named; "stop endorsing", "stop by", "stop the bleeding": no stance
                continue
            if cue["cue"] == "thank" and j < n and low[j] == "you":
                i = j + 1  # "thank you": a formula
                continue
            vg = _verb_group_start(s, i, negs)
            if kind == "verb" and pos[i] == "VB" and vg < i - 1 and any(
                    low[k] in _SPECULATIVE and low[k + 1] == "well" for k in range(vg, i - 1)):
                i = j  # "they may well endorse Clinton": speculation about a stance to come, not one held
                continue
            if kind == "verb" and vg == i and i > 0 and (pos[i] == "VBN" and pos[i - 1] in ("CD", "NN", "NNS")
                                                         or pos[i] == "VBD" and pos[i - 1] == "CD") \
                    and (j >= n or (pos[j] == "IN" and low[j] != "by") or low[j] in _BOUNDARY):
                i = j  # "75,000 pledged for this year": a participle after a noun, with no agent
                continue
            # "X expressed concern about Y and stated Z": the second verb shares the first one's subject
            subj = None if vg > 0 and s.low[vg - 1] in ("and", "but", "or") else _np_left(s, vg - 1)
            between = s.low[vg:j]
            negated = any(w in negs for w in between) or any(
                between[k:k + len(p)] == p for p in neg_phrases for k in range(len(between)))
            cue_start = vg if negated or any(s.lem[k] in _AUX or s.pos[k] in _SKIP_POS for k in range(vg, i)) else i
            # keep adverbs/auxiliaries in the cue text only from the first negator/adverb on
            while cue_start < i and s.pos[cue_start].startswith("VB") and s.lem[cue_start] not in _AUX and words[0] not in ("in",):
                cue_start += 1
            if words[0] == "in" and vg < i:
                cue_start = vg  # "spoke in favor of"
            holder_span, holder_from, target_span = subj, "subject", None
            if kind == "noun":
                frame = _noun_frame(s, cs, i, j, words)
                if frame is None:
                    i = j  # "the endorsement", "intense criticism of Y": no holder written with the noun
                    continue
                holder_span, holder_from, target_span = frame
                subj = holder_span
                c_noun = _clause_at(cs, i, j)
                if c_noun is not None and c_noun.kind in ("inf", "ger") and c_noun.ve < i:
                    # "is unlikely to give Clinton the nod", "refused to lend them its support"
                    if _governing_negation(cs, c_noun)[0]:
                        negated = not negated
                elif c_noun is not None and c_noun.ve < i and cs.lem[c_noun.main] in _RECEIVE | _GIVE | _LIGHT_VERBS \
                        and any(w in negs for w in s.low[c_noun.vs:c_noun.ve + 1]):
                    negated = not negated  # "has not received any endorsements from X", "did not voice support for Y"
            elif kind == "experiencer":
                obj = _np_right(s, j)
                holder_span, holder_from, target_span = obj, "object", subj
                if obj is None or subj is None:
                    i = j
                    continue
            elif kind == "adj":
                after = j
                expletive = subj is not None and s.low[subj[0]:subj[1] + 1] == ["it"] and j < n and s.low[j] in ("to", "that")
                if expletive:
                    target_span = _target_right(s, j + 1)
                    holder_span = None
                elif subj is not None and not (j < n and s.pos[j] == "IN"):
                    target_span, holder_span = subj, None
                else:
                    target_span = _target_right(s, after)
            else:
                target_span = _target_right(s, j)
            # the cue's clause: passive (holder = the agent), relative (the antecedent), coordinated
            # (the shared subject), control ("X urged Y to back Z": not Y's stance), governing
            # negation ("refused to", "little prospect of") and the whole object phrase as target
            c = _clause_at(cs, i, j) if cs is not None and len(cs.low) == n else None
            gneg = ghedge = False
            holder_from_clause = None
            if c is not None and kind == "verb":
                in_group = c.vs <= i <= c.ve
                stative = (words[0] == "be" and c.agent is None) or (c.agent is None and j < n and s.lem[i] in _STATIVE and (
                    (s.pos[j] == "IN" and s.low[j] != "by") or (s.low[j] == "to" and not (j + 1 < n and s.pos[j + 1] in ("VB", "VBP")))))
                if in_group and c.voice == "passive" and not stative:
                    if c.agent is None:
                        i = j  # a passive with no agent: nobody to hold the stance
                        continue
                    holder_span, holder_from_clause = c.agent, "agent"
                    subj = c.agent
                    target_span = c.subj
                    after = c.agent[1] + 1 if c.agent[0] == j + 1 else j
                    if after < n and (s.low[after] == "to" or (cs.group_of[after] >= 0 and cs.clauses[cs.group_of[after]].kind == "inf")):
                        target_span = _phrase_right(cs, after, c) or target_span  # "Y was urged by X to drop Z": Z
                else:
                    g_ctl = c.gov if c.gov is not None else (_governing_finite(cs, c) if c.kind == "inf" and c.subj is None else None)
                    if c.kind == "inf" and c.gov is None and g_ctl is not None and cs.lem[g_ctl.main] in _OBJECT_CONTROL \
                            and g_ctl.ve < c.vs and any(cs.pos[x].startswith(("NN", "PRP")) for x in range(g_ctl.ve + 1, c.vs)):
                        i = j  # "called on the city to attack Y": a wish for the city, not the caller's own act
                        continue
                    if c.kind in ("inf", "ger") and c.gov is not None and ((c.gov.voice == "passive" and cs.lem[c.gov.main] in _OBJECT_CONTROL) or (
                            c.subj is not None and c.subj != c.gov.subj and cs.lem[c.gov.main] in _OBJECT_CONTROL)):
                        i = j  # "Y was urged to back Z", "X urged Y to back Z": a wish, not Y's stance
                        continue
                    if c.subj is not None and (c.kind != "fin" or c.relation in ("relative", "coordinated") or c.own_subject
                                               or c.subj_after or (vg > 0 and s.low[vg - 1] in ("and", "but", "or"))):
                        holder_span = c.subj
                        holder_from_clause = "subject"
                        subj = c.subj
                    if c.kind in ("inf", "ger"):
                        # "went on the record endorsing Y", "dedicated money to combat Y": the subject of
                        # the finite clause it depends on (a noun just before a gerund is that clause's object);
                        # "attacked X for opposing Y": X
                        fin = _governing_finite(cs, c)
                        obj_holder = _gerund_object_holder(s, c)
                        np_holder = _participle_holder(s, c, vg, actors) if c.kind == "ger" and pos[i] == "VBG" else None
                        if np_holder is not None:
                            # "pressure from a union demanding Y", "a super PAC backing Y": the noun phrase
                            holder_span = subj = np_holder
                            holder_from_clause = "subject"
                        elif obj_holder is not None:
                            holder_span = subj = obj_holder
                            holder_from_clause = "object"
                        elif fin is not None and fin.subj is not None and (c.subj is None or (c.kind == "ger" and c.subj[0] > fin.ve)):
                            holder_span = subj = fin.subj
                            holder_from_clause = "subject"
                    if _in_question(cs, c):
                        i = j  # "asked whether he would endorse Y", "if she backs Y": not a position taken
                        continue
                    phrase = _phrase_right(cs, j, c)
                    if phrase is not None:
                        target_span = phrase
                gneg, ghedge = _governing_negation(cs, c)
                ghedge = ghedge or (in_group and c.hedged and c.kind == "fin")
            if holder_from_clause is not None:
                holder_from = holder_from_clause
            if holder_span is None and kind == "verb" and vg > 0 and s.low[vg - 1] in _QUANTIFIERS:
                holder_span = subj = (vg - 1, vg - 1)  # "although most oppose it"
                holder_from = "subject"
            elif holder_span is None and kind == "verb" and vg >= 2 and s.low[vg - 1] in ("that", "who", "which"):
                # "a group that endorsed Y" when no clause was read there: the antecedent
                holder_span = subj = _np_left(s, vg - 2)
                holder_from = "subject"
            elif holder_span is None and kind == "verb" and c is not None and c.kind == "inf" and c.vs > 0 \
                    and _governing_finite(cs, c) is None and c.gov is None:
                # "AFL-CIO to endorse Clinton": a headline's noun phrase before the infinitive
                holder_span = subj = _np_left(s, c.vs - 1) if s.low[c.vs] == "to" else _np_left(s, c.vs - 2)
                holder_from = "subject"
            if holder_span is not None:
                holder_span = _appositive_name(s, _pronoun_head(s, holder_span))
                if c is not None and c.relation == "relative":
                    holder_span = _copular_subject(cs, holder_span)
                b1 = holder_span[1] + 1
                if b1 < n and low[b1] == "," and vg >= b1 + 3 and low[vg - 1] == "," \
                        and all(pos[x].startswith("NNP") for x in range(b1 + 1, vg - 1)):
                    holder_span = (b1 + 1, vg - 2)  # "The head of the group, Mike Murphy, praised": the name
                elif b1 < n and low[b1] in _DASHES:
                    # "Trump's running mate — Indiana Gov. Mike Pence — has thrown": the name between the dashes
                    k = next((k for k in range(b1 + 1, min(n, b1 + 12)) if low[k] in _DASHES), None)
                    if k is not None and k > b1 + 1 and k < i and all(pos[x] in _NP_POS for x in range(b1 + 1, k)) \
                            and any(pos[x].startswith("NNP") for x in range(b1 + 1, k)):
                        holder_span = (b1 + 1, k - 1)
                if vg >= 4 and low[vg - 1] == "," and holder_span[1] < vg:
                    # "Westmacott, who will retire after serving in Iran, praised Y": the name before the aside
                    p = next((p for p in range(vg - 3, 0, -1) if low[p] == "," and low[p + 1] in ("who", "which")), None)
                    if p is not None and p < holder_span[0]:
                        left = _np_left(s, p - 1)
                        if left is not None and any(pos[x].startswith("NNP") for x in range(left[0], left[1] + 1)):
                            holder_span = left
                a0 = holder_span[0]
                if holder_span[0] == holder_span[1] and low[a0] in _QUANTIFIERS and a0 > 0 and low[a0 - 1] in _DASHES:
                    k = next((k for k in range(a0 - 2, -1, -1) if low[k] in _DASHES), None)
                    if k is not None and k > 0:
                        left = _np_left(s, k - 1)  # "The senators -- Cruz, Paul and Rubio -- all voted"
                        holder_span = left or holder_span
                if kind != "experiencer" and s.lem[holder_span[1]] in _NOT_HOLDERS:
                    i = j  # "another amendment would repeal Y": a text, not a holder
                    continue
            if holder_span is not None and kind != "experiencer" and not _holder_ok(s, holder_span):
                i = j  # "this week", a dash: no one holds this stance
                continue
            holder_id = holder = holder_text = None
            quote = actors.quote_at(s.st[i])
            if holder_span is not None:
                hwords = s.low[holder_span[0]:holder_span[1] + 1]
                if quote and (hwords[0] in _FIRST_PERSON):
                    holder_id, holder, holder_text, holder_from = _clean(quote[0]), quote[1], text[s.st[holder_span[0]]:s.en[holder_span[1]]], "quote"
                elif hwords[0] in _FIRST_PERSON and (named := _colon_speaker(s, holder_span[0])) is not None:
                    # "Clinton: I support statehood" (a headline): the name before the colon speaks
                    holder_id, holder, _, _ = resolve(s, named, "reported")
                    holder_text, holder_from = text[s.st[holder_span[0]]:s.en[holder_span[1]]], "reported"
                elif c is not None and c.relation == "reported" and hwords[0] in _FIRST_PERSON and c.gov is not None \
                        and c.gov.subj is not None and s.low[c.gov.subj[0]] not in _FIRST_PERSON:
                    # "We oppose the deal, the minister said": the speaker holds it
                    holder_id, holder, _, _ = resolve(s, c.gov.subj, "reported")
                    holder_text, holder_from = text[s.st[holder_span[0]]:s.en[holder_span[1]]], "reported"
                elif (gsubj := _pronoun_in_complement(cs, c, holder_span)) is not None:
                    # "many unionists made it clear they did not agree", "Trump told the Post he was":
                    # the pronoun is the subject of the clause it is said in
                    holder_id, holder, _, _ = resolve(s, gsubj, "pronoun")
                    holder_text, holder_from = text[s.st[holder_span[0]]:s.en[holder_span[1]]], "pronoun"
                else:
                    holder_id, holder, holder_text, holder_from = resolve(s, holder_span, holder_from)
            elif quote:
                holder_id, holder, holder_from = _clean(quote[0]), quote[1], "quote"
            else:
                # "... on behalf of X, the document states that it is unacceptable": the organisation stating it
                for k in range(n - 2):
                    if s.low[k:k + 3] == ["on", "behalf", "of"]:
                        span = _np_right(s, k + 3)
                        if span:
                            holder_id, holder, holder_text, holder_from = resolve(s, span, "on_behalf_of")
                        break
                if holder is None:
                    for k in range(i - 1, 0, -1):
                        if s.low[k] == "that" and s.lem[k - 1] in _REPORTING:
                            rv = _verb_group_start(s, k - 1, negs)
                            span = _np_left(s, rv - 1)
                            if span:
                                holder_id, holder, holder_text, holder_from = resolve(s, span, "reporting")
                            break
                if holder is None:
                    holder, holder_from = "(the author)", "author"
            if holder_span is None and kind == "verb" and holder is None:
                holder, holder_from = "(the author)", "author"
            if subj is None and kind == "verb" and not quote:
                # "And expressed the hope ...": the subject is the previous clause's
                for p, aid, name, _k, is_doc in earlier():
                    if not is_doc:
                        holder_id, holder, holder_text, holder_from = aid, name, None, "previous"
                        break
            if subj is None and kind == "verb" and quote and holder is None:
                holder_id, holder, holder_from = _clean(quote[0]), quote[1], "quote"
            negated = negated != gneg
            label = cue["stance"]
            if negated:
                label = {"favor": "against", "against": "neutral", "neutral": "neutral"}[label]
                if label == "against" and cue["cue"] in _CHOICE_CUES and target_span and low[target_span[0]] == "any":
                    label = "neutral"  # "is not backing any candidate": no one is opposed
            hedge_from = holder_span[0] if holder_span and kind != "experiencer" else max(0, vg - 3)
            hedge_to = target_span[1] + 1 if target_span else j
            h_low, h_lem = s.low[hedge_from:hedge_to], s.lem[hedge_from:hedge_to]
            hedged = ghedge or (not (hedges.isdisjoint(h_low) and hedges.isdisjoint(h_lem)) and any(
                _is_hedge(w, l, t, hedges) for w, l, t in zip(h_low, h_lem, s.pos[hedge_from:hedge_to])))
            if target_span is None and kind == "verb" and j < n and low[j] == ",":
                # "plans to support, in some fashion, at least 100 candidates": past the aside
                m = next((m for m in range(j + 1, min(n, j + 8)) if low[m] == ","), None)
                if m is not None and m + 1 < n and not any(pos[x].startswith("VB") for x in range(j + 1, m)):
                    target_span = _phrase_right(cs, m + 1, c) or _target_right(s, m + 1)
            if target_span is None and kind == "verb" and j + 1 < n and low[j] in _QUOTE_MARKS:
                target_span = _phrase_right(cs, j + 1, c) or _target_right(s, j + 1)  # was "happy to see" that Y
            if not target_span or not _target_ok(s, target_span):
                i = j  # a stance toward nothing that can be named: no row
                continue
            rival = None
            if label == "favor" and kind in ("verb", "noun"):
                # "would support Clinton over Trump", "supported Crist against Rubio": against the rival
                for k in range(target_span[0] + 1, target_span[1]):
                    if low[k] in ("over", "against") and pos[k] == "IN" and pos[k + 1].startswith(("NNP", "JJ", "DT")):
                        rival = _np_right(s, k + 1)
                        if rival is not None and any(p.startswith("NNP") for p in pos[rival[0]:rival[1] + 1]):
                            target_span = (target_span[0], k - 1)
                        else:
                            rival = None
                        break
            target_id = target = t_start = t_end = None
            if target_span:
                t_start, t_end = s.st[target_span[0]], s.en[target_span[1]]
                target = text[t_start:t_end]
                hit = actors.in_span(t_start, t_end)
                target_id = hit[0] if hit else None
            c_start, c_end = s.st[cue_start], s.en[j - 1]
            rows.append({"para_id": s.para_id, "sent_id": s.sent_id, "clause_id": clause_ids.get(id(c)) if c is not None else None,
                         "holder_id": _clean(holder_id), "holder": holder,
                         "holder_text": holder_text, "holder_from": holder_from, "target_id": _clean(target_id),
                         "target": target, "stance": label, "cue": text[c_start:c_end], "pattern": cue["cue"],
                         "negated": negated, "hedged": hedged, "start": c_start, "end": c_end, "text": text[c_start:c_end],
                         "target_start": t_start, "target_end": t_end, "evidence": s_text})
            if rival is not None:
                r_start, r_end = s.st[rival[0]], s.en[rival[1]]
                hit = actors.in_span(r_start, r_end)
                rows.append({**rows[-1], "target_id": _clean(hit[0]) if hit else None, "target": text[r_start:r_end],
                             "stance": "against", "target_start": r_start, "target_end": r_end})
            if holder_span is not None and kind != "experiencer":
                remember(s, holder_span, holder_id, holder)
            i = prev_end = j
        found_ev = ()
        if not _SPEECH_VERBS.isdisjoint(s.lem):  # both need a verb of saying in the sentence
            if "NNP" in s.pos and not strong.isdisjoint(s.low):
                found_ev = _reported_evaluations(cs, actors, text)
            if not (_DEONTIC.isdisjoint(s.low) and (_DEONTIC_TO.isdisjoint(s.low) or "to" not in s.low)):
                found_ev = list(found_ev) + _reported_wishes(cs)
        if found_ev:
            # what someone says of someone else in words that lean one way ("X represents failed policies")
            taken = [(r["target_start"], r["target_end"]) for r in rows if r["sent_id"] == s.sent_id] if found_ev else ()
            for c, hspan, tspan, label in found_ev:
                t_start, t_end = s.st[tspan[0]], s.en[tspan[1]]
                if any(ts is not None and ts < t_end and t_start < te for ts, te in taken):
                    continue
                b1 = hspan[1] + 1
                if b1 + 2 < n and low[b1] == ",":
                    m = b1 + 1
                    while m < n and pos[m].startswith("NNP"):
                        m += 1
                    if m > b1 + 1 and m < n and low[m] == ",":
                        hspan = (b1 + 1, m - 1)  # "the party's leader, Marine Le Pen, voiced support ..., saying"
                if hspan is not None:
                    hid, holder, htext, how = resolve(s, hspan, "reported")
                else:
                    q = actors.quote_at(s.st[c.vs])
                    hid, holder, htext, how = _clean(q[0]), q[1], None, "quote"
                t_hit = actors.in_span(t_start, t_end)
                if hid is not None and t_hit is not None and _clean(t_hit[0]) == hid:
                    if hspan is None or hspan[0] != hspan[1] or s.low[hspan[0]] not in ("he", "she", "they"):
                        continue
                    # "'Smith represents failed policies,' she said": she is someone else than Smith
                    other = next(((aid, name) for p, aid, name, _k, is_doc in earlier()
                                  if p < t_start and not is_doc and aid is not None and aid != hid), None)
                    if other is None:
                        continue
                    hid, holder = other
                if tspan[0] == tspan[1] and s.low[tspan[0]] in ("he", "she", "they"):
                    tid, target = None, text[t_start:t_end]
                    for p, aid, name, _k, is_doc in earlier():
                        if p < t_start and not is_doc and aid is not None:
                            tid, target = aid, name
                            break
                    if tid is not None and tid == hid:
                        continue
                else:
                    hit = actors.in_span(t_start, t_end)
                    tid = hit[0] if hit else None
                if holder is None:
                    continue
                v0, v1 = s.st[c.vs], s.en[c.ve]
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id, "clause_id": clause_ids.get(id(c)),
                             "holder_id": _clean(hid), "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(tid), "target": text[t_start:t_end], "stance": label,
                             "cue": text[v0:v1], "pattern": "reported evaluation" if tspan == c.subj else "reported wish", "negated": False, "hedged": False,
                             "start": v0, "end": v1, "text": text[v0:v1], "target_start": t_start, "target_end": t_end,
                             "evidence": s_text})
    rows = _merge_coordinated(rows)
    if not rows:
        return _empty_table().copy()
    data = {c: [r[c] for r in rows] for c in COLUMNS if c != "stance_id"}
    data["stance_id"] = list(range(1, len(rows) + 1))
    for name in ("target_start", "target_end", "clause_id"):
        values = data[name]
        mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
        data[name] = pd.arrays.IntegerArray(np.fromiter((0 if v is None else v for v in values), dtype="int64",
                                                        count=len(values)), mask)
    for name, values in data.items():
        # strings with gaps: typed here as pandas would (str), without its slower inference
        if isinstance(values, list) and values and all(v is None or type(v) is str for v in values) \
                and any(v is not None for v in values):
            data[name] = string_array(values)
    return frame_from_columns(COLUMNS, [data[c] for c in COLUMNS])


def stance_matrix(doc, *, by: str = "actor") -> pd.DataFrame:
    """Holder × target counts of favor and against: ``holder, target, favor, against, neutral``.

    ``by="actor"`` labels targets by their actor when they have one, else by the target phrase
    cut to its first five words; ``by="phrase"`` always uses the phrase.
    """
    if by not in ("actor", "phrase"):
        raise ValueError(f"by must be 'actor' or 'phrase', not {by!r}")
    table = doc.stance if hasattr(doc, "stance") else stance(doc)
    if table.empty:
        return pd.DataFrame(columns=["holder", "target", *STANCES])
    labels = table["target"].fillna("(unstated)").map(lambda t: " ".join(t.split()[:5]) + ("…" if len(t.split()) > 5 else ""))
    if by == "actor":
        try:
            names = doc.mentions.drop_duplicates("actor_id").set_index("actor_id")["actor"]
            labels = [names.get(tid, lab) if tid is not None and tid == tid else lab for tid, lab in zip(table["target_id"], labels)]
        except (AttributeError, KeyError):
            pass
    t = table.assign(target_label=labels)
    out = (t.groupby(["holder", "target_label", "stance"]).size().unstack("stance", fill_value=0)
           .reindex(columns=list(STANCES), fill_value=0).reset_index().rename(columns={"target_label": "target"}))
    out.columns.name = None
    return out


__all__ = ["STANCES", "add_cues", "cue_lexicon", "load_cues", "reset_cues", "stance", "stance_matrix"]
