"""Finding toponyms in a parsed article and resolving them all together.

Toponyms are the parser's GPE, LOC and FAC entities, widened where news phrasing needs it
("Iraqi Kurdistan" is tagged NORP + GPE; "Idlib province" is tagged "Idlib"), plus what the small
parser misses or mislabels: curated names ("the Caspian", "Hmeymim airbase" tagged NORP), known
names a preposition of place governs ("officials in Kyiv" tagged PERSON, "the city of Aleppo"
untagged), multiword country and division names ("New South Wales") and sites ("the Syrian
Tiyas airbase"). Adjectives ("the Syrian army") are not places; they are evidence of which
country the story is about. Words the parser calls a person elsewhere are not places.

Resolution runs twice: first with the evidence of names that can mean only one country (and
of adjectives and the dateline), then again with the evidence of every name resolved in the
first round, so "Georgia" in a story that also says "Atlanta" and "Governor" settles on the US
state. A name the gazetteer does not know falls back to its container when the text gives one
("the Syrian X airbase", "X, Syria", "X in Syria"), with that container's precision; otherwise it
is kept unresolved so ``eventwire places`` can list it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.geo.gazetteer import DIVISION_WORDS, Gazetteer, Location, default_gazetteer, place_key
from eventwire.geo.resolve import SITE_WORDS, Clues, Evidence, choose, evidence_of, resolve_name

TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entities the parser mislabels as people or organisations ("officials in Kyiv" as PERSON,
#: "police in Karachi" as ORG) are places when a preposition of place governs them.
PLACE_PREPOSITIONS = frozenset(
    {
        "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "toward",
        "towards", "via", "through", "throughout", "between", "within"
    }
)  # fmt: skip
#: "north of Boise", "the port of Odesa": "of" after these governs a place.
OF_PLACE_HEADS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "outskirts", "city", "town", "port", "province", "region", "capital", "suburbs", "village",
        "district", "area"
    }
)  # fmt: skip
#: Adjectives and peoples say which country a story is about, but less than a place name does.
ADJECTIVE_WEIGHT = 0.5
#: Kinds of place whose mention in a sentence is local evidence for the sentence's other names.
WIDER_KINDS = frozenset({"country", "adm1", "region"})
#: Prepositions that put an unknown place inside a known one ("X airbase in Syria").
CONTAINING_PREPOSITIONS = frozenset({"in", "near", "outside", "inside"})


@dataclass(slots=True)
class Toponym:
    """A stretch of ``article.text`` that names a place, and what it resolved to."""

    text: str
    start: int
    end: int
    key: str
    sentence: int
    qualifier: tuple[Location, ...] = ()
    cue: str | None = None
    placed: bool = False
    """Governed by a preposition of place ("in Beirut"), not an actor ("Washington said")."""
    location: Location | None = None


@dataclass(slots=True)
class ArticleContext:
    """Everything resolution needs from one article, built once per article."""

    toponyms: list[Toponym]
    adjectives: list[tuple[int, str]]
    """(sentence start, ISO3) for each adjective or people naming a country ("Syrian")."""
    dateline: Location | None


def find_toponyms(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Every toponym in ``doc``, sorted by start, with its qualifier and cue word."""
    gazetteer = gazetteer or default_gazetteer()
    spans = list(_entity_spans(doc, gazetteer))
    taken = [(start, end) for start, end in spans]
    spans += [span for span in _curated_spans(doc, gazetteer) if not _overlaps(span, taken)]
    taken = [(start, end) for start, end in spans]
    spans += [span for span in _untagged_division_spans(doc, gazetteer) if not _overlaps(span, taken)]
    taken = [(start, end) for start, end in spans]
    spans += [span for span in _untagged_site_spans(doc, gazetteer) if not _overlaps(span, taken)]
    spans += [span for span in _untagged_placed_names(doc, gazetteer) if not _overlaps(span, taken)]
    people = _person_words(doc, spans)
    cue_words = _cue_words(doc, gazetteer)
    toponyms = []
    article_text = doc.text  # Doc.text joins every token on each access
    for start, end in sorted(spans):
        text = article_text[start:end]
        key, qualifier = split_qualifier(text, gazetteer)
        if key not in gazetteer.by_key and article_text[max(0, start - 2) : start] == ", ":
            # "Richmond, Va." tagged as two places: the second is the qualifier on its own.
            qualifier = gazetteer.qualifiers.get(key, ())
        toponym = Toponym(text, start, end, key, _sentence_start(doc, start), qualifier)
        if not qualifier:
            toponym.qualifier = _following_qualifier(article_text, end, gazetteer)
        if toponym.key in gazetteer.not_places or not _could_be_place(toponym.key, people, gazetteer):
            continue
        toponym.cue = _cue(doc, start, cue_words)
        span = doc.char_span(start, end, alignment_mode="expand")
        toponym.placed = span is not None and _governed_by_place_preposition(span.root)
        toponyms.append(toponym)
    return toponyms


