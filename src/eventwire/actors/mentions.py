"""Find the actor mentions of a parsed article and link pronouns and role nouns to persons.

Mentions come from three places, in this order (a later one is dropped when it overlaps an
earlier resolved one): noun chunks, extended over an "of/in/from" phrase when the chunk alone
names no country ("the governments | of Syria and Iraq"); named entities (PERSON, ORG, GPE,
NORP, LOC, FAC) outside those chunks; third-person pronouns. A phrase naming several actors
("Syria and Iraq" in one chunk, "the governments of Syria and Iraq") gives one mention per
actor, all with the phrase's offsets.

Coreference is a left-to-right heuristic (coreferee needs a model download, so it is not used):

* a name already introduced is the same person: "Meshkov" after "Alexey Meshkov" (by surname
  or full name), with the same code, even when the dictionary does not know them;
* "he"/"she"/"him"/"her"/"they"/"them" take the nearest preceding person of a compatible gender
  (from the dictionary, the first-name list, or unknown) within ``PRONOUN_WINDOW`` sentences;
  "they"/"them" take the nearest preceding plural or collective actor instead;
* a role noun without a name ("the diplomat", "the Russian foreign minister", "the minister")
  takes the nearest preceding person whose titles in this article are compatible: the same head
  noun with the same qualifiers ("deputy" must match: a deputy foreign minister is not "the
  foreign minister"), or any diplomatic title for "the diplomat"; the country must agree;
* "the message" (statement, letter…) takes the person of the last "message … of PERSON";
* a sector-only actor of a domestic-conflict sector ("the moderate opposition": OPP) takes the
  country of the nearest preceding place the same paragraph locates things in ("in Syria") —
  the country is only given when the context names one; otherwise the code stays "OPP".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span

from eventwire.actors.lexicon import fold, key_of, tokenize
from eventwire.actors.resolve import LOCATIVE_PREPOSITIONS, Resolution, Resolver
from eventwire.model import Actor, Article, Mention

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p"}
#: How many sentences back a pronoun may reach for its antecedent.
PRONOUN_WINDOW = 4
#: Nouns for something a person said or wrote: "the message" speaks for its author.
COMMUNICATION_NOUNS = frozenset({"message", "statement", "letter", "note", "address", "speech", "communique"})
#: How many paragraphs back "the message" may look for the message's author.
MESSAGE_WINDOW = 3
#: Sectors that are about a country's internal conflict: their country comes from the place.
CONTEXT_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "UAF", "CVL", "REF"})
#: Title words that make a different office ("deputy foreign minister" is not "foreign minister").
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "junior", "acting", "first", "under", "senior"})
DIPLOMATIC_WORDS = frozenset(
    {"minister", "ambassador", "envoy", "diplomat", "consul", "foreign", "secretary"}
)
GENERIC_ROLES = frozenset({"official", "leader", "spokesman", "spokeswoman", "spokesperson", "aide"})


@dataclass(slots=True)
class _Candidate:
    """A mention under construction, with what coreference needs to know about it."""

    mention: Mention
    resolution: Resolution
    sentence: int
    paragraph: int
    locative: bool = False
    pronoun: str | None = None
    communication: bool = False
    titles: list[tuple[str, ...]] = field(default_factory=list)
    governors: frozenset[str] = frozenset()
    """Lemmas of the words the mention depends on ("Lavrov" in "a message of … Lavrov": message)."""


@dataclass(slots=True)
class _Person:
    """A person introduced in the article: their actor, gender and titles seen so far."""

    name: str
    actor: Actor | None
    gender: str | None
    titles: set[tuple[str, ...]] = field(default_factory=set)
    last_index: int = 0


def find_mentions(article: Article, resolver: Resolver) -> list[Mention]:
    """All actor mentions of ``article`` (which must be parsed), sorted by start, linked."""
    doc: Doc = article.doc
    day = article.published
    sentence_of = _sentence_index(article)
    candidates: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < other_end and other_start < end for other_start, other_end in taken)

    for chunk in doc.noun_chunks:
        span = _clip_to_line(chunk)
        if span is None or overlaps(span.start_char, span.end_char):
            continue
        if span.root.tag_ in ("PRP", "WP", "WDT", "EX") or span.root.lower_ in PRONOUNS:
            continue
        span, resolutions = _resolve_span(span, resolver, day)
        if not any(resolution.actor or resolution.role_noun for resolution in resolutions):
            if _is_communication(span):
                pass
            elif (modifier := _actor_modifier(span, resolver, day)) is not None:
                span, resolutions = modifier
            else:
                continue
        pieces = _conjunct_spans(span) if len(resolutions) > 1 else [span]
        if len(pieces) != len(resolutions):
            pieces = [span] * len(resolutions)
        for piece, resolution in zip(pieces, resolutions, strict=True):
            candidates.append(_candidate(article, piece, "NP", resolution, sentence_of))
        taken.append((span.start_char, span.end_char))
    for entity in doc.ents:
        if entity.label_ not in ENTITY_LABELS or overlaps(entity.start_char, entity.end_char):
            continue
        for resolution in resolver.resolve_words([token.text for token in entity], day, _is_locative(entity)):
            candidates.append(_candidate(article, entity, entity.label_, resolution, sentence_of))
        taken.append((entity.start_char, entity.end_char))
    for token in doc:
        if (
            token.lower_ in PRONOUNS
            and token.tag_ in ("PRP", "PRP$")
            and not overlaps(token.idx, token.idx + len(token))
        ):
            candidate = _candidate(article, doc[token.i : token.i + 1], "PRON", Resolution(None), sentence_of)
            candidate.pronoun = PRONOUNS[token.lower_]
            candidates.append(candidate)
    candidates.sort(key=lambda candidate: (candidate.mention.start, candidate.mention.end))
    _link(candidates, resolver)
    return [candidate.mention for candidate in candidates]


def _candidate(
    article: Article, span: Span, label: str, resolution: Resolution, sentence_of: dict[int, tuple[int, int]]
) -> _Candidate:
    sentence, paragraph = sentence_of.get(span.start_char, (0, 0))
    mention = Mention(
        span.text, span.start_char, span.end_char, label, resolution.actor, None, resolution.person
    )
    governors = frozenset(token.lemma_.lower() for token in span.root.ancestors)
    return _Candidate(
        mention,
        resolution,
        sentence,
        paragraph,
        _is_locative(span),
        None,
        _is_communication(span),
        _titles([token.text for token in span]),
        governors,
    )


def _resolve_span(span: Span, resolver: Resolver, day: date | None) -> tuple[Span, list[Resolution]]:
    """Resolve a noun chunk, extending it over "of/in/from …" when it names no country itself."""
    locative = _is_locative(span)
    resolutions = resolver.resolve_words([token.text for token in span], day, locative)
    unanchored = [resolution for resolution in resolutions if resolution.actor and resolution.sector_only]
    if not unanchored:
        return span, resolutions
    for child in span.root.rights:
        if child.dep_ == "prep" and child.lower_ in ({"of"} | LOCATIVE_PREPOSITIONS):
            end = max(token.i for token in child.subtree) + 1
            extended = span.doc[span.start : end]
            if "\n" in extended.text:
                break
            longer = resolver.resolve_words([token.text for token in extended], day, locative)
            if any(resolution.actor and not resolution.sector_only for resolution in longer):
                return extended, longer
    return span, resolutions


def _actor_modifier(span: Span, resolver: Resolver, day: date | None) -> tuple[Span, list[Resolution]] | None:
    """The actor inside a chunk whose head is not one: the possessor in "President Assad's
    failure", the modifier in "Israeli police custody"."""
    for token in reversed(span[:-1]):
        if token.tag_ == "POS" or (token.dep_ == "compound" and token.i > span.start):
            end = token.i if token.tag_ == "POS" else token.i + 1
            if end <= span.start:
                continue
            part = span.doc[span.start : end]
            resolutions = resolver.resolve_words([word.text for word in part], day, _is_locative(span))
            if any(resolution.actor for resolution in resolutions):
                return part, resolutions
    return None


