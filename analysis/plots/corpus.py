"""Charts comparing articles: key terms per article, actors per article, one timeline, stance.

Each function takes the table of the matching view in :mod:`analysis.corpus` and returns its
matplotlib Figure.

>>> from analysis import corpus, plots
>>> fig = plots.corpus_keyness(corpus.keyness("corpus-out"))      # doctest: +SKIP
"""

from __future__ import annotations

import math

import pandas as pd

from .style import PALETTE, STANCE_COLORS, integer_ticks, new_figure


def _short(text, n: int = 28) -> str:
    """``text`` in at most ``n`` characters, cut at a word boundary with … (never mid-word)."""
    from .style import wrap_label

    text = " ".join(str(text).split())
    if len(text) <= n:
        return text
    cut = wrap_label(text, n, 1)
    return cut if len(cut) > 2 else text[: n - 1] + "…"


def _titled(title: str, note) -> str:
    """The title, with ``note`` (e.g. "demo corpus: invented texts") on a second line when given."""
    from .style import wrap_label

    return f"{title}\n" + wrap_label(f"({note})", 60, 3) if note else title


def _empty(message: str, title: str):
    fig, ax = new_figure(8, 2.5)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#666666", transform=ax.transAxes)
    ax.set_title(title)
    return fig


def corpus_keyness(key: pd.DataFrame, *, top: int = 6, title: str = "What makes each article distinctive", note: str | None = None):
    """Small multiples: each article's ``top`` key terms against the rest, bars of G².

    Args:
        key: the table of :func:`analysis.corpus.keyness`.
        top: terms per article.
        title: the figure title.
        note: a second title line saying where the articles come from (``corpus.DEMO_NOTE``
            for the demo corpus).
    """
    title = _titled(title, note)
    if key.empty:
        return _empty("no key terms (the corpus needs at least two articles)", title)
    articles = list(dict.fromkeys(key["article_id"]))
    cols = min(3, len(articles))
    rows = math.ceil(len(articles) / cols)
    fig, axes = new_figure(4.2 * cols, 0.45 * top * rows + 1.2 * rows, nrows=rows, ncols=cols, squeeze=False)
    for i, ax in enumerate(axes.flat):
        if i >= len(articles):
            ax.axis("off")
            continue
        sub = key[key["article_id"] == articles[i]].nsmallest(top, "rank").iloc[::-1]
        ax.barh(sub["term"].map(_short), sub["g2"], color=PALETTE[i % len(PALETTE)])
        ax.set_title(_short(articles[i], 34), fontsize=11)
        ax.set_xlabel("G² (log-likelihood)")
    fig.suptitle(title, fontweight="bold")
    return fig


def corpus_actors(actors: pd.DataFrame, *, top: int = 15, title: str = "Who each article names", note: str | None = None):
    """Heat map: the ``top`` actors (most articles, then most mentions) × articles, mention counts.

    Args:
        actors: the table of :func:`analysis.corpus.actor_mentions`.
        top: actors shown (rows).
        title: the figure title.
        note: a second title line (``corpus.DEMO_NOTE`` for the demo corpus).
    """
    title = _titled(title, note)
    if actors.empty:
        return _empty("no actor mentions in this corpus", title)
    order = (actors.groupby("actor_id").agg(n=("n_articles", "first"), m=("mentions", "sum"), actor=("actor", "first"))
             .sort_values(["n", "m"], ascending=False).head(top))
    table = (actors[actors["actor_id"].isin(order.index)]
             .pivot_table(index="actor_id", columns="article_id", values="mentions", aggfunc="sum", fill_value=0)
             .reindex(order.index))
    fig, ax = new_figure(max(6, 1.3 * table.shape[1] + 3), 0.38 * len(table) + 2)
    im = ax.imshow(table.values, cmap="Blues", aspect="auto")
    ax.set_yticks(range(len(table)), [_short(order.loc[i, "actor"], 30) for i in table.index])
    ax.set_xticks(range(table.shape[1]), [_short(c, 22) for c in table.columns], rotation=30, ha="right")
    vmax = table.values.max() or 1
    for (r, c), v in pd.DataFrame(table.values).stack().items():
        if v:
            ax.text(c, r, int(v), ha="center", va="center", fontsize=9, color="white" if v > vmax / 2 else "black")
    integer_ticks(fig.colorbar(im, ax=ax, label="mentions", shrink=0.8).ax.yaxis)
    source = actors["source"].iloc[0] if "source" in actors.columns else ""
    ax.set_title(title + (f"\n(from {source})" if source and source != "mentions" else ""))
    return fig


