"""Clauses: who does what to whom, one row per verb group that heads a clause.

Built on the part-of-speech tags the package already has (``doc.tokens``: TextBlob's Penn
Treebank tags, lemminflect lemmas); no parser model is needed. Each sentence is read in three
passes:

1. **Verb groups**: a main verb with the auxiliaries, modals, negation and adverbs before it
   ("has not been condemned", "would probably agree") and a particle after it ("backed up").
   A group is *finite* (it has a tense: a modal or a past/present form, or a bare verb right after
   its subject when the tagger missed the tense), an infinitive ("to lift"), a gerund ("agreeing")
   or a participle ("imposed in 1989"). *be*/*get* + participle is passive.
2. **Subjects**, left of the group: the noun phrase back to the clause boundary, skipping
   appositions and parentheticals between commas or brackets ("Myron Ebell, of the institute,
   claimed"); after *which*/*who*/*that* the antecedent ("the US, which is opposed to"); after
   *and*/*or*/*but* the subject of the verb coordinated with ("backed the plan and called for");
   for an infinitive the object of the verb before it ("X urged Y to Z": Y) or else that verb's
   subject ("X refused to Z": X, "Y was urged to Z": Y); "said Mr Berg" after a quotation: the
   phrase after the verb; "there is X": X.
3. **Objects and agents**, right of the group: the noun phrase with its prepositional
   attachments ("the ban on arms exports to China"), or the complement clause ("that the plan
   failed", "to lift the ban"); for a passive the "by" phrase is the agent.

``relation`` says how the clause hangs in its sentence: ``main``, ``coordinated`` (shares the
subject of the verb before *and*), ``relative`` (its subject is the antecedent), ``complement``
(a that-, infinitive, gerund or adverbial clause) or ``reported`` (inside quotation marks, or the
complement of a reporting verb such as *say*, *claim*, *tell*).

Empty spans: a clause without a subject, object or agent has ``<NA>`` in that phrase's
``*_start``, ``*_end``, text and ``*_actor_id`` columns (nullable ``Int64`` offsets); nothing is
filled with a neighbouring word. Every non-empty span satisfies ``text == doc.text[start:end]``.

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("T\\n\\nThe plan has not been condemned by the unions."))
>>> clauses(doc)[["verb", "lemma", "voice", "negated", "subject", "agent"]].values.tolist()
[['has not been condemned', 'condemn', 'passive', True, 'The plan', 'the unions']]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter

import pandas as pd

import numpy as np

from ._frames import _arrow_strings, column_values, frame_from_columns, string_array

COLUMNS = ["clause_id", "para_id", "sent_id", "start", "end", "text", "verb_start", "verb_end", "verb", "lemma",
           "voice", "negated", "modal", "hedged", "tense", "subject_start", "subject_end", "subject",
           "object_start", "object_end", "object", "agent_start", "agent_end", "agent",
           "subject_actor_id", "object_actor_id", "agent_actor_id", "relation"]
RELATIONS = ("main", "coordinated", "relative", "complement", "reported")

_FIN = frozenset({"VBD", "VBZ", "VBP", "MD"})
_VERB = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})
_ADV = frozenset({"RB", "RBR", "RBS"})
_VERB_OR_TO = _VERB | {"TO"}
_NEG = frozenset({"not", "n't", "never", "nt"})
_NOUN = frozenset({"NN", "NNS", "NNP", "NNPS"})
_NP_START = frozenset({"DT", "PDT", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "FW", "EX", "WP$"})
_NP_IN = frozenset({"DT", "PDT", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "FW", "POS", "HYPH"})
_OBJ_START = frozenset({"DT", "PDT", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "FW"})
_ATTACH = frozenset({"of", "on", "in", "for", "to", "from", "with", "at", "about", "against", "between", "over",
                     "into", "among", "towards", "toward", "under", "within", "across", "without", "by"})
_PUNCT_STOP = frozenset({",", ";", ":", "(", ")", "[", "]", '"', "''", "``", "“", "”", "–", "—", "--", ".", "!", "?", "...", "…"})
_BRACKET = {")": "(", "]": "["}
_DASHES = frozenset({"–", "—", "--"})
_SUBORD = frozenset({"that", "because", "if", "although", "though", "while", "whereas", "whether", "unless", "when",
                     "where", "once", "since", "until", "after", "before", "as", "so", "than", "whenever", "why", "how"})
_REL = frozenset({"which", "who", "whom", "whose", "that"})
_CC = frozenset({"and", "or", "but", "nor"})
_AUX_LEMMA = frozenset({"be", "have", "do", "get"})
#: participles that look like the bare verb ("had become", "has put")
_BARE_PARTICIPLES = frozenset({"become", "come", "overcome", "run", "put", "set", "cut", "hit", "let", "shut", "spread",
                               "cost", "hurt", "quit", "read", "bet", "burst", "cast", "split", "upset", "beat", "welcome"})
_MODAL_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_HEDGE_MODAL = frozenset({"may", "might", "could"})
_HEDGE_ADV = frozenset({"probably", "possibly", "perhaps", "maybe", "reportedly", "allegedly", "apparently",
                        "likely", "unlikely", "seemingly", "presumably", "supposedly"})
_HEDGE_VERB = frozenset({"seem", "appear"})
REPORTING = frozenset({"say", "state", "declare", "note", "stress", "announce", "add", "warn", "insist", "claim",
                       "argue", "report", "write", "tell", "recall", "emphasize", "emphasise", "underline", "affirm",
                       "assert", "conclude", "explain", "suggest", "believe", "think", "admit", "deny", "confirm",
                       "acknowledge", "predict", "allege", "maintain", "reply", "respond", "ask", "told", "urge",
                       "complain", "agree", "know", "hope", "fear", "show", "reveal", "indicate", "estimate"})
_SPEECH = frozenset({"say", "state", "declare", "note", "stress", "announce", "add", "warn", "insist", "claim", "argue",
                     "tell", "recall", "emphasize", "emphasise", "underline", "affirm", "assert", "conclude", "explain",
                     "admit", "deny", "confirm", "acknowledge", "allege", "maintain", "reply", "respond", "ask",
                     "complain", "write", "report", "suggest", "predict", "told"})
_PARTICLES = frozenset({"up", "out", "off", "down", "away", "back"})
_WH = frozenset({"how", "what", "whether", "why", "where", "which", "who", "when", "if"})
_TIME_NOUNS = frozenset({"yesterday", "today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "now", "then"})
_MAX_SUBJECT = 40
# unions used in the hot loops, made once
_NOUN_JJ = _NOUN | {"JJ"}
_NOUN_PRP = _NOUN | {"PRP"}
_NOUN_CD_PRP = _NOUN | {"CD", "PRP"}
_NP_IN_PRP = _NP_IN | {"PRP"}


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


_NOMINATIVE = frozenset({"we", "they", "i", "you", "he", "she"})
_SEGMENT_EDGE = frozenset({",", ";", ":", "that", "which", "who", "whom", "(", ")", '"', "“", "”", "–", "—"})


@lru_cache(maxsize=4096)
def _can_be_verb(word: str):
    from lemminflect import getAllLemmas

    found = getAllLemmas(word, "VERB").get("VERB")
    return found[0] if found else None


_RETAG_POS = frozenset({"PRP", "RB", "NN", "NNS", "JJ", "VB"})
_CONTRACTION_POS = frozenset({"VBZ", "VBP", "VBD", "MD", "VB", "POS"})
_RETAG_ALL = _RETAG_POS | _CONTRACTION_POS
_RETAG_PREV = frozenset({"TO", "MD", "PRP", "NN", "NNS", "NNP", "NNPS", "RB", "RBR", "RBS"})
_CONTRACTIONS = {"ve": "have", "re": "be", "m": "be", "ll": "will", "d": "would"}
_APOSTROPHES = ("'", "’")
_NOUN_ADJ_ADV = frozenset({"NN", "NNS", "JJ", "RB"})
_NOUN_VERB_NEXT = frozenset({"DT", "PRP$", "PDT", "TO", "CD"})  # what follows a noun read as a verb


def _retag(s: "Sentence") -> bool:
    """Mend the tags the clause reader depends on most, in the sentence's own copy: "the US"
    tagged as a pronoun, and a present-tense verb the tagger took for a noun or adjective when
    it stands right after a subject pronoun ("we present", "they report") or after a noun in a
    stretch with no other finite verb ("Inclusive institutions guarantee the right")."""
    low, pos = s.low, s.pos
    n = len(low)
    changed = False
    # only a contraction is looked at for its apostrophe (on any other tag, the rules below
    # never apply to a word that is not all letters)
    for k in [k for k in range(1, n) if (pos[k] in _RETAG_POS and (pos[k - 1] in _RETAG_PREV or pos[k] == "PRP"))
              or (pos[k] in _CONTRACTION_POS and low[k][:1] in _APOSTROPHES)]:
        p = pos[k]
        if p in _NOUN_ADJ_ADV:  # the commonest cases, settled before the rules below are tried
            q = pos[k - 1]
            if p == "RB":
                if q != "TO" and q != "MD":
                    continue  # only "to back", "will form" apply to an adverb
            elif q in _NOUN and (p == "JJ" or k + 1 >= n or pos[k + 1] not in _NOUN_VERB_NEXT):
                continue  # after a noun only "institutions guarantee the right" applies
        w = low[k]
        if p in _CONTRACTION_POS and w[:1] in ("'", "’"):
            # contractions: "we've served", "you're speaking", "he's claiming", "they'd agreed"
            base = w[1:]
            if base == "s" and p in ("VBZ", "POS") and k + 1 < n and (pos[k + 1] in ("VBG", "VBN", "RB") or low[k + 1] == "been"):
                s.lem[k], pos[k] = ("have" if low[k + 1] == "been" else "be"), "VBZ"
            elif base in _CONTRACTIONS:
                s.lem[k] = _CONTRACTIONS[base]
                if base in ("ll", "d"):
                    pos[k] = "MD"
            continue
        if p == "PRP":
            if w == "us" and low[k - 1] == "the":
                pos[k] = "NNP"  # "the US"
                changed = True
            continue
        if pos[k - 1] not in _RETAG_PREV:
            continue
        if p in ("RB", "NN", "JJ") and low[k - 1] == "to" and pos[k - 1] == "TO" and k + 1 < n \
                and (pos[k + 1] in ("DT", "PRP$", "PDT", "CD") or low[k + 1] in ("up", "down", "out", "off", "away", "for"))\
                and low[k].isalpha():
            lemma = _can_be_verb(low[k])  # "to back the plan": the tagger's adverb
            if lemma:
                pos[k], s.lem[k] = "VB", lemma
                changed = True
            continue
        if p in ("NN", "JJ", "RB") and pos[k - 1] == "MD" and low[k].isalpha() and k + 1 < n and pos[k + 1] not in ("NN", "NNS"):
            lemma = _can_be_verb(low[k])  # "will form the government": a verb after a modal
            if lemma:
                pos[k], s.lem[k] = "VB", lemma
                changed = True
            continue
        if p not in ("NN", "NNS", "JJ", "VB") or not low[k].isalpha():
            continue
        j = k - 1
        while j >= 0 and pos[j] in _ADV:
            j -= 1
        if j < 0:
            continue
        after = pos[k + 1] if k + 1 < n else "."
        if low[j] in _NOMINATIVE and pos[j] == "PRP" and (p != "VB") and after not in ("NN", "NNS"):
            lemma = _can_be_verb(low[k])
            if lemma:
                pos[k] = "VBZ" if low[k].endswith("s") and low[j] in ("he", "she") else "VBP"
                s.lem[k] = lemma
                changed = True
        elif p in ("NN", "NNS") and pos[j] in ("NN", "NNS", "NNP", "NNPS") and after in ("DT", "PRP$", "PDT", "TO", "CD") \
                and not (p == "NN" and pos[j] in ("NNS", "NNPS")) and not (p == "NNS" and pos[j] == "NNS"):
            lo = j
            while lo > 0 and low[lo - 1] not in _SEGMENT_EDGE:
                lo -= 1
            hi = k + 1
            while hi < n and low[hi] not in _SEGMENT_EDGE:
                hi += 1
            if any(pos[x] in _FIN for x in range(lo, hi)):
                continue
            lemma = _can_be_verb(low[k])
            if lemma:
                pos[k] = "VBZ" if p == "NNS" else "VBP"
                s.lem[k] = lemma
                changed = True
    return changed


# --------------------------------------------------------------------------------------------
# 1. verb groups


def _is_verb(s: Sentence, i: int) -> bool:
    p = s.pos[i]
    if p not in _VERB:
        return False
    if p == "VBG" and s.low[i] == "according" and i + 1 < len(s.pos) and s.low[i + 1] == "to":
        return False  # "according to X": a preposition
    if p in ("VBG", "VBN") and i > 0 and i + 1 < len(s.pos):
        # adjectival participles inside a noun phrase: "the growing arms trade", "the proposed deal"
        if s.pos[i - 1] in ("DT", "PRP$", "JJ", "POS", "CD") and s.pos[i + 1] in _NOUN_JJ:
            return False
        if p == "VBN" and s.pos[i + 1] in _NOUN and (s.pos[i - 1] in ("VB", "VBP", "VBZ", "VBG") and s.lem[i - 1] not in _AUX_LEMMA):
            return False  # "oppose increased pluralism"
        if p == "VBN" and s.pos[i - 1] in ("IN", "RB") and s.low[i - 1] != "by" and s.pos[i + 1] in _NOUN:
            return False  # "from armed confrontation", "sharply aggravated situation"
    if p == "VBG" and i + 1 < len(s.pos) and s.pos[i + 1] in _NOUN and (i == 0 or s.pos[i - 1] in ("IN", "TO", ",", "CC")) \
            and s.low[i] in ("leading", "ruling", "developing", "growing", "remaining", "following", "existing", "rising", "working"):
        return False
    return True


def _next_verb(s: Sentence, j: int, n: int) -> int:
    """Index of the next token from j that is not an adverb or negation, or n."""
    while j < n and (s.pos[j] in _ADV or s.low[j] in _NEG) and not s.pos[j].startswith("VB"):
        j += 1
    return j


def _groups(s: Sentence) -> list[Clause]:
    n = len(s.low)
    pos, low, lem = s.pos, s.low, s.lem
    out = []
    seen_finite = False
    i = 0
    # a group starts only at a verb tag or at "to"; every other token is stepped over
    for at in [k for k in range(n) if pos[k] in _VERB_OR_TO]:
        if at < i:
            continue  # inside the previous group
        i = start = at
        infinitive = False
        if low[i] == "to" and pos[i] == "TO":
            j = _next_verb(s, i + 1, n)
            if j < n and pos[j] in ("VB", "VBP") or (j < n and pos[j] in ("VBN", "VBD") and lem[j] == "be"):
                infinitive = True
                i = j
            else:
                i += 1
                continue
        elif pos[i] == "TO" or pos[i] in ("VBG", "VBN") and not _is_verb(s, i):  # other verb tags are verbs
            i += 1
            continue
        # walk the auxiliaries: MD, be/have/do/get followed by another verb
        main = i
        k = i
        while True:
            p, lm = pos[k], lem[k]
            nxt = k + 1
            if nxt < n and (pos[nxt] in _ADV or low[nxt] in _NEG):
                nxt = _next_verb(s, nxt, n)
            if nxt < n and pos[nxt] in _VERB and pos[nxt] != "MD" and (
                    p == "MD" or (lm == "be" and pos[nxt] in ("VBG", "VBN", "VBD"))
                    or (lm == "have" and (pos[nxt] in ("VBN", "VBD") or pos[nxt] == "VB" and low[nxt] in _BARE_PARTICIPLES))
                    or (lm == "do" and pos[nxt] in ("VB", "VBP") and pos[k] in ("VBD", "VBZ", "VBP"))
                    or (lm == "get" and pos[nxt] == "VBN")):
                k = nxt
                continue
            if p == "MD" and nxt < n and pos[nxt] not in _VERB and nxt < n and low[nxt] in ("be", "have"):
                k = nxt
                continue
            main = k
            break
        end = main
        if end + 1 < n and pos[end + 1] == "RP":
            end += 1
        c = Clause(start, end, main, "fin")
        first = start if not infinitive else i
        fp = pos[first]
        if infinitive:
            c.kind = "inf"
        elif fp == "VBD" and end == first and first > 0 and (low[first - 1] in _DASHES or low[first - 1] == "(") \
                and first + 1 < n and pos[first + 1] in ("IN", "TO"):
            c.kind = "part"  # "The deal – signed in May – was welcomed"
        elif fp == "VBD" and end == first and (first == 0 or low[first - 1] in _CC and first == 1) \
                and first + 1 < n and low[first + 1] == "by":
            c.kind = "part"  # "Rejected by the voters, the plan died"
        elif fp in _FIN or (first > 0 and low[first - 1] == "not" and fp == "VB"):
            c.kind = "fin"
        elif fp in ("VB", "VBP"):
            prev = first - 1
            while prev >= 0 and pos[prev] in _ADV:
                prev -= 1
            if prev >= 0 and (low[prev] == "to" or pos[prev] == "MD"):
                c.kind = "inf"
            else:
                c.kind = "fin"  # "We oppose", imperatives
        elif fp == "VBG":
            c.kind = "ger"
        else:  # VBN alone
            prev = first - 1
            while prev >= 0 and pos[prev] in _ADV:
                prev -= 1
            if prev >= 0 and low[prev] in (")", "]"):
                o = next((x for x in range(prev - 1, -1, -1) if low[x] == _BRACKET[low[prev]]), None)
                if o is not None and o > 0:
                    prev = o - 1
            nxt = first + 1 if end == first else end + 1
            subject_left = prev >= 0 and (pos[prev] in _NOUN or pos[prev] in ("PRP", "CD") or low[prev] in ("who", "which", "that"))
            if prev > 0 and low[prev] == ",":
                # "Spain, which is opposed to the levy, called for talks": after a relative aside
                k = next((x for x in range(prev - 1, -1, -1) if low[x] == ","), None)
                if k is not None and k + 1 < prev and k > 0 and pos[k - 1] in _NOUN_PRP and (
                        low[k + 1] in ("which", "who") or not any(pos[x] in _FIN for x in range(k + 1, prev))):
                    subject_left = True
                    prev = k - 1
            if prev >= 0 and lem[prev] == "have":
                c.kind = "fin"
            elif prev >= 0 and low[prev] in _CC and (prev == 0 or seen_finite):
                c.kind = "fin"  # "backed the plan and called for talks"
            elif subject_left and not (nxt < n and low[nxt] == "by"):
                c.kind = "fin"  # the tagger's VBN for a past tense: "Daniel studied medicine"
                c.guess = True
            else:
                c.kind = "part"
        if main == start:  # one word: nothing to look through (as _features would find)
            if c.kind == "part" and pos[main] in ("VBN", "VBD"):
                c.voice = "passive"
            c.hedged = lem[main] in _HEDGE_VERB
            if c.kind == "fin":
                c.tense = "future" if low[main] == "'ll" else ("past" if pos[main] in ("VBD", "VBN") else "present")
        else:
            _features(s, c)
        out.append(c)
        seen_finite = seen_finite or c.kind == "fin"
        i = end + 1
    return out


def _features(s: Sentence, c: Clause) -> None:
    low, lem, pos = s.low, s.lem, s.pos
    m = c.main
    if m == c.vs:  # one word: nothing to look through
        w = low[m]
        if c.kind == "part" and pos[m] in ("VBN", "VBD"):
            c.voice = "passive"
        c.hedged = lem[m] in _HEDGE_VERB
        if c.kind == "fin":
            c.tense = "future" if w == "'ll" else ("past" if pos[m] in ("VBD", "VBN") else "present")
        return
    negated = hedged = False
    modal = None
    first = -1
    for k in range(c.vs, m + 1):
        w, p = low[k], pos[k]
        if w in _NEG or (w == "no" and k < m and low[k + 1] == "longer"):
            negated = True
        if p == "MD":
            if modal is None:
                modal = w
            if w in _HEDGE_MODAL:
                hedged = True
        elif w in _HEDGE_ADV:
            hedged = True
        if first < 0 and p in _VERB:
            first = k
    c.negated, c.modal = negated, modal
    c.hedged = hedged or lem[m] in _HEDGE_VERB
    prev = m - 1
    while prev >= c.vs and (pos[prev] in _ADV or low[prev] in _NEG):
        prev -= 1
    pm = pos[m]
    if pm in ("VBN", "VBD") and prev >= c.vs and (lem[prev] in ("be", "get") and low[prev] != "'s" or (low[prev] == "'s" and pm == "VBN")):
        c.voice = "passive"
    elif c.kind == "part" and pm in ("VBN", "VBD"):
        c.voice = "passive"
    if c.kind == "fin":
        if modal in _MODAL_FUTURE or (modal is None and low[c.vs] == "'ll"):
            c.tense = "future"
        else:
            f = first if first >= 0 else c.vs
            c.tense = "past" if pos[f] in ("VBD", "VBN") else "present"


# --------------------------------------------------------------------------------------------
# 2. phrases


def np_right(s: Sentence, i: int, limit: int, *, attach: bool = True) -> tuple[int, int] | None:
    """The noun phrase starting at token i (with its "of"/"on"/... attachments), or None."""
    pos, low = s.pos, s.low
    group_of = s.group_of
    n = min(limit, len(low))
    if i < n and (low[i] in ("both", "either", "neither") or pos[i] in _ADV and i + 1 < n and pos[i + 1] in ("CD", "JJ", "JJR", "DT")):
        rest = np_right(s, i + 1, limit, attach=attach)
        return (i, rest[1]) if rest else None
    if i >= n or pos[i] not in _OBJ_START and not (pos[i] in ("VBG", "VBN") and i + 1 < n and pos[i + 1] in _NOUN):
        return None
    if pos[i] == "PRP":
        j = i + 1
        if j < n and low[j] in ("themselves", "itself", "himself", "herself", "all", "both"):
            j += 1
        return (i, j - 1)
    j = i
    while True:
        while j < n and (pos[j] in _NP_IN or low[j] in ("'s", "-", "&") or (low[j] == "than" and j > i and pos[j - 1] == "JJR") or
                         (pos[j] == "VBG" and j > i and pos[j - 1] in ("DT", "JJ", "PRP$") and j + 1 < n and low[j + 1] == "of") or (pos[j] in _ADV and j > i and j + 1 < n and pos[j + 1] in ("JJ", "JJR", "JJS", "CD", "VBN", "VBG") and j + 2 < n and pos[j + 2] in _NOUN_JJ) or (pos[j] in ("VBG", "VBN") and j + 1 < n and pos[j + 1] in _NOUN and j > i - 1)
                         or (low[j] in ("and", "or") and j > i and pos[j - 1] in _NP_IN and j + 1 < n and pos[j + 1] in _NP_START and pos[j + 1] != "PRP"
                             and not _verb_follows_np(s, j + 1, n))):
            if group_of[j] >= 0 and pos[j] not in _NP_IN:
                break
            j += 1
        if not attach:
            break
        # prepositional attachments: "the ban on arms exports to China"
        if j < n and j > i and low[j] in _ATTACH and pos[j] in ("IN", "TO") and j + 1 < n and pos[j + 1] in _OBJ_START \
                and pos[j - 1] in _NOUN_CD_PRP:
            j += 1
            continue
        break
    while j > i + 1 and (pos[j - 1] in ("CC", "POS", "DT") and low[j - 1] not in ("'s",) or low[j - 1] in ("-", "&")):
        j -= 1
    return (i, j - 1) if j > i else None


def _verb_follows_np(s: Sentence, i: int, n: int) -> bool:
    """A finite verb right after the noun phrase that starts at i ("the plan and the EU said")."""
    j = i
    while j < n and s.pos[j] in _NP_IN:
        j += 1
    return j < n and s.pos[j] in _FIN and s.group_of[j] >= 0


def _np_before(s: Sentence, j: int, of_chain: bool = True) -> tuple[int, int] | None:
    """The base noun phrase ending at token j, walking left (an antecedent: "the US")."""
    pos = s.pos
    if j < 0:
        return None
    if pos[j] == "PRP":
        return (j, j)
    end = j
    while j >= 0 and (pos[j] in _NP_IN or s.low[j] in ("'s", "-", "&")) and s.group_of[j] < 0:
        j -= 1
    if j == end:
        return None
    # "the ban on arms exports to China": take in "X of Y" attachments
    while of_chain and j >= 1 and s.low[j] in ("of",) and pos[j - 1] in _NOUN:
        k = j - 1
        while k >= 0 and (pos[k] in _NP_IN) and s.group_of[k] < 0:
            k -= 1
        j = k
    start = j + 1
    while start <= end and pos[start] in ("CC", "POS"):
        start += 1
    return (start, end) if start <= end else None


def _skip_parenthetical(s: Sentence, j: int, lo: int) -> int | None:
    """j is a closing comma, bracket or dash right before a verb or subject: the index before
    the matching opening one when what lies between is an apposition or aside, else None."""
    w = s.low[j]
    opener = _BRACKET.get(w)
    for k in range(j - 1, lo - 1, -1):
        wk = s.low[k]
        if opener and wk == opener or (not opener and (wk == w or (w in _DASHES and wk in _DASHES))):
            inner = range(k + 1, j)
            if not len(inner):
                return None
            if opener:
                return k - 1
            first = s.low[k + 1]
            has_fin = any(s.pos[x] in _FIN for x in inner)
            if first in ("which", "who", "whose", "whom") or s.pos[k + 1] in ("IN", "VBN", "VBG", "RB") or not has_fin \
                    or (w in _DASHES and s.pos[k + 1] == "VBD"):
                return k - 1 if k - 1 >= lo and s.pos[k - 1] not in (",",) else None
            return None
        if wk in (";", ":") or (not opener and wk in _PUNCT_STOP and wk not in (",",) and w == ","):
            return None
    return None


def _subject_left(s: Sentence, c: Clause, lo: int) -> tuple[tuple[int, int] | None, str]:
    """``(span, how)``: how is own | relative | coordinated | none."""
    pos, low = s.pos, s.low
    group_of = s.group_of
    j = c.vs - 1
    while j >= lo and (pos[j] in _ADV and low[j] not in ("so", "then") or low[j] in _NEG or pos[j] == "UH"):
        j -= 1
    if j < lo:
        return None, "none"
    w = low[j]
    if w in _REL and pos[j] in ("WDT", "WP", "IN", "WP$") and (w != "that" or (j > 0 and (pos[j - 1] in _NOUN_CD_PRP
                                                                                   or low[j - 1] == "," and j > 1 and pos[j - 2] in _NOUN))):
        k = j - 1
        if k >= 0 and low[k] == ",":
            k -= 1
        if k >= 0 and pos[k] == "IN":  # "of which", "by whom"
            return None, "none"
        return _np_before(s, k), "relative"
    if w in _CC or (w == "," and j + 1 == c.vs and j > lo and low[j - 1] not in _CC):
        if w in _CC and j - 1 >= lo and low[j - 1] == ",":
            pass
        if w == ",":
            skipped = _skip_parenthetical(s, j, lo)
            if skipped is not None and skipped >= lo and pos[skipped] in _NP_IN_PRP:
                j = skipped
            else:
                return None, "coordinated"
        else:
            return None, "coordinated"
    if low[j] in (",", ")", "]") or low[j] in _DASHES:
        skipped = _skip_parenthetical(s, j, lo)
        if skipped is None:
            return None, "none"
        j = skipped
    end = j
    k = j
    while k >= lo and end - k < _MAX_SUBJECT:
        w, p = low[k], pos[k]
        if group_of[k] >= 0 and s.clauses[group_of[k]].kind == "fin":
            rc = s.clauses[group_of[k]]
            if rc.relation == "relative" and rc.subj is not None:
                # "the group that wins the game will make": the antecedent and its relative clause
                r = rc.vs - 1
                while r >= lo and (pos[r] in _ADV or low[r] in _NEG):
                    r -= 1
                if r - 1 >= lo and low[r] in _REL and low[r - 1] != ",":
                    k = r - 1
                    continue
            break
        if group_of[k] >= 0:
            og = s.clauses[group_of[k]]
            if og.vs - 1 >= lo and (low[og.vs - 1] in (",", ";", ":") or low[og.vs - 1] in _CC or group_of[og.vs - 1] >= 0):
                break  # ", saying the agency had failed": a verb outside the noun phrase
        if w in (")", "]"):
            o = next((x for x in range(k - 1, lo - 1, -1) if low[x] == _BRACKET[w]), None)
            if o is not None and o > lo:
                k = o - 1
                continue
        if w in _PUNCT_STOP:
            if w == "," and k > lo:
                # "Britain, France and Germany said": a list of names
                if k + 1 <= end and pos[k + 1] in _NP_START and k - 1 >= lo and pos[k - 1] in _NOUN \
                        and any(low[x] in ("and", "or") for x in range(k + 1, end + 1)):
                    k -= 1
                    continue
            break
        if w in _SUBORD and p in ("IN", "WDT", "WRB", "RB"):
            break
        if w in _REL and p in ("WDT", "WP", "WP$"):
            break
        if w in _CC and k - 1 >= lo and group_of[k - 1] >= 0:
            break
        k -= 1
    a = k + 1
    # strip leading conjunctions, adverbs and a fronted prepositional phrase ("In 2004 the EU")
    while a <= end and (pos[a] in ("CC", "UH") or pos[a] in _ADV or low[a] in ("so", "well", "uh", "um")):
        a += 1
    if a <= end and pos[a] == "IN" and low[a] not in ("that",):
        # a fronted phrase: "In this study we", "At the end of 1990 two radiometers"
        split = None
        for b in range(a + 2, end + 1):
            if pos[b] in ("PRP", "DT", "PRP$", "NNP", "NNPS", "CD", "EX") and (pos[b - 1] in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP")
                                                                               or pos[b - 1] == "DT" and pos[b] == "PRP") \
                    and not (pos[b - 1] in ("NNP", "NNPS") and pos[b] in ("NNP", "NNPS")) and not (pos[b - 1] == "CD" and pos[b] == "CD"):
                split = b
        if split is None:
            commas = [x for x in range(a, end) if low[x] == ","]
            if commas:
                split = commas[-1] + 1  # "At the invitation of X, Chao and his wife returned"
        if split is not None:
            a = split
    while a <= end and low[a] in _TIME_NOUNS and a < end:
        a += 1
    if a > end:
        return None, "none"
    if pos[a] not in _NP_START and pos[a] not in ("VBG", "NNP", "WP", "``", "''") and low[a] not in ("'s",):
        return None, "none"
    if pos[a] in ("``", "''"):
        return None, "none"
    if pos[a] == "VBG" and group_of[a] < 0:
        return None, "none"
    if pos[a] in ("VBN", "VBG") and a < end and pos[a + 1] in _NOUN_JJ:
        pass  # "Infected ants chose", "Rising prices hurt"
    elif pos[a] in ("VBN",):
        return None, "none"
    while end > a and (pos[end] in _ADV or low[end] in ("-", "&")):
        end -= 1
    return (a, end), "own"


def _clause_end(s: Sentence, i: int, limit: int) -> int:
    """Extend from token i over adjuncts up to a boundary; the last token index of the clause."""
    pos, low = s.pos, s.low
    group_of = s.group_of
    last = i - 1
    j = i
    while j < limit:
        w, p = low[j], pos[j]
        if w in _PUNCT_STOP:
            break
        if group_of[j] >= 0:  # (the extent starts after the clause's own verb group)
            break
        if w in _SUBORD and p in ("IN", "WRB", "WDT") and w not in ("as",):
            break
        if w in _REL and p in ("WDT", "WP", "WP$"):
            break
        if w in _CC and j + 1 < limit and (pos[j + 1] in _VERB or pos[j + 1] in _ADV):
            break
        last = j
        j += 1
    return last


# --------------------------------------------------------------------------------------------
# 3. the sentence


def parse(s: Sentence) -> list[Clause]:
    """Find the clauses of one sentence (sets ``s.clauses`` and returns them)."""
    groups = _groups(s)
    s.clauses = groups
    group_of = s.group_of
    for g, c in enumerate(groups):
        if c.ve == c.vs:
            group_of[c.vs] = g
        else:
            group_of[c.vs:c.ve + 1] = [g] * (c.ve + 1 - c.vs)
    _subjects(s, groups)
    _objects(s, groups)
    _relations(s, groups)
    return groups


def _subjects(s: Sentence, groups: list[Clause]) -> None:
    """Each clause's subject, and the verb it depends on (``gov``) with its ``relation``."""
    n = len(s.low)
    group_of = s.group_of
    pos, low, lem = s.pos, s.low, s.lem
    for g, c in enumerate(groups):
        lo = 0
        if c.kind == "fin":
            span, how = _subject_left(s, c, lo)
            if how == "coordinated":
                prev = _before(groups, g, lambda p: p.kind == "fin" and p.subj is not None)
                if prev is not None:
                    c.subj, c.gov = prev.subj, prev
                    c.relation = "coordinated"
                    if prev.relation in ("relative", "reported", "complement"):
                        c.relation = prev.relation
                        c.gov = prev.gov
            elif how == "relative":
                c.subj, c.relation = span, "relative"
            elif how == "own":
                c.subj, c.own_subject = span, True
                if pos[span[1]] == "EX":
                    span = c.subj = (span[1], span[1])
                if pos[span[0]] == "EX":  # "there is little prospect of ...": the noun after the verb
                    c.subj = np_right(s, c.ve + 1, n)
                    c.own_subject, c.subj_after = False, c.subj is not None
            if c.subj is None and how == "none" and not c.guess:
                # "the ban imposed in 1989 remains": the participle read as a past tense was not one
                prev = _before(groups, g, lambda p: p.kind == "fin")
                if prev is not None and prev.guess and prev.subj is not None and prev.relation == "main" and not any(
                        low[k] in _CC or low[k] in (";", ":") for k in range(prev.ve + 1, c.vs)):
                    prev.kind, prev.voice, prev.relation, prev.tense, prev.guess = "part", "passive", "relative", None, False
                    c.subj, c.own_subject = prev.subj, True
            if c.subj is None and how == "none" and lem[c.main] in _SPEECH:
                # '"...," said Mr Berg' / "..., says the report"
                j = c.vs - 1
                if j >= 0 and low[j] in (",", '"', "''", "``", "”") or j < 0 or s.in_quote[max(j, 0)]:
                    span = np_right(s, c.ve + 1, n)
                    if span and not (span[0] == span[1] and low[span[0]] in _TIME_NOUNS):
                        c.subj, c.subj_after = span, True
        elif c.kind == "inf":
            j = c.vs - 1
            gov = None
            if j >= 0 and group_of[j] >= 0:
                gov = groups[group_of[j]]
                # "X refused to Z": X; "Y was urged to Z": Y
                c.subj, c.gov, c.relation = gov.subj, gov, "complement"
            elif j >= 0 and pos[j] in _NP_IN_PRP:
                np_ = _np_before(s, j)
                if np_ is not None and np_[0] - 1 >= 0 and group_of[np_[0] - 1] >= 0:
                    gov = groups[group_of[np_[0] - 1]]
                    c.subj, c.gov, c.relation = np_, gov, "complement"  # "X urged Y to Z": Y
                else:
                    c.relation = "complement"
            else:
                c.relation = "complement"
        elif c.kind == "ger":
            j = c.vs - 1
            while j > 0 and pos[j] in _ADV:
                j -= 1  # ", even suggesting"
            c.relation = "complement"
            if j >= 1 and pos[j] in _NP_IN_PRP and group_of[j] < 0:
                np_ = _np_before(s, j, of_chain=False)
                if np_ is not None and np_[0] - 1 >= 0 and pos[np_[0] - 1] == "IN":
                    c.subj = np_  # "little prospect of America agreeing"
                    c.own_subject = True
            elif j >= 0 and low[j] == "," and g > 0:
                prev = _before(groups, g, lambda p: p.kind == "fin")
                if prev is not None and prev.subj is not None:
                    c.subj, c.gov, c.relation = prev.subj, prev, "coordinated"  # ", saying that"
            elif j >= 0 and pos[j] in ("IN", "TO") and g > 0:
                prev = _before(groups, g, lambda p: p.kind == "fin")
                if prev is not None:
                    c.subj, c.gov = prev.subj, prev  # "responded by rejecting the plan"
        else:  # participle: "the ban imposed in 1989", ", backed by the EU,"
            j = c.vs - 1
            c.relation = "relative"
            if j >= 0 and low[j] == ",":
                j -= 1
            if j >= 0 and group_of[j] < 0:
                c.subj = _np_before(s, j)
            if c.subj is None:
                c.relation = "complement"
        if c.gov is None and c.kind == "fin" and c.relation == "main":
            # a that-clause or a bare complement of a reporting verb
            a = c.subj[0] if c.own_subject and c.subj else c.vs
            b = a - 1
            if b >= 0 and low[b] in _SUBORD and pos[b] in ("IN", "WRB", "WDT", "RB"):
                c.relation = "complement"
                if b - 1 >= 0 and group_of[b - 1] >= 0:
                    c.gov = groups[group_of[b - 1]]
                elif b - 1 >= 0:
                    c.gov = _before(groups, g, lambda p: p.ve < b) if low[b] == "that" else None
            elif b >= 0 and group_of[b] >= 0 and lem[groups[group_of[b]].main] in REPORTING:
                c.relation, c.gov = "complement", groups[group_of[b]]
    # "Rejected by the voters, the plan died": an opening participle's subject is the main clause's
    for g, c in enumerate(groups):
        if c.kind in ("part", "ger") and c.subj is None and c.vs <= 1 and (c.vs == 0 or low[0] in _CC):
            nxt = next((o for o in groups[g + 1:g + 4] if o.kind == "fin" and o.own_subject and o.subj is not None
                        and o.subj[0] > 0 and low[o.subj[0] - 1] == ","), None)
            if nxt is not None:
                c.subj, c.gov = nxt.subj, nxt


