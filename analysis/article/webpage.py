"""Reading a web page: the article's text and metadata, not the site's menus.

The page goes through trafilatura (a maintained article extractor): it finds the article
body and keeps its structure (headings, paragraphs, block quotes, list items become blocks);
its metadata extraction (htmldate for the date) reads JSON-LD ``datePublished``,
``article:published_time`` and the like. Where each metadata field came from is recorded.

When trafilatura returns nothing or far less than the page's paragraphs hold, the package's
own reader (every ``<p>``, ``<blockquote>`` and ``<li>`` outside menus, headers and footers)
is used instead, with a warning. A result that still looks like navigation (many very short
lines, link-like lines, far fewer words than the page holds) gets a warning too.

>>> page = ("<html><head><title>Talks end | The Planet</title></head><body><nav><a href='/'>Home</a></nav>"
...         "<article><h1>Talks end</h1><p>The talks ended on Tuesday after three days of meetings.</p>"
...         "<p>Both sides agreed to meet again in May, officials said.</p></article></body></html>")
>>> text, info, notes = read_html(page, name="page.html")
>>> text.split("\\n\\n")
['Talks end', 'The talks ended on Tuesday after three days of meetings.', 'Both sides agreed to meet again in May, officials said.']
"""

from __future__ import annotations

import json
import re

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_URLISH = re.compile(r"^(?:https?://|www\.)\S+$|^[^\s@]{1,64}@[^\s@.]{1,100}(?:\.[^\s@.]{1,100}){1,5}$|^@\w+$", re.I)

_NOT_AN_AUTHOR = re.compile(r"^(?:https?://\S*|www\.\S*|@\w+|\S+@\S+|(?:user ?name|log ?in|sign ?in|admin(?:istrator)?|"
                            r"guest|anonymous|unknown|staff|editor|author|by|none|null|undefined)\W*)$", re.I)

#: put photo captions inside the article back (see _with_captions)
CAPTIONS = True
LEAD = True
LEAD_SPAN = 3000
STANDFIRST = True
CLASS_CAPTIONS = True

#: below this many characters of body the extraction is compared with the package's own reader
_SMALL = 400

# metadata fields, in the order they are trusted: the publisher's declared values first
_META_DATE = ("article:published_time", "datepublished", "og:published_time", "published_time", "pubdate",
              "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
              "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime")
_META_AUTHOR = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "twitter:creator")
_META_TITLE = ("og:title", "twitter:title", "dc.title", "headline", "parsely-title", "sailthru.title")
_META_SITE = ("og:site_name", "application-name", "publisher", "dc.publisher")
_META_SUMMARY = ("og:description", "description", "twitter:description")
_LD_ARTICLE = re.compile(r"article|posting|report|newsarticle|webpage|blog", re.I)


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _words(text: str) -> int:
    return len(_WORD.findall(text))


# --------------------------------------------------------------------------------------------
# trafilatura


def _blocks_from_body(body) -> list[str]:
    """One text per block of trafilatura's body tree: heads, paragraphs, quotes, list items, rows."""
    out: list[str] = []

    def text_of(el) -> str:
        for lb in el.iter("lb"):
            lb.tail = " " + (lb.tail or "")
        return _squash("".join(el.itertext()))

    def walk(el) -> None:
        tag = el.tag
        if tag in ("list",):
            for item in el:
                if item.tag == "item":
                    nested = [c for c in item if c.tag == "list"]
                    for c in nested:
                        item.remove(c)
                    if text_of(item):
                        out.append(text_of(item))
                    for c in nested:
                        walk(c)
                else:
                    walk(item)
        elif tag == "quote" and any(c.tag in ("p", "list", "quote", "head") for c in el):
            if el.text and el.text.strip():
                out.append(_squash(el.text))
            for c in el:
                walk(c)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [text_of(c) for c in row if c.tag == "cell"]
                line = " | ".join(c for c in cells if c)
                if line:
                    out.append(line)
        elif tag in ("div", "body", "main", "section") and len(el):
            for c in el:
                walk(c)
        elif tag == "graphic":
            return
        else:
            t = text_of(el)
            if t:
                out.append(t)

    for child in body:
        walk(child)
    return out


