"""Clauses: verb groups, voice, negation, subjects, objects, agents and relations, on sentences
written for these tests (each reproduces a pattern seen in news text)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import clauses as cl

REPO = Path(__file__).resolve().parent.parent


def _table(text: str) -> pd.DataFrame:
    return cl.clauses(analysis.annotate(analysis.from_text("Title\n\n" + text)))


def _clause(text: str, lemma: str) -> pd.Series:
    t = _table(text)
    rows = t[t["lemma"] == lemma]
    assert len(rows), t[["verb", "lemma"]].values.tolist()
    return rows.iloc[0]


def test_columns_and_offsets(seed_doc):
    table = seed_doc.clauses
    assert table.columns.tolist() == cl.COLUMNS
    assert set(table["relation"]) <= set(cl.RELATIONS)
    assert set(table["voice"]) <= {"active", "passive"}
    text = seed_doc.text
    for r in table.to_dict("records"):
        assert text[r["start"]:r["end"]] == r["text"]
        assert text[r["verb_start"]:r["verb_end"]] == r["verb"]
        assert r["start"] <= r["verb_start"] and r["verb_end"] <= r["end"] or r["relation"] in ("relative", "coordinated")
        for name in ("subject", "object", "agent"):
            a, b = r[f"{name}_start"], r[f"{name}_end"]
            if pd.isna(a):
                assert pd.isna(b) and pd.isna(r[name]) and pd.isna(r[f"{name}_actor_id"])
            else:
                assert text[a:b] == r[name]


def test_empty_table_has_the_columns():
    table = _table("Hello.")
    assert table.columns.tolist() == cl.COLUMNS


def test_verb_group_with_auxiliaries_negation_and_modal():
    r = _clause("The treasury would not agree to the new rules.", "agree")
    assert (r.verb, r.negated, r.modal, r.tense, r.voice) == ("would not agree", True, "would", "present", "active")
    r = _clause("The mayor will probably resign next week.", "resign")
    assert (r.tense, r.hedged, r.modal) == ("future", True, "will")
    assert _clause("The mayor resigned on Friday.", "resign").tense == "past"


def test_passive_with_agent_reads_the_right_way_round():
    # "Moves to lift the ban ... have been condemned by human rights groups"
    r = _clause("Proposals to end the embargo on fuel sales to Cuba have been condemned by aid agencies.", "condemn")
    assert (r.voice, r.verb) == ("passive", "have been condemned")
    assert r.subject == "Proposals to end the embargo on fuel sales to Cuba"
    assert r.agent == "aid agencies"
    # "Mr Makarov's case has been backed by David Kahn"
    r = _clause("Ms Okafor's appeal has been backed by Peter Lind.", "back")
    assert (r.voice, r.subject, r.agent) == ("passive", "Ms Okafor's appeal", "Peter Lind")
    # "it is backed up by the authority of the great powers"
    r = _clause("The truce holds, and it is backed up by the weight of the regional powers.", "back")
    assert (r.voice, r.subject, r.agent) == ("passive", "it", "the weight of the regional powers")


def test_passive_without_agent_and_get_passive():
    r = _clause("The plan has not been condemned.", "condemn")
    assert (r.voice, r.negated) == ("passive", True) and pd.isna(r.agent)
    assert _clause("Two reporters got arrested at the border.", "arrest").voice == "passive"


def test_control_verbs():
    # "Mr Blair was being urged to push for action": the urged one is the passive subject
    t = _table("Ms Holt was being urged to press for action on air pollution.")
    urge, press = t[t["lemma"] == "urge"].iloc[0], t[t["lemma"] == "press"].iloc[0]
    assert (urge.voice, urge.subject) == ("passive", "Ms Holt") and pd.isna(urge.agent)
    assert (press.subject, press.relation) == ("Ms Holt", "complement")
    # "X urged Y to Z": Y should act
    t = _table("Farmers urged the ministers to protect the wetlands.")
    urge, protect = t[t["lemma"] == "urge"].iloc[0], t[t["lemma"] == "protect"].iloc[0]
    assert (urge.subject, urge.object) == ("Farmers", "the ministers")
    assert (protect.subject, protect.object) == ("the ministers", "the wetlands")
    # "X refused to Z": X
    r = _clause("The governor refused to sign the bill.", "sign")
    assert (r.subject, r.object, r.relation) == ("The governor", "the bill", "complement")


def test_relative_clause_subject_is_the_antecedent():
    # "relations with the US, which is opposed to ending the ban"
    r = _clause("The vote strained ties with the US, which is opposed to lifting the sanctions.", "oppose")
    assert (r.subject, r.relation) == ("the US", "relative")
    assert r.text.startswith("which is opposed")
    r = _clause("The group that won the vote will form the government.", "form")
    assert r.subject == "The group that won the vote"


def test_coordinated_verbs_share_the_subject():
    t = _table("The senator backed the bill and called for a new inquiry.")
    call = t[t["lemma"] == "call"].iloc[0]
    assert (call.subject, call.relation, call.voice) == ("The senator", "coordinated", "active")


def test_appositions_and_parentheticals_are_skipped():
    # "Myron Ebell ... claimed": the adviser, not his country
    r = _clause("Karl Moss, an economist at a bank in Canada, claimed the slump was over.", "claim")
    assert r.subject == "Karl Moss"
    r = _clause("The senator (a Democrat from Ohio) voted for the bill.", "vote")
    assert r.subject == "The senator"
    r = _clause("Chile, which mediated the talks, said it was pleased.", "say")
    assert r.subject == "Chile"


def test_negation_and_hedges_from_governing_words():
    # "little prospect of America agreeing to cut emissions"
    r = _clause("There is little prospect of Brazil agreeing to curb logging.", "agree")
    assert r.subject == "Brazil"
    r = _clause("There is little prospect of Brazil agreeing to curb logging.", "be")
    assert r.subject == "little prospect of Brazil"


def test_reporting_clauses_around_quotations():
    t = _table('"We reject the offer," said Maria Lopez.')
    say, reject = t[t["lemma"] == "say"].iloc[0], t[t["lemma"] == "reject"].iloc[0]
    assert say.subject == "Maria Lopez" and pd.isna(say.object)
    assert (reject.subject, reject.relation) == ("We", "reported")
    t = _table("The deal is dead, the minister said.")
    assert t[t["lemma"] == "be"].iloc[0].relation == "reported"
    r = _clause("The union said that the strike would go ahead.", "go")
    assert (r.subject, r.relation) == ("the strike", "reported")
    r = _clause("The union said that the strike would go ahead.", "say")
    assert r.object == "that the strike would go ahead"


def test_actor_ids_from_mentions(seed_doc):
    table = seed_doc.clauses
    linked = table.dropna(subset=["subject_actor_id"])
    assert len(linked) >= 3
    assert "CSTO" in set(linked["subject_actor_id"])


def test_tagger_slips_are_mended():
    # a verb tagged as a noun after "we", an adverb after "to", "the US" as a pronoun
    assert _clause("In this report we present the figures.", "present").subject == "we"
    r = _clause("The council refused to back the plan.", "back")
    assert r.verb == "to back"
    assert _clause("The mayor refused to back Jonas Peretz.", "back").verb == "to back"
    r = _clause("The mayor did not back Jonas Peretz.", "back")
    assert (r.verb, r.negated, r.object) == ("did not back", True, "Jonas Peretz")
    assert _clause("They went back to Paris.", "go").object != "Paris"


def test_layer_is_registered_and_exported(tmp_path):
    doc = analysis.annotate(analysis.from_text("Title\n\nThe board approved the merger."))
    assert "clauses" in analysis.document.available_layers()
    paths = doc.to_folder(tmp_path)
    assert tmp_path / "clauses.csv" in paths
    back = pd.read_csv(tmp_path / "clauses.csv")
    assert back["verb"].tolist() == ["approved"]


def _gum() -> Path | None:
    env = os.environ.get("ANALYSIS_GUM")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data" / "gum", Path("/work/shared/data/gum")]:
        if cand.is_dir() and any(cand.glob("*.conllu")):
            return cand
    return None


@pytest.mark.skipif(_gum() is None, reason="GUM data (../shared/data/gum) not present")
def test_gum_news_like_genres():
    """Against GUM's gold trees (voyage and bio genres only, to keep the test short)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import clauses_eval

    total: dict = {}
    for f in sorted(_gum().glob("GUM_bio_*.conllu"))[:6]:
        counts, _ = clauses_eval.score_file(f)
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
    s = clauses_eval.summary(total)
    assert s["clause found"] >= 0.85 and s["subject"] >= 0.8 and s["passive R"] >= 0.85, s