def _conjunct_spans(span: Span) -> list[Span]:
    """The conjuncts of a phrase ("US | British forces"), split at "and", "or" and commas."""
    pieces: list[Span] = []
    start = span.start
    for token in span:
        if token.lower_ in ("and", "or", ",", "&"):
            if token.i > start:
                pieces.append(span.doc[start : token.i])
            start = token.i + 1
    if start < span.end:
        pieces.append(span.doc[start : span.end])
    return pieces


def _clip_to_line(span: Span) -> Span | None:
    """The part of a noun chunk on the root's line (chunks sometimes run over headlines)."""
    start, end = span.start, span.end
    for token in span:
        if "\n" in token.text_with_ws:
            if token.i < span.root.i:
                start = token.i + 1
            elif token.i >= span.root.i:
                end = min(end, token.i + (0 if token.is_space else 1))
    clipped = span.doc[start:end]
    return clipped if len(clipped) and clipped.root.i == span.root.i else None


def _is_locative(span: Span) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS


def _is_communication(span: Span) -> bool:
    return span.root.lemma_.lower() in COMMUNICATION_NOUNS and span[0].lower_ == "the"


def _titles(surface: list[str]) -> list[tuple[str, ...]]:
    """The title keys in a mention ("deputy foreign minister"), for role-noun coreference."""
    words = [fold(word) for word in surface]
    titles: list[tuple[str, ...]] = []
    for position, word in enumerate(words):
        if word in (
            "minister",
            "ambassador",
            "president",
            "diplomat",
            "envoy",
            "secretary",
            "spokesman",
            "spokeswoman",
            "chancellor",
            "premier",
            "official",
            "leader",
            "general",
            "commander",
            "king",
        ):
            start = position
            while (
                start > 0
                and words[start - 1].isalpha()
                and words[start - 1] not in ("the", "a", "an")
                and surface[start - 1][:1].islower() == surface[position][:1].islower()
            ):
                start -= 1
            titles.append(tuple(words[start : position + 1]))
    return titles


