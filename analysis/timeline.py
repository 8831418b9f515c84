"""Time in the article: temporal expressions (TIMEX3) normalized against the publication date,
and the events they anchor.

Two layers:

* ``timexes(doc)``: one row per temporal expression, with its TimeML type (DATE, TIME,
  DURATION, SET), its normalized value and mod, e.g. "back in April" -> ``2021-04``,
  "in mid-July" -> ``2021-07`` with mod ``MID``, "two-day" -> ``P2D``, "now" -> ``PRESENT_REF``.
  Relative expressions are resolved against the publication date (the document creation time,
  DCT); a month or weekday without a year takes the occurrence that fits the verb's tense
  (Penn tags of the sentence's tokens), so what is reported in the past is never placed after
  publication. "two days later" is resolved against the last date the text gave. Without a
  publication date the unknown parts stay unknown (``XXXX-04``).
* ``events(doc)``: for each dated expression, the event it anchors (the governing verb or event
  noun as a lemma), the actors of that clause (from ``doc.mentions`` when the actors layer is
  installed) and a short summary, sorted chronologically; plus the article's own undated
  meeting, placed the day before publication, when the text reports one without a date.

The rules are hand-written regular expressions over general English vocabulary kept in
``analysis/data/temporal_en.yml``, after HeidelTime's approach (Strötgen & Gertz 2013).

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("Talks\\n\\nThe ministers met on Friday.", published="2021-09-16"))
>>> doc.timexes[["text", "type", "value"]].values.tolist()
[['Friday', 'DATE', '2021-09-10']]
"""

from __future__ import annotations

import bisect
import weakref
import calendar
import datetime as _dt
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from ._clauses import ClauseBreaks
from ._frames import column_values, frame_from_columns
from .article import dateline_span

TIMEX_COLUMNS = ["timex_id", "para_id", "sent_id", "start", "end", "text", "type", "value", "mod", "note"]
EVENT_COLUMNS = ["event_id", "timex_id", "date", "value", "mod", "para_id", "sent_id", "trigger",
                 "actor_ids", "actors", "summary", "note", "anchor"]
TYPES = ("DATE", "TIME", "DURATION", "SET")

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PART_HOUR = {"MO": 8, "AF": 14, "EV": 19, "NI": 22}


