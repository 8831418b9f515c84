"""Score who does what to whom in the ``events`` layer against others' annotation.

**GUM** (gold Universal Dependencies trees; ``--gum``, the default). Each ``.conllu`` file is
turned back into running text as in ``clauses_eval.py`` and goes through ``annotate`` (our own
sentences, tokens, tags, time expressions and clauses). For every event anchored by a time
expression, the expression's gold head (its token whose head lies outside it) is looked up in the
tree; when that head attaches to a gold ``VERB`` (``obl``, ``obl:tmod``, ``advmod`` …), that verb
is the gold event:

* **verb**: the event's ``trigger`` is the gold verb's lemma (lower-cased);
* **clause**: the event's clause (``clause_id``) has the gold verb inside its verb group;
* **subject** / **object** / **agent**: the gold ``nsubj``/``nsubj:pass``/``csubj`` head (for a
  relative pronoun, its antecedent's head too) / ``obj`` head / ``obl:agent`` head lies inside the
  event clause's subject / object / agent span — over the events whose gold verb has one, and
  (``|clause``) over those whose clause is the gold verb's.

**TimeBank** (``--timebank``: TimeML EVENT and TLINK annotation). For every event whose
expression overlaps a gold TIMEX3 that a TLINK ties to a gold EVENT of the same sentence, is the
trigger one of those events (the lemma of a token inside one of the linked EVENT spans)?

The same script runs on a version of the package without the clause columns (only ``verb`` is
then scored). Data folders: ``common.shared_corpus`` (``$ANALYSIS_SHARED``,
``<repo>/../shared/data`` or ``/work/shared/data``); read, never copied; nothing is scored when
they are absent.

``--roles`` scores actor sentiment's ``role`` column on GUM: a mention is a gold subject / object
/ agent when its head token (climbed through ``conj``, ``flat``, ``compound``, ``appos``) is
``nsubj``/``nsubj:pass``/``csubj`` / ``obj``/``iobj`` / ``obl:agent`` of a word inside the clause
the mention was scored with; precision and recall per role.

Run: ``python benchmarks/events_eval.py [--gum] [--timebank] [--roles] [--misses N]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import analysis  # noqa: E402
from common import shared_corpus  # noqa: E402

SUBJECTS = ("nsubj", "nsubj:pass", "csubj", "csubj:pass")


def _inside(tok, span) -> bool:
    return span is not None and span[0] <= tok["start"] and tok["end"] <= span[1]


def _span(row, role):
    a, b = row[role + "_start"], row[role + "_end"]
    if a is None or a != a or str(a) == "<NA>":
        return None
    return int(a), int(b)


def score_gum(folder: Path, misses: int = 0) -> dict:
    from clauses_eval import read_conllu

    counts = defaultdict(int)
    shown = []
    for path in sorted(folder.glob("*.conllu")):
        genre = path.stem.split("_")[1]
        text, sents = read_conllu(path)
        title = "GUM document\n\n"
        doc = analysis.annotate(analysis.from_text(title + text))
        off = doc.text.find(text) if doc.text != title + text else len(title)
        ev = doc.events
        if not len(ev):
            continue
        has_clauses = "clause_id" in ev.columns
        rows = doc.clauses.set_index("clause_id").to_dict("index") if has_clauses else {}
        tx = doc.timexes.set_index("timex_id")
        toks = [dict(t, start=t["start"] + off, end=t["end"] + off, sent=s) for s, sent in enumerate(sents) for t in sent]
        for e in ev.itertuples():
            if not e.timex_id:
                continue
            t = tx.loc[e.timex_id]
            inside = [g for g in toks if t.start <= g["start"] and g["end"] <= t.end]
            if not inside:
                continue
            sent = sents[inside[0]["sent"]]
            ids = {g["id"] for g in inside if g["sent"] == inside[0]["sent"]}
            heads = [g for g in inside if g["sent"] == inside[0]["sent"] and g["head"] not in ids]
            if len(heads) != 1 or heads[0]["head"] == 0:
                continue
            by_id = {g["id"]: g for g in sent}
            verb = by_id[heads[0]["head"]]
            if verb["upos"] != "VERB":
                continue
            verb = dict(verb, start=verb["start"] + off, end=verb["end"] + off)
            kids = [dict(g, start=g["start"] + off, end=g["end"] + off) for g in sent if g["head"] == verb["id"]]
            for key in ("all", genre):
                counts[key, "events"] += 1
                counts[key, "verb"] += e.trigger == verb["lemma"].lower()
            if e.trigger != verb["lemma"].lower() and len(shown) < misses:
                shown.append(f"verb: gold {verb['lemma']!r} · ours {e.trigger!r} ({t.text!r})"
                             f" · {' '.join(x['form'] for x in sent)}")
            if not has_clauses:
                continue
            row = rows.get(int(e.clause_id)) if str(e.clause_id) != "<NA>" else None
            ok_clause = row is not None and row["verb_start"] <= verb["start"] and verb["end"] <= row["verb_end"]
            subj = next((g for g in kids if g["deprel"] in SUBJECTS), None)
            alt = None
            if subj is not None and (subj["lemma"].lower() in ("which", "who", "that", "whom")
                                     or "PronType=Rel" in subj["feats"]) and verb["deprel"].startswith("acl"):
                h = by_id.get(verb["head"])
                alt = dict(h, start=h["start"] + off, end=h["end"] + off) if h else None
            gold = {"subject": subj, "object": next((g for g in kids if g["deprel"] == "obj"), None),
                    "agent": next((g for g in kids if g["deprel"] == "obl:agent"), None)}
            for key in ("all", genre):
                counts[key, "clause"] += ok_clause
            for role, g in gold.items():
                if g is None:
                    continue
                span = _span(row, role) if row is not None else None
                ok = _inside(g, span) or (role == "subject" and alt is not None and _inside(alt, span))
                for key in ("all", genre):
                    counts[key, role + "_gold"] += 1
                    counts[key, role] += ok
                    if ok_clause:
                        counts[key, role + "|clause_gold"] += 1
                        counts[key, role + "|clause"] += ok
                if not ok and len(shown) < misses:
                    shown.append(f"{role}: gold {g['form']!r} · ours {e.subject if role == 'subject' else getattr(e, role)!r}"
                                 f" · {' '.join(x['form'] for x in sent)}")
    for line in shown:
        print("  miss", line)
    return counts


_UP = ("conj", "flat", "compound", "appos", "fixed", "flat:name", "compound:prt")
_ROLE_OF = {"nsubj": "subject", "nsubj:pass": "subject", "csubj": "subject", "csubj:pass": "subject",
            "obj": "object", "iobj": "object", "obl:agent": "agent"}


def score_roles(folder: Path, misses: int = 0) -> dict:
    """Actor sentiment's ``role`` of each mention against the gold tree: the mention's head token,
    climbed through ``conj``, ``flat``, ``compound`` and ``appos``, is ``nsubj``/``nsubj:pass``/
    ``csubj`` (subject), ``obj``/``iobj`` (object) or ``obl:agent`` (agent) of a head inside the
    mention's clause; anything else is ``other``."""
    from clauses_eval import read_conllu

    from analysis import sentiment as S

    counts = defaultdict(int)
    for path in sorted(folder.glob("*.conllu")):
        text, sents = read_conllu(path)
        title = "GUM document\n\n"
        doc = analysis.annotate(analysis.from_text(title + text))
        off = doc.text.find(text) if doc.text != title + text else len(title)
        table = S.actor_sentiment(doc)
        if not len(table) or "role" not in table.columns:
            continue
        mentions = doc.mentions.set_index("mention_id")
        toks = [dict(t, start=t["start"] + off, end=t["end"] + off, sent=s) for s, sent in enumerate(sents) for t in sent]
        starts = [t["start"] for t in toks]
        from bisect import bisect_left

        for r in table.itertuples():
            m = mentions.loc[r.mention_id]
            i = bisect_left(starts, int(m.start))
            inside = []
            while i < len(toks) and toks[i]["end"] <= int(m.end):
                inside.append(toks[i])
                i += 1
            if not inside:
                continue
            sent = sents[inside[0]["sent"]]
            ids = {t["id"] for t in inside}
            head = next((t for t in inside if t["head"] not in ids), inside[0])
            by_id = {t["id"]: t for t in sent}
            while head["deprel"] in _UP and head["head"] in by_id:
                head = by_id[head["head"]]
            gold = _ROLE_OF.get(head["deprel"], "other")
            if gold != "other" and head["head"] in by_id:
                gov = by_id[head["head"]]
                if not (r.start <= gov["start"] + off and gov["end"] + off <= r.end):
                    gold = "other"  # a role, but of a verb outside the clause read
            counts["mentions"] += 1
            counts["ours", r.role] += 1
            counts["gold", gold] += 1
            counts["both", r.role] += r.role == gold
            counts["fallback"] += str(r.clause_id) == "<NA>"
    return counts


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml_events(path):
    """``(text, dct, timexes, events, links)`` of a TimeML file: TIMEX3 and EVENT spans (offsets in
    the plain text of ``<TEXT>``) and the TLINKs between an event instance and a time."""
    import html

    raw = Path(path).read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out, spans, pos, n, open_ = [], {"TIMEX3": {}, "EVENT": {}}, 0, 0, {}
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs = m[1] == "/", m[2], dict(_ATTR.findall(m[3]))
        if name not in spans:
            continue
        if not closing:
            open_[name] = (n, attrs.get("tid") or attrs.get("eid"))
        elif name in open_:
            start, ident = open_.pop(name)
            spans[name][ident] = (start, n)
    out.append(html.unescape(body[pos:]))
    instance = {a["eiid"]: a["eventID"] for a in (dict(_ATTR.findall(m[0])) for m in
                re.finditer(r"<MAKEINSTANCE[^>]*>", raw)) if "eiid" in a}
    links = defaultdict(set)
    for m in re.finditer(r"<TLINK[^>]*>", raw):
        a = dict(_ATTR.findall(m[0]))
        if "eventInstanceID" in a and "relatedToTime" in a:
            links[a["relatedToTime"]].add(instance.get(a["eventInstanceID"], a["eventInstanceID"]))
    return "".join(out), dct_m[1] if dct_m else None, spans["TIMEX3"], spans["EVENT"], links


