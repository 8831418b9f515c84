"""The Article, and reading one from a file, a web address or a string."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from .._frames import frame_from_columns
from ..errors import InputError, InputWarning
from .blocks import classify_blocks, slugify, split_blocks
from .dates import inline_dateline, parse_date, parse_date_details
from .decode import _SAVE_AS_TEXT, MAX_ARTICLE_BYTES, _too_large, declared_charset, decode_bytes
from .markdown import _looks_like_markdown, markdown_to_text


# --------------------------------------------------------------------------------------------
# HTML -> text (analysis.article.webpage does the work)


def html_to_text(html: str, *, name: str = "the page", url: str | None = None) -> tuple[str, dict]:
    """Turn an HTML page into plain text: the title, then one block per heading, paragraph,
    block quote or list item of the article (see :mod:`analysis.article.webpage`). Returns
    ``(text, metadata)``; metadata may hold ``title``, ``author``, ``source``,
    ``published_text``, ``extractor``, ``metadata_from`` and ``warnings``.
    """
    from .webpage import read_html

    text, info, notes = read_html(html, name=name, url=url)
    info["warnings"] = notes
    return text, info


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
# the Article

#: the kinds of block that are the article's text: analysed, numbered as paragraphs
_ANALYSED = ("body", "caption")


@dataclass
class Article:
    """One article: the source text, its blocks and its metadata.

    Attributes:
        text: the decoded text with ``\\n`` line endings. Every offset in the package points here.
        blocks: DataFrame ``block_id, kind, para_id, start, end, text``; ``kind`` is one of
            title, byline, author, dateline, body, caption (a web page's photo caption inside the
            article), boilerplate; ``para_id`` numbers body and caption blocks 1..N.
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
        """Body paragraphs (and a web page's captions): ``para_id, start, end, text`` (para_id 1..N
        in reading order)."""
        b = self.blocks
        body = [i for i, kind in enumerate(b["kind"].tolist()) if kind in _ANALYSED]
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

    def save_source(self, folder) -> list[Path]:
        """For an article fetched from a URL: write ``source.html`` (the page as fetched) and
        ``source.yml`` (its url and fetch time, read back as a sidecar) into ``folder``, so the
        analysis can be rebuilt offline from ``FOLDER/source.html``. Returns the paths written
        (none for an article read from a file or a string)."""
        if self.source_html is None:
            return []
        import yaml

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        page, side = folder / "source.html", folder / "source.yml"
        page.write_bytes(self.source_html)
        keep = {k: self.meta[k] for k in ("url", "fetched_at", "final_url") if self.meta.get(k)}
        side.write_text(yaml.safe_dump(keep, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return [page, side]

    def __repr__(self) -> str:
        n = int(self.blocks["kind"].isin(_ANALYSED).sum())
        return f"<Article {self.title!r} by {self.author or '?'} ({self.source or '?'}, {self.published or 'date unknown'}): {n} paragraphs>"


def _build(text: str, *, meta: dict, published=None, overrides: dict | None = None) -> Article:
    spans = split_blocks(text)
    kinds, found = classify_blocks(text, spans, title_first=meta.get("format") == "html" and bool(meta.get("title")))
    captions = set(meta.pop("_caption_starts", None) or ())
    if captions:  # a web page's photo captions inside the article (see analysis.article.webpage)
        kinds = ["caption" if kind == "body" and start in captions else kind for (start, _end), kind in zip(spans, kinds)]
    para_ids, para = [], 0
    for kind in kinds:
        para_id = None
        if kind in _ANALYSED:
            para += 1
            para_id = para
        para_ids.append(para_id)
    block_texts = [text[start:end] for start, end in spans]
    kinds = list(kinds)
    blocks = _blocks_frame(spans, kinds, para_ids, block_texts)

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
    kinds_list = kinds
    body_ids = [k for k, kind in enumerate(kinds_list) if kind in _ANALYSED]
    last_body = body_ids[-1] if body_ids else -1
    dropped = [(bid, t, k > last_body) for k, (bid, kind, t) in
               enumerate(zip(range(1, len(kinds_list) + 1), kinds_list, block_texts)) if kind == "boilerplate"]
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


_BLOCK_COLUMNS = ["block_id", "kind", "para_id", "start", "end", "text"]


def _blocks_frame(spans, kinds: list, para_ids: list, texts: list) -> pd.DataFrame:
    """The blocks table: int64 ids and offsets, ``str`` kinds and texts, ``Int64`` paragraph
    ids (what a frame of row dicts with the paragraph ids cast to ``Int64`` holds)."""
    if not spans:
        blocks = pd.DataFrame([], columns=_BLOCK_COLUMNS)
        blocks["para_id"] = blocks["para_id"].astype("Int64")
        return blocks
    from .._frames import frame_from_columns, nullable_ints, string_array

    n = len(spans)
    return frame_from_columns(_BLOCK_COLUMNS, [
        np.arange(1, n + 1, dtype=np.int64), string_array(kinds), nullable_ints(para_ids),
        np.fromiter((s for s, _ in spans), dtype=np.int64, count=n),
        np.fromiter((e for _, e in spans), dtype=np.int64, count=n), string_array(texts)])


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
    if html_meta.get("caption_starts"):
        meta["_caption_starts"] = html_meta["caption_starts"]
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
        text, encoding, notes = decode_bytes(data, name=url, declared=declared_charset(data, info.get("content_type")))
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
    html_like = path.suffix.lower() in (".html", ".htm", ".xhtml") or data.lstrip()[:1] == b"<"
    text, encoding, notes = decode_bytes(data, name=path.name, declared=declared_charset(data) if html_like else None)
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
    # a page saved by a run on its URL (source.html + source.yml) keeps the slug of its title
    meta["slug"] = slugify(meta["title"]) if side.get("url") and meta.get("title") else slugify(path.stem)
    art = _build(text, meta=meta, published=published)
    _check_html_body(art)
    return _warn_all(art)
