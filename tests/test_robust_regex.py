"""No catastrophic backtracking: every compiled regex in ``analysis`` is timed on adversarial input.

The patterns are collected generically: every module under ``analysis`` is imported and its
globals are scanned for ``re.Pattern`` (and ``regex.Pattern``) objects, also inside module-level
lists, tuples, sets and dicts, so patterns added by later layers are covered without editing
this file. Each pattern scans (``finditer``) long runs of characters that tend to trip
backtracking (spaces, newlines, dots, quotes, Markdown and HTML markers, and the literal words
and characters of the pattern itself) followed by a character that forces a failed match.

A linear pattern scans 60,000 characters in milliseconds; a quadratic one needs seconds and an
exponential one never ends. The probe therefore runs in a child process with a time limit and
prints each pattern before it starts, so a hang names its pattern.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SIZE = 60_000          # characters per adversarial input
PER_INPUT_LIMIT = 1.5  # seconds for one finditer over one input (linear patterns take ~ms)

GENERIC_UNITS = [
    "a", "A", "1", " ", "\t", "\n", "\n\n", " \n", "\u00a0", ".", ",", ":", ";", "!", "?", "-", "—", "'", '"',
    "“", "”", "‘", "’", "«", "(", ")", "[", "](", "*", "**", "_", "__", "#", "# ", "`", "<", "</p>", "<p>",
    "> ", "- ", "---\n", "a ", "a.", "a-", "a,", "aA", "Aa ", "A. ", "1,", "1.", "1 ", "a'", "a’", "a\n",
    "Mr. ", "U.S.", "By ", "said ", "the ", "of the ", "and ", "2021-", "September ", "16 ", "20",
]
SUFFIXES = ["!\x00", "", "\n"]
SMALL_LIMIT = 0.1      # seconds at 2,000 characters

#: Patterns only ever applied to short windows of text, with the window length they are probed
#: at and why. Anything listed here should be made linear when next touched.
KNOWN_BOUNDED: dict[str, tuple[int, str]] = {
    "analysis.actors.resolver._ARTICLE_BEFORE": (40, "the 40 characters before a capital's name"),
    "analysis.actors.resolver._PLACE_COMMA_BEFORE": (40, "the 40 characters before a capital's name"),
    "analysis.actors.resolver._SENTENCE_HEAD": (30, "the 30 characters before a plural demonym"),
    "analysis.actors.resolver._NAME_AND_BEFORE": (30, "the 30 characters before a plural demonym"),
    "analysis.actors.resolver._HEAD_WORDS": (60, "matched at one place on the 60 characters after a name"),
    "analysis.actors.resolver._SPACE_CAPITAL": (3, "matched at one place on the 3 characters after a demonym"),
    "analysis.actors.resolver._AND_NAME_AFTER": (40, "matched at one place on the 40 characters after a demonym"),
}


def _is_pattern(obj) -> bool:
    if isinstance(obj, re.Pattern):
        return True
    return type(obj).__name__ == "Pattern" and type(obj).__module__.startswith(("regex", "_regex"))


def collect_patterns() -> dict[str, object]:
    """``{"module.NAME[i]": pattern}`` for every compiled regex found in analysis modules."""
    import analysis

    analysis.annotate(analysis.from_text("Warm up. Patterns built on first use are collected too."))
    found: dict[str, object] = {}
    seen: set[int] = set()
    names = ["analysis"] + [m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")
                            if not m.name.endswith("__main__")]
    for name in names:
        try:
            mod = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module needing an optional extra is skipped
            continue
        for attr, value in vars(mod).items():
            stack = [(f"{name}.{attr}", value, 0)]
            while stack:
                label, obj, depth = stack.pop()
                if _is_pattern(obj):
                    if id(obj) not in seen:
                        seen.add(id(obj))
                        found[label] = obj
                elif depth < 3 and isinstance(obj, (list, tuple, set, frozenset)) and len(obj) < 5000:
                    stack.extend((f"{label}[{i}]", v, depth + 1) for i, v in enumerate(obj))
                elif depth < 3 and isinstance(obj, dict) and len(obj) < 5000:
                    stack.extend((f"{label}[{k!r}]", v, depth + 1) for k, v in obj.items())
    return found


def pattern_units(pattern) -> list[str]:
    """Pieces of the pattern's own text: its literal words and punctuation, to repeat."""
    src = pattern.pattern if isinstance(pattern.pattern, str) else ""
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\\[A-Za-z]", " ", src))))[:25]
    chars = sorted({c for c in src if not c.isalnum() and not c.isspace() and c not in "\\()[]{}?+*|^$"})[:20]
    return [w + " " for w in words] + [w.capitalize() + " " for w in words[:10]] + chars + [c + "a" for c in chars]


