"""Stances in what is said: naming ("called Y a liar"), evaluations of actors, wishes, "anti-X" words."""

from __future__ import annotations


from itertools import compress

from ..clauses import np_right
from .vocabulary import (
    _DEONTIC, _DEONTIC_TO, _FIRST_PERSON, _REMOVAL, _NAMING_VALENCE, _NAMING_VERBS, _NO_ONE, _NOT_EVALUATED,
    _NOT_EVALUATING, _REPORTED_VALENCE, _SPEECH_VERBS, _VALENCE_NEGATORS,
)
from .sentence import _np_left
from .clause_reading import _after_condition, _clause_at, _governing_finite, _in_question
from .holders import _holder_ok, _pronoun_head

#: heads of an "anti-X" phrase that are people: they hold the stance ("the party's anti-Trump establishment")
_GROUP_HEADS = frozenset({"establishment", "wing", "faction", "bloc", "activist", "group", "movement", "crowd", "protester",
                          "lawmaker", "voter", "campaigner", "coalition", "caucus", "forces", "force", "camp"})
#: verbs whose subject an "anti-X" word after them describes, not a stance held ("they seem anti-democratic")
#: verbs after "have to" that make it a formula of speech ("I have to tell you")
_SAID_AFTER_TO = frozenset({"tell", "say", "admit", "confess", "ask", "wonder", "agree", "disagree"})
_COPULAS = frozenset({"be", "seem", "appear", "look", "sound", "become", "remain", "feel", "prove"})
#: verbs that name someone with "as": "described the plan as a disaster", "referred to them as thugs"
_AS_NAMING = frozenset({"describe", "refer", "portray", "characterize", "characterise", "depict", "dismiss", "brand",
                        "label", "labelled", "labeled", "branded", "described", "referred", "portrayed", "dismissed"})
_VADER: list = []  # the sentiment module's VADER getter, imported on first use (import analysis stays light)
_STRONG: list = []  # [lexicon, the words of it that lean at least 1.0 either way]
_MERGED: list = []  # [VADER's lexicon, it with the political epithets]
#: words of political judgement VADER's lexicon lacks, on its scale (-4 .. 4), chosen for this package
_POLITICAL_VALENCE = {
    "unfit": -2.0, "unqualified": -1.8, "crooked": -2.2, "corrupt": -2.5, "bigot": -2.6, "bigoted": -2.6,
    "extremist": -2.0, "divisive": -1.6, "hypocrite": -2.3, "hypocritical": -2.1, "unhinged": -2.3,
    "disgraceful": -2.5, "phony": -2.0, "demagogue": -2.3, "xenophobic": -2.6, "misogynist": -2.6,
    "misogynistic": -2.6, "sexist": -2.4, "incompetence": -2.2, "dishonesty": -2.5, "corruption": -2.5,
    "authoritarian": -1.8, "un-american": -2.2, "unpatriotic": -2.0, "disqualifying": -2.2, "erratic": -1.6,
    "qualified": 1.2, "principled": 1.6, "visionary": 1.8, "steadfast": 1.5, "trustworthy": 2.0,
}


