"""Finding temporal expressions: the checks on each candidate match, the search over the text
(:func:`find_timexes`) and the ``timexes`` layer of a document."""

from __future__ import annotations

import bisect
import datetime as _dt
import re

import pandas as pd

from .normalise import _Normalizer
from .patterns import _Patterns, _patterns
from .tables import _frame, _token_lists
from .values import value_range


TIMEX_COLUMNS = ["timex_id", "para_id", "sent_id", "start", "end", "text", "type", "value", "mod", "note"]


TYPES = ("DATE", "TIME", "DURATION", "SET")


# --------------------------------------------------------------------------------------------
# candidate checks (context the regex cannot see cheaply)

_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|since|by|until|till|from|through|to|of|during|before|after|early|late|mid|last|next|this|and|or|between|throughout|late|that|until|each|every)\s+|-)$", re.I)
_YEAR_BEFORE_BAD = re.compile(r"(?:\b(?:No|no|number|Nos?\.|page|pages|room|flight|route|article|section|chapter|resolution|model|code|the\s+year)\s+|#)$")
_YEAR_AFTER_BAD = re.compile(r"^\s*(?:[a-z]+s\b(?<!\bwas\b)(?<!\bis\b)(?<!\bas\b)(?<!\bhas\b)(?<!\bits\b)(?<!\bthis\b)(?<!\bthus\b)|people|troops|votes|men|women|feet|miles|km|kilometers|meters|tons|barrels|acres|children)", re.S)


#: a modal or auxiliary right before "last": there "last" is the verb ("will last three years")
_VERB_BEFORE = re.compile(r"\b(?:will|would|to|can|could|may|might|should|must|shall|did|does|do|not|n't|'ll|’ll)\s+$", re.I)


def _accept(rule: str, m: re.Match, text: str) -> bool:
    g = m.groupdict()
    s = m.group(0)
    before = text[max(0, m.start() - 30):m.start()]
    if g.get("mon"):
        mon = g["mon"]
        if not mon[0].isupper():
            return False
        if mon.isupper() and len(mon.rstrip(".")) > 1 and not text[max(0, m.start() - 40):m.end() + 40].isupper():
            return False  # acronyms like "MAY" or "DEC" in running text
        low = mon.lower().rstrip(".")
        if rule == "mon" and low in _patterns().ambiguous and not g.get("pre"):
            if not _MONTH_CONTEXT.search(before):
                return False
            if low == "may" and re.match(r"\s+(?:be|have|not|also|well|still|need|seem|want|take|make|come|go|get|give)\b", text[m.end():m.end() + 12]):
                return False
        if len(low) <= 4 and low not in ("may", "june", "july") and not mon.endswith(".") and rule in ("mon",):
            return False
    if g.get("wd") and not g["wd"][0].isupper():
        return False
    if rule == "year":
        if _YEAR_BEFORE_BAD.search(before) or _YEAR_AFTER_BAD.match(text[m.end():m.end() + 20]):
            return False
        if re.match(r"\s*(?:-|to|and)\s*\d", text[m.end():m.end() + 6]) and not re.search(r"(?:from|between|in|since)\s+$", before, re.I):
            return bool(re.search(r"\b(?:in|since|by|of|from|until|the)\s+$", before, re.I))
    if rule == "season":
        sea = g["sea"].lower()
        if not g.get("rel") and not g.get("y") and not g.get("pre"):
            if not re.search(r"\b(?:in|since|by|until|during|through|this|that|each|every)\s+$", before, re.I):
                return False
        if sea == "fall" and not (g.get("rel") and g["rel"].lower() != "the" or g.get("y")):
            if not (g.get("rel") and re.search(r"\b(?:in|since|by|until|during|this)\s+$", before, re.I)):
                return False
    if rule in ("decade", "year") and g.get("pre") and g["pre"].lower().startswith("the ") and rule == "year":
        return False
    if rule == "ref":
        word = g["ref"].lower()
        after = text[m.end():m.end() + 20]
        if word == "current" and not re.match(r"\s+[a-z]", after):
            return False
        if word in ("future",) and not re.match(r"\s+[a-z]", after):
            return False
        if word == "now" and re.match(r"\s+that\b", after) and False:
            return False
    if rule == "the_unit" and re.search(r"\b(?:of|all|every|each|per|a|for)\s+$", before, re.I):
        return False
    if rule == "duration":
        if g.get("n") and g["n"].lower() in ("a", "an") and re.search(r"\b(?:once|twice|times|per|a)\s+$", before, re.I):
            return False
        if re.match(r"\s*(?:'s|’s)", text[m.end():m.end() + 3]) and False:
            return False
        n = g.get("n") or ""
        if n.lower() in ("a", "an") and g["unit"].lower() == "second" and not re.search(r"\b(?:for|in|within|than|about|only|just)\s+$", before, re.I):
            return False
        if n.lower() in ("some", "many", "few", "numerous") and g.get("unit", "").lower().startswith(("second", "minute")):
            return False
    if rule == "duration_bare" and not (g.get("ctx") or g.get("rel")):
        return False
    if rule == "hyphen_adj" and (re.match(r"-old\b|s\b", text[m.end():m.end() + 5]) or g["unit"].lower() == "quarter"):
        return False
    if rule == "the_quarter" and g.get("part", "").lower() == "period" and not g.get("rel"):
        return False
    if rule == "clock" and g.get("tz") and not re.fullmatch(r"[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|EET|IST|JST", g["tz"]):
        return False
    if rule == "set" and g.get("adv") and g["adv"].lower() == "daily" and re.match(r"\s+(?:newspaper|paper|mail|telegraph|express|star|news|beast|show)\b", text[m.end():m.end() + 14], re.I):
        return False
    return bool(s.strip())


