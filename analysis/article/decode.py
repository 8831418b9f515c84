"""Bytes to text: encodings, byte-order marks, binary files and documents refused with a reason."""

from __future__ import annotations

import re

from ..errors import InputError

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

_SAVE_AS_TEXT = ("open it and save (or export) the article as plain text (.txt, UTF-8) or as a web page "
                 "(.html), then give that file")




_META_CHARSET = re.compile(r"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The encoding a web page declares: the HTTP ``Content-Type`` header's charset, else a
    ``<meta charset>`` (or ``http-equiv``) in its first 4 kB; None when there is none or Python
    does not know it."""
    import codecs

    found = None
    if header:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", header, re.I)
        found = m[1] if m else None
    if found is None:
        m = _META_CHARSET.search(data[:4096].decode("latin-1"))
        found = m[1] if m else None
    if not found:
        return None
    try:
        return codecs.lookup(found).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, name: str = "input", declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode ``data`` and normalise line endings; return ``(text, encoding, warnings)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Bytes that are not
    UTF-8 are decoded with the encoding a web page declares (``declared``, see
    :func:`declared_charset`) when there is one, else as cp1251 when they look Cyrillic, else
    cp1252 (latin-1 as the last resort), then with a warning. Binary files are refused with an
    :class:`InputError`.
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
        if declared and declared not in ("utf-8", "utf-16"):
            try:
                text = data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                text = None
            if text is not None:  # the page says how it is encoded: no guess, no warning
                return _finish(text, declared, name, notes)
        text, encoding = _decode_legacy(data)
        notes.append(
            f"{name} is not valid UTF-8; decoded as {encoding}. Check accented or non-Latin letters, "
            "or save the file as UTF-8."
        )
    if encoding in ("utf-8", "utf-8-sig") and re.search("[ÃÐÑ][\u0080-\u00bf]", text):
        notes.append(f"{name} looks double-encoded (mojibake such as 'Ã©'); the text is analysed as it is.")
    return _finish(text, encoding, name, notes)


def _finish(text: str, encoding: str, name: str, notes: list[str]) -> tuple[str, str, list[str]]:
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
