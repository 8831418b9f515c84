"""Sentiment and stance charts: paragraph arc, sentence strip, stance matrix, explain a paragraph.

>>> fig = sentiment_arc(doc)            # doctest: +SKIP
"""

from __future__ import annotations

from .style import NO_BODY, PALETTE, STANCE_COLORS, empty_chart, new_figure, title_for, wrap_label

_TB, _VD = PALETTE[0], PALETTE[1]


def sentiment_arc(doc):
    """Paragraph by paragraph: TextBlob polarity and VADER compound on one chart (both -1..1)."""
    table = doc.sentiment
    paras = table[table["level"] == "paragraph"]
    if paras.empty:
        return empty_chart(NO_BODY, title_for(doc, "Sentiment arc"))
    fig, ax = new_figure()
    x = paras["para_id"].astype(int)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.plot(x, paras["textblob_polarity"], marker="o", color=_TB, label="TextBlob polarity")
    ax.plot(x, paras["vader_compound"], marker="s", color=_VD, label="VADER compound")
    ax.set_xticks(list(x))
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("paragraph")
    ax.set_ylabel("score (−1 negative … +1 positive)")
    ax.set_title(title_for(doc, "Sentiment arc"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))  # beside the axes: it covers no point
    return fig


def sentence_strip(doc):
    """One coloured cell per sentence for each lexicon (blue positive, vermilion negative)."""
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    table = doc.sentiment
    sents = table[table["level"] == "sentence"]
    if sents.empty:
        return empty_chart(NO_BODY, title_for(doc, "Sentence sentiment"))
    cmap = LinearSegmentedColormap.from_list("stance", [STANCE_COLORS["against"], "#f7f7f7", STANCE_COLORS["favor"]])
    values = np.vstack([sents["textblob_polarity"].to_numpy(float), sents["vader_compound"].to_numpy(float)])
    fig, ax = new_figure(12, 3.2)
    image = ax.imshow(values, aspect="auto", cmap=cmap, vmin=-1, vmax=1, interpolation="nearest")
    ax.set_yticks([0, 1], ["TextBlob", "VADER"])
    ids = sents["sent_id"].astype(int).tolist()
    step = max(1, len(ids) // 20)
    ax.set_xticks(range(0, len(ids), step), ids[::step])
    ax.set_xlabel("sentence (vertical lines: paragraph breaks)")
    paras = sents["para_id"].astype(int).tolist()
    for k in range(1, len(paras)):
        if paras[k] != paras[k - 1]:
            ax.axvline(k - 0.5, color="#333333", linewidth=0.8)
    fig.colorbar(image, ax=ax, label="score", shrink=0.8)
    ax.set_title(title_for(doc, "Sentence sentiment"))
    return fig


def _one_name_per_holder(doc, matrix):
    """The matrix with each holder under one name: the longest name the stance table gives its id."""
    table = getattr(doc, "stance", None)
    if table is None or "holder_id" not in getattr(table, "columns", ()):
        return matrix
    known = table.dropna(subset=["holder_id"])
    if known.empty:
        return matrix
    longest = known.groupby("holder_id")["holder"].agg(lambda names: max(names, key=len))
    rename = {h: longest[i] for h, i in zip(known["holder"], known["holder_id"])}
    merged = matrix.assign(holder=matrix["holder"].map(lambda h: rename.get(h, h)))
    return merged.groupby(["holder", "target"], as_index=False)[["favor", "against", "neutral"]].sum()


def stance_matrix_chart(doc, *, max_targets: int = 16):
    """Holders (rows) × targets (columns): favor in blue, against in vermilion, with counts.

    A holder is one row however it is named (by its actor id); rows without a dot, holders
    the text leaves unnamed and legend entries that do not occur are left out; long labels
    wrap at word boundaries.
    """
    from analysis.stance import stance_matrix

    matrix = stance_matrix(doc)
    if not matrix.empty:
        matrix = matrix[matrix["holder"].fillna("").astype(str).str.strip().isin(["", "?"]) == False]  # noqa: E712
    if matrix.empty:
        return empty_chart(NO_BODY if len(doc.paragraphs) == 0 else "no stance cue found",
                           title_for(doc, "Who is for and against what"))
    matrix = _one_name_per_holder(doc, matrix)
    targets = matrix.groupby("target")[["favor", "against", "neutral"]].sum().sum(axis=1).sort_values(ascending=False, kind="stable")
    targets = targets.index[:max_targets].tolist()
    shown = matrix[matrix["target"].isin(targets)]
    holders = shown.groupby("holder")[["favor", "against", "neutral"]].sum().sum(axis=1).sort_values(ascending=False, kind="stable").index.tolist()
    fig, ax = new_figure(max(8.0, 1.1 * len(targets) + 4.0), max(3.5, 0.7 * len(holders) + 3.2))
    kinds = set()
    for _, row in shown.iterrows():
        x, y = targets.index(row["target"]), holders.index(row["holder"])
        label = max(("favor", "against", "neutral"), key=lambda k: row[k])
        mixed = (row["favor"] > 0) and (row["against"] > 0)
        kinds.add("both" if mixed else label)
        ax.scatter(x, y, s=300 + 200 * (row["favor"] + row["against"] + row["neutral"]),
                   color="#CC79A7" if mixed else STANCE_COLORS[label], edgecolor="white", zorder=3)
        ax.text(x, y, f"{int(row['favor'] + row['against'] + row['neutral'])}", ha="center", va="center", color="white",
                fontsize=9, fontweight="bold", zorder=4)
    ax.set_xticks(range(len(targets)), [wrap_label(t, 13, 3) for t in targets], fontsize=9)
    ax.set_yticks(range(len(holders)), [wrap_label(h, 22, 2) for h in holders], fontsize=10)
    ax.set_xlim(-0.6, len(targets) - 0.4)
    ax.set_ylim(len(holders) - 0.4, -0.6)
    ax.grid(True, color="#eeeeee", zorder=0)
    from matplotlib.lines import Line2D

    colours = dict(STANCE_COLORS, both="#CC79A7")
    handles = [Line2D([], [], marker="o", linestyle="", markersize=10, color=colours[k], label=k)
               for k in ("favor", "against", "neutral", "both") if k in kinds]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_xlabel("target")
    ax.set_ylabel("holder")
    ax.set_title(title_for(doc, "Who is for and against what"))
    return fig


def explain_paragraph(doc, para_id: int, *, top: int = 12):
    """The words behind one paragraph's scores: TextBlob (left) and VADER (right)."""
    from analysis.sentiment import explain

    scores = doc.sentiment
    rows = scores[(scores["level"] == "paragraph") & (scores["para_id"] == para_id)]
    if rows.empty:
        if len(doc.paragraphs) == 0:
            return empty_chart(NO_BODY, title_for(doc, f"Explain paragraph {para_id}"))
        raise ValueError(f"para_id={para_id}: the article has paragraphs "
                         f"{int(doc.paragraphs.para_id.min())} to {int(doc.paragraphs.para_id.max())}")
    table = explain(doc, para_id=para_id)
    row = rows.iloc[0]
    fig, axes = new_figure(12, 5.5, ncols=2)
    # fixed scales, so panels and paragraphs compare: a lone +0.10 stays small
    for ax, lexicon, title, limit in ((axes[0], "textblob", f"TextBlob: polarity {row.textblob_polarity:+.2f} (mean of words)", 1.0),
                                      (axes[1], "vader", f"VADER: compound {row.vader_compound:+.2f} (normalised sum)", 4.0)):
        part = table[(table["lexicon"] == lexicon) & (table["score"] != 0)]
        part = part.reindex(part["score"].abs().sort_values(ascending=False).index)[:top].iloc[::-1]
        labels = [w + (" (negated)" if n else "") for w, n in zip(part["words"], part["negated"])]
        colors = [STANCE_COLORS["favor"] if v > 0 else STANCE_COLORS["against"] for v in part["score"]]
        ax.barh(range(len(part)), part["score"], color=colors)
        ax.set_yticks(range(len(part)), labels)
        ax.axvline(0, color="#999999", linewidth=0.8)
        reach = max([limit] + [abs(float(v)) for v in part["score"]])
        ax.set_xlim(-1.05 * reach, 1.05 * reach)
        ax.set_title(title, fontsize=11)
        if part.empty:
            ax.text(0.5, 0.5, "no lexicon words", ha="center", va="center", transform=ax.transAxes)
    axes[0].set_xlabel("word polarity (−1 … +1)")
    axes[1].set_xlabel("word valence (−4 … +4)")
    fig.suptitle(title_for(doc, f"Explain paragraph {para_id}"), fontweight="bold")
    return fig


__all__ = ["explain_paragraph", "sentence_strip", "sentiment_arc", "stance_matrix_chart"]
