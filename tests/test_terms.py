"""Term frequencies, phrases, collocations, TF-IDF, keyness, KWIC, dispersion and their charts.

Gold values live in tests/gold/terms_*.yml / .csv, written by hand from the texts.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

import analysis
from analysis import terms as T

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
ARTICLES = HERE / "articles"


def gold(name):
    return yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def toy():
    return analysis.annotate(analysis.from_text(gold("terms_toy.yml")["text"]))


@pytest.fixture(scope="module")
def strike():
    return analysis.annotate(analysis.load_article(ARTICLES / "terms_port_strike.txt"))


@pytest.fixture(scope="module")
def water():
    return analysis.annotate(analysis.load_article(ARTICLES / "terms_water_summit.txt"))


def assert_spans(doc, df):
    assert len(df), "expected rows"
    for s, e, t in zip(df["start"], df["end"], df["text"]):
        assert doc.text[s:e] == t


# --------------------------------------------------------------------------------------------
# term frequencies


def independent_counts(tokens, column):
    words = tokens[~tokens["is_punct"]]
    return words.groupby(column).size().to_dict(), words.groupby(column)["para_id"].nunique().to_dict()


def units_with_names(doc, by):
    """(key, para_id) of every unit: every word, except that the words of a name of
    T.name_terms make one unit keyed by the name."""
    tok = doc.tokens[~doc.tokens["is_punct"]]
    names = {int(s): (int(e), t) for s, e, t in zip(*T.name_terms(doc)[["start", "end", "term"]].T.values)}
    out, inside_until = [], -1
    for key, para, start, end in zip(tok[by], tok["para_id"], tok["start"], tok["end"]):
        if start < inside_until:
            continue
        if start in names:
            inside_until, name = names[start]
            out.append((name.lower() if by == "lower" else name, para))
        else:
            out.append((key, para))
    return out


@pytest.mark.parametrize("by", ["lemma", "lower", "text"])
def test_every_count_equals_an_independent_count(seed_doc, by):
    counts, paras = independent_counts(seed_doc.tokens, by)
    tf = T.term_frequencies(seed_doc, by=by, names=False)
    assert dict(zip(tf["term"], tf["count"])) == counts
    assert dict(zip(tf["term"], tf["n_paragraphs"])) == paras
    n_words = int((~seed_doc.tokens["is_punct"]).sum())
    assert tf["count"].sum() == n_words
    assert tf["rel_freq"].tolist() == pytest.approx([c * 1000 / n_words for c in tf["count"]], abs=1e-3)
    assert tf["count"].is_monotonic_decreasing
    # with names (the default): a multi-word name is one unit
    units = units_with_names(seed_doc, by)
    tf = T.term_frequencies(seed_doc, by=by)
    want = pd.DataFrame(units, columns=["key", "para"])
    assert dict(zip(tf["term"], tf["count"])) == want.groupby("key").size().to_dict()
    assert dict(zip(tf["term"], tf["n_paragraphs"])) == want.groupby("key")["para"].nunique().to_dict()
    assert tf["count"].sum() == len(units) < n_words
    assert tf["rel_freq"].tolist() == pytest.approx([c * 1000 / len(units) for c in tf["count"]], abs=1e-3)


def test_terms_csv_from_the_cli_matches_the_tokens(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "annotate", "--out", str(out), "--layers", "tokens,terms"],
                          capture_output=True, text=True, cwd=HERE.parent)
    assert proc.returncode == 0, proc.stderr
    terms = pd.read_csv(out / "terms.csv", keep_default_na=False)
    tokens = pd.read_csv(out / "tokens.csv", keep_default_na=False)
    assert terms.columns.tolist() == T.TERM_COLUMNS
    # the words of tokens.csv, a multi-word name (of the actors layer) counting once
    doc = analysis.annotate(analysis.SEED)
    counts, _ = independent_counts(tokens, "lemma")
    assert counts == independent_counts(doc.tokens, "lemma")[0]
    units = pd.DataFrame(units_with_names(doc, "lemma"), columns=["key", "para"])
    assert dict(zip(terms["term"].astype(str), terms["count"])) == units.groupby("key").size().to_dict()
    firsts = units.groupby("key")["para"].min().to_dict()
    assert dict(zip(terms["term"].astype(str), terms["first_para"])) == firsts
    names = terms[terms["term"].str.contains(" ")]
    assert set(names["term"]) >= {"United States", "Sergei Lavrov"} and not names["is_stop"].any()


def test_layer_is_registered(seed_doc):
    assert seed_doc.terms.equals(T.terms(seed_doc))
    assert "terms" in analysis.available_layers()


def test_afghanistan_in_top_five_content_lemmas(seed_doc):
    tf = T.term_frequencies(seed_doc, include_stopwords=False)
    assert "Afghanistan" in tf["term"].head(5).tolist()
    g = gold("terms_seed.yml")
    counts = dict(zip(tf["term"], tf["count"]))
    for term, n in g["counts_lemma"].items():
        assert counts[term] == n, term
    # "United States" is one term: no "united", and "state" is only the common noun
    assert "united" not in counts and "United" not in counts
    assert "Collective Security Treaty Organization" in counts and "Sergei Lavrov" in counts
    # without names every word counts alone, as the tokens have them
    plain = dict(zip(*T.term_frequencies(seed_doc, names=False).pipe(lambda d: (d["term"], d["count"]))))
    assert plain["United"] == 7 and plain["States"] == 7 and plain["state"] == 7


def test_stopwords_flagged_and_extra_stopwords(seed_doc, strike):
    tf = T.term_frequencies(seed_doc)
    flags = dict(zip(tf["term"], tf["is_stop"]))
    assert flags["the"] and flags["of"] and not flags["Afghanistan"]
    # "US" is the United States, not the pronoun "us" (a stopword)
    assert not flags["US"] and "US" in T.term_frequencies(seed_doc, include_stopwords=False)["term"].tolist()
    assert not T.term_frequencies(seed_doc, include_stopwords=False)["is_stop"].any()
    # surface forms: "said" is not on spaCy's list; it is a reporting verb, flagged by default
    surface = T.term_frequencies(strike, by="lower")
    flags = surface.set_index("term")[["is_stop", "stop_list"]].to_dict("index")
    assert flags["said"] == {"is_stop": True, "stop_list": "reporting_verbs"}
    assert flags["port"] == {"is_stop": False, "stop_list": ""}
    bare = T.term_frequencies(strike, by="lower", flag_lists=())
    assert not dict(zip(bare["term"], bare["is_stop"]))["said"]
    # a teacher adds it as a stopword
    extra = T.term_frequencies(strike, by="lower", extra_stopwords=["Said"], flag_lists=())
    assert dict(zip(extra["term"], extra["is_stop"]))["said"]
    assert dict(zip(extra["term"], extra["stop_list"]))["said"] == "stopwords"
    assert "said" not in T.term_frequencies(strike, by="lower", extra_stopwords="said", include_stopwords=False)["term"].tolist()
    # the module-level list is unchanged
    assert "said" not in analysis.stopwords()


def test_min_count_and_surface_forms(seed_doc):
    tf = T.term_frequencies(seed_doc, min_count=5)
    assert tf["count"].min() >= 5
    lemma = T.term_frequencies(seed_doc)
    lower = T.term_frequencies(seed_doc, by="lower")
    assert "minister" in lemma["term"].tolist() and "ministers" in lower["term"].tolist()
    exact = T.term_frequencies(seed_doc, by="text")
    assert {"Afghanistan", "CSTO", "Taliban"} <= set(exact["term"])


def test_strike_article_counts(strike):
    counts = dict(zip(*T.term_frequencies(strike).pipe(lambda d: (d["term"], d["count"]))))
    # read by hand from the body (the title is not counted)
    assert counts["port"] == 5 and counts["strike"] == 4 and counts["wage"] == 3 and counts["union"] == 2
    assert counts["fruit"] == 2


def test_functions_do_not_mutate_the_document(seed_doc):
    before = seed_doc.tokens.copy()
    paras = seed_doc.paragraphs.copy()
    T.summary_card(seed_doc)
    T.ngrams(seed_doc)
    T.collocations(seed_doc, n=3)
    T.kwic(seed_doc, "Taliban", sort="left")
    T.dispersion(seed_doc)
    T.keyness(seed_doc, {"afghanistan": 3})
    pd.testing.assert_frame_equal(seed_doc.tokens, before)
    pd.testing.assert_frame_equal(seed_doc.paragraphs, paras)
    a, b = T.term_frequencies(seed_doc), T.term_frequencies(seed_doc)
    a.loc[0, "count"] = -1
    assert b.loc[0, "count"] != -1


# --------------------------------------------------------------------------------------------
# n-grams and collocations


def test_ngrams_stay_inside_sentences_and_clauses(seed_doc):
    ng = T.ngrams(seed_doc, n=[2, 3, 4, 5], min_count=1)
    assert set(ng["n"]) == {2, 3, 4, 5}
    assert_spans(seed_doc, ng)
    tok = seed_doc.tokens
    for s, e in zip(ng["start"].head(300), ng["end"].head(300)):
        inside = tok[(tok["start"] >= s) & (tok["end"] <= e)]
        assert inside["sent_id"].nunique() == 1
        assert not inside["is_punct"].any()
    # an independent count of one phrase
    # paragraphs 1, 5 (4 times), 7 and 8, counted by hand
    assert dict(zip(ng["ngram"], ng["count"]))["the united states"] == 7


def test_ngrams_counts_and_stopword_only(seed_doc, water):
    ng = T.ngrams(seed_doc)
    assert ng["count"].min() >= 2
    assert "inclusive government" in ng["ngram"].tolist()
    assert "as well as" in ng["ngram"].tolist()
    dropped = T.ngrams(seed_doc, drop_stopword_only=True)
    assert "as well as" not in dropped["ngram"].tolist() and "inclusive government" in dropped["ngram"].tolist()
    w = T.ngrams(water, n=2)
    assert dict(zip(w["ngram"], w["count"]))["binding treaty"] == 2


def test_collocations_on_the_seed(seed_doc):
    g = gold("terms_seed.yml")
    for measure in ("likelihood_ratio", "pmi"):
        col = T.collocations(seed_doc, measure=measure)
        pairs = set(zip(col["w1"], col["w2"]))
        for w1, w2 in g["collocations"]:
            assert (w1, w2) in pairs, (measure, w1, w2)
        assert col[measure].is_monotonic_decreasing
    tri = T.collocations(seed_doc, n=3, include_stopwords=True)
    assert "who collaborated with" in tri["collocation"].tolist()
    assert list(tri.columns) == ["rank", "collocation", "w1", "w2", "w3", "count", "pmi", "likelihood_ratio"]


def test_collocations_match_nltk_from_words(seed_doc):
    """Our C-speed counts feed NLTK's finder the same numbers as its own from_words."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures, TrigramCollocationFinder

    tok = seed_doc.tokens
    for window in (2, 4):
        words = []
        for _, sent in tok.groupby("sent_id", sort=True):
            words.extend(None if p else w for w, p in zip(sent["lower"], sent["is_punct"]))
            words.extend([None] * (window - 1))
        finder = BigramCollocationFinder.from_words(words, window_size=window)
        finder.apply_freq_filter(2)
        ref = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
        ours = T.collocations(seed_doc, window=window, include_stopwords=True)
        assert dict(zip(zip(ours["w1"], ours["w2"]), ours["likelihood_ratio"])) == pytest.approx(
            {k: round(v, 4) for k, v in ref.items()}, abs=1e-4)
    words = []
    for _, sent in tok.groupby("sent_id", sort=True):
        words.extend(None if p else w for w, p in zip(sent["lower"], sent["is_punct"]))
        words.append(None)
    finder = TrigramCollocationFinder.from_words(words)
    finder.apply_freq_filter(2)
    ref = dict(finder.score_ngrams(TrigramAssocMeasures.pmi))
    ours = T.collocations(seed_doc, n=3, measure="pmi", include_stopwords=True)
    assert dict(zip(zip(ours["w1"], ours["w2"], ours["w3"]), ours["pmi"])) == pytest.approx(
        {k: round(v, 4) for k, v in ref.items()}, abs=1e-4)


