"""Interactive exploration in JupyterLab: a KWIC search box, an actor picker, a paragraph slider.

Each function takes the annotated article and returns a :class:`View`. In JupyterLab with a
live kernel the view is an ipywidgets control; anywhere else (an HTML export, a headless run
under nbclient or papermill, plain Python) it shows a static HTML rendering of the same
content instead. Both are in the one output, so a notebook exported to HTML keeps a readable
result. The report runs notebooks with ``ANALYSIS_WIDGETS=static``, which draws the static
view only.

Layers that are not installed (actors, sentiment, stance) are skipped with a short note.

>>> doc = analysis.annotate(analysis.SEED)
>>> kwic_search(doc, keyword="government")        # doctest: +SKIP
>>> actor_picker(doc)                              # doctest: +SKIP
>>> paragraph_slider(doc, para_id=3)               # doctest: +SKIP
"""

from __future__ import annotations

import html
import os

from .plots.style import KIND_COLORS, STANCE_COLORS, kind_name

ENV = "ANALYSIS_WIDGETS"


def live() -> bool:
    """True when widgets can be drawn live: ipywidgets is installed, an IPython kernel runs,
    and ``ANALYSIS_WIDGETS`` is not ``static``."""
    if os.environ.get(ENV, "").strip().lower() == "static":
        return False
    try:
        import ipywidgets  # noqa: F401
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class View:
    """An interactive control with a static fallback.

    Attributes:
        widget: the ipywidgets control, or ``None`` when there is no live kernel.
        html: the static HTML rendering (what an HTML export or a headless run shows).
    """

    def __init__(self, static_html: str, widget=None, title: str = "view"):
        self.html = static_html
        self.widget = widget
        self.title = title

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/html": self.html, "text/plain": f"<{self.title}: static view; open in JupyterLab for the live control>"}
        if self.widget is not None:
            widget_bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
            if isinstance(widget_bundle, tuple):
                widget_bundle = widget_bundle[0]
            bundle.update({k: v for k, v in (widget_bundle or {}).items() if k != "text/plain"})
        return bundle

    def __repr__(self) -> str:
        return f"<View {self.title}: {'live' if self.widget is not None else 'static'}>"


def _layer(doc, name):
    from .document import available_layers

    if name not in available_layers():
        return None
    try:
        return doc.layer(name)
    except Exception:  # noqa: BLE001 - a broken layer only removes its part of the view
        return None


def _note(text: str) -> str:
    return f"<p style='color:#8a5a00'><i>{html.escape(text)}</i></p>"


def _table(rows: list[dict], cols: list[str]) -> str:
    head = "".join(f"<th style='text-align:left'>{html.escape(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{r.get(c, '')}</td>" for c in cols) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def thin_note(doc) -> str:
    """One line saying that the article is too thin for some tables ("" when it is not).

    >>> thin_note(analysis.annotate(analysis.from_text("Only a title")))     # doctest: +SKIP
    'note: this article has no body text (only a title was found) ...'
    """
    n_sent = len(doc.sentences)
    if len(doc.paragraphs) == 0:
        return ("note: this article has no body text (only a title was found), so its tables are empty and its "
                "charts say so; check the file: a blank line between paragraphs, the title first")
    if n_sent < 3:
        return (f"note: this article has {n_sent} sentence{'' if n_sent == 1 else 's'} and {len(doc.paragraphs)} "
                f"paragraph{'' if len(doc.paragraphs) == 1 else 's'}: counts and comparisons say little about it")
    return ""


def say_if_thin(doc) -> None:
    """Print :func:`thin_note` when the article is too thin for some tables; print nothing otherwise."""
    note = thin_note(doc)
    if note:
        print(note)


# --------------------------------------------------------------------------------------------
# KWIC


def kwic_lines(doc, keyword: str, *, window: int = 6, by: str = "lower"):
    """Keyword in context: one row per occurrence of ``keyword`` (the table behind the search box).

    A thin view of :func:`analysis.terms.kwic`: ``keyword`` may be several words ("inclusive
    government"); ``by`` is ``"lower"`` (the word as written, case-folded) or ``"lemma"``.
    Returns ``left, keyword, right, para_id, sent_id, start, end`` (``doc.text[start:end] == keyword``).

    >>> kwic_lines(doc, "government").keyword.tolist()        # doctest: +SKIP
    ['government', 'government']
    """
    import pandas as pd

    from .terms import kwic

    if by not in ("lower", "lemma"):
        raise ValueError(f"by={by!r}: use 'lower' or 'lemma'")
    cols = ["left", "keyword", "right", "para_id", "sent_id", "start", "end"]
    if not str(keyword).strip():
        return pd.DataFrame(columns=cols)
    return kwic(doc, str(keyword), by="word" if by == "lower" else "lemma", window=window)[cols]


