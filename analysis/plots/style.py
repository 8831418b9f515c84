"""The house style for charts: the Okabe-Ito colour-blind-safe palette, slide-size text."""

from __future__ import annotations

#: Okabe & Ito (2008), "Color Universal Design": distinguishable under common colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: colours by actor type, used by every actor chart and the highlighted text
KIND_COLORS = {"state": "#0072B2", "igo": "#E69F00", "person": "#009E73", "armed_group": "#D55E00",
               "media": "#CC79A7", "place": "#999999", "org": "#56B4E9", "party": "#F0E442",
               "other": "#666666"}
#: actor types as a reader names them (the tables keep the short codes)
KIND_NAMES = {"state": "state", "igo": "international organisation", "person": "person",
              "armed_group": "armed group", "media": "news media", "place": "place", "org": "organisation",
              "party": "political party", "other": "other"}


def kind_name(kind) -> str:
    """The readable name of an actor type: ``"igo"`` -> ``"international organisation"``."""
    kind = "other" if kind is None or kind != kind else str(kind)
    return KIND_NAMES.get(kind, kind.replace("_", " "))


def kind_legend(ax, kinds, **kwargs):
    """A legend with one coloured patch per actor type in ``kinds`` (in that order), readable names."""
    from matplotlib.patches import Patch

    kinds = list(dict.fromkeys(kinds))
    handles = [Patch(color=KIND_COLORS.get(k, KIND_COLORS["other"]), label=kind_name(k)) for k in kinds]
    kwargs.setdefault("title", "actor type")
    return ax.legend(handles=handles, **kwargs)


#: colours by stance: favour blue, against vermilion (distinct for red-green colour blindness)
STANCE_COLORS = {"favor": "#0072B2", "against": "#D55E00", "neutral": "#999999"}

RC = {
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "legend.frameon": False,
    "svg.fonttype": "none",
}


def apply_style() -> None:
    """Set the house style in matplotlib's rcParams (idempotent)."""
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update(RC)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=PALETTE)


def new_figure(width: float = 10, height: float = 5.5, **kwargs):
    """A new ``(fig, ax)`` in the house style, not kept by pyplot.

    The figure is made with pyplot (so Jupyter's inline display is set up) and closed at once:
    pyplot forgets it, so Jupyter shows it only where it is the value of a cell (or passed to
    ``display``), never a second time when the cell ends, and a loop of charts holds no memory.
    A closed figure still draws, restyles and saves as usual.
    """
    apply_style()
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(figsize=(width, height), layout="constrained", **kwargs)
    plt.close(fig)
    return fig, axes


def empty_chart(message: str, title: str, *, width: float = 9, height: float = 2.5):
    """A small figure that says why there is nothing to draw (an article with no body, no dates ...)."""
    fig, ax = new_figure(width, height)
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555555", wrap=True,
            transform=ax.transAxes)
    ax.set_title(title)
    return fig


def integer_ticks(axis) -> None:
    """Whole-number ticks only on ``axis`` (``ax.xaxis``): a count has no 2.5 occurrences."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def wrap_label(text, width: int = 24, lines: int = 2) -> str:
    """``text`` wrapped at word boundaries into at most ``lines`` lines, with … if cut (never mid-word)."""
    import textwrap

    text = " ".join(str(text).split())
    parts = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1].rstrip(" ,;:.") + "…"
    return "\n".join(parts)


def no_body(doc) -> bool:
    """True when the article has no body word (a title-only file, or a body that was lost)."""
    tokens = doc.tokens
    return len(tokens) == 0 or bool(tokens["is_punct"].all())


#: what the charts say when the article has no body text
NO_BODY = "no body text in this article (only a title?), so there is nothing to draw"


def title_for(doc, what: str) -> str:
    """A chart title that names the article: ``"<what> — “<article title>”"``, on two lines when long.

    The article title is shortened at a word boundary (with …) beyond 60 characters.
    """
    title = " ".join(str(getattr(doc, "title", None) or "article").split())
    if len(title) > 60:
        title = wrap_label(title, 58, 1)
    if len(what) + len(title) > 58:  # two lines rather than a title wider than the chart
        return f"{what}\n“{title}”"
    return f"{what} — “{title}”"
