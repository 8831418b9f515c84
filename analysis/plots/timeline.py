"""Timeline charts: the dated events on a calendar axis, and the article's narrative order.

>>> import analysis
>>> doc = analysis.annotate(analysis.SEED)
>>> fig = analysis.plots.timeline_chart(doc)           # doctest: +SKIP
>>> fig = analysis.plots.narrative_order(doc)          # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import textwrap

from .style import PALETTE, new_figure, title_for

_MOD_PART = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}


def _spans(events):
    """(row, first day, last day, focus first, focus last) for each event with a calendar value."""
    from ..timeline import value_range

    out = []
    for row in events.itertuples(index=False):
        rng = value_range(row.value)
        if rng is None:
            continue
        a, b = rng
        fa, fb = a, b
        part = _MOD_PART.get(row.mod or "")
        if part and b > a:
            days = (b - a).days + 1
            fa = a + _dt.timedelta(days=int(days * part[0]))
            fb = a + _dt.timedelta(days=max(0, int(days * part[1]) - 1))
        out.append((row, a, b, fa, fb))
    return out


def _label(row, *, width: int = 60) -> str:
    who = row.actors.split("; ") if isinstance(row.actors, str) and row.actors else []
    head = f"{row.value}{' ' + row.mod if row.mod else ''}"
    if who:
        head += " · " + ", ".join(who[:3]) + (" …" if len(who) > 3 else "")
    summary = row.summary if isinstance(row.summary, str) else ""
    return head + "\n" + textwrap.shorten(summary, width=width, placeholder=" …")


def timeline_chart(doc, *, events=None, since=None, label_width: int = 60):
    """The article's dated events on a calendar axis, one row each, in chronological order.

    A day is drawn as a dot, a longer value (a month, a week, a season, a year) as a bar over the
    days it covers, with the part a mod names (START, MID, END) drawn darker; an event the text
    does not date (placed by rule at the publication date) is drawn hollow. The publication
    date is a dashed vertical line. Each row is labelled with its value, actors and summary.

    Args:
        doc: an annotated Document (its ``events`` layer is used).
        events: an events table to draw instead of ``doc.events`` (e.g. a filtered copy).
        since: leave out events that end before this date (``YYYY-MM-DD`` or a date), to keep
            one old reference ("the 1990s") from squeezing the rest.
        label_width: characters of summary shown per label.

    Returns:
        the matplotlib Figure.
    """
    import matplotlib.dates as mdates

    ev = doc.events if events is None else events
    spans = _spans(ev)
    if since is not None:
        from ..article import parse_date

        since = since if isinstance(since, _dt.date) else parse_date(since, what="since")
        spans = [s for s in spans if s[2] >= since]
    n = max(len(spans), 1)
    fig, ax = new_figure(11, 1.2 + 0.75 * n)
    for k, (row, a, b, fa, fb) in enumerate(spans):
        y = n - 1 - k
        color = PALETTE[k % 6]
        hollow = isinstance(row.note, str) and bool(row.note)
        if b > a:
            ax.barh(y, (b - a).days + 1, left=mdates.date2num(a), height=0.35, color=color, alpha=0.3, linewidth=0)
            ax.barh(y, (fb - fa).days + 1, left=mdates.date2num(fa), height=0.35, color=color, alpha=0.9, linewidth=0)
        else:
            ax.plot(mdates.date2num(a), y, "o", ms=9, color=color, mfc="white" if hollow else color, mew=2)
        ax.annotate(_label(row, width=label_width), (mdates.date2num(b), y), xytext=(8, 0),
                    textcoords="offset points", va="center", fontsize=9)
    if doc.published is not None:
        x = mdates.date2num(doc.published)
        ax.axvline(x, color="#444444", linestyle="--", linewidth=1)
        ax.annotate("published", (x, n - 0.4), xytext=(3, 0), textcoords="offset points", fontsize=9, color="#444444")
    if not spans:
        ax.text(0.5, 0.5, "no dated events found", transform=ax.transAxes, ha="center", va="center")
    ax.set_yticks([])
    ax.set_ylim(-0.8, n - 0.2)
    ax.spines["left"].set_visible(False)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if spans:
        lo = min(s[1] for s in spans)
        hi = max([s[2] for s in spans] + ([doc.published] if doc.published else []))
        pad = max(7, (hi - lo).days // 10)
        ax.set_xlim(mdates.date2num(lo - _dt.timedelta(days=pad)), mdates.date2num(hi + _dt.timedelta(days=pad * 4)))
    ax.set_title(title_for(doc, "Timeline"))
    ax.set_xlabel("date (bars: the period a month, week or season covers; dark: early / mid / late part)")
    return fig


def narrative_order(doc, *, events=None):
    """The order the article tells its events in (paragraph) against the order they happened (date).

    Each dated event is a point at (paragraph, start date); a line joins them in reading order,
    so a zigzag shows the article moving back and forth in time. The publication date is a
    dashed horizontal line.

    Args:
        doc: an annotated Document.
        events: an events table to draw instead of ``doc.events``.

    Returns:
        the matplotlib Figure.
    """
    import matplotlib.dates as mdates

    ev = doc.events if events is None else events
    spans = _spans(ev)
    pts = sorted(((int(row.para_id), row.sent_id, fa + (fb - fa) / 2, row) for row, a, b, fa, fb in spans),
                 key=lambda t: (t[0], t[1]))
    fig, ax = new_figure(9, 5.5)
    if pts:
        xs = [p[0] for p in pts]
        ys = [mdates.date2num(p[2]) for p in pts]
        ax.plot(xs, ys, "-", color="#999999", linewidth=1, zorder=1)
        ax.scatter(xs, ys, s=60, color=PALETTE[0], zorder=2)
        for x, y, p in zip(xs, ys, pts):
            ax.annotate(p[3].value, (x, y), xytext=(6, 4), textcoords="offset points", fontsize=9)
    else:
        ax.text(0.5, 0.5, "no dated events found", transform=ax.transAxes, ha="center", va="center")
    if doc.published is not None:
        ax.axhline(mdates.date2num(doc.published), color="#444444", linestyle="--", linewidth=1)
        ax.annotate("published", (ax.get_xlim()[0], mdates.date2num(doc.published)), xytext=(2, 3),
                    textcoords="offset points", fontsize=9, color="#444444")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.yaxis.set_major_locator(locator)
    ax.yaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    n_para = len(doc.paragraphs)
    ax.set_xlim(0.5, max(n_para, 1) + 0.5)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("paragraph (reading order)")
    ax.set_ylabel("date of the event")
    ax.set_title(title_for(doc, "Narrative order vs chronology"))
    return fig
