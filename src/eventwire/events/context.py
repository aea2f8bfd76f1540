"""What earlier stages know about an action's surroundings: its quote, its date, its place.

The events stage runs last and asks the time, quote, geo and actors modules (their pure
functions, as the architecture allows) rather than re-deriving dates, places or actor names
itself; the coder imports them from here so the dependencies of event coding on other stages
are listed in one place.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors import actor_from_code, is_generic_noun, mention_for_span, resolve_phrase
from eventwire.geo import dateline_location, event_location
from eventwire.model import Article, Place
from eventwire.quotes import quote_at
from eventwire.timex import EventDate, event_date

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

    def location(self, trigger: Token, target_text: str | None, statement: bool) -> Place | None:
        """Where the action of ``trigger`` happened; a statement is made at the dateline."""
        key = (trigger.i, target_text)
        if key not in self._locations:
            self._locations[key] = event_location(self.article, trigger, target_text=target_text)
        found = self._locations[key]
        if found is None and statement:
            if not self._dateline:
                self._dateline.append(dateline_location(self.article))
            found = self._dateline[0]
        return found
