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


def _unplaced(events):
    """The rows of ``events`` that have no calendar value (their date is NaT), in table order."""
    from ..timeline import value_range

    return [row for row in events.itertuples(index=False) if value_range(row.value) is None]


def _why_unplaced(doc, rows) -> str:
    """One line saying why events are off the axis."""
    reasons = {str(getattr(r, "anchor", "") or "") for r in rows}
    if doc.published is None or reasons == {"unresolved: no publication date"}:
        return "the article has no publication date, so relative dates (in April, on Friday) cannot be placed"
    return "their dates could not be resolved (see the anchor column of doc.events)"


def _unplaced_line(row, *, width: int) -> str:
    para = f"¶{int(row.para_id)}" if row.para_id == row.para_id and row.para_id is not None else "¶?"
    head = f"{para} · {row.value or '(no value)'}{' ' + row.mod if row.mod else ''}"
    trigger = row.trigger if isinstance(row.trigger, str) and row.trigger else ""
    if trigger:
        head += f" · {trigger}"
    who = row.actors.split("; ") if isinstance(row.actors, str) and row.actors else []
    if who:
        head += " · " + ", ".join(who[:3]) + (" …" if len(who) > 3 else "")
    summary = row.summary if isinstance(row.summary, str) else ""
    return head + " — " + textwrap.shorten(summary, width=width, placeholder=" …")


def _label(row, *, width: int = 60) -> str:
    who = row.actors.split("; ") if isinstance(row.actors, str) and row.actors else []
    head = f"{row.value}{' ' + row.mod if row.mod else ''}"
    if who:
        head += " · " + ", ".join(who[:3]) + (" …" if len(who) > 3 else "")
    summary = row.summary if isinstance(row.summary, str) else ""
    return head + "\n" + textwrap.shorten(summary, width=width, placeholder=" …")


def _list_unplaced(ax, doc, off, shown, *, width: int) -> None:
    """Write the events that are not on the axis as a list in ``ax`` (no axes drawn)."""
    ax.axis("off")
    lines = [f"Not on the calendar ({len(off)}): {_why_unplaced(doc, off)}."]
    lines += ["  " + _unplaced_line(row, width=width) for row in shown]
    if len(off) > len(shown):
        lines.append(f"  … and {len(off) - len(shown)} more (see doc.events)")
    for k, line in enumerate(lines):
        ax.text(0.0, 1.0 - k / max(len(lines), 1), line, transform=ax.transAxes, ha="left", va="top",
                fontsize=9, fontweight="bold" if k == 0 else "normal", color="#222222" if k == 0 else "#444444")