def _objects(s: Sentence, groups: list[Clause]) -> None:
    """Each clause's object or complement, the agent of a passive, and the clause's extent."""
    n = len(s.low)
    pos, low, lem = s.pos, s.low, s.lem
    group_of = s.group_of
    # objects, agents and the clause's extent
    for c in reversed(groups):
        i = c.ve + 1
        if c.subj_after:
            pass
        elif c.voice == "passive":
            j = i
            if j < n and pos[j] in ("DT", "PRP$", "PDT") and group_of[j] < 0:
                c.obj = np_right(s, j, n)  # "were asked a question", "was given the job"
                if c.obj is not None:
                    by = next((k for k in range(c.obj[0] + 1, c.obj[1] + 1) if low[k] == "by"), None)
                    if by is not None:
                        c.obj = (c.obj[0], by - 1)  # the agent is not part of it
                    j = c.obj[1] + 1
            while j < n and j < i + 16 and low[j] not in (";", ":", "(", "[", ".", "?", "!") \
                    and not (group_of[j] >= 0 and s.clauses[group_of[j]].kind == "fin"):
                if low[j] == "by" and j + 1 < n and not (pos[j + 1] == "CD" and not (j + 2 < n and pos[j + 2] in _NOUN)) \
                        and low[j + 1] not in _TIME_NOUNS:
                    if group_of[j + 1] >= 0 and pos[j + 1] == "VBG":
                        g2 = s.clauses[group_of[j + 1]]
                        c.agent = (j + 1, max(g2.ve, g2.obj[1] if g2.obj else -1))  # "by averaging"
                        break
                    c.agent = np_right(s, j + 1, n)
                    break
                if low[j] == "," and j + 1 < n and group_of[j + 1] >= 0:
                    break
                if low[j] in _SUBORD and pos[j] != "IN" or low[j] in _REL and pos[j] in ("WDT", "WP"):
                    break
                j += 1
        else:
            j = i
            while j < n and pos[j] in _ADV and group_of[j] < 0:
                j += 1
            if j + 1 < n and low[j] in _PARTICLES and pos[j] in ("IN", "RP", "RB") and pos[j + 1] in ("DT", "PRP$", "JJ", "NNP", "NNS", "CD"):
                j += 1  # "set up the college"
            if j < n:
                if low[j] in _WH and pos[j] in ("WRB", "WP", "WDT", "IN") and c.kind != "part" and j + 1 < n:
                    end = _complement_end(s, j + 1, n)  # "investigated how participants explore"
                    if end is not None:
                        c.obj = (j, end)
                elif low[j] == "that" and pos[j] in ("IN", "WDT", "DT") and j + 1 < n and (pos[j + 1] not in _NOUN or lem[c.main] in REPORTING):
                    end = _complement_end(s, j + 1, n)
                    if end is not None:
                        c.obj = (j, end)
                elif group_of[j] >= 0 and groups[group_of[j]].kind == "inf" and groups[group_of[j]].gov is c:
                    c.obj = (j, groups[group_of[j]].end)
                else:
                    np_ = np_right(s, j, n)
                    if np_ is not None:
                        k = np_[1] + 1
                        while k < n and pos[k] in _ADV and group_of[k] < 0:
                            k += 1
                        nxt = groups[group_of[k]] if k < n and group_of[k] >= 0 else None
                        if nxt is not None and nxt.kind == "fin" and nxt.subj is not None and nxt.subj[0] == np_[0]:
                            c.obj = (j, nxt.end)  # "said the EU would lift the ban": the complement clause
                            if lem[c.main] in REPORTING:
                                nxt.relation, nxt.gov = "complement", c
                        elif pos[np_[0]] == "PRP" and np_[1] == np_[0] and k < n and pos[k] in ("DT", "PRP$", "JJ", "NN", "NNS", "CD") \
                                and group_of[k] < 0:
                            second = np_right(s, k, n)  # "gives us a natural control", "teach him mathematics"
                            c.obj = (np_[0], second[1]) if second else np_
                        else:
                            c.obj = np_
        last = c.ve
        if c.obj is not None and c.obj[1] > last:
            last = c.obj[1]
        if c.agent is not None and c.agent[1] > last:
            last = c.agent[1]
        c.end = _clause_end(s, last + 1, n)  # (never before last)
        c.start = c.subj[0] if c.own_subject and c.subj and c.subj[0] < c.vs else c.vs
        if c.relation == "relative" and c.kind == "fin":
            r = c.vs - 1
            while r >= 0 and (pos[r] in _ADV or low[r] in _NEG):
                r -= 1
            if r >= 0 and low[r] in _REL:
                c.start = r


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
            if a > 0 and low[a - 1] in (",", '"', "''", "”") and c.end + 1 >= tail:
                for o in groups[:g]:
                    if o.relation == "main" and o.gov is None:
                        o.relation, o.gov = "complement", c
    # reported speech: complements of speech verbs and clauses inside quotation marks
    for c in groups:
        if c.gov is not None and c.relation == "complement" and lem[c.gov.main] in _SPEECH:
            c.relation = "reported"
        elif c.relation in ("main", "coordinated", "complement") and s.in_quote[c.vs] and lem[c.main] not in _SPEECH:
            c.relation = "reported"
    for c in groups:
        if c.relation in ("complement", "coordinated", "relative") and c.gov is not None and c.gov.relation == "reported" \
                and c.kind != "fin":
            c.relation = "reported" if c.relation == "complement" else c.relation


