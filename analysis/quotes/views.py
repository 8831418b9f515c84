"""The "who said what" views of the quotes layer: a table and highlighted HTML."""

from __future__ import annotations

import pandas as pd

class _HTML(str):
    """HTML that Jupyter shows rendered (``_repr_html_``) and that is still a str."""

    def _repr_html_(self) -> str:
        return str(self)


def who_said_what(doc) -> pd.DataFrame:
    """Each quotation with its speaker, the words that name the speaker and the rule that chose
    them: ``para_id, speaker, speaker_text, how, cue, kind, text``."""
    q = doc.quotes
    return q[["para_id", "speaker", "speaker_id", "speaker_text", "speaker_type", "how", "cue", "kind",
              "text"]].reset_index(drop=True)


def render_quotes(doc, *, para_ids=None) -> "str":
    """HTML of the paragraphs that hold quotations: each quotation highlighted, the speaker's
    words underlined, and after each quotation the speaker and the rule that chose them.
    Returns a str that Jupyter shows rendered."""
    import html

    q = doc.quotes
    text = doc.text
    out = ['<div style="line-height:1.6">']
    for para_id, group in q.groupby("para_id", sort=True):
        if para_ids is not None and para_id not in para_ids:
            continue
        ps, pe = int(doc.paragraphs.set_index("para_id").loc[para_id, "start"]), \
            int(doc.paragraphs.set_index("para_id").loc[para_id, "end"])
        marks = []   # (offset, order, html)
        for r in group.itertuples():
            label = html.escape(f"{r.speaker or '?'} · {r.how or 'no rule'}")
            marks.append((r.start, 1, '<span style="background:#fde68a">'))
            marks.append((r.end, 0, f'</span><sup style="color:#92400e">[{label}]</sup>'))
            if not pd.isna(r.speaker_start) and r.speaker_start >= ps and r.speaker_end <= pe:
                marks.append((r.speaker_start, 1, '<u style="text-decoration-color:#b45309;text-decoration-thickness:2px">'))
                marks.append((r.speaker_end, 0, "</u>"))
        marks.sort(key=lambda m: (m[0], m[1]))
        pos, parts = ps, [f"<p><b>¶{para_id}</b> "]
        for off, _, tag in marks:
            off = min(max(off, pos), pe)
            parts.append(html.escape(text[pos:off]))
            parts.append(tag)
            pos = off
        parts.append(html.escape(text[pos:pe]) + "</p>")
        out.append("".join(parts))
    out.append("</div>")
    return _HTML("".join(out))
