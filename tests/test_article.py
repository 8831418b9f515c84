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


@pytest.mark.parametrize("text", ["We will not give in.”", "“Talks went well,” she said.", "The talks (held in May.)"])
def test_a_sentence_ending_in_a_closing_mark_is_text_not_a_title(text):
    doc = analysis.annotate(analysis.from_text(text))
    assert doc.title is None and len(doc.sentences) == 1 and doc.paragraphs["text"].tolist() == [text]


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


# --------------------------------------------------------------------------------------------
# inline datelines ("NAIROBI, 12 May 2023 — ..."): the place and date that open the first paragraph

from analysis.article import inline_dateline  # noqa: E402


@pytest.mark.parametrize("opening,place,region,date_text,agency,date", [
    ("NAIROBI, 12 May 2023 — Kenya's parliament voted.", "NAIROBI", None, "12 May 2023", None, dt.date(2023, 5, 12)),
    ("WASHINGTON, May 12 (Reuters) - The Treasury said.", "WASHINGTON", None, "May 12", "Reuters", None),
    ("Rio de Janeiro, Brazil, Sept. 16, 2021 -- Protesters marched.", "Rio de Janeiro", "Brazil", "Sept. 16, 2021", None, dt.date(2021, 9, 16)),
    ("ST. LOUIS, Monday, 3rd March 2020 (AP) _ A jury found.", "ST. LOUIS", None, "Monday, 3rd March 2020", "AP", dt.date(2020, 3, 3)),
    ("PORT-AU-PRINCE, 2022-11-30 – Aid arrived.", "PORT-AU-PRINCE", None, "2022-11-30", None, dt.date(2022, 11, 30)),
])
def test_inline_dateline_forms(opening, place, region, date_text, agency, date):
    text = "A headline\n\nBy Ann Writer\n\n" + opening + "\n\nA second paragraph."
    d = inline_dateline(text)
    assert d is not None
    assert (d["place"], d["region"], d["date_text"], d["agency"], d["date"]) == (place, region, date_text, agency, date)
    assert text[d["start"]:d["end"]] == d["text"] and text[d["place_start"]:d["place_end"]] == place
    assert text[d["date_start"]:d["date_end"]] == date_text
    assert d["start"] == text.index(opening) and d["text"].rstrip()[-1] in "-–—_"
    if region:
        assert text[d["region_start"]:d["region_end"]] == region


@pytest.mark.parametrize("opening", [
    "However, May 12 — the day of the vote — was quiet.",   # a sentence adverb, not a place
    "In Paris, the talks went on - and on.",                 # no date
    "The minister arrived, May 12, 2023 — late.",            # lower-case words before the comma
])
def test_inline_dateline_rejects(opening):
    assert inline_dateline("A headline\n\n" + opening) is None


def test_inline_dateline_only_opens_the_first_body_paragraph():
    text = "A headline\n\nThe vote was held.\n\nNAIROBI, 12 May 2023 — More news."
    assert inline_dateline(text) is None
    assert inline_dateline(text, start=text.index("NAIROBI"))["place"] == "NAIROBI"


def test_inline_dateline_gives_the_publication_date_and_keeps_the_text():
    text = "Talks stall\n\nNAIROBI, 12 May 2023 — Ministers met on Friday.\n\nThey will meet again."
    art = from_text(text)
    assert art.text == text and art.published == dt.date(2023, 5, 12)
    assert art.meta["published_from"] == "dateline"
    assert art.meta["dateline"]["place"] == "NAIROBI"
    assert art.paragraphs["text"].iloc[0].startswith("NAIROBI, 12 May 2023 —")  # nothing dropped
    doc = analysis.annotate(art)
    assert doc.published == dt.date(2023, 5, 12)
    assert doc.timexes.set_index("text").loc["Friday", "value"] == "2023-05-12"


def test_inline_dateline_never_overrides_a_given_date(tmp_path):
    text = "Talks stall\n\nNAIROBI, 12 May 2023 — Ministers met.\n"
    art = from_text(text, published="2023-05-13")
    assert art.published == dt.date(2023, 5, 13) and art.meta["published_from"] == "argument"
    assert art.meta["dateline"]["date"] == dt.date(2023, 5, 12)   # still recorded, for the actors layer
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "a.yml").write_text("published: 2023-05-14\n", encoding="utf-8")
    art = load_article(path)
    assert art.published == dt.date(2023, 5, 14) and art.meta["published_from"] == "sidecar"
    assert art.meta["dateline"]["place"] == "NAIROBI"


def test_inline_dateline_without_a_year_is_recorded_not_used():
    art = from_text("Rates held\n\nWASHINGTON, May 12 (Reuters) - The central bank held rates.")
    assert art.published is None and art.meta["dateline"]["agency"] == "Reuters"
    assert any("no year" in n for n in art.meta["notes"])


def test_seed_has_no_inline_dateline(seed_article):
    assert seed_article.meta["dateline"] is None
    assert seed_article.meta["published_from"] == "sidecar"


@pytest.mark.parametrize("opening, place, region, agency", [
    ("CAIRO — Talks ended.", "CAIRO", None, None),
    ("NAIROBI - Kenya's parliament voted on 12 May 2023.", "NAIROBI", None, None),  # the date is in the story
    ("KYIV, Ukraine (AP) — The talks ended.", "KYIV", "Ukraine", "AP"),
    ("Moscow (Reuters) - Talks ended.", "Moscow", None, "Reuters"),
])
def test_datelines_without_a_date(opening, place, region, agency):
    from analysis.article import inline_dateline

    text = "Talks end\n\n" + opening
    d = inline_dateline(text)
    assert (d["place"], d["region"], d["agency"], d["date"], d["date_text"]) == (place, region, agency, None, None)
    assert text[d["place_start"]:d["place_end"]] == place and text[d["start"]:d["end"]] == d["text"]
    art = analysis.from_text(text)
    assert art.meta["published"] is None and not any("dateline" in note for note in art.meta["notes"])


@pytest.mark.parametrize("opening", ["BREAKING — Talks ended.", "Moscow - a city of twelve million people.",
                                     "The EU — long divided — agreed."])
def test_not_datelines_without_a_date(opening):
    from analysis.article import inline_dateline

    assert inline_dateline("Talks end\n\n" + opening) is None
