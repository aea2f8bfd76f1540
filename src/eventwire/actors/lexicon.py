"""The actor dictionaries: YAML files loaded once, validated, and indexed by normalised words.

The shipped files live in ``eventwire/data/actors/``; user files (``--dict FILE``,
``Settings.dictionaries``) are read after them with the same validation and may hold any of the
same sections. A user entry with the key of a shipped one replaces it; a user name claimed by a
shipped entry is taken over. Every error names the file and line, found through the YAML node
marks (the document is composed, not just loaded, so each key keeps its position).

Matching is on normalised words (accents folded, lower case, curly apostrophes straightened),
except for names written in capitals ("UN", "US", "IS"), which match only in capitals so that
the pronoun "us" is never the United States.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eventwire import datafile
from eventwire.errors import DataFileError

#: Shipped files, in load order (sectors first: the others are checked against them).
SHIPPED_FILES = (
    "sectors.yaml",
    "countries.yaml",
    "agents.yaml",
    "organisations.yaml",
    "persons.yaml",
    "first_names.yaml",
)
#: Top-level sections a dictionary file may hold.
SECTIONS = (
    "sectors",
    "countries",
    "peoples",
    "roles",
    "groups",
    "generic",
    "organisations",
    "persons",
    "male",
    "female",
)

Gender = Literal["m", "f"]
LexemeKind = Literal[
    "country", "adjective", "capital", "seat", "organisation", "person", "surname", "role", "group"
]

_ROLE_PATTERN = re.compile(
    r"^(?P<code>[A-Z]{3,12})\s+(?P<start>\d{4}-\d{2}-\d{2})?\.\.(?P<end>\d{4}-\d{2}-\d{2})?(?:\s+(?P<note>.*))?$"
)
_TOKEN_PATTERN = re.compile(r"(?:\w\.){2,}|\w+(?:[\-'’]\w+)*|[^\w\s]")
_CAPITALS_ONLY = re.compile(r"^[A-Z](?:[A-Z.&\-]*[A-Z.])?$")


def tokenize(text: str) -> list[str]:
    """Words of ``text`` as the dictionaries see them: "U.N." stays whole, "Russia's" splits."""
    words: list[str] = []
    for match in _TOKEN_PATTERN.finditer(text):
        word = match.group()
        if len(word) > 2 and word[-2:].lower() in ("'s", "’s"):
            words.extend((word[:-2], word[-2:]))
        else:
            words.append(word)
    return words


@lru_cache(maxsize=65_536)
def fold(word: str) -> str:
    """A word's matching form: accents folded, lower case, straight apostrophes (remembered:
    every phrase looked up folds its words, and news repeats its words)."""
    if word.isascii():
        return word.lower()
    text = unicodedata.normalize("NFKD", word.replace("’", "'")).encode("ascii", "ignore").decode()
    return text.lower()


def singular(word: str) -> str:
    """A crude English singular for matching plurals of agent nouns ("forces" -> "force")."""
    if len(word) > 4 and word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def key_of(words: Sequence[str]) -> tuple[str, ...]:
    """The index key of a sequence of words (folded; a leading "the" dropped)."""
    folded = tuple(fold(word) for word in words)
    if len(folded) > 1 and folded[0] == "the":
        folded = folded[1:]
    return folded


@dataclass(slots=True, frozen=True)
class Origin:
    """Where an entry was defined, for error messages and for user-over-shipped precedence."""

    path: str
    line: int
    user: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(slots=True)
class CountryEntry:
    """A state (ISO code) or a people (non-state identity such as KUR) and its words."""

    code: str
    name: str
    origin: Origin
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    is_state: bool = True


@dataclass(slots=True)
class OrganisationEntry:
    """A named organisation with a fixed code (its sector may come from the phrase)."""

    name: str
    code: str
    origin: Origin
    names: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    seats: list[str] = field(default_factory=list)
    """Cities that stand for the organisation in a story that names it ("Brussels" for the EU);
    elsewhere they stay their country's capital."""


@dataclass(slots=True, frozen=True)
class Role:
    """One office a person held, with the code it gives them while it lasts."""

    code: str
    start: date | None
    end: date | None
    note: str = ""

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class PersonEntry:
    """A named person, the roles that code them over time, and what later mentions call them."""

    name: str
    origin: Origin
    roles: list[Role]
    gender: Gender | None = None
    surname: str = ""
    names: list[str] = field(default_factory=list)

    def role_on(self, day: date | None) -> Role | None:
        """The role in force on ``day`` (the latest-starting if several); today's if no date."""
        day = day or date.today()
        current = [role for role in self.roles if role.holds_on(day)]
        return max(current, key=lambda role: role.start or date.min) if current else None

    def nearest_role(self, day: date | None) -> Role | None:
        """The last role ended before ``day``, else the first one (for a former office holder)."""
        day = day or date.today()
        before = [role for role in self.roles if role.end is not None and role.end < day]
        if before:
            return max(before, key=lambda role: role.end or date.min)
        return min(self.roles, key=lambda role: role.start or date.min) if self.roles else None