def score_timebank(folder: Path, misses: int = 0) -> dict:
    counts = defaultdict(int)
    title = "TimeML document\n\n"
    for path in sorted(folder.rglob("*.tml")):
        text, dct, timexes, events, links = read_tml_events(path)
        doc = analysis.annotate(analysis.from_text(title + text, published=dct))
        k = len(title)
        sents = list(zip(doc.sentences.start - k, doc.sentences.end - k))
        lemma_at = list(zip(doc.tokens.start - k, doc.tokens.end - k, doc.tokens.lemma))
        tx = doc.timexes.set_index("timex_id")
        for e in doc.events.itertuples():
            if not e.timex_id:
                continue
            t = tx.loc[e.timex_id]
            a, b = t.start - k, t.end - k
            sent = next(((s, f) for s, f in sents if s <= a < f), None)
            gold_t = [tid for tid, (ga, gb) in timexes.items() if ga < b and a < gb]
            linked = [events[eid] for tid in gold_t for eid in links.get(tid, ()) if eid in events]
            linked = [(ga, gb) for ga, gb in linked if sent and sent[0] <= ga < sent[1]]
            if not linked:
                continue
            lemmas = {lem for s, f, lem in lemma_at for ga, gb in linked if ga <= s and f <= gb}
            counts["events"] += 1
            counts["trigger"] += e.trigger in lemmas
            if e.trigger not in lemmas and misses > 0:
                misses -= 1
                print(f"  miss trigger: gold {sorted(lemmas)} · ours {e.trigger!r} ({t.text!r}) · "
                      + " ".join(text[sent[0]:sent[1]].split()))
    return counts


