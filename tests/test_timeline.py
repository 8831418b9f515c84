"""Timeline layers: TIMEX3 recognition and normalization, events, charts, TimeBank scoring."""

from __future__ import annotations

import csv
import importlib.util
import io
import os
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.timeline import find_timexes, value_range

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
ARTICLES = HERE / "articles"


def _gold_rows(name):
    text = "".join(line for line in (GOLD / name).read_text(encoding="utf-8").splitlines(True) if not line.startswith("#"))
    return list(csv.reader(io.StringIO(text)))


EXPRESSIONS = _gold_rows("timeline_expressions.csv")


def _doc(sentence, published):
    return analysis.annotate(analysis.from_text("Headline\n\n" + sentence, published=published or None))


@pytest.mark.parametrize("family,sentence,published,text,typ,value,mod", EXPRESSIONS,
                         ids=[f"{r[0]}:{r[3]}" for r in EXPRESSIONS])
def test_expression_families(family, sentence, published, text, typ, value, mod):
    tx = _doc(sentence, published).timexes
    hit = tx[tx.text == text]
    assert len(hit) == 1, f"{text!r} not found as one expression in {sentence!r}: {tx.text.tolist()}"
    row = hit.iloc[0]
    assert (row.type, row.value, row["mod"]) == (typ, value, mod)


def test_every_family_is_covered():
    families = {r[0] for r in EXPRESSIONS}
    assert {"absolute", "month", "season", "weekday", "deictic", "duration", "decade", "century", "ref", "set", "nodct"} <= families


# --------------------------------------------------------------------------------------------
# the seed


def test_seed_timexes(seed_doc):
    tx = seed_doc.timexes
    got = {t: (v, m) for t, v, m in zip(tx.text, tx.value, tx["mod"])}
    assert got["April"] == ("2021-04", "")
    assert got["June 16"] == ("2021-06-16", "")
    assert got["mid-July"] == ("2021-07", "MID")
    assert got["Today"] == ("2021-09-16", "")
    assert list(tx.columns[:9]) == ["timex_id", "para_id", "sent_id", "start", "end", "text", "type", "value", "mod"]


def test_seed_events_in_chronological_order(seed_doc):
    ev = seed_doc.events
    gold = _gold_rows("timeline_seed_events.csv")
    assert ev["value"].tolist() == [r[0] for r in gold]
    assert ev["mod"].tolist() == [r[1] for r in gold]
    assert ev["date"].tolist() == sorted(ev["date"].tolist())
    assert ev["event_id"].tolist() == [f"e{i}" for i in range(1, len(ev) + 1)]
    undated = ev[ev.timex_id == ""]
    assert len(undated) == 1 and undated.iloc[0]["trigger"] == "meeting" and "undated" in undated.iloc[0]["note"]
    if importlib.util.find_spec("analysis.actors") is not None:
        for (value, _, names), actors in zip(gold, ev["actors"]):
            for name in names.split("|"):
                assert name in actors, f"{name!r} missing from the actors of {value}: {actors!r}"
    assert ev.loc[ev.value == "2021-06-16", "trigger"].item() == "tell"
    assert ev.loc[ev.value == "2021-07", "trigger"].item() == "say"


def test_spans_point_into_the_text(seed_doc):
    for path in [analysis.SEED, *sorted(ARTICLES.glob("timeline_*.txt"))]:
        doc = analysis.annotate(analysis.load_article(path))
        for row in doc.timexes.itertuples():
            assert doc.text[row.start:row.end] == row.text
        sents = doc.sentences.set_index("sent_id")
        for row in doc.timexes.itertuples():
            assert sents.loc[row.sent_id, "start"] <= row.start and row.end <= sents.loc[row.sent_id, "end"]


def test_events_columns_and_types(seed_doc):
    ev = seed_doc.events
    assert list(ev.columns[:11]) == ["event_id", "timex_id", "date", "value", "mod", "para_id", "sent_id", "trigger",
                                     "actor_ids", "actors", "summary"]
    assert all(isinstance(a, str) for a in ev.actor_ids)


# --------------------------------------------------------------------------------------------
# the written test articles (general rules, other dates)


def test_summit_article():
    doc = analysis.annotate(analysis.load_article(ARTICLES / "timeline_summit.txt"))
    tx = dict(zip(doc.timexes.text, doc.timexes.value))
    assert tx["Tuesday"] == "2023-10-10"           # past tense, published Thursday 2023-10-12
    assert tx["next month"] == "2023-11"
    assert tx["late March"] == "2023-03"
    assert tx["Friday, November 3"] == "2023-11-03"
    assert tx["Two weeks ago"] == "2023-W39"
    assert tx["this spring"] == "2024-SP"          # "could be adopted": not a spring already gone
    ev = doc.events
    assert ev.loc[ev.value == "2023-10-10", "trigger"].item() == "meet"
    assert (ev.timex_id == "").sum() == 0          # the meeting in the lead has a date


