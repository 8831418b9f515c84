"""Wishes of a named holder: "X wants Y", "they don't want to be profiled", "X hoped for Y",
"X would like to Y", "X wishes to Y" — favour of what is wished (against when the wish is negated)."""

from __future__ import annotations

from .clause_reading import _clause_at, _governing_finite, _in_question, _target_ok
from .sentence import _np_left
from .holders import _holder_ok, _pronoun_head

#: the lemmas that can open a wish (the gate: a sentence without one is not read)
WISH_LEMMAS = frozenset({"want", "wish", "hope", "like"})
#: "want to say / thank / know": a way of speaking, not a wish about anything
_SPEAKING = frozenset({"say", "tell", "know", "ask", "talk", "speak", "hear", "note", "add", "stress", "emphasize",
                       "emphasise", "remind", "point", "clarify", "mention", "share", "explain", "thank", "apologize",
                       "apologise", "assure", "caution", "congratulate", "make", "go", "come", "get", "do", "look",
                       "think", "wait", "check", "find", "figure", "comment", "study", "learn", "consider", "review", "examine",
                       "explore", "respond", "answer", "discuss",
                       "reiterate", "underscore", "acknowledge", "express", "let", "take", "offer", "believe",
                       "remember", "reassure", "recognize", "highlight", "admit", "repeat"})
_NEGATORS = frozenset({"not", "n't", "n’t", "never"})
_QUOTE_OPEN = frozenset({'"', "“", "``"})
_QUOTE_CLOSE = frozenset({'"', "”", "''"})
_STOP = frozenset({".", "!", "?", ";", ":", "—", "–", "--", '"', "“", "”", "''", "``"})
_STOP_AFTER_COMMA = frozenset({"but", "and", "while", "because", "so", "which", "who", "he", "she", "they", "said",
                               "says", "according", "although", "though", "or", "as", "if", "when", "we", "i"})
_STOP_WORDS = frozenset({"because", "unless", "although", "though", "whereas", "since"})
#: holders that name no one in particular, or the reader ("if you want")
_NOT_WISHERS = frozenset({"you", "it", "this", "that", "there", "nobody", "someone", "somebody", "anyone", "anybody",
                          "what", "which", "one"})
_RELATIVE = frozenset({"who", "that", "which"})
_MAX = 25


def _target_end(cs, j: int) -> int:
    """The last token of what is wished from j: up to the end of the clause (a full stop, a dash,
    a quotation mark, ", but", "because" …), at most 25 tokens."""
    low, n = cs.low, len(cs.low)
    end = j - 1
    m = j
    opened = False
    while m < n and m - j < _MAX:
        w = low[m]
        if w in _QUOTE_OPEN and not opened and m + 1 < n and low[m + 1].isalnum() and m > j:
            opened = True  # 'to have a "real conservative in office"': a quotation inside what is wished
            m += 1
            continue
        if opened and w in _QUOTE_CLOSE:
            opened = False
            end = m
            m += 1
            continue
        if w in _STOP or w in _STOP_WORDS or (w == "," and m + 1 < n and (
                low[m + 1] in _STOP_AFTER_COMMA or low[m + 1] in _STOP or cs.pos[m + 1].startswith("VB"))):
            break
        end = m
        m += 1
    while end >= j and low[end] in (",", ".", "'s"):
        end -= 1
    return end


