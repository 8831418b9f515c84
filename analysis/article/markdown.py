"""Markdown to text: markers dropped, link texts kept, front matter read as metadata."""

from __future__ import annotations

import re


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
