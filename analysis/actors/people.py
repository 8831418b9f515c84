"""People: names in no list, titles and role nouns, surnames and first names resolved to the full name."""

from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import Actor, Gazetteer, slug
from .name_types import _lexicon, is_acronym
from .words import _INDEFINITE, _PARTICLES

_PARTY_STATE = re.compile(r"([RDI])-[A-Z][A-Za-z.]{1,12}")

if TYPE_CHECKING:
    from .candidates import _Cand


_REGION_AFTER = re.compile(r", ((?:[A-Z][\w’'-]+ ){0,2}[A-Z][\w’'-]+)(?=[,.;:)]|\s+(?:[a-z]|$)|$)")
_ROLE_LEAD = re.compile(r"\s+(?:the|a|an)?\s*(?:former|then|longtime|current|acting|interim|new)?\s*(?:[A-Z][\w.-]*\s+)?")


@dataclass
class _Person:
    pid: str
    name: str
    role: str | None = None   # canonical title, e.g. "foreign minister"
    code: str = ""
    country: str | None = None
    gender: str | None = None  # "male" | "female" from a title, an honorific or an earlier he/she
    guess: str | None = None   # the same from the given name, when nothing better is known

    @property
    def sex(self) -> str | None:
        return self.gender or self.guess


#: the kinds of actor whose name a title is split from ("NASA Administrator": NASA and the role)
_BODY_TYPES = frozenset({"org", "igo", "media", "armed_group", "party"})


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one substituted, inserted or deleted letter."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i:] == b[i + 1:]


def _role_info(gaz: Gazetteer, phrase: str):
    key = " ".join(phrase.lower().split())
    if key in gaz.person_roles:
        return "person", gaz.person_roles[key], key
    if key in gaz.group_roles:
        return "group", gaz.group_roles[key], key
    return None, None, key


