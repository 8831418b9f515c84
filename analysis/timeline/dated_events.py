"""The ``events`` layer: the event each dated expression anchors (trigger, actors, summary,
and who does what to whom: the subject, verb, object and agent of its clause), in chronological
order, and the undated meeting the article reports."""

from __future__ import annotations

import bisect
import datetime as _dt
import re

import numpy as np
import pandas as pd

from .._clause_index import ROLES, clause_index, heads
from ..article import dateline_span
from .patterns import vocabulary
from .tables import _MentionLists, _TokenLists, _columns, _dates, _frame, _mentions_or_none, _token_lists
from .values import value_range


EVENT_COLUMNS = ["event_id", "timex_id", "date", "value", "mod", "para_id", "sent_id", "trigger",
                 "actor_ids", "actors", "summary", "note", "anchor",
                 "clause_id", "subject", "verb", "object", "agent"]
_PARTICIPANTS = ("subject", "verb", "object", "agent")


_AUX = {"be", "have", "do", "'m", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'s", "'re", "'ve", "'ll", "'d"}
# an event noun next to the expression is looked for up to these tokens ("the talks; in April")
_NOUN_STOP = frozenset({";", ":", "–", "—", "-", "--", "(", ")", '"', "“", "”"})
_WS = re.compile(r"\s+")
_MAX_GAP = 6  # tokens between a clause's end and a following expression it still governs
_NEAR_GAP = 2  # ... and that it governs even inside a larger clause ("planned since the 1990s")


def _start_date(value: str) -> _dt.date | None:
    rng = value_range(value)
    return rng[0] if rng else None


def events(doc) -> pd.DataFrame:
    """The events the article dates: those placed on the calendar in chronological order, then
    those that cannot be placed, in reading order.

    For each DATE or TIME expression (not "now" / "recently"), the event it anchors in its
    sentence: ``trigger`` is the lemma of an event noun next to the expression ("the summit on
    June 16") or of the nearest main verb in the same clause; ``actors`` are the actors the
    clause mentions (``doc.mentions``, when the actors layer is installed); ``summary`` is the
    clause. When the article reports a meeting without a date, it is added as an event the day
    before publication (or on the day, if told in the present or future), marked in ``note``.

    The date of an inline dateline ("NAIROBI, 12 May 2023 —", ``doc.meta["dateline"]``) is the
    article's date, not an event: it stays in ``doc.timexes`` but anchors no event.

    An event is *placed* when its value gives a calendar date. Without a publication date
    ("in April" -> ``XXXX-04``, "on Friday" -> ``XXXX-WXX-5``), or when the expression could
    not be normalized ("February 30"), it is kept with ``date`` = NaT and ``anchor`` saying why.

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``event_id, timex_id, date, value, mod, para_id, sent_id, trigger, actor_ids,
        actors, summary, note, anchor``; ``date`` (``datetime64``) is the day where the value
        starts, NaT when the event cannot be placed; ``anchor`` is ``"timex"`` (placed by its
        expression), ``"publication date"`` (the undated meeting, placed by rule) or
        ``"unresolved: ..."`` with the reason (``"unresolved: no publication date"``).

    >>> import analysis
    >>> analysis.annotate(analysis.SEED).events["value"].tolist()[:3]
    ['2021-04', '2021-06-16', '2021-07']
    """
    # every column is read once, as a list: pandas' per-access overhead is most of the cost
    t_id, t_type, t_value, t_mod, t_para, t_sent, t_start_, t_end_, t_note = _columns(
        doc.timexes, ("timex_id", "type", "value", "mod", "para_id", "sent_id", "start", "end", "note"))
    vocab = vocabulary()
    event_nouns = frozenset(vocab["event_nouns"])
    meeting_nouns = frozenset(vocab["meeting_nouns"])
    toks = _token_lists(doc)
    s_id, s_start, s_end = _columns(doc.sentences, ("sent_id", "start", "end"))
    sent_span = dict(zip(s_id, zip(s_start, s_end)))
    no_dct = doc.published is None
    # the date of an inline dateline ("NAIROBI, 12 May 2023 —") dates the article, not an event
    dl_lo, dl_hi = dateline_span(doc)
    anchored = []
    for tid, typ, value, mod, para_id, sent_id, t_start, t_end, t_nt in zip(
            t_id, t_type, t_value, t_mod, t_para, t_sent, t_start_, t_end_, t_note):
        if typ not in ("DATE", "TIME") or (value or "").endswith("_REF") or dl_lo <= t_start < dl_hi:
            continue
        first = _start_date(value) if value else None
        if first is not None:
            anchor = "timex"
        elif not value:
            anchor = "unresolved: " + ((t_nt or "").split(";")[0].strip() or "no value")
        elif no_dct:
            anchor = _NO_DCT
        else:
            anchor = "unresolved: unknown parts in the value"
        anchored.append((tid, value or "", mod, para_id, sent_id, t_start, t_end, first, anchor))
    dated_paras = {p for p, t, a in zip(t_para, t_type, t_start_) if t in ("DATE", "TIME") and not dl_lo <= a < dl_hi}
    undated_at = _undated_meeting_at(doc, dated_paras, toks, meeting_nouns)
    needed = {r[4] for r in anchored} | ({toks.sent[undated_at[0]]} if undated_at else set())
    mentions = _MentionLists(_mentions_or_none(doc), needed)
    clauses = clause_index(doc)
    placed, unplaced = [], []
    for tid, value, mod, para_id, sent_id, t_start, t_end, first, anchor in anchored:
        s_start, s_end = sent_span[sent_id]
        k = _event_clause(clauses, toks, sent_id, t_start, t_end)
        span = _span(clauses, k, t_start, t_end, (s_start, s_end), toks, sent_id)
        trigger = _trigger(toks, sent_id, t_start, t_end, span, clauses, k, event_nouns)
        ids, names = _actors(mentions, clauses, k, sent_id, span, doc.text)
        cells = [tid, first, value, mod, para_id, sent_id, trigger, ";".join(ids), "; ".join(names),
                 _summary(doc.text, span), "", anchor, *_participants(clauses, k)]
        if first is not None:
            placed.append((first.isoformat(), value[10:] if len(value) >= 10 else "~", para_id, sent_id, cells))
        else:
            unplaced.append((para_id, sent_id, t_start, cells))
    undated = _undated_meeting(doc, undated_at, toks, mentions, clauses, sent_span)
    if undated is not None:
        if undated[-1][1] is None:
            unplaced.append((undated[2], undated[3], toks.start[undated_at[0]], undated[-1]))
        else:
            placed.append(undated)
    placed.sort(key=lambda r: r[:4])
    unplaced.sort(key=lambda r: r[:3])
    rows = [r[-1] for r in placed] + [r[-1] for r in unplaced]
    cols = [[f"e{k}" for k in range(1, len(rows) + 1)]] + [list(c) for c in zip(*rows)]
    if not rows:
        cols += [[] for _ in EVENT_COLUMNS[1:]]
    cols[2] = _dates(cols[2])
    ids = np.array([-1 if v is None else v for v in cols[13]], dtype="int64")
    cols[13] = pd.arrays.IntegerArray(ids, ids < 0)   # <NA>: no clause
    return _frame(dict(zip(EVENT_COLUMNS, cols)), EVENT_COLUMNS)


_NO_DCT = "unresolved: no publication date"


def _event_clause(clauses, toks: "_TokenLists", sent_id, t_start: int, t_end: int) -> int | None:
    """The row of ``doc.clauses`` whose verb governs the expression, or None when the sentence
    has no clause:

    1. a clause whose subject or relative word comes before the expression and its verb after,
       with no verb between ("who in 1859 proclaimed"), the smallest;
    2. a fronted expression — after a comma, a conjunction, a relative adverb or at the start,
       with a clause beginning right after it ("and, one year later, returned", "where in 1952
       he became", "On June 16, Putin told") — that clause;
    3. among the clauses containing it and those ending just before it ("a dam, planned since
       the 1990s, would be finished"), the one whose verb group comes last before it;
    4. else the smallest clause containing or overlapping it; else the first clause after it;
       else the last before it."""
    if clauses is None:
        return None
    rows = clauses.rows_near(sent_id, t_start)
    if not rows:
        return None
    start, end, v_start, v_end = clauses.start, clauses.end, clauses.verb_start, clauses.verb_end
    verbs = sorted(v_start[q] for q in rows)

    def verb_between(lo: int, hi: int) -> bool:
        i = bisect.bisect_left(verbs, lo)
        return i < len(verbs) and verbs[i] < hi

    inner = [r for r in rows if start[r] <= t_start and t_end <= v_start[r] and v_end[r] <= end[r]
             and not verb_between(start[r], t_start)]
    if inner:
        return min(inner, key=lambda r: end[r] - start[r])
    after = [r for r in rows if start[r] >= t_end]
    if after and _fronted(toks, sent_id, t_start, t_end, min(start[r] for r in after)):
        return min(after, key=lambda r: (start[r], -end[r]))
    near = [r for r in rows if start[r] <= t_start and t_end <= end[r]]
    for r in rows:
        if end[r] <= t_start and t_start - end[r] < 40 and r not in near \
                and len(toks.range(sent_id, end[r], t_start)) <= _NEAR_GAP:
            near.append(r)
    governing = [r for r in near if v_end[r] <= t_start]
    if governing:
        return max(governing, key=lambda r: (v_end[r], start[r] - end[r]))
    containing = [r for r in rows if start[r] < t_end and t_start < end[r]]
    if containing:
        return min(containing, key=lambda r: (not (start[r] <= t_start and t_end <= end[r]), end[r] - start[r]))
    before = [r for r in rows if end[r] <= t_start]
    if before:
        last = max(before, key=lambda r: (end[r], start[r]))
        if len(toks.range(sent_id, end[last], t_start)) <= _MAX_GAP or not after:
            return last
    return min(after, key=lambda r: (start[r], -end[r]))


_FRONT_LEFT = frozenset({",", ";", ":", "–", "—", "-", "--", "(", "and", "but", "or", "then", "where", "when",
                         "while", "after", "before", "until", "since", "so"})


def _fronted(toks: "_TokenLists", sent_id, t_start: int, t_end: int, next_start: int) -> bool:
    """Whether the expression (with its preposition) opens the clause starting at ``next_start``:
    at most a comma lies between them, and before it is the sentence start, a comma, a
    conjunction or a relative adverb."""
    a = bisect.bisect_left(toks.sent, sent_id)
    b = bisect.bisect_right(toks.sent, sent_id, a)
    j = bisect.bisect_left(toks.start, t_end, a, b)
    k = bisect.bisect_left(toks.start, next_start, j, b)
    if any(toks.lower[x] != "," for x in range(j, k)) or k - j > 1:
        return False
    i = bisect.bisect_left(toks.start, t_start, a, b) - 1
    while i >= a and toks.pos[i] in ("IN", "TO", "RB", "DT") and toks.lower[i] not in _FRONT_LEFT \
            and t_start - toks.start[i] < 30:
        i -= 1
    return i < a or toks.lower[i] in _FRONT_LEFT


def _span(clauses, k, t_start: int, t_end: int, sentence, toks: "_TokenLists" = None, sent_id=None) -> tuple[int, int]:
    """The event's stretch of text: its clause and the expression (the sentence without a
    clause); an expression before the clause starts the span with the words before it back to
    a punctuation mark ("back in April, the media reported")."""
    if k is None:
        return sentence
    lo, hi = clauses.start[k], clauses.end[k]
    if t_start < lo:
        lo = t_start
        if toks is not None:
            idx = toks.range(sent_id, sentence[0], t_start)
            for i in reversed(idx[-_MAX_GAP:]):
                if not toks.pos[i][:1].isalpha() or toks.lower[i] in _NOUN_STOP:
                    break
                lo = toks.start[i]
    return lo, max(t_end, hi)


def _actors(mentions: "_MentionLists", clauses, k, sent_id, span, text: str) -> tuple[list[str], list[str]]:
    """The clause's subject, agent and object actors, then the other actors mentioned in the span.

    A phrase's actors are the mentions that head it ("Russian President **Vladimir Putin**",
    "**Chile** and **Peru**"), else the clause table's actor id of the phrase."""
    ids, names = [], []
    if not mentions.sent:
        return ids, names
    if k is not None:
        for role in ROLES:
            phrase = clauses.phrase(k, role)
            if phrase is None:
                continue
            p, q = phrase
            inside = mentions.within(sent_id, p, q)
            hits = heads(text, p, q, inside) if inside else ()
            for i in hits:
                if inside[i][2] not in ids:
                    ids.append(inside[i][2])
                    names.append(inside[i][3])
            if not hits:
                aid = clauses.value(role + "_actor_id", k)
                if aid and aid not in ids:
                    ids.append(aid)
                    names.append(mentions.name_of(aid))
    for m in mentions.within(sent_id, *span):
        if m[2] not in ids:
            ids.append(m[2])
            names.append(m[3])
    return ids, names


def _participants(clauses, k) -> list:
    """``clause_id, subject, verb, object, agent`` of clause row ``k`` (its voice, negation,
    tense … are in ``doc.clauses`` under that ``clause_id``)."""
    if k is None:
        return [None, "", "", "", ""]
    return [clauses.clause_id[k], *(clauses.value(name, k) for name in _PARTICIPANTS)]


def _event_noun(toks: "_TokenLists", sent_id, t_start: int, t_end: int, event_nouns) -> str:
    """An event noun right before the expression ("the summit on June 16", up to four tokens
    back, not across a comma or conjunction) or right after it ("June 16 talks", not after a
    determiner), never across a semicolon, colon, dash, bracket or quotation mark."""
    lemma, lower, pos, start = toks.lemma, toks.lower, toks.pos, toks.start
    a = bisect.bisect_left(toks.sent, sent_id)
    b = bisect.bisect_right(toks.sent, sent_id, a)
    i0 = bisect.bisect_left(start, t_start, a, b)
    j0 = bisect.bisect_left(start, t_end, i0, b)
    for i in range(i0 - 1, max(a, i0 - 4) - 1, -1):
        if lower[i] in _NOUN_STOP or lower[i] == "," or pos[i] == "CC":
            break
        if pos[i].startswith("NN") and lemma[i] in event_nouns:
            return lemma[i]
    for i in range(j0, min(b, j0 + 2)):
        if lower[i] in _NOUN_STOP or pos[i] == "DT":
            break
        if pos[i].startswith("NN") and lemma[i] in event_nouns:
            return lemma[i]
    return ""


def _trigger(toks: "_TokenLists", sent_id, t_start: int, t_end: int, span, clauses, k, event_nouns) -> str:
    """An event noun next to the expression, else the lemma of its clause's main verb (row ``k``
    of ``clauses``), else (no clause, or an auxiliary read as the verb) the verb nearest the
    expression in ``span``."""
    noun = _event_noun(toks, sent_id, t_start, t_end, event_nouns)
    if noun:
        return noun
    lemma = clauses.value("lemma", k) if k is not None else ""
    if lemma and lemma not in _AUX:
        return lemma
    return _nearest_verb(toks, sent_id, t_start, t_end, span, event_nouns) or lemma


def _nearest_verb(toks: "_TokenLists", sent_id, t_start: int, t_end: int, span, event_nouns) -> str:
    idx = toks.range(sent_id, *span)
    if not len(idx):
        return ""
    lemma, lower, pos, start = toks.lemma, toks.lower, toks.pos, toks.start
    before = [i for i in idx if start[i] < t_start]
    verbs = [i for i in idx if pos[i].startswith("VB") and lemma[i] not in _AUX and lower[i] not in _AUX
             and not (t_start <= start[i] < t_end)]
    if not verbs:
        verbs = [i for i in idx if pos[i].startswith("VB")]
    if not verbs:
        nouns = [i for i in idx if pos[i].startswith("NN") and lemma[i] in event_nouns]
        return lemma[nouns[0]] if nouns else ""
    first = before[-1] + 1 if before else idx[0]  # first token of the expression
    prior = [i for i in verbs if i < first]
    later = [i for i in verbs if i >= first]
    if prior and first - prior[-1] <= _MAX_GAP:  # "met in Oslo on Tuesday": the verb the adjunct follows
        return lemma[prior[-1]]
    if later:  # "On June 16, ... Putin told": a fronted adjunct
        return lemma[later[0]]
    return lemma[prior[-1]]


def _summary(text: str, clause, *, max_words: int = 18) -> str:
    lo, hi = clause
    words = _WS.sub(" ", text[lo:hi]).strip(" ,;:–—-\"“”'").split(" ")
    if len(words) > max_words:
        words = words[:max_words] + ["…"]
    return " ".join(words)


def _undated_meeting_at(doc, dated, toks: "_TokenLists", meeting_nouns):
    """``(token index, tense)`` of the first meeting the lead (first three paragraphs) reports
    without any date in its paragraph (``dated``: the paragraphs with a date), or None."""
    lead = set(sorted(_columns(doc.paragraphs, ("para_id",))[0])[:3])
    paras = toks.para
    # tokens are in text order, so the lead's tokens come first (read no further)
    n = bisect.bisect_right(paras, max(lead)) if lead else 0
    lemmas = toks.lemma
    for i in range(n):
        lem, para = lemmas[i], paras[i]
        if lem not in meeting_nouns or para not in lead or para in dated or not toks.pos[i].startswith("NN"):
            continue
        tense = toks.tenses.at(toks.sent[i], toks.start[i])
        if tense in ("past", "present", None):
            return i, tense
    return None


def _undated_meeting(doc, found, toks: "_TokenLists", mentions: "_MentionLists", clauses, sent_span):
    """The event row of the undated meeting: the day before publication (past tense) or the day."""
    if found is None:
        return None
    i, tense = found
    sent_id, para, lem = toks.sent[i], toks.para[i], toks.lemma[i]
    k = clauses.innermost(sent_id, toks.start[i], toks.end[i]) if clauses is not None else None
    clause = _span(clauses, k, toks.start[i], toks.end[i], sent_span[sent_id])
    ids, names = _actors(mentions, clauses, k, sent_id, clause, doc.text)
    who = _participants(clauses, k)
    if doc.published is None:
        return ("", "", para, sent_id,
                ["", None, "", "APPROX", para, sent_id, lem, ";".join(ids), "; ".join(names),
                 _summary(doc.text, clause), "undated in the text, and the article has no publication date", _NO_DCT,
                 *who])
    day = doc.published - _dt.timedelta(days=1) if tense == "past" else doc.published
    note = ("undated in the text: placed the day before publication" if tense == "past"
            else "undated in the text: placed on the publication date")
    return (day.isoformat(), "~", para, sent_id,
            ["", day, day.isoformat(), "APPROX", para, sent_id, lem, ";".join(ids), "; ".join(names),
             _summary(doc.text, clause), note, "publication date", *who])
