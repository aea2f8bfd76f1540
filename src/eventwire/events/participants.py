"""Who is the source or target of an action: from a parse token to resolved actors.

The actors stage has already resolved mentions (with pronouns followed to their antecedents);
this module finds, for a subject or object token, the mentions that stand for it. When a noun
phrase names no actor itself ("facilities of the Islamic State", "the families of the victims of
the attack in Ankara", "the governments of Syria and Iraq"), the search descends through its
``of``/``in`` attachments, possessors and modifiers, breadth first, so the nearest actor wins,
and conjunctions ("Syria and Iraq") give one participant each.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Token

from eventwire.events.context import (
    actor_from_code,
    is_generic_noun,
    mention_for_span,
    resolve_phrase,
    state_of_capital,
)
from eventwire.events.syntax import conjuncts, core_span
from eventwire.model import Actor, Article, EventActor, Speaker

#: Attachments searched for an actor when a phrase names none itself, nearest first; an
#: apposition renames its head ("the paramilitary, Rapid Support Forces", as parsers split it).
_DESCEND_DEPS = frozenset({"prep", "pobj", "poss", "compound", "amod", "nmod", "appos"})
_DESCEND_PREPS = frozenset({"of", "in", "from"})
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
_THIRD_PERSON = frozenset({"it", "he", "she", "they"})
_MAX_DEPTH = 7


@dataclass(frozen=True, slots=True)
class Participant:
    """A resolved (or at least named) source or target, with how directly it was found."""

    actor: EventActor
    token: Token
    quality: float
    """1.0 named by the phrase itself, 0.8 via a pronoun or the speaker, 0.6 found by descent."""
    state: bool = False
    """The actor is a state as a whole ("Russia"), not one of its sectors or a non-state group."""
    located: bool = False
    """The actor belongs to a known country or is a named non-state group (not bare "civilians")."""


def _event_actor(text: str, actor: Actor | None) -> EventActor:
    return EventActor(text=text, name=actor.name if actor else None, code=actor.code if actor else None)


def _is_state(actor: Actor, token: Token) -> bool:
    """A bare country code standing for the state, not for several groups in it ("all Libyan
    parties", "rival factions": a plural generic noun)."""
    if token.tag_ == "NNS" and is_generic_noun(token.lemma_):
        return False
    return actor.country is not None and actor.code == actor.country


def _capital_as_state(text: str, actor: Actor, token: Token) -> Actor | None:
    """The state a bare capital ("Pristina", "Moscow") resolved as its government stands for.

    A capital is its government only as a speaker; as a participant it is the state as a whole,
    coded like the state's name: its government in what states say (``_as_coded``), the bare
    state in material acts ("Pristina deployed police": XKX, as "Kosovo deployed police")."""
    if token.pos_ != "PROPN" or actor.country is None or actor.code != f"{actor.country}GOV":
        return None
    state = state_of_capital(text)
    return actor_from_code(state) if state == actor.country else None


def _is_located(actor: Actor) -> bool:
    return actor.country is not None or actor.code != actor.sector


def _place_actor(article: Article, start: int, end: int) -> Actor | None:
    """A country from the geo layer for a place name ("the attack in Ankara" targets Turkey)."""
    for place in article.places:
        if place.start < end and start < place.end and place.country:
            return Actor(code=place.country, name=place.name or place.text, country=place.country)
    return None


def _resolve_phrase(article: Article, token: Token, speaker: Speaker | None) -> tuple[Actor | None, float]:
    start, end = core_span(token)
    if token.lower_ in _FIRST_PERSON and speaker is not None and speaker.code:
        return _speaker_actor(speaker.code, speaker.name), 0.8
    mention = mention_for_span(article, start, end)
    if mention is not None and mention.actor is not None:
        actor = _placed(article, mention.start, mention.end, mention.actor)
        return _where_the_phrase_says(article, token, actor), 1.0 if mention.antecedent is None else 0.8
    if speaker is not None and speaker.code and _reports_on_itself(token, speaker):
        return _speaker_actor(speaker.code, speaker.name), 0.8
    return None, 0.0


def _speaker_actor(code: str, name: str | None) -> Actor:
    """The actor a speaker's "we" stands for, with the country its code implies, so that a state
    speaking as a whole ("KOR") is coded as its government like a named state."""
    known = actor_from_code(code)
    return Actor(code=code, name=name or code, country=known.country, sector=known.sector)


def _placed(article: Article, start: int, end: int, actor: Actor) -> Actor:
    """The actor as the geo stage places the name it opens with.

    The actor dictionary reads "Georgia" as the country, "Paris" and "Tripoli" as capitals; the
    geo stage weighs the article ("Atlanta", "Texas", a BEIRUT dateline) and may settle the same
    words elsewhere: Georgia, USA; Paris, Texas; Tripoli, Lebanon. When a phrase's country comes
    from a place name the geo stage put in another country ("Georgia economic development
    officials", "Paris Police Chief Robert Hensley"), the geo stage's country is the actor's.
    """
    if not actor.country or not actor.code.startswith(actor.country):
        return actor
    for place in article.places:
        if not (start <= place.start < end) or not place.country or place.country == actor.country:
            continue
        if article.text[start : place.start].strip().lower() not in ("", "the"):
            continue
        composed = actor.name == actor_from_code(actor.code).name  # "France police", not a person's name
        return actor_from_code(
            place.country + actor.code[len(actor.country) :], None if composed else actor.name
        )
    return actor


#: Sectors of people and groups that may be of any country: their own phrase's place says which
#: ("militants in the Idlib zone", "residents of Nawa", "settlements in the provinces of Latakia").
_PLACED_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "OPP", "CVL", "REF"})
_PLACE_PREPOSITIONS = frozenset({"in", "of", "from", "at", "near", "around"})
#: Nouns that say where people live: their place names their country whatever their origin
#: ("Serb residents of northern Kosovo" are Kosovo's civilians; "Serb rebels" stay Serb).
_RESIDENTS = frozenset({"resident", "inhabitant", "villager", "dweller", "population"})