# --------------------------------------------------------------------------------------------
# vocabulary and patterns


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The temporal vocabulary from ``analysis/data/temporal_en.yml`` (read once)."""
    import yaml

    text = resources.files("analysis.data").joinpath("temporal_en.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


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
        self.mods = {re.sub(r"\s+", " ", k): m for k, m in v["mods"].items()}


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


# --------------------------------------------------------------------------------------------
# date helpers


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _week(d: _dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _number(text: str | None, p: _Patterns):
    """A number word or digits as an int/float, ``"X"`` for vague amounts, None if unreadable."""
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.lower()).strip()
    if t in ("a", "an"):
        return 1
    if re.fullmatch(r"\d+(?:,\d{3})*", t):
        return int(t.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    if re.fullmatch(r"\d+ 1/2", t):
        return int(t.split()[0]) + 0.5
    if t in p.numbers:
        n = p.numbers[t]
        return "X" if n == "X" else n
    m = re.fullmatch(r"(\w+)[- ](\w+)", t)
    if m and m[1] in p.numbers and m[2] in _WORD_NUM:
        return p.numbers[m[1]] + _WORD_NUM[m[2]]
    return None


def _duration(n, unit: str, p: _Patterns) -> str | None:
    """A TIMEX3 duration value: (2, "day") -> P2D, ("X", "year") -> PXY, (1, "decade") -> P10Y."""
    info = p.units.get(unit.lower().rstrip("s") if unit.lower() not in p.units else unit.lower())
    if info is None:
        u = unit.lower()
        u = "century" if u.startswith("centur") else u[:-1] if u.endswith("s") else u
        info = p.units.get(u)
    if info is None:
        return None
    factor = info.get("factor", 1)
    t = "T" if info.get("time") else ""
    if n == "X":
        return f"P{t}X{info['unit']}"
    if n is None:
        return None
    n = n * factor
    if isinstance(n, float):
        if n.is_integer():
            n = int(n)
        elif info["unit"] == "H":
            return f"PT{int(n)}H{int(round(n % 1 * 60))}M" if n > 1 else f"PT{int(round(n * 60))}M"
        elif info["unit"] == "D":
            return f"P{int(n)}DT{int(round(n % 1 * 24))}H" if n > 1 else f"PT{int(round(n * 24))}H"
        elif info["unit"] == "Y":
            return f"P{int(n)}Y{int(round(n % 1 * 12))}M" if n > 1 else f"P{int(round(n * 12))}M"
        else:
            n = round(n, 1)
    return f"P{t}{n}{info['unit']}"


def _unit_name(text: str, p: _Patterns) -> str:
    u = re.sub(r"\s+", " ", text.lower())
    if u in p.units:
        return u
    if u.startswith("centur"):
        return "century"
    for cand in (u[:-2], u[:-1]):
        if cand in p.units:
            return cand
    return u


def value_range(value: str | None) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day a TIMEX3 date value covers, or None (durations, refs, unknowns).

    >>> value_range("2021-07")
    (datetime.date(2021, 7, 1), datetime.date(2021, 7, 31))
    """
    if not isinstance(value, str) or not value[:1].isdigit():
        return None
    v = value.split("T")[0]
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v)
        if m:
            d = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        m = re.fullmatch(r"(\d{4})-(\d{2})", v)
        if m:
            y, mo = int(m[1]), int(m[2])
            return _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
        m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v)
        if m:
            start = _dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
            return start, _dt.date.fromisocalendar(int(m[1]), int(m[2]), 7)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
        if m:
            y, q = int(m[1]), int(m[2])
            end_m = q * 3
            return _dt.date(y, end_m - 2, 1), _dt.date(y, end_m, calendar.monthrange(y, end_m)[1])
        m = re.fullmatch(r"(\d{4})-H([12])", v)
        if m:
            y, h = int(m[1]), int(m[2])
            return (_dt.date(y, 1, 1), _dt.date(y, 6, 30)) if h == 1 else (_dt.date(y, 7, 1), _dt.date(y, 12, 31))
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
        if m:
            y, s = int(m[1]), _SEASON_START[m[2]]
            ey, em = _add_months(y, s, 2)
            return _dt.date(y, s, 1), _dt.date(ey, em, calendar.monthrange(ey, em)[1])
        if re.fullmatch(r"\d{4}", v):
            return _dt.date(int(v), 1, 1), _dt.date(int(v), 12, 31)
        if re.fullmatch(r"\d{3}", v):
            return _dt.date(int(v) * 10, 1, 1), _dt.date(int(v) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", v):
            return _dt.date(max(1, int(v) * 100), 1, 1), _dt.date(int(v) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------------------------
# tense from the Penn tags


class _Tenses:
    """Tense markers of each sentence, from the tokens' Penn tags (computed on demand)."""

    _FUTURE = {"will", "'ll", "shall", "wo"}
    _BE = {"is", "are", "am", "'s", "'re", "'m", "be", "being"}
    _HAVE = {"has", "have", "had", "'ve", "'d"}
    _REPORT = {"say", "tell", "report", "announce", "add", "state", "note", "claim", "explain", "write", "quote"}
    _PLAN = {"plan", "schedule", "expect", "intend", "due", "upcoming", "invite", "postpone", "delay"}

    def __init__(self, doc):
        col = doc.token_list
        self.starts, self.lower, self.pos = col("start"), col("lower"), col("pos")
        self.sent, self.lemma = col("sent_id"), col("lemma")
        self._cache: dict = {}

    def _markers(self, sent_id) -> list[tuple[int, str]]:
        if sent_id in self._cache:
            return self._cache[sent_id]
        lo = bisect.bisect_left(self.sent, sent_id)
        hi = bisect.bisect_right(self.sent, sent_id)
        out = []
        for i in range(lo, hi):
            w, tag = self.lower[i], self.pos[i]
            prev = self.lower[max(lo, i - 3):i]
            if tag == "MD" and w in self._FUTURE or (w == "going" and i + 1 < hi and self.lower[i + 1] == "to" and i + 2 < hi and self.pos[i + 2] == "VB"):
                out.append((i, "future"))
            elif tag == "VBD":
                out.append((i, "past"))
            elif tag == "VBN":
                if any(p in self._FUTURE for p in prev):
                    out.append((i, "future"))
                elif any(p in self._HAVE for p in prev) or not any(p in self._BE for p in prev):
                    out.append((i, "past"))
                else:
                    out.append((i, "present"))
            elif tag in ("VBZ", "VBP") and w not in self._HAVE:
                out.append((i, "present"))
            if self.lemma[i] in self._PLAN and tag.startswith("VB"):
                out.append((i, "future"))
        self._cache[sent_id] = out
        return out

    def at(self, sent_id, offset: int) -> str | None:
        """The tense of the verb nearest to ``offset`` in the sentence (past/present/future/None)."""
        markers = self._markers(sent_id)
        if not markers:
            return None
        i = bisect.bisect_left(self.starts, offset)
        if any(t == "future" for _, t in markers) and not any(t == "past" for _, t in markers):
            return "future"
        # a reporting verb ("said") dates the report, not what is reported: it sets no tense
        main = [mk for mk in markers if self.lemma[mk[0]] not in self._REPORT]
        if not main:
            return None
        before = [mk for mk in main if mk[0] < i]
        if before:
            return _Tense(before[-1][1], near=i - before[-1][0] <= 4)
        return _Tense(main[0][1], near=main[0][0] - i <= 6)


class _Tense(str):
    """A tense (compares as its name) that also says whether its verb is next to the expression
    ("withdrew in late October") or further off, governing another phrase ("declared a
    dividend payable Dec. 15")."""

    near: bool = True

    def __new__(cls, name: str, *, near: bool = True):
        obj = super().__new__(cls, name)
        obj.near = near
        return obj


# --------------------------------------------------------------------------------------------
# normalization


class _Normalizer:
    def __init__(self, dct: _dt.date | None, p: _Patterns):
        self.dct = dct
        self.p = p
        self.ref: _dt.date | None = dct  # reference time for "two days later"
        self.ref_gran = "D"
        self.ref_quarter: str | None = None

    # -- helpers ---------------------------------------------------------------------------
    def _mod_of(self, pre: str | None) -> str | None:
        if not pre:
            return None
        pre = re.sub(r"\s+", " ", pre.lower()).strip()
        pre = {"the early": "early", "the late": "late", "the mid": "mid"}.get(pre, pre)
        return self.p.mods.get(pre)

    def _month_year(self, month: int, tense: str | None, rel: str | None = None) -> int | None:
        d = self.dct
        if d is None:
            return None
        rel = (rel or "").lower().split()[-1] if rel else None
        if rel == "last":
            return d.year if month < d.month else d.year - 1
        if rel == "next":
            return d.year if month > d.month else d.year + 1
        if rel == "this":
            return d.year
        # a past verb moves a month after the publication to the year before, unless the verb
        # governs another phrase and the month is the next one or the one after: a past-tense
        # sentence often names a near deadline or payment ("declared a dividend payable Dec.
        # 15", "gave them until mid-November"), while a date ten months back would carry its year
        if tense == "past" and month > d.month and (getattr(tense, "near", True) or month - d.month > 2):
            return d.year - 1
        if tense == "future" and month < d.month:
            return d.year + 1
        if tense not in ("past", "future"):
            diff = month - d.month
            if diff > 6:
                return d.year - 1
            if diff < -6:
                return d.year + 1
        return d.year

    def _weekday(self, wd: int, tense: str | None, rel: str | None) -> _dt.date | None:
        d = self.dct
        if d is None:
            return None
        rel = (rel or "").lower().split()[-1] if rel else ""
        rel = {"previous": "last", "following": "next"}.get(rel, rel)
        back = (d.isoweekday() - wd) % 7  # days back to the most recent such weekday (0 = today)
        fwd = (wd - d.isoweekday()) % 7
        if rel in ("last", "past"):
            return d - _dt.timedelta(days=back or 7)
        if rel in ("next", "coming"):
            return d + _dt.timedelta(days=fwd or 7)
        if rel == "this":
            return d + _dt.timedelta(days=fwd) if tense == "future" else d - _dt.timedelta(days=back) if tense == "past" else d + _dt.timedelta(days=fwd if fwd <= back else -back)
        if tense == "future":
            return d + _dt.timedelta(days=fwd)
        if tense is None and 0 < fwd < back:
            # no verb tells (only "said", or no verb): the nearer of the two, the past on a tie
            return d + _dt.timedelta(days=fwd)
        return d - _dt.timedelta(days=back)

    def _shift(self, base: _dt.date | None, n, unit: str, sign: int) -> str | None:
        """``base`` moved by ``n`` units, at the unit's granularity (``None`` base -> unknown)."""
        info = self.p.units.get(unit, {})
        u = info.get("unit")
        factor = info.get("factor", 1)
        if n == "X":
            return "PAST_REF" if sign < 0 else "FUTURE_REF"
        if base is None:
            return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(u, "XXXX")
        if not isinstance(n, (int, float)):
            return None
        n = n * factor
        if info.get("time"):
            return base.isoformat()
        if u == "D":
            return (base + _dt.timedelta(days=sign * n)).isoformat()
        if u == "W":
            return _week(base + _dt.timedelta(weeks=sign * n))
        if u == "M":
            y, m = _add_months(base.year, base.month, int(sign * n))
            return f"{y}-{m:02d}"
        if u == "Q":
            y, m = _add_months(base.year, base.month, int(sign * n * 3))
            return f"{y}-Q{(m - 1) // 3 + 1}"
        if u == "Y":
            return str(base.year + int(sign * n))
        return None

    # -- the rules ---------------------------------------------------------------------------
    def normalize(self, rule: str, m: re.Match, tense) -> tuple[str, str | None, str | None, str]:
        """``(type, value, mod, note)`` for a match of ``rule``; ``tense()`` gives the verb's tense."""
        g = m.groupdict()
        p, d = self.p, self.dct
        mod = self._mod_of(g.get("pre")) if "pre" in g else None
        if g.get("qmod"):
            mod = p.mods.get(re.sub(r"\s+", " ", g["qmod"].lower()))
        Y = lambda: str(d.year) if d else "XXXX"  # noqa: E731

        if rule in ("iso", "numeric", "mon_day", "day_mon"):
            if rule in ("iso", "numeric"):
                month, day = int(g["m"]), int(g["d"])
                year = int(g["y"]) if len(g["y"]) == 4 else (1900 + int(g["y"]) if int(g["y"]) > 30 else 2000 + int(g["y"]))
            else:
                month = p.months[g["mon"].lower().rstrip(".")]
                day = int(g["d"])
                year = int(g["y"]) if g.get("y") else None
            if g.get("wd") and year is None and d is not None:
                # "Friday, June 18": the year in which that date falls on that weekday, nearest first
                wd = p.weekdays[g["wd"].lower()]
                for cand in (d.year, d.year - 1, d.year + 1):
                    try:
                        if _dt.date(cand, month, day).isoweekday() == wd:
                            year = cand
                            break
                    except ValueError:
                        break
            if year is None:
                year = self._month_year(month, tense())
            try:
                _dt.date(year or 2000, month, day)
            except ValueError:
                name = calendar.month_name[month] if 1 <= month <= 12 else f"month {month}"
                return "DATE", None, mod, f"impossible date: {name} has no day {day}; left unnormalized"
            value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
            if rule == "iso" and g.get("H"):
                return "TIME", f"{value}T{g['H']}:{g['M']}", mod, ""
            return "DATE", value, mod, ""

        if rule in ("mon_year", "mon", "mon_rel"):
            month = p.months[g["mon"].lower().rstrip(".")]
            if g.get("y"):
                year = int(g["y"])
            else:
                year = self._month_year(month, tense(), g.get("rel"))
            return "DATE", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}", mod, ""

        if rule == "season":
            code = p.v["seasons"][g["sea"].lower()]
            smonth = _SEASON_START[code]
            rel = (g.get("rel") or "").lower().split()[-1] if g.get("rel") else ""  # "this past" -> past
            if g.get("y"):
                return "DATE", f"{g['y']}-{code}", mod, ""
            if d is None:
                return "DATE", f"XXXX-{code}", mod, ""
            spans = []
            for y in (d.year - 2, d.year - 1, d.year, d.year + 1):
                ey, em = _add_months(y, smonth, 2)
                spans.append((y, _dt.date(y, smonth, 1), _dt.date(ey, em, calendar.monthrange(ey, em)[1])))
            current = [y for y, a, b in spans if a <= d <= b]
            past = [y for y, a, b in spans if b < d]
            future = [y for y, a, b in spans if a > d]
            t = tense()
            if rel == "past":  # "the past summer", "this past spring": the latest one gone by
                year = past[-1]
            elif rel == "last":  # "last summer": the summer of the year before
                base = current[0] if current else past[-1]
                year = base - 1 if base == d.year else base
            elif rel in ("next", "coming"):  # "next summer": the summer of the year after
                year = future[0] + 1 if future[0] == d.year else future[0]
            elif current:
                year = current[0]
            elif rel == "this" and d.year in future:  # "this summer" said in March: the one ahead
                year = d.year
            elif t == "future":
                year = future[0]
            elif t == "past" or rel != "this":
                year = past[-1] if t == "past" or not future or (d - [b for y, a, b in spans if y == past[-1]][0]).days < ([a for y, a, b in spans if y == future[0]][0] - d).days else future[0]
            else:
                year = future[0]
            return "DATE", f"{year}-{code}", mod, ""

        if rule in ("decade", "decade_word"):
            if g.get("dy"):
                return "DATE", g["dy"][:3], mod, ""
            if g.get("yy"):
                yy = int(g["yy"])
                century = (d.year // 100) if d else 19
                if d and yy * 1 > d.year % 100:
                    century -= 1
                return "DATE", f"{century}{yy // 10}", mod, ""
            names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
            k = names.index(g["dw"].lower()) + 2
            century = 19 if not d or d.year < 2030 + 0 else d.year // 100
            return "DATE", f"{century}{k}", mod, ""

        if rule == "century":
            n = p.ordinals.get(g["ord"].lower())
            if n is None:
                n = int(re.match(r"\d+", g["ord"])[0])
            return "DATE", f"{n - 1:02d}", mod, ""

        if rule == "year":
            return "DATE", g["y"], mod, ""

        if rule == "quarter":
            n = p.ordinals.get(g["ord"].lower(), 1)
            part = g["part"].lower()
            tag = "Q" if part == "quarter" else "H"
            if tag == "H" and n > 2:
                return "DATE", None, mod, "no such half-year"
            if tag == "Q" and n > 4:
                return "DATE", None, mod, "no such quarter"
            rel = (g.get("rel") or "").lower()
            rel_y = (g.get("rel2") or g.get("rel3") or "").lower()
            if g.get("y"):
                year = g["y"]
            elif g.get("y3"):
                year = g["y3"]
            elif g.get("y2"):
                year = g["y2"]
            elif d is None:
                year = "XXXX"
            elif rel_y == "last" or rel in ("year-earlier", "year-ago"):
                year = str(d.year - 1)
            elif rel_y == "next":
                year = str(d.year + 1)
            else:
                cur = (d.month - 1) // 3 + 1 if tag == "Q" else (1 if d.month <= 6 else 2)
                t = tense()
                year = str(d.year - 1 if t == "past" and n > cur else d.year)
            return "DATE", f"{year}-{tag}{n}", mod, ""

        if rule == "the_quarter":
            part = g["part"].lower()
            if part == "period" and not g.get("rel"):
                return "DATE", None, None, "reject"
            if d is None:
                return "DATE", "XXXX-QX", None, ""
            rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
            q = (d.month - 1) // 3 + 1
            y = d.year
            t = tense()
            if rel in ("next", "coming") or (rel in ("", "current") and t == "future"):
                pass
            elif rel in ("current",) or t == "present" and rel == "":
                pass
            else:
                y, mth = _add_months(y, (q - 1) * 3 + 1, -3)
                q = (mth - 1) // 3 + 1
            if rel in ("next", "coming"):
                y, mth = _add_months(y, (q - 1) * 3 + 1, 3)
                q = (mth - 1) // 3 + 1
            if rel in ("year-earlier", "year-ago"):
                y -= 1
            if g.get("y"):
                y = int(g["y"])
            return "DATE", f"{y}-Q{q}", None, ""

        if rule == "deictic":
            word = re.sub(r"\s+", " ", g["day"].lower())
            delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                     "the day before yesterday": -2, "the day after tomorrow": 2}[word]
            pod = g.get("pod")
            code = p.v["parts_of_day"][pod.lower()] if pod else ("NI" if word == "tonight" else None)
            if d is None:
                base = "XXXX-XX-XX"
            else:
                base = (d + _dt.timedelta(days=delta)).isoformat()
            if code:
                return "TIME", f"{base}T{code}", mod, ""
            return "DATE", base, mod, ""

        if rule == "this_pod":
            rel = g["rel"].lower()
            code = p.v["parts_of_day"][g["pod"].lower()]
            delta = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
            if rel == "last" and code != "NI":
                delta = -1
            base = (d + _dt.timedelta(days=delta)).isoformat() if d else "XXXX-XX-XX"
            return "TIME", f"{base}T{code}", mod, ""

        if rule == "weekday":
            wd = p.weekdays[g["wd"].lower()]
            rel = g.get("rel")
            if rel and rel.lower().startswith(("early", "late")):
                mod = "START" if rel.lower().startswith("early") else "END"
            day = self._weekday(wd, tense(), rel)
            value = day.isoformat() if day else f"XXXX-WXX-{wd}"
            if g.get("pod"):
                return "TIME", f"{value}T{p.v['parts_of_day'][g['pod'].lower()]}", mod, ""
            return "DATE", value, mod, ""

        if rule == "rel_unit":
            rel = re.sub(r"\s+", " ", g["rel"].lower()).replace("the ", "")
            unit = re.sub(r"\s+", " ", g["unit"].lower()).replace("fiscal ", "")
            ea = (g.get("ea") or "").lower()
            if ea and not mod:
                mod = None
            shift = {"this": 0, "current": 0, "same": 0, "last": -1, "next": 1}[rel]
            if d is None:
                return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"), mod, ""
            if unit in ("week", "weekend"):
                value = _week(d + _dt.timedelta(weeks=shift))
                if unit == "weekend":
                    if shift == 0 and tense() == "past" and d.isoweekday() < 6:
                        value = _week(d - _dt.timedelta(weeks=1))
                    value += "-WE"
                return "DATE", value, mod, ""
            if unit == "month":
                y, mth = _add_months(d.year, d.month, shift)
                return "DATE", f"{y}-{mth:02d}", mod, ""
            if unit == "quarter":
                y, mth = _add_months(d.year, d.month, 3 * shift)
                return "DATE", f"{y}-Q{(mth - 1) // 3 + 1}", mod, ""
            if unit == "decade":
                return "DATE", str(d.year // 10 + shift), mod, ""
            if unit == "century":
                return "DATE", f"{d.year // 100 + shift:02d}", mod, ""
            return "DATE", str(d.year + shift), mod, ""

        if rule == "the_unit":
            unit = g["ea"].lower()
            if d is None:
                return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX"), None, ""
            if unit == "year":
                return "DATE", str(d.year), None, ""
            if unit == "month":
                return "DATE", f"{d.year}-{d.month:02d}", None, ""
            if unit == "weekend":
                base = d - _dt.timedelta(weeks=1) if tense() == "past" and d.isoweekday() < 6 else d
                if tense() == "future" and d.isoweekday() >= 6:
                    base = d
                return "DATE", _week(base) + "-WE", None, ""
            return "DATE", _week(d), None, ""

        if rule == "ago":
            n = _number(g["n"], p)
            unit = _unit_name(g["unit"], p)
            direction = re.sub(r"\s+", " ", g["dir"].lower())
            if direction in ("ago", "previously"):
                base, sign = d, -1
            elif direction in ("hence", "from now"):
                base, sign = d, 1
            else:
                base, sign = self.ref, (-1 if direction in ("earlier", "before") else 1)
            if unit == "year" and n == 1 and sign < 0 and self.ref_gran == "Q" and self.ref_quarter:
                y, q = self.ref_quarter.split("-")
                return "DATE", f"{int(y) - 1}-{q}", mod, ""
            value = self._shift(base, n, unit, sign)
            if value is None:
                return "DURATION", _duration(n, unit, p), mod, ""
            return "DATE", value, mod, ""

        if rule == "year_ago_adj":
            part = (g.get("part") or "").lower()
            unit = m.group(0).lower().split("-")[0].split()[-1]
            if d is None:
                return "DATE", "XXXX", None, ""
            if unit == "year":
                if self.ref_gran == "Q" and self.ref_quarter and part != "year":
                    y, q = self.ref_quarter.split("-")
                    return "DATE", f"{int(y) - 1}-{q}", None, ""
                if part in ("quarter", "period"):
                    q = (d.month - 1) // 3 + 1
                    y, mth = _add_months(d.year, (q - 1) * 3 + 1, -3)
                    return "DATE", f"{y - 1}-Q{(mth - 1) // 3 + 1}", None, ""
                return "DATE", str(d.year - 1), None, ""
            return "DATE", self._shift(d, 1, unit, -1), None, ""

        if rule in ("duration", "hyphen_adj"):
            n = _number(g["n"], p)
            unit = _unit_name(g["unit"], p)
            rel = (g.get("rel") or "").lower()
            value = _duration(n, unit, p)
            if value is None:
                return "DURATION", None, mod, "reject"
            return "DURATION", value, mod, ""

        if rule == "duration_bare":
            return "DURATION", _duration("X", _unit_name(g["unit"], p), p), None, ""

        if rule == "the_past_unit":
            return "DURATION", _duration(1, _unit_name(g["unit"], p), p), mod, ""

        if rule == "mon_relyear":
            month = p.months[g["mon"].lower().rstrip(".")]
            if d is None:
                return "DATE", f"XXXX-{month:02d}", mod, ""
            year = d.year + {"last": -1, "this": 0, "next": 1}[g["ry"].lower()]
            return "DATE", f"{year}-{month:02d}", mod, ""

        if rule in ("clock", "noon"):
            if rule == "clock":
                hour = int(g["H"])
                minute = int(g["M"] or 0)
                ap = g["ap"].lower()[0]
                if hour > 12 or hour == 0:
                    return "TIME", None, None, "reject"
                hour = hour % 12 + (12 if ap == "p" else 0)
                clock = f"{hour:02d}:{minute:02d}"
            else:
                clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["nm"].lower()]
            if g.get("cmon"):
                month = p.months[g["cmon"].lower().rstrip(".")]
                year = self._month_year(month, tense())
                try:
                    day = _dt.date(year, month, int(g["cd"])) if year else None
                except ValueError:
                    return "TIME", None, None, "impossible date; left unnormalized"
                if day is None:
                    return "TIME", f"XXXX-{month:02d}-{int(g['cd']):02d}T{clock}", None, ""
            elif g.get("wd"):
                day = self._weekday(p.weekdays[g["wd"].lower()], tense(), None)
            elif g.get("day"):
                delta = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["day"].lower()]
                day = d + _dt.timedelta(days=delta) if d else None
            else:
                day = d
            return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{clock}", None, ""

        if rule == "holiday":
            name = re.sub(r"\s+", " ", g["hol"].lower())
            year = int(g["y"]) if g.get("y") else None
            if name.startswith("thanksgiving"):
                month, day_of = 11, None
            elif name.startswith("easter"):
                month, day_of = None, None
            else:
                month, day_of = p.v["holidays"][name]
            if year is None:
                if d is None:
                    return "DATE", f"XXXX-{month:02d}-{day_of:02d}" if day_of else "XXXX", None, ""
                year = self._month_year(month or 4, tense())
            if name.startswith("thanksgiving"):
                first = _dt.date(year, 11, 1)
                thursday = first + _dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
                return "DATE", thursday.isoformat(), None, ""
            if name.startswith("easter"):
                from dateutil.easter import easter

                return "DATE", easter(year).isoformat(), None, ""
            return "DATE", f"{year}-{month:02d}-{day_of:02d}", None, ""

        if rule == "ref":
            word = re.sub(r"\s+", " ", g["ref"].lower())
            return "DATE", self.p.refs[word], None, ""

        if rule == "set":
            if g.get("adv"):
                value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                         "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
                         "semiannually": "P6M"}[g["adv"].lower()]
                return "SET", value, None, ""
            u = (g.get("u2") or g.get("u3")).lower()
            if u in p.weekdays:
                return "SET", f"XXXX-WXX-{p.weekdays[u]}", None, ""
            if u in p.v["parts_of_day"]:
                return "SET", f"TXX{p.v['parts_of_day'][u]}".replace("TXX", "T"), None, ""
            if u in p.v["seasons"]:
                return "SET", f"XXXX-{p.v['seasons'][u]}", None, ""
            value = _duration(1, u, p)
            if g.get("every") and "other" in m.group(0).lower():
                value = _duration(2, u, p)
            return "SET", value, None, ""
        return "DATE", None, None, "reject"  # pragma: no cover


