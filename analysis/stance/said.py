"""Rows for stances held in what is said and wished, read by :mod:`.wishes` and :mod:`.polls`:
the holders resolved (a quoted *I* / *we* to its speaker) and rows that repeat a cue's row dropped."""

from __future__ import annotations

from .actor_links import _clean
from .clause_reading import _colon_speaker
from .holders import _pronoun_in_complement
from .polls import POLL_CONTEXT, POLL_WORDS, _poll_answers
from .reported import _quoted_judgements, _reported_wishes, _speech_clause, _strong_words
from .vocabulary import _DEONTIC, _DEONTIC_TO, _FIRST_PERSON, _QUOTE_MARKS, _SPEECH_VERBS
from .wishes import NECESSARY, WISH_LEMMAS, _necessities, _wish_cues

_WISH_GATE = WISH_LEMMAS - {"like"}  # "like" only in "would like" / "'d like"
_WOULD = frozenset({"would", "'d", "’d"})
#: nouns before "against" that are no rival of the one supported ("called for efforts in the fight against Y")
_FIGHTS = frozenset({"fight", "fights", "war", "wars", "battle", "battles", "struggle", "campaign", "campaigns", "effort",
                     "efforts", "crusade", "case", "measures", "action", "actions", "sanctions", "protest", "protests",
                     "coalition", "offensive", "strikes", "operations", "resistance", "defense", "defence"})


def _holder(cs, span, c, actors, resolve, text):
    """(holder_id, holder, holder_text, how) for a holder span, or None when a first person has
    no speaker (the writer's own *I*)."""
    a, b = span
    htext = text[cs.st[a]:cs.en[b]]
    if cs.low[a] in _FIRST_PERSON:
        q = actors.quote_at(cs.st[a])
        if q:
            return _clean(q[0]), q[1], htext, "quote"
        named = _colon_speaker(cs, a)
        if named is not None:
            hid, holder, _, _ = resolve(cs, named, "reported")
            return hid, holder, htext, "reported"
        g = _speech_clause(cs, c) if c is not None else None
        if g is not None and g.subj is not None and cs.low[g.subj[0]] not in _FIRST_PERSON:
            hid, holder, _, _ = resolve(cs, g.subj, "reported")
            return hid, holder, htext, "reported"
        if not cs.in_quote[a]:
            return None  # the writer's own wish: not a stance of anyone named
        return None, htext, htext, "subject"
    gsubj = _pronoun_in_complement(cs, c, span)
    if gsubj is not None:
        hid, holder, _, _ = resolve(cs, gsubj, "pronoun")
        return hid, holder, htext, "pronoun"
    return resolve(cs, span, "subject")


_TRIGGERS = _WISH_GATE | {"like"} | POLL_WORDS | _SPEECH_VERBS | {"said", "says", "told", "added", "wrote", "tweeted"}


def _speaker_of(cs, c, k: int):
    """The speech clause that says token k (in clause c, or in none the reader found): the
    governing verb of saying, the one outside the quotation k stands in, or a parenthetical
    "…, he said" after it."""
    g = _speech_clause(cs, c) if c is not None else None
    if g is None:
        q = cs.in_quote[k]
        g = next((r for r in cs.clauses if r.kind == "fin" and r.subj is not None and r.relation == "main"
                  and r.vs > k and cs.lem[r.main] in _SPEECH_VERBS and not cs.in_quote[r.vs]
                  and (q or (r.subj[0] > 0 and cs.low[r.subj[0] - 1] == ",") or (r.subj[0] > r.vs and cs.low[r.vs - 1] == ","))),
                 None)
    return g


def _named_aside(cs, span):
    """ "the party's leader, Marine Le Pen, said …": the name between commas after the subject."""
    b1, n = span[1] + 1, len(cs.low)
    if b1 + 2 < n and cs.low[b1] == ",":
        m = b1 + 1
        while m < n and cs.pos[m].startswith("NNP"):
            m += 1
        if m > b1 + 1 and m < n and cs.low[m] == ",":
            return (b1 + 1, m - 1)
    return span


