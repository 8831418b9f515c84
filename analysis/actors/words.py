"""Closed word lists and patterns the name finder uses (not data a user extends)."""

import re

_DATA = "analysis.data"
_VENUE_WORDS = {"in", "at", "near", "outside", "to", "into", "via", "across", "around", "visit", "visited",
                "visiting", "reached", "toward", "towards", "inside", "through", "throughout", "within"}
_PARTICLES = {"al", "al-", "bin", "ibn", "de", "del", "della", "der", "van", "von", "da", "dos", "du", "la", "le", "el", "abu", "ben"}
_NOT_NAMES = set("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow the a an this that these
those he she it they we i you his her their our its everyone everybody nobody someone no one but and or
however meanwhile after before following talking speaking according also in on at as when while if since
islam muslim christian god covid no. jan. feb. mar. apr. jun. jul. aug. sep. sept. sept oct. nov. dec.""".split())
_DETERMINERS = {"the", "this", "that"}
#: head nouns that, after a capital, still make the state act ("Moscow Government", "Kyiv Administration")
_GOV_HEADS = {"State", "Government", "Administration", "Cabinet", "Office", "Authority", "Ministry", "Council"}
_PAREN_ACR = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
#: "Full Name (ACR)"; a name starts at a word's start (the lookbehind keeps the scan linear)
_ACR_AFTER_NAME = re.compile(r"(?<![\w’'-])((?:(?:[A-Z][\w’'-]*|of|the|for|and|on|in|de)\s+){1,8}?(?:[A-Z][\w’'-]*))\s*\(([A-Z][A-Za-z]{1,9})\)")
_INDEFINITE = {"a", "an", "another", "one", "some", "any", "several", "two", "three"}
_NOUN_RE = re.compile(
    r"(?P<det>[Tt](?<![\w-][Tt])(?:he|his|hat))\s+(?P<mods>(?:[a-z][\w-]*\s+){0,2}?)(?P<noun>%s)(?![\w-])")
