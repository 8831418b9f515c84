"""Term frequencies: what an article is about and how it says it.

Every function takes the annotated article (a :class:`~analysis.document.Document`) first and
keyword-only options after it, and returns a new pandas DataFrame (the input is never changed):

* :func:`summary_card` — sizes, vocabulary density, readability (Flesch, Flesch–Kincaid),
  most frequent content words and the most distinctive words;
* :func:`term_frequencies` — one row per term (``terms.csv`` of ``python -m analysis annotate``
  is :func:`terms`, its default form);
* :func:`ngrams` — repeated phrases of 2–5 words inside one sentence;
* :func:`collocations` — bigrams and trigrams ranked by PMI or likelihood ratio (NLTK);
* :func:`tfidf` — the most distinctive terms of each paragraph;
* :func:`keyness` — log-likelihood G² and log ratio against a reference;
* :func:`kwic` — a keyword-in-context concordance (word, lemma, phrase or regex);
* :func:`dispersion`, :func:`term_paragraph_counts`, :func:`paragraph_profile` — where
  terms and words fall across the article;
* :func:`name_terms` — the multi-word names counted as one term; :func:`flag_words` — the
  honorifics and reporting verbs flagged like stopwords.

Words are the tokens that are not punctuation; terms are lemmas by default, in lower case
except names, acronyms and demonyms, which keep their spelling ("Afghanistan", "US", "Israeli")
(``by="lower"`` for case-folded surface forms, ``by="text"`` for the exact spelling). In the
frequency tables (:func:`term_frequencies`, :func:`tfidf`, :func:`keyness`, the summary card) a
multi-word name found by the actors layer is one term ("United States", not "united" + "state"),
see :mod:`analysis.terms.names`. Curly and straight apostrophes are already unified in the
tokens' ``lower`` and ``lemma``. The stopword list is :func:`analysis.stopwords` plus
``extra_stopwords``: a term is a stopword when the term or the lower-case form of any of its
tokens is on the list (so ``extra_stopwords=["said"]`` also flags the lemma *say*); an acronym
never is ("US" is not the pronoun *us*). Honorifics (Mr, Dr ...) and reporting verbs (say, add,
tell ...) are flagged like stopwords by default (``flag_lists``, see :mod:`analysis.terms.lists`):
the tables keep them, ``is_stop`` and ``stop_list`` say so, and charts and top terms leave them out.

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("Title\\n\\nThe talks failed. The talks resumed."))
>>> term_frequencies(doc, include_stopwords=False)[["term", "count"]].values.tolist()
[['talk', 2], ['fail', 1], ['resume', 1]]
"""

from __future__ import annotations

from ._common import (BY, DISPERSION_COLUMNS, KEYNESS_COLUMNS, KWIC_BY, KWIC_COLUMNS, KWIC_SORT, MAX_NGRAM, MEASURES,
                      NGRAM_COLUMNS, TERM_COLUMNS, TFIDF_COLUMNS, _check_by, _check_int)
from .concordance import _terms_list, dispersion, kwic, paragraph_profile, term_paragraph_counts
from .distinctive import keyness, tfidf
from .frequencies import _default_terms, term_frequencies, terms
from .lists import FLAG_LISTS, _flag_lists, _stopset, flag_words
from .names import name_terms
from .phrases import collocations, ngrams
from .prepare import _CACHE, _prep
from .readability import count_syllables, readability
from .summary import summary_card

__all__ = ["FLAG_LISTS", "collocations", "count_syllables", "dispersion", "flag_words", "keyness", "kwic", "name_terms",
           "ngrams", "paragraph_profile", "readability", "summary_card", "term_frequencies", "term_paragraph_counts",
           "terms", "tfidf"]
