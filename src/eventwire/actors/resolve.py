"""Resolve a phrase ("the Syrian army", "the governments of Syria and Iraq") to CAMEO-style actors.

The resolver works on words, not on a parse, so a phrase typed at the command line and a span
of a parsed article go through the same rules:

1. Dictionary phrases are matched longest first ("Bosnia and Herzegovina", "Deputy Foreign
   Minister" stay whole), so the structural words below are only those outside a name.
2. Structure: "X 's Y" (possessive), "X of/in/from/at Y" (the left part is the head; the right
   part gives the country when the head has none: "the governments of Syria" -> SYRGOV,
   "rebels in Syria" -> SYRREB, but "Kurds in Syria" stays KUR), other prepositions end the
   phrase, and "and"/"or"/"," split conjuncts ("Syria and Iraq" -> SYR, IRQ; a bare adjective
   conjunct borrows the head of the last one: "Hungarian and Romanian officials" -> HUNGOV, ROUGOV).
3. A simple phrase is an actor when its last word (the head) is a name, an agent noun, or a
   plural noun modified by a nationality ("Palestinian prisoners" -> PSE); "Turkish airspace"
   is not. Its code is country (or people, organisation, person) + the strongest agent sector.
   Capitals and seats of government stand for the government ("Moscow" -> RUSGOV) unless they
   follow a locative preposition ("the attack in Ankara" -> TUR). A plural demonym is the people
   ("Algerians" -> DZACVL). Without a country the code is the sector alone ("the moderate
   opposition" -> OPP); the actors stage may give it one from the context.
4. A known person is coded by the role they held on the date ("Trump" -> USABUS in 2015,
   USAGOV in 2018); one with no role then is a former office holder (COUNTRY + ELI), and so is
   anyone called "former"/"ex-"/"ousted". An unknown name after a title ("Russian Deputy Foreign
   Minister Alexey Meshkov") is a person coded by the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from eventwire.actors.lexicon import (
    Lexeme,
    Lexicon,
    PersonEntry,
    cached_lexicon,
    fold,
    key_of,
    singular,
    tokenize,
)
from eventwire.model import Actor

#: Prepositions whose object gives the country of a head that lacks one.
OF_PREPOSITIONS = frozenset({"of"})
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "into", "from", "at", "inside", "across", "throughout", "near", "within", "based"}
)
#: Participles that place what they follow, as "based" does: "companies *registered* in Hong
#: Kong" are Hong Kong companies.
PLACING_PARTICIPLES = frozenset({"registered", "headquartered", "located", "stationed"})
#: Role nouns that speak for a body: "The spokesman said *it* would respond" is the body.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
PLACING_WORDS = LOCATIVE_PREPOSITIONS | PLACING_PARTICIPLES
#: Words that end a phrase: what follows is not part of who the phrase names.
STOP_WORDS = frozenset(
    {
        "with",
        "against",
        "to",
        "by",
        "on",
        "over",
        "after",
        "before",
        "for",
        "about",
        "who",
        "which",
        "that",
        "whose",
        "said",
        "says",
        "told",
        "during",
        "under",
        "between",
        "among",
        "into",
        "toward",
        "towards",
        "than",
        "as",
        "because",
        "while",
        "when",
        "where",
        "since",
        "until",
        "through",
        "without",
        "via",
    }
)
CONJUNCTIONS = frozenset({"and", "or", ",", "&", "nor", "plus"})
FORMER_WORDS = frozenset(
    {"former", "ex", "ousted", "late", "deposed", "exiled", "onetime", "one-time", "then"}
)
POSSESSIVES = frozenset({"'s", "’s"})
#: Function words a simple phrase may start with.
DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
)
COUNTRY_KINDS = frozenset({"country", "adjective", "capital", "seat"})
#: Lexeme kinds that name a person, whose code depends on the date (the role they held).
PERSON_KINDS = frozenset({"person", "surname"})
#: Prefixes of an attitude, not an actor: "anti-Syria journalist" is no Syrian, "pro-Iranian
#: Hezbollah" no Iranian.
ATTITUDE_PREFIXES = frozenset({"anti", "pro"})
#: Participles naming a patron: in "army-backed government", "police-run camp" the patron is
#: someone else than the phrase's head, so its agent noun gives no sector (a country or a
#: name does say whose side the head is on: "Vietnamese-led forces", "NATO-led mission").
PATRON_PARTICIPLES = frozenset(
    {"backed", "led", "held", "run", "supported", "sponsored", "controlled", "allied", "linked", "installed"}
)
COMPARATIVES = frozenset({"more", "less", "fewer", "over"})
HYPHENS = re.compile(r"[-‐‑]")
#: Phrases a resolver remembers the answers for (a few MB at most).
MEMORY = 20_000
#: A state's own institutions: their named units act for them, and without a country of their
#: own they are the reported country's.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
#: A state's forces in arms, army and police: they share ranks ("officers"), and their killing
#: in a fight is combat, not terror.
STATE_FORCES = frozenset({"MIL", "COP"})
#: Role nouns that are adjectives before another word: "a French *national*" is a person, but
#: "*National* Defense", "the *National* Human Rights Coordinator" are names, never a title.
ADJECTIVE_ROLES = frozenset({"national"})
#: Nouns for who leads, speaks for or belongs to a group: "leaders of armed groups" are rebels.
GROUP_HEADS = frozenset(
    {"leader", "chief", "head", "member", "spokesman", "spokeswoman", "spokesperson", "representative"}
)


@dataclass(slots=True)
class Resolution:
    """The outcome for one phrase: the actor (or None) and, for a person, who it is."""

    actor: Actor | None
    person: str | None = None
    gender: str | None = None
    role_noun: bool = False
    """A role noun without a name ("the diplomat", "the Russian foreign minister"): coreference
    may take it back to a named person."""
    sector_only: bool = False
    """No country was found: the actors stage may give it the country of the context."""


@dataclass(slots=True)
class _Reading:
    """What a simple phrase says, before it becomes an actor."""

    country: str | None = None
    country_kind: str | None = None
    organisation: str | None = None
    person: PersonEntry | None = None
    person_name: str | None = None
    sector: str | None = None
    plural: bool = False
    adjective_only: bool = False
    former: bool = False
    title: bool = False
    actor_like: bool = False
    heads_group: bool = False
    """The head heads or speaks for a group ("leaders", "members", "spokesman"): in "X of Y" its
    sector is Y's."""
    generic_head: bool = False
    """The head is a generic noun ("parties", "factions"): a plural one is not "the people"."""

    @property
    def anchored(self) -> bool:
        """Names its country, people, organisation or person: a preposition cannot change it."""
        return bool(self.country or self.organisation or self.person)