def _sentence_index(article: Article) -> dict[int, tuple[int, int]]:
    """Character offset -> (sentence number, paragraph) for every token start."""
    index: dict[int, tuple[int, int]] = {}
    sentences = article.sentences
    position = 0
    for token in article.doc:
        while position + 1 < len(sentences) and token.idx >= sentences[position].end:
            position += 1
        sentence = sentences[position] if sentences else None
        index[token.idx] = (position, sentence.paragraph if sentence else 0)
    return index


# --- coreference ----------------------------------------------------------------------------


def _link(candidates: list[_Candidate], resolver: Resolver) -> None:
    persons: dict[str, _Person] = {}
    surnames: dict[str, str] = {}
    places: list[tuple[int, str, int]] = []  # (paragraph, country, sentence) of locative places
    for index, candidate in enumerate(candidates):
        mention, resolution = candidate.mention, candidate.resolution
        if candidate.pronoun:
            _link_pronoun(index, candidate, candidates, persons)
            continue
        if candidate.communication and mention.actor is None:
            _link_message(index, candidate, candidates)
            continue
        known = _introduced(mention.text, persons, surnames)
        if known is not None and (mention.actor is None or mention.person in (None, known.name)):
            mention.person, mention.actor = known.name, known.actor
            known.last_index = index
            continue
        if mention.person:
            person = persons.setdefault(
                mention.person, _Person(mention.person, mention.actor, resolution.gender)
            )
            person.titles.update(candidate.titles)
            person.actor = mention.actor or person.actor
            person.last_index = index
            for word in (mention.person.split()[-1], mention.person):
                surnames.setdefault(fold(word), mention.person)
            continue
        if resolution.role_noun:
            _link_role_noun(index, candidate, candidates, persons)
            continue
        if (
            candidate.locative
            and mention.actor is not None
            and mention.actor.country
            and not mention.actor.sector
        ):
            places.append((candidate.paragraph, mention.actor.country, candidate.sentence))
    _give_context_countries(candidates, resolver)


def _give_context_countries(candidates: list[_Candidate], resolver: Resolver) -> None:
    """A sector-only actor takes the country of the nearest state actor in its sentence; one of
    a domestic-conflict sector, failing that, the last place its paragraph locates things in."""
    for candidate in candidates:
        actor = candidate.mention.actor
        if actor is None or actor.code != actor.sector or not actor.sector:
            continue
        same_sentence = [
            other
            for other in candidates
            if other.sentence == candidate.sentence
            and other.mention.actor is not None
            and other.mention.actor.country
            and other is not candidate
        ]
        country = None
        if same_sentence:
            nearest = min(same_sentence, key=lambda other: abs(other.mention.start - candidate.mention.start))
            country = nearest.mention.actor.country  # type: ignore[union-attr]
        elif actor.sector in CONTEXT_SECTORS:
            country = next(
                (
                    other.mention.actor.country  # type: ignore[union-attr]
                    for other in reversed(candidates[: candidates.index(candidate)])
                    if other.paragraph == candidate.paragraph
                    and other.locative
                    and other.mention.actor is not None
                    and other.mention.actor.country
                    and not other.mention.actor.sector
                ),
                None,
            )
        if country is not None:
            located = resolver.actor_from_code(country + actor.sector)
            candidate.mention.actor = replace(located, name=candidate.mention.person or located.name)


