"""Reading an article: bytes -> text, text -> blocks (title, byline, author, body, boilerplate).

Modules: :mod:`~analysis.article.reading` (the :class:`Article`, :func:`load_article`,
:func:`from_text`), :mod:`~analysis.article.blocks` (blocks and their kinds),
:mod:`~analysis.article.dates` (dates and datelines), :mod:`~analysis.article.decode` (bytes to
text), :mod:`~analysis.article.markdown`, :mod:`~analysis.article.webpage` (web pages, with
trafilatura) and :mod:`~analysis.article.fetch` (web addresses).

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

from .blocks import (BLOCK_KINDS, _BLANK_LINES, _BOILERPLATE, _BOILERPLATE_LINE, _BOILERPLATE_SECTION, _BYLINE,
                     _NAME_WORD, _NEWLINES, classify_blocks, furniture_kind, slugify, split_blocks)  # noqa: F401
from .dates import _DATE_PATTERNS, _INLINE_DATELINE, _ISO_DATETIME, dateline_span, inline_dateline, parse_date, parse_date_details  # noqa: F401
from .decode import _CONTROLS, MAX_ARTICLE_BYTES, decode_bytes  # noqa: F401
from .markdown import markdown_to_text
from .reading import Article, from_text, html_to_text, is_url, load_article, read_sidecar

__all__ = ["Article", "BLOCK_KINDS", "MAX_ARTICLE_BYTES", "classify_blocks", "dateline_span", "decode_bytes", "from_text",
           "furniture_kind", "html_to_text", "inline_dateline", "is_url", "load_article", "markdown_to_text",
           "parse_date", "parse_date_details", "read_sidecar", "slugify", "split_blocks"]