_CONFIG = None


def _config():
    """trafilatura's settings, but short articles are read too (its default asks for 250
    characters before it trusts its own extraction and falls back to all the page's text)."""
    global _CONFIG
    if _CONFIG is None:
        import logging

        from trafilatura.settings import use_config

        for logger in ("trafilatura", "htmldate", "courlan", "justext"):  # their messages are not the user's
            logging.getLogger(logger).addHandler(logging.NullHandler())
            logging.getLogger(logger).propagate = False

        cfg = use_config()
        cfg.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal handlers: notebooks and threads
        _CONFIG = cfg
    return _CONFIG


def _trafilatura(html: str, url: str | None):
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, favor_recall=True, config=_config())
    except Exception:  # noqa: BLE001 - a page the extractor cannot parse: the fallback reader takes over
        return None, None
    if doc is None or doc.body is None:
        return None, doc
    return _blocks_from_body(doc.body), doc


# --------------------------------------------------------------------------------------------
# photo captions (trafilatura drops every <figure>; a caption inside the article is article text)

_SKIP_IN_FLAT = {"script", "style", "noscript", "template", "head", "title"}
_NOT_CAPTION_TEXT = {"script", "style", "noscript", "template", "button", "svg"}
_SPACES = re.compile(r"\s+")


def _flat_page(tree) -> tuple[str, list[tuple[int, str]]]:
    """The page's text in reading order, spaces squashed, and each ``<figcaption>`` as
    ``(offset in that text, caption text)``. A caption inside another is read once."""
    from lxml import etree

    body = tree.find(".//body")
    body = body if body is not None else tree
    parts: list[str] = []
    size = 0
    ends_space = True
    captions: list[tuple[int, str]] = []
    skip = 0
    in_caption = 0
    opened: set = set()

    def add(chunk):
        nonlocal size, ends_space
        if not chunk:
            return
        chunk = _SPACES.sub(" ", chunk)
        if ends_space and chunk.startswith(" "):
            chunk = chunk[1:]
        if chunk:
            parts.append(chunk)
            size += len(chunk)
            ends_space = chunk.endswith(" ")

    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP_IN_FLAT:
                skip += 1
            elif tag == "figcaption" or CLASS_CAPTIONS and "aption" in (el.get("class") or "") and _caption_class(el):
                if not in_caption and not skip and _of_a_photo(el):
                    text = _caption_text(el)
                    if text:
                        captions.append((size, text))
                in_caption += 1
                opened.add(el)
            if not skip and tag:
                add(el.text)
        else:
            if tag in _SKIP_IN_FLAT:
                skip -= 1
            elif el in opened:
                in_caption -= 1
            if not skip:
                add(el.tail)
    return "".join(parts), captions


_PLAYER = {"video", "audio", "iframe", "object", "embed"}
_GLUED = re.compile(r"[\w.!?,;:”’\"')]$")


_CAPTION_CLASS = re.compile(r"^(?:(?!(?:no|has|with)(?:-|_))[a-z0-9]+(?:-|_|--|__))*caption(?:(?:-|_|--|__)(?:text|body|content))?$", re.I)
_GALLERY = re.compile(r"gallery|slide|carousel|shar", re.I)
_NOT_IN_CAPTION = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "img", "article", "section"}


def _caption_class(el) -> bool:
    """An element marked as a caption by its class (``<p class="caption">``,
    ``<span class="photo-caption">``), holding no paragraphs, headings or pictures of its own,
    not part of a gallery, slideshow or share box."""
    if el.tag not in ("p", "div", "span"):
        return False
    classes = (el.get("class") or "").split()
    if not any(_CAPTION_CLASS.match(c) for c in classes) or any(_GALLERY.search(c) for c in classes):
        return False
    if any(isinstance(e.tag, str) and e.tag in _NOT_IN_CAPTION for e in el.iterdescendants()):
        return False
    return True


