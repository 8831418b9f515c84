"""The layer: every cue read into a ``doc.stance`` row, and the holder × target matrix."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, compress, count
from operator import or_

import pandas as pd

import numpy as np

from .._frames import column_values
from ..clauses import sentences_of
from .vocabulary import (
    _AUX, _BEFORE_INFINITIVE, _BOUNDARY, _CHOICE_CUES, _DASHES, _DEONTIC, _DEONTIC_TO, _DOCUMENTS,
    _FIRST_PERSON, _FORECAST, _FUTURE_MODALS, _MODALS_ALL, _NOT_WANTED, _CANDOUR, _REFLEXIVES, _GAP_POS, _GLAD_TO, _GUESS_ADVERBS, _GOAL_CUES, _GIVE, _LIGHT_VERBS, _NAMING_VERBS, _NOT_HOLDERS, _NP_POS, _NP_PREP,
    _OBJECT_CONTROL, _PRONOUNS, _QUANTIFIERS, _QUOTE_MARKS, _RECEIVE, _REPORTING, _RETREAT_PARTICLES, _SKIP_POS,
    _SMALL_WORDS,
    _SPECULATIVE, _SPEECH_VERBS, STANCES, _STATIVE,
)
from .lexicon import _compiled, _no_second_word, _second_words, _start_test
from .sentence import (
    _experiencer_verb, _is_hedge, _match, _np_left, _np_right, _Sent, _target_right, _verb_group_start,
    _verb_here,
)
from .actor_links import _Actors, _clean
from .clause_reading import (
    _after_condition, _attributive, _clause_at, _colon_speaker, _gerund_object_holder, _governing_finite, _governing_negation,
    _in_question, _participle_holder, _phrase_right, _target_ok,
)
from .nouns import _noun_frame
from .frame import rows_frame
from .holders import _appositive_name, _copular_subject, _holder_ok, _pronoun_head, _pronoun_in_complement
from .headlines import _headline_cues, _title_case
from .reported import _anti_cues, _naming_cues, _reported_epithets, _reported_evaluations, _strong_words
from .said import _FIGHTS, _TRIGGERS, said_rows

# a sentence with none of these lemmas has no verb of saying (reported evaluations) and nothing
# said_rows reads (its own first test); none of these words: no naming verb, question or condition
_SAID_GATE = _TRIGGERS | _SPEECH_VERBS
_WORD_GATE = _NAMING_VERBS | {"?", "if", "unless", "event"}

#: a party and state after a name between commas ("Sen. Tom Baker, R-Ohio, said"): no holder of its own
_PARTY_TAG = re.compile(r"[rdi]-[a-z][a-z.]*$")
#: words before *attack* that make it an act of violence ("a deadly attack on the club")
_VIOLENT = frozenset({"terrorist", "terror", "murderous", "deadly", "suicide", "bomb", "missile", "military", "armed",
                      "air", "chemical", "knife", "gun", "violent", "lethal", "nuclear", "fatal", "bloody", "rocket",
                      "drone", "mortar", "shark", "heart", "panic", "asthma"})
#: offices run for ("campaigned for governor"): a candidacy, not a stance
_OFFICES = frozenset({"president", "governor", "mayor", "senate", "congress", "office", "re-election", "reelection",
                      "presidency", "senator", "sheriff", "parliament"})
#: what is accepted when *accept* means receiving ("accepted her award", "accept donations")
_RECEIVED = frozenset({"award", "awards", "prize", "prizes", "honor", "honour", "honors", "honours", "trophy", "medal",
                       "donation", "donations", "money", "contributions", "check", "checks", "congratulations", "gift",
                       "gifts", "refugees", "immigrants", "applications", "payment", "payments", "cash", "bribes",
                       "diploma", "degree", "job", "post", "position"})
#: what one agrees to do oneself, no position on anything ("agreed to end his bid", "agreed to meet")
_OWN_ACTS = frozenset({"end", "divide", "split", "sell", "buy", "meet", "debate", "testify", "appear", "serve", "pay",
                       "drop", "leave", "step", "stay", "remain", "withdraw", "return", "join", "share", "speak",
                       "talk", "sit", "attend", "hold", "take", "give", "let", "allow", "delay", "postpone"})
#: words before "shot at" that make it a chance ("the best shot at the nomination")
_CHANCE = frozenset({"best", "good", "better", "real", "fair", "decent", "no", "any", "long", "strong", "serious",
                     "legitimate", "reasonable", "realistic", "only", "last", "second", "first"})
#: "free to support Y", "able to endorse Y": what one may do, not a stance
_CAPABLE = frozenset({"able", "unable", "free", "allowed", "eligible", "permitted"})
#: holders that name no one when they are not written in the cue's sentence (an earlier "you")
_UNNAMED = frozenset(_PRONOUNS | {"you", "your", "one", "someone", "anyone", "everyone", "that", "these", "those", "what"})

COLUMNS = ["stance_id", "para_id", "sent_id", "clause_id", "holder_id", "holder", "holder_text", "holder_from", "target_id",
           "target", "stance", "cue", "pattern", "negated", "hedged", "start", "end", "text",
           "target_start", "target_end", "evidence"]


@lru_cache(maxsize=1)
def _empty_table() -> pd.DataFrame:
    """The table with no rows (built once: ``astype`` costs milliseconds; callers get a copy)."""
    out = pd.DataFrame([], columns=COLUMNS)
    out["stance_id"] = range(1, 1)
    # copied once: a copy is consolidated (5 blocks, not 21), and copies of that are cheap
    return out.astype({"target_start": "Int64", "target_end": "Int64", "clause_id": "Int64"}).copy()


_SPLIT: list = [None, {}]  # [the cue index, {first word: (its one-word cues, {second word: its longer cues})}]


def _split_cues(index: dict, word: str):
    """The cues that start with ``word``, split into one-word cues and longer ones by their second
    word (built once per cue index)."""
    if _SPLIT[0] is not index:
        _SPLIT[0], _SPLIT[1] = index, {}
    got = _SPLIT[1].get(word)
    if got is None:
        singles, by2 = [], {}
        for wc in index.get(word, ()):
            if len(wc[0]) == 1:
                singles.append(wc)
            else:
                by2.setdefault(wc[0][1], []).append(wc)
                if wc[0][1] == "favor":
                    by2.setdefault("favour", []).append(wc)
        got = _SPLIT[1][word] = (singles, by2)
    return got


def _merge_coordinated(rows: list[dict]) -> list[dict]:
    """ "I support and endorse Y": one stance, not two. A row whose sentence, holder and label are
    those of the previous row and whose target overlaps it is dropped."""
    out: list[dict] = []
    for r in rows:
        p = out[-1] if out else None
        if p is not None and p["sent_id"] == r["sent_id"] and p["para_id"] == r["para_id"] and p["stance"] == r["stance"] \
                and ((p["holder"], p["holder_id"]) == (r["holder"], r["holder_id"]) or p["holder_text"] == r["holder_text"]) \
                and p["target_start"] is not None \
                and r["target_start"] is not None and p["target_start"] < r["target_end"] and r["target_start"] < p["target_end"]:
            continue
        out.append(r)
    return out


def stance(doc) -> pd.DataFrame:
    """Who is for or against what: one row per stance cue found.

    Args:
        doc: an annotated :class:`~analysis.document.Document`.

    Returns:
        DataFrame ``stance_id, para_id, sent_id, clause_id`` (the row of ``doc.clauses`` the cue
        was read from, ``<NA>`` if none), ``holder_id`` (actor id, when the holder is a
        known actor), ``holder`` (actor name, else the phrase), ``holder_text`` (the words in
        the article), ``holder_from`` (subject | agent | pronoun | quote | reported |
        on_behalf_of | reporting | document | object | previous | author), ``target_id``, ``target``, ``stance`` (favor |
        against | neutral), ``cue`` (as written, with its negation and adverbs), ``pattern``
        (the lexicon entry), ``negated``, ``hedged``, ``start, end, text`` (the cue),
        ``target_start, target_end`` and ``evidence`` (the sentence).
    """
    index, negs, neg_phrases, hedges = _compiled()
    is_start = _start_test(index)
    seconds_of = _second_words(index)
    neg_firsts = frozenset(p[0] for p in neg_phrases)  # a negating phrase can stand only where its first word does
    actors = _Actors(doc)
    text = doc.text
    sents = doc.sentences
    rows = []
    # [pos, actor_id, holder, type, is_document, pending]: a sentence's main subject is resolved only
    # when a later pronoun looks back at it (pending = (sentence, span) until then)
    antecedents: list[list] = []

    def earlier():
        """The antecedents, latest first, as (pos, actor_id, holder, type, is_document)."""
        for k in range(len(antecedents) - 1, -1, -1):
            e = antecedents[k]
            if e[5] is not None:
                ps, pspan = e[5]
                e[5] = None
                a, b = pspan
                hit = actors.in_span(ps.st[a], ps.en[b])
                e[3] = hit[2] if hit else None
                e[4] = hit is None and not _DOCUMENTS.isdisjoint(ps.lem[a:b + 1])
                e[1], e[2] = resolve(ps, pspan, "subject")[:2]
            yield e[0], e[1], e[2], e[3], e[4]

    def resolve(s: _Sent, span, how: str):
        """(holder_id, holder, holder_text, how) for a token span of s."""
        a, b = span
        if a == b and a > 1 and s.low[a - 1] == "," and s.low[a][1:2] == "-" and _PARTY_TAG.match(s.low[a]):
            left = _np_left(s, a - 2)  # "Sen. Tom Baker, R-Ohio, said": the senator, not his party and state
            if left is not None:
                span = left
                a, b = span
        cs, ce = s.st[a], s.en[b]
        phrase = text[cs:ce]
        words = [w for w in s.low[a:b + 1]]
        if len(words) == 1 and words[0] in _PRONOUNS or words in (["they", "themselves"],):
            hit = actors.in_span(cs, ce)
            if hit:
                return hit[0], hit[1], phrase, how
            if words[0] in _FIRST_PERSON:
                return None, phrase, phrase, "pronoun"  # "I" / "we" with no speaker found: not an earlier subject
            want_person = words[0] in ("he", "she", "him", "her", "his")
            want_thing = words[0] in ("it", "its")  # a state, a bloc, a body: never a person
            for p, aid, name, kind, is_doc in earlier():
                if p < cs and not is_doc and (not want_person or kind in (None, "person")) \
                        and not (want_thing and kind == "person"):
                    return aid, name, phrase, "pronoun"
            return None, phrase, phrase, "pronoun"
        head_end = b
        for k in range(a, b + 1):
            if s.low[k] in _NP_PREP and k > a:
                head_end = k - 1
                break
        # "Ethiopian Prime Minister Abiy Ahmed": the person named at the head speaks, not the state
        hit = actors.person_in_span(cs, s.en[head_end]) or actors.in_span(cs, s.en[head_end]) or actors.in_span(cs, ce)
        head = {s.lem[k] for k in range(a, head_end + 1)}
        if hit is None and head & _DOCUMENTS:
            for p, aid, name, kind, is_doc in earlier():
                if p < cs and not is_doc and aid is not None:
                    return aid, name, phrase, "document"
        if hit:
            return hit[0], hit[1], phrase, how
        return None, phrase, phrase, how

    def remember(s: _Sent, span, holder_id, holder, pending: bool = False):
        a, b = span
        if a == b and s.low[a] in _PRONOUNS:
            return
        if pending:
            antecedents.append([s.st[a], None, None, None, False, (s, span)])
            return
        kind = None
        hit = actors.in_span(s.st[a], s.en[b])
        if hit:
            kind = hit[2]
        is_doc = hit is None and not _DOCUMENTS.isdisjoint(s.lem[a:b + 1])
        antecedents.append([s.st[a], holder_id, holder, kind, is_doc, (s, span) if pending else None])

    parsed = {cs.sent_id: cs for cs in sentences_of(doc)}
    # the clauses numbered 1, 2, ... in document order, as in doc.clauses
    clause_ids: dict[int, int] = dict(zip(map(id, chain.from_iterable(cs.clauses for cs in parsed.values())), count(1)))
    last_para = None
    strong = _strong_words()
    any_anti = "nti-" in text  # (the sentences are spans of the text: none has what the text has not)
    any_backed = "-endorsed" in text or "-backed" in text or "-supported" in text
    for cs in parsed.values():
        s = cs  # the clause reader's sentence: the same tokens, with its mended tags ("we welcome" as a verb)
        s_text = text[s.start:s.end]  # the sentence's text (its span of the article)
        n = len(s.low)
        first_row = len(rows)  # this sentence's rows are those from here
        # the sentence's main subject (for later pronouns)
        # (the first finite verb with a noun phrase before it: "X, which mediated Y, said" -> X)
        for c in s.clauses:
            if c.kind == "fin" and c.subj is not None and c.own_subject:
                remember(s, c.subj, None, None, pending=True)
                break
        if any_anti and "nti-" in s_text:
            # "Murphy was behind a previous anti-Trump effort", "the donor's anti-Trump campaign"
            seen = set()
            for k, hspan in _anti_cues(cs):
                hid, holder, htext, how = resolve(s, hspan, "subject")
                t_start, t_end = s.st[k] + 5, s.en[k]
                if (holder, text[t_start:t_end].lower()) in seen:
                    continue
                seen.add((holder, text[t_start:t_end].lower()))
                hit = actors.in_span(s.st[k], t_end)
                c = _clause_at(cs, k, k + 1)
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id,
                             "clause_id": clause_ids.get(id(c)) if c is not None else None, "holder_id": _clean(hid),
                             "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(hit[0]) if hit else None, "target": text[t_start:t_end], "stance": "against",
                             "cue": text[s.st[k]:s.en[k]], "pattern": "anti-", "negated": False,
                             "hedged": False, "start": s.st[k], "end": s.en[k], "text": text[s.st[k]:s.en[k]],
                             "target_start": t_start, "target_end": t_end, "evidence": s_text})
        if any_backed and "ed " in s_text and ("-endorsed" in s_text or "-backed" in s_text or "-supported" in s_text):
            # "a Sanders-endorsed candidate", "the union-backed measure": the name before the hyphen favours the noun
            for k in range(n - 1):
                w = s.low[k]
                cut = w.rfind("-")
                if cut < 1 or w[cut + 1:] not in ("endorsed", "backed", "supported") or not w[0].isalpha() \
                        or w[:cut].endswith("ly") or w[:cut] in ("well", "ill", "best", "better", "poorly"):
                    continue
                tspan = _np_right(s, k + 1)
                if tspan is None:
                    continue
                h_start, h_end = s.st[k], s.st[k] + cut
                hit = actors.in_span(h_start, h_end)
                t_start, t_end = s.st[tspan[0]], s.en[tspan[1]]
                t_hit = actors.in_span(t_start, t_end)
                c = _clause_at(cs, k, k + 1)
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id,
                             "clause_id": clause_ids.get(id(c)) if c is not None else None,
                             "holder_id": _clean(hit[0]) if hit else None, "holder": hit[1] if hit else text[h_start:h_end],
                             "holder_text": text[h_start:h_end], "holder_from": "subject",
                             "target_id": _clean(t_hit[0]) if t_hit else None, "target": text[t_start:t_end],
                             "stance": "favor", "cue": text[s.st[k]:s.en[k]], "pattern": "X-" + w[cut + 1:],
                             "negated": False, "hedged": False, "start": s.st[k], "end": s.en[k],
                             "text": text[s.st[k]:s.en[k]], "target_start": t_start, "target_end": t_end,
                             "evidence": s_text})
        first_in_para, last_para = s.para_id != last_para, s.para_id
        if first_in_para and n <= 30 and (n < 2 or not s.low[1].isalpha() or s.low[1] in _SMALL_WORDS
                                          or text[s.st[1]].isupper()) and _title_case(s, text):
            # "Pence Endorses Paul Ryan With Trump's Blessing" (a headline opens its paragraph): the
            # tagger reads capitalised verbs as names
            for k, hspan, tspan, label, negated, last, pattern in _headline_cues(s, index):
                hid, holder, htext, how = resolve(s, hspan, "subject")
                t_start, t_end = s.st[tspan[0]], s.en[tspan[1]]
                hit = actors.in_span(t_start, t_end)
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id, "clause_id": None, "holder_id": _clean(hid),
                             "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(hit[0]) if hit else None, "target": text[t_start:t_end], "stance": label,
                             "cue": text[s.st[k]:s.en[last]], "pattern": pattern, "negated": negated,
                             "hedged": False, "start": s.st[k], "end": s.en[last], "text": text[s.st[k]:s.en[last]],
                             "target_start": t_start, "target_end": t_end, "evidence": s_text})
            continue
        some_words = not _WORD_GATE.isdisjoint(s.low)
        if some_words and not _NAMING_VERBS.isdisjoint(s.low):
            # "Cruz called Trump a pathological liar": the words X is called say how the caller stands
            for k, hspan, tspan, label in _naming_cues(cs):
                b = tspan[1] + 1
                if s.pos[k] == "VBN" and s.pos[k - 1] in ("NN", "NNS") and text[s.st[k + 1]].isupper() and (
                        (b < len(s.low) and text[s.st[b]].isupper()) or (k > 1 and s.low[k - 2] in ("a", "an"))):
                    continue  # "a blog called Truth Today Right Now, which posts lies": a name given, not a judgement
                hid, holder, htext, how = resolve(s, hspan, "subject")
                if quote_at := actors.quote_at(s.st[hspan[0]]):
                    if s.low[hspan[0]] in _FIRST_PERSON:
                        hid, holder, how = _clean(quote_at[0]), quote_at[1], "quote"
                t_start, t_end = s.st[tspan[0]], s.en[tspan[1]]
                hit = actors.in_span(t_start, t_end)
                c = _clause_at(cs, k, k + 1)
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id,
                             "clause_id": clause_ids.get(id(c)) if c is not None else None, "holder_id": _clean(hid),
                             "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(hit[0]) if hit else None, "target": text[t_start:t_end], "stance": label,
                             "cue": text[s.st[k]:s.en[k]], "pattern": "call X Y", "negated": False,
                             "hedged": False, "start": s.st[k], "end": s.en[k], "text": text[s.st[k]:s.en[k]],
                             "target_start": t_start, "target_end": t_end, "evidence": s_text})
        i = 0
        prev_end = -1  # where the previous cue of this sentence ended
        low, lem, pos = s.low, s.lem, s.pos
        asks = some_words and "?" in low  # a question or a condition in the sentence (looked at only then, per cue)
        conditional = some_words and ("if" in low or "unless" in low or "event" in low)
        # only tokens that start a cue (by word or lemma) can be one; the others are stepped over
        starts = list(compress(range(n), map(is_start, map(is_start, low, lem))))
        for at in starts:
            if at < i:
                continue  # inside the previous cue or its target
            i = at
            nxt = i + 1
            if nxt < n and pos[nxt] not in _GAP_POS and low[nxt] not in _QUOTE_MARKS:
                # the common case of _no_second_word below (no adverb between): the word and the lemma
                # start only cues of several words (or none), and no second word of theirs is next
                w1, l1 = low[nxt], lem[nxt]
                sec, sec2 = seconds_of.get(low[i], ()), seconds_of.get(lem[i], ())
                if sec is not None and sec2 is not None and w1 not in sec and l1 not in sec \
                        and w1 not in sec2 and l1 not in sec2:
                    i += 1
                    continue
            if i == prev_end and i > 0 and low[i - 1] == "to":
                i += 1  # "agreed to accept X": the verb after "agree to" is that cue's target, not a new cue
                continue
            found = None
            nxt = i + 1
            # the first word after the cue's first that is not an adverb (adverbs may stand between, see _match)
            after_gap = nxt
            while after_gap < n and after_gap - nxt < 2 and (pos[after_gap] in _GAP_POS or low[after_gap] in _QUOTE_MARKS):
                after_gap += 1
            if _no_second_word(seconds_of, low, lem, i, after_gap, n):
                i += 1  # only cues of several words start here, and none has its second word next
                continue
            cands = index.get(low[i])
            if lem[i] != low[i]:
                more = index.get(lem[i])
                if more:
                    cands = cands + more if cands else more
            if len(cands) > 12 and (lem[i] == low[i] or low[i] not in index):
                # "be": many cues of several words ("be critical of", "be opposed to" ...): only those
                # whose second word stands here are tried
                singles, by2 = _split_cues(index, lem[i])
                cands, seen = singles, None
                if nxt < n:
                    for key in (low[nxt], lem[nxt]) if after_gap == nxt or after_gap >= n else (
                            low[nxt], lem[nxt], low[after_gap], lem[after_gap]):
                        more = by2.get(key)
                        if more and more is not seen:
                            cands, seen = more + cands, more
            for words, cue in cands:
                if len(words) == 1:
                    j = nxt  # the word itself is the cue (it is indexed by its word or lemma)
                else:
                    if nxt >= n:
                        continue
                    w1 = words[1]
                    if low[nxt] != w1 and lem[nxt] != w1 and not (w1 == "favor" and low[nxt] == "favour") and (
                            after_gap == nxt or after_gap >= n or (low[after_gap] != w1 and lem[after_gap] != w1
                                                                    and not (w1 == "favor" and low[after_gap] == "favour"))):
                        continue
                    j = _match(s, i, words)
                    if j is None:
                        continue
                if cue["kind"] == "verb" and len(words) == 1 and (not _verb_here(s, i) or (
                        pos[i] == "VBG" and i > 0 and (pos[i - 1] in ("DT", "PRP$", "POS") or low[i - 1] in ("'s", "’s"))
                        and any(len(w2) == 1 and c2["kind"] == "noun" for w2, c2 in cands))):
                    continue  # "has the backing of most unions": the noun ("his disparaging remarks" stays a verb)
                if cue["kind"] == "verb" and len(words) > 1 and pos[i].startswith("NN") and i > 0 and pos[i - 1] in ("DT", "JJ", "PRP$", "CD", "VBN", "IN", "RP"):
                    continue  # "the votes for an endorsement": a noun, not the verb "vote for"
                if cue["kind"] == "noun" and not pos[i].startswith("NN") and not (
                        pos[i] == "VBG" and i > 0 and (pos[i - 1] in ("DT", "PRP$", "POS") or low[i - 1] in ("'s", "’s"))):
                    continue
                if cue["kind"] == "experiencer" and not _experiencer_verb(s, i):
                    continue
                found = (words, cue, j)
                break
            if not found:
                i += 1
                continue
            words, cue, j = found
            kind = cue["kind"]
            if cue["cue"] in _BEFORE_INFINITIVE and j < n and low[j] == "to":
                i = j  # "refused to endorse Y": the refusal turns round the complement's cue; "hate to say": no stance
                continue
            if kind == "verb" and pos[i] in ("VBN", "VBG", "VBD") and _attributive(s, i):
                i = j  # "a well respected conservative": a participle inside a noun phrase
                continue
            if i > 0 and ((low[i] == "opposed" and low[i - 1] == "as") or (low[i] == "likes" and low[i - 1] == "the")):
                i = j  # "as opposed to", "the likes of": no stance
                continue
            if cue["cue"] == "back" and j < n and low[j] in _RETREAT_PARTICLES:
                i = j  # "backed down on its demands", "backed away from the deal": a retreat, no support
                continue
            if cue["cue"] == "attack" and (not _VIOLENT.isdisjoint(low[max(0, i - 2):i])
                                           or (i > 1 and low[i - 1] == "out" and lem[i - 2] == "carry")):
                i = j  # "his murderous attack on the club", "carried out attacks": violence, not a stance
                continue
            if cue["cue"] == "campaign for" and ((low[i] == "campaign" and pos[i].startswith("NN") and i > 0
                                                  and pos[i - 1] not in ("MD", "TO", "PRP") and low[i - 1] not in ("to", "will"))
                                                 or (j < n and low[j] in _OFFICES) or "nomination" in low[j:j + 4]):
                i = j  # "Rubio's campaign for the nomination", "campaigned for governor": running, not a stance
                continue
            if cue["cue"] == "accept" and not _RECEIVED.isdisjoint(low[j:j + 4]):
                i = j  # "accepted her award", "will accept 10,000 refugees": receiving, not a stance
                continue
            if cue["cue"] == "agree to" and j < n and (lem[j] in _OWN_ACTS or (pos[j] == "RB" and lem[j + 1:j + 2] and lem[j + 1] in _OWN_ACTS)):
                i = j  # "Kasich agreed to end his bid", "agreed to sell it": a deal about one's own doings
                continue
            if cue["cue"] == "shot at" and ((i > 0 and low[i - 1] in _CHANCE) or (j < n and pos[j] == "VBG")
                                            or "nomination" in low[j:j + 4]):
                i = j  # "the best shot at the nomination", "a shot at winning": a chance, not a dig
                continue
            if cue["cue"] == "vote for" and i > 0 and pos[i] == "NN" and pos[i - 1] == "NN":
                i = j  # "a strike vote for next week": a noun
                continue
            if i > 1 and low[i - 1] == "to" and low[i - 2] in _CAPABLE:
                i = j  # "delegates free to support Cruz or Trump": what one may do, not a stance
                continue
            if cue["cue"] == "stop" and not (j < n and (low[j] in ("him", "her", "them") or pos[j].startswith("NNP"))):
                i = j  # "stop X" is against someone named; "stop endorsing", "stop by", "stop the bleeding": no stance
                continue
            if cue["cue"] in _GOAL_CUES:
                k = i - 1
                while k > 0 and pos[k] in _GAP_POS:
                    k -= 1
                if not ((low[k] == "to" and (k == 0 or low[k - 1] not in _FORECAST))
                        or (k > 0 and pos[k] in ("PRP", "NNP") and lem[k - 1] == "help")):
                    i = j  # "Smith beat Jones in Ohio", "is likely to defeat Y": a result or a forecast, not a goal
                    continue
            if cue["cue"] == "back" and j < n and low[j] in ("up", "down", "off", "out") and pos[i] != "VBN":
                i = j  # "evidence that would back up his statements", "backed down": other senses
                continue
            q = next((m for m in range(j, n) if low[m] in ("?", ".", "!", ";")), None) if asks else None
            if (q is not None and low[q] == "?") or (conditional and kind == "verb" and (pos[i] in ("VB", "VBP", "VBZ") or not _MODALS_ALL.isdisjoint(
                    low[max(0, i - 4):i]) or "event" in low) and _after_condition(s, i)):
                i = j  # "Do you support Y?", "If people want safer streets, they should vote for Y": not a position taken
                continue
            if cue["cue"] == "question" and (j >= n or low[j] in ("whether", "if", "how", "why", "what", "who", "when")
                                              or pos[i] not in ("VBD", "VBZ", "VBP", "VBN")):
                i = j  # "questioned whether ...": an open question; "a question": a noun
                continue
            if cue["cue"] == "pledge" and j + 1 < n and low[j] == "to" and lem[j + 1] in ("be", "stay", "remain", "continue", "keep"):
                i = j  # "pledged to be the greatest jobs president", "pledged to stay in the race": a promise about oneself
                continue
            if cue["cue"] == "want" and ((pos[i] == "VBN" and not (i > 0 and lem[i - 1] in ("have", "be")))
                                         or (j < n and low[j] == "for") or (i > 0 and low[i - 1] in ("most", "least"))):
                i = j  # "the most wanted list", "a man wanted for questioning": sought, not a wish
                continue
            if cue["cue"] == "want" and j + 1 < n and low[j] == "to" and (lem[j + 1] in _NOT_WANTED or low[j + 1] in _NOT_WANTED
                                                                       or (low[j + 1] == "be" and not _CANDOUR.isdisjoint(low[j + 2:j + 4]))
                                                                       or (low[j + 1] == "be" and j + 2 < n and pos[j + 2] not in ("VBN", "VBD"))):
                i = j  # "I want to thank", "we want to make sure", "wanted to know": a formula, no position
                continue
            if cue["cue"] == "thank" and j < n and low[j] == "you":
                i = j + 1  # "thank you": a formula
                continue
            vg = _verb_group_start(s, i, negs)
            if kind == "verb" and pos[i] == "VB" and vg < i - 1 and any(
                    low[k] in _SPECULATIVE and low[k + 1] == "well" for k in range(vg, i - 1)):
                i = j  # "they may well endorse Clinton": speculation about a stance to come, not one held
                continue
            if kind == "verb" and vg < i - 1 and not _GUESS_ADVERBS.isdisjoint(low[vg:i]) \
                    and not _FUTURE_MODALS.isdisjoint(low[vg:i]):
                i = j  # "he would probably campaign with him": a guess about a stance to come
                continue
            if kind == "verb" and vg == i and i > 0 and (pos[i] == "VBN" and pos[i - 1] in ("CD", "NN", "NNS")
                                                         or pos[i] == "VBD" and pos[i - 1] == "CD") \
                    and (j >= n or (pos[j] == "IN" and low[j] != "by") or low[j] in _BOUNDARY):
                i = j  # "75,000 pledged for this year": a participle after a noun, with no agent
                continue
            # "X expressed concern about Y and stated Z": the second verb shares the first one's subject
            subj = None if vg > 0 and s.low[vg - 1] in ("and", "but", "or") else _np_left(s, vg - 1)
            between = s.low[vg:j]
            negated = any(w in negs for w in between) or (not neg_firsts.isdisjoint(between) and any(
                between[k:k + len(p)] == p for p in neg_phrases for k in range(len(between))))
            cue_start = vg if negated or any(s.lem[k] in _AUX or s.pos[k] in _SKIP_POS for k in range(vg, i)) else i
            # keep adverbs/auxiliaries in the cue text only from the first negator/adverb on
            while cue_start < i and s.pos[cue_start].startswith("VB") and s.lem[cue_start] not in _AUX and words[0] not in ("in",):
                cue_start += 1
            if words[0] == "in" and vg < i:
                cue_start = vg  # "spoke in favor of"
            holder_span, holder_from, target_span = subj, "subject", None
            if kind == "noun":
                frame = _noun_frame(s, cs, i, j, words)
                if frame is None:
                    i = j  # "the endorsement", "intense criticism of Y": no holder written with the noun
                    continue
                holder_span, holder_from, target_span = frame
                subj = holder_span
                c_noun = _clause_at(cs, i, j)
                if c_noun is not None and c_noun.kind in ("inf", "ger") and c_noun.ve < i:
                    # "is unlikely to give Clinton the nod", "refused to lend them its support"
                    if _governing_negation(cs, c_noun)[0]:
                        negated = not negated
                elif c_noun is not None and c_noun.ve < i and cs.lem[c_noun.main] in _RECEIVE | _GIVE | _LIGHT_VERBS \
                        and any(w in negs for w in s.low[c_noun.vs:c_noun.ve + 1]):
                    negated = not negated  # "has not received any endorsements from X", "did not voice support for Y"
            elif kind == "experiencer":
                obj = _np_right(s, j)
                holder_span, holder_from, target_span = obj, "object", subj
                if obj is None or subj is None:
                    i = j
                    continue
            elif kind == "adj":
                after = j
                expletive = subj is not None and s.low[subj[0]:subj[1] + 1] == ["it"] and j < n and s.low[j] in ("to", "that")
                if expletive:
                    target_span = _target_right(s, j + 1)
                    holder_span = None
                elif subj is not None and not (j < n and s.pos[j] == "IN"):
                    target_span, holder_span = subj, None
                else:
                    target_span = _target_right(s, after)
            else:
                target_span = _target_right(s, j)
            # the cue's clause: passive (holder = the agent), relative (the antecedent), coordinated
            # (the shared subject), control ("X urged Y to back Z": not Y's stance), governing
            # negation ("refused to", "little prospect of") and the whole object phrase as target
            c = _clause_at(cs, i, j) if cs is not None and len(cs.low) == n else None
            if kind == "verb" and i >= 3 and low[i - 1] == "to" and (c is None or not c.vs <= i <= c.ve) \
                    and (obj := _np_left(s, i - 2)) is not None and obj[0] > 0 and lem[obj[0] - 1] in _OBJECT_CONTROL \
                    and pos[obj[0] - 1].startswith("VB"):
                i = j  # "urged his voters to back Y" with the infinitive unread: a wish, not the voters' stance
                continue
            if c is not None and kind == "verb" and pos[i] in ("VBN", "VBD"):
                k = i - 1
                while k > 0 and (pos[k] in _GAP_POS or low[k] in ("since", "long", "once")) and k > i - 3:
                    k -= 1
                if k < i - 1 and lem[k] == "have" and pos[k].startswith("VB") and (c.kind == "part" or not c.vs <= i <= c.ve):
                    # "has since endorsed her", "has long supported Y": a perfect the tagger split in two
                    c = _clause_at(cs, k, k + 1)
                elif not c.vs <= i <= c.ve and c.kind in ("ger", "part") and i > 0 and pos[i - 1] in _GAP_POS:
                    c = None  # "Trump, speaking at a rally, again attacked Y": the verb read as a participle
            gneg = ghedge = False
            holder_from_clause = None
            if c is not None and kind == "verb":
                in_group = c.vs <= i <= c.ve
                stative = (words[0] == "be" and (c.agent is None or words[-1] == "by")) or (c.agent is None and j < n and s.lem[i] in _STATIVE and (
                    (s.pos[j] == "IN" and s.low[j] != "by") or (s.low[j] == "to" and not (j + 1 < n and s.pos[j + 1] in ("VB", "VBP")))))
                if in_group and c.voice == "passive" and not stative:
                    if c.agent is None:
                        i = j  # a passive with no agent: nobody to hold the stance
                        continue
                    holder_span, holder_from_clause = c.agent, "agent"
                    subj = c.agent
                    target_span = c.subj
                    after = c.agent[1] + 1 if c.agent[0] == j + 1 else j
                    if after < n and (s.low[after] == "to" or (cs.group_of[after] >= 0 and cs.clauses[cs.group_of[after]].kind == "inf")):
                        target_span = _phrase_right(cs, after, c) or target_span  # "Y was urged by X to drop Z": Z
                else:
                    g_ctl = c.gov if c.gov is not None else (_governing_finite(cs, c) if c.kind == "inf" and c.subj is None else None)
                    if c.kind == "inf" and c.gov is None and g_ctl is not None and cs.lem[g_ctl.main] in _OBJECT_CONTROL \
                            and g_ctl.ve < c.vs and any(cs.pos[x].startswith(("NN", "PRP")) for x in range(g_ctl.ve + 1, c.vs)):
                        i = j  # "called on the city to attack Y": a wish for the city, not the caller's own act
                        continue
                    if c.kind in ("inf", "ger") and c.gov is not None and ((c.gov.voice == "passive" and cs.lem[c.gov.main] in _OBJECT_CONTROL) or (
                            c.subj is not None and c.subj != c.gov.subj and cs.lem[c.gov.main] in _OBJECT_CONTROL)):
                        i = j  # "Y was urged to back Z", "X urged Y to back Z": a wish, not Y's stance
                        continue
                    c_subj = c.subj
                    if c_subj is not None and c.kind == "inf" and c_subj[0] == c_subj[1] and low[c_subj[0]] in _GLAD_TO:
                        c_subj = None  # "I am proud to endorse Y": the adjective is no subject of the infinitive
                    if c_subj is not None and (c.kind != "fin" or c.relation in ("relative", "coordinated") or c.own_subject
                                               or c.subj_after or (vg > 0 and s.low[vg - 1] in ("and", "but", "or"))):
                        holder_span = c.subj
                        holder_from_clause = "subject"
                        subj = c.subj
                    if c.kind in ("inf", "ger"):
                        # "went on the record endorsing Y", "dedicated money to combat Y": the subject of
                        # the finite clause it depends on (a noun just before a gerund is that clause's object);
                        # "attacked X for opposing Y": X
                        fin = _governing_finite(cs, c)
                        rel_holder = None
                        if c.kind == "ger" and c.vs > 2 and low[c.vs - 1] in ("before", "after", "while", "without", "besides"):
                            # "an organization that endorsed Sanders before backing Clinton": the one the relative
                            # clause just before is about
                            v = next((m for m in range(c.vs - 2, max(0, c.vs - 10), -1) if pos[m] in ("VBD", "VBZ", "VBP", "VBN")), None)
                            if v is not None and v > 1 and low[v - 1] in ("that", "who", "which"):
                                rel_holder = _np_left(s, v - 2)
                        obj_holder = _gerund_object_holder(s, c)
                        np_holder = _participle_holder(s, c, vg, actors) if c.kind == "ger" and pos[i] == "VBG" else None
                        if rel_holder is not None:
                            holder_span = subj = rel_holder
                            holder_from_clause = "subject"
                        elif np_holder is not None:
                            # "pressure from a union demanding Y", "a super PAC backing Y": the noun phrase
                            holder_span = subj = np_holder
                            holder_from_clause = "subject"
                        elif obj_holder is not None:
                            holder_span = subj = obj_holder
                            holder_from_clause = "object"
                        elif fin is not None and fin.subj is not None and (c_subj is None or (c.kind == "ger" and c.subj[0] > fin.ve)):
                            holder_span = subj = fin.subj
                            holder_from_clause = "subject"
                    if _in_question(cs, c):
                        i = j  # "asked whether he would endorse Y", "if she backs Y": not a position taken
                        continue
                    phrase = _phrase_right(cs, j, c)
                    if phrase is not None:
                        target_span = phrase
                gneg, ghedge = _governing_negation(cs, c)
                ghedge = ghedge or (in_group and c.hedged and c.kind == "fin")
            if holder_from_clause is not None:
                holder_from = holder_from_clause
            if holder_span is None and kind == "verb" and vg > 0 and s.low[vg - 1] in _QUANTIFIERS:
                holder_span = subj = (vg - 1, vg - 1)  # "although most oppose it"
                holder_from = "subject"
            elif holder_span is None and kind == "verb" and vg >= 2 and s.low[vg - 1] in ("that", "who", "which"):
                # "a group that endorsed Y" when no clause was read there: the antecedent
                holder_span = subj = _np_left(s, vg - 2)
                holder_from = "subject"
            elif holder_span is None and kind == "verb" and c is not None and c.kind == "inf" and c.vs > 0 \
                    and _governing_finite(cs, c) is None and c.gov is None:
                # "AFL-CIO to endorse Clinton": a headline's noun phrase before the infinitive
                holder_span = subj = _np_left(s, c.vs - 1) if s.low[c.vs] == "to" else _np_left(s, c.vs - 2)
                holder_from = "subject"
            if holder_span is not None:
                holder_span = _appositive_name(s, _pronoun_head(s, holder_span))
                if c is not None and c.relation == "relative":
                    holder_span = _copular_subject(cs, holder_span)
                b1 = holder_span[1] + 1
                if b1 < n and low[b1] == "," and vg >= b1 + 3 and low[vg - 1] == "," \
                        and all(pos[x].startswith("NNP") for x in range(b1 + 1, vg - 1)):
                    holder_span = (b1 + 1, vg - 2)  # "The head of the group, Mike Murphy, praised": the name
                elif b1 < n and low[b1] in _DASHES:
                    # "Trump's running mate — Indiana Gov. Mike Pence — has thrown": the name between the dashes
                    k = next((k for k in range(b1 + 1, min(n, b1 + 12)) if low[k] in _DASHES), None)
                    if k is not None and k > b1 + 1 and k < i and all(pos[x] in _NP_POS for x in range(b1 + 1, k)) \
                            and any(pos[x].startswith("NNP") for x in range(b1 + 1, k)):
                        holder_span = (b1 + 1, k - 1)
                if vg >= 4 and low[vg - 1] == "," and holder_span[1] < vg:
                    # "Westmacott, who will retire after serving in Iran, praised Y": the name before the aside
                    p = next((p for p in range(vg - 3, 0, -1) if low[p] == "," and low[p + 1] in ("who", "which")), None)
                    if p is not None and p < holder_span[0]:
                        left = _np_left(s, p - 1)
                        if left is not None and any(pos[x].startswith("NNP") for x in range(left[0], left[1] + 1)):
                            holder_span = left
                a0 = holder_span[0]
                if holder_span[0] == holder_span[1] and low[a0] in ("all", "both") and a0 > 0 and pos[a0 - 1] in ("NNP", "NNPS", "NNS"):
                    holder_span = _np_left(s, a0 - 1) or holder_span  # "Indiana, Ohio and Pennsylvania all supported Bush"
                elif holder_span[0] == holder_span[1] and low[a0] in _QUANTIFIERS and a0 > 0 and low[a0 - 1] in _DASHES:
                    k = next((k for k in range(a0 - 2, -1, -1) if low[k] in _DASHES), None)
                    if k is not None and k > 0:
                        left = _np_left(s, k - 1)  # "The senators -- Cruz, Paul and Rubio -- all voted"
                        holder_span = left or holder_span
                if kind != "experiencer" and s.lem[holder_span[1]] in _NOT_HOLDERS:
                    i = j  # "another amendment would repeal Y": a text, not a holder
                    continue
            if holder_span is not None and kind != "experiencer" and not _holder_ok(s, holder_span):
                i = j  # "this week", a dash: no one holds this stance
                continue
            holder_id = holder = holder_text = None
            quote = actors.quote_at(s.st[i])
            if holder_span is not None:
                hwords = s.low[holder_span[0]:holder_span[1] + 1]
                if quote and (hwords[0] in _FIRST_PERSON):
                    holder_id, holder, holder_text, holder_from = _clean(quote[0]), quote[1], text[s.st[holder_span[0]]:s.en[holder_span[1]]], "quote"
                elif hwords[0] in _FIRST_PERSON and (named := _colon_speaker(s, holder_span[0])) is not None:
                    # "Clinton: I support statehood" (a headline): the name before the colon speaks
                    holder_id, holder, _, _ = resolve(s, named, "reported")
                    holder_text, holder_from = text[s.st[holder_span[0]]:s.en[holder_span[1]]], "reported"
                elif c is not None and c.relation == "reported" and hwords[0] in _FIRST_PERSON and c.gov is not None \
                        and c.gov.subj is not None and s.low[c.gov.subj[0]] not in _FIRST_PERSON:
                    # "We oppose the deal, the minister said": the speaker holds it
                    holder_id, holder, _, _ = resolve(s, c.gov.subj, "reported")
                    holder_text, holder_from = text[s.st[holder_span[0]]:s.en[holder_span[1]]], "reported"
                elif (gsubj := _pronoun_in_complement(cs, c, holder_span)) is not None:
                    # "many unionists made it clear they did not agree", "Trump told the Post he was":
                    # the pronoun is the subject of the clause it is said in
                    holder_id, holder, _, _ = resolve(s, gsubj, "pronoun")
                    holder_text, holder_from = text[s.st[holder_span[0]]:s.en[holder_span[1]]], "pronoun"
                else:
                    holder_id, holder, holder_text, holder_from = resolve(s, holder_span, holder_from)
            elif quote:
                holder_id, holder, holder_from = _clean(quote[0]), quote[1], "quote"
            else:
                # "... on behalf of X, the document states that it is unacceptable": the organisation stating it
                for k in range(n - 2):
                    if s.low[k:k + 3] == ["on", "behalf", "of"]:
                        span = _np_right(s, k + 3)
                        if span:
                            holder_id, holder, holder_text, holder_from = resolve(s, span, "on_behalf_of")
                        break
                if holder is None:
                    for k in range(i - 1, 0, -1):
                        if s.low[k] == "that" and s.lem[k - 1] in _REPORTING:
                            rv = _verb_group_start(s, k - 1, negs)
                            span = _np_left(s, rv - 1)
                            if span:
                                holder_id, holder, holder_text, holder_from = resolve(s, span, "reporting")
                            break
                if holder is None:
                    holder, holder_from = "(the author)", "author"
            if holder_span is None and kind == "verb" and holder is None:
                holder, holder_from = "(the author)", "author"
            if subj is None and kind == "verb" and not quote:
                # "And expressed the hope ...": the subject is the previous clause's
                for p, aid, name, _k, is_doc in earlier():
                    if not is_doc:
                        holder_id, holder, holder_text, holder_from = aid, name, None, "previous"
                        break
            if subj is None and kind == "verb" and quote and holder is None:
                holder_id, holder, holder_from = _clean(quote[0]), quote[1], "quote"
            negated = negated != gneg
            label = cue["stance"]
            if negated:
                label = {"favor": "against", "against": "neutral", "neutral": "neutral"}[label]
                if label == "against" and cue["cue"] in _CHOICE_CUES and target_span and low[target_span[0]] == "any":
                    label = "neutral"  # "is not backing any candidate": no one is opposed
            hedge_from = holder_span[0] if holder_span and kind != "experiencer" else max(0, vg - 3)
            hedge_to = target_span[1] + 1 if target_span else j
            h_low, h_lem = s.low[hedge_from:hedge_to], s.lem[hedge_from:hedge_to]
            hedged = ghedge or (not (hedges.isdisjoint(h_low) and hedges.isdisjoint(h_lem)) and any(
                _is_hedge(w, l, t, hedges) for w, l, t in zip(h_low, h_lem, s.pos[hedge_from:hedge_to])))
            if target_span is None and kind == "verb" and j < n and low[j] == ",":
                # "plans to support, in some fashion, at least 100 candidates": past the aside
                m = next((m for m in range(j + 1, min(n, j + 8)) if low[m] == ","), None)
                if m is not None and m + 1 < n and not any(pos[x].startswith("VB") for x in range(j + 1, m)):
                    target_span = _phrase_right(cs, m + 1, c) or _target_right(s, m + 1)
            if target_span is None and kind == "verb" and j + 1 < n and low[j] in _QUOTE_MARKS:
                target_span = _phrase_right(cs, j + 1, c) or _target_right(s, j + 1)  # was "happy to see" that Y
            if kind == "verb" and holder_span is not None and holder_span[0] > 0 and low[holder_span[0] - 1] in ("what", "whatever"):
                i = j  # "that's what I want in a candidate": what is wanted is not written where the cue is
                continue
            if kind == "verb" and holder_span is not None and (j >= n or low[j] in _BOUNDARY or pos[j] in ("MD", "VBZ", "VBD", "VBP")):
                # "the only candidate whom he refused to endorse", "the bill that most members oppose will pass":
                # the verb has no object after it; what it is about is the noun the relative clause hangs on
                rel = holder_span[0] - 1
                if rel > 0 and low[rel] in _QUANTIFIERS:
                    rel -= 1
                if rel >= 1 and low[rel] in ("whom", "that", "which") and (ante := _np_left(s, rel - 1)) is not None:
                    target_span = ante
            if not target_span or not _target_ok(s, target_span):
                i = j  # a stance toward nothing that can be named: no row
                continue
            if cue["cue"] == "embrace" and (low[target_span[0]] in ("him", "her", "them", "each") or (
                    (t_hit := actors.in_span(s.st[target_span[0]], s.en[target_span[1]])) is not None and t_hit[2] == "person")):
                i = j  # "a picture of him embracing Knight": a hug, not a position ("embraces the plan" stays)
                continue
            if cue["cue"] == "defend" and (low[target_span[0]] in _REFLEXIVES or (
                    (t_hit := actors.in_span(s.st[target_span[0]], s.en[target_span[1]])) is not None and t_hit[2] in ("place", "state"))):
                i = j  # "defend themselves", "troops massed to defend Saudi Arabia": a defence by arms, no position
                continue
            if cue["cue"] == "blame":
                on = next((m for m in range(target_span[0] + 1, target_span[1] + 1) if low[m] == "on" and pos[m] == "IN"), None)
                if on is not None and on < target_span[1]:
                    target_span = _np_right(s, on + 1) or target_span  # "blame the explosion on militants": the militants
            rival = None
            if label == "favor" and kind in ("verb", "noun"):
                # "would support Clinton over Trump", "supported Crist against Rubio": against the rival
                for k in range(target_span[0] + 1, target_span[1]):
                    if pos[k].startswith("VB"):
                        break  # "called for the US to step up its fight against Y": Y is no rival of the US
                    if low[k] in ("over", "against") and pos[k] == "IN" and pos[k + 1].startswith(("NNP", "JJ", "DT")) \
                            and low[k - 1] not in _FIGHTS:  # "in the fight against Y": no rival
                        rival = _np_right(s, k + 1)
                        if rival is not None and any(p.startswith("NNP") for p in pos[rival[0]:rival[1] + 1]):
                            target_span = (target_span[0], k - 1)
                        else:
                            rival = None
                        break
                m = target_span[1] + 1
                if rival is None and m + 2 < n and low[m] in _DASHES | {"-", ","}:
                    if low[m + 1] == "not" and pos[m + 2] in ("NNP", "NNPS", "NN", "NNS", "PRP", "DT", "JJ"):
                        rival = _np_right(s, m + 2)  # "standing up for Conservatism - not Trumpism": against the other
                    elif low[m] in _DASHES | {"-"}:
                        # "supported Crist — the then-Republican … — against Rubio": past the aside between dashes
                        e = next((x for x in range(m + 1, min(n, m + 25)) if low[x] == low[m]), None)
                        if e is not None and e + 2 < n and low[e + 1] in ("over", "against") and pos[e + 2].startswith(("NNP", "DT", "JJ")):
                            rival = _np_right(s, e + 2)
                    if rival is not None and not any(p.startswith(("NNP", "NN", "PRP")) for p in pos[rival[0]:rival[1] + 1]):
                        rival = None
            target_id = target = t_start = t_end = None
            if target_span:
                t_start, t_end = s.st[target_span[0]], s.en[target_span[1]]
                target = text[t_start:t_end]
                hit = actors.in_span(t_start, t_end)
                target_id = hit[0] if hit else None
            c_start, c_end = s.st[cue_start], s.en[j - 1]
            rows.append({"para_id": s.para_id, "sent_id": s.sent_id, "clause_id": clause_ids.get(id(c)) if c is not None else None,
                         "holder_id": _clean(holder_id), "holder": holder,
                         "holder_text": holder_text, "holder_from": holder_from, "target_id": _clean(target_id),
                         "target": target, "stance": label, "cue": text[c_start:c_end], "pattern": cue["cue"],
                         "negated": negated, "hedged": hedged, "start": c_start, "end": c_end, "text": text[c_start:c_end],
                         "target_start": t_start, "target_end": t_end, "evidence": s_text})
            if rival is not None:
                r_start, r_end = s.st[rival[0]], s.en[rival[1]]
                hit = actors.in_span(r_start, r_end)
                rows.append({**rows[-1], "target_id": _clean(hit[0]) if hit else None, "target": text[r_start:r_end],
                             "stance": "against", "target_start": r_start, "target_end": r_end})
            if holder_span is not None and kind != "experiencer":
                remember(s, holder_span, holder_id, holder)
            i = prev_end = j
        found_ev = ()
        said_gate = not _SAID_GATE.isdisjoint(s.lem)
        if said_gate and not _SPEECH_VERBS.isdisjoint(s.lem):  # both need a verb of saying in the sentence
            if not strong.isdisjoint(s.low):
                found_ev = _reported_evaluations(cs, actors, text)  # (wishes said: in said_rows)
                if "NNP" in s.pos:
                    found_ev = found_ev + _reported_epithets(cs, actors, index, strong)
        if found_ev:
            # what someone says of someone else in words that lean one way ("X represents failed policies")
            taken = [(r["target_start"], r["target_end"]) for r in rows[first_row:] if r["sent_id"] == s.sent_id]
            for c, hspan, tspan, label, *named in found_ev:
                t_start, t_end = s.st[tspan[0]], s.en[tspan[1]]
                if any(ts is not None and ts < t_end and t_start < te for ts, te in taken):
                    continue
                b1 = hspan[1] + 1
                if b1 + 2 < n and low[b1] == ",":
                    m = b1 + 1
                    while m < n and pos[m].startswith("NNP"):
                        m += 1
                    if m > b1 + 1 and m < n and low[m] == ",":
                        hspan = (b1 + 1, m - 1)  # "the party's leader, Marine Le Pen, voiced support ..., saying"
                if hspan is not None:
                    hid, holder, htext, how = resolve(s, hspan, "reported")
                else:
                    q = actors.quote_at(s.st[c.vs])
                    hid, holder, htext, how = _clean(q[0]), q[1], None, "quote"
                t_hit = actors.in_span(t_start, t_end)
                if hid is not None and t_hit is not None and _clean(t_hit[0]) == hid:
                    if hspan is None or hspan[0] != hspan[1] or s.low[hspan[0]] not in ("he", "she", "they"):
                        continue
                    # "'Smith represents failed policies,' she said": she is someone else than Smith
                    other = next(((aid, name) for p, aid, name, _k, is_doc in earlier()
                                  if p < t_start and not is_doc and aid is not None and aid != hid), None)
                    if other is None:
                        continue
                    hid, holder = other
                if tspan[0] == tspan[1] and s.low[tspan[0]] in ("he", "she", "they"):
                    tid, target = None, text[t_start:t_end]
                    for p, aid, name, _k, is_doc in earlier():
                        if p < t_start and not is_doc and aid is not None:
                            tid, target = aid, name
                            break
                    if tid is not None and tid == hid:
                        continue
                else:
                    hit = actors.in_span(t_start, t_end)
                    tid = hit[0] if hit else None
                if holder is None:
                    continue
                v0, v1 = (s.st[named[1][0]], s.en[named[1][1]]) if named else (s.st[c.vs], s.en[c.ve])
                rows.append({"para_id": s.para_id, "sent_id": s.sent_id, "clause_id": clause_ids.get(id(c)),
                             "holder_id": _clean(hid), "holder": holder, "holder_text": htext, "holder_from": how,
                             "target_id": _clean(tid), "target": text[t_start:t_end], "stance": label,
                             "cue": text[v0:v1], "pattern": named[0] if named else "reported evaluation" if tspan == c.subj and not c.negated else "reported wish", "negated": False, "hedged": False,
                             "start": v0, "end": v1, "text": text[v0:v1], "target_start": t_start, "target_end": t_end,
                             "evidence": s_text})
        if said_gate:
            said_rows(cs, s_text, text, actors, resolve, clause_ids, rows)  # wishes, poll answers
    rows = _merge_coordinated(rows)
    # a holder not written in the sentence must be someone found: not an earlier "you" or nothing
    rows = [r for r in rows if r["holder_text"] is not None or (r["holder"] is not None and r["holder"].lower() not in _UNNAMED)]
    # "refused to meet Brown's supporters": the people named by their stance keep it whatever is done to them
    for r in rows:
        if r["negated"] and r["holder_text"] == r["text"] and r["holder_from"] == "subject":
            r["stance"] = "favor" if r["stance"] == "against" else "against" if r["stance"] == "neutral" else r["stance"]
            r["negated"] = False
    # "ripe for the message espoused by Trump": a participle read with the noun before as holder
    rows = [r for r in rows if not (r["holder_from"] == "subject" and r["target"][:3].lower() == "by ")]
    # "the plan to stop Trump" with Trump as the elided subject: no one is against himself by name
    rows = [r for r in rows if r["holder_text"] is not None or r["holder_id"] is None or r["holder_id"] != r["target_id"]
            or not all(w[:1].isupper() for w in r["target"].split())]
    if not rows:
        return _empty_table().copy()
    return rows_frame(rows, COLUMNS)


def stance_matrix(doc, *, by: str = "actor") -> pd.DataFrame:
    """Holder × target counts of favor and against: ``holder, target, favor, against, neutral``.

    ``by="actor"`` labels targets by their actor when they have one, else by the target phrase
    cut to its first five words; ``by="phrase"`` always uses the phrase.
    """
    if by not in ("actor", "phrase"):
        raise ValueError(f"by must be 'actor' or 'phrase', not {by!r}")
    table = doc.stance if hasattr(doc, "stance") else stance(doc)
    if table.empty:
        return pd.DataFrame(columns=["holder", "target", *STANCES])
    labels = table["target"].fillna("(unstated)").map(lambda t: " ".join(t.split()[:5]) + ("…" if len(t.split()) > 5 else ""))
    if by == "actor":
        try:
            names = doc.mentions.drop_duplicates("actor_id").set_index("actor_id")["actor"]
            labels = [names.get(tid, lab) if tid is not None and tid == tid else lab for tid, lab in zip(table["target_id"], labels)]
        except (AttributeError, KeyError):
            pass
    t = table.assign(target_label=labels)
    out = (t.groupby(["holder", "target_label", "stance"]).size().unstack("stance", fill_value=0)
           .reindex(columns=list(STANCES), fill_value=0).reset_index().rename(columns={"target_label": "target"}))
    out.columns.name = None
    return out
