"""The sentence walker: a sentence's tokens, cue matching on words and lemmas, and word-order phrases."""

from __future__ import annotations


from .vocabulary import (
    _AUX, _BOUNDARY, _DASHES, _MAX_TARGET, _MODAL_HEDGES, _NOT_TARGET_START, _NP_POS, _NP_PREP, _QUANTIFIERS,
    _QUOTE_MARKS, _REL, _SKIP_POS,
)


_REL_NOT_THAT = frozenset(_REL - {"that"})  # the relative words that open an aside: ", which ... ,"


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
    low, lem, pos = s.low, s.lem, s.pos
    j, n = i, len(low)
    for k, w in enumerate(words):
        if k:
            gap = 0
            while j < n and (pos[j] in ("RB", "RBR", "RBS") or low[j] in _QUOTE_MARKS) and low[j] != w and lem[j] != w and gap < 2:
                j += 1
                gap += 1
        if j >= n:
            return None
        if low[j] != w and lem[j] != w and not (w == "favor" and low[j] == "favour"):
            return None
        j += 1
    return j


def _np_left(s: _Sent, j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token j (inclusive), walking left; None when there is none."""
    low, pos = s.low, s.pos
    # skip a ", which ... ," relative clause between subject and verb
    # skip a ", which ... ," relative clause or a ", at the request of X," phrase before the verb
    if j >= 0 and low[j] == ",":
        for k in range(j - 1, 0, -1):
            if low[k] == ",":
                inner = range(k + 1, j)
                if (low[k + 1] in _REL_NOT_THAT or pos[k + 1] == "IN"
                        or (j - k <= 3 and not any(pos[x].startswith("VB") for x in inner))
                        or (pos[k + 1] in ("VBN", "VBD") and k + 2 < j and low[k + 2] == "by")  # ", goaded by X,"
                        or (pos[k + 1] == "VBG" and j - k <= 14 and k > 0 and pos[k - 1].startswith("NN"))):  # ", speaking at X,"
                    j = k - 1
                    break
                return None
        else:
            return None
    if j >= 1 and low[j] in _DASHES:
        # "Trump's running mate — Indiana Gov. Mike Pence — has thrown": the name between the dashes
        k = next((k for k in range(j - 1, max(-1, j - 12), -1) if low[k] in _DASHES), None)
        if k is None or k + 1 > j - 1:
            return None
        inner = (k + 1, j - 1)
        if all(pos[x] in _NP_POS or low[x] in (",", "and", "of") for x in range(*inner)) \
                and any(pos[x].startswith("NNP") for x in range(inner[0], inner[1] + 1)) and low[k + 1] not in _QUANTIFIERS:
            j = inner[1]
        else:
            return None
    end = j
    if j >= 0 and pos[j] == "PRP":
        return (j, j)  # a personal pronoun is a noun phrase on its own ("said on Wednesday it was")
    while j >= 0:
        p, w = pos[j], low[j]
        if p in _NP_POS or w in ("-", "'s", "’s") or (p in ("VBN", "VBG") and j > 0 and pos[j - 1] in ("DT", "JJ", "PRP$") and j < end):
            j -= 1
        elif w in ("and", "&") and j > 0 and pos[j - 1] in _NP_POS:
            j -= 1
        elif w in _NP_PREP and j > 0 and pos[j - 1] in ("NN", "NNS", "NNP", "NNPS") and j < end:
            j -= 1
        else:
            break
    if j == end:
        return None
    start = j + 1
    # "not only X, but Y" and sentence-initial conjunctions are not part of the subject
    while start <= end and low[start] in ("and", "but", "or"):
        start += 1
    return (start, end) if start <= end else None


def _verb_here(s: _Sent, i: int) -> bool:
    """Token i is a verb, or stands where only a verb can ("will probably back", "to back")."""
    if s.pos[i].startswith("VB"):
        return True
    if i > 0 and s.low[i - 1] in ("i", "we", "they", "you", "he", "she") and s.pos[i - 1] == "PRP":
        return True  # right after a subject pronoun only a verb can stand ("I like Paul", tagged as a preposition)
    if s.pos[i] == "NNS" and 0 < i < len(s.pos) - 1 and s.low[i][-1] == "s" and (s.pos[i + 1] in ("NNP", "NNPS", "PRP$") or (
            s.pos[i + 1] in ("NN", "DT") and s.pos[i - 1] in ("NNP", "NNPS"))) \
            and (s.pos[i - 1] in ("NN", "NNP", "NNPS") or s.low[i - 1] in ("that", "who", "which")):
        return True  # "mayor rebuffs Smith", "a tweet that blasts Brown": a verb in -s read as a plural noun
    if s.pos[i] == "NN" and 0 < i < len(s.pos) - 1 and s.pos[i - 1] == "NNS" \
            and s.pos[i + 1] in ("DT", "VBG", "PRP$", "NNP", "NNPS", "PRP", "CD"):
        return True  # "majorities favor letting them stay": a plural subject, then the verb read as a noun
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
    low, lem, pos = s.low, s.lem, s.pos
    j = i - 1
    while j >= 0 and (pos[j] in _SKIP_POS or lem[j] in _AUX or low[j] in negs or pos[j].startswith("VB")
                      or low[j] == "themselves"):
        if low[j] in _QUANTIFIERS and (j == 0 or not (pos[j - 1].startswith(("VB", "MD")) or lem[j - 1] in _AUX)):
            break  # "although most oppose it": "most" is the subject, not an adverb of the verb
        j -= 1
    return j + 1


def _target_right(s: _Sent, i: int) -> tuple[int, int] | None:
    low, pos = s.low, s.pos
    j, n = i, len(low)
    if j + 1 < n and low[j] in _QUOTE_MARKS:
        i = j = j + 1  # blasted "the ignorant view": the quoted words are the target
    while j < n and j - i < _MAX_TARGET and (low[j] not in _BOUNDARY or pos[j] == "POS"
                                             or (low[j] in _QUOTE_MARKS and j > i and _scare_quote(s, j))):
        if low[j] in _QUOTE_MARKS:
            j = _scare_quote(s, j)  # called for more "flexibility" for advisers: words in quotes inside the phrase
            continue
        if j > i and low[j] in ("and", "but", "or") and j + 1 < n and (pos[j + 1] in ("VBD", "VBZ", "VBP", "VBN") or (
                pos[j + 1] == "RB" and j + 2 < n and pos[j + 2] in ("VB", "VBD", "VBZ", "VBP"))):
            break  # "... and stated the need for": a second verb phrase starts
        if j > i and low[j] in _NOT_TARGET_START and pos[j] in ("IN", "WRB"):
            break  # "endorsed Smith before backing Jones": a time clause is not part of the target
        j += 1
    return (i, j - 1) if j > i else None


def _scare_quote(s: _Sent, j: int) -> int:
    """After the quotation mark at j opens a few quoted words inside a phrase, where the phrase goes on
    (the index past the closing mark); 0 when it does not ("more "flexibility" for advisers")."""
    n = len(s.low)
    k = next((k for k in range(j + 1, min(n, j + 6)) if s.low[k] in _QUOTE_MARKS or s.low[k] in (",", ".")), None)
    if k is None or k == j + 1 or s.low[k] not in _QUOTE_MARKS or k + 1 >= n:
        return 0
    nxt = s.low[k + 1]
    return k + 1 if nxt not in _BOUNDARY and not s.pos[k + 1].startswith(("VB", "MD")) else 0