def _complement_end(s: Sentence, i: int, n: int) -> int | None:
    """Last token of the clause that starts at i (a that-clause): its first finite verb group."""
    for k in range(i, n):
        g = s.group_of[k]
        if g >= 0:
            for x in range(g, len(s.clauses)):
                c = s.clauses[x]
                if c.kind == "fin":
                    return max(c.end, c.ve)
            return None
    return None


def _before(groups: list[Clause], g: int, test) -> Clause | None:
    """The nearest clause before groups[g] that passes ``test``."""
    for k in range(g - 1, -1, -1):
        if test(groups[k]):
            return groups[k]
    return None


# --------------------------------------------------------------------------------------------
# the layer


_QUOTE_MARKS = frozenset({'"', "“", "``", "”", "''"})
_QUOTE_MARK_TEXTS = tuple(sorted(_QUOTE_MARKS))  # a token's lower case is its text, for these


def _quote_flags(doc, low: list[str], starts: list[int]) -> list[bool]:
    """Per token: inside double quotation marks (a paragraph starts outside). ``starts``: each
    token's start offset."""
    flags = [False] * len(low)
    # a mark is a token that is one of the marks: found in the text (str.find runs at C speed),
    # then its token by offset
    text = doc.text
    found = set()
    for mark in _QUOTE_MARK_TEXTS:
        i = text.find(mark)
        while i >= 0:
            k = bisect_left(starts, i)
            if k < len(starts) and starts[k] == i and low[k] in _QUOTE_MARKS:
                found.add(k)
            i = text.find(mark, i + 1)
    if not found:
        return flags
    quote_at = sorted(found)
    # the state changes only at a mark: walk the marks, paragraph (run of one para_id) by paragraph
    para_array = np.asarray(column_values(doc.tokens, "para_id"))
    bounds = (np.flatnonzero(para_array[1:] != para_array[:-1]) + 1).tolist()
    run_starts, run_ends = [0, *bounds], [*bounds, len(low)]
    run, inside, prev = -1, False, 0
    for t in quote_at:
        r = bisect_right(run_starts, t) - 1
        if r != run:
            if inside:
                flags[prev:run_ends[run]] = [True] * (run_ends[run] - prev)
            run, inside, prev = r, False, t
        if inside and t > prev:
            flags[prev:t] = [True] * (t - prev)
        w = low[t]
        if w == '"':
            inside = not inside
            flags[t] = inside
        elif w in ("“", "``"):
            inside = flags[t] = True
        else:
            flags[t] = inside
            inside = False
        prev = t + 1
    if inside:
        flags[prev:run_ends[run]] = [True] * (run_ends[run] - prev)
    return flags