# --------------------------------------------------------------------------------------------
# candidate checks (context the regex cannot see cheaply)

_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|since|by|until|till|from|through|to|of|during|before|after|early|late|mid|last|next|this|and|or|between|throughout|late|that|until|each|every)\s+|-)$", re.I)
_YEAR_BEFORE_BAD = re.compile(r"(?:\b(?:No|no|number|Nos?\.|page|pages|room|flight|route|article|section|chapter|resolution|model|code|the\s+year)\s+|#)$")
_YEAR_AFTER_BAD = re.compile(r"^\s*(?:[a-z]+s\b(?<!\bwas\b)(?<!\bis\b)(?<!\bas\b)(?<!\bhas\b)(?<!\bits\b)(?<!\bthis\b)(?<!\bthus\b)|people|troops|votes|men|women|feet|miles|km|kilometers|meters|tons|barrels|acres|children)", re.S)


#: a modal or auxiliary right before "last": there "last" is the verb ("will last three years")
_VERB_BEFORE = re.compile(r"\b(?:will|would|to|can|could|may|might|should|must|shall|did|does|do|not|n't|'ll|’ll)\s+$", re.I)


def _accept(rule: str, m: re.Match, text: str) -> bool:
    g = m.groupdict()
    s = m.group(0)
    before = text[max(0, m.start() - 30):m.start()]
    if g.get("mon"):
        mon = g["mon"]
        if not mon[0].isupper():
            return False
        if mon.isupper() and len(mon.rstrip(".")) > 1 and not text[max(0, m.start() - 40):m.end() + 40].isupper():
            return False  # acronyms like "MAY" or "DEC" in running text
        low = mon.lower().rstrip(".")
        if rule == "mon" and low in _patterns().ambiguous and not g.get("pre"):
            if not _MONTH_CONTEXT.search(before):
                return False
            if low == "may" and re.match(r"\s+(?:be|have|not|also|well|still|need|seem|want|take|make|come|go|get|give)\b", text[m.end():m.end() + 12]):
                return False
        if len(low) <= 4 and low not in ("may", "june", "july") and not mon.endswith(".") and rule in ("mon",):
            return False
    if g.get("wd") and not g["wd"][0].isupper():
        return False
    if rule == "year":
        if _YEAR_BEFORE_BAD.search(before) or _YEAR_AFTER_BAD.match(text[m.end():m.end() + 20]):
            return False
        if re.match(r"\s*(?:-|to|and)\s*\d", text[m.end():m.end() + 6]) and not re.search(r"(?:from|between|in|since)\s+$", before, re.I):
            return bool(re.search(r"\b(?:in|since|by|of|from|until|the)\s+$", before, re.I))
    if rule == "season":
        sea = g["sea"].lower()
        if not g.get("rel") and not g.get("y") and not g.get("pre"):
            if not re.search(r"\b(?:in|since|by|until|during|through|this|that|each|every)\s+$", before, re.I):
                return False
        if sea == "fall" and not (g.get("rel") and g["rel"].lower() != "the" or g.get("y")):
            if not (g.get("rel") and re.search(r"\b(?:in|since|by|until|during|this)\s+$", before, re.I)):
                return False
    if rule in ("decade", "year") and g.get("pre") and g["pre"].lower().startswith("the ") and rule == "year":
        return False
    if rule == "ref":
        word = g["ref"].lower()
        after = text[m.end():m.end() + 20]
        if word == "current" and not re.match(r"\s+[a-z]", after):
            return False
        if word in ("future",) and not re.match(r"\s+[a-z]", after):
            return False
        if word == "now" and re.match(r"\s+that\b", after) and False:
            return False
    if rule == "the_unit" and re.search(r"\b(?:of|all|every|each|per|a|for)\s+$", before, re.I):
        return False
    if rule == "duration":
        if g.get("n") and g["n"].lower() in ("a", "an") and re.search(r"\b(?:once|twice|times|per|a)\s+$", before, re.I):
            return False
        if re.match(r"\s*(?:'s|’s)", text[m.end():m.end() + 3]) and False:
            return False
        n = g.get("n") or ""
        if n.lower() in ("a", "an") and g["unit"].lower() == "second" and not re.search(r"\b(?:for|in|within|than|about|only|just)\s+$", before, re.I):
            return False
        if n.lower() in ("some", "many", "few", "numerous") and g.get("unit", "").lower().startswith(("second", "minute")):
            return False
    if rule == "duration_bare" and not (g.get("ctx") or g.get("rel")):
        return False
    if rule == "hyphen_adj" and (re.match(r"-old\b|s\b", text[m.end():m.end() + 5]) or g["unit"].lower() == "quarter"):
        return False
    if rule == "the_quarter" and g.get("part", "").lower() == "period" and not g.get("rel"):
        return False
    if rule == "clock" and g.get("tz") and not re.fullmatch(r"[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|EET|IST|JST", g["tz"]):
        return False
    if rule == "set" and g.get("adv") and g["adv"].lower() == "daily" and re.match(r"\s+(?:newspaper|paper|mail|telegraph|express|star|news|beast|show)\b", text[m.end():m.end() + 14], re.I):
        return False
    return bool(s.strip())