def _trim_clock_tz(m: re.Match) -> int:
    """End of a clock match without an unrecognised trailing word."""
    return m.end()


def _windows(text: str, p: "_Patterns", spans, margin: int = 40) -> dict[str, list[tuple[int, int]]]:
    """For each kind of anchor word, the merged stretches of ``text`` around its occurrences,
    each kept inside one span (paragraph) and widened to whole words."""
    spans = spans if spans is not None else [(0, len(text))]
    kinds = p.kinds
    out: dict[str, list] = {}
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for s0, e0 in spans:
        last: dict[str, list] = {}
        for m in p.anchor.finditer(low, s0, e0):
            w = m.group()
            if w[0].isdigit():
                found = ("digit",)
            else:
                lw = w.lower()
                found = kinds.get(lw)
                if lw.endswith("s") and lw[:-1] in kinds:
                    found = (found or set()) | kinds[lw[:-1]]
                if not found:
                    continue
            a, b = m.start() - margin, m.end() + margin
            for kind in found:
                cur = last.get(kind)
                if cur is not None and a <= cur[1]:
                    cur[1] = b
                else:
                    cur = [a, b, s0, e0]
                    last[kind] = cur
                    out.setdefault(kind, []).append(cur)
    result = {}
    for kind, lst in out.items():
        wins = []
        for a, b, s0, e0 in lst:
            a, b = max(s0, a), min(e0, b)
            while a > s0 and not text[a - 1].isspace():
                a -= 1
            while b < e0 and not text[b].isspace():
                b += 1
            wins.append((a, b))
        result[kind] = wins
    return result