def _naming_cues(cs):
    """``(verb token, holder span, target span, label)`` for "X called Y a liar / a champion / a
    mistake": the label is the lean of the words Y is called (VADER's lexicon, summed), the holder
    the verb's subject, the target Y. Words that lean neither way give no row."""
    lex = _valence_lexicon()
    n = len(cs.low)
    out = []
    for k in range(1, n - 2):
        if cs.low[k] not in _NAMING_VERBS or not cs.pos[k].startswith("VB"):
            continue
        if cs.low[k + 1] in ("for", "on", "off", "out", "up", "it", "back", "in"):
            continue  # "called for", "called on": other cues; "called it" / "call back": no naming
        b = k - 1
        while b > 0 and cs.pos[b] in ("RB", "RBR", "RBS"):
            b -= 1
        if cs.pos[k] == "VBN" and (cs.lem[b] == "be" or cs.low[b] in ("been", "being")):
            continue  # "who has been called a Republican Obama": the one named, not the one naming
        as_naming = cs.lem[k] in _AS_NAMING or cs.low[k] in _AS_NAMING
        x0 = k + 2 if as_naming and cs.low[k + 1] == "to" else k + 1  # "referred to X as Y"
        x = np_right(cs, x0, n, attach=True)
        if x is None:
            continue
        if as_naming:
            # "described the plan as a disaster", "dismissed them as cranks"
            if x[1] + 2 >= n or cs.low[x[1] + 1] != "as":
                continue
            y0 = x[1] + 2
        else:
            y0 = x[1] + 1
            # "called the senator a nasty guy": the object stops where the second noun phrase starts
            for m in range(k + 2, x[1] + 1):
                if cs.low[m] in ("a", "an") or cs.low[m] in ('"', "“"):
                    x, y0 = (x[0], m - 1), m
                    break
            else:
                # "called a report suggesting donors were favoured 'outrageous'": a short quotation
                # that ends the sentence is what the long object is called
                q = next((m for m in range(y0, min(n, y0 + 20)) if cs.low[m] in ('"', "“")), None)
                if q is not None and q > y0 and all(w in ('"', "”", ".", "!") for w in cs.low[
                        next((m for m in range(q + 1, n) if cs.low[m] in ('"', "”")), n):]) \
                        and not any(cs.low[m] in ('"', "”", ",") for m in range(y0, q)):
                    x, y0 = (x[0], q - 1), q
        if y0 == x[1] + 1 and cs.pos[x[1]] == "JJ" and x[1] > x[0] + 1:
            m = x[1]  # "called the report outrageous": the adjectives that end the phrase are what it is called
            while m > x[0] + 1 and cs.pos[m - 1] in ("JJ", "RB", "CC", ","):
                m -= 1
            if cs.pos[m - 1].startswith(("NN", "PRP")):
                x, y0 = (x[0], m - 1), m
        if y0 >= n or x[1] < x[0]:
            continue
        y1 = y0
        while y1 < n and cs.low[y1] not in (".", ";", "!", "?") and not (cs.low[y1] in ("because", "after", "for", "when", "as")):
            y1 += 1
        words = [w for m, w in enumerate(cs.low[y0:y1], y0) if w.isalpha()
                 and not (w in ("kind", "sort") and m + 1 < n and cs.low[m + 1] == "of")]  # "kind of robotic"
        if not words or not any(cs.pos[m].startswith(("NN", "JJ")) for m in range(y0, y1)):
            continue
        score = sum(lex.get(w, 0.0) for w in words)
        if abs(score) < _NAMING_VALENCE:
            continue
        c = _clause_at(cs, k, k + 1)
        subj = c.subj if c is not None and c.subj is not None and c.vs <= k <= c.ve else None
        if subj is None and c is not None and c.kind in ("inf", "ger") and c.vs <= k:
            g = _governing_finite(cs, c)  # "He went on to call Park the worst politician": He
            subj = g.subj if g is not None and g.subj is not None and g.subj[1] < k else None
        if subj is None:
            m = k - 1  # "Smith once called Trump ...": the verb read as a participle has no clause
            while m > 0 and cs.pos[m] in ("RB", "RBR", "RBS"):
                m -= 1
            subj = _np_left(cs, m) if cs.pos[m] not in ("WP", "WDT") else (m, m)
        if subj is not None and subj[0] == subj[1] and cs.low[subj[0]] in ("who", "which", "that") and subj[0] >= 2 \
                and cs.low[subj[0] - 1] == ",":
            subj = _np_left(cs, subj[0] - 2)  # "Cruz, who once called Trump a liar, ...": Cruz
        if subj is None or not _holder_ok(cs, subj):
            continue
        out.append((k, _pronoun_head(cs, subj), x, "favor" if score > 0 else "against"))
    return out


#: who reports findings, not a judgement of their own ("Polls suggest Lee has the best chance")
_FINDERS = frozenset({"poll", "survey", "source", "study", "data", "analysis", "report", "figure", "number"})


def _valence_lexicon() -> dict:
    """VADER's word valences (with the user's overrides), and the political epithets it lacks
    (``_POLITICAL_VALENCE``; the user's overrides win)."""
    if not _VADER:
        from ..sentiment import _vader

        _VADER.append(_vader)
    lex = _VADER[0]().lexicon
    if not _MERGED or _MERGED[0] is not lex:
        _MERGED[:] = [lex, {**_POLITICAL_VALENCE, **lex}]
    return _MERGED[1]