def _compatible(gaz: Gazetteer, wanted: str, person: _Person) -> bool:
    """Does a person with title ``person.role`` answer to the description ``wanted``?"""
    if wanted in ("head", "chief", "leader", "official", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr."):
        return True
    have = person.role
    if not have:
        return False
    seen = set()
    while have and have not in seen:
        seen.add(have)
        info = gaz.person_roles.get(have, {})
        if have == wanted or info.get("canon") == wanted or wanted.endswith(" " + have) is False and have.endswith(" " + wanted):
            return True
        canon = info.get("canon")
        if canon and canon != have and (canon == wanted or canon.endswith(" " + wanted)):
            return True
        have = info.get("is_a")
    return False


class PeopleResolver:
    """Mixin of the resolver: people by name, by title and by role noun."""

    def note_person_actor(self, actor: Actor) -> None:
        if actor.actor_id not in self.persons:
            self.persons[actor.actor_id] = _Person(actor.actor_id, actor.name, None, actor.role, actor.country)

    def person(self, name: str, role: str | None = None, code: str = "", country: str | None = None, *,
               gender: str | None = None) -> tuple[str, str]:
        """Find or create the person called ``name``; return ``(person_id, how)``."""
        name = " ".join(name.split())
        words = name.split()
        pid = None
        how = "name"
        if len(words) == 1 and name in self.surnames:
            pid, how = self.surnames[name], "alias"
        elif slug(name) in self.persons:
            pid = slug(name)
        elif len(words) > 1 and words[-1] in self.surnames and self.persons[self.surnames[words[-1]]].name.split()[0] == words[0]:
            pid = self.surnames[words[-1]]
        elif len(words) == 1 and self._variant_of(name):
            pid, how = self._variant_of(name), "alias"
        if pid is None:
            pid = slug(name)
            self.persons[pid] = _Person(pid, name)
            self.actors[pid] = Actor(pid, name, "person")
        p = self.persons[pid]
        if len(words) > len(p.name.split()):
            p.name = name
            self.__dict__.pop("_variants", None)   # the spellings of surnames may have changed
            self.actors[pid] = Actor(pid, name, "person", country=p.country)
        if role and role not in ("counterpart", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.") and not p.role:
            p.role = role
        if code and not p.code:
            p.code = code
        if country and not p.country:
            p.country = country
        if gender and not p.gender:
            p.gender = gender
        if not p.guess and len(words) > 1:
            # the given name, when the lists know only one gender for it ("Gloria", "Nick"): a guess
            # that a title or an earlier he/she overrides
            r = self.typer.rules
            p.guess = "female" if words[0] in r.given_female else "male" if words[0] in r.given_male else None
        self.surnames.setdefault(words[-1], pid)
        if len(words) > 1 and "-" in words[-1] and words[-1][:1].islower():
            self.surnames.setdefault(words[-1].split("-", 1)[1], pid)   # "Assad" for Bashar al-Assad
        for w in words[:-1]:
            if len(w) > 1 and w[0].isupper() and w.lower() not in _PARTICLES and not (len(w) == 2 and w[1] == "."):
                self.surnames.setdefault(w, pid)   # "Li" for Li Wen; a lone first name
        return pid, how

    def resolve_role(self, c: _Cand, out: list[dict]) -> list[dict]:
        d = c.data
        info, key, mod = d["info"], d["key"], d["mod"]
        mod_actor = self.actors.get(mod.data["surface"].actor_id) if mod is not None else None
        country = mod_actor.actor_id if mod_actor is not None and mod_actor.actor_type == "state" else None
        canon = info["canon"]
        gender = info.get("gender")
        if d.get("name"):
            s, e, i, j = d["name"]
            name = self.text[s:e]
            title = d["head_of"] if d.get("head_fallback") else canon   # "UN chief X" heads the UN
            pid, how = self.person(name, None if info.get("honorific") else title, info["code"], country,
                                   gender=gender)
            return [self.row(s, e, pid, self.persons[pid].code, how, subject=self.subject_like(c.start, e))]
        wanted = d["head_of"] or canon
        if d["det"] in _INDEFINITE or d["det"] in ("his", "her", "their", "its"):
            # "a Russian official", "his counterpart": a new or unnamed person
            if mod_actor is not None and d["det"] in _INDEFINITE:
                return self._body_and_role(c, mod_actor, mod_actor.actor_id, info["code"])
            return []
        para = self.para_of(c.start)
        for row in reversed(out):   # rows are in reading order: stop once six paragraphs back
            if row["para_id"] < para - 6:
                break
            if row["actor_type"] != "person":
                continue
            p = self.persons.get(row["actor_id"])
            if p is None:
                continue
            if mod_actor is not None and p.country and mod_actor.actor_type == "state" and p.country != mod_actor.actor_id:
                continue
            if gender and p.gender and p.gender != gender:
                continue   # "the spokeswoman" is not a man
            if _compatible(self.gaz, wanted, p) or (d["head_of"] and _compatible(self.gaz, canon, p) and mod_actor is not None and p.country == getattr(mod_actor, "actor_id", None)):
                if gender and not p.gender:
                    p.gender = gender
                return [self.row(c.start, c.end, p.pid, p.code or info["code"], "role", subject=self.subject_like(c.start, c.end))]
        if mod_actor is not None:
            return self._body_and_role(c, mod_actor, mod_actor.actor_id, info["code"])
        return []

    def _body_and_role(self, c: _Cand, mod_actor, actor_id: str, code: str) -> list[dict]:
        """The rows of a title that names no one and stands for the body that holds the office: the
        role, and the body as a name of its own when it is written out ("NASA's administrator",
        "the head of NATO", "a Zorbit spokesman": NASA, NATO, Zorbit and the role)."""
        mod = c.data["mod"]
        rs, re_ = c.data["role_span"]
        how = mod.data["surface"].how if mod is not None else ""
        word = self.text[mod.start:mod.end] if mod is not None else ""
        if mod_actor is None or mod_actor.actor_type not in _BODY_TYPES or how == "demonym" or \
                mod_actor.actor_type == "party" and how == "alias" and " " not in word and not word.isupper():
            return [self.row(c.start, c.end, actor_id, code, "role")]   # "a Republican senator": a member's label
        body = self.row(mod.start, mod.end, mod_actor.actor_id, mod_actor.role, how)
        if mod.end <= rs:   # "the NASA administrator", "NATO's chief"
            return [body, self.row(rs, c.end, actor_id, code, "role")]
        if mod.start >= re_:   # "the head of NATO"
            return [self.row(c.start, re_, actor_id, code, "role"), body]
        return [self.row(c.start, c.end, actor_id, code, "role")]

    def resolve_name(self, c: _Cand, out: list[dict]) -> list[dict]:
        tok = self.tok
        i, j = c.data["run"]
        name = self.text[c.start:c.end]
        words = name.split()
        known = (len(words) == 1 and (name in self.surnames or bool(self._variant_of(name)))) or \
            slug(name) in self.persons or (len(words) > 1 and words[-1] in self.surnames)
        kind = self.typer.kind_of(name)
        label = _PARTY_STATE.fullmatch(name)
        if label:   # "(R-Ky.)", "D-Calif.": a member's party and home state after the name
            party = {"R": "US-Rep", "D": "US-Dem"}.get(label.group(1))
            return [self.row(c.start, c.end, party, "", "alias")] if party in self.actors else []
        if (len(words) == 1 and kind in (None, "person", "other") or len(words) == 2 and kind in (None, "other")) and \
                self._before_region(c.end):
            return self.unlisted_name(c, name, "place")   # "Austin, Texas", "Preston, Victoria": a town
        if not known:
            short = self._short_form_of(name, kind)   # "Harvard" after "Harvard University"
            if short is not None and kind == "person" and len(words) >= 2 and self.actors[short].actor_type != "person" and \
                    self.typer.votes[name]["person"] - self.typer.votes[name]["_shape"] >= 1:
                short = None   # "Wasserman Schultz said", "Suu Kyi, who": a two-word surname of the person's
                #                (a one-word short form, "Centerview" after "Centerview Partners", stays the firm's)
            if short is not None:
                return [self.row(c.start, c.end, short, "", "alias")]
        if kind not in (None, "person") and self.typer.is_strong(name) and slug(name) not in self.persons \
                and not (len(words) == 1 and known):
            return self.unlisted_name(c, name, kind)
        if len(words) == 1 and (name.lower() in self.gaz.person_roles or name in self.typer.rules.lone_not_names) and \
                not (known and self.typer.kind_of(name) == "person" and name in self.typer.rules.heads):
            return []   # "Justice said", "Madam": a title alone names no one new ("Street" after Marla Street is her)
        if not known and len(words) <= 2 and 0 < i and j < tok.n and tok.sent[i - 1] == tok.sent[i] == tok.sent[j] and \
                tok.text[i - 1][:1].isupper() and all(_lexicon().get(w.lower()) in ("NN", "NNS") for w in words) and \
                self.gaz.role_regex.match(self.text, tok.start[j]):
            return []   # "Acme Holdings Research Director Tova Lind": a department between a body and a title
        if len(words) == 1 and is_acronym(name) and not known:
            return self.unlisted_name(c, name, kind)   # "ACME said": an acronym is no person
        if not known and len(words) <= 3 and i > 0 and tok.lower[i - 1] == "as" and j < len(tok.lemma) and \
                tok.lemma[j] in ("write", "report", "publish", "reveal") and tok.pos[j].startswith("VB"):
            # "as Le Figaro wrote": a news outlet in no list
            aid = slug(name)
            self.actors.setdefault(aid, Actor(aid, name, "media"))
            return [self.row(c.start, c.end, aid, "", "name")]
        if not known:
            # a person in no list: a speech verb right after (or before) the name, or "according to"
            if not (2 <= len(words) <= 4 or (len(words) == 1 and i > 0 and tok.lower[i - 1] not in ("the",))):
                return self.unlisted_name(c, name, kind)
            nxt = j
            while nxt < len(tok.pos) and tok.pos[nxt] in ("RB",):
                nxt += 1
            after_verb = nxt < len(tok.pos) and tok.lemma[nxt] in self.gaz.speech_verbs and tok.pos[nxt].startswith("VB") \
                and not (i > 0 and tok.lower[i - 1] in ("in", "from", "at", "near"))   # "police in Tulsa said"
            prev = i - 1
            before_verb = prev >= 0 and tok.lemma[prev] in self.gaz.speech_verbs and tok.pos[prev] in ("VBD", "VBZ") and \
                tok.sent[prev] == tok.sent[i]
            according = i >= 2 and tok.lower[i - 2] == "according" and tok.lower[i - 1] == "to"
            appositive = j + 1 < len(tok.text) and tok.text[j] == "," and self._role_follows(tok.end[j])
            # "according to Zero Hedge": a website or a body as often as a person, unless the name looks personal
            according = according and (words[0] in self.gaz.given_names or not _lexicon().get(words[-1].lower()))
            if not (after_verb or (before_verb and len(words) >= 2) or (according and len(words) >= 2) or appositive
                    or self.plain_person(i, j)):
                return self.unlisted_name(c, name, kind)
            if len(words) == 1 and (not after_verb or words[0] in self.gaz.name_heads):
                return self.unlisted_name(c, name, kind)   # "General Motors recalled": a lone head noun is no surname
            votes = self.typer.votes.get(name) or {}
            if kind not in (None, "person", "other") and votes.get(kind, 0) > votes.get("person", 0):
                return self.unlisted_name(c, name, kind)   # "Acme said", "Tulsa said": the evidence says otherwise
        pid, how = self.person(name)
        return [self.row(c.start, c.end, pid, self.persons[pid].code, how, subject=self.subject_like(c.start, c.end))]

    def _before_region(self, end: int) -> bool:
        """Is the name followed by a comma and a state or a province ("…, Texas", "…, Kenya") and
        then by the end of the phrase: the way a town is written, not a person?"""
        if not self.text.startswith(", ", end):
            return False   # the cheap test for the common case
        m = _REGION_AFTER.match(self.text[end:end + 60])
        if not m:
            return False
        region = m.group(1)
        s = self.gaz.surfaces.get(region)
        if s is not None:
            a = self.actors.get(s.actor_id)
            return a is not None and a.actor_type == "state" and s.how == "name"
        return region in self.typer.rules.subdivisions

    def _variant_of(self, word: str) -> str | None:
        """The person whose surname ``word`` spells another way (one letter changed, added or dropped,
        both six letters or more: "Vandermeir" for Ilse Vandermeer), if exactly one person fits."""
        if len(word) < 6 or not word[:1].isupper():
            return None
        # a person's name only changes in person(), which forgets this memo; surnames are only ever added, in order, so a
        # word's memo keeps the people found so far and reads only the surnames added since
        # (the resolver counts the other changes of a name in _name_changes: a word's memo made before
        # one is read again in full)
        memo = self.__dict__.setdefault("_variants", {})
        size = len(self.surnames)
        changes = self.__dict__.get("_name_changes", 0)
        entry = memo.get(word)
        if entry is None or entry[0] != size:
            seen, found = (entry[0], entry[1]) if entry is not None and entry[3] == changes else (0, set())
            n = len(word)
            for surname, pid in islice(self.surnames.items(), seen, None):
                if len(surname) >= 6 and surname != word and abs(len(surname) - n) <= 1 \
                        and len(self.persons[pid].name.split()) > 1 and self.persons[pid].name.split()[-1] == surname \
                        and _one_edit(surname.lower(), word.lower()):
                    found.add(pid)
            entry = memo[word] = (size, found, next(iter(found)) if len(found) == 1 else None, changes)
        return entry[2]

    def plain_person(self, i: int, j: int) -> bool:
        """Is the name run ``tok[i:j]`` a person though no title or speech verb stands next to it?

        Conservative (a teacher sees every false person): 2-3 capitalised words tagged NNP (name
        particles such as "von der" aside), not after "the"/"a" and not glued to another capitalised
        word, no word that heads an organisation, place or event name ("Ministry", "Street",
        "Treaty": ``data/actors/name_rules.yml``) inside or right after it, no opening word of a place
        or an event ("Port", "Hurricane") nor a sentence adverb; and either the first word is a known
        given name (``data/actors/given_names.txt``) or the last word recurs alone later ("Merkel said").
        """
        tok, gaz = self.tok, self.gaz
        words = [k for k in range(i, j) if tok.lower[k] not in _PARTICLES]
        if not 2 <= len(words) <= 3 or tok.lower[i] in _PARTICLES or tok.lower[j - 1] in _PARTICLES:
            return False
        if any(tok.pos[k] not in ("NNP", "NNPS") for k in words):
            return False
        first, last = tok.text[i], tok.text[j - 1]
        if first in gaz.name_first_stops or any(tok.text[k] in gaz.name_heads for k in words[1:]):
            return False
        if j < tok.n and tok.sent[j] == tok.sent[i]:
            nxt = tok.text[j]
            if nxt in gaz.name_heads or (nxt[:1].isupper() and nxt.isalpha()):
                return False   # "… Bank", or glued to a capitalised word the run could not take
        if i > 0 and tok.sent[i - 1] == tok.sent[i]:
            prev = tok.text[i - 1]
            if tok.lower[i - 1] in ("the", "a", "an") or (prev[:1].isupper() and prev.isalpha()):
                return False   # "the Collective Security Council", "Oxford Grant Smith"
        if first in gaz.given_names:
            return True
        return any(k > j for k in self.lone_words.get(last, ()))

    def _role_follows(self, offset: int) -> bool:
        m = _ROLE_LEAD.match(self.text[offset:offset + 40])   # "X, former editor", "X, the bank's ..."
        if not m:
            return False
        rm = self.gaz.role_regex.match(self.text, offset + m.end())
        return bool(rm) and _role_info(self.gaz, rm.group())[0] == "person"
