"""Who a speaker mention stands for: a named person or organisation, and its actor code.

The actors stage resolves mentions (names, pronouns, role nouns and "the message" back to
their antecedents), and :func:`eventwire.actors.mention_for_span` is asked first. It answers
only for mentions that resolve to an actor code; for everyone else (the many people quoted who
are in no dictionary) the speaker is tracked the way a reader tracks it through a story: a
surname stands for the full name used earlier ("Clarke" → "Tom Clarke"), and "he", "she" or a
role noun ("the diplomat") for the speaker last named before it.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable

from spacy.tokens import Token

from eventwire.actors import mention_for_span
from eventwire.model import Article, Speaker
from eventwire.quotes.attribution import Cue, Parse

#: Pronouns that stand for one person; other pronouns ("it", "they") are left to the actors stage.
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})

#: Determiners that make a role noun point back to someone already in the story.
DEFINITE = frozenset({"the", "this", "that"})

#: How many paragraphs back a role noun may find its running speaker.
RUNNING_SPEAKER_PARAGRAPHS = 2


class SpeakerResolver:
    """Resolves speaker spans in text order, remembering who has spoken and been named."""

    def __init__(self, article: Article, parse: Parse, outside_quotes: Callable[[int], bool]) -> None:
        self.article = article
        self.parse = parse
        full_names = [
            " ".join(token.text for token in entity if token.pos_ == "PROPN")
            for entity in parse.doc.ents
            if entity.label_ == "PERSON"
        ]
        #: Surname → the full name first written with it ("clarke" → "Tom Clarke").
        self.by_surname: dict[str, str] = {}
        for name in full_names:
            if len(name.split()) >= 2:
                self.by_surname.setdefault(name.split()[-1].lower(), name)
        #: (offset, name) of every mention of a known person outside quotes, in text order.
        self.timeline: list[tuple[int, str]] = sorted(
            (token.idx, self.by_surname[token.lower_])
            for token in parse.doc
            if token.lower_ in self.by_surname and token.pos_ == "PROPN" and outside_quotes(token.idx)
        )
        #: (paragraph, name) of resolved speakers, in text order.
        self.speakers: list[tuple[int, str]] = []
        self.codes = {
            key: mention.actor.code
            for mention in article.mentions
            if mention.actor is not None
            for key in (mention.person, mention.text)
            if key
        }

    def resolve(self, cue: Cue, paragraph: int) -> Speaker | None:
        """The speaker of ``cue`` (None when the cue names none); call in text order."""
        if cue.speaker is None or cue.speaker_head is None:
            return None
        start, end = cue.speaker
        name: str | None
        code: str | None
        mention = mention_for_span(self.article, start, end)
        if mention is not None and mention.actor is not None:
            name, code = mention.person or mention.actor.name, mention.actor.code
        else:
            name = self._from_text(self.parse.doc[cue.speaker_head], start, paragraph)
            code = self.codes.get(name) if name else None
        if name is not None:
            self.speakers.append((paragraph, name))
            insort(self.timeline, (start, name))
        return Speaker(text=self.article.text[start:end], name=name, code=code, start=start, end=end)

    def _from_text(self, head: Token, offset: int, paragraph: int) -> str | None:
        if head.lower_ in PERSONAL_PRONOUNS:
            position = bisect_left(self.timeline, (offset, ""))
            return self.timeline[position - 1][1] if position else None
        if head.pos_ == "PROPN":
            return self.by_surname.get(head.lower_) or _proper_name(head)
        if head.pos_ == "NOUN" and any(child.lower_ in DEFINITE for child in head.lefts):
            recent = [
                name for said_in, name in self.speakers if paragraph - said_in <= RUNNING_SPEAKER_PARAGRAPHS
            ]
            return recent[-1] if recent else None
        return None


def _proper_name(head: Token) -> str:
    """The name a proper-noun head belongs to: its entity, else its run of proper nouns."""
    if head.ent_type_:
        entity = next(ent for ent in head.doc.ents if ent.start <= head.i < ent.end)
        return entity.text.removesuffix("’s").removesuffix("'s")
    first = head
    while (
        first.i > 0
        and head.doc[first.i - 1].pos_ == "PROPN"
        and head.doc[first.i - 1].dep_ in ("compound", "flat")
    ):
        first = head.doc[first.i - 1]
    return head.doc[first.i : head.i + 1].text
