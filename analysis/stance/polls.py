"""Answers to a poll's question: "Asked whether Smith is fit to serve, 75 percent of voters said yes,
but 20 percent said she is not" — the share that says yes favours the one asked about, the share
that says no is against; "agreed" / "disagreed" likewise. A share with a view: "40 percent have a
favorable opinion of Smith", "a third view him unfavorably"."""

from __future__ import annotations

from .reported import _valence_lexicon

#: words of a share (the gate: a sentence with none of them is not read)
POLL_WORDS = frozenset({"percent", "%", "per", "majority", "majorities", "third", "half", "quarter", "fifth"})
#: and the words of a question or a view, one of which must be there too
POLL_CONTEXT = frozenset({"asked", "pick", "picked", "choose", "chose", "prefer", "preferred", "disapprove",
                          "disapproved", "opinion", "opinions", "view", "views", "impression", "image", "favorably",
                          "unfavorably", "favourably", "unfavourably", "positively", "negatively"})
_ANSWER = frozenset({"say", "answer", "respond", "reply"})
_AGREE = {"agree": "favor", "disagree": "against"}
_YES_NO = {"yes": "favor", "no": "against"}
#: what a share does when it chooses (verbs not in the cue lexicon)
_CHOICE = {"pick": "favor", "choose": "favor", "prefer": "favor", "select": "favor", "disapprove": "against"}
_VIEW = frozenset({"view", "opinion", "impression", "image"})
_VIEW_LEAN = {"favorable": "favor", "favourable": "favor", "positive": "favor", "good": "favor",
              "unfavorable": "against", "unfavourable": "against", "negative": "against", "bad": "against",
              "poor": "against"}
_ADVERB_LEAN = {"favorably": "favor", "favourably": "favor", "positively": "favor", "unfavorably": "against",
                "unfavourably": "against", "negatively": "against"}
_AUX_ANSWER = frozenset({"is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "can", "could",
                         "will", "would", "should"})
_NOT = frozenset({"not", "n't", "n’t", "never"})
_SHARE_START = frozenset({"majority", "majorities", "third", "half", "quarter", "fifth", "most"})


def _share_start(cs, m: int) -> int | None:
    """The first token of a share that ends with ``percent`` / ``%`` at m (its number), or of
    "a majority", "two thirds", "half"; None when m is no share word."""
    low, pos = cs.low, cs.pos
    if low[m] in ("percent", "%") or low[m:m + 2] == ["per", "cent"]:
        p = m - 1
        if p >= 0 and pos[p] == "CD":
            while p > 0 and pos[p - 1] == "CD":
                p -= 1
            return p
        return None
    if low[m] in _SHARE_START:
        p = m
        if p > 0 and (low[p - 1] in ("a", "the") or pos[p - 1] == "CD"):
            p -= 1
        return p
    return None


def _question_target(cs):
    """``(target span, lean)`` of "Asked whether / if S, …": the subject of S, and -1 when S says
    something bad of it ("asked whether Smith is dishonest": a yes is against Smith)."""
    low, n = cs.low, len(cs.low)
    q = next((k for k in range(min(4, n - 2)) if low[k] == "asked" and low[k + 1] in ("whether", "if")), None)
    if q is None:
        return None
    a = q + 2
    c = next((c for c in cs.clauses if c.kind == "fin" and c.subj is not None and c.subj[0] == a), None)
    if c is not None:
        subj, after = c.subj, c.ve + 1
    else:
        # 'Asked whether Lee "has the grit to serve"': a quotation mark hides the clause from the reader
        b = a
        while b + 1 < n and cs.pos[b + 1].startswith("NNP"):
            b += 1
        if not (cs.pos[a].startswith("NNP") or (cs.pos[a] == "PRP" and low[a] in ("he", "she", "they"))):
            return None
        subj, after = (a, b), b + 1
    end = next((m for m in range(after, n) if low[m] == ","), n)
    lex = _valence_lexicon()
    score = sum(lex.get(w, 0.0) for w in low[after:end])
    return subj, (-1 if score <= -1.0 else 1), end


