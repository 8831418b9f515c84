"""The per-document preparation every term table starts from (cached weakly on the document)."""

from __future__ import annotations

import weakref

import numpy as np
import pandas as pd

from .._frames import column_values
from ._common import _distinct, _freqdist, _sort_order

#: the key of :meth:`_Prep.encoded` for the lemma in lower case
LEMMA_LOWER = "lemma_lower"

# --------------------------------------------------------------------------------------------
# shared preparation (cached per document; independent of the stopword list)
#
# Every table starts from the same per-document preparation, made once and kept on the side
# (``_CACHE``, keyed weakly by the document): the token columns as numpy arrays (and as Python
# lists, made on first use, for the loops that look at a few tokens: KWIC, phrase matching),
# and for each kind of key (lemma, lower, text) the tokens and the words coded as integers in
# order of first occurrence (arrow's dictionary encoding of the column). Counting is then a
# few numpy operations on those codes. Intermediate results (per key and stopword list) are
# cached in ``_Prep.cache``; the DataFrames the functions return are always built fresh,
# since callers may change them.


class _Terms:
    """Per-term figures for one key, stopword list, flag lists and treatment of names; terms are
    numbered in order of first occurrence (the order of ``vocab``). The counted units are the
    words, except that a multi-word name (see :mod:`analysis.terms.names`) is one unit.

    Attributes:
        vocab: the terms (list of str).
        codes: the term of each unit (numpy int array, one entry per unit, in reading order).
        para: the paragraph of each unit.
        n_units: the number of units (the words, a name counting once).
        count, n_paras, first_para: per term (numpy int arrays).
        stop: per term, flagged (a stopword or on one of the flag lists; numpy bool array).
        stop_list: per term, the list that flags it (``"stopwords"``, ``"honorifics"``,
            ``"reporting_verbs"``) or ``""`` (a numpy object array).
        flags: per unit, flagged (a stopword, or a unit of a term a flag list flags).
    """

    __slots__ = ("vocab", "codes", "para", "n_units", "count", "n_paras", "first_para", "stop", "stop_list", "flags",
                 "_rank")

    def counts(self) -> dict[str, int]:
        return dict(zip(self.vocab, self.count.tolist()))

    @property
    def rank(self) -> np.ndarray:
        """Each term's place in alphabetical order."""
        if getattr(self, "_rank", None) is None:
            self._rank = np.empty(len(self.vocab), dtype=np.int64)
            self._rank[_sort_order(self.vocab)] = np.arange(len(self.vocab))
        return self._rank


def _factorize(values) -> tuple[np.ndarray, list[str]]:
    """``(codes, uniques)`` of a string column, numbered in order of first occurrence: arrow's
    dictionary encoding when the column is stored in arrow (several times faster), else
    ``pd.factorize``."""
    pa_array = getattr(values, "_pa_array", None)
    if pa_array is not None and pa_array.null_count == 0:
        if hasattr(pa_array, "num_chunks"):  # a ChunkedArray: one array, so one dictionary
            pa_array = pa_array.chunk(0) if pa_array.num_chunks == 1 else pa_array.combine_chunks()
        encoded = pa_array.dictionary_encode()
        return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary.to_pylist()
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    return codes.astype(np.int64), uniques.tolist()


