"""A sentence's clauses drawn with their subject, verb group, object and agent highlighted,
next to the stance rows they yield, so that a reader can check (and argue with) each reading.

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("T\\n\\nThe plan was condemned by the unions."))
>>> view = show_clauses(doc, contains="condemned")
>>> "the unions" in view.html and "agent" in view.html
True
"""

from __future__ import annotations

import html

import pandas as pd

#: Okabe–Ito colours (colour-blind safe), one per role
ROLE_COLORS = {"subject": "#0072B2", "verb": "#E69F00", "object": "#009E73", "agent": "#CC79A7"}


def _sentence(doc, sent_id, contains):
    sents = doc.sentences
    if sent_id is None and contains is None:
        has = doc.stance["sent_id"] if len(doc.stance) else sents["sent_id"]
        sent_id = int(has.iloc[0])
    if sent_id is None:
        hits = sents[sents["text"].str.contains(contains, case=False, regex=False)]
        if hits.empty:
            raise ValueError(f"no sentence contains {contains!r}")
        sent_id = int(hits["sent_id"].iloc[0])
    row = sents[sents["sent_id"] == sent_id]
    if row.empty:
        raise ValueError(f"no sentence {sent_id}; sentences are numbered 1 to {len(sents)}")
    return row.iloc[0]


def _marked(text: str, s_start: int, spans: list[tuple[int, int, str]]) -> str:
    """The sentence as HTML with each (start, end, role) span coloured; spans are document
    offsets, clipped to the sentence; an inner span wins where two overlap."""
    n = len(text)
    roles: list[str | None] = [None] * n
    for a, b, role in sorted(spans, key=lambda x: -(x[1] - x[0])):  # longest first, inner ones on top
        for k in range(max(a - s_start, 0), min(b - s_start, n)):
            roles[k] = role
    out, k = [], 0
    while k < n:
        role = roles[k]
        j = k
        while j < n and roles[j] == role:
            j += 1
        piece = html.escape(text[k:j])
        if role:
            c = ROLE_COLORS[role]
            out.append(f"<span title='{role}' style='background:{c}33;border-bottom:3px solid {c}'>{piece}</span>")
        else:
            out.append(piece)
        k = j
    return "".join(out)


def clause_rows(doc, sent_id: int) -> pd.DataFrame:
    """The clauses of one sentence (rows of ``doc.clauses``)."""
    table = doc.clauses
    return table[table["sent_id"] == sent_id]


def show_clauses(doc, sent_id: int | None = None, *, contains: str | None = None):
    """One sentence's clause analysis and its stance rows, as a static HTML view.

    Args:
        doc: an annotated document.
        sent_id: the sentence to show; or
        contains: show the first sentence containing this text (case-insensitive).
            With neither, the first sentence with a stance row.

    Returns:
        a :class:`analysis.widgets.View` (its ``html`` attribute holds the markup).
    """
    from .widgets import View

    if doc.sentences.empty:
        note = "No sentences in the body of this article: there is no clause to show."
        return View(f"<p><i>{note}</i></p>", title="clauses")
    sent = _sentence(doc, sent_id, contains)
    sid, s_start, text = int(sent["sent_id"]), int(sent["start"]), str(sent["text"])
    parts = [f"<div style='font-family:sans-serif;line-height:1.6'><p><b>Sentence {sid}</b> "
             + " ".join(f"<span style='background:{c}33;border-bottom:3px solid {c};padding:0 3px'>{r}</span>"
                        for r, c in ROLE_COLORS.items()) + "</p>"]
    parts.append("<table style='border-collapse:collapse'><tr><th align='left'>clause</th><th align='left'>reading</th></tr>")
    for r in clause_rows(doc, sid).to_dict("records"):
        spans = [(r["verb_start"], r["verb_end"], "verb")]
        for role in ("subject", "object", "agent"):
            if not pd.isna(r[f"{role}_start"]):
                spans.append((int(r[f"{role}_start"]), int(r[f"{role}_end"]), role))
        facts = [r["voice"], r["relation"]]
        if r["negated"]:
            facts.append("negated")
        if r["hedged"]:
            facts.append("hedged")
        if isinstance(r["modal"], str):
            facts.append(f"modal {r['modal']}")
        if isinstance(r["tense"], str):
            facts.append(r["tense"])
        parts.append(f"<tr><td style='padding:2px 12px 2px 0'>{_marked(text, s_start, spans)}</td>"
                     f"<td style='color:#555'>{html.escape(str(r['lemma']))}: {html.escape(', '.join(facts))}</td></tr>")
    parts.append("</table>")
    stance = doc.stance
    rows = stance[stance["sent_id"] == sid]
    if len(rows):
        from .plots.style import STANCE_COLORS

        parts.append("<p><b>Stance</b></p><ul>")
        for r in rows.to_dict("records"):
            colour = STANCE_COLORS.get(str(r["stance"]), "#999999")
            extra = ", ".join(x for x, on in (("negated", r["negated"]), ("hedged", r["hedged"])) if on)
            parts.append(f"<li>{html.escape(str(r['holder'] or '—'))} <small>({html.escape(str(r['holder_from']))})</small> "
                         f"<b style='color:{colour}'>{html.escape(str(r['stance']))}</b> "
                         f"{html.escape(str(r['target'] if isinstance(r['target'], str) else '—'))} "
                         f"<small>cue “{html.escape(str(r['cue']))}”{'; ' + extra if extra else ''}</small></li>")
        parts.append("</ul>")
    else:
        parts.append("<p><b>Stance</b>: none in this sentence.</p>")
    parts.append("</div>")
    return View("".join(parts), title=f"clauses of sentence {sid}")


__all__ = ["ROLE_COLORS", "clause_rows", "show_clauses"]
