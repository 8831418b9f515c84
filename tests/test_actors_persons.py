"""People named with little around them: regression tests written for this package.

Each sentence is made up to reproduce one pattern; none is taken from any corpus.
"""

from __future__ import annotations

import analysis
from mention_helpers import mention_rows as _m, mentions_by_text as _by_text


def test_a_regnal_number_ends_a_persons_name():
    got = _by_text("The bridge was opened by Henrietta IV in 1911. Later Oswin Tarrant III paid for a new roof.")
    assert got["Henrietta IV"][1] == "person"
    assert got["Oswin Tarrant III"][1] == "person"


def test_a_regnal_number_after_english_words_makes_no_person():
    got = _m("The museum opened after World War II ended.")
    assert not any(ty == "person" for _, _, ty, _ in got)


def test_a_given_name_that_is_also_a_province_is_a_person_when_she_follows():
    got = _by_text("Kerry is writing her third book this winter. Kerry has also finished a play.")
    assert got["Kerry"][1] == "person"
    got = _by_text("Isabel said she would stay in the village.")
    assert got["Isabel"][1] == "person"


def test_a_given_name_that_is_also_a_province_stays_a_place_with_nothing_personal():
    got = _by_text("The new law was passed in Indiana last spring, and other states followed.")
    assert got["Indiana"][1] == "place"


def test_a_given_name_that_is_an_english_word_opens_a_name_inside_a_sentence():
    got = _by_text("The team called up Will Tarrovik after the injury, and Sue Okonjo joined later.")
    assert got["Will Tarrovik"][1] == "person"
    assert got["Sue Okonjo"][1] == "person"


def test_an_english_word_given_name_before_a_place_or_an_english_word_is_no_person():
    got = _by_text("The rally was held in Grant Park near the Rose Garden.")
    assert all(ty != "person" for _, ty, _ in got.values())


def test_whom_one_appoints_or_marries_is_a_person_even_with_a_towns_name():
    got = _by_text("The assembly appointed Solon to draft the rules. Later the prince married Odrana Velt's niece Ysolde.")
    assert got["Solon"][1] == "person"
    got = _by_text("Brevikson was appointed to the board in March.")
    assert got["Brevikson"][1] == "person"


def test_a_title_after_a_verb_of_appointing_makes_no_person_of_its_first_word():
    got = _by_text("The paper interviewed Assistant Professor in Law Mira Tenn about the ruling.")
    assert got.get("Assistant", (None, None))[1] != "person"


def test_a_given_name_and_a_surname_that_heads_places_is_a_person_when_she_follows():
    got = _by_text("Ilsa Ridge testified that she had warned the board. The march ended at Emma Lake near the hills.")
    assert got["Ilsa Ridge"][1] == "person"
    assert got["Emma Lake"][1] == "place"


def test_a_given_name_and_a_place_head_with_nothing_personal_stays_a_place():
    got = _by_text("Tourists crowd Rosa Park every summer.")
    assert got["Rosa Park"][1] == "place"


def test_a_capitalised_adjective_or_ing_form_with_a_weak_cue_names_no_person():
    got = _by_text("He launched his Keep Fighting campaign in May. The Interim board met on Friday.")
    assert "Fighting" not in got and got.get("Interim", (None, None))[1] != "person"


def test_a_surname_the_headline_gives_in_full_is_that_person():
    m = analysis.annotate("An interview with Ilsa Ridge, candidate for mayor\n\nRidge at a forum in May.\n\n"
                          "What would a Ridge administration change?").mentions
    assert set(m["actor_type"]) == {"person"} and m["actor_id"].nunique() == 1


def test_a_title_case_headline_lends_no_person_to_an_english_word():
    m = analysis.annotate("Grace Period Ends For Tenants\n\nThe Period began in May and ends in June.").mentions
    assert "person" not in set(m["actor_type"])


def test_a_rare_noun_may_open_a_name_before_a_surname_that_is_no_word():
    got = _by_text("Voters chose Mitt Tavrosky in 2012, and Mitt Tavrosky stumbled later.")
    assert got["Mitt Tavrosky"][1] == "person"


def test_an_arabic_article_joined_by_a_hyphen_is_part_of_the_surname():
    got = _by_text("Karim al-Tawfi met Abdel Samir el-Rashidi in May. Later Tawfi said he was pleased.")
    assert got["Karim al-Tawfi"][1] == "person"
    assert got["Abdel Samir el-Rashidi"][1] == "person"
    assert got["Tawfi"][0] == got["Karim al-Tawfi"][0]


