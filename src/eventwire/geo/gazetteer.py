"""The offline gazetteer: every place eventwire can name, loaded once per process.

Two shipped files make it: ``data/gazetteer.tsv.gz``, generated from GeoNames-derived packages by
``scripts/build_gazetteer.py`` (252 countries with their conventional centre points, ~3,400
first-level divisions, 34,000 cities of 15,000 people or more with alternate names, US
counties), and ``data/places.yaml``, written by hand for what news names and that table lacks
(regions, seas, airbases, "the U.S."). Nothing is downloaded.

Lookups go through :func:`place_key`, which ignores case, accents, dots, apostrophes and a
leading "the" and spells out "St."/"Ft."/"Mt.", so "the U.S.", "MOSCOW", "Sao Paulo" and "St.
Petersburg" find their entries. Each key maps to its candidates ranked by a prior: population,
fame (how many alternate names a city has), capital status, the kind of place, and whether the
key is the place's own name; choosing among them with the article's context is
:mod:`eventwire.geo.resolve`'s job. Loading takes about a second; it happens once per process.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire import datafile
from eventwire.errors import DataFileError

TABLE = "gazetteer.tsv.gz"
CURATED = "places.yaml"
COLUMNS = (
    "kind",
    "name",
    "country",
    "admin1",
    "lat",
    "lon",
    "population",
    "capital",
    "keys",
    "demonyms",
    "codes",
)
"""``keys``: the ``place_key`` forms of the alternate names, '|'-separated (stored normalised so
loading is fast; ``scripts/build_gazetteer.py`` uses this module's ``place_key``)."""
PRECISIONS = ("city", "adm1", "country", "region")

#: How much more a kind of place is expected, other things equal: a bare "Georgia" or
#: "Luxembourg" in news is the country; a curated region was added because news says it.
KIND_PRIOR = {"country": 1.0, "region": 1.2, "adm1": 0.1, "city": 0.0, "county": -0.5, "site": 1.2}
#: Prior per decade of population: Paris, France (2.1 M) outranks Paris, Texas (25 k) by ~1
#: (more with fame and capital status), which "Texas" or "Lamar County" overturns and a mere
#: mention of the United States does not.
POPULATION_PRIOR = 0.5
#: National capitals are what a bare name means far more often than their population says.
CAPITAL_PRIOR = 0.5
#: Prior per doubling of a city's alternate names: how many languages name a city says how
#: well known it is, which population alone misses (Geneva, 180 k, is no Geneva, Illinois).
FAME_PRIOR = 0.12
#: A division that bears the very name of a city in it ("Latakia", "Ankara", "Quebec") is
#: rarely what the bare name means; context ("Idlib province", "Governor") can still make it
#: so. (Delaware, Ohio does not shadow the state; nor does Oklahoma City, "Oklahoma" only as an
#: alternate name.)
SHADOWED_DIVISION = 1.0
#: A place called by its own name (or a curated alias) rather than by an alternate one: "New
#: Delhi" is New Delhi before it is Delhi.
PRIMARY_NAME = 0.3
#: A city called by a name it bears only as an alternate, when another place bears that name as
#: its own, is seldom meant: "Victoria" is not Hong Kong, "Oklahoma" not Oklahoma City,
#: "Washington" not Macomb, Illinois. Strong context can still choose it.
ALIAS_ONLY = 1.5
#: Words after a name that make it a division ("Idlib province") rather than the same-named city.
DIVISION_WORDS = frozenset(
    ["province", "governorate", "region", "oblast", "state", "county", "district", "prefecture", "krai"]
)

#: Abbreviations spelled out, so "St. Petersburg" and "Saint Petersburg" are one name.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_ABBREVIATED = frozenset(_ABBREVIATIONS)
_DROP = str.maketrans(
    {"'": None, "’": None, "ʼ": None, "`": None, ".": None, "-": " ", "‐": " ", "–": " ", "—": " ", ",": " "}
)


@lru_cache(maxsize=65_536)
def place_key(text: str) -> str:
    """The form names are compared in: no case, accents, dots or apostrophes, no leading "the"
    (remembered: the stages key every toponym, cue word and adjective, and news repeats them)."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    words = text.casefold().translate(_DROP).split()
    if not _ABBREVIATED.isdisjoint(words):
        words = [_ABBREVIATIONS.get(word, word) for word in words]
    if words and words[0] == "the":
        del words[0]
    return " ".join(words)


@dataclass(frozen=True, slots=True, eq=False)
class Location:
    """One gazetteer entry.

    ``kind`` is ``country``, ``adm1``, ``city``, ``region``, ``county`` or ``site``. Counties and
    sites carry no coordinates of their own: they resolve to ``within`` (a county to its state, an
    airbase to its country), which is how "Hmeymim airbase" becomes Syria with precision
    ``country``. ``keys`` are the evidence keys the entry agrees with: its country (ISO3) and,
    below country level, its division (``"USA/texas"``).
    """

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    prior: float
    keys: tuple[str, ...]
    within: Location | None = None

    @property
    def target(self) -> Location:
        """The entry a mention of this one is located at (itself, or its container)."""
        return self.within.target if self.within else self

    @property
    def precision(self) -> str:
        kind = self.target.kind
        return kind if kind in PRECISIONS else "country"


@lru_cache(maxsize=8192)
def division_key(country: str, admin1: str) -> str:
    """The evidence key of a first-level division: ``USA/georgia``."""
    return f"{country}/{place_key(admin1)}"


@dataclass(slots=True)
class Gazetteer:
    """Name → candidates, plus the side tables resolution needs."""

    by_key: dict[str, tuple[Location, ...]]
    """Candidates ranked by prior; a division that shares its name with a city of its country
    ("Latakia", "Ankara") ranks below it here (see ``SHADOWED_DIVISION``)."""
    divisions_by_key: dict[str, tuple[Location, ...]]
    """Divisions only, for "Idlib province", "Ankara Province"."""
    countries: dict[str, Location]
    demonyms: dict[str, str]
    """``place_key`` of an adjective or people ("syrian", "syrians") → ISO3."""
    qualifiers: dict[str, tuple[Location, ...]]
    """What may follow a comma to say where a town is: countries, divisions, state codes."""
    cues: dict[str, str]
    """Cue word key → the kind of place it suggests (``adm1`` or ``country``)."""
    cue_prefixes: frozenset[str]
    """Every prefix of a cue key, "" and "the": a word whose key is none of these cannot start
    a two-word cue, so the per-word scan for cues skips building the pair's key."""
    curated_pattern: re.Pattern[str]
    """Finds the curated names in text, for the ones the parser misses ("the Caspian")."""
    multiword_names: frozenset[str]
    """Keys of country and division names of two words or more ("new south wales"), which
    are safe to take as places even when the parser did not tag them."""
    not_places: frozenset[str]
    """Keys of words the parser tags as places that news does not use as such ("March")."""

    def candidates(self, key: str) -> tuple[Location, ...]:
        return self.by_key.get(key, ())


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process (about a second)."""
    table = resources.files("eventwire.data").joinpath(TABLE).read_bytes()
    curated_label, curated = datafile.shipped(CURATED)
    return build_gazetteer(gzip.decompress(table).decode("utf-8"), curated, curated_label)


def build_gazetteer(table: str, curated: str, curated_label: str = CURATED) -> Gazetteer:
    """Build the gazetteer from the generated TSV text and the curated YAML text."""
    builder = _Builder()
    builder.add_table(table)
    builder.add_curated(_load_curated(curated, curated_label), curated_label)
    return builder.finish()


def _prior(kind: str, population: int, capital: bool, names: int) -> float:
    fame = FAME_PRIOR * math.log2(1 + names) if kind == "city" else 0.0
    return (
        KIND_PRIOR[kind]
        + POPULATION_PRIOR * math.log10(population + 1)
        + fame
        + (CAPITAL_PRIOR if capital else 0.0)
    )


def _keys(kind: str, country: str | None, admin1: str | None, name: str) -> tuple[str, ...]:
    if not country:
        return ()
    if kind == "adm1":
        return (country, division_key(country, name))
    if admin1:
        return (country, division_key(country, admin1))
    return (country,)


class _Builder:
    """Collects entries and names, then ranks and freezes them into a :class:`Gazetteer`."""

    def __init__(self) -> None:
        self.names: dict[str, list[Location]] = defaultdict(list)
        self.own_names: set[tuple[Location, str]] = set()
        """(place, key) pairs where the key is a curated alias, which counts as the place's own
        name (its primary name is ``place_key(place.name)``, found in ``primary``)."""
        self.primary: dict[Location, str] = {}
        self.by_name: dict[tuple[str, str | None], list[Location]] = defaultdict(list)
        self.countries: dict[str, Location] = {}
        self.divisions: dict[str, Location] = {}
        self.division_codes: dict[str, list[Location]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}
        self.curated: set[Location] = set()
        self.curated_names: list[str] = []
        self.multiword_names: set[str] = set()
        self.not_places: set[str] = set()
        self.counties: list[tuple[Location, str]] = []
        self.cues: dict[str, str] = {}
        self.abbreviations: dict[str, str] = {}

    def add(self, location: Location, names: list[str], *, own: bool = False) -> None:
        """File ``location`` under ``names``; the first name (and all, if ``own``) is its own."""
        keys = list(dict.fromkeys(filter(None, map(place_key, names))))
        self.file(location, keys)
        if own:
            self.own_names.update((location, key) for key in keys)

    def file(self, location: Location, keys: list[str]) -> None:
        """File ``location`` under distinct normalised ``keys``, the first being its own name."""
        self.primary.setdefault(location, keys[0])
        names = self.names
        for key in keys:
            names[key].append(location)

    def owns(self, location: Location, key: str) -> bool:
        return self.primary.get(location) == key or (location, key) in self.own_names

    def add_table(self, table: str) -> None:
        lines = table.split("\n")
        if tuple(lines[0].split("\t")) != COLUMNS:
            raise DataFileError(f"eventwire/data/{TABLE}:1: expected the columns {', '.join(COLUMNS)}")
        for number, line in enumerate(lines[1:], start=2):
            if line:
                self._add_row(line.split("\t"), number)

    def _add_row(self, cells: list[str], number: int) -> None:
        if len(cells) != len(COLUMNS):
            raise DataFileError(
                f"eventwire/data/{TABLE}:{number}: expected {len(COLUMNS)} columns, got {len(cells)}"
            )
        kind, name, country, admin1, lat, lon, population, capital, keys, demonyms, codes = cells
        try:
            people = int(population)
            location = Location(
                name=name,
                kind=kind,
                country=country or None,
                admin1=admin1 or None,
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                population=people,
                prior=_prior(kind, people, capital == "1", keys.count("|") + 1 if keys else 0),
                keys=_keys(kind, country, admin1, name),
            )
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"eventwire/data/{TABLE}:{number}: bad value ({exc})") from None
        if kind == "county":
            self.counties.append((location, division_key(country, admin1)))  # placed in finish()
            return
        name_keys = [place_key(name), *keys.split("|")] if keys else [place_key(name)]  # distinct
        self.file(location, name_keys)
        self.by_name[(name_keys[0], country)].append(location)
        if kind in ("country", "adm1"):
            self.multiword_names.update(key for key in name_keys if " " in key)
        if kind == "country":
            self.countries[country] = location
            for demonym in filter(None, demonyms.split("|")):
                for form in (place_key(demonym), place_key(demonym) + "s"):
                    # "French" is also the demonym of Saint Pierre and Miquelon: the largest wins.
                    holder = self.countries.get(self.demonyms.get(form, ""))
                    if holder is None or holder.population < people:
                        self.demonyms[form] = country
        elif kind == "adm1":
            self.divisions[division_key(country, name)] = location
            for code in filter(None, codes.split("|")):
                self.division_codes[place_key(code)].append(location)

    def add_curated(self, data: dict[str, Any], label: str) -> None:
        for entry in data.get("places", []):
            self._add_curated_place(entry, label)
        for country, aliases in data.get("country_aliases", {}).items():
            if country not in self.countries or not _is_string_list(aliases):
                raise datafile.fail(
                    label, aliases, f"country_aliases {country!r} needs a known ISO3 code and a list of names"
                )
            self.add(self.countries[country], aliases, own=True)
        for entry in data.get("place_aliases", []):
            self._add_place_aliases(entry, label)
        for abbreviation, code in data.get("us_state_abbreviations", {}).items():
            self.abbreviations[place_key(abbreviation)] = place_key(str(code))
        not_places = data.get("not_places", [])
        if not _is_string_list(not_places):
            raise datafile.fail(label, not_places, "'not_places' must be a list of names")
        self.not_places.update(place_key(name) for name in not_places)
        for kind, words in data.get("cues", {}).items():
            if kind not in ("adm1", "country") or not _is_string_list(words):
                raise datafile.fail(
                    label, words, f"cues.{kind}: expected 'adm1' or 'country' with a list of words"
                )
            self.cues.update((place_key(word), kind) for word in words)

    def _add_place_aliases(self, entry: Any, label: str) -> None:
        where = datafile.locate(label, entry)
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("place"), str)
            or not isinstance(entry.get("country"), str)
            or not _is_string_list(entry.get("aliases"))
        ):
            raise DataFileError(
                f"{where}: place_aliases entries need 'place', 'country', a list of 'aliases' "
                "(and 'kind', city by default)"
            )
        kind = entry.get("kind", "city")
        named = self.by_name.get((place_key(entry["place"]), entry["country"]), [])
        found = [location for location in named if location.kind == kind]
        if not found:
            raise DataFileError(
                f"{where}: no {kind} {entry.get('place')!r} in {entry.get('country')!r} in the gazetteer"
            )
        self.add(max(found, key=lambda location: location.population), entry["aliases"], own=True)

    def _add_curated_place(self, entry: Any, label: str) -> None:
        where = datafile.locate(label, entry)
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise DataFileError(f"{where}: a place needs a 'name'")
        aliases = entry.get("aliases", [])
        if not _is_string_list(aliases):
            raise DataFileError(f"{where}: 'aliases' of {entry['name']!r} must be a list of names")
        if "within" in entry:
            container = self.countries.get(entry["within"])
            if container is None:
                raise DataFileError(f"{where}: 'within' of {entry['name']!r} must be a known ISO3 code")
            location = Location(
                entry["name"],
                "site",
                container.country,
                None,
                None,
                None,
                0,
                KIND_PRIOR["site"],
                container.keys,
                container,
            )
        else:
            location = self._curated_located(entry, where)
        self.curated.add(location)
        self.curated_names.extend([entry["name"], *aliases])
        self.add(location, [entry["name"], *aliases], own=True)

    def _curated_located(self, entry: dict[str, Any], where: str) -> Location:
        precision, country = entry.get("precision"), entry.get("country")
        if not isinstance(precision, str) or precision not in PRECISIONS:
            raise DataFileError(
                f"{where}: 'precision' of {entry['name']!r} must be one of {', '.join(PRECISIONS)}"
            )
        if country is not None and (not isinstance(country, str) or country not in self.countries):
            raise DataFileError(f"{where}: 'country' of {entry['name']!r} must be a known ISO3 code or null")
        lat, lon = entry.get("lat"), entry.get("lon")
        if not (
            isinstance(lat, int | float)
            and -90 <= lat <= 90
            and isinstance(lon, int | float)
            and -180 <= lon <= 180
        ):
            raise DataFileError(
                f"{where}: {entry['name']!r} needs 'lat' in [-90, 90] and 'lon' in [-180, 180]"
            )
        kind = "region" if precision == "region" else precision
        return Location(
            entry["name"],
            kind,
            country,
            None,
            float(lat),
            float(lon),
            0,
            KIND_PRIOR["region"],
            _keys("region", country, None, entry["name"]),
        )

    def finish(self) -> Gazetteer:
        for county, state in self.counties:
            # No county coordinates ship: a county stands for its state ("Lamar County" → Texas).
            division = self.divisions.get(state)
            if division is not None:
                self.add(replace(county, within=division), [county.name])
        by_key: dict[str, tuple[Location, ...]] = {}
        divisions_by_key: dict[str, tuple[Location, ...]] = {}
        qualifiers: dict[str, tuple[Location, ...]] = {}
        for key in self.not_places:
            self.names.pop(key, None)
        for key, found in self.names.items():
            if len(found) == 1:  # most names: one place, nothing to rank
                by_key[key] = (only := found[0],)
                if only.kind in ("country", "adm1"):
                    qualifiers[key] = by_key[key]
                if only.kind == "adm1":
                    divisions_by_key[key] = by_key[key]
                continue
            ranked = sorted(dict.fromkeys(found), key=lambda location: -location.prior)
            wider = tuple(location for location in ranked if location.kind in ("country", "adm1"))
            if wider:
                qualifiers[key] = wider
            divisions = tuple(location for location in ranked if location.kind == "adm1")
            if divisions:
                divisions_by_key[key] = divisions
            # A curated place is what news means by its name ("Crimea", "Kashmir"): it replaces
            # generated namesakes other than countries.
            if any(location in self.curated for location in ranked):
                ranked = [loc for loc in ranked if loc in self.curated or loc.kind == "country"]
            owners = {loc for loc in ranked if self.owns(loc, key)}
            cities = {(loc.country, loc.admin1) for loc in owners if loc.kind == "city"}
            ranked = [
                replace(loc, prior=_keyed_prior(loc, loc in owners, bool(owners), cities)) for loc in ranked
            ]
            by_key[key] = tuple(sorted(ranked, key=lambda location: -location.prior))
        self._add_code_qualifiers(qualifiers)
        return Gazetteer(
            by_key, divisions_by_key, self.countries, self.demonyms, qualifiers, self.cues,
            frozenset({"the"} | {key[:size] for key in self.cues for size in range(len(key) + 1)}),
            _names_pattern(self.curated_names), frozenset(self.multiword_names), frozenset(self.not_places),
        )  # fmt: skip

    def _add_code_qualifiers(self, qualifiers: dict[str, tuple[Location, ...]]) -> None:
        """US and Canadian postal codes ("Paris, TX", "London, ON") and AP abbreviations ("Va.")."""
        for code, divisions in self.division_codes.items():
            states = tuple(location for location in divisions if location.country in ("USA", "CAN"))
            if states and len(code) == 2:
                qualifiers.setdefault(code, states)
        for abbreviation, code in self.abbreviations.items():
            states = tuple(
                location for location in self.division_codes.get(code, ()) if location.country == "USA"
            )
            if states:
                qualifiers[abbreviation] = states


def _keyed_prior(
    location: Location, own_name: bool, owned: bool, cities: set[tuple[str | None, str | None]]
) -> float:
    """The prior of ``location`` under one name: own names, alternate names others own, and
    divisions shadowed by their namesake city (``cities``: (country, division) of the cities
    that bear the name as their own)."""
    prior = location.prior
    if own_name:
        prior += PRIMARY_NAME
    elif owned and location.kind == "city":
        prior -= ALIAS_ONLY
    if location.kind == "adm1" and (location.country, location.name) in cities:
        prior -= SHADOWED_DIVISION
    return prior


def _names_pattern(names: list[str]) -> re.Pattern[str]:
    """Any of ``names`` as whole words ("the" may be capitalised), longest first, and not
    followed by another capitalised word: "the Caspian Flotilla" is a fleet, not the sea."""
    alternatives = []
    for name in sorted(set(names), key=len, reverse=True):
        escaped = re.escape(name)
        alternatives.append("[Tt]he" + escaped[3:] if name.startswith("the ") else escaped)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)(?! [A-Z])")


def _is_string_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _load_curated(text: str, label: str) -> dict[str, Any]:
    data = datafile.load(label, text)
    if not isinstance(data, dict):
        raise DataFileError(
            f"{label}: expected a mapping of sections ('places', 'country_aliases', 'place_aliases', "
            "'us_state_abbreviations', 'cues', 'not_places')"
        )
    sections = (
        ("places", list),
        ("country_aliases", dict),
        ("place_aliases", list),
        ("us_state_abbreviations", dict),
        ("cues", dict),
        ("not_places", list),
    )
    for section, expected in sections:
        if not isinstance(data.get(section, expected()), expected):
            raise datafile.fail(label, data.get(section), f"'{section}' must be a {expected.__name__}")
    return data