def timeline_chart(doc, *, events=None, since=None, label_width: int = 60, max_unplaced: int = 12):
    """The article's dated events on a calendar axis, one row each, in chronological order.

    A day is drawn as a dot, a longer value (a month, a week, a season, a year) as a bar over the
    days it covers, with the part a mod names (START, MID, END) drawn darker; an event the text
    does not date (placed by rule at the publication date) is drawn hollow. The publication
    date is a dashed vertical line. Each row is labelled with its value, actors and summary.

    Events that cannot be placed (date NaT: ``XXXX-04`` in an article without a publication
    date, an impossible date) are listed below the axis in reading order, with a note saying why;
    when no event can be placed the axis says so (the chart never fails on an undated article).

    Args:
        doc: an annotated Document (its ``events`` layer is used).
        events: an events table to draw instead of ``doc.events`` (e.g. a filtered copy).
        since: leave out events that end before this date (``YYYY-MM-DD`` or a date), to keep
            one old reference ("the 1990s") from squeezing the rest.
        label_width: characters of summary shown per label.
        max_unplaced: at most this many events without a date are listed below the axis.

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
    off = _unplaced(ev)
    n = max(len(spans), 1)
    top = 1.2 + 0.75 * n
    if off:
        shown = off[:max_unplaced]
        bottom = 0.7 + 0.3 * (len(shown) + (len(off) > len(shown)))
        fig, (ax, ax_off) = new_figure(11, top + bottom, nrows=2, gridspec_kw={"height_ratios": [top, bottom]})
        _list_unplaced(ax_off, doc, off, shown, width=label_width + 30)
    else:
        fig, ax = new_figure(11, top)
    limits = None
    if spans:
        lo = min(s[1] for s in spans)
        hi = max([s[2] for s in spans] + ([doc.published] if doc.published else []))
        pad = max(7, (hi - lo).days // 10)
        limits = (lo - _dt.timedelta(days=pad), hi + _dt.timedelta(days=pad))
    for k, (row, a, b, fa, fb) in enumerate(spans):
        y = n - 1 - k
        color = PALETTE[k % 6]
        hollow = isinstance(row.note, str) and bool(row.note)
        if b > a:
            ax.barh(y, (b - a).days + 1, left=mdates.date2num(a), height=0.35, color=color, alpha=0.3, linewidth=0)
            ax.barh(y, (fb - fa).days + 1, left=mdates.date2num(fa), height=0.35, color=color, alpha=0.9, linewidth=0)
        else:
            ax.plot(mdates.date2num(a), y, "o", ms=9, color=color, mfc="white" if hollow else color, mew=2)
        # a label never leaves the axes: right of an event in the left half, left of it in the right half
        right_half = limits is not None and (b - limits[0]).days > 0.5 * (limits[1] - limits[0]).days
        if right_half:
            ax.annotate(_label(row, width=label_width), (mdates.date2num(a), y), xytext=(-8, 0),
                        textcoords="offset points", va="center", ha="right", fontsize=9)
        else:
            ax.annotate(_label(row, width=label_width), (mdates.date2num(b), y), xytext=(8, 0),
                        textcoords="offset points", va="center", fontsize=9)
    if doc.published is not None:
        x = mdates.date2num(doc.published)
        ax.axvline(x, color="#444444", linestyle="--", linewidth=1)
        late = limits is not None and (doc.published - limits[0]).days > 0.5 * (limits[1] - limits[0]).days
        ax.annotate("published", (x, n - 0.4), xytext=(-3 if late else 3, 0), textcoords="offset points", fontsize=9,
                    color="#444444", ha="right" if late else "left")
    if not spans:
        msg = ("no event can be placed on the calendar: the article has no publication date\n"
               "(give one: PUBLISHED in the notebook, --published YYYY-MM-DD, or a .yml sidecar)"
               if off and doc.published is None else "no dated events found")
        ax.text(0.5, 0.5, msg, transform=ax.transAxes, ha="center", va="center")
    ax.set_yticks([])
    ax.set_ylim(-0.8, n - 0.2)
    ax.spines["left"].set_visible(False)
    ax.set_title(title_for(doc, "Timeline"))
    if not spans and doc.published is None:  # no calendar to show: no meaningless 1970 ticks
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        return fig
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if limits is not None:
        ax.set_xlim(mdates.date2num(limits[0]), mdates.date2num(limits[1]))
    ax.set_xlabel("date (bars: the period a month, week or season covers; dark: early / mid / late part)"
                  + ("\nno publication date: only the dates the text gives in full are placed" if doc.published is None and spans else ""))
    return fig


def narrative_order(doc, *, events=None):
    """The order the article tells its events in (paragraph) against the order they happened (date).

    Each dated event is a point at (paragraph, date; the middle of a longer period, which is also
    drawn as a bar over the days it covers); a line joins them in reading order,
    so a zigzag shows the article moving back and forth in time. The publication date is a
    dashed horizontal line. Events that cannot be placed (date NaT) are counted in a note.

    Args:
        doc: an annotated Document.
        events: an events table to draw instead of ``doc.events``.

    Returns:
        the matplotlib Figure.
    """
    import matplotlib.dates as mdates

    ev = doc.events if events is None else events
    spans = _spans(ev)
    pts = sorted(((int(row.para_id), row.sent_id, fa + (fb - fa) / 2, row, a, b) for row, a, b, fa, fb in spans),
                 key=lambda t: (t[0], t[1]))
    fig, ax = new_figure(9, 5.5)
    if pts:
        xs = [p[0] for p in pts]
        ys = [mdates.date2num(p[2]) for p in pts]
        ax.plot(xs, ys, "-", color="#999999", linewidth=1, zorder=1)
        for x, p in zip(xs, pts):  # a month, week or season: a bar over the days it covers
            if p[5] > p[4]:
                ax.bar(x, (p[5] - p[4]).days + 1, bottom=mdates.date2num(p[4]), width=0.25, color=PALETTE[0],
                       alpha=0.3, linewidth=0, zorder=1)
        ax.scatter(xs, ys, s=60, color=PALETTE[0], zorder=2)
        last = max(len(doc.paragraphs), 1)
        for x, y, p in zip(xs, ys, pts):  # labels of the right half go to the left of their point
            right = x > 0.6 * last
            ax.annotate(p[3].value, (x, y), xytext=(-6 if right else 6, 4), textcoords="offset points", fontsize=9,
                        ha="right" if right else "left")
    off = _unplaced(ev)
    if not pts:
        ax.text(0.5, 0.5, "no event can be placed on the calendar:\nthe article has no publication date"
                if off and doc.published is None else "no dated events found",
                transform=ax.transAxes, ha="center", va="center")
    if off:
        ax.text(0.99, 0.02, f"{len(off)} event{'s' if len(off) > 1 else ''} not shown: "
                + ("the article has no publication date" if doc.published is None else "date unresolved"),
                transform=ax.transAxes, ha="right", va="bottom", fontsize=9, color="#444444")
    if doc.published is not None:
        ax.axhline(mdates.date2num(doc.published), color="#444444", linestyle="--", linewidth=1)
        ax.annotate("published", (ax.get_xlim()[0], mdates.date2num(doc.published)), xytext=(2, 3),
                    textcoords="offset points", fontsize=9, color="#444444")
    if pts or doc.published is not None:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.yaxis.set_major_locator(locator)
        ax.yaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:  # no calendar to show: no meaningless 1970 ticks
        ax.set_yticks([])
    n_para = len(doc.paragraphs)
    ax.set_xlim(0.5, max(n_para, 1) + 0.5)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("paragraph (reading order)")
    ax.set_ylabel("date of the event")
    ax.set_title(title_for(doc, "Narrative order vs chronology"))
    return fig