def split_qualifier(text: str, gazetteer: Gazetteer | None = None) -> tuple[str, tuple[Location, ...]]:
    """The name's key and what a comma after it qualifies it with: "Paris, Texas" (one entity,
    or a dateline place) is Paris inside Texas."""
    gazetteer = gazetteer or default_gazetteer()
    head, comma, tail = text.partition(", ")
    if comma and tail:
        qualifier = gazetteer.qualifiers.get(place_key(tail), ())
        if qualifier:
            return place_key(head), qualifier
    return place_key(text), ()


def _entity_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    entities = list(doc.ents)
    for index, entity in enumerate(entities):
        if not any(ch.isupper() for ch in entity.text):
            continue
        if not _is_place_entity(entity, gazetteer):
            continue
        start, end = entity.start_char, entity.end_char
        if entity[-1].lower_ in ("'s", "’s", "'", "’") and len(entity) > 1:  # "Costa Rica's president"
            end = entity[-2].idx + len(entity[-2])
        previous = entities[index - 1] if index else None
        # "Iraqi Kurdistan": the parser splits it into an adjective and a place.
        if (
            previous is not None
            and previous.label_ == "NORP"
            and previous.end == entity.start
            and place_key(doc.text[previous.start_char : end]) in gazetteer.by_key
        ):
            start = previous.start_char
        yield start, _with_kind_word(doc, entity, end)


def _is_place_entity(entity: Span, gazetteer: Gazetteer) -> bool:
    """A GPE, LOC or FAC; or a known name the parser mislabelled, when a division word follows
    it ("Punjab province" tagged NORP) or a preposition of place governs it, directly or by
    coordination ("from Montgomery and Huntsville")."""
    if entity.label_ in TOPONYM_LABELS:
        return True
    key = place_key(entity.text)
    following = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    if following is not None and following.lower_ in DIVISION_WORDS and key in gazetteer.divisions_by_key:
        return True
    if entity.label_ == "NORP" or key not in gazetteer.by_key:
        return False
    return _governed_by_place_preposition(entity.root)


def _governed_by_place_preposition(token: Token) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ == "of":
        return preposition.head.lower_ in OF_PLACE_HEADS
    return preposition.lower_ in PLACE_PREPOSITIONS


def _with_kind_word(doc: Doc, entity: Span, end: int) -> int:
    """Take in a following "province" or "airbase": "Idlib province" is the division."""
    if entity.end < len(doc):
        following = doc[entity.end]
        if following.lower_ in DIVISION_WORDS or following.lower_ in SITE_WORDS:
            return following.idx + len(following)
    return end


def _curated_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """Curated names the parser missed or mislabelled ("Hmeymim airbase" as NORP + noun).

    Not when an entity reaches beyond the match (the name is part of something longer), nor
    when the parser tagged exactly the name as an actor, the name is also an institution's and
    nothing puts it in place position ("the White House said" is the government speaking; but
    "the annexation of Crimea" is of a region, whatever the tag)."""
    for match in gazetteer.curated_pattern.finditer(doc.text):
        start, end = match.span()
        overlapping = [entity for entity in doc.ents if entity.start_char < end and start < entity.end_char]
        if any(entity.start_char < start or end < entity.end_char for entity in overlapping):
            continue
        exact = next(
            (entity for entity in overlapping if (entity.start_char, entity.end_char) == (start, end)), None
        )
        if (
            exact is None
            or _is_place_entity(exact, gazetteer)
            or _only_regions(place_key(match.group()), gazetteer)
        ):
            yield start, end