def _strong_words() -> frozenset:
    """The words that lean clearly (|valence| >= 1.0): a sentence without one is not read for
    evaluations."""
    lex = _valence_lexicon()
    if not _STRONG or _STRONG[0] is not lex:
        _STRONG[:] = [lex, frozenset(w for w, v in lex.items() if abs(v) >= 1.0)]
    return _STRONG[1]


def _reported_evaluations(cs, actors, text):
    """``(clause, holder span or None, target span, label)`` for what someone says of someone else in
    words that lean clearly one way, with no stance word: "Clinton represents a continuation of the
    same failed policies, she said" (she is against Clinton), "Westmacott said that Obama shows great
    charm" (for Obama). The target is the reported clause's subject, which must name an actor (or be
    *he* / *she* / *they*); the lean is the sum of VADER's word valences in the clause (a word
    within three after a negation turned round, as VADER does).
    The holder is the subject of the reporting verb, else the quotation's speaker (span None)."""
    out = []
    lex = None
    conditional = "if" in cs.low or "unless" in cs.low
    for c in cs.clauses:
        if c.relation != "reported" or c.kind != "fin" or c.subj is None or c.voice == "passive":
            continue
        a, b = c.subj
        if cs.lem[c.main] in _NOT_EVALUATING or not _DEONTIC.isdisjoint(cs.low[c.vs:c.ve + 1]):
            continue  # "X said Y should do Z": a wish (see _reported_wishes), not a judgement of Y
        # the subject is a name: its head (before a preposition or "and") is a proper noun
        cut = next((k for k in range(a, b + 1) if cs.pos[k] in ("IN", "CC") or cs.low[k] == ","), b + 1)
        named = cs.low[a] not in _NOT_EVALUATED and "NNP" in cs.pos[a:b + 1] and cut > a and cs.pos[cut - 1].startswith("NNP")
        if not named and not _judged_thing(cs, c):
            continue
        g = c.gov
        if g is None or g.subj is None or cs.lem[g.main] not in _SPEECH_VERBS:
            # "'Smith represents failed policies,' she said": the speech clause after the quotation
            g = next((r for r in cs.clauses if r.kind == "fin" and r.subj is not None and r.relation == "main"
                      and cs.lem[r.main] in _SPEECH_VERBS and r is not c and (r.vs > c.ve or r.ve < c.vs)
                      and cs.in_quote[c.vs] and not cs.in_quote[r.vs]), None)
        if g is not None and g.subj is not None and cs.low[g.subj[0]] in ("i", "we") and g.relation in ("main", "reported") \
                and cs.lem[g.main] in ("think", "believe", "feel") and cs.in_quote[g.vs]:
            g = _speech_clause(cs, g)  # "'I think the plan doesn't look bad,' he told the paper": he
        if g is None or g.voice == "passive" or cs.low[g.subj[0]] in _FIRST_PERSON or (g.subj[0] <= b and a <= g.subj[1]) \
                or cs.low[g.subj[1]] in _NO_ONE or _in_question(cs, g) or "you" in cs.low[g.subj[0]:g.subj[1] + 1] \
                or _said_negated(cs, g):
            continue  # ("he had not said that Y ...": nothing is reported as held)
        if cs.lem[g.main] in ("announce", "report") or cs.lem[g.subj[1]] in _FINDERS:
            continue  # "Lee announced the clinic would open", "Polls suggest Lee has the best chance": news, not a judgement
        if any(o is not c and o.relation == "reported" and o.kind == "fin" and (o.gov is g or o.gov is None) and o.vs < c.vs
               and o.vs > (g.ve if g.ve < c.vs else -1) for o in cs.clauses):
            continue  # only the first clause said: "X said Y did a remarkable job of making Z loved"
        holder = g.subj
        n = len(cs.low)
        stop = g.vs if g is not None and g.vs > c.ve else n
        if g is not None and g.subj[0] > c.ve:
            stop = min(stop, g.subj[0])
        end = stop - 1
        for m in range(c.vs, stop):
            if cs.low[m] in ('"', "“", "”", ";", "--", "—", "–", "?") or (cs.low[m] == "," and cs.low[m + 1:m + 2] == ["but"]):
                end = m - 1
                break
        while end > c.ve and cs.low[end] in (",", ".", "!"):
            end -= 1
        if end < c.vs:
            continue
        if lex is None:
            lex = _valence_lexicon()
        score = 0.0
        low = cs.low
        for m in range(a if named else c.ve + 1, end + 1):
            v = lex.get(low[m])
            if v:
                if not _VALENCE_NEGATORS.isdisjoint(low[max(a, m - 3):m]):
                    v *= -0.74  # as VADER does: "doesn't look bad" leans the other way, a little less
                score += v
        if not named and low[a] in ("it", "this", "that") and not any(
                cs.pos[m].startswith("JJ") and abs(lex.get(low[m], 0.0)) >= 1.0 for m in range(c.ve + 1, end + 1)):
            continue  # "'This is a long fight,' she said": a noun that leans, no judgement of "this"
        if abs(score) < _REPORTED_VALENCE or _in_question(cs, c) or (named and actors.in_span(cs.st[a], cs.en[b]) is None) \
                or (conditional and _after_condition(cs, a)):
            continue  # no clear lean; "if Trump becomes president": a condition; a subject naming no actor
        out.append((c, holder, c.subj, "favor" if score > 0 else "against"))
    return out


