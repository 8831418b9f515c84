"""Charts of term frequencies: top terms, dispersion, term × paragraph heatmap, paragraph lengths.

Every function takes the annotated article first, draws with the house style
(:mod:`analysis.plots.style`) and returns the matplotlib Figure, ready to restyle or export
with :func:`analysis.export.save`.

>>> fig = top_terms(doc, n=15)                          # doctest: +SKIP
>>> analysis.export.save(fig, "02-top-terms", "charts")  # doctest: +SKIP
"""

from __future__ import annotations

from .style import NO_BODY, PALETTE, empty_chart, integer_ticks, new_figure, no_body, title_for


def top_terms(doc, *, n: int = 15, by: str = "lemma", extra_stopwords=None, include_stopwords: bool = False):
    """Horizontal bar chart of the ``n`` most frequent terms, the most frequent at the top.

    Args:
        doc: the annotated article.
        n: how many terms (1–100).
        by: ``"lemma"`` (default), ``"lower"`` or ``"text"`` (see :func:`analysis.terms.term_frequencies`).
        extra_stopwords: words to leave out besides the stopword list (e.g. ``["said"]``).
        include_stopwords: ``True`` keeps stopwords (they then fill the chart).

    >>> fig = top_terms(analysis.annotate(analysis.SEED), n=10)   # doctest: +SKIP
    """
    from ..terms import _check_int, term_frequencies

    _check_int("n", n, 1, 100)
    tf = term_frequencies(doc, by=by, extra_stopwords=extra_stopwords, include_stopwords=include_stopwords)
    tf = tf[tf["term"].str.contains(r"[^\W\d_]", regex=True)].head(n)
    what = "lemmas" if by == "lemma" else "words"
    if tf.empty:
        return empty_chart(NO_BODY if no_body(doc) else "no content word to count (every word is a stopword)",
                           title_for(doc, f"Most frequent {what}"))
    fig, ax = new_figure(9, max(2.5, 0.32 * len(tf) + 1.2))
    labels = tf["term"].tolist()[::-1]
    counts = tf["count"].tolist()[::-1]
    bars = ax.barh(labels, counts, color=PALETTE[0])
    ax.bar_label(bars, padding=3, fontsize=10)
    integer_ticks(ax.xaxis)
    ax.set_xlabel(f"occurrences (of {int(tf['count'].sum()) if len(tf) else 0} shown; stopwords "
                  f"{'included' if include_stopwords else 'excluded, with honorifics and reporting verbs'})")
    ax.set_title(title_for(doc, f"Most frequent {what}"))
    ax.margins(x=0.08)
    return fig


def dispersion_plot(doc, terms=None, *, by: str = "lemma", top: int = 6, extra_stopwords=None):
    """Where each term occurs across the article: one row per term, one tick per occurrence.

    The first term given is the top row (NLTK's ``dispersion_plot`` once drew its labels in
    reverse order); grey vertical lines mark paragraph starts, numbered ¶1, ¶2 ...

    Args:
        doc: the annotated article.
        terms: words or phrases (matched as in :func:`analysis.terms.kwic`); default: the ``top``
            most frequent content terms.
        by: ``"lemma"`` (default), ``"word"`` or ``"regex"``.
        top: number of default terms.
        extra_stopwords: words left out of the default terms.

    >>> fig = dispersion_plot(analysis.annotate(analysis.SEED), ["Afghanistan", "Taliban"])  # doctest: +SKIP
    """
    from ..terms import _default_terms, _prep, _terms_list, dispersion

    if terms is None:
        terms = _default_terms(doc, top, "lemma" if by == "lemma" else "lower", extra_stopwords)
        if not terms:
            return empty_chart(NO_BODY if no_body(doc) else "no content word to place",
                               title_for(doc, "Where the terms occur"))
    terms = _terms_list(terms)
    hits = dispersion(doc, terms, by=by)
    prep = _prep(doc)
    n_words = len(prep.word_idx)
    fig, ax = new_figure(11, max(2.2, 0.45 * len(terms) + 1.4))
    for row, term in enumerate(terms):
        xs = hits.loc[hits["term"] == term, "word_position"].tolist()
        ax.scatter(xs, [row] * len(xs), marker="|", s=300, linewidths=2, color=PALETTE[row % len(PALETTE)])
    # paragraph starts
    starts = {}
    for i in prep.word_idx:
        starts.setdefault(prep.para[i], prep.word_pos[i])
    for p, x in starts.items():
        ax.axvline(x, color="#bbbbbb", linewidth=0.8, zorder=0)
        ax.text(x, -0.9, f"¶{p}", fontsize=8, color="#777777", ha="left", va="bottom")
    ax.set_yticks(range(len(terms)), labels=terms)
    ax.set_ylim(len(terms) - 0.5, -1)  # first term on top
    ax.set_xlim(0, max(n_words, 1))
    ax.set_xlabel("position in the article (words from the start)")
    ax.set_title(title_for(doc, "Where the terms occur"))
    return fig


