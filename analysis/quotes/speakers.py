"""The speaker rules, in their documented order: a transcript label, then ``tag_after``,
``according_to``, ``colon``, ``tag_before``, ``sentence_before``, ``continuation`` and ``embedded``
(see the package docstring), and what counts as a speech cue."""

from __future__ import annotations

import re

from ..actors import end_of_text_before
from .marks import _MARKS
from .phrases import _slug, _speaker
from .words import (_COLON_ONLY, _DOCUMENT_NOUNS, _FINITE, _SPEECH_NOUNS, _THINK, _TIME_WORDS, _VERB_POS)

_DASH_TAG = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]*+[―—–][ \t\u00a0]*+")
_ACCORDING_AFTER = re.compile(r"(?:,\s{0,3}+|\s{1,3}+)according to\s++")
_ABBREV_END = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]{0,3}|[A-Z]\.[A-Z])\.\s*$")
_LOWER_NEXT = re.compile(r"(?<![ \t])[ \t]*+[a-z]")
_LABEL = re.compile(r"(?<!\s)\s*+(?<![A-Z.'\-])([A-Z][A-Z.'\-]++(?: [A-Z][A-Z.'\-]++){0,2}):[ \t]")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
#: nouns for people and bodies whose words a scare quote in their sentence may be
_SPEAKER_NOUNS = set("""mogul judge council senator governor candidate nominee president minister official spokesman
spokeswoman leader lawmaker mayor campaign committee court administration group party chairman chairwoman
director secretary congressman congresswoman critic activist billionaire businessman author columnist
editor pastor pope general commander prosecutor lawyer attorney neurosurgeon""".split())
#: words that open a clause with a new subject after a comma ("…, while Cruz said …")
_CLAUSE_OPENERS = {"while", "but", "whereas", "although", "though", "and", "yet"}
#: words that open a clause of circumstance after a complete tag ("…?” she asks as …)
_TAG_SUBORDINATORS = {"as", "before", "after", "while", "when", "because", "since", "until"}