def sentences_of(doc) -> list[Sentence]:
    """Every sentence of ``doc`` parsed into clauses (made once per document, then shared by the
    stance and other layers that read clauses by token position)."""
    cached = doc.__dict__.get("_clause_sentences")
    if cached is not None and cached[0] is doc.tokens:
        return cached[1]
    col = doc.token_list
    low, lem, pos, st, en = col("lower"), col("lemma"), col("pos"), col("start"), col("end")
    sents = doc.sentences
    sid_array = np.asarray(column_values(doc.tokens, "sent_id"))
    sent_ids = column_values(sents, "sent_id")
    lefts = np.searchsorted(sid_array, sent_ids, side="left").tolist() if len(sid_array) else [0] * len(sents)
    rights = np.searchsorted(sid_array, sent_ids, side="right").tolist() if len(sid_array) else [0] * len(sents)
    spans = dict(zip(np.asarray(sent_ids).tolist(), zip(lefts, rights)))
    flags = _quote_flags(doc, low, st)
    out = []
    for sid, pid, s_start, s_end in zip(*(column_values(sents, c).tolist() for c in ("sent_id", "para_id", "start", "end"))):
        a, b = spans.get(sid, (0, 0))
        s = Sentence(low[a:b], lem[a:b], pos[a:b], st[a:b], en[a:b], sid, pid, s_start, s_end, flags[a:b])
        parse(s)
        out.append(s)
    doc.__dict__["_clause_sentences"] = (doc.tokens, out)
    return out


