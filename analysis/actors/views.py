"""Views of the mentions layer: actor table, actor × paragraph matrix, co-occurrence graph, highlighted HTML."""

from __future__ import annotations


import pandas as pd

from .schema import ACTOR_COLUMNS, ACTOR_TYPES

#: left out of the actor views unless ``include_places``: places, and names of no known kind
_NOT_ACTORS = ("place", "other")


def mentions_in_span(doc, start: int, end: int, *, actor_types=None) -> pd.DataFrame:
    """The mentions lying inside the character span ``[start, end)`` of ``doc.text``.

    Args:
        doc: an annotated document.
        start, end: character offsets (``end`` exclusive).
        actor_types: keep only these actor types (e.g. ``("state", "igo")``).

    >>> import analysis
    >>> d = analysis.annotate("T\\n\\nMoscow and NATO met. Kabul waited.")
    >>> mentions_in_span(d, 0, 22)["actor_id"].tolist()
    ['RUS', 'NATO']
    """
    m = doc.mentions
    sel = m[(m["start"] >= start) & (m["end"] <= end)]
    if actor_types is not None:
        if isinstance(actor_types, str):
            actor_types = (actor_types,)
        bad = [t for t in actor_types if t not in ACTOR_TYPES]
        if bad:
            raise ValueError(f"unknown actor type(s) {bad}; allowed: {', '.join(ACTOR_TYPES)}")
        sel = sel[sel["actor_type"].isin(actor_types)]
    return sel.reset_index(drop=True)


def actor_table(doc, *, include_places: bool = False) -> pd.DataFrame:
    """One row per actor: ``actor_id, actor, actor_type, n_mentions, first_para`` (most mentioned first).

    >>> import analysis
    >>> actor_table(analysis.annotate("T\\n\\nNATO met. NATO left."))[["actor_id", "n_mentions"]].values.tolist()
    [['NATO', 2]]
    """
    m = doc.mentions
    if not include_places:
        m = m[~m["actor_type"].isin(_NOT_ACTORS)]
    if m.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    g = m.groupby("actor_id", sort=False).agg(actor=("actor", "first"), actor_type=("actor_type", "first"),
                                                n_mentions=("mention_id", "size"), first_para=("para_id", "min"))
    g = g.reset_index().sort_values(["n_mentions", "first_para", "actor_id"], ascending=[False, True, True])
    return g[ACTOR_COLUMNS].reset_index(drop=True)


def actor_paragraph_matrix(doc, *, include_places: bool = False, top: int | None = None) -> pd.DataFrame:
    """Actors (rows, display names) × body paragraphs (columns 1..N): mention counts.

    >>> import analysis
    >>> actor_paragraph_matrix(analysis.annotate("T\\n\\nNATO met.\\n\\nNATO left.")).values.tolist()
    [[1, 1]]
    """
    m = doc.mentions
    if not include_places:
        m = m[~m["actor_type"].isin(_NOT_ACTORS)]
    order = actor_table(doc, include_places=include_places)
    if top is not None:
        order = order.head(top)
    paras = doc.paragraphs["para_id"].tolist()
    mat = pd.crosstab(m["actor"], m["para_id"]).reindex(index=order["actor"].tolist(), columns=paras, fill_value=0)
    mat.index.name, mat.columns.name = "actor", "para_id"
    return mat.fillna(0).astype(int)


def top_actors(doc, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most mentioned actors of each type: ``actor_type, actor_id, actor, n_mentions``."""
    if n < 1:
        raise ValueError(f"n must be 1 or more, not {n}")
    t = actor_table(doc)
    return t.groupby("actor_type", sort=False).head(n)[["actor_type", "actor_id", "actor", "n_mentions"]].reset_index(drop=True)


def cooccurrence(doc, *, unit: str = "sentence", include_places: bool = False):
    """A networkx Graph of actors mentioned in the same sentence (or paragraph).

    Nodes carry ``actor``, ``actor_type`` and ``n_mentions``; edges carry ``weight``, the number
    of sentences (paragraphs) where both actors appear.

    >>> import analysis
    >>> g = cooccurrence(analysis.annotate("T\\n\\nNATO and Russia met. Russia left."))
    >>> g["NATO"]["RUS"]["weight"]
    1
    """
    import itertools

    import networkx as nx

    if unit not in ("sentence", "paragraph"):
        raise ValueError(f"unit must be 'sentence' or 'paragraph', not {unit!r}")
    m = doc.mentions
    if not include_places:
        m = m[~m["actor_type"].isin(_NOT_ACTORS)]
    g = nx.Graph()
    for row in actor_table(doc, include_places=include_places).itertuples():
        g.add_node(row.actor_id, actor=row.actor, actor_type=row.actor_type, n_mentions=row.n_mentions)
    key = "sent_id" if unit == "sentence" else "para_id"
    for _, ids in m.groupby(key)["actor_id"]:
        for a, b in itertools.combinations(sorted(set(ids)), 2):
            w = g[a][b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
    return g


def who_said_what(doc) -> pd.DataFrame:
    """Each quotation with its speaker: ``speaker, speaker_id, para_id, cue, kind, text``."""
    q = doc.quotes
    return q[["speaker", "speaker_id", "para_id", "cue", "kind", "text"]].reset_index(drop=True)


class HighlightedText(str):
    """HTML that JupyterLab shows rendered (``_repr_html_``) and that is still a str."""

    def _repr_html_(self) -> str:
        return str(self)


def highlight(doc, *, include_places: bool = True) -> HighlightedText:
    """The article as HTML, every mention highlighted and coloured by actor type.

    Hovering a mention shows the actor, its id, role and how it was resolved. Display it in a
    notebook cell as it is, or write it to a file.

    >>> import analysis
    >>> "<mark" in highlight(analysis.annotate("T\\n\\nNATO met."))
    True
    """
    import html

    from ..plots.style import KIND_COLORS

    m = doc.mentions
    if not include_places:
        m = m[m["actor_type"] != "place"]
    text = doc.text
    parts = ['<div class="analysis-mentions" style="font-family: Georgia, serif; line-height: 1.6; max-width: 48em">']
    legend = " ".join(f'<span style="background:{c}33; border-bottom: 3px solid {c}; padding: 0 4px">{t}</span>'
                      for t, c in KIND_COLORS.items() if t in ACTOR_TYPES)
    parts.append(f'<p style="font-family: sans-serif; font-size: 85%">{legend}</p>')
    if doc.title:
        parts.append(f"<h3>{html.escape(doc.title)}</h3>")
    rows = list(m.itertuples(index=False))
    k = 0
    for para in doc.paragraphs.itertuples(index=False):
        pos, chunk = para.start, []
        while k < len(rows) and rows[k].start < para.end:
            r = rows[k]
            color = KIND_COLORS.get(r.actor_type, KIND_COLORS["other"])
            tip = f"{r.actor} ({r.actor_id}) · {r.actor_type}{' · ' + r.role if r.role else ''} · {r.how}"
            chunk.append(html.escape(text[pos:r.start]))
            chunk.append(f'<mark title="{html.escape(tip)}" style="background:{color}33; border-bottom: 3px solid {color}; '
                         f'padding: 0 1px">{html.escape(text[r.start:r.end])}</mark>')
            pos = r.end
            k += 1
        chunk.append(html.escape(text[pos:para.end]))
        parts.append(f'<p><sup style="color:#888">{para.para_id}</sup> {"".join(chunk)}</p>')
    parts.append("</div>")
    return HighlightedText("\n".join(parts))