_ASIDE_TAGS = {"aside", "nav", "footer", "header", "menu"}
_ASIDE_CLASS = re.compile(r"related|promo|teaser|recommend|more-stories|newsletter|advert", re.I)


def _of_a_photo(caption) -> bool:
    """A caption of a picture in the story: not of a video player, a sound clip or an embed
    (their caption sums up what the text does not hold), not inside a gallery, slideshow,
    carousel or share box, nor inside an aside, a menu or a promotion of other stories.
    Pictures that a page loads later by script leave an empty ``<figure>``: they count."""
    for a in caption.iterancestors():
        if a.tag in ("article", "main", "body"):  # the page's frame around the story: not asked
            break
        cls = a.get("class") or ""
        if _GALLERY.search(cls) or _ASIDE_CLASS.search(cls) or (a.tag in _ASIDE_TAGS and a.tag != "header"):
            return False
    figure = next(caption.iterancestors("figure"), None)
    holder = figure if figure is not None else caption.getparent()
    if holder is None:
        return True
    return not any(isinstance(e.tag, str) and e.tag in _PLAYER for e in holder.iter())


def _caption_text(el) -> str:
    """The text of a caption, without its buttons ("more", "less", "expand") or scripts. Two
    parts of a caption set apart only by markup ("...in Queens." and "Credit J. Roe") get a
    space between them."""
    out: list[str] = []

    def put(chunk: str, boundary: bool) -> None:
        if boundary and out and chunk[:1].isupper() and _GLUED.search(out[-1]):
            out.append(" ")
        out.append(chunk)

    def walk(node):
        if isinstance(node.tag, str) and node.tag in _NOT_CAPTION_TEXT:
            return
        if isinstance(node.tag, str) and node.tag == "br":
            out.append(" ")
        elif node.text and isinstance(node.tag, str):
            put(node.text, True)
        for child in node:
            walk(child)
            if child.tail:
                put(child.tail, True)

    walk(el)
    return _squash("".join(out))


def _with_captions(blocks: list[str], flat: str, captions: list[tuple[int, str]],
                   title: str | None = None, summary: str | None = None) -> tuple[list[str], set[int]]:
    """``blocks`` with the page's captions that sit inside the article put back in place.

    A caption of fewer than four words (a name, a bare credit, "Key") is not added. A
    caption counts as inside the article when the page shows it after the article's first
    block and before its last one (a photo between two paragraphs), or between the headline
    and the first block (the lead photo), so captions of teasers, galleries and menus around
    the article stay out. A caption whose text the article already holds, or another caption
    repeats, is not added. The page's own summary (``summary``, its declared description),
    when the page shows it between the headline and the first block, is the standfirst and
    comes first. Returns the blocks and the indexes of the captions among them."""
    if not (captions or summary) or len(blocks) < 2:
        return blocks, set()
    positions: list[int | None] = []
    cursor = 0
    for block in blocks:
        probe = block[:60]
        at = flat.find(probe, cursor) if probe else -1
        positions.append(at if at >= 0 else None)
        if at >= 0:
            cursor = at + len(probe)
    placed = [(p, i) for i, p in enumerate(positions) if p is not None]
    if len(placed) < 2:
        return blocks, set()
    first, last = placed[0][0], placed[-1][0]
    items = [(offset, text, True) for offset, text in captions]
    if LEAD and title and len(title) >= 10:  # the headline shown just above the article: its lead photo is inside
        head = flat.rfind(title, max(0, first - LEAD_SPAN), first)
        if head >= 0:
            if STANDFIRST and summary and _words(summary) >= 5:
                at = flat.find(summary, head + len(title), first)
                if at >= 0:
                    items.append((at, summary, False))
            first = head
    seen = {_fold(b) for b in blocks + ([title] if title else [])}
    after: dict[int, list[tuple[str, bool]]] = {}
    for offset, text, is_caption in sorted(items):
        key = _fold(text)
        if not key or is_caption and _words(text) < 4 or not first < offset < last or key in seen or any(key in s for s in seen if len(s) > len(key)):
            continue
        seen.add(key)
        host = max((i for p, i in placed if p < offset), default=-1)
        after.setdefault(host, []).append((text, is_caption))
    if not after:
        return blocks, set()
    out: list[str] = []
    marks: set[int] = set()
    for i in range(-1, len(blocks)):
        if i >= 0:
            out.append(blocks[i])
        for text, is_caption in after.get(i, []):
            if is_caption:
                marks.add(len(out))
            out.append(text)
    return out, marks


