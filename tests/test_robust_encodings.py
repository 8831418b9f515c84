"""Encodings: every supported encoding decodes to the right text; a guess always warns.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as such and silently. Bytes that
are not UTF-8 are decoded as cp1252 or cp1251, whichever fits (latin-1 text comes out right
through cp1252, which agrees with it on every letter), and the guess is always reported as an
:class:`~analysis.errors.InputWarning` naming the encoding. Impossible bytes are a one-line
:class:`~analysis.errors.InputError` naming the encoding tried.
"""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

import analysis
from analysis.errors import InputError, InputWarning

from robust_helpers import check_document

HEAD = "A test headline\n\nBy Jane Roe\n\n"
ENGLISH = ("The minister said “we will not yield” — and he didn’t. Prices rose by 5 € to £3… "
           "at the café in Zürich, the agency reported.\n\nA second paragraph follows here.\n")
RUSSIAN = ("Министр иностранных дел Сергей Лавров заявил, что Москва не будет вмешиваться.\n\n"
           "Встреча прошла в Душанбе.\n")
MIXED_RU = ("Foreign Minister Sergei Lavrov (Сергей Лавров) told “Известия” that the bloc would act.\n\n"
            "He repeated it on Friday.\n")
FRENCH = ("Le président a quitté l'Élysée déjà à midi ; « Ça va », a-t-il dit à Orléans.\n\n"
          "Où est l'équipe? Noël à Genève, même à Besançon.\n")
GERMAN = "Müller sagte über die Ärzte: Es gibt große Öl-Förderung.\n\nStraße in Köln und Lübeck.\n"


def _load(tmp_path, data: bytes, name="article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        art = analysis.load_article(path)
    notes = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    return art, notes


@pytest.mark.parametrize("encoding,body", [
    ("utf-8", ENGLISH), ("utf-8", RUSSIAN), ("utf-8-sig", ENGLISH), ("utf-8-sig", MIXED_RU),
    ("utf-16", ENGLISH), ("utf-16", RUSSIAN), ("utf-16-le-bom", ENGLISH), ("utf-16-be-bom", MIXED_RU),
])
def test_unicode_encodings_decode_silently(tmp_path, encoding, body):
    text = HEAD + body
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    art, notes = _load(tmp_path, data)
    assert art.text == text, "decoded text differs (a BOM or a character was mangled)"
    assert "\ufeff" not in art.text
    assert not notes, f"a certain encoding must not warn: {notes}"
    assert art.title == "A test headline" and art.author == "Jane Roe"
    assert art.meta["encoding"].startswith("utf-")
    check_document(analysis.annotate(art))


@pytest.mark.parametrize("encoding,body,expected", [
    ("cp1252", ENGLISH, "cp1252"),
    ("cp1252", FRENCH, "cp1252"),
    ("cp1252", GERMAN, "cp1252"),
    ("cp1251", RUSSIAN, "cp1251"),
    ("cp1251", MIXED_RU, "cp1251"),
    ("latin-1", FRENCH, "cp1252"),     # latin-1 and cp1252 agree on every letter here
    ("latin-1", GERMAN, "cp1252"),
])
def test_legacy_encodings_decode_correctly_with_a_warning(tmp_path, encoding, body, expected):
    text = HEAD + body
    art, notes = _load(tmp_path, text.encode(encoding))
    assert art.text == text, f"{encoding} bytes decoded wrongly: {art.text[:80]!r}"
    assert art.meta["encoding"] == expected
    assert len(notes) == 1 and expected in notes[0] and "UTF-8" in notes[0], notes
    assert any(expected in n for n in art.meta["notes"]), "the guess is also kept in the metadata"
    check_document(analysis.annotate(art))


def test_latin1_only_byte_falls_back_with_warning(tmp_path):
    """Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) still decode, with a warning."""
    data = (HEAD + "Odd byte here: ").encode("latin-1") + b"\x81\x8d\x90 and more text.\n"
    art, notes = _load(tmp_path, data)
    assert len(notes) == 1 and art.meta["encoding"] in notes[0]
    assert art.text.startswith(HEAD) and art.text.endswith(" and more text.\n")
    assert len(art.text) == len(data), "one character per byte: nothing dropped"


def test_utf16_without_bom_is_guessed_with_a_warning(tmp_path):
    text = HEAD + ENGLISH
    for enc in ("utf-16-le", "utf-16-be"):
        art, notes = _load(tmp_path, text.encode(enc), name=f"{enc}.txt")
        assert art.text == text
        assert len(notes) == 1 and enc in notes[0]


def test_double_encoded_utf8_warns(tmp_path):
    """Mojibake (UTF-8 read as cp1252 and saved again as UTF-8) is analysed as is, never silently."""
    mojibake = (HEAD + "The café in Zürich was closed.\n").encode("utf-8").decode("cp1252").encode("utf-8")
    art, notes = _load(tmp_path, mojibake)
    assert "Ã" in art.text
    assert len(notes) == 1 and "double-encoded" in notes[0]


def test_broken_bom_is_a_clear_error_naming_the_encoding(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "A title\n\nSome text.".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    with pytest.raises(InputError, match="utf-16") as info:
        analysis.load_article(path)
    assert "\n" not in str(info.value) and "broken.txt" in str(info.value)


def test_text_api_refuses_lone_surrogates_clearly():
    with pytest.raises(InputError, match="surrogate"):
        analysis.from_text("A title\n\nBroken \ud800 text.")
    # a surrogate pair left by a UTF-16 round trip is joined into the real character
    doc = analysis.annotate(analysis.from_text("A title\n\nA smile \ud83d\ude00 here."))
    assert "😀" in doc.tokens["text"].tolist()


def test_cli_reports_the_guessed_encoding_and_succeeds(tmp_path):
    path = tmp_path / "russian.txt"
    path.write_bytes((HEAD + MIXED_RU).encode("cp1251"))
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "annotate", str(path), "--out", str(out), "--layers", "tokens"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    warn_lines = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert any("cp1251" in line for line in warn_lines), proc.stderr
    assert "Traceback" not in proc.stderr
    import json

    info = json.loads((out / "article.json").read_text(encoding="utf-8"))
    assert info["encoding"] == "cp1251" and any("cp1251" in n for n in info["notes"])
    assert "Лавров" in (out / "tokens.csv").read_text(encoding="utf-8")