def test_collocations_on_own_articles(strike, water):
    pairs = set(zip(*T.collocations(strike).pipe(lambda d: (d["w1"], d["w2"]))))
    assert {("wage", "talks"), ("port", "operator")} <= pairs
    assert ("binding", "treaty") in set(zip(*T.collocations(water).pipe(lambda d: (d["w1"], d["w2"]))))


# --------------------------------------------------------------------------------------------
# TF-IDF and keyness against hand computations


def test_tfidf_matches_hand_computation(toy):
    got = T.tfidf(toy, by="lower", top=5)
    want = gold("terms_toy.yml")["tfidf"]
    assert len(got) == len(want)
    for row, (para_id, rank, term, tf, df, score) in zip(got.itertuples(), want):
        assert (row.para_id, row.rank, row.term, row.tf, row.df) == (para_id, rank, term, tf, df)
        assert row.tfidf == pytest.approx(score, abs=1e-4)
        assert row.idf == pytest.approx(math.log(3 / df), abs=1e-4)


def test_keyness_matches_hand_computation(toy):
    ref = {"town": 1, "army": 4, "soldiers": 5}
    got = T.keyness(toy, ref, by="lower", reference_total=100, max_p=None).set_index("term")
    want = gold("terms_toy.yml")["keyness"]
    assert set(got.index) == set(want)
    for term, (a, b, g2, lr, use) in want.items():
        row = got.loc[term]
        assert (row["count"], row["ref_count"], row["use"]) == (a, b, use)
        assert row["g2"] == pytest.approx(g2, abs=1e-4)
        assert row["log_ratio"] == pytest.approx(lr, abs=1e-4)
    assert got.loc["rebels", "p_value"] == pytest.approx(math.erfc(math.sqrt(7.924006 / 2)), rel=1e-4)
    # over-used first, then under-used
    assert list(got["use"]) == ["over", "over", "over", "under"]
    # by default only the significant rows (p <= 0.05: G² >= 3.84); army and soldiers have G² < 1.5
    default = T.keyness(toy, ref, by="lower", reference_total=100)
    assert default["term"].tolist() == ["rebels", "town"] and (default["g2"] >= 3.84).all()
    assert T.keyness(toy, ref, by="lower", reference_total=100, max_p=0.001).empty


