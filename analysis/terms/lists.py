"""The word lists the term tables flag like stopwords.

Three lists flag a term (the tables keep every row; ``is_stop`` marks the flagged ones and
``stop_list`` names the list, so charts and "top terms" leave them out):

* ``stopwords`` — :func:`analysis.stopwords` (spaCy's English list) plus ``extra_stopwords``;
* ``honorifics`` — courtesy titles before a name (Mr, Mrs, Ms, Dr, Sir ...),
  ``analysis/data/honorifics_en.txt``;
* ``reporting_verbs`` — neutral verbs of attribution (say, add, tell ...), tagged as verbs,
  ``analysis/data/reporting_verbs_en.txt``.

The last two are on by default (``flag_lists=FLAG_LISTS``); ``flag_lists=()`` flags stopwords only.

>>> "mr" in flag_words("honorifics"), "say" in flag_words("reporting_verbs")
(True, True)
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..segment import fold

#: the lists flagged besides the stopwords, by default (the order is the order of ``stop_list``)
FLAG_LISTS = ("honorifics", "reporting_verbs")
_FILES = {"honorifics": "honorifics_en.txt", "reporting_verbs": "reporting_verbs_en.txt"}
#: the value of ``stop_list`` for a term on no list
CONTENT = ""


@lru_cache(maxsize=None)
def flag_words(name: str) -> frozenset[str]:
    """The words of one list (``"honorifics"`` or ``"reporting_verbs"``), as written in its file
    under ``analysis/data/``: lower case, honorifics without their final full stop, verbs as lemmas."""
    if name not in _FILES:
        raise ValueError(f"unknown word list {name!r}; the lists are {', '.join(map(repr, _FILES))}")
    text = resources.files("analysis.data").joinpath(_FILES[name]).read_text(encoding="utf-8")
    words = (fold(line.strip().lower()) for line in text.splitlines())
    return frozenset(w.rstrip(".") for w in words if w and not w.startswith("#"))


@lru_cache(maxsize=None)
def reporting_verb_forms() -> frozenset[str]:
    """Every inflected form of the reporting verbs (said, says, saying, told ...), from lemminflect,
    for terms whose tag is not known (the terms of a reference frequency table)."""
    from lemminflect import getAllInflections

    forms = set(flag_words("reporting_verbs"))
    for lemma in flag_words("reporting_verbs"):
        for values in getAllInflections(lemma, upos="VERB").values():
            forms.update(v.lower() for v in values)
    return frozenset(forms)


def _flag_lists(flag_lists) -> tuple[str, ...]:
    """The lists asked for, checked, in the order of :data:`FLAG_LISTS`."""
    if flag_lists is None:
        return ()
    if isinstance(flag_lists, str):
        flag_lists = [flag_lists]
    asked = list(flag_lists)
    for name in asked:
        if name not in _FILES:
            raise ValueError(f"flag_lists: unknown list {name!r}; choose among {', '.join(map(repr, FLAG_LISTS))} "
                             "(or () to flag stopwords only)")
    return tuple(name for name in FLAG_LISTS if name in asked)


def _stopset(extra_stopwords) -> frozenset[str]:
    """The stopword list in force plus ``extra_stopwords`` (lower-cased, apostrophes folded)."""
    from ..segment import _stop_cache

    base = _stop_cache()  # analysis.stopwords(), kept as one object until the list changes
    if extra_stopwords is None:
        return base
    if isinstance(extra_stopwords, str):
        extra_stopwords = [extra_stopwords]
    words = []
    for word in extra_stopwords:
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"extra_stopwords must be non-empty strings, not {word!r}")
        words.append(fold(word.strip().lower()))
    return base | frozenset(words)


def key_list(term: str, stops: frozenset, lists: tuple[str, ...]) -> str | None:
    """The list that flags a term known only by its string (no tag, no tokens): ``"stopwords"``
    when it or its lower case is a stopword (an acronym such as ``US`` never is), else the first
    of ``lists`` that holds it, else ``None``."""
    from ..segment import is_acronym

    lower = term.lower()
    if term in stops or (lower in stops and not is_acronym(term)):
        return "stopwords"
    for name in lists:
        if name == "honorifics" and lower.rstrip(".") in flag_words(name):
            return name
        if name == "reporting_verbs" and lower in reporting_verb_forms():
            return name
    return None