def probe() -> list[dict]:
    """Time every pattern on every adversarial input; print progress lines; return the slow ones.

    Each input is tried at 2,000 characters first: more than ``SMALL_LIMIT`` there already
    means worse than linear (and spares minutes of a quadratic scan at full size).
    """
    slow = []
    patterns = collect_patterns()
    print(json.dumps({"patterns": len(patterns)}), flush=True)
    for label, pat in patterns.items():
        if not isinstance(pat.pattern, str):
            continue
        size = KNOWN_BOUNDED[label][0] if label in KNOWN_BOUNDED else SIZE
        print(json.dumps({"start": label}), flush=True)
        for unit in GENERIC_UNITS + pattern_units(pat):
            flagged = False
            for n, limit in ((min(2_000, size), SMALL_LIMIT), (size, PER_INPUT_LIMIT)):
                for suffix in SUFFIXES:
                    text = unit * max(1, n // len(unit)) + suffix
                    t0 = time.perf_counter()
                    for _ in pat.finditer(text):
                        pass
                    pat.match(text)
                    elapsed = time.perf_counter() - t0
                    if elapsed > limit:
                        slow.append({"pattern": label, "source": pat.pattern[:160], "unit": unit, "chars": len(text),
                                     "seconds": round(elapsed, 3)})
                        flagged = True
                        break
                if flagged:
                    break
            if flagged:
                break
    print(json.dumps({"slow": slow}), flush=True)
    return slow


def test_collects_the_foundation_patterns():
    found = collect_patterns()
    labels = set(found)
    for expected in ("analysis.article._BLANK_LINES", "analysis.article._BYLINE", "analysis.article._DATE_PATTERNS[0]",
                     "analysis.segment._FALLBACK_TOKEN", "analysis.segment.WORD_TOKENIZER_RULES[0][0][0]"):
        assert expected in labels, sorted(labels)
    assert len(found) >= 15


def test_pattern_units_come_from_the_pattern():
    units = pattern_units(re.compile(r"^(?:about the authors?|read more)\b[.:]"))
    assert "about " in units and "authors " in units and "." in units and ":" in units


@pytest.mark.slow
def test_no_regex_backtracks_catastrophically():
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    try:
        proc = subprocess.run([sys.executable, __file__], capture_output=True, text=True, timeout=240, env=env)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        started = [json.loads(line)["start"] for line in out.splitlines() if line.startswith('{"start"')]
        pytest.fail(f"regex probe timed out; the pattern running at the time: {started[-1] if started else '?'}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines[0]["patterns"] >= 15
    slow = lines[-1]["slow"]
    assert not slow, "patterns slower than linear:\n" + "\n".join(json.dumps(s, ensure_ascii=False) for s in slow)


def test_the_probe_catches_a_quadratic_and_an_exponential_pattern():
    """The probe is not vacuous: known-bad patterns are slow on these inputs."""
    bad_quadratic = re.compile(r"\s+$")              # rescans every run of spaces: O(n^2)
    text = " " * 20_000 + "!"
    t0 = time.perf_counter()
    for _ in bad_quadratic.finditer(text):
        pass
    quadratic = time.perf_counter() - t0
    good = re.compile(r"\s+")
    t0 = time.perf_counter()
    for _ in good.finditer(text):
        pass
    linear = time.perf_counter() - t0
    assert quadratic > 20 * linear
    assert " " in GENERIC_UNITS and "!\x00" in SUFFIXES   # the inputs that expose it are probed


if __name__ == "__main__":
    sys.exit(1 if probe() else 0)