def _only_regions(key: str, gazetteer: Gazetteer) -> bool:
    return all(candidate.kind in ("region", "site") for candidate in gazetteer.by_key.get(key, ()))


#: Longest multiword country or division name looked for among untagged words, in tokens.
MAX_NAME_TOKENS = 4


def _untagged_division_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """Multiword country and division names the parser left untagged ("the New South Wales
    government"): capitalised at both ends, outside every entity. Single words are too often
    something else ("Victoria", "Georgia" are also first names) to take without a tag."""
    index = 0
    while index < len(doc):
        found = 0
        if doc[index].is_title and not doc[index].ent_type_:
            for size in range(min(MAX_NAME_TOKENS, len(doc) - index), 1, -1):
                words = doc[index : index + size]
                untagged = words[-1].is_title and not any(token.ent_type_ for token in words)
                if untagged and place_key(words.text) in gazetteer.multiword_names:
                    yield words.start_char, words.end_char
                    found = size
                    break
        index += found or 1


#: Capitalised words before a site word that can name the site ("the T4 airbase" has one).
MAX_SITE_NAME_TOKENS = 3


def _untagged_site_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """Sites the parser left untagged or tagged as a people ("the Syrian Tiyas airbase"):
    capitalised words just before "airbase", "airport" …, when a country's adjective before
    them says where the site is (see ``_container``) or their name is known ("Latakia
    airport"); "a Marine base" is neither."""
    for site_word in doc:
        if site_word.lower_ not in SITE_WORDS or site_word.ent_type_ not in ("", "NORP"):
            continue
        first = site_word.i
        while (
            first > 0
            and site_word.i - first < MAX_SITE_NAME_TOKENS
            and doc[first - 1].text[:1].isupper()
            and doc[first - 1].ent_type_ in ("", "NORP")
            and place_key(doc[first - 1].text) not in gazetteer.demonyms
        ):
            first -= 1
        if first == site_word.i:
            continue
        before = doc[first - 1] if first > 0 else None
        placed = before is not None and place_key(before.text) in gazetteer.demonyms
        if placed or place_key(doc[first : site_word.i].text) in gazetteer.by_key:
            yield doc[first].idx, site_word.idx + len(site_word)


#: An untagged word is taken for a place only if it names a country, a division or a city this
#: large: "in God" is not in Göd, Hungary.
MIN_UNTAGGED_CITY = 100_000


