"""The gazetteer and the resolver on their own: names in, places out, no parse needed."""

from __future__ import annotations

import gzip
import math
from importlib import resources

import pytest

from eventwire.bench.geo import run as run_benchmark
from eventwire.bench.geo import sample_names
from eventwire.errors import DataFileError
from eventwire.geo.gazetteer import COLUMNS, Location, build_gazetteer, default_gazetteer, place_key
from eventwire.geo.resolve import Clues, Evidence, evidence_of, resolve_name


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), to check coordinates within a tolerance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def resolved(name: str, *named: str, clues: Clues | None = None) -> Location:
    """Resolve ``name`` in an article that also names ``named`` (each resolved context-free)."""
    evidence = Evidence.collect((place_key(other), evidence_of(_must(other))) for other in named)
    return _must(name, evidence, clues)


def _must(name: str, evidence: Evidence | None = None, clues: Clues | None = None) -> Location:
    found = resolve_name(name, evidence or Evidence(), clues or Clues())
    assert found is not None, name
    return found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the U.S.", "us"),
        ("MOSCOW", "moscow"),
        ("São Paulo", "sao paulo"),
        ("St. Petersburg", "saint petersburg"),
        ("Sana'a", "sanaa"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("The  Gaza   Strip", "gaza strip"),
        ("", ""),
    ],
)
def test_place_key_ignores_case_accents_punctuation_and_a_leading_the(text: str, key: str) -> None:
    assert place_key(text) == key


def test_countries_carry_their_conventional_centre_points() -> None:
    syria = _must("Syria")
    assert (syria.name, syria.country, syria.precision) == ("Syria", "SYR", "country")
    assert (syria.lat, syria.lon) == (35.0, 38.0)
    assert _must("the Russian Federation").country == "RUS"
    assert _must("the U.S.").country == "USA"


def test_a_capital_wins_over_its_small_namesakes_without_context() -> None:
    moscow = _must("MOSCOW")
    assert (moscow.country, moscow.kind) == ("RUS", "city")
    ankara = _must("Ankara")
    assert ankara.kind == "city" and km_between(ankara.lat, ankara.lon, 39.93, 32.86) < 20


def test_a_division_named_like_its_main_city_yields_to_the_city_unless_called_a_division() -> None:
    assert _must("Latakia").kind == "city"
    idlib = _must("Idlib province")
    assert (idlib.name, idlib.kind, idlib.country) == ("Idlib", "adm1", "SYR")


def test_curated_places_sites_and_regions() -> None:
    airbase = _must("Hmeymim airbase")
    assert (airbase.target.name, airbase.precision) == ("Syria", "country")
    assert airbase.target.lat == 35.0
    caspian = _must("the Caspian")
    assert (caspian.name, caspian.country, caspian.precision) == ("Caspian Sea", None, "region")
    assert _must("Iraqi Kurdistan").country == "IRQ"
    county = _must("Travis County")
    assert (county.target.name, county.precision) == ("Texas", "adm1")


@pytest.mark.parametrize(
    ("name", "named", "country", "kind"),
    [
        ("Paris", (), "FRA", "city"),
        ("Paris", ("Texas", "Dallas"), "USA", "city"),
        ("Paris", ("the United States",), "FRA", "city"),  # a country alone does not move a capital
        ("Tripoli", (), "LBY", "city"),
        ("Tripoli", ("Lebanon", "Beirut"), "LBN", "city"),
        ("Alexandria", (), "EGY", "city"),
        ("Alexandria", ("Virginia",), "USA", "city"),
        ("London", (), "GBR", "city"),
        ("London", ("Ontario", "Toronto"), "CAN", "city"),
        ("Georgia", (), "GEO", "country"),
        ("Georgia", ("Atlanta", "Savannah"), "USA", "adm1"),
        ("Georgia", ("Tbilisi",), "GEO", "country"),
        ("Moscow", ("Idaho",), "USA", "city"),
        ("Geneva", ("Washington", "the United States", "Russia", "Moscow", "North Korea"), "CHE", "city"),
    ],
)
def test_context_chooses_among_namesakes(name: str, named: tuple[str, ...], country: str, kind: str) -> None:
    found = resolved(name, *named)
    assert (found.country, found.kind) == (country, kind)


def test_a_name_is_no_evidence_for_itself() -> None:
    evidence = Evidence.collect(
        [("paris", evidence_of(_must("Paris"))), ("paris", evidence_of(_must("Paris")))]
    )
    assert _must("Paris", evidence).country == "FRA"
    texas = Evidence.collect([("paris", (("USA", 1.0), ("USA/texas", 0.6)))])
    assert _must("Paris", texas).country == "FRA"  # only "Paris" said Texas


def test_a_qualifier_keeps_only_the_candidates_inside_it() -> None:
    gazetteer = default_gazetteer()
    virginia = gazetteer.qualifiers[place_key("Va.")]
    assert _must("Alexandria", clues=Clues(qualifier=virginia)).admin1 == "Virginia"
    ontario = gazetteer.qualifiers[place_key("ON")]
    assert _must("London", clues=Clues(qualifier=ontario)).country == "CAN"