def test_participle_after_a_comma_shares_the_subject_and_reports():
    t = _table("The committee released a report on Monday, saying the agency had failed.")
    say, fail = t[t["lemma"] == "say"].iloc[0], t[t["lemma"] == "fail"].iloc[0]
    assert (say.subject, say.relation) == ("The committee", "coordinated")
    assert say.object == "the agency had failed"
    assert (fail.subject, fail.relation) == ("the agency", "reported")


def test_an_inverted_reporting_verb_takes_no_day_for_its_subject():
    r = _clause('"We will not back down," said Friday.', "say")
    assert pd.isna(r.subject)


def test_show_clauses_on_an_article_with_no_body_says_so():
    from analysis.clauses_view import show_clauses

    doc = analysis.annotate(analysis.from_text("Only a headline"))
    view = show_clauses(doc)
    assert "no clause to show" in view.html


def test_phrase_actor_is_the_head_mention_not_the_first():
    text = "Talks\n\nThe Brazilian Foreign Minister Ana Ribeiro rejected the offer of the Chilean government."
    doc = analysis.annotate(analysis.from_text(text))
    m = doc.mentions
    table = doc.clauses.set_index("lemma")
    ribeiro = m.loc[m["text"].str.contains("Ribeiro"), "actor_id"].iloc[0]
    assert table.loc["reject", "subject_actor_id"] == ribeiro          # not Brazil, the first mention
    assert table.loc["reject", "object_actor_id"] == m.loc[m["text"].str.contains("Chilean"), "actor_id"].iloc[0]