class _Mentions:
    def __init__(self, doc):
        try:
            m = doc.mentions
        except AttributeError:
            m = None
        if m is None or not len(m):
            self.starts, self.rows = [], []
            return
        ids = column_values(m, "actor_id")
        to_arrow = getattr(ids, "__arrow_array__", None)
        # (pyarrow's list of an arrow column is quicker than pandas' tolist; missing is None)
        ids = to_arrow().to_pylist() if to_arrow is not None and getattr(ids.dtype, "storage", None) == "pyarrow" \
            else ids.tolist()
        rows = [r for r in zip(column_values(m, "start").tolist(), column_values(m, "end").tolist(), ids)
                if isinstance(r[2], str) and r[2]]
        rows.sort()
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def actor(self, start: int, end: int, s: "Sentence", span):
        """The actor of the first mention inside the phrase's head [start, head end], else of the
        first inside the whole phrase (token span ``span`` of ``s``; its head is found only when a
        mention starts inside the phrase)."""
        k = bisect_left(self.starts, start)
        if k == len(self.rows) or self.rows[k][0] >= end:
            return None
        return self.actor_from(k, end, s, span)

    def actor_from(self, k: int, end: int, s: "Sentence", span):
        """:meth:`actor` once ``k``, the first mention starting inside the phrase, is known."""
        head_end = None  # found only for a mention that starts after the phrase's first word
        first_word_end = s.en[span[0]]
        first = None
        rows = self.rows
        while k < len(rows) and rows[k][0] < end:
            ms, me, aid = rows[k]
            if me <= end:
                if ms < first_word_end:
                    return aid  # inside the head, which holds at least the first word
                if head_end is None:
                    head_end = _head_end(s, span)
                if ms < head_end:
                    return aid
                if first is None:
                    first = aid
            k += 1
        return first