def _kwic_html(doc, keyword: str, window: int, by: str) -> str:
    lines = kwic_lines(doc, keyword, window=window, by=by)
    if not keyword.strip():
        return _note("Type a word or phrase.")
    if lines.empty:
        return _note(f"“{keyword}” does not occur (matching {'lemmas' if by == 'lemma' else 'words'}).")
    rows = [{"¶": r.para_id, "left": f"<span style='float:right'>{html.escape(r.left)}</span>",
             "keyword": f"<b style='color:#0072B2'>{html.escape(r.keyword)}</b>", "right": html.escape(r.right)}
            for r in lines.itertuples()]
    return f"<p>{len(lines)} occurrence(s) of <b>{html.escape(keyword)}</b></p>" + _table(rows, ["¶", "left", "keyword", "right"])


def _top_content_word(doc) -> str:
    tok = doc.tokens
    content = tok[tok.is_alpha & ~tok.is_stop & ~tok.pos.str.startswith("NNP")]
    return content.lower.value_counts().index[0] if len(content) else ""


def kwic_search(doc, *, keyword: str | None = None, window: int = 6, by: str = "lower") -> View:
    """A search box that shows every occurrence of a word or phrase with its left and right context.

    Args:
        doc: the annotated article.
        keyword: the first search (default: the most frequent content word).
        window: words of context on each side (within the sentence).
        by: ``"lower"`` matches words as written (case-folded), ``"lemma"`` their dictionary forms.

    >>> kwic_search(doc, keyword="threat")             # doctest: +SKIP
    """
    keyword = keyword if keyword is not None else _top_content_word(doc)
    static = _kwic_html(doc, keyword, window, by)
    if not live():
        return View(static, title="KWIC search")
    import ipywidgets as w

    box = w.Text(value=keyword, description="Search:", placeholder="a word or phrase", continuous_update=False)
    mode = w.ToggleButtons(options=[("words", "lower"), ("lemmas", "lemma")], value=by)
    size = w.IntSlider(value=window, min=2, max=15, description="context")
    out = w.HTML(static)

    def refresh(_=None):
        out.value = _kwic_html(doc, box.value, size.value, mode.value)

    for control in (box, mode, size):
        control.observe(refresh, names="value")
    return View(static, w.VBox([w.HBox([box, mode, size]), out]), title="KWIC search")


# --------------------------------------------------------------------------------------------
# actors


def _highlighted_text(doc, spans: list[tuple[int, int, str]], *, from_first: bool = False) -> str:
    """The body paragraphs as HTML with ``spans`` (start, end, colour) marked.

    With ``from_first`` the text begins at the first paragraph with a span, and a line says
    which paragraphs before it are left out.
    """
    parts = []
    paragraphs = doc.paragraphs
    if from_first and spans:
        first = min(s for s, _, _ in spans)
        before = paragraphs[paragraphs.end <= first]
        if len(before):
            ids = before.para_id.tolist()
            gap = f"¶{ids[0]}" + (f"–¶{ids[-1]}" if len(ids) > 1 else "")
            parts.append(f"<p><small style='color:#777'>{gap}: no mention (not shown)</small></p>")
            paragraphs = paragraphs[paragraphs.end > first]
    for para in paragraphs.itertuples():
        inside = sorted((s, e, c) for s, e, c in spans if s >= para.start and e <= para.end)
        pos, chunks = para.start, []
        for s, e, c in inside:
            if s < pos:
                continue
            chunks.append(html.escape(doc.text[pos:s]))
            chunks.append(f"<mark style='background:{c}33;border-bottom:2px solid {c}'>{html.escape(doc.text[s:e])}</mark>")
            pos = e
        chunks.append(html.escape(doc.text[pos:para.end]))
        parts.append(f"<p><small style='color:#777'>¶{para.para_id}</small> {''.join(chunks)}</p>")
    return "".join(parts)


def _actor_html(doc, mentions, actor_id) -> str:
    rows = mentions[mentions.actor_id == actor_id]
    if rows.empty:
        return _note("No mention of this actor.")
    kind = str(rows.actor_type.iloc[0]) if "actor_type" in rows.columns else "other"
    colour = KIND_COLORS.get(kind, KIND_COLORS["other"])
    name = str(rows.actor.iloc[0]) if "actor" in rows.columns else str(actor_id)
    how = ""
    if "how" in rows.columns:
        how = ", ".join(f"{k}: {v}" for k, v in rows["how"].value_counts().items())
    head = (f"<p><b style='color:{colour}'>{html.escape(name)}</b> ({html.escape(kind_name(kind))}): {len(rows)} mention(s)"
            + (f" — by {html.escape(how)}" if how else "") + ".</p>")
    spans = [(int(r.start), int(r.end), colour) for r in rows.itertuples()]
    first = f" First mention in ¶{int(rows.para_id.min())}." if "para_id" in rows.columns and rows.para_id.notna().any() else ""
    return (head.replace("</p>", f"{first}</p>", 1)
            + f"<div style='max-height:32em;overflow:auto;border:1px solid #ddd;padding:0 .6em'>"
            f"{_highlighted_text(doc, spans, from_first=True)}</div>")


