"""The coder on sentences we wrote: participants, conjunctions, passives, negation, modality.

Mentions come from ``fixtures/events_actors.yaml`` (see ``events_helpers``), so these tests
exercise the coder alone, whatever the actors stage resolves.
"""

from __future__ import annotations

import pytest

from eventwire.events import build_coder
from eventwire.model import Event
from tests.events_helpers import parsed_article


@pytest.fixture(scope="module")
def coder():
    return build_coder()


@pytest.fixture
def code(nlp, coder):
    def run(text: str) -> list[Event]:
        return coder.code(parsed_article(nlp, text))

    return run


def pairs(events: list[Event], **where: object) -> set[tuple[str | None, str | None, str]]:
    """(source, target, root) of the events matching ``where`` (attribute == value)."""
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo_root)
        for e in events
        if all(getattr(e, key) == value for key, value in where.items())
    }


# -- participants ------------------------------------------------------------------------------


def test_subject_verb_object(code):
    # a state named as a whole is its government on either side of what states say
    assert ("TURGOV", "RUSGOV", "11") in pairs(code("Turkey accused Russia of aggression."))


def test_a_state_speaks_through_its_government_but_fights_as_a_state(code):
    events = code("Russia attacked Turkey. Syria condemned Russia.")
    assert ("RUS", "TUR", "19") in pairs(events)
    assert ("SYRGOV", "RUSGOV", "11") in pairs(events)


def test_passive_agent_is_the_source(code):
    assert ("RUS", "TUR", "19") in pairs(code("Turkey was attacked by Russia."))


def test_an_action_with_no_doer_is_not_an_event(code):
    assert code("Two soldiers of the Syrian army were wounded.") == []


def test_conjoined_targets_give_one_event_each(code):
    found = pairs(code("Russia is rendering military support to the governments of Syria and Iraq."))
    assert {("RUS", "SYR", "07"), ("RUS", "IRQ", "07")} <= found


def test_light_verb_hands_its_subject_to_the_noun(code):
    events = code(
        "Russia's Aerospace Forces started delivering pinpoint strikes at facilities of the Islamic State "
        "in Syria."
    )
    assert ("RUSMIL", "IMGSEP", "19") in pairs(events)
    assert all(event.rule.startswith("noun:") for event in events)


def test_a_container_noun_carries_the_light_verb(code):
    events = code("Lavrov sent a message of condolences to Turkey.")
    assert ("RUSGOV", "TURGOV", "01") in pairs(events, rule="noun:condolence")


def test_the_outcome_of_an_attack_is_not_a_second_event(code):
    events = code("Russian aircraft bombed the militants, killing ten of them.")
    assert {root for _, _, root in pairs(events)} == {"19"}


def test_a_date_is_never_a_target(code):
    events = code("On October 8, the Syrian army passed to a large-scale offensive.")
    assert pairs(events) == {("SYRMIL", None, "19")}


# -- negation, refusal, denial -----------------------------------------------------------------


def test_negated_plan_is_not_an_asserted_event(code):
    events = code("The Russian Federation does not plan to take part in ground operations in Syria.")
    assert events, "the negated event is kept (hidden by default downstream)"
    assert all(event.negated for event in events)
    assert not pairs(events, negated=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syria refused to release the militants.", ("SYRGOV", "IMGSEP", "1243")),
        ("Turkey will not negotiate with the militants.", ("TURGOV", "IMGSEP", "125")),
        ("Iraq declined to accept aid from Turkey.", ("IRQGOV", None, "122")),
    ],
)
def test_refused_cooperation_is_a_rejection(code, text, expected):
    events = code(text)
    coded = {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events
    }
    assert expected in coded
    assert all(not event.negated and event.cameo_root == "12" for event in events), "one rejection, asserted"


def test_a_denied_act_is_negated(code):
    events = code("Turkey denied attacking the Kurds.")
    assert ("TURGOV", None, "01") in pairs(events, negated=False)  # the denial itself
    assert ("TUR", "KUR", "19") in pairs(events, negated=True)


@pytest.mark.parametrize(
    "text",
    [
        '"It is necessary to join forces in the fight against terrorism instead of accusing each other," '
        "Meshkov said.",
        "Russia and Turkey should join forces rather than accuse each other of aggression.",
    ],
)
def test_an_act_set_aside_is_not_coded(code, text):
    assert not [event for event in code(text) if event.cameo_root == "11" and not event.negated]


