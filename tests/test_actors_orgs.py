"""Organisations in no list: regression tests written for this package.

Each sentence is made up to reproduce one pattern; none is taken from any corpus.
"""

from __future__ import annotations

import analysis
from mention_helpers import mention_rows as _m, mentions_by_text as _by_text


def test_a_direction_after_the_is_no_organisation_however_often_it_comes():
    got = _by_text("The war split the North. The North had railways. Farms in the North grew. "
                   "The North won in the end.")
    assert all(ty != "org" for _, ty, _ in got.values())


def test_the_confederacy_is_a_former_state():
    got = _by_text("The Confederacy lost the war, and soldiers of the Confederacy went home.")
    assert got["The Confederacy"][1] == "place"


def test_a_name_in_a_list_of_companies_is_a_company():
    got = _by_text("Gates 4 to 9 serve Zorvik, Quantal, Lufthansa and Ryanair, and Dravo, Kelmar and SkyNorth.")
    assert got["Zorvik"][1] == "org" and got["Quantal"][1] == "org"
    assert got["Dravo"][1] == "org" and got["Kelmar"][1] == "org"


def test_a_list_with_people_gives_no_company():
    got = _by_text("The panel heard Marta Ilves, Tomas Berg and Quillon, and a Zorbit spokesman.")
    assert got.get("Quillon", (None, None))[1] != "org"


def test_a_listed_body_before_or_after_a_title_that_names_no_one_is_a_name_of_its_own():
    got = _m("The head of NATO warned the allies. A NASA spokesman said the launch was delayed.")
    assert any(t == "NATO" and h in ("name", "acronym") for t, _, _, h in got)
    assert any(t == "NASA" and h in ("name", "acronym") for t, _, _, h in got)
    assert any(h == "role" and a == "NATO" and t.endswith("head") for t, a, _, h in got)
    assert any(h == "role" and a == "NASA" and t == "spokesman" for t, a, _, h in got)


def test_a_party_label_before_a_title_stays_one_role():
    got = _m("A Republican senator objected.")
    assert got[0][0] == "A Republican senator" and got[0][3] == "role"


def test_where_organisations_stand():
    got = _by_text("The site ranks high according to Trendalyx. A Marvell poll put him ahead. "
                   "Lenders such as Quorvia and Belcastro cut rates. She was a founder of the Ashgrove Circle. "
                   "He worked for Tenmark until 2009, then joined the Vellum Wardens.")
    for name in ("Trendalyx", "Marvell", "Quorvia", "Belcastro", "Ashgrove Circle", "Tenmark", "Vellum Wardens"):
        assert got[name][1] == "org", name


def test_an_acronyms_possessive_leans_organisation():
    got = _by_text("The QZRB's budget was cut.")
    assert got["QZRB"][1] == "org"


def test_a_given_name_according_to_or_in_a_list_stays_a_person():
    got = _by_text("According to Marta Ilves, the plan failed. Writers such as Tomas Berg agreed.")
    assert got["Marta Ilves"][1] == "person" and got["Tomas Berg"][1] == "person"


def test_a_towns_name_before_a_capitalised_body_word_is_one_name():
    got = _by_text("A reporter from the Cleveland Press phoned. Tulsa Police said so. Officials in Tulsa met.")
    assert got["Cleveland Press"][1] == "org" and got["Tulsa Police"][1] == "org" and got["Tulsa"][1] == "place"


def test_an_acronym_that_acts_is_a_body():
    got = _by_text("The QZX has announced a merger.")
    assert got["QZX"][1] == "org"
    got = _by_text("Later the VKRT favors the plan.")
    assert got["VKRT"][1] == "org"


def test_a_town_after_an_academic_noun_and_at_is_its_university():
    got = _by_text("She is a professor at Tulsa.")
    assert got["Tulsa"][1] == "org"


def test_national_agencies_are_organisations_of_their_state():
    m = analysis.annotate("Headline\n\nThe FBI questioned him, and Mossad and the NHS were named.").mentions
    got = {t: (a, ty, r) for t, a, ty, r in m[["text", "actor_id", "actor_type", "role"]].values.tolist()}
    assert got["FBI"] == ("FBI", "org", "COP") and got["Mossad"][1] == "org" and got["NHS"][1] == "org"
    assert analysis.actors.gazetteer().actors["FBI"].country == "USA"


