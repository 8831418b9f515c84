"""Lossless everywhere: for any input, every span of every layer points at its own text.

Property-based (hypothesis) over random Unicode with control and zero-width characters,
right-to-left marks, emoji, CRLF and lone CR line endings, tabs, very long words and lines.
The checks live in ``robust_helpers`` and walk ``doc.layers()``, so layers added later are
covered automatically. Examples in total: 300 + 150 + 60 + 60 + 100 = 670 (≥ 500).
"""

from __future__ import annotations

import unicodedata
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import analysis
from analysis.article import split_blocks
from analysis.errors import InputError, InputWarning

from robust_helpers import check_blocks_rebuild, check_document, check_table_spans

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Characters that break naive text handling, one strategy each, mixed with ordinary words.
ODD = [
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060",          # zero-width
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",  # bidi marks
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "\x1c", "\x1f",  # controls
    "\u00a0", "\u2028", "\u2029", "\u3000", "\u2009",          # odd spaces and separators
    "\t", "\r\n", "\r", "\n", "\n\n", " \n \n ",                 # tabs and line endings
    "“", "”", "‘", "’", "«", "»", '"', "'", "`", "„",            # quotes
    "😀", "👍🏽", "👨‍👩‍👧", "🇷🇺", "e\u0301", "ﬁ", "İ", "ß", "ǅ",  # emoji, combining, casing
    "...", "!?", "U.S.", "Mr.", "n't", "'s", "--", "—", "…", "(", ")", "[", "]",
    "שלום", "مرحبا", "Привет", "日本語", "한국어",
]
WORDS = ["The", "minister", "said", "Moscow", "talks", "on", "Tuesday", "2021", "3.5%", "won't",
         "e-mail", "NATO", "a", "of", "state-run", "http://x.org/a?b=c", "@user", "#tag"]

fragment = st.one_of(
    st.sampled_from(ODD),
    st.sampled_from(WORDS),
    st.text(min_size=1, max_size=12),                                     # any Unicode (no surrogates)
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]), min_size=1, max_size=4),
    st.builds(lambda c, n: c * n, st.sampled_from("aZ.-\"“x9_"), st.integers(50, 3000)),  # long words
)
seps = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\r\n\r\n", "\t", "", ". "])


@st.composite
def article_texts(draw, max_parts=40):
    parts = draw(st.lists(st.tuples(fragment, seps), min_size=1, max_size=max_parts))
    text = "".join(f + s for f, s in parts)
    if draw(st.booleans()):
        text = draw(st.sampled_from(["Headline\n\n", "A title\r\n\r\nBy Jane Roe\r\n\r\n", "", "\n\n  "])) + text
    return text


