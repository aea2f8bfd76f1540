"""Choosing which place a name means: population, the article's countries, the local context.

A name's candidates come ranked by a prior (population, kind of place, capital status; see
:mod:`eventwire.geo.gazetteer`). Context moves them:

* the article's evidence — the countries and divisions its other toponyms and adjectives name
  ("Syria", "Syrian" make every Syrian candidate likelier, so "Latakia" and "Tripoli" lean that
  way). A division named anywhere ("Texas", "Lamar County", a town in Texas) counts more than
  a country, because a country alone rarely overturns a much larger namesake. A country counts
  by its share of the article: a story about Lebanon makes Tripoli Lebanese, one about Russia
  that names the United States twice does not move Geneva to Illinois;
* the sentence — the same evidence counted again when it is close ("the Lebanese city of
  Tripoli", "in Tripoli, … sources in Beirut said"), and cue words ("Governor" for the US
  state of Georgia, "ambassador" for the country);
* a qualifier after a comma ("Paris, Texas"; "London, Ont."; "Alexandria, Va.") keeps only the
  candidates inside it.

A name never counts as evidence for itself: in a story about Paris, Texas, the word "Paris"
adds nothing to France. The weights are tuned on ``tests/fixtures/geo_gold.jsonl``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from eventwire.geo.gazetteer import DIVISION_WORDS, Gazetteer, Location, default_gazetteer, place_key

#: A candidate whose country the article names elsewhere, plus more the more of the article's
#: places are in it: a story about Lebanon makes Tripoli Lebanese; one naming the United States
#: among five other countries does not move Geneva to Illinois.
COUNTRY_PRESENT = 0.2
COUNTRY_SHARE = 1.5
#: A candidate inside a division the article names ("Texas", "Lamar County"), in full; a
#: division one of the article's towns lies in counts ``CITY_DIVISION_WEIGHT`` as much.
DIVISION_PRESENT = 1.5
CITY_DIVISION_WEIGHT = 0.6
#: The same, when the evidence is in the mention's own sentence.
LOCAL_COUNTRY = 0.5
LOCAL_DIVISION = 1.0
#: A cue word for the candidate's kind in the sentence ("Governor" → a state).
CUE = 0.6
#: Words after a name that make it a site in that place ("Latakia airport" is located at Latakia).
SITE_WORDS = frozenset(
    ["airbase", "airport", "airfield", "base", "crossing", "port", "harbour", "harbor", "refinery"]
)


@dataclass(slots=True)
class Evidence:
    """What the article as a whole says about where it is.

    ``weights`` maps evidence keys (ISO3 country codes and ``ISO3/division`` keys) to how often
    the article supports them; ``by_name`` keeps each name's own share so it can be left out
    when that name is resolved.
    """

    weights: dict[str, float] = field(default_factory=dict)
    by_name: dict[str, dict[str, float]] = field(default_factory=dict)
    countries_total: float = 0.0
    countries_by_name: dict[str, float] = field(default_factory=dict)

    @classmethod
    def collect(cls, items: Iterable[tuple[str, Iterable[tuple[str, float]]]]) -> Evidence:
        """Evidence from ``(name key, ((evidence key, weight), …))`` items, one per mention;
        the first key of each is its country."""
        evidence = cls()
        by_name: dict[str, dict[str, float]] = defaultdict(dict)
        for name, weighted in items:
            for index, (key, weight) in enumerate(weighted):
                evidence.weights[key] = evidence.weights.get(key, 0.0) + weight
                by_name[name][key] = by_name[name].get(key, 0.0) + weight
                if index == 0:
                    evidence.countries_total += weight
                    evidence.countries_by_name[name] = evidence.countries_by_name.get(name, 0.0) + weight
        evidence.by_name = dict(by_name)
        return evidence


def evidence_of(location: Location, weight: float = 1.0) -> tuple[tuple[str, float], ...]:
    """The evidence a mention of ``location`` gives: its country, and its division (in full
    when the mention names the division itself, less when it names a town in it)."""
    target = location.target
    if len(target.keys) < 2:
        return tuple((key, weight) for key in target.keys)
    division_weight = weight if target.kind == "adm1" else weight * CITY_DIVISION_WEIGHT
    return ((target.keys[0], weight), (target.keys[1], division_weight))


@dataclass(slots=True, frozen=True)
class Clues:
    """What a mention's own sentence says: nearby evidence keys, a qualifier, a cue word."""

    local: frozenset[str] = frozenset()
    qualifier: tuple[Location, ...] = ()
    cue: str | None = None


NO_EVIDENCE = Evidence()
NO_CLUES = Clues()


def resolve_name(
    text: str,
    evidence: Evidence = NO_EVIDENCE,
    clues: Clues = NO_CLUES,
    gazetteer: Gazetteer | None = None,
) -> Location | None:
    """The gazetteer entry ``text`` most likely names in this context, or None if unknown.

    The entry may be a county or a site: its ``target`` is where it is located.
    """
    gazetteer = gazetteer or default_gazetteer()
    key = place_key(text)
    candidates = gazetteer.by_key.get(key)
    if candidates is None:
        candidates = _suffixed(key, gazetteer)
        if not candidates:
            return None
    return choose(candidates, key, evidence, clues)


def _suffixed(key: str, gazetteer: Gazetteer) -> tuple[Location, ...]:
    """Candidates for "Idlib province" (the division) or "Latakia airport" (located at Latakia)."""
    head, _, last = key.rpartition(" ")
    if not head:
        return ()
    if last in DIVISION_WORDS:
        return gazetteer.divisions_by_key.get(head) or gazetteer.by_key.get(head, ())
    if last in SITE_WORDS:
        return gazetteer.by_key.get(head, ())
    return ()


def choose(candidates: tuple[Location, ...], key: str, evidence: Evidence, clues: Clues) -> Location:
    """The best-scoring candidate (candidates are non-empty and ranked by prior)."""
    if clues.qualifier:
        inside = tuple(candidate for candidate in candidates if _inside(candidate, clues.qualifier))
        candidates = inside or candidates
    if len(candidates) == 1:
        return candidates[0]
    own = evidence.by_name.get(key, {})
    total = evidence.countries_total - evidence.countries_by_name.get(key, 0.0)
    weights, local = evidence.weights, clues.local
    best, best_score = candidates[0], float("-inf")
    for candidate in candidates:
        score = candidate.prior
        keys = candidate.keys
        if keys:
            country = keys[0]
            weight = weights.get(country, 0.0) - own.get(country, 0.0)
            if weight > 0:
                score += COUNTRY_PRESENT + COUNTRY_SHARE * weight / total
            if country in local:
                score += LOCAL_COUNTRY
            if len(keys) > 1:
                division = keys[1]
                named = weights.get(division, 0.0) - own.get(division, 0.0)
                if named > 0:
                    score += DIVISION_PRESENT * min(1.0, named)
                if division in local:
                    score += LOCAL_DIVISION
        if clues.cue is not None and clues.cue == candidate.kind:
            score += CUE
        if score > best_score:
            best, best_score = candidate, score
    return best


def _inside(candidate: Location, qualifiers: tuple[Location, ...]) -> bool:
    for qualifier in qualifiers:
        if candidate is qualifier or candidate.country != qualifier.country:
            continue
        if qualifier.kind == "country" or candidate.keys[1:2] == qualifier.keys[1:2]:
            return True
    return False