def test_keyness_against_a_second_document(seed_doc, strike):
    key = T.keyness(strike, seed_doc)
    over = key[key["use"] == "over"]["term"].head(3).tolist()
    assert "port" in over and "strike" in over
    # a DataFrame reference works like a Document reference
    table = T.term_frequencies(seed_doc)
    key2 = T.keyness(strike, table[["term", "count"]])
    pd.testing.assert_frame_equal(key.reset_index(drop=True), key2.reset_index(drop=True))


def test_summary_card(seed_doc, strike):
    card = T.summary_card(seed_doc).set_index("measure")["value"]
    g = gold("terms_seed.yml")
    assert card["paragraphs"] == g["paragraphs"] and card["sentences"] == g["sentences"]
    assert card["words"] == int((~seed_doc.tokens["is_punct"]).sum())
    assert card["tokens"] == len(seed_doc.tokens)
    assert 0 < card["vocabulary density"] < 1
    assert "Afghanistan (10)" in card["most frequent content words"]
    assert -50 < card["Flesch reading ease"] < 60 and 10 < card["Flesch-Kincaid grade"] < 25
    with_ref = T.summary_card(strike, reference=seed_doc).set_index("measure")["value"]
    assert "port" in with_ref["most distinctive words (keyness against the reference)"]