# --------------------------------------------------------------------------------------------
# the page's own metadata (to say where each field came from)


def _page_metadata(tree) -> dict[str, list[tuple[str, str]]]:
    """Candidate values found in the page: ``{field: [(value, where), ...]}`` in trust order."""
    found: dict[str, list[tuple[str, str]]] = {"date": [], "author": [], "title": [], "source": [], "summary": []}
    if tree is None:
        return found
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
                continue
            if not isinstance(item, dict):
                continue
            if "@graph" in item:
                stack.append(item["@graph"])
            kind = item.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            if not _LD_ARTICLE.search(kind):
                continue
            if isinstance(item.get("datePublished"), str):
                found["date"].append((item["datePublished"], "JSON-LD datePublished"))
            if isinstance(item.get("headline"), str):
                found["title"].append((item["headline"], "JSON-LD headline"))
            authors = item.get("author")
            for a in authors if isinstance(authors, list) else [authors]:
                name = a.get("name") if isinstance(a, dict) else a
                if isinstance(name, str):
                    found["author"].append((name, "JSON-LD author"))
            pub = item.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                found["source"].append((pub["name"], "JSON-LD publisher"))
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if not key or not content:
            continue
        for fld, keys in (("date", _META_DATE), ("author", _META_AUTHOR), ("title", _META_TITLE), ("source", _META_SITE),
                          ("summary", _META_SUMMARY)):
            if key in keys:
                found[fld].append((content, f"<meta {key}>"))
    for tag in tree.iter("time"):
        if tag.get("datetime") and (tag.get("itemprop", "").lower() == "datepublished" or tag.get("pubdate") is not None):
            found["date"].append((tag.get("datetime"), "<time datetime> of the article"))
    for fld in ("date", "author", "title", "source"):
        found[fld].sort(key=lambda vw: 0 if vw[1].startswith("JSON-LD") else 1 if "published" in vw[1] else 2)
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        found["title"].append((_squash(title.text_content()), "<title>"))
    h1 = tree.find(".//h1")
    if h1 is not None and h1.text_content().strip():
        found["title"].append((_squash(h1.text_content()), "<h1>"))
    return found


def _where(value: str | None, candidates: list[tuple[str, str]], *, date: bool = False) -> str | None:
    if not value:
        return None
    norm = value[:10] if date else _squash(value).casefold()
    for cand, where in candidates:
        c = cand.strip()[:10] if date else _squash(cand).casefold()
        if c == norm or (not date and norm and norm in c):
            return where
    return "htmldate (dates in the page's text, links and markup)" if date else "trafilatura (page content)"


def _iso_date(value: str) -> str | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


# --------------------------------------------------------------------------------------------
# the package's own reader (the fallback)


