"""Formats: HTML pages, Markdown, text without blank lines, one giant paragraph, a title alone.

The expected titles, paragraphs and counts below are written by hand from the inputs.
"""

from __future__ import annotations

import warnings

import pytest

import analysis
from analysis.errors import InputWarning

from robust_helpers import check_document

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers agree to meet again | The Daily Planet</title>
<meta name="author" content="By Jane Roe">
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2023-05-04T10:00:00Z">
<style>body { color: red; } p.lead { font-weight: bold }</style>
<script>var tracking = "<p>not a paragraph</p>"; window.ads = [1, 2];</script>
<script type="application/ld+json">{"headline": "JSON-LD headline"}</script>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main><article>
<h1>Ministers agree to meet again</h1>
<p class="lead">The foreign ministers of five countries met on Tuesday &amp; agreed to talk again in May.</p>
<p>“We are not imposing anything,” the host said. <a href="/statement">Read the statement</a>.</p>
<p>The talks lasted<br>three hours, officials said.</p>
<div class="ad"><script>document.write("<p>Buy now</p>")</script></div>
<p>Observers called the meeting <em>cautious</em> but <strong>useful</strong>.</p>
</article></main>
<aside><p>Most read: a celebrity wedding</p></aside>
<footer><p>© 2023 The Daily Planet. All rights reserved.</p></footer>
<noscript><p>Please enable JavaScript.</p></noscript>
</body></html>
"""

EXPECTED_PARAGRAPHS = [
    "The foreign ministers of five countries met on Tuesday & agreed to talk again in May.",
    "“We are not imposing anything,” the host said. Read the statement.",
    "The talks lasted three hours, officials said.",
    "Observers called the meeting cautious but useful.",
]


def _quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return fn(*args, **kw)


@pytest.mark.parametrize("suffix", [".html", ".htm", ".txt"])
def test_html_news_page(tmp_path, suffix):
    path = tmp_path / f"page{suffix}"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    art = _quiet(analysis.load_article, path)
    assert art.title == "Ministers agree to meet again"
    assert art.author == "Jane Roe"
    assert art.source == "The Daily Planet"
    assert art.published is not None and art.published.isoformat() == "2023-05-04"
    assert art.paragraphs["text"].tolist() == EXPECTED_PARAGRAPHS
    for dropped in ("tracking", "color: red", "Home", "World", "Buy now", "celebrity", "All rights",
                    "JavaScript", "JSON-LD", "<", ">"):
        assert dropped not in art.text, f"{dropped!r} should have been dropped"
    doc = analysis.annotate(art)
    check_document(doc)
    assert len(doc.sentences) == 5


def test_html_title_from_title_tag_without_h1():
    page = ("<html><head><title>Rain stops play - Sports Daily</title>"
            "<meta property='og:site_name' content='Sports Daily'></head>"
            "<body><p>It rained all day.</p><p>Nobody played.</p></body></html>")
    art = analysis.from_text(page)
    assert art.title == "Rain stops play"
    assert art.paragraphs["text"].tolist() == ["It rained all day.", "Nobody played."]


def test_html_fragment_is_converted_not_analysed_with_tags():
    frag = "<h1>Short note</h1>\n<p>The first <b>line</b>.</p>\n<p>The second line.</p>"
    doc = analysis.annotate(analysis.from_text(frag))
    assert doc.title == "Short note"
    assert doc.paragraphs["text"].tolist() == ["The first line.", "The second line."]
    assert not doc.tokens["text"].isin(["<", ">", "p", "/p"]).any()


def test_html_without_paragraph_tags_uses_the_text_lines():
    page = "<html><body><h1>Brief</h1><div>First line of news.</div><div>Second line of news.</div></body></html>"
    art = analysis.from_text(page)
    assert art.title == "Brief"
    assert art.paragraphs["text"].tolist() == ["First line of news.", "Second line of news."]


def test_html_with_no_text_is_an_input_error():
    with pytest.raises(analysis.InputError, match="no readable text"):
        analysis.from_text("<html><head><script>var a = 1;</script></head><body></body></html>")


MARKDOWN = """---
author: Jane Roe
published: 2022-03-04
---
# A *big* day for the **alliance**