def test_readability_by_hand():
    # 2 sentences, 8 words, 10 syllables ("cattle" 2, "quickly" 2)
    doc = analysis.annotate(analysis.from_text("T\n\nThe cattle ran quickly. The dog sat down."))
    r = T.readability(doc)
    assert (r["words"], r["sentences"], r["syllables"]) == (8, 2, 10)
    assert r["reading_ease"] == pytest.approx(206.835 - 1.015 * 4 - 84.6 * 10 / 8, abs=0.01)
    assert r["grade"] == pytest.approx(0.39 * 4 + 11.8 * 10 / 8 - 15.59, abs=0.01)


def test_syllable_counter_on_a_word_list():
    words = pd.read_csv(GOLD / "terms_syllables.csv", comment="#")
    got = words["word"].map(T.count_syllables)
    accuracy = (got == words["syllables"]).mean()
    assert accuracy >= 0.9, words[got != words["syllables"]]
    assert T.count_syllables("2021") == 0 and T.count_syllables("—") == 0 and T.count_syllables("a") == 1


# --------------------------------------------------------------------------------------------
# KWIC and dispersion


def test_kwic_taliban_four_lines_with_the_right_context(seed_doc):
    k = T.kwic(seed_doc, "Taliban")
    want = gold("terms_seed.yml")["kwic_taliban"]
    assert len(k) == 4
    assert k["left"].tolist() == [w["left"] for w in want]
    assert k["right"].tolist() == [w["right"] for w in want]
    assert k["para_id"].tolist() == [w["para_id"] for w in want]
    assert (k["keyword"] == "Taliban").all()
    assert_spans(seed_doc, k)


def test_kwic_multiword_lemma_regex_and_sorting(seed_doc, strike):
    g = gold("terms_seed.yml")
    k = T.kwic(seed_doc, "inclusive government")
    assert k["para_id"].tolist() == g["kwic_inclusive_government_paras"]
    assert (k["text"] == "inclusive government").all()
    assert_spans(seed_doc, k)
    # lemma: "state" finds the lemma state (7 common nouns; "States" of "United States" is a name);
    # "states" finds them and "States" (a lemma of the word, and the word itself)
    assert len(T.kwic(seed_doc, "state", by="lemma")) == 7
    assert len(T.kwic(seed_doc, "states", by="lemma")) == 14
    assert len(T.kwic(seed_doc, "United States", by="lemma")) == 7 == len(T.kwic(seed_doc, "united states"))
    # regex: widened to whole tokens
    r = T.kwic(seed_doc, r"terror\w*", by="regex")
    assert r["keyword"].tolist() == ["terrorists", "terrorist", "terrorist", "terrorism"]
    assert_spans(seed_doc, r)
    # curly and straight apostrophes alike
    assert len(T.kwic(strike, "port's")) == len(T.kwic(strike, "port’s")) == 2
    # sorting by the word just left / right of the keyword
    s = T.kwic(strike, "strike", window=3, sort="left")
    assert [x.split()[-1] for x in s["left"]] == sorted(x.split()[-1] for x in s["left"])
    r = T.kwic(strike, "strike", window=3, sort="right")
    assert [x.split()[0] for x in r["right"]] == sorted(x.split()[0] for x in r["right"])
    w = T.kwic(strike, "strike", window=3)
    assert w["left"].tolist() == ["union said the", "operator called the", "that a long", "growers said the"]
    assert w["right"].tolist() == ["would continue until", "illegal and said", "would delay fruit", "came at the"]
    assert T.kwic(strike, "no-such-word").empty


def test_dispersion_and_paragraph_counts(seed_doc):
    d = T.dispersion(seed_doc, ["Taliban", "inclusive government"])
    assert d["term"].tolist() == ["Taliban"] * 4 + ["inclusive government"] * 3
    assert d["para_id"].tolist() == [9, 10, 11, 11, 1, 3, 11]
    assert_spans(seed_doc, d)
    assert d["rel_position"].between(0, 1).all()
    words = seed_doc.tokens[~seed_doc.tokens["is_punct"]].reset_index(drop=True)
    for tid, pos in zip(d["token_id"], d["word_position"]):
        assert words.loc[pos, "token_id"] == tid
    default = T.dispersion(seed_doc)
    assert default["term"].nunique() == 6
    counts = T.term_paragraph_counts(seed_doc, ["afghanistan", "taliban"])
    assert len(counts) == 2 * len(seed_doc.paragraphs)
    assert counts.groupby("term")["count"].sum().to_dict() == {"afghanistan": 10, "taliban": 4}
    prof = T.paragraph_profile(seed_doc)
    assert prof["n_words"].sum() == int((~seed_doc.tokens["is_punct"]).sum())
    assert prof["n_sentences"].sum() == len(seed_doc.sentences)
    assert_spans(seed_doc, prof)


# --------------------------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize("n", [0, 1, 20, 2.5, "3", [2, 6]])
def test_bad_ngram_size(seed_doc, n):
    with pytest.raises(ValueError, match="from 2 to 5"):
        T.ngrams(seed_doc, n=n)