def fallback_reader(html: str) -> tuple[list[str], dict]:
    """Every ``<p>``, ``<blockquote>`` and ``<li>`` outside scripts, menus, headers, footers and
    asides; the title from the first ``<h1>`` (else ``<title>``). Returns ``(blocks, meta)``;
    ``blocks[0]`` is the title when there is one (``meta["title"]``).

    A ``<form>`` is dropped only when it holds no paragraph of prose: some sites wrap the whole
    page, article included, in one form.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    meta: dict = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("name") or tag.get("property") or "").lower()
        content = (tag.get("content") or "").strip()
        if key == "og:site_name" and content:
            meta.setdefault("source", content)
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "template", "svg", "iframe"]):
        tag.decompose()
    for form in soup.find_all("form"):
        if not any(_words(p.get_text(" ")) >= 20 for p in form.find_all("p")):
            form.decompose()
    for br in soup.find_all("br"):
        br.replace_with(" ")
    h1 = soup.find("h1")
    title_tag = soup.find("title")
    title = _squash(h1.get_text()) if h1 else (_squash(title_tag.get_text()) if title_tag else "")
    if not h1 and title and meta.get("source"):
        site = re.escape(meta["source"])
        title = re.sub(rf"\s+[|\-–—:·]\s+{site}$|^{site}\s+[|\-–—:·]\s+", "", title).strip() or title
    paras = [_squash(p.get_text()) for p in soup.find_all(["p", "blockquote", "li"])
             if p.find_parent(["p", "blockquote", "li"]) is None]
    paras = [p for p in paras if p]
    if not paras:
        body = soup.body or soup
        paras = [_squash(line) for line in body.get_text("\n").split("\n") if _squash(line)]
        if title and paras and paras[0] == title:
            paras = paras[1:]
    if title:
        meta["title"] = title
    return ([title] if title else []) + paras, meta


# --------------------------------------------------------------------------------------------
# navigation check


def looks_like_navigation(blocks: list[str], page_words: int) -> str | None:
    """Why ``blocks`` (the body read from a page) look like menus rather than an article, or None."""
    if not blocks:
        return None
    words = [_words(b) for b in blocks]
    total = sum(words)
    reasons = []
    if len(blocks) >= 5 and sum(w <= 4 for w in words) >= 0.6 * len(blocks):
        reasons.append(f"{sum(w <= 4 for w in words)} of {len(blocks)} lines have four words or fewer")
    links = sum(bool(_URLISH.match(b)) for b in blocks)
    if links and links >= 0.3 * len(blocks):
        reasons.append(f"{links} of {len(blocks)} lines are links or addresses")
    if total < 150 and page_words >= 400 and total < 0.15 * page_words:
        reasons.append(f"only {total} words kept of the {page_words} the page holds")
    return "; ".join(reasons) or None


def _page_words(tree) -> int:
    if tree is None:
        return 0
    body = tree.find(".//body")
    body = body if body is not None else tree
    n = 0
    for el in body.iter():
        if el.tag in ("script", "style", "noscript", "template") or not isinstance(el.tag, str):
            continue
        n += _words(el.text or "")
        n += _words(el.tail or "") if el.getparent() is not None and el.getparent().tag not in ("script", "style") else 0
    return n


# --------------------------------------------------------------------------------------------
# the page -> text


def read_html(html: str, *, name: str = "the page", url: str | None = None) -> tuple[str, dict, list[str]]:
    """Read an HTML page; return ``(text, info, warnings)``.

    ``text`` is the title and the article's blocks separated by blank lines. ``info`` holds
    ``title``, ``author``, ``source`` (the site's name), ``published_text`` (ISO date),
    ``extractor`` (name and version, or the fallback reader), ``metadata_from`` (where each
    field was found) and ``page_words``. ``warnings`` says when the fallback was used or the
    result looks like navigation.

    Raises:
        InputError: the page holds no article text at all.
    """
    from ..errors import InputError

    notes: list[str] = []
    try:
        from trafilatura.utils import load_html  # trafilatura's own parser settings

        tree = load_html(html) if html.strip() else None
    except Exception:  # noqa: BLE001 - broken markup: trafilatura and bs4 still try on the text
        tree = None
    page_words = _page_words(tree)
    candidates = _page_metadata(tree)
    flat, captions = _flat_page(tree) if tree is not None and CAPTIONS else ("", [])
    summary = _squash(candidates["summary"][0][0]) if candidates["summary"] and flat else None
    # trafilatura cleans the tree it is given: it gets this parse, the candidates are read already
    blocks, doc = _trafilatura(tree if tree is not None else html, url)
    import trafilatura

    info: dict = {"format": "html", "page_words": page_words,
                  "extractor": {"name": "trafilatura", "version": trafilatura.__version__}}
    title = _squash(doc.title) if doc is not None and doc.title else None
    if blocks and title and _fold(blocks[0]) == _fold(title):  # the headline again, as the body's first line
        blocks = blocks[1:]
    t_chars = sum(len(b) for b in blocks or [])
    marks: set[int] = set()
    if blocks and (captions or summary):
        blocks, marks = _with_captions(blocks, flat, captions, title, summary)
    fb_meta: dict = {}
    if t_chars < _SMALL:  # nothing, or too little: the package's own reader, when it finds far more
        fb_blocks, fb_meta = fallback_reader(html)
        fb_body = fb_blocks[1:] if fb_meta.get("title") else fb_blocks
        fb_chars = sum(len(b) for b in fb_body)
        if fb_body and (not blocks or fb_chars >= 4 * t_chars):
            why = "found no article text" if not blocks else f"kept only {t_chars} characters where the page's paragraphs hold {fb_chars}"
            notes.append(f"{name}: the article extractor (trafilatura) {why}; the page was read with the package's "
                         "own reader instead (every paragraph outside menus): check the paragraphs")
            blocks, marks = fb_body, set()
            info["extractor"] = {"name": "analysis fallback reader", "version": None,
                                 "tried": f"trafilatura {trafilatura.__version__}"}
            title = title or fb_meta.get("title")
        elif not blocks:
            raise InputError(f"{name} holds no readable text: no article found in the page (only scripts, menus or markup); "
                             "open it in a browser, copy the article's text and save it as a .txt file")
    nav = looks_like_navigation(blocks, page_words)
    if nav:
        notes.append(f"{name}: the text read from the page looks like navigation, not an article ({nav}); "
                     "check the paragraphs, or copy the article's text into a .txt file")
    author = _squash(doc.author) if doc is not None and doc.author else None
    if author and _NOT_AN_AUTHOR.match(author):  # a login widget's "Username", a social-media link
        notes_from = f"ignored the author {author!r} found in the page (a link or a placeholder, not a name)"
        info.setdefault("ignored", []).append(notes_from)
        author = None
    site = _squash(doc.sitename) if doc is not None and doc.sitename else fb_meta.get("source")
    date = doc.date if doc is not None and doc.date else None
    # the publisher's declared publication date beats a date guessed from the text; a generic
    # <meta date> (which may be the last change) is used only when nothing else was found
    declared = [(_iso_date(v), w) for v, w in candidates["date"] if _iso_date(v)]
    strong = [d for d, w in declared if w.startswith("JSON-LD") or "published" in w or w.startswith("<time")]
    if strong and strong[0] != date:
        date = strong[0]
    elif date is None and declared:
        date = declared[0][0]
    where_from = {}
    if title:
        info["title"] = title
        where_from["title"] = _where(title, candidates["title"])
    if author:
        info["author"] = author
        where_from["author"] = _where(author, candidates["author"])
    if site:
        info["source"] = site
        where_from["source"] = _where(site, candidates["source"])
    if date:
        info["published_text"] = date
        where_from["published"] = _where(date, candidates["date"], date=True)
    info["metadata_from"] = where_from
    parts = ([title] if title else []) + blocks
    text = "\n\n".join(parts)
    if marks:  # where each caption block starts in the text
        starts, pos = [], 0
        for part in parts:
            starts.append(pos)
            pos += len(part) + 2
        info["caption_starts"] = [starts[i + (1 if title else 0)] for i in sorted(marks)]
    return text, info, notes
