"""The cue lexicon: the package's list in ``data/stance_cues.yml``, cues added by the user, and their index."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd


from ..errors import InputError
from .vocabulary import KINDS, STANCES


_user_cues: list[dict] = []
_cue_state: list = []


def _check_entry(entry, where: str) -> dict:
    if not isinstance(entry, dict) or "cue" not in entry or "stance" not in entry:
        raise InputError(f"stance cue {entry!r} in {where}: give a mapping with 'cue' and 'stance' (and optionally 'kind')")
    cue = entry["cue"]
    if not isinstance(cue, str) or not cue.strip():
        raise InputError(f"stance cue {entry!r} in {where}: 'cue' must be a non-empty phrase")
    label = entry["stance"]
    if label not in STANCES:
        raise InputError(f"stance cue {cue!r} in {where}: unknown stance label {label!r}; use one of {', '.join(STANCES)}")
    kind = entry.get("kind", "verb")
    if kind not in KINDS:
        raise InputError(f"stance cue {cue!r} in {where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return {"cue": " ".join(cue.lower().split()), "stance": label, "kind": kind}


def _parse(data, where: str) -> dict:
    import yaml

    if isinstance(data, str):
        data = yaml.safe_load(data)
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        raise InputError(f"{where} must be YAML with a list under 'cues:'")
    cues = [_check_entry(e, where) for e in data["cues"]]
    return {"cues": cues,
            "negators": [str(w).lower() for w in data.get("negators", [])],
            "hedges": [str(w).lower() for w in data.get("hedges", [])]}


@lru_cache(maxsize=1)
def _default_lexicon() -> dict:
    text = resources.files("analysis.data").joinpath("stance_cues.yml").read_text(encoding="utf-8")
    return _parse(text, "analysis/data/stance_cues.yml")


def cue_lexicon() -> pd.DataFrame:
    """The cues in force (the package's list plus yours): ``cue, stance, kind, source``."""
    rows = [{**c, "source": "package"} for c in _default_lexicon()["cues"]]
    rows += [{**c, "source": "user"} for c in _user_cues]
    return pd.DataFrame(rows, columns=["cue", "stance", "kind", "source"])


def add_cues(entries) -> None:
    """Add stance cues for this Python session (they win over the package's for the same words).

    Args:
        entries: a list of ``{"cue": "frown upon", "stance": "against", "kind": "verb"}``
            (kind defaults to verb; stance is favor, against or neutral).

    Raises:
        InputError: an unknown stance label or kind, naming the entry.

    >>> add_cues([{"cue": "frown upon", "stance": "against"}])
    >>> reset_cues()
    """
    if isinstance(entries, dict):
        entries = [entries]
    checked = [_check_entry(e, "add_cues") for e in entries]
    _user_cues.extend(checked)
    _cue_state.clear()


def load_cues(path) -> None:
    """Add the cues of a YAML file written like ``analysis/data/stance_cues.yml``."""
    from pathlib import Path

    path = Path(path)
    if not path.is_file():
        raise InputError(f"stance cue file {path} does not exist")
    parsed = _parse(path.read_text(encoding="utf-8"), str(path))
    _user_cues.extend(parsed["cues"])
    _cue_state.clear()


def reset_cues() -> None:
    """Forget the cues added with :func:`add_cues` or :func:`load_cues`."""
    _user_cues.clear()
    _cue_state.clear()


def _compiled():
    """Cues indexed by first word, longest first; plus negator and hedge sets."""
    if not _cue_state:
        lex = _default_lexicon()
        merged = {(c["cue"], c["kind"]): c for c in lex["cues"]}
        merged.update({(c["cue"], c["kind"]): c for c in _user_cues})
        index: dict[str, list] = {}
        for c in sorted(merged.values(), key=lambda c: -len(c["cue"].split())):
            words = c["cue"].split()
            index.setdefault(words[0], []).append((words, c))
        negs = set(lex["negators"])
        _cue_state.append((index, {n for n in negs if " " not in n}, [n.split() for n in negs if " " in n], set(lex["hedges"])))
    return _cue_state[0]


_start_tests: list = []  # [(index, test)] for the index in force


def _start_test(index: dict):
    """``test(word, lemma)``, truthy when the word is the first word of a cue, else the lemma; read
    twice, ``test(test(word, lemma))`` is truthy when the word or the lemma starts a cue: the
    sentence walker finds its cue starts with two dictionary look-ups a token, none in Python code
    (``list(compress(range(n), map(test, map(test, words, lemmas))))``)."""
    if not (_start_tests and _start_tests[0][0] is index):
        firsts = dict.fromkeys(index, True)
        firsts[True] = True  # what the first look-up gives for a word that starts a cue
        _start_tests[:] = [(index, firsts.get)]
    return _start_tests[0][1]


_second_word_sets: list = []  # [(index, sets)] for the index in force


def _second_words(index: dict) -> dict:
    """For each first word of a cue, None when it is a cue on its own, else the second words of
    the cues it begins ("be opposed to", "in favor of"; "favour" standing for "favor"): a token
    with that word can start a cue only when one of them follows it (directly or after the adverbs
    :func:`~analysis.stance.sentence._match` allows)."""
    if not (_second_word_sets and _second_word_sets[0][0] is index):
        sets: dict = {}
        for first, cands in index.items():
            if any(len(words) == 1 for words, _cue in cands):
                sets[first] = None
                continue
            seconds = {words[1] for words, _cue in cands}
            if "favor" in seconds:
                seconds.add("favour")
            sets[first] = frozenset(seconds)
        _second_word_sets[:] = [(index, sets)]
    return _second_word_sets[0][1]


def _no_second_word(seconds_of: dict, low, lem, i: int, after_gap: int, n: int) -> bool:
    """True when no cue can start at token i: its word and lemma start only cues of several words
    (``seconds_of``, from :func:`_second_words`), and neither the next token nor the one after the
    adverbs (``after_gap``) is one of their second words."""
    nxt = i + 1
    for first in (low[i],) if lem[i] == low[i] else (low[i], lem[i]):
        if first not in seconds_of:
            continue  # starts no cue
        seconds = seconds_of[first]
        if seconds is None:
            return False  # a cue of one word
        if nxt < n and (low[nxt] in seconds or lem[nxt] in seconds or (
                after_gap != nxt and after_gap < n and (low[after_gap] in seconds or lem[after_gap] in seconds))):
            return False
    return True