def _introduced(text: str, persons: dict[str, _Person], surnames: dict[str, str]) -> _Person | None:
    """The person a bare name refers to, if the article introduced them ("Meshkov")."""
    words = [word for word in tokenize(text) if word not in ("'s", "’s")]
    if not words or not words[0][:1].isupper():
        return None
    name = surnames.get(" ".join(key_of(words))) or surnames.get(fold(words[-1])) if len(words) <= 3 else None
    return persons.get(name) if name else None


def _link_pronoun(
    index: int, candidate: _Candidate, candidates: list[_Candidate], persons: dict[str, _Person]
) -> None:
    for position in range(index - 1, -1, -1):
        other = candidates[position]
        if candidate.sentence - other.sentence > PRONOUN_WINDOW:
            return
        if other.pronoun or other.mention.actor is None:
            continue
        if candidate.pronoun == "p":
            if other.mention.person is None and other.mention.label != "PRON":
                _corefer(candidate, position, other.mention.actor, None)
                return
            continue
        if other.mention.person is None:
            continue
        person = persons.get(other.mention.person)
        gender = person.gender if person else other.resolution.gender
        if gender in (None, candidate.pronoun):
            _corefer(candidate, position, other.mention.actor, other.mention.person)
            return


def _link_role_noun(
    index: int, candidate: _Candidate, candidates: list[_Candidate], persons: dict[str, _Person]
) -> None:
    actor = candidate.mention.actor
    for position in range(index - 1, -1, -1):
        other = candidates[position]
        if other.mention.person is None or other.pronoun:
            continue
        person = persons.get(other.mention.person)
        if person is None or not _compatible(candidate.titles, person, actor):
            continue
        _corefer(candidate, position, person.actor, person.name)
        return


def _compatible(titles: list[tuple[str, ...]], person: _Person, actor: Actor | None) -> bool:
    """Whether a role noun's title fits a person's titles (and country) in this article."""
    if (
        actor is not None
        and actor.country
        and person.actor is not None
        and person.actor.country != actor.country
    ):
        return False
    if not titles:
        return False
    wanted = titles[-1]
    head, qualifiers = wanted[-1], set(wanted[:-1])
    for title in person.titles:
        if head == "diplomat" and DIPLOMATIC_WORDS & set(title):
            return True
        if head in GENERIC_ROLES:
            return True
        if title[-1] != head:
            continue
        ranks = set(title) & RANK_WORDS
        if ranks == qualifiers & RANK_WORDS and (qualifiers - RANK_WORDS) <= set(title):
            return True
    return False


def _link_message(index: int, candidate: _Candidate, candidates: list[_Candidate]) -> None:
    """ "The message said…": the person of the last "a message … of PERSON" before it."""
    noun = fold(tokenize(candidate.mention.text)[-1])
    for position in range(index - 1, -1, -1):
        other = candidates[position]
        if candidate.paragraph - other.paragraph > MESSAGE_WINDOW:
            return
        # "The message" again: the same author as the last one.
        repeated = other.communication and fold(tokenize(other.mention.text)[-1]) == noun
        if repeated and other.mention.person and other.mention.antecedent is not None:
            _corefer(candidate, other.mention.antecedent, other.mention.actor, other.mention.person)
            return
        if other.mention.person and not other.pronoun and noun in other.governors:
            _corefer(candidate, position, other.mention.actor, other.mention.person)
            return


def _corefer(candidate: _Candidate, antecedent: int, actor: Actor | None, person: str | None) -> None:
    candidate.mention.antecedent = antecedent
    candidate.mention.actor = replace(actor) if actor is not None else None
    candidate.mention.person = person
