"""Candidate mentions: gazetteer matches, "Full Name (ACR)", runs of capitalised name tokens, role phrases."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


from ..article import dateline_span
from .gazetteer import Actor, Surface, slug
from .name_types import (_HYPHEN_PARTICLE, _REGNAL, _lexicon, is_acronym, is_camel, kind_of_words, rules,
                         word_given_before_surname, word_given_names)
from .people import _role_info
from .tokens import end_of_text_before
from .words import _ACR_AFTER_NAME, _NOT_NAMES, _PAREN_ACR, _PARTICLES

_INITIAL = re.compile(r"[A-Z]\.")
_GLUED_BEFORE = re.compile(r"(?:^|[^.!?:;\n“\"]\s)([A-Z][a-z]+)[ \t]\Z")
_WORD_SPACE_BEFORE = re.compile(r"([A-Z][a-z]+) \Z")
_DET_BEFORE = re.compile(r"(?:^|\s)(the|The|this|This|his|His|her|Her|their|Their|its|Its|a|A|an|An|another|Another)\s+$")
_NAME_TAGS = frozenset(("NNP", "NNPS", "NN", "JJ", "FW"))


def _strip_marks(w: str) -> str:
    return w.replace("-", "").replace("’", "").replace("'", "").replace(".", "")


_SALUTATIONS = frozenset(("Dear", "Dearest", "Hi", "Hello"))
_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w-])")
#: a describing compound before a name ("Botox-maker Vellagran", "Ohio-based Vexa", "Saudi-backed")
_DESCRIBING_COMPOUND = re.compile(r"-(?:maker|makers|based|owned|backed|led|born|funded|run)\Z")
#: heads of bodies that a state's adjective opens the name of ("the British Library"), not a state's organs
_CIVIL_HEADS = frozenset(("Library", "Museum", "Gallery", "University", "College", "Academy", "Institute", "Institution",
                          "Society", "Association", "Foundation", "Trust", "Company", "Corporation", "Airways",
                          "Airlines", "Club", "Orchestra", "Theatre", "Opera", "Federation", "League", "Broadcasting"))
#: collective role nouns that stay common nouns when capitalised ("Officials said")
_PLURAL_BODIES = {"authorities", "officials", "diplomats", "forces", "troops", "lawmakers", "rebels", "media", "side",
                  "press", "intelligence", "leadership", "opposition", "delegation", "regime", "presidency", "military"}


@dataclass
class _Cand:
    start: int
    end: int
    kind: str               # gaz, role, name, noun, pron, group
    data: dict = field(default_factory=dict)


class CandidateFinder:
    """Mixin of the resolver: where mentions may start and end."""

    @property
    def typer_rules(self):
        return rules()

    # -- candidates ----------------------------------------------------------------------
    def gazetteer_matches(self) -> list[_Cand]:
        out = []
        text = self.text
        # an inline dateline ("CAIRO, 12 May (Reuters) —") says where the story was filed, not who acts
        dl_start, dl_end = dateline_span(self.doc)
        surfaces = self.gaz.surfaces
        given = self.gaz.given_names
        for ps, pe in zip(self.p_start, self.p_end):
            for m in self.gaz.finditer(text, ps, pe):   # gaz.regex.finditer, faster
                start = m.start()
                if dl_start <= start < dl_end:
                    continue
                surface = surfaces[m.group()]
                if self._inside_longer_name(start, surface) or self._inside_longer_place(start, m.group()) or \
                        self._opens_longer_name(m.end(), m.group(), surface) or \
                        self._demonym_opens_body(m.end(), surface) or \
                        m.group() in given and self._given_name_of_person(m.end(), m.group()):
                    continue
                out.append(_Cand(start, m.end(), "gaz", {"surface": surface}))
        out.extend(self.parenthesised_acronyms())
        return out

    def _inside_longer_name(self, start: int, surface: Surface) -> bool:
        """"Collective Security Council" is not the (UN) "Security Council": an organisation's
        name glued to a capitalised word that is not the start of a sentence is part of a longer name."""
        actor = self.gaz.actors.get(surface.actor_id)
        if actor is None or actor.actor_type not in ("igo", "org", "media", "party") or surface.how == "acronym":
            return False
        if start < 1 or self.text[start - 1] not in " \t":
            return False   # the pattern below ends in a space or a tab: the cheap test first
        m = _GLUED_BEFORE.search(self.text[max(0, start - 40):start])
        return bool(m) and m.group(1).lower() not in _NOT_NAMES

    def _opens_longer_name(self, end: int, surface: str, s: Surface) -> bool:
        """"Fox Broadcasting" is not Fox News: a one-word short name of a body glued to a capitalised
        word that is no title ("Amazon CEO" stays Amazon) opens a longer name."""
        if s.how != "alias" or " " in surface:
            return False
        actor = self.gaz.actors.get(s.actor_id)
        if actor is None or actor.actor_type not in ("org", "media"):
            return False
        m = re.match(r" ([A-Z][a-z]+)\b", self.text[end:end + 30])
        return bool(m) and not self.gaz.role_regex.match(self.text, end + 1)

    def _given_name_of_person(self, end: int, surface: str) -> bool:
        """"Jordan Peterson", "India Walton", "Chad Michael Murray": a state's name that is a given name
        too, before a capitalised word that is no English word, no place, no head word and in no list,
        opens a personal name ("Jordan River", "Georgia Tech", "India Today" stay the state's)."""
        if surface not in self.gaz.given_names:
            return False
        m = _NEXT_NAME_WORD.match(self.text, end)
        if not m:
            return False
        w, r = m.group(1), self.typer_rules
        if any(_lexicon().get(part.lower()) or part in r.first or part in r.heads for part in w.split("-")):
            return False   # "Paris Saint-Germain": a club's name
        return not (_lexicon().get(w.lower()) or w in r.places or w in r.heads or w in _NOT_NAMES or
                    w.lower() in _NOT_NAMES or self.gaz.surfaces.get(w) is not None)

    def _demonym_opens_body(self, end: int, s: Surface) -> bool:
        """"the British Library", "the Mexican Academy of Sciences": a state's adjective before the head of a
        body no state runs is the start of that body's name ("the Mexican Army" stays Mexico's army)."""
        if s.how != "demonym":
            return False
        m = re.match(r" ([A-Z][a-z]+)(?:\b|$)", self.text[end:end + 30])
        return bool(m) and m.group(1) in _CIVIL_HEADS

    def _inside_longer_place(self, start: int, surface: str) -> bool:
        """"New Mexico", "New Jersey", "New South Wales": a listed state or place after a capitalised word
        that makes with it a place of the lists of towns and regions is part of that place."""
        if start < 2 or self.text[start - 1] != " ":
            return False   # the pattern below ends in a space: the cheap test first
        m = _WORD_SPACE_BEFORE.search(self.text[max(0, start - 20):start])
        return bool(m) and f"{m.group(1)} {surface}" in self.typer_rules.places

    def parenthesised_acronyms(self) -> list[_Cand]:
        """``Full Name (ACR)`` for organisations in no list: a new actor with id ACR."""
        out = []
        new = {}
        for ps, pe in zip(self.p_start, self.p_end):
            for hit in _PAREN_ACR.finditer(self.text, ps, pe):
                m = _ACR_AFTER_NAME.search(self.text, max(ps, hit.start() - 160), hit.end())
                if m is None or m.end() != hit.end():
                    continue
                acr = m.group(2)
                if acr in self.gaz.surfaces:
                    continue
                words = [w for w in m.group(1).split() if w[:1].isupper()]
                initials = "".join(w[0] for w in words)
                # trim leading words until the initials end with the acronym's letters
                while words and not initials.upper().startswith(acr[0].upper()):
                    words, initials = words[1:], initials[1:]
                if len(words) < 2 or not _initials_match(initials, acr):
                    continue
                full = m.group(1)
                start = m.start(1) + full.find(words[0])
                name = self.text[start:m.end(1)]
                self.actors.setdefault(acr, Actor(acr, name, kind_of_words(name.split()) or "other"))
                new[acr] = name
                out.append(_Cand(start, m.end(1), "gaz", {"surface": Surface(acr, "name")}))
        if new:
            extra = re.compile(r"(?<![\w])(?:%s)(?![\w])" % "|".join(map(re.escape, new)))
            for ps, pe in zip(self.p_start, self.p_end):
                for m in extra.finditer(self.text, ps, pe):
                    out.append(_Cand(m.start(), m.end(), "gaz", {"surface": Surface(m.group(), "acronym")}))
        return out

    def name_runs(self, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Token index ranges ``[i, j)`` of capitalised name-like sequences outside ``blocked`` spans."""
        tok = self.tok
        n = len(tok.text)
        free = [True] * n
        for s, e in blocked:
            k = bisect.bisect_left(tok.end, s + 1)
            while k < n and tok.start[k] < e:
                free[k] = False
                k += 1
        def initials_then_name(k: int) -> bool:
            # "J." or "J. R." before a name word: initials belong to the name ("Charles J. Fillmore")
            w = tok.text[k]
            if len(w) != 2 or w[1] != ".":
                return False   # not an initial: the cheap test for the common case
            m = k
            while m < n and m - k < 3 and free[m] and tok.sent[m] == tok.sent[k] and _INITIAL.fullmatch(tok.text[m]):
                m += 1
            return m > k and m < n and free[m] and tok.sent[m] == tok.sent[k] and self._name_token(m)

        # a name word or an initial has a capital somewhere ("Bos", "J.", "eBay"): a token with none
        # ("the", "said", "von") starts no run and continues one only as a particle ("von der Leyen")
        runs, after = [], 0
        word_given = word_given_names()   # "Will", "Rob": given names that are English words
        text, sent, name_token = tok.text, tok.sent, self._name_token
        for i in tok.not_lower():
            # a token that opens with no letter ("," "(" "2021") is no name word, initial or given name
            if i < after or not free[i] or not text[i][:1].isalpha():
                continue
            if name_token(i) or initials_then_name(i) or \
                    text[i] in word_given and word_given_before_surname(tok, i, self.gaz, self.typer_rules):
                j = i + 1
                si = sent[i]
                while j < n and free[j] and sent[j] == si and (
                        (name_token(j) or self._particles_then_name(j) or initials_then_name(j))
                        if not text[j].islower() else tok.lower[j] in _PARTICLES and self._particles_then_name(j)):
                    j += 1
                while j < n and free[j] and sent[j] == si and _HYPHEN_PARTICLE.fullmatch(text[j]):
                    j += 1   # "Bashar al-Assad", "Abdel Fattah el-Sisi": a particle joined to the surname
                if j < n and free[j] and sent[j] == si and text[j] in _REGNAL and \
                        self._regnal_after(i, j):
                    j += 1   # "Elizabeth II", "Oren Dalby III": the number is part of the name
                if j - i >= 2 and (text[i] in _SALUTATIONS or _DESCRIBING_COMPOUND.search(text[i])):
                    runs.append((i + 1, j))   # "Dear Katherine", "Botox-maker Vellagran": no part of the name
                else:
                    runs.append((i, j))
                after = j
        return runs

    def _regnal_after(self, i: int, j: int) -> bool:
        """Does the roman numeral at ``tok[j]`` end the personal name ``tok[i:j]``: a given name first
        ("Elizabeth II", "Benedict XVI") or two or more words that are no English words ("Oren Dalby III";
        not "World War II"), and no
        capitalised word after the numeral ("World War II Memorial" is another kind of name)?"""
        tok = self.tok
        if tok.text[i] not in self.gaz.given_names and (j - i < 2 or any(_lexicon().get(tok.lower[k]) for k in range(i, j))):
            return False
        k = j + 1
        return not (k < tok.n and tok.sent[k] == tok.sent[j] and tok.text[k][:1].isupper())

    def _capitalised_body(self, rs: int, re_: int, det: str | None):
        """A collective body written as a name with no state before it ("the Senate", "Congress",
        "the Foreign Office"): an organisation of its own, unless it only opens the sentence."""
        words = self.text[rs:re_].split()
        if not all(w[:1].isupper() for w in words) or words[-1].lower() in _PLURAL_BODIES:
            return None
        i = self.tok.index_at(rs)
        if det is None and self._sentence_initial(i):
            k = bisect.bisect_left(self.tok.start, re_)
            while k < self.tok.n and self.tok.pos[k] == "RB":
                k += 1
            if not (k < self.tok.n and self.tok.pos[k] in ("VBZ", "VBD", "MD") and self.tok.sent[k] == self.tok.sent[i]):
                return None   # "Parliament says" is the body; "Parliament building" opens a phrase
        name = " ".join(words)
        aid = slug(name)
        if aid not in self.actors:
            self.actors[aid] = Actor(aid, name, "org", (words[-1].lower(),))
        return _Cand(rs, re_, "gaz", {"surface": Surface(aid, "name")})

    def acronym_runs(self, runs, blocked) -> list[tuple[int, int]]:
        """Add one-token runs for acronyms in no list ("NASA", "UNHCR"), unless the sentence is in capitals."""
        tok = self.tok
        spans = sorted(blocked)
        starts = [s for s, _ in spans]
        runs = runs + self._caps_names(runs, spans, starts)
        found = [k for k in tok.capitalised() if tok.text[k].isupper() and is_acronym(tok.text[k])]
        if not found:
            return sorted(runs)
        taken = set()
        for i, j in runs:
            taken.update(range(i, j))
        extra = []
        # "sea surface temperature (SST)": an acronym defined by lower-case words is a term, not a name
        text = self.text
        terms = set()
        for m in _PAREN_ACR.finditer(text):
            before = end_of_text_before(text, m.start())
            if before > 0 and text[before - 1].islower():
                terms.add(m.group(1))
        for k in found:
            w = tok.text[k]
            if k in taken or w in self.typer_rules.not_names or w in terms:
                continue
            p = bisect.bisect_right(starts, tok.start[k]) - 1
            if p >= 0 and spans[p][1] > tok.start[k]:
                continue
            # a heading or a shout in capitals: the neighbours are capitals too
            near = [tok.text[x] for x in (k - 1, k + 1) if 0 <= x < tok.n and tok.sent[x] == tok.sent[k] and tok.text[x].isalpha()]
            if near and all(x.isupper() for x in near):
                continue
            extra.append((k, k + 1))
        return sorted(runs + extra)

    def _caps_names(self, runs, spans, starts) -> list[tuple[int, int]]:
        """Runs of a personal name written in capitals ("RAFAEL WARNOCK", "ELIZABETH B. PRELOGAR"): two to
        four words in capitals (or initials), the first a given name, outside the lists' spans."""
        tok = self.tok
        given = self.gaz.given_names
        firsts = [k for k in tok.capitalised()
                  if (w := tok.text[k]).isupper() and len(w) > 1 and w.isalpha() and w.title() in given]
        after_title = self._caps_after_title(runs)
        if not firsts:
            return after_title
        taken = set()
        for i, j in runs:
            taken.update(range(i, j))
        out = []
        after = -1
        for k in firsts:
            if k < after or k in taken:
                continue
            p = bisect.bisect_right(starts, tok.start[k]) - 1
            if p >= 0 and spans[p][1] > tok.start[k]:
                continue
            j = k + 1
            while j < tok.n and j - k < 4 and j not in taken and tok.sent[j] == tok.sent[k] and tok.text[j].isupper() and \
                    (tok.text[j].isalpha() and len(tok.text[j]) > 1 or _INITIAL.fullmatch(tok.text[j])):
                j += 1
            while j > k + 1 and (_INITIAL.fullmatch(tok.text[j - 1]) or
                                 str(_lexicon().get(tok.lower[j - 1], "")).startswith("VB")):
                j -= 1   # ("DEBBIE WASSERMAN SCHULTZ RESIGNS": a headline's verb is no part of the name)
            if j - k >= 2:
                out.append((k, j))
                after = j
        taken_out = {x for a, b in out for x in range(a, b)}
        return out + [(k, k + 1) for k, _ in after_title if k not in taken_out]

    def _caps_after_title(self, runs) -> list[tuple[int, int]]:
        """A surname in capitals right after a title ("Senator PADILLA", "Mr. HALVORSEN", as a record
        of debates writes them): a one-word run, unless the words around are capitals too (a heading)."""
        tok = self.tok
        roles = self.gaz.person_roles
        text, lower = tok.text, tok.lower
        caps = [k for k in tok.capitalised() if text[k].isupper() and len(text[k]) > 2 and k and lower[k - 1] in roles
                and text[k].isalpha()]
        if not caps:
            return []
        taken = {x for a, b in runs for x in range(a, b)}
        out = []
        for k in caps:
            if k in taken or tok.sent[k - 1] != tok.sent[k] or tok.text[k - 1].isupper():
                continue
            if k + 1 < tok.n and tok.sent[k + 1] == tok.sent[k] and tok.text[k + 1].isupper() and tok.text[k + 1].isalpha():
                continue   # "Senator JOHN SMITH" is the given-name rule's; "Senator SAYS NO" a heading's
            out.append((k, k + 1))
        return out

    def _particles_then_name(self, j: int) -> bool:
        """``tok[j]`` opens one or two name particles followed by a name word ("von der Leyen")."""
        tok = self.tok
        k = j
        while k < tok.n and k - j < 2 and tok.lower[k] in _PARTICLES and tok.sent[k] == tok.sent[j]:
            k += 1
        return k > j and k < tok.n and tok.sent[k] == tok.sent[j] and self._name_token(k)

    def _name_token(self, i: int) -> bool:
        tok = self.tok
        w = tok.text[i]
        if not w[:1].isupper():
            return not w.islower() and w[:1].isalpha() and is_camel(w)   # "wikiHow", "eBay"
        if not w[1:].islower() and is_camel(w):
            return True   # "ResearchGate" whatever its tag
        return (len(w) > 1 and not w.isupper() and (w.isalpha() or _strip_marks(w).isalpha())
                and tok.lower[i] not in _NOT_NAMES and tok.pos[i] in _NAME_TAGS)


    def role_candidate(self, m, by_end, by_start, run_at):
        text, gaz = self.text, self.gaz
        kind, info, key = _role_info(gaz, m.group())
        if kind is None:
            return None
        rs, re_ = m.start(), m.end()
        # a modifier just before: "Russian", "Russia's", "UN", "the Kremlin"
        left_end = end_of_text_before(text, rs)   # where text[:rs].rstrip() ends, without copying it
        gap_ok = rs - left_end <= 1
        mod = None
        if left_end >= 2 and text[left_end - 2:left_end] in ("’s", "'s"):
            mod = by_end.get(left_end - 2)
        elif gap_ok:
            mod = by_end.get(left_end)
        place_mod = None
        if mod is not None and (info.get("kin") or
                                self.actors.get(mod.data["surface"].actor_id, Actor("", "", "place")).actor_type == "place"):
            place_mod = mod if gap_ok and not info.get("kin") else None
            mod = None   # "a place's mayor" names no state; "India's daughter" holds no office
        begin = mod.start if mod is not None else rs
        # a determiner before it
        before = text[max(0, begin - 12):begin]
        dm = _DET_BEFORE.search(before) if before[-1:].isspace() else None
        det = dm.group(1).lower() if dm else None
        if dm:
            begin = begin - len(before) + dm.start(1)
        end = re_
        head_of = None
        # "head of the Russian Foreign Ministry", "Foreign Minister of Russia"
        after = re.match(r"\s+of\s+(?:the\s+)?", text[re_:re_ + 12])
        if after and not info.get("kin"):   # "a son of the city" is no title of the city's
            pos = re_ + after.end()
            inner_mod = by_start.get(pos)
            if key in ("head", "chief", "leader") or kind == "person":
                if inner_mod is not None:
                    gm = gaz.role_regex.match(text, inner_mod.end + 1) if text[inner_mod.end:inner_mod.end + 1] == " " else None
                    gkind, ginfo, _ = _role_info(gaz, gm.group()) if gm else (None, None, None)
                    if key in ("head", "chief", "leader") and gkind == "group" and ginfo.get("head"):
                        head_of = ginfo["head"]
                        mod, end = inner_mod, gm.end()
                    elif self.actors.get(inner_mod.data["surface"].actor_id, Actor("", "", "place")).actor_type != "place" and mod is None:
                        mod, end = inner_mod, inner_mod.end
                        if key in ("head", "chief", "leader"):
                            head_of = self.actors[inner_mod.data["surface"].actor_id].head or "head"
                else:
                    gm = gaz.role_regex.match(text, pos)
                    gkind, ginfo, _ = _role_info(gaz, gm.group()) if gm else (None, None, None)
                    if key in ("head", "chief", "leader") and gkind == "group" and ginfo.get("head"):
                        head_of, end = ginfo["head"], gm.end()
        # "UN chief" -> the organisation's head
        head_fallback = False
        if key in ("chief", "head", "leader") and head_of is None and mod is not None:
            head_of = self.actors.get(mod.data["surface"].actor_id, Actor("", "", "")).head or key
            head_fallback = True   # "the UN chief"; but "Hamas leader Ismail Haniyeh" names its person
        data = {"kind": kind, "key": key, "info": info, "mod": mod, "det": det, "head_of": head_of,
                "role_span": (rs, re_), "head_fallback": head_fallback}
        if kind == "group":
            town_start = place_mod.start if place_mod is not None else None
            if mod is None and town_start is None and gap_ok and text[rs:re_].istitle():
                ends = self.__dict__.get("_run_ends")
                if ends is None or ends[0] is not run_at:
                    ends = self._run_ends = (run_at, {self.tok.end[j - 1]: (i, j) for i, j in run_at.values()})
                run = ends[1].get(left_end)
                if run is not None and self.typer.kind_of(" ".join(self.tok.text[run[0]:run[1]])) == "place":
                    town_start = self.tok.start[run[0]]
            if mod is None and town_start is not None and text[rs:re_].istitle() and \
                    rules().heads.get(text[rs:re_]) in ("org", "media"):   # not "the Upper East Side"
                # "the Cleveland Press", "Tulsa Police": a town's body, one name
                name = text[town_start:re_]
                aid = slug(name)
                if aid not in self.actors:
                    self.actors[aid] = Actor(aid, name, kind_of_words(name.split()) or "org", (text[rs:re_].lower(),))
                return _Cand(town_start, re_, "gaz", {"surface": Surface(aid, "name")})
            if mod is None:
                return self._capitalised_body(rs, re_, det)
            return _Cand(begin, end, "group", data)
        # a name right after the title
        nm = run_at.get(re_ + 1) if text[re_:re_ + 1] == " " else None
        if nm is None and text[re_:re_ + 2] == ", ":
            # appositive: "the bloc's commission president, Fatima Ndiaye, told ..."
            nm = run_at.get(re_ + 2)
            if nm is not None and (nm[1] - nm[0] < 2 or text[self.tok.end[nm[1] - 1]:self.tok.end[nm[1] - 1] + 1] != ","):
                nm = None
        if nm is not None and nm[1] - nm[0] == 1 and not info.get("honorific") and \
                self.tok.text[nm[0]] in gaz.name_heads:
            nm = None   # "King Day", "President Street": a title inside a longer name, not a person
        if nm is not None and not info.get("honorific"):
            nm_name = " ".join(self.tok.text[nm[0]:nm[1]])
            if self.typer.kind_of(nm_name) not in (None, "person", "place") and self.typer.is_strong(nm_name):
                nm = None   # "official Acme Holdings documents": the name is an organisation's, not a person's
        if nm is not None and (head_of is None or head_fallback):
            i, j = nm
            data["name"] = (self.tok.start[i], self.tok.end[j - 1], i, j)
            return _Cand(self.tok.start[i], self.tok.end[j - 1], "role", data)
        if det is None and mod is None:
            return None
        return _Cand(begin, end, "role", data)


def _initials_match(initials: str, acronym: str) -> bool:
    """Letters of ``acronym`` appear in order among ``initials`` (first letters must agree)."""
    acr = acronym.upper()
    ini = initials.upper()
    if not ini or ini[0] != acr[0]:
        return False
    it = iter(ini)
    return all(ch in it for ch in acr) and len(acr) >= len(ini) - 2
