"""The speech-verb lexicon: ``analysis/data/speech_verbs.txt``, the actors layer's list and the
lemmas added for the session."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_user_verbs: set[str] = set()
_verbs_cache: list = []


def _read_verbs(text: str) -> set[str]:
    return {line.split("#")[0].strip().lower() for line in text.splitlines()
            if line.split("#")[0].strip()}


def speech_verbs() -> frozenset:
    """The speech-verb lemmas in force: ``analysis/data/speech_verbs.txt``, the actors layer's
    list and any added with :func:`add_speech_verbs` or :func:`load_speech_verbs`.

    >>> "say" in speech_verbs() and "tweet" in speech_verbs()
    True
    """
    if not _verbs_cache:
        own = _read_verbs(resources.files("analysis.data").joinpath("speech_verbs.txt").read_text(encoding="utf-8"))
        from ..actors import gazetteer

        _verbs_cache.append(frozenset(own | set(gazetteer().speech_verbs)))
    return _verbs_cache[0] | _user_verbs


def add_speech_verbs(verbs) -> None:
    """Add speech-verb lemmas for this session (``add_speech_verbs(["opine", "rant"])``)."""
    if isinstance(verbs, str):
        verbs = [verbs]
    for v in verbs:
        if not isinstance(v, str) or not v.strip() or " " in v.strip():
            raise ValueError(f"a speech verb is one lemma, not {v!r}")
        _user_verbs.add(v.strip().lower())


def load_speech_verbs(path) -> None:
    """Add the lemmas of a text file (one a line, ``#`` comments) for this session."""
    path = Path(path)
    try:
        add_speech_verbs(sorted(_read_verbs(path.read_text(encoding="utf-8"))))
    except OSError as exc:
        raise ValueError(f"cannot read speech verbs from {path}: {exc.strerror}") from None
