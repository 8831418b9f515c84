"""Names in no list: runs of capitalised words joined into names and typed from evidence.

A run of capitalised proper-noun tokens ("Nick Bos", "University of Helsinki", "Fort Lee", "NASA")
becomes a candidate name. Its type comes from evidence, weighed over every occurrence of the
same name in the article (one name, one type):

* strong: the last word ("… Agency", "… Street", "… Treaty"), the first word ("Fort …",
  "University of …"), the lists of cities and subdivisions (``cities.txt``, ``subdivisions.txt``),
  a description in apposition ("Acme, the company"; "Tulsa, a city");
* weaker: a given name first, a place preposition before ("in Tulsa"), a speech verb after
  ("Bos said"), a possessive with an office ("Acme's chief executive"), an acronym.

Where nothing says what the name is, it is typed ``other``, not guessed. The rules are data:
``analysis/data/actors/name_types.yml``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Actor, _read_data, slug
from .words import _NOT_NAMES

TYPES = ("person", "org", "party", "media", "place", "other")


@dataclass(frozen=True)
class NameRules:
    heads: dict            # word -> type of a name it ends
    first: dict            # word -> type of a name it opens
    of_names: dict         # word -> type of "word of X"
    connectors: frozenset
    describers: dict       # noun -> type
    place_preps: frozenset
    not_names: frozenset
    lone_not_names: frozenset
    places: frozenset      # cities and subdivisions
    subdivisions: frozenset   # states, provinces, regions, counties
    given_cities: frozenset   # cities whose name is a given name too (Charlotte, Austin)
    place_abbreviations: frozenset   # "Mich", "Calif"
    given_female: frozenset
    given_male: frozenset


def _lines(name: str) -> list[str]:
    try:
        text = _read_data(name)
    except FileNotFoundError:
        return []
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def rules() -> NameRules:
    import yaml

    data = yaml.safe_load(_read_data("name_types.yml"))

    def by_word(section: str) -> dict:
        out = {}
        for kind, words in data[section].items():
            for w in words:
                out.setdefault(str(w), kind)
        return out

    subdivisions = frozenset(_lines("subdivisions.txt"))
    places = frozenset(_lines("cities.txt")) | subdivisions
    female, male = set(), set()
    for ln in _lines("given_names_gender.txt"):
        name, _, g = ln.partition(",")
        (female if g == "f" else male).add(name)
    return NameRules(by_word("heads"), by_word("first"), by_word("of_names"), frozenset(data["connectors"]),
                     by_word("describers"), frozenset(data["place_preps"]), frozenset(map(str, data["not_names"])),
                     frozenset(map(str, data["lone_not_names"])),
                     places, subdivisions, frozenset(_lines("given_name_cities.txt")),
                     frozenset(data.get("place_abbreviations") or ()), frozenset(female - male), frozenset(male - female))


@lru_cache(maxsize=1)
def word_given_names() -> frozenset:
    """Given names that are English words too ("Will", "Rob", "Sue", "Grant"), read only inside a
    sentence before a surname that is no English word (``given_names_words.txt``)."""
    return frozenset(_lines("given_names_words.txt"))


def word_given_before_surname(tok, i: int, gaz, r) -> bool:
    """Is ``tok[i]`` a given name that is an English word ("Will", "Rob") written with a capital inside
    a sentence, right before a capitalised surname that is no English word, no place, no head word and
    in no list ("an injury to Will Tarrow"; not "Will Smith", "Grant Park", "Rose Garden")?"""
    w = tok.text[i]
    if w not in word_given_names() or i == 0 or i + 1 >= tok.n:
        return False
    if tok.sent[i - 1] != tok.sent[i] or tok.sent[i + 1] != tok.sent[i] or not (tok.text[i - 1][:1].isalnum() or tok.text[i - 1] == ",") or \
            tok.text[i - 1][:1].isupper() or tok.lower[i - 1] in _NOT_BEFORE_PERSON:
        return False   # the sentence's first word, after a capital, a quote or a determiner
    nxt = tok.text[i + 1]
    return bool(_NAME_WORD.fullmatch(nxt)) and not _INITIAL.fullmatch(nxt) and not _lexicon().get(nxt.lower()) and \
        nxt not in r.places and nxt not in r.heads and gaz.surfaces.get(nxt) is None and \
        not (i + 2 < tok.n and tok.sent[i + 2] == tok.sent[i] and tok.text[i + 2][:1].isupper() and
             tok.text[i + 2] not in ("Jr.", "Jr", "Sr."))


_CAMEL = re.compile(r"(?:[A-Z][a-z]+|[a-z]{1,4})(?:[A-Z][a-z]+)+[A-Z]{0,3}|[A-Z][a-z]+[A-Z]{2,3}")
_SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St|Fitz)[A-Z]")


def is_camel(word: str) -> bool:
    """``JetBlue``, ``ResearchGate``, ``wikiHow``, ``SiriusXM``: a brand written with a capital inside
    (not a surname with a prefix: McDonald, DeSantis, LaGuardia)."""
    return bool(_CAMEL.fullmatch(word)) and not _SURNAME_PREFIX.match(word)


def is_acronym(word: str) -> bool:
    """``NASA``, ``BBC``, ``UNHCR``, ``AT&T``: 2-6 capital letters, not a roman numeral."""
    core = word.replace("&", "")
    return 2 <= len(core) <= 6 and core.isupper() and core.isalpha() and not set(core) <= _ROMAN


_ROMAN = frozenset("IVXLCDM")


#: nouns before "at" / "from" that make a name after them a school's ("a professor at Tulsa")
_ACADEMIC_NOUNS = frozenset("""professor professors lecturer lecturers student students researcher researchers
research postdoctoral postdoc fellow fellows degree degrees doctorate phd ph.d. bachelor's master's alumnus
alumni alumna faculty scholar scholars dean economist economists scientist scientists""".split())
#: verbs an acronym of a body takes ("SNY has broadcast", "the SEP favors")
_AGENT_VERBS = frozenset("""announce launch broadcast rank favor favour decide approve reject sue hire fire fund
publish release deny confirm warn urge plan ban order accuse investigate support oppose endorse operate own
offer sell buy acquire sponsor host air""".split())
#: last words of companies' names that name no body standing alone ("I work in Mining")
_DESIGNATORS_NOT_ALONE = frozenset("""Transit Tours Cruises Rail Railways Telecom Telecommunications Communications
Brands Foods Insurance Investments Securities Ventures Solutions Software Pharma Therapeutics Biosciences Biotech
Logistics Bancorp Financial Realty Properties Petroleum Electric Steel Mining Chemicals Enterprises Associates
Consulting Outfitters Lines Media Broadcasting Sports""".split())
#: describers of bodies that stand before other names too ("the site Machu Picchu", "the service Hulu")
_NOT_BEFORE_NAMES = frozenset({"site", "service", "church", "school", "college", "university", "council",
                               "department", "ministry", "agency's", "board"})
#: nouns after a name that make it a pollster's ("a Zogby poll")
_POLL_NOUNS = frozenset({"poll", "survey", "polling"})
#: plural nouns before "such as", "like", "including" that make the names after them bodies
_BODY_NOUNS = {w: "org" for w in """companies firms corporations businesses brands retailers chains stores airlines
carriers banks lenders insurers publishers organizations organisations charities agencies institutions
universities colleges teams clubs bands labels studios manufacturers makers automakers carmakers startups
unions giants employers vendors providers groups""".split()}
_BODY_NOUNS.update({w: "media" for w in "outlets newspapers papers magazines networks broadcasters channels".split()})
#: nouns before "of" that make the name after it a body's ("the founder of Acme", "a member of X")
_MEMBER_NOUNS = frozenset("""founder founders co-founder cofounder member members employee employees staff
shareholder shareholders subsidiary division unit spokesman spokeswoman spokesperson ceo chairman
chairwoman cfo owner owners""".split())

#: nouns a person's possessive goes with ("Einstein's theory", "Warhol's paintings")
_PERSONAL_NOUNS = frozenset("""work works life death birth career theory theories idea ideas view views
concept paper papers book books novel novels paintings painting poem poems music song songs film films
wife husband son daughter father mother brother sister family children friend friends mind hands face
argument approach study studies research essay letter letters words speech memoir legacy father's
students student colleagues colleague portrait biography use art artworks estate lawyer lawyers
administration presidency campaign""".split())
#: "X and colleagues": a person and the people who work with them
_COLLEAGUES = frozenset("colleagues co-workers coworkers collaborators co-authors coauthors team students".split())
#: nouns after a name that make it a language's ("the Tarvi language", "Tarvi speakers")
_LANGUAGE_NOUNS = frozenset("language languages speakers speaker speaking dialect dialects orthography".split())
#: nouns after a bare surname that make it a person's ("the Trump administration", "the Obama era")
_PERSON_ATTRIBUTIVE = frozenset("administration presidency campaign era years family estate".split())

#: verbs whose subject is a person ("born" after "was"; the lemma of the tagged verb)
_HUMAN_VERBS = frozenset("""bear born die marry graduate retire study teach believe think feel want hope
decide resign recall remember learn travel live grow spend earn receive attend join serve
write compose paint sing play thank apologize apologise laugh smile joke quip testify campaign shrug weep""".split())
#: a given name and a surname in a headline ("… Ilsa Ridge, candidate")
_TITLE_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])(?!\s+[A-Z][a-z])")
#: an Arabic article or "bin" joined by a hyphen to the name word after it ("al-Assad", "el-Sisi")
_HYPHEN_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu)-[A-Z][a-zà-ÿ’']+")
#: endings of plurals and abstract nouns ("Superdelegates", "Ethnocentrism", "Enjambment"), no one's name
_NOUN_ENDINGS = ("s", "ism", "ment", "ness", "tion", "sion", "ity", "ance", "ence", "ing", "ology", "ship", "hood")
#: Arabic words that open the names of groups and places, not of people ("Ansar al-Sharia", "Ras al-Khaimah")
_ARABIC_NOT_PERSON_FIRST = frozenset("""Ansar Jabhat Jaish Harakat Hizb Tahrir Kataib Liwa Saraya Majlis Jamaat
Dar Bab Ras Wadi Jebel Jabal Sharm Tell Bir Ain Deir Kafr Beit Umm Khan Souk Qasr Madinat""".split())
#: an age in apposition after a name ("Tova Lind, 45,")
_AGE = re.compile(r"[1-9]\d?|1[01]\d")
#: heads of places' names that are common English surnames too ("Fiona Hill", "Tom Ridge", "Tiger Woods")
_SURNAME_HEADS = frozenset("Hill Hills Hall Park Lake Lane Marsh Ridge Street Temple Woods Castle Bridge Chapel Forest".split())
#: verbs whose object is a person ("appointed X", "married X"), or its subject in the passive ("X was elected")
_HUMAN_OBJECT_VERBS = frozenset("""appoint nominate hire fire sack marry wed interview elect knight crown depose
assassinate behead impeach""".split())

_NAME_WORD = re.compile(r"(?:[DO]['’])?[A-Z][a-zà-öø-ÿāăąćčďēėęěğīıķłńňōőřśşšţťūůűźżž]+(?:[-'’][A-Z]?[a-zà-öø-ÿ]+)?|[A-Z]\.")
_INITIAL = re.compile(r"[A-Z]\.")
_INITIAL_OR_ABBR = re.compile(r"(?!St\.|Mt\.|Ft\.|Pt\.|No\.)[A-Z][a-z]?\.")   # "J.", "Ed." (not "St. Lucie", "No. 1")
_PLACE_WORD = re.compile(r"[a-z](?:ia|land|burg|bourg|berg|ville|stan|shire|ford|field|mouth|polis|grad|abad|pur|pore|sk)$")
#: first words of a part of a place ("West Oakland") and of place names in other languages ("Grande Terre")
_AREA_FIRST = frozenset("""North South East West Northern Southern Eastern Western Upper Lower Old New Greater
Central Inner Outer Downtown Uptown Midtown""".split())
_PLACE_FIRST = frozenset("""Grande Petite Basse Haute Anse Pointe Cap Île Isla Ile Sainte Ste Nueva Nuevo Villa
Les Las Los Ciudad Puerto Plac Rue Via Calle Praça Piazza Place Plaza Meidan Maydan""".split())
_YEAR = re.compile(r"1[5-9]\d\d[a-z]?|20\d\d[a-z]?")
#: the plural of a people or a faith's followers ("Texans", "Huguenots", "Buddhists", "Jews")
_PEOPLE_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ]+(?:ans|ites|enes|ists|ots|anos|inos)|Jews|Hindus|Sikhs|Maori|Inuit|Arabs|Turks|Kurds|Moors|Slavs|Celts|Gauls|Huns|Franks|Goths|Saxons|Normans|Aztecs|Incas|Mayans|Olmecs)$")
_PLURAL_WORD = re.compile(r"[A-Z][a-z]+s")   # "Astros", "Rays"
#: a regnal or generational number that ends a personal name ("Elizabeth II", "Louis XIV", "Oren Dalby III")
_REGNAL = frozenset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII".split())
_PLAIN_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")   # a year in a citation
#: first words of place and work names in other languages, never a given name
_FOREIGN_FIRST = frozenset("""La Le Les L El Los Las Il Lo Gli Di De Du Des Der Die Das Den Het Grande Grand Gran
Basse Bas Haute Haut Petite Petit Sainte Saint Ste St Anse Pointe Cap Île Isla Ile Villa Nueva Nuevo Nova
Novo Bad Alt Neu""".split())
#: words before a run that make a personal name unlikely ("the Vrije Universiteit", "of Academia Sinica")
_NOT_BEFORE_PERSON = frozenset("the a an this that these those his her its their our my your of".split())


@lru_cache(maxsize=1)
def _lexicon():
    """TextBlob's English lexicon (word -> tag), already loaded by the tagger of the tokens layer."""
    from textblob.en import lexicon

    return lexicon