def _poll_answers(cs):
    """``(cue start, cue end, holder span, target span, label)`` for the shares of a poll that
    answer its question or hold a view of someone."""
    low, lem, pos = cs.low, cs.lem, cs.pos
    n = len(low)
    out = []
    question = _question_target(cs)
    m = 0
    while m < n:
        start = _share_start(cs, m)
        if start is None:
            m += 1
            continue
        # the share's noun phrase: "75 percent of Democrats", "48 percent overall"
        v = m + 1
        while v < n and v - m <= 8 and not pos[v].startswith(("VB", "MD")) and low[v] not in (",", ";", ".", "said", "say"):
            v += 1
        if v >= n or not (pos[v].startswith(("VB", "MD")) or low[v] in ("said", "say")):
            m += 1
            continue
        holder = (start, v - 1)
        w = v
        while w < n and (pos[w] in ("MD", "RB") and low[w] not in _NOT):
            w += 1  # "would probably say"
        if w >= n:
            break
        verb = lem[w]
        if question is not None and w > question[2]:
            tspan, lean, _ = question
            label = None
            if verb in _AGREE:
                label = _AGREE[verb]
                end = w
            elif verb in _ANSWER and w + 1 < n and low[w + 1] in _YES_NO:
                label = _YES_NO[low[w + 1]]
                end = w + 1
            elif verb in _ANSWER and w + 2 < n:
                # "55 percent say she does not", "40 percent said he is"
                x = w + 1 + (low[w + 1] == "that")
                if x + 1 < n and pos[x] in ("PRP", "NNP") and low[x + 1] in _AUX_ANSWER:
                    y = x + 2
                    neg = y < n and low[y] in _NOT
                    y += neg
                    if y >= n or low[y] in (".", ",", ";", "while", "and", "but"):
                        label = "against" if neg else "favor"
                        tspan, end = (x, x), y - 1
            if label is not None:
                if lean < 0:
                    label = "against" if label == "favor" else "favor"
                out.append((w, end, holder, tspan, label))
                m = end + 1
                continue
        if verb in _CHOICE and w + 1 < n and low[w + 1] not in ("to", "not", "n't", "n’t"):
            # "51 percent would pick Lee", "54 percent disapprove of the deal"
            x = w + 1 + (low[w + 1] == "of")
            t1 = x
            while t1 + 1 < n and low[t1 + 1] not in (",", ".", ";", "and", "while", "but", "—", "–", "over", "to", "as"):
                t1 += 1
            if x < n and t1 >= x and cs.pos[x] in ("NNP", "NNPS", "DT", "PRP", "PRP$", "JJ", "NN", "NNS"):
                out.append((w, w, holder, (x, t1), _CHOICE[verb]))
                m = t1 + 1
                continue
        if verb in ("have", "hold", "give"):
            # "40 percent have a favorable opinion of Smith"
            x = w + 1
            while x < n and low[x] in ("a", "an", "the", "very", "somewhat", "generally", "mostly", "strongly"):
                x += 1
            if x + 2 < n and low[x] in _VIEW_LEAN and low[x + 1] in _VIEW and low[x + 2] == "of":
                t0 = x + 3
                t1 = t0
                while t1 + 1 < n and low[t1 + 1] not in (",", ".", ";", "and", "while", "but", "—", "–"):
                    t1 += 1
                if t1 >= t0:
                    out.append((x, x + 1, holder, (t0, t1), _VIEW_LEAN[low[x]]))
                    m = t1 + 1
                    continue
        if verb == "view" and w + 2 < n and pos[w + 1] in ("PRP", "NNP", "NNPS", "DT"):
            x = w + 1
            while x + 1 < n and low[x] not in _ADVERB_LEAN and x - w < 6:
                x += 1
            if low[x] in _ADVERB_LEAN and x > w + 1:
                out.append((w, x, holder, (w + 1, x - 1), _ADVERB_LEAN[low[x]]))
                m = x + 1
                continue
        m += 1
    return out