#: subjects of a judgement said, besides names: a pronoun or a definite phrase ("'It's a rigged
#: system,' he said", "Jones said the report is misleading", "'Taking them in is insanity,' she added")
_JUDGED_PRONOUNS = frozenset({"it", "this", "that", "he", "she", "they"})
_JUDGED_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their"})


def _judged_thing(cs, c) -> bool:
    """Is c a copular clause ("X is / was / has been <words>") whose subject is a pronoun (not the
    *it* of "it is good to …", "it is time that …") or a definite phrase or gerund?"""
    a, b = c.subj
    low, pos = cs.low, cs.pos
    if cs.lem[c.main] not in _COPULAS or c.ve + 1 >= len(low):
        return False
    if a == b and low[a] in _JUDGED_PRONOUNS:
        if low[a] in ("it", "this", "that"):
            rest = low[c.ve + 1:]
            if "to" in rest[:6] or "that" in rest[:6] or low[c.ve + 1] in ("time", "not", "n't", "n’t", "what"):
                return False  # "it is great to be here", "it's time that ...": the subject is what follows
        return True
    if pos[a] == "VBG":
        return True  # "Taking them in is insanity"
    if low[a] in _JUDGED_DETERMINERS or (a < b and pos[a].startswith("NNP") and low[a + 1] in ("'s", "’s")):
        head = next((k for k in range(a, b + 1) if pos[k] in ("IN", ",")), b + 1) - 1
        return cs.lem[head] in _JUDGED_HEADS or low[head] in _JUDGED_HEADS
    return False


#: heads of what people make and do, which a judgement said is of ("the report is misleading",
#: "Smith's handling of the crisis was a disgrace"); not the weather, a day, a point
_JUDGED_HEADS = frozenset({
    "report", "plan", "policy", "policies", "deal", "bill", "law", "decision", "statement", "remark", "remarks",
    "comment", "comments", "tweet", "ad", "ads", "campaign", "system", "idea", "proposal", "claim", "story",
    "article", "investigation", "ruling", "move", "approach", "strategy", "program", "programme", "budget",
    "agreement", "speech", "administration", "government", "leadership", "record", "response", "handling",
    "acceptance", "behavior", "behaviour", "conduct", "rhetoric", "language", "process", "reform", "tax",
    "nomination", "candidacy", "platform", "agenda", "vote", "verdict", "order", "ban", "rule", "decree",
    "accusation", "allegation", "attack", "attacks", "policy", "action", "actions", "leader", "party", "regime",
    "book", "film", "video", "interview", "performance", "debate", "offer", "treaty", "measure", "legislation"})


