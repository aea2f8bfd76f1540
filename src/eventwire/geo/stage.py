"""The ``geo`` stage: every toponym of a parsed article, resolved, as ``article.places``."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.geo.gazetteer import Location, default_gazetteer
from eventwire.geo.location import to_place
from eventwire.geo.toponyms import (
    ArticleContext,
    Toponym,
    country_adjectives,
    find_toponyms,
    first_round_evidence,
    resolve_dateline,
    resolve_toponyms,
)
from eventwire.model import Article
from eventwire.pipeline import PerArticleStage, register_stage


@register_stage("geo")
class GeoStage(PerArticleStage):
    """Assign ``article.places``: resolved toponyms sorted by start, unresolved ones included
    (name, country, coordinates and precision None) so they can be listed and reviewed."""

    name = "geo"

    def __init__(self, settings: Settings) -> None:
        self.gazetteer = default_gazetteer()

    def __call__(self, article: Article) -> None:
        doc = article.doc
        toponyms = find_toponyms(doc, self.gazetteer)
        adjectives = country_adjectives(doc, self.gazetteer)
        context = ArticleContext(toponyms, adjectives, self._dateline(article, toponyms, adjectives))
        resolve_toponyms(doc, context, self.gazetteer)
        article.places = [to_place(t.text, t.start, t.end, t.location) for t in toponyms]

    def _dateline(
        self, article: Article, toponyms: list[Toponym], adjectives: list[tuple[int, str]]
    ) -> Location | None:
        """The dateline place, read with the body's unambiguous names: its country is evidence."""
        if not article.dateline_place:
            return None
        return resolve_dateline(
            article.dateline_place, first_round_evidence(toponyms, adjectives, self.gazetteer), self.gazetteer
        )