def _where_the_phrase_says(article: Article, token: Token, actor: Actor) -> Actor:
    """A group's country from a place its own phrase puts it in, as the geo stage resolved it.

    The actors stage can only borrow a neighbouring actor's country for "militants" when it
    does not know "Idlib"; the geo stage does, and a place in the phrase itself outranks a
    neighbour ("the Russian officer said that militants in the Idlib zone ...": Syrian).
    """
    if actor.sector not in _PLACED_SECTORS or not (
        actor.code == actor.sector or actor.code.startswith(actor.country or "-")
    ):
        return actor
    start, end = core_span(token)
    own = resolve_phrase(article.text[start:end], article.published)
    if own is not None and own.country and token.lemma_.lower() not in _RESIDENTS:
        return actor  # "Albanian rebels in Macedonia" are Albanian: the phrase says so itself
    for preposition in token.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in _PLACE_PREPOSITIONS:
            continue
        words = list(preposition.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        country = next(
            (place.country for place in article.places if start <= place.start < end and place.country), None
        )
        if country is not None and country != actor.country:
            return actor_from_code(
                country + actor.sector, actor.name if actor.name != actor_from_code(actor.code).name else None
            )
    return actor


#: Participles that say where an organisation belongs: "firms *registered in* Hong Kong".
_SEATED = frozenset({"register", "base", "headquarter", "headquartered", "incorporate", "domicile", "flag"})


def _registered_in(article: Article, token: Token) -> list[str]:
    """The countries of the places a participle of seat puts an organisation in ("companies
    *registered in* Hong Kong and Singapore", "a bank *based in* Dubai"), as the geo stage placed
    them, in text order: the phrase's own words outrank the country the actors stage borrowed."""
    countries: list[str] = []
    for participle in token.children:
        if participle.dep_ != "acl" or participle.lemma_.lower() not in _SEATED:
            continue
        for preposition in participle.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "in":
                continue
            words = list(preposition.subtree)
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            for place in article.places:
                if start <= place.start < end and place.country and place.country not in countries:
                    countries.append(place.country)
    return countries


def _is_measure(token: Token) -> bool:
    """A distance, amount or date in apposition ("about 20 km", "$3 million"), not a renaming."""
    return token.ent_type_ in _MEASURES or any(item.dep_ == "nummod" for item in token.children)


_MEASURES = frozenset({"QUANTITY", "CARDINAL", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"})


def _reports_on_itself(token: Token, speaker: Speaker) -> bool:
    """ "Japan said *it* had halted aid": a pronoun subject of a reported clause is its reporter.

    Used only when the actors stage left the pronoun unresolved; the reporter is the speaker
    the coder found, identified by its character span.
    """
    if token.lower_ not in _THIRD_PERSON or token.dep_ != "nsubj" or speaker.start is None:
        return False
    clause = token.head
    reporter_subject = next((item for item in clause.head.children if item.dep_ == "nsubj"), None)
    if clause.dep_ != "ccomp" or reporter_subject is None:
        return False
    start, end = core_span(reporter_subject)
    return start <= speaker.start < end


def participants(
    article: Article, token: Token, speaker: Speaker | None = None, places: bool = False
) -> list[Participant]:
    """The actors ``token``'s phrase stands for: one per conjunct, nearest resolvable phrase each.

    ``places``: a place name may stand for its country (targets of attacks "in Ankara").
    Unresolvable phrases come back with ``code=None`` so the event can still show their words.
    """
    coordinated = _flattened_coordination(article, token)
    if coordinated:
        return [item for head in coordinated for item in _participants_of(article, head, speaker, places)]
    found: list[Participant] = []
    for head in conjuncts(token):
        of = next((item for item in head.children if item.dep_ == "prep" and item.lower_ == "of"), None)
        listed = (
            [item for item in of.children if item.dep_ == "pobj"]
            if of is not None and head.pos_ == "NOUN"
            else []
        )
        if listed and len(conjuncts(listed[0])) > 1:  # "the governments of Syria and Iraq": one each
            found.extend(participants(article, listed[0], speaker, places))
            continue
        nationalities = _conjoined_nationalities(article, head)
        if nationalities:  # "Pakistani and Afghan border forces": one force per country
            found.extend(nationalities)
            continue
        origin = next((item for item in head.children if item.dep_ == "prep" and item.lower_ == "from"), None)
        sides = [
            item
            for item in (origin.children if origin is not None and head.pos_ == "NOUN" else ())
            if item.dep_ == "pobj" and item.lemma_.lower() == "side"
        ]
        listed = listed or sides  # "border commanders *from both sides*": one per side's state
        pair = _the_two(article, listed[0] if listed and _names_two(listed[0], bool(sides)) else head)
        if pair:  # "the border services of both countries", "the two governments"
            found.extend(_pair_participants(article, head, pair, speaker))
            continue
        found.extend(_participants_of(article, head, speaker, places))
    return found


#: What may stand between two coordinated names.
_COORDINATORS = frozenset({"and", ",", "as well as"})


def _flattened_coordination(article: Article, token: Token) -> list[Token]:
    """The heads of two or more actor mentions the parser has folded into one phrase ("Ethiopian
    Prime Minister Abiy Ahmed and Somaliland leader Muse Bihi Abdi", parsed as one name with
    the first as a modifier): when mentions joined by "and" fill the phrase, each is a conjunct.
    Empty when the parse already coordinates them or the phrase holds anything else."""
    if len(conjuncts(token)) > 1 or not any(item.dep_ == "cc" for item in token.subtree):
        return []
    first, last = token.left_edge, token.right_edge
    if first.dep_ == "det":
        first = first.nbor(1)
    start, end = first.idx, last.idx + len(last)
    inside = sorted(
        (
            mention
            for mention in article.mentions
            if start <= mention.start and mention.end <= end and mention.actor
        ),
        key=lambda mention: mention.start,
    )
    if len(inside) < 2 or inside[0].start != start or inside[-1].end != end:
        return []
    gaps = [article.text[before.end : after.start].strip() for before, after in pairwise(inside)]
    if not all(gap in _COORDINATORS for gap in gaps) or "and" not in gaps:
        return []
    heads = []
    for mention in inside:
        covered = [item for item in token.subtree if mention.start <= item.idx < mention.end]
        heads.append(covered[-1])
    return heads


def _conjoined_nationalities(article: Article, head: Token) -> list[Participant]:
    """One participant per conjoined adjective of a shared head noun ("Pakistani and Afghan
    border forces", "Russian and Turkish troops"): the coordination distributes over the head,
    so the phrase names each country's force. Empty unless every adjective names a distinct
    actor."""
    adjective = next((item for item in head.children if item.dep_ == "amod" and item.conjuncts), None)
    if adjective is None:
        return []
    found: list[Participant] = []
    for item in conjuncts(adjective):
        mention = mention_for_span(article, item.idx, item.idx + len(item))
        if (
            mention is None
            or mention.actor is None
            or any(other.actor.code == mention.actor.code for other in found)
        ):
            return []
        actor = mention.actor
        found.append(
            Participant(_event_actor(item.text, actor), head, 0.8, _is_state(actor, head), _is_located(actor))
        )
    return found if len(found) > 1 else []


#: Nouns for states or their sides: "both countries", "the two governments", "the two sides".
_STATE_NOUNS = frozenset(
    {"country", "nation", "government", "neighbour", "neighbor", "republic", "state", "minister"}
)


def _names_two(token: Token, sides: bool = False) -> bool:
    """ "both countries", "the two former Soviet republics", "the two foreign ministers";
    ``sides``: "both sides" too, where a phrase of the sides' own people takes it ("commanders
    from both sides"), so that states are meant rather than whichever parties are at war."""
    nouns = _STATE_NOUNS | {"side"} if sides else _STATE_NOUNS
    return token.lemma_.lower() in nouns and any(
        item.lower_ in ("both", "two") and item.dep_ in ("det", "predet", "nummod") for item in token.children
    )


def _the_two(article: Article, token: Token) -> tuple[str, str] | None:
    """The two states a "both countries" phrase means: the two the article names most before
    the phrase. The first named comes first, unless the story is datelined in the other: a
    BISHKEK story's "border services of both countries agreed" is Kyrgyz first, as its
    reporter sees the Kyrgyz side as the one acting."""
    if not _names_two(token, sides=token.lemma_.lower() == "side" and token.head.lower_ == "from"):
        return None
    counts: dict[str, int] = {}
    for mention in article.mentions:
        if mention.start >= token.idx:
            break
        country = mention.actor.country if mention.actor is not None else None
        if country and mention.label != "PRON":
            counts[country] = counts.get(country, 0) + 1
    if len(counts) < 2:
        return None
    first_two = sorted(counts, key=lambda country: -counts[country])[:2]
    ordered = [country for country in counts if country in first_two]
    home = _dateline_country(article)
    if home == ordered[1]:
        ordered.reverse()
    return ordered[0], ordered[1]


def _dateline_country(article: Article) -> str | None:
    """The country of the dateline's place ("BISHKEK, Kyrgyzstan" -> KGZ), if it names one."""
    if not article.dateline_place:
        return None
    actor = resolve_phrase(article.dateline_place.split(",")[0].title(), article.published)
    return actor.country if actor is not None else None


def _pair_participants(
    article: Article, head: Token, pair: tuple[str, str], speaker: Speaker | None
) -> list[Participant]:
    """One participant per state, with the sector the phrase names ("border services": MIL)."""
    own, _ = _resolve_phrase(article, head, speaker)
    sector = own.sector if own is not None and own.sector else ""
    found = []
    for country in pair:
        actor = actor_from_code(country + sector)
        found.append(
            Participant(
                _event_actor(article.text[slice(*core_span(head))], actor), head, 0.6, not sector, True
            )
        )
    return found


def _participants_of(
    article: Article, head: Token, speaker: Speaker | None, places: bool
) -> list[Participant]:
    queue: deque[tuple[Token, int]] = deque([(head, 0)])
    seen = {head.i}
    while queue:
        token, depth = queue.popleft()
        if token.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            actor, quality = _resolve_phrase(article, token, speaker)
            if actor is None and places and token.pos_ == "PROPN":
                actor, quality = _place_actor(article, *core_span(token)), 0.6
            if actor is not None:
                start, end = core_span(token)
                quality = quality if depth == 0 else 0.6
                sector = actor.sector
                registered = _registered_in(article, token) if sector else []
                if registered and sector:  # "two firms registered in Hong Kong and Singapore": one per place
                    text = article.text[start:end]
                    seated = [actor_from_code(country + sector) for country in registered]
                    return [
                        Participant(_event_actor(text, each), token, quality, False, True) for each in seated
                    ]
                capital = _capital_as_state(article.text[start:end], actor, token)
                hits = [
                    Participant(
                        _event_actor(article.text[start:end], capital or actor),
                        token,
                        quality,
                        capital is not None or _is_state(actor, token),
                        _is_located(actor),
                    )
                ]
                if depth:  # "governments of Syria and Iraq": each conjunct found by descent
                    hits.extend(
                        Participant(
                            _event_actor(article.text[slice(*core_span(other))], other_actor),
                            other,
                            0.6,
                            _is_state(other_actor, other),
                            _is_located(other_actor),
                        )
                        for other in token.conjuncts
                        for other_actor, _ in [_resolve_phrase(article, other, speaker)]
                        if other_actor is not None
                    )
                return hits
        if depth >= _MAX_DEPTH:
            continue
        for item in token.children:
            if item.i in seen or item.dep_ not in _DESCEND_DEPS:
                continue
            if item.dep_ == "prep" and item.lower_ not in _DESCEND_PREPS:
                continue
            if item.dep_ == "appos" and _is_measure(item):
                continue  # "the post at Arabia, about 20 km from the border": a measure, not a name
            seen.add(item.i)
            queue.append((item, depth + 1))
    start, end = core_span(head)
    return [Participant(EventActor(text=article.text[start:end], name=None, code=None), head, 0.0)]