def _said_negated(cs, g) -> bool:
    """Is the verb of saying g negated ("had not said", "never said")? Then nothing is reported."""
    if isinstance(g, _Label):
        return False
    return g.negated or any(w in ("not", "n't", "n’t", "never") for w in cs.low[max(0, g.vs - 2):g.ve + 1])


def _speech_clause(cs, c):
    """The clause that reports c (its governor when that is a speech verb, else the speech clause
    outside the quotation c stands in), or None."""
    g = c.gov
    if g is None or g.subj is None or cs.lem[g.main] not in _SPEECH_VERBS:
        g = next((r for r in cs.clauses if r.kind == "fin" and r.subj is not None and r.relation == "main"
                  and cs.lem[r.main] in _SPEECH_VERBS and r is not c and (r.vs > c.ve or r.ve < c.vs)
                  and cs.in_quote[c.vs] and not cs.in_quote[r.vs]), None)
    return g


def _after_noun(cs, a: int) -> bool:
    """Does a noun stand right before token a (past a quotation mark)? "the money they need to win",
    "the 'firepower' they need": a relative clause without *that*, no wish of anyone's."""
    p = a - 1
    if p >= 0 and cs.low[p] in _QUOTES:
        p -= 1
    return p >= 0 and cs.pos[p] in ("NN", "NNS")


_QUOTES = frozenset({'"', "“", "”", "``", "''"})


class _Label:
    """A transcript's speaker label read as the clause that says what follows it."""

    __slots__ = ("subj", "vs", "ve", "voice", "own_subject", "kind", "gov", "relation")

    def __init__(self, span, n):
        self.subj, self.vs, self.ve, self.voice, self.own_subject = span, n, n, "active", False
        self.kind, self.gov, self.relation = "fin", None, "main"


def _speaker_label(cs, text):
    """The speaker label that opens a transcript's turn: "SMITH: …", "MAYOR JONES: …" (at most
    three words in capitals before a colon), or None."""
    low, n = cs.low, len(cs.low)
    colon = next((m for m in range(1, min(4, n - 1)) if low[m] == ":"), None)
    if colon is None or not all(low[m].isalpha() and text[cs.st[m]:cs.en[m]].isupper() and len(low[m]) > 1
                                for m in range(colon)):
        return None
    return (0, colon - 1)