def term_heatmap(doc, terms=None, *, by: str = "lemma", top: int = 12, extra_stopwords=None, relative: bool = False):
    """Term × paragraph heatmap of counts (or of occurrences per 1,000 words with ``relative``).

    Args:
        doc: the annotated article.
        terms: words or phrases; default: the ``top`` most frequent content terms.
        by: ``"lemma"`` (default), ``"word"`` or ``"regex"``.
        top: number of default terms.
        extra_stopwords: words left out of the default terms.
        relative: colour by occurrences per 1,000 words of the paragraph instead of counts.

    >>> fig = term_heatmap(analysis.annotate(analysis.SEED))   # doctest: +SKIP
    """
    from ..terms import _default_terms, _terms_list, term_paragraph_counts

    if terms is None and not _default_terms(doc, top, "lemma" if by == "lemma" else "lower", extra_stopwords):
        return empty_chart(NO_BODY if no_body(doc) else "no content word to count", title_for(doc, "Terms by paragraph"))
    table = term_paragraph_counts(doc, terms, by=by, top=top, extra_stopwords=extra_stopwords)
    order = list(dict.fromkeys(table["term"])) if terms is None else _terms_list(terms)
    value = "per_1000" if relative else "count"
    grid = table.pivot(index="term", columns="para_id", values=value).reindex(order)
    counts = table.pivot(index="term", columns="para_id", values="count").reindex(order)
    fig, ax = new_figure(max(6, 0.55 * grid.shape[1] + 3), max(2.5, 0.42 * len(order) + 1.5))
    im = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="Blues", vmin=0)
    ax.set_xticks(range(grid.shape[1]), labels=[f"¶{p}" for p in grid.columns])
    ax.set_yticks(range(len(order)), labels=order)
    vmax = float(grid.to_numpy(dtype=float).max()) if grid.size else 0.0
    for r in range(grid.shape[0]):
        for c in range(grid.shape[1]):
            n = int(counts.iat[r, c])
            if n:
                dark = grid.iat[r, c] > 0.6 * vmax
                ax.text(c, r, str(n), ha="center", va="center", fontsize=9, color="white" if dark else "black")
    ax.set_xlabel("paragraph")
    bar = fig.colorbar(im, ax=ax, label="per 1,000 words of the paragraph" if relative else "occurrences", shrink=0.8)
    if not relative:
        integer_ticks(bar.ax.yaxis)
    ax.set_title(title_for(doc, "Terms by paragraph"))
    ax.spines[:].set_visible(False)
    return fig


def paragraph_lengths(doc):
    """Paragraph length profile: words per paragraph (bars) and mean words per sentence (dots).

    >>> fig = paragraph_lengths(analysis.annotate(analysis.SEED))   # doctest: +SKIP
    """
    from ..terms import paragraph_profile

    prof = paragraph_profile(doc)
    if prof.empty:
        return empty_chart(NO_BODY, title_for(doc, "Paragraph lengths"))
    fig, ax = new_figure(10, 4.5)
    x = prof["para_id"].tolist()
    ax.bar(x, prof["n_words"], color=PALETTE[5], label="words in the paragraph")
    mean = float(prof["n_words"].mean()) if len(prof) else 0.0
    ax.axhline(mean, color="#777777", linestyle="--", linewidth=1)
    ax.text(x[0] - 0.4 if x else 0, mean, f"mean {mean:.0f} words", va="bottom", ha="left", fontsize=9, color="#555555")
    ax.set_xlabel("paragraph")
    ax.set_ylabel("words")
    integer_ticks(ax.yaxis)
    ax.set_xticks(x, labels=[str(p) for p in x])
    ax2 = ax.twinx()
    ax2.plot(x, prof["words_per_sentence"], "o-", color=PALETTE[3], label="mean words per sentence")
    ax2.set_ylabel("words per sentence", color=PALETTE[3])
    ax2.set_ylim(0, max(40.0, float(prof["words_per_sentence"].max() or 0) * 1.15))
    ax2.spines["right"].set_visible(True)
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], loc="upper left", fontsize=9)
    ax.set_title(title_for(doc, "Paragraph lengths"))
    return fig


__all__ = ["dispersion_plot", "paragraph_lengths", "term_heatmap", "top_terms"]