def _trim_clock_tz(m: re.Match) -> int:
    """End of a clock match without an unrecognised trailing word."""
    return m.end()


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


def _windows(text: str, p: "_Patterns", spans, margin: int = 40) -> dict[str, list[tuple[int, int]]]:
    """For each kind of anchor word, the merged stretches of ``text`` around its occurrences,
    each kept inside one span (paragraph) and widened to whole words."""
    spans = spans if spans is not None else [(0, len(text))]
    kinds = p.kinds
    out: dict[str, list] = {}
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for s0, e0 in spans:
        last: dict[str, list] = {}
        for m in p.anchor.finditer(low, s0, e0):
            w = m.group()
            if w[0].isdigit():
                found = ("digit",)
            else:
                lw = w.lower()
                found = kinds.get(lw)
                if lw.endswith("s") and lw[:-1] in kinds:
                    found = (found or set()) | kinds[lw[:-1]]
                if not found:
                    continue
            a, b = m.start() - margin, m.end() + margin
            for kind in found:
                cur = last.get(kind)
                if cur is not None and a <= cur[1]:
                    cur[1] = b
                else:
                    cur = [a, b, s0, e0]
                    last[kind] = cur
                    out.setdefault(kind, []).append(cur)
    result = {}
    for kind, lst in out.items():
        wins = []
        for a, b, s0, e0 in lst:
            a, b = max(s0, a), min(e0, b)
            while a > s0 and not text[a - 1].isspace():
                a -= 1
            while b < e0 and not text[b].isspace():
                b += 1
            wins.append((a, b))
        result[kind] = wins
    return result