def _reported_wishes(cs, text=None):
    """``(clause, holder span, target span, "favor")`` for what someone says must or should be
    done: "Clinton said the city should build more schools", "'There has to be some form of
    punishment,' Smith said" — the speaker favours the clause (from its subject to its end). Not
    when the modal is negated ("shouldn't be cut": the wish is the opposite, and its target is
    rarely written) nor in a question or condition."""
    out = []
    low = cs.low
    n = len(low)
    conditional = "if" in low or "unless" in low
    label = _speaker_label(cs, text) if text is not None else None
    for c in cs.clauses:
        if c.kind != "fin" or c.relation not in ("reported", "complement") and label is None:
            continue
        kept = c.negated and c.voice == "passive" and c.subj is not None and c.subj[1] < c.vs \
            and cs.lem[c.main] in _REMOVAL
        if c.negated and not kept:
            continue
        group = low[c.vs:c.ve + 1]
        if _DEONTIC.isdisjoint(group) and not any(w in _DEONTIC_TO and k + 1 < len(group) and group[k + 1] == "to"
                                                  for k, w in enumerate(group)) \
                and not (c.ve + 1 < n and low[c.ve] in _DEONTIC_TO and low[c.ve + 1] == "to"):
            continue
        if any(w in _DEONTIC and k + 1 < len(group) and group[k + 1] == "have" for k, w in enumerate(group)) \
                or (_DEONTIC.isdisjoint(group) and "had" in low[c.vs:c.ve + 2] and "to" in low[c.vs:c.ve + 3]):
            continue  # "she should have run": a reproach; "we had to admit it": what was needed then, no wish
        g = _speech_clause(cs, c)
        if g is not None and g.subj[0] == g.subj[1] and cs.pos[g.subj[0]] in ("JJ", "RB"):
            continue  # "The union has long argued ...", "long" read as an adjective: no holder
        if kept and g is not None and g.voice != "passive" and low[g.subj[0]] not in _FIRST_PERSON \
                and low[g.subj[1]] not in _NO_ONE and not _in_question(cs, c) and g.subj[1] < c.subj[0]:
            # "those surveyed said the group's funding shouldn't be eliminated": they favour the funding
            out.append((c, g.subj, c.subj, "favor"))
            continue
        if kept:
            continue
        turned = False
        if g is not None and low[_pronoun_head(cs, g.subj)[0]] in _FIRST_PERSON:
            # "'I don't think the vote should be delayed,' Lee said": against what is said should be
            turned = g.negated and cs.lem[g.main] in ("think", "believe")
            g = _speech_clause(cs, g)  # "'... I think we have to leave it that way,' Trump said": Trump
        if g is None and label is not None and c.vs > label[1] + 1:
            g = _Label(label, n)  # "SMITH: I think the city needs to act" (a transcript): Smith
        if g is None or g.voice == "passive" or low[g.subj[0]] in _FIRST_PERSON or _in_question(cs, c) \
                or low[g.subj[1]] in _NO_ONE or _said_negated(cs, g):
            continue  # "Everyone says that we need to ...": no one in particular holds it
        a = c.subj[0] if c.subj is not None and c.subj[0] < c.vs else c.vs
        if g.subj[0] <= (c.subj[1] if c.subj is not None else a) and a <= g.subj[1]:
            continue
        stop = g.vs if g.vs > c.ve else n
        if g.subj[0] > c.ve:
            stop = min(stop, g.subj[0])
        end = stop - 1
        for m in range(c.vs, stop):
            if low[m] in ('"', "“", "”", ";", "--", "—", "–", "?", ".", "!") or (low[m] == "," and low[m + 1:m + 2] in (["but"], ["and"])):
                end = m - 1
                break
        while end > c.ve and low[end] in (",", ".", "!"):
            end -= 1
        if conditional and _after_condition(cs, a):
            continue  # "If they are serious, they must make Y central": a condition's consequent
        after_to = next((low[m + 1] for m in range(c.vs, min(c.ve + 2, n - 1)) if low[m] == "to"), None)
        if after_to in _SAID_AFTER_TO or _after_noun(cs, a) or (
                c.subj is not None and c.subj[1] > c.subj[0] and cs.pos[c.subj[1]] == "PRP"
                and cs.pos[c.subj[1] - 1] in ("NN", "NNS")) or _in_question(cs, g):
            continue  # "I have to tell you"; "the money they need to win" (a relative)
        if end <= c.ve and not (c.voice == "passive" and c.subj is not None and c.subj[1] < c.vs):
            continue  # "we have to": nothing said of what ("providers should be punished" says it of its subject)
        out.append((c, g.subj, (a, end), "against" if turned else "favor"))
    return out