def test_a_pollster_before_a_slash_and_an_acronym_after_has_are_bodies():
    got = _by_text("The latest Trendalyx / Marvell poll put him third. Since May the KRTV has broadcast the games.")
    assert got["Trendalyx"][1] == "org" and got["Marvell"][1] == "org" and got["KRTV"][1] == "org"


def test_my_lords_is_an_address_not_an_organisation():
    got = _by_text("My Lords, the statute is clear. I submit, my Lords, that it applies.")
    assert all(ty != "org" for _, ty, _ in got.values())


def test_a_description_in_apposition_makes_a_body_even_at_the_head_of_a_sentence():
    got = _by_text("Shares of Trevanos, a blood-testing startup, fell. Halvik, the watchdog, agreed. "
                   "Brenmoor, a regional lender, closed.")
    assert got["Trevanos"][1] == "org" and got["Halvik"][1] == "org" and got["Brenmoor"][1] == "org"


def test_an_appositive_name_after_a_body_is_no_list():
    got = _by_text("The head of Quantal Holdings, Rinno Vask, is a former congressman. Vask said so.")
    assert got["Rinno Vask"][1] == "person"
    got = _by_text("They moved to the Upper East Side last year.")
    assert all(ty != "org" for _, ty, _ in got.values())


def test_members_of_a_persons_group_make_no_body_of_the_person():
    got = _by_text("These tongues are members of Varnell's (1968) Coastal group.")
    assert got["Varnell"][1] != "org"


def test_company_designators_end_a_bodys_name():
    got = _by_text("She worked with Drummel Sports and Orvane Transit, then with Kestrel Logistics.")
    assert got["Drummel Sports"][1] == "media" and got["Orvane Transit"][1] == "org"
    assert got["Kestrel Logistics"][1] == "org"


def test_a_bodys_aside_with_its_and_a_legion():
    got = _by_text("The Varden Group of Five, in its statement, urged talks. The Ninth Legion held the fort.")
    assert got["Ninth Legion"][1] == "org"
    got = _by_text("Yesterday the Quintet, in its reply, said no.")
    assert got["Quintet"][1] == "org"


def test_bus_lines_end_a_bodys_name_and_a_plural_body_word_names_no_one():
    got = _by_text("We rode Dravo Bus Lines to the meeting of the Security Councils of the member states.")
    assert got["Dravo Bus Lines"][1] == "org"
    assert got.get("Security Councils", (None, None))[1] != "org"


def test_the_x_after_a_place_preposition_leans_place():
    got = _by_text("Flights to the Velmaris leave daily. The ferry sails to the Velmaris on Monday. "
                   "Life in the Velmaris is quiet.")
    assert got["Velmaris"][1] != "org"


def test_a_modifier_after_members_of_and_a_lone_designator_name_no_body():
    got = _by_text("Members of the Varnish religion fled. Kevo Brandt, a member of the Quillish congregation, "
                   "stayed. One reason I work in Mining was my uncle.")
    assert got.get("Varnish", (None, None))[1] != "org" and got.get("Quillish", (None, None))[1] != "org"
    assert got.get("Mining", (None, None))[1] != "org"


def test_a_person_described_as_a_pollster_stays_a_person():
    got = _by_text("Marta Ilves, the Republican pollster, disagreed.")
    assert got["Marta Ilves"][1] == "person"


def test_a_numbered_label_after_in_the_is_no_place():
    got = _by_text("Data come from the Wave 4 interviews. Most answered in the Wave 1 survey. "
                   "Some were seen at Wave 3, and race was taken from Wave 1.")
    assert all(ty != "place" for _, ty, _ in got.values())


def test_a_news_outlets_short_name_that_acts_stays_a_news_outlet():
    got = _by_text("The Herald sent its reporter to the town.")
    assert got["Herald"][1] == "media"


def test_a_body_head_before_on_opens_a_longer_name():
    got = _by_text("The House Select Committee on Varnholm met. The Joint Council on Trade agreed.")
    assert got["House Select Committee on Varnholm"][1] == "org"
    assert got["Joint Council on Trade"][1] == "org"


def test_a_describing_noun_before_a_name_makes_a_body():
    got = _by_text("Shares of drugmaker Quellan fell. He joined the band Spoken Marrow. "
                   "They read the newspaper Correio da Várzea.")
    assert got["Quellan"][1] == "org" and got["Spoken Marrow"][1] == "org"
    assert got["Correio da Várzea"][1] in ("org", "media")