# verbs of a school's pupils and a team's players, before "at", "for", "from" … and the name
_INSTITUTION_VERBS = frozenset({"educate", "enrol", "enroll", "matriculate", "graduate", "debut", "draft",
                                "trade", "sign", "attend", "study"})

# words after a name that only a company takes ("Vexa shareholders", "Vexa CEO Ann Lo")
_FIRM_AFTER = frozenset({"employees", "shareholders", "headquarters", "shares", "stock", "subsidiary", "executives",
                         "subscribers", "stores", "CEO", "CFO", "COO"})

_FIRM_POSSESSED = frozenset({"shareholders", "employees", "headquarters", "shares", "stock", "board", "staff"})

# words around a city's name that a person's name does not take ("downtown Atlanta", "the Austin area")
_CITY_BEFORE = frozenset({"downtown", "metropolitan", "metro", "greater", "suburban", "uptown"})
_CITY_AFTER = frozenset({"suburb", "suburbs", "area", "metro", "region", "neighborhood", "neighbourhood", "skyline",
                         "airport", "resident", "residents", "streets", "outskirts", "city"})

_ADJECTIVE_ENDINGS = ("an", "ian", "ish", "ese", "ic", "ical", "ern", "ist", "ean", "ous", "ive", "al")


def kind_of_words(words: list[str]) -> str | None:
    """The kind a name's own words say ("… Agency" org, "Fort …" place, "Battle of …" other), or None."""
    r = rules()
    name = " ".join(words)
    if len(words) >= 3 and words[1] in ("of", "for") and words[0] in r.of_names:
        return r.of_names[words[0]]
    for k in range(1, len(words) - 1):   # "Massachusetts Institute of Technology", "Hebrew University of …"
        if words[k + 1] in ("of", "for") and words[k] in r.of_names and r.of_names[words[k]] != "other":
            return r.of_names[words[k]]
        if words[k + 1] in ("of", "for", "on") and r.heads.get(words[k]) in ("org", "media", "party"):
            return r.heads[words[k]]   # "House Select Committee on Benghazi", "Council on Foreign Relations"
    head = words[-1]
    if head == "Star" and " ".join(words[:-1]) not in r.places and " ".join(words[:-1]) not in r.given_cities:
        return None   # "the Marion Star", "the Toronto Star": a town's paper ("Guest Star" is none)
    if len(words) > 1 and head in r.heads:
        return r.heads[head]
    if len(words) > 1 and words[0] in r.first:
        return r.first[words[0]]
    if len(words) > 1 and _PLURAL_WORD.fullmatch(head) and not head.endswith("ss") and \
            (" ".join(words[:-1]) in r.places or words[0] in r.places or " ".join(words[:-1]) in r.given_cities):
        return "org"   # "Houston Astros", "Tampa Bay Rays": a city's team
    if name in r.places or name in r.place_abbreviations:
        return "place"
    if len(words) == 2 and head == "State" and words[0] not in r.places and words[0][:1].isupper():
        return "org"   # "Penn State", "Kent State": a college ("Washington State" is the state)
    if len(words) >= 2 and words[0] in _AREA_FIRST and " ".join(words[1:]) in r.places:
        return "place"   # "West Oakland", "Upper Manhattan", "Greater Tulsa": a part of a place
    if len(words) == 1 and head in r.heads and r.heads[head] in ("party",):
        return "party"
    return None


class _Votes(dict):
    """One occurrence's votes: a dict that reads 0 for a kind it does not hold (as a Counter does,
    without a Counter's cost to make)."""

    def __missing__(self, key):
        return 0


