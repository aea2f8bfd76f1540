"""Regenerate ``src/eventwire/data/actors/countries.yaml``, the country part of the actor dictionary.

The committed YAML is what eventwire loads; this script is how it was made, so a new ISO 3166
release can be folded in reproducibly (needs the dev extra, which pins ``countryinfo``)::

    .venv/bin/python scripts/build_country_dictionary.py

Sources, in order of precedence when two countries claim the same word:
* ``CURATED`` below: common names, short forms and adjectives that news uses ("Britain", "U.S.",
  "Saudi"), seats of government used as metonyms ("the Kremlin"), and Kosovo (XKX, not ISO);
* pycountry (ISO 3166-1: alpha-3 code, name, official and common names);
* countryinfo 1.0.1 (MIT): short names, alternative spellings, demonyms (used as adjectives:
  "Russian") and capitals (metonyms for the government: "Moscow said").
A word two countries claim at the same precedence is dropped: an ambiguous word
resolving to a wrong country is worse than an unresolved mention, which is listed for review.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pycountry

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "actors" / "countries.yaml"

#: Display names where ISO's is awkward for news ("Korea, Republic of").
SHORT_NAMES = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "CIV": "Ivory Coast",
    "CZE": "Czech Republic",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
    "VAT": "Vatican",
    "MKD": "North Macedonia",
    "TUR": "Turkey",
    "NLD": "Netherlands",
    "CPV": "Cape Verde",
    "TLS": "East Timor",
    "SWZ": "Eswatini",
    "MMR": "Myanmar",
    "BHS": "Bahamas",
    "GMB": "Gambia",
}


@dataclass
class Curated:
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()


CURATED: dict[str, Curated] = {
    "USA": Curated(
        ("United States", "U.S.", "US", "USA", "U.S.A.", "America", "United States of America"),
        ("American", "U.S.", "US"),
        ("Washington",),
        ("White House", "Oval Office"),
    ),
    "GBR": Curated(
        ("United Kingdom", "Britain", "Great Britain", "UK", "U.K."),
        ("British", "UK", "U.K."),
        ("London",),
        ("Downing Street", "Whitehall", "Number 10"),
    ),
    "RUS": Curated(("Russia", "Russian Federation"), ("Russian",), ("Moscow",), ("Kremlin",)),
    "FRA": Curated(("France",), ("French",), ("Paris",), ("Elysee", "Élysée", "Elysee Palace")),
    "CHN": Curated(
        ("China", "People's Republic of China", "PRC", "mainland China"),
        ("Chinese",),
        ("Beijing", "Peking"),
        ("Zhongnanhai",),
    ),
    "KOR": Curated(
        ("South Korea", "Republic of Korea", "ROK"), ("South Korean",), ("Seoul",), ("Blue House",)
    ),
    "PRK": Curated(("North Korea", "DPRK", "D.P.R.K."), ("North Korean",), ("Pyongyang",)),
    "SYR": Curated(("Syria", "Syrian Arab Republic"), ("Syrian",), ("Damascus",)),
    "IRN": Curated(
        ("Iran", "Islamic Republic of Iran", "Persia"), ("Iranian", "Persian"), ("Tehran", "Teheran")
    ),
    "IRQ": Curated(("Iraq",), ("Iraqi",), ("Baghdad",)),
    "ISR": Curated(("Israel",), ("Israeli",), ("Tel Aviv",)),
    "PSE": Curated(
        ("Palestine", "Palestinian territories", "Palestinian Authority", "West Bank", "Gaza", "Gaza Strip"),
        ("Palestinian",),
        ("Ramallah",),
    ),
    "TUR": Curated(("Turkey", "Türkiye", "Turkiye"), ("Turkish", "Turk"), ("Ankara",)),
    "DEU": Curated(("Germany", "Federal Republic of Germany"), ("German",), ("Berlin", "Bonn")),
    "JPN": Curated(("Japan",), ("Japanese",), ("Tokyo",)),
    "ITA": Curated(("Italy",), ("Italian",), ("Rome",)),
    "UKR": Curated(("Ukraine",), ("Ukrainian",), ("Kyiv", "Kiev")),
    "SAU": Curated(("Saudi Arabia", "Kingdom of Saudi Arabia"), ("Saudi", "Saudi Arabian"), ("Riyadh",)),
    "ARE": Curated(("United Arab Emirates", "UAE", "U.A.E.", "Emirates"), ("Emirati",), ("Abu Dhabi",)),
    "NLD": Curated(("Netherlands", "Holland", "The Netherlands"), ("Dutch",), ("The Hague", "Amsterdam")),
    # News agencies write a bare "Congo" (and "Congolese") for the Democratic Republic of Congo
    # (AP Stylebook, Reuters: "Congo" is the DRC, "Republic of Congo" the smaller state).
    "COD": Curated(
        (
            "DR Congo",
            "DRC",
            "Democratic Republic of Congo",
            "Democratic Republic of the Congo",
            "Zaire",
            "Congo",
        ),
        ("Congolese",),
        ("Kinshasa",),
    ),
    "COG": Curated(("Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"), (), ("Brazzaville",)),
    "CIV": Curated(
        ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"), ("Ivorian",), ("Abidjan", "Yamoussoukro")
    ),
    "MMR": Curated(("Myanmar", "Burma"), ("Burmese", "Myanmar"), ("Naypyidaw", "Yangon", "Rangoon")),
    "BIH": Curated(("Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"), ("Bosnian",), ("Sarajevo",)),
    "MKD": Curated(("North Macedonia", "Macedonia"), ("Macedonian",), ("Skopje",)),
    "CZE": Curated(("Czech Republic", "Czechia"), ("Czech",), ("Prague",)),
    "VNM": Curated(("Vietnam", "Viet Nam"), ("Vietnamese",), ("Hanoi",)),
    "AFG": Curated(("Afghanistan",), ("Afghan",), ("Kabul",)),
    "PAK": Curated(("Pakistan",), ("Pakistani",), ("Islamabad",)),
    "IND": Curated(("India",), ("Indian",), ("New Delhi", "Delhi")),
    "LBN": Curated(("Lebanon",), ("Lebanese",), ("Beirut",)),
    "LBY": Curated(("Libya",), ("Libyan",), ("Tripoli",)),
    "EGY": Curated(("Egypt",), ("Egyptian",), ("Cairo",)),
    "YEM": Curated(("Yemen",), ("Yemeni",), ("Sanaa", "Sana'a")),
    "SRB": Curated(("Serbia", "Yugoslavia"), ("Serbian", "Serb", "Yugoslav"), ("Belgrade",)),
    "HRV": Curated(("Croatia",), ("Croatian", "Croat"), ("Zagreb",)),
    "KHM": Curated(("Cambodia", "Kampuchea"), ("Cambodian", "Kampuchean", "Khmer"), ("Phnom Penh",)),
    "NPL": Curated(("Nepal",), ("Nepalese", "Nepali"), ("Kathmandu", "Katmandu")),
    "XKX": Curated(("Kosovo",), ("Kosovar",), ("Pristina",)),
    "CAN": Curated(("Canada",), ("Canadian",), ("Ottawa",)),
    "AUS": Curated(("Australia", "Commonwealth of Australia"), ("Australian",), ("Canberra",)),
    "NZL": Curated(("New Zealand",), ("New Zealander",), ("Wellington",)),
    "ZAF": Curated(("South Africa",), ("South African",), ("Pretoria",)),
    "BRA": Curated(("Brazil",), ("Brazilian",), ("Brasilia", "Brasília")),
    "MEX": Curated(("Mexico",), ("Mexican",), ("Mexico City",)),
    "ARG": Curated(("Argentina",), ("Argentine", "Argentinian"), ("Buenos Aires",)),
    "IDN": Curated(("Indonesia",), ("Indonesian",), ("Jakarta",)),
    "PHL": Curated(("Philippines", "The Philippines"), ("Philippine", "Filipino"), ("Manila",)),
    "SDN": Curated(("Sudan",), ("Sudanese",), ("Khartoum",)),
    "SSD": Curated(("South Sudan",), ("South Sudanese",), ("Juba",)),
    "DZA": Curated(("Algeria",), ("Algerian",), ("Algiers",)),
    "NGA": Curated(("Nigeria",), ("Nigerian",), ("Abuja", "Lagos")),
    "NER": Curated(("Niger",), ("Nigerien",), ("Niamey",)),
    "GEO": Curated(("Georgia",), ("Georgian",), ("Tbilisi",)),
    "DOM": Curated(("Dominican Republic",), ("Dominican",), ("Santo Domingo",)),
    "DMA": Curated(("Dominica",), (), ("Roseau",)),
    "GIN": Curated(("Guinea",), ("Guinean",), ("Conakry",)),
    "BLR": Curated(("Belarus", "Byelorussia"), ("Belarusian", "Belarussian"), ("Minsk",)),
    "KGZ": Curated(("Kyrgyzstan", "Kirghizia", "Kyrgyz Republic"), ("Kyrgyz", "Kirghiz"), ("Bishkek",)),
    "KAZ": Curated(("Kazakhstan",), ("Kazakh",), ("Astana", "Nur-Sultan", "Almaty")),
    "CHE": Curated(("Switzerland",), ("Swiss",), ("Bern", "Berne")),
}

#: Adjectives and demonyms news copy uses, for every UN member and observer state plus Taiwan and
#: Kosovo (after the "List of adjectival and demonymic forms for countries and nations"):
#: countryinfo gives one form per country, sometimes an obsolete one ("Tadzhik" for Tajikistan)
#: and none for some ("Norwegian", "Uzbek"). Singular demonym nouns that differ from the adjective
#: ("Briton", "Dane", "Spaniard") are listed too; plurals ("Tajiks") are matched by the lexicon.
#: Left out on purpose: words two states share ("Congolese", "Korean", "Guinean" beyond Guinea,
#: "Dominican" beyond the Dominican Republic) and demonyms that are common English words or names
#: ("Pole", "Finn", "Scot", "Kiwi").
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AFG": ("Afghan",),
    "AGO": ("Angolan",),
    "ALB": ("Albanian",),
    "AND": ("Andorran",),
    "ARE": ("Emirati",),
    "ARG": ("Argentine", "Argentinian", "Argentinean"),
    "ARM": ("Armenian",),
    "ATG": ("Antiguan", "Barbudan"),
    "AUS": ("Australian",),
    "AUT": ("Austrian",),
    "AZE": ("Azerbaijani", "Azeri"),
    "BDI": ("Burundian",),
    "BEL": ("Belgian",),
    "BEN": ("Beninese",),
    "BFA": ("Burkinabe",),
    "BGD": ("Bangladeshi",),
    "BGR": ("Bulgarian",),
    "BHR": ("Bahraini",),
    "BHS": ("Bahamian",),
    "BIH": ("Bosnian", "Bosniak", "Herzegovinian"),
    "BLR": ("Belarusian", "Belarussian", "Byelorussian"),
    "BLZ": ("Belizean",),
    "BOL": ("Bolivian",),
    "BRA": ("Brazilian",),
    "BRB": ("Barbadian", "Bajan"),
    "BRN": ("Bruneian",),
    "BTN": ("Bhutanese",),
    "BWA": ("Botswanan", "Motswana", "Batswana"),
    "CAF": ("Central African",),
    "CAN": ("Canadian",),
    "CHE": ("Swiss",),
    "CHL": ("Chilean",),
    "CHN": ("Chinese",),
    "CIV": ("Ivorian",),
    "CMR": ("Cameroonian",),
    "COL": ("Colombian",),
    "COM": ("Comorian", "Comoran"),
    "CPV": ("Cape Verdean",),
    "CRI": ("Costa Rican",),
    "CUB": ("Cuban",),
    "CYP": ("Cypriot",),
    "CZE": ("Czech",),
    "DEU": ("German",),
    "DJI": ("Djiboutian",),
    "DNK": ("Danish", "Dane"),
    "DOM": ("Dominican",),
    "DZA": ("Algerian",),
    "ECU": ("Ecuadorian", "Ecuadorean"),
    "EGY": ("Egyptian",),
    "ERI": ("Eritrean",),
    "ESP": ("Spanish", "Spaniard"),
    "EST": ("Estonian",),
    "ETH": ("Ethiopian",),
    "FIN": ("Finnish",),
    "FJI": ("Fijian",),
    "FRA": ("French",),
    "FSM": ("Micronesian",),
    "GAB": ("Gabonese",),
    "GBR": ("British", "Briton", "Scottish", "Welsh", "Northern Irish"),
    "GEO": ("Georgian",),
    "GHA": ("Ghanaian",),
    "GIN": ("Guinean",),
    "GMB": ("Gambian",),
    "GNB": ("Bissau-Guinean", "Guinea-Bissauan"),
    "GNQ": ("Equatorial Guinean", "Equatoguinean"),
    "GRC": ("Greek", "Hellenic"),
    "GRD": ("Grenadian",),
    "GTM": ("Guatemalan",),
    "GUY": ("Guyanese",),
    "HND": ("Honduran",),
    "HRV": ("Croatian", "Croat"),
    "HTI": ("Haitian",),
    "HUN": ("Hungarian",),
    "IDN": ("Indonesian",),
    "IND": ("Indian",),
    "IRL": ("Irish",),
    "IRN": ("Iranian", "Persian"),
    "IRQ": ("Iraqi",),
    "ISL": ("Icelandic", "Icelander"),
    "ISR": ("Israeli",),
    "ITA": ("Italian",),
    "JAM": ("Jamaican",),
    "JOR": ("Jordanian",),
    "JPN": ("Japanese",),
    "KAZ": ("Kazakh", "Kazakhstani"),
    "KEN": ("Kenyan",),
    "KGZ": ("Kyrgyz", "Kirghiz", "Kirgiz", "Kyrgyzstani"),
    "KHM": ("Cambodian", "Khmer"),
    "KIR": ("I-Kiribati",),
    "KNA": ("Kittitian", "Nevisian"),
    "KWT": ("Kuwaiti",),
    "LAO": ("Laotian", "Lao"),
    "LBN": ("Lebanese",),
    "LBR": ("Liberian",),
    "LBY": ("Libyan",),
    "LCA": ("Saint Lucian",),
    "LIE": ("Liechtensteiner",),
    "LKA": ("Sri Lankan",),
    "LSO": ("Basotho", "Mosotho"),
    "LTU": ("Lithuanian",),
    "LUX": ("Luxembourgish", "Luxembourger"),
    "LVA": ("Latvian",),
    "MAR": ("Moroccan",),
    "MCO": ("Monegasque",),
    "MDA": ("Moldovan", "Moldavian"),
    "MDG": ("Malagasy",),
    "MDV": ("Maldivian",),
    "MEX": ("Mexican",),
    "MHL": ("Marshallese",),
    "MKD": ("Macedonian",),
    "MLI": ("Malian",),
    "MLT": ("Maltese",),
    "MMR": ("Burmese",),
    "MNE": ("Montenegrin",),
    "MNG": ("Mongolian",),
    "MOZ": ("Mozambican",),
    "MRT": ("Mauritanian",),
    "MUS": ("Mauritian",),
    "MWI": ("Malawian",),
    "MYS": ("Malaysian",),
    "NAM": ("Namibian",),
    "NER": ("Nigerien",),
    "NGA": ("Nigerian",),
    "NIC": ("Nicaraguan",),
    "NLD": ("Dutch",),
    "NOR": ("Norwegian",),
    "NPL": ("Nepalese", "Nepali"),
    "NRU": ("Nauruan",),
    "NZL": ("New Zealander",),
    "OMN": ("Omani",),
    "PAK": ("Pakistani",),
    "PAN": ("Panamanian",),
    "PER": ("Peruvian",),
    "PHL": ("Philippine", "Filipino"),
    "PLW": ("Palauan",),
    "PNG": ("Papua New Guinean",),
    "POL": ("Polish",),
    "PRK": ("North Korean",),
    "PRT": ("Portuguese",),
    "PRY": ("Paraguayan",),
    "PSE": ("Palestinian",),
    "QAT": ("Qatari",),
    "ROU": ("Romanian",),
    "RUS": ("Russian",),
    "RWA": ("Rwandan",),
    "SAU": ("Saudi", "Saudi Arabian"),
    "SDN": ("Sudanese",),
    "SEN": ("Senegalese",),
    "SGP": ("Singaporean",),
    "SLB": ("Solomon Islander",),
    "SLE": ("Sierra Leonean",),
    "SLV": ("Salvadoran", "Salvadorean"),
    "SMR": ("Sammarinese", "San Marinese"),
    "SOM": ("Somali", "Somalian"),
    "SRB": ("Serbian", "Serb"),
    "SSD": ("South Sudanese",),
    "STP": ("Sao Tomean",),
    "SUR": ("Surinamese", "Surinamer"),
    "SVK": ("Slovak", "Slovakian"),
    "SVN": ("Slovenian", "Slovene"),
    "SWE": ("Swedish", "Swede"),
    "SWZ": ("Swazi",),
    "SYC": ("Seychellois",),
    "SYR": ("Syrian",),
    "TCD": ("Chadian",),
    "TGO": ("Togolese",),
    "THA": ("Thai",),
    "TJK": ("Tajik", "Tajikistani", "Tadjik", "Tadzhik"),
    "TKM": ("Turkmen", "Turkmenistani"),
    "TLS": ("East Timorese", "Timorese"),
    "TON": ("Tongan",),
    "TTO": ("Trinidadian", "Tobagonian"),
    "TUN": ("Tunisian",),
    "TUR": ("Turkish", "Turk"),
    "TUV": ("Tuvaluan",),
    "TWN": ("Taiwanese",),
    "TZA": ("Tanzanian",),
    "UGA": ("Ugandan",),
    "UKR": ("Ukrainian",),
    "URY": ("Uruguayan",),
    "USA": ("American",),
    "UZB": ("Uzbek", "Uzbekistani"),
    "VCT": ("Vincentian", "Saint Vincentian"),
    "VEN": ("Venezuelan",),
    "VNM": ("Vietnamese",),
    "VUT": ("Ni-Vanuatu", "Vanuatuan"),
    "WSM": ("Samoan",),
    "XKX": ("Kosovar", "Kosovan"),
    "YEM": ("Yemeni",),
    "ZAF": ("South African",),
    "ZMB": ("Zambian",),
    "ZWE": ("Zimbabwean",),
}

#: Capitals that are also common words or names, or whose country is disputed: not metonyms.
SKIPPED_CAPITALS = {"Male", "Victoria", "Jerusalem", "Kingstown", "Palikir", "Melekeok", "Avarua", "Praia"}


@dataclass
class Entry:
    name: str
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)


def _key(word: str) -> str:
    text = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _usable(word: str) -> bool:
    """Latin-script words a news text could use; drops codes ("RU") and native scripts."""
    if not word or len(word) < 4 or "," in word:
        return False
    return all(
        char.isascii() or (unicodedata.category(char).startswith("L") and ord(char) < 0x250) for char in word
    )


def _countryinfo() -> dict[str, dict[str, object]]:
    data = resources.files("countryinfo") / "data"
    by_code: dict[str, dict[str, object]] = {}
    for item in data.iterdir():
        if item.name.endswith(".json"):
            info = json.loads(item.read_text(encoding="utf-8"))
            code = (info.get("ISO") or {}).get("alpha3")
            if code and code not in by_code:
                by_code[code] = info
    return by_code


def build() -> dict[str, Entry]:
    info = _countryinfo()
    codes = sorted({country.alpha_3 for country in pycountry.countries} | {"XKX"})
    # (kind, key) -> {code: precedence}; lower precedence wins, ties between codes drop the word.
    claims: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    spelled: dict[tuple[str, str, str], str] = {}

    def claim(kind: str, code: str, word: str, precedence: int) -> None:
        word = word.strip()
        if not word or (precedence > 0 and not _usable(word)):
            return
        key = (kind, _key(word))
        best = claims[key].get(code)
        if best is None or precedence < best:
            claims[key][code] = precedence
            spelled[(kind, key[1], code)] = word

    names: dict[str, str] = {}
    for code in codes:
        iso = pycountry.countries.get(alpha_3=code)
        extra = info.get(code, {})
        curated = CURATED.get(code, Curated())
        names[code] = (
            SHORT_NAMES.get(code)
            or (curated.names[0] if curated.names else None)
            or (getattr(iso, "common_name", None) or (iso.name if iso else str(extra.get("name"))))
        )
        claim("names", code, names[code], 0)
        for word in curated.names:
            claim("names", code, word, 0)
        for word in (*curated.adjectives, *DEMONYMS.get(code, ())):
            claim("adjectives", code, word, 0)
        for word in curated.capitals:
            claim("capitals", code, word, 0)
        for word in curated.seats:
            claim("seats", code, word, 0)
        if iso is not None:
            for word in (iso.name, getattr(iso, "official_name", ""), getattr(iso, "common_name", "")):
                claim("names", code, word, 1)
        claim("names", code, str(extra.get("name") or ""), 2)
        for word in extra.get("altSpellings") or []:
            claim("names", code, str(word), 3)
        if extra.get("demonym"):
            claim("adjectives", code, str(extra["demonym"]), 2)
        capital = str(extra.get("capital") or "").replace(" D.C.", "")
        if capital and capital not in SKIPPED_CAPITALS:
            claim("capitals", code, capital, 2)

    entries = {code: Entry(names[code]) for code in codes}
    seen_words: dict[str, str] = {}
    for (kind, key), by_code in sorted(claims.items()):
        best = min(by_code.values())
        winners = [code for code, precedence in by_code.items() if precedence == best]
        if len(winners) != 1 or key in seen_words:
            continue  # ambiguous between countries, or already used by another kind
        code = winners[0]
        seen_words[key] = code
        getattr(entries[code], kind).append(spelled[(kind, key, code)])
    return entries


def _flow(words: list[str]) -> str:
    return "[" + ", ".join(json.dumps(word, ensure_ascii=False) for word in sorted(words)) + "]"


def render(entries: dict[str, Entry]) -> str:
    lines = [
        "# Countries for actor resolution: ISO 3166-1 alpha-3 code -> names, adjectives/demonyms,",
        '# capitals and seats of government (metonyms for the government: "Moscow said" -> RUSGOV).',
        "# GENERATED by scripts/build_country_dictionary.py (pycountry, countryinfo, curated list);",
        "# regenerate rather than edit, or add/override entries in a user dictionary (--dict FILE).",
        "countries:",
    ]
    for code, entry in entries.items():
        lines.append(f"  {code}:")
        lines.append(f"    name: {json.dumps(entry.name, ensure_ascii=False)}")
        for kind in ("names", "adjectives", "capitals", "seats"):
            words = getattr(entry, kind)
            if words:
                lines.append(f"    {kind}: {_flow(words)}")
    return "\n".join(lines) + "\n"


def main() -> None:
    OUTPUT.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