@dataclass(slots=True, frozen=True)
class Lexeme:
    """One reading of a dictionary phrase: what kind of word it is and which entry it names."""

    kind: LexemeKind
    target: str
    """Country code, organisation or person name, or the agent's sector."""
    plural: bool = False


@dataclass
class Lexicon:
    """All actor dictionaries, merged, with the word index the resolver matches against."""

    sectors: dict[str, str] = field(default_factory=dict)
    countries: dict[str, CountryEntry] = field(default_factory=dict)
    organisations: dict[str, OrganisationEntry] = field(default_factory=dict)
    persons: dict[str, PersonEntry] = field(default_factory=dict)
    agents: dict[str, tuple[str, bool, Origin]] = field(default_factory=dict)
    """Agent key -> (sector, or "" for a generic noun; names one person; origin)."""
    genders: dict[str, Gender] = field(default_factory=dict)
    index: dict[tuple[str, ...], list[Lexeme]] = field(default_factory=dict)
    exact_index: dict[tuple[str, ...], list[Lexeme]] = field(default_factory=dict)
    longest: int = 1

    def precedence(self, sector: str) -> int:
        """Lower is stronger: the order of sectors.yaml decides mixed phrases."""
        order = list(self.sectors)
        return order.index(sector) if sector in order else len(order)

    def sector_name(self, sector: str | None) -> str | None:
        return self.sectors.get(sector) if sector else None

    def lookup(self, words: Sequence[str]) -> list[Lexeme]:
        """Readings of exactly ``words``: capitals-only names first, then folded, then singular."""
        found = list(self.exact_index.get(tuple(words), ()))
        key = key_of(words)
        found.extend(self.index.get(key, ()))
        if not found and key:
            single = (*key[:-1], singular(key[-1]))
            if single != key:
                found.extend(
                    Lexeme(lexeme.kind, lexeme.target, plural=True)
                    for lexeme in self.index.get(single, ())
                    if lexeme.kind in ("role", "group", "adjective")
                )
        return found

    def build_index(self) -> None:
        """(Re)build the word index; later entries (user files) take names over from earlier."""
        self.index = {}
        self.exact_index = {}
        for country in self.countries.values():
            for kind, words in (
                ("country", [country.name, *country.names]),
                ("adjective", country.adjectives),
                ("capital", country.capitals),
                ("seat", country.seats),
            ):
                for word in words:
                    self._add(word, Lexeme(kind, country.code))  # type: ignore[arg-type]
        for key, (sector, is_role, _origin) in self.agents.items():
            self._add(key, Lexeme("role" if is_role else "group", sector))
        for organisation in self.organisations.values():
            for word in [organisation.name, *organisation.names]:
                self._add(word, Lexeme("organisation", organisation.name))
        for person in self.persons.values():
            for word in [person.name, *person.names]:
                self._add(word, Lexeme("person", person.name))
            if person.surname:
                self._add(person.surname, Lexeme("surname", person.name))
        self.longest = max((len(key) for key in [*self.index, *self.exact_index]), default=1)

    def _add(self, phrase: str, lexeme: Lexeme) -> None:
        words = tokenize(phrase)
        if not words:
            return
        if _CAPITALS_ONLY.match(phrase.replace(" ", "")) and len(phrase) <= 6:
            table, key = self.exact_index, tuple(words)
        else:
            table, key = self.index, key_of(words)
        readings = table.setdefault(key, [])
        # A person's name may be shared (resolved by date); any other name has one owner,
        # the last definition (a user file) winning.
        if lexeme.kind not in ("person", "surname"):
            readings[:] = [reading for reading in readings if reading.kind in ("person", "surname")]
        if lexeme not in readings:
            readings.append(lexeme)


# --- loading ------------------------------------------------------------------------------


