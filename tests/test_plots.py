"""Charts at slide size: fixed sentiment scales, whole-number count ticks, readable labels and
legends, periods drawn as spans, and a message instead of empty axes on an article without a body."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import analysis  # noqa: E402
import analysis.plots as P  # noqa: E402
from analysis.plots import style  # noqa: E402

ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="module")
def title_only():
    return analysis.annotate(analysis.load_article(ARTICLES / "thin_title_only.txt"))


def _texts(fig) -> str:
    fig.canvas.draw()
    return " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def _integer_ticks(axis) -> bool:
    ticks = [t for t in axis.get_majorticklocs() if axis.get_view_interval()[0] <= t <= axis.get_view_interval()[1]]
    return all(float(t).is_integer() for t in ticks)


def test_explain_paragraph_has_fixed_lexicon_scales(seed_doc):
    fig = P.explain_paragraph(seed_doc, 3)
    tb, vd = fig.axes[:2]
    assert tb.get_xlim()[0] <= -1.0 and tb.get_xlim()[1] >= 1.0 and tb.get_xlim()[1] < 1.5
    assert vd.get_xlim()[0] <= -4.0 and vd.get_xlim()[1] >= 4.0 and vd.get_xlim()[1] < 5


def test_count_axes_have_whole_number_ticks(seed_doc):
    assert _integer_ticks(P.top_terms(seed_doc, n=10).axes[0].xaxis)
    assert _integer_ticks(P.top_actors_chart(seed_doc).axes[0].xaxis)
    assert _integer_ticks(P.paragraph_lengths(seed_doc).axes[0].yaxis)
    heat = P.actor_heatmap(seed_doc)
    assert all(_integer_ticks(ax.yaxis) for ax in heat.axes[1:])  # the colour bar counts mentions


def test_actor_types_are_spelled_out_with_a_legend(seed_doc):
    for fig in (P.top_actors_chart(seed_doc), P.actor_heatmap(seed_doc), P.actor_network(seed_doc)):
        legend = fig.axes[0].get_legend()
        assert legend is not None
        labels = [t.get_text() for t in legend.get_texts()]
        assert "international organisation" in labels
        assert not any("_" in label or label == "igo" for label in labels)


def test_sentiment_arc_legend_covers_no_point(seed_doc):
    fig = P.sentiment_arc(seed_doc)
    fig.canvas.draw()
    ax = fig.axes[0]
    box = ax.get_legend().get_window_extent()
    assert box.x0 >= ax.get_window_extent().x1 - 1  # beside the axes


def test_stance_matrix_labels_wrap_whole_words_and_legend_lists_what_occurs(seed_doc):
    fig = P.stance_matrix_chart(seed_doc)
    ax = fig.axes[0]
    words = set(re.findall(r"[\w’'-]+", " ".join(seed_doc.stance["target"].fillna("").tolist() + seed_doc.stance["holder"].fillna("").tolist()
                                               + analysis.stance.stance_matrix(seed_doc)["target"].tolist())))
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        for word in re.findall(r"[\w’'-]+", label.get_text()):
            assert word in words, f"{word!r} is cut from a longer word in {label.get_text()!r}"
    holders = [t.get_text() for t in ax.get_yticklabels()]
    assert "?" not in holders and "" not in holders
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "neutral" not in legend and set(legend) <= {"favor", "against", "neutral", "both"}


def test_one_holder_is_one_row_however_it_is_named():
    from analysis.plots.sentiment import _one_name_per_holder

    stance = pd.DataFrame({"holder_id": ["P1", "P1", None], "holder": ["Ana Ortiz", "Ortiz", "the unions"]})
    matrix = pd.DataFrame({"holder": ["Ana Ortiz", "Ortiz", "the unions"], "target": ["the plan", "the plan", "the plan"],
                           "favor": [1, 0, 0], "against": [0, 1, 1], "neutral": [0, 0, 0]})
    merged = _one_name_per_holder(SimpleNamespace(stance=stance), matrix)
    assert sorted(merged["holder"]) == ["Ana Ortiz", "the unions"]
    row = merged[merged["holder"] == "Ana Ortiz"].iloc[0]
    assert (row["favor"], row["against"]) == (1, 1)


def test_wrap_label_never_cuts_a_word():
    label = style.wrap_label("Collective Security Treaty Organization and its partners", 14, 2)
    assert label.splitlines() == ["Collective", "Security…"]
    assert style.wrap_label("short", 14, 2) == "short"


def test_corpus_timeline_draws_a_month_as_a_span():
    t = pd.DataFrame({"date": pd.to_datetime(["2021-04-01", "2021-06-16"]), "article_id": ["a", "a"],
                      "title": ["A", "A"], "published": ["2021-09-16", "2021-09-16"], "value": ["2021-04", "2021-06-16"],
                      "what": ["x", "y"], "actors": [None, None], "source": ["events", "events"]})
    fig = P.corpus_timeline(t)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_width() > 0]
    assert len(bars) == 1 and 29 <= bars[0].get_width() <= 31  # April: 30 days
    dots = sum(len(c.get_offsets()) for c in ax.collections)
    assert dots == 2  # the day, and the publication mark


def test_demo_note_is_in_every_corpus_chart_title():
    from analysis.corpus import DEMO_NOTE

    empty = pd.DataFrame(columns=["article_id", "rank", "term", "g2"])
    for fig in (P.corpus_keyness(empty, note=DEMO_NOTE), P.corpus_stance(pd.DataFrame(), note=DEMO_NOTE)):
        assert "demo corpus" in _texts(fig)


@pytest.mark.parametrize("chart", ["top_terms", "dispersion_plot", "term_heatmap", "paragraph_lengths", "sentiment_arc",
                                   "sentence_strip", "stance_matrix_chart", "actor_heatmap", "top_actors_chart"])
def test_charts_of_an_article_without_body_say_so(title_only, chart):
    fig = getattr(P, chart)(title_only)
    text = _texts(fig)
    assert "no body text" in text or "no actors found" in text, text
    assert "Harbour authority" in text  # the title still names the article


def test_explain_paragraph_without_body_says_so(title_only, seed_doc):
    assert "no body text" in _texts(P.explain_paragraph(title_only, 1))
    with pytest.raises(ValueError, match="paragraphs 1 to 12"):
        P.explain_paragraph(seed_doc, 99)
