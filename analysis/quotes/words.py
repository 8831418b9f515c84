"""The word lists and part-of-speech sets the speaker rules read."""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")
_DOCUMENT_NOUNS = {"document", "statement", "declaration", "communique", "communiqué", "resolution",
                   "text", "letter", "memorandum", "agreement", "treaty", "charter", "decree", "note"}
#: nouns of speech whose possessor is the speaker ("Trump's claim that “…”", "her statement: “…”")
_SPEECH_NOUNS = {"claim", "statement", "remark", "comment", "word", "tweet", "warning", "promise", "pledge",
                 "accusation", "assertion", "argument", "suggestion", "message", "vow", "speech", "post", "quote",
                 "description", "prediction", "insistence", "boast", "complaint", "answer", "response", "reply"}
_THINK = {"think", "believe", "agree", "hope", "fear", "know", "feel", "expect", "want"}
_COLON_ONLY = {"continue", "go", "read"}
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
#: heads of a phrase of time, never a speaker ("on Tuesday", "two weeks ago", "last month")
_TIME_NOUNS = set("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
morning afternoon evening night weekend week weeks month months year years day days hour hours
january february march april june july august september october november december
""".split())
#: the words before a phrase of time ("less than two weeks ago", "earlier this month")
_DETS_TIME = {"last", "this", "next", "that", "earlier", "later", "than", "less", "more", "about", "nearly",
              "almost", "just", "only", "late", "early"}
#: prepositions whose object is never the subject of the verb after it ("on Friday described")
_PREPOSITIONS = {"on", "in", "at", "during", "after", "before", "since", "from", "with", "by", "about", "for",
                 "into", "across", "over", "through", "under", "to", "toward", "towards", "near", "behind",
                 "outside", "inside", "throughout", "amid", "among", "against", "without", "within", "upon"}