class _File:
    """One YAML document being validated; raises DataFileError naming ``path:line``."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.root = datafile.compose(path, text)

    def fail(self, node: Node, message: str) -> DataFileError:
        return datafile.fail(self.path, node, message)

    def origin(self, node: Node, user: bool) -> Origin:
        return Origin(self.path, node.start_mark.line + 1, user)

    def mapping(self, node: Node, what: str) -> Iterator[tuple[ScalarNode, Node]]:
        """Key/value nodes of a mapping, refusing duplicate and non-scalar keys."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        seen: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or not key.value:
                raise self.fail(key, f"{what}: keys must be non-empty strings")
            if key.value in seen:
                raise self.fail(
                    key, f"duplicate key '{key.value}' in {what} (first at line {seen[key.value]})"
                )
            seen[key.value] = key.start_mark.line + 1
            yield key, value

    def scalar(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode) or node.tag == "tag:yaml.org,2002:null" or not node.value.strip():
            raise self.fail(node, f"{what} must be a non-empty string")
        return str(node.value).strip()

    def strings(self, node: Node, what: str) -> list[str]:
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, SequenceNode):
            raise self.fail(node, f"{what} must be a list of strings")
        return [self.scalar(item, f"an item of {what}") for item in node.value]

    def fields(
        self, node: Node, what: str, required: Iterable[str], optional: Iterable[str]
    ) -> dict[str, Node]:
        """The fields of an entry, refusing missing and unknown ones."""
        found = {key.value: value for key, value in self.mapping(node, what)}
        missing = [name for name in required if name not in found]
        if missing:
            raise self.fail(node, f"{what} lacks {', '.join(missing)}")
        unknown = sorted(set(found) - set(required) - set(optional))
        if unknown:
            raise self.fail(node, f"{what} has unknown field(s) {', '.join(unknown)}")
        return found


def load_lexicon(user_files: Sequence[Path] = ()) -> Lexicon:
    """The shipped dictionaries plus ``user_files`` (later ones override earlier), indexed."""
    lexicon = Lexicon()
    for name in SHIPPED_FILES:
        _load_into(lexicon, *datafile.shipped(f"actors/{name}"), False)
    for path in user_files:
        _load_into(lexicon, *datafile.user_file(path, "actor dictionary"), True)
    lexicon.build_index()
    return lexicon


@lru_cache(maxsize=8)
def cached_lexicon(user_files: tuple[Path, ...] = ()) -> Lexicon:
    """:func:`load_lexicon`, once per process for each set of user files."""
    return load_lexicon(user_files)


def _load_into(lexicon: Lexicon, path: str, text: str, user: bool) -> None:
    document = _File(path, text)
    if document.root is None:
        return
    claimed: dict[tuple[str, ...], tuple[str, int]] = {}
    for key, value in document.mapping(document.root, "the dictionary"):
        section = key.value
        if section not in SECTIONS:
            raise document.fail(key, f"unknown section '{section}'; expected one of {', '.join(SECTIONS)}")
        if section == "sectors":
            for code, name in document.mapping(value, "sectors"):
                if not re.fullmatch(r"[A-Z]{3}", code.value):
                    raise document.fail(code, f"sector code '{code.value}' must be three capital letters")
                lexicon.sectors[code.value] = document.scalar(name, f"sector {code.value}")
        elif section in ("countries", "peoples"):
            for code, entry in document.mapping(value, section):
                country = _country(document, code, entry, user, is_state=section == "countries")
                _claim(
                    document,
                    claimed,
                    [country.name, *country.names, *country.adjectives, *country.capitals, *country.seats],
                    code,
                    country.code,
                )
                lexicon.countries[country.code] = country
        elif section in ("roles", "groups"):
            for noun, sector_node in document.mapping(value, section):
                sector = _sector(document, lexicon, sector_node)
                _claim(document, claimed, [noun.value], noun, noun.value)
                lexicon.agents[noun.value.lower()] = (sector, section == "roles", document.origin(noun, user))
        elif section == "generic":
            for noun in document.strings(value, section):
                _claim(document, claimed, [noun], value, noun)
                lexicon.agents[noun.lower()] = ("", False, document.origin(value, user))
        elif section == "organisations":
            for name, entry in document.mapping(value, section):
                organisation = _organisation(document, lexicon, name, entry, user)
                _claim(document, claimed, [organisation.name, *organisation.names], name, organisation.name)
                lexicon.organisations[organisation.name] = organisation
        elif section == "persons":
            for name, entry in document.mapping(value, section):
                lexicon.persons[name.value] = _person(document, lexicon, name, entry, user)
        else:
            gender: Gender = "m" if section == "male" else "f"
            for given in document.strings(value, section):
                lexicon.genders[fold(given)] = gender
    _check_codes(document, lexicon)


def _claim(
    document: _File, claimed: dict[tuple[str, ...], tuple[str, int]], words: list[str], node: Node, owner: str
) -> None:
    """Refuse a name that two entries of the same file claim: one of them would be unreachable."""
    line = node.start_mark.line + 1
    for word in words:
        key = key_of(tokenize(word)) if not _CAPITALS_ONLY.match(word.replace(" ", "")) else ("=", word)
        previous = claimed.get(key)
        if previous and previous[0] != owner:
            raise document.fail(
                node, f"duplicate name '{word}': also used by '{previous[0]}' (line {previous[1]})"
            )
        claimed[key] = (owner, line)


