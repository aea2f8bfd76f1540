"""eventwire: turn news articles into verifiable political event data.

The Python API is the same path the CLI takes::

    import eventwire
    article = eventwire.process_text(text, published=datetime.date(2015, 10, 15))
    for event in article.events:
        print(event.to_record(article.article_id))
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from eventwire.config import Settings
from eventwire.model import Article
from eventwire.pipeline import Pipeline

__all__ = ["Article", "Pipeline", "Settings", "process_text"]
__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline(Settings())


def process_text(text: str, published: date | None = None) -> Article:
    """Run the default pipeline on one article text; ``published`` anchors relative dates."""
    return _default_pipeline().process_text(text, published=published)