def _untagged_placed_names(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """Known names the parser left untagged where a preposition of place governs them ("the
    city of Aleppo"): a proper noun with the proper nouns compounded to its left."""
    for head in doc:
        if (
            head.pos_ != "PROPN"
            or head.ent_type_
            or not head.is_title
            or not _governed_by_place_preposition(head)
        ):
            continue
        first = head
        while (
            first.i > 0
            and doc[first.i - 1].dep_ == "compound"
            and doc[first.i - 1].pos_ == "PROPN"
            and not doc[first.i - 1].ent_type_
        ):
            first = doc[first.i - 1]
        words = doc[first.i : head.i + 1]
        candidates = gazetteer.by_key.get(place_key(words.text), ())
        if any(
            candidate.kind != "city" or candidate.population >= MIN_UNTAGGED_CITY for candidate in candidates
        ):
            yield words.start_char, words.end_char


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _sentence_start(doc: Doc, offset: int) -> int:
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return token.sent.start_char if token is not None else 0


_QUALIFIER = re.compile(r", ([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})")


def _following_qualifier(text: str, end: int, gazetteer: Gazetteer) -> tuple[Location, ...]:
    """ "Paris, Texas", "London, Ont.", "Alexandria, Va.": the longest known qualifier after a comma."""
    match = _QUALIFIER.match(text, end)
    if match is None:
        return ()
    words = match.group(1).split(" ")
    for size in range(len(words), 0, -1):
        found = gazetteer.qualifiers.get(place_key(" ".join(words[:size])))
        if found:
            return found
    return ()


@dataclass(slots=True, frozen=True)
class _People:
    """Keys of the people the parser found: full names and surnames, and every word of them."""

    names: frozenset[str]
    words: frozenset[str]


def _person_words(doc: Doc, toponym_spans: list[tuple[int, int]]) -> _People:
    """The people the parser found, other than the entities taken as places."""
    names: set[str] = set()
    words: set[str] = set()
    for entity in doc.ents:
        if entity.label_ == "PERSON" and (entity.start_char, entity.end_char) not in toponym_spans:
            names.update((place_key(entity.text), place_key(entity[-1].text)))
            words.update(place_key(token.text) for token in entity)
    return _People(frozenset(names), frozenset(words))


def _could_be_place(key: str, people: _People, gazetteer: Gazetteer) -> bool:
    """Not a place: a name the parser calls a person elsewhere ("Alexey Meshkov" tagged LOC;
    "Obama" tagged GPE beside "Barack Obama"), unless a country or division bears it; an unknown
    word of a person's name ("Alexey" tagged GPE); an unknown people's adjective ("Kyrgyz")."""
    candidates = gazetteer.by_key.get(key, ())
    if any(candidate.kind != "city" for candidate in candidates):
        return True
    last = key.rpartition(" ")[2]
    if key in people.names or last in people.names:
        return False
    if candidates:
        return True
    return key not in gazetteer.demonyms and key not in people.words and last not in people.words


@dataclass(frozen=True, slots=True)
class _CueWord:
    start: int
    """Index of the cue's first token."""
    end: int
    kind: str


def _cue_words(doc: Doc, gazetteer: Gazetteer) -> list[_CueWord]:
    """Every cue word or two-word cue of ``doc`` within a sentence, in text order, found in one
    pass (looking around each toponym instead read its sentence once per toponym)."""
    found = []
    for token in doc:
        key = place_key(token.text)
        kind = gazetteer.cues.get(key)
        if kind:
            found.append(_CueWord(token.i, token.i + 1, kind))
        following = token.i + 1
        # a pair's key starts with its first word's key ("nation" + "'s" is "nations")
        if key in gazetteer.cue_prefixes and following < len(doc) and not doc[following].is_sent_start:
            kind = gazetteer.cues.get(place_key(token.text_with_ws + doc[following].text))
            if kind:
                found.append(_CueWord(token.i, following + 1, kind))
    return found


def _cue(doc: Doc, offset: int, cue_words: list[_CueWord]) -> str | None:
    """The kind the nearest cue word in the sentence suggests ("Governor" → adm1); the first in
    text order among equally near ones."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    here, sentence = span[0], span[0].sent
    first = bisect_left(cue_words, sentence.start, key=lambda cue: cue.start)
    best: tuple[int, str] | None = None
    for cue in cue_words[first:]:
        if cue.start >= sentence.end:
            break
        if cue.end <= sentence.end and (best is None or abs(cue.start - here.i) < best[0]):
            best = (abs(cue.start - here.i), cue.kind)
    return best[1] if best else None


def country_adjectives(doc: Doc, gazetteer: Gazetteer | None = None) -> list[tuple[int, str]]:
    """(sentence start, ISO3) for every capitalised word naming a country's people ("Syrian")."""
    gazetteer = gazetteer or default_gazetteer()
    found = []
    for token in doc:
        if token.is_title or token.is_upper:
            country = gazetteer.demonyms.get(place_key(token.text))
            if country:
                found.append((token.sent.start_char, country))
    return found


def resolve_toponyms(doc: Doc, context: ArticleContext, gazetteer: Gazetteer | None = None) -> None:
    """Resolve every toponym in ``context`` in two rounds (see the module docstring), then
    place the unknown ones inside their containers where the text names one."""
    gazetteer = gazetteer or default_gazetteer()
    first = _evidence(context, _determinate(context.toponyms, gazetteer))
    for toponym in context.toponyms:
        toponym.location = _resolve_one(toponym, first, context, gazetteer)
    settled = _evidence(context, resolved_evidence(context.toponyms))
    for toponym in context.toponyms:
        toponym.location = _resolve_one(toponym, settled, context, gazetteer)
    by_start = {toponym.start: toponym for toponym in context.toponyms}
    for toponym in context.toponyms:
        if toponym.location is None:
            toponym.location = _container(doc, toponym, by_start, gazetteer)


def resolve_dateline(place: str, evidence: Evidence, gazetteer: Gazetteer | None = None) -> Location | None:
    """The dateline place ("MOSCOW", "PARIS, Texas") read with the article's evidence."""
    key, qualifier = split_qualifier(place, gazetteer)
    clues = Clues(frozenset(k for location in qualifier for k in location.keys), qualifier)
    found = resolve_name(key, evidence, clues, gazetteer)
    if found is None and qualifier:
        found = choose(qualifier, place_key(qualifier[0].name), evidence, clues)
    return found


def resolved_evidence(toponyms: Iterable[Toponym]) -> Iterator[tuple[str, tuple[tuple[str, float], ...]]]:
    """(name key, weighted evidence keys) of each resolved toponym."""
    for toponym in toponyms:
        if toponym.location is not None:
            yield toponym.key, evidence_of(toponym.location)


def first_round_evidence(
    toponyms: list[Toponym], adjectives: list[tuple[int, str]], gazetteer: Gazetteer | None = None
) -> Evidence:
    """Evidence from names that can mean only one country, and adjectives (no dateline)."""
    gazetteer = gazetteer or default_gazetteer()
    return _evidence(ArticleContext(toponyms, adjectives, None), _determinate(toponyms, gazetteer))


def _determinate(
    toponyms: list[Toponym], gazetteer: Gazetteer
) -> Iterator[tuple[str, tuple[tuple[str, float], ...]]]:
    """Names whose every candidate lies in one country (and, if so, one division)."""
    for toponym in toponyms:
        candidates = gazetteer.by_key.get(toponym.key, ())
        if candidates and len({c.target.keys[:1] for c in candidates}) == 1:
            if len({c.target.keys for c in candidates}) == 1:
                yield toponym.key, evidence_of(candidates[0])
            else:
                yield toponym.key, evidence_of(candidates[0])[:1]


def _evidence(
    context: ArticleContext, named: Iterable[tuple[str, tuple[tuple[str, float], ...]]]
) -> Evidence:
    items: list[tuple[str, tuple[tuple[str, float], ...]]] = list(named)
    items += [("", ((country, ADJECTIVE_WEIGHT),)) for _, country in context.adjectives]
    if context.dateline is not None:
        items.append(("", evidence_of(context.dateline)))
    return Evidence.collect(items)


def _resolve_one(
    toponym: Toponym, evidence: Evidence, context: ArticleContext, gazetteer: Gazetteer
) -> Location | None:
    local = {country for sentence, country in context.adjectives if sentence == toponym.sentence}
    for other in context.toponyms:
        # A country or division named nearby says where a name is ("Tripoli, Lebanon's second
        # city"); a town only as a place ("sources in Beirut"), not as an actor ("talks with
        # Washington in Geneva").
        nearby = other.sentence == toponym.sentence and other.key != toponym.key
        if (
            nearby
            and other.location is not None
            and (other.location.target.kind in WIDER_KINDS or other.placed)
        ):
            local.update(other.location.target.keys)
    for qualifier in toponym.qualifier:
        local.update(qualifier.keys)
    clues = Clues(frozenset(local), toponym.qualifier, toponym.cue)
    found = resolve_name(toponym.key, evidence, clues, gazetteer)
    if found is None and toponym.qualifier:
        # "Smallville, Texas": an unknown town inside a known division is located at the division.
        found = choose(toponym.qualifier, place_key(toponym.qualifier[0].name), evidence, clues)
    return found


def _container(
    doc: Doc, toponym: Toponym, by_start: dict[int, Toponym], gazetteer: Gazetteer
) -> Location | None:
    """Where the text puts an unknown place: a country adjective just before it ("the Syrian X
    airbase") or a known place it is said to be in ("X airbase in Syria")."""
    span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if span is None:
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text[:1].isupper():
        country = gazetteer.demonyms.get(place_key(before.text))
        if country in gazetteer.countries:
            return gazetteer.countries[country]
    for preposition in span.root.children:
        if preposition.dep_ == "prep" and preposition.lower_ in CONTAINING_PREPOSITIONS:
            for object_ in preposition.children:
                other = _toponym_at(object_, by_start) if object_.dep_ == "pobj" else None
                if other is not None and other.location is not None:
                    return other.location.target
    return None


def _toponym_at(token: Token, by_start: dict[int, Toponym]) -> Toponym | None:
    for toponym in by_start.values():
        if toponym.start <= token.idx < toponym.end:
            return toponym
    return None
