"""Reading an article: bytes -> text, text -> blocks (title, byline, author, body, boilerplate).

The decoded text (line endings normalised to ``\\n``) is the *source*: every offset in every
table of the package points into ``Article.text``, and nothing in it is ever changed or
dropped. Blocks are the non-blank stretches of that text; the whitespace between them is
the only thing that belongs to no block (``Article.separators`` lists it), so blocks plus
separators rebuild the whole text.

>>> art = from_text("A title\\n\\nBy Jane Roe\\n\\nThe first paragraph. It has two sentences.")
>>> art.title, art.author, len(art.paragraphs)
('A title', 'Jane Roe', 1)
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from ._frames import frame_from_columns

from .errors import InputError, InputWarning

BLOCK_KINDS = ("title", "byline", "author", "dateline", "body", "boilerplate")

#: the largest article accepted, in bytes (about 270 MB of memory per MB of text with every
#: layer; a news article is rarely over 100 kB). Larger input is an InputError, not an
#: out-of-memory crash.
MAX_ARTICLE_BYTES = 10_000_000


def _too_large(name: str, size: int) -> InputError:
    return InputError(f"{name} is {size / 1e6:.1f} MB; one article can be at most {MAX_ARTICLE_BYTES / 1e6:.0f} MB "
                      "(split it, or put the articles in a folder for 'python -m analysis corpus')")

# Magic numbers of common binary formats, to say *what* the file is instead of "not text".
_MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable program"),
]

# the control characters (Unicode category Cc) other than the whitespace ones \t \n \v \f \r
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")  # a run of whitespace holding 2+ newlines
_NEWLINES = re.compile(r"\n\s*")
_BYLINE = re.compile(r"^(?:written|posted|reported|story|words|text)?\s*by[:\s]\s*(?P<name>\S.{0,120})$", re.I)
# Furniture of a page or a feed, recognised only on a short line of its own (never a sentence of
# the story that happens to begin "Related talks ..."). Section openers start the trailing furniture
# (everything after them is the site's, when it is short); interstitial lines are dropped alone.
_BOILERPLATE_SECTION = re.compile(
    r"^(?:about the authors?|about us|related(?: articles| stories| posts| news| content| coverage| topics)?|"
    r"read more(?: about| on| from)?|read also|more (?:from|on|about|stories|news)|see also|you (?:might|may) also like|"
    r"recommended(?: for you| stories| reading)?|most (?:read|popular|viewed)|copyright|©|\(c\) ?\d{4}|"
    r"all rights reserved|tags?:|topics?:|filed under|comments?|\d+ comments?|leave a (?:reply|comment)|"
    r"join the conversation|more in\b|"
    r"(?:other|recent|latest|top|more|trending|popular|editor'?s'? picks?|related)(?: [\w'’]+){0,2} "
    r"(?:stories|news|posts|articles|columns|videos|slide ?shows|galleries|headlines|reads|links))(?!\w)",
    re.I,
)
_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|share(?: this(?: article| story| page)?| on \w+)?|"
    r"tweet|email|print|subscribe(?: now| today| to [\w ]{1,40})?|sign up(?: for [\w ]{1,40})?|follow us(?: on [\w ]{1,40})?|"
    r"skip to (?:main )?content|skip advertisement|continue reading(?: the main story)?|story continues below(?: advertisement)?|"
    r"scroll to continue|click here to [\w ]{1,40}|next|previous|prev|show (?:more|less)|load more|"
    r"view (?:gallery|slideshow|comments)|enlarge this image|close|expand|hide caption|toggle caption)(?!\w)",
    re.I,
)
_BOILERPLATE = _BOILERPLATE_SECTION  # the section openers (kept under the old name for callers)

_MONTHS = ("january february march april may june july august september october november december").split()
_DATE_PATTERNS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2}),? (?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2}) (?P<mon>[A-Za-z]{3,9})\.?,? (?P<y>\d{4})"),
]
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|de|van|von|der|da|al|bin|el|la|le|di|du|dos|del)$")


# --------------------------------------------------------------------------------------------
# dates


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


# --------------------------------------------------------------------------------------------
# bytes -> text


def decode_bytes(data: bytes, *, name: str = "input") -> tuple[str, str, list[str]]:
    """Decode ``data`` and normalise line endings; return ``(text, encoding, warnings)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Bytes that are not
    UTF-8 are decoded as cp1251 when they look Cyrillic, else cp1252 (latin-1 as the last
    resort), always with a warning. Binary files are refused with an :class:`InputError`.
    """
    notes: list[str] = []
    if not data.strip():
        raise InputError(f"{name} is empty (or holds only whitespace): there is no article to analyse")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            hint = f"; {_SAVE_AS_TEXT}" if "document" in what or "docx" in what else ""
            raise InputError(f"{name} is not text: it looks like {what}{hint}")
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    if encoding == "utf-8" and b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(f"{name} is not text: it contains NUL bytes (a binary file, or UTF-16 without a BOM)")
        notes.append(f"{name} has no byte-order mark; decoded as {encoding} (UTF-16) from its pattern of zero bytes. "
                     "Check the text, or save the file as UTF-8.")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise InputError(f"{name} could not be decoded as {encoding} although it starts with its byte-order mark") from None
        text, encoding = _decode_legacy(data)
        notes.append(
            f"{name} is not valid UTF-8; decoded as {encoding}. Check accented or non-Latin letters, "
            "or save the file as UTF-8."
        )
    if encoding in ("utf-8", "utf-8-sig") and re.search("[ÃÐÑ][\u0080-\u00bf]", text):
        notes.append(f"{name} looks double-encoded (mojibake such as 'Ã©'); the text is analysed as it is.")
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 20):
        raise InputError(f"{name} is not text: {controls} control characters after decoding as {encoding}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name} is empty (or holds only whitespace): there is no article to analyse")
    return text, encoding, notes


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes sit on one parity (Latin text), else None."""
    if len(data) % 2 or len(data) < 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, others, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= max(8, 0.4 * half) and others <= 0.02 * half:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            # Latin text in UTF-16 is mostly ASCII once decoded
            return enc if sum(ch < "\x80" for ch in text) >= 0.6 * len(text) else None
    return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    high = [b for b in data if b >= 0x80]
    # cp1251 puts Cyrillic letters at 0xC0-0xFF; in Western text those bytes are rarer
    # than punctuation (0x80-0xBF) and come one at a time between ASCII letters.
    cyr = sum(1 for b in high if b >= 0xC0)
    runs = len(re.findall(rb"[\xc0-\xff]{3,}", data))
    candidates = ["cp1251", "cp1252"] if high and cyr / len(high) > 0.6 and runs else ["cp1252", "cp1251"]
    for enc in candidates + ["latin-1"]:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


