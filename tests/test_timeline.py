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


# --------------------------------------------------------------------------------------------
# undated articles: events kept with date NaT and the reason; inline datelines


UNDATED_GOLD = _gold_rows("undated_events.csv")


@pytest.mark.parametrize("name", sorted({r[0] for r in UNDATED_GOLD}))
def test_undated_articles_keep_their_events(name):
    gold = [r for r in UNDATED_GOLD if r[0] == name]
    doc = analysis.annotate(analysis.load_article(ARTICLES / f"{name}.txt"))
    ev = doc.events
    assert ev["value"].tolist() == [r[2] for r in gold]
    assert ev["para_id"].tolist() == [int(r[1]) for r in gold]
    assert ev["anchor"].tolist() == [r[4] for r in gold]
    assert [None if pd.isna(d) else d.date().isoformat() for d in ev["date"]] == [r[3] or None for r in gold]
    for (_, _, value, _, _, trigger), got in zip(gold, ev["trigger"]):
        if trigger:
            assert got == trigger, f"{value}: trigger {got!r}, expected {trigger!r}"
    assert pd.api.types.is_datetime64_any_dtype(ev["date"])
    assert ev["event_id"].tolist() == [f"e{i}" for i in range(1, len(ev) + 1)]
    # placed first (chronological), then unplaced (reading order)
    placed = ev["date"].notna().tolist()
    assert placed == sorted(placed, reverse=True)
    assert ev.loc[ev["date"].notna(), "date"].is_monotonic_increasing
    off = ev[ev["date"].isna()]
    assert list(zip(off.para_id, off.sent_id)) == sorted(zip(off.para_id, off.sent_id))
    tx = doc.timexes.set_index("timex_id")
    for row in ev.itertuples():
        assert tx.loc[row.timex_id, "text"] == doc.text[tx.loc[row.timex_id, "start"]:tx.loc[row.timex_id, "end"]]


def test_inline_dateline_sets_the_date_of_the_timeline():
    doc = analysis.annotate(analysis.load_article(ARTICLES / "undated_accra.txt"))
    assert str(doc.published) == "2023-10-09" and doc.meta["published_from"] == "dateline"
    tx = dict(zip(doc.timexes.text, doc.timexes.value))
    assert tx["Monday"] == "2023-10-09" and tx["next month"] == "2023-11" and tx["June"] == "2023-06"
    assert tx["9 October 2023"] == "2023-10-09"         # still a timex (TimeML marks it), but no event
    d = doc.meta["dateline"]
    assert doc.text[d["place_start"]:d["place_end"]] == "ACCRA"
    assert "9 October 2023" not in " ".join(doc.events["summary"])


def test_dateline_without_year_leaves_the_article_undated():
    doc = analysis.annotate(analysis.load_article(ARTICLES / "undated_lima.txt"))
    assert doc.published is None and doc.meta["dateline"]["date_text"] == "June 3"
    assert dict(zip(doc.timexes.text, doc.timexes.value))["June 3"] == "XXXX-06-03"
    assert doc.events["date"].isna().all()


def test_undated_meeting_without_publication_date_is_kept_unplaced():
    text = ("Talks\n\nA meeting of the ministers of the five states was held in the capital. "
            "They discussed water.\n\nThe talks resume in April.")
    doc = analysis.annotate(analysis.from_text(text))
    ev = doc.events
    meet = ev[ev.timex_id == ""]
    assert len(meet) == 1 and meet.iloc[0]["trigger"] == "meeting" and pd.isna(meet.iloc[0]["date"])
    assert meet.iloc[0]["anchor"] == "unresolved: no publication date"
    assert ev["value"].tolist() == ["", "XXXX-04"]                      # reading order
    dated = analysis.annotate(analysis.from_text(text, published="2024-03-07")).events
    assert dated["value"].tolist() == ["2024-03-06", "2024-04"]
    assert dated["anchor"].tolist() == ["publication date", "timex"]


def test_impossible_date_is_an_unplaced_event():
    doc = analysis.annotate(analysis.load_article(ARTICLES / "timeline_floods.txt"))
    bad = doc.events[doc.events["date"].isna()]
    assert len(bad) == 1 and bad.iloc[0]["value"] == ""
    assert bad.iloc[0]["anchor"].startswith("unresolved: impossible date")
    assert doc.events.iloc[-1]["event_id"] == bad.iloc[0]["event_id"]   # after every placed event