def _anti_cues(cs):
    """``(token, holder span)`` for an "anti-X" word whose noun phrase has an owner: a possessor
    ("the donor's anti-Trump campaign", "his anti-war stance") or the subject of the verb it is
    the object of ("ran anti-immigration ads", "was behind an anti-Trump effort"). The target is
    X, the word's part after "anti-"."""
    out = []
    n = len(cs.low)
    for k in range(n):
        w = cs.low[k]
        if not (w.startswith("anti-") and len(w) > 6 and w[5].isalpha()):
            continue
        d = k - 1
        while d >= 0 and cs.pos[d] in ("JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "RB", "CD") \
                and not cs.low[d].startswith("anti-"):
            d -= 1
        if d < 0:
            continue
        holder = None
        if cs.low[d] in ("'s", "’s", "'", "’") and d > 0:
            left = _np_left(cs, d - 1)
            holder = (left[0], d - 1) if left is not None else None
        elif cs.pos[d] == "PRP$":
            holder = (d, d)
        elif (cs.pos[d] == "DT" and d > 0 and (cs.low[d - 1] == "behind" or (cs.pos[d - 1].startswith("VB") and cs.lem[d - 1] not in _COPULAS))) \
                or (cs.pos[d].startswith("VB") and cs.lem[d] not in _COPULAS):
            v = d if cs.pos[d].startswith("VB") else (d - 1 if cs.low[d - 1] != "behind" else d - 2)
            for c in cs.clauses:
                if c.vs <= v <= c.ve and c.subj is not None and c.subj[1] < v:
                    holder = c.subj
                    break
        head = k + 1
        while head + 1 < n and cs.pos[head + 1] in ("NN", "NNS"):
            head += 1
        if holder is not None and head < n and cs.lem[head] in _GROUP_HEADS and holder[1] < k:
            holder = (holder[0], head)  # "the party's anti-Trump establishment": the establishment, the party's
        if holder is not None and _holder_ok(cs, holder):
            out.append((k, _pronoun_head(cs, holder)))
    return out


#: words that lean in VADER but say nothing of whom they describe ("Smith's best chance", "her top aide")
_NOT_EPITHETS = frozenset({"chance", "top", "free", "united", "like", "well", "pretty", "please", "sure", "ok", "okay",
                           "yes", "no", "party", "popular", "interest", "interests", "security", "care", "help", "hope",
                           "win", "won", "victory", "lead", "leading", "favorite", "favourite", "justice", "rights",
                           "right", "honor", "honour", "merit", "gift", "agreement", "peace", "protection", "safe",
                           "safety", "reform", "reforms", "campaign", "defense", "defence", "liberty", "freedom"})


def _reported_epithets(cs, actors, index, strong):
    """``(clause, holder span or None, target span, label, pattern, cue span)`` for a noun phrase
    that names an actor with words that lean clearly one way, in what someone says: "'Smith's
    reckless plan will ruin us,' Jones said" (Jones against Smith's reckless plan), "'we will save
    the city from the Smith-Brown disaster,' she said". The words are the phrase's adjectives and
    nouns other than names and cue words (VADER's valences summed, at least 1.0 either way); the
    holder is the speaker, as for evaluations."""
    low, pos, lem, n = cs.low, cs.pos, cs.lem, len(cs.low)
    lean = [m for m in compress(range(n), map(strong.__contains__, low)) if pos[m] == "JJ"]
    if not _EPITHET_NOUNS.isdisjoint(lem):
        lean = sorted(set(lean) | {m for m, w in enumerate(lem) if w in _EPITHET_NOUNS})
    if not lean:
        return []
    speech = next((r for r in cs.clauses if r.kind == "fin" and r.subj is not None and r.relation == "main"
                   and r.voice != "passive" and lem[r.main] in _SPEECH_VERBS), None)
    if speech is None or low[speech.subj[0]] in _FIRST_PERSON or low[speech.subj[1]] in _NO_ONE \
            or not _holder_ok(cs, speech.subj):
        return []
    lex = _valence_lexicon()
    s0, s1 = speech.subj[0], speech.ve
    out = []
    done = -1
    for k in lean:
        if k <= done or s0 <= k <= s1:
            continue
        a = k  # the noun phrase around the leaning word: determiners, adjectives, nouns and names
        while a > 0 and (pos[a - 1] in ("DT", "JJ", "NN", "NNP", "NNPS", "HYPH", "POS") or low[a - 1] in ("-", "'s", "’s")) \
                and not (s0 <= a - 1 <= s1):
            a -= 1
        b = k
        while b + 1 < n and (pos[b + 1] in ("NNP", "NNPS", "JJ", "NN", "NNS", "HYPH") or low[b + 1] == "-") \
                and not (s0 <= b + 1 <= s1):
            b += 1
        done = b
        if not pos[b].startswith("NN") or not any(pos[m] in ("NNP", "NNPS") for m in range(a, b + 1)):
            continue
        if not (cs.in_quote[k] or (k > s1 and _reported_at(cs, k, speech))):
            continue  # not in what is said ("said Rice, a former prisoner")
        hit = actors.in_span(cs.st[a], cs.en[b])
        if hit is None or hit[2] == "place":
            continue
        score, word = 0.0, None
        for m in range(a, b + 1):
            w = low[m]
            if not (pos[m] == "JJ" or (m == b and lem[m] in _EPITHET_NOUNS)) or w in _NOT_EPITHETS or w in index \
                    or lem[m] in index:
                continue
            v = lex.get(w, -2.0 if m == b else 0.0)
            if abs(v) < _NAMING_VALENCE:
                continue
            if m > 0 and low[m - 1] in _VALENCE_NEGATORS:
                v = -v
            score += v
            word = m if word is None or abs(v) > abs(lex.get(low[word], 0)) else word
        if abs(score) < _NAMING_VALENCE or word is None:
            continue
        if any(low[m] in _VALENCE_NEGATORS for m in range(max(0, a - 3), a)):
            continue  # "not the Smith disaster": turned round, too uncertain to read
        c = _clause_at(cs, a, b + 1) or speech
        if _in_question(cs, c):
            continue
        out.append((c, speech.subj, (a, b), "favor" if score > 0 else "against", "reported epithet", (word, word)))
    return out


#: head nouns that judge what they name ("the Smith-Brown disaster", "the mayor's failure")
_EPITHET_NOUNS = frozenset({"disaster", "fiasco", "catastrophe", "mess", "failure", "debacle", "scandal", "nonsense",
                            "lie", "hypocrisy", "incompetence", "corruption", "cronyism", "disgrace", "travesty",
                            "sham", "con", "fraud", "hoax", "folly", "blunder", "triumph", "achievement", "success"})


def _reported_at(cs, k: int, speech) -> bool:
    """Token k stands in a clause said by ``speech`` (its complement), not in the speaker's aside."""
    return any(c.relation == "reported" and c.vs > speech.ve and (
        c.start <= k <= c.end or (c.subj is not None and c.subj[0] <= k <= c.subj[1])) for c in cs.clauses)


_OPEN_QUOTES = frozenset({'"', "“", "``", "''"})
_BE_FORMS = frozenset({"'s", "’s", "is", "was", "'re", "’re", "are", "were"})


def _quoted_judgements(cs):
    """``(cue start, cue end, holder span, target span, label)`` for a quotation that opens with a
    judgement of a pronoun — "'It's a rigged, disgusting system,' he said", "'He is a disaster,'
    Smith said" — when the tagger has not read its verb (*'s* taken for a possessive): the
    speaker outside the quotation is against or for the pronoun, by the lean of the words after
    the verb (VADER's valences summed, at least 1.5 either way) up to the end of the quotation."""
    low, n = cs.low, len(cs.low)
    out = []
    for q in [q for q, w in enumerate(low) if w in _OPEN_QUOTES and q < n - 3]:
        if not (q == 0 or not cs.in_quote[q - 1]):
            continue
        p, v = q + 1, q + 2
        if low[p] not in _JUDGED_PRONOUNS or low[v] not in _BE_FORMS or cs.group_of[v] >= 0:
            continue  # read by the clause reader (see _reported_evaluations)
        end = next((m for m in range(v + 1, n) if low[m] in _QUOTES or low[m] in (";", "because", "but", "?")
                    or (low[m] in (",", "and") and m + 1 < n and cs.pos[m + 1] in ("PRP", "PRP$", "NNP"))), n)
        rest = low[v + 1:end]
        if not rest or rest[0] in ("time", "not", "n't", "n’t", "what") or (
                low[p] in ("it", "this", "that") and ("to" in rest[:6] or "that" in rest[:6])):
            continue
        g = next((r for r in cs.clauses if r.kind == "fin" and r.subj is not None and r.relation == "main"
                  and cs.lem[r.main] in _SPEECH_VERBS and r.vs > end and not cs.in_quote[r.vs]), None)
        if g is None or g.voice == "passive" or cs.low[g.subj[0]] in _FIRST_PERSON or cs.low[g.subj[1]] in _NO_ONE:
            continue
        lex = _valence_lexicon()
        score = 0.0
        for m in range(v + 1, end):
            x = lex.get(low[m])
            if x:
                if not _VALENCE_NEGATORS.isdisjoint(low[max(v, m - 3):m]):
                    x *= -0.74
                score += x
        if low[p] in ("it", "this", "that") and not any(
                cs.pos[m].startswith("JJ") and abs(lex.get(low[m], 0.0)) >= 1.0 for m in range(v + 1, end)):
            continue  # "This is a worldwide fight": a noun that leans, no judgement of "this"
        if abs(score) >= _REPORTED_VALENCE:
            out.append((v, v, g.subj, (p, p), "favor" if score > 0 else "against"))
    return out