# --------------------------------------------------------------------------------------------
# HTML -> text (analysis.webpage does the work)


def html_to_text(html: str, *, name: str = "the page", url: str | None = None) -> tuple[str, dict]:
    """Turn an HTML page into plain text: the title, then one block per heading, paragraph,
    block quote or list item of the article (see :mod:`analysis.webpage`). Returns
    ``(text, metadata)``; metadata may hold ``title``, ``author``, ``source``,
    ``published_text``, ``extractor``, ``metadata_from`` and ``warnings``.
    """
    from .webpage import read_html

    text, info, notes = read_html(html, name=name, url=url)
    info["warnings"] = notes
    return text, info


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _looks_like_html(text: str, suffix: str) -> bool:
    if suffix in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text):
        return True
    # a pasted fragment: starts with a tag and closes block elements
    return head.startswith("<") and len(_HTML_BLOCK_CLOSE.findall(text[:20000])) >= 2


_HTML_BLOCK_CLOSE = re.compile(r"</(?:p|div|h[1-6]|article|section|li|blockquote|span|a)>", re.I)


# --------------------------------------------------------------------------------------------
# Markdown -> text

_MD_FRONT = re.compile(r"\A---[^\S\n]*\n(.{0,20000}?)\n(?:---|\.\.\.)[^\S\n]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^[^\S\n]{0,3}(#{1,6})(?:[^\S\n]([^\n]*))?$", re.M)
_MD_SETEXT = re.compile(r"^([^\n]*\S)[^\S\n]*\n[^\S\n]{0,3}(=+|-+)[^\S\n]*$", re.M)
_MD_RULE = re.compile(r"^[^\S\n]{0,3}(?:(?:\*[^\S\n]*){3,}|(?:-[^\S\n]*){3,}|(?:_[^\S\n]*){3,})$", re.M)
_MD_REFDEF = re.compile(r"^[^\S\n]{0,3}\[[^\]\n]{1,200}\]:[^\S\n]+\S[^\n]*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,500})\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,200}\])")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,500}?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=[^\s_])([^_\n]{1,500}?)(?<=\S)_(?![\w_])")
_MD_CODE = re.compile(r"`{1,3}([^`\n]{1,1000})`{1,3}")
_MD_LINE_PREFIX = re.compile(r"^[^\S\n]{0,3}(?:>[^\S\n]?)+|^[^\S\n]{0,3}(?:[-*+]|\d{1,9}[.)])[^\S\n]+", re.M)
_MD_FENCE = re.compile(r"^[^\S\n]{0,3}(?:```|~~~)[^\n]*$", re.M)


