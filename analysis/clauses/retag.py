"""Tags mended for the clause reader only (the ``tokens`` layer is unchanged): "the US" read as a
pronoun, present-tense verbs the tagger took for nouns or adjectives, contractions."""

from __future__ import annotations

from functools import lru_cache

from .vocabulary import _ADV, _FIN, _NOUN


_NOMINATIVE = frozenset({"we", "they", "i", "you", "he", "she"})
_SEGMENT_EDGE = frozenset({",", ";", ":", "that", "which", "who", "whom", "(", ")", '"', "“", "”", "–", "—"})


@lru_cache(maxsize=4096)
def _can_be_verb(word: str):
    from lemminflect import getAllLemmas

    found = getAllLemmas(word, "VERB").get("VERB")
    return found[0] if found else None


_CONTRACTION_POS = frozenset({"VBZ", "VBP", "VBD", "MD", "VB", "POS"})
_RETAG_PREV = frozenset({"TO", "MD", "PRP", "NN", "NNS", "NNP", "NNPS", "RB", "RBR", "RBS"})
_CONTRACTIONS = {"ve": "have", "re": "be", "m": "be", "ll": "will", "d": "would"}
_APOSTROPHES = ("'", "’")
_NOUN_ADJ = frozenset({"NN", "NNS", "JJ"})
_TO_MD = frozenset({"TO", "MD"})
_LOOKED_AT = _NOUN_ADJ | {"RB", "PRP"} | _CONTRACTION_POS  # the tags of all the words looked at
_NOUN_VERB_NEXT = frozenset({"DT", "PRP$", "PDT", "TO", "CD"})  # what follows a noun read as a verb
_NOT = frozenset({"not", "n't", "n’t"})
_DO = frozenset({"do", "does", "did"})
#: what may follow a verb the tagger read as an adverb after "to" or "did not" ("to back Lee")
_OBJECT_START = frozenset({"DT", "PRP$", "PDT", "CD", "NNP", "NNPS"})


def _candidates(low: list, pos: list) -> list[int]:
    """The positions :func:`_retag` looks at (the tags before are the tagger's; a word changed
    there only ever becomes a verb, MD or NNP): a noun or adjective after a word of
    _RETAG_PREV (after a noun, only a noun followed by what a verb takes), an adverb after "to"
    or a modal, "us" after "the", and a contraction (by its apostrophe)."""
    n = len(low)
    out = []
    q = pos[0] if n else None  # the tag before (a loop, not a comprehension: no closure cells)
    for k in range(1, n):
        p = pos[k]
        if p in _LOOKED_AT and (
                p in _NOUN_ADJ and q in _RETAG_PREV
                and not (q in _NOUN and (p == "JJ" or k + 1 >= n or pos[k + 1] not in _NOUN_VERB_NEXT))
                or p == "RB" and q in _TO_MD
                or p == "RB" and q == "RB" and k >= 2 and low[k - 1] in _NOT and low[k - 2] in _DO
                or p == "PRP" and low[k] == "us" and low[k - 1] == "the"
                or p in _CONTRACTION_POS and low[k][:1] in _APOSTROPHES):
            out.append(k)
        q = p
    return out


def _retag(s: "Sentence") -> bool:
    """Mend the tags the clause reader depends on most, in the sentence's own copy: "the US"
    tagged as a pronoun, and a present-tense verb the tagger took for a noun or adjective when
    it stands right after a subject pronoun ("we present", "they report") or after a noun in a
    stretch with no other finite verb ("Inclusive institutions guarantee the right"). Only the
    words :func:`_candidates` finds are looked at. True when a tag changed."""
    low, pos = s.low, s.pos
    n = len(low)
    changed = False
    for k in _candidates(low, pos):
        p = pos[k]
        w = low[k]
        if p in _CONTRACTION_POS and w[:1] in {"'", "’"}:
            # contractions: "we've served", "you're speaking", "he's claiming", "they'd agreed"
            base = w[1:]
            if base == "s" and p in {"VBZ", "POS"} and k + 1 < n and (pos[k + 1] in {"VBG", "VBN", "RB"} or low[k + 1] == "been"):
                s.lem[k], pos[k] = ("have" if low[k + 1] == "been" else "be"), "VBZ"
            elif base in _CONTRACTIONS:
                s.lem[k] = _CONTRACTIONS[base]
                if base in {"ll", "d"}:
                    pos[k] = "MD"
            continue
        if p == "PRP":
            if w == "us" and low[k - 1] == "the":
                pos[k] = "NNP"  # "the US"
                changed = True
            continue
        if pos[k - 1] not in _RETAG_PREV:
            continue
        if p in {"RB", "NN", "JJ"} and (low[k - 1] == "to" and pos[k - 1] == "TO" or
                                        p == "RB" and low[k - 1] in _NOT and k >= 2 and low[k - 2] in _DO) and k + 1 < n \
                and (pos[k + 1] in _OBJECT_START or low[k + 1] in {"up", "down", "out", "off", "away", "for"})\
                and low[k].isalpha():
            lemma = _can_be_verb(low[k])  # "to back the plan", "did not back Lee": the tagger's adverb
            if lemma:
                pos[k], s.lem[k] = "VB", lemma
                changed = True
            continue
        if p in {"NN", "JJ", "RB"} and pos[k - 1] == "MD" and low[k].isalpha() and k + 1 < n and pos[k + 1] not in {"NN", "NNS"}:
            lemma = _can_be_verb(low[k])  # "will form the government": a verb after a modal
            if lemma:
                pos[k], s.lem[k] = "VB", lemma
                changed = True
            continue
        if p not in {"NN", "NNS", "JJ", "VB"} or not low[k].isalpha():
            continue
        j = k - 1
        while j >= 0 and pos[j] in _ADV:
            j -= 1
        if j < 0:
            continue
        after = pos[k + 1] if k + 1 < n else "."
        if low[j] in _NOMINATIVE and pos[j] == "PRP" and (p != "VB") and after not in {"NN", "NNS"}:
            lemma = _can_be_verb(low[k])
            if lemma:
                pos[k] = "VBZ" if low[k].endswith("s") and low[j] in {"he", "she"} else "VBP"
                s.lem[k] = lemma
                changed = True
        elif p in {"NN", "NNS"} and pos[j] in {"NN", "NNS", "NNP", "NNPS"} and after in {"DT", "PRP$", "PDT", "TO", "CD"} \
                and not (p == "NN" and pos[j] in {"NNS", "NNPS"}) and not (p == "NNS" and pos[j] == "NNS"):
            lo = j
            while lo > 0 and low[lo - 1] not in _SEGMENT_EDGE:
                lo -= 1
            hi = k + 1
            while hi < n and low[hi] not in _SEGMENT_EDGE:
                hi += 1
            if not _FIN.isdisjoint(pos[lo:hi]):
                continue
            lemma = _can_be_verb(low[k])
            if lemma:
                pos[k] = "VBZ" if p == "NNS" else "VBP"
                s.lem[k] = lemma
                changed = True
    return changed
