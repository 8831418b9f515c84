"""Multi-word names as single terms: "United States", "Security Council", "Sergei Lavrov".

The names come from the actors layer (``doc.mentions``: its ``start``, ``end``, ``text`` and
``actor_id`` columns only). A mention becomes one term when, after a leading "the" or an
honorific (Mr, Dr ...) and a trailing possessive are set aside, it is two words or more of one
sentence that lie on token boundaries, its first and last words start with a capital or a digit,
every word between is capitalised or a connecting word (of, for, and, de, al ...), and the only
punctuation inside is a hyphen, full stop, ampersand or apostrophe. Descriptions the actors layer
links to an actor ("the bloc", "the Russian authorities", "Israeli troops") stay words. Where
mentions overlap, the one that starts first (the longest of those) is kept.

The term is the name as written, whitespace made single and apostrophes straight
(``by="lower"``: in lower case); the other mentions of the same actor ("US", "the Americans")
keep their own terms: the term tables count wording, ``doc.mentions`` counts actors.

>>> doc = analysis.annotate(analysis.from_text("T\\n\\nThe Security Council met. The United States agreed."))
>>> name_terms(doc)[["term", "text"]].values.tolist()
[['Security Council', 'Security Council'], ['United States', 'United States']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._frames import column_values
from ..segment import fold

NAME_COLUMNS = ["term", "start", "end", "text", "actor_id"]

#: lower-case words that may stand inside a name ("Ministry of Foreign Affairs", "Bashar al-Assad")
CONNECTORS = frozenset("""of for the and on in at to upon de du des la le les el al bin ibn von van der den da di
do dos y e 's ' &""".split())
_INNER_PUNCT = frozenset({"-", ".", "&", "'"})
_LEADING = frozenset({"the"})
_TRAILING = frozenset({"'s", "'"})


class _Units:
    """The units of the term tables: every word, except that the words of a multi-word name
    make one unit.

    Attributes:
        spans: ``(first, last)`` token index of each name, in reading order.
        unit_word: the first word (index among the words) of each unit.
        is_name: per unit, a name.
        name_units: the unit number of each name.
    """

    __slots__ = ("spans", "unit_word", "is_name", "name_units", "_text", "_keys")

    def keys(self, by: str) -> list[str]:
        """The term of each name for ``by``: as written (lemma, text) or in lower case."""
        hit = self._keys.get(by)
        if hit is None:
            hit = self._keys[by] = [t.lower() for t in self._text] if by == "lower" else list(self._text)
        return hit


def _mention_spans(doc) -> tuple[np.ndarray, np.ndarray]:
    """``(starts, ends)`` of the mentions of the actors layer, by start (the longest first), or
    empty arrays when the layer is not installed."""
    none = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    try:
        mentions = doc.mentions
    except AttributeError:  # the actors layer is not installed
        return none
    if mentions is None or not len(mentions) or not {"start", "end"} <= set(mentions.columns):
        return none
    starts = np.asarray(column_values(mentions, "start"), dtype=np.int64)
    ends = np.asarray(column_values(mentions, "end"), dtype=np.int64)
    order = np.lexsort((-ends, starts))
    return starts[order], ends[order]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def name_spans(doc, prep) -> list[tuple[int, int]]:
    """``(first, last)`` token indices of the multi-word names of ``doc`` (see the module)."""
    from .lists import flag_words

    starts, ends = _mention_spans(doc)
    if not len(starts) or not prep.n_tokens:
        return []
    honorifics = flag_words("honorifics")
    # the token each mention starts and ends on (when it lies on token boundaries)
    first = np.searchsorted(prep.start_arr, starts)
    last = np.searchsorted(prep.end_arr, ends)
    n = prep.n_tokens
    aligned = (first < n) & (last < n) & (last > first)  # on token boundaries, two tokens or more
    aligned[aligned] &= (prep.start_arr[first[aligned]] == starts[aligned]) & (prep.end_arr[last[aligned]] == ends[aligned])
    # the token columns as lists, shared with the actors layer (which has made them already)
    text, lower = doc.token_list("text"), doc.token_list("lower")
    punct, sent = prep.punct, doc.token_list("sent_id")
    out: list[tuple[int, int]] = []
    kept = -1
    for a, b in zip(first[aligned].tolist(), last[aligned].tolist()):
        if a <= kept:
            continue  # inside a name already kept
        while a <= b and (lower[a] in _LEADING or (text[a][:1].isupper() and lower[a].rstrip(".") in honorifics)):
            a += 1
        while a <= b and lower[b] in _TRAILING:
            b -= 1
        if b <= a or sent[a] != sent[b]:
            continue
        words = [i for i in range(a, b + 1) if not punct[i]]
        if len(words) < 2 or not (_is_capitalised(text[words[0]]) and _is_capitalised(text[words[-1]])):
            continue
        if any(punct[i] and text[i] not in _INNER_PUNCT for i in range(a, b + 1)):
            continue
        if all(_is_capitalised(text[i]) or lower[i] in CONNECTORS for i in words):
            out.append((a, b))
            kept = b
    return out


def units(doc, prep) -> _Units | None:
    """The :class:`_Units` of a document, ``None`` when it has no multi-word name."""
    spans = name_spans(doc, prep)
    if not spans:
        return None
    word_pos = prep.word_pos_arr
    keep = np.ones(prep.n_words, dtype=bool)
    firsts = []
    for a, b in spans:
        first, last = int(word_pos[a]), int(word_pos[b])  # a and b are words (names start and end with one)
        keep[first + 1:last + 1] = False
        firsts.append(first)
    u = _Units()
    u.spans = spans
    u.unit_word = np.flatnonzero(keep)
    u.name_units = np.searchsorted(u.unit_word, np.array(firsts, dtype=np.int64))
    u.is_name = np.zeros(len(u.unit_word), dtype=bool)
    u.is_name[u.name_units] = True
    source = doc.text
    start, end = doc.token_list("start"), doc.token_list("end")
    u._text = [" ".join(fold(source[start[a]:end[b]]).split()) for a, b in spans]
    u._keys = {}
    return u


def name_terms(doc) -> pd.DataFrame:
    """The multi-word names the term tables count as one term, one row per occurrence.

    Returns:
        ``term, start, end, text, actor_id``: the term (the name as written, see the module),
        its offsets and source text, and the actor of the mention it comes from.
    """
    from .prepare import _prep

    prep = _prep(doc)
    u = prep.units(True)
    if u is None:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in NAME_COLUMNS})
    actor = {}
    mentions = doc.mentions
    if "actor_id" in mentions.columns:
        actor = dict(zip(zip(column_values(mentions, "start").tolist(), column_values(mentions, "end").tolist()),
                         mentions["actor_id"].tolist()))
    starts = [prep.start[a] for a, _ in u.spans]
    ends = [prep.end[b] for _, b in u.spans]
    # the actor of the mention holding the name (the name may have lost a leading "the")
    by_start = {}
    for (s, e), a in actor.items():
        by_start.setdefault(e, []).append((s, a))
    actors = []
    for s, e in zip(starts, ends):
        hit = [a for ms, a in by_start.get(e, []) if ms <= s]
        actors.append(hit[0] if hit else None)
    return pd.DataFrame({"term": u.keys("text"), "start": starts, "end": ends,
                         "text": [doc.text[s:e] for s, e in zip(starts, ends)], "actor_id": actors})
