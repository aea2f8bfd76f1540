"""The events stage: who did what to whom, coded in CAMEO and PLOVER, with its evidence.

Registered as ``events``; it runs after actors, timex, quotes and geo and assigns
``article.events``. The codebook (``data/cameo.yaml``) and the patterns
(``data/event_patterns.yaml`` plus ``Settings.event_patterns``) load once per process.
"""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.events.codebook import CameoCode, Codebook, load_codebook
from eventwire.events.coder import EventCoder
from eventwire.events.patterns import EventPattern, PatternSet, load_patterns
from eventwire.model import Article
from eventwire.pipeline import PerArticleStage, register_stage

__all__ = [
    "CameoCode",
    "Codebook",
    "EventCoder",
    "EventPattern",
    "EventsStage",
    "PatternSet",
    "build_coder",
    "load_codebook",
    "load_patterns",
]


def build_coder(settings: Settings | None = None) -> EventCoder:
    """A coder with the shipped codebook and the shipped plus the user's patterns."""
    user_files = tuple((settings or Settings()).event_patterns)
    return EventCoder(load_patterns(user_files), load_codebook())


@register_stage("events")
class EventsStage(PerArticleStage):
    """Assigns ``article.events`` (negated events included; listings hide them by default)."""

    name = "events"

    def __init__(self, settings: Settings) -> None:
        self.coder = build_coder(settings)

    def __call__(self, article: Article) -> None:
        article.events = self.coder.code(article)