@pytest.mark.parametrize("call, match", [
    (lambda d: T.kwic(d, "(unclosed", by="regex"), "not a valid regular expression"),
    (lambda d: T.kwic(d, "[a-", by="regex"), "not a valid regular expression"),
    (lambda d: T.kwic(d, "x", by="stem"), "'word', 'lemma', 'regex'"),
    (lambda d: T.kwic(d, "x", sort="middle"), "'position', 'left', 'right'"),
    (lambda d: T.kwic(d, "x", window=-1), "from 0 to 50"),
    (lambda d: T.kwic(d, "  "), "non-empty"),
    (lambda d: T.term_frequencies(d, by="stem"), "'lemma', 'lower', 'text'"),
    (lambda d: T.term_frequencies(d, min_count=0), "at least 1"),
    (lambda d: T.term_frequencies(d, extra_stopwords=[""]), "non-empty"),
    (lambda d: T.collocations(d, n=4), "bigrams"),
    (lambda d: T.collocations(d, measure="dice"), "'pmi', 'likelihood_ratio'"),
    (lambda d: T.collocations(d, n=3, window=5), "contiguous"),
    (lambda d: T.tfidf(d, top=0), "at least 1"),
    (lambda d: T.keyness(d, ["not", "a", "table"]), "reference must be"),
    (lambda d: T.keyness(d, pd.DataFrame({"word": ["x"]})), "'term' and 'count'"),
    (lambda d: T.dispersion(d, []), "non-empty list"),
])
def test_bad_options_say_what_is_allowed(seed_doc, call, match):
    with pytest.raises(ValueError, match=match):
        call(seed_doc)


# --------------------------------------------------------------------------------------------
# charts


@pytest.fixture()
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def test_charts_return_figures_and_export(seed_doc, tmp_path, close_figures):
    from analysis import plots
    from analysis.export import save

    figs = {
        "02-top-terms": plots.top_terms(seed_doc, n=10),
        "02-dispersion": plots.dispersion_plot(seed_doc),
        "02-heatmap": plots.term_heatmap(seed_doc),
        "02-paragraph-lengths": plots.paragraph_lengths(seed_doc),
    }
    for name, fig in figs.items():
        assert "capitulator" in fig.axes[0].get_title()
        paths = save(fig, name, tmp_path)
        assert [p.suffix for p in paths] == [".png", ".svg"] and all(p.stat().st_size > 1000 for p in paths)
    # top terms: the most frequent content lemma is the top bar
    ax = figs["02-top-terms"].axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    top = T.term_frequencies(seed_doc, include_stopwords=False)["term"].head(10).tolist()
    assert labels[::-1] == top


def test_dispersion_plot_labels_in_the_given_order(seed_doc, close_figures):
    from analysis import plots

    terms = ["Taliban", "Afghanistan", "inclusive government", "American"]
    fig = plots.dispersion_plot(seed_doc, terms)
    ax = fig.axes[0]
    # read the labels top to bottom by their position on screen
    fig.canvas.draw()
    ticks = sorted(ax.get_yticklabels(), key=lambda t: -t.get_window_extent().y0)
    assert [t.get_text() for t in ticks] == terms
    # the Taliban row (top) holds 4 marks, at the Taliban's word positions
    offsets = ax.collections[0].get_offsets()
    assert len(offsets) == 4 and set(offsets[:, 1]) == {0}
    assert sorted(offsets[:, 0]) == T.dispersion(seed_doc, ["Taliban"])["word_position"].tolist()


