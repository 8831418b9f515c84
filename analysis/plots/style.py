"""The house style for charts: the Okabe-Ito colour-blind-safe palette, slide-size text."""

from __future__ import annotations

#: Okabe & Ito (2008), "Color Universal Design": distinguishable under common colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: colours by actor type, used by every actor chart and the highlighted text
KIND_COLORS = {"state": "#0072B2", "igo": "#E69F00", "person": "#009E73", "armed_group": "#D55E00",
               "media": "#CC79A7", "place": "#999999", "org": "#56B4E9", "party": "#F0E442", "other": "#666666"}
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
    """A new ``(fig, ax)`` in the house style, without pyplot's global state where possible."""
    apply_style()
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height), layout="constrained", **kwargs)


def title_for(doc, what: str) -> str:
    """A chart title that names the article: ``"<what> — <article title>"`` (shortened)."""
    title = getattr(doc, "title", None) or "article"
    if len(title) > 60:
        title = title[:57].rstrip() + "…"
    return f"{what} — “{title}”"
