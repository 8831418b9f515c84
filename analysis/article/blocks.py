"""Text to blocks: the non-blank stretches of the text, each given a kind (title, byline,
author, dateline, body, caption, boilerplate); ``caption`` is given by the web
page reader, never guessed from text."""

from __future__ import annotations

import re
import unicodedata

from .dates import _date_in

BLOCK_KINDS = ("title", "byline", "author", "dateline", "body", "caption", "boilerplate")

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
_FURNITURE_PHRASE = (
    r"(?:advertisement|advertising|sponsored(?: content)?|ad|share(?: this(?: article| story| page)?| on \w+)?|"
    r"tweet|email|print|subscribe(?: now| today| to [\w ]{1,40})?|sign up(?: for [\w ]{1,40})?|follow us(?: on [\w ]{1,40})?|"
    r"skip to (?:main )?content|skip advertisement|continue reading(?: the main story)?|story continues below(?: advertisement)?|"
    r"scroll to continue|click here to [\w ]{1,40}|next|previous|prev|show (?:more|less)|load more|"
    r"view (?:gallery|slideshow|comments)|enlarge this image|close|expand|hide caption|toggle caption)"
)
# the whole line is furniture ("Advertisement", "Share | Tweet | Email", "Next >"): a heading that
# only begins with such a word ("Previous research", "Print media", "Email scandal") is article text
_BOILERPLATE_LINE = re.compile(rf"^{_FURNITURE_PHRASE}(?:[\W_]+{_FURNITURE_PHRASE})*[\W_]*$", re.I)
_BOILERPLATE = _BOILERPLATE_SECTION  # the section openers (kept under the old name for callers)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|de|van|von|der|da|al|bin|el|la|le|di|du|dos|del)$")


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
    # a sentence's end, also inside closing quotation marks or brackets ('… will win.”'), is no heading's
    return "\n" not in line and len(line) <= 250 and not re.search(r"[.:;,][\"'”’»)\]]*$", line)


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
    >>> furniture_kind("Share | Tweet | Email"), furniture_kind("Previous research")
    ('line', None)
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
    # furniture lines copied in above the headline ("Skip to main content", "Advertisement")
    lead = 0
    while not title_first and lead < len(blocks) - 1 and furniture_kind(blocks[lead]) == "line":
        kinds[lead] = "boilerplate"
        lead += 1
    i = lead
    first = blocks[lead] if lead < len(blocks) else ""
    if first and (title_first or (_is_heading(first) or first.startswith("#")) and (len(blocks) - lead > 1 or len(first) <= 250)):
        kinds[lead] = "title"
        found["title"] = first.lstrip("#").strip()
        i = lead + 1
    # up to four short header lines after the title: bylines, author names, datelines
    while i < len(blocks) - 1 and i - lead <= 4:
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