def _sector(document: _File, lexicon: Lexicon, node: Node) -> str:
    sector = document.scalar(node, "sector")
    if sector not in lexicon.sectors:
        raise document.fail(node, f"unknown sector '{sector}'; known: {', '.join(lexicon.sectors)}")
    return sector


def _country(document: _File, code: ScalarNode, entry: Node, user: bool, is_state: bool) -> CountryEntry:
    if not re.fullmatch(r"[A-Z]{3}", code.value):
        raise document.fail(
            code, f"country code '{code.value}' must be three capital letters (ISO 3166 alpha-3)"
        )
    found = document.fields(
        entry, f"country {code.value}", ("name",), ("names", "adjectives", "capitals", "seats")
    )
    lists = {
        name: document.strings(node, f"{code.value} {name}") for name, node in found.items() if name != "name"
    }
    return CountryEntry(
        code=code.value,
        name=document.scalar(found["name"], f"{code.value} name"),
        origin=document.origin(code, user),
        is_state=is_state,
        **lists,
    )


def _organisation(
    document: _File, lexicon: Lexicon, name: ScalarNode, entry: Node, user: bool
) -> OrganisationEntry:
    found = document.fields(
        entry, f"organisation '{name.value}'", ("code",), ("names", "country", "sector", "seats")
    )
    code = document.scalar(found["code"], "code")
    if not re.fullmatch(r"[A-Z0-9]{3,12}", code):
        raise document.fail(found["code"], f"code '{code}' must be 3-12 capital letters")
    return OrganisationEntry(
        name=name.value,
        code=code,
        origin=document.origin(name, user),
        names=document.strings(found["names"], "names") if "names" in found else [],
        country=document.scalar(found["country"], "country") if "country" in found else None,
        sector=_sector(document, lexicon, found["sector"]) if "sector" in found else None,
        seats=document.strings(found["seats"], "seats") if "seats" in found else [],
    )


def _person(document: _File, lexicon: Lexicon, name: ScalarNode, entry: Node, user: bool) -> PersonEntry:
    what = f"person '{name.value}'"
    found = document.fields(entry, what, ("roles",), ("gender", "surname", "names"))
    gender = document.scalar(found["gender"], "gender") if "gender" in found else None
    if gender not in (None, "m", "f"):
        raise document.fail(found["gender"], f"{what}: gender must be m or f")
    roles_node = found["roles"]
    if not isinstance(roles_node, SequenceNode) or not roles_node.value:
        raise document.fail(roles_node, f"{what}: roles must be a non-empty list of 'CODE FROM..UNTIL note'")
    roles = [_role(document, lexicon, item, what) for item in roles_node.value]
    words = name.value.split()
    return PersonEntry(
        name=name.value,
        origin=document.origin(name, user),
        roles=roles,
        gender=gender,  # type: ignore[arg-type]
        surname=document.scalar(found["surname"], "surname")
        if "surname" in found
        else (words[-1] if len(words) > 1 else ""),
        names=document.strings(found["names"], "names") if "names" in found else [],
    )


def _role(document: _File, lexicon: Lexicon, node: Node, what: str) -> Role:
    text = document.scalar(node, f"{what} role")
    match = _ROLE_PATTERN.match(text)
    if not match:
        raise document.fail(node, f"{what}: role '{text}' is not 'CODE FROM..UNTIL note' (dates YYYY-MM-DD)")
    try:
        start = date.fromisoformat(match["start"]) if match["start"] else None
        end = date.fromisoformat(match["end"]) if match["end"] else None
    except ValueError as exc:
        raise document.fail(node, f"{what}: role '{text}': {exc}") from None
    if start and end and end < start:
        raise document.fail(node, f"{what}: role '{text}' ends before it starts")
    code = match["code"]
    sector = code[3:6] if len(code) == 6 else None
    if sector and sector not in lexicon.sectors and code[:3] not in ("IGO", "NGO", "IMG", "MNC"):
        raise document.fail(node, f"{what}: unknown sector '{sector}' in code {code}")
    return Role(code, start, end, match["note"] or "")


def _check_codes(document: _File, lexicon: Lexicon) -> None:
    """Organisations naming a country must name a known one (checked once all files are in)."""
    for organisation in lexicon.organisations.values():
        if (
            organisation.country
            and organisation.country not in lexicon.countries
            and organisation.origin.path == document.path
        ):
            raise DataFileError(
                f"{organisation.origin}: organisation '{organisation.name}': unknown country "
                f"'{organisation.country}'"
            )
