"""Title-case headlines, read by position."""

from __future__ import annotations


from .vocabulary import _HEADLINE_NP, _SMALL_WORDS


def _title_case(s, text: str) -> bool:
    """A headline in title case: most words (not the small ones) start with a capital."""
    if len(s.low) > 30:
        return False
    caps = low = 0
    for k, w in enumerate(s.low):
        if w in _SMALL_WORDS or not w.isalpha():
            continue
        if text[s.st[k]].isupper():
            caps += 1
        else:
            low += 1
            if low > 1 or low * 4 > caps:
                return False  # a lower-case word early on: running text
    return caps >= 4 and low * 5 <= caps


def _stem_cue(word: str, index, following=()):
    """The verb cue an inflected headline word stands for ("Endorses" -> endorse), or None; with the
    words that follow it, a cue of several words too ("Pull Support For": found as (cue, stem, 3))."""
    for stem in (word, word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None,
                 word[:-1] if word.endswith("ed") else None, word[:-2] if word.endswith("ed") else None):
        if stem:
            for words, cue in index.get(stem, ()):
                if len(words) == 1 and cue["kind"] == "verb":
                    return cue, stem
            if following:
                for words, cue in index.get(stem, ()):
                    if cue["kind"] == "verb" and 1 < len(words) <= len(following) + 1 and words[0] != "be" \
                            and list(following[:len(words) - 1]) == list(words[1:]):
                        return cue, stem, len(words)
    return None


def _headline_cues(s, index):
    """``(cue token, holder span, target span, label, negated, last cue token, pattern)`` for the verb cues of a title-case
    headline: the names before the verb hold the stance, the names after it are its target
    ("Ted Cruz Refuses to Disavow ...": negated)."""
    n = len(s.low)
    out = []
    for k in range(1, n - 1):
        if not s.pos[k].startswith(("NNP", "NNS", "VB")) and s.low[k - 1] != "to":
            continue
        found = _stem_cue(s.low[k], index, s.low[k + 1:k + 4])
        if found is None or found[1] in ("refuse", "decline"):
            continue
        cue = found[0]
        last = k + found[2] - 1 if len(found) > 2 else k  # the cue's last word
        negated = False
        h = k - 1
        while h >= 0 and s.pos[h].startswith("RB"):
            h -= 1  # "Trump Finally Endorses"
        if h >= 1 and s.low[h] == "to":
            gov = _stem_cue(s.low[h - 1], index)
            if gov is not None and gov[1] in ("refuse", "decline") or s.low[h - 1] in ("fails", "failed", "refuses", "refused"):
                negated = True
                h -= 2
            else:
                continue
        b = h
        while h >= 0 and (s.pos[h] in _HEADLINE_NP or s.low[h] == "-"):
            h -= 1
        if b == h and b >= 0 and s.low[b] == "and" and out and out[-1][2][1] == b - 1:
            h, b = out[-1][1][0] - 1, out[-1][1][1]  # "Le Pen Backs Trump And Denounces Clinton": the same holder
        t = last + 1
        while t < n and (s.pos[t] in _HEADLINE_NP or s.low[t] == "-") and not (t > last + 1 and s.low[t] in _SMALL_WORDS - {"'s", "’s"}):
            t += 1
        if b < h + 1 or t == last + 1:
            continue
        label = cue["stance"]
        if negated:
            label = {"favor": "against", "against": "neutral", "neutral": "neutral"}[label]
        out.append((k, (h + 1, b), (last + 1, t - 1), label, negated, last, cue["cue"]))
    return out