def said_rows(cs, s_text, text, actors, resolve, clause_ids, rows):
    """Append to ``rows`` the wishes ("X wants Y") and poll answers ("75 percent said yes") of
    the sentence ``cs``; a row whose label and target repeat one already found in the sentence
    is left out."""
    lem, low = cs.lem, cs.low
    if _TRIGGERS.isdisjoint(lem):
        return  # most sentences: no word any of these rules starts from
    found = []
    lem, words = set(lem), set(low)  # (the look-ups below on sets, not lists)
    if not _WISH_GATE.isdisjoint(lem) or ("like" in lem and not _WOULD.isdisjoint(words)):
        found += [(k0, k1, h, t, lab, c, "wish") for k0, k1, h, t, lab, c in _wish_cues(cs)]
    if not POLL_WORDS.isdisjoint(words) and not POLL_CONTEXT.isdisjoint(words):
        found += [(k0, k1, h, t, lab, None, "poll answer") for k0, k1, h, t, lab in _poll_answers(cs)]
    if not _SPEECH_VERBS.isdisjoint(lem):
        if not _QUOTE_MARKS.isdisjoint(words) and not _strong_words().isdisjoint(words):
            found += [(k0, k1, h, t, lab, None, "reported evaluation") for k0, k1, h, t, lab in _quoted_judgements(cs)]
        if not (_DEONTIC.isdisjoint(words) and (_DEONTIC_TO.isdisjoint(words) or "to" not in words)):
            # "Smith said the city should build more schools": the speaker favours the clause
            found += [(c.vs, c.ve, _named_aside(cs, h), t, lab, c, "reported wish") for c, h, t, lab in _reported_wishes(cs, text)]
        if not NECESSARY.isdisjoint(words):
            # "Outright victory is vital, he said": the speaker favours what is needed
            for k0, k1, c, t, lab, _ in _necessities(cs):
                g = _speaker_of(cs, c, k0)
                if g is not None and g.subj is not None and low[g.subj[0]] in ("i", "we") and cs.in_quote[g.vs]:
                    g = _speech_clause(cs, g)
                if g is not None and g is not c and g.subj is not None and g.voice != "passive" \
                        and low[g.subj[0]] not in _FIRST_PERSON and not (g.subj[0] <= t[1] and t[0] <= g.subj[1]):
                    found.append((k0, k1, _named_aside(cs, g.subj), t, lab, c, "reported wish"))
    if not found:
        return
    st, en = cs.st, cs.en
    taken = []
    for r in reversed(rows):  # the sentence's own rows are the last ones
        if r["sent_id"] != cs.sent_id or r["para_id"] != cs.para_id:
            break
        if r["target_start"] is not None:
            taken.append((r["target_start"], r["target_end"], r["stance"], r["holder"]))
    for k0, k1, hspan, tspan, label, c, pattern in found:
        t_start, t_end = st[tspan[0]], en[tspan[1]]
        h = _holder(cs, hspan, c, actors, resolve, text)
        if h is None:
            continue
        hid, holder, htext, how = h
        if any(ts < t_end and t_start < te and lab == label and who == holder for ts, te, lab, who in taken):
            continue
        hit = actors.in_span(t_start, t_end)
        c_start, c_end = st[k0], en[k1]
        rows.append({"para_id": cs.para_id, "sent_id": cs.sent_id, "clause_id": clause_ids.get(id(c)) if c is not None else None,
                     "holder_id": _clean(hid), "holder": holder, "holder_text": htext, "holder_from": how,
                     "target_id": _clean(hit[0]) if hit else None, "target": text[t_start:t_end], "stance": label,
                     "cue": text[c_start:c_end], "pattern": pattern, "negated": label == "against" and pattern == "wish",
                     "hedged": False, "start": c_start, "end": c_end, "text": text[c_start:c_end],
                     "target_start": t_start, "target_end": t_end, "evidence": s_text})
        taken.append((t_start, t_end, label, holder))