def _heading_text(text: str | None) -> str:
    """A heading's text without its closing hashes (``## Title ##``)."""
    text = (text or "").strip()
    stripped = text.rstrip("#")
    return stripped.rstrip() if stripped != text and (not stripped or stripped[-1].isspace()) else text


def _looks_like_markdown(text: str, suffix: str) -> bool:
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return True
    return bool(re.match(r"\s*(?:---[^\S\n]*\n|#[^\S\n]+\S)", text))


def markdown_to_text(md: str) -> tuple[str, dict]:
    """Turn Markdown into plain text: markers dropped, link texts kept, URLs and images dropped.

    The first heading (``# Title`` or a setext ``Title`` / ``=====``) becomes the title; a YAML
    front-matter block (``---`` ... ``---``) may give title, author, source and published.
    Blank-line paragraph breaks are kept. Returns ``(text, metadata)``.

    >>> markdown_to_text("# A *big* day\\n\\nThe [minister](http://x.org) spoke.")[0]
    'A big day\\n\\nThe minister spoke.'
    """
    meta: dict = {}
    m = _MD_FRONT.match(md)
    if m:
        import yaml

        try:
            front = yaml.safe_load(m[1])
        except yaml.YAMLError:
            front = None
        if isinstance(front, dict):
            for key in ("title", "author", "source"):
                if front.get(key):
                    meta[key] = str(front[key])
            if front.get("published") or front.get("date"):
                meta["published_text"] = str(front.get("published") or front.get("date"))[:10]
            md = md[m.end():]
    text = _MD_FENCE.sub("", md)
    text = _MD_SETEXT.sub(lambda mm: ("# " if mm[2][0] == "=" else "## ") + mm[1], text)
    text = _MD_RULE.sub("", text)
    text = _MD_REFDEF.sub("", text)
    headings = [(mm[1], _heading_text(mm[2])) for mm in _MD_HEADING.finditer(text)]
    text = _MD_HEADING.sub(lambda mm: _heading_text(mm[2]), text)
    text = _MD_LINE_PREFIX.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda mm: mm[1], text)
    text = _MD_CODE.sub(lambda mm: mm[1], text)
    for _ in range(2):  # nested emphasis (***both***)
        text = _MD_STRONG.sub(lambda mm: mm[2], text)
        text = _MD_EM.sub(lambda mm: mm[1] if mm[1] is not None else mm[2], text)
    if headings and "title" not in meta:
        level1 = [h for h in headings if len(h[0]) == 1] or headings
        meta["title"] = _MD_EM.sub(lambda mm: mm[1] or mm[2], _MD_STRONG.sub(lambda mm: mm[2], level1[0][1])).strip()
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text, meta


