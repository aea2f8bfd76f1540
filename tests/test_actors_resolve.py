"""Phrase resolution and the actor dictionaries (no spaCy needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import Resolver, actor_from_code, resolve_phrase
from eventwire.actors.lexicon import load_lexicon
from eventwire.actors.records import resolved_phrase_record
from eventwire.errors import DataFileError

FIXTURES = Path(__file__).parent / "fixtures" / "actors"
SEED_DAY = date(2015, 10, 15)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Russian Deputy Foreign Minister Alexey Meshkov", "RUSGOV"),
        ("Moscow", "RUSGOV"),
        ("the Russian Federation", "RUS"),
        ("Russia's Aerospace Forces", "RUSMIL"),
        ("Russia’s Aerospace Forces", "RUSMIL"),
        ("four missile ships of the Russian Navy's Caspian Flotilla", "RUSMIL"),
        ("the Syrian army", "SYRMIL"),
        ("Syrian President Bashar Assad", "SYRGOV"),
        ("the Turkish authorities", "TURGOV"),
        ("Kurds in Syria", "KUR"),
        ("the Islamic State terrorist group", "IMGSEP"),
        ("the moderate opposition", "OPP"),
        ("Meshkov", "RUSGOV"),
        ("Lavrov", "RUSGOV"),
        ("the Russian foreign minister", "RUSGOV"),
        ("ISIS", "IMGSEP"),
        ("Daesh", "IMGSEP"),
        ("NATO", "IGOWSTNAT"),
        ("the U.N. Security Council", "IGOUNO"),
        ("the European Union", "IGOEUREEC"),
        ("Hezbollah", "LBNREB"),
        ("Osama bin Laden's al-Qaeda", "IMGSEP"),
        ("South Korea", "KOR"),
        ("Iran", "IRN"),
        ("Turkish", "TUR"),
        ("Algerians", "DZACVL"),
        ("Palestinian prisoners", "PSECVL"),
        ("Algerian landowners", "DZA"),
        ("all Libyan parties", "LBY"),
        ("the fundamentalist Umma party", "REB"),
        ("rebels in Syria", "SYRREB"),
        ("Syrian rebel forces", "SYRREB"),
        ("the government troops of Syria", "SYRMIL"),
        ("Kurdish rebels", "KURREB"),
        ("Egyptian police", "EGYCOP"),
        ("Israeli intelligence", "ISRSPY"),
        ("the Lithuanian Parliament", "LTULEG"),
        ("Saudi businessman", "SAUBUS"),
        ("Liberian refugees", "LBRREF"),
        ("Nigerian junior foreign minister Dubem Oniya", "NGAGOV"),
        ("former President Bill Clinton", "USAELI"),
    ],
)
def test_issue_phrases_resolve(phrase: str, code: str) -> None:
    actor = resolve_phrase(phrase, SEED_DAY)
    assert actor is not None, phrase
    assert actor.code == code


@pytest.mark.parametrize(
    "phrase",
    [
        "he",
        "us",
        "the weather",
        "Turkish airspace",
        "Turkey's statements",
        "the attack in Ankara",
        "",
        "turkey",
        "the bush",
    ],
)
def test_non_actors_resolve_to_none(phrase: str) -> None:
    assert resolve_phrase(phrase, SEED_DAY) is None


def test_contract_record_shape() -> None:
    record = resolved_phrase_record("the Syrian army", resolve_phrase("the Syrian army"))
    assert record == {
        "text": "the Syrian army",
        "code": "SYRMIL",
        "name": "Syria military",
        "country": "SYR",
        "sector": "MIL",
    }
    assert resolved_phrase_record("the weather", None)["code"] is None


def test_role_nouns_and_sector_only_phrases_are_flagged() -> None:
    resolver = Resolver()
    (diplomat,) = resolver.resolve_all("the diplomat", SEED_DAY)
    assert diplomat.role_noun and diplomat.sector_only
    assert diplomat.actor is not None and diplomat.actor.code == "GOV"
    (opposition,) = resolver.resolve_all("the moderate opposition", SEED_DAY)
    assert opposition.sector_only and opposition.actor is not None and opposition.actor.country is None


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("Syria and Iraq", ["SYR", "IRQ"]),
        ("the governments of Syria and Iraq", ["SYRGOV", "IRQGOV"]),
        ("Moscow and Ankara", ["RUSGOV", "TURGOV"]),
        ("the Russian and Turkish military", ["RUSMIL", "TURMIL"]),
        ("Senior Hungarian and Romanian officials", ["HUNGOV", "ROUGOV"]),
        ("Bosnia and Herzegovina", ["BIH"]),
        ("Trinidad and Tobago", ["TTO"]),
    ],
)
def test_conjunctions_give_one_actor_per_conjunct(phrase: str, codes: list[str]) -> None:
    resolutions = Resolver().resolve_all(phrase, SEED_DAY)
    assert [resolution.actor.code for resolution in resolutions if resolution.actor] == codes


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Moscow", "RUSGOV"),
        ("Ankara", "TURGOV"),
        ("Washington", "USAGOV"),
        ("the Kremlin", "RUSGOV"),
        ("the White House", "USAGOV"),
        ("Downing Street", "GBRGOV"),
        ("Beijing", "CHNGOV"),
    ],
)
def test_capitals_and_seats_stand_for_the_government(phrase: str, code: str) -> None:
    assert resolve_phrase(phrase, SEED_DAY).code == code  # type: ignore[union-attr]


def test_capital_after_a_locative_preposition_is_a_place() -> None:
    (resolution,) = Resolver().resolve_all("Ankara", SEED_DAY, locative=True)
    assert resolution.actor is not None and resolution.actor.code == "TUR"


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("Donald Trump", date(2015, 6, 1), "USABUS"),
        ("Trump", date(2018, 3, 1), "USAGOV"),
        ("Trump", date(2022, 3, 1), "USAELI"),
        ("Putin", date(2000, 1, 1), "RUSGOV"),
        ("Putin", date(2024, 1, 1), "RUSGOV"),
        ("Erdogan", date(2015, 10, 15), "TURGOV"),
        ("Erdoğan", date(2002, 1, 1), "TURPTY"),
        ("Barack Obama", date(2007, 1, 1), "USALEG"),
        ("Barack Obama", date(2010, 1, 1), "USAGOV"),
        ("Barack Obama", date(2018, 1, 1), "USAELI"),
        ("Li", date(2010, 1, 1), "CHNGOV"),
        ("Ban Ki-moon", date(2010, 1, 1), "IGOUNO"),
        ("President Clinton", date(2000, 1, 1), "USAGOV"),
    ],
)
def test_persons_are_coded_by_the_role_held_on_the_date(phrase: str, day: date, code: str) -> None:
    assert resolve_phrase(phrase, day).code == code  # type: ignore[union-attr]


def test_shared_surname_without_a_current_holder_is_not_guessed() -> None:
    # Li Keqiang and Li Qiang both served in 2023: "Li" alone cannot say which.
    assert Resolver().resolve_all("Li", date(2023, 3, 11))[0].person is None


def test_actor_from_code_names_country_and_sector() -> None:
    actor = actor_from_code("SYRMIL")
    assert (actor.country, actor.sector, actor.name) == ("SYR", "MIL", "Syria military")
    assert actor_from_code("IGOUNO").country is None


def test_user_dictionary_adds_and_overrides_without_touching_the_package() -> None:
    resolver = Resolver([FIXTURES / "override.yaml"])
    assert resolver.resolve("the Atlantean junta").code == "XXAMIL"  # type: ignore[union-attr]
    assert resolver.resolve("Poseidonia").code == "XXAGOV"  # type: ignore[union-attr]
    assert resolver.resolve("Hamas").code == "PSEHMS"  # type: ignore[union-attr]
    assert resolver.resolve("Jane Example", date(2011, 1, 1)).code == "XXAGOV"  # type: ignore[union-attr]
    assert resolver.resolve("Example", date(2014, 1, 1)).code == "XXAELI"  # type: ignore[union-attr]
    # The default dictionaries are unchanged.
    assert resolve_phrase("Hamas").code == "PSEREB"  # type: ignore[union-attr]
    # The shipped "junta" is a government; the user's country and sector did not leak into it.
    assert resolve_phrase("the Atlantean junta").code == "GOV"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("duplicate_key.yaml", 5, "duplicate key 'Atlantic Patrol'"),
        ("unknown_sector.yaml", 4, "unknown sector 'XYZ'"),
        ("syntax_error.yaml", 5, "invalid YAML"),
        ("missing_field.yaml", 3, "lacks roles"),
        ("bad_role.yaml", 3, "month must be in 1..12"),
    ],
)
def test_bad_dictionaries_fail_at_load_naming_file_and_line(name: str, line: int, message: str) -> None:
    with pytest.raises(DataFileError) as caught:
        load_lexicon([FIXTURES / name])
    assert f"{name}:{line}:" in str(caught.value)
    assert message in str(caught.value)


def test_duplicate_name_across_entries_of_one_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text("countries:\n  XXA:\n    name: Atlantis\n  XXB:\n    name: Atlantis\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"names\.yaml:4: duplicate name 'Atlantis'"):
        load_lexicon([path])


def test_unreadable_dictionary_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_lexicon([tmp_path / "missing.yaml"])


def test_shipped_dictionaries_cover_the_g20_and_issue_countries() -> None:
    lexicon = load_lexicon()
    for code in (
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "KOR",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "TUR",
        "GBR",
        "USA",
        "SYR",
        "IRN",
        "ISR",
        "UKR",
    ):
        assert code in lexicon.countries
        holders = [
            person
            for person in lexicon.persons.values()
            if any(r.code.startswith(code) for r in person.roles)
        ]
        assert len(holders) >= 3, code


def test_remembered_answers_depend_on_the_date_only_for_persons() -> None:
    """One resolver across articles of different dates answers as a fresh one would: answers
    for phrases that name nobody are shared across dates, a person's are not."""
    phrases = ["Trump", "Trump's administration", "President Clinton", "Moscow", "the Syrian army", "Li"]
    days = [date(2000, 1, 1), date(2015, 6, 1), date(2018, 3, 1), date(2023, 3, 11), None, date(2018, 3, 1)]
    shared = Resolver()
    for day in days:
        for phrase in phrases:
            assert shared.resolve_all(phrase, day) == Resolver().resolve_all(phrase, day), (phrase, day)
    assert shared.resolve("Trump", date(2015, 6, 1)).code != shared.resolve("Trump", date(2018, 3, 1)).code  # type: ignore[union-attr]