class NameTyper:
    """Evidence for every candidate name of one document, pooled by name."""

    def __init__(self, res):
        self.res = res
        self.tok = res.tok
        self.text = res.text
        self.gaz = res.gaz
        self.rules = rules()
        self.votes: dict[str, Counter] = {}
        self.decided: dict[str, str] = {}
        self._strong: dict[tuple[int, int], str | None] = {}
        self._strong_by_words: dict[tuple[str, ...], str | None] = {}

    # -- runs ----------------------------------------------------------------------------
    def merge_runs(self, runs: list[tuple[int, int]], gaz_tokens: dict[int, int]) -> list[tuple[int, int]]:
        """Join runs over connectors when the left part opens or ends a longer name:
        "University" + "of" + "Helsinki", "Centre for Social Evolution", "Bank of" + gazetteer "England"."""
        tok, r = self.tok, self.rules
        starts = {i: j for i, j in runs}
        out = []
        used = set()
        for i, j in runs:
            if i in used:
                continue
            used.add(i)
            while True:
                k = j
                conn = []
                while k < tok.n and tok.sent[k] == tok.sent[i] and tok.lower[k] in r.connectors and len(conn) < 2:
                    conn.append(tok.lower[k])
                    k += 1
                if not conn or k >= tok.n or tok.sent[k] != tok.sent[i]:
                    break
                left_words = [tok.text[x] for x in range(i, j)]
                joins = (conn[0] in ("of", "for", "on", "&", "and") and
                         (left_words[0] in r.of_names or left_words[-1] in r.of_names or
                          (conn[0] != "of" and r.heads.get(left_words[-1]) in ("org", "party"))))
                if conn[0] in ("and", "&") and not (conn[0] == "&" or left_words[-1] in r.of_names):
                    joins = False
                if not joins:
                    break
                if conn[0] == "and" and k in starts and tok.text[starts[k] - 1] in r.heads and \
                        starts[k] - k >= 2 and left_words[-1] in r.heads:
                    break   # "the British Library and Columbia University": two names, each with its head
                if k in starts and k not in used:
                    used.add(k)
                    j = starts[k]
                elif k in gaz_tokens:
                    j = gaz_tokens[k]
                else:
                    break
            out.append((i, j))
        return out

    # -- evidence ------------------------------------------------------------------------
    def strong_kind(self, i: int, j: int) -> str | None:
        """The kind the words of the run say on their own, or None."""
        cache = self._strong   # the tokens do not change: once per run
        key = (i, j)
        if key in cache:
            return cache[key]
        words = self.tok.text[i:j]
        by_words = self._strong_by_words   # and once per name: the kind depends on the words alone
        wkey = tuple(words)
        if wkey in by_words:
            kind = by_words[wkey]
        else:
            kind = by_words[wkey] = kind_of_words(words)
        cache[key] = kind
        return kind

    def evidence(self, i: int, j: int) -> "_Votes":
        """Votes for each kind from one occurrence of the run ``tok[i:j]``."""
        tok, r = self.tok, self.rules
        text, lower, pos, lemma, sent, n = tok.text, tok.lower, tok.pos, tok.lemma, tok.sent, tok.n
        si = sent[i]
        given = self.gaz.given_names
        v = _Votes()
        words = text[i:j]
        nw = len(words)
        same_next = j < n and sent[j] == si   # the next token, the one before, in the same sentence
        same_prev = i > 0 and sent[i - 1] == si
        kind = self.strong_kind(i, j)   # counted once per name, in collect()
        if nw == 1 and not kind and same_next and \
                pos[j] in ("NN", "NNS") and text[j].islower() and _lexicon().get(words[0].lower()) == "JJ":
            return v   # "Democratic leaders", "Interim report": an adjective before its noun names no one
        # a lone name found only in the list of the world's towns ("Obama", "Paris" of Texas): what
        # follows it may still show a person, and a speech verb outweighs the list
        town = kind == "place" and nw == 1 and words[0] in r.places and words[0] not in r.heads and \
            words[0] not in r.subdivisions   # ("Ohio boasted one staffer": a state stays a place)
        # "Mary", "Kerry", "Isabel": a given name and a province's name; what follows it may show a person
        given_place = kind == "place" and nw == 1 and words[0] in given and \
            words[0] in r.subdivisions and words[0] not in r.heads and \
            not (same_prev and lower[i - 1] in (",", "and", "or", "&"))
        #   ("Alabama, Georgia and Virginia said": a list of places)
        # "Fiona Hill", "Rosa Park": a given name and a place's head word may be a person; what stands
        # around it may show one, as for a town's name ("Fiona Hill testified that she …")
        given_head = kind == "place" and self._given_and_head(words) and \
            not (same_prev and lower[i - 1] in r.place_preps) and \
            not (same_next and text[j][:1].isupper())   # ("Asbury Park Press")
        town = town or given_place or given_head
        if nw == 1 and words[0] in r.heads and not kind and words[0] not in _DESIGNATORS_NOT_ALONE and \
                not (i > 0 and lower[i - 1] in ("my", "your") and sent[i - 1] == si):
            v[r.heads[words[0]]] += 1   # "Motors", "Senate": a head word standing alone ("my Lords" is an address)
        elif words == ["House"] and not kind:
            v["org"] += 1   # "the House voted", "House races": a chamber ("White House", "Opera House" are longer)
        acronym = nw == 1 and is_acronym(words[0])
        if acronym:
            v["_acronym"] = 0.5   # most acronyms in the news are organisations; alone, not enough (counted once)
        if nw == 1 and is_camel(words[0]) and not kind and not words[0].endswith("ers") and \
                re.match(r"[A-Z]?[a-z]+", words[0]).group() not in given:   # "@JaneDoe": a handle
            v["org"] += 1   # "JetBlue", "ResearchGate": a company's or a website's name
        glued = (same_next and text[j][:1].isupper() and text[j].isalpha()
                 and not self._title_follows(j)) or \
            (same_prev and text[i - 1][:1].isupper() and text[i - 1].isalpha()
             and not self.res._sentence_initial(i - 1) and not self._adjective(text[i - 1]) if i > 0 else False)
        first_given = words[0] in given or (words[0].isupper() and words[0].title() in given) or \
            ("-" in words[0] and words[0].split("-")[0] in given) or \
            (nw == 2 and word_given_before_surname(tok, i, self.gaz, r))   # "Jean-Louis"; "Will Tarrow"
        if 2 <= nw <= 4 and first_given and (not kind or given_head and not self._speaks_after(j)) and not glued:
            v["person"] += 2
        elif nw == 2 and first_given and kind == "place" and r.heads.get(words[-1]) == "place" and \
                not glued and words[0] not in r.places and self._speaks_after(j):
            v["person"] += 4   # "Marla Street, for example, argues": a surname that is a street's head word
        if nw == 1 and words[0] in given and not kind and not glued:
            v["person"] += 1.5
            if words[0] in r.given_cities:
                v["place"] += 1.5   # "Charlotte", "Austin": a city's name too; "in Charlotte" tips it
                if i > 0 and lower[i - 1] in _CITY_BEFORE or j < n and lower[j] in _CITY_AFTER:
                    v["place"] += 1   # "downtown Atlanta", "the Atlanta suburb": the city
        if 2 <= nw <= 5 and not kind and not glued and _INITIAL_OR_ABBR.fullmatch(words[0]) and \
                self.initials_then_surname(words):
            v["person"] += 2   # "D. F. Costello", "W. W. Rouse Ball": initials before a surname
        if 2 <= nw <= 4 and not kind and not glued and _HYPHEN_PARTICLE.fullmatch(words[-1]) and \
                " ".join(words) not in r.places and all(_NAME_WORD.fullmatch(w) for w in words[:-1]) and \
                words[0] not in _ARABIC_NOT_PERSON_FIRST:
            v["person"] += 1.5   # "Abdel Fattah el-Sisi", "Abu Bakr al-Baghdadi": an Arabic surname's article
            v["_shape"] += 1
        if 2 <= nw <= 3 and not kind and not glued and words[0] not in given and \
                self.person_shaped(i, j, words):
            v["person"] += 1   # "Orson Welles", "Deng Xiaoping": the shape of a personal name, weakly
            v["_shape"] += 1
        # "Kessler and colleagues", "Bos and his co-workers": a researcher and a team
        if j + 1 < n and lower[j] == "and" and not kind and not acronym and \
                (lower[j + 1] in _COLLEAGUES or j + 2 < n and lower[j + 1] in ("his", "her") and
                 lower[j + 2] in _COLLEAGUES):
            v["person"] += 2
        # a citation: "Nida (1964)", "Nida 1964", "Nida et al.", "Okafor [7]"
        if j + 1 < n and text[j] == "[" and text[j + 1].isdigit() and not acronym:
            v["person"] += 2
        lex = _lexicon()
        plain = not kind and words[0] not in r.not_names and words[0] not in r.lone_not_names
        if not acronym and plain and all(lex.get(w.lower()) is None or len(w) <= 6 for w in words) and \
                self.in_citation(i, j):
            v["person"] += 4   # "(Lewis, Simons, & Fennig, 2014)", "Palmeri and Gazio (1995)": more than a city's name
        elif not acronym and nw <= 3 and (not kind or " ".join(words) in r.places) and words[0] not in r.not_names and \
                self.author_year(i, j):
            v["person"] += 4   # "(Miller & Reading, 2010)", "Fox and Wells 2017": an author, though a city or a word
        if 2 <= nw <= 4 and not kind and words[0] in _PLACE_FIRST:
            v["place"] += 1   # "Grande Terre", "Anse Bertrand", "Les Saintes": opened as places are
        if nw == 1 and plain and not glued and _PLACE_WORD.search(words[0]) and \
                words[0] not in given and not lex.get(words[0].lower()) and \
                not (j < n and text[j].isalpha() and text[j].islower() and not lex.get(text[j])):
            v["place"] += 1   # "Moravia", "Strassburg", "Hyderabad", "Lancashire": a place's ending ("Beauveria
            #                   bassiana" is a genus and its species)
        if not acronym and plain and self.in_case_name(i, j):
            v["person"] += 2   # "Lynch v. Overholser", "Moran and Pyle": the parties to a case
        if nw == 1 and plain and not glued and _PEOPLE_WORD.search(words[0]) and \
                not self.gaz.surfaces.get(words[0]) and not lex.get(words[0].lower()) and \
                not self.res._sentence_initial(i):
            v["person"] += 1.5   # "Texans", "Huguenots", "Buddhists": a people, a faith's followers
            v["_people"] += 1
        if same_next:
            nx = text[j]
            nx2 = text[j + 1] if j + 1 < n else ""
            if (nx == "(" and _PLAIN_YEAR.fullmatch(nx2)) or _PLAIN_YEAR.fullmatch(nx) and i > 0 \
                    and text[i - 1] == "(" or (nx == "et" and nx2.startswith("al")):
                if not kind:   # "Pittsburgh Pirates (2012)": a team's years, not a citation
                    v["person"] += 2
        prev = i - 1
        if same_prev:
            low = lower[prev]
            if low in r.place_preps:
                v["place"] += 0.5 if low in ("at", "to", "between", "through") else 1
            elif low in ("the",) and nw == 1 and not acronym and words[0] not in r.lone_not_names and \
                    not (j < n and pos[j] in ("NN", "NNS") and text[j].islower() and not words[0].endswith("s")):
                if prev > 0 and lower[prev - 1] in ("in", "to", "from", "near", "across", "around", "throughout") and \
                        sent[prev - 1] == si and not (j < n and text[j][:1].isdigit()):
                    v["place"] += 0.5   # "to the Chathams", "in the Bronx": a place more often than a body
                else:
                    v["org"] += 0.5   # "the Hohokam culture", "the Tarvi language": a modifier, no body ("the Mets game" is one)
        if same_prev and lemma[prev] in _HUMAN_OBJECT_VERBS and \
                pos[prev].startswith("VB") and (not kind or town) and not acronym and nw <= 3 and \
                not (j < n and self._title_follows(j)) and words[0].lower() not in self.gaz.person_roles:
            v["person"] += 3.5 if town else 1   # "the council appointed X", "she married X": whom one appoints
            #                                     or marries (a town is not appointed)
        if same_next and text[j] in _LANGUAGE_NOUNS and not kind:
            v["other"] += 3   # "the Tarvi language", "Tarvi speakers": a language, nobody's name
        nxt = j
        while nxt < n and pos[nxt] == "RB":
            nxt += 1
        if nxt < n and lower[nxt] in _PERSON_ATTRIBUTIVE and nw <= 2 and not acronym and not kind:
            v["person"] += 1
        # what people do: "X was born", "X died", "X received his degree"
        if nxt < n and sent[nxt] == si and (not kind or town) and not acronym:
            k = nxt
            if lower[k] in ("was", "is", "had", "has") and k + 1 < n:
                k += 1
            if lemma[k] in _HUMAN_VERBS and pos[k].startswith("VB"):
                v["person"] += 1
            elif k > nxt and lower[nxt] == "was" and pos[k] == "VBN" and lemma[k] in _HUMAN_OBJECT_VERBS:
                v["person"] += 1   # "X was appointed", "X was elected"
            after_prep = same_prev and (lower[i - 1] in r.place_preps or
                                                                      lower[i - 1] == "of") or \
                (j < n and pos[j] in ("NN", "NNS") and text[j].islower())   # "the Scottish soldier … his"
            for k in range(j, min(n, j + 8)):
                if sent[k] != si or after_prep:   # "to Gaul, where he settled": no person
                    break
                if (given_place or given_head) and text[k][:1].isupper():
                    break   # "Virginia Sen. Tim Kaine … her": another name stands between
                if lower[k] in ("his", "her", "himself", "herself", "he", "she"):
                    v["person"] += 1.5 if given_place else 1   # "Mary … her novel": more than the province
                    break
        if i > 0 and j < n and lower[i - 1] == "the" and text[j] == "administration" and \
                (not kind or town) and not acronym:
            v["person"] += 3.5 if town else 1   # "the Obama administration": a president's
        if 2 <= nw <= 4 and not kind and (words[-1] in ("Jr.", "Jr", "Sr.") or words[-1] in _REGNAL and (
                words[0] in given or not any(_lexicon().get(w.lower()) for w in words[:-1]))):
            v["person"] += 2   # "Oren Dalby III", "Tam Rusk Jr.", "Elizabeth II" (not "World War II")
        if same_next and not kind and \
                (text[j] in _FIRM_AFTER or i > 0 and lower[i - 1] in ("a", "an") and
                 lower[j] in ("spokesman", "spokeswoman", "spokesperson")):
            v["org"] += 1   # "Quantcast shareholders", "Vexa CEO", "a Zorbit spokesman": a company
        if j + 1 < n and text[j] == "," and lower[j + 1] in ("who", "whom") and (not kind or town) and \
                not acronym and self.gaz.surfaces.get(" ".join(words)) is None:
            v["person"] += 1   # "Varko, who is running": "who" is said of people
        # "said Maren Day, director …", "according to Obama.": a speaker named after the verb
        if same_prev and pos[i - 1] in ("VBD", "VBZ") and \
                lemma[i - 1] in self.gaz.speech_verbs and not acronym and nw <= 3 and \
                (j >= n or sent[j] != si or text[j] in (",", ".", ";")) and \
                (not kind or town or kind == "other" and 2 <= nw and first_given):
            v["person"] += 4 if kind else 1
        if town and nxt < n and sent[nxt] == si and lemma[nxt] in self.gaz.speech_verbs and \
                pos[nxt].startswith("VB") and \
                not (same_prev and lower[i - 1] in r.place_preps):
            v["person"] += 3.5   # "Obama stated", "Obama told reporters": a town's name does not speak
        if i > 1 and sent[i - 1] == si and lemma[i - 1] == "attend" and not acronym or \
                i > 1 and sent[i - 2] == si and lower[i - 1] in ("at", "for", "from", "with", "by", "to") \
                and lemma[i - 2] in _INSTITUTION_VERBS and pos[i - 2].startswith("VB") and not acronym:
            if kind in (None, "place") and nw <= 2:
                v["org"] += 4 if kind == "place" else 2   # "educated at Harrow", "debuted for Boston": a school, a team
        elif i > 1 and sent[i - 2] == si and lower[i - 1] in ("at", "from") and \
                lower[i - 2] in _ACADEMIC_NOUNS and kind in (None, "place") and nw <= 2 and not acronym:
            v["org"] += 4 if kind == "place" else 2   # "a professor at Tulsa", "research at Helsinki": a university
        if not kind and nw <= 3:
            self._body_evidence(i, j, words, acronym, first_given, v)
        if nxt < n and sent[nxt] == si:
            if lemma[nxt] in self.gaz.speech_verbs and pos[nxt].startswith("VB") and not kind and \
                    not (nw == 1 and words[0] in r.heads) and \
                    not (same_prev and lower[i - 1] in ("in", "from", "at", "near")):
                # ("police in Tulsa said": the speaker stands before the place)
                v["org" if acronym else "person"] += 1
            if text[nxt] in ("’s", "'s") and nxt + 1 < n:
                following = lower[nxt + 1]
                if pos[nxt + 1] == "JJ" and nxt + 2 < n and lower[nxt + 2] in _FIRM_POSSESSED:
                    following = lower[nxt + 2]   # "Vellagran's current shareholders"
                if following in ("chief", "ceo", "chairman", "board", "shares", "shareholders", "headquarters",
                                 "employees", "staff", "founder", "president", "spokesman", "spokeswoman"):
                    v["org"] += 1
                elif following in _PERSONAL_NOUNS and not acronym:
                    v["person"] += 1   # "Warhol's work", "Nida's theory"
                elif nw == 1 and not kind and not acronym and not glued and \
                        (text[nxt + 1][:1].isupper() or pos[nxt + 1] in ("NNS", "NN", "(")) and \
                        not _lexicon().get(words[0].lower()):
                    v["person"] += 1   # "Piaget's stages", "Shaw's Pygmalion": a person's, more often than not
        # apposition: "X, the company" / "X, a city in ..." / "the city of X"
        if j + 2 < n and text[j] == "," and lower[j + 1] in ("the", "a", "an"):
            for k in range(j + 2, min(n, j + 5)):
                d = r.describers.get(lower[k]) or \
                    ("person" if lower[k] in self.gaz.person_roles and sent[k] == si and
                     (k + 1 >= n or lower[k + 1] != "of" and not pos[k + 1].startswith("NN"))
                     else None)   # "X, a veteran adviser" (not "X, an activist group")
                if d:
                    v[d] += 2
                    v["_appos"] = 1   # a word that opens the sentence is a name all the same ("Acme, the startup, said")
                    break
                if not pos[k].startswith(("JJ", "NN")):
                    break
        if j + 2 < n and text[j] == "," and _AGE.fullmatch(text[j + 1]) and sent[j + 1] == si and \
                text[j + 2] in (",", ")") and not acronym and (not kind or town):
            v["person"] += 2   # "Tova Lind, 45, a teacher": an age in apposition
        if i >= 3 and lower[i - 1] == "of" and lower[i - 3] in ("the",):
            d = r.describers.get(lower[i - 2])
            if d == "place":
                v["place"] += 2
        return v

    def _body_evidence(self, i: int, j: int, words: list[str], acronym: bool, first_given: bool, v) -> None:
        """Where organisations stand, for a name whose words say nothing: "according to Quantcast",
        "a Zogby poll", "NASA's budget", "companies such as Zorvik", "the founder of Acme",
        "she worked for Zorbit", "he joined the Wardens"."""
        tok = self.tok
        same = tok.sent
        text, lower, pos, lemma, ntok = tok.text, tok.lower, tok.pos, tok.lemma, tok.n
        si = same[i]
        kind = self.rules.heads.get(words[-1])
        body = kind if kind in ("media", "party") else "org"   # "The Post sent its reporter": a news outlet
        if i > 0 and same[i - 1] == si and text[i - 1].islower() and not first_given and \
                (self.rules.describers.get(lower[i - 1]) in ("org", "media") and lower[i - 1] not in _NOT_BEFORE_NAMES
                 or lower[i - 1].endswith("maker")):
            v[body] += 2   # "the band Spoken Motion", "the startup Theranos", "drugmaker Allergan"
        if i >= 2 and lower[i - 1] == "to" and lower[i - 2] == "according" and not first_given and \
                (acronym or len(words) == 1 or _lexicon().get(words[-1].lower())):
            v[body] += 1   # "according to Quantcast": a body, unless the name looks personal
        if j < ntok and same[j] == si:
            nx = lower[j]
            if acronym and (lemma[j] in _AGENT_VERBS and pos[j] in ("VBZ", "VBD", "VBP") or
                            nx in ("has", "have", "had", "will", "would") and j + 1 < ntok and
                            lemma[j + 1] in _AGENT_VERBS):
                v[body] += 0.5   # "SNY has broadcast", "the SEP favors": an acronym that acts
            if (nx in _POLL_NOUNS or nx == "/" and j + 2 < ntok and text[j + 1][:1].isupper() and
                    lower[j + 2] in _POLL_NOUNS) and not first_given:
                v[body] += 1   # "a Zogby poll", "the Marist survey", "the Acme/Zogby poll": a pollster
            elif acronym and text[j] in ("’s", "'s"):
                v[body] += 0.5   # "NASA's budget": an acronym's possessive is a body's, more often than not
        # "companies such as A, B and C", "outlets like X", "firms including X"
        k, steps = i - 1, 0
        while k >= 0 and same[k] == si and steps < 12 and \
                (text[k] in (",", "&") or lower[k] in ("and", "or") or text[k][:1].isupper() and
                 lower[k] not in ("like", "including")):
            k -= 1
            steps += 1
        if k >= 1 and same[k] == si and (lower[k] in ("like", "including") or
                                              lower[k] == "as" and lower[k - 1] == "such"):
            n = k - 1 if lower[k] != "as" else k - 2
            if n >= 0 and text[n] == ",":
                n -= 1
            if n >= 0 and same[n] == si and lower[n] in _BODY_NOUNS and not first_given:
                v[_BODY_NOUNS[lower[n]]] += 1.5
        if j + 3 < ntok and text[j] == "," and pos[j + 1] == "IN" and lower[j + 2] == "its" and \
                same[j + 2] == si and not first_given:
            v[body] += 1   # "The Quartet, in its statement, …": a body's aside
        if j < ntok and same[j] == si and pos[j] in ("VBZ", "VBD", "MD") and not first_given and \
                not (i > 0 and same[i - 1] == si and lower[i - 1] in self.rules.place_preps) and \
                not (len(words) == 1 and (_lexicon().get(words[0].lower()) == "JJ" or
                                          words[0].lower().endswith(_ADJECTIVE_ENDINGS))):   # "… as Islamic will …"
            for k in range(j + 1, min(ntok, j + 9)):   # "Theranos said its device works": the subject's "its"
                if same[k] != si or lower[k] in ("his", "her", "he", "she", "their", "they", ","):
                    break
                if lower[k] in ("its", "itself"):
                    v[body] += 1
                    break
        modifier = j < ntok and same[j] == si and (text[j] in ("’s", "'s") or
                                                          text[j].islower() and pos[j] in ("NN", "NNS"))
        if i >= 2 and same[i - 1] == si and not modifier:
            p = i - 1   # ("members of Sapir's group", "members of the Yazidi religion" are the group's)
            if lower[p] == "the" and p > 0:
                p -= 1
            if lower[p] == "of" and p > 0 and lower[p - 1] in _MEMBER_NOUNS and text[p - 1].islower() and \
                    not first_given:
                v[body] += 1   # "the founder of Acme", "a member of the Wardens"
            elif lower[p] in ("for", "at") and p > 0 and lemma[p - 1] == "work" and pos[p - 1].startswith("VB") \
                    and not first_given:
                v[body] += 1   # "she worked for Zorbit", "works at Quantal"
            elif p == i - 2 and lemma[p] == "join" and pos[p].startswith("VB"):
                v[body] += 1   # "he joined the Wardens"

    def _given_and_head(self, words: list[str]) -> bool:
        """A given name and a place's head word ("Fiona Hill", "Tom Lake"), the given name no place or
        head word itself: a person's name as often as a place's."""
        r = self.rules
        return len(words) == 2 and words[0] in self.gaz.given_names and words[1] in _SURNAME_HEADS and \
            words[0] not in r.places and words[0] not in r.heads and words[0] not in r.first

    def _adjective(self, word: str) -> bool:
        """A listed adjective of a state or a place ("Chinese", "Texan"): "Chinese Bernhard Karlgren" is
        an adjective before a name, not a longer name."""
        s = self.gaz.surfaces.get(word)
        if s is None:
            return False
        if s.adjective:
            return True
        a = self.gaz.actors.get(s.actor_id)   # "Democrat Hillary Clinton", "Republican Donald Trump": a member's label
        return a is not None and a.actor_type == "party" and s.how != "name"

    def in_citation(self, i: int, j: int) -> bool:
        """Is the run an author in a citation: a list of capitalised names joined by commas, "&" or
        "and" (or ending in "et al.") that ends in a year, in parentheses or before one?"""
        tok = self.tok
        k, steps = j, 0
        while k < tok.n and tok.sent[k] == tok.sent[i] and steps < 25:
            t = tok.text[k]
            if _YEAR.fullmatch(t):
                return k > 0 and tok.text[k - 1] == "(" or self._opened(i)
            if t == "(" and k + 1 < tok.n and _YEAR.fullmatch(tok.text[k + 1]):
                return True
            if t == "[" and k + 1 < tok.n and tok.text[k + 1].isdigit() and k > j:
                return True   # "Carrano & Biewener [7]"
            if t in (",", "&", "and", "et", "al.", "al", ".") or (t[:1].isupper() and t[1:].replace("-", "").isalpha()):
                k += 1
                steps += 1
                continue
            return False
        return False

    def author_year(self, i: int, j: int) -> bool:
        """The strict shape of an author in a citation: names joined by commas, "&" or "and" (or
        "et al.") that end in a year with nothing after it but punctuation, inside parentheses
        ("(Miller & Reading, 2010)", "(see Fox 2014; …)"), or two or more names before a bare
        year ("Fox and Wells 2017"). A year before a capitalised word is an event's ("London 2012
        Olympics")."""
        tok = self.tok
        k, names, steps = j, 1, 0
        if i >= 2 and tok.lower[i - 1] in ("and", "&") and tok.text[i - 2][:1].isupper() and tok.sent[i - 2] == tok.sent[i]:
            names += 1   # the second of two authors
        while k < tok.n and tok.sent[k] == tok.sent[i] and steps < 12:
            t = tok.text[k]
            if _PLAIN_YEAR.fullmatch(t) or _YEAR.fullmatch(t):
                nxt = tok.text[k + 1] if k + 1 < tok.n and tok.sent[k + 1] == tok.sent[i] else "."
                if nxt[:1].isalnum() and nxt not in ("and", "to", "through", "in", "p", "pp"):
                    return False
                return self._opened(i) or (names >= 2 and tok.text[k - 1] != ",")
            if t in (",", "&", "and", "et", "al.", "al", "."):
                k += 1
                steps += 1
                continue
            if t[:1].isupper() and t[1:].replace("-", "").isalpha() and tok.lower[k] not in _NOT_NAMES:
                names += 1
                k += 1
                steps += 1
                continue
            return False
        return False

    def in_case_name(self, i: int, j: int) -> bool:
        """Is the run a party to a court case: "X v. Y", "X versus Y", or "the decision in X and Y"?"""
        tok = self.tok

        def cap(k):
            return 0 <= k < tok.n and tok.sent[k] == tok.sent[i] and tok.text[k][:1].isupper()

        if j + 1 < tok.n and tok.lower[j] in ("v.", "v", "vs.", "versus", "against") and \
                (cap(j + 1) or tok.lower[j + 1] == "the" and cap(j + 2)):
            return True
        if i >= 2 and tok.lower[i - 1] in ("v.", "v", "vs.", "versus") and cap(i - 2):
            return True
        if i >= 2 and tok.lower[i - 1] == "in" and tok.lower[i - 2] in ("decision", "case", "judgment", "ruling") and \
                j + 1 < tok.n and tok.lower[j] == "and" and cap(j + 1):
            return True
        return False

    def _opened(self, i: int) -> bool:
        tok = self.tok
        k, steps = i - 1, 0
        while k >= 0 and tok.sent[k] == tok.sent[i] and steps < 25:
            t = tok.text[k]
            if t in ("(", ";", "[", "-LRB-"):
                return True
            if t in (",", "&", "and", "et", "al.", "al", ".", "e.g.", "e.g.,", "i.e.", "see", "cf.", "also", "for", "example") or \
                    t[:1].isupper():
                k -= 1
                steps += 1
                continue
            return False
        return False

    def _speaks_after(self, j: int) -> bool:
        """Does a speech verb follow ``tok[j]`` in the same clause, right after it or after an aside
        between commas ("…, for example, argues")?"""
        tok = self.tok
        k = j
        if k < tok.n and tok.text[k] == ",":
            k += 1
            while k < tok.n and k - j < 6 and tok.text[k] != ",":
                k += 1
            k += 1
        return k < tok.n and tok.sent[k] == tok.sent[j - 1] and tok.lemma[k] in self.gaz.speech_verbs and \
            tok.pos[k].startswith("VB")

    def _title_follows(self, j: int) -> bool:
        """Does a title stand at ``tok[j]`` and end the phrase ("Ann Lee Vice President and …"), so
        that the name before it is not glued to a longer name ("… King Day" is one)?"""
        m = self.gaz.role_regex.match(self.text, self.tok.start[j])
        if not m:
            return False
        rest = self.text[m.end():m.end() + 2]
        return not re.match(r"\s[A-Z]", rest)

    def initials_then_surname(self, words: list[str]) -> bool:
        """One to three initials and then one or two name words, the last no English word, no place and
        no head of an organisation's or a place's name ("J. R. Tolland"; not "U. S. Army")."""
        k = 0
        while k < len(words) and k < 3 and _INITIAL_OR_ABBR.fullmatch(words[k]):
            k += 1
        rest = words[k:]
        if not 1 <= len(rest) <= 2 or not all(_NAME_WORD.fullmatch(w) and not _INITIAL.fullmatch(w) for w in rest):
            return False
        last, r = rest[-1], self.rules
        if k == 1 and len(rest) == 1 and words[0] in ("N.", "S.", "E.", "W.") and \
                any(self.gaz.surfaces.get(f"{d} {last}") is not None for d in ("North", "South", "East", "West")):
            return False   # "N. Korea": North Korea abbreviated
        return not (last in r.heads or last in r.places or last in self.gaz.name_heads or
                    _lexicon().get(last.lower()) or self.gaz.surfaces.get(last) is not None)

    def person_shaped(self, i: int, j: int, words: list[str]) -> bool:
        """Two or three capitalised words shaped like a personal name: each a capital and lower-case
        letters (or an initial first), the last no English word and no place, the first no word that
        opens a place or a phrase ("La", "Grande", "New", "Upper") and no common English word that is
        never a name; not after an article, a possessive, "of" or a place preposition."""
        tok, r = self.tok, self.rules
        if not all(_NAME_WORD.fullmatch(w) for w in words) or (_INITIAL.fullmatch(words[0]) and len(words) == 2):
            return False
        if any(_INITIAL.fullmatch(w) for w in words[1:]):
            return False
        last, first = words[-1], words[0]
        lex = _lexicon()
        if lex.get(last.lower()) or lex.get(last.lower().rstrip("s")) or last in r.places or " ".join(words) in r.places \
                or last.endswith(("ist", "ists", "ism", "ian", "ians", "ese", "ic", "ical")):
            return False
        if first in _FOREIGN_FIRST or first in self.gaz.name_first_stops or first in r.first or first in r.heads or \
                first in r.places or self.gaz.surfaces.get(first) is not None:
            return False
        if lex.get(first.lower()) and lex.get(first) != "NNP" and not _INITIAL.fullmatch(first) and \
                not (len(words) == 2 and lex.get(first.lower()) == "NN" and not lex.get(last) and
                     first.lower() not in self.gaz.person_roles and first.lower() not in _NOT_NAMES):
            return False   # "Mitt Romney": a rare noun may open a name before a surname that is no word
        before = i > 0 and tok.sent[i - 1] == tok.sent[i]
        if before:
            low = tok.lower[i - 1]
            if low in _NOT_BEFORE_PERSON or low in r.place_preps and low not in ("to", "with", "between") or \
                    tok.text[i - 1] in ("’s", "'s"):
                return False
        # and a place in the sentence where people stand: after a verb or "by", "with", "as", "like"
        # ("invited by X", "she met X"), or before a verb or a possessive ("X wrote", "X's films")
        if before and (tok.pos[i - 1].startswith("VB") or tok.lower[i - 1] in ("by", "with", "as", "like", "under")):
            return True
        if j < tok.n and tok.sent[j] == tok.sent[i]:
            if tok.text[j] in ("’s", "'s") or tok.pos[j] in ("VBD", "VBZ", "VBP", "MD"):
                return True
        return False

    def collect(self, runs) -> None:
        for i, j in runs:
            name = " ".join(self.tok.text[i:j])
            if name not in self.votes:
                self.votes[name] = Counter()
                kind = self.strong_kind(i, j)
                if kind == "place" and " " not in name and name in self.gaz.given_names and name in self.rules.places:
                    self.votes[name][kind] += 1   # "Mary", "Isabel": a given name first, a place's name too
                elif kind == "place" and self._given_and_head(name.split()):
                    self.votes[name][kind] += 2.5   # "Fiona Hill": a given name each time speaks against it
                elif kind:
                    self.votes[name][kind] += 3
            ev = self.evidence(i, j)
            acr = ev.pop("_acronym", 0)
            votes = self.votes[name]
            for k, n in ev.items():   # Counter.update, without its type checks
                votes[k] = votes.get(k, 0) + n
            if acr and not self.votes[name]["_acronym"]:
                self.votes[name]["_acronym"] = 1
                self.votes[name]["org"] += acr
        # a surname or first name of a person named in full is that person ("Fillmore", "Gloria")
        for name, v in list(self.votes.items()):
            words = name.split()
            kind = self.kind_of(name)
            if len(words) >= 2 and kind == "person" and v["person"] - v["_shape"] >= 1:   # not on its shape alone
                for w in {words[-1], words[0]}:
                    # a surname that is also a head word ("Hill", "Park") after a given name is the person's too
                    if w in self.votes and (w not in self.rules.heads or
                                            w == words[-1] and len(words) == 2 and words[0] in self.gaz.given_names):
                        if w == words[-1] and w in self.rules.heads and len(words) == 2:
                            self.votes[w][self.rules.heads[w]] = 0   # "Marla Street … Street argues": her name
                        self.votes[w]["person"] += 3.5 if w == words[-1] else 1.5   # more than a city's name
            elif len(words) >= 2 and kind and self.is_strong(name) and words[-1] in self.votes:
                self.votes[words[-1]][kind] += 3   # "Hurricane Ida ... Ida", "the Supreme Court ... the Court"
        self._named_in_title()
        self.decided.clear()
        self._listed_with_people(runs)
        self.decided.clear()
        self._listed_with_bodies(runs)
        self.decided.clear()

    def _named_in_title(self) -> None:
        """A surname standing alone in the body that the headline gives in full, a given name first
        ("Interview with Ilsa Ridge, candidate" … "Ridge said"), is that person's: as for a full name in
        the body. In a headline in capitals or title case only a surname that is no English word counts."""
        title = getattr(self.res.doc, "title", None)
        if not title or len(title) > 300:
            return
        lex, r = _lexicon(), self.rules
        lower = None
        for m in _TITLE_NAME.finditer(title):
            given, surname = m.group(1), m.group(2)
            v = self.votes.get(surname)
            if v is None or given not in self.gaz.given_names or given in r.places or given in r.heads or \
                    self.gaz.surfaces.get(surname) is not None or self.gaz.surfaces.get(f"{given} {surname}") is not None:
                continue
            if lower is None:
                lower = [w for w in title.split() if w.isalpha() and w.islower() and len(w) > 3]
            if not lower and lex.get(surname.lower()):
                continue   # "Grace Period Ends": a title-case headline's words
            if surname in r.heads:
                v[r.heads[surname]] = 0   # "Ridge said": her name, no ridge
            v["person"] += 3.5

    def _name_like(self, words: list[str]) -> bool:
        """Words that could be a person's name: name-shaped, no English word or place alone, no
        foreign article or place word first ("Grande Terre", "Les Saintes")."""
        r, lex = self.rules, _lexicon()
        if not all(_NAME_WORD.fullmatch(w) for w in words) or words[0] in r.not_names:
            return False
        if words[0] in _FOREIGN_FIRST or words[0] in r.first or words[0] in self.gaz.name_first_stops:
            return False
        if len(words) == 1:
            w = words[0]
            return not (lex.get(w.lower()) or w in r.places or w in r.lone_not_names or w in r.heads)
        return words[-1] not in r.heads and " ".join(words) not in r.places

    def _listed_with_people(self, runs) -> None:
        """A name in a list with a person ("Elisha Cuthbert, Chad Murray, and Paris Hilton"), joined by a
        comma, "and" or "&" and with no kind of its own, is weakly a person too."""
        tok, r = self.tok, self.rules
        runs = sorted(runs)
        names = [" ".join(tok.text[i:j]) for i, j in runs]

        def person(n):
            v = self.votes.get(n) or Counter()
            return self.kind_of(n) == "person" and v["person"] - v["_shape"] >= 1 and not v["_people"]

        pairs = []
        for a in range(len(runs) - 1):
            (i0, j0), (i1, j1) = runs[a], runs[a + 1]
            if tok.sent[i0] != tok.sent[i1] or i1 - j0 > 2:
                continue
            if [tok.lower[k] for k in range(j0, i1)] in ([","], ["and"], [",", "and"], ["&"], [",", "&"]):
                if j0 - i0 == 1 and tok.text[j0] == "," and self.res._sentence_initial(i0) and \
                        (tok.lower[i0].endswith("ly") or _lexicon().get(tok.lower[i0])):
                    continue   # "Relatedly, Marla Street argues": a word opening the sentence, no list
                pairs.append((a, a + 1))
        sure = {n: person(n) for n in {names[x] for pair in pairs for x in pair}}   # the names in a list only
        for a, b in pairs:
            for x, y in ((a, b), (b, a)):
                n = names[x]
                w = n.split()
                if sure[names[y]] and not sure[n] and not self.strong_kind(*runs[x]) and self._name_like(w):
                    self.votes[n]["person"] += 1

    def _listed_with_bodies(self, runs) -> None:
        """Names in one list ("Delta, Frontier, Volaris and JetBlue"), joined by commas, "and", "or"
        or "&": when organisations outnumber the persons among those whose kind is known,
        a name of no kind of its own in the list is weakly an organisation too."""
        tok = self.tok
        seps = (",", "and", "or", "&")

        def cap(k):
            return 0 <= k < tok.n and tok.text[k][:1].isupper()

        def in_a_list(i, j):   # a separator and a capitalised word on one side
            return (j + 1 < tok.n and tok.lower[j] in seps and cap(j + 1 + (tok.lower[j + 1] in seps))) or \
                (i > 1 and tok.lower[i - 1] in seps and cap(i - 2 - (tok.lower[i - 2] in seps)))

        if not any(in_a_list(i, j) and self.kind_of(" ".join(tok.text[i:j])) is None for i, j in runs):
            return   # no name of no kind stands in a list: nothing to do (the common case)
        listed = {}   # token span of a listed name -> its kind
        for c in getattr(self, "listed", ()):
            a = self.res.actors.get(c.data["surface"].actor_id)
            if a is None or c.data["surface"].how == "demonym":
                continue
            i0 = tok.index_at(c.start)
            if tok.start[i0] == c.start:
                k = {"igo": "org", "armed_group": "org", "state": "place"}.get(a.actor_type, a.actor_type)
                listed[(i0, bisect.bisect_left(tok.start, c.end))] = k
        runs = sorted(set(runs) | set(listed))
        groups, cur = [], [0] if runs else []
        for a in range(len(runs) - 1):
            (i0, j0), (i1, j1) = runs[a], runs[a + 1]
            if tok.sent[i0] == tok.sent[i1] and i1 - j0 <= 2 and \
                    [tok.lower[k] for k in range(j0, i1)] in ([","], ["and"], ["or"], [",", "and"], [",", "or"], ["&"]):
                cur.append(a + 1)
                continue
            groups.append(cur)
            cur = [a + 1]
        if cur:
            groups.append(cur)
        for g in groups:
            if len(g) < 3:
                continue   # "Smith and Acme", "the head of Acme, Ann Lo": two names are no list
            names = [" ".join(tok.text[runs[x][0]:runs[x][1]]) for x in g]
            kinds = [listed[runs[x]] if runs[x] in listed else self.kind_of(n) for x, n in zip(g, names)]
            bodies = sum(k in ("org", "media") for k in kinds)
            others = sum(k == "person" for k in kinds)
            if not bodies or bodies <= others:
                continue
            for x, n, k in zip(g, names, kinds):
                if k is None and runs[x] not in listed and not self.strong_kind(*runs[x]) and n not in self.gaz.given_names:
                    self.votes[n]["org"] += 1

    def kind_of(self, name: str) -> str | None:
        """The pooled kind of a name: the best-supported kind, or None when nothing speaks for one."""
        if name in self.decided:
            return self.decided[name]
        v = self.votes.get(name) or {}
        kind = None
        # the best-supported kind, "other" last among equals, the first of equals in the order
        # of the votes (as max() over the items would pick it)
        best = top = None
        for k, n in v.items():
            if k.startswith("_"):
                continue
            key = (n, k != "other")
            if top is None or key > top:
                best, top = k, key
        if top is not None and top[0] >= 1:
            kind = best
        self.decided[name] = kind
        return kind

    def is_strong(self, name: str) -> bool:
        v = self.votes.get(name) or {}
        if not v:
            return False
        kinds = False
        for k, n in v.items():
            if not k.startswith("_"):
                if n >= 3:
                    return True
                kinds = True
        if not kinds:   # votes with no kind at all: max() of nothing, as before
            return max(n for k, n in v.items() if not k.startswith("_")) >= 3
        return False