def _rate(c, key, name):
    n = c.get((key, name + "_gold"), 0) if name not in ("verb", "clause") else c[key, "events"]
    return f"{c[key, name] / n:.3f} ({n})" if n else "–"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gum", action="store_true")
    ap.add_argument("--timebank", action="store_true")
    ap.add_argument("--roles", action="store_true", help="actor sentiment's mention roles against GUM")
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args(argv)
    if not (args.gum or args.timebank or args.roles):
        args.gum = args.timebank = True
    if args.roles:
        folder = shared_corpus("gum")
        if folder is None:
            print("GUM not found: skipped")
        else:
            c = score_roles(folder)
            print(f"GUM: {c['mentions']} actor mentions; {c['fallback']} outside every clause (word-window fallback)")
            print("role | ours | gold | precision | recall")
            for role in ("subject", "object", "agent", "other"):
                o, g, b = c["ours", role], c["gold", role], c["both", role]
                print(f"{role} | {o} | {g} | {b / o:.3f} | {b / g:.3f}" if o and g else f"{role} | {o} | {g} | – | –")
    if args.gum:
        folder = shared_corpus("gum")
        if folder is None:
            print("GUM not found: skipped")
        else:
            c = score_gum(folder, args.misses)
            keys = sorted({k for k, _ in c} - {"all"}) + ["all"]
            print("GUM: events whose time expression attaches to a gold verb")
            print("genre | events | verb | clause | subject | object | agent | subject|clause | object|clause")
            for key in keys:
                print(" | ".join([key, str(c[key, "events"]), _rate(c, key, "verb"), _rate(c, key, "clause"),
                                  _rate(c, key, "subject"), _rate(c, key, "object"), _rate(c, key, "agent"),
                                  _rate(c, key, "subject|clause"), _rate(c, key, "object|clause")]))
    if args.timebank:
        folder = shared_corpus("timebank")
        if folder is None:
            print("TimeBank not found: skipped")
        else:
            c = score_timebank(folder, args.misses)
            n = c["events"]
            print(f"TimeBank: {n} events whose expression has a TLINK to a gold EVENT of its sentence; "
                  f"trigger is one of them: {c['trigger'] / n:.3f}" if n else "TimeBank: no linked events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