class _Prep:
    """The token columns prepared once per document: numpy arrays for counting, and Python
    lists (made on first use) for the loops that look at a few tokens (KWIC, matching)."""

    __slots__ = ("cache", "folded", "n_tokens", "n_words", "n_docs", "is_word", "word_arr",
                 "para_arr", "sent_arr", "start_arr", "end_arr", "token_id_arr", "word_pos_arr", "para_w",
                 "sent_w", "_tokens", "_paragraphs", "_doc", "__weakref__")

    def __init__(self, doc):
        tk = doc.tokens
        self._tokens = tk
        self.para_arr = para = np.asarray(column_values(tk, "para_id"))
        self.sent_arr = sent = np.asarray(column_values(tk, "sent_id"))
        self.start_arr = np.asarray(column_values(tk, "start"))
        self.end_arr = np.asarray(column_values(tk, "end"))
        self.token_id_arr = np.asarray(column_values(tk, "token_id"))
        self.is_word = is_word = ~np.asarray(column_values(tk, "is_punct"), dtype=bool)
        self.n_tokens = len(is_word)
        self.word_arr = np.flatnonzero(is_word)  # token index of each word
        self.n_words = len(self.word_arr)
        # position of each token among the words (punctuation gets the next word's position)
        self.word_pos_arr = np.cumsum(is_word) - is_word
        self.para_w = para[is_word]  # paragraph of each word (in reading order)
        self.sent_w = sent[is_word]
        self.n_docs = int(np.count_nonzero(np.diff(self.para_w))) + 1 if self.n_words else 0  # paragraphs with words
        self.folded = None
        self.cache: dict = {}
        self._paragraphs = doc.paragraphs
        try:  # weakly: the preparation is cached under the document, which it must not keep alive
            self._doc = weakref.ref(doc)
        except TypeError:  # pragma: no cover - an object that cannot be weakly referenced
            self._doc = lambda: doc

    def _list(self, name: str, array) -> list:
        hit = self.cache.get(name)
        if hit is None:
            hit = self.cache[name] = array.tolist()
        return hit

    # the columns as Python lists
    para = property(lambda self: self._list("para", self.para_arr))
    sent = property(lambda self: self._list("sent", self.sent_arr))
    start = property(lambda self: self._list("start", self.start_arr))
    end = property(lambda self: self._list("end", self.end_arr))
    token_id = property(lambda self: self._list("token_id", self.token_id_arr))
    punct = property(lambda self: self._list("punct", ~self.is_word))
    word_idx = property(lambda self: self._list("word_idx", self.word_arr))
    word_pos = property(lambda self: self._list("word_pos", self.word_pos_arr))

    @property
    def para_spans(self) -> list[tuple[int, int, int]]:
        """``(para_id, start, end)`` of every paragraph."""
        hit = self.cache.get("para_spans")
        if hit is None:
            ps = self._paragraphs
            hit = self.cache["para_spans"] = list(zip(*(np.asarray(column_values(ps, c)).tolist()
                                                        for c in ("para_id", "start", "end"))))
        return hit

    def keys(self, by: str) -> list[str]:
        """The key of every token as a list (made on first use)."""
        key = ("keys", by)
        hit = self.cache.get(key)
        if hit is None:
            if by == LEMMA_LOWER:
                codes, vocab = self.encoded(by)
                hit = [vocab[c] for c in codes.tolist()]
            else:
                hit = column_values(self._tokens, by).tolist()
            self.cache[key] = hit
        return hit

    @property
    def lower(self) -> list[str]:
        return self.keys("lower")

    @property
    def lemma(self) -> list[str]:
        return self.keys("lemma")

    def encoded(self, by: str) -> tuple[np.ndarray, list[str]]:
        """``(codes, vocab)`` of every token's key (punctuation included), by first occurrence.
        ``by`` is a token column, or :data:`LEMMA_LOWER` for the lemma in lower case (what
        queries match: the lemma of "Afghanistan" is "Afghanistan", the query "afghanistan")."""
        key = ("encoded", by)
        hit = self.cache.get(key)
        if hit is None:
            if by == LEMMA_LOWER:
                codes, vocab = self.encoded("lemma")
                folded, uniques = pd.factorize(np.array([v.lower() for v in vocab], dtype=object))
                hit = (folded.astype(np.int64)[codes] if len(codes) else codes, uniques.tolist())
            else:
                hit = _factorize(column_values(self._tokens, by))
            self.cache[key] = hit
        return hit

    def codes(self, by: str) -> tuple[np.ndarray, list[str]]:
        """``(codes, vocab)``: each word's key as an integer, numbered in order of first occurrence."""
        key = ("codes", by)
        hit = self.cache.get(key)
        if hit is None:
            token_codes, token_vocab = self.encoded(by)
            codes, first = pd.factorize(token_codes[self.word_arr])  # first: the key numbers, in term order
            hit = self.cache[key] = (codes.astype(np.int64), [token_vocab[i] for i in first.tolist()])
        return hit

    # ---- names: a multi-word name is one unit of the term tables

    def units(self, names: bool):
        """The :class:`~analysis.terms.names._Units` of the document when ``names`` (``None``
        when names are not asked for or the document has no multi-word name)."""
        if not names:
            return None
        if "units" not in self.cache:
            from .names import units

            self.cache["units"] = units(self._doc(), self)
        return self.cache["units"]

    def unit_codes(self, by: str, names: bool) -> tuple[np.ndarray, list[str]]:
        """``(codes, vocab)`` of the units: :meth:`codes` with each multi-word name one unit."""
        u = self.units(names)
        if u is None:
            return self.codes(by)
        key = ("unit_codes", by)
        hit = self.cache.get(key)
        if hit is None:
            codes, vocab = self.codes(by)
            keys = codes[u.unit_word]
            name_keys = u.keys(by)
            name_vocab = list(dict.fromkeys(name_keys))
            number = {k: len(vocab) + i for i, k in enumerate(name_vocab)}
            keys[u.name_units] = [number[k] for k in name_keys]
            ucodes, first = pd.factorize(keys)
            every = vocab + name_vocab
            hit = self.cache[key] = (ucodes.astype(np.int64), [every[i] for i in first.tolist()])
        return hit

    # ---- flags

    def stats(self, by: str, stops: frozenset, lists: tuple = (), names: bool = False) -> _Terms:
        """The per-term figures of :class:`_Terms` for a key, a stopword list, flag lists and
        names (``True``: a multi-word name is one term)."""
        names = self.units(names) is not None
        key = ("stats", by, stops, lists, names)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._stats(by, stops, lists, names)
        return hit

    def _stats(self, by: str, stops: frozenset, lists: tuple, names: bool) -> _Terms:
        out = _Terms()
        codes, vocab = self.unit_codes(by, names)
        u = self.units(names)
        stop_u = self.word_flags(by, stops)
        listed_u = [self.list_flags(name) for name in lists]
        para = self.para_w
        if u is not None:
            para = para[u.unit_word]
            stop_u = stop_u[u.unit_word] & ~u.is_name
            listed_u = [f[u.unit_word] & ~u.is_name for f in listed_u]
        n_terms = len(vocab)
        out.vocab, out.codes, out.para, out.n_units = vocab, codes, para, len(codes)
        out.count = count = np.bincount(codes, minlength=n_terms)
        # first occurrence of each term: codes are numbered in reading order
        first_unit = np.flatnonzero(np.diff(np.maximum.accumulate(codes), prepend=-1) > 0)
        out.first_para = para[first_unit] if len(codes) else np.zeros(0, dtype=np.int64)
        # paragraphs per term: distinct (term, paragraph) pairs
        n_para_ids = int(self.para_w.max()) + 1 if len(codes) else 1
        pairs = _distinct(codes * n_para_ids + para)
        out.n_paras = np.bincount(pairs // n_para_ids, minlength=n_terms)
        # a term is a stopword when one of its units is; it is on a flag list when at least half
        # of its units are ("state" is a noun more often than the verb of "he stated")
        stop = np.bincount(codes, weights=stop_u, minlength=n_terms) > 0
        stop_list = np.full(n_terms, "", dtype=object)
        listed = np.zeros(n_terms, dtype=bool)
        for name, flags in reversed(list(zip(lists, listed_u))):  # the first list named wins
            on = (count > 0) & (2 * np.bincount(codes, weights=flags, minlength=n_terms) >= count)
            stop_list[on] = name
            listed |= on
        stop_list[stop] = "stopwords"
        out.stop, out.stop_list = stop | listed, stop_list
        out.flags = stop_u | listed[codes]
        return out

    def acronyms(self) -> np.ndarray:
        """Per word: its lemma is an acronym (``US``, ``CSTO``), never a stopword."""
        hit = self.cache.get("acronyms")
        if hit is None:
            from ..segment import is_acronym

            codes, vocab = self.codes("lemma")
            hit = self.cache["acronyms"] = np.array([v.isupper() and is_acronym(v) for v in vocab], dtype=bool)[codes]
        return hit

    def word_flags(self, by: str, stops: frozenset) -> np.ndarray:
        """Per word: a stopword, i.e. its lower-case form or its key (lemma, ...) is on the list,
        and it is not an acronym (``US`` is not the pronoun *us*)."""
        key = ("word_flags", by, stops)
        hit = self.cache.get(key)
        if hit is None:
            if by == "lower":
                lower_codes, lower_vocab = self.codes("lower")
                hit = np.array([w in stops for w in lower_vocab], dtype=bool)[lower_codes] & ~self.acronyms()
            else:
                codes, vocab = self.codes(by)
                hit = self.word_flags("lower", stops) | (
                    np.array([k.lower() in stops for k in vocab], dtype=bool)[codes] & ~self.acronyms())
            self.cache[key] = hit
        return hit

    def list_flags(self, name: str) -> np.ndarray:
        """Per word: on the flag list ``name`` — an honorific written with a capital (Mr, Dr.),
        or a reporting verb (its lemma listed, tagged as a verb)."""
        key = ("list_flags", name)
        hit = self.cache.get(key)
        if hit is None:
            from .lists import flag_words

            words = flag_words(name)
            by, check = ("lower", "text") if name == "honorifics" else ("lemma", "pos")
            codes, vocab = self.codes(by)
            hit = np.array([v.rstrip(".") in words for v in vocab], dtype=bool)[codes]
            candidates = np.flatnonzero(hit)  # a few words: look at their spelling or tag one by one
            if len(candidates):
                doc = self._doc()
                values = doc.token_list(check) if hasattr(doc, "token_list") else column_values(self._tokens, check)
                for w, t in zip(candidates.tolist(), self.word_arr[candidates].tolist()):
                    value = values[t]
                    hit[w] = value[:1].isupper() if name == "honorifics" else value.startswith("VB")
            self.cache[key] = hit
        return hit

    def word_freqdist(self, by: str):
        """An NLTK ``FreqDist`` of the words (the collocation finders read it, never change it)."""
        key = ("word_freqdist", by)
        hit = self.cache.get(key)
        if hit is None:
            codes, vocab = self.codes(by)
            hit = self.cache[key] = _freqdist(dict(zip(vocab, np.bincount(codes, minlength=len(vocab)).tolist())))
        return hit

    def stopword_terms(self, by: str, stops: frozenset, lists: tuple = ()) -> np.ndarray:
        """Per term of ``codes(by)``: the term or its lower-case form is on the stopword list (an
        acronym never is), or a flag list flags the term (see :meth:`stats`)."""
        key = ("stopword_terms", by, stops, lists)
        hit = self.cache.get(key)
        if hit is None:
            from ..segment import is_acronym

            vocab = self.codes(by)[1]
            hit = np.array([w in stops or (w.lower() in stops and not is_acronym(w)) for w in vocab], dtype=bool)
            if lists:
                st = self.stats(by, stops, lists, False)
                hit |= st.stop & (st.stop_list != "stopwords")
            self.cache[key] = hit
        return hit

    def token_codes(self, by: str) -> np.ndarray:
        """The term code (of ``codes(by)``) of every token; -1 for punctuation."""
        key = ("token_codes", by)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = np.full(self.n_tokens, -1, dtype=np.int64)
            hit[self.word_arr] = self.codes(by)[0]
        return hit

    def _grouped(self, by: str) -> tuple[np.ndarray, list[int], dict[str, int]]:
        """The tokens grouped by key: those of key number c (``number[key]``) are
        ``order[bounds[c]:bounds[c + 1]]``, in reading order."""
        hit = self.cache.get(("grouped", by))
        if hit is None:
            codes, vocab = self.encoded(by)
            order = np.argsort(codes, kind="stable")
            bounds = np.concatenate([[0], np.cumsum(np.bincount(codes, minlength=len(vocab)))]).tolist()
            hit = self.cache[("grouped", by)] = (order, bounds, {k: i for i, k in enumerate(vocab)})
        return hit

    def positions(self, by: str, key: str) -> list[int]:
        """The tokens (punctuation included) whose ``by`` form is ``key``, in reading order."""
        order, bounds, number = self._grouped(by)
        c = number.get(key)
        return [] if c is None else order[bounds[c]:bounds[c + 1]].tolist()

    def has(self, by: str, key: str) -> bool:
        """Whether some token's ``by`` form is ``key``."""
        return key in self._grouped(by)[2]


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _prep(doc) -> _Prep:
    tokens = doc.tokens
    hit = _CACHE.get(doc)
    if hit is not None and hit[0] is tokens:
        return hit[1]
    prep = _Prep(doc)
    try:
        _CACHE[doc] = (tokens, prep)
    except TypeError:  # pragma: no cover - an object that cannot be weakly referenced
        pass
    return prep