def find_timexes(text: str, *, published=None, tense_at=None, spans=None) -> list[dict]:
    """Temporal expressions in ``text``: dicts with start, end, text, type, value, mod, note.

    The engine behind :func:`timexes`, usable on any string. ``tense_at(offset)`` returns the
    tense (``"past"``, ``"present"``, ``"future"`` or None) of the verb governing an offset;
    ``spans`` limits the search to ``(start, end)`` stretches (the body paragraphs).

    >>> [(t["text"], t["value"]) for t in find_timexes("It began in mid-July.", published="2021-09-16")]
    [('mid-July', '2021-07')]
    """
    from .article import parse_date

    dct = parse_date(published, what="publication date") if not isinstance(published, _dt.date) else published
    p = _patterns()
    cands = []
    windows = _windows(text, p, spans)
    for prio, (rule, rx) in enumerate(p.rules):
        has_x = "x" in rx.groupindex
        need = p.needs[prio]
        wins = windows.get(next(iter(need)), []) if len(need) == 1 else sorted({w for k in need for w in windows.get(k, [])})
        for w_start, w_end in wins:
            for m in rx.finditer(text, w_start, w_end):
                if m.end() == m.start() or not _accept(rule, m, text):
                    continue
                if has_x and m.group("x"):
                    cands.append((m.start("x"), m.end("x"), prio, rule, m))
                elif rule == "duration" and m.group("det") and not m.group("rel") and not m.group("qmod") and text[m.end("n")] == "-":
                    cands.append((m.start("n"), m.end(), prio, rule, m))  # "the two-day meeting": not the article
                elif rule == "duration" and m.group("rel") and m.group("rel").lower() == "last" and not m.group("det") \
                        and _VERB_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                    cands.append((m.start("n"), m.end(), prio, rule, m))  # "will last three years": "last" is the verb
                else:
                    cands.append((m.start(), m.end(), prio, rule, m))
    if spans is not None:
        starts = [s for s, _ in spans]
        keep = []
        for c in cands:
            i = bisect.bisect_right(starts, c[0]) - 1
            if i >= 0 and c[1] <= spans[i][1]:
                keep.append(c)
        cands = keep
    # longest match wins; ties go to the earlier rule
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        i = bisect.bisect_left(taken, (c[0], c[0]))
        if i > 0 and taken[i - 1][1] > c[0]:
            continue
        if i < len(taken) and taken[i][0] < c[1]:
            continue
        taken.insert(i, (c[0], c[1]))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    norm = _Normalizer(dct, p)
    out = []
    for start, end, _, rule, m in chosen:
        def tense(_s=start):
            return tense_at(_s) if tense_at else None
        try:
            typ, value, mod, note = norm.normalize(rule, m, tense)
        except (ValueError, OverflowError, KeyError) as exc:  # never crash on odd input
            typ, value, mod, note = "DATE", None, None, f"could not normalize: {exc}"
        if note == "reject":
            continue
        # keep the reference time for "two days later"
        rng = value_range(value) if typ in ("DATE", "TIME") else None
        if rng and rule not in ("ref",):
            norm.ref = rng[0]
        if rng and rule in ("quarter", "the_quarter"):
            norm.ref_gran = "Q"
            norm.ref_quarter = value
        elif rng and rule not in ("ref", "year_ago_adj", "ago"):
            norm.ref_gran = "D"
        out.append({"start": start, "end": end, "text": text[start:end], "type": typ, "value": value,
                    "mod": mod, "note": note or "", "rule": rule})
    return out