#: the common nouns that refer back to an organisation of a kind ("the company", "the agency")
NOUNS_BY_HEAD = {
    "agency": ("agency",), "administration": ("administration", "agency"), "ministry": ("ministry",),
    "department": ("department",), "university": ("university",), "college": ("college",),
    "school": ("school",), "institute": ("institute",), "party": ("party",), "council": ("council",),
    "committee": ("committee",), "commission": ("commission",), "court": ("court",), "bank": ("bank",),
    "group": ("group", "company"), "foundation": ("foundation", "charity"), "museum": ("museum",),
    "church": ("church",), "corp": ("company", "firm"), "corp.": ("company", "firm"),
    "corporation": ("company", "firm", "corporation"), "inc": ("company", "firm"), "inc.": ("company", "firm"),
    "ltd": ("company", "firm"), "ltd.": ("company", "firm"), "company": ("company", "firm"),
    "holdings": ("company", "group"), "airlines": ("airline", "company", "carrier"), "society": ("society",),
    "association": ("association",), "union": ("union",), "club": ("club",), "fc": ("club",),
    "army": ("army",), "police": ("police",), "network": ("network",), "board": ("board",),
    "senate": ("senate",), "congress": ("congress",), "parliament": ("parliament",),
}
GENERIC_NOUNS = sorted({n for v in NOUNS_BY_HEAD.values() for n in v} | {"organisation", "organization"})