def find_timexes(text: str, *, published=None, tense_at=None, spans=None) -> list[dict]:
    """Temporal expressions in ``text``: dicts with start, end, text, type, value, mod, note.

    The engine behind :func:`timexes`, usable on any string. ``tense_at(offset)`` returns the
    tense (``"past"``, ``"present"``, ``"future"`` or None) of the verb governing an offset;
    ``spans`` limits the search to ``(start, end)`` stretches (the body paragraphs).

    >>> [(t["text"], t["value"]) for t in find_timexes("It began in mid-July.", published="2021-09-16")]
    [('mid-July', '2021-07')]
    """
    from ..article import parse_date

    dct = parse_date(published, what="publication date") if not isinstance(published, _dt.date) else published
    p = _patterns()
    cands = []
    windows = _windows(text, p, spans)
    lowered: dict = {}  # window -> its text lower-cased when it is ASCII, else None
    for prio, (rule, rx) in enumerate(p.rules):
        has_x = "x" in rx.groupindex
        need = p.needs[prio]
        guard = p.guards[prio]
        wins = windows.get(next(iter(need)), []) if len(need) == 1 else sorted({w for k in need for w in windows.get(k, [])})
        for w_start, w_end in wins:
            if guard is not None:
                # a window that holds none of the strings every match contains has no match
                low = lowered.get((w_start, w_end), "")
                if low == "":
                    seg = text[w_start:w_end]
                    low = lowered[(w_start, w_end)] = seg.lower() if seg.isascii() else None
                if low is not None:
                    for g in guard:
                        if g in low:
                            break
                    else:
                        continue
            for m in rx.finditer(text, w_start, w_end):
                if m.end() == m.start() or not _accept(rule, m, text):
                    continue
                if has_x and m.group("x"):
                    cands.append((m.start("x"), m.end("x"), prio, rule, m))
                elif rule == "duration" and m.group("det") and not m.group("rel") and not m.group("qmod") and text[m.end("n")] == "-":
                    cands.append((m.start("n"), m.end(), prio, rule, m))  # "the two-day meeting": not the article
                elif rule == "duration" and m.group("rel") and m.group("rel").lower() == "last" and not m.group("det") \
                        and _VERB_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                    cands.append((m.start("n"), m.end(), prio, rule, m))  # "will last three years": "last" is the verb
                else:
                    cands.append((m.start(), m.end(), prio, rule, m))
    if spans is not None:
        starts = [s for s, _ in spans]
        keep = []
        for c in cands:
            i = bisect.bisect_right(starts, c[0]) - 1
            if i >= 0 and c[1] <= spans[i][1]:
                keep.append(c)
        cands = keep
    # longest match wins; ties go to the earlier rule
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        i = bisect.bisect_left(taken, (c[0], c[0]))
        if i > 0 and taken[i - 1][1] > c[0]:
            continue
        if i < len(taken) and taken[i][0] < c[1]:
            continue
        taken.insert(i, (c[0], c[1]))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    norm = _Normalizer(dct, p)
    out = []
    for start, end, _, rule, m in chosen:
        def tense(_s=start):
            return tense_at(_s) if tense_at else None
        try:
            typ, value, mod, note = norm.normalize(rule, m, tense)
        except (ValueError, OverflowError, KeyError) as exc:  # never crash on odd input
            typ, value, mod, note = "DATE", None, None, f"could not normalize: {exc}"
        if note == "reject":
            continue
        # keep the reference time for "two days later"
        rng = value_range(value) if typ in ("DATE", "TIME") else None
        if rng and rule not in ("ref",):
            norm.ref = rng[0]
        if rng and rule in ("quarter", "the_quarter"):
            norm.ref_gran = "Q"
            norm.ref_quarter = value
        elif rng and rule not in ("ref", "year_ago_adj", "ago"):
            norm.ref_gran = "D"
        out.append({"start": start, "end": end, "text": text[start:end], "type": typ, "value": value,
                    "mod": mod, "note": note or "", "rule": rule})
    return out


# --------------------------------------------------------------------------------------------
# the layers


def timexes(doc) -> pd.DataFrame:
    """Temporal expressions of the article, normalized against its publication date.

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``timex_id, para_id, sent_id, start, end, text, type, value, mod, note``:
        ``type`` is DATE, TIME, DURATION or SET; ``value`` the TIMEX3 value (``2021-07``,
        ``2021-W37``, ``P2D``, ``PRESENT_REF`` ...; empty when it cannot be normalized, with
        the reason in ``note``); ``mod`` START, MID, END, APPROX, MORE_THAN ... or empty.

    >>> import analysis
    >>> doc = analysis.annotate(analysis.SEED)
    >>> doc.timexes.loc[doc.timexes.text == "mid-July", ["value", "mod"]].values.tolist()
    [['2021-07', 'MID']]
    """
    paras = doc.paragraphs
    sents = doc.sentences
    spans = list(zip(paras["start"].tolist(), paras["end"].tolist()))
    s_start = sents["start"].tolist()
    s_ids = sents["sent_id"].tolist()
    s_para = sents["para_id"].tolist()
    tenses = _token_lists(doc).tenses

    def sent_at(offset):
        i = bisect.bisect_right(s_start, offset) - 1
        return max(i, 0)

    def tense_at(offset):
        if not s_ids:
            return None
        return tenses.at(s_ids[sent_at(offset)], offset)

    found = find_timexes(doc.text, published=doc.published, tense_at=tense_at, spans=spans)
    rows = []
    for k, t in enumerate(found, 1):
        i = sent_at(t["start"]) if s_ids else None
        rows.append({"timex_id": f"t{k}", "para_id": s_para[i] if i is not None else None,
                     "sent_id": s_ids[i] if i is not None else None, "start": t["start"], "end": t["end"],
                     "text": t["text"], "type": t["type"], "value": t["value"] or "", "mod": t["mod"] or "",
                     "note": t["note"]})
    cols = {c: [r[c] for r in rows] for c in TIMEX_COLUMNS}
    return _frame(cols, TIMEX_COLUMNS)