# --------------------------------------------------------------------------------------------
# the Article


@dataclass
class Article:
    """One article: the source text, its blocks and its metadata.

    Attributes:
        text: the decoded text with ``\\n`` line endings. Every offset in the package points here.
        blocks: DataFrame ``block_id, kind, para_id, start, end, text``; ``kind`` is one of
            title, byline, author, dateline, body, boilerplate; ``para_id`` numbers body blocks 1..N.
        meta: title, author, source, published (``datetime.date`` or None), path, sha256,
            encoding, slug, notes (everything noticed about the input) and warnings (the notes
            that need the reader's attention: a fallback reader, text that looks like a menu,
            blocks dropped as boilerplate). A page read from the web adds url and fetched_at;
            an HTML page adds extractor and metadata_from (where each field was found).
        source_html: the page's bytes as fetched, when the article was read from a URL (written
            next to the output as ``source.html``, so the analysis can be rebuilt offline).
    """

    text: str
    blocks: pd.DataFrame
    meta: dict = field(default_factory=dict)
    source_html: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def title(self) -> str | None:
        return self.meta.get("title")

    @property
    def author(self) -> str | None:
        return self.meta.get("author")

    @property
    def source(self) -> str | None:
        return self.meta.get("source")

    @property
    def published(self) -> _dt.date | None:
        return self.meta.get("published")

    @property
    def slug(self) -> str:
        return self.meta.get("slug") or "article"

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """Body paragraphs: ``para_id, start, end, text`` (para_id 1..N in reading order)."""
        b = self.blocks
        body = [i for i, kind in enumerate(b["kind"].tolist()) if kind == "body"]
        starts, ends, texts = b["start"].tolist(), b["end"].tolist(), b["text"].tolist()
        return frame_from_columns(["para_id", "start", "end", "text"], [
            np.arange(1, len(body) + 1, dtype="int64"),
            np.array([starts[i] for i in body], dtype="int64"),
            np.array([ends[i] for i in body], dtype="int64"),
            [texts[i] for i in body],
        ])

    @property
    def separators(self) -> list[tuple[int, int]]:
        """The ``(start, end)`` stretches of whitespace that belong to no block."""
        out, pos = [], 0
        for start, end in zip(self.blocks["start"], self.blocks["end"]):
            if start > pos:
                out.append((pos, start))
            pos = end
        if pos < len(self.text):
            out.append((pos, len(self.text)))
        return out

    def __repr__(self) -> str:
        n = int((self.blocks["kind"] == "body").sum())
        return f"<Article {self.title!r} by {self.author or '?'} ({self.source or '?'}, {self.published or 'date unknown'}): {n} paragraphs>"


def slugify(text: str, *, default: str = "article", max_len: int = 60) -> str:
    """A safe folder name: ASCII letters, digits and hyphens only (never ``..`` or ``/``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_len].strip("-")
    return slug or default


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank blocks of ``text``.

    Blocks are separated by blank lines; a text with no blank line but several lines is split
    at every newline (one paragraph per line). Leading and trailing whitespace stays outside.
    """
    sep = _BLANK_LINES if _BLANK_LINES.search(text) else _NEWLINES
    spans, pos = [], 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((start + lead, start + lead + len(stripped)))
    return out


def _is_heading(block: str) -> bool:
    line = block.strip()
    return "\n" not in line and len(line) <= 250 and not re.search(r"[.:;,]$", line)


def _is_name(block: str) -> bool:
    words = block.replace(",", " ").split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) and not any(c.isdigit() for c in block)


