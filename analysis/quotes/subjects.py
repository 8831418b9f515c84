"""The subject of a speech verb (or the owner of a speech noun): the noun phrase before it, past
appositions and relative clauses, the main clause's subject, or the subject ``doc.clauses`` gives."""

from __future__ import annotations

import bisect

from .phrases import _speaker
from .words import _DOCUMENT_NOUNS, _SPEECH_NOUNS, _AUX, _DETS_TIME, _FINITE, _NOUN_POS, _PREPOSITIONS, _PRONOUNS, _SKIP_POS, _TIME_NOUNS


#: nouns for texts that carry their own words ("a sign saying “…”", "a letter reading “…”")
_TEXT_NOUNS = _DOCUMENT_NOUNS | _SPEECH_NOUNS | {"sign", "banner", "poster", "placard", "shirt", "t-shirt", "ad", "advert",
                                                 "advertisement", "email", "e-mail", "flyer", "headline", "caption", "report"}


class _Subjects:
    """The subject-finding methods of the quoter."""

    def subject(self, v: int, ss: int, lower_bound: int, how: str = "tag_before", cue: str | None = None):
        cue = cue or self.t_lower[v]
        if self.t_pos[v] in ("VB", "VBP") and v >= 2 and self.t_lower[v - 1] == "to":
            # "The email goes on to say", "she was quick to add", "he declined to say": the
            # subject of the verb the infinitive depends on
            u = v - 2
            while u > v - 5 and u >= 0 and self.t_start[u] >= lower_bound and self.t_pos[u] in ("RP", "RB", "JJ", "IN"):
                u -= 1
            if u >= 0 and self.t_start[u] >= lower_bound and self.t_pos[u] in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
                found = self.subject(u, ss, lower_bound, how, cue)
                if found is not None:
                    return found
        k = v - 1
        while k >= 0 and (self.t_pos[k] in _SKIP_POS or self.t_lower[k] in _AUX or
                          (self.t_lower[k].endswith("ly") and self.t_pos[k].startswith("RB"))):
            k -= 1
        if k < 0 or self.t_start[k] < lower_bound:
            # "Continued Stone: “…”": the verb opens the sentence, its subject follows it
            np_ = self.np_forward(v + 1, self.s_end[self.sent_index(self.t_start[v])])
            if np_ is not None and self.names_actor(np_):
                return self.resolve(np_, cue, how)
            return None
        if self.t_pos[v] == "VBG" and self.t_lower[k] not in (",", "and", "but") and self.t_pos[k] in _NOUN_POS:
            np_ = self.subject_back(v, lower_bound)     # "with Trump reportedly yelling: “…”"
            if np_ is not None and self.names_actor(np_) and not self.object_of_verb(np_):
                return self.resolve(np_, cue, how)
        if self.t_pos[v] != "VBG" and self.t_lower[k] not in ("and", "but"):
            # "X said", "the minister recalled": the noun phrase right before the verb
            np_ = self.subject_back(v, lower_bound)
            if np_ is not None and self.t_lower[np_[0]] not in ("who", "which", "that") and \
                    (self.names_actor(np_) or self.t_lower[k] not in (",", ")")):
                return self.resolve(np_, cue, how)
        if self.t_pos[v] == "VBG" and self.t_lower[k] == ",":
            # "X criticized the accord …, saying “…”": a participle after a comma shares the
            # subject of the main clause, not the object before the comma
            np_ = self.main_subject(ss, self.t_start[v])
            if np_ is None or not self.names_actor(np_[:2]):
                # the sentence's first verb of past or present ("X on Saturday criticized/VBN the accord adopted …")
                u = next((q for q in range(self.tok_index(ss), v) if not self.is_mark_tok(q) and (
                    self.t_pos[q] in _FINITE or self.t_pos[q] == "VBN" and q > 0 and
                    self.t_pos[q - 1] in ("NNP", "NNPS", "NN", "NNS", "PRP"))), None)
                np_ = self.subject_back(u, ss) if u is not None else None
                if u is None:
                    # no verb the tagger saw ("Vale shot/NN back in a statement, saying …"): a name
                    # opening the sentence
                    k0 = self.tok_index(ss)
                    last = k0
                    while last + 1 < v and self.t_pos[last + 1] in ("NNP", "NNPS"):
                        last += 1
                    np_ = (k0, last) if self.t_pos[k0] in ("NNP", "NNPS") else None
            if np_ is not None and self.names_actor(np_[:2]):
                return self.resolve(np_, cue, how)
        # the clause layer's subject of the speech verb itself (appositions, relatives,
        # coordination and participles are resolved there)
        np_ = self.verb_subject(v, lower_bound if self.t_pos[v] != "VBG" else ss)
        if np_ is not None and self.t_pos[v] == "VBG" and len(np_) == 2 and (self.object_of_verb(np_) or (
                self.adjunct(np_) and not (self.t_lower[np_[0] - 1] in ("with", "without") and self.names_actor(np_)))):
            np_ = None      # "…, at one point calling X a “liar”": a phrase before the participle, not its subject
        if np_ is not None:
            return self.resolve(self.relative(np_, v), cue, how)
        # "X is slamming …, saying “…”": a participle shares the subject of the main verb
        if self.t_pos[v] == "VBG" or (k >= 0 and self.t_lower[k] in ("and", "but")) or \
                (k >= 0 and self.t_lower[k] == "," and self.t_pos[v] == "VBG"):
            np_ = self.main_subject(ss, self.t_start[v])
            if np_ is not None:
                return self.resolve(np_, cue, how)
            if self.t_pos[v] == "VBG":
                return None
        np_ = self.subject_back(v, lower_bound)
        if np_ is not None:
            return self.resolve(np_, cue, how)
        return None

    def subject_back(self, v: int, lo: int):
        """The noun phrase that is the subject of the verb at token ``v``: right before it (past
        adverbs and auxiliaries), or before an apposition (``X, a long description, said``,
        ``X, who …, said``)."""
        k = v - 1
        while k >= 0 and self.t_start[k] >= lo and (self.t_pos[k] in _SKIP_POS or self.t_lower[k] in _AUX or
                                                     (self.t_lower[k].endswith("ly") and self.t_pos[k].startswith("RB"))):
            k -= 1
        if k < 0 or self.t_start[k] < lo:
            return None
        if self.t_lower[k] != ",":
            np_ = self.np_back(k, lo)
            if np_ is not None and len(np_) == 2 and self.adjunct(np_):
                # "X on Friday described", "X less than two weeks ago said": a phrase of time
                # or place between the subject and its verb is not the subject; look before it
                q = np_[0] - 1
                while q >= 0 and self.t_start[q] >= lo and (self.t_pos[q] in ("IN", "TO", "RB", "RBR", "JJR")
                                                             or self.t_lower[q] in _DETS_TIME):
                    q -= 1
                if q < 0 or self.t_start[q] < lo:
                    return None if self.adjunct_is_time(np_) else np_
                return self.subject_back(q + 1, lo)
            if np_ and self.t_lower[np_[0]] in ("who", "which", "that") and np_[0] == np_[1]:
                # X, who said / the department which reported: the pronoun names its antecedent
                q = np_[0] - 1
                if q >= 0 and self.t_lower[q] == ",":
                    q -= 1
                ant = self.np_back(q, 0) if q >= 0 else None
                if ant:
                    return (np_[0], np_[1], ant[0], ant[1])
                return None
            return np_
        # an apposition: the first comma-separated part of the span that is a noun phrase
        commas = []
        q = k
        while q >= 0 and self.t_start[q] >= lo and k - q < 40:
            if self.t_lower[q] == ",":
                commas.append(q)
            elif self.t_pos[q] in _FINITE and q != v:
                # "X, a consultant who earlier had tried …, said": a relative clause inside the apposition
                r = next((r for r in range(q - 1, max(-1, q - 9), -1)
                          if self.t_lower[r] in (",", "who", "which") or self.t_start[r] < lo), None)
                if r is None or self.t_lower[r] not in ("who", "which") or self.t_start[r] < lo:
                    break
                q = r
            elif self.is_mark_tok(q) and self.t_start[q] in self.title_close:
                # a title inside the apposition ("X, the author of “Going Viral,” said")
                q = self.tok_index(self.title_close[self.t_start[q]])
            elif self.is_mark_tok(q) or self.t_lower[q] in (".", ";", ":"):
                break
            q -= 1
        # leftmost part that names someone (``Chris Weston, strategist at IG Ltd., said``,
        # ``the bloc's president, Fatima Ndiaye, told``), else the leftmost noun phrase
        cands = [self.np_back(comma - 1, lo) for comma in reversed(commas)]
        cands = [c for c in cands if c is not None and not (len(c) == 2 and self.adjunct(c))
                 and not self.object_of_verb(c) and not self.fronted_phrase(c, lo)]
        for np_ in cands:
            if self.t_pos[np_[1]] in ("NNP", "NNPS") or self.t_lower[np_[1]] in _PRONOUNS:
                return np_
            i = self.mention_in(self.t_start[np_[0]], self.t_end[np_[1]])
            if i is not None and self.m_end[i] >= self.t_end[np_[1]]:
                return np_
        return cands[0] if cands else None

    def fronted_phrase(self, np_, lo: int) -> bool:
        """Is the noun phrase the object of a preposition opening the clause (``Of Carson, Levine
        said``)?"""
        q = np_[0] - 1
        if q < 0 or self.t_pos[q] != "IN" or self.t_start[q] < lo or \
                self.t_lower[q] not in _PREPOSITIONS and self.t_lower[q] not in ("of", "regarding", "like", "unlike"):
            return False
        return q == 0 or self.t_start[q - 1] < lo or self.t_lower[q - 1] in (",", ".", ";", ":") or self.is_mark_tok(q - 1)

    def object_of_verb(self, np_) -> bool:
        """Is the noun phrase the object of a verb right before it (``who has endorsed Lee``,
        ``started out the debate``), not a subject?"""
        q = np_[0] - 1
        if q > 0 and (self.t_pos[q] == "RP" or self.t_lower[q] in ("out", "up", "off", "down")):
            q -= 1
        if self.t_lemma[np_[1]] in _TEXT_NOUNS:
            return False    # "held up a sign saying “…”": a text says its own words
        return q >= 0 and self.t_pos[q] in ("VBD", "VBN", "VBZ", "VBP", "VB", "VBG") and self.t_lemma[q] not in ("be", "have")

    def adjunct(self, np_) -> bool:
        """Is the noun phrase a phrase of time (``Tuesday``, ``two weeks ago``, ``last month``) or
        the object of a preposition (``on Friday``, ``in federal court in Washington``), not a
        subject?"""
        if self.adjunct_is_time(np_):
            return True
        q = np_[0] - 1
        if not (q >= 0 and self.t_pos[q] in ("IN", "TO") and self.t_lower[q] in _PREPOSITIONS):
            return False
        # "a source familiar with Berg's thinking": a phrase after a noun or adjective belongs to it
        return q == 0 or self.t_pos[q - 1] not in ("NN", "NNS", "JJ", "JJR", "JJS", "CD")

    def adjunct_is_time(self, np_) -> bool:
        b = np_[1]
        if self.t_lower[b] in _TIME_NOUNS:
            return True
        return b + 1 < self.n_tok and self.t_lower[b + 1] == "ago"

    def relative(self, np_, v: int):
        """``Beck, who has … described``: the relative pronoun between a subject and its verb
        is the speaker's words (carrying the subject as its antecedent)."""
        if len(np_) != 2:
            return np_
        for q in range(np_[1] + 1, min(v, np_[1] + 3)):
            if self.t_lower[q] in ("who", "which") and self.t_pos[q] in ("WP", "WDT"):
                # only when "who" is the verb's own subject ("X, who has long said"), not the
                # subject of an apposition ("X, who is reviled by many, said")
                if all(self.t_pos[r] in _SKIP_POS or self.t_lower[r] in _AUX or self.t_pos[r] in ("RB", "IN", "DT", "NN", "JJ")
                       and self.t_lower[r] not in (",",) for r in range(q + 1, v)):
                    return (q, q, np_[0], np_[1])
                return np_
        return np_

    def possessor(self, v: int, lo: int):
        """``Trump's claim that “…”`` / ``her statement: “…”`` / ``a statement by X``."""
        k = v - 1
        while k >= 0 and self.t_start[k] >= lo and self.t_pos[k] in ("JJ", "JJS", "JJR", "RB", "VBN"):
            k -= 1
        if k < 0 or self.t_start[k] < lo:
            return None
        cue = self.t_lower[v]
        if self.t_pos[k] == "POS":
            np_ = self.np_back(k - 1, lo)
            if np_ is not None and self.names_actor(np_):
                return self.resolve(np_, cue, "tag_before")
            return None
        if self.t_pos[k] == "PRP$" and self.t_lower[k] in ("his", "her"):
            a, b = self.t_start[k], self.t_end[k]
            j = bisect.bisect_left(self._person_starts, a) - 1
            if j >= 0:
                p = self._persons[j]
                return _speaker(self.m_id[p], self.m_name[p], cue, a, b, "person", "pronoun")
            return None
        if v + 2 < self.n_tok and self.t_lower[v + 1] in ("by", "from"):
            np_ = self.np_forward(v + 2, self.s_end[self.sent_index(self.t_start[v])])
            if np_ is not None and self.names_actor(np_):
                return self.resolve(np_, cue, "tag_before")
        return None

    def main_subject(self, ss: int, before: int):
        """The subject of the first finite verb of the sentence starting at ``ss`` (before ``before``)."""
        if self.clauses is not None:
            np_ = self.clause_subject(ss, before)
            if np_ is not None:
                return np_
        k0, k1 = self.tok_index(ss), self.tok_index(before)
        u = self.first_finite(ss)
        if u is not None and u < k1:
            np_ = self.subject_back(u, ss)
            if np_ is not None and self.names_actor(np_):
                return np_
            return None
        # no finite verb (a tagger's miss: "Trump shot/NN back"): a name opening the sentence
        np_ = self.np_forward(k0, before)
        if np_ is not None and self.t_pos[np_[1]] in ("NNP", "NNPS") and \
                self.mention_in(self.t_start[np_[0]], self.t_end[np_[1]]) is not None:
            return np_
        return None

    def verb_subject(self, v: int, lo: int):
        """The subject ``doc.clauses`` gives the verb at token ``v`` (as a token span), if any."""
        c = self.clauses
        if c is None:
            return None
        k = c["by_verb"].get(self.t_start[v])
        if k is None:
            # the verb group may start with an auxiliary ("has said")
            j = bisect.bisect_right(c["start"], self.t_start[v]) - 1
            while j >= 0 and c["end"][j] > self.t_start[v] and k is None:
                if c["verb_start"][j] <= self.t_start[v] < c["end"][j] and c["verb_start"][j] >= self.t_start[v] - 40:
                    k = j
                j -= 1
        if k is None or c["subject_start"][k] < lo or c["subject_start"][k] < 0:
            return None
        return self.token_span(c["subject_start"][k], c["subject_end"][k])

    def first_finite(self, ss: int):
        """Index of the first finite verb of the sentence starting at ``ss`` outside quotation
        marks (within its first 80 tokens), or None; computed once per sentence."""
        if ss not in self._finite:
            k0 = self.tok_index(ss)
            k_end = min(self.tok_index(self.s_end[self.sent_index(ss)]), k0 + 80)
            inside, found, past = False, None, None
            for u in range(k0, k_end):
                if self.is_mark_tok(u):
                    inside = not inside       # skip the words of an earlier quotation
                elif not inside and (self.t_pos[u] in _FINITE or self.t_pos[u] == "MD"):
                    found = u
                    break
                elif not inside and past is None and self.t_pos[u] == "VBN" and u > k0 and \
                        self.t_pos[u - 1] in ("NNP", "NNPS", "NN", "NNS", "PRP") and self.t_lower[u].endswith("ed"):
                    past = u      # "Donald Trump attacked/VBN Romney": a past tense the tagger took for a participle
            self._finite[ss] = found if found is not None else past
        return self._finite[ss]

    def clause_subject(self, ss: int, at: int):
        """The subject of the main clause of the sentence starting at ``ss`` whose verb comes
        before offset ``at`` (``doc.clauses``): the clause holding ``at``, else the last main or
        coordinated clause before it."""
        c = self.clauses
        i = bisect.bisect_right(c["start"], at) - 1
        holding = last = None
        stop = max(-1, i - 40)
        while i > stop and c["start"][i] >= ss:
            if c["subject_start"][i] >= ss and c["verb_start"][i] < at and c["relation"][i] in ("main", "coordinated"):
                if holding is None and c["end"][i] >= at:
                    holding = i
                if last is None or c["verb_start"][i] > c["verb_start"][last]:
                    last = i
            i -= 1
        best = holding if holding is not None else last
        if best is None:
            return None
        return self.token_span(c["subject_start"][best], c["subject_end"][best])

    def token_span(self, a: int, b: int):
        """The tokens of ``[a, b)``, trimmed to what follows a relative word inside it
        ("the courage through what she" → "she")."""
        ka, kb = self.tok_index(a), self.tok_index(b) - 1
        if kb < ka:
            return None
        for q in range(kb, ka - 1, -1):
            if self.t_pos[q] in ("WP", "WDT") and q < kb:
                ka = q + 1
                break
        return (ka, kb)