def _annotate_or_refuse(text: str):
    """Annotate ``text``; an InputError is the only acceptable failure (blank or non-text input)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        try:
            return analysis.annotate(analysis.from_text(text))
        except InputError as exc:
            assert "\n" not in str(exc), "an InputError message is one line"
            return None


@settings(max_examples=300, **SETTINGS)
@given(article_texts())
def test_every_layer_is_lossless_on_random_text(text):
    doc = _annotate_or_refuse(text)
    if doc is None:
        # refused only when there is nothing to analyse or it is not text
        controls = sum(unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v" for c in text)
        assert not text.strip() or controls > 8, "refused a text that has something to analyse"
        event("refused (blank or control characters)")
        return
    if doc.meta.get("format") is None:  # HTML and Markdown are converted to text first
        assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    counts = check_document(doc)
    assert counts["tokens"] >= len(doc.tokens)


@settings(max_examples=150, **SETTINGS)
@given(st.text(min_size=0, max_size=400))
def test_blocks_tile_any_text(text):
    """split_blocks on any string: non-blank stripped blocks, only whitespace between them."""
    spans = split_blocks(text)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        assert text[pos:s] == "" or text[pos:s].isspace()
        assert text[s:e] == text[s:e].strip()
        pos = e
    assert text[pos:] == "" or text[pos:].isspace()
    assert bool(spans) == bool(text.strip())


@settings(max_examples=60, **SETTINGS)
@given(article_texts(max_parts=25), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_loaded_file_rebuilds_the_decoded_text(tmp_path_factory, text, encoding):
    """Through the file loader: the decoded text (line endings normalised) is rebuilt exactly."""
    path = tmp_path_factory.mktemp("lossless") / "article.txt"
    path.write_bytes(text.encode(encoding))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        try:
            art = analysis.load_article(path)
        except InputError as exc:
            assert str(exc).strip() and "\n" not in str(exc)
            return
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]   # the bytes of a leading U+FEFF in UTF-8 are the byte-order mark: the file's, not its text
    if art.meta.get("format") is None:
        assert art.text == text.replace("\r\n", "\n").replace("\r", "\n")
    check_blocks_rebuild(art)
    check_document(analysis.annotate(art))


@settings(max_examples=60, **SETTINGS)
@given(st.lists(st.sampled_from(ODD + WORDS), min_size=1, max_size=30).map(" ".join))
def test_odd_characters_between_words(text):
    doc = _annotate_or_refuse("Headline\n\n" + text)
    if doc is not None:
        check_document(doc)


MARKUP = ["<p>", "</p>", "<h1>", "</h1>", "<title>", "</title>", "<script>", "</script>", "<br>", "<b>", "</b>",
          "<a href='x'>", "</a>", "&amp;", "&nbsp;", "<!--", "-->", "<html>", "<body>", "# ", "## ", "**", "*", "_",
          "[", "](", ")", "![", "`", "> ", "- ", "---\n", "===\n", "\n", "\n\n", "1. "]


@settings(max_examples=100, **SETTINGS)
@given(st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), fragment), min_size=1, max_size=40),
       st.sampled_from(["<html><body>", "<p>", "# ", "---\ntitle: T\n---\n", ""]))
def test_html_and_markdown_soup_never_crash(parts, prefix):
    """Tag soup and broken Markdown: converted and analysed losslessly, or refused with an InputError."""
    doc = _annotate_or_refuse(prefix + " ".join(parts))
    if doc is not None:
        check_document(doc)


def test_seed_is_lossless(seed_doc):
    counts = check_document(seed_doc)
    assert counts["tokens"] == len(seed_doc.tokens) > 500
    assert counts["sentences"] == 35 and counts["paragraphs"] == 12


@pytest.mark.parametrize("text", [
    "T\n\n" + "a" * 200_000,                                  # one very long word
    "T\n\n" + ("word " * 40_000),                             # one very long line
    "T\r\n\r\nline one\r\nline two\rline three\r\n",          # mixed line endings
    "T\n\n\u202eevil\u202c text \u200f\u200e \u2066isolate\u2069.",
    "T\n\n" + "👨‍👩‍👧 " * 500,
])
def test_lossless_on_extremes(text):
    doc = _annotate_or_refuse(text)
    assert doc is not None
    check_document(doc)


def test_checker_is_generic_and_catches_a_broken_layer(seed_doc, monkeypatch):
    """A layer registered later is checked too, and a wrong span is caught (the checker is not vacuous)."""
    import importlib.machinery
    import sys
    import types

    from analysis import document

    good = types.ModuleType("analysis._robust_probe")
    good.__spec__ = importlib.machinery.ModuleSpec("analysis._robust_probe", None)
    good.fine = lambda doc: pd.DataFrame({"start": [0], "end": [5], "text": [doc.text[:5]],
                                          "speaker_start": [pd.NA], "speaker_end": [pd.NA]})
    good.broken = lambda doc: pd.DataFrame({"start": [0], "end": [5], "text": [doc.text[1:6]]})
    good.outside = lambda doc: pd.DataFrame({"cue_start": [len(doc.text)], "cue_end": [len(doc.text) + 3]})
    monkeypatch.setitem(sys.modules, "analysis._robust_probe", good)
    monkeypatch.setitem(document.LAYERS, "probe_fine", "analysis._robust_probe:fine")
    doc = analysis.annotate(seed_doc.article)
    assert "probe_fine" in doc.layers()
    assert check_document(doc)["probe_fine"] == 1
    with pytest.raises(AssertionError, match="source"):
        check_table_spans("broken", good.broken(doc), doc.text)
    with pytest.raises(AssertionError, match="outside"):
        check_table_spans("outside", good.outside(doc), doc.text)