def _head_end(s: Sentence, span) -> int:
    a, b = span
    for k in range(a + 1, b + 1):
        if s.low[k] in _ATTACH and s.pos[k] in ("IN", "TO"):
            return s.en[k - 1]
    return s.en[b]


_INT_COLUMNS = ("clause_id", "para_id", "sent_id", "start", "end", "verb_start", "verb_end",
                "subject_start", "subject_end", "object_start", "object_end", "agent_start", "agent_end")
_STR_COLUMNS = ("text", "verb", "lemma", "voice", "modal", "tense", "subject", "object", "agent",
                "subject_actor_id", "object_actor_id", "agent_actor_id", "relation")
_NULLABLE = frozenset(_INT_COLUMNS[7:])
_CLAUSE_FIELDS = attrgetter("start", "end", "vs", "ve", "main", "voice", "negated", "modal", "hedged", "tense",
                            "subj", "obj", "agent", "relation")


def _string_columns(flat: list, n: int, k: int) -> list:
    """``k`` columns of ``n`` strings (or None) each, laid end to end in ``flat``, as arrays of
    pandas' ``str`` dtype: one pyarrow conversion for all of them, then zero-copy slices."""
    arrow = _arrow_strings()
    template = _str_template()
    if arrow is None or template is None or not n:  # pragma: no cover - pandas 2 or a changed pandas
        return [string_array(flat[j * n:(j + 1) * n]) for j in range(k)]
    make, large_string = arrow[0], arrow[1]
    big = make(flat, type=large_string)
    return [template._from_pyarrow_array(big.slice(j * n, n)) for j in range(k)]


