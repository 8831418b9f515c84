"""The gazetteer: built-in lists of states, organisations, places, role nouns and speech verbs, plus the
user's own files added for the session."""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path


from .words import _NOUN_RE

_DATA = "analysis.data"

@dataclass(frozen=True)
class Actor:
    """One actor: id, display name, type, and the common nouns that refer back to it."""

    actor_id: str
    name: str
    actor_type: str
    nouns: tuple = ()
    head: str | None = None
    country: str | None = None
    role: str = ""


@dataclass
class Surface:
    actor_id: str
    how: str
    role: str = ""
    capital: bool = False
    adjective: bool = False


@dataclass
class Gazetteer:
    """Actors and the surface strings that name them, plus role nouns and speech verbs."""

    actors: dict = field(default_factory=dict)
    surfaces: dict = field(default_factory=dict)
    person_roles: dict = field(default_factory=dict)
    group_roles: dict = field(default_factory=dict)
    speech_verbs: frozenset = frozenset()
    sources: list = field(default_factory=list)
    given_names: frozenset = frozenset()
    name_heads: frozenset = frozenset()
    name_first_stops: frozenset = frozenset()

    def add(self, actor: Actor, names=(), aliases=(), acronyms=()) -> None:
        self.actors[actor.actor_id] = actor
        for how, items in (("name", [actor.name, *names]), ("alias", aliases), ("acronym", acronyms)):
            for s in items:
                if s:
                    self.add_surface(s, Surface(actor.actor_id, how, actor.role))

    def add_surface(self, text: str, surface: Surface) -> None:
        text = " ".join(str(text).split())
        if not text:
            return
        variants = {text, text.replace("'", "’"), text.replace("’", "'")}
        if text.lower().startswith("the ") and len(text) > 4:
            rest = text[4:]
            variants |= {"the " + rest, "The " + rest}
        for v in variants:
            self.surfaces[v] = surface

    @property
    def regex(self) -> re.Pattern:
        key = len(self.surfaces)
        cached = getattr(self, "_regex", None)
        if cached is None or cached[0] != key:
            pattern = re.compile(r"(?<![\w’'])(?:%s)(?![\w])" % _trie_regex(self.surfaces))
            self._regex = (key, pattern)
        return self._regex[1]

    def _split_patterns(self) -> tuple:
        """The two patterns of :meth:`finditer`: names opening with a capital, and the rest."""
        key = len(self.surfaces)
        cached = getattr(self, "_split_regex", None)
        if cached is None or cached[0] != key:
            upper = [s for s in self.surfaces if s[0].isupper()]
            rest = [s for s in self.surfaces if not s[0].isupper()]
            cached = (key, *(re.compile(_first_letter_trie(part, r"[\w’']") + r"(?![\w])") if part else None
                             for part in (upper, rest)))
            self._split_regex = cached
        return cached[1], cached[2]

    def match_at(self, text: str, pos: int):
        """The match of :attr:`regex` that starts at ``pos``, or None, from the patterns of
        :meth:`finditer` (already built: :attr:`regex` itself takes a tenth of a second to compile)."""
        for pattern in self._split_patterns():
            m = pattern.match(text, pos) if pattern is not None else None
            if m is not None:
                return m
        return None

    def finditer(self, text: str, pos: int, endpos: int):
        """The matches of :attr:`regex` in ``text[pos:endpos]``, found faster.

        Two patterns, one for the names that open with a capital and one for the rest: in each,
        the lookbehind comes after the part all names opening with that letter share, so ``re``
        jumps from one possible first letter to the next instead of trying every position, and
        a word that only contains the letter fails on a plain character. A name opens with one
        letter, so at each position only one of the two can match; taking the earlier of their
        next matches, as :attr:`regex` would, gives the same matches.
        """
        first, second = self._split_patterns()
        nxt = [p.search(text, pos, endpos) if p is not None else None for p in (first, second)]
        while True:
            a, b = nxt
            if a is None and b is None:
                return
            k = 0 if b is None or (a is not None and a.start() < b.start()) else 1
            m = nxt[k]
            yield m
            pos = m.end()
            for k, p in enumerate((first, second)):
                if nxt[k] is not None and nxt[k].start() < pos:
                    nxt[k] = p.search(text, pos, endpos)

    @property
    def role_regex(self) -> re.Pattern:
        cached = getattr(self, "_role_regex", None)
        if cached is None:
            alts = set(self.person_roles) | set(self.group_roles)
            cached = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % _trie_regex(alts, space=r"\s+"), re.I)
            self._role_regex = cached
        return cached

    @property
    def role_regex_lower(self) -> re.Pattern:
        cached = getattr(self, "_role_regex_lower", None)
        if cached is None:
            alts = {a.lower() for a in set(self.person_roles) | set(self.group_roles)}
            cached = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % _trie_regex(alts, space=r"\s+"))
            self._role_regex_lower = cached
        return cached

    @property
    def role_regex_after_prefix(self) -> re.Pattern:
        """The lower-case titles with no look-behind, matched only right after "then-" or "ex-"
        ("then-secretary of state …"): the main patterns must not start inside a hyphenated word."""
        cached = getattr(self, "_role_regex_after_prefix", None)
        if cached is None:
            alts = {a.lower() for a in set(self.person_roles) | set(self.group_roles)}
            cached = re.compile(r"(?:%s)(?![\w-])" % _trie_regex(alts, space=r"\s+"))
            self._role_regex_after_prefix = cached
        return cached

    @property
    def noun_regex(self) -> re.Pattern:
        cached = getattr(self, "_noun_regex", None)
        if cached is None:
            from .name_types import GENERIC_NOUNS

            nouns = sorted({n for a in self.actors.values() for n in a.nouns} | set(GENERIC_NOUNS), key=len, reverse=True)
            # a trie, not one alternative per noun (much faster); every noun that matches at a place
            # is a prefix of the same text, so the trie's deepest-first order keeps longest-first
            cached = re.compile(_NOUN_RE.pattern % ("(?:%s)" % _trie_regex(nouns, space=r"\s+")))
            self._noun_regex = cached
        return cached

    def copy(self) -> "Gazetteer":
        return Gazetteer(dict(self.actors), dict(self.surfaces), dict(self.person_roles), dict(self.group_roles),
                         self.speech_verbs, list(self.sources), self.given_names, self.name_heads,
                         self.name_first_stops)