def test_an_age_or_a_title_in_apposition_makes_a_person():
    got = _by_text("We spoke to Tarvosk, 45, on Monday. Kellvane, a veteran adviser, said no.")
    assert got["Tarvosk"][1] == "person" and got["Kellvane"][1] == "person"
    got = _by_text("Donors gave to Growthwell, an activist group, last year.")
    assert got.get("Growthwell", (None, None))[1] != "person"


def test_the_news_abbreviation_pres_is_a_title():
    got = _by_text("Pres. Karim al-Tawfi said the president would stay. The press waited outside.")
    assert got["Karim al-Tawfi"][1] == "person"
    assert got["the president"][0] == got["Karim al-Tawfi"][0]


def test_a_verb_of_a_persons_life_makes_a_lone_name_a_person():
    got = _by_text("Zorvenko thanked the crowd. Later Valtrisse testified before the committee.")
    assert got["Zorvenko"][1] == "person" and got["Valtrisse"][1] == "person"


def test_a_given_name_before_another_name_lends_no_pronoun_to_a_province():
    got = _by_text("Analysts said Virginia Gov. Tam Rusk would pick her running mate soon.")
    assert got["Virginia"][1] == "place"


def test_a_name_opening_a_sentence_before_a_verb_is_kept():
    got = _by_text("The vote was close. McTorrin blocked the bill, and others agreed. DeVane signed it later.")
    assert "McTorrin" in got and "DeVane" in got


def test_a_plural_or_an_english_word_opening_a_sentence_is_no_name():
    got = _by_text("Superdelegates voted early. However the count was slow. Yesterday was hot.")
    assert not got


def test_a_states_name_that_is_a_given_name_opens_a_personal_name():
    got = _by_text("He debated Jordan Kellerhals on Monday, and India Varnwell won the primary.")
    assert got["Jordan Kellerhals"][1] == "person" and got["India Varnwell"][1] == "person"


def test_a_states_name_before_an_english_word_or_a_head_stays_the_state():
    got = _by_text("Georgia Tech won, and troops crossed the Jordan River.")
    assert got["Georgia"][1] == "state" and got["Jordan"][1] == "state"


def test_an_abstract_noun_opening_a_sentence_is_no_name():
    assert not _by_text("Xenocentrism is common. Enjambment breaks a line.")


def test_chair_before_a_name_is_a_title():
    got = _by_text("Budget Committee Chair Ilse Varga said the plan was sound. The chair added that it was late.")
    assert got["Ilse Varga"][1] == "person"
    assert got["The chair"][0] == got["Ilse Varga"][0]


def test_a_two_word_surname_after_a_longer_name_of_no_kind_is_the_person():
    got = _by_text("Crowds met the Harbour Trust Board Lia Van Dorrek on Monday. Van Dorrek, who won, said she was grateful.")
    assert got["Van Dorrek"][1] == "person"


def test_rev_is_a_title():
    got = _by_text("Crowds met the Rev. Tomas Ekwueme in Leeds. Later Ekwueme said he was pleased.")
    assert got["Tomas Ekwueme"][1] == "person" and got["Ekwueme"][0] == got["Tomas Ekwueme"][0]


def test_a_capitals_name_before_a_club_word_stays_the_capital():
    got = _by_text("Paris Saint-Germain won the cup on Sunday.")
    assert got["Paris"][1] == "state"


def test_a_province_that_is_a_given_name_in_a_list_of_places_stays_a_place():
    got = _by_text("Most voters in Alabama, Georgia and Virginia said they felt betrayed.")
    assert got["Virginia"][1] == "place"


def test_vice_chair_is_a_title_and_baby_no_given_name():
    got = _by_text("Vice Chair Jennifer Pingree spoke. The Baby Boomer generation aged.")
    assert got["Jennifer Pingree"][1] == "person"
    assert got.get("Baby Boomer", (None, None))[1] != "person"


def test_a_title_after_then_or_ex_is_a_title():
    got = _by_text("The plan was advanced by then-Secretary of State Ilse Varga in 2011, as was said by ex-Senator Tam Rusk.")
    assert got["Ilse Varga"][1] == "person" and got["Tam Rusk"][1] == "person"
    assert not any(t.startswith("State") for t in got)


def test_a_surname_in_capitals_after_a_title_is_a_person():
    got = _by_text("We welcome Senator VARNHOLT and Senator OSKARSEN today.")
    assert got["VARNHOLT"][1] == "person" and got["OSKARSEN"][1] == "person"
