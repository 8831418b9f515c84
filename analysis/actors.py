"""Actors: every state, bloc, armed group, news outlet and person, under every name they go by.

The ``mentions`` layer finds actors with a gazetteer kept as data (``analysis/data/actors/``:
states from pycountry plus short names, demonyms and capitals; seats of power; organisations,
armed groups and news organisations; role nouns after GDELT/PETRARCH and CAMEO), finds people
who are in no list (a capitalised name after a title or next to a speech verb), and resolves
aliases within the article: a surname to the full name seen earlier, "the minister" to the most
recent person with that role, "he"/"she" to the most salient person, "the bloc" to the most
recent organisation of that kind, "Moscow" to Russia, "the Uzbek authorities" to Uzbekistan.

>>> import analysis
>>> doc = analysis.annotate("Headline\\n\\nIranian Foreign Minister Reza Karimi spoke in Geneva. "
...                         "The minister said Tehran was ready.")
>>> doc.mentions[["text", "actor_id", "how"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Iranian', 'IRN', 'demonym'], ['Reza Karimi', 'reza-karimi', 'name'], ['Geneva', 'geneva', 'name'],
 ['The minister', 'reza-karimi', 'role'], ['Tehran', 'IRN', 'metonym']]

Extend the gazetteer for a session with :func:`add_gazetteer` (a YAML or CSV file of your own).
"""

from __future__ import annotations

import bisect
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ._frames import frame_from_columns
from .article import dateline_span
from .errors import InputError

MENTION_COLUMNS = ["mention_id", "para_id", "sent_id", "start", "end", "text", "actor_id", "actor",
                   "actor_type", "role", "how"]
ACTOR_COLUMNS = ["actor_id", "actor", "actor_type", "n_mentions", "first_para"]
ACTOR_TYPES = ("state", "igo", "person", "armed_group", "media", "org", "place")
HOW = ("name", "alias", "acronym", "demonym", "metonym", "role", "pronoun")
ENTRY_FIELDS = ("id", "name", "type", "aliases", "acronyms", "nouns", "head", "country", "role")

_DATA = "analysis.data"
_VENUE_WORDS = {"in", "at", "near", "outside", "to", "into", "via", "across", "around", "visit", "visited",
                "visiting", "reached", "toward", "towards", "inside", "through", "throughout", "within"}