# -- modality ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality", "root"),
    [
        ("Russia and Turkey should establish closer military cooperation, Meshkov said.", "appeal", "02"),
        ('"It is necessary to intensify cooperation with Turkey," Lavrov said.', "appeal", "02"),
        ("Russia is ready to send aid to Syria.", "intended", "03"),
        ("Russia offered to send aid to Syria.", "intended", "03"),
        ("Russia plans to send humanitarian aid to Syria.", "intended", "03"),
        ("Russia plans to send troops to Syria.", "intended", "13"),  # intended force: a threat
        ("Turkey demanded that Russia withdraw from Syria.", "appeal", "10"),
    ],
)
def test_intent_and_appeal_are_never_material(code, text, modality, root):
    events = code(text)
    assert events
    assert {event.cameo_root for event in events if event.modality == modality} == {root}
    assert all(event.quad_class in (1, 3) for event in events)


def test_should_is_an_appeal_to_the_other_side(code):
    events = code("Russia and Turkey should establish closer military cooperation, Meshkov said.")
    assert ("RUSGOV", "TURGOV", "02") in pairs(events, modality="appeal")
    assert not [event for event in events if event.target and event.target.code.startswith("RUS")]


def test_a_demand_read_off_said_that_is_never_made_on_ones_own_side(code):
    events = code("Lavrov said that Russia and Turkey must cooperate.")
    assert ("RUSGOV", "TURGOV", "10") in pairs(events)
    assert not [event for event in events if event.target and event.target.code.startswith("RUS")]


def test_conditional_and_question_are_hypothetical(code):
    conditional = code("If Turkey attacks Syria, Russia will respond.")
    assert {event.modality for event in conditional} >= {"hypothetical"}
    assert all(event.quad_class in (1, 3) for event in conditional), "a conditional attack is a threat"
    assert {event.modality for event in code("Will Russia attack Turkey?")} == {"hypothetical"}


def test_a_relative_clause_that_only_imagines_an_act_codes_nothing(code):
    assert code('"Show us where the militants who should be attacked are located," Meshkov said.') == []


def test_statement_that_alleges_is_an_accusation_and_the_act_is_reported(code):
    events = code(
        "Following Turkey's statements that Moscow allegedly supplies weapons to Kurds in Syria, "
        "nothing changed."
    )
    assert ("TURGOV", "RUSGOV", "11") in pairs(events)
    assert ("RUS", "KUR", "07") in pairs(events, modality="reported")
    assert not pairs(events, modality="asserted") & {("RUS", "KUR", "07")}


def test_the_content_of_an_accusation_is_reported(code):
    events = code('Russia had recently been "accused of attacking the wrong targets in Syria."')
    assert events and all(event.modality == "reported" for event in events)


def test_condolences_reach_the_country_of_the_attack(code):
    events = code(
        "Lavrov offered sincere condolences to the families of the victims of the terrorist attack in Ankara."
    )
    condolences = {target for source, target, root in pairs(events) if (source, root) == ("RUSGOV", "01")}
    assert condolences == {"TURGOV"}  # Turkey reached through a place: what states say goes to governments
    assert (None, "TUR", "18") in pairs(events)


# -- evidence and ids --------------------------------------------------------------------------


def test_evidence_is_the_sentence_by_offsets(nlp, coder):
    article = parsed_article(nlp, "Talks went on. Turkey accused Russia of aggression. Nothing else.")
    events = coder.code(article)
    assert events
    for event in events:
        assert article.text[event.evidence.start : event.evidence.end] == event.evidence.sentence
        assert event.evidence.sentence == "Turkey accused Russia of aggression."
        assert event.rule == "verb:accuse-aggression"
        assert 0 < event.confidence <= 1
        assert event.plover_type == "ACCUSE"


def test_the_main_clause_is_surer_than_a_subordinate_one(code):
    events = code("Russia attacked the militants after Turkey had criticized Syria.")
    attack = next(event for event in events if event.cameo_root == "19")
    criticism = next(event for event in events if event.cameo_root == "11")
    assert attack.confidence > criticism.confidence


def test_event_ids_are_stable(nlp, coder):
    text = "Turkey accused Russia of aggression."
    first = [event.identity("a") for event in coder.code(parsed_article(nlp, text))]
    second = [event.identity("a") for event in coder.code(parsed_article(nlp, text))]
    assert first == second and len(set(first)) == len(first)


def test_no_actors_no_events(code):
    assert code("The committee accused the board of negligence.") == []


def test_unparsed_article_gives_nothing(nlp, coder):
    article = parsed_article(nlp, "Turkey accused Russia of aggression.")
    article.doc = None
    assert coder.code(article) == []