@dataclass(slots=True)
class _Atom:
    words: list[str]
    lexemes: list[Lexeme]

    @property
    def word(self) -> str:
        return fold(self.words[0]) if len(self.words) == 1 and not self.lexemes else ""


class Resolver:
    """Resolves phrases with the shipped dictionaries plus optional user dictionaries."""

    def __init__(self, dictionaries: Sequence[Path] = ()) -> None:
        self.lexicon: Lexicon = cached_lexicon(tuple(Path(path) for path in dictionaries))
        self._known: dict[tuple[tuple[str, ...], date | None, bool], list[Resolution]] = {}
        self._undated: dict[tuple[tuple[str, ...], bool], list[Resolution]] = {}

    def resolve(self, text: str, on: date | None = None) -> Actor | None:
        """The first actor ``text`` names (``on``: the date that picks a person's role)."""
        for resolution in self.resolve_all(text, on):
            if resolution.actor is not None:
                return resolution.actor
        return None

    def resolve_all(self, text: str, on: date | None = None, locative: bool = False) -> list[Resolution]:
        """One resolution per conjunct of ``text`` ("Syria and Iraq" gives two)."""
        return self.resolve_words(tokenize(text), on, locative)

    def resolve_words(
        self, words: Sequence[str], on: date | None = None, locative: bool = False
    ) -> list[Resolution]:
        """Like :meth:`resolve_all`, for words already split.

        News repeats its phrases ("the Russian Foreign Ministry", "Moscow", "he"), so answers
        are remembered (up to :data:`MEMORY` phrases, then forgotten all at once to bound
        memory) and handed out as copies, which callers may change. The date matters only to
        a phrase that names a person (it picks their role), so the answer for any other phrase
        is remembered for every date: each article has its own, and keying on it missed most.
        """
        phrase = tuple(words)
        known = self._undated.get((phrase, locative)) or self._known.get((phrase, on, locative))
        if known is None:
            atoms = self._atoms(list(words))
            readings = self._phrase(atoms, on, locative)
            known = [self._finish(reading, on, locative) for reading in readings] or [Resolution(None)]
            if len(self._known) + len(self._undated) >= MEMORY:
                self._known.clear()
                self._undated.clear()
            if any(lexeme.kind in PERSON_KINDS for atom in atoms for lexeme in atom.lexemes):
                self._known[(phrase, on, locative)] = known
            else:
                self._undated[(phrase, locative)] = known
        return [
            replace(found, actor=None if found.actor is None else replace(found.actor)) for found in known
        ]

    def actor_from_code(self, code: str, name: str | None = None) -> Actor:
        """An :class:`Actor` for a bare code ("SYRMIL"), naming its country and sector."""
        country = self.lexicon.countries.get(code[:3])
        sector = code[3:6] if code[3:6] in self.lexicon.sectors else None
        if country is None and code[:3] in self.lexicon.sectors:
            sector = code[:3]
        return Actor(
            code=code,
            name=name or self._name(country.name if country else code, sector),
            country=country.code if country and country.is_state else None,
            sector=sector,
        )

    # --- structure ---------------------------------------------------------------------

    def _atoms(self, words: list[str]) -> list[_Atom]:
        """Group ``words`` into dictionary phrases (longest match) and single unknown words.

        A hyphenated word no phrase takes is read in parts: "Vice-President" is "Vice President",
        "Vietnamese-led forces" are Vietnamese ("al-Qaeda", "Asia-Pacific Economic Cooperation"
        match whole first). An attitude ("anti-Syria", "pro-Iranian") is dropped: it names whom
        one is for or against, not who one is.
        """
        atoms: list[_Atom] = []
        index = 0
        while index < len(words):
            for length in range(min(self.lexicon.longest, len(words) - index), 0, -1):
                lexemes = self.lexicon.lookup(words[index : index + length])
                # one word, or one after "the" (keys drop it): "the bush" is not "Bush"
                single = len(key_of(words[index : index + length])) == 1
                if lexemes and not (single and not self._plausible(words[index + length - 1], lexemes)):
                    atoms.append(_Atom(words[index : index + length], lexemes))
                    index += length
                    break
            else:
                parts = [part for part in HYPHENS.split(words[index]) if part]
                if len(parts) > 1:
                    kept = [] if fold(parts[0]) in ATTITUDE_PREFIXES or self._agent_patron(parts) else parts
                    words = [*words[:index], *kept, *words[index + 1 :]]
                    continue
                atoms.append(_Atom([words[index]], []))
                index += 1
        return atoms

    def _agent_patron(self, parts: list[str]) -> bool:
        """Whether a hyphenated word is an agent noun's patronage ("army-backed", "police-run")."""
        if fold(parts[-1]) not in PATRON_PARTICIPLES:
            return False
        lexemes = self.lexicon.lookup(parts[:-1])
        return bool(lexemes) and all(lexeme.kind in ("role", "group") for lexeme in lexemes)

    def _plausible(self, word: str, lexemes: list[Lexeme]) -> bool:
        """Single names need a capital ("Ban", "Chad" are also common words; "al-Qaeda" is fine),
        unless the dictionary writes the name in lower case: then it is a common noun
        ("jihadist")."""
        if any(char.isupper() for char in word):
            return True
        return all(
            lexeme.kind in ("role", "group", "adjective")
            or (lexeme.kind == "organisation" and word in self.lexicon.organisations[lexeme.target].names)
            for lexeme in lexemes
        )

    def _phrase(self, atoms: list[_Atom], on: date | None, locative: bool) -> list[_Reading]:
        if len(atoms) > 2 and atoms[0].word in COMPARATIVES and atoms[1].word == "than":
            atoms = atoms[2:]  # "more than 300 people": the comparison is a number, not a stop
        for position, atom in enumerate(atoms):
            if atom.word in STOP_WORDS:
                atoms = atoms[:position]
                break
        while atoms and (atoms[0].word in OF_PREPOSITIONS or atoms[0].word in LOCATIVE_PREPOSITIONS):
            atoms = atoms[1:]  # "At least three Iraqi civilians"
        for position, atom in enumerate(atoms):
            if atom.word in OF_PREPOSITIONS or atom.word in PLACING_WORDS:
                heads = self._conjuncts(atoms[:position], on, locative)
                if not heads:
                    return []
                objects = self._phrase(atoms[position + 1 :], on, atom.word in PLACING_WORDS)
                return [combined for head in heads for combined in self._attach(head, objects)]
        return self._conjuncts(atoms, on, locative)

    def _attach(self, head: _Reading, objects: list[_Reading]) -> list[_Reading]:
        """The head of "X of/in Y", taking Y's country when it has none of its own, and a head
        without a sector of its own ("members") Y's sector ("of a local environmental group")."""
        if head.anchored or not head.actor_like:
            return [head]
        anchors = [reading for reading in objects if reading.anchored]
        if not anchors:
            sectors = [reading.sector for reading in objects if reading.actor_like and reading.sector]
            if sectors and (not head.sector or head.heads_group):
                # "members of a local environmental group", "leaders of armed groups": what
                # they belong to gives the sector
                return [replace(head, sector=sectors[0])]
            return [head]
        return [
            replace(
                head,
                country=anchor.country,
                country_kind="adjective" if anchor.country else None,
                organisation=anchor.organisation,
                sector=self._stronger(head.sector, anchor.sector),
            )
            for anchor in anchors
        ]

    def _conjuncts(self, atoms: list[_Atom], on: date | None, locative: bool) -> list[_Reading]:
        parts: list[list[_Atom]] = [[]]
        for atom in atoms:
            if atom.word in CONJUNCTIONS:
                parts.append([])
            else:
                parts[-1].append(atom)
        parts = [part for part in parts if part]
        found = [self._possessive(part, on, locative) for part in parts]
        readings = [reading for reading in found if reading is not None]
        last = readings[-1] if readings else None
        leading = next(
            (
                lexeme.target
                for part, reading in zip(parts, found, strict=True)
                if reading is None
                for atom in part
                for lexeme in atom.lexemes
                if lexeme.kind == "adjective"
            ),
            None,
        )
        if last is not None and leading is not None and not last.anchored and last.actor_like:
            # "three Russian shipping and energy companies": the adjective before coordinated
            # modifiers ("shipping", "energy") belongs to the head they share
            readings[-1] = last = replace(last, country=leading, country_kind="adjective")
        if last is not None and last.sector:
            # "Hungarian and Romanian officials": bare adjectives share the last conjunct's head.
            readings = [
                replace(reading, sector=last.sector, adjective_only=False, plural=last.plural)
                if reading.adjective_only
                else reading
                for reading in readings
            ]
        return readings

    def _possessive(self, atoms: list[_Atom], on: date | None, locative: bool) -> _Reading | None:
        for position, atom in enumerate(atoms):
            if atom.words[0] in POSSESSIVES and len(atom.words) == 1:
                owner = self._simple(atoms[:position], on, locative)
                owned = self._possessive(atoms[position + 1 :], on, locative)
                if owned is None and self._own_unit(owner, atoms[position + 1 :]):
                    return owner
                if owned is None or not owned.actor_like:
                    return None
                if owned.anchored or owner is None or not owner.anchored:
                    return owned
                country = owner.country
                if owner.person is not None:  # "President Suharto's government": his country's
                    country = self._person(owner, owner.person, on).actor.country  # type: ignore[union-attr]
                return replace(
                    owned,
                    country=country,
                    country_kind="adjective" if owner.country else None,
                    organisation=owner.organisation,
                    sector=self._stronger(owned.sector, owner.sector),
                )
        return self._simple(atoms, on, locative)

    # --- a simple phrase ----------------------------------------------------------------

    def _simple(self, atoms: list[_Atom], on: date | None, locative: bool) -> _Reading | None:
        atoms = [atom for atom in atoms if atom.word not in DETERMINERS]
        if not atoms:
            return None
        reading = _Reading(former=any(atom.word in FORMER_WORDS for atom in atoms))
        persons: list[str] = []
        # "junta spokesman Colonel X": the body a spokesperson speaks for gives the sector, not
        # the rank the spokesperson holds (a colonel speaking for a junta speaks for a government)
        spoken_for = False
        for position, atom in enumerate(atoms):
            kinds = {lexeme.kind for lexeme in atom.lexemes}
            body_named = reading.sector is not None
            as_adjective = position < len(atoms) - 1 and " ".join(key_of(atom.words)) in ADJECTIVE_ROLES
            if spoken_for or as_adjective:
                kinds -= {"role", "group"}
            for lexeme in atom.lexemes:
                if (spoken_for or as_adjective) and lexeme.kind in ("role", "group"):
                    continue
                if lexeme.kind in COUNTRY_KINDS and reading.country is None:
                    reading.country, reading.country_kind = lexeme.target, lexeme.kind
                elif lexeme.kind == "organisation" and reading.organisation is None:
                    reading.organisation = lexeme.target
                elif lexeme.kind in PERSON_KINDS:
                    persons.append(lexeme.target)
                elif lexeme.kind in ("role", "group") and lexeme.target:
                    reading.sector = self._stronger(reading.sector, lexeme.target)
                    reading.title = reading.title or lexeme.kind == "role"
            if kinds & {"role", "group"} and len(kinds) > 1:
                # "Bishop" is a surname and a role: as a title it is the role.
                persons = [name for name in persons if name not in {lex.target for lex in atom.lexemes}]
            spoken_for = spoken_for or (body_named and fold(" ".join(atom.words)) in SPOKESPEOPLE)
        reading.person = self._pick_person(persons, on)
        head = atoms[-1]
        head_kinds = {lexeme.kind for lexeme in head.lexemes}
        if reading.country and any(
            lexeme.kind in COUNTRY_KINDS
            and lexeme.target != reading.country
            and not self.lexicon.countries[lexeme.target].is_state
            for lexeme in head.lexemes
        ):
            reading.sector = reading.sector or "CVL"  # "Iraqi Kurds": a people within a state
        trailing_name = self._trailing_name(atoms)
        if head.lexemes:
            reading.actor_like = True
            reading.plural = any(lexeme.plural for lexeme in head.lexemes)
            reading.heads_group = singular(fold(head.words[-1])) in GROUP_HEADS
            reading.generic_head = any(
                lexeme.kind == "group" and not lexeme.target for lexeme in head.lexemes
            )
            reading.adjective_only = head_kinds == {"adjective"} and not reading.plural and not reading.sector
        elif trailing_name and reading.title:
            if reading.person is None:
                reading.person_name = trailing_name
            reading.actor_like = True
        elif (
            reading.country
            and head.word.endswith("s")
            and not head.word.endswith("ss")
            and head.word.isalpha()
        ):
            reading.actor_like = True  # "Palestinian prisoners": a group of people of a country
        else:
            return reading if reading.person else None
        if (
            reading.person is None
            and reading.country
            and reading.country_kind in ("capital", "seat")
            and locative
        ):
            reading.country_kind = "country"
        return reading

    def _own_unit(self, owner: _Reading | None, owned: list[_Atom]) -> bool:
        """Whether "X's Y" names a unit of a state body: Y is a proper name no dictionary knows
        ("the U.S. military's Central Command", "the Israeli army's Northern Command") and X an
        institution of a known state, so Y acts for X. A bare country owns companies and places as
        well as bodies ("Russia's Gazprom"), and a group's name is as often one of its leaders'
        ("Hamas's Ismail Haniyeh"), so neither counts; nor does a name opening with a given name."""
        if owner is None or not owner.country or owner.sector not in STATE_SECTORS or owner.person:
            return False
        words = [atom for atom in owned if atom.word not in DETERMINERS]
        name = " ".join(word for atom in words for word in atom.words)
        return (
            bool(words)
            and self._trailing_name(words) == name
            and fold(words[0].words[0]) not in self.lexicon.genders
        )

    def _trailing_name(self, atoms: list[_Atom]) -> str | None:
        """Capitalised unknown words ending the phrase: a person's name after a title."""
        names: list[str] = []
        for atom in reversed(atoms):
            if atom.lexemes or not atom.words[0][:1].isupper() or not atom.words[0][:1].isalpha():
                break
            names.append(atom.words[0])
        return " ".join(reversed(names)) if names else None

    def _pick_person(self, names: list[str], on: date | None) -> PersonEntry | None:
        """The named person; of several sharing a name, the one holding a role on the date."""
        candidates = [self.lexicon.persons[name] for name in dict.fromkeys(names)]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        current = [person for person in candidates if person.role_on(on) is not None]
        return current[0] if len(current) == 1 else None

    def _stronger(self, first: str | None, second: str | None) -> str | None:
        if not first or not second:
            return first or second
        return first if self.lexicon.precedence(first) <= self.lexicon.precedence(second) else second

    # --- from reading to actor ----------------------------------------------------------

    def _finish(self, reading: _Reading, on: date | None, locative: bool) -> Resolution:
        lexicon = self.lexicon
        if reading.person is not None:
            return self._person(reading, reading.person, on)
        if reading.organisation is not None:
            organisation = lexicon.organisations[reading.organisation]
            sector = organisation.sector or reading.sector
            actor = Actor(organisation.code, organisation.name, organisation.country, sector)
            return Resolution(actor, person=reading.person_name)
        if reading.country is not None:
            country = lexicon.countries[reading.country]
            sector = reading.sector
            if sector is None and reading.country_kind in ("capital", "seat"):
                sector = "GOV"  # "Moscow said": the capital stands for the government
            elif (
                sector is None
                and reading.plural
                and reading.country_kind == "adjective"
                and not reading.generic_head
            ):
                sector = "CVL"  # "Algerians": the people; not "all Libyan parties"
            if reading.former and sector not in (None, "CVL"):
                sector = "ELI"
            actor = Actor(
                country.code + (sector or ""),
                self._name(country.name, sector) if reading.person_name is None else reading.person_name,
                country.code if country.is_state else None,
                sector,
            )
            return Resolution(
                actor,
                person=reading.person_name,
                gender=self._gender(reading.person_name),
                role_noun=reading.title and reading.person_name is None and not reading.plural,
            )
        if reading.sector:
            actor = Actor(
                reading.sector, reading.person_name or self._name(None, reading.sector), None, reading.sector
            )
            return Resolution(
                actor,
                person=reading.person_name,
                gender=self._gender(reading.person_name),
                role_noun=reading.title and reading.person_name is None and not reading.plural,
                sector_only=True,
            )
        return Resolution(None, person=reading.person_name)

    def _person(self, reading: _Reading, person: PersonEntry, on: date | None) -> Resolution:
        role = None if reading.former else person.role_on(on)
        if role is not None:
            actor = self.actor_from_code(role.code, person.name)
            if actor.country is None and actor.sector is None:
                actor.sector = "GOV"  # an officer of an organisation (IGOUNO: the UN's secretary-general)
        else:
            nearest = person.nearest_role(on)
            base = self.actor_from_code(nearest.code if nearest else "", person.name)
            country = base.country or (
                nearest.code[:3] if nearest and nearest.code[:3] in self.lexicon.countries else None
            )
            if country is None:
                actor = base
            else:
                after = nearest is not None and nearest.end is not None and (on or date.today()) > nearest.end
                sector = "ELI" if reading.former or (after and not reading.sector) else reading.sector
                actor = Actor(country + (sector or ""), person.name, base.country, sector)
        return Resolution(actor, person=person.name, gender=person.gender)

    def _gender(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.lexicon.genders.get(fold(name.split()[0]))

    def _name(self, country: str | None, sector: str | None) -> str:
        """Readable name of a composed code: "Syria military", "opposition"."""
        sector_name = self.lexicon.sector_name(sector)
        return " ".join(part for part in (country, sector_name) if part) or "unknown"