def test_floods_article_and_impossible_date():
    doc = analysis.annotate(analysis.load_article(ARTICLES / "timeline_floods.txt"))
    tx = doc.timexes.set_index("text")
    assert tx.loc["yesterday", "value"] == "2024-05-07"
    assert tx.loc["last night", "value"] == "2024-05-07TNI"
    assert tx.loc["next week", "value"] == "2024-W20"
    assert tx.loc["mid-2026", ["value", "mod"]].tolist() == ["2026", "MID"]
    assert tx.loc["14 February 2024", "value"] == "2024-02-14"
    assert tx.loc["Monday", "value"] == "2024-05-13"
    bad = tx.loc["February 30"]
    assert bad["value"] == "" and "impossible" in bad["note"]
    assert "2024-02-30" not in doc.events["value"].tolist()


def test_impossible_dates_never_crash():
    for text in ["It happened on February 30.", "It happened on 31 April 2020.", "On 13/45/2020 nothing happened."]:
        out = find_timexes(text, published="2021-09-16")
        assert all(t["value"] is None or value_range(t["value"]) is not None for t in out)
    out = find_timexes("It happened on February 30.", published="2021-09-16")
    assert out[0]["value"] is None and "February" in out[0]["note"]


def test_no_publication_date_keeps_unknowns():
    doc = analysis.annotate(analysis.from_text("Talks\n\nThe talks began in April and ended yesterday. They resume on Friday."))
    assert doc.published is None
    values = dict(zip(doc.timexes.text, doc.timexes.value))
    assert values == {"April": "XXXX-04", "yesterday": "XXXX-XX-XX", "Friday": "XXXX-WXX-5"}
    # the events stay (undated brief): not placed, in reading order, with the reason
    ev = doc.events
    assert ev["value"].tolist() == ["XXXX-04", "XXXX-XX-XX", "XXXX-WXX-5"]
    assert ev["date"].isna().all() and set(ev["anchor"]) == {"unresolved: no publication date"}
    assert ev["trigger"].tolist() == ["talk", "end", "resume"]   # "talks" is an event noun before "in April"


def test_no_false_alarms_on_common_words():
    text = "You may say the march was a success. He will sun himself. The 2000 troops left. Call 555-2020."
    assert [t["text"] for t in find_timexes(text, published="2021-09-16")] == []


def test_value_range():
    import datetime as dt

    assert value_range("2021-W37") == (dt.date(2021, 9, 13), dt.date(2021, 9, 19))
    assert value_range("2021-Q3") == (dt.date(2021, 7, 1), dt.date(2021, 9, 30))
    assert value_range("2021-SU") == (dt.date(2021, 6, 1), dt.date(2021, 8, 31))
    assert value_range("199") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert value_range("2021-09-16TMO") == (dt.date(2021, 9, 16), dt.date(2021, 9, 16))
    assert value_range("P2D") is None and value_range("PRESENT_REF") is None and value_range("XXXX-04") is None


def test_layers_do_not_mutate_and_cache(seed_doc):
    before = seed_doc.tokens.copy()
    a = seed_doc.timexes
    assert seed_doc.timexes is a
    pd.testing.assert_frame_equal(before, seed_doc.tokens)


# --------------------------------------------------------------------------------------------
# charts


def test_charts(seed_doc, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import analysis.plots as plots
    from analysis.export import save

    fig = plots.timeline_chart(seed_doc)
    labels = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "published" in labels and "2021-07 MID" in labels
    paths = save(fig, "05-timeline", tmp_path)
    assert [p.suffix for p in paths] == [".png", ".svg"] and all(p.stat().st_size > 1000 for p in paths)
    fig2 = plots.narrative_order(seed_doc)
    assert len(fig2.axes[0].collections[0].get_offsets()) == len(seed_doc.events)
    empty = analysis.annotate(analysis.from_text("Title\n\nNothing dated here."))
    plots.timeline_chart(empty)
    plots.narrative_order(empty)


# --------------------------------------------------------------------------------------------
# TimeBank / AQUAINT (skipped when the shared data folder is absent)


def _timebank():
    env = os.environ.get("ANALYSIS_TIMEBANK")
    for cand in ([Path(env)] if env else []) + [HERE.parent.parent / "shared" / "data" / "timebank"]:
        if cand.is_dir():
            return cand
    return None


def test_timebank_reader_and_one_file():
    folder = _timebank()
    if folder is None:
        pytest.skip("TimeBank folder ../shared/data/timebank not present")
    import sys

    sys.path.insert(0, str(HERE.parent / "benchmarks"))
    from timebank_eval import match, read_tml, system_timexes

    path = sorted(folder.rglob("*.tml"))[0]
    text, dct, gold = read_tml(path)
    assert dct and gold and all(text[g["start"]:g["end"]] == g["text"] for g in gold)
    system, _ = system_timexes(text, dct)
    assert len(match(gold, system)) >= 0.6 * len(gold)


@pytest.mark.slow
def test_timebank_scores():
    folder = _timebank()
    if folder is None:
        pytest.skip("TimeBank folder ../shared/data/timebank not present")
    import sys

    sys.path.insert(0, str(HERE.parent / "benchmarks"))
    from timebank_eval import evaluate

    res = evaluate(folder)
    assert res["relaxed_f1"] >= 90.3
    assert res["value_f1"] >= 75.0