class UnlistedNames:
    """Mixin of the resolver: a name run no person rule took, typed by :class:`NameTyper`."""

    def unlisted_name(self, c, name: str, kind: str | None, how: str = "name") -> list[dict]:

        tok = self.tok
        i, j = c.data["run"]
        words = name.split()
        r = self.typer.rules
        strong = self.typer.is_strong(name)
        if kind == "person" and self.typer.votes.get(name, {}).get("_people"):
            aid = slug(name) + "-people"   # "Texans", "Huguenots": a people, no one person
            self.actors.setdefault(aid, Actor(aid, name, "person"))
            return [self.row(c.start, c.end, aid, "", how)]
        if kind == "person" and not strong and len(words) == 1 and self._sentence_initial(i) and \
                name not in self.gaz.given_names and not self._seen_inside(name, i) and \
                str(_lexicon().get(name.lower(), "")).startswith(("VB", "NN", "JJ", "RB")):
            return []   # "Read the full story", "Hearing his words …": a common word opens the sentence, no one's name
        if kind == "person" and len(words) == 1 and self.typer.votes[name]["person"] < 2 and \
                name not in self.gaz.given_names and str(_lexicon().get(name.lower(), "")).startswith(("JJ", "VBG")) and not self._seen_inside_as_name(name):
            return []   # "the first Jewish senator", "his Keep Fighting campaign": an adjective or a verb's -ing
            #             form with a capital is no one's name on a "his" or a "campaign" after it
        if kind == "person":
            pid, how = self.person(name)
            return [self.row(c.start, c.end, pid, self.persons[pid].code, how, subject=self.subject_like(c.start, c.end))]
        if not strong:
            # noise: a capitalised word that only opens a sentence, a closed-class word, a common noun
            if any(w in r.not_names for w in words[:1]) or words[0].lower() in ("the", "a", "an"):
                return []
            if len(words) == 1 and (name in r.lone_not_names or name.lower() in self.gaz.person_roles or
                                    (kind is None and name.lower().endswith(_ADJECTIVE_ENDINGS))):
                return []   # "East", "Secretary", "Catholic": a word that names nobody alone
            if any(tok.pos[k] not in ("NNP", "NNPS") and not is_acronym(tok.text[k]) and tok.lower[k] not in r.connectors
                   and not is_camel(tok.text[k]) and not (k > i and _HYPHEN_PARTICLE.fullmatch(tok.text[k]))
                   and not _SURNAME_PREFIX.match(tok.text[k])   # "DeSantis", "McConnell", whatever the tagger says
                   for k in range(i, j)):
                return []
            if self._sentence_initial(i) and len(words) == 1 and not self._seen_inside(name, i) and \
                    not self._name_opens_clause(i, j, name) and \
                    not self.typer.votes.get(name, {}).get("_appos"):
                return []
            if len(words) == 1 and j < tok.n and re.fullmatch(r"\d[\d.:-]*[a-z]?", tok.text[j]) and \
                    _lexicon().get(name.lower()) and name not in r.heads:
                return []   # "Factor 1", "Tab 3", "Case 22-506": a numbered label, no name ("Building 31" is one)
        # an acronym of a name seen before: the same actor
        if len(words) == 1 and is_acronym(name):
            for full, aid in self.unlisted.items():
                fw = [w for w in full.split() if w[:1].isupper()]
                if len(fw) >= 2 and "".join(w[0] for w in fw).upper() == name.replace("&", ""):
                    return [self.row(c.start, c.end, aid, "", "acronym")]
        aid = self._short_form_of(name, kind)
        if aid is not None:
            return [self.row(c.start, c.end, aid, "", "alias")]
        atype = kind or "other"
        aid = slug(name)
        if aid in self.persons:
            aid = aid + "-" + atype
        if aid not in self.actors:
            nouns = NOUNS_BY_HEAD.get(words[-1].lower(), ()) if atype in ("org", "party", "media") else ()
            self.actors[aid] = Actor(aid, name, atype, nouns)
        self.unlisted.setdefault(name, aid)
        return [self.row(c.start, c.end, aid, "", how)]

    def _unlisted_ending_or_starting(self, words: list[str]) -> list[tuple[str, str, list[str]]]:
        """``(name, actor id, words)`` of the names in no list that end or begin with ``words`` and
        are longer, latest first (an index by first and last words, kept up as names are added)."""
        ix = self.__dict__.get("_unlisted_ix")
        if ix is None:
            ix = self.__dict__["_unlisted_ix"] = ([], {})
        items, by_words = ix
        if len(items) < len(self.unlisted):   # names are only added
            for full, aid in list(self.unlisted.items())[len(items):]:
                fw = full.split()
                for n in range(1, len(fw)):
                    by_words.setdefault((tuple(fw[-n:]), n), []).append(len(items))
                    by_words.setdefault((tuple(fw[:n]), -n), []).append(len(items))
                items.append((full, aid, fw))
        if not words:
            return items[::-1]
        key = tuple(words)
        ending, starting = by_words.get((key, len(words))), by_words.get((key, -len(words)))
        if not ending and not starting:
            return []
        found = set(ending or ()) | set(starting or ())
        return [items[k] for k in sorted(found, reverse=True)]

    def _short_form_of(self, name: str, kind: str | None) -> str | None:
        """The actor of a longer name seen before that ``name`` shortens: "Ida" after "Hurricane Ida",
        "Harvard" after "Harvard University", "Red Sox" after "Boston Red Sox", "the Court" after
        "Court of Appeals" or "Circuit Court", "the Society" after "Society of the Cincinnati"."""
        r = self.typer.rules
        words = name.split()
        if len(words) == 1 and name in r.lone_not_names:
            return None   # "Second, …" is no short form of "Second Circuit"
        designator = len(words) == 1 and (name in r.heads or name in r.of_names or name in r.first)
        for full, aid, fw in self._unlisted_ending_or_starting(words):
            if len(fw) <= len(words) or full == name:
                continue
            atype = self.actors[aid].actor_type
            if fw[-len(words):] == words and (atype == (kind or "other") or designator or len(words) > 1):
                return aid
            if fw[:len(words)] == words and not (kind == "place" and name in r.places) and (
                    (atype in ("org", "party", "media") and fw[-1] in r.heads) or
                    (designator and len(fw) > 2 and fw[1] in ("of", "for"))):
                return aid
        return None

    def _sentence_initial(self, i: int) -> bool:
        tok = self.tok
        k = i - 1
        while k >= 0 and tok.sent[k] == tok.sent[i] and tok.pos[k] in ("``", "''", "(", ":", '"', "-LRB-") or \
                (k >= 0 and tok.sent[k] == tok.sent[i] and tok.text[k] in ("“", "‘", '"', "'", "(", "—", "–", "-", ":")):
            k -= 1
        return k < 0 or tok.sent[k] != tok.sent[i]

    def _name_opens_clause(self, i: int, j: int, name: str) -> bool:
        """A word that is no English word ("McConnell", "DeSantis") opening a sentence before a verb in
        the past or present tense, a modal or a possessive is a name, though it stands nowhere else (not
        a plural: "Superdelegates", "Millennials" are common nouns the lexicon lacks)."""
        tok = self.tok
        low = name.lower()
        if j >= tok.n or tok.sent[j] != tok.sent[i] or _lexicon().get(low) or is_acronym(name) or \
                tok.pos[i] in ("NNS", "NNPS") or low.endswith(_NOUN_ENDINGS) or len(low) < 4 or \
                not (_NAME_WORD.fullmatch(name) or _SURNAME_PREFIX.match(name) or is_camel(name)):
            return False
        return tok.pos[j] in ("VBD", "VBZ", "VBN", "MD") or tok.text[j] in ("’s", "'s")

    def _seen_inside_as_name(self, name: str) -> bool:
        """Does the word stand in a longer personal name of the article ("Young" after "Neil Young")?"""
        for full in self.persons.values():
            if name in getattr(full, "name", "").split()[1:]:
                return True
        return False

    def _seen_inside(self, name: str, i: int) -> bool:
        """Does the word stand capitalised inside a sentence elsewhere in the article?"""
        for k in self.lone_words.get(name, ()):
            if k != i and not self._sentence_initial(k):
                return True
        return False