@lru_cache(maxsize=1)
def _str_template():
    """An array of the ``str`` dtype whose ``_from_pyarrow_array`` wraps a pyarrow array without
    the checks of the public constructor (None when this pandas has no such method)."""
    template = string_array(["x"])
    return template if hasattr(template, "_from_pyarrow_array") else None


def clauses(doc) -> pd.DataFrame:
    """One row per verb group that heads a clause (see the module's description for the columns).

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``clause_id, para_id, sent_id, start, end, text`` (the clause), ``verb_start,
        verb_end, verb`` (the verb group as written), ``lemma`` (of the main verb), ``voice``
        (active | passive), ``negated``, ``modal``, ``hedged``, ``tense`` (past | present |
        future; ``<NA>`` for infinitives, gerunds and participles), ``subject_*``, ``object_*``,
        ``agent_*`` (start, end, text of each phrase; ``<NA>`` when there is none), their actor
        ids from ``doc.mentions`` and ``relation`` (main | coordinated | relative | complement |
        reported).
    """
    sents = sentences_of(doc)
    text = doc.text
    mentions = _Mentions(doc)
    m_starts, m_rows = mentions.starts, len(mentions.rows)
    actor_from = mentions.actor_from
    ints: list = []  # 13 per clause, row after row
    strs: list = []  # 13 per clause
    flags: list = []  # negated, hedged
    cid = 0
    for s in sents:
        st, en, lem = s.st, s.en, s.lem
        pid, sid = s.para_id, s.sent_id
        for start, end, vs, ve, main, voice, negated, modal, hedged, tense, subj, obj, agent, relation \
                in map(_CLAUSE_FIELDS, s.clauses):
            cid += 1
            a, b = st[start], en[end]
            vs, ve = st[vs], en[ve]
            # the three phrases, written out (-1: no phrase; offsets are never negative)
            if subj is None:
                sp = sq = -1
                subj_text = subj_id = None
            else:
                sp, sq = st[subj[0]], en[subj[1]]
                subj_text = text[sp:sq]
                k = bisect_left(m_starts, sp)
                subj_id = actor_from(k, sq, s, subj) if k < m_rows and m_starts[k] < sq else None
            if obj is None:
                op = oq = -1
                obj_text = obj_id = None
            else:
                op, oq = st[obj[0]], en[obj[1]]
                obj_text = text[op:oq]
                k = bisect_left(m_starts, op)
                obj_id = actor_from(k, oq, s, obj) if k < m_rows and m_starts[k] < oq else None
            if agent is None:
                ap = aq = -1
                agent_text = agent_id = None
            else:
                ap, aq = st[agent[0]], en[agent[1]]
                agent_text = text[ap:aq]
                k = bisect_left(m_starts, ap)
                agent_id = actor_from(k, aq, s, agent) if k < m_rows and m_starts[k] < aq else None
            ints += (cid, pid, sid, a, b, vs, ve, sp, sq, op, oq, ap, aq)
            strs += (text[a:b], text[vs:ve], lem[main], voice, modal, tense, subj_text, obj_text, agent_text,
                     subj_id, obj_id, agent_id, relation)
            flags += (negated, hedged)
    n = cid
    data = np.fromiter(ints, dtype=np.int64, count=len(ints)).reshape(n, len(_INT_COLUMNS)).T.copy()
    missing = data[7:] < 0
    nullable = [pd.arrays.IntegerArray(data[7 + j], missing[j]) for j in range(len(_INT_COLUMNS) - 7)]
    k = len(_STR_COLUMNS)
    flat: list = []
    for j in range(k):
        flat += strs[j::k]  # column after column
    strings = _string_columns(flat, n, k)
    both = np.array(flags, dtype=bool).reshape(n, 2).T.copy()
    return _table(n, data, nullable, strings, both)


