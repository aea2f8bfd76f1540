"""Where an event happened, for the events stage.

An event is located where its clause says it happened ("strikes at facilities … in Syria",
"the attack in Ankara"), not where the story was filed. Failing that, an event against a place
("shelled Aleppo", target "Aleppo") happened there. The dateline is where the reporter is: right
for statements and meetings the reporter attended, wrong for strikes hundreds of miles away, so
:func:`dateline_location` is offered separately and the events stage decides when to use it.
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Token

from eventwire.geo.gazetteer import Location, division_key, place_key
from eventwire.geo.resolve import Evidence, resolve_name
from eventwire.geo.toponyms import ADJECTIVE_WEIGHT, country_adjectives, resolve_dateline
from eventwire.model import Article, Place

#: Prepositions whose object is where something happens. Not "on" or "over" ("talks on Syria",
#: "a row over Crimea" are about a place, not in it), nor "from" (where it came from).
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within", "into"}
)
#: Dependencies that link a preposition or its equivalent to its head.
PREPOSITION_DEPS = frozenset({"prep", "dative", "agent"})
#: Dependencies that open another clause, with its own event and place.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "csubj", "parataxis", "conj", "mark", "cc", "punct"})
#: From the trigger up to the verb whose clause it is: "started delivering strikes" → "started".
CLIMB_DEPS = frozenset({"xcomp", "dobj", "nsubjpass", "attr", "oprd", "acomp", "compound", "amod"})
MAX_CLIMB = 3
#: Prepositional hops from the clause's head to the place: "delivering strikes [at] facilities
#: [of] the organization [in] Syria" is three; "condolences [to] families [of] victims [of]
#: the attack [in] Ankara" is four, and the place belongs to the attack, not the condolences.
MAX_PREPOSITION_DEPTH = 3
#: Nouns that stand for the place named after "of": "in the Syrian city of Latakia".
PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "province", "region", "capital", "country", "area", "outskirts",
        "suburb", "suburbs", "district", "port", "territory", "governorate", "state", "county",
        "enclave"
    }
)  # fmt: skip


def event_location(
    article: Article, trigger: Token, *, target_text: str | None = None, evidence: Evidence | None = None
) -> Place | None:
    """The place where the event whose trigger is ``trigger`` happened, or None.

    First the resolved place governed by the event's clause: a locative prepositional phrase
    ("in", "at", "near" …) on the trigger, on the verb it completes, or on their objects, nearest
    first; or a place modifying the trigger ("the Ankara attack"). Else, when ``target_text`` (the
    event's target as written) names a place, that place. ``trigger`` must be a token of
    ``article.doc``; ``article.places`` must have been filled by the geo stage. ``evidence`` is
    :func:`article_evidence` of the article when the caller already has it (it reads the whole
    article, so a caller locating many events computes it once).
    """
    places = [place for place in article.places if place.name is not None]
    if places:
        found = _clause_place(trigger, places)
        if found is not None:
            return found
    if target_text:
        return _target_place(article, trigger, target_text, places, evidence)
    return None


def dateline_location(article: Article, evidence: Evidence | None = None) -> Place | None:
    """The dateline place resolved ("MOSCOW" → Moscow, Russia), or None without a dateline.

    The dateline is not part of ``article.text``, so the place carries the empty span (0, 0).
    A region in it ("PARIS, Texas") qualifies it; the article's places and adjectives break ties.
    """
    if not article.dateline_place:
        return None
    location = resolve_dateline(
        article.dateline_place, article_evidence(article) if evidence is None else evidence
    )
    return to_place(article.dateline_place, 0, 0, location)


def article_evidence(article: Article) -> Evidence:
    """The countries and divisions the article's resolved places and adjectives name."""
    items: list[tuple[str, tuple[tuple[str, float], ...]]] = []
    for place in article.places:
        if place.country is not None:
            keys: tuple[tuple[str, float], ...] = ((place.country, 1.0),)
            if place.precision == "adm1":
                keys += ((division_key(place.country, place.name or ""), 1.0),)
            items.append((place_key(place.text), keys))
    if article.doc is not None:
        items += [("", ((country, ADJECTIVE_WEIGHT),)) for _, country in country_adjectives(article.doc)]
    return Evidence.collect(items)


def to_place(text: str, start: int, end: int, location: Location | None) -> Place:
    """The model's place for a toponym; unresolved ones keep only their text and offsets."""
    if location is None:
        return Place(text, start, end, None, None, None, None, None)
    target = location.target
    return Place(
        text,
        start,
        end,
        target.name,
        target.country,
        None if target.lat is None else round(target.lat, 4),
        None if target.lon is None else round(target.lon, 4),
        location.precision,
    )


def _clause_place(trigger: Token, places: list[Place]) -> Place | None:
    for child in trigger.children:
        if child.dep_ in ("compound", "nmod", "amod"):
            found = _place_at(child, places)
            if found is not None:
                return found  # "the Ankara attack"
    searched: set[int] = set()
    head = trigger
    for _ in range(MAX_CLIMB + 1):
        found = _locative_place(head, places, searched)
        if found is not None or head.dep_ not in CLIMB_DEPS or head.head.i == head.i:
            return found
        head = head.head
    return None


def _locative_place(root: Token, places: list[Place], searched: set[int]) -> Place | None:
    """Breadth-first through ``root``'s phrase (not into other clauses) for a place that is the
    object of a locative preposition."""
    queue: deque[tuple[Token, int]] = deque([(root, 0)])
    while queue:
        token, depth = queue.popleft()
        if token.i in searched:
            continue
        searched.add(token.i)
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or child.i in searched:
                continue
            if child.dep_ not in PREPOSITION_DEPS:
                queue.append((child, depth))
                continue
            if depth >= MAX_PREPOSITION_DEPTH:
                continue
            searched.add(child.i)
            for object_ in child.children:
                if object_.dep_ != "pobj":
                    continue
                if child.lower_ in LOCATIVE_PREPOSITIONS:
                    found = _object_place(object_, places)
                    if found is not None:
                        return found
                queue.append((object_, depth + 1))
    return None


def _object_place(object_: Token, places: list[Place]) -> Place | None:
    """The place a prepositional object names: itself, or the X of "the city of X"."""
    found = _place_at(object_, places)
    if found is not None or object_.lemma_.lower() not in PLACE_NOUNS:
        return found
    for child in object_.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for named in child.children:
                if named.dep_ == "pobj" and (found := _place_at(named, places)) is not None:
                    return found
        elif child.dep_ in ("compound", "appos") and (found := _place_at(child, places)) is not None:
            return found
    return None


def _place_at(token: Token, places: list[Place]) -> Place | None:
    for place in places:
        if place.start <= token.idx < place.end:
            return place
    return None


def _target_place(
    article: Article, trigger: Token, target_text: str, places: list[Place], evidence: Evidence | None
) -> Place | None:
    """The place a territorial target names: the same toponym nearest the trigger, else the
    gazetteer's reading of the words ("Turkey" → Turkey). "The Syrian army" is not a place."""
    key = place_key(target_text.removesuffix("'s").removesuffix("’s"))
    named = [place for place in places if place_key(place.text) == key]
    if named:
        return min(named, key=lambda place: abs(place.start - trigger.idx))
    location = resolve_name(key, article_evidence(article) if evidence is None else evidence)
    if location is None:
        return None
    # Offsets of the occurrence nearest the trigger; an empty span at the trigger if none.
    occurrences = _find_all(article.text, target_text)
    start = min(occurrences, key=lambda index: abs(index - trigger.idx)) if occurrences else trigger.idx
    return to_place(target_text, start, start + len(target_text) if occurrences else start, location)


def _find_all(text: str, needle: str) -> list[int]:
    found, index = [], text.find(needle)
    while index != -1:
        found.append(index)
        index = text.find(needle, index + 1)
    return found
