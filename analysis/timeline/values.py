"""TIMEX3 value arithmetic: months and ISO weeks, number words, durations (``P2D``) and the
calendar days a date value covers (:func:`value_range`)."""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from .patterns import _Patterns


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PART_HOUR = {"MO": 8, "AF": 14, "EV": 19, "NI": 22}


_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


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
