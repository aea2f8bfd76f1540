"""Actors: resolve every "who" in an article to a CAMEO-style code.

The stage fills ``article.mentions`` (see :mod:`eventwire.actors.mentions` for what counts as a
mention and how pronouns and role nouns are linked); :mod:`eventwire.actors.resolve` holds the
phrase rules and :mod:`eventwire.actors.lexicon` the dictionaries (YAML in
``eventwire/data/actors/``, extended with ``--dict FILE``).

Functions later stages call:

* :func:`resolve_phrase` — one phrase to an actor (default dictionaries; a :class:`Resolver`
  carries user dictionaries);
* :func:`mention_for_span` — the actor mention that best stands for a span (a verb's subject);
* :func:`mentions_in` — every mention inside a span;
* :func:`is_generic_noun` — whether a noun only makes a phrase an actor ("group", "party");
* :func:`state_of_capital` — the state a capital or seat of government stands for.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from eventwire.actors.mentions import find_mentions
from eventwire.actors.resolve import Resolution, Resolver
from eventwire.config import Settings
from eventwire.model import Actor, Article, Mention
from eventwire.pipeline import PerArticleStage, register_stage

__all__ = [
    "ActorsStage",
    "Resolution",
    "Resolver",
    "actor_from_code",
    "is_generic_noun",
    "mention_for_span",
    "mentions_in",
    "resolve_phrase",
    "state_of_capital",
]

_default_resolver: Resolver | None = None


def default_resolver() -> Resolver:
    """The resolver with only the shipped dictionaries, built once per process."""
    global _default_resolver
    if _default_resolver is None:
        _default_resolver = Resolver()
    return _default_resolver


def resolve_phrase(text: str, on: date | None = None) -> Actor | None:
    """The actor ``text`` names on date ``on`` (today when None), or None if it is not an actor.

    A phrase naming several actors ("Syria and Iraq") gives the first; use
    ``Resolver().resolve_all`` for all of them.
    """
    return default_resolver().resolve(text, on)


def actor_from_code(code: str, name: str | None = None) -> Actor:
    """An :class:`Actor` for a bare code ("SYRMIL" -> country SYR, sector MIL)."""
    return default_resolver().actor_from_code(code, name)


def is_generic_noun(lemma: str) -> bool:
    """Whether ``lemma`` is a generic agent noun of the shipped dictionaries: it makes a phrase
    an actor without giving a sector ("all Libyan *parties*", "the Russian *side*")."""
    entry = default_resolver().lexicon.agents.get(lemma.lower())
    return entry is not None and entry[0] == ""


@lru_cache(maxsize=1024)
def state_of_capital(text: str) -> str | None:
    """The country code of the state whose capital or seat ``text`` is ("Pristina" -> XKX), else
    None. A capital speaks for the government ("Moscow said": RUSGOV), but read as a place it is
    the state itself, which is how a capital's material acts are coded ("Pristina deployed
    police": XKX), like a named state's."""
    resolutions = default_resolver().resolve_all(text, locative=True)
    if len(resolutions) != 1 or resolutions[0].actor is None:
        return None
    actor = resolutions[0].actor
    capital = default_resolver().resolve(text)
    if capital is None or capital.code != f"{actor.code}GOV" or actor.code != actor.country:
        return None
    return actor.code


def mentions_in(article: Article, start: int, end: int) -> list[Mention]:
    """The mentions lying inside ``[start, end)``, in text order."""
    return [mention for mention in article.mentions if start <= mention.start and mention.end <= end]


def mention_for_span(article: Article, start: int, end: int) -> Mention | None:
    """The resolved mention that best stands for the span ``[start, end)``.

    Preference: a mention containing the span's syntactic head (when the article still holds
    its parse), else the leftmost resolved mention inside the span, else a resolved mention
    covering the whole span. A pronoun or role noun gives its resolved antecedent's actor
    (the stage copies it onto the mention; ``antecedent`` says where it came from).
    """
    inside = [mention for mention in mentions_in(article, start, end) if _resolved(article, mention)]
    head = _syntactic_head(article, start, end)
    if head is not None:
        for mention in inside:
            if mention.start <= head < mention.end:
                return _followed(article, mention)
    if inside:
        return _followed(article, inside[0])
    covering = [m for m in article.mentions if m.start <= start and end <= m.end and _resolved(article, m)]
    return _followed(article, covering[0]) if covering else None


def _resolved(article: Article, mention: Mention) -> bool:
    return _followed(article, mention).actor is not None


def _followed(article: Article, mention: Mention) -> Mention:
    """The mention itself if resolved, else its antecedent chain's resolved mention."""
    seen: set[int] = set()
    current = mention
    while current.actor is None and current.antecedent is not None and current.antecedent not in seen:
        seen.add(current.antecedent)
        current = article.mentions[current.antecedent]
    return current if current.actor is not None else mention


def _syntactic_head(article: Article, start: int, end: int) -> int | None:
    """Character offset of the head token of the span, if the parse is still attached."""
    if article.doc is None:
        return None
    span = article.doc.char_span(start, end, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else None


@register_stage("actors")
class ActorsStage(PerArticleStage):
    """Assign ``article.mentions``: every actor-like mention, resolved and linked."""

    name = "actors"

    def __init__(self, settings: Settings) -> None:
        self.resolver = Resolver(settings.dictionaries)

    def __call__(self, article: Article) -> None:
        article.mentions = find_mentions(article, self.resolver)
