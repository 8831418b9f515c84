"""The mentions layer: candidates resolved to actors, in reading order, as one table."""

from __future__ import annotations

import bisect
import re

import numpy as np
import pandas as pd

from .._frames import column_values, frame_from_columns
from ..article import dateline_span
from .candidates import CandidateFinder, _Cand
from .gazetteer import Actor, Gazetteer, Surface, gazetteer, slug
from .name_types import NameTyper, UnlistedNames, kind_of_words
from .people import PeopleResolver, _Person
from .pronouns import PronounResolver
from .schema import MENTION_COLUMNS
from .tokens import token_lists
from .words import _GOV_HEADS, _VENUE_WORDS

#: third-person singular pronouns and the gender each says
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                   "she": "female", "her": "female", "hers": "female", "herself": "female"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_COUNTS = frozenset("tens dozens scores hundreds thousands millions billions".split())
_OPEN_QUOTES = frozenset(('"', "“", "‘", "'"))
_CLOSE_QUOTES = frozenset(('"', "”", "’", "'"))

_WORD_CHARS = frozenset(",.’'-_")


def _word_before(before: str) -> str:
    """The word (letters, digits and ,.’'-) that ends just before the spaces that end ``before``,
    else "" (what ``([\w,.’'-]+)\s+\Z`` finds, read from the end, in linear time)."""
    s = before.rstrip()
    if len(s) == len(before):
        return ""
    i = len(s)
    while i and (s[i - 1].isalnum() or s[i - 1] in _WORD_CHARS):
        i -= 1
    return s[i:]


def mentions(doc) -> pd.DataFrame:
    """Every mention of an actor in the body paragraphs, resolved to an actor id.

    Columns: ``mention_id, para_id, sent_id, start, end, text, actor_id, actor, actor_type,
    role, how``. ``actor_type`` is one of state, igo, person, armed_group, media, org, place;
    ``role`` a CAMEO-style code (GOV, MIL, LEG, MED, ...) when a role noun or seat of power
    says which part of a state acts; ``how`` says how the mention was resolved: name, alias,
    acronym, demonym, metonym, role or pronoun.

    >>> import analysis
    >>> d = analysis.annotate("T\\n\\nThe Uzbek authorities met NATO officials.")
    >>> mentions(d)[["text", "actor_id", "role", "how"]].values.tolist()
    [['The Uzbek authorities', 'UZB', 'GOV', 'role'], ['NATO officials', 'NATO', 'GOV', 'role']]
    """
    resolver = _Resolver(doc, gazetteer())
    try:
        return resolver.run()
    finally:
        resolver.__dict__.clear()   # the name typer and the resolver refer to each other: let the document go at once


#: words before a plural demonym that make it people, not the state ("many Americans")
_PEOPLE_BEFORE = frozenset("""all many most some several few other fellow ordinary young older elderly working
million millions billion thousand hundred hundreds thousands dozens two three four five six seven eight
nine ten twenty black white african native indigenous rich poor average everyday these those both
individual non-white american muslim jewish christian educated voting""".split())
#: words before a party's plural name that make it its members ("some Republicans", "fellow Democrats")
_MEMBERS_BEFORE = frozenset("""some many most more few several other fellow moderate conservative liberal
registered senate house ordinary young rank-and-file both""".split())

_PRONOUNS = frozenset(_PRONOUN_GENDER) | _PLURAL_PRONOUNS
#: the patterns the resolver tries at one place, compiled once
_HEAD_WORDS = re.compile(r"(?:[ \t]+[A-Z][\w-]*){1,3}")
_SPACE_LOWER = re.compile(r" [a-z]")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(an?|An?)\s+\Z")
_PLACE_COMMA_BEFORE = re.compile(r"([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?),\s\Z")
_SPACE_CAPITAL = re.compile(r"\s+[A-Z]")
_NUMBER = re.compile(r"[\d,.]+")
_SENTENCE_HEAD = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)\Z")
_AND_NAME_AFTER = re.compile(r"\s+(?:and|or)\s+([A-Z][\w-]+)")
_NAME_AND_BEFORE = re.compile(r"([A-Z][\w-]+)\s+(?:and|or)\s+\Z")


