"""The words stance reads: labels, parts of speech, and the verb, noun and phrase lists its rules use."""

from __future__ import annotations

STANCES = ("favor", "against", "neutral")
KINDS = ("verb", "adj", "experiencer", "noun")
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
_MODAL_HEDGES = frozenset({"may", "might", "could"})
#: modals that, with "well", make a stance a guess about the future ("may well endorse"; "may reject" stays, hedged)
_SPECULATIVE = frozenset({"may", "might", "could"})
_GAP_POS = frozenset({"RB", "RBR", "RBS"})  # what _match lets stand between the words of a cue
_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})  # and quotation marks: was “furious” with Y
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
                         "night", "time", "decade", "century", "january", "february", "april", "june", "july",
                         "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.",
                         "oct.", "nov.", "dec."})
#: heads of holder phrases that name a thing, an idea or a state of affairs, never someone who takes
#: a stance ("the rhetoric of the candidates blasting Y", "the economy favors the rich", "anything to stop Y")
_ABSTRACT_HEADS = frozenset({"rhetoric", "opportunity", "opportunities", "difference", "differences", "economy",
                             "inequality", "anything", "everything", "nothing", "something", "idea", "ideas", "thing",
                             "things", "fact", "reality", "way", "moment", "chance", "problem", "issue", "question",
                             "story", "debate", "approach", "situation", "trend", "result", "results",
                             "element", "need"})
#: cues that before an infinitive say nothing about a target ("refused to answer", "hate to say it")
_BEFORE_INFINITIVE = frozenset({"refuse", "decline", "hate", "love", "like"})
#: heads that name texts and rules, not someone who holds a view ("the amendment would repeal")
_NOT_HOLDERS = frozenset({"amendment", "bill", "measure", "provision", "legislation", "law", "rule", "regulation"})
#: words that open a time or reason clause, never a target ("endorse until the nominee is known")
_NOT_TARGET_START = frozenset({"until", "before", "after", "since", "while", "because", "when", "as", "if", "unless",
                               "although", "though", "whereas", "once"})
#: tags of words that can name something (a target must hold one)
_NAMING_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD", "FW", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
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
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from",
                          "as", "vs", "vs.", "'s", "’s", "is", "are"})
_HEADLINE_NP = frozenset({"NNP", "NNPS", "NN", "NNS", "DT", "JJ", "POS", "CD"})
_NAMING_VERBS = frozenset({"call", "calls", "called", "calling", "branded", "brands", "labeled", "labelled", "dubbed",
                           "describe", "describes", "described", "describing", "refer", "refers", "referred", "referring",
                           "portray", "portrays", "portrayed", "characterized", "characterised", "dismissed", "dismisses",
                           "depicted", "depicts"})
#: how strongly the words of "called X <words>" must lean (VADER valence summed) to say favour or against
_NAMING_VALENCE = 1.0
#: how strongly a reported clause must lean (VADER's word valences, summed) to say how its speaker stands on its subject
_REPORTED_VALENCE = 1.5
_SPEECH_VERBS = frozenset(_REPORTING | {"tweet", "post", "explain", "suggest", "believe", "think"})
#: verbs of a reported clause that say what its subject thinks or plans, not how it is judged
_NOT_EVALUATING = frozenset({"say", "think", "believe", "mean", "need", "plan", "want", "hope", "know", "tell", "claim",
                             "expect", "feel", "seem", "appear", "ask", "deny", "insist", "argue", "add", "write"})
_VALENCE_NEGATORS = frozenset({"not", "n't", "n’t", "never", "no", "nothing", "nobody", "neither", "nor", "without"})
_NOT_EVALUATED = frozenset({"i", "we", "me", "us", "it", "this", "that", "there", "these", "those", "you", "what", "which"})
_DEONTIC = frozenset({"should", "must", "ought"})
#: speakers who are no one in particular
_NO_ONE = frozenset({"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "people", "many", "some"})
_DEONTIC_TO = frozenset({"have", "has", "had", "need", "needs"})
#: cues that are a stance only as a goal ("vowed to defeat Y", "we have to beat Y", "help her defeat Y"),
#: not as a result ("Smith beat Jones in Ohio") nor as a forecast ("is likely to beat Y")
_GOAL_CUES = frozenset({"defeat", "beat"})
_FORECAST = frozenset({"likely", "unlikely", "expected", "poised", "set", "projected", "favored", "favoured", "able",
                       "predicted", "forecast", "tipped", "positioned", "best-positioned", "well-positioned", "placed"})
#: verbs of doing away with something: "X shouldn't be eliminated" says its speaker is for X
_REMOVAL = frozenset({"eliminate", "cut", "abolish", "repeal", "scrap", "end", "defund", "close", "ban", "remove",
                      "reduce", "slash", "dismantle", "overturn", "revoke", "withdraw", "privatize", "privatise"})
#: adjectives before an infinitive that say the subject does it gladly ("proud to endorse Y"); not
#: readiness ("ready to endorse", "willing to back": a stance still to come)
_GLAD_TO = frozenset({"proud", "happy", "glad", "pleased", "delighted", "thrilled", "honored", "honoured", "eager",
                      "quick", "excited", "proud", "grateful", "privileged", "keen", "fast"})
#: adverbs of a guess and the modals of a stance to come ("would probably campaign with him")
_GUESS_ADVERBS = frozenset({"probably", "likely", "possibly", "perhaps", "maybe", "presumably"})
_FUTURE_MODALS = frozenset({"would", "could", "might", "'d", "’d"})  # not "will probably back": hedged, kept
_MODALS_ALL = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll", "’ll", "'d", "’d"})
#: what "want to" says when it is a formula of speech, not a wish ("I want to thank", "we want to make sure")
_NOT_WANTED = frozenset({"thank", "say", "tell", "ask", "know", "talk", "hear", "add", "note", "make", "stress", "emphasize",
                         "remind", "point", "mention", "reiterate", "congratulate", "welcome", "apologize", "express",
                         "share", "speak", "explain", "clarify", "go", "come", "look", "take", "offer", "believe",
                         "remember", "reassure", "assure", "recognize", "acknowledge", "highlight", "admit", "repeat"})
#: "I want to be (very) clear / honest": a way of speaking, after "want to be"
_CANDOUR = frozenset({"clear", "honest", "frank", "candid", "fair", "sure", "transparent", "upfront", "careful"})
_REFLEXIVES = frozenset({"themselves", "itself", "himself", "herself", "ourselves", "myself", "yourself", "yourselves"})
#: particles after "back" that make it a retreat ("backed down", "backed off", "backed away", "backed out")
_RETREAT_PARTICLES = frozenset({"down", "off", "away", "out"})