def _trie_regex(words, *, space: str | None = None) -> str:
    """One regular expression for many strings, shaped as a trie (fast in Python's ``re``).

    Longer strings win over their prefixes because every branch tries to go on first.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts, end = [], "" in node
        for ch in sorted(k for k in node if k):
            piece = space if (space and ch == " ") else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return build(trie)


def _first_letter_trie(words, lookbehind: str) -> str:
    """:func:`_trie_regex` of ``words`` with ``(?<!lookbehind)`` at each word's start, written after
    the prefix shared by all words with that first letter (so the pattern opens with a letter)."""
    by_first: dict = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w)
    alts = []
    for ch in sorted(by_first):
        group = by_first[ch]
        prefix = os.path.commonprefix(group)
        lit = re.escape(prefix)
        alts.append(lit + "(?<!" + lookbehind + lit + ")" + _trie_regex([w[len(prefix):] for w in group]))
    return "(?:" + "|".join(alts) + ")"


def _read_data(name: str) -> str:
    return resources.files(_DATA).joinpath("actors", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict]:
    text = "\n".join(line for line in _read_data(name).splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(text)))


def _split(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1024)   # the names of one article and the next few
def slug(text: str) -> str:
    """A readable id for a person or place: ``"Ana María Ruiz"`` -> ``"ana-maria-ruiz"``."""
    ascii_text = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-") or "unknown"


def _plurals(adjective: str) -> list[str]:
    return [adjective + "s"] if adjective.endswith(("an", "i", "k", "o")) and " " not in adjective[-3:] else []


@lru_cache(maxsize=1)
def _builtin() -> Gazetteer:
    import pycountry
    import yaml

    gaz = Gazetteer()
    states = {row["alpha3"]: row for row in _rows("states.csv")}
    # territories first (as places), so the states below win any shared name
    for c in pycountry.countries:
        if c.alpha_3 not in states:
            name = getattr(c, "common_name", None) or c.name
            if "," not in name and "(" not in name:
                gaz.add(Actor(slug(name), name, "place"))
    for alpha3, row in states.items():
        c = pycountry.countries.get(alpha_3=alpha3)
        extra = _split(row["names"])
        official = []
        if c is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value and "," not in value and "(" not in value:
                    official.append(re.sub(r"^the ", "", value))
        display = extra[0] if extra and c is not None and ("," in c.name or "(" in c.name or alpha3 in ("RUS", "USA", "GBR", "IRN", "SYR", "VEN", "BOL", "TZA", "VNM", "KOR", "PRK", "LAO", "MDA", "FSM", "COD", "VAT", "PSE", "TWN", "XKX")) else (official[0] if official else extra[0])
        gaz.add(Actor(alpha3, display, "state"), names=official + extra)
        for adj in _split(row["adjectives"]):
            for form in [adj, *_plurals(adj)]:
                gaz.add_surface(form, Surface(alpha3, "demonym", adjective=True))
        for cap in _split(row["capital"]):
            gaz.add_surface(cap, Surface(alpha3, "metonym", capital=True))
    for row in _rows("seats.csv"):
        gaz.add_surface(row["name"], Surface(row["actor_id"], "metonym", row["role"]))
        gaz.add_surface("the " + row["name"], Surface(row["actor_id"], "metonym", row["role"]))
    data = yaml.safe_load(_read_data("actors.yml"))
    for actor_type, entries in data.items():
        for e in entries:
            _add_entry(gaz, {**e, "type": actor_type})
    listed = set(gaz.actors)
    for actor_type, entries in yaml.safe_load(_read_data("organisations.yml")).items():
        for e in entries:
            if str(e["id"]) not in listed:
                if actor_type == "party":   # "the Republican party" as well as "the Republican Party"
                    names = [e["name"], *_split(e.get("aliases"))]
                    e = {**e, "aliases": _split(e.get("aliases")) + [n[:-5] + "party" for n in names if n.endswith(" Party")]}
                _add_entry(gaz, {**e, "type": actor_type}, keep=True)
    for line in _read_data("places.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, canon = (p.strip() for p in line.partition("="))
        canon = canon or re.sub(r"^the ", "", name)
        pid = slug(canon)
        if pid not in gaz.actors:
            gaz.actors[pid] = Actor(pid, canon, "place")
        adjective = bool(sep) and name.endswith(("an", "ern", "ic", "ish", "ese", "ab", "ian", "tic"))
        gaz.add_surface(name, Surface(pid, "demonym" if adjective else "name", adjective=adjective))
    roles = yaml.safe_load(_read_data("roles.yml"))
    for name, info in roles["person"].items():
        gender = info.get("gender")
        if gender not in (None, "male", "female"):
            raise ValueError(f"roles.yml: {name!r} has gender {gender!r}; allowed: male, female")
        gaz.person_roles[name] = {"code": info.get("code") or "", "is_a": info.get("is_a"),
                                  "canon": info.get("same_as") or name, "gender": gender,
                                  "honorific": bool(info.get("honorific")), "kin": bool(info.get("kin"))}
    for name, info in roles["group"].items():
        gaz.group_roles[name] = {"code": info.get("code") or "", "head": info.get("head")}
    verbs = [v.strip() for v in _read_data("speech_verbs.txt").splitlines() if v.strip() and not v.startswith("#")]
    gaz.speech_verbs = frozenset(verbs)
    rules = yaml.safe_load(_read_data("name_rules.yml"))
    gaz.name_heads = frozenset(rules["heads"])
    gaz.name_first_stops = frozenset(rules["first_words"])
    gaz.given_names = frozenset(
        line.strip() for line in _read_data("given_names.txt").splitlines()
        if line.strip() and not line.startswith("#")) - gaz.name_first_stops - gaz.name_heads
    gaz.sources.append("analysis/data/actors")
    return gaz


def _add_entry(gaz: Gazetteer, e: dict, *, keep: bool = False) -> None:
    """Add one entry; with ``keep``, a surface another actor already has stays that actor's."""
    actor = Actor(str(e["id"]), str(e["name"]), e["type"], tuple(_split(e.get("nouns"))), e.get("head"),
                  e.get("country"), e.get("role") or "")
    if keep:
        gaz.actors[actor.actor_id] = actor
        for how, items in (("name", [actor.name]), ("alias", _split(e.get("aliases"))),
                           ("acronym", _split(e.get("acronyms")))):
            for s in items:
                if s and " ".join(s.split()) not in gaz.surfaces:
                    gaz.add_surface(s, Surface(actor.actor_id, how, actor.role))
        return
    gaz.add(actor, aliases=_split(e.get("aliases")), acronyms=_split(e.get("acronyms")))


