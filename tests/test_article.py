"""Loading: the seed's metadata and blocks, sidecars, dates, encodings and HTML."""

from __future__ import annotations

import datetime as dt

import pytest

import analysis
from analysis.article import from_text, load_article, parse_date, slugify, split_blocks
from analysis.errors import InputError, InputWarning


def test_seed_metadata(seed_article):
    assert seed_article.title == "There will be no capitulator’s leg on the land of the CSTO"
    assert seed_article.author == "Elena Chernenko"
    assert seed_article.source == "The Frontier Post"
    assert seed_article.published == dt.date(2021, 9, 16)
    assert len(seed_article.paragraphs) == 12


def test_seed_blocks_have_expected_kinds(seed_article):
    kinds = seed_article.blocks["kind"].tolist()
    assert kinds[:3] == ["title", "byline", "author"]
    assert kinds[3:15] == ["body"] * 12
    assert kinds[15:] == ["boilerplate", "boilerplate"]
    assert seed_article.paragraphs["text"].iloc[0].startswith("A meeting of foreign ministers")
    assert seed_article.paragraphs["text"].iloc[-1].startswith("Today, Afghanistan")


def test_blocks_and_separators_rebuild_the_text(seed_article):
    text = seed_article.text
    pieces = [(s, e) for s, e in zip(seed_article.blocks.start, seed_article.blocks.end)] + seed_article.separators
    pieces.sort()
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(text[s:e].isspace() for s, e in seed_article.separators)
    for row in seed_article.blocks.itertuples():
        assert text[row.start:row.end] == row.text


def test_text_is_the_file_unchanged(seed_article):
    raw = analysis.SEED.read_text(encoding="utf-8")
    assert seed_article.text == raw


def test_published_argument_overrides_sidecar():
    art = load_article(analysis.SEED, published="2021-09-15")
    assert art.published == dt.date(2021, 9, 15)


@pytest.mark.parametrize("bad", ["2021-02-30", "16/09/2021", "yesterday", "2021-13-01"])
def test_invalid_published_is_an_input_error(bad):
    with pytest.raises(InputError, match="invalid publication date"):
        load_article(analysis.SEED, published=bad)


def test_parse_date_accepts_dates():
    assert parse_date(dt.date(2020, 1, 2)) == dt.date(2020, 1, 2)
    assert parse_date("2020-01-02") == dt.date(2020, 1, 2)
    assert parse_date(None) is None


def test_byline_alone_gives_the_author():
    art = from_text("Storm hits the coast\n\nBy Jane Roe\n\nThe storm arrived on Monday. It was strong.\n\nPeople left.")
    assert art.title == "Storm hits the coast"
    assert art.author == "Jane Roe"
    assert art.source is None
    assert len(art.paragraphs) == 2


def test_single_newline_paragraphs_work():
    art = from_text("Headline here\nThe first paragraph is here.\nThe second paragraph is here.\n")
    assert art.title == "Headline here"
    assert art.paragraphs["text"].tolist() == ["The first paragraph is here.", "The second paragraph is here."]


def test_boilerplate_after_about_the_author():
    art = from_text("Title\n\nBody one.\n\nBody two.\n\nAbout the author\n\nJane Roe writes about ships.")
    assert art.blocks["kind"].tolist() == ["title", "body", "body", "boilerplate", "boilerplate"]


def test_split_blocks_keeps_whitespace_outside():
    text = "  A\n\n\n  B  \n \nC\n"
    spans = split_blocks(text)
    assert [text[s:e] for s, e in spans] == ["A", "B", "C"]


def test_slugify_is_safe():
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ça va? Oui!") == "ca-va-oui"
    assert slugify("///") == "article"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings(tmp_path, encoding):
    text = "Café talks\n\nThe “minister” met Müller in Zürich. It went well.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    art = load_article(path)
    assert art.text == text
    assert art.title == "Café talks"


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    text = "Café talks\n\nThe “minister” met Müller. It went well.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.warns(InputWarning, match="cp1252"):
        art = load_article(path)
    assert art.text == text


def test_cp1251_is_decoded_with_a_warning(tmp_path):
    text = "Встреча в Душанбе\n\nМинистры обсудили положение в Афганистане. Это важно.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1251"))
    with pytest.warns(InputWarning, match="cp1251"):
        art = load_article(path)
    assert art.text == text


def test_crlf_is_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\r\n\r\nOne sentence here. Another one.\r\n")
    art = load_article(path)
    assert "\r" not in art.text
    assert art.paragraphs["text"].tolist() == ["One sentence here. Another one."]


@pytest.mark.parametrize("content,match", [
    (b"", "empty"),
    (b"  \n\t \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"abc\x00def\x00ghi", "NUL bytes"),
])
def test_bad_files_are_input_errors(tmp_path, content, match):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=match):
        load_article(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        load_article(tmp_path)


def test_html_is_converted_to_text(tmp_path):
    html = """<!doctype html><html><head><title>Site | Talks end</title>
    <meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
    <style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
    <body><nav><p>Home | World</p></nav><h1>Talks end in Geneva</h1>
    <p>The talks ended on Tuesday.</p><p>Both sides <b>agreed</b> to meet again.</p>
    <footer><p>© 2024 Site</p></footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    art = load_article(path)
    assert art.title == "Talks end in Geneva"
    assert art.author == "Jane Roe"
    assert art.published == dt.date(2024, 3, 5)
    assert art.paragraphs["text"].tolist() == ["The talks ended on Tuesday.", "Both sides agreed to meet again."]
    assert "<" not in art.text and "color" not in art.text and "Home" not in art.text


def test_sidecar_with_bad_yaml_names_the_file(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody text here.\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("published: [2021\n", encoding="utf-8")
    with pytest.raises(InputError, match="a.yml"):
        load_article(tmp_path / "a.txt")


def test_no_date_is_noted():
    art = from_text("Title\n\nBody text here.")
    assert art.published is None
    assert any("no publication date" in n for n in art.meta["notes"])
