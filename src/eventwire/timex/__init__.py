"""Time expressions: find them, normalise them TIMEX3-style, and date events by them.

``find_times`` tags and values the expressions of a text against an anchor date (the article's
publication date); the ``timex`` stage stores them on ``article.times``; ``event_date`` is what
the events stage calls to date an event by the expression that governs its clause.
"""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.model import Article
from eventwire.pipeline import PerArticleStage, register_stage
from eventwire.timex.dating import EventDate, attachments, event_date
from eventwire.timex.lexicon import default_lexicon
from eventwire.timex.tagger import default_rules, find_times

__all__ = ["EventDate", "TimexStage", "attachments", "event_date", "find_times"]


@register_stage("timex")
class TimexStage(PerArticleStage):
    """Assign ``article.times``: every time expression, valued against the publication date."""

    name = "timex"

    def __init__(self, settings: Settings) -> None:
        self.lexicon = default_lexicon()
        self.rules = default_rules()

    def __call__(self, article: Article) -> None:
        article.times = find_times(article.text, article.published, article.doc, self.lexicon, self.rules)
