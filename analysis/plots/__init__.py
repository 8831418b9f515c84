"""Charts: one consistent, colour-blind-safe matplotlib style; every function returns its Figure.

The chart functions live in topic modules (``plots.terms``, ``plots.actors``,
``plots.sentiment``, ``plots.timeline``, ``plots.corpus``) and are reachable here by name,
e.g. ``analysis.plots.top_terms(doc)``. matplotlib is imported only when a chart is drawn.
Restyle a returned figure as usual (``fig.axes[0].set_title(...)``), then export it with
:func:`analysis.export.save`.
"""

from __future__ import annotations

import importlib

from .style import PALETTE, KIND_COLORS, STANCE_COLORS, apply_style, new_figure, title_for

_TOPICS = ("terms", "actors", "sentiment", "timeline", "corpus")


def __getattr__(name: str):
    if name.startswith("_"):
        raise AttributeError(name)
    for topic in _TOPICS:
        try:
            module = importlib.import_module(f"{__name__}.{topic}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{topic}":
                continue
            raise
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"analysis.plots has no chart called {name!r}")


__all__ = ["PALETTE", "KIND_COLORS", "STANCE_COLORS", "apply_style", "new_figure", "title_for"]
