"""Round 3 of event-coding quality (issue #8): general rules, each with a case it must not touch.

Every text here is written for the test (no corpus sentence), so the rules are checked on
wording the own gold never saw. The held-out wire stories in ``fixtures/heldout`` guard the
whole coder against tuning to the own gold.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import default_resolver
from eventwire.actors.mentions import _surname_keys
from eventwire.config import Settings
from eventwire.dateline import infer_year
from eventwire.evaluate import evaluate
from eventwire.events.syntax import subject_of
from eventwire.pipeline import Pipeline

from .events_helpers import ON, coded, mention_codes

HELDOUT = Path(__file__).parent / "fixtures" / "heldout" / "heldout_gold.jsonl"
#: Events F1 on the held-out stories when round 8 was finished (0.296 before round 3, 0.324 after
#: it, 0.326 after round 4, 0.338 after round 5, 0.375 after rounds 6-7 tuned on the dev set, 0.411
#: after round 8 tuned on its second twelve stories), less a margin for parser noise; a drop below
#: it means a change helped the tuned sets at the cost of new text.
HELDOUT_EVENTS_F1 = 0.411 - 0.03


# -- actors: who the words stand for --------------------------------------------------------


def test_unnamed_gunmen_are_the_only_jihadist_group_the_story_names(pipeline: Pipeline) -> None:
    text = (
        "NAIROBI, March 12 (Reuters) - Islamic State claimed responsibility for the attack. Gunmen "
        "stormed a police station in Garissa on Monday, killing four officers, police said."
    )
    assert mention_codes(pipeline, text)["Gunmen"] == "IMGSEP"
    assert ("IMGSEP", "KENCOP", "190") in coded(pipeline, text)


def test_gunmen_stay_unattributed_when_two_armed_groups_are_named(pipeline: Pipeline) -> None:
    text = (
        "KABUL, March 12 (Reuters) - The Taliban and Islamic State both operate in the province. "
        "Gunmen stormed a police station in Kunduz on Monday, killing four officers, police said."
    )
    assert mention_codes(pipeline, text)["Gunmen"] != "IMGSEP"


def test_a_family_name_written_first_names_the_person_again(pipeline: Pipeline) -> None:
    article = pipeline.process_text(
        "BEIJING, July 9 (Xinhua) -- Foreign Ministry spokesperson Mao Ning made the remarks at a "
        'press briefing on Tuesday. "China firmly opposes the sale," Mao said.',
        published=ON,
    )
    assert article.quotes and article.quotes[0].speaker is not None
    assert article.quotes[0].speaker.name == "Mao Ning"


def test_only_a_first_word_that_is_no_given_name_becomes_a_surname() -> None:
    resolver = default_resolver()
    assert "Lu" in _surname_keys("Lu Wenjie", resolver)
    assert "Michael" not in _surname_keys("Michael Brown", resolver)
    assert set(_surname_keys("Madonna", resolver)) == {"Madonna"}  # one word: nothing to split


def test_protesters_belong_to_the_place_they_protest_in_not_to_the_embassy(pipeline: Pipeline) -> None:
    text = (
        "TBILISI, July 10 (Reuters) - Several dozen people protested outside the Russian embassy in "
        "Yerevan on Wednesday."
    )
    assert mention_codes(pipeline, text)["Several dozen people"] == "ARMCVL"


def test_without_a_place_a_group_still_takes_its_sentences_actor(pipeline: Pipeline) -> None:
    text = "NAIROBI, July 10 (Reuters) - The Kenyan government accepted demands from striking teachers."
    assert mention_codes(pipeline, text)["striking teachers"] == "KENEDU"


def test_rapid_support_forces_are_sudanese_rebels() -> None:
    for name in ("the Rapid Support Forces", "RSF"):
        actor = default_resolver().resolve_all(name, ON)[0].actor
        assert actor is not None and actor.code == "SDNREB"


def test_a_subject_he_continues_the_previous_subject_not_a_possessor(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "BEIJING, June 11 (Xinhua) -- Pakistani Foreign Minister Bilawal Bhutto Zardari arrived in "
        "Beijing on Monday at Chinese Foreign Minister Qin Gang's invitation. He is scheduled to meet "
        "Chinese Premier Li Qiang on Wednesday.",
    )
    assert ("PAKGOV", "CHNGOV", "036") in found  # not Qin Gang meeting his own premier


# -- syntax: parse repairs --------------------------------------------------------------------


def test_a_passive_raising_verb_hands_its_subject_to_the_infinitive(nlp) -> None:
    doc = nlp("He is scheduled to meet the premier on Wednesday.")
    meet = next(token for token in doc if token.lower_ == "meet")
    subject = subject_of(meet)
    assert subject is not None and subject.lower_ == "he"


def test_a_plain_infinitive_still_takes_its_own_subject(nlp) -> None:
    doc = nlp("The minister wants to meet the premier.")
    meet = next(token for token in doc if token.lower_ == "meet")
    subject = subject_of(meet)
    assert subject is not None and subject.lower_ == "minister"


def test_an_apposition_renames_the_side_of_a_truce(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "CAIRO, May 23 (Reuters) - A truce between the army and the paramilitary Rapid Support "
        "Forces (RSF) began in Khartoum on Sunday.",
    )
    assert ("SDNMIL", "SDNREB", "0871") in found


def test_a_measure_in_apposition_is_no_target(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "NAIROBI, March 12 (Reuters) - Militants raided a police post at Arabia, about 20 km from "
        "the Somali border, on Saturday, police said.",
    )
    assert not any(target == "SOM" for _, target, _ in found)


def test_the_reporter_of_a_misparsed_second_verb_makes_the_vow(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "MOGADISHU, March 12 (Reuters) - Al Shabaab said in a statement on Tuesday that the air "
        "strikes had killed civilians and vowed revenge.",
    )
    assert ("IMGSEP", None, "130") in found


# -- targets ----------------------------------------------------------------------------------


def test_troops_sent_to_ones_own_town_are_coded_without_target(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "NAIROBI, March 12 (Reuters) - Kenyan President William Ruto ordered additional troops to "
        "Garissa on Monday, his office said.",
    )
    assert ("KENGOV", None, "154") in found


def test_a_host_codes_the_guests_visit_too(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "WASHINGTON, March 21 (Reuters) - Secretary of State Antony Blinken hosted Japanese Foreign "
        "Minister Yoshimasa Hayashi at the State Department on Tuesday.",
    )
    assert {("USAGOV", "JPNGOV", "043"), ("JPNGOV", "USAGOV", "042")} <= found


def test_all_parties_are_the_sides_of_the_fighting_coded_before(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "ADEN, Sept 12 (Reuters) - Saudi-led coalition jets bombed Houthi positions near Hodeidah on "
        "Monday. The United Nations called on all parties to respect international humanitarian law.",
    )
    assert {("IGOUNO", "SAUMIL", "020"), ("IGOUNO", "YEMREB", "020")} <= found


def test_all_parties_without_fighting_stay_unnamed(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "GENEVA, Sept 12 (Reuters) - The United Nations called on all parties to respect "
        "international humanitarian law.",
    )
    assert found == {("IGOUNO", None, "020")}


def test_each_side_accusing_the_other_is_two_accusations(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "KHARTOUM, Oct 31 (Reuters) - The Sudanese army attacked the Rapid Support Forces in Omdurman "
        "on Monday. Each side accused the other of breaking the truce.",
    )
    assert {("SDNMIL", "SDNREB", "112"), ("SDNREB", "SDNMIL", "112")} <= found


def test_each_side_without_a_coded_fight_names_no_one(pipeline: Pipeline) -> None:
    found = coded(pipeline, "GENEVA, Oct 31 (Reuters) - Each side accused the other of breaking the truce.")
    assert not any(code.startswith("11") and source for source, _, code in found)


def test_raising_an_issue_at_the_un_is_an_intent_to_take_it_there(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "ABUJA, Oct 31 (Reuters) - Nigeria will raise the issue at the United Nations, the foreign "
        "minister said on Tuesday.",
    )
    assert ("NGAGOV", "IGOUNO", "036") in found
    assert (
        coded(pipeline, "ABUJA, Oct 31 (Reuters) - The Nigerian foreign minister raised his hand.") == set()
    )


def test_an_object_naming_no_one_passes_on_to_its_complement(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "NEW DELHI, May 16 (Reuters) - Sri Lanka is ready to offer tax incentives to Indian companies, "
        "its trade minister said.",
    )
    assert any(target == "INDBUS" for _, target, _ in found)


def test_condemning_an_attack_on_a_city_does_not_target_the_city(pipeline: Pipeline) -> None:
    found = coded(
        pipeline, "ISLAMABAD, May 16 (Reuters) - Pakistan condemned the attack on Kabul on Tuesday."
    )
    assert ("PAKGOV", None, "111") in found
    assert not any(target and target.startswith("AFG") for _, target, _ in found)


def test_a_march_is_aimed_at_whom_its_demand_addresses(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "NAIROBI, March 12 (Reuters) - Hundreds of Kenyan teachers marched through Nairobi on "
        "Tuesday, calling on the government to raise their pay.",
    )
    assert ("KENEDU", "KENGOV", "141") in found


def test_aid_for_someone_is_aimed_at_them(pipeline: Pipeline) -> None:
    found = coded(
        pipeline, "TOKYO, June 13 (Reuters) - Japan delivered military assistance for the Philippine navy."
    )
    assert ("JPN", "PHLMIL", "072") in found


def test_a_bare_commitment_in_passing_is_no_event(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "KHARTOUM, May 23 (Reuters) - The RSF said the army had bombed residential areas despite its "
        "commitment to the truce.",
    )
    assert not any(code.startswith("03") for _, _, code in found)
    assert any(code.startswith("19") for _, _, code in found)


def test_a_criticism_after_an_interjected_reporter_is_the_reporters_and_aims_at_the_doer(
    pipeline: Pipeline,
) -> None:
    found = coded(
        pipeline,
        "TOKYO, Oct 19 (Reuters) - North Korea fired two ballistic missiles into the sea on Tuesday, "
        "Japan's defence ministry said, calling the launch a violation of U.N. resolutions.",
    )
    assert ("JPNGOV", "PRKGOV", "111") in found
    assert not any(source == "PRKGOV" and code.startswith("11") for source, _, code in found)


def test_those_killed_when_militants_attacked_are_the_attacks_target(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "MOGADISHU, March 12 (Reuters) - Three Somali soldiers were killed on Saturday when al "
        "Shabaab militants attacked a checkpoint near Afgoye, police said.",
    )
    assert ("IMGSEP", "SOMMIL", "190") in found


def test_both_countries_puts_the_storys_own_country_first(pipeline: Pipeline) -> None:
    found = coded(
        pipeline,
        "BISHKEK, June 13 (Reuters) - Kyrgyz officials said Tajik troops shelled a Kyrgyz village. "
        "Kyrgyz border guards returned fire, the Kyrgyz border service said. Kyrgyzstan summoned the "
        "Tajik ambassador. By evening the border services of both countries had agreed to a ceasefire.",
    )
    assert ("KGZMIL", "TJKMIL", "0871") in found


def test_empty_and_eventless_texts_code_nothing(pipeline: Pipeline) -> None:
    assert coded(pipeline, "All parties. Both sides. The two countries.") == set()
    assert coded(pipeline, "The weather in Nairobi was sunny on Tuesday.") == set()


# -- event dates: the publication year ---------------------------------------------------------


def test_a_file_date_whose_weekday_the_story_names_is_the_publication_day() -> None:
    story = "Jets bombed camps on Monday, the army said.\n\nThe group said on Tuesday it would retaliate."
    # March 12 was a Monday in 2018 and a Tuesday in 2019: the lead's Monday must not win
    assert infer_year(3, 12, story, date(2019, 3, 12)) == (2019, "weekday")


def test_a_file_date_of_another_day_leaves_the_lead_weekday_in_charge() -> None:
    story = "Jets bombed camps on Monday, the army said.\n\nThe group said on Tuesday it would retaliate."
    assert infer_year(3, 12, story, date(2019, 3, 13)) == (2018, "weekday")
    assert infer_year(3, 12, "No weekday here.", date(2019, 3, 12)) == (2019, "hint")


# -- the held-out stories ---------------------------------------------------------------------


@pytest.mark.slow
def test_held_out_wire_stories_keep_their_events_score() -> None:
    report = evaluate(HELDOUT, "gold", Pipeline(Settings()))
    assert report.documents == 8 and not report.failures
    assert (report.scores["events"].f1 or 0.0) >= HELDOUT_EVENTS_F1