def _wish_cues(cs):
    """``(cue start, cue end, holder span, target span, label, clause)`` for each wish in the
    sentence: *want*, *wish*, *would like* before a noun phrase or an infinitive ("wants to
    lower the tax", "wants Congress to act", "do not want her as president"), *hope for* and
    *hope (that)* before a clause. Not in a question or a condition ("if you want safer streets"),
    not for "want to say / thank / know" (a way of speaking), not without a target."""
    low, lem, pos = cs.low, cs.lem, cs.pos
    n = len(low)
    out = []
    for k in [k for k, x in enumerate(lem) if x in WISH_LEMMAS and k < n - 1]:
        lm = lem[k] if pos[k] != "NNS" else low[k]
        if lm not in WISH_LEMMAS:
            continue
        misread = pos[k] == "NN" and lm in ("want", "hope") and k > 0 and pos[k - 1] in ("NNS", "NNPS") \
            and cs.low[k - 1].isalpha() and pos[k + 1] in ("DT", "TO", "PRP", "NNP", "PRP$")
        if not (pos[k].startswith("VB") or lm == "like" or misread):
            continue  # ("officials hope the plan works": the tagger may read *hope* as a noun)
        if k > 0 and (pos[k - 1] in ("PRP$", "DT", "POS", "JJ") or low[k - 1] in ("'s", "’s", "'")):
            continue  # "their hopes for the plan", "the wish of the family": a noun
        j = k + 1
        if lm == "like":
            # only "would like (to)" / "'d like (to)"
            p = k - 1
            while p >= 0 and pos[p] in ("RB", "RBR"):
                p -= 1
            if p < 0 or low[p] not in ("would", "'d", "’d"):
                continue
        if lm == "hope":
            if low[j] == "for":
                j += 1
            elif low[j] == "that":
                j += 1
            elif not pos[j].startswith(("NNP", "PRP", "DT")):
                continue  # "hope so", "hope, he said"; "hope to win": a hope for oneself, rarely a stance
        if lm == "wish" and pos[j].startswith("NN") and not pos[j].startswith("NNP"):
            continue  # "his wish list"
        if j < n and low[j] in ('"', "“", "‘", "'"):
            j += 1  # 'wants "a fair deal"'
        if j >= n or low[j] in _STOP or pos[j] in ("IN", "RB", ",") and not (low[j] == "for" and lm == "hope") \
                or low[k + 1] == "for" and lm != "hope":
            continue  # "what I want in a candidate", "wanted so badly", "wanted for questioning"
        if pos[k] == "VBN" and k > 0 and pos[k - 1] in ("NN", "NNS", "NNP", "NNPS"):
            continue  # "the activist wanted by the police": a participle after a noun
        if k > 0 and low[k].endswith("s") and (pos[k - 1] in ("IN", "TO", "DT", "JJ", "PRP$", "POS") or low[k - 1] in ("'s", "’s")):
            continue  # "from praise to hopes he will win", "the wishes of the family": a noun, no one's wish
        if low[j] == "to" and j + 1 < n and (lem[j + 1] in _SPEAKING or low[j + 1] in _SPEAKING):
            continue  # "I want to say", "we want to thank"
        if low[j] == "to" and j + 2 < n and lem[j + 1] == "be" and pos[j + 2] not in ("VBN", "VBD"):
            continue  # "wants to be president", "would like to be able to …": a wish about oneself, no target
            # ("wants to be treated fairly", a passive, is read)
        end = _target_end(cs, j)
        if end < j or not _target_ok(cs, (j, end)):
            continue
        c = _clause_at(cs, k, k + 1)
        if c is not None and (misread or c.vs > k):
            c = None if misread else c
        if (c is None and not misread) or (c is not None and _in_question(cs, c)) or "?" in low[k:]:
            continue
        holder = None
        if c is None:
            pass
        elif c.subj is not None and c.subj[1] < k:
            holder = c.subj
        elif c.kind in ("inf", "ger"):
            g = _governing_finite(cs, c)
            if g is not None and g.subj is not None and g.subj[1] < k:
                holder = g.subj
        if holder is None:
            p = k - 1
            while p >= 0 and (pos[p] in ("RB", "MD") or low[p] in _NEGATORS or lem[p] in ("do", "have", "be")):
                p -= 1
            holder = _np_left(cs, p) if p >= 0 else None
        if holder is None:
            continue
        a, b = holder
        if a == b and low[a] in _RELATIVE and a > 0:
            p = a - 1 if low[a - 1] != "," else a - 2
            holder = _np_left(cs, p) if p >= 0 else None  # "Smith, who wants to lower taxes": Smith
            if holder is None:
                continue
            a, b = holder
        holder = _pronoun_head(cs, holder)
        if holder[0] > 0 and pos[holder[0] - 1] in ("NN", "NNS") and low[holder[0] - 1].isalpha() and pos[holder[0]] == "PRP":
            continue  # "the things he wants to do": a relative clause without *that*
        if low[holder[0]] in _NOT_WISHERS or low[holder[1]] in _NOT_WISHERS or not _holder_ok(cs, holder):
            continue
        negated = any(w in _NEGATORS for w in low[holder[1] + 1:k])
        out.append((k, k, holder, (j, end), "against" if negated else "favor", c))
    return out


#: what is said to be needed: "Outright victory is vital, he said" (the gate, with "time")
NECESSARY = frozenset({"vital", "essential", "crucial", "imperative", "necessary", "needed", "critical", "indispensable",
                       "time"})
_BE = frozenset({"is", "was", "are", "were", "'s", "’s", "be", "remains"})


def _necessities(cs):
    """``(cue start, cue end, speaker clause, target span, "favor", clause)`` for what someone says
    is needed: "Outright victory is vital, he said" (favour of *outright victory*), "'What is
    imperative is that we keep the party together,' she said" and "it's time (for the city) to
    act" (favour of what follows). The holder is the one who says it (found by the caller)."""
    low, n = cs.low, len(cs.low)
    out = []
    for k in [k for k, w in enumerate(low) if w in NECESSARY and 0 < k < n - 1]:
        w = low[k]
        p = k - 1
        while p > 0 and (cs.pos[p] in ("RB", "RBR") or low[p] in ("absolutely", "so", "really")):
            p -= 1
        if p < 1 or low[p] not in _BE or (w == "time" and low[p - 1] != "it"):
            continue
        c = _clause_at(cs, p, p + 1)
        if c is not None and (c.negated or _in_question(cs, c)) or any(x in ("not", "n't", "n’t", "never") for x in low[p:k]):
            continue
        if w == "time":
            # "it's time to act", "it is time for the council to act", "it's time a prosecutor be named"
            if low[p - 1] != "it" or (k + 1 < n and low[k + 1] not in ("to", "for", "that", "a", "the", "we", "they")):
                continue
            t0 = k + 1 + (low[k + 1] == "that")
            if low[k + 1] == "for":
                t0 = k + 2
            end = _target_end(cs, t0)
            if end < t0 + 1:
                continue
            out.append((k, k, c, (t0, end), "favor", c))
        elif low[p - 1] == "what" and k + 2 < n and low[k + 1] in _BE:
            t0 = k + 2 + (low[k + 2] == "that")
            end = _target_end(cs, t0)
            if end >= t0 + 1:
                out.append((k, k, c, (t0, end), "favor", c))
        elif c is not None and c.subj is not None and c.subj[1] < p and low[c.subj[0]] not in ("it", "this", "that", "what", "there") \
                and (k + 1 >= n or low[k + 1] not in ("to", "for", "that", "in")):
            # "Outright victory is vital" (not "vital to the economy", "necessary for growth")
            out.append((k, k, c, c.subj, "favor", c))
    return out