The [ministers](https://example.org/talks) met on Monday and agreed on _three_ points.

> “We will meet again,” the chair said.

- trade
- security

## What comes next

![a photo](photo.jpg)
The next meeting is planned for `June`.
"""


def test_markdown_file(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    art = analysis.load_article(path)
    assert art.meta["format"] == "markdown"
    assert art.title == "A big day for the alliance"
    assert art.author == "Jane Roe"
    assert art.published.isoformat() == "2022-03-04"
    paras = art.paragraphs["text"].tolist()
    assert paras[0] == "The ministers met on Monday and agreed on three points."
    assert "“We will meet again,” the chair said." in paras
    assert "trade\nsecurity" in paras
    assert paras[-1] == "The next meeting is planned for June."
    for marker in ("**", "](", "https://", "![", "`", "> “", "---", "#"):
        assert marker not in art.text, marker
    check_document(analysis.annotate(art))


def test_markdown_pasted_as_text():
    art = analysis.from_text("# Heading here\n\nSome *emphasised* words and a [link](http://x.y).")
    assert art.title == "Heading here"
    assert art.paragraphs["text"].tolist() == ["Some emphasised words and a link."]


def test_plain_text_with_stars_and_underscores_is_left_alone(tmp_path):
    path = tmp_path / "plain.txt"
    text = "Prices *fell*\n\nThe rate was 3*4 and file_name_here stayed [as is](really).\n"
    path.write_text(text, encoding="utf-8")
    art = analysis.load_article(path)
    assert art.text == text and art.meta.get("format") is None


def test_text_with_no_blank_lines_splits_at_each_line():
    text = "Headline of the day\nThe first paragraph is here. It has two sentences.\nThe second paragraph.\nThe third one."
    doc = analysis.annotate(analysis.from_text(text))
    assert doc.title == "Headline of the day"
    assert doc.paragraphs["text"].tolist() == [
        "The first paragraph is here. It has two sentences.", "The second paragraph.", "The third one."]
    assert len(doc.sentences) == 4
    check_document(doc)


def test_one_giant_paragraph():
    sentence = "The delegation met the minister on Monday, and both sides said the talks went well. "
    text = "Headline\n\n" + sentence * 3000
    doc = analysis.annotate(analysis.from_text(text))
    assert len(doc.paragraphs) == 1
    assert len(doc.sentences) == 3000
    assert len(doc.tokens) == 3000 * 17
    check_document(doc)


def test_a_title_alone():
    doc = analysis.annotate(analysis.from_text("Just a headline, nothing else"))
    assert doc.title == "Just a headline, nothing else"
    assert len(doc.paragraphs) == 0 and len(doc.sentences) == 0 and len(doc.tokens) == 0
    check_document(doc)  # every layer copes with an article without body
    assert list(doc.tokens.columns)[:3] == ["token_id", "sent_id", "para_id"]


def test_a_title_alone_through_the_cli(tmp_path):
    from analysis.cli import main

    path = tmp_path / "title.txt"
    path.write_text("Only a title here\n", encoding="utf-8")
    assert main(["annotate", str(path), "--out", str(tmp_path / "out")]) == 0
    import pandas as pd

    assert pd.read_csv(tmp_path / "out" / "tokens.csv").empty


# Gold from reading the two original articles in tests/articles/ (counted by hand).
ARTICLE_GOLD = {
    "robust_border_talks.txt": dict(title="Border talks resume after a tense winter", author="Mara Okonjo",
                                    source="The Northern Ledger", published="2024-02-15", paragraphs=4, sentences=7,
                                    kinds=["title", "byline", "author", "body", "body", "body", "body", "boilerplate"]),
    "robust_flood_relief.txt": dict(title="Flood relief stalls as donors argue over control", author="Samir Hadd",
                                    source=None, published="2023-02-20", paragraphs=4, sentences=6,
                                    kinds=["title", "byline", "body", "body", "body", "body"]),
}


@pytest.mark.parametrize("name", list(ARTICLE_GOLD))
def test_original_articles_structure(name):
    from pathlib import Path

    gold = ARTICLE_GOLD[name]
    doc = analysis.annotate(analysis.load_article(Path(__file__).parent / "articles" / name))
    assert doc.title == gold["title"] and doc.article.author == gold["author"] and doc.article.source == gold["source"]
    assert doc.published.isoformat() == gold["published"]
    assert doc.article.blocks["kind"].tolist() == gold["kinds"]
    assert len(doc.paragraphs) == gold["paragraphs"] and len(doc.sentences) == gold["sentences"]
    check_document(doc)


def test_original_article_as_crlf_html_and_markdown_agree(tmp_path):
    """The same article as Windows text, as an HTML page and as Markdown: same paragraphs."""
    from pathlib import Path

    src = Path(__file__).parent / "articles" / "robust_border_talks.txt"
    base = analysis.load_article(src)
    body = base.paragraphs["text"].tolist()
    (tmp_path / "a.txt").write_bytes(src.read_bytes().replace(b"\n", b"\r\n"))
    (tmp_path / "a.html").write_text("<html><head><title>x</title></head><body><h1>" + base.title + "</h1>"
                                     + "".join(f"<p>{p}</p>" for p in body) + "</body></html>", encoding="utf-8")
    (tmp_path / "a.md").write_text("# " + base.title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    for name in ("a.txt", "a.html", "a.md"):
        art = analysis.load_article(tmp_path / name)
        assert art.title == base.title, name
        assert art.paragraphs["text"].tolist() == body, name
