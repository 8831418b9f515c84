"""Noun phrases and the actors they name: the speaker record, the noun phrase before or after a
token, and its resolution through the mentions layer (names, pronouns, documents, descriptions)."""

from __future__ import annotations

import bisect
import re

from .words import (_DETS, _DOCUMENT_NOUNS, _NOUN_POS, _NP_LINKS, _NP_POS, _PERSON_PRONOUNS, _POSSESSIVES, _PRONOUNS,
                    _TIME_NOUNS)

_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    words = text.lower().split()
    while len(words) > 1 and words[0] in _DETS:
        words = words[1:]
    return _SLUG.sub("-", " ".join(words)).strip("-") or "speaker"


class _Speaker(tuple):
    """(speaker_id, speaker, cue, speaker_start, speaker_end, speaker_type, how)."""


def _speaker(sid, name, cue, a, b, typ, how):
    return _Speaker((sid, name, cue, a, b, typ, how))


class _Phrases:
    """The noun-phrase and resolution methods of the quoter."""

    # -- noun phrases ----------------------------------------------------------------------
    def np_back(self, j: int, lo: int):
        """The noun phrase ending at token ``j`` (inclusive), not before offset ``lo``:
        ``(first_token, last_token)`` or None."""
        if j < 0 or self.t_start[j] < lo:
            return None
        low = self.t_lower[j]
        if low in _PRONOUNS and self.t_pos[j] in ("PRP", "WP", "WDT", "IN", "DT"):
            return (j, j)
        k = j
        if self.t_lower[k] == ")":      # Rep. Jim Clyburn (D-S.C.)
            q = k
            while q > 0 and self.t_lower[q] != "(" and k - q < 8 and self.t_start[q] >= lo:
                q -= 1
            if self.t_lower[q] == "(":
                k = q - 1
        head = k
        if head >= 0 and self.t_pos[head] == "PRP$":
            return None
        if head > 0 and self.t_pos[head] == "JJ" and self.t_pos[head - 1] == "DT" and self.t_start[head - 1] >= lo and \
                head + 1 < self.n_tok and self.t_pos[head + 1] in ("VBD", "VBZ") and self.t_lemma[head + 1] in self.verbs:
            return (head - 1, head)     # "the 52-year-old asked": an adjective standing for the person
        if head < 0 or self.t_start[head] < lo or self.t_pos[head] not in _NOUN_POS and not (
                self.t_pos[head] == "VBG" and head > 0 and self.t_pos[head - 1] == "POS"):   # "Cruz's thinking"
            if not (head >= 0 and self.t_start[head] >= lo and self.t_end[head] in self._m_end_set):
                return None
        first = head
        while True:
            q = first - 1
            if q < 0 or self.t_start[q] < lo or head - q > 14:
                break
            pos, w = self.t_pos[q], self.t_lower[q]
            if pos == "VBN" and q > 0 and (self.t_lemma[q - 1] in ("have", "be") or self.t_pos[q - 1] in ("WP", "WDT", ",")):
                break       # "who has endorsed | Lee": a verb group before the object, not a modifier
            if pos in _NP_POS or (pos in ("NNP", "NNPS")) or (w == "." and q > 0 and self.t_pos[q - 1] == "NNP"):
                first = q
                continue
            if w in ("that", "this") and self.t_pos[q + 1] in ("NNP", "NNPS"):
                break       # "said that Trump's …": a conjunction, not a determiner
            if w in _DETS or pos in ("DT", "PRP$"):
                first = q
                # "a spokesman for | the ministry": the phrase goes on before the determiner
                if q >= 2 and self.t_lower[q - 1] in ("of", "for", "at", "from") and \
                        self.t_pos[q - 2] in ("NN", "NNS") and self.t_start[q - 2] >= lo:
                    first = q - 2
                    continue
                break
            if w in _NP_LINKS and q > 0 and self.t_lower[head] not in _TIME_NOUNS and self.t_start[q - 1] >= lo and (
                    self.t_pos[q - 1] in _NOUN_POS or
                    # "a source familiar with …": an adjective after the noun it describes
                    self.t_pos[q - 1] == "JJ" and q > 1 and self.t_pos[q - 2] in ("NN", "NNS") and self.t_start[q - 2] >= lo):
                first = q - 1
                continue
            break
        # a mention that begins before the phrase and ends inside it extends the phrase
        return (first, j)

    def np_forward(self, k: int, hi: int):
        """The noun phrase starting at token ``k`` (``said the minister``, ``said Rep. Jim Clyburn``)."""
        if k >= self.n_tok or self.t_start[k] >= hi:
            return None
        if self.t_lower[k] in _PRONOUNS and self.t_pos[k] in ("PRP", "WP"):
            return (k, k)
        first = k
        q = k
        if self.t_lower[q] in _DETS or self.t_pos[q] in ("DT", "PRP$"):
            q += 1
        last = None
        while q < self.n_tok and self.t_start[q] < hi and q - k < 16:
            pos, w = self.t_pos[q], self.t_lower[q]
            if pos in ("VB", "JJ", "VBG", "VBN", "RB") and self.text[self.t_start[q]].isupper() and \
                    (q + 1 < self.n_tok and self.t_pos[q + 1] in ("NNP", "NNPS") or self.t_start[q] in self._m_start_set
                     or q == k and q + 1 < self.n_tok and self.t_pos[q + 1] in (",", ".")):
                pos = "NNP"   # "said Skip/VB Rutherford", "said Cuban/JJ,": a capitalised name the tagger missed
            if pos in _NP_POS or w == "." and last is not None and self.t_end[q - 1] == self.t_start[q]:
                if pos in _NOUN_POS or pos == "POS":
                    last = q
                q += 1
                continue
            if w in _NP_LINKS and last is not None and q + 1 < self.n_tok and \
                    (self.t_lower[q + 1] in _DETS or self.t_pos[q + 1] in ("NNP", "NNPS", "NN", "NNS", "DT", "JJ")):
                q += 1
                if self.t_lower[q] in _DETS or self.t_pos[q] in ("DT", "PRP$"):
                    q += 1      # "the head of | the Russian Foreign Ministry"
                continue
            break
        if last is None and q > k + 1 and self.t_pos[k] == "DT" and self.t_pos[q - 1] == "JJ" and \
                (q >= self.n_tok or self.t_start[q] >= hi or self.t_pos[q] in (",", ".", ":")):
            last = q - 1      # "said the 46-year-old.": an adjective standing for the person
        if last is None:
            return None
        return (first, last)

    def names_actor(self, np_) -> bool:
        a, b = self.t_start[np_[0]], self.t_end[np_[1]]
        if self.mention_in(a, b) is not None:
            return True
        return self.t_pos[np_[1]] in ("NNP", "NNPS") or self.t_lower[np_[1]] in _PRONOUNS

    def mention_in(self, a: int, b: int):
        """The mention that best names the phrase ``[a, b)``: one ending at its end, else the
        first inside it; None."""
        lo = bisect.bisect_left(self._m_starts_sorted, a - self._max_mention)
        hi = bisect.bisect_left(self._m_starts_sorted, b)
        best = None
        for idx in range(lo, hi):
            i = self._m_order[idx]
            if self.m_end[i] <= a or self.m_type[i] == "place":
                continue
            if self.m_end[i] == b or (self.m_start[i] <= a and self.m_end[i] >= b):
                return i
            if best is None:
                best = i
        return best

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, np_, cue: str, how: str):
        """The speaker named by the noun phrase (token span; a relative pronoun carries its
        antecedent's span too)."""
        if len(np_) == 4:
            sp = self.resolve(np_[2:], cue, how)
            a, b = self.t_start[np_[0]], self.t_end[np_[1]]
            return _speaker(sp[0], sp[1], cue, a, b, sp[5], "pronoun")
        a, b = self.t_start[np_[0]], self.t_end[np_[1]]
        words = self.text[a:b]
        low = words.lower()
        head = np_[1]
        if self.t_lower[head] == ")":
            # "Rep. Ann Lee (D-Ore.)": the name before the bracket
            q = head
            while q > np_[0] and self.t_lower[q] != "(":
                q -= 1
            if q > np_[0]:
                head = q - 1
                b = self.t_end[head]
                words = self.text[a:b]
                low = words.lower()
        i = self.mention_in(a, b)
        for q in range(np_[0] + 1, head):
            if self.t_lower[q] in ("of", "for", "at", "from") and self.t_pos[q - 1] in ("NN", "NNS"):
                head = q - 1      # "a spokesman for the ministry": the spokesman speaks
                break
        if low in _PRONOUNS:
            if i is not None:
                return _speaker(self.m_id[i], self.m_name[i], cue, a, b, self.m_type[i], "pronoun")
            return _speaker("", "", cue, a, b, "", how)
        head_pos = self.t_pos[head]
        if i is not None:
            covers_head = self.m_start[i] <= self.t_start[head] and self.m_end[i] >= self.t_end[head]
            if covers_head or (head_pos in ("NNP", "NNPS") and head == np_[1]):
                return _speaker(self.m_id[i], self.m_name[i], cue, a, b, self.m_type[i],
                                "pronoun" if self.m_how[i] == "pronoun" else how)
        if self.t_lemma[head] in _DOCUMENT_NOUNS and i is None:
            org = self.document_owner(a)
            if org is not None:
                return _speaker(self.m_id[org], self.m_name[org], cue, a, b, self.m_type[org], "document")
        if i is not None:
            # a description that names its actor: "a spokesman for the ministry", "NATO officials"
            return _speaker(self.m_id[i], self.m_name[i], cue, a, b, "description", how)
        first = self.t_lower[np_[0]]
        if first in _POSSESSIVES and _POSSESSIVES[first] == "person":
            j = bisect.bisect_left(self._person_starts, a) - 1
            if j >= 0:
                p = self._persons[j]
                return _speaker(self.m_id[p], self.m_name[p], cue, a, b, "description", how)
        if head_pos in ("NNP", "NNPS") and words[:1].isupper():
            # a name the mentions layer does not know ("The Post", "Caddell")
            key = words.split()[-1]
            if key in self._names:
                sid, name = self._names[key]
            else:
                known = self.named_before(key, a)
                if known is not None:     # "the Post" after "The Washington Post"
                    return _speaker(self.m_id[known], self.m_name[known], cue, a, b, self.m_type[known], how)
                sid, name = _slug(words), words
                self._names[key] = (sid, name)
            return _speaker(sid, name, cue, a, b, "name", how)
        return _speaker(_slug(words), words, cue, a, b, "description", how)

    def named_before(self, word: str, a: int):
        """The last mention before ``a`` of an actor whose name ends with ``word`` (a surname, the
        last word of an outlet's name), or None."""
        if not self._last_words:
            for i in self._m_order:
                parts = str(self.m_name[i]).split()
                if parts and self.m_type[i] != "place":
                    self._last_words.setdefault(parts[-1], []).append(i)
        best = None
        for i in self._last_words.get(word, ()):
            if self.m_start[i] < a:
                best = i
            else:
                break
        return best

    def document_owner(self, a: int):
        last = bisect.bisect_right(self.m_end, a) - 1
        for types in (("igo", "org"), ("state", "armed_group", "media")):
            for j in range(last, max(-1, last - 40), -1):
                if self.m_type[j] in types:
                    return j
        return None

    def final(self, sp, o: int):
        """A pronoun without an actor takes the last person named before it."""
        if sp[0] or sp[3] < 0:
            return sp
        words = self.text[sp[3]:sp[4]].lower()
        if words in _PERSON_PRONOUNS or words in ("they", "it", "we"):
            j = bisect.bisect_left(self._person_starts, sp[3]) - 1
            if j >= 0 and words in _PERSON_PRONOUNS:
                i = self._persons[j]
                return _speaker(self.m_id[i], self.m_name[i], sp[2], sp[3], sp[4], "person", "pronoun")
            if words in _PERSON_PRONOUNS and self._last_named is not None:
                # a person the mentions layer does not know, named by an earlier tag
                sid, name = self._last_named
                return _speaker(sid, name, sp[2], sp[3], sp[4], "name", "pronoun")
            if words in ("it", "they"):
                # "…,” it stated: the organisation (or document's owner) mentioned last;
                # "they": the group mentioned last, else the last speaker named by a description
                j = bisect.bisect_left(self.m_start, sp[3]) - 1
                for q in range(j, max(-1, j - 30), -1):
                    if self.m_type[q] in ("org", "igo", "media", "armed_group") or \
                            (words == "they" and self.m_type[q] == "state" and self.m_start[q] > sp[3] - 400):
                        return _speaker(self.m_id[q], self.m_name[q], sp[2], sp[3], sp[4], self.m_type[q], "pronoun")
                if words == "they" and self._last_described is not None:
                    sid, name = self._last_described
                    return _speaker(sid, name, sp[2], sp[3], sp[4], "description", "pronoun")
            return _speaker("", "", sp[2], sp[3], sp[4], "", sp[6])
        return sp