def corpus_timeline(timeline: pd.DataFrame, *, title: str = "Dates in the corpus, article by article", note: str | None = None):
    """One row per article, a dot per dated event (or expression), the publication date as a bar.

    Args:
        timeline: the table of :func:`analysis.corpus.combined_timeline`.
        title: the figure title.
        note: a second title line (``corpus.DEMO_NOTE`` for the demo corpus).
    """
    title = _titled(title, note)
    import matplotlib.dates as mdates

    from ..timeline import value_range

    dated = timeline.dropna(subset=["date"]) if not timeline.empty else timeline
    if dated.empty:
        return _empty("no dated events in this corpus", title)
    articles = list(dict.fromkeys(timeline.sort_values("published", na_position="last")["article_id"]))
    fig, ax = new_figure(10, 0.6 * len(articles) + 2)
    for i, article in enumerate(articles):
        sub = dated[dated["article_id"] == article]
        colour = PALETTE[i % len(PALETTE)]
        days = []
        for value, date in zip(sub["value"], sub["date"]):
            rng = value_range(str(value).split("T")[0]) if isinstance(value, str) else None
            if rng is not None and rng[1] > rng[0]:  # a month, week, season or year: a bar over its days
                ax.barh(i, (rng[1] - rng[0]).days + 1, left=mdates.date2num(rng[0]), height=0.4,
                        color=colour, alpha=0.45, linewidth=0, zorder=2)
            else:
                days.append(date)
        if days:
            ax.scatter(pd.to_datetime(pd.Series(days)), [i] * len(days), s=40, color=colour, zorder=3)
        pub = timeline.loc[timeline["article_id"] == article, "published"].dropna()
        if len(pub):
            ax.scatter(pd.to_datetime(pub.iloc[:1]), [i], marker="|", s=400, color="black", zorder=4)
    ax.xaxis_date()
    ax.margins(x=0.04)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_yticks(range(len(articles)), [_short(a, 30) for a in articles])
    ax.invert_yaxis()
    ax.set_xlabel("date  (dot: a day · bar: a month, season or year · | publication date)")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title)
    return fig


def corpus_stance(stance: pd.DataFrame, *, top: int = 12, title: str = "Stance by holder across the corpus", note: str | None = None):
    """Stacked bars per holder: statements in favour, against and neutral.

    Args:
        stance: the table of :func:`analysis.corpus.stance_by_holder`.
        top: holders shown (most statements first).
        title: the figure title.
        note: a second title line (``corpus.DEMO_NOTE`` for the demo corpus).
    """
    title = _titled(title, note)
    if stance.empty:
        return _empty("no stance statements (the stance layer is absent or found none)", title)
    sub = stance.head(top).iloc[::-1]
    fig, ax = new_figure(9, 0.45 * len(sub) + 1.8)
    left = pd.Series(0, index=sub.index, dtype=float)
    labels = sub["holder"].map(_short) + " (" + sub["n_articles"].astype(str) + " art.)"
    for s in ("favor", "against", "neutral"):
        ax.barh(labels, sub[s], left=left, color=STANCE_COLORS[s], label=s)
        left += sub[s]
    ax.set_xlabel("statements")
    integer_ticks(ax.xaxis)
    ax.legend(loc="lower right")
    ax.set_title(title)
    return fig