class _Rules:
    """The speaker rules of the quoter."""

    def attribute(self, o: int, c: int, closed: bool, e: int):
        found = self.label(o + 1, e)
        if found is not None:
            return found
        self._intro = self.in_fronted_clause(o)
        found = self.after(c, e) if closed else None
        if found is None:
            found = self.according(o)
        if found is None:
            found = self.colon(o)
        if found is None:
            found = self.before(o)
        if found is None:
            found = self.previous_sentence(o)
        return found

    def label(self, s: int, e: int):
        """``"PENCE: Well, look …``: a transcript's speaker label in capitals opening the quotation."""
        m = _LABEL.match(self.text, s, e)
        if m is None:
            return None
        a, b = m.span(1)
        key = self.text[a:b].split()[-1].title()
        known = self.named_before(key, a)
        if known is not None:
            return _speaker(self.m_id[known], self.m_name[known], ":", a, b, self.m_type[known], "colon")
        words = self.text[a:b]
        return _speaker(_slug(words), words.title(), ":", a, b, "name", "colon")

    # -- 1. tag_after ------------------------------------------------------------------------
    def after(self, c: int, e: int):
        """``“…,” X said`` / ``“…,” said X`` / ``“…,” X, a description, said`` / ``“…?” he asked``
        / ``“…” ― Karen Diaz`` / ``“…” for criminal behaviour, she said.``"""
        found = self._after(c, e)
        if found is None:
            found = self.according_after(c)
        if found is None:
            found = self.dash(c)
        if found is None:
            found = self.tag_end(c)
        return found

    def _after(self, c: int, e: int):
        k = self.tok_index(c + 1)
        n = self.n_tok
        si = self.sent_index(c)
        s_end = self.s_end[si]
        ends_q = self.text[e - 1:e] in ("?", "!") or self.text[c - 1:c] in ("?", "!")
        while k < n and self.t_pos[k] in (",", ".", ":", "``", "''", '"') and self.t_start[k] - c < 4:
            if self.t_pos[k] in (".", ":") or self.t_lower[k] in (".", "?", "!", ";", ":"):
                return None
            k += 1
        if k >= n:
            return None
        tag_sentence = False
        if self.t_start[k] >= s_end:
            # "…?” he asked: the tag opens the next sentence after a ? or !; "…” Trump said.:
            # a next sentence that is nothing but a tag
            if self.t_start[k] - c >= 4 or "\n" in self.text[c:self.t_start[k]]:
                return None
            nsi = self.sent_index(self.t_start[k])
            s_end = self.s_end[nsi]
            if not (ends_q and self.text[self.t_start[k]].islower()):
                if self.tok_index(s_end) - k > 14:
                    return None
                tag_sentence = True
        if self.t_lower[k] in ("and", "but", "or"):
            return None
        if self.t_lower[k] == "as" and k + 1 < n and self.t_pos[k + 1] in ("NNP", "PRP", "DT", "NN"):
            k += 1          # “…,” as Cruz said on the radio
        limit = min(n, k + 30)
        # a sentence end inside brackets ("Rep. Ann Lee (R-Fla.) said") or after a title
        # ("Rep. | Ann Lee said") is not the tag's end
        while s_end < len(self.text) and s_end - c < 300 and (self.text.count("(", c, s_end) > self.text.count(")", c, s_end)
                                          or _ABBREV_END.search(self.text, max(c, s_end - 8), s_end)
                                          or _LOWER_NEXT.match(self.text, s_end)):
            nxt = self.sent_index(s_end + 1)
            if "\n" in self.text[s_end:self.s_start[nxt]]:
                break
            if self.s_end[nxt] <= s_end:
                break
            s_end = self.s_end[nxt]
        # a tag ends the quotation: a comma, ? or ! at the mark ("…,” she shrugged); after a
        # phrase woven into the sentence ("the “90 percent” figure came from") only a speech verb is a tag
        bounded = self.text[c - 1:c] in (",", "?", "!", "—", "…") or self.text[c + 1:c + 2] in (",", "—")
        if self._intro:
            # "As they weigh Berg's “grand plan,” voters think …": the quotation closes a clause put
            # before the main one; the main clause is a tag only with a speech verb
            bounded = False
        # inverted: said X
        if (self.is_cue(k) and self.t_pos[k] != "VBG") or \
                (bounded and self.t_pos[k] in _FINITE and self.t_pos[k] != "VBP" and not tag_sentence) or \
                (self.t_pos[k] in ("VBN", "VB") and not tag_sentence and k + 1 < n and self.t_pos[k + 1] in ("DT", "NNP")
                 and (bounded or self.t_pos[k] == "VBN")):      # “…,” read/VB the email.
            np_ = self.np_forward(self.skip_time(k + 1, s_end), s_end)
            if np_ is not None and (not tag_sentence or self.bare_tag_rest(np_[1] + 1, s_end)):
                return self.resolve(np_, self.t_lower[k], "tag_after")
            return None
        # X said / X, description, said
        depth = 0
        for v in range(k, limit):
            if self.t_start[v] >= s_end or self.is_mark_tok(v):
                return None
            pos = self.t_pos[v]
            w = self.t_lower[v]
            depth += (w == "(") - (w == ")")
            if depth > 0:
                continue      # Rep. John Mica (R-Fla.) said
            if w in (".", ";", "?", "!"):
                return None
            if (pos in _FINITE or pos == "MD") and self.t_lemma[v] in ("have", "be", "do", "will", "would", "can", "could", "may", "might") \
                    and v + 1 < n and (self.t_pos[v + 1].startswith("VB") or self.t_pos[v + 1] in ("RB",)):
                continue      # an auxiliary: "…,” Bill Clinton has said
            if pos in ("VB", "VBN") and v > k and bounded and self.t_pos[v - 1] in ("NN", "NNS", "NNP", "NNPS", "PRP") and \
                    self.t_lemma[v - 1] not in ("be", "have") and (v + 1 >= n or self.t_pos[v + 1] in (",", ".", "IN", "RB", "RP", "TO")):
                pos = "VBD"   # "…,” the editorial read/VB. / “…?” Hannity pressed/VBN.: a past tense the tagger missed
            if pos in ("NN", "NNS") and v > k and self.t_lemma[v] in self.verbs and \
                    self.t_pos[v - 1] in ("NNP", "NNPS", "NNS", "PRP") and \
                    (v + 1 >= n or self.t_pos[v + 1] in (",", ".", "IN", "RB", "NNP")):
                pos = "VBP"   # "…,” the Saudis state/NN in the paper: a tagger's miss
            if pos in _FINITE or self.is_cue(v):
                if not self.is_cue(v) and not bounded:
                    return None
                if not (self.is_cue(v) or v - k <= 4):
                    np_ = self.subject_back(v, self.t_start[k])
                    if np_ is None or np_[0] != k or len(np_) != 2:
                        return None   # “…,” the vice-presidential nominee riffed: a noun phrase, then the verb
                if tag_sentence and not self.is_cue(v) and pos != "VBP" and not (ends_q and v - k <= 3):
                    return None    # “…?” Trump went on: any verb right after a question
                if pos not in _FINITE and not self.is_cue(v):
                    return None
                if self.t_lemma[v] in ("be", "have", "do") and not self.is_cue(v):
                    return None
                np_ = self.subject_back(v, self.t_start[k])
                if np_ is None or not self.opens_tag(k, np_[0]):
                    return None    # the tag's subject opens the tag ("…,” the minister said)
                if tag_sentence and not self.bare_tag_rest(v + 1, s_end, appositive=ends_q):
                    return None    # “…” Russia insisted that …: a new sentence, not a tag
                return self.resolve(np_, self.t_lower[v], "tag_after")
        return None

    def describes_someone(self, np_) -> bool:
        """A description of a person or body (``the billionaire real estate mogul``, ``a federal
        judge``, ``the city council``): a determiner and a common noun the layer's speaker nouns list."""
        return len(np_) == 2 and self.t_pos[np_[0]] == "DT" and self.t_lemma[np_[1]] in _SPEAKER_NOUNS

    def expletive(self, a: int) -> bool:
        """Is the word at offset ``a`` an "it" that stands for no one (``it was …``, ``it seems``)?"""
        if a < 0 or self.text[a:a + 2].lower() != "it" or self.text[a + 2:a + 3].isalpha():
            return False
        k = self.tok_index(a) + 1
        while k < self.n_tok and self.t_pos[k] in ("RB", "MD"):
            k += 1
        return k < self.n_tok and self.t_lemma[k] in ("be", "seem", "appear", "get", "come", "look", "remain")

    def in_fronted_clause(self, o: int) -> bool:
        """Does the quotation stand in a clause or phrase opening its sentence (``As they weigh
        …``, ``At an event billed as …``, ``Walking into the hall to chants of …``), before the
        main clause?"""
        ss = self.s_start[self.sent_index(o)]
        k0, k1 = self.tok_index(ss), self.tok_index(o)
        if k1 - k0 < 2 or self.t_lower[k0] in ("according", "but", "and"):
            return False
        if not (self.t_pos[k0] in ("IN", "WRB", "TO") or self.t_pos[k0] == "VBG"):
            return False
        # no comma closes the opening phrase before the quotation ("In May, Berg said …")
        return not any(self.t_lower[q] in (",", ":", ";") or self.is_mark_tok(q) for q in range(k0, k1))

    def according_after(self, c: int):
        """``“…,” according to a document filed by X.``: "according to" right after the quotation."""
        m = _ACCORDING_AFTER.match(self.text, c + 1)
        if m is None:
            return None
        k = self.tok_index(m.end())
        np_ = self.np_forward(k, self.s_end[self.sent_index(m.end())])
        if np_ is None:
            return None
        # "a court document filed by X": the one who filed it
        q = np_[1] + 1
        if q + 1 < self.n_tok and self.t_pos[q] == "VBN" and self.t_lower[q + 1] == "by":
            np2 = self.np_forward(q + 2, self.s_end[self.sent_index(m.end())])
            if np2 is not None and self.names_actor(np2):
                np_ = np2
        return self.resolve(np_, "according to", "according_to")

    def dash(self, c: int):
        """``“…” ― Karen Diaz``: a name after a dash right after the quotation."""
        m = _DASH_TAG.match(self.text, c + 1)
        if m is None:
            return None
        k = self.tok_index(m.end())
        line_end = self.text.find("\n", m.end(), m.end() + 300)
        np_ = self.np_forward(k, m.end() + 300 if line_end < 0 else line_end)
        if np_ is None or self.t_pos[np_[1]] not in ("NNP", "NNPS"):
            return None
        return self.resolve(np_, "―", "tag_after")

    def tag_end(self, c: int):
        """``“…” for criminal behaviour, she said.`` / ``…, said Brad Bannon, a pollster.``: a tag
        closing the quotation's sentence."""
        si = self.sent_index(c)
        se = self.s_end[si]
        k_end = self.tok_index(se)
        k_close = self.tok_index(c + 1)
        if k_end - k_close < 3:
            return None
        for v in range(k_end - 1, max(k_close, k_end - 25) - 1, -1):
            if self.is_mark_tok(v):
                return None
            if not (self.is_cue(v) and self.t_pos[v] in ("VBD", "VBZ", "VBP")):
                continue
            if self.t_lower[v - 1] == ",":          # …, said Warren.
                np_ = self.np_forward(self.skip_time(v + 1, se), se)
                rest = np_[1] + 1 if np_ is not None else None
            else:
                np_ = self.subject_back(v, self.t_start[k_close])
                if np_ is None or np_[0] < 1 or self.t_lower[np_[0] - 1] != ",":
                    return None
                rest = v + 1
            if np_ is None or not self.bare_tag_rest(rest, se, appositive=True):
                return None
            return self.resolve(np_, self.t_lower[v], "tag_after")
        return None

    def bare_tag_rest(self, k: int, s_end: int, appositive: bool = False) -> bool:
        """Is what follows a tag's verb up to the sentence end a few words of circumstance
        ("on Tuesday", "in a statement") or, with ``appositive``, a description of the speaker
        (", a Democratic pollster"), not a clause of its own?"""
        n = 0
        first = k
        while k < self.n_tok and self.t_start[k] < s_end:
            w = self.t_lower[k]
            if appositive and w in ("who", "which", "that") and k > first and \
                    (self.t_lower[k - 1] == "," or self.t_pos[k - 1] in ("NN", "NNS", "NNP", "NNPS")):
                return True     # "…, said Ann Lee, a pollster who has …": a relative clause on the speaker
            if k == first and w in _TAG_SUBORDINATORS and self.t_pos[k] in ("IN", "WRB"):
                return True     # "…?” Clinton asks as a waiter walks in: the tag, then a clause of its own
            if self.is_mark_tok(k) or w in ("that", "which", "who"):
                return False
            if self.t_pos[k] in _VERB_POS and not (appositive and self.t_pos[k] in ("VBN", "VBG")):
                if self.t_pos[k] == "VBG" and self.t_lower[k - 1] == ",":
                    return True     # "…!” Trump tweeted, quoting the statement.
                return False
            if self.t_pos[k] not in (".", ","):
                n += 1
            k += 1
        return n <= (14 if appositive else 6)

    def opens_tag(self, k: int, first: int) -> bool:
        """Is everything from token ``k`` to the subject's first token a noun phrase or an
        apposition (``the bloc's president, Fatima Ndiaye``), not a clause (``for which they``)?"""
        if self.t_pos[k] not in ("DT", "NNP", "NNPS", "NN", "NNS", "JJ", "PRP", "PRP$", "CD", "WP"):
            return False
        return all(self.t_pos[q] not in _VERB_POS and self.t_pos[q] not in ("WDT", "WP", "MD")
                   for q in range(k, first))

    def skip_time(self, k: int, hi: int) -> int:
        """Past ``Tuesday``, ``on Friday``, ``in a statement`` after an inverted verb."""
        q = k
        while q < self.n_tok and self.t_start[q] < hi and self.t_lower[q] in _TIME_WORDS and q - k < 3:
            q += 1
        return q if q < self.n_tok and self.t_pos[q] not in ("IN",) else k

    # -- 2. according_to ---------------------------------------------------------------------
    def according(self, o: int):
        """``according to X, …: “…”`` in the same sentence."""
        si = self.sent_index(o)
        ss = self.s_start[si]
        prev_mark = self.last_mark_before(ss, o)
        last_mark = ss if prev_mark is None else prev_mark + 1
        m = None
        for m in _ACCORDING.finditer(self.text, last_mark, o):
            pass
        if m is not None:
            k = self.tok_index(m.end())
            np_ = self.np_forward(k, o)
            if np_ is not None:
                return self.resolve(np_, "according to", "according_to")
        return None

    # -- 3. colon ----------------------------------------------------------------------------
    def colon(self, o: int):
        """``Gerald Seib, the columnist: “…”`` (a name before a colon, no verb) or ``Cruz called
        them on it: “…”`` (the subject of the verb before the colon, listed or not), also when
        the quotation opens the next paragraph."""
        end = end_of_text_before(self.text, o, max(0, o - 400))
        if end == 0 or self.text[end - 1] not in ":—–-":
            return None
        if self.text[end - 1] != ":":
            # "Trump also embraced the idea -- “I think …”": a dash introducing an utterance
            # after a clause gives it to the clause's subject when that names someone
            if self.text[end - 2:end - 1] not in ("-", " ", "—", "–") and self.text[end - 1] == "-" or \
                    self.sent_index(end - 1) != self.sent_index(o):
                return None
            ss = self.s_start[self.sent_index(o)]
            prev_mark = self.last_mark_before(ss, end)
            lo = ss if prev_mark is None else prev_mark + 1
            u = next((q for q in range(self.tok_index(lo), self.tok_index(end - 1)) if self.t_pos[q] in _FINITE), None)
            if u is None:
                return None
            np_ = self.subject_back(u, lo)    # the subject of the clause's first verb (no clause layer needed)
            if np_ is None or not self.names_actor(np_[:2]):
                return None
            return self.resolve(np_, self.text[end - 1], "colon")
        si = self.sent_index(end - 1)
        ss = self.s_start[si]
        line = self.text.rfind("\n", max(0, end - 2000), end) + 1
        lo = max(ss, line)
        prev_mark = self.last_mark_before(lo, end)
        if prev_mark is not None:
            lo = prev_mark + 1
        k0, k1 = self.tok_index(lo), self.tok_index(end - 1)
        if k1 <= k0:
            return None
        cues = [q for q in range(k0, k1) if self.is_cue(q)]
        if cues:
            o_line = self.text.rfind("\n", max(0, o - 2000), o) + 1
            if end_of_text_before(self.text, o, o_line) != o_line or o_line <= end:
                return None   # "X said: “…”" in one sentence is the tag before the quotation
            # the quotation opens a paragraph after "X said:" — the speech verb's subject
            v = cues[-1]
            return self.subject(v, ss, lo, how="colon")
        # "HEADLINE IN CAPITALS - Ann Lee: “…”": the name between a dash and the colon
        np_ = self.np_back(k1 - 1, lo)
        if np_ is not None and np_[0] > k0 and self.t_lower[np_[0] - 1] in ("-", "–", "—", "--") and \
                self.t_pos[np_[1]] in ("NNP", "NNPS") and self.names_actor(np_):
            return self.resolve(np_, ":", "colon")
        if any(self.t_pos[q] in _VERB_POS for q in range(k0, k1)):
            np_ = self.main_subject(lo, end - 1)
            return self.resolve(np_, ":", "colon") if np_ is not None else None
        if k1 - k0 > 25:
            return None
        np_ = self.np_forward(k0, end)
        if np_ is None or not self.names_actor(np_):
            return None
        return self.resolve(np_, ":", "colon")

    # -- 4. tag_before -----------------------------------------------------------------------
    def before(self, o: int):
        """``X recalled that “…”``: a speech verb earlier in the same sentence."""
        si = self.sent_index(o)
        ss = self.s_start[si]
        prev_mark = self.last_mark_before(ss, o)
        if prev_mark is not None and prev_mark in self.title_close and \
                not any(self.is_cue(v) for v in range(self.tok_index(prev_mark + 1), self.tok_index(o))):
            for _ in range(3):   # past up to three titles
                if prev_mark is None or prev_mark not in self.title_close:
                    break
                prev_mark = self.last_mark_before(ss, self.title_close[prev_mark])
        last_mark = ss if prev_mark is None else prev_mark + 1
        k0, k1 = self.tok_index(last_mark), self.tok_index(o)
        # "Another sign advised, “…”": any finite verb right before the comma or colon that
        # introduces the quotation governs it
        j = k1 - 1
        if j > k0 and self.t_lower[j] in (",", ":") and (self.t_pos[j - 1] in ("VBD", "VBZ", "VBP") or (
                self.t_pos[j - 1] == "VBN" and j - 2 >= k0 and self.t_pos[j - 2] in ("NN", "NNP", "NNS", "PRP"))) and \
                not self.is_cue(j - 1) and self.t_lemma[j - 1] not in ("be", "have", "do"):
            found = self.subject(j - 1, ss, last_mark)
            if found is not None and found[0]:
                return found
        # the outermost speech verb: "Obama said he expected that Americans will say “no”" is
        # Obama's; a later verb counts when the first has no subject that names someone
        cues = [v for v in range(k0, k1) if self.is_cue(v)]
        if len(cues) > 1 and self.t_pos[k0] == "IN" and self.t_lower[k0] != "according":
            # "While not everything X says is true, Y said …": the subordinate clause's verb is not the tag
            comma = next((q for q in range(k0, cues[-1]) if self.t_lower[q] == ","), None)
            if comma is not None:
                cues = [v for v in cues if v > comma]
        if len(cues) > 1:
            nearest = self.subject(cues[-1], ss, last_mark)
            for v in cues[:-1]:
                if self.t_pos[v] not in _FINITE or self.t_lemma[v] in _THINK:
                    continue    # "Asked if he thought …, X responded": the finite speech verb speaks
                if self.clause_break(v, cues[-1]):
                    continue    # "X suggested …, while Y said “…”": Y's own clause, not X's
                found = self.subject(v, ss, last_mark)
                if found is not None and found[0] and found[5] != "description":
                    # the same speaker ("X welcomed … but said …"): the verb nearest the quotation
                    return nearest if nearest is not None and nearest[0] == found[0] else found
        for v in range(k1 - 1, k0 - 1, -1):
            if self.is_cue(v):
                if self.t_pos[v] == "VBN":
                    passive = self.passive(v, o)
                    if passive is not None:
                        return passive or None
                found = self.subject(v, ss, last_mark)
                if found is not None and self.expletive(found[3]):
                    continue    # "Gore insisted it was “premature”": "it" speaks for no one; an earlier verb may
                return found
            if self.t_lemma[v] in _SPEECH_NOUNS and self.t_pos[v] in ("NN", "NNS") and not cues:
                found = self.possessor(v, last_mark)
                if found is not None:
                    return found
        if prev_mark is None:
            return None
        # "X said the plan was “A” and “B”": the speech verb before the earlier quotations
        j = len(self.spans) - 1
        stop = max(-1, j - 3)            # the three quotations before, no further
        while j > stop and self.spans[j][1] >= ss:
            qo, qc = self.spans[j]
            lo_ = max(ss, self.spans[j - 1][1] + 1) if j > 0 else ss
            for v in range(self.tok_index(qo) - 1, self.tok_index(lo_) - 1, -1):
                if self.is_cue(v):
                    return self.subject(v, ss, lo_)
            j -= 1
        return None

    def passive(self, v: int, o: int):
        """A speech verb in the passive (``has been called “…”``, ``was asked by X``) or naming a
        noun (``a film called “…”``): its agent after *by* speaks; with no agent, no one does
        (``False``, and the quotation takes no speaker from its sentence). None when the verb is
        not passive."""
        k = v - 1
        while k >= 0 and self.t_pos[k] in ("RB", "RBR"):
            k -= 1
        k_o = self.tok_index(o)
        be = k >= 0 and self.t_lemma[k] == "be" and self.t_lower[k] not in ("'s", "’s", "being")
        # "a film called “…”" (not "what Gilbert called “…”", a past tense the tagger took for a participle)
        naming = k >= 0 and self.t_pos[k] in ("NN", "NNS", ",") and self.t_lemma[v] != "quote" and \
            all(self.t_pos[q] in ("DT",) for q in range(v + 1, k_o)) and \
            not any(self.t_lower[q] in ("what", "that", "who", "whom", "which") for q in range(max(0, k - 4), k))
        if not (be or naming):
            return None
        for q in range(v + 1, min(k_o, v + 8)):
            if self.t_lower[q] == "by":
                np_ = self.np_forward(q + 1, o)
                if np_ is not None and self.names_actor(np_):
                    return self.resolve(np_, self.t_lower[v], "tag_before")
                break
        # "has been called “…” by X" (the agent after the quotation)
        c = self.close_of(o)
        if c is not None:
            k = self.tok_index(c + 1)
            if k < self.n_tok and self.t_lower[k] == "by" and self.t_start[k] - c < 4:
                np_ = self.np_forward(k + 1, self.s_end[self.sent_index(c)])
                if np_ is not None and self.names_actor(np_):
                    return self.resolve(np_, self.t_lower[v], "tag_before")
        self.no_speaker.add(o)
        return False

    def close_of(self, o: int):
        """The closing mark of the quotation opening at ``o`` (the next mark on its line)."""
        i = self.marks_in(o + 1, min(len(self.text), o + 2000))
        return i[0] if i else None

    def clause_break(self, a: int, b: int) -> bool:
        """Does a new clause with its own subject start between tokens ``a`` and ``b`` (``, while``,
        ``, but``, ``; ``, ``, whereas``) right before the subject of the verb at ``b``?"""
        for q in range(a + 1, b - 1):
            w = self.t_lower[q]
            if w == ";" or (w == "," and self.t_lower[q + 1] in _CLAUSE_OPENERS):
                np_ = self.subject_back(b, self.t_start[q + 1])
                return np_ is not None and self.names_actor(np_)
        return False

    # -- 5. sentence_before ------------------------------------------------------------------
    def previous_sentence(self, o: int):
        """A quote in a sentence with no speech verb, after a sentence that reports speech."""
        si = self.sent_index(o)
        if si == 0:
            return None
        if self.spans and self.spans[-1][1] >= self.s_start[max(0, si - 2)] and \
                self.s_para[self.sent_index(self.spans[-1][1])] == self.s_para[si]:
            return None   # right after a quotation of the paragraph: a continuation of it
        if self.first_cue(si) < self.tok_index(o):
            return None
        ss = self.s_start[si]
        k0, ko = self.tok_index(ss), self.tok_index(o)
        if ko - k0 > 2 and any(self.t_pos[q] in ("VBD", "VBZ") for q in range(k0, ko)):
            # "Ann Lee repeatedly pronounced the name “…”": a sentence with a named subject of its
            # own speaks for itself (``embedded``), not for the sentence before
            np_ = self.main_subject(ss, o)
            if np_ is not None and len(np_) == 2 and self.t_pos[np_[1]] in ("NNP", "NNPS") and self.names_actor(np_):
                return None
        if si not in self._prev_sentence:
            self._prev_sentence[si] = (self._speaker_of_previous_sentence(si),)
        return self._prev_sentence[si][0]

    def first_cue(self, si: int) -> int:
        if si not in self._first_cue:
            k, k_end = self.tok_index(self.s_start[si]), self.tok_index(self.s_end[si])
            while k < k_end and not self.is_cue(k):
                k += 1
            self._first_cue[si] = k
        return self._first_cue[si]

    def _speaker_of_previous_sentence(self, si: int):
        prev = si - 1
        if self.s_para[prev] != self.s_para[si]:
            # a quotation paragraph after a paragraph of narration that reports speech
            if self.s_para[prev] != self.s_para[si] - 1 or \
                    self.s_start[si] != self.p_start.get(self.s_para[si]) or \
                    self.text[self.s_start[si]] not in _MARKS:
                return None
        if self.last_mark_before(self.s_start[prev], self.s_end[prev]) is not None:
            return None
        a, b = self.tok_index(self.s_start[prev]), self.tok_index(self.s_end[prev])
        for v in range(a, b):
            if self.is_cue(v):
                sp = self.subject(v, self.s_start[prev], self.s_start[prev])
                if sp is None:
                    return None
                return _speaker(*sp[:6], "pronoun" if sp[6] == "pronoun" else "sentence_before")
        if self.s_para[prev] != self.s_para[si] and self.s_start[prev] == self.p_start.get(self.s_para[prev]):
            # a quotation paragraph after a paragraph of one sentence about a named person ("Ann
            # Lee is upbeat about the vote. / “…”"): that person
            np_ = self.main_subject(self.s_start[prev], self.s_end[prev])
            if np_ is not None and len(np_) == 2 and np_[0] == a and self.t_pos[np_[1]] in ("NNP", "NNPS"):
                i = self.mention_in(self.t_start[np_[0]], self.t_end[np_[1]])
                if i is not None and self.m_type[i] == "person":
                    return self.resolve(np_, "", "sentence_before")
        return None

    # -- 6. continuation ---------------------------------------------------------------------
    def continues(self, prev, o: int, para_id: int) -> bool:
        """Does the quote opening at ``o`` continue the previous one (no tag of its own)?"""
        _, prev_end, prev_para, _ = prev
        if prev_para == para_id:
            return True
        return para_id == prev_para + 1 and o == self.p_start.get(para_id)

    def after_tag_end(self, c: int) -> int:
        return c

    # -- 7. embedded -------------------------------------------------------------------------
    def embedded(self, o: int, c: int, short: bool = False):
        """A quotation inside the reporter's sentence: the subject of the main verb (for a
        one-to-three-word quotation only when that subject names an actor)."""
        if o in self.no_speaker:
            return None     # "has been called “…”": a passive with no agent
        si = self.sent_index(o)
        ss = self.s_start[si]
        np_ = self.main_subject(ss, o)
        if np_ is None or (short and not self.names_actor(np_) and not self.describes_someone(np_)) or \
                self.expletive(self.t_start[np_[0]]):
            return None
        return self.resolve(np_, "", "embedded")

    # -- cues --------------------------------------------------------------------------------
    def is_cue(self, v: int) -> bool:
        """A speech verb; "states"/"says" mis-tagged as plural nouns count after a subject."""
        if self.t_lemma[v] not in self.verbs and self.t_lower[v] not in ("states", "says", "notes", "reports"):
            return False
        if self.t_lemma[v] in _COLON_ONLY and not (v + 1 < self.n_tok and (self.t_lower[v + 1] in (":", ",")
                                                                        or self.is_mark_tok(v + 1))):
            return False    # "will continue to be": a speech verb only as "X continued: …"
        if self.t_lemma[v] == "read" and self.t_lower[v + 1] not in (":", ","):
            return False    # "Posters read “no surrender”": a text's words only as "the sign reads, “…”"
        if self.t_pos[v].startswith("VB"):
            # "Trump's call/VB for …", "his promise/VB": after a possessive the word is a noun
            return not (v > 0 and self.t_pos[v - 1] in ("PRP$", "POS"))
        if self.t_pos[v] == "NNS":
            k = v - 1
            while k >= 0 and (self.t_lower[k].endswith("ly") or self.t_pos[k] in ("RB",)):
                k -= 1
            return k >= 0 and (self.t_lower[k] in _DOCUMENT_NOUNS or self.t_end[k] in self._m_end_set
                               or (self.t_lower[v] == "says" and self.t_pos[k] in ("NNP", "PRP"))
                               # "The ad claims “…”": after a singular noun and right before the quotation
                               or (self.t_pos[k] in ("NN", "NNP") and v + 1 < self.n_tok and self.is_mark_tok(v + 1)))
        return False