# --------------------------------------------------------------------------------------------
# the layers


def timexes(doc) -> pd.DataFrame:
    """Temporal expressions of the article, normalized against its publication date.

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``timex_id, para_id, sent_id, start, end, text, type, value, mod, note``:
        ``type`` is DATE, TIME, DURATION or SET; ``value`` the TIMEX3 value (``2021-07``,
        ``2021-W37``, ``P2D``, ``PRESENT_REF`` ...; empty when it cannot be normalized, with
        the reason in ``note``); ``mod`` START, MID, END, APPROX, MORE_THAN ... or empty.

    >>> import analysis
    >>> doc = analysis.annotate(analysis.SEED)
    >>> doc.timexes.loc[doc.timexes.text == "mid-July", ["value", "mod"]].values.tolist()
    [['2021-07', 'MID']]
    """
    paras = doc.paragraphs
    sents = doc.sentences
    spans = list(zip(paras["start"].tolist(), paras["end"].tolist()))
    s_start = sents["start"].tolist()
    s_ids = sents["sent_id"].tolist()
    s_para = sents["para_id"].tolist()
    tenses = _token_lists(doc).tenses

    def sent_at(offset):
        i = bisect.bisect_right(s_start, offset) - 1
        return max(i, 0)

    def tense_at(offset):
        if not s_ids:
            return None
        return tenses.at(s_ids[sent_at(offset)], offset)

    found = find_timexes(doc.text, published=doc.published, tense_at=tense_at, spans=spans)
    rows = []
    for k, t in enumerate(found, 1):
        i = sent_at(t["start"]) if s_ids else None
        rows.append({"timex_id": f"t{k}", "para_id": s_para[i] if i is not None else None,
                     "sent_id": s_ids[i] if i is not None else None, "start": t["start"], "end": t["end"],
                     "text": t["text"], "type": t["type"], "value": t["value"] or "", "mod": t["mod"] or "",
                     "note": t["note"]})
    cols = {c: [r[c] for r in rows] for c in TIMEX_COLUMNS}
    return _frame(cols, TIMEX_COLUMNS)