def actor_picker(doc, *, actor: str | None = None) -> View:
    """Pick an actor; every mention of it (names, aliases, roles, pronouns) is highlighted in the text.

    Args:
        doc: the annotated article (needs the ``mentions`` layer).
        actor: the actor id or name shown first (default: the most mentioned actor).

    >>> actor_picker(doc, actor="RUS")                 # doctest: +SKIP
    """
    mentions = _layer(doc, "mentions")
    if mentions is not None and mentions.empty and {"actor_id", "start", "end"} <= set(mentions.columns):
        return View(_note("No actor was found in this article."), title="actor picker")
    if mentions is None or not {"actor_id", "start", "end"} <= set(mentions.columns):
        return View(_note("The actors layer (doc.mentions) is not available in this installation, "
                          "so there is nothing to highlight yet."), title="actor picker")
    mentions = mentions[mentions.actor_id.notna()]
    if "actor_type" in mentions.columns:
        mentions = mentions[mentions.actor_type.fillna("") != "place"]
    names = mentions.groupby("actor_id")["actor"].first() if "actor" in mentions.columns else None
    order = mentions.actor_id.value_counts()
    options = [(f"{names[a] if names is not None else a} ({n})", a) for a, n in order.items()]
    if not options:
        return View(_note("No actor was found in this article."), title="actor picker")
    first = options[0][1]
    if actor is not None:
        match = [a for label, a in options if a == actor or (names is not None and names[a] == actor)]
        if not match:
            raise ValueError(f"actor {actor!r} is not mentioned; choose from {', '.join(str(a) for _, a in options)}")
        first = match[0]
    static = _actor_html(doc, mentions, first)
    if not live():
        counts = _table([{"actor": html.escape(label.rsplit(' (', 1)[0]), "mentions": n} for (label, _), n in zip(options, order.values)],
                        ["actor", "mentions"])
        return View(f"<details><summary>All actors</summary>{counts}</details>" + static, title="actor picker")
    import ipywidgets as w

    pick = w.Dropdown(options=options, value=first, description="Actor:")
    out = w.HTML(static)
    pick.observe(lambda change: setattr(out, "value", _actor_html(doc, mentions, change["new"])), names="value")
    return View(static, w.VBox([pick, out]), title="actor picker")


# --------------------------------------------------------------------------------------------
# paragraphs: sentiment and stance


def _fmt(value) -> str:
    try:
        return f"{float(value):+.2f}"
    except (TypeError, ValueError):
        return html.escape(str(value))


def _sentiment_explanation(doc, para_id: int) -> str:
    """The words that moved the scores, when the sentiment module offers an explanation."""
    try:
        from . import sentiment as module
    except ImportError:
        return ""
    for name in ("explain", "explain_paragraph", "explanations"):
        func = getattr(module, name, None)
        if func is None:
            continue
        for call in (lambda: func(doc, para_id=para_id), lambda: func(doc, para_id)):
            try:
                table = call()
            except TypeError:
                continue
            except Exception:  # noqa: BLE001 - the explanation is extra; the scores still show
                return ""
            if table is not None and hasattr(table, "to_html") and len(table):
                return _explanation_table(table)
            return ""
    return ""


def _explanation_table(table, top: int = 12) -> str:
    """The words that moved the scores: lexicon, words, score (and negated), the strongest first.

    Only the columns a reader needs, no empty cells (``<NA>``, ``NaN``) and no zero scores; the
    table scrolls sideways inside the output instead of widening it.
    """
    if "score" in table.columns:
        table = table[table["score"].fillna(0) != 0]
        table = table.reindex(table["score"].abs().sort_values(ascending=False, kind="stable").index)
    if table.empty:
        return "<p><b>Words that moved the scores</b>: none (no lexicon word here carries a score).</p>"
    cols = [c for c in ("lexicon", "words", "score", "negated") if c in table.columns]
    rows = []
    for r in table.head(top).to_dict("records"):
        row = {}
        for c in cols:
            v = r.get(c)
            if c == "score":
                row[c] = _fmt(v)
            elif c == "negated":
                row[c] = "negated" if v is True or str(v).lower() == "true" else ""
            else:
                row[c] = "" if v is None or v != v or str(v) in ("<NA>", "nan") else html.escape(str(v))
        rows.append(row)
    return ("<p><b>Words that moved the scores</b></p><div style='max-width:100%;overflow-x:auto'>"
            + _table(rows, cols) + "</div>")


