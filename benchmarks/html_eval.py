"""Score how the package reads real web pages: the article body, title, author and date.

For every page folder of the html-pages data (``source.html``, ``expected.html`` = Mozilla
Readability's extraction, ``expected-metadata.json``):

* body: token 4-gram precision and recall of the paragraphs read by ``load_article`` (body
  and caption blocks: the text that is analysed)
  against the text of ``expected.html`` (tokens are lower-cased ``\\w+`` runs; 4-grams are
  counted as multisets), and F1; the summary gives the mean precision, mean recall, the F1 of
  those means and the mean per-page F1;
* title / author found (the same after case and spacing are folded, or one inside the other;
  an author when most of the expected byline's name words are found);
* date: found on the pages whose markup declares a publication date (JSON-LD
  ``datePublished``, ``article:published_time``, ``itemprop="datePublished"``, a ``pubdate``-like
  ``<meta>``) and right (the same day) where ``expected-metadata.json`` gives ``publishedTime``;
* time per page (reading the file, extracting, building the blocks);
* the same figures for the previous reader (every ``<p>``, ``<blockquote>`` and ``<li>``
  outside ``nav``/``header``/``footer``/``aside``/``form``, ``<meta>`` tags for the metadata).

The data folder is ``$ANALYSIS_HTML_PAGES``, ``$ANALYSIS_SHARED/data/html-pages``,
``<repo>/../shared/data/html-pages`` or ``/work/shared/data/html-pages``; it is read, never
copied. Run: ``python benchmarks/html_eval.py [FOLDER] [--pages] [--exclude PAGE]`` (``--pages``
prints one line per page).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import analysis  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_corpus  # noqa: E402

from analysis.errors import InputError, InputWarning  # noqa: E402

_TOKEN = re.compile(r"\w+")
ALONE = False
_DECLARED_DATE = re.compile(
    r"datePublished|article:published_time|og:published_time|"
    r"name=[\"']?(?:pubdate|publishdate|publish-date|date|dc\.date|dc\.date\.issued|sailthru\.date|parsely-pub-date)[\"'\s>]",
    re.I)


def pages_folder(arg: str | None = None) -> Path | None:
    """The html-pages folder (see :func:`common.shared_corpus`), or None when it is absent."""
    return shared_corpus("html-pages", arg)


def grams(text: str, n: int = 4) -> Counter:
    toks = [t.lower() for t in _TOKEN.findall(text)]
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def overlap(got: str, expected: str) -> tuple[float, float, float]:
    """``(precision, recall, f1)`` of token 4-grams."""
    g, e = grams(got), grams(expected)
    common = sum((g & e).values())
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(e.values()) if e else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _fold(text: str | None) -> str:
    return " ".join(_TOKEN.findall((text or "").casefold()))


def same_title(got, expected) -> bool:
    g, e = _fold(got), _fold(expected)
    return bool(g and e) and (g == e or g in e or e in g)


def same_author(got, expected) -> bool:
    letters = re.compile(r"[^\W\d_]+")
    e = [w.casefold() for w in letters.findall(re.sub(r"^\s*by\b", "", expected or "", flags=re.I))][:4]
    g = {w.casefold() for w in letters.findall(got or "")}
    return bool(e and g) and sum(w in g for w in e) >= max(1, len(e) // 2 + len(e) % 2)


# --------------------------------------------------------------------------------------------
# the previous reader, as it was, for the comparison


def previous_reader(html: str) -> tuple[str, dict]:
    """The package's reader before trafilatura: ``(body text, {title, author, published})``."""
    from bs4 import BeautifulSoup

    squash = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    soup = BeautifulSoup(html, "html.parser")
    meta: dict = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("name") or tag.get("property") or "").lower()
        content = (tag.get("content") or "").strip()
        if not content:
            continue
        if key in ("author", "article:author", "byl"):
            meta.setdefault("author", re.sub(r"^by\s+", "", content, flags=re.I))
        elif key in ("og:site_name", "publisher"):
            meta.setdefault("source", content)
        elif key in ("article:published_time", "date", "pubdate", "publishdate", "dc.date"):
            meta.setdefault("published", content[:10])
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with(" ")
    h1, title_tag = soup.find("h1"), soup.find("title")
    meta["title"] = squash(h1.get_text()) if h1 else (squash(title_tag.get_text()) if title_tag else "")
    paras = [squash(p.get_text()) for p in soup.find_all(["p", "blockquote", "li"]) if p.find_parent(["p", "blockquote", "li"]) is None]
    return "\n\n".join(p for p in paras if p), meta


# --------------------------------------------------------------------------------------------


