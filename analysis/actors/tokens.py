"""Token columns as Python lists, made once per document and shared with the quotes layer."""

from __future__ import annotations

import bisect


class _Tokens:
    """Column lists of the token table (fast positional access)."""

    def __init__(self, doc):
        col = doc.token_list  # shared with the other layers, made once per document
        self.start, self.end, self.text = col("start"), col("end"), col("text")
        self.pos, self.lower, self.lemma = col("pos"), col("lower"), col("lemma")
        self.sent, self.para = col("sent_id"), col("para_id")
        self.n = len(self.start)

    def capitalised(self) -> list[int]:
        """Indices of the tokens whose first character is a capital or "&" (made once): the only
        tokens a name, an initial or an acronym ("AT&T", "&AB" as tokenized) can start with."""
        caps = self.__dict__.get("_caps")
        if caps is None:
            caps = self._caps = [k for k, w in enumerate(self.text) if w[:1].isupper() or w[:1] == "&"]
        return caps

    def not_lower(self) -> list[int]:
        """Indices of the tokens that are not all lower case (``str.islower``): a capital somewhere,
        or no letter at all (made once)."""
        ix = self.__dict__.get("_not_lower")
        if ix is None:
            ix = self._not_lower = [k for k, w in enumerate(self.text) if not w.islower()]
        return ix

    def index_at(self, offset: int) -> int:
        """Index of the token containing or following ``offset``."""
        return max(0, bisect.bisect_right(self.start, offset) - 1)


_TOKEN_CACHE: "weakref.WeakKeyDictionary" = None


def token_lists(doc) -> _Tokens:
    """The token columns of ``doc`` as Python lists, computed once per document (shared with quotes)."""
    global _TOKEN_CACHE
    import weakref

    if _TOKEN_CACHE is None:
        _TOKEN_CACHE = weakref.WeakKeyDictionary()
    try:
        cached = _TOKEN_CACHE.get(doc)
    except TypeError:
        return _Tokens(doc)
    if cached is None or cached.n != len(doc.tokens):
        cached = _Tokens(doc)
        _TOKEN_CACHE[doc] = cached
    return cached


def end_of_text_before(text: str, pos: int, lo: int = 0) -> int:
    """``lo + len(text[lo:pos].rstrip())``: the end of the last non-space character before ``pos``.

    Looks back through a window that grows only while it holds nothing but whitespace, so the
    cost is the length of the whitespace run before ``pos``, not of everything before it.

    >>> end_of_text_before("Russia's  minister", 10)
    8
    """
    width = 32
    while True:
        start = max(lo, pos - width)
        stripped = text[start:pos].rstrip()
        if stripped or start == lo:
            return start + len(stripped)
        width *= 4