def test_seed_events_all_placed(seed_doc):
    ev = seed_doc.events
    assert ev["date"].notna().all()
    assert ev["anchor"].tolist() == ["timex", "timex", "timex", "publication date", "timex"]


def test_charts_on_undated_articles(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import analysis.plots as plots
    from analysis.export import save

    for name in ("undated_ceasefire", "undated_lima"):
        doc = analysis.annotate(analysis.load_article(ARTICLES / f"{name}.txt"))
        n_off = int(doc.events["date"].isna().sum())
        fig = plots.timeline_chart(doc)
        listed = " ".join(t.get_text() for t in fig.axes[-1].texts)
        assert len(fig.axes) == 2 and "no publication date" in listed
        for value in doc.events.loc[doc.events["date"].isna(), "value"]:
            assert value in listed
        assert f"({n_off})" in listed
        top = " ".join(t.get_text() for t in fig.axes[0].texts)
        if doc.events["date"].notna().any():
            assert "2019-03-04" in top
        else:
            assert "no event can be placed" in top
        assert all(p.stat().st_size > 1000 for p in save(fig, f"05-{name}", tmp_path))
        fig2 = plots.narrative_order(doc)
        assert "not shown" in " ".join(t.get_text() for t in fig2.axes[0].texts)
        save(fig2, f"05-{name}-order", tmp_path)
    # a filtered copy with every row unplaced, and a cap on the list
    doc = analysis.annotate(analysis.load_article(ARTICLES / "undated_ceasefire.txt"))
    fig = plots.timeline_chart(doc, events=doc.events[doc.events["date"].isna()], max_unplaced=2)
    assert "and 2 more" in " ".join(t.get_text() for t in fig.axes[-1].texts)
    save(fig, "05-capped", tmp_path)


@pytest.mark.slow
def test_notebook_05_runs_on_an_undated_article(tmp_path):
    """Notebook 05 executed with ARTICLE injected after its parameters cell (as the report does)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(HERE.parent / "notebooks" / "05-timeline.ipynb", as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", []))
    inject = f"ARTICLE = {str(ARTICLES / 'undated_ceasefire.txt')!r}\nEXPORT_DIR = {str(tmp_path / 'out')!r}"
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell(inject))
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(HERE.parent)] + ([env_path] if env_path else []))
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        if env_path:
            os.environ["PYTHONPATH"] = env_path
        else:
            os.environ.pop("PYTHONPATH", None)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    out = " ".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                   if o.output_type == "stream")
    assert "published: unknown" in out and "4 of 5 events cannot be placed" in out
    charts = tmp_path / "out" / "charts"
    assert (charts / "05-timeline.png").stat().st_size > 1000 and (charts / "05-narrative-order.svg").exists()
    ev = pd.read_csv(tmp_path / "out" / "tables" / "events.csv")
    assert ev["date"].isna().sum() == 4 and (ev["anchor"] == "unresolved: no publication date").sum() == 4


# --------------------------------------------------------------------------------------------
# events read the clause layer: who does what to whom


def _event(text: str, value: str, published: str = "2024-03-07"):
    doc = analysis.annotate(analysis.from_text("Title\n\n" + text, published=published))
    ev = doc.events
    return doc, ev[ev.value == value].iloc[0]


def test_event_participants_come_from_the_clause():
    doc, e = _event("Maria Lopez met Peter Lind in Lima on 4 March 2024.", "2024-03-04")
    assert (e.trigger, e.subject, e.verb) == ("meet", "Maria Lopez", "met")
    assert e.object.startswith("Peter Lind")
    clause = doc.clauses.set_index("clause_id").loc[int(e.clause_id)]
    assert (clause.verb, clause.voice) == ("met", "active")
    if importlib.util.find_spec("analysis.actors") is not None:
        assert e.actors.split("; ")[:2] == ["Maria Lopez", "Peter Lind"]   # subject, then object
    # a passive: the agent is the doer, listed before the rest
    doc, e = _event("The treaty was signed by Chile and Peru in May 2019.", "2019-05")
    assert (e.trigger, e.subject, e.verb, e.agent.split(" in ")[0]) == ("sign", "The treaty", "was signed", "Chile and Peru")
    assert doc.clauses.set_index("clause_id").loc[int(e.clause_id), "voice"] == "passive"
    if importlib.util.find_spec("analysis.actors") is not None:
        assert e.actors == "Chile; Peru"


def test_event_clause_is_the_one_the_date_belongs_to():
    # a fronted date: the clause after it; the summary keeps the words before the date
    _, e = _event("On 4 March 2024, Chile criticised Peru.", "2024-03-04")
    assert (e.trigger, e.subject, e.object) == ("criticise", "Chile", "Peru")
    assert e.summary == "On 4 March 2024, Chile criticised Peru"
    # a participle inside the subject governs its own date; the main verb governs the other
    doc = analysis.annotate(analysis.from_text("Title\n\nThe bridge, built in 1932, will be closed next year.",
                                               published="2024-03-07"))
    ev = doc.events.set_index("value")
    assert ev.loc["1932", "trigger"] == "build" and ev.loc["2025", "trigger"] == "close"
    assert ev.loc["1932", "clause_id"] != ev.loc["2025", "clause_id"]
    # the verb the date follows, not the infinitive after it
    _, e = _event("The envoys will return to the capital next month to negotiate a settlement.", "2024-04")
    assert (e.trigger, e.subject) == ("return", "The envoys")


def test_event_without_a_clause_keeps_its_sentence():
    # a verbless line: no clause; the sentence is the span and the participants are empty
    doc = analysis.annotate(analysis.from_text("Title\n\nTalks in Oslo on 4 March 2024.\n\nThe envoys agreed."))
    e = doc.events.iloc[0]
    assert pd.isna(e.clause_id) and e.subject == "" and e.verb == "" and e.trigger == "talk"
    assert doc.events["clause_id"].dtype == "Int64"


def test_events_and_actor_roles_stay_linear_in_one_long_sentence():
    # a run-on sentence of hundreds of clauses, dates and names: no look-up reads it again per date
    import time

    from analysis import sentiment as S

    def run(n):
        text = "Title\n\n" + "Chile met Peru on Monday and Peru criticised Chile on Tuesday, " * n + "and that was all."
        doc = analysis.annotate(analysis.from_text(text, published="2024-03-07"))
        doc.clauses, doc.timexes, getattr(doc, "mentions", None)
        t0 = time.perf_counter()
        ev = doc.events
        if importlib.util.find_spec("analysis.actors") is not None:
            S.actor_sentiment(doc)
        return time.perf_counter() - t0, len(ev)

    t_small, n_small = run(100)
    t_large, n_large = run(400)
    assert n_large == 4 * n_small
    assert t_large < 0.25 or t_large <= 8 * max(t_small, 0.25 / 8), f"{t_small:.2f}s -> {t_large:.2f}s for 4x the text"


def test_rule_guards_change_no_expression():
    """A rule skips an ASCII window holding none of the strings every match of it contains: each
    match holds one of its rule's strings, and the expressions found are those found without."""
    from analysis.timeline.patterns import _patterns

    p = _patterns()
    texts = [analysis.load_article(analysis.SEED).text,
             "Talks\n\nThe two-day summit in mid-July 2021 followed the 1990s reforms; in the 1980's and '90s "
             "trade grew. On Friday, 3 p.m. EST, and at 10:30 a.m. on June 16 the ministers met again. "
             "Last Christmas Eve and New Year's Day 2020 were quiet. The third quarter of fiscal 2019 and "
             "the year-earlier period; three years ago, for decades, the past week, every other Monday, "
             "twice a year, the 21st century, next month, currently, these days.\n\n"
             "NEW YEAR'S EVE: In the past, Valentine's Day fell on 2/14/2015; 2015-02-14T10:30."]
    for text in texts:
        for (rule, rx), guard in zip(p.rules, p.guards):
            if guard:
                for m in rx.finditer(text):
                    assert any(g in m.group(0).lower() for g in guard), (rule, m.group(0))
        found = find_timexes(text, published="2021-09-16")
        saved = p.guards
        p.guards = [None] * len(saved)
        try:
            assert find_timexes(text, published="2021-09-16") == found
        finally:
            p.guards = saved


def test_written_guards_hold_on_random_text():
    import random

    from analysis.timeline.patterns import _GUARDS, _patterns

    p = _patterns()
    rng = random.Random(7)
    pieces = ["1", "5", "9", "0", "2", "20", "19", "15", "s", "'s", "'", " ", "the ", "mid-", "in ", "June ", "of ",
              "fiscal ", "year ", "late ", "S", "%", ".", ","]
    rules = dict(p.rules)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for name, guard in _GUARDS.items():
            for m in rules[name].finditer(text):
                assert any(g in m.group(0).lower() for g in guard), (name, text)