def score_page(folder: Path) -> dict:
    from bs4 import BeautifulSoup

    raw = (folder / "source.html").read_bytes()
    expected = BeautifulSoup((folder / "expected.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    gold = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    gold_day = (gold.get("publishedTime") or "")[:10] or None
    declared = bool(gold_day) or bool(_DECLARED_DATE.search(raw.decode("utf-8", "replace")))
    row = {"page": folder.name, "declares_date": declared, "gold_date": gold_day}

    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", InputWarning)
            art = analysis.load_article(folder / "source.html")
        body = "\n\n".join(art.paragraphs["text"].tolist())
        meta = art.meta
        row["warnings"] = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
        row["extractor"] = (meta.get("extractor") or {}).get("name")
        row["captions"] = int((art.blocks["kind"] == "caption").sum())
    except InputError as exc:
        body, meta = "", {}
        row["warnings"] = [f"error: {exc}"]
        row["extractor"] = None
        row["captions"] = 0
    row["seconds"] = time.perf_counter() - t0
    row["p"], row["r"], row["f1"] = overlap(body, expected)
    row["title"] = same_title(meta.get("title"), gold.get("title"))
    row["author"] = same_author(meta.get("author"), gold.get("byline")) if gold.get("byline") else None
    day = meta.get("published").isoformat() if meta.get("published") else None
    row["date"] = day
    row["date_found"] = day is not None
    row["date_right"] = (day == gold_day) if gold_day else None

    if ALONE:
        import trafilatura

        t0 = time.perf_counter()
        alone = trafilatura.extract(raw.decode("utf-8", "replace"), include_comments=False) or ""
        row["alone_seconds"] = time.perf_counter() - t0
        row["alone_p"], row["alone_r"], row["alone_f1"] = overlap(alone, expected)

    t0 = time.perf_counter()
    old_body, old_meta = previous_reader(raw.decode("utf-8", "replace"))
    row["old_seconds"] = time.perf_counter() - t0
    row["old_p"], row["old_r"], row["old_f1"] = overlap(old_body, expected)
    row["old_title"] = same_title(old_meta.get("title"), gold.get("title"))
    row["old_author"] = same_author(old_meta.get("author"), gold.get("byline")) if gold.get("byline") else None
    old_day = (old_meta.get("published") or "")[:10] or None
    row["old_date_found"] = bool(old_day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", old_day))
    row["old_date_right"] = (old_day == gold_day) if gold_day else None
    return row


def summarise(rows: list[dict], prefix: str = "") -> dict:
    p = statistics.mean(r[prefix + "p"] for r in rows)
    rc = statistics.mean(r[prefix + "r"] for r in rows)
    with_author = [r for r in rows if r[prefix + "author"] is not None]
    declared = [r for r in rows if r["declares_date"]]
    gold = [r for r in rows if r["gold_date"]]
    return {
        "pages": len(rows),
        "precision": round(p, 3), "recall": round(rc, 3),
        "f1_of_means": round(2 * p * rc / (p + rc), 3) if p + rc else 0.0,
        "mean_page_f1": round(statistics.mean(r[prefix + "f1"] for r in rows), 3),
        "pages_f1_below_0.8": sum(r[prefix + "f1"] < 0.8 for r in rows),
        "title_found": f"{sum(r[prefix + 'title'] for r in rows)}/{len(rows)}",
        "author_found": f"{sum(bool(r[prefix + 'author']) for r in with_author)}/{len(with_author)}",
        "date_found_where_declared": f"{sum(r[prefix + 'date_found'] for r in declared)}/{len(declared)}",
        "date_right_where_known": f"{sum(bool(r[prefix + 'date_right']) for r in gold)}/{len(gold)}",
        "ms_per_page": round(1000 * statistics.mean(r[prefix + "seconds"] for r in rows), 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--pages", action="store_true", help="one line per page")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--alone", action="store_true",
                    help="also score trafilatura.extract alone (default settings, plain-text output, title included)")
    ap.add_argument("--exclude", action="append", default=[], metavar="PAGE",
                    help="leave this page folder out (e.g. a section front that is no article); repeatable")
    args = ap.parse_args(argv)
    global ALONE
    ALONE = args.alone
    folder = pages_folder(args.folder)
    if folder is None:
        print("html-pages data not found (set ANALYSIS_HTML_PAGES); skipped")
        return 0
    rows = [score_page(d) for d in sorted(p for p in folder.iterdir() if (p / "source.html").is_file())
            if d.name not in args.exclude]
    if args.pages:
        print(f"{'page':<18} {'P':>5} {'R':>5} {'F1':>5} | {'oldP':>5} {'oldR':>5} {'oldF1':>5} | title author date       ms cap  extractor / warnings")
        for r in rows:
            warn = "; ".join(w[:70] for w in r["warnings"] if "furniture" not in w)
            print(f"{r['page']:<18} {r['p']:5.2f} {r['r']:5.2f} {r['f1']:5.2f} | {r['old_p']:5.2f} {r['old_r']:5.2f} {r['old_f1']:5.2f} | "
                  f"{'y' if r['title'] else 'n':>5} {'-' if r['author'] is None else 'y' if r['author'] else 'n':>6} "
                  f"{r['date'] or ('missing' if r['declares_date'] else '-'):>10} {1000 * r['seconds']:5.0f} {r['captions']:3d}  {r['extractor']} {warn}")
    new, old = summarise(rows), summarise(rows, "old_")
    if args.json:
        print(json.dumps({"reader": new, "previous_reader": old}, indent=2))
    else:
        print(f"\n{'':<28} {'reader':>12} {'previous':>12}")
        for key in new:
            print(f"{key:<28} {str(new[key]):>12} {str(old[key]):>12}")
    if ALONE:
        p, r = (statistics.mean(x["alone_" + k] for x in rows) for k in "pr")
        print(f"\ntrafilatura.extract alone: precision {p:.3f}, recall {r:.3f}, F1 of means {2 * p * r / (p + r):.3f}, "
              f"mean page F1 {statistics.mean(x['alone_f1'] for x in rows):.3f}, "
              f"{1000 * statistics.mean(x['alone_seconds'] for x in rows):.1f} ms per page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
