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

from spacy.tokens import Token

from eventwire.events.context import mention_for_span
from eventwire.events.syntax import conjuncts, core_span
from eventwire.model import Actor, Article, EventActor, Speaker

#: Attachments searched for an actor when a phrase names none itself, nearest first.
_DESCEND_DEPS = frozenset({"prep", "pobj", "poss", "compound", "amod", "nmod"})
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


def _is_state(actor: Actor) -> bool:
    return actor.country is not None and actor.code == actor.country


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
        return Actor(code=speaker.code, name=speaker.name or speaker.code), 0.8
    mention = mention_for_span(article, start, end)
    if mention is not None and mention.actor is not None:
        return mention.actor, 1.0 if mention.antecedent is None else 0.8
    if speaker is not None and speaker.code and _reports_on_itself(token, speaker):
        return Actor(code=speaker.code, name=speaker.name or speaker.code), 0.8
    return None, 0.0


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
        found.extend(_participants_of(article, head, speaker, places))
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
                hits = [
                    Participant(
                        _event_actor(article.text[start:end], actor),
                        token,
                        quality,
                        _is_state(actor),
                        _is_located(actor),
                    )
                ]
                if depth:  # "governments of Syria and Iraq": each conjunct found by descent
                    hits.extend(
                        Participant(
                            _event_actor(article.text[slice(*core_span(other))], other_actor),
                            other,
                            0.6,
                            _is_state(other_actor),
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
            seen.add(item.i)
            queue.append((item, depth + 1))
    start, end = core_span(head)
    return [Participant(EventActor(text=article.text[start:end], name=None, code=None), head, 0.0)]
