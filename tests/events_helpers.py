"""Building parsed articles with known actors for the events tests (no other stage needed)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from eventwire.model import Actor, Article, Mention
from eventwire.nlp import sentences_of
from eventwire.pipeline import Pipeline

ACTORS = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "events_actors.yaml").read_text(encoding="utf-8")
)


def known_mentions(text: str) -> list[Mention]:
    """Mentions of the fixture's phrases (longest first, case-insensitive first letter, either apostrophe)."""
    taken: list[tuple[int, int]] = []
    mentions = []
    for phrase, (code, name) in sorted(ACTORS.items(), key=lambda item: -len(item[0])):
        pattern = "(?i:" + re.escape(phrase[0]) + ")" + re.escape(phrase[1:]).replace("'", "['’]")
        for found in re.finditer(r"\b" + pattern + r"\b", text):
            if any(found.start() < end and start < found.end() for start, end in taken):
                continue
            taken.append(found.span())
            actor = Actor(code=code, name=name, country=code[:3] if code[:3].isupper() else None)
            mentions.append(Mention(found.group(), found.start(), found.end(), "ORG", actor=actor))
    return sorted(mentions, key=lambda mention: mention.start)


def parsed_article(nlp, text: str, published: date | None = date(2015, 10, 15)) -> Article:
    """An article as the events stage sees it, with mentions from the fixture table."""
    doc = nlp(text)
    article = Article(article_id="test", source_path="<test>", raw_text=text, text=text, published=published)
    article.doc = doc
    article.sentences = sentences_of(doc, [])
    article.mentions = known_mentions(text)
    return article


#: Publication date of the stories the whole-pipeline event tests write.
ON = date(2023, 6, 13)


def coded_with_negation(pipeline: Pipeline, text: str) -> set[tuple[str | None, str | None, str, bool]]:
    """(source code, target code, CAMEO, negated) of every event the whole pipeline codes in ``text``."""
    article = pipeline.process_text(text, published=ON)
    return {
        (
            event.source.code if event.source else None,
            event.target.code if event.target else None,
            event.cameo,
            event.negated,
        )
        for event in article.events
    }


def coded(pipeline: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO) of every event the whole pipeline codes in ``text``."""
    return {(source, target, cameo) for source, target, cameo, _ in coded_with_negation(pipeline, text)}


def mention_codes(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    """Each mention's words → the actor code the whole pipeline gave it."""
    article = pipeline.process_text(text, published=ON)
    return {mention.text: mention.actor.code if mention.actor else None for mention in article.mentions}