_AUX = {"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'s", "'re", "'ve", "'ll", "'d"}
# linear: each alternative is fixed-length or starts with a comma, so a
# long run of spaces is never retried from each of its positions (tests/test_fixsent_linear.py)
_CLAUSE_BREAK = re.compile(r"[;:–—]|,\s+(?:but|while|whereas|although|and\s+(?=the|they|he|she|it|we))\b|\s[-–—]\s")


def _start_date(value: str) -> _dt.date | None:
    rng = value_range(value)
    return rng[0] if rng else None


def events(doc) -> pd.DataFrame:
    """The events the article dates: those placed on the calendar in chronological order, then
    those that cannot be placed, in reading order.

    For each DATE or TIME expression (not "now" / "recently"), the event it anchors in its
    sentence: ``trigger`` is the lemma of an event noun next to the expression ("the summit on
    June 16") or of the nearest main verb in the same clause; ``actors`` are the actors the
    clause mentions (``doc.mentions``, when the actors layer is installed); ``summary`` is the
    clause. When the article reports a meeting without a date, it is added as an event the day
    before publication (or on the day, if told in the present or future), marked in ``note``.

    The date of an inline dateline ("NAIROBI, 12 May 2023 —", ``doc.meta["dateline"]``) is the
    article's date, not an event: it stays in ``doc.timexes`` but anchors no event.

    An event is *placed* when its value gives a calendar date. Without a publication date
    ("in April" -> ``XXXX-04``, "on Friday" -> ``XXXX-WXX-5``), or when the expression could
    not be normalized ("February 30"), it is kept with ``date`` = NaT and ``anchor`` saying why.

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``event_id, timex_id, date, value, mod, para_id, sent_id, trigger, actor_ids,
        actors, summary, note, anchor``; ``date`` (``datetime64``) is the day where the value
        starts, NaT when the event cannot be placed; ``anchor`` is ``"timex"`` (placed by its
        expression), ``"publication date"`` (the undated meeting, placed by rule) or
        ``"unresolved: ..."`` with the reason (``"unresolved: no publication date"``).

    >>> import analysis
    >>> analysis.annotate(analysis.SEED).events["value"].tolist()[:3]
    ['2021-04', '2021-06-16', '2021-07']
    """
    # every column is read once, as a list: pandas' per-access overhead is most of the cost
    t_id, t_type, t_value, t_mod, t_para, t_sent, t_start_, t_end_, t_note = _columns(
        doc.timexes, ("timex_id", "type", "value", "mod", "para_id", "sent_id", "start", "end", "note"))
    vocab = vocabulary()
    event_nouns = frozenset(vocab["event_nouns"])
    meeting_nouns = frozenset(vocab["meeting_nouns"])
    toks = _token_lists(doc)
    s_id, s_start, s_end = _columns(doc.sentences, ("sent_id", "start", "end"))
    sent_span = dict(zip(s_id, zip(s_start, s_end)))
    no_dct = doc.published is None
    # the date of an inline dateline ("NAIROBI, 12 May 2023 —") dates the article, not an event
    dl_lo, dl_hi = dateline_span(doc)
    anchored = []
    for tid, typ, value, mod, para_id, sent_id, t_start, t_end, t_nt in zip(
            t_id, t_type, t_value, t_mod, t_para, t_sent, t_start_, t_end_, t_note):
        if typ not in ("DATE", "TIME") or (value or "").endswith("_REF") or dl_lo <= t_start < dl_hi:
            continue
        first = _start_date(value) if value else None
        if first is not None:
            anchor = "timex"
        elif not value:
            anchor = "unresolved: " + ((t_nt or "").split(";")[0].strip() or "no value")
        elif no_dct:
            anchor = _NO_DCT
        else:
            anchor = "unresolved: unknown parts in the value"
        anchored.append((tid, value or "", mod, para_id, sent_id, t_start, t_end, first, anchor))
    dated_paras = {p for p, t, a in zip(t_para, t_type, t_start_) if t in ("DATE", "TIME") and not dl_lo <= a < dl_hi}
    undated_at = _undated_meeting_at(doc, dated_paras, toks, meeting_nouns)
    needed = {r[4] for r in anchored} | ({toks.sent[undated_at[0]]} if undated_at else set())
    mentions = _MentionLists(_mentions_or_none(doc), needed)
    breaks = ClauseBreaks(_CLAUSE_BREAK, doc.text)
    placed, unplaced = [], []
    for tid, value, mod, para_id, sent_id, t_start, t_end, first, anchor in anchored:
        s_start, s_end = sent_span[sent_id]
        clause = breaks.around(s_start, s_end, t_start, t_end)
        trigger = _trigger(toks, sent_id, t_start, t_end, clause, event_nouns)
        ids, names = mentions.actors(sent_id, clause)
        cells = [tid, first, value, mod, para_id, sent_id, trigger, ";".join(ids), "; ".join(names),
                 _summary(doc.text, clause), "", anchor]
        if first is not None:
            placed.append((first.isoformat(), value[10:] if len(value) >= 10 else "~", para_id, sent_id, cells))
        else:
            unplaced.append((para_id, sent_id, t_start, cells))
    undated = _undated_meeting(doc, undated_at, toks, mentions, sent_span)
    if undated is not None:
        if undated[-1][1] is None:
            unplaced.append((undated[2], undated[3], toks.start[undated_at[0]], undated[-1]))
        else:
            placed.append(undated)
    placed.sort(key=lambda r: r[:4])
    unplaced.sort(key=lambda r: r[:3])
    rows = [r[-1] for r in placed] + [r[-1] for r in unplaced]
    cols = [[f"e{k}" for k in range(1, len(rows) + 1)]] + [list(c) for c in zip(*rows)]
    if not rows:
        cols += [[] for _ in EVENT_COLUMNS[1:]]
    cols[2] = _dates(cols[2])
    return _frame(dict(zip(EVENT_COLUMNS, cols)), EVENT_COLUMNS)


_NO_DCT = "unresolved: no publication date"


def _dates(days) -> "pd.arrays.DatetimeArray":
    """A ``datetime64[s]`` column from dates and Nones (NaT): seconds, not nanoseconds, so that
    "the 15th century" (1400-01-01) fits."""
    import numpy as np

    arr = np.array([np.datetime64(d, "s") if d is not None else np.datetime64("NaT", "s") for d in days],
                   dtype="datetime64[s]")
    return pd.array(arr)


def _frame(data: dict, columns) -> pd.DataFrame:
    """The output table from columns of lists (:func:`analysis._frames.frame_from_columns`)."""
    return frame_from_columns(list(columns), [data[c] for c in columns])


