"""What earlier stages know about an action's surroundings: its quote, its date, its place.

The events stage runs last and asks the time, quote, geo and actors modules (their pure
functions, as the architecture allows) rather than re-deriving dates, places or actor names
itself; the coder imports them from here so the dependencies of event coding on other stages
are listed in one place.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors import (
    actor_from_code,
    is_generic_noun,
    mention_for_span,
    resolve_phrase,
    state_of_capital,
)
from eventwire.geo import Evidence, article_evidence, dateline_location, event_location
from eventwire.model import Article, EventActor, Place, Quote, TimeExpression
from eventwire.quotes import quote_at
from eventwire.timex import EventDate, attachments, event_date

__all__ = [
    "EventDate",
    "Surroundings",
    "actor_from_code",
    "dateline_location",
    "event_date",
    "event_location",
    "is_generic_noun",
    "mention_for_span",
    "quote_at",
    "resolve_phrase",
    "state_of_capital",
]


class Surroundings:
    """One article's places as the coder needs them, each asked of the geo stage once.

    Finding a place reads the whole article's evidence (its places, their countries), so asking
    once per event and target would cost more than the coding itself.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self._locations: dict[tuple[int, str | None], Place | None] = {}
        self._dateline: list[Place | None] = []
        self._evidence: Evidence | None = None
        self._attached: list[tuple[TimeExpression, Token]] | None = None
        self.combatants: list[EventActor] = []
        """The armed sides coded so far (doers and targets of force, in order): whom "all
        parties" and "both sides" mean in a later appeal."""

    def note_combatants(self, actors: list[EventActor | None]) -> None:
        """Remember the coded sides of a use of force, each side once: a state's city hit by a
        missile ("the Saudi city", SAU) is the side already noted as the Saudi-led coalition
        (SAUMIL); two sides of one country (SDNMIL, SDNREB) stay two."""
        known = {actor.code for actor in self.combatants if actor.code}
        for actor in actors:
            if actor is None or not actor.code or actor.code in known:
                continue
            if len(actor.code) == 3 and any(code.startswith(actor.code) for code in known):
                continue
            known.add(actor.code)
            self.combatants.append(actor)

    @property
    def evidence(self) -> Evidence:
        """The countries the article's places and adjectives name, read once per article."""
        if self._evidence is None:
            self._evidence = article_evidence(self.article)
        return self._evidence

    def date(self, trigger: Token, quote: Quote | None, *, complements: bool = True) -> EventDate:
        """When the action of ``trigger`` happened (see :func:`event_date`); the article's time
        expressions are attached to their words once."""
        if self._attached is None:
            self._attached = attachments(self.article.times, trigger.doc)
        return event_date(self.article, trigger, quote, self._attached, complements=complements)

    def location(self, trigger: Token, target_text: str | None, statement: bool) -> Place | None:
        """Where the action of ``trigger`` happened; a statement is made at the dateline."""
        key = (trigger.i, target_text)
        if key not in self._locations:
            self._locations[key] = event_location(
                self.article, trigger, target_text=target_text, evidence=self.evidence
            )
        found = self._locations[key]
        if found is None and statement:
            if not self._dateline:
                self._dateline.append(dateline_location(self.article, self.evidence))
            found = self._dateline[0]
        return found