_PARTICLES = {"al", "al-", "bin", "ibn", "de", "del", "della", "der", "van", "von", "da", "dos", "du", "la", "le", "el", "abu", "ben"}
_NOT_NAMES = set("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow the a an this that these
those he she it they we i you his her their our its everyone everybody nobody someone no one but and or
however meanwhile after before following talking speaking according also in on at as when while if since
islam muslim christian god covid""".split())
_DETERMINERS = {"the", "this", "that"}
#: head nouns that, after a capital, still make the state act ("Moscow Government", "Kyiv Administration")
_GOV_HEADS = {"State", "Government", "Administration", "Cabinet", "Office", "Authority", "Ministry", "Council"}
_PAREN_ACR = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
#: "Full Name (ACR)"; a name starts at a word's start (the lookbehind keeps the scan linear)
_ACR_AFTER_NAME = re.compile(r"(?<![\w’'-])((?:(?:[A-Z][\w’'-]*|of|the|for|and|on|in|de)\s+){1,8}?(?:[A-Z][\w’'-]*))\s*\(([A-Z][A-Za-z]{1,9})\)")
_INDEFINITE = {"a", "an", "another", "one", "some", "any", "several", "two", "three"}
_NOUN_RE = re.compile(
    r"(?<![\w-])(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?P<mods>(?:[a-z][\w-]*\s+){0,2}?)(?P<noun>%s)(?![\w-])")


# --------------------------------------------------------------------------------------------
# the gazetteer


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
    def noun_regex(self) -> re.Pattern:
        cached = getattr(self, "_noun_regex", None)
        if cached is None:
            nouns = sorted({n for a in self.actors.values() for n in a.nouns}, key=len, reverse=True)
            cached = re.compile(_NOUN_RE.pattern % "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns))
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


def slug(text: str) -> str:
    """A readable id for a person or place: ``"Ana María Ruiz"`` -> ``"ana-maria-ruiz"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unknown"


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
    for line in _read_data("places.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, canon = (p.strip() for p in line.partition("="))
        canon = canon or re.sub(r"^the ", "", name)
        pid = slug(canon)
        if pid not in gaz.actors:
            gaz.actors[pid] = Actor(pid, canon, "place")
        gaz.add_surface(name, Surface(pid, "name"))
    roles = yaml.safe_load(_read_data("roles.yml"))
    for name, info in roles["person"].items():
        gender = info.get("gender")
        if gender not in (None, "male", "female"):
            raise ValueError(f"roles.yml: {name!r} has gender {gender!r}; allowed: male, female")
        gaz.person_roles[name] = {"code": info.get("code") or "", "is_a": info.get("is_a"),
                                  "canon": info.get("same_as") or name, "gender": gender,
                                  "honorific": bool(info.get("honorific"))}
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


def _add_entry(gaz: Gazetteer, e: dict) -> None:
    actor = Actor(str(e["id"]), str(e["name"]), e["type"], tuple(_split(e.get("nouns"))), e.get("head"),
                  e.get("country"), e.get("role") or "")
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


def read_gazetteer_file(path) -> list[dict]:
    """Read and check a user gazetteer (``.yml``/``.yaml`` or ``.csv``); return its entries.

    Errors name the file, the line and the field, e.g.
    ``my.yml, line 4: entry 'kpd' has no field 'name' (required: id, name, type)``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such gazetteer file: {path}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the gazetteer as UTF-8") from None
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        raw = _yaml_entries(path, text)
    elif suffix == ".csv":
        raw = _csv_entries(path, text)
    else:
        raise InputError(f"{path}: a gazetteer is a .yml, .yaml or .csv file, not {suffix or 'a file without extension'}")
    return [_check_entry(path, line, entry, fields) for line, entry, fields in raw]


#: the only YAML tags a gazetteer may carry: plain text, numbers, booleans, dates, empty values,
#: lists and mappings (the tags a safe loader gives untagged values). Anything else (``!!python/…``,
#: ``!!binary``, ``!custom``) is refused before any value is used.
_YAML_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "timestamp")}
_YAML_NULL = "tag:yaml.org,2002:null"


_YAML_PLAIN_TAGS = _YAML_SCALAR_TAGS | {_YAML_NULL, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def _yaml_text(path: Path, node, field_name: str):
    """The text of a plain YAML scalar (None for an empty value); InputError for anything else."""
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.tag in _YAML_SCALAR_TAGS:
        return node.value
    if isinstance(node, yaml.ScalarNode) and node.tag == _YAML_NULL:
        return None
    if node.tag not in _YAML_PLAIN_TAGS:
        what = f"tagged {node.tag}"
    else:
        what = "a list inside a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
    raise InputError(f"{path}, line {node.start_mark.line + 1}: field {field_name!r} is {what}; give plain text"
                     f"{' or a list of plain text' if field_name in ('aliases', 'acronyms', 'nouns') else ''}")


def _refuse_tag(path: Path, node, what: str) -> None:
    if node.tag not in _YAML_PLAIN_TAGS:
        raise InputError(f"{path}, line {node.start_mark.line + 1}: {what} is tagged {node.tag}; "
                         "a gazetteer holds only plain text, lists and mappings")


def _yaml_entries(path: Path, text: str):
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise InputError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    if root is None:
        raise InputError(f"{path}: the gazetteer is empty; give a list of entries with id, name and type")
    _refuse_tag(path, root, "the document")
    groups = []
    if isinstance(root, yaml.SequenceNode):
        groups.append((None, root))
    elif isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            _refuse_tag(path, key, "an actor type")
            if not isinstance(key, yaml.ScalarNode) or key.value not in ACTOR_TYPES:
                label = key.value if isinstance(key, yaml.ScalarNode) else "a list or mapping"
                raise InputError(f"{path}, line {key.start_mark.line + 1}: unknown actor type {label!r} "
                                 f"(allowed: {', '.join(ACTOR_TYPES)})")
            _refuse_tag(path, value, f"the list under {key.value!r}")
            if not isinstance(value, yaml.SequenceNode):
                raise InputError(f"{path}, line {value.start_mark.line + 1}: under {key.value!r} give a list of entries")
            groups.append((key.value, value))
    else:
        raise InputError(f"{path}, line {root.start_mark.line + 1}: expected a list of entries (id, name, type)")
    out = []
    for type_, seq in groups:
        for node in seq.value:
            line = node.start_mark.line + 1
            if not isinstance(node, yaml.MappingNode):
                raise InputError(f"{path}, line {line}: an entry must be a mapping with id, name and type")
            _refuse_tag(path, node, "an entry")
            entry, fields = {}, {}
            for k, v in node.value:
                if not isinstance(k, yaml.ScalarNode) or k.tag not in _YAML_SCALAR_TAGS:
                    raise InputError(f"{path}, line {k.start_mark.line + 1}: a field name must be plain text "
                                     f"(allowed: {', '.join(ENTRY_FIELDS)})")
                _refuse_tag(path, v, f"field {k.value!r}")
                if isinstance(v, yaml.SequenceNode):
                    value = [x for x in (_yaml_text(path, x, k.value) for x in v.value) if x is not None]
                elif isinstance(v, yaml.MappingNode):
                    raise InputError(f"{path}, line {v.start_mark.line + 1}: field {k.value!r} must be text or a list")
                else:
                    value = _yaml_text(path, v, k.value)
                if value is None:
                    continue   # "field:" with no value: as if absent
                entry[k.value] = value
                fields[k.value] = k.start_mark.line + 1
            if type_ is not None:
                entry.setdefault("type", type_)
            out.append((line, entry, fields))
    return out


def _csv_entries(path: Path, text: str):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError(f"{path}, line 1: the CSV has no header; the columns are {', '.join(ENTRY_FIELDS)}")
    for name in reader.fieldnames:
        if name not in ENTRY_FIELDS:
            raise InputError(f"{path}, line 1: unknown field {name!r} (allowed: {', '.join(ENTRY_FIELDS)})")
    out = []
    for row in reader:
        line = reader.line_num
        if None in row:
            raise InputError(f"{path}, line {line}: more values than columns (check the commas)")
        entry = {k: v for k, v in row.items() if v not in (None, "")}
        out.append((line, entry, {k: line for k in entry}))
    return out


def _check_entry(path: Path, line: int, entry: dict, fields: dict) -> dict:
    for name in entry:
        if name not in ENTRY_FIELDS:
            raise InputError(f"{path}, line {fields.get(name, line)}: unknown field {name!r} "
                             f"(allowed: {', '.join(ENTRY_FIELDS)})")
    label = entry.get("id") or entry.get("name") or "?"
    for name in ("id", "name", "type"):
        if not str(entry.get(name) or "").strip():
            raise InputError(f"{path}, line {line}: entry {label!r} has no field {name!r} (required: id, name, type)")
    if entry["type"] not in ACTOR_TYPES:
        raise InputError(f"{path}, line {fields.get('type', line)}: field 'type' is {entry['type']!r}; "
                         f"allowed: {', '.join(ACTOR_TYPES)}")
    if not re.fullmatch(r"[A-Za-z0-9][\w.+-]*", str(entry["id"])):
        raise InputError(f"{path}, line {fields.get('id', line)}: field 'id' is {entry['id']!r}; use letters, "
                         "digits, '-' or '_' (e.g. RUS, NATO, sergei-lavrov)")
    if entry.get("country"):
        import pycountry

        if pycountry.countries.get(alpha_3=str(entry["country"]).upper()) is None:
            raise InputError(f"{path}, line {fields.get('country', line)}: field 'country' is {entry['country']!r}; "
                             "use an ISO 3166 alpha-3 code such as RUS or USA")
        entry["country"] = str(entry["country"]).upper()
    for name in ("aliases", "acronyms", "nouns"):
        if name in entry:
            entry[name] = _split(entry[name])
    return entry


# --------------------------------------------------------------------------------------------
# the mentions layer


@dataclass
class _Person:
    pid: str
    name: str
    role: str | None = None   # canonical title, e.g. "foreign minister"
    code: str = ""
    country: str | None = None
    gender: str | None = None  # "male" | "female" from a title, an honorific or an earlier he/she


@dataclass
class _Cand:
    start: int
    end: int
    kind: str               # gaz, role, name, noun, pron, group
    data: dict = field(default_factory=dict)


class _Tokens:
    """Column lists of the token table (fast positional access)."""

    def __init__(self, doc):
        col = doc.token_list  # shared with the other layers, made once per document
        self.start, self.end, self.text = col("start"), col("end"), col("text")
        self.pos, self.lower, self.lemma = col("pos"), col("lower"), col("lemma")
        self.sent, self.para = col("sent_id"), col("para_id")
        self.n = len(self.start)

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
    return _Resolver(doc, gazetteer()).run()


class _Resolver:
    def __init__(self, doc, gaz: Gazetteer):
        self.doc = doc
        self.gaz = gaz
        self.text = doc.text
        self.tok = token_lists(doc)
        self.actors: dict[str, Actor] = dict(gaz.actors)
        self.persons: dict[str, _Person] = {}
        self.surnames: dict[str, str] = {}
        p = doc.paragraphs
        self.p_start = p["start"].tolist()
        self.p_end = p["end"].tolist()
        self.p_id = p["para_id"].tolist()
        s = doc.sentences
        self.s_start = s["start"].tolist()
        self.s_id = s["sent_id"].tolist()
        self.s_para = s["para_id"].tolist()

    # -- helpers -------------------------------------------------------------------------
    def para_of(self, offset: int):
        i = bisect.bisect_right(self.p_start, offset) - 1
        if i >= 0 and offset < self.p_end[i]:
            return self.p_id[i]
        return None

    def sent_of(self, offset: int) -> int:
        i = max(0, bisect.bisect_right(self.s_start, offset) - 1)
        return self.s_id[i]

    # -- candidates ----------------------------------------------------------------------
    def gazetteer_matches(self) -> list[_Cand]:
        out = []
        text = self.text
        # an inline dateline ("CAIRO, 12 May (Reuters) —") says where the story was filed, not who acts
        dl_start, dl_end = dateline_span(self.doc)
        for ps, pe in zip(self.p_start, self.p_end):
            for m in self.gaz.regex.finditer(text, ps, pe):
                if dl_start <= m.start() < dl_end:
                    continue
                if self._inside_longer_name(m.start(), self.gaz.surfaces[m.group()]):
                    continue
                out.append(_Cand(m.start(), m.end(), "gaz", {"surface": self.gaz.surfaces[m.group()]}))
        out.extend(self.parenthesised_acronyms())
        return out

    def _inside_longer_name(self, start: int, surface: Surface) -> bool:
        """"Collective Security Council" is not the (UN) "Security Council": an organisation's
        name glued to a capitalised word that is not the start of a sentence is part of a longer name."""
        actor = self.gaz.actors.get(surface.actor_id)
        if actor is None or actor.actor_type not in ("igo", "org", "media") or surface.how == "acronym":
            return False
        m = re.search(r"(?:^|[^.!?:;\n“\"]\s)([A-Z][a-z]+)\s$", self.text[max(0, start - 40):start])
        return bool(m) and m.group(1).lower() not in _NOT_NAMES

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
                self.actors.setdefault(acr, Actor(acr, name, "org"))
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
        runs, i = [], 0
        while i < n:
            if free[i] and self._name_token(i):
                j = i + 1
                while j < n and free[j] and tok.sent[j] == tok.sent[i] and (self._name_token(j) or self._particles_then_name(j)):
                    j += 1
                runs.append((i, j))
                i = j
            else:
                i += 1
        return runs

    def _particles_then_name(self, j: int) -> bool:
        """``tok[j]`` opens one or two name particles followed by a name word ("von der Leyen")."""
        tok = self.tok
        k = j
        while k < tok.n and k - j < 2 and tok.lower[k] in _PARTICLES and tok.sent[k] == tok.sent[j]:
            k += 1
        return k > j and k < tok.n and tok.sent[k] == tok.sent[j] and self._name_token(k)

    def _name_token(self, i: int) -> bool:
        w = self.tok.text[i]
        if not w[:1].isupper():
            return False
        return (len(w) > 1 and not w.isupper() and w.replace("-", "").replace("’", "").replace("'", "").replace(".", "").isalpha()
                and self.tok.lower[i] not in _NOT_NAMES and self.tok.pos[i] in ("NNP", "NNPS", "NN", "JJ", "FW"))

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
        runs = self.name_runs(gaz_spans + [m.span() for m in role_matches])
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
        for i, low in enumerate(tok.lower):
            if low in ("he", "she"):
                cands.append(_Cand(tok.start[i], tok.end[i], "pron", {"i": i}))

        cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.kind != "role"))
        out: list[dict] = []
        taken: list[tuple[int, int]] = []
        last_end = -1
        for c in cands:
            if self.para_of(c.start) is None:
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
        if mod is not None and self.actors.get(mod.data["surface"].actor_id, Actor("", "", "place")).actor_type == "place":
            mod = None
        begin = mod.start if mod is not None else rs
        # a determiner before it
        before = text[max(0, begin - 12):begin]
        dm = re.search(r"(?:^|\s)(the|The|this|This|his|His|her|Her|their|Their|its|Its|a|A|an|An|another|Another)\s+$", before)
        det = dm.group(1).lower() if dm else None
        if dm:
            begin = begin - len(before) + dm.start(1)
        end = re_
        head_of = None
        # "head of the Russian Foreign Ministry", "Foreign Minister of Russia"
        after = re.match(r"\s+of\s+(?:the\s+)?", text[re_:re_ + 12])
        if after:
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
            if mod is None:
                return None
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
        if nm is not None and (head_of is None or head_fallback):
            i, j = nm
            data["name"] = (self.tok.start[i], self.tok.end[j - 1], i, j)
            return _Cand(self.tok.start[i], self.tok.end[j - 1], "role", data)
        if det is None and mod is None:
            return None
        return _Cand(begin, end, "role", data)

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, c: _Cand, out: list[dict], gaz_spans) -> list[dict]:
        gaz, text = self.gaz, self.text
        if c.kind == "gaz":
            s = c.data["surface"]
            actor = self.actors.get(s.actor_id)
            if actor is None:
                return []
            how = s.how
            if s.capital and (self._is_venue(c.start, c.end) or self._head_follows(c.end)):
                pid = slug(text[c.start:c.end])
                self.actors.setdefault(pid, Actor(pid, text[c.start:c.end], "place"))
                return [self.row(c.start, c.end, pid, "", "name")]
            if actor.actor_type == "person":
                self.note_person_actor(actor)
            start = c.start
            if how == "demonym" and text[c.end - 1] == "s" and text[max(0, c.start - 4):c.start] in ("the ", "The "):
                start = c.start - 4   # "the Americans": the people stand for the state
            return [self.row(start, c.end, actor.actor_id, s.role or actor.role, how)]
        if c.kind == "group":
            mod = c.data["mod"]
            aid = mod.data["surface"].actor_id
            return [self.row(c.start, c.end, aid, c.data["info"]["code"], "role")]
        if c.kind == "role":
            return self.resolve_role(c, out)
        if c.kind == "name":
            return self.resolve_name(c, out)
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
            gender = "female" if text[c.start:c.end].lower() == "she" else "male"
            pid = self.salient_person(out, c.start, gender=gender)
            if pid:
                if not self.persons[pid].gender:
                    self.persons[pid].gender = gender   # what a pronoun said holds for the rest
                return [self.row(c.start, c.end, pid, self.persons[pid].code, "pronoun", subject=True)]
            return []
        return []

    def _head_follows(self, end: int) -> bool:
        """A capital followed by a head noun names a place, not a state: "Vienna Central Station"."""
        m = re.match(r"(?:[ \t]+[A-Z][\w-]*){1,3}", self.text[end:end + 60])
        return bool(m) and any(w in self.gaz.name_heads and w not in _GOV_HEADS for w in m.group().split())

    def _is_venue(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 14):start].split()
        after = self.text[end:end + 3]
        if before and before[-1].lower() in _VENUE_WORDS:
            return True
        return after.startswith(",") and bool(self.gaz.regex.match(self.text, end + 2)) and \
            self.gaz.surfaces.get(self.gaz.regex.match(self.text, end + 2).group(), Surface("", "")).how == "name"

    def subject_like(self, start: int, end: int) -> bool:
        tok = self.tok
        j = bisect.bisect_left(tok.start, end)
        skipped = False
        while j < len(tok.pos) and tok.pos[j] in ("RB", ","):
            if tok.pos[j] == ",":
                # one parenthetical may stand between subject and verb:
                # "Yoon, who arrived on Thursday, said" / "Smith, a farmer, said"
                after = self._after_parenthetical(j) if not skipped else None
                if after is None:
                    return False
                j, skipped = after, True
                continue
            j += 1
        if j >= len(tok.pos) or not (tok.pos[j].startswith("VB") or tok.pos[j] == "MD"):
            return False
        i = bisect.bisect_left(tok.start, start) - 1
        return i < 0 or not (tok.pos[i].startswith("VB") or tok.pos[i] in ("IN", "TO")) or tok.lower[i] in ("that",)

    def _after_parenthetical(self, j: int, limit: int = 15) -> int | None:
        """Index after the comma that closes a ", who …," or ", a/the …," aside opened at ``j``."""
        tok = self.tok
        n = len(tok.pos)
        if j + 1 >= n or tok.lower[j + 1] not in ("who", "which", "whose", "a", "an", "the"):
            return None
        for k in range(j + 2, min(n, j + 2 + limit)):
            if tok.sent[k] != tok.sent[j] or tok.pos[k] == ".":
                return None
            if tok.pos[k] == ",":
                return k + 1
        return None

    def salient_person(self, out: list[dict], start: int, *, gender: str | None = None) -> str | None:
        """The person a pronoun refers to: the latest subject-like person mention in this or the
        previous paragraph, else the latest person; one known to be of the other gender is skipped."""
        para = self.para_of(start)
        best = None
        for row in reversed(out):
            if row["para_id"] < para - 1:
                break
            if row["actor_type"] != "person":
                continue
            p = self.persons.get(row["actor_id"])
            if gender and p is not None and p.gender and p.gender != gender:
                continue
            if row.get("_subject"):
                return row["actor_id"]
            if best is None:
                best = row["actor_id"]
        return best

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
        if pid is None:
            pid = slug(name)
            self.persons[pid] = _Person(pid, name)
            self.actors[pid] = Actor(pid, name, "person")
        p = self.persons[pid]
        if len(words) > len(p.name.split()):
            p.name = name
            self.actors[pid] = Actor(pid, name, "person", country=p.country)
        if role and role not in ("counterpart", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.") and not p.role:
            p.role = role
        if code and not p.code:
            p.code = code
        if country and not p.country:
            p.country = country
        if gender and not p.gender:
            p.gender = gender
        self.surnames.setdefault(words[-1], pid)
        for w in words[:-1]:
            if len(w) > 1 and w[0].isupper() and w.lower() not in _PARTICLES:
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
                return [self.row(c.start, c.end, mod_actor.actor_id, info["code"], "role")]
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
            return [self.row(c.start, c.end, mod_actor.actor_id, info["code"], "role")]
        return []

    def resolve_name(self, c: _Cand, out: list[dict]) -> list[dict]:
        tok = self.tok
        i, j = c.data["run"]
        name = self.text[c.start:c.end]
        words = name.split()
        known = (len(words) == 1 and name in self.surnames) or slug(name) in self.persons or (
            len(words) > 1 and words[-1] in self.surnames)
        if not known and len(words) <= 3 and i > 0 and tok.lower[i - 1] == "as" and j < len(tok.lemma) and \
                tok.lemma[j] in ("write", "report", "publish", "reveal") and tok.pos[j].startswith("VB"):
            # "as Le Figaro wrote": a news outlet in no list
            aid = slug(name)
            self.actors.setdefault(aid, Actor(aid, name, "media"))
            return [self.row(c.start, c.end, aid, "", "name")]
        if not known:
            # a person in no list: a speech verb right after (or before) the name, or "according to"
            if not (2 <= len(words) <= 4 or (len(words) == 1 and i > 0 and tok.lower[i - 1] not in ("the",))):
                return []
            nxt = j
            while nxt < len(tok.pos) and tok.pos[nxt] in ("RB",):
                nxt += 1
            after_verb = nxt < len(tok.pos) and tok.lemma[nxt] in self.gaz.speech_verbs and tok.pos[nxt].startswith("VB")
            prev = i - 1
            before_verb = prev >= 0 and tok.lemma[prev] in self.gaz.speech_verbs and tok.pos[prev] in ("VBD", "VBZ") and \
                tok.sent[prev] == tok.sent[i]
            according = i >= 2 and tok.lower[i - 2] == "according" and tok.lower[i - 1] == "to"
            appositive = j + 1 < len(tok.text) and tok.text[j] == "," and self._role_follows(tok.end[j])
            if not (after_verb or (before_verb and len(words) >= 2) or (according and len(words) >= 2) or appositive
                    or self.plain_person(i, j)):
                return []
            if len(words) == 1 and (not after_verb or words[0] in self.gaz.name_heads):
                return []   # "General Motors recalled": a lone head noun is no surname
        pid, how = self.person(name)
        return [self.row(c.start, c.end, pid, self.persons[pid].code, how, subject=self.subject_like(c.start, c.end))]

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
        m = re.match(r"\s+(?:the|a|an)?\s*(?:[A-Z][\w.-]*\s+)?", self.text[offset:offset + 40])
        if not m:
            return False
        rm = self.gaz.role_regex.match(self.text, offset + m.end())
        return bool(rm) and _role_info(self.gaz, rm.group())[0] == "person"

    def row(self, start: int, end: int, actor_id: str, role: str, how: str, subject: bool = False) -> dict:
        return {"para_id": self.para_of(start), "sent_id": self.sent_of(start), "start": start, "end": end,
                "actor_id": actor_id, "role": role or "", "how": how, "_subject": subject,
                "actor_type": self.actors[actor_id].actor_type if actor_id in self.actors else "person"}

    def table(self, rows: list[dict]) -> pd.DataFrame:
        # a person first seen by surname only takes the full name's id when it appears later
        full_by_surname: dict[str, str] = {}   # surname -> first person with a longer name ending in it
        for other in self.persons.values():
            words = other.name.split()
            if len(words) > 1:
                full_by_surname.setdefault(words[-1], other.pid)
        rename = {pid: full_by_surname[p.name] for pid, p in self.persons.items()
                  if len(p.name.split()) == 1 and p.name in full_by_surname}
        text = self.text
        data = {col: [] for col in MENTION_COLUMNS}
        for n, r in enumerate(rows, 1):
            aid = rename.get(r["actor_id"], r["actor_id"])
            actor = self.actors.get(aid)
            if aid in self.persons:
                name, atype = self.persons[aid].name, "person"
            else:
                name, atype = (actor.name, actor.actor_type) if actor else (aid, "org")
            data["mention_id"].append(n)
            data["para_id"].append(r["para_id"])
            data["sent_id"].append(r["sent_id"])
            data["start"].append(r["start"])
            data["end"].append(r["end"])
            data["text"].append(text[r["start"]:r["end"]])
            data["actor_id"].append(aid)
            data["actor"].append(name)
            data["actor_type"].append(atype)
            data["role"].append(r["role"])
            data["how"].append(r["how"])
        for col in ("mention_id", "para_id", "sent_id", "start", "end"):
            data[col] = np.asarray(data[col], dtype="int64")
        return frame_from_columns(MENTION_COLUMNS, [data[c] for c in MENTION_COLUMNS])


def _initials_match(initials: str, acronym: str) -> bool:
    """Letters of ``acronym`` appear in order among ``initials`` (first letters must agree)."""
    acr = acronym.upper()
    ini = initials.upper()
    if not ini or ini[0] != acr[0]:
        return False
    it = iter(ini)
    return all(ch in it for ch in acr) and len(acr) >= len(ini) - 2


# --------------------------------------------------------------------------------------------
# views


def mentions_in_span(doc, start: int, end: int, *, actor_types=None) -> pd.DataFrame:
    """The mentions lying inside the character span ``[start, end)`` of ``doc.text``.

    Args:
        doc: an annotated document.
        start, end: character offsets (``end`` exclusive).
        actor_types: keep only these actor types (e.g. ``("state", "igo")``).

    >>> import analysis
    >>> d = analysis.annotate("T\\n\\nMoscow and NATO met. Kabul waited.")
    >>> mentions_in_span(d, 0, 22)["actor_id"].tolist()
    ['RUS', 'NATO']
    """
    m = doc.mentions
    sel = m[(m["start"] >= start) & (m["end"] <= end)]
    if actor_types is not None:
        if isinstance(actor_types, str):
            actor_types = (actor_types,)
        bad = [t for t in actor_types if t not in ACTOR_TYPES]
        if bad:
            raise ValueError(f"unknown actor type(s) {bad}; allowed: {', '.join(ACTOR_TYPES)}")
        sel = sel[sel["actor_type"].isin(actor_types)]
    return sel.reset_index(drop=True)


def actor_table(doc, *, include_places: bool = False) -> pd.DataFrame:
    """One row per actor: ``actor_id, actor, actor_type, n_mentions, first_para`` (most mentioned first).

    >>> import analysis
    >>> actor_table(analysis.annotate("T\\n\\nNATO met. NATO left."))[["actor_id", "n_mentions"]].values.tolist()
    [['NATO', 2]]
    """
    m = doc.mentions
    if not include_places:
        m = m[m["actor_type"] != "place"]
    if m.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    g = m.groupby("actor_id", sort=False).agg(actor=("actor", "first"), actor_type=("actor_type", "first"),
                                                n_mentions=("mention_id", "size"), first_para=("para_id", "min"))
    g = g.reset_index().sort_values(["n_mentions", "first_para", "actor_id"], ascending=[False, True, True])
    return g[ACTOR_COLUMNS].reset_index(drop=True)


def actor_paragraph_matrix(doc, *, include_places: bool = False, top: int | None = None) -> pd.DataFrame:
    """Actors (rows, display names) × body paragraphs (columns 1..N): mention counts.

    >>> import analysis
    >>> actor_paragraph_matrix(analysis.annotate("T\\n\\nNATO met.\\n\\nNATO left.")).values.tolist()
    [[1, 1]]
    """
    m = doc.mentions
    if not include_places:
        m = m[m["actor_type"] != "place"]
    order = actor_table(doc, include_places=include_places)
    if top is not None:
        order = order.head(top)
    paras = doc.paragraphs["para_id"].tolist()
    mat = pd.crosstab(m["actor"], m["para_id"]).reindex(index=order["actor"].tolist(), columns=paras, fill_value=0)
    mat.index.name, mat.columns.name = "actor", "para_id"
    return mat.fillna(0).astype(int)


def top_actors(doc, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most mentioned actors of each type: ``actor_type, actor_id, actor, n_mentions``."""
    if n < 1:
        raise ValueError(f"n must be 1 or more, not {n}")
    t = actor_table(doc)
    return t.groupby("actor_type", sort=False).head(n)[["actor_type", "actor_id", "actor", "n_mentions"]].reset_index(drop=True)


def cooccurrence(doc, *, unit: str = "sentence", include_places: bool = False):
    """A networkx Graph of actors mentioned in the same sentence (or paragraph).

    Nodes carry ``actor``, ``actor_type`` and ``n_mentions``; edges carry ``weight``, the number
    of sentences (paragraphs) where both actors appear.

    >>> import analysis
    >>> g = cooccurrence(analysis.annotate("T\\n\\nNATO and Russia met. Russia left."))
    >>> g["NATO"]["RUS"]["weight"]
    1
    """
    import itertools

    import networkx as nx

    if unit not in ("sentence", "paragraph"):
        raise ValueError(f"unit must be 'sentence' or 'paragraph', not {unit!r}")
    m = doc.mentions
    if not include_places:
        m = m[m["actor_type"] != "place"]
    g = nx.Graph()
    for row in actor_table(doc, include_places=include_places).itertuples():
        g.add_node(row.actor_id, actor=row.actor, actor_type=row.actor_type, n_mentions=row.n_mentions)
    key = "sent_id" if unit == "sentence" else "para_id"
    for _, ids in m.groupby(key)["actor_id"]:
        for a, b in itertools.combinations(sorted(set(ids)), 2):
            w = g[a][b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
    return g


def who_said_what(doc) -> pd.DataFrame:
    """Each quotation with its speaker: ``speaker, speaker_id, para_id, cue, kind, text``."""
    q = doc.quotes
    return q[["speaker", "speaker_id", "para_id", "cue", "kind", "text"]].reset_index(drop=True)


class HighlightedText(str):
    """HTML that JupyterLab shows rendered (``_repr_html_``) and that is still a str."""

    def _repr_html_(self) -> str:
        return str(self)


def highlight(doc, *, include_places: bool = True) -> HighlightedText:
    """The article as HTML, every mention highlighted and coloured by actor type.

    Hovering a mention shows the actor, its id, role and how it was resolved. Display it in a
    notebook cell as it is, or write it to a file.

    >>> import analysis
    >>> "<mark" in highlight(analysis.annotate("T\\n\\nNATO met."))
    True
    """
    import html

    from .plots.style import KIND_COLORS

    m = doc.mentions
    if not include_places:
        m = m[m["actor_type"] != "place"]
    text = doc.text
    parts = ['<div class="analysis-mentions" style="font-family: Georgia, serif; line-height: 1.6; max-width: 48em">']
    legend = " ".join(f'<span style="background:{c}33; border-bottom: 3px solid {c}; padding: 0 4px">{t}</span>'
                      for t, c in KIND_COLORS.items() if t in ACTOR_TYPES)
    parts.append(f'<p style="font-family: sans-serif; font-size: 85%">{legend}</p>')
    if doc.title:
        parts.append(f"<h3>{html.escape(doc.title)}</h3>")
    rows = list(m.itertuples(index=False))
    k = 0
    for para in doc.paragraphs.itertuples(index=False):
        pos, chunk = para.start, []
        while k < len(rows) and rows[k].start < para.end:
            r = rows[k]
            color = KIND_COLORS.get(r.actor_type, KIND_COLORS["other"])
            tip = f"{r.actor} ({r.actor_id}) · {r.actor_type}{' · ' + r.role if r.role else ''} · {r.how}"
            chunk.append(html.escape(text[pos:r.start]))
            chunk.append(f'<mark title="{html.escape(tip)}" style="background:{color}33; border-bottom: 3px solid {color}; '
                         f'padding: 0 1px">{html.escape(text[r.start:r.end])}</mark>')
            pos = r.end
            k += 1
        chunk.append(html.escape(text[pos:para.end]))
        parts.append(f'<p><sup style="color:#888">{para.para_id}</sup> {"".join(chunk)}</p>')
    parts.append("</div>")
    return HighlightedText("\n".join(parts))


__all__ = ["Actor", "Gazetteer", "actor_paragraph_matrix", "actor_table", "add_gazetteer", "cooccurrence",
           "gazetteer", "highlight", "mentions", "mentions_in_span", "read_gazetteer_file", "reset_gazetteer",
           "top_actors", "who_said_what"]