_user_files: list[Path] = []
_active: list[Gazetteer] = []


def gazetteer() -> Gazetteer:
    """The gazetteer in force: the built-in lists plus any files added with :func:`add_gazetteer`."""
    if not _active:
        gaz = _builtin()
        if _user_files:
            gaz = gaz.copy()
            for path in _user_files:
                for entry in read_gazetteer_file(path):
                    _add_entry(gaz, entry)
                gaz.sources.append(str(path))
        _active.append(gaz)
    return _active[0]


def add_gazetteer(path) -> int:
    """Add your own actors from a YAML or CSV file for this session; return how many.

    Each entry has ``id``, ``name`` and ``type`` (one of state, igo, person, armed_group,
    media, org, place) and optionally ``aliases``, ``acronyms``, ``nouns``, ``head``,
    ``country``, ``role``. In CSV, list fields are separated by ``|``. Documents annotated
    afterwards use it; :func:`reset_gazetteer` undoes it.

    Raises:
        InputError: naming the file, the line and the field that is wrong.

    >>> add_gazetteer("my_actors.yml")   # doctest: +SKIP
    3
    """
    path = Path(path)
    entries = read_gazetteer_file(path)
    _user_files.append(path)
    _active.clear()
    return len(entries)


def reset_gazetteer() -> None:
    """Forget the files added with :func:`add_gazetteer`."""
    _user_files.clear()
    _active.clear()


from .user_gazetteer import read_gazetteer_file  # noqa: E402