def test_heatmap_rows_follow_the_terms(seed_doc, close_figures):
    from analysis import plots

    fig = plots.term_heatmap(seed_doc, ["taliban", "afghanistan"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["taliban", "afghanistan"]
    grid = ax.images[0].get_array()
    assert grid.shape == (2, len(seed_doc.paragraphs)) and grid[0].sum() == 4 and grid[1].sum() == 10


# --------------------------------------------------------------------------------------------
# the numpy implementation against plain Python references, written from the docstrings:
# the same rows in the same order with the same values (the published figures are rounded
# with Python's round, so they must match exactly)


@pytest.fixture(scope="module")
def ref_docs(seed_doc, strike, water):
    flood = analysis.annotate(analysis.load_article(ARTICLES / "robust_flood_relief.txt"))
    return {"seed": seed_doc, "strike": strike, "water": water, "flood": flood}


def plain_units(doc, by, names):
    """Every unit in reading order: a word, or (with ``names``) a multi-word name of
    T.name_terms, as dicts of its key, lower case, lemma, text, tag, paragraph, sentence and
    first token index."""
    from analysis.segment import is_acronym

    tok = doc.tokens
    spans = {}
    if names:
        spans = {int(s): (int(e), t) for s, e, t in zip(*T.name_terms(doc)[["start", "end", "term"]].T.values)}
    out, until = [], -1
    for i, r in enumerate(tok.itertuples()):
        if r.is_punct or r.start < until:
            continue
        unit = {"key": getattr(r, by), "lower": r.lower, "lemma": r.lemma, "text": r.text, "pos": r.pos,
                "para": r.para_id, "sent": r.sent_id, "i": i, "name": False}
        if r.start in spans:
            until, name = spans[r.start]
            unit.update(key=name.lower() if by == "lower" else name, name=True)
        unit["acronym"] = is_acronym(r.lemma)
        out.append(unit)
    return out


def plain_flags(units, stops, lists):
    """Per unit: a stopword; per key: the list that flags it ('' for none), by the documented rules."""
    hon, rep = T.flag_words("honorifics"), T.flag_words("reporting_verbs")
    stop_u = [not u["name"] and not u["acronym"] and (u["lower"] in stops or u["key"].lower() in stops) for u in units]
    count, stop, on = {}, {}, {name: {} for name in lists}
    for u, st in zip(units, stop_u):
        k = u["key"]
        count[k] = count.get(k, 0) + 1
        stop[k] = stop.get(k, False) or st
        listed = {"honorifics": not u["name"] and u["text"][:1].isupper() and u["lower"].rstrip(".") in hon,
                  "reporting_verbs": not u["name"] and u["lemma"] in rep and u["pos"].startswith("VB")}
        for name in lists:
            on[name][k] = on[name].get(k, 0) + listed[name]
    which = {}
    for k in count:
        which[k] = "stopwords" if stop[k] else next((n for n in lists if 2 * on[n][k] >= count[k]), "")
    return stop_u, which


LISTS = ("honorifics", "reporting_verbs")


def plain_term_frequencies(doc, by, stops, min_count, include_stopwords, names=True, lists=LISTS):
    units = plain_units(doc, by, names)
    _, which = plain_flags(units, stops, lists)
    count, paras, first = {}, {}, {}
    for u in units:
        k = u["key"]
        count[k] = count.get(k, 0) + 1
        paras.setdefault(k, set()).add(u["para"])
        first.setdefault(k, u["para"])
    terms = [k for k in count if count[k] >= min_count and (include_stopwords or not which[k])]
    terms.sort(key=lambda k: -count[k])
    return [(k, count[k], round(count[k] * 1000 / len(units), 3), len(paras[k]), first[k], bool(which[k]), which[k])
            for k in terms]


@pytest.mark.parametrize("by", ["lemma", "lower", "text"])
def test_term_frequencies_equal_a_plain_count(ref_docs, by):
    for extra, min_count, include, names, lists in ((None, 1, True, True, LISTS), (["said"], 2, False, True, LISTS),
                                                    (None, 1, True, False, ()), (["said"], 1, False, False, LISTS[1:])):
        stops = T._stopset(extra)
        for name, doc in ref_docs.items():
            got = T.term_frequencies(doc, by=by, extra_stopwords=extra, min_count=min_count,
                                     include_stopwords=include, names=names, flag_lists=lists)
            want = plain_term_frequencies(doc, by, stops, min_count, include, names, lists)
            assert list(got.itertuples(index=False, name=None)) == want, (name, by, extra, names, lists)
            # an empty table (the short flood article repeats no content word) has object columns
            kinds = ["str", "int64", "float64", "int64", "int64", "bool", "str"] if want else ["object"] * 7
            assert [str(t) for t in got.dtypes] == kinds


def plain_ngrams(doc, by, ns, min_count, drop_stopword_only, stops, lists=LISTS):
    units = plain_units(doc, by, False)
    stop_u, which = plain_flags(units, stops, lists)
    flagged = {u["i"]: st or bool(which[u["key"]]) for u, st in zip(units, stop_u)}
    tok = doc.tokens
    keys, sent, punct = tok[by].tolist(), tok["sent_id"].tolist(), tok["is_punct"].tolist()
    para, start, end = tok["para_id"].tolist(), tok["start"].tolist(), tok["end"].tolist()
    found = {}
    for n in ns:
        for a in range(len(keys) - n + 1):
            b = a + n - 1
            if any(punct[a:b + 1]) or sent[a] != sent[b]:
                continue
            gram = (n, tuple(keys[a:b + 1]))
            if gram not in found:
                found[gram] = [a, 0, set()]
            found[gram][1] += 1
            found[gram][2].add(para[a])
    rows = []
    for (n, words), (a, c, paras) in found.items():
        b = a + n - 1
        stop_only = all(flagged[i] for i in range(a, b + 1))
        if c < min_count or (drop_stopword_only and stop_only):
            continue
        rows.append((" ".join(words), n, c, len(paras), para[a], stop_only, start[a], end[b], doc.text[start[a]:end[b]], a))
    rows.sort(key=lambda r: (-r[2], -r[1], r[9]))
    return [r[:9] for r in rows]


@pytest.mark.parametrize("by", ["lower", "lemma"])
def test_ngrams_equal_a_plain_count_over_every_window(ref_docs, by):
    stops = T._stopset(None)
    for ns, min_count, drop in (([2, 3, 4, 5], 2, False), ([2, 3, 4, 5], 1, False), ([3, 5], 2, True), ([2], 3, False)):
        for name, doc in ref_docs.items():
            got = T.ngrams(doc, n=ns, by=by, min_count=min_count, drop_stopword_only=drop)
            want = plain_ngrams(doc, by, ns, min_count, drop, stops)
            assert list(got.itertuples(index=False, name=None)) == want, (name, ns, min_count, drop)
    got = T.ngrams(ref_docs["seed"], by=by, drop_stopword_only=True, flag_lists=())
    want = plain_ngrams(ref_docs["seed"], by, [2, 3, 4, 5], 2, True, stops, ())
    assert list(got.itertuples(index=False, name=None)) == want
    got = T.ngrams(ref_docs["seed"], by=by)
    assert [str(t) for t in got.dtypes] == ["str", "int64", "int64", "int64", "int64", "bool", "int64", "int64", "str"]


def test_collocations_equal_nltk_from_words_with_its_filters(ref_docs):
    """NLTK's own pipeline: from_words, apply_freq_filter, apply_word_filter, score_ngrams."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures, TrigramCollocationFinder

    from analysis.segment import is_acronym

    stops = T._stopset(None)
    for name, doc in ref_docs.items():
        tok = doc.tokens
        _, listed = plain_flags(plain_units(doc, "lemma", False), stops, LISTS)
        for n, window in ((2, 2), (2, 5), (3, 3)):
            words = []
            for _, sent in tok.groupby("sent_id", sort=True):
                words.extend(None if p else w for w, p in zip(sent["lemma"], sent["is_punct"]))
                words.extend([None] * (window - 1))
            if n == 2:
                finder, measures = BigramCollocationFinder.from_words(words, window_size=window), BigramAssocMeasures
            else:
                finder, measures = TrigramCollocationFinder.from_words(words), TrigramAssocMeasures
            finder.apply_freq_filter(2)
            finder.apply_ngram_filter(lambda *g: None in g)
            finder.apply_word_filter(lambda w: w in stops or (w.lower() in stops and not is_acronym(w))
                                     or listed[w] in LISTS)
            pmi = dict(finder.score_ngrams(measures.pmi))
            llr = dict(finder.score_ngrams(measures.likelihood_ratio))
            order = sorted(pmi, key=lambda g: (-pmi[g], -finder.ngram_fd[g], g))
            want = [(r, " ".join(g), *g, finder.ngram_fd[g], round(pmi[g], 4), round(llr[g], 4))
                    for r, g in enumerate(order, 1)]
            got = T.collocations(doc, n=n, window=window, by="lemma", measure="pmi")
            assert list(got.itertuples(index=False, name=None)) == want, (name, n, window)


def test_tfidf_equals_a_plain_computation(ref_docs):
    stops = T._stopset(None)
    for name, doc in ref_docs.items():
        units = plain_units(doc, "lemma", True)
        stop_u, which = plain_flags(units, stops, LISTS)
        n_docs = len({u["para"] for u in units})
        tf = {}
        for u, st in zip(units, stop_u):
            k, p = u["key"], u["para"]
            if not (st or which[k]):
                tf[(p, k)] = tf.get((p, k), 0) + 1
        df = {}
        for _, k in tf:
            df[k] = df.get(k, 0) + 1
        want = []
        for p in sorted({p for p, _ in tf}):
            scored = sorted(((c * math.log(n_docs / df[k]), c, k) for (q, k), c in tf.items()
                             if q == p and df[k] < n_docs), key=lambda x: (-x[0], -x[1], x[2]))
            want += [(p, r, k, c, df[k], round(math.log(n_docs / df[k]), 4), round(s, 4))
                     for r, (s, c, k) in enumerate(scored[:5], 1)]
        assert list(T.tfidf(doc).itertuples(index=False, name=None)) == want, name


def plain_search(tok, term):
    """Token indices (first, last) where the case-folded lemmas spell ``term`` word for word."""
    words = term.lower().split()
    lemmas = tok["lemma"].str.lower().tolist()
    paras = tok["para_id"].tolist()
    return [(i, i + len(words) - 1) for i in range(len(lemmas) - len(words) + 1)
            if lemmas[i:i + len(words)] == words and paras[i] == paras[i + len(words) - 1]]


def test_dispersion_and_paragraph_counts_equal_a_plain_search(ref_docs):
    for name, doc in ref_docs.items():
        tok = doc.tokens
        terms = T._default_terms(doc, 6, "lemma", None)
        n_words = int((~tok["is_punct"]).sum())
        word_pos = ((~tok["is_punct"]).cumsum() - (~tok["is_punct"])).tolist()
        rows = list(tok.itertuples())
        want = []
        for t in terms:
            for a, b in plain_search(tok, t):
                r = rows[a]
                want.append((t, r.token_id, word_pos[a], round(word_pos[a] / n_words, 4), r.para_id, r.sent_id,
                             r.start, rows[b].end, doc.text[r.start:rows[b].end]))
        assert list(T.dispersion(doc).itertuples(index=False, name=None)) == want, name
        paras = doc.paragraphs["para_id"].tolist()
        words_in = tok[~tok["is_punct"]].groupby("para_id").size().to_dict()
        want = []
        for t in terms:
            hits = pd.Series([rows[a].para_id for a, _ in plain_search(tok, t)], dtype="int64").value_counts().to_dict()
            want += [(t, p, hits.get(p, 0), round(1000 * hits.get(p, 0) / words_in[p], 2) if words_in.get(p) else 0.0)
                     for p in paras]
        assert list(T.term_paragraph_counts(doc, terms).itertuples(index=False, name=None)) == want, name


# --------------------------------------------------------------------------------------------
# names, honorifics and reporting verbs (articles written for these tests)

NAMES_TEXT = ("Council vote\n\nMr Okafor said the Security Council would meet on Monday. The United States "
              "backed the plan, US officials told reporters, and the U.S. envoy added that the United States "
              "would vote for it. Dr. Haddad stated the case; the member states said they would abstain.\n\n"
              "Mrs Lindqvist said Israeli and Pakistani diplomats were consulted. The Security Council later "
              "adopted the text, and Ms Oyelaran, for the United States, said the state of the talks was good.")


@pytest.fixture(scope="module")
def council():
    return analysis.annotate(analysis.from_text(NAMES_TEXT))


def test_multi_word_names_are_one_term(council):
    tf = T.term_frequencies(council)
    counts = dict(zip(tf["term"], tf["count"]))
    assert counts["United States"] == 3 and counts["Security Council"] == 2
    assert "united" not in counts and "United" not in counts and "Council" not in counts
    assert counts["state"] == 3  # "member states", "the state of the talks" and the verb "stated"
    names = T.name_terms(council)
    assert set(names["term"]) >= {"United States", "Security Council"}
    for s, e, t in zip(names["start"], names["end"], names["text"]):
        assert council.text[s:e] == t
    # a description linked to an actor stays words
    assert not names["term"].str.lower().str.startswith("the ").any()
    # by surface form too
    lower = dict(zip(*T.term_frequencies(council, by="lower").pipe(lambda d: (d["term"], d["count"]))))
    assert lower["united states"] == 3
    # the words count alone when asked
    plain = dict(zip(*T.term_frequencies(council, names=False).pipe(lambda d: (d["term"], d["count"]))))
    assert plain["United"] == 3 and plain["Council"] == 2


def test_us_is_never_the_pronoun(council):
    tf = T.term_frequencies(council, include_stopwords=False)
    assert {"US", "U.S.", "Israeli", "Pakistani"} <= set(tf["term"])
    doc = analysis.annotate(analysis.from_text("T\n\nThey asked us to wait, said US diplomats."))
    flags = dict(zip(*T.term_frequencies(doc).pipe(lambda d: (d["term"], d["is_stop"]))))
    assert flags["us"] and not flags["US"]


def test_honorifics_and_reporting_verbs_are_flagged_not_dropped(council):
    tf = T.term_frequencies(council).set_index("term")
    for term in ("Mr", "Mrs", "Ms", "Dr."):
        assert tf.loc[term, "is_stop"] and tf.loc[term, "stop_list"] == "honorifics", term
    for term in ("tell", "add"):
        assert tf.loc[term, "is_stop"] and tf.loc[term, "stop_list"] == "reporting_verbs", term
    assert tf.loc["say", "stop_list"] == "stopwords"  # "say" is on spaCy's list already
    # "state": the noun (twice) outnumbers the verb ("stated"), so it stays a content word
    assert not tf.loc["state", "is_stop"]
    content = T.term_frequencies(council, include_stopwords=False)["term"].tolist()
    assert "Mr" not in content and "tell" not in content and "Okafor" in content
    # flag_lists=() keeps them as content words; the tables always keep the rows
    bare = T.term_frequencies(council, flag_lists=()).set_index("term")
    assert not bare.loc["Mr", "is_stop"] and bare.loc["Mr", "stop_list"] == ""
    assert not bare.loc["tell", "is_stop"]
    only = T.term_frequencies(council, flag_lists=["honorifics"]).set_index("term")
    assert only.loc["Mr", "is_stop"] and not only.loc["tell", "is_stop"]
    # "miss" the verb is no honorific: honorifics are flagged where written with a capital
    doc = analysis.annotate(analysis.from_text("T\n\nThey will miss the vote, Miss Adeyemi warned."))
    flags = T.term_frequencies(doc, by="text").set_index("term")["stop_list"].to_dict()
    assert flags["miss"] == "" and flags["Miss"] == "honorifics"
    # the other tables leave them out too
    assert "mr" not in set(T.collocations(council, min_count=1)["w1"])
    assert "Mr" not in set(T.tfidf(council)["term"])
    assert "Mr" not in T.summary_card(council).set_index("measure").loc["most frequent content words", "value"]


def test_the_word_lists_are_plain_files():
    from importlib import resources

    for name, file in (("honorifics", "honorifics_en.txt"), ("reporting_verbs", "reporting_verbs_en.txt")):
        text = resources.files("analysis.data").joinpath(file).read_text(encoding="utf-8")
        listed = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
        assert listed == set(T.flag_words(name)) and listed
    assert {"mr", "mrs", "ms", "dr", "sir"} <= T.flag_words("honorifics")
    assert {"say", "add", "tell"} <= T.flag_words("reporting_verbs")
    assert T.FLAG_LISTS == ("honorifics", "reporting_verbs")


def test_top_terms_chart_leaves_honorifics_and_reporting_verbs_out(council, close_figures):
    from analysis import plots

    fig = plots.top_terms(council, n=30)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "United States" in labels and "Security Council" in labels
    assert not {"Mr", "Mrs", "Ms", "tell", "add", "say", "us", "united"} & set(labels)


def test_keyness_with_names_and_significance(council, seed_doc):
    key = T.keyness(council, seed_doc)
    assert (key["p_value"] <= 0.05).all() and (key["g2"] >= 3.84).all()
    assert "Security Council" in key["term"].tolist()
    every = T.keyness(council, seed_doc, max_p=None)
    assert len(every) > len(key) and (every["p_value"] > 0.05).any()
    # a table spelled in lower case finds the article's terms that keep their case
    table = T.keyness(council, {"security council": 1, "okafor": 1, "the": 500}, max_p=None)
    assert {"Security Council", "Okafor"} <= set(table["term"])


@pytest.mark.parametrize("call, match", [
    (lambda d: T.term_frequencies(d, flag_lists=["titles"]), "unknown list 'titles'"),
    (lambda d: T.keyness(d, {"x": 1}, max_p=0), "max_p=0 is not allowed"),
    (lambda d: T.keyness(d, {"x": 1}, max_p=1.5), "max_p=1.5 is not allowed"),
])
def test_bad_list_and_p_value_options(seed_doc, call, match):
    with pytest.raises(ValueError, match=match):
        call(seed_doc)
