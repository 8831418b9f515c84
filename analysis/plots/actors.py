"""Actor charts: actor × paragraph heatmap, top actors by type, co-occurrence network.

Each function takes an annotated document and returns its matplotlib Figure, coloured by
actor type with :data:`analysis.plots.style.KIND_COLORS`.

>>> import analysis
>>> fig = analysis.plots.actor_heatmap(analysis.annotate(analysis.SEED))   # doctest: +SKIP
"""

from __future__ import annotations

from .style import KIND_COLORS, NO_BODY, empty_chart, integer_ticks, kind_legend, new_figure, title_for


def actor_heatmap(doc, *, top: int = 15, include_places: bool = False):
    """Mentions of the ``top`` most mentioned actors in each paragraph (darker = more).

    >>> fig = actor_heatmap(doc)        # doctest: +SKIP
    """
    from ..actors import actor_paragraph_matrix, actor_table

    if top < 1:
        raise ValueError(f"top must be 1 or more, not {top}")
    mat = actor_paragraph_matrix(doc, include_places=include_places, top=top)
    if mat.empty:
        return empty_chart(NO_BODY if len(doc.paragraphs) == 0 else "no actors found", title_for(doc, "Who appears where"))
    table = actor_table(doc, include_places=include_places)
    types = dict(zip(table["actor"], table["actor_type"]))
    fig, ax = new_figure(max(8.0, 0.5 * mat.shape[1] + 5), max(3.0, 0.38 * max(1, mat.shape[0]) + 2.6))
    im = ax.imshow(mat.values, aspect="auto", cmap="Blues", vmin=0)
    ax.set_xticks(range(mat.shape[1]), [str(c) for c in mat.columns])
    ax.set_yticks(range(mat.shape[0]), mat.index.tolist())
    for label in ax.get_yticklabels():
        label.set_color(KIND_COLORS.get(types.get(label.get_text()), KIND_COLORS["other"]))
    for (i, j), v in __import__("numpy").ndenumerate(mat.values):
        if v:
            ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                    color="white" if v > mat.values.max() / 2 else "black")
    ax.set_xlabel("paragraph")
    bar = fig.colorbar(im, ax=ax, label="mentions", shrink=0.8)
    integer_ticks(bar.ax.yaxis)
    kinds = [types.get(a, "other") for a in mat.index]
    kind_legend(ax, kinds, loc="upper center", bbox_to_anchor=(0.5, -0.09 - 0.6 / max(3.0, 0.38 * len(kinds) + 1.8)),
                ncols=min(4, len(set(kinds))), fontsize=10, title_fontsize=10, title="name colour: actor type")
    ax.set_title(title_for(doc, "Who appears where"))
    return fig


def top_actors_chart(doc, *, n: int = 5):
    """Horizontal bars: the ``n`` most mentioned actors of each type, coloured by type."""
    from ..actors import top_actors

    t = top_actors(doc, n=n).iloc[::-1]
    if t.empty:
        return empty_chart(NO_BODY if len(doc.paragraphs) == 0 else "no actors found",
                           title_for(doc, "Most mentioned actors by type"))
    fig, ax = new_figure(10, max(3.0, 0.35 * max(1, len(t)) + 1.5))
    ax.barh(range(len(t)), t["n_mentions"], color=[KIND_COLORS.get(k, KIND_COLORS["other"]) for k in t["actor_type"]])
    ax.set_yticks(range(len(t)), t["actor"].tolist())
    ax.set_xlabel("mentions (any name, alias, role or pronoun)")
    integer_ticks(ax.xaxis)
    kind_legend(ax, t["actor_type"][::-1], loc="lower right")
    ax.set_title(title_for(doc, "Most mentioned actors by type"))
    return fig


def actor_network(doc, *, unit: str = "sentence", min_weight: int = 1, seed: int = 7):
    """Actors linked when they are mentioned in the same sentence (or paragraph).

    Node size follows the number of mentions, edge width the number of shared sentences.
    The layout is a spring layout with a fixed ``seed`` so the picture is reproducible.
    """
    import networkx as nx

    from ..actors import cooccurrence

    if min_weight < 1:
        raise ValueError(f"min_weight must be 1 or more, not {min_weight}")
    g = cooccurrence(doc, unit=unit)
    g.remove_edges_from([(a, b) for a, b, w in g.edges(data="weight") if w < min_weight])
    fig, ax = new_figure(10, 7)
    ax.set_axis_off()
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no actors found", ha="center", va="center", transform=ax.transAxes)
    else:
        pos = nx.spring_layout(g, seed=seed, k=1.2 / max(1, g.number_of_nodes()) ** 0.5, weight="weight")
        widths = [0.8 + 1.2 * w for _, _, w in g.edges(data="weight")]
        nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#bbbbbb")
        sizes = [200 + 120 * g.nodes[n]["n_mentions"] for n in g.nodes]
        colors = [KIND_COLORS.get(g.nodes[n]["actor_type"], KIND_COLORS["other"]) for n in g.nodes]
        nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color=colors, alpha=0.85)
        nx.draw_networkx_labels(g, pos, ax=ax, labels={n: g.nodes[n]["actor"] if len(g.nodes[n]["actor"]) <= 18 else n for n in g.nodes},
                                font_size=9)
        kind_legend(ax, sorted({g.nodes[n]["actor_type"] for n in g.nodes}), loc="upper left", bbox_to_anchor=(1.0, 1))
    ax.set_title(title_for(doc, f"Actors named in the same {unit}"))
    return fig


__all__ = ["actor_heatmap", "actor_network", "top_actors_chart"]
