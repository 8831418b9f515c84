"""The temporal vocabulary (``analysis/data/temporal_en.yml``) and the regular expressions
compiled from it, one rule per kind of expression, with the anchor words that select where each
rule runs."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The temporal vocabulary from ``analysis/data/temporal_en.yml`` (read once)."""
    import yaml

    text = resources.files("analysis.data").joinpath("temporal_en.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


class _Patterns:
    """The compiled rules (built once from the vocabulary)."""

    def __init__(self):
        v = vocabulary()
        self.v = v
        self.months = {k: int(n) for k, n in v["months"].items()}
        self.weekdays = {k: int(n) for k, n in v["weekdays"].items()}
        self.numbers = v["numbers"]
        self.ordinals = {k: int(n) for k, n in v["ordinals"].items()}
        self.units = v["units"]
        self.refs = v["refs"]
        self.ambiguous = set(v["ambiguous_months"])
        mon_full = [m for m in self.months if len(m) > 4 or m in ("may", "june", "july")]
        mon_abbr = [m for m in self.months if m not in mon_full]
        MON = rf"(?P<mon>{_alt(mon_full)}|(?:{_alt(mon_abbr)})\.?)"
        WD = rf"(?P<wd>{_alt([w for w in self.weekdays if len(w) > 4])})"
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        simple = _alt([w for w in self.numbers if w not in ("a", "an")])
        NUM = (rf"(?P<n>(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}})(?:\.\d+)?(?:\s+1/2)?|(?:{tens})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
               rf"|{simple}|an?(?=[\s-]))")
        UNIT = rf"(?P<unit>{_alt(self.units)})(?:s|es)?"
        UNIT_NO_S = rf"(?P<unit>{_alt(self.units)})"
        MOD = rf"(?:(?P<qmod>{_alt([k for k, m in v['mods'].items() if m not in ('START', 'MID', 'END')])})\s+)?"
        PRE = r"(?:(?P<pre>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|the\s+(?:early|late)|the\s+mid)[-\s]\s*)?"
        ORD = rf"(?P<ord>{_alt(self.ordinals)}|\d{{1,2}}(?:st|nd|rd|th))"
        YEAR = r"(?P<y>1[5-9]\d\d|20\d\d)"
        PARTS = _alt(v["parts_of_day"])
        HOL = _alt(list(v["holidays"]) + ["thanksgiving day", "thanksgiving", "easter sunday", "easter"])
        flags = re.IGNORECASE
        rules = [
            ("iso", rf"\b(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<H>[0-2]\d):(?P<M>[0-5]\d))?\b"),
            ("numeric", r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b"),
            ("mon_day", rf"\b(?:{WD},?\s+)?{PRE}{MON}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!:\d|\.\d|,\d)(?:,?\s+{YEAR}\b)?"),
            ("day_mon", rf"\b(?:{WD},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MON}(?![a-z])(?:,?\s+{YEAR}\b)?"),
            ("mon_year", rf"\b{PRE}{MON}(?![a-z]),?\s+(?:of\s+)?{YEAR}\b"),
            ("mon_rel", rf"\b{PRE}(?P<rel>last|next|this|early\s+last|late\s+last)\s+{MON}(?![a-z])"),
            ("mon_relyear", rf"\b{PRE}{MON}(?![a-z]),?\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b"),
            ("mon", rf"\b{PRE}{MON}(?![a-z])(?!\s+\d)"),
            ("season", rf"\b{PRE}(?:(?P<rel>(?:this|the)\s+past|this|last|next|past|coming|the)\s+)?(?P<sea>{_alt(v['seasons'])})(?:\s+(?:of\s+)?{YEAR})?\b"),
            ("decade", rf"\b(?:the\s+)?{PRE}(?:(?P<dy>1[5-9]\d0|20\d0)|'(?P<yy>\d0))'?s\b"),
            ("decade_word", rf"\bthe\s+{PRE}(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
            ("century", rf"\b(?:the\s+)?{PRE}{ORD}[-\s]century\b"),
            ("year", rf"(?<![$€£\d.,/-])\b{PRE}(?:fiscal\s+(?:year\s+)?)?{YEAR}\b(?!\s*%|[.,]\d|-\d|\s*(?:percent|per\s+cent))"),
            ("quarter", rf"\b(?:(?:the|its|{YEAR}'s|(?P<rel2>this|last|next)\s+year's)\s+)?(?:(?P<y3>1[5-9]\d\d|20\d\d)\s+)?(?:(?P<rel>latest|last|past|previous|current|next|coming|same|year-earlier|year-ago)\s+)?(?:fiscal[-\s])?{ORD}[-\s](?:fiscal[-\s])?(?P<part>quarter|half)\b(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>1[5-9]\d\d|20\d\d)|(?P<rel3>this|last|next)\s+year|the\s+year))?"),
            ("the_quarter", r"\bthe\s+(?:(?P<y>1[5-9]\d\d|20\d\d)\s+)?(?:(?P<rel>latest|most\s+recent|current|recent|last|past|previous|year-earlier|year-ago|same|next|coming)\s+)?(?P<part>quarter|period)\b(?!\s+(?:of|century))"),
            ("deictic", rf"\b(?:(?P<pre>early|late)\s+)?(?P<day>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>{PARTS}))?\b(?!'s\s+(?:world|society|generation))"),
            ("this_pod", rf"\b(?:(?P<rel>this|last|tomorrow|yesterday)\s+)(?P<pod>{PARTS})\b"),
            ("weekday", rf"\b(?:(?P<rel>last|next|this|past|coming|the\s+previous|the\s+following|early\s+next|early\s+last|late\s+last|late\s+next)\s+)?{WD}(?:'s)?(?:\s+(?P<pod>{PARTS}))?\b"),
            ("rel_unit", rf"\b{PRE}(?:(?P<ea>earlier|later)\s+)?(?P<rel>this|last|next|the\s+current|current|the\s+same)\s+(?P<unit>week|weekend|month|year|decade|century|fiscal\s+year|quarter)\b(?![-\s]?(?:old|long|earlier|ago))"),
            ("the_unit", r"\bthe\s+(?:(?P<ea>year|month|week|weekend))\b(?![-'’]|\s+(?:before|after|earlier|later|ago|of|in|when|that|to|and|or|he|she|they|it))"),
            ("ago", rf"\b{MOD}{NUM}[-\s]+{UNIT}\s+(?P<dir>ago|earlier|later|hence|from\s+now|previously)\b"),
            ("year_ago_adj", r"\b(?:the\s+)?(?:year|month|week|quarter)-(?:earlier|ago)\b(?:\s+(?P<part>quarter|period|month|year))?"),
            ("duration", rf"\b{MOD}(?:(?P<det>the|a|this)\s+)?(?:(?P<rel>past|last|next|coming|first|previous|latest|final|following|remaining|recent|other|same)\s+)?{NUM}[-\s]+(?:(?:fiscal|calendar|straight|consecutive|full)\s+)?{UNIT}\b(?![-\s]old)"),
            ("the_past_unit", r"\b(?:(?P<qmod>about|nearly|almost|more\s+than|less\s+than)\s+)?the\s+(?P<rel>past|last|next|coming|previous|following|first|final)\s+(?P<unit>hour|day|week|month|year|decade|century)\b(?![-'’])"),
            ("duration_bare", r"(?:\b(?P<ctx>for|in|over|during|within|than|of|after)\s+)?(?P<x>(?:(?:the\s+)?(?P<rel>recent|coming|past|last|next|following|previous)\s+)?\b(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes))\b(?![-\s]old)"),
            ("hyphen_adj", rf"\b(?:{NUM})-{UNIT_NO_S}(?!-old)\b"),
            ("clock", rf"\b(?P<H>[0-2]?\d)(?:[:.](?P<M>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b)(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}})\b))?(?:,?\s+(?:on\s+)?(?:(?P<day>today|yesterday|tomorrow)|{WD}|(?P<cmon>{_alt(mon_full)}|(?:{_alt(mon_abbr)})\.?)\s+(?P<cd>[0-3]?\d)\b))?"),
            ("noon", rf"\b(?P<nm>noon|midnight|midday)(?:\s+(?:on\s+)?(?:(?P<day>today|yesterday|tomorrow)|{WD}))?\b"),
            ("holiday", rf"\b(?P<hol>{HOL})(?:\s+{YEAR})?\b"),
            ("ref", rf"\b(?P<ref>{_alt(self.refs)})\b"),
            ("set", r"\b(?:(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)"
                    r"|(?P<every>every|each)\s+(?:other\s+)?(?P<u2>day|week|month|year|morning|night|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|summer|winter|spring)"
                    r"|(?P<times>once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per)\s+(?P<u3>day|week|month|year|hour))\b"),
        ]
        self.rules = [(name, re.compile(pat, flags)) for name, pat in rules]
        # a cheap first pass: each rule runs only near a word of its own kind (a month name, a unit ...)
        kinds: dict[str, set] = {}

        def add(words, kind):
            for w in words:
                for part in re.findall(r"[a-z]+", w.lower()):
                    kinds.setdefault(part, set()).add(kind)
        add(self.months, "month")
        add(self.weekdays, "weekday")
        add(v["seasons"], "season")
        add(v["parts_of_day"], "pod")
        add(list(self.units) + ["centuries", "period", "half", "fiscal"], "unit")
        add(self.refs, "ref")
        add(list(v["holidays"]) + ["thanksgiving", "easter"], "holiday")
        add(["today", "tonight", "yesterday", "tomorrow"], "deictic")
        add(["noon", "midnight", "midday"], "noon")
        add(["daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly", "semiannually",
             "every", "each", "once", "twice", "times"], "set")
        add(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"], "decade")
        for generic in ("a", "the", "of", "this", "last", "next", "and", "in", "on", "at", "to", "or"):
            kinds.pop(generic, None)
        self.kinds = kinds
        words = set(kinds) | {w + "s" for w in kinds}
        self.anchor = re.compile(r"(?<![a-z])(?:" + _trie(words) + r")(?![a-z])|\d+")
        needs = {
            "iso": {"digit"}, "numeric": {"digit"}, "clock": {"digit"}, "year": {"digit"},
            "mon_day": {"month"}, "day_mon": {"month"}, "mon_year": {"month"}, "mon_rel": {"month"},
            "mon_relyear": {"month"}, "mon": {"month"}, "season": {"season"}, "decade": {"digit"},
            "decade_word": {"decade"}, "century": {"unit"}, "quarter": {"unit"}, "the_quarter": {"unit"},
            "deictic": {"deictic"}, "this_pod": {"pod"}, "weekday": {"weekday"}, "rel_unit": {"unit"},
            "the_unit": {"unit"}, "ago": {"unit"}, "year_ago_adj": {"unit"}, "duration": {"unit"},
            "the_past_unit": {"unit"}, "duration_bare": {"unit"}, "hyphen_adj": {"unit"}, "noon": {"noon"},
            "holiday": {"holiday"}, "ref": {"ref"}, "set": {"set"},
        }
        self.needs = [needs[name] for name, _ in self.rules]
        # strings one of which every match of a rule contains, in lower case (None: no such
        # short list): a window of ASCII text holding none of them is not searched
        self.guards = [_GUARDS.get(name) or _guard(rx) for name, rx in self.rules]
        self.mods = {re.sub(r"\s+", " ", k): m for k, m in v["mods"].items()}


#: what every match of these rules contains, where the parse tree gives only single characters:
#: a year (``YEAR``: 15.. to 20..) and a decade ("1990s", "1980's", "'90s": a 0 then "s" or "'s")
_YEAR_GUARD = ("15", "16", "17", "18", "19", "20")
_GUARDS = {"year": _YEAR_GUARD, "mon_year": _YEAR_GUARD, "decade": ("0s", "0's")}


def _guard(rx: re.Pattern) -> tuple[str, ...] | None:
    """What every match of ``rx`` contains: one of these lower-case strings (read from the
    pattern's parse tree by :func:`analysis.segment._needed`), or None when no short list is
    found. The rules are case-insensitive, so the strings are tested on the lower-cased text,
    and only on ASCII text, where lower-casing is exact."""
    from ..segment import _needed

    strings, folded = _needed(rx)
    if strings is None or not (folded or not rx.flags & re.IGNORECASE):
        return None
    return tuple(strings)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def _trie(words) -> str:
    """A regex matching any of ``words`` whose alternations branch letter by letter (fast in ``re``)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(root)