def furniture_kind(block: str) -> str | None:
    """``"section"`` for a line that opens a site's trailing section ("About the author",
    "Related stories", "Comments", "Tags: ..."), ``"line"`` for a furniture line dropped alone
    ("Advertisement", "Share this article", "Subscribe"), else None (article text).

    Only a short line of its own counts: a sentence that begins "Related talks will ..." is text.

    >>> furniture_kind("Advertisement"), furniture_kind("Related talks will be held in May."), furniture_kind("About the author")
    ('line', None, 'section')
    """
    line = block.strip()
    first, _, rest = line.partition("\n")
    if rest:  # a heading line with its section under it ("About the author\nJane Roe covers ...")
        return "section" if furniture_kind(first) == "section" and len(line) <= 600 else None
    if len(line) > 160:
        return None
    words = len(line.split())
    strong = re.match(r"^(?:©|\(c\) ?\d{4}|copyright\b|all rights reserved)", line, re.I)
    if not strong and (words > 8 or re.search(r"[.!?]['\"”’)]?$", line) and not line.endswith("...")):
        return None
    if _BOILERPLATE_LINE.match(line) and words <= 6:
        return "line"
    m = _BOILERPLATE_SECTION.match(line)
    if m:
        # "Related: <a headline>" or "Tags: a, b" is one line of links; a bare heading opens a section
        return "line" if re.match(r"\s*:\s*\S", line[m.end():]) and not line[:m.end()].rstrip().endswith(":") else "section"
    return None