def _columns(df: pd.DataFrame, names) -> list[list]:
    """The named columns of ``df`` as lists, each read once (a missing column gives Nones)."""
    out = []
    for name in names:
        if name not in df.columns:
            out.append([None] * len(df))
            continue
        out.append(column_values(df, name).tolist())
    return out


_TOKEN_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _token_lists(doc) -> "_TokenLists":
    """The token columns as lists, built once per document (shared by timexes and events)."""
    try:
        cached = _TOKEN_CACHE.get(doc)
    except TypeError:
        return _TokenLists(doc)
    if cached is None or cached.n != len(doc.tokens):
        cached = _TokenLists(doc)
        try:
            _TOKEN_CACHE[doc] = cached
        except TypeError:
            pass
    return cached


class _TokenLists:
    """The token columns events() reads, as Python lists, with each sentence's token range."""

    def __init__(self, doc):
        col = doc.token_list  # shared with the other layers, made once per document
        self.start, self.end, self.lemma = col("start"), col("end"), col("lemma")
        self.lower, self.pos, self.sent, self.para = col("lower"), col("pos"), col("sent_id"), col("para_id")
        self.n = len(self.start)
        self.tenses = _Tenses(doc)  # reads the same shared lists

    def range(self, sent_id, lo: int, hi: int) -> range:
        a = bisect.bisect_left(self.sent, sent_id)
        b = bisect.bisect_right(self.sent, sent_id)
        i = bisect.bisect_left(self.start, lo, a, b)
        j = bisect.bisect_right(self.start, hi - 1, a, b)
        while j > i and self.end[j - 1] > hi:
            j -= 1
        return range(i, j)


class _MentionLists:
    """The rows of ``doc.mentions`` in the ``needed`` sentences, as lists (empty without actors)."""

    def __init__(self, m, needed=None):
        self.sent, self.start = [], []
        if m is None:
            return
        sent, start, end, text, ident, name = _columns(m, ("sent_id", "start", "end", "text", "actor_id", "actor"))
        keep = sorted((sent[i], start[i], i) for i in range(len(sent)) if needed is None or sent[i] in needed)
        if not keep:
            return
        idx = [k[2] for k in keep]
        self.sent = [sent[i] for i in idx]
        self.start = [start[i] for i in idx]
        self.end = [end[i] for i in idx]
        self.id = [ident[i] if isinstance(ident[i], str) and ident[i] else "" for i in idx]
        self.name = [name[i] if isinstance(name[i], str) and name[i] else str(text[i]) for i in idx]

    def actors(self, sent_id, clause) -> tuple[list[str], list[str]]:
        if not self.sent:
            return [], []
        a = bisect.bisect_left(self.sent, sent_id)
        b = bisect.bisect_right(self.sent, sent_id)
        lo, hi = clause
        idx = [i for i in range(a, b) if self.start[i] >= lo and self.end[i] <= hi] or list(range(a, b))
        ids, names = [], []
        for i in idx:
            ident = self.id[i] or self.name[i]
            if ident not in ids:
                ids.append(ident)
                names.append(self.name[i])
        return ids, names


def _mentions_or_none(doc):
    try:
        m = doc.mentions
    except (AttributeError, ImportError, ModuleNotFoundError):
        return None
    if m is None or not len(m) or not {"sent_id", "start", "end", "text"} <= set(m.columns):
        return None
    return m


def _trigger(toks: "_TokenLists", sent_id, t_start: int, t_end: int, clause, event_nouns) -> str:
    idx = toks.range(sent_id, *clause)
    if not len(idx):
        return ""
    lemma, lower, pos, start = toks.lemma, toks.lower, toks.pos, toks.start
    before = [i for i in idx if start[i] < t_start]
    after = [i for i in idx if start[i] >= t_end]
    # an event noun right before the timex ("the summit on June 16") or right after ("June 16 talks")
    for i in reversed(before[-4:]):
        if pos[i].startswith("NN") and lemma[i] in event_nouns:
            return lemma[i]
    for i in after[:2]:
        if pos[i].startswith("NN") and lemma[i] in event_nouns:
            return lemma[i]
    verbs = [i for i in idx if pos[i].startswith("VB") and lemma[i] not in _AUX and lower[i] not in _AUX
             and not (t_start <= start[i] < t_end)]
    if not verbs:
        verbs = [i for i in idx if pos[i].startswith("VB")]
    if not verbs:
        nouns = [i for i in idx if pos[i].startswith("NN") and lemma[i] in event_nouns]
        return lemma[nouns[0]] if nouns else ""
    first = before[-1] + 1 if before else idx[0]  # first token of the expression
    prior = [i for i in verbs if i < first]
    later = [i for i in verbs if i >= first]
    if prior and first - prior[-1] <= 6:  # "met in Oslo on Tuesday": the verb the adjunct follows
        return lemma[prior[-1]]
    if later:  # "On June 16, ... Putin told": a fronted adjunct
        return lemma[later[0]]
    return lemma[prior[-1]]


def _summary(text: str, clause, *, max_words: int = 18) -> str:
    lo, hi = clause
    words = re.sub(r"\s+", " ", text[lo:hi]).strip(" ,;:–—-\"“”'").split(" ")
    if len(words) > max_words:
        words = words[:max_words] + ["…"]
    return " ".join(words)


def _undated_meeting_at(doc, dated, toks: "_TokenLists", meeting_nouns):
    """``(token index, tense)`` of the first meeting the lead (first three paragraphs) reports
    without any date in its paragraph (``dated``: the paragraphs with a date), or None."""
    lead = set(sorted(_columns(doc.paragraphs, ("para_id",))[0])[:3])
    for i, (lem, tag, para) in enumerate(zip(toks.lemma, toks.pos, toks.para)):
        if lem not in meeting_nouns or para not in lead or para in dated or not tag.startswith("NN"):
            continue
        tense = toks.tenses.at(toks.sent[i], toks.start[i])
        if tense in ("past", "present", None):
            return i, tense
    return None


def _undated_meeting(doc, found, toks: "_TokenLists", mentions: "_MentionLists", sent_span):
    """The event row of the undated meeting: the day before publication (past tense) or the day."""
    if found is None:
        return None
    i, tense = found
    sent_id, para, lem = toks.sent[i], toks.para[i], toks.lemma[i]
    clause = sent_span[sent_id]
    ids, names = mentions.actors(sent_id, clause)
    if doc.published is None:
        return ("", "", para, sent_id,
                ["", None, "", "APPROX", para, sent_id, lem, ";".join(ids), "; ".join(names),
                 _summary(doc.text, clause), "undated in the text, and the article has no publication date", _NO_DCT])
    day = doc.published - _dt.timedelta(days=1) if tense == "past" else doc.published
    note = ("undated in the text: placed the day before publication" if tense == "past"
            else "undated in the text: placed on the publication date")
    return (day.isoformat(), "~", para, sent_id,
            ["", day, day.isoformat(), "APPROX", para, sent_id, lem, ";".join(ids), "; ".join(names),
             _summary(doc.text, clause), note, "publication date"])
