"""Places: offline toponym resolution and event locations.

The ``geo`` stage (:class:`~eventwire.geo.stage.GeoStage`) finds the toponyms of each parsed
article (GPE, LOC and FAC entities, plus curated names the parser misses), resolves them against
the shipped gazetteer (:mod:`~eventwire.geo.gazetteer`) using population and the article's
context (:mod:`~eventwire.geo.resolve`, :mod:`~eventwire.geo.toponyms`), and assigns
``article.places``. Adjectives ("the Syrian army") are actors, not places.

For the events stage: :func:`event_location` (where an event's clause, or its territorial
target, puts it) and :func:`dateline_location` (where the reporter is), both reading the
article's :func:`article_evidence`.
"""

from eventwire.geo.gazetteer import Location, default_gazetteer, place_key
from eventwire.geo.location import article_evidence, dateline_location, event_location
from eventwire.geo.resolve import Evidence, resolve_name
from eventwire.geo.stage import GeoStage

__all__ = [
    "Evidence",
    "GeoStage",
    "Location",
    "article_evidence",
    "dateline_location",
    "default_gazetteer",
    "event_location",
    "place_key",
    "resolve_name",
]