class _Resolver(CandidateFinder, PeopleResolver, PronounResolver, UnlistedNames):
    def __init__(self, doc, gaz: Gazetteer):
        self.doc = doc
        self.gaz = gaz
        self.text = doc.text
        self.tok = token_lists(doc)
        self.actors: dict[str, Actor] = dict(gaz.actors)
        self.persons: dict[str, _Person] = {}
        self.surnames: dict[str, str] = {}
        self.unlisted: dict[str, str] = {}   # a name in no list -> its actor id
        p = doc.paragraphs   # column arrays, not Series (~10 µs each)
        self.p_start = column_values(p, "start").tolist()
        self.p_end = column_values(p, "end").tolist()
        self.p_id = column_values(p, "para_id").tolist()
        s = doc.sentences
        self.s_start = column_values(s, "start").tolist()
        self.s_id = column_values(s, "sent_id").tolist()
        self.s_para = column_values(s, "para_id").tolist()

    # -- helpers -------------------------------------------------------------------------
    def para_of(self, offset: int):
        i = bisect.bisect_right(self.p_start, offset) - 1
        if i >= 0 and offset < self.p_end[i]:
            return self.p_id[i]
        return None

    def sent_of(self, offset: int) -> int:
        i = max(0, bisect.bisect_right(self.s_start, offset) - 1)
        return self.s_id[i]

    # -- main ----------------------------------------------------------------------------
    def run(self) -> pd.DataFrame:
        gaz, text, tok = self.gaz, self.text, self.tok
        gaz_cands = self.gazetteer_matches()
        by_end: dict[int, _Cand] = {}
        by_start: dict[int, _Cand] = {}
        for c in gaz_cands:
            if c.end not in by_end or by_end[c.end].start > c.start:
                by_end[c.end] = c
            if c.start not in by_start or by_start[c.start].end < c.end:
                by_start[c.start] = c
        gaz_spans = sorted((c.start, c.end) for c in gaz_cands)
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = text  # rare letters that change length when lower-cased: use the slower pattern
            role_re = gaz.role_regex
        else:
            role_re = gaz.role_regex_lower
        role_matches = [m for ps, pe in zip(self.p_start, self.p_end) for m in role_re.finditer(lowered, ps, pe)]
        if "then-" in lowered or "ex-" in lowered:
            role_matches = self._prefixed_roles(lowered, role_matches)
        blocked = gaz_spans + [m.span() for m in role_matches] + [dateline_span(self.doc)]
        runs = self.name_runs(blocked)
        runs = self.acronym_runs(runs, blocked)
        self.typer = NameTyper(self)
        gaz_tokens = {}
        for c in gaz_cands:
            a = self.actors.get(c.data["surface"].actor_id)
            if a is not None and a.actor_type in ("state", "place"):
                i0 = bisect.bisect_left(tok.start, c.start)
                if i0 < tok.n and tok.start[i0] == c.start:
                    gaz_tokens[i0] = bisect.bisect_left(tok.start, c.end)
        runs = self.typer.merge_runs(runs, gaz_tokens)
        self.typer.listed = gaz_cands   # the listed names, for the lists of names the typer reads
        self.typer.collect(runs)
        run_at: dict[int, tuple[int, int]] = {}
        self.lone_words = {}   # a capitalised word standing alone -> token indices where it does
        for i, j in runs:
            run_at[tok.start[i]] = (i, j)
            if j - i == 1:
                self.lone_words.setdefault(tok.text[i], []).append(i)
        cands: list[_Cand] = list(gaz_cands)
        role_name_starts: set[int] = set()

        # role phrases
        for m in role_matches:
            c = self.role_candidate(m, by_end, by_start, run_at)
            if c is not None:
                cands.append(c)
                if c.data.get("name"):
                    role_name_starts.add(c.data["name"][0])
        for ps, pe in zip(self.p_start, self.p_end):
            for m in gaz.noun_regex.finditer(text, ps, pe):
                cands.append(_Cand(m.start(), m.end(), "noun", {"noun": " ".join(m.group("noun").split()),
                                                                 "indef": False}))
        # bare name runs (people next to a speech verb, after an honorific, or seen before)
        for i, j in runs:
            s, e = tok.start[i], tok.end[j - 1]
            if s in role_name_starts:
                continue
            cands.append(_Cand(s, e, "name", {"run": (i, j)}))
        # pronouns
        lower = tok.lower
        for i in [k for k, low in enumerate(lower) if low in _PRONOUNS]:
            if lower[i] in _PRONOUN_GENDER:
                cands.append(_Cand(tok.start[i], tok.end[i], "pron", {"i": i}))
            else:
                cands.append(_Cand(tok.start[i], tok.end[i], "they", {"i": i}))

        cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.kind != "role"))
        out: list[dict] = []
        last_end = -1
        p_start, p_end, p_id, bisect_right = self.p_start, self.p_end, self.p_id, bisect.bisect_right
        for c in cands:
            k = bisect_right(p_start, c.start) - 1   # para_of(c.start) is None, inlined
            if k < 0 or c.start >= p_end[k] or p_id[k] is None:
                continue
            if c.start < last_end and c.kind != "role":
                continue
            made = self.resolve(c, out, gaz_spans)
            if not made:
                continue
            for row in made:
                if row["start"] < last_end:
                    continue
                out.append(row)
                last_end = max(last_end, row["end"])
        return self.table(out)

    def _prefixed_roles(self, lowered: str, role_matches: list) -> list:
        """Add the titles written after "then-" or "ex-" ("then-Secretary of State Ann Lo", "ex-Senator
        Tam Rusk"), which the title patterns do not start inside a hyphenated word to find."""
        if len(lowered) != len(self.text):
            return role_matches
        bare = self.gaz.role_regex_after_prefix
        extra = []
        for prefix in ("then-", "ex-"):
            k = lowered.find(prefix)
            while k >= 0:
                if (k == 0 or not lowered[k - 1].isalnum()) and self.para_of(k) is not None:
                    m = bare.match(lowered, k + len(prefix))
                    if m:
                        extra.append(m)
                k = lowered.find(prefix, k + 1)
        return sorted(role_matches + extra, key=lambda m: m.start()) if extra else role_matches

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, c: _Cand, out: list[dict], gaz_spans) -> list[dict]:
        gaz, text = self.gaz, self.text
        if c.kind == "gaz":
            s = c.data["surface"]
            actor = self.actors.get(s.actor_id)
            if actor is None:
                return []
            if actor.actor_type in ("state", "place") and self._surname_after_given(c, out):
                return []
            how = s.how
            city_seat = s.how == "metonym" and text[c.start:c.end] in self.typer.rules.places
            if (s.capital and (self._is_venue(c.start, c.end) or self._head_follows(c.end))) or \
                    ((s.capital or city_seat) and self._place_use(c.start)):
                end = c.end
                if self._head_follows(c.end):   # "Vienna Central Station": the whole name is the place
                    end = c.end + _HEAD_WORDS.match(text[c.end:c.end + 60]).end()
                pid = slug(text[c.start:end])
                words = text[c.start:end].split()   # "Vienna Central Station"; "Tulsa State University" is a college
                kind = kind_of_words(words) if end > c.end else None
                self.actors.setdefault(pid, Actor(pid, text[c.start:end], kind if kind in ("org", "media") else "place"))
                return [self.row(c.start, end, pid, "", "name")]
            if actor.actor_type == "person":
                self.note_person_actor(actor)
            start = c.start
            if actor.actor_type == "party" and how == "alias" and not text[c.start:c.end].endswith("s") and \
                    _SPACE_LOWER.match(text[c.end:c.end + 2]):
                how = "demonym"   # "a Republican senator": the member label used as an adjective
            if how == "demonym" and text[c.end - 1] == "s" and text[max(0, c.start - 4):c.start] in ("the ", "The "):
                start = c.start - 4   # "the Americans": the people stand for the state
            elif how == "demonym" and s.adjective and actor.actor_type == "state" and self._people(c.start, c.end):
                # "many Americans", "43 million Americans", "Israelis and Palestinians": people, not the state
                pid = actor.actor_id + "-people"
                self.actors.setdefault(pid, Actor(pid, text[c.start:c.end], "person", country=actor.actor_id))
                return [self.row(c.start, c.end, pid, "", how)]
            elif actor.actor_type == "party" and how == "alias" and self._people(c.start, c.end, party=True):
                # "some Republicans", "300,000 more Democrats registered": the party's members, people
                pid = actor.actor_id + "-people"
                self.actors.setdefault(pid, Actor(pid, text[c.start:c.end], "person", country=actor.country))
                return [self.row(c.start, c.end, pid, "", "demonym")]
            return [self.row(start, c.end, actor.actor_id, s.role or actor.role, how)]
        if c.kind == "group":
            mod = c.data["mod"]
            aid = mod.data["surface"].actor_id
            return [self.row(c.start, c.end, aid, c.data["info"]["code"], "role")]
        if c.kind == "role":
            return self._with_nickname(c, self.resolve_role(c, out))
        if c.kind == "name":
            return self._with_nickname(c, self.resolve_name(c, out))
        if c.kind == "noun":
            noun = c.data["noun"]
            para = self.para_of(c.start)
            for row in reversed(out):   # rows are in reading order: stop once three paragraphs back
                if row["para_id"] < para - 3:
                    break
                a = self.actors.get(row["actor_id"])
                if a is not None and noun in a.nouns:
                    return [self.row(c.start, c.end, a.actor_id, "", "alias")]
            return []
        if c.kind == "pron":
            low = text[c.start:c.end].lower()
            gender = _PRONOUN_GENDER[low]
            pid = self.salient_person(out, c.start, gender=gender)
            if pid:
                if not self.persons[pid].gender:
                    self.persons[pid].gender = gender   # what a pronoun said holds for the rest
                return [self.row(c.start, c.end, pid, self.persons[pid].code, "pronoun",
                                 subject=low in ("he", "she"))]
            return []
        if c.kind == "they":
            aid = self.salient_group(out, c.data["i"])
            if aid:
                return [self.row(c.start, c.end, aid, "", "pronoun")]
            return []
        return []

    def _place_use(self, start: int) -> bool:
        """A capital's name used for a place, not its state: after "a"/"an" ("an Ottawa street") or
        after another place and a comma ("Seattle, Washington": the US state)."""
        before = self.text[max(0, start - 40):start]
        m = _ARTICLE_BEFORE.search(before)
        if m:
            return True
        m = _PLACE_COMMA_BEFORE.search(before)
        return bool(m) and m.group(1) in self.typer.rules.places

    def _head_follows(self, end: int) -> bool:
        """A capital followed by a head noun names a place, not a state: "Vienna Central Station"."""
        m = _HEAD_WORDS.match(self.text[end:end + 60])
        return bool(m) and any(w in self.gaz.name_heads and w not in _GOV_HEADS for w in m.group().split())

    def _people(self, start: int, end: int, party: bool = False) -> bool:
        """A plural demonym that names people rather than their state: a plural form ("Americans",
        not "American") after a number or a word that counts or describes people ("43 million
        Americans", "all Americans", "fellow Kenyans"), at the head of a sentence ("Canadians need no
        visa"), or joined to another plural demonym ("Israelis and Palestinians")."""
        text = self.text
        word = text[start:end]
        if not word.endswith("s") or word.endswith("'s") or _SPACE_CAPITAL.match(text[end:end + 3]):
            return False
        before = text[max(0, start - 30):start]
        prev = _word_before(before).lower()
        if party:   # "some Republicans", "fellow Democrats"; "two Democrats voted", "Republicans said": the party
            return prev in _MEMBERS_BEFORE
        if prev in _PEOPLE_BEFORE or _NUMBER.fullmatch(prev):
            return True
        if not prev or _SENTENCE_HEAD.search(before):   # heads a sentence
            return True
        if self._people_context(start, end):
            return True
        def plural_demonym(w):
            s = self.gaz.surfaces.get(w)
            if party:   # "Republicans and Democrats"
                a = self.actors.get(s.actor_id) if s is not None else None
                return a is not None and a.actor_type == "party" and w.endswith("s")
            return s is not None and s.how == "demonym" and s.adjective and w.endswith("s")
        m2 = _AND_NAME_AFTER.match(text[end:end + 40])
        m3 = _NAME_AND_BEFORE.search(before)
        return bool(m2 and plural_demonym(m2.group(1))) or bool(m3 and plural_demonym(m3.group(1)))

    def _surname_after_given(self, c: _Cand, out: list[dict]) -> bool:
        """A place's one-word name right after a lone given name is that person's surname ("George
        Washington", "Jack London"): the person's mention is extended over it (not before a head word
        or another capitalised word: "… Washington Bridge", "… London Square" are places)."""
        if not out or " " in self.text[c.start:c.end]:
            return False
        row = out[-1]
        pid = row["actor_id"]
        other = pid not in self.persons and row["actor_type"] == "other" and row["how"] == "name"
        if (pid not in self.persons and not other) or row["end"] != c.start - 1 or self.text[row["end"]] != " ":
            return False
        words = self.text[row["start"]:row["end"]].split()
        if not words or words[0] not in self.gaz.given_names or \
                not all(w in self.gaz.given_names or _INITIALS.fullmatch(w) for w in words):
            return False
        if re.match(r"[ \t]+[A-Z]", self.text[c.end:c.end + 3]) or self.text[c.end:c.end + 2] in ("'s", "’s") and \
                re.match(r"[ \t]+[A-Z]", self.text[c.end + 2:c.end + 5]):
            return False
        if other:   # "Jack" of no known kind before "London": a person after all
            pid, _ = self.person(" ".join(words))
            row["actor_id"], row["actor_type"] = pid, "person"
        p = self.persons[pid]
        full = " ".join(words + [self.text[c.start:c.end]])
        if len(full.split()) > len(p.name.split()):
            p.name = full
            self._name_changes = self.__dict__.get("_name_changes", 0) + 1   # for _variant_of's memo
            self.actors[pid] = Actor(pid, full, "person", country=p.country)
        self.surnames.setdefault(self.text[c.start:c.end], pid)
        row["end"] = c.end
        return True

    def _with_nickname(self, c: _Cand, made: list[dict]) -> list[dict]:
        """A given name, a nickname in quotes and a surname are one person: Anna "Nan" Berg (the
        surname is then known: "Berg" later is Anna Berg)."""
        tok = self.tok
        if not made or made[-1]["actor_id"] not in self.persons:
            return made
        row = made[-1]
        if self.text[row["end"] + 1:row["end"] + 2] not in _OPEN_QUOTES:
            return made   # no quote opens one space after the name: the cheap test for the common case
        i = tok.index_at(row["start"])
        j = bisect.bisect_left(tok.start, row["end"])
        if j + 3 >= tok.n or tok.text[j] not in _OPEN_QUOTES or tok.text[j + 2] not in _CLOSE_QUOTES or \
                tok.sent[j + 3] != tok.sent[i] or tok.text[i] not in self.gaz.given_names or tok.start[j] != row["end"] + 1:
            return made
        nick, k = tok.text[j + 1], j + 3
        if not (nick[:1].isupper() and nick.isalpha()):
            return made
        m = k
        while m < tok.n and tok.sent[m] == tok.sent[i] and m - k < 3 and tok.text[m][:1].isupper() and tok.text[m].isalpha():
            m += 1
        if m == k or tok.text[m - 1] in self.gaz.name_heads:
            return made
        pid = row["actor_id"]
        full = " ".join(self.text[row["start"]:row["end"]].split() + [tok.text[x] for x in range(k, m)])
        p = self.persons[pid]
        if len(full.split()) > len(p.name.split()):
            p.name = full
            self._name_changes = self.__dict__.get("_name_changes", 0) + 1   # for _variant_of's memo
            self.actors[pid] = Actor(pid, full, "person", country=p.country)
        for w in (nick, tok.text[m - 1]):
            self.surnames.setdefault(w, pid)
        row["end"] = tok.end[m - 1]
        return made

    def _people_context(self, start: int, end: int) -> bool:
        """A plural demonym with no "the" where people stand: the subject of a verb ("Kenyans queue",
        "Thais are modest"), before "who"/"with" ("Canadians who travel", "Mexicans with visas"),
        after a preposition of people ("a generation of Americans", "among Thais", "as Kenyans") or
        after a word that describes them ("working-class Americans", "North Americans")."""
        tok = self.tok
        i = tok.index_at(start)
        if tok.start[i] != start:
            return False
        j = i + 1
        if j < tok.n and tok.sent[j] == tok.sent[i]:
            if tok.pos[j] in ("VBZ", "VBP", "VBD", "MD") or tok.lower[j] == "with":
                return True
        if i > 0 and tok.sent[i - 1] == tok.sent[i]:
            prev, ppos = tok.lower[i - 1], tok.pos[i - 1]
            if prev in ("of", "among", "as", "for", "between", "like", "including") and \
                    not (prev == "as" and i > 1 and tok.lower[i - 2] == "well") and \
                    not (prev == "of" and i > 1 and (tok.pos[i - 2] == "CD" or tok.lower[i - 2] in _COUNTS)):
                return True   # "as well as Afghans", "thousands of Afghans": left to the counting rule
            if ppos.startswith(("JJ", "NN")) and tok.text[i - 1].islower() or tok.text[i - 1] in ("North", "South", "Latin"):
                return True
        return False

    def _is_venue(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 14):start].split()
        after = self.text[end:end + 3]
        if before and before[-1].lower() in _VENUE_WORDS:
            return True
        if not after.startswith(","):
            return False
        m = self.gaz.match_at(self.text, end + 2)
        return m is not None and self.gaz.surfaces.get(m.group(), Surface("", "")).how == "name"


    def row(self, start: int, end: int, actor_id: str, role: str, how: str, subject: bool = False) -> dict:
        i = bisect.bisect_right(self.p_start, start) - 1   # para_of and sent_of, inlined
        k = max(0, bisect.bisect_right(self.s_start, start) - 1)
        actor = self.actors.get(actor_id)
        return {"para_id": self.p_id[i] if i >= 0 and start < self.p_end[i] else None, "sent_id": self.s_id[k],
                "start": start, "end": end, "actor_id": actor_id, "role": role or "", "how": how,
                "_subject": subject, "actor_type": actor.actor_type if actor is not None else "person"}

    def table(self, rows: list[dict]) -> pd.DataFrame:
        # a person first seen by surname only takes the full name's id when it appears later
        full_by_surname: dict[str, str] = {}   # surname -> first person with a longer name ending in it
        for other in self.persons.values():
            words = other.name.split()
            if len(words) > 1:
                full_by_surname.setdefault(words[-1], other.pid)
        by_first: dict[str, set] = {}   # given name -> people named in full with it
        for other in self.persons.values():
            words = other.name.split()
            if len(words) > 1:
                by_first.setdefault(words[0], set()).add(other.pid)
        rename = {pid: full_by_surname[p.name] for pid, p in self.persons.items()
                  if len(p.name.split()) == 1 and p.name in full_by_surname}
        for pid, p in self.persons.items():   # "Eugene" before "Eugene Nida": one person, if only one Eugene
            if len(p.name.split()) == 1 and pid not in rename and len(by_first.get(p.name, ())) == 1:
                rename[pid] = next(iter(by_first[p.name]))
        for name, aid in self.unlisted.items():   # a lone word of no known kind that a person's name holds
            if self.actors[aid].actor_type == "other" and " " not in name:
                if name in full_by_surname:
                    rename[aid] = full_by_surname[name]
                elif len(by_first.get(name, ())) == 1:
                    rename[aid] = next(iter(by_first[name]))
        text, persons, actors = self.text, self.persons, self.actors
        # one column at a time, each a comprehension over the rows
        aids = [rename.get(r["actor_id"], r["actor_id"]) for r in rows]
        names, atypes = [], []
        for aid in aids:
            if aid in persons:
                names.append(persons[aid].name)
                atypes.append("person")
            else:
                actor = actors.get(aid)
                names.append(actor.name if actor else aid)
                atypes.append(actor.actor_type if actor else "org")
        starts = [r["start"] for r in rows]
        ends = [r["end"] for r in rows]
        data = {"mention_id": np.arange(1, len(rows) + 1, dtype="int64"),
                "para_id": np.asarray([r["para_id"] for r in rows], dtype="int64"),
                "sent_id": np.asarray([r["sent_id"] for r in rows], dtype="int64"),
                "start": np.asarray(starts, dtype="int64"), "end": np.asarray(ends, dtype="int64"),
                "text": [text[s:e] for s, e in zip(starts, ends)], "actor_id": aids, "actor": names,
                "actor_type": atypes, "role": [r["role"] for r in rows], "how": [r["how"] for r in rows]}
        return frame_from_columns(MENTION_COLUMNS, [data[c] for c in MENTION_COLUMNS])
