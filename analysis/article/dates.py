"""Dates: ISO dates and datetimes given by the user, dates in header lines, and the inline
dateline ("NAIROBI, 12 May 2023 —") that opens the first paragraph."""

from __future__ import annotations

import datetime as _dt
import re

from ..errors import InputError

_MONTHS = ("january february march april may june july august september october november december").split()
_DATE_PATTERNS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2}),? (?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2}) (?P<mon>[A-Za-z]{3,9})\.?,? (?P<y>\d{4})"),
]




def parse_date(value, *, what: str = "date") -> _dt.date | None:
    """Return ``value`` as a ``datetime.date`` (``None`` stays ``None``).

    Accepts a ``date``, a ``datetime`` or an ISO string: a date ``YYYY-MM-DD`` or a date and
    time such as ``2019-11-20T11:19:29Z`` or ``2019-11-20 11:19+01:00`` (the date as written, in
    its own time zone: :func:`parse_date_details` gives the time and zone too). Anything else is
    an :class:`InputError` naming what was given and what is allowed.

    >>> parse_date("2019-11-20T11:19:29Z")
    datetime.date(2019, 11, 20)
    """
    return parse_date_details(value, what=what)[0]


_ISO_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
                           r"[^\S\n]?(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?", re.I)


def parse_date_details(value, *, what: str = "date") -> tuple[_dt.date | None, str | None]:
    """``(date, note)``: the date of ``value`` (see :func:`parse_date`) and, when a time was
    given, a note saying which time and time zone the date was read from.

    >>> parse_date_details("2019-11-20T11:19:29Z")[1]
    '2019-11-20T11:19:29Z: the date as written (11:19:29, time zone UTC)'
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, _dt.datetime):
        zone = value.tzname() if value.tzinfo is not None else "not given"
        return value.date(), f"{value.isoformat()}: the date as written ({value.time().isoformat()}, time zone {zone})"
    if isinstance(value, _dt.date):
        return value, None
    text = str(value).strip()
    m = _ISO_DATETIME.fullmatch(text)
    if not m:
        raise InputError(f"invalid {what} {text!r}: use the form YYYY-MM-DD (e.g. 2021-09-16) "
                         "or an ISO date and time (e.g. 2021-09-16T11:19:29Z)")
    try:
        day = _dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m[4] is not None:
            _dt.time(int(m[4]), int(m[5]), int(m[6] or 0))
    except ValueError as exc:
        raise InputError(f"invalid {what} {text!r}: {exc}") from None
    if m[4] is None:
        return day, None
    zone = m[7] or "not given"
    zone = "UTC" if zone.upper() in ("Z", "UTC", "GMT", "+00:00", "+0000", "+00") else zone
    clock = f"{m[4]}:{m[5]}" + (f":{m[6]}" if m[6] else "")
    return day, f"{text}: the date as written ({clock}, time zone {zone})"


def _date_in(text: str) -> _dt.date | None:
    """A date written in a short header line ("September 16, 2021", "16 Sep 2021", "2021-09-16")."""
    for pat in _DATE_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        try:
            if "mon" in pat.groupindex:
                mon = m["mon"].lower()
                month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(mon[:3]))
            else:
                month = int(m["m"])
            return _dt.date(int(m["y"]), month, int(m["d"]))
        except (StopIteration, ValueError):
            continue
    return None


# An inline dateline opening the first body paragraph: PLACE[, REGION], DATE [(AGENCY)] DASH.
# Place words are capitalised or upper-case ("NAIROBI", "Port-au-Prince", "ST. LOUIS", "Rio de Janeiro");
# the date is "12 May 2023", "May 12", "Sept. 16, 2021", "Monday, May 12" or "2023-05-12".
_DL_UPPER = "A-ZÀ-ÖØ-Þ"
_DL_WORD = rf"[{_DL_UPPER}][\w'’.\-]{{0,30}}"
_DL_PLACE = rf"{_DL_WORD}(?:[^\S\n]{{1,4}}(?:(?:de|da|do|del|la|le|al|el|es|of|on|upon|am|an)[^\S\n]{{1,4}})?{_DL_WORD}){{0,3}}"
_DL_MON = (r"(?i:january|february|march|april|may|june|july|august|september|october|november|december"
           r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_DL_DATE = (r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?[^\S\n]{1,4})?"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]{{1,4}}{_DL_MON}(?:,?[^\S\n]{{1,4}}\d{{4}})?"
            rf"|{_DL_MON}[^\S\n]{{1,4}}\d{{1,2}}(?:st|nd|rd|th)?(?:,?[^\S\n]{{1,4}}\d{{4}})?"
            r"|\d{4}-\d{2}-\d{2})(?![\w])")
_DL_NOT_PLACE = (r"(?!(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|however|meanwhile|also|but|and|"
                 r"then|so|yet|today|yesterday|tomorrow|earlier|later|on|in|at|by|since|until|from|as|after|before)\b)")
_INLINE_DATELINE = re.compile(
    rf"{_DL_NOT_PLACE}(?P<place>{_DL_PLACE})(?:,[^\S\n]{{1,4}}{_DL_NOT_PLACE}(?P<region>{_DL_PLACE}))?,[^\S\n]{{1,4}}(?P<date>{_DL_DATE})"
    r"(?:[^\S\n]{0,4}\((?P<agency>[^()\n]{1,40})\))?[^\S\n]{0,4}(?P<dash>--?|[–—―]|_(?=[^\S\n]))")

# A dateline without a date: "CAIRO —", "KYIV, Ukraine (AP) —" (place in capitals), or
# "Moscow (Reuters) -" (a capitalised place needs the agency in parentheses).
_DL_CAPS_WORD = rf"[{_DL_UPPER}][{_DL_UPPER}'’.\-]{{1,30}}"
_DL_NOT_CAPS = r"(?!(?:BREAKING|UPDATE|UPDATED|EXCLUSIVE|ANALYSIS|OPINION|EDITORIAL|WATCH|LIVE|NOTE|PHOTOS?|VIDEO)\b)"
_DL_END = r"[^\S\n]{0,4}(?P<dash>--?|[–—―]|_(?=[^\S\n]))(?=[^\S\n])"
_DATELESS_DATELINES = [
    re.compile(rf"{_DL_NOT_CAPS}(?P<place>{_DL_CAPS_WORD}(?:[^\S\n]{{1,4}}{_DL_CAPS_WORD}){{0,3}})"
               rf"(?:,[^\S\n]{{1,4}}{_DL_NOT_PLACE}(?P<region>{_DL_PLACE}))?"
               rf"(?:[^\S\n]{{0,4}}\((?P<agency>[^()\n]{{1,40}})\))?{_DL_END}"),
    re.compile(rf"{_DL_NOT_PLACE}(?P<place>{_DL_PLACE})(?:,[^\S\n]{{1,4}}{_DL_NOT_PLACE}(?P<region>{_DL_PLACE}))?"
               rf"[^\S\n]{{0,4}}\((?P<agency>[^()\n]{{1,40}})\){_DL_END}"),
]


def dateline_span(doc) -> tuple[int, int]:
    """``(start, end)`` of the inline dateline recorded for ``doc`` (an annotated document or an
    article), or ``(-1, -1)`` when there is none, so ``start <= offset < end`` tests "inside it"."""
    dateline = (getattr(doc, "meta", None) or {}).get("dateline") or {}
    return dateline.get("start", -1), dateline.get("end", -1)


def inline_dateline(text: str, *, start: int | None = None) -> dict | None:
    """The dateline that opens the first body paragraph, e.g. "NAIROBI, 12 May 2023 —" or
    "WASHINGTON, May 12 (Reuters) -", or None.

    A general pattern: capitalised or upper-case place words (optionally a region after a
    comma), a comma, a date, an optional agency in parentheses, then a dash. Datelines without
    a date are found too when the place is in capitals ("CAIRO —", "KYIV, Ukraine (AP) —") or
    an agency follows it ("Moscow (Reuters) -"); their date fields are None. The text is not
    changed: the result gives spans into ``text``.

    Args:
        text: the article text.
        start: the offset where the paragraph to look at begins; by default the first body
            paragraph (after the title, byline and header lines).

    Returns:
        ``{"start", "end", "text", "place", "place_start", "place_end", "region", "region_start",
        "region_end", "date_text", "date_start", "date_end", "date", "agency"}``: ``date`` is a ``datetime.date`` when the
        dateline gives the year, else None; ``region`` and ``agency`` may be None.

    >>> d = inline_dateline("Talks stall\\n\\nNAIROBI, 12 May 2023 — Ministers met.")
    >>> d["place"], d["date_text"], d["date"]
    ('NAIROBI', '12 May 2023', datetime.date(2023, 5, 12))
    """
    if start is None:
        from .blocks import classify_blocks, split_blocks

        spans = split_blocks(text)
        kinds, _ = classify_blocks(text, spans)
        body = [s for (s, _e), kind in zip(spans, kinds) if kind == "body"]
        if not body:
            return None
        start = body[0]
    m = _INLINE_DATELINE.match(text, start)
    if m is None:
        for pattern in _DATELESS_DATELINES:
            m = pattern.match(text, start)
            if m is not None:
                break
    if m is None or m.end("place") - m.start("place") > 60:
        return None
    dated = "date" in m.re.groupindex  # the dateless patterns have no date group
    return {"start": m.start(), "end": m.end(), "text": m[0],
            "place": m["place"], "place_start": m.start("place"), "place_end": m.end("place"),
            "region": m["region"], "region_start": m.start("region") if m["region"] else None,
            "region_end": m.end("region") if m["region"] else None,
            "date_text": m["date"] if dated else None, "date_start": m.start("date") if dated else None,
            "date_end": m.end("date") if dated else None,
            "date": _date_in(re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", m["date"])) if dated else None,
            "agency": m["agency"]}
