"""Country adjectives and demonyms, hyphenated words, and the agent nouns added for CAMEO coding."""

from __future__ import annotations

import pytest

from eventwire.actors import resolve_phrase

#: Fifty states, each with an adjective and a demonym news copy uses (our own sample, spread over
#: every continent; several are forms countryinfo lacks: Tajik, Uzbek, Norwegian, Djiboutian).
SAMPLE = {
    "TJK": ("Tajik", "Tajiks"),
    "UZB": ("Uzbek", "Uzbeks"),
    "KGZ": ("Kyrgyz", "Kyrgyzstani"),
    "KAZ": ("Kazakh", "Kazakhs"),
    "TKM": ("Turkmen", "Turkmenistani"),
    "NOR": ("Norwegian", "Norwegians"),
    "SWE": ("Swedish", "Swede"),
    "DNK": ("Danish", "Dane"),
    "FIN": ("Finnish", "Finnish"),
    "ISL": ("Icelandic", "Icelander"),
    "ESP": ("Spanish", "Spaniard"),
    "GBR": ("British", "Briton"),
    "IRL": ("Irish", "Irish"),
    "NLD": ("Dutch", "Dutch"),
    "CHE": ("Swiss", "Swiss"),
    "POL": ("Polish", "Polish"),
    "SVK": ("Slovak", "Slovakian"),
    "SVN": ("Slovenian", "Slovene"),
    "BIH": ("Bosnian", "Bosniak"),
    "MDA": ("Moldovan", "Moldavian"),
    "AZE": ("Azerbaijani", "Azeri"),
    "DJI": ("Djiboutian", "Djiboutians"),
    "BFA": ("Burkinabe", "Burkinabe"),
    "BWA": ("Botswanan", "Batswana"),
    "LSO": ("Basotho", "Mosotho"),
    "CPV": ("Cape Verdean", "Cape Verdeans"),
    "COM": ("Comorian", "Comoran"),
    "MDV": ("Maldivian", "Maldivians"),
    "ECU": ("Ecuadorian", "Ecuadorean"),
    "SLV": ("Salvadoran", "Salvadorean"),
    "SUR": ("Surinamese", "Surinamer"),
    "ATG": ("Antiguan", "Barbudan"),
    "VCT": ("Vincentian", "Vincentians"),
    "TTO": ("Trinidadian", "Tobagonian"),
    "LAO": ("Laotian", "Laotians"),
    "KHM": ("Cambodian", "Khmer"),
    "TLS": ("Timorese", "East Timorese"),
    "PHL": ("Philippine", "Filipino"),
    "VUT": ("Ni-Vanuatu", "Vanuatuan"),
    "GRC": ("Greek", "Hellenic"),
    "XKX": ("Kosovar", "Kosovan"),
    "GNB": ("Bissau-Guinean", "Guinea-Bissauan"),
    "GNQ": ("Equatoguinean", "Equatorial Guinean"),
    "SOM": ("Somali", "Somalian"),
    "BLR": ("Belarusian", "Byelorussian"),
    "LUX": ("Luxembourgish", "Luxembourger"),
    "SMR": ("Sammarinese", "San Marinese"),
    "KNA": ("Kittitian", "Nevisian"),
    "YEM": ("Yemeni", "Yemenis"),
    "NZL": ("New Zealander", "New Zealanders"),
}


@pytest.mark.parametrize(("code", "words"), sorted(SAMPLE.items()))
def test_adjectives_and_demonyms_name_their_country(code: str, words: tuple[str, str]) -> None:
    adjective, demonym = words
    soldiers = resolve_phrase(f"{adjective} soldiers")
    assert soldiers is not None and soldiers.code == f"{code}MIL"
    people = resolve_phrase(demonym)
    assert people is not None and people.country == code


def test_fifty_sample_countries_are_distinct() -> None:
    assert len(SAMPLE) == 50


def test_a_word_two_states_share_is_left_unresolved() -> None:
    assert resolve_phrase("Korean") is None  # North or South Korea


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Tajik forces", "TJKMIL"),
        ("Uzbek border guards", "UZBMIL"),
        ("Norway's border service", "NORMIL"),
        ("the Estonian border troops", "ESTMIL"),
        ("Finnish border police", "FINCOP"),
        ("a Latvian village", "LVACVL"),
        ("Vice-President Ada Moreno of Peru", "PERGOV"),
        ("Chilean-led forces", "CHLMIL"),
        ("the Saudi-backed coalition", "SAU"),
        ("members of a Danish environmental group", "DNKENV"),
        ("the leaders of armed groups in Chad", "TCDREB"),
        ("more than 200 Malian refugees", "MLIREF"),
        ("three Polish shipping and mining companies", "POLBUS"),
        ("the military government of Guinea", "GINGOV"),
        ("opposition parties in Togo", "TGOOPP"),
    ],
)
def test_agent_nouns_and_phrase_structure(phrase: str, code: str) -> None:
    actor = resolve_phrase(phrase)
    assert actor is not None and actor.code == code


def test_an_attitude_is_not_a_nationality() -> None:
    actor = resolve_phrase("an anti-Chinese journalist")
    assert actor is not None and (actor.country, actor.sector) == (None, "MED")


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("jihadist gunmen", "IMGSEP", None),
        ("a wanted Islamist militant", "IMGSEP", None),
        ("al-Shabaab fighters", "IMGSEP", "SOM"),
        ("Boko Haram", "IMGSEP", "NGA"),
        ("the European Union", "IGOEUREEC", None),
        ("al-Qaeda leaders", "IMGSEP", None),
    ],
)
def test_islamist_groups_and_the_eu_follow_the_cameo_dictionaries(
    phrase: str, code: str, country: str | None
) -> None:
    actor = resolve_phrase(phrase)
    assert actor is not None and (actor.code, actor.country) == (code, country)


def test_bare_party_is_not_a_political_party() -> None:
    actor = resolve_phrase("all Chadian parties")
    assert actor is not None and actor.code == "TCD"


@pytest.mark.parametrize("phrase", ["", "   ", "the weather", "a peaceful settlement", "--", "Tajikistanian"])
def test_bad_or_empty_phrases_name_no_actor(phrase: str) -> None:
    assert resolve_phrase(phrase) is None