@lru_cache(maxsize=1)
def _layout():
    """Where each group of columns goes in :data:`COLUMNS`, and pandas' block constructor (None
    when this pandas has none)."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:  # pragma: no cover - pandas < 2.3
        create_dataframe_from_blocks = None
    at = {name: i for i, name in enumerate(COLUMNS)}
    return (create_dataframe_from_blocks, pd.Index(COLUMNS),
            np.array([at[name] for name in _INT_COLUMNS[:7]], dtype=np.intp),
            np.array([at["negated"], at["hedged"]], dtype=np.intp),
            [np.array([at[name]], dtype=np.intp) for name in _INT_COLUMNS[7:]],
            [np.array([at[name]], dtype=np.intp) for name in _STR_COLUMNS])


def _table(n: int, data, nullable: list, strings: list, both) -> pd.DataFrame:
    """The clauses DataFrame from its columns: ``data`` (the 13 int columns, one per row; the
    first 7 are plain int64), the 6 nullable offsets, the 13 string arrays and the 2 bool rows.
    Built from pandas blocks directly when it can be (the int and bool columns already lie
    side by side), else column by column."""
    make, columns, int_at, bool_at, nullable_at, string_at = _layout()
    if make is not None:
        blocks = [(data[:7], int_at), (both, bool_at), *zip(nullable, nullable_at), *zip(strings, string_at)]
        try:
            return make(blocks, index=pd.RangeIndex(n), columns=columns)
        except (TypeError, ValueError, AssertionError):  # pragma: no cover - a changed pandas
            pass
    cols = dict(zip(_INT_COLUMNS, [*data[:7], *nullable]))
    cols.update(zip(_STR_COLUMNS, strings))
    cols["negated"], cols["hedged"] = both[0], both[1]
    return frame_from_columns(COLUMNS, [cols[name] for name in COLUMNS])

__all__ = ["COLUMNS", "RELATIONS", "REPORTING", "clauses", "np_right", "parse", "sentences_of"]
