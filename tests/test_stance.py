"""Stance: cue lexicon, negation, hedges, holders and targets, against hand-written gold files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import stance as st
from analysis.errors import InputError

HERE = Path(__file__).resolve().parent


def _matches(pred: pd.Series, gold: pd.Series) -> bool:
    if int(pred["para_id"]) != int(gold["para_id"]) or pred["stance"] != gold["stance"]:
        return False
    holder = f"{pred['holder_id']} {pred['holder']} {pred['holder_text'] or ''}".lower()
    if not any(alias.lower() in holder for alias in gold["holder_aliases"].split("|")):
        return False
    target = str(pred["target"] or "").lower()
    return any(key.lower() in target for key in gold["target_keywords"].split("|"))


def precision_recall(pred: pd.DataFrame, gold: pd.DataFrame) -> tuple[float, float, list[int]]:
    """Precision, recall and the gold rows (index) that were missed."""
    found_gold = {g for g, grow in gold.iterrows() for _, prow in pred.iterrows() if _matches(prow, grow)}
    good_pred = sum(any(_matches(prow, grow) for _, grow in gold.iterrows()) for _, prow in pred.iterrows())
    precision = good_pred / len(pred) if len(pred) else 0.0
    return precision, len(found_gold) / len(gold), sorted(set(gold.index) - found_gold)


@pytest.fixture(scope="module")
def seed_stance(seed_doc):
    return seed_doc.stance


def test_columns_and_offsets(seed_doc, seed_stance):
    for col in ["para_id", "sent_id", "holder_id", "holder", "target_id", "target", "stance", "cue", "negated",
                "hedged", "evidence", "start", "end", "text"]:
        assert col in seed_stance.columns
    assert set(seed_stance["stance"]) <= set(st.STANCES)
    for row in seed_stance.itertuples():
        assert seed_doc.text[row.start:row.end] == row.text == row.cue
        assert row.text in row.evidence
        if row.target is not None:
            assert seed_doc.text[row.target_start:row.target_end] == row.target


def test_required_seed_findings(seed_stance):
    gold = pd.read_csv(HERE / "gold" / "stance_seed.csv")
    required = gold[gold["required"] == "yes"]
    _, recall, missed = precision_recall(seed_stance, required)
    assert recall == 1.0, required.loc[missed, "note"].tolist()


def test_seed_precision_recall(seed_stance):
    gold = pd.read_csv(HERE / "gold" / "stance_seed.csv")
    precision, recall, missed = precision_recall(seed_stance, gold)
    assert precision >= 0.85 and recall >= 0.85, (precision, recall, gold.loc[missed, "note"].tolist())


@pytest.mark.parametrize("name", ["sentiment_port", "sentiment_water"])
def test_unseen_articles(name):
    doc = analysis.annotate(analysis.load_article(HERE / "articles" / f"{name}.txt"))
    gold = pd.read_csv(HERE / "gold" / "stance_articles.csv")
    gold = gold[gold["article"] == name].reset_index(drop=True)
    precision, recall, missed = precision_recall(doc.stance, gold)
    assert precision >= 0.8 and recall >= 0.8, (precision, recall, gold.loc[missed, "note"].tolist())


def _one(text: str) -> pd.DataFrame:
    return st.stance(analysis.annotate(analysis.from_text("Title\n\n" + text)))


def test_negation_flips_and_is_shown():
    row = _one("Moscow would not agree with the new bases.").iloc[0]
    assert (row.stance, row.negated, row.cue) == ("against", True, "would not agree with")
    row = _one("The council no longer supports the mission.").iloc[0]
    assert (row.stance, row.negated) == ("against", True)
    row = _one("The union did not oppose the reform.").iloc[0]
    assert (row.stance, row.negated) == ("neutral", True)


def test_negation_before_the_subject_does_not_count():
    row = _one("Not only the rebels but the army rejected the truce.").iloc[0]
    assert (row.stance, row.negated) == ("against", False)


def test_hedges():
    row = _one("The party will probably back the budget.").iloc[0]
    assert (row.stance, row.hedged, row.holder) == ("favor", True, "The party")
    assert not _one("The party backed the budget.").iloc[0].hedged


def test_expletive_holder_is_the_stating_body():
    row = _one("On behalf of the five member states, the declaration says that it is unacceptable to arm the militia.").iloc[0]
    assert row.holder == "the five member states" and row.holder_from == "on_behalf_of"
    assert row.stance == "against" and row.target == "arm the militia"
    row = _one("Chile said that it was unacceptable to close the border.").iloc[0]
    assert row.holder == "Chile" and row.target == "close the border"


def test_relative_clause_and_pronoun_holders():
    table = _one("The alliance, which includes four states, is firmly against the treaty. They also condemned the raids.")
    assert table["holder"].tolist() == ["The alliance", "The alliance"]
    assert table["holder_from"].tolist() == ["subject", "pronoun"]
    assert table["target"].tolist() == ["the treaty", "the raids"]


def test_experiencer_holder_is_the_object():
    row = _one("The growing arms trade worries Brazil.").iloc[0]
    assert (row.holder, row.target, row.stance) == ("Brazil", "The growing arms trade", "against")


def test_no_cue_no_row():
    assert _one("The ministers met in the capital on Monday.").empty


def test_add_and_reset_cues():
    text = "The senators frowned upon the tariff."
    assert _one(text).empty
    st.add_cues([{"cue": "frown upon", "stance": "against"}])
    try:
        row = _one(text).iloc[0]
        assert (row.stance, row.cue, row.target) == ("against", "frowned upon", "the tariff")
        assert "frown upon" in set(st.cue_lexicon()["cue"])
    finally:
        st.reset_cues()
    assert _one(text).empty


def test_unknown_stance_label_is_refused_naming_the_entry():
    with pytest.raises(InputError, match="frown upon.*'hostile'.*favor, against, neutral"):
        st.add_cues([{"cue": "frown upon", "stance": "hostile"}])
    with pytest.raises(InputError, match="kind"):
        st.add_cues([{"cue": "frown upon", "stance": "against", "kind": "adverb"}])


def test_load_cues_file(tmp_path):
    path = tmp_path / "cues.yml"
    path.write_text("cues:\n  - {cue: cheer, stance: favor}\n", encoding="utf-8")
    st.load_cues(path)
    try:
        assert _one("The crowd cheered the decision.").iloc[0].stance == "favor"
    finally:
        st.reset_cues()
    path.write_text("cues:\n  - {cue: cheer, stance: maybe}\n", encoding="utf-8")
    with pytest.raises(InputError, match="cheer"):
        st.load_cues(path)


def test_stance_matrix(seed_doc):
    matrix = st.stance_matrix(seed_doc)
    assert {"holder", "target", "favor", "against", "neutral"} <= set(matrix.columns)
    assert matrix[["favor", "against", "neutral"]].to_numpy().sum() == len(seed_doc.stance)


def test_the_month_may_is_not_a_hedge_but_the_modal_is():
    doc = analysis.annotate(analysis.from_text(
        "Vote\n\nOn 12 May Kenyan lawmakers voted against the finance bill. The opposition may reject the deal.",
        published="2023-05-20"))
    st = doc.stance.set_index("target")
    assert st.loc["the finance bill", "stance"] == "against" and not st.loc["the finance bill", "hedged"]
    assert st.loc["the deal", "hedged"]


def test_pronoun_after_a_time_word_is_its_own_subject():
    """'said on Wednesday it was concerned': 'it' is the subject (not 'Wednesday it') and stands for
    the sentence's subject, skipping the relative clause's verb."""
    row = _one("Chile, which mediated earlier talks, said on Wednesday it was concerned about the blockade.").iloc[0]
    assert (row.holder, row.holder_from, row.holder_text) == ("Chile", "pronoun", "it")
    assert (row.stance, row.target) == ("against", "the blockade")


def test_it_never_stands_for_a_person():
    table = _one("Chile's foreign minister said the plan was fair. Argentina said it rejected the plan.")
    row = table[table["cue"] == "rejected"].iloc[0]
    assert row.holder == "Argentina"


def test_a_named_person_at_the_head_of_the_subject_holds_the_stance():
    row = _one("Kenyan President William Ruto welcomed the ceasefire.").iloc[0]
    assert (row.holder, row.stance, row.target) == ("William Ruto", "favor", "the ceasefire")


def test_will_not_accept_is_against_and_a_cue_after_agree_to_is_its_target():
    row = _one("Peru will not accept any unilateral change.").iloc[0]
    assert (row.stance, row.negated, row.cue, row.target) == ("against", True, "will not accept", "any unilateral change")
    table = _one("Both parties agreed to accept the ruling of the court.")
    assert table["pattern"].tolist() == ["agree to"]


# --- stance read from the clause layer (own sentences for each pattern) ---------------------


def test_passive_cue_holder_is_the_agent_and_target_the_subject():
    row = _one("Proposals to end the embargo on fuel sales to Cuba have been condemned by aid agencies.").iloc[0]
    assert (row.holder, row.holder_from, row.stance) == ("aid agencies", "agent", "against")
    assert row.target == "Proposals to end the embargo on fuel sales to Cuba"
    row = _one("Ms Okafor's appeal has been backed by Peter Lind.").iloc[0]
    assert (row.holder, row.stance, row.target) == ("Peter Lind", "favor", "Ms Okafor's appeal")
    row = _one("The truce holds, and it is backed up by the weight of the regional powers.").iloc[0]
    assert (row.holder, row.target) == ("the weight of the regional powers", "it")


def test_passive_cue_without_agent_has_no_holder():
    assert _one("The new levy was condemned on Monday.").empty


def test_the_one_urged_is_not_the_holder():
    assert _one("Ms Holt was being urged to press for action on air pollution.").empty
    table = _one("Farmers urged the ministers to protect the wetlands.")
    assert table["holder"].tolist() == ["Farmers"]
    assert table.iloc[0].target == "the ministers to protect the wetlands"


def test_relative_clause_holder_is_the_antecedent():
    row = _one("The vote strained ties with Peru, which is opposed to lifting the sanctions.").iloc[0]
    assert (row.holder, row.stance, row.target) == ("Peru", "against", "lifting the sanctions")


def test_governing_negation_and_hedges():
    row = _one("There is little prospect of Brazil agreeing to curb logging.").iloc[0]
    assert (row.holder, row.negated, row.hedged, row.stance) == ("Brazil", True, True, "against")
    table = _one("The council refused to back the plan.")
    back = table[table["pattern"] == "back"].iloc[0]
    assert (back.holder, back.negated, back.stance, back.target) == ("The council", True, "against", "the plan")
    row = _one("The unions failed to condemn the strike.").iloc[0]
    assert (row.negated, row.stance) == (True, "neutral")
    # the tagger reads "back" before a name as an adverb, after "to" and after "did not"
    for text in ("Mr Lindqvist refused to back Ms Oyelaran.", "Mr Lindqvist did not back Ms Oyelaran."):
        row = _one(text).iloc[0]
        assert (row.holder, row.negated, row.stance, row.target) == ("Lindqvist", True, "against", "Ms Oyelaran")
    assert _one("The dockers' union backed down on its pay claim.").empty   # a retreat, no support


def test_holder_is_never_a_time_or_a_mark():
    assert _one("This week the reform was welcomed.").empty
    assert _one("This week more permits were approved.").empty


def test_targets_are_whole_phrases():
    row = _one("Campaigners urged European leaders to wake up from their complacency about rising seas.").iloc[0]
    assert row.target == "European leaders to wake up from their complacency about rising seas"


def test_the_person_not_his_country_holds_the_stance():
    row = _one("Karl Moss, an economist at a bank in Canada, rejected the forecast.").iloc[0]
    assert (row.holder, row.target) == ("Karl Moss", "the forecast")


def test_reported_speech_holder_is_the_speaker():
    row = _one("We reject the offer, the spokesman said.").iloc[0]
    assert (row.holder, row.holder_from, row.stance) == ("the spokesman", "reported", "against")


def test_stance_rows_name_their_clause(seed_doc):
    table, clauses = seed_doc.stance, seed_doc.clauses
    linked = table.dropna(subset=["clause_id"])
    assert len(linked) >= len(table) - 2
    ids = set(clauses["clause_id"])
    assert set(linked["clause_id"].astype(int)) <= ids


def test_own_gold_of_clause_patterns():
    """Hand-made gold (tests/gold/stance_clauses.*) of passives, negation, control verbs,
    relative clauses and reported speech, written for these tests."""
    doc = analysis.annotate(analysis.load_article(HERE / "gold" / "stance_clauses.txt"))
    gold = pd.read_csv(HERE / "gold" / "stance_clauses.csv")
    precision, recall, missed = precision_recall(doc.stance, gold)
    assert precision >= 0.85 and recall >= 0.85, (precision, recall, gold.loc[missed, "note"].tolist())


def test_participles_and_asides_with_agents():
    row = _one("Peace talks backed by the UN resumed in Geneva.").iloc[0]
    assert row.holder in ("United Nations", "the UN", "UN") and (row.holder_from, row.target) == ("agent", "Peace talks")
    row = _one("The deal – signed in May – was welcomed by Kenya.").iloc[0]
    assert (row.holder, row.target) == ("Kenya", "The deal")
    row = _one("Rejected by the voters, the plan died.").iloc[0]
    assert (row.holder, row.stance, row.target) == ("the voters", "against", "the plan")
    row = _one("Critics say the reform, which is opposed by the unions, will fail.").iloc[0]
    assert (row.holder, row.target) == ("the unions", "the reform")


def test_holders_are_phrases_with_words(seed_doc):
    for table in (seed_doc.stance, _one("Talks – and more talks – were backed. Why? This week the plan was rejected.")):
        for holder in table["holder"].dropna():
            assert any(ch.isalpha() for ch in holder) and holder.lower() not in ("this week", "today")


# --- patterns of real news (the rules written while scoring on the PolNeAR gold's train half) -----


def _rows(text: str) -> list[tuple]:
    return [(r.holder_text, r.stance, r.target) for r in _one(text).itertuples()]


def test_attack_vote_and_break_with_are_cues():
    assert _rows("The governor blasted the tax plan.") == [("The governor", "against", "the tax plan")]
    assert _rows("The union voted for the contract.") == [("The union", "favor", "the contract")]
    assert _rows("She broke with the party leadership.") == [("She", "against", "the party leadership")]


def test_gerund_and_infinitive_holders_come_from_the_clause_they_depend_on():
    assert _rows("The senator went on the record endorsing the governor.") == [("The senator", "favor", "the governor")]
    rows = _rows("The mayor attacked the councillors for opposing the budget.")
    assert rows == [("The mayor", "against", "the councillors"), ("the councillors", "against", "the budget")]
    row = _one("The union has yet to endorse the candidate.").iloc[0]
    assert (row.holder, row.stance, row.negated) == ("The union", "against", True)
    row = _one("The reporter told the Post he was not ready to support the bill.").iloc[0]
    assert (row.holder_text, row.stance) == ("he", "against")


def test_questions_conditions_and_refusals_to_answer_are_no_stance():
    assert _one("Reporters asked whether the mayor would endorse the candidate.").empty
    assert _one("If the council backs the plan, taxes will rise.").empty
    assert _one("The campaign refused to answer questions.").empty
    assert _rows("The governor refused to endorse the senator.") == [("The governor", "against", "the senator")]


def test_no_row_without_a_real_holder_or_target():
    assert _one("She is a well respected senator.").empty
    assert _one("The union will not endorse until the primary is over.").empty
    assert _one("Another amendment would repeal the law.").empty
    assert _one("Thank you, Ohio!").empty


def test_stance_nouns():
    assert _rows("The senator's endorsement of the governor surprised many.") == [("The senator", "favor", "the governor")]
    assert _rows("The mayor locked up endorsements from the unions.") == [("the unions", "favor", "The mayor")]
    assert _rows("Smith, as a backer of the plan, spoke first.") == [("Smith", "favor", "the plan")]
    assert _rows("The mayor has praise for the governor.") == [("The mayor", "favor", "the governor")]
    row = _one("His refusal to endorse the mayor surprised the party.").iloc[0]
    assert (row.holder_text, row.stance, row.target) == ("His", "against", "the mayor")
    assert _one("Jones says the endorsements from Smith can be seen as a sign.")["target"].tolist() != ["Jones"]


def test_coordinated_cues_give_one_row_and_share_the_subject():
    assert len(_one("I support and endorse the governor, Smith said.")) == 1
    rows = _rows("Voters distrust him because he favors the tax and opposes the wage rise.")
    assert ("he", "against", "the wage rise") in rows and ("he", "favor", "the tax") in rows


def test_appositive_aside_and_quantifier_holders():
    assert _rows("The Nurses Union, a group that endorsed the mayor, cheered.") == [("The Nurses Union", "favor", "the mayor")]
    row = _one("During the campaign Smith, goaded by rivals, came out against the deal.").iloc[0]
    assert "Smith" in row.holder_text and row.target == "the deal"
    assert _rows("Most oppose the plan.") == [("Most", "against", "the plan")]


def test_title_case_headlines():
    assert _rows("Mayor Smith Endorses Governor Jones In Close Race.") == [("Mayor Smith", "favor", "Governor Jones")]
    row = _one("Senator Refuses To Back Tax Plan.").iloc[0]
    assert (row.stance, row.negated, row.target) == ("against", True, "Tax Plan")


def test_what_someone_is_called_says_how_the_caller_stands():
    assert _rows("Smith called the senator a liar.") == [("Smith", "against", "the senator")]
    assert _rows("Jones called the plan a great success.") == [("Jones", "favor", "the plan")]
    assert _one("They called the meeting on Tuesday.").empty


def test_polnear_gold_holds_offsets_only_and_fits_the_text():
    """The hand-made gold on PolNeAR (benchmarks/gold/stance_polnear.csv) stores no words of the
    articles; its offsets are checked against the shared data when it is present."""
    import csv
    import sys

    bench = HERE.parent / "benchmarks"
    sys.path.insert(0, str(bench))
    import stance_eval

    with open(stance_eval.GOLD, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 300 and {r["split"] for r in rows} == {"train", "dev", "test"}
    for r in rows:
        assert r["stance"] in ("favor", "against")
        for key in ("sent_start", "sent_end", "holder_start", "holder_end", "target_start", "target_end"):
            assert r[key] == "" or r[key].isdigit()
        assert all(ch in "0123456789abcdef" for ch in r["sent_sha1"])
    root = stance_eval.polnear_root()
    if root is None:
        pytest.skip("PolNeAR is not here")
    texts, gold = stance_eval.load_gold(root)
    assert len(gold) == len(rows) and len({a for _, a in texts}) >= 40


def test_relative_antecedent_headline_infinitive_and_quantifier_after_a_conjunction():
    assert ("the Forum", "favor", "Smith") in _rows("He launched the Forum, a group that endorsed Smith before backing Jones.")
    assert _rows("The union to endorse Smith.") == [("The union", "favor", "Smith")]
    assert _rows("Republicans are divided, although most oppose it.") == [("most", "against", "it")]


def test_holder_head_before_a_preposition_passive_governors_and_quantifier_targets():
    assert _rows("Smith on Friday endorsed the plan.") == [("Smith on Friday", "favor", "the plan")]
    assert _rows("Voters are united in supporting the levy.") == [("Voters", "favor", "the levy")]
    assert _rows("She rejected several of the proposals.")[0][:2] == ("She", "against")


def test_possessed_stance_nouns_and_like_pledge_respect():
    assert _rows("Smith is perhaps the party's loudest proponent of the plan.") == [("Smith", "favor", "the plan")]
    row = _one("Several of the unions indicated their support for Jones.").iloc[0]
    assert "Several" in row.holder_text and (row.stance, row.target) == ("favor", "Jones")
    assert _rows("I like the mayor.") == [("I", "favor", "the mayor")]
    assert _one("I would like to see the plan.").empty
    assert _rows("She pledged to cut taxes.") == [("She", "favor", "to cut taxes")]
    assert _rows("I have tremendous respect for the governor.") == [("I", "favor", "the governor")]


def test_support_one_over_a_rival_and_a_target_after_an_aside():
    assert _rows("Pate said he would support Clinton in a general election over Republican Trump.") == [
        ("he", "favor", "Clinton in a general election"), ("he", "against", "Republican Trump")]
    assert _rows("Pate supported Charlie Crist against Rubio.") == [("Pate", "favor", "Charlie Crist"), ("Pate", "against", "Rubio")]
    assert _rows("He plans to support, in some fashion, at least 100 candidates.") == [("He", "favor", "at least 100 candidates")]


def test_names_between_dashes_predicate_nouns_refusals_and_declining_every_rival():
    assert _rows("Trump's running mate — Indiana Gov. Mike Pence — has thrown his support behind Ryan.") == [
        ("Indiana Gov. Mike Pence", "favor", "Ryan")]
    row = _one("The senators -- Cruz, Paul and Rubio -- all voted in favor of the provision.").iloc[0]
    assert row.holder_text == "The senators" and row.stance == "favor"
    row = _one("Cruz's refusal to disavow the plan angered many.").iloc[0]
    assert (row.stance, row.negated) == ("neutral", True)
    row = _one("He is not backing any particular candidate.").iloc[0]
    assert (row.stance, row.negated) == ("neutral", True)
    assert _one("He is not backing the mayor.").iloc[0].stance == "against"


def test_giving_someone_the_nod():
    assert _rows("Two unions gave Clinton the nod.") == [("Two unions", "favor", "Clinton")]


def test_pronoun_subject_of_a_complement_and_a_name_after_the_subject():
    row = _one("Many voters made it clear they did not agree with the decision.").iloc[0]
    assert (row.holder_text, row.holder, row.stance) == ("they", "Many voters", "against")
    assert _rows("The head of the group, Mike Murphy, praised the effort.") == [("Mike Murphy", "favor", "the effort")]


def test_anti_words_with_an_owner():
    assert _rows("Because Murphy was behind a previous anti-Trump effort, people suspected him.") == [
        ("Murphy", "against", "Trump")]
    assert _rows("The group ran anti-immigration ads.") == [("The group", "against", "immigration")]
    assert _one("The anti-Trump vote went to Cruz.").empty


def _article_rows(text: str) -> list[tuple]:
    return [(r.holder, r.stance, r.target) for r in st.stance(analysis.annotate(analysis.from_text(text))).itertuples()]


def test_more_evaluation_cues():
    assert _rows("The mayor rebuffed the developer's offer.") == [("The mayor", "against", "the developer's offer")]
    assert _rows("The council struck down the parking rule.") == [("The council", "against", "the parking rule")]
    assert _rows("She has been critical of the new budget.") == [("She", "against", "the new budget")]
    assert _rows("Jones made no secret of her distaste for the merger.") == [("her", "against", "the merger")]
    assert _rows("The minister proposed a new tax on sugar.") == [("The minister", "favor", "a new tax on sugar")]
    rows = _rows("The striker was rebuked by fans for his celebration.")
    assert rows and rows[0][0].startswith("fans") and rows[0][1:] == ("against", "The striker")


def test_participle_after_a_noun_phrase_that_names_someone():
    rows = _rows("The bank has come under pressure from a farmers' union demanding the state repeal the new tax.")
    assert rows == [("a farmers' union", "favor", "the state repeal the new tax")]
    assert _rows("The governor went on the record endorsing the plan.") == [("The governor", "favor", "the plan")]


def test_headline_speaker_before_a_colon_and_a_second_headline_verb():
    assert _article_rows("Mayor Jones: I support the new bridge.\n\nThe council met on Monday.") == [
        ("Jones", "favor", "the new bridge")]
    assert _article_rows("Union Leader Backs Mayor Jones And Denounces Council Plan.\n\nThe leader spoke on Monday.") == [
        ("Union Leader", "favor", "Mayor Jones"), ("Union Leader", "against", "Council Plan")]


def test_negated_receiving_of_a_stance_noun():
    rows = _rows("The mayor still has not received any endorsements from his fellow councillors.")
    assert rows == [("his fellow councillors", "against", "The mayor")]
    assert _rows("The mayor received endorsements from two unions.") == [("two unions", "favor", "The mayor")]


def test_name_before_a_relative_aside_and_the_first_subject_of_a_copula():
    assert _rows("Jenkins, who will retire soon after also working in Lagos, Oslo and Lima, praised the new rail plan.")[0][:2] == (
        "Jenkins", "favor")
    row = _one("Editor’s note: Mayor Smith regularly incites violence and is a serial liar, rampant xenophobe, racist, "
               "misogynist and boaster who has repeatedly pledged to ban all cars.").iloc[0]
    assert (row.holder_text, row.stance) == ("Mayor Smith", "favor")


def test_what_one_calls_on_someone_else_to_do_is_not_the_caller_s_own_act():
    assert _rows("He has also called on the city to attack the debt.") == [("He", "favor", "the city to attack the debt")]


def test_what_is_said_of_a_named_actor_in_words_that_lean_one_way():
    rows = _rows("Mayor Jones spoke on Monday. \"Senator Smith represents a continuation of the same failed "
                 "policies,\" Jones said. Jones said that Governor Brown shows great charm.")
    assert ("Jones", "against", "Senator Smith") in rows and ("Jones", "favor", "Governor Brown") in rows
    assert _rows("Jones said that Governor Brown arrived on Tuesday.") == []  # no lean: no stance
    assert _rows("Jones said the weather was terrible.") == []  # not an actor


def test_refrain_may_well_a_participle_after_a_number_and_a_second_gerund():
    rows = _rows("Union leaders said there is broad consensus for the union to remain neutral and refrain from "
                 "endorsing any candidate.")
    assert [r[1] for r in rows] == ["neutral"]
    assert _one("The unions may well endorse Smith in coming weeks.").empty
    assert _one("The party raised 5,000 dollars, 2,000 pledged for this year.").empty
    rows = _rows("She applauded him for defying the council and fighting for the farmers.")
    assert ("him", "favor", "the farmers") in rows


def test_headline_cue_of_several_words_stop_someone_call_for_and_happy_to_see():
    assert _article_rows("Big Banks Pull Support For City Marathon.\n\nThe banks said so on Monday.") == [
        ("Big Banks", "against", "City Marathon")]
    assert _rows("The group is looking to stop Smith.") == [("The group", "against", "Smith")]
    assert _one("They will stop by the office.").empty
    assert _rows("The mayor's call for a new tax angered voters.") == [("The mayor's", "favor", "a new tax")]
    assert _rows("Jones said he was happy to see that Brown was elected.") == [("he", "favor", "that Brown was elected")]


def test_quotation_marks_inside_a_cue_and_criticism_even_from_within():
    assert _rows("The chairman was said to be \"furious\" with Smith.") == [("The chairman", "against", "Smith")]
    assert _rows("Jones said he was \"happy to see\" that Brown was elected.") == [("he", "favor", "that Brown was elected")]
    assert _rows("The mayor has faced criticism even from within his own party for the plan.") == [
        ("his own party", "against", "The mayor")]


def test_a_name_before_supporter_backer_critic_is_the_target():
    assert _rows("Smith supporters rallied outside the hall.") == [("Smith supporters", "favor", "Smith")]
    assert _rows("Jones, a former mayor and a Brown backer, spoke.") == [("Jones", "favor", "Brown")]
    assert _rows("Lee is a Brown supporter.") == [("Lee", "favor", "Brown")]
    assert ("Sen. Mary Lee", "favor", "Brown") in _rows(
        "\"He is standing up for the farmers,\" tweeted Sen. Mary Lee (D-Ohio), a former governor and a Brown supporter.")


def test_what_someone_says_must_or_should_be_done():
    rows = _rows("Mayor Jones said the city should build more schools.")
    assert rows == [("Mayor Jones", "favor", "the city should build more schools")]
    assert ("Smith", "favor", "has to be some form of punishment") in _rows(
        "\"There has to be some form of punishment,\" Smith said at a town hall.")
    assert _rows("\"I think we have to leave the law that way,\" Smith said.") == [
        ("Smith", "favor", "we have to leave the law that way")]
    assert _rows("\"I think she should have run in another state,\" said Tom Gray.") == []
    assert _rows("Jones said the tax shouldn't be raised.") == []


def test_no_one_in_particular_holds_what_everyone_says():
    assert _rows("Everyone says that we need to keep talking to the neighbours.") == []


def test_judgement_verbs_attitude_adjectives_and_idioms_of_political_reporting():
    assert _rows("The senator castigated the new tariffs.") == [("The senator", "against", "the new tariffs")]
    assert _rows("The governor lashed out at the state legislature.") == [
        ("The governor", "against", "the state legislature")]
    assert _rows("The mayor lauded the volunteers.") == [("The mayor", "favor", "the volunteers")]
    assert _rows("Several unions have thrown their weight behind the measure.") == [
        ("Several unions", "favor", "the measure")]
    assert _rows("The council was skeptical of the proposal.") == [("The council", "against", "the proposal")]
    assert _rows("The farmers are supportive of the new trade deal.") == [("The farmers", "favor", "the new trade deal")]
    assert _rows("The party's condemnation of the raid was swift.") == [("The party", "against", "the raid")]


def test_an_attitude_by_someone_is_held_by_the_subject_not_the_by_phrase():
    assert _rows("Many voters were frustrated by the mayor's failure to act.") == [
        ("Many voters", "against", "the mayor's failure to act")]
    assert _rows("The senators are horrified by the plan.") == [("The senators", "against", "the plan")]
    assert _rows("Smith was deeply impressed by the governor's speech.") == [
        ("Smith", "favor", "the governor's speech")]


def test_a_verb_in_s_read_as_a_plural_noun():
    assert _rows("The city's new mayor rebuffs Smith on the tax plan.") == [
        ("The city's new mayor", "against", "Smith on the tax plan")]
    assert _rows("Union backs Smith for governor.") == [("Union", "favor", "Smith for governor")]


def test_quoted_words_inside_a_target():
    assert _rows("She also called for more “funding” for schools in the county.") == [("She", "favor", "more “funding”")]
    assert _rows("The mayor blasted \"the careless spending\" of the council.") == [
        ("The mayor", "against", "the careless spending")]


def test_a_relative_clause_whose_verb_has_no_object_is_about_its_noun():
    assert _rows("The bill that most Democrats oppose will pass.") == [("Democrats", "against", "The bill")]
    rows = _rows("But Lee was not the only candidate whom the mayor refused to endorse.")
    assert rows == [("the mayor", "against", "candidate")]


def test_a_name_before_endorsed_or_backed_in_one_word():
    assert _rows("One Jones-endorsed candidate to watch is Tim Brown.") == [("Jones", "favor", "candidate")]
    assert _rows("The union-backed measure failed.") == [("union", "favor", "measure")]
    assert _rows("The well-supported claim stands.") == []


def test_defeat_and_beat_are_stances_only_as_goals():
    assert _rows("The senator vowed to defeat the bill.") == [("The senator", "against", "the bill")]
    assert _rows("We are going to have to beat Governor Lee at the ballot box.") == [
        ("We", "against", "Governor Lee at the ballot box")]
    assert _rows("Smith beat Jones in Ohio.") == []
    assert _rows("Smith is likely to defeat Jones.") == []


def test_what_someone_says_should_not_be_done_away_with_is_favoured():
    assert _rows("By a wide margin, those polled said the library's funding shouldn't be eliminated.") == [
        ("those polled", "favor", "the library's funding")]
    assert _rows("Jones said the tax shouldn't be raised.") == []
    assert _rows("The teachers' union argued that school administrators should be punished, but not the students.") == [
        ("The teachers' union", "favor", "school administrators should be punished")]
    assert _rows("The union has long said that the city should build more schools.") == []


def test_no_rival_across_a_verb_and_no_verb_cue_after_a_preposition():
    assert _rows("The mayor is calling for the state to step up its efforts in the fight against the Red Gang.") == [
        ("The mayor", "favor", "the state to step up its efforts in the fight against the Red Gang")]
    assert _rows("She would support Clinton over Trump.") == [("She", "favor", "Clinton"), ("She", "against", "Trump")]
    assert ("Mayor", "favor", "city to act") in _rows("Mayor urges city to act, step up fight against Red Gang.")
    assert len(_rows("Mayor urges city to act, step up fight against Red Gang.")) == 1


def test_a_name_in_leaning_words_in_what_someone_says():
    assert _rows("\"Mayor Smith's reckless plan will ruin the city,\" Jones said.") == [
        ("Jones", "against", "Mayor Smith's reckless plan")]
    assert _rows("\"We will save the county from the Smith-Brown disaster,\" she said.") == [
        ("she", "against", "the Smith-Brown disaster")]
    assert _rows("Jones said that Senator Lee's brilliant work helped the state.") == [
        ("Jones", "favor", "Senator Lee's brilliant work")]
    assert _rows("\"We will win,\" said Gerard Rice, a former IRA prisoner.") == []
    assert _rows("\"Senator Lee's best chance is in Ohio,\" Jones said.") == []


def test_glad_to_and_a_naming_verb_after_an_adverb_or_a_relative_pronoun():
    assert _rows("I am proud to endorse Hillary Clinton.") == [("I", "favor", "Hillary Clinton")]
    assert _rows("They were quick to condemn the attack.") == [("They", "against", "the attack")]
    assert _rows("Long before the union was ready to endorse a candidate, it met.") == []
    assert _rows("Smith once called Trump a pathological liar.") == [("Smith", "against", "Trump")]
    assert ("Cruz", "against", "Trump") in _rows("Cruz, who once called Trump a pathological liar, said he will vote for him.")


def test_protest_and_campaign_idioms():
    assert _rows("Parents rallied against the new testing standards.") == [
        ("Parents", "against", "the new testing standards")]
    assert _rows("She stood up to the party bosses.") == [("She", "against", "the party bosses")]


def test_an_unread_infinitive_after_an_urged_object_and_political_epithets():
    assert _rows("Sanders urged his voters to back Clinton.") == [("Sanders", "favor", "his voters to back Clinton")]
    assert _rows("\"Donald Trump is unfit to be president,\" Clinton said.") == [("Clinton", "against", "Donald Trump")]
    assert _rows("\"Senator Lee is a principled leader,\" Smith said.") == [("Smith", "favor", "Senator Lee")]


def test_political_epithets_do_not_change_sentiment():
    from analysis.sentiment import _vader

    assert "unfit" not in _vader().lexicon


def test_verbs_the_tagger_read_as_participles_keep_their_subject():
    assert _rows("Sanders, who lost the primary to Clinton, has since endorsed her.") == [("Sanders", "favor", "her")]
    assert _rows("Trump, speaking at a rally in Ohio on Tuesday, again attacked Clinton.") == [
        ("Trump", "against", "Clinton")]
    assert _rows("The union has long supported Smith.") == [("The union", "favor", "Smith")]


def test_having_or_winning_the_backing_of_someone():
    assert _rows("Clinton has the backing of most unions.") == [("most unions", "favor", "Clinton")]
    assert _rows("Clinton won the backing of the unions.") == [("the unions", "favor", "Clinton")]
    assert _rows("He has praise for the mayor.") == [("He", "favor", "the mayor")]
    assert _rows("Smith's disparaging remarks about Jones hurt him.") == [("Smith", "against", "remarks about Jones")]


def test_no_one_in_particular_holds_a_stance():
    assert _rows("Union leaders say they will not support any candidate who opposes the minimum wage.") == [
        ("they", "neutral", "any candidate")]


def test_no_stance_in_a_question_a_condition_or_a_guess():
    assert _rows("Do you support the mayor?") == []
    assert _rows("If people want safer streets, they should vote for Smith.") == []
    assert _rows("Jones said he would probably campaign with Smith.") == []
    assert _rows("The party will probably back the budget.") == [("The party", "favor", "the budget")]
    assert _rows("If you read what he said, he praised the volunteers.") == [("he", "favor", "the volunteers")]


def test_participles_before_a_noun_and_other_senses():
    assert _rows("Smith has won 758 pledged delegates so far.") == []
    assert _rows("She trails in pledged delegates.") == []
    assert _rows("The senator accused him of endorsing Brown.") == [
        ("The senator", "against", "him"), ("him", "favor", "Brown")]
    assert _rows("He found no evidence that would back up his claims.") == []
    assert _rows("Superdelegates might seem anti-democratic.") == []


def test_naming_in_the_passive_and_kind_of_and_blame_on():
    assert _rows("Lee, who has been called a brilliant leader, spoke.") == []
    assert _rows("Jones called his rival kind of robotic.") == []
    assert _rows("Officials blamed the explosion on rebel fighters.") == [("Officials", "against", "rebel fighters")]


def test_a_nominal_adjective_as_target_and_a_plural_subject_before_a_verb_read_as_noun():
    assert _rows("In a race between the two, he would support the former.") == [("he", "favor", "the former")]
    assert _rows("Majorities favor letting people stay.") == [("Majorities", "favor", "letting people stay")]
    assert _rows("The farm support programs grew.") == []


def test_wants_are_stances_but_not_formulas_of_speech():
    assert _rows("They want safe homes.") == [("They", "favor", "safe homes")]
    assert _rows("They don’t want to be profiled.") == [("They", "against", "to be profiled")]
    assert _rows("A majority of voters do not want her as president.") == [("A majority of voters", "against", "her")]
    assert ("I", "favor", "the volunteers") in _rows("I want to thank the volunteers.")
    assert all(r[2] != "to thank the volunteers" for r in _rows("I want to thank the volunteers."))
    assert _rows("That is what I want in a mayor.") == []


def test_defending_ideas_not_places():
    assert _rows("The governor defended the new policy.") == [("The governor", "favor", "the new policy")]
    assert _rows("The troops massed to defend Saudi Arabia.") == []
    assert _rows("Countries have the right to defend themselves.") == []


def test_called_with_an_adjective():
    assert _rows("Jones called the report outrageous.") == [("Jones", "against", "the report")]
    assert _rows("Jones called the new plan totally reckless and dangerous.") == [("Jones", "against", "the new plan")]


def test_no_wish_in_a_condition_or_a_formula_and_no_pledge_about_oneself():
    assert _rows("\"If the senators are serious, they must pass the budget,\" Jones said.") == []
    assert _rows("\"We learned a lot this week, I have to tell you,\" Jones said.") == []
    assert _rows("Smith pledged to stay in the race through June.") == []
    assert _rows("Smith pledged to ban the new tax.") == [("Smith", "favor", "to ban the new tax")]


def test_question_embrace_and_wanted_in_other_senses():
    assert _rows("Mr. Lee questioned his depth and experience.") == [("Mr. Lee", "against", "his depth and experience")]
    assert _rows("She questioned whether the plan would work.") == []
    assert ("he", "favor", "the plan") in _rows("While he embraces the plan, he disavows the ideology that voters find toxic.")
    assert _rows("A picture showed him embracing Bobby Knight.") == []
    assert _rows("He was on the FBI's most wanted list.") == []
    assert _rows("The activist wanted for questioning fled.") == []
    assert _rows("As Smith demands wall, smugglers build tunnels.") == [("Smith", "favor", "wall")]


def test_holders_across_an_appositive_a_relative_before_a_gerund_and_a_group_after_anti():
    assert _rows("Jeb Bush, the former Florida governor, who has resented Mr. Lee's rise, spoke.") == [
        ("Jeb Bush", "against", "Mr. Lee's rise")]
    assert _rows("He launched Voters United, an organization that endorsed Smith before backing Jones.") == [
        ("Voters United", "favor", "Smith"), ("Voters United", "favor", "Jones")]
    assert _rows("Whether the party's anti-Trump establishment will unite is unclear.") == [
        ("the party's anti-Trump establishment", "against", "Trump")]
    assert _rows("The donor's anti-Trump campaign failed.") == [("The donor", "against", "Trump")]


def test_a_stance_noun_by_someone_and_a_list_before_all():
    assert _rows("Jones relied on an attack against Cruz by Sen. Lindsey Graham.") == [
        ("Sen. Lindsey Graham", "against", "Cruz")]
    rows = _rows("Back in 1988, the states Indiana, Michigan, Ohio and Pennsylvania all supported Bush.")
    assert len(rows) == 1 and "Pennsylvania" in rows[0][0] and rows[0][1:] == ("favor", "Bush")


def test_a_transcript_speaker_in_capitals_holds_i_and_we():
    doc = analysis.annotate(analysis.from_text(
        "The debate went on.\nSMITH: I support the new budget, and I oppose the tax.\nJONES: We reject that plan."))
    got = [(r.holder, r.holder_text, r.stance, r.target) for r in doc.stance.itertuples()]
    assert got == [("SMITH", "I", "favor", "the new budget"), ("SMITH", "I", "against", "the tax"),
                   ("JONES", "We", "against", "that plan")]


def test_i_with_no_speaker_is_not_an_earlier_subject():
    doc = analysis.annotate(analysis.from_text("The debate went on. I support the new budget."))
    row = doc.stance.iloc[0]
    assert (row.holder, row.holder_text, row.holder_from) == ("I", "I", "pronoun")


def test_not_the_other_after_a_favoured_target():
    assert _rows("She backed the plan, not the tax.") == [("She", "favor", "the plan"), ("She", "against", "the tax")]
    assert ("He", "against", "bankers") in _rows("\"He's standing up for farmers - not bankers,\" tweeted Sen. Mary Lee.")


def test_a_party_and_state_tag_is_not_the_holder():
    assert _rows("Sen. Tom Baker, R-Ohio, has endorsed Brown.") == [("Sen. Tom Baker", "favor", "Brown")]
    doc = analysis.annotate(analysis.from_text("Rep. Ann Lee, D-Calif., said Mayor Brown failed to protect the poor families."))
    assert doc.stance["holder_text"].tolist() == ["Rep. Ann Lee"]


def test_want_to_as_a_way_of_speaking_gives_no_row():
    assert _rows("We want to offer a sincere apology to Mayor Brown.") == []
    assert _rows("I want to be very clear about this.") == []
    assert _rows("The farmers want to believe the minister.") == []
    assert _rows("Lee wants to ban plastic bags.") == [("Lee", "favor", "to ban plastic bags")]


def test_a_name_given_is_not_a_judgement():
    assert _rows("The council found a blog called Truth Today Right Now, which posts fake lies.") == []
    assert _rows("The mayor called Lee a liar.") == [("The mayor", "against", "Lee")]


def test_a_thing_or_an_idea_holds_no_stance():
    assert _rows("The rhetoric of the senators blasting Governor Lee's plan suggests a split.") == []
    assert _rows("The economy favors the wealthy.") == []
    assert _rows("The senators blasted Governor Lee's plan.") == [("The senators", "against", "Governor Lee's plan")]
    assert _rows("ABC News praised the mayor.") == [("ABC News", "favor", "the mayor")]


def test_as_opposed_to_and_the_likes_of_are_no_cues():
    assert _rows("We need a few voices, as opposed to everyone talking at once, she said.") == []
    assert all(r[2] != "of Acme" for r in _rows("Smith called for tariffs on goods from the likes of Acme."))
    assert _rows("The mayor is opposed to the tax.") == [("The mayor", "against", "the tax")]


def test_an_elided_holder_must_be_someone_named():
    doc = analysis.annotate(analysis.from_text(
        "You know the story. The cable networks - A, B and C - all stuck with Brown talking at length about money, "
        "taking shots at Governor Lee and promoting his hotels."))
    assert all(h is None or h.lower() != "you" for h in doc.stance["holder"])
    assert _rows("The hosts, all of them, stuck with Brown, taking shots at Governor Lee.") == [
        ("The hosts", "against", "Governor Lee")]


def test_no_one_a_clause_or_a_noun_of_hope_holds_no_stance():
    assert _rows("None of the major candidates is pushing for a large army.") == []
    assert _rows("I have no lobbyists that want me.") == []
    rows = _rows("It was not that he heard a few in the crowd hurl insults and encourage anti-Brown protesters to leave.")
    assert all("hurl" not in (h or "") for h, _, _ in rows)
    assert _rows("The mayor's latest victories in the race unleashed a wave of comments, from praise for his record "
                 "to hopes he will cut taxes.") == []
    assert _rows("Lee hopes Brown will fix the economy.") == [("Lee", "favor", "Brown will fix the economy")]


def test_what_one_may_do_and_an_inverted_participle_give_no_row():
    assert _rows("The delegates are free agents, able to support Lee, Brown or Park.") == []
    assert _rows("Voters in the county are tired, ready for the message of thrift and order espoused by Mayor Brown.") == []
    assert _rows("The delegates voted to support Lee.") == [("The delegates", "favor", "Lee")]


def test_violence_and_running_for_office_are_no_stances():
    assert _rows("Just after Jim Doe carried out his murderous attack on the dancers, Mayor Brown called for change.") == [
        ("Mayor Brown", "favor", "change")]
    assert _rows("Smith campaigned for governor in 2010.") == []
    assert ("Lee's", "favor", "the nomination") not in _rows("A group backing Lee's campaign for the nomination spent money.")
    assert _rows("Smith campaigned for Lee in Ohio.") == [("Smith", "favor", "Lee in Ohio")]
    assert _rows("Jones attacked Lee over taxes.") == [("Jones", "against", "Lee over taxes")]


def test_a_company_called_x_holds_nothing():
    assert _rows("They paid a company called Acme Data, which builds profiles of voters.") == []


def test_wanting_to_be_someone_is_no_stance():
    assert _rows("I wanted to be mayor of this town.") == []
    assert _rows("The nurses want to be paid fairly.") == [("The nurses", "favor", "to be paid fairly")]


def test_a_commitment_a_chance_and_a_noun_vote_are_no_stances():
    assert _rows("Lee agreed to end his bid for the seat.") == []
    assert _rows("Lee agreed to quietly end his bid for the seat.") == []
    assert _rows("Lee agreed to the deal.") == [("Lee", "favor", "the deal")]
    assert _rows("That is, perhaps, Brown's best shot at the nomination.") == []
    assert _rows("The union has scheduled a strike vote for next week.") == []
    assert _rows("The union voted for the contract.") == [("The union", "favor", "the contract")]


def test_accepting_what_is_given_and_a_date_as_holder_are_no_stances():
    assert _rows("Jane Roe smiled as she accepted her award.") == []
    assert _rows("The city will accept 10,000 refugees.") == []
    assert _rows("Peru will not accept any unilateral change.") == [("Peru", "against", "any unilateral change")]
    assert _rows("\"The numbers since Jan. 1 put us on pace to beat Brown's goal,\" Lee said.") == []


def test_people_named_by_their_stance_keep_it_under_a_negated_verb():
    assert _rows("Lee refused to meet Brown's supporters.") == [("supporters", "favor", "Brown")]
    assert _rows("Lee refused to meet Brown's critics.") == [("critics", "against", "Brown")]
    row = _one("The council refused to back the plan.").iloc[0]
    assert (row.stance, row.negated) == ("against", True)
