"""Sentences and tokens with character offsets, POS tags, lemmas and stopword flags.

Everything here works with no ``nltk_data``: sentences come from NLTK's
``PunktSentenceTokenizer`` (with an abbreviation list, no trained model), tokens from
``NLTKWordTokenizer().span_tokenize``, POS tags from TextBlob's bundled pattern tagger
(Penn Treebank tags), lemmas from lemminflect (its data ships in the wheel), stopwords from
``data/stopwords_en.txt`` (spaCy's list). Names keep their form as lemma: proper nouns,
acronyms (``US`` is never the pronoun *us*) and demonyms (``Israeli``), see :func:`tag_and_lemma`.

Curly quotes and apostrophes are folded to straight ones in a *copy* of each paragraph of the
same length before tokenizing, so ``CSTO’s`` splits like ``CSTO's`` and offsets still point
into the untouched text.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from ._frames import column_values, frame_from_columns, string_array

# one character for one character, so offsets in the folded copy are offsets in the source
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                       "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_LEFT_QUOTES = "“‘«„"

# Abbreviations Punkt should not end a sentence after (lower case, without the final period).
ABBREVIATIONS = """
mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev hon pres
amb sec supt insp det messrs mme mlle
inc ltd co corp llc plc bros dept univ assn est approx fig no nos vol vols pp ed eds
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
u.s u.k u.n u.s.a e.u e.g i.e etc vs cf al a.m p.m ca
""".split()

TOKEN_COLUMNS = ["token_id", "sent_id", "para_id", "start", "end", "text", "whitespace", "lower",
                 "lemma", "pos", "is_stop", "is_punct", "is_alpha"]
SENTENCE_COLUMNS = ["sent_id", "para_id", "start", "end", "text"]

_PENN_TO_UPOS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "VB": "VERB",
                 "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
                 "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV",
                 "RBS": "ADV"}
_FALLBACK_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def fold(text: str) -> str:
    """Curly quotes and apostrophes to straight ones (same length)."""
    return text.translate(_FOLD)


@lru_cache(maxsize=1)
def _sentence_tokenizer():
    """NLTK's ``PunktSentenceTokenizer`` as shipped, with :data:`ABBREVIATIONS` (the benchmarks'
    baseline; :func:`split_sentences` runs :func:`_punkt`, the same with ``re``)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _punkt():
    """:func:`_sentence_tokenizer` with Punkt's patterns compiled by Python's ``re``, as for the
    word tokenizer (:func:`_word_tokenizer`): NLTK 3.10 runs each of them through ``nltk.redos``
    (the ``regex`` engine with a timeout per call, a guard for patterns a caller supplies).
    Punkt's own classes and methods run unchanged, given its language variables and its token
    class with the same patterns (``tests/test_segment.py`` compares the sentences with NLTK's
    own class); sentence splitting takes about 45 % of the time."""
    from nltk.tokenize import punkt as P

    class _Vars(P.PunktLanguageVars):
        re_boundary_realignment = re.compile(P.PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

        def _word_tokenizer_re(self):
            try:
                return self._re_word_tokenizer
            except AttributeError:
                self._re_word_tokenizer = re.compile(self._word_tokenize_fmt % {
                    "NonWord": self._re_non_word_chars, "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start}, re.UNICODE | re.VERBOSE)
                return self._re_word_tokenizer

        def period_context_re(self):
            try:
                return self._re_period_context
            except AttributeError:
                self._re_period_context = re.compile(self._period_context_fmt % {
                    "NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars}, re.UNICODE | re.VERBOSE)
                return self._re_period_context

    non_punct = re.compile(P._re_non_punct.pattern, re.UNICODE)

    class _Token(P.PunktToken):
        _RE_ELLIPSIS = re.compile(P.PunktToken._RE_ELLIPSIS.pattern)
        _RE_NUMERIC = re.compile(P.PunktToken._RE_NUMERIC.pattern)
        _RE_INITIAL = re.compile(P.PunktToken._RE_INITIAL.pattern, re.UNICODE)
        _RE_ALPHA = re.compile(P.PunktToken._RE_ALPHA.pattern, re.UNICODE)

        @property
        def is_non_punct(self):
            return non_punct.search(self.type)

    return P.PunktSentenceTokenizer(_sentence_tokenizer()._params, lang_vars=_Vars(), token_cls=_Token)


#: NLTK's word-tokenizer rules recompiled with the standard ``re``: STARTING_QUOTES,
#: PUNCTUATION, ENDING_QUOTES, PARENS_BRACKETS, DOUBLE_DASHES. Filled on first use (importing
#: NLTK costs a tenth of a second), see :func:`_word_tokenizer`.
WORD_TOKENIZER_RULES: list[list[tuple[re.Pattern, str]]] = []


@lru_cache(maxsize=1)
def _word_tokenizer():
    """NLTK's ``NLTKWordTokenizer`` with its own rules, run by the standard ``re`` engine.

    NLTK 3.10 routes every pattern through ``nltk.redos``: the third-party ``regex`` engine
    plus a wall-clock timeout, a guard meant for patterns a caller supplies. The word
    tokenizer's patterns are NLTK's fixed ones, and they are linear (``tests/test_robust_regex``
    probes them in ``WORD_TOKENIZER_RULES``). Recompiled with ``re`` they give the same tokens
    (``tests/test_segment.py`` compares them with NLTK's own class) in about 60% of the time.
    NLTK's ``tokenize`` and ``span_tokenize`` methods are used unchanged.
    """
    from nltk.tokenize.destructive import NLTKWordTokenizer as N

    if not WORD_TOKENIZER_RULES:
        for rules in (N.STARTING_QUOTES, N.PUNCTUATION, N.ENDING_QUOTES, [N.PARENS_BRACKETS], [N.DOUBLE_DASHES]):
            WORD_TOKENIZER_RULES.append([(re.compile(pattern.pattern), repl) for pattern, repl in rules])
    starting, punctuation, ending, parens, dashes = [[(_Guarded(p), r) for p, r in rules] for rules in WORD_TOKENIZER_RULES]

    class _Tokenizer(N):
        STARTING_QUOTES, PUNCTUATION, ENDING_QUOTES = starting, punctuation, ending
        PARENS_BRACKETS, DOUBLE_DASHES = parens[0], dashes[0]
        CONTRACTIONS2 = [_Guarded(p) for p in N.CONTRACTIONS2]
        CONTRACTIONS3 = [_Guarded(p) for p in N.CONTRACTIONS3]

    return _Tokenizer()


#: NLTK's two final-period rules: ``x.`` then closing marks (and spaces) to the end of the text
_FINAL_PERIOD = frozenset({r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$", r'([^\.])(\.)([\]\)}>"\']*)\s*$'})


class _Guarded:
    """A compiled pattern whose ``sub`` first checks, with plain substring tests, that the text
    holds something every match must contain (see :func:`_needed`); when it does not, the
    text is returned as it is, which is what ``sub`` returns when nothing matches. Most of
    NLTK's 33 rules find nothing in a given sentence (contractions such as *cannot* or
    *gonna*, curly quotes, ellipses), and a substring test is far cheaper than a scan by the
    regular-expression engine. Patterns with case-insensitive letters are checked this way
    only on ASCII text (where lower-casing is exact); others always run."""

    __slots__ = ("pattern", "sub", "needs", "case_insensitive")
    _lower = ["", ""]  # the last text lower-cased (the rules run one after the other on one text)

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.needs, self.case_insensitive = needs, fold = _needed(pattern)
        real = pattern.sub
        # ``sub`` is a plain function on the instance: NLTK calls ``rule.sub(repl, text)``
        if pattern.pattern in _FINAL_PERIOD:
            # the final-period rules match only at the text's last ".", which is followed by
            # closing marks and spaces alone: the engine need not try every position before it
            def sub(repl, text):
                k = text.rfind(".")
                if k < 1:
                    return text
                return text[:k - 1] + real(repl, text[k - 1:])

            self.sub = sub
        elif needs is None:
            self.sub = real
        elif fold:
            last = self._lower

            def sub(repl, text):
                if text.isascii():
                    if last[0] is not text:
                        last[0], last[1] = text, text.lower()
                    low = last[1]
                    for n in needs:
                        if n in low:
                            return real(repl, text)
                    return text
                return real(repl, text)

            self.sub = sub
        elif len(needs) == 1:
            (one,) = needs

            def sub(repl, text):
                return real(repl, text) if one in text else text

            self.sub = sub
        else:
            def sub(repl, text):
                for n in needs:
                    if n in text:
                        return real(repl, text)
                return text

            self.sub = sub


def _needed(pattern: re.Pattern) -> tuple[tuple[str, ...] | None, bool]:
    """``(strings, case_insensitive)``: one of ``strings`` is in every text the pattern can
    match (None when no such short list is found), read from the pattern's parse tree:
    the top-level items every match must contain (groups opened, repeats of at least one),
    runs of literal characters among them, character sets of at most 12 listed characters,
    alternatives that each need one of a few strings. With ``case_insensitive`` the strings
    are lower-case and only ASCII letters are involved."""
    try:
        from re import _parser as parser
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse as parser
    try:
        tree = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unexpected pattern: no guard
        return None, False
    icase = bool(tree.state.flags & re.IGNORECASE)
    LITERAL, IN, SUBPATTERN, BRANCH = parser.LITERAL, parser.IN, parser.SUBPATTERN, parser.BRANCH
    MAX_REPEAT, MIN_REPEAT, RANGE = parser.MAX_REPEAT, parser.MIN_REPEAT, parser.RANGE

    def flat(items) -> list:
        """The items with the groups opened (a group's items are contiguous in every match)."""
        out = []
        for op, av in items:
            if op is SUBPATTERN:
                if not (av[1] or av[2]):  # flags changed inside the group: leave it out
                    out.extend(flat(av[3]))
            else:
                out.append((op, av))
        return out

    def options(items) -> list[tuple[str, ...]]:
        """For a sequence of items every match contains: the lists of strings (each list: one
        of them must be in the text), runs of consecutive literals joined."""
        out, run = [], ""
        for op, av in flat(items):
            if op is LITERAL:
                run += chr(av)
                continue
            if run:
                out.append((run,))
                run = ""
            if op is IN:
                chars = []
                for kind, value in av:
                    if kind is LITERAL:
                        chars.append(chr(value))
                    elif kind is RANGE and value[1] - value[0] < 12:
                        chars.extend(map(chr, range(value[0], value[1] + 1)))
                    else:  # a negated set, a category, a long range
                        chars = None
                        break
                if chars and len(chars) <= 12:
                    out.append(tuple(chars))
            elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
                body = flat(av[2])
                if len(body) == 1 and body[0][0] is LITERAL:  # "\\.{2,}": at least two in a row
                    out.append((chr(body[0][1]) * min(av[0], 8),))
                else:
                    out.extend(options(body))
            elif op is BRANCH:
                alternatives = [options(alt) for alt in av[1]]
                if all(alternatives):
                    # each alternative needs its shortest option; the branch needs one of them all
                    union = tuple(sorted({x for alt in alternatives for x in min(alt, key=len)}))
                    if len(union) <= 12:
                        out.append(union)
        if run:
            out.append((run,))
        return out

    found = [o for o in options(tree) if all(x and not x.isspace() for x in o)]
    if icase:
        if not all(x.isascii() for o in found for x in o):
            return None, False
        found = [tuple(sorted({x.lower() for x in o})) for o in found]
    if not found:
        return None, False
    # the most telling option: the fewest strings, then the longest
    best = min(found, key=lambda o: (len(o), -min(map(len, o))))
    return best, icase


@lru_cache(maxsize=1)
def _tagger():
    from textblob.en import parser

    return parser


@lru_cache(maxsize=1)
def _find_tags():
    """The tagger's ``find_tags`` for Penn tags: what ``parser.find_tags(words)`` runs, with the
    parser's lexicon and defaults, minus its last step, which maps each ``[word, tag]`` through
    ``lambda token, tag: (token, tag)`` (the same pairs again)."""
    from functools import partial

    from textblob import _text

    parser = _tagger()
    return partial(_text.find_tags, language=parser.language, lexicon=parser.lexicon, default=parser.default, map=None)


#: word -> its tag from the tagger anywhere but first in a sentence (it depends on the word alone)
_tag_memo: dict = {}


def _tags(words: list) -> list[str]:
    """The Penn tags ``_find_tags()(words)`` gives (the second item of each pair), from a memo by
    word. Without a language model, morphology or contextual rules (the parser's own settings),
    the tagger reads each word alone: its entry in the lexicon (for the first word of the
    list, failing that the entry of its lower case), or when it has none: NNP for a word in
    title case, CD for digits and number punctuation, else the tagger's suffix rules.

    >>> _tags(["Ministers", "met", "in", "Dushanbe", "on", "12", "meetings"])
    ['NNPS', 'VBD', 'IN', 'NNP', 'IN', 'CD', 'NNS']
    """
    if not words:
        return []
    memo = _tag_memo
    tags = list(map(memo.get, words))
    if None in tags:
        if len(memo) > 200_000:
            memo.clear()
        for k, tag in enumerate(tags):
            if tag is None:
                word = words[k]
                tag = _tagger().lexicon.get(word)
                tags[k] = memo[word] = _unknown_tag(word) if tag is None else tag
    first = words[0]
    lexicon = _tagger().lexicon
    tag = lexicon.get(first, lexicon.get(first.lower()) or None)
    tags[0] = _unknown_tag(first) if tag is None else tag
    return tags


def _unknown_tag(word: str) -> str:
    """The tagger's tag for a word its lexicon does not hold (``find_tags`` with its defaults)."""
    from textblob import _text

    default = _tagger().default
    if word.istitle():
        return default[1]
    if _text.CD.match(word) is not None:
        return default[2]
    return _text._suffix_rules([word, default[0]])[1]


_user_stopwords: set[str] = set()
_stops: list[frozenset[str]] = []


def _stop_cache() -> frozenset[str]:
    if not _stops:
        _stops.append(stopwords())
    return _stops[0]


@lru_cache(maxsize=1)
def _base_stopwords() -> frozenset[str]:
    text = resources.files("analysis.data").joinpath("stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def stopwords() -> frozenset[str]:
    """The stopword list in force: spaCy's English list plus any words added with :func:`add_stopwords`."""
    return _base_stopwords() | frozenset(_user_stopwords)


def add_stopwords(*words: str) -> None:
    """Add words to the stopword list for this Python session (lower-cased, apostrophes folded).

    Affects documents annotated afterwards. :func:`reset_stopwords` undoes it.
    """
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"a stopword must be a non-empty string, not {word!r}")
        _user_stopwords.add(fold(word.strip().lower()))
    _stops.clear()


def reset_stopwords() -> None:
    """Forget the words added with :func:`add_stopwords`."""
    _user_stopwords.clear()
    _stops.clear()


@lru_cache(maxsize=200_000)
def lemmatize(lower: str, pos: str) -> str:
    """The lemma of a (case-folded, apostrophe-folded) word given its Penn tag.

    >>> lemmatize("ministers", "NNS"), lemmatize("was", "VBD"), lemmatize("'s", "POS"), lemmatize("other", "JJ")
    ('minister', 'be', "'s", 'other')
    """
    upos = _PENN_TO_UPOS.get(pos)
    if upos is None or not lower[:1].isalpha():
        return lower
    if upos == "PROPN":
        upos = "NOUN" if pos == "NNPS" else None
        if upos is None:
            return lower
    # adjectives: the dictionary only; its rules for unknown adjectives cut real words
    # ("other" -> "oth", "israeli" -> "israe"), and an adjective is mostly its own lemma
    lemmas = _get_lemma(lower, upos, upos != "ADJ")
    return lemmas[0].lower() if lemmas else lower


def _get_lemma(word: str, upos: str, lemmatize_oov: bool):
    """``lemminflect.getLemma(word, upos, lemmatize_oov)`` for a upos of its dictionary other
    than PROPN, read from its tables without the copies of their entries it makes first."""
    from lemminflect.core.Lemmatizer import Lemmatizer
    from lemminflect.core.LexicalUtils import applyCapsStyle, getCapsStyle

    lem = Lemmatizer()
    style = getCapsStyle(word)
    low = word.lower()
    overrides = lem._getOverridesDict().get(low, {})
    if upos in overrides:
        found = overrides[upos]
    else:
        found = lem._getLemmaDict().get(low, {}).get(upos)
    if found is not None:
        if isinstance(found, (list, tuple)):
            return tuple(applyCapsStyle(w, style) for w in found)
        return applyCapsStyle(found, style)
    if not lemmatize_oov:
        return ()
    lemma = lem._getOOVLemmatizer().lemmatize(word, upos)
    return () if lemma is None else (applyCapsStyle(lemma, style),)


#: tags under which an all-capital word of two letters or more is an acronym kept as written
#: ("US", "CSTO", "NATO"; the tagger reads "US" as the pronoun *us*)
_ACRONYM_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "JJ"})
#: tokens after which a word opens a sentence (or a quoted one): capitals there prove nothing
_OPENERS = frozenset({'"', "'", ":", "(", "[", "--", "-", "—", "–"})


def is_acronym(word: str) -> bool:
    """An all-capital word with at least two letters (``US``, ``U.S.``, ``CSTO``).

    >>> is_acronym("US"), is_acronym("U.S."), is_acronym("I"), is_acronym("Us")
    (True, True, False, False)
    """
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2


@lru_cache(maxsize=200_000)
def tag_and_lemma(word: str, pos: str, initial: bool = False) -> tuple[str, str]:
    """The Penn tag and lemma of one token (``word`` as written, apostrophes folded).

    Names keep their form: a proper noun (NNP, NNPS) or an acronym (``US``, ``CSTO``; one the
    tagger read as a pronoun becomes NNP) is its own lemma, and so is a capitalised adjective,
    a demonym (``Israeli``, ``Pakistani``), unless it opens the sentence (``initial``) and is an
    ordinary word in lower case (``Many``). Other words get :func:`lemmatize` of their lower case.

    >>> tag_and_lemma("US", "PRP"), tag_and_lemma("Israeli", "JJ"), tag_and_lemma("Afghans", "NNPS")
    (('NNP', 'US'), ('JJ', 'Israeli'), ('NNPS', 'Afghans'))
    >>> tag_and_lemma("Many", "JJ", True), tag_and_lemma("Israeli", "JJ", True), tag_and_lemma("us", "PRP")
    (('JJ', 'many'), ('JJ', 'Israeli'), ('PRP', 'us'))
    """
    if pos in _ACRONYM_TAGS and is_acronym(word):
        return ("NNP" if pos.startswith("PRP") else pos), word
    if word[:1].isupper():
        if pos == "NNP" or pos == "NNPS":
            return pos, word
        if pos.startswith("JJ") and not (initial and _tagger().lexicon.get(word.lower()) is not None):
            return pos, word
    return pos, lemmatize(word.lower(), pos)


def _is_punct(text: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PS" for ch in text)


def split_sentences(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans in one paragraph (offsets into ``text``).

    Punkt runs on the folded copy, so closing quotes after a full stop stay with their
    sentence. An opening mark glued to the end of a sentence (``stressed.“ We``) is moved
    to the sentence it opens. ``folded`` is ``fold(text)`` when the caller has it already.
    """
    if folded is None:
        folded = fold(text)
    spans = list(_punkt().span_tokenize(folded))
    out: list[list[int]] = []
    for start, end in spans:
        if out:
            prev = out[-1]
            # move a trailing opening mark (after . ! ?) to the next sentence
            while prev[1] - prev[0] > 1 and text[prev[1] - 1] in _LEFT_QUOTES and text[prev[1] - 2] in ".!?":
                prev[1] -= 1
                start = prev[1]
        out.append([start, end])
    return [(s, e) for s, e in out if e > s]


def split_tokens(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Token spans in one sentence, from ``NLTKWordTokenizer.span_tokenize`` on the folded copy.

    Falls back to a plain regular expression (words and single punctuation marks) when NLTK
    cannot align its tokens or would leave a visible character outside every token.
    ``folded`` is ``fold(text)`` when the caller has it already.
    """
    if folded is None:
        folded = fold(text)
    try:
        spans = list(_word_tokenizer().span_tokenize(folded))
        # align_tokens yields ordered, non-overlapping spans; they cover every visible
        # character exactly when their lengths add up to the count of non-space characters
        if sum(e - s for s, e in spans) != len("".join(text.split())):
            raise ValueError("a visible character is outside every token")
        return _split_inner_periods(folded, spans)
    except Exception:  # noqa: BLE001 - NLTK raises ValueError or worse on odd input
        return [m.span() for m in _FALLBACK_TOKEN.finditer(text)]


_ABBREV_SET = frozenset(ABBREVIATIONS)


def _split_inner_periods(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split the full stop off a word inside a sentence (``government. ” According``).

    NLTK's tokenizer splits a final period only at the end of the text it is given, so when
    Punkt keeps two sentences together (odd spacing around quotes) the word keeps its period.
    Abbreviations (``Gen.``, ``Corp.``), initials (``J.``) and dotted forms (``U.S.``) keep it.
    """
    if len(spans) < 2 or folded.count(".", 0, spans[-1][0]) == 0:
        return spans  # no full stop before the last token: nothing to split
    out = []
    for k, (s, e) in enumerate(spans):
        word = folded[s:e - 1]
        if (k < len(spans) - 1 and e - s > 2 and folded[e - 1] == "." and word.isalpha()
                and word.lower() not in _ABBREV_SET):
            out.append((s, e - 1))
            out.append((e - 1, e))
        else:
            out.append((s, e))
    return out


def segment(text: str, paragraphs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentence and token tables for the given paragraphs of ``text``.

    Args:
        text: the article's source text.
        paragraphs: ``para_id, start, end`` spans into ``text``.

    Returns:
        ``(sentences, tokens)`` DataFrames with the columns in ``SENTENCE_COLUMNS`` and
        ``TOKEN_COLUMNS``; ``sent_id`` and ``token_id`` number from 1 across the article.
    """
    s_rows: list[tuple] = []
    starts: list[int] = []
    ends: list[int] = []
    sent_ids: list[int] = []
    para_ids: list[int] = []
    words: list[str] = []
    tags: list[str] = []
    whitespace: list[str] = []
    initial: list[bool] = []  # the token opens its sentence, or a quotation inside it
    sent_id = 0
    for para_id, p_start, p_end in zip(*(column_values(paragraphs, c).tolist() for c in ("para_id", "start", "end"))):
        ptext = text[p_start:p_end]
        pfolded = fold(ptext)  # same length: a sentence's folded copy is a slice of it
        first = len(starts)
        for s_start, s_end in split_sentences(ptext, pfolded):
            sent_id += 1
            a, b = p_start + s_start, p_start + s_end
            stext = text[a:b]
            s_rows.append((sent_id, para_id, a, b, stext))
            folded = pfolded[s_start:s_end]
            spans = split_tokens(stext, folded)
            sent_words = [folded[x:y] for x, y in spans]
            sent_tags = _tags(sent_words)
            if sent_words:
                initial.append(True)
                initial.extend([w in _OPENERS for w in sent_words[:-1]])
            starts.extend([a + x for x, _ in spans])
            ends.extend([a + y for _, y in spans])
            words.extend(sent_words)
            tags.extend(sent_tags)
            sent_ids.extend([sent_id] * len(spans))
            para_ids.extend([para_id] * len(spans))
        # whitespace: the text from a token's end to the next token's start in the paragraph
        nexts = starts[first + 1:] + [p_end]
        whitespace.extend([text[y:n] for y, n in zip(ends[first:], nexts)])
    stops = _stop_cache()
    n = len(words)
    # each token's columns from a memo by (word, tag, opens a sentence): one look-up per token
    memo = _token_memo(stops)
    keys = list(zip(words, tags, initial))
    rows = list(map(memo.get, keys))
    if None in rows:
        for k, row in enumerate(rows):
            if row is None:
                rows[k] = _token_row(memo, keys[k], stops)
    if n:
        tags, lemmas, lowers, is_punct, is_alpha, is_stop = map(list, zip(*rows))
    else:
        tags, lemmas, lowers, is_punct, is_alpha, is_stop = [], [], [], [], [], []
    for k in _common_words_at_sentence_start(words, lowers, tags, lemmas, initial):
        is_stop[k] = _is_stop(lowers[k], lemmas[k], stops)
    texts = [text[x:y] for x, y in zip(starts, ends)]
    tokens = frame_from_columns(TOKEN_COLUMNS, [
        np.arange(1, n + 1, dtype="int64"),
        np.array(sent_ids, dtype="int64"),
        np.array(para_ids, dtype="int64"),
        np.array(starts, dtype="int64"),
        np.array(ends, dtype="int64"),
        # the text columns hold only strings: built as such, without inferring their type
        string_array(texts),
        string_array(whitespace),
        string_array(lowers),
        string_array(lemmas),
        string_array(tags),
        np.array(is_stop, dtype=bool),
        np.array(is_punct, dtype=bool),
        np.array(is_alpha, dtype=bool),
    ])
    # the same columns as Python lists, for Document.token_list (the layers read tokens by position)
    lists = dict(zip(TOKEN_COLUMNS, [list(range(1, n + 1)), sent_ids, para_ids, starts, ends, texts,
                                     whitespace, lowers, lemmas, tags, is_stop, is_punct, is_alpha]))
    key = id(tokens)
    _LISTS[key] = (weakref.ref(tokens, lambda _ref, key=key: _LISTS.pop(key, None)), lists)
    sentences = frame_from_columns(SENTENCE_COLUMNS, [list(col) for col in zip(*s_rows)] if s_rows else [[] for _ in SENTENCE_COLUMNS])
    return sentences, tokens


#: id of a tokens table made by :func:`segment` -> (a weak reference to it, its columns as the
#: lists they were made from); an entry goes when its table does
_LISTS: dict = {}


def token_lists(tokens: pd.DataFrame) -> dict | None:
    """The columns of a tokens table made by :func:`segment`, as the Python lists it built them
    from (the values ``tokens[column].tolist()`` gives), or None for another table."""
    entry = _LISTS.get(id(tokens))
    if entry is None or entry[0]() is not tokens:
        return None
    return entry[1]


def _common_words_at_sentence_start(words, lowers, tags, lemmas, initial) -> list[int]:
    """A capitalised word that opens a sentence and kept its form as lemma ("Union leaders
    rejected ...", tagged NNP) gets the lemma of its lower case when the article also writes it
    in lower case elsewhere ("the union said"). Changes ``lemmas`` in place; returns the
    positions it changed."""
    opening = [k for k, first in enumerate(initial) if first and lemmas[k] == words[k] and words[k][:1].isupper()]
    if not opening:
        return []
    lower_case = {w for w, first in zip(words, initial) if not first and w[:1].islower()}
    changed = []
    for k in opening:
        if lowers[k] in lower_case and not is_acronym(words[k]):
            lemmas[k] = lemmatize(lowers[k], tags[k])
            changed.append(k)
    return changed


def _is_stop(lower: str, lemma: str, stops) -> bool:
    """A token is a stopword when its lower case is on the list, unless it is an acronym kept as
    its own lemma ("US" is not the pronoun "us")."""
    return lower in stops and not (lower != lemma and is_acronym(lemma))


#: (word, Penn tag from the tagger, opens a sentence) -> (tag, lemma, lower, is_punct,
#: is_alpha, is_stop), for the stopword list in ``_memo[0]``
_memo: list = [None, {}]


def _token_memo(stops) -> dict:
    if _memo[0] is not stops or len(_memo[1]) > 300_000:
        _memo[:] = [stops, {}]
    return _memo[1]


def _token_row(memo: dict, key: tuple, stops) -> tuple:
    word, pos, initial = key
    tag, lemma = tag_and_lemma(word, pos, initial)
    lower = word.lower()
    punct, alpha = _word_info(word)
    row = memo[key] = (tag, lemma, lower, punct, alpha, _is_stop(lower, lemma, stops))
    return row


@lru_cache(maxsize=200_000)
def _word_info(word: str) -> tuple[bool, bool]:
    return _is_punct(word), word.isalpha()