def test_a_cue_word_picks_the_kind_of_place() -> None:
    atlanta = Evidence.collect([("atlanta", evidence_of(_must("Atlanta")))])
    assert _must("Georgia", atlanta, Clues(cue="adm1")).kind == "adm1"
    assert _must("Washington", clues=Clues(cue="adm1", local=frozenset({"USA/washington"}))).kind == "adm1"


@pytest.mark.parametrize("name", ["Atlantisville Heights", "March", "Commonwealth", "", "   ", "Syrian"])
def test_unknown_and_non_place_words_resolve_to_nothing(name: str) -> None:
    assert resolve_name(name) is None


# -- the data files -------------------------------------------------------------------------

TABLE_HEADER = "\t".join(COLUMNS)
SYRIA_ROW = "country\tSyria\tSYR\t\t35.0\t38.0\t16906283\t\t\tSyrian\tSY"
LATAKIA_ROW = "city\tLatakia\tSYR\tLatakia\t35.5\t35.8\t709000\t\tal ladhiqiyah\t\t"


def test_a_minimal_table_and_yaml_build_a_working_gazetteer() -> None:
    curated = "places:\n  - name: Hmeymim airbase\n    aliases: [Hmeimim]\n    within: SYR\n"
    gazetteer = build_gazetteer(f"{TABLE_HEADER}\n{SYRIA_ROW}\n{LATAKIA_ROW}\n", curated, "test.yaml")
    assert resolve_name("Al Ladhiqiyah", gazetteer=gazetteer).name == "Latakia"
    assert resolve_name("Hmeimim", gazetteer=gazetteer).target.name == "Syria"
    assert gazetteer.demonyms["syrians"] == "SYR"


@pytest.mark.parametrize(
    ("curated", "message"),
    [
        ("places: [\n  - name: X\n", "test.yaml:2: invalid YAML"),
        ("- just a list\n", "expected a mapping"),
        (
            "places:\n  - name: Nowhere\n    within: XYZ\n",
            "test.yaml:2: 'within' of 'Nowhere' must be a known ISO3",
        ),
        (
            "places:\n  - name: Deep Sea\n    country: null\n    precision: region\n",
            "test.yaml:2: 'Deep Sea' needs 'lat'",
        ),
        (
            "places:\n  - name: Spot\n    country: SYR\n    precision: street\n    lat: 1\n    lon: 1\n",
            "'precision' of 'Spot'",
        ),
        ("places:\n  - aliases: [x]\n", "test.yaml:2: a place needs a 'name'"),
        ("country_aliases:\n  SYR: Syria\n", "country_aliases 'SYR'"),
        ("place_aliases:\n  - place: Atlantis\n    country: SYR\n    aliases: [A]\n", "no city 'Atlantis'"),
        ("cues:\n  street: [avenue]\n", "cues.street"),
        ("not_places: March\n", "'not_places' must be a list"),
    ],
)
def test_bad_curated_data_fails_naming_the_file_and_line(curated: str, message: str) -> None:
    with pytest.raises(DataFileError, match=r"test\.yaml") as raised:
        build_gazetteer(f"{TABLE_HEADER}\n{SYRIA_ROW}\n", curated, "test.yaml")
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("kind\tname\n", ":1: expected the columns"),
        (f"{TABLE_HEADER}\ncountry\tSyria\tSYR\n", ":2: expected 11 columns, got 3"),
        (f"{TABLE_HEADER}\n{SYRIA_ROW.replace('16906283', 'many')}\n", ":2: bad value"),
        (f"{TABLE_HEADER}\n{SYRIA_ROW.replace('country', 'planet', 1)}\n", ":2: bad value"),
    ],
)
def test_a_damaged_table_fails_naming_the_line(table: str, message: str) -> None:
    with pytest.raises(DataFileError, match=r"gazetteer\.tsv\.gz") as raised:
        build_gazetteer(table, "{}", "test.yaml")
    assert message in str(raised.value)


def test_the_shipped_table_is_compact_and_its_keys_are_normalised() -> None:
    raw = resources.files("eventwire.data").joinpath("gazetteer.tsv.gz").read_bytes()
    assert len(raw) < 3_000_000
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    keys_column = COLUMNS.index("keys")
    for line in lines[1::997]:  # a spread of rows: stored keys are what place_key makes
        for key in filter(None, line.split("\t")[keys_column].split("|")):
            assert place_key(key) == key


def test_the_benchmark_reports_its_figures_on_varied_names() -> None:
    names = sample_names(default_gazetteer(), 500)
    assert len(names) == 500 and len(set(names)) > 450
    assert sum(resolve_name(name) is None for name in names) > 10  # some unknown names too
    figures = run_benchmark(seconds=0.01)
    assert set(figures) == {
        "geo_names",
        "geo_resolved_share",
        "geo_resolutions_per_s",
        "geo_gazetteer_load_s",
    }
    assert figures["geo_resolutions_per_s"] > 0 and 0.5 < figures["geo_resolved_share"] < 1
