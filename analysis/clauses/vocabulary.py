"""The tag sets and word lists the clause reader tests tokens against (Penn Treebank tags,
lower-cased words)."""

from __future__ import annotations


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
_AND_OR = frozenset({"and", "or"})
_CC_SEMI = _CC | {";", ":"}


def _rfind(seq: list, value, hi: int, lo: int = 0) -> int | None:
    """The last position x, ``lo <= x <= hi``, where ``seq[x] == value``, or None."""
    for x in range(hi, lo - 1, -1):
        if seq[x] == value:
            return x
    return None