def classify_blocks(text: str, spans: list[tuple[int, int]], *, title_first: bool = False) -> tuple[list[str], dict]:
    """Give each block a kind; return ``(kinds, found)`` where found holds header metadata.

    ``title_first`` says the first block is the title (a web page's, put there by the reader)."""
    kinds = ["body"] * len(spans)
    found: dict = {}
    blocks = [text[s:e] for s, e in spans]
    i = 0
    if blocks and (title_first or (_is_heading(blocks[0]) or blocks[0].startswith("#")) and (len(blocks) > 1 or len(blocks[0]) <= 250)):
        kinds[0] = "title"
        found["title"] = blocks[0].lstrip("#").strip()
        i = 1
    # up to four short header lines after the title: bylines, author names, datelines
    while i < len(blocks) - 1 and i <= 4:
        block = blocks[i].strip()
        if len(block) > 120 or "\n" in block or re.search(r"[.!?]['\"”’]?$", block) and not _BYLINE.match(block):
            break
        m = _BYLINE.match(block)
        if m:
            kinds[i] = "byline"
            found.setdefault("byline", m["name"].strip())
        elif _date_in(block) and len(block) <= 60:
            kinds[i] = "dateline"
            found.setdefault("dateline", _date_in(block))
        elif _is_name(block):
            kinds[i] = "author"
            found.setdefault("author", block)
        else:
            break
        i += 1
    # boilerplate only at the edges: furniture lines inside the body are dropped alone; a section
    # opener ("About the author", "Related", "Comments") starts the trailing furniture when what
    # follows it is short next to the body before it, else it too is dropped alone
    body_words = 0
    for j in range(i, len(blocks)):
        if kinds[j] != "body":
            continue
        kind = furniture_kind(blocks[j])
        if kind is None or j == i and kind == "section":
            body_words += len(blocks[j].split())
            continue
        kinds[j] = "boilerplate"
        if kind == "section":
            rest = [len(b.split()) for b in blocks[j + 1:]]
            if body_words > 0 and sum(rest) <= max(80, body_words // 4) and all(n <= 60 for n in rest):
                for k in range(j + 1, len(blocks)):
                    kinds[k] = "boilerplate"
                break
    return kinds, found


def _build(text: str, *, meta: dict, published=None, overrides: dict | None = None) -> Article:
    spans = split_blocks(text)
    kinds, found = classify_blocks(text, spans, title_first=meta.get("format") == "html" and bool(meta.get("title")))
    rows, para = [], 0
    for block_id, ((start, end), kind) in enumerate(zip(spans, kinds), 1):
        para_id = None
        if kind == "body":
            para += 1
            para_id = para
        rows.append({"block_id": block_id, "kind": kind, "para_id": para_id, "start": start, "end": end, "text": text[start:end]})
    blocks = pd.DataFrame(rows, columns=["block_id", "kind", "para_id", "start", "end", "text"])
    blocks["para_id"] = blocks["para_id"].astype("Int64")

    byline = found.get("byline")
    info = {"title": found.get("title"), "author": found.get("author"), "source": None}
    if byline and info["author"]:
        info["source"] = byline  # "Written by <outlet>" followed by the author's name
    elif byline:
        info["author"] = byline
    for key in ("title", "author", "source"):
        if meta.get(key) is None and info.get(key):
            meta[key] = info[key]
    for key, value in (overrides or {}).items():
        if value is not None:
            meta[key] = value
    if published is not None:
        meta["published"], detail = parse_date_details(published, what="publication date")
        meta["published_from"] = "argument"
        if detail:
            meta["published_detail"] = detail
    elif meta.get("published") is None and found.get("dateline"):
        meta["published"] = found["dateline"]
        meta["published_from"] = "dateline"
    first_body = [start for (start, _end), kind in zip(spans, kinds) if kind == "body"]
    dateline = inline_dateline(text, start=first_body[0]) if first_body else None
    meta["dateline"] = dateline
    if dateline is not None and meta.get("published") is None:
        if dateline["date"] is not None:
            meta["published"] = dateline["date"]
            meta["published_from"] = "dateline"
        elif dateline["date_text"] is not None:
            meta["notes"].append(f"the dateline {dateline['date_text']!r} gives no year, so it is not used as the publication date")
    meta.setdefault("published", None)
    if meta.get("published") is None:
        meta["notes"].append("no publication date: relative dates (today, in April) keep unknown parts")
    meta.setdefault("slug", slugify(meta.get("title") or "article"))
    meta["n_paragraphs"] = para
    kinds_list = blocks["kind"].tolist()
    body_ids = [k for k, kind in enumerate(kinds_list) if kind == "body"]
    last_body = body_ids[-1] if body_ids else -1
    dropped = [(bid, t, k > last_body) for k, (bid, kind, t) in
               enumerate(zip(blocks["block_id"].tolist(), kinds_list, blocks["text"].tolist())) if kind == "boilerplate"]
    inside = [(bid, t) for bid, t, trailing in dropped if not trailing]
    trailing = [(bid, t) for bid, t, trailing in dropped if trailing]
    if inside:  # a furniture line inside the story ("Advertisement"): dropped alone, and said so
        meta.setdefault("warnings", []).append(
            f"{len(inside)} line(s) inside the article read as furniture and not analysed (kind 'boilerplate' in "
            f"article.blocks): {_listing(inside)}")
    if trailing:  # the site's closing section ("About the author", "Related"): listed in the notes
        meta["notes"].append(f"{len(trailing)} block(s) after the last paragraph read as the site's furniture and not "
                             f"analysed (kind 'boilerplate' in article.blocks): {_listing(trailing)}")
    meta.setdefault("warnings", [])
    for note in meta["warnings"]:
        if note not in meta["notes"]:
            meta["notes"].append(note)
    return Article(text=text, blocks=blocks, meta=meta)


def _listing(items: list[tuple[int, str]]) -> str:
    return "; ".join(f"block {bid} {_short(t)!r}" for bid, t in items[:8]) + ("; ..." if len(items) > 8 else "")


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _warn_all(article: Article, already: int = 0) -> Article:
    for note in article.meta.get("warnings", [])[already:]:
        warnings.warn(note, InputWarning, stacklevel=3)
    return article


def _new_meta(**kw) -> dict:
    base = {"title": None, "author": None, "source": None, "published": None, "path": None,
            "sha256": None, "encoding": None, "notes": [], "warnings": []}
    base.update(kw)
    return base


def from_text(text: str, *, published=None, title: str | None = None, author: str | None = None,
              source: str | None = None) -> Article:
    """Make an :class:`Article` from text pasted into a notebook cell.

    >>> from_text("Headline\\n\\nFirst paragraph.").title
    'Headline'
    """
    if not isinstance(text, str):
        raise InputError(f"from_text expects a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError("the text is empty (or holds only whitespace): there is no article to analyse")
    if len(text) > MAX_ARTICLE_BYTES:
        raise _too_large("the text", len(text))
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        # surrogate pairs left by a UTF-16 round trip (JSON, Windows APIs) become real characters
        before = text.count("\ufffd")
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if text.count("\ufffd") > before:
            raise InputError("the text holds lone surrogate code points (U+D800-U+DFFF), which are not "
                             "characters; decode the source with errors='replace' or fix its encoding") from None
        data = text.encode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta = _new_meta(sha256=hashlib.sha256(data).hexdigest(), encoding="str")
    if _looks_like_html(text, ""):
        text, html_meta = html_to_text(text, name="the HTML")
        _merge_html_meta(meta, html_meta)
    elif _looks_like_markdown(text, ""):
        text, md_meta = markdown_to_text(text)
        _merge_html_meta(meta, md_meta, fmt="markdown")
        if not text.strip():
            raise InputError("the Markdown holds no readable text")
    art = _build(text, meta=meta, published=published, overrides={"title": title, "author": author, "source": source})
    _check_html_body(art)
    return _warn_all(art)


def _check_html_body(art: Article) -> None:
    if art.meta.get("format") == "html" and not art.meta["n_paragraphs"]:
        where = art.meta.get("url") or (Path(art.meta["path"]).name if art.meta.get("path") else "the HTML")
        raise InputError(f"{where}: no article text found in the page (only a title, menus or furniture); "
                         "open it in a browser, copy the article's text and save it as a .txt file")


def _merge_html_meta(meta: dict, html_meta: dict, *, fmt: str = "html") -> None:
    for key in ("title", "author", "source") if fmt == "markdown" else ("author", "source"):
        if html_meta.get(key):
            meta[key] = html_meta[key]
    if fmt == "html" and html_meta.get("title"):
        meta["title"] = html_meta["title"]
    if html_meta.get("published_text"):
        try:
            meta["published"], detail = parse_date_details(html_meta["published_text"])
            meta["published_from"] = "html" if fmt == "markdown" else "page metadata"
            if detail:
                meta["published_detail"] = detail
        except InputError:
            meta["notes"].append(f"ignored an unreadable date in the page: {html_meta['published_text']!r}")
    for key in ("extractor", "metadata_from"):
        if html_meta.get(key):
            meta[key] = html_meta[key]
    meta["notes"].extend(html_meta.get("ignored", []))
    meta.setdefault("warnings", []).extend(html_meta.get("warnings", []))
    meta["format"] = fmt


def read_sidecar(path: Path) -> dict:
    """Metadata from ``NAME.yml`` (or ``.yaml``) beside the article, if there is one."""
    import yaml

    for side in (path.with_suffix(".yml"), path.with_suffix(".yaml")):
        if side.is_file() and side != path:
            try:
                data = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f" line {mark.line + 1}" if mark else ""
                raise InputError(f"{side}:{where} is not valid YAML ({getattr(exc, 'problem', exc)})") from None
            except ValueError as exc:  # an impossible date such as 2021-02-30 fails in the loader
                raise InputError(f"{side}: invalid value ({exc}); dates are YYYY-MM-DD, e.g. 2021-09-16") from None
            if not isinstance(data, dict):
                raise InputError(f"{side}: expected key: value pairs (title, author, source, published)")
            data["sidecar"] = str(side)
            return data
    return {}


_SAVE_AS_TEXT = ("open it and save (or export) the article as plain text (.txt, UTF-8) or as a web page "
                 "(.html), then give that file")
_REFUSED_SUFFIXES = {
    ".rtf": "a Rich Text (RTF) document", ".doc": "a Word document", ".docx": "a Word document",
    ".docm": "a Word document", ".dot": "a Word template", ".dotx": "a Word template",
    ".odt": "an OpenDocument text", ".ott": "an OpenDocument template", ".pdf": "a PDF document",
    ".pages": "a Pages document", ".epub": "an e-book (EPUB)", ".mobi": "an e-book", ".wpd": "a WordPerfect document",
    ".xls": "a spreadsheet", ".xlsx": "a spreadsheet", ".ods": "a spreadsheet", ".ppt": "a presentation",
    ".pptx": "a presentation", ".odp": "a presentation", ".key": "a presentation", ".eml": "an e-mail file",
    ".msg": "an Outlook message",
}


def _refuse_format(path: Path, data: bytes) -> None:
    """An :class:`InputError` for files whose markup the package would analyse as text."""
    what = _REFUSED_SUFFIXES.get(path.suffix.lower())
    if what is None and data.lstrip()[:5].lower() == b"{\\rtf":
        what = "a Rich Text (RTF) document"
    if what is not None:
        raise InputError(f"{path.name} is {what}, which the package does not read: {_SAVE_AS_TEXT}")


def is_url(value) -> bool:
    """True for an ``http://`` or ``https://`` address (a page to fetch), False for a file path."""
    return isinstance(value, str) and re.match(r"\s*https?://\S", value, re.I) is not None


def load_article(path, *, published=None) -> Article:
    """Read an article from a ``.txt``, ``.md`` or ``.html`` file, or from a web address.

    Args:
        path: the file, or a URL (``http://`` or ``https://``): the page is fetched (only then is
            the network used), read like a saved ``.html`` file and kept in
            ``Article.source_html``; ``meta`` records the url and the fetch time. A sidecar
            ``NAME.yml`` beside a file may give title, author, source and published (the
            publication date), which the text may lack.
        published: the publication date (``YYYY-MM-DD``, an ISO date and time, or a date);
            overrides the sidecar.

    Raises:
        InputError: the file is missing, a folder, empty, binary, a word-processor or PDF
            document, a page without article text, a page that could not be fetched, or the
            date is invalid.

    >>> art = load_article(SEED)           # doctest: +SKIP
    >>> art.author, art.published          # doctest: +SKIP
    ('Elena Chernenko', datetime.date(2021, 9, 16))
    """
    if published is not None:
        parse_date(published, what="publication date")
    if is_url(path):
        from .fetch import fetch

        url = path.strip()
        data, info = fetch(url, max_bytes=MAX_ARTICLE_BYTES)
        text, encoding, notes = decode_bytes(data, name=url)
        meta = _new_meta(path=None, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, notes=list(notes),
                         warnings=list(notes), url=url, fetched_at=info["fetched_at"])
        if info.get("final_url") and info["final_url"] != url:
            meta["final_url"] = info["final_url"]
        text, html_meta = html_to_text(text, name=url, url=info.get("final_url") or url)
        _merge_html_meta(meta, html_meta)
        meta["slug"] = slugify(meta.get("title") or re.sub(r"^https?://(www\.)?", "", url))
        art = _build(text, meta=meta, published=published)
        art.source_html = data
        _check_html_body(art)
        return _warn_all(art)
    path = Path(path)
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the path of one article file")
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > MAX_ARTICLE_BYTES:
        raise _too_large(path.name, size)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    _refuse_format(path, data)
    text, encoding, notes = decode_bytes(data, name=path.name)
    meta = _new_meta(path=str(path), sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, notes=list(notes),
                     warnings=list(notes))
    if _looks_like_html(text, path.suffix.lower()):
        text, html_meta = html_to_text(text, name=path.name)
        _merge_html_meta(meta, html_meta)
    elif _looks_like_markdown(text, path.suffix.lower()):
        text, md_meta = markdown_to_text(text)
        if not text.strip():
            raise InputError(f"{path.name}: the Markdown holds no readable text")
        _merge_html_meta(meta, md_meta, fmt="markdown")
    side = read_sidecar(path)
    for key in ("title", "author", "source", "original_source", "language", "published_note", "url", "fetched_at"):
        if side.get(key):
            meta[key] = str(side[key])
    if side.get("published") is not None:
        meta["published"], detail = parse_date_details(side["published"], what=f"published date in {side['sidecar']}")
        meta["published_from"] = "sidecar"
        if detail:
            meta["published_detail"] = detail
    meta["slug"] = slugify(path.stem)
    art = _build(text, meta=meta, published=published)
    _check_html_body(art)
    return _warn_all(art)
