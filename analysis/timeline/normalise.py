"""Normalization: the TIMEX3 type, value and mod of a matched expression, resolved against
the publication date, the tense of its verb and the last date the text gave."""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from .patterns import _Patterns
from .values import _SEASON_START, _add_months, _duration, _number, _unit_name, _week


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
