"""Stance in what is said and wished: wishes, poll answers, naming, conditions (our own sentences)."""

from __future__ import annotations

import analysis
from analysis import stance as st


def _rows(text: str) -> list[tuple]:
    doc = analysis.annotate(analysis.from_text("Title\n\n" + text))
    return [(r.holder_text, r.stance, r.target) for r in st.stance(doc).itertuples()]


def test_wants_and_would_like_favour_what_is_wished():
    assert _rows("The farmers want cheaper diesel.") == [("The farmers", "favor", "cheaper diesel")]
    assert _rows("The nurses want the hospital to hire more staff.") == [
        ("The nurses", "favor", "the hospital to hire more staff")]
    rows = _rows("Everyone wants to be paid on time, with a fair wage for all.")
    assert [(r[0], r[1]) for r in rows] == [("Everyone", "favor")] and rows[0][2].startswith("to be paid on time")
    assert _rows("The tenants would like to keep the garden.") == [("The tenants", "favor", "to keep the garden")]


def test_a_negated_wish_is_against():
    assert _rows("The drivers don't want to be stopped at random.") == [
        ("The drivers", "against", "to be stopped at random")]
    rows = _rows("Most residents do not want him as mayor.")
    assert [(r[0], r[1]) for r in rows] == [("Most residents", "against")] and rows[0][2].startswith("him")


def test_wish_holders_a_pronoun_in_a_complement_and_a_relative():
    rows = _rows("The county's voters have decided they want to send a teacher to the capital.")
    assert [(r[1], r[2]) for r in rows] == [("favor", "to send a teacher to the capital")]
    assert _rows("Mary Lee, who wants to lower the bridge tolls, spoke first.") == [
        ("Mary Lee", "favor", "to lower the bridge tolls")]
    assert _rows("His aides hoped for a narrow win in the March vote.") == [
        ("His aides", "favor", "a narrow win in the March vote")]


def test_no_wish_in_a_condition_a_question_a_way_of_speaking_or_a_wish_list():
    assert _rows("If you want cheaper bread, bake it yourself.") == []
    assert _rows("Do the farmers want cheaper diesel?") == []
    assert _rows("The farmers want to say something about it.") == []
    assert _rows("That is what I want in a neighbour.") == []
    assert _rows("The band has two drummers on its wish list.") == []
    assert _rows("The team was hoping to benefit from the rain.") == []


def test_poll_answers_to_a_question():
    rows = _rows("Asked whether the mayor is honest enough to lead, 61 percent of residents said yes, "
                 "but 30 percent of all voters say he is not.")
    assert ("61 percent of residents", "favor", "the mayor") in rows
    assert ("30 percent of all voters", "against", "he") in rows
    rows = _rows("Asked if Lee is ready to govern, 52 percent of Republicans said yes while 47 percent overall "
                 "agreed and 40 percent of independents disagreed.")
    assert ("52 percent of Republicans", "favor", "Lee") in rows
    assert ("47 percent overall", "favor", "Lee") in rows
    assert ("40 percent of independents", "against", "Lee") in rows


def test_poll_question_that_says_something_bad_turns_the_answer_round():
    rows = _rows("Asked whether Lee is dishonest, 58 percent of voters said yes.")
    assert rows == [("58 percent of voters", "against", "Lee")]


def test_a_share_with_a_favourable_opinion():
    assert _rows("In the survey, 44 percent of voters have a favorable opinion of Senator Park.") == [
        ("44 percent of voters", "favor", "Senator Park")]
    assert _rows("In the survey, 44 percent of voters have an unfavorable view of Senator Park.") == [
        ("44 percent of voters", "against", "Senator Park")]


def test_naming_not_in_a_passive_nor_a_hedge_word():
    assert _rows("For Jones, who has been called a brilliant mind, the vote was hard.") == []
    rows = _rows("The governor called his rival \"totally scripted and kind of robotic.\"")
    assert [r[1] for r in rows] != ["favor"]
    assert ("Smith's", "against", "Jones") in _rows("They asked about Smith's calling Jones a liar last week.")


def test_no_rival_in_a_fight_against_and_no_owner_for_a_copula():
    rows = _rows("The senator called for more money for the fight against the Red Brigade.")
    assert all(r[1] == "favor" for r in rows)
    assert _rows("Such rules might seem profoundly anti-democratic.") == []


def test_no_wish_said_in_a_condition_nor_a_way_of_speaking():
    assert _rows("\"If the builders are serious, they must fix the roof first,\" Smith said.") == []
    assert _rows("\"We learned a lot this week, I have to tell you,\" he said.") == []
    assert _rows("The donations bring candidates the money they need to win, Jones said.") == []



def test_naming_with_as_a_long_object_and_an_infinitive():
    assert _rows("Smith described the plan as a disaster.") == [("Smith", "against", "the plan")]
    assert _rows("The mayor dismissed the critics as cranks and liars.") == [("The mayor", "against", "the critics")]
    assert _rows("He went on to call Park \"the absolutely worst mayor in the state.\"") == [("He", "against", "Park")]
    rows = _rows("A spokesman for the council called a story claiming donors were given better seats \"outrageous.\"")
    assert [(r[1], r[2]) for r in rows] == [("against", "a story claiming donors were given better seats")]
    assert _rows("She was described as a brilliant mind.") == []