def _paragraph_html(doc, para_id: int, sentiment, stance) -> str:
    para = doc.paragraphs[doc.paragraphs.para_id == para_id]
    if para.empty:
        return _note(f"There is no paragraph {para_id}.")
    parts = [f"<p><small style='color:#777'>¶{para_id}</small> {html.escape(para.text.iloc[0])}</p>"]
    if sentiment is None:
        parts.append(_note("The sentiment layer is not available in this installation."))
    else:
        rows = sentiment[(sentiment.get("level") == "paragraph") & (sentiment.para_id == para_id)] if "level" in sentiment.columns else sentiment[sentiment.para_id == para_id]
        if len(rows):
            r = rows.iloc[0]
            cells = [(c, _fmt(r[c])) for c in ("textblob_polarity", "textblob_subjectivity", "vader_compound")
                     if c in rows.columns and r[c] == r[c] and r[c] is not None]
            parts.append("<p><b>Sentiment</b> " + " · ".join(f"{html.escape(c)} {v}" for c, v in cells) + "</p>")
        parts.append(_sentiment_explanation(doc, para_id))
    if stance is None:
        parts.append(_note("The stance layer is not available in this installation."))
    else:
        rows = stance[stance.para_id == para_id]
        if rows.empty:
            parts.append("<p><b>Stance</b>: none found in this paragraph.</p>")
        else:
            items = []
            for r in rows.to_dict("records"):
                colour = STANCE_COLORS.get(str(r.get("stance")), "#999999")
                flags = [f for f in ("negated", "hedged") if str(r.get(f)).lower() == "true"]
                items.append(f"<li>{html.escape(str(r.get('holder') or '?'))} <b style='color:{colour}'>{html.escape(str(r.get('stance')))}</b> "
                             f"{html.escape(str(r.get('target') or ''))[:120]} — cue “{html.escape(str(r.get('cue') or ''))}”"
                             + (f" ({', '.join(flags)})" if flags else "") + "</li>")
            parts.append("<p><b>Stance</b></p><ul>" + "".join(items) + "</ul>")
    return "<div style='max-width:100%;overflow-wrap:anywhere'>" + "".join(parts) + "</div>"


def _paragraph_overview(doc, sentiment, stance) -> str:
    rows = []
    for p in doc.paragraphs.itertuples():
        row = {"¶": p.para_id, "begins": html.escape(p.text[:70]) + ("…" if len(p.text) > 70 else "")}
        if sentiment is not None and "level" in sentiment.columns:
            s = sentiment[(sentiment.level == "paragraph") & (sentiment.para_id == p.para_id)]
            if len(s):
                for c, label in (("textblob_polarity", "TextBlob"), ("vader_compound", "VADER")):
                    if c in s.columns:
                        row[label] = _fmt(s[c].iloc[0])
        if stance is not None:
            st = stance[stance.para_id == p.para_id]
            row["stances"] = ", ".join(f"{html.escape(str(h))}: {html.escape(str(v))}" for h, v in zip(st.get("holder", []), st.get("stance", [])))
        rows.append(row)
    cols = ["¶", "begins"] + [c for c in ("TextBlob", "VADER", "stances") if any(c in r for r in rows)]
    return "<details><summary>Every paragraph</summary>" + _table(rows, cols) + "</details>"


def paragraph_slider(doc, *, para_id: int = 1) -> View:
    """Slide through the paragraphs; each shows its sentiment scores, the words behind them and its stances.

    >>> paragraph_slider(doc, para_id=2)               # doctest: +SKIP
    """
    ids = doc.paragraphs.para_id.tolist()
    if not ids:
        return View(_note("The article has no body paragraph."), title="paragraph slider")
    if para_id not in ids:
        raise ValueError(f"para_id={para_id}: choose a paragraph from {ids[0]} to {ids[-1]}")
    sentiment, stance = _layer(doc, "sentiment"), _layer(doc, "stance")
    static = _paragraph_html(doc, para_id, sentiment, stance)
    if not live():
        return View(static + _paragraph_overview(doc, sentiment, stance), title="paragraph slider")
    import ipywidgets as w

    slider = w.IntSlider(value=para_id, min=ids[0], max=ids[-1], description="Paragraph", continuous_update=False)
    out = w.HTML(static)
    slider.observe(lambda change: setattr(out, "value", _paragraph_html(doc, change["new"], sentiment, stance)), names="value")
    return View(static, w.VBox([slider, out]), title="paragraph slider")


__all__ = ["View", "actor_picker", "kwic_lines", "kwic_search", "live", "paragraph_slider", "say_if_thin", "thin_note"]