def test_judgements_said_of_a_pronoun_or_a_definite_phrase():
    assert ("he", "against", "It") in _rows("\"It's a rigged, disgusting, dirty system,\" he said on Monday.")
    assert _rows("Jones said the report is misleading because it leaves out the costs.") == [
        ("Jones", "against", "the report")]
    assert _rows("\"It's great to be here,\" Jones said.") == []
    assert _rows("Jones said it is time that the rules change.") == [("Jones", "favor", "the rules change")]


def test_what_is_said_to_be_needed_or_its_time():
    assert _rows("A quick agreement is vital, he said after the meeting.") == [("he", "favor", "A quick agreement")]
    assert _rows("\"What is absolutely imperative is that we keep the club open,\" she told me.") == [
        ("she", "favor", "we keep the club open")]
    assert _rows("Smith said it is time for the council to act.") == [("Smith", "favor", "the council to act")]
    assert _rows("Jones said trade is vital to the economy.") == []
    assert _rows("It is time to go home.") == []
    assert _rows("Jones said a new vote is not necessary.") == []


def test_a_cue_inside_a_wish_said_does_not_hide_it():
    rows = _rows("Lee suggested the city should hire more nurses to fight the outbreak.")
    assert ("Lee", "favor", "the city should hire more nurses to fight the outbreak") in rows


def test_a_transcript_speaker_label_holds_the_wish_said_after_it():
    rows = _rows("PARK: Well, I think the whole town needs to pull together after the floods.")
    assert rows == [("PARK", "favor", "the whole town needs to pull together after the floods")]
    assert _rows("Update: I think the whole town needs to pull together.") == []


def test_a_quotation_inside_what_is_wished_and_no_wish_in_the_past_or_a_relative():
    rows = _rows("Lee backed the plan on Monday, saying it is time to have a \"real reformer in the town hall.\"")
    assert ("Lee", "favor", "to have a \"real reformer in the town hall.\"") in rows or any(
        r[0] == "Lee" and "real reformer" in r[2] for r in rows)
    assert _rows("\"We had to admit that the budget was late,\" said Mayor Tom Lee.") == []
    assert _rows("The things he would like to build appeal to the voters.") == []


def test_no_judgement_of_this_by_a_noun_that_leans():
    rows = _rows("\"This is a long fight and the city must win it,\" Lee said.")
    assert [(r[0], r[1]) for r in rows] == [("Lee", "favor")] and rows[0][2].endswith("the city must win it")


def test_poll_question_in_quotation_marks_and_a_wish_after_a_dash():
    rows = _rows("Asked whether Lee \u201chas the grit to serve well as mayor,\u201d 70 percent of residents said yes.")
    assert rows == [("70 percent of residents", "favor", "Lee")]
    assert ("they", "against", "to be stopped") in _rows("They want \u2014 they don\u2019t want to be stopped.")


def test_hope_misread_as_a_noun_after_a_plural_subject_and_wishes_that_are_nouns():
    rows = _rows("Local officials hope the new pumps can stop the flooding.")
    assert [(r[0], r[1]) for r in rows] == [("Local officials", "favor")]
    assert _rows("Their hopes for the plan were high.") == []


def test_a_share_that_picks_or_disapproves():
    rows = _rows("In the poll, 51 percent would pick Lee, while 40 percent would back Park.")
    assert ("51 percent", "favor", "Lee") in rows and ("40 percent", "favor", "Park") in rows
    assert _rows("About 54 percent of voters disapprove of the deal.") == [
        ("54 percent of voters", "against", "the deal")]
    assert _rows("Half would choose to stay home.") == []


def test_a_wish_to_be_something_is_about_oneself():
    assert _rows("The senator would like to be president.") == []
    assert _rows("The firm would like to be able to stay nearby.") == []
    assert _rows("The workers want to be treated fairly.") == [("The workers", "favor", "to be treated fairly")]


def test_the_support_one_has_is_held_by_those_who_give_it():
    assert _rows("Lee has the support of women and older voters.") == [
        ("women and older voters", "favor", "Lee")]
    assert _rows("The mayor has praise for the nurses.") == [("The mayor", "favor", "the nurses")]


def test_nothing_reported_by_a_negated_verb_of_saying():
    assert _rows("He had not said that Mayor Brown had given the school a generous gift.") == []
    assert _rows("Jones never said the city should close the library.") == []


def test_a_wish_under_a_negated_think_is_against():
    assert _rows("\"I don't think the vote should be delayed,\" Lee told reporters.") == [
        ("Lee", "against", "the vote should be delayed")]
    assert _rows("\"I think the vote should be delayed,\" Lee told reporters.") == [
        ("Lee", "favor", "the vote should be delayed")]


def test_news_and_findings_are_no_judgements():
    assert _rows("Polls suggest Lee has the best chance of beating Brown.") == []
    assert _rows("Mayor Lee also announced the Peace Center would begin work in May.") == []
    assert _rows("Smith said Brown is a disgrace.") == [("Smith", "against", "Brown")]
