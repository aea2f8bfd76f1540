"""Find the actor mentions of a parsed article and link pronouns and role nouns to persons.

Mentions come from three places, in this order (a later one is dropped when it overlaps an
earlier resolved one): noun chunks, extended over an "of/in/from" phrase when the chunk alone
names no country ("the governments | of Syria and Iraq") or when chunk and phrase together are
an organisation's name ("The U.S. Agency | for International Development"); named entities
(PERSON, ORG, GPE, NORP, LOC, FAC) outside those chunks; third-person pronouns. A phrase naming
several actors ("Syria and Iraq" in one chunk, "the governments of Syria and Iraq") gives one
mention per actor, all with the phrase's offsets.

Coreference is a left-to-right heuristic (coreferee needs a model download, so it is not used):

* a name in apposition to a role noun is the role's holder ("his Egyptian counterpart Sameh
  Shoukry": EGYGOV), so the name is introduced with the role's code;
* a name already introduced is the same person: "Meshkov" after "Alexey Meshkov" (by surname
  or full name), with the same code, even when the dictionary does not know them;
* "he"/"she"/"him"/"her" take the nearest preceding person of a compatible gender (from the
  dictionary, the first-name list, or unknown) within ``PRONOUN_WINDOW`` sentences; an object
  "him"/"her" may also take an unnamed official ("summoned the ambassador and handed *him* a
  note");
* "it"/"its"/"they"/"their" stand for organisations, states, bodies and groups, never persons,
  by salience (:func:`_nonperson_antecedent`): a possessive takes its own clause's subject
  ("urged Togo to withdraw *its* troops"; after a person subject the actor after it: "Shoukry
  thanked Russia for *its* position"), a subject pronoun the nearest earlier subject of the
  right number - and nothing when that subject is a thing ("The bridge was painted. Critics say
  *it* is ugly") - and an object pronoun only the actor right before it;
* "its troops", "their leaders" take their owner from the pronoun ("Turkey ... its forces" ->
  TURMIL; "the Taliban ... its fighters" -> AFGREB);
* an unresolved "the X" repeats the nearest earlier actor whose head noun is X ("The coalition"
  after "the Saudi-led coalition");
* a role noun without a name ("the diplomat", "the Russian foreign minister", "the minister")
  takes the nearest preceding person whose titles in this article are compatible: the same head
  noun with the same qualifiers ("deputy" must match: a deputy foreign minister is not "the
  foreign minister"), or any diplomatic title for "the diplomat"; the country must agree;
* "the message" (statement, letter…) takes the person of the last "message … of PERSON";
* a sector-only actor gets a country only from context that says where it belongs
  (:func:`_give_context_countries`): a state institution ("the army", "police", "Prime Minister
  X") the article's country (the dateline's and the body's, :func:`_article_country`); another
  sector the nearest state actor of its sentence, else the place its paragraph locates things in
  ("in Syria"); "rebels" never take the article's country alone, so "the moderate opposition"
  with no place named stays "OPP". Before that, a dateline town placed in another country
  ("PARIS, Texas") moves the body's mentions of that town there (:func:`_relocate_dateline_town`),
  and a foreign capital's namesake in the article's country ("Tripoli" in a story from
  Lebanon) is that country's town (:func:`_relocate_homonyms`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from eventwire.actors.lexicon import fold, key_of, singular, tokenize
from eventwire.actors.resolve import (
    GROUP_HEADS,
    LOCATIVE_PREPOSITIONS,
    PLACING_PARTICIPLES,
    SPOKESPEOPLE,
    STATE_FORCES,
    STATE_SECTORS,
    Resolution,
    Resolver,
)
from eventwire.geo.gazetteer import Location, default_gazetteer, place_key
from eventwire.model import Actor, Article, Mention

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Entity types that name places: one the dictionaries do not know still locates its sentence.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PRONOUNS = {
    "he": "m",
    "him": "m",
    "she": "f",
    "her": "f",
    "they": "p",
    "them": "p",
    "their": "p",
    "it": "n",
    "its": "n",
}
#: Pronouns for things and bodies ("it", "its") and for groups ("they", "their"): their
#: antecedent is an organisation, a state, a government body or a group, never a person.
NONPERSON_KINDS = frozenset({"n", "p"})
OBJECT_PRONOUNS = frozenset({"him", "her"})
#: Possessive determiners that give a sector-only phrase its owner ("its troops", "their leaders").
POSSESSIVE_PRONOUNS = {"its": "n", "their": "p"}
#: Entity types that are never what "it" stands for ("said on *Tuesday* it had ...").
NOT_ANTECEDENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How many sentences back a pronoun may reach for its antecedent.
PRONOUN_WINDOW = 4
#: Nouns for something a person said or wrote: "the message" speaks for its author.
COMMUNICATION_NOUNS = frozenset({"message", "statement", "letter", "note", "address", "speech", "communique"})
#: How many paragraphs back "the message" may look for the message's author.
MESSAGE_WINDOW = 3
#: Sectors that are about a country's internal conflict: their country comes from the place.
CONTEXT_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "UAF", "CVL", "REF"})
#: How many body mentions a dateline is worth when the body also names its country.
DATELINE_WEIGHT = 3
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
    root: int = 0
    """Token index of the phrase's syntactic head."""
    first: int = 0
    """Token index of the phrase's first word."""
    subject: bool = False
    """The phrase is the subject of its clause: the salient antecedent for a later "it"/"they"."""
    plural: bool = False
    """A plural common noun ("border guards"): "they" may stand for it, "it" may not."""
    definite: bool = False
    """An unresolved "the X": it may repeat an earlier actor whose head noun is X."""
    possessor: str | None = None
    """ "n"/"p" when the phrase opens with "its"/"their" ("its troops"): the owner is the
    antecedent of that pronoun."""


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
    # read once: spaCy rebuilds doc.ents on every access
    entities = [entity for entity in doc.ents if entity.label_ in ENTITY_LABELS]

    def overlaps(start: int, end: int) -> bool:
        return any(start < other_end and other_start < end for other_start, other_end in taken)

    for chunk in _split_possessed_conjuncts(_with_split_demonyms(_with_swallowed_heads(doc), resolver)):
        span = _clip_to_line(chunk)
        if span is None or overlaps(span.start_char, span.end_char):
            continue
        if span.root.tag_ in ("PRP", "WP", "WDT", "EX") or span.root.lower_ in PRONOUNS:
            continue
        span = _without_leading_place(span)
        span, resolutions = _resolve_span(span, resolver, day)
        definite = False
        if not any(resolution.actor or resolution.role_noun for resolution in resolutions):
            if _is_communication(span):
                pass
            elif (modifier := _actor_modifier(span, resolver, day)) is not None:
                span, resolutions = modifier
            elif (
                span[0].lower_ == "the"
                and span.root.pos_ == "NOUN"
                and not _names_an_actor_inside(span, entities, resolver, day)
            ):
                definite = True  # "The coalition": maybe "the Saudi-led coalition" again
            else:
                continue  # "The U.N. humanitarian coordinator": the entity inside may be one
        pieces = _conjunct_spans(span) if len(resolutions) > 1 else [span]
        if len(pieces) != len(resolutions):
            pieces = [span] * len(resolutions)
        for piece, resolution in zip(pieces, resolutions, strict=True):
            candidate = _candidate(article, piece, "NP", resolution, sentence_of)
            # "The ministry": a definite description names the body the story introduced
            # ("the Armenian Defense Ministry said. *The ministry* accused ..."), so it is linked
            # like an unknown "the X" before any context country is guessed for it (a role noun,
            # "the minister", is linked to a person instead)
            candidate.definite = definite or (
                resolution.sector_only
                and not resolution.role_noun
                and span.root.pos_ == "NOUN"
                and _is_bare_definite(candidate, doc)
            )
            candidates.append(candidate)
        taken.append((span.start_char, span.end_char))
    for entity in entities:
        if overlaps(entity.start_char, entity.end_char) or _short_name_of_another(entity, resolver):
            continue
        for resolution in resolver.resolve_words(_words(entity), day, _is_locative(entity)):
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
    _link(candidates, resolver, doc, article.dateline_place)
    # an unresolved "the X" was only a guess; no antecedent points at one, so renumber
    kept = [
        index for index, item in enumerate(candidates) if not (item.definite and item.mention.actor is None)
    ]
    renumbered = {old: new for new, old in enumerate(kept)}
    mentions = [candidates[index].mention for index in kept]
    for mention in mentions:
        if mention.antecedent is not None:
            mention.antecedent = renumbered[mention.antecedent]
    return mentions


def _is_bare_definite(candidate: _Candidate, doc: Doc) -> bool:
    """Whether the mention is "the" and its head noun alone ("The official", "the ministry")."""
    return candidate.root == candidate.first + 1 and doc[candidate.first].lower_ == "the"


def _with_swallowed_heads(doc: Doc) -> Iterator[Span]:
    """The noun chunks, with a head noun the chunker dropped put back: in "Democratic Republic of
    Congo troops" the parser makes "Republic" a modifier of "troops", but the chunker yields only
    "Congo" (the object of "of") and no chunk for "troops", whose left edge it has passed. The
    whole modified phrase is the chunk then, so the troops are the DRC's military, not the name
    of a country."""
    chunks = list(doc.noun_chunks)
    covered = {token.i for chunk in chunks for token in chunk}
    for chunk in chunks:
        follower = doc[chunk.end] if chunk.end < len(doc) else None
        if (
            follower is not None
            and follower.pos_ == "NOUN"
            and follower.i not in covered
            and chunk.root.dep_ == "pobj"
            and follower.left_edge.i < chunk.start
            and follower.left_edge.sent == follower.sent
            and not any(follower.left_edge.i <= other.start < chunk.start for other in chunks)
        ):
            yield doc[follower.left_edge.i : follower.i + 1]
        else:
            yield chunk


def _with_split_demonyms(chunks: Iterable[Span], resolver: Resolver) -> Iterator[Span]:
    """The chunks, with a nationality adjective the parser cut off its noun joined back: in
    "accused Azerbaijani forces of ..." it may read "Azerbaijani" as a noun (a first object)
    and "forces" as a second chunk, so that the forces would have no country. A one-word chunk
    that the dictionaries know only as a country adjective, right before a chunk that opens
    with no determiner, is that chunk's modifier."""
    pending: Span | None = None
    for chunk in chunks:
        if pending is not None:
            if chunk.start == pending.end and chunk[0].pos_ in ("NOUN", "ADJ", "PROPN"):
                yield chunk.doc[pending.start : chunk.end]
                pending = None
                continue
            yield pending
            pending = None
        lexemes = resolver.lexicon.lookup([chunk[0].text]) if len(chunk) == 1 else []
        if lexemes and all(lexeme.kind == "adjective" and not lexeme.plural for lexeme in lexemes):
            pending = chunk
        else:
            yield chunk
    if pending is not None:
        yield pending


def _split_possessed_conjuncts(chunks: Iterable[Span]) -> Iterator[Span]:
    """Each chunk, split in two at an "and" that a possessive follows: "Colombia's Ivan Velasquez
    and Venezuela's Vladimir Padrino Lopez" is two possessed phrases. The parser often makes the
    first an attribute of the second's head, and the whole one chunk, so that the first
    possessor's phrase would be read as one actor with the second possessor's name."""
    for chunk in chunks:
        conjunction = next((token for token in chunk if token.dep_ == "cc"), None)
        if (
            conjunction is None
            or conjunction.i == chunk.start
            or not any(token.tag_ == "POS" for token in chunk.doc[conjunction.i + 1 : chunk.end])
            or not any(token.tag_ == "POS" for token in chunk.doc[chunk.start : conjunction.i])
        ):
            yield chunk
            continue
        yield chunk.doc[chunk.start : conjunction.i]
        yield chunk.doc[conjunction.i + 1 : chunk.end]


def _names_an_actor_inside(span: Span, entities: list[Span], resolver: Resolver, day: date | None) -> bool:
    """Whether one of the named ``entities`` inside the chunk resolves on its own ("U.N." in
    "The U.N. humanitarian coordinator"): then the entity is the mention, not the unknown phrase."""
    return any(
        resolution.actor
        for entity in entities
        if span.start <= entity.start and entity.end <= span.end
        for resolution in resolver.resolve_words(_words(entity), day, _is_locative(entity))
    )


def _candidate(
    article: Article, span: Span, label: str, resolution: Resolution, sentence_of: dict[int, tuple[int, int]]
) -> _Candidate:
    sentence, paragraph = sentence_of.get(span.start_char, (0, 0))
    mention = Mention(
        span.text, span.start_char, span.end_char, label, resolution.actor, None, resolution.person
    )
    governors = frozenset(token.lemma_.lower() for token in span.root.ancestors)
    first = span[0]
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
        root=span.root.i,
        first=span.start,
        subject=span.root.dep_ in SUBJECT_DEPS,
        plural=span.root.tag_ == "NNS",
        possessor=POSSESSIVE_PRONOUNS.get(first.lower_) if first.tag_ == "PRP$" and len(span) > 1 else None,
    )


def _resolve_span(span: Span, resolver: Resolver, day: date | None) -> tuple[Span, list[Resolution]]:
    """Resolve a noun chunk, extending it over "of/in/from …" when it names no country itself."""
    locative = _is_locative(span)
    named = _organisation_name(span, resolver)
    if named is not None:  # "The U.S. Agency | for International Development": one name
        return named, resolver.resolve_words(_words(named), day, locative)
    if _short_name_of_another(span, resolver):
        return span, []
    resolutions = resolver.resolve_words(_words(span), day, locative)
    unanchored = [resolution for resolution in resolutions if resolution.actor and resolution.sector_only]
    # "a coalition | of Peruvian rights groups", "members | of the opposition": a generic head
    # names no actor alone; what it is made of says who it is
    generic = not any(resolution.actor for resolution in resolutions) and _generic_head(span, resolver)
    if not unanchored and not generic:
        return span, resolutions
    for child in span.root.rights:
        spoken_for = _spoken_for(span, child, resolver, day)
        if spoken_for is not None:
            return spoken_for
        placing = child.dep_ == "acl" and child.lower_ in PLACING_PARTICIPLES  # "registered in X"
        prepositions = {"of"} if generic else {"of"} | LOCATIVE_PREPOSITIONS
        if (placing and not generic) or (child.dep_ == "prep" and child.lower_ in prepositions):
            end = max(token.i for token in child.subtree) + 1
            extended = span.doc[span.start : end]
            if "\n" in extended.text:
                break
            longer = resolver.resolve_words(_words(extended), day, locative)
            own = {resolution.actor.sector for resolution in unanchored if resolution.actor}
            if any(
                resolution.actor and (not resolution.sector_only or resolution.actor.sector not in own)
                for resolution in longer
            ):
                return extended, longer  # "the governments of Syria", "the leaders of armed groups"
    return span, resolutions


def _generic_head(span: Span, resolver: Resolver) -> bool:
    """Whether the chunk's head is a generic agent noun ("coalition", "members"): it makes a
    phrase an actor without saying which."""
    entry = resolver.lexicon.agents.get(span.root.lemma_.lower()) or resolver.lexicon.agents.get(
        span.root.lower_
    )
    return entry is not None and entry[0] == ""


def _spoken_for(
    span: Span, preposition: Token, resolver: Resolver, day: date | None
) -> tuple[Span, list[Resolution]] | None:
    """A spokesperson "for" a body speaks for it as one "of" it does ("spokesman *for the Afghan
    interim government*"): the extended span, resolved as the body, when it names an actor."""
    if (
        preposition.dep_ != "prep"
        or preposition.lower_ != "for"
        or span.root.lemma_.lower() not in SPOKESPEOPLE
    ):
        return None
    body = next((item for item in preposition.children if item.dep_ == "pobj"), None)
    if body is None:
        return None
    named = span.doc[body.left_edge.i : body.right_edge.i + 1]
    resolutions = resolver.resolve_words(_words(named), day, False)
    if not any(resolution.actor for resolution in resolutions):
        return None
    # still one person's role: a name in apposition takes it ("Zabihullah Mujahid, spokesman for ...")
    return span.doc[span.start : body.right_edge.i + 1], [
        replace(resolution, role_noun=True) for resolution in resolutions
    ]


def _actor_modifier(span: Span, resolver: Resolver, day: date | None) -> tuple[Span, list[Resolution]] | None:
    """The actor inside a chunk whose head is not one: the possessor in "President Assad's
    failure", the modifier in "Israeli police custody"; a sector modifier takes the country of
    the head's "from/of/in" phrase: "Artillery fire from Tajikistan" is Tajik artillery."""
    origin = next(
        (item for item in span.root.rights if item.dep_ == "prep" and item.lower_ in ("from", "of", "in")),
        None,
    )
    # a name no dictionary knows ("The National Human Rights Coordinator") is one organisation:
    # a common noun inside it ("National") is no actor of its own, a country or a name may be
    unknown_name = span.root.ent_type_ == "ORG" and span.root.pos_ == "PROPN"
    for token in reversed(span[:-1]):
        first = token.i == span.start and origin is not None
        # the parser tags the noun "military" in "a Myanmar military air strike" as an adjective
        agent_noun = token.dep_ == "amod" and _armed_body_noun(token, resolver)
        if token.tag_ == "POS" or (
            (token.dep_ == "compound" or agent_noun) and (token.i > span.start or first)
        ):
            end = token.i if token.tag_ == "POS" else token.i + 1
            if end <= span.start:
                continue
            part = span.doc[span.start : end]
            resolutions = resolver.resolve_words(_words(part), day, _is_locative(span))
            if not any(resolution.actor for resolution in resolutions):
                continue
            if unknown_name and all(resolution.sector_only for resolution in resolutions if resolution.actor):
                continue
            if origin is not None and all(
                resolution.sector_only for resolution in resolutions if resolution.actor
            ):
                whole = span.doc[span.start : max(item.i for item in origin.subtree) + 1]
                words = _words(part) + _words(span.doc[origin.i : whole.end])
                placed = resolver.resolve_words(words, day, _is_locative(span))
                if "\n" not in whole.text and any(item.actor and not item.sector_only for item in placed):
                    return whole, placed
            if token.i > span.start:
                return part, resolutions
    return None


#: Kinds of dictionary names the parser may cut in two at a preposition.
_CUT_NAME_KINDS = frozenset({"organisation", "country"})


#: Sectors of the bodies whose noun the parser may read as an adjective ("military", "police").
ARMED_BODY_SECTORS = frozenset({"MIL", "COP", "SPY"})


def _armed_body_noun(token: Token, resolver: Resolver) -> bool:
    """Whether ``token`` is the noun of an armed state body ("military"), not a person's role
    ("national") or a people ("public"), which as adjectives name no one."""
    entry = resolver.lexicon.agents.get(token.lower_)
    return entry is not None and not entry[1] and entry[0] in ARMED_BODY_SECTORS


def _organisation_name(span: Span, resolver: Resolver) -> Span | None:
    """The chunk with its prepositional phrase, when together they are an organisation's or a
    country's name the parser cut in two ("The U.S. Agency" + "for International Development",
    "The Democratic Republic" + "of Congo": not the Republic of the Congo)."""
    for child in span.root.rights:
        if child.dep_ != "prep":
            continue
        extended = span.doc[span.start : max(token.i for token in child.subtree) + 1]
        lexemes = resolver.lexicon.lookup(key_of(_words(extended)))
        if "\n" not in extended.text and any(lexeme.kind in _CUT_NAME_KINDS for lexeme in lexemes):
            return extended
    return None


def _short_name_of_another(span: Span, resolver: Resolver) -> bool:
    """An organisation's short name that goes on with "of" and a proper name into a name no
    dictionary knows: "The Commonwealth | of Pennsylvania" is a US state, not the Commonwealth
    of Nations (the known long names were taken by :func:`_organisation_name`)."""
    of = next((child for child in span.root.rights if child.dep_ == "prep" and child.lower_ == "of"), None)
    if of is None or not any(child.dep_ == "pobj" and child.pos_ == "PROPN" for child in of.children):
        return False
    whole = span.doc[span.start : max(span.end, of.right_edge.i + 1)]
    if any(lexeme.kind in _CUT_NAME_KINDS for lexeme in resolver.lexicon.lookup(key_of(_words(whole)))):
        return False
    short = span.doc[span.start : of.i]
    return any(lexeme.kind == "organisation" for lexeme in resolver.lexicon.lookup(key_of(_words(short))))


def _words(span: Span) -> list[str]:
    """The span's words as the dictionaries split them: spaCy splits "al-Qaeda" in three, the
    dictionary key is one word."""
    return tokenize(span.text)


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


def _without_leading_place(span: Span) -> Span:
    """ "the Center ... in | Syria Rear Admiral Vadim Kulikov said": the parser often chunks the
    object of "in" together with the titled name after it. A person is never the object of a
    locative preposition, so the place that opens such a chunk is the preposition's object and
    the rest is the person ("Rear Admiral Vadim Kulikov", whose country comes from elsewhere).
    A possessive ("in Syria's President Assad") keeps the place: it says whose president."""
    first = span[0]
    if (
        len(span) < 3
        or first.ent_iob_ != "B"
        or first.ent_type_ not in ("GPE", "LOC")
        or span.root.ent_type_ != "PERSON"
        or not _is_locative(span)
    ):
        return span
    end = span.start + 1
    while end < span.end and span.doc[end].ent_iob_ == "I":
        end += 1
    if end >= span.end or span.doc[end].tag_ == "POS":
        return span
    return span.doc[end : span.end]


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


def _is_locative(span: Span, through_conjunction: bool = False) -> bool:
    root = span.root
    while through_conjunction and root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS


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


def _link(candidates: list[_Candidate], resolver: Resolver, doc: Doc, dateline: str | None) -> None:
    persons: dict[str, _Person] = {}
    surnames: dict[str, str] = {}
    _name_role_holders(candidates, doc)
    _name_described_groups(candidates, doc)
    _name_by_acronym(candidates, doc)
    _ranks_of_the_service(candidates, resolver, doc)
    _speak_for_named_groups(candidates)
    _organisation_seats(candidates, resolver)
    for index, candidate in enumerate(candidates):
        mention, resolution = candidate.mention, candidate.resolution
        if candidate.pronoun in NONPERSON_KINDS:
            _link_nonperson(index, candidate, candidates, resolver, doc)
            continue
        if candidate.pronoun:
            _link_pronoun(index, candidate, candidates, persons)
            continue
        if candidate.communication and mention.actor is None:
            _link_message(index, candidate, candidates)
            continue
        if candidate.definite:
            _link_definite(index, candidate, candidates, doc)
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
            for word in _surname_keys(mention.person, resolver):
                surnames.setdefault(fold(word), mention.person)
            continue
        if resolution.role_noun:
            _link_role_noun(index, candidate, candidates, persons)
            if mention.antecedent is None and _is_bare_definite(candidate, doc):
                # "a U.S. defence official said ... *The official* said": no named person fits,
                # so the definite repeats the nearest unnamed one with its head noun
                _link_definite(index, candidate, candidates, doc)
    for index in range(len(candidates)):
        _give_owner(index, candidates, resolver, doc)
    _join_the_jihadist_group(candidates, doc)
    _give_context_countries(candidates, resolver, dateline, doc)


def _speak_for_named_groups(candidates: list[_Candidate]) -> None:
    """ "the opposition MDC Alliance ... MDC Alliance spokesman Tendai Chikore": a group the
    dictionaries do not know, introduced by what it is, speaks through the role nouns it names
    later. Its spokesman, leader or member takes the group's actor, not the role's sector (a
    spokesman is GOV only when nothing says whose); a later "he" follows."""
    groups: dict[tuple[str, ...], Actor] = {}
    for candidate in candidates:
        actor = candidate.mention.actor
        if actor is None or candidate.pronoun:
            continue
        words = tokenize(candidate.mention.text)
        name = _trailing_proper_name(words)
        if candidate.mention.person is None and name and len(name) < len(words):
            if actor.sector not in STATE_SECTORS and not candidate.resolution.role_noun:
                groups.setdefault(key_of(name), actor)  # "the opposition MDC Alliance"
            continue
        if (
            candidate.mention.person is None
            or actor.sector not in STATE_SECTORS
            or actor.code != actor.sector
        ):
            continue
        for size in range(len(words) - 1, 0, -1):  # "MDC Alliance | spokesman Tendai Chikore"
            group = groups.get(key_of(words[:size]))
            if group is not None and words[size][:1].islower():
                candidate.mention.actor = replace(group, name=candidate.mention.person)
                break


def _trailing_proper_name(words: list[str]) -> list[str]:
    """The capitalised words ending a phrase, after a lower-case word ("the opposition | MDC
    Alliance"); none when the phrase is all names."""
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    return words[start:] if 0 < start < len(words) else []


def _organisation_seats(candidates: list[_Candidate], resolver: Resolver) -> None:
    """ "EU foreign ministers agreed sanctions ... Minsk accused *Brussels* of interfering": in a
    story that names an organisation, the city that is its seat stands for it, not for the host
    country's government (the organisation the story names most, when one city seats several).
    A seat used as a place ("talks in Brussels") stays a place."""
    seats: dict[str, list[tuple[str, str]]] = {}
    for organisation in resolver.lexicon.organisations.values():
        for seat in organisation.seats:
            seats.setdefault(fold(seat), []).append((organisation.code, organisation.name))
    if not seats:
        return
    named = Counter(
        candidate.mention.actor.code
        for candidate in candidates
        if candidate.mention.actor is not None and fold(candidate.mention.text) not in seats
    )
    for candidate in candidates:
        hosted = seats.get(fold(candidate.mention.text))
        if not hosted or candidate.locative or candidate.mention.actor is None:
            continue
        code, name = max(hosted, key=lambda organisation: named[organisation[0]])
        if named[code]:
            candidate.mention.actor = resolver.actor_from_code(code, name)


def _surname_keys(name: str, resolver: Resolver) -> list[str]:
    """How a story may name a person again: the full name, the last word ("Lavrov") and, when
    the first word is no given name we know, the first ("Lu" of "Lu Wenjie", "Wang" of "Wang
    Yi": Chinese and Korean names put the family name first)."""
    words = name.split()
    keys = [words[-1], name]
    if len(words) >= 2 and fold(words[0]) not in resolver.lexicon.genders:
        keys.append(words[0])
    return keys


def _name_role_holders(candidates: list[_Candidate], doc: Doc) -> None:
    """A name in apposition to a role noun names the role's holder: "his Egyptian counterpart
    Sameh Shoukry", "Sameh Shoukry, Egypt's foreign minister,". The name takes the role's actor
    and becomes a person of the article, so a later "Shoukry" or "he" finds them."""
    for first, second in pairwise(candidates):
        if first.sentence != second.sentence:
            continue
        for role, name in ((first, second), (second, first)):
            if (
                role.resolution.role_noun
                and role.mention.actor is not None
                and role.mention.person is None
                and role.pronoun is None
                and name.mention.label == "PERSON"
                and name.mention.actor is None
                and name.mention.person is None
                and _in_apposition(doc, role, name)
            ):
                name.mention.person = role.mention.person = name.mention.text
                name.mention.actor = role.mention.actor
                name.titles = name.titles + role.titles
                break


def _name_described_groups(candidates: list[_Candidate], doc: Doc) -> None:
    """A group's name no dictionary knows, with a description in apposition that says what it
    is: "Ansarul Islam, a local jihadist group" is a jihadist group (IMGSEP), "the M27, a rebel
    movement" rebels. The name is an organisation's (the parser often tags an unknown one as a
    person: a description headed by a collective noun says otherwise); a person's name takes a
    role's actor instead (:func:`_name_role_holders`). The description must be no role and name
    no one."""
    for first, second in pairwise(candidates):
        if first.sentence != second.sentence:
            continue
        for name, description in ((first, second), (second, first)):
            collective = doc[description.root].lemma_.lower() in COLLECTIVE_NOUNS
            if (
                (name.mention.label in ("ORG", "NORP") or (name.mention.label == "PERSON" and collective))
                and name.mention.actor is None
                and description.mention.actor is not None
                and description.mention.label == "NP"
                and description.mention.person is None
                and description.pronoun is None
                and not description.resolution.role_noun
                and _in_apposition(doc, name, description)
            ):
                name.mention.actor = description.mention.actor
                break


#: Rank nouns that police forces share with armies: the dictionary reads them as military.
SHARED_RANKS = frozenset({"officer"})


def _ranks_of_the_service(candidates: list[_Candidate], resolver: Resolver, doc: Doc) -> None:
    """ "Police spokesman X said *officers* had arrested 14 suspects": an officer with no service
    named ("officers", "two officers") is of the armed service the story names last before them
    in the paragraph, police or army; with none named they stay military."""
    for index, candidate in enumerate(candidates):
        actor = candidate.mention.actor
        root = doc[candidate.root]
        if (
            actor is None
            or actor.sector != "MIL"
            or root.lemma_.lower() not in SHARED_RANKS
            or any(token.pos_ in ("NOUN", "PROPN", "ADJ") for token in doc[candidate.first : candidate.root])
        ):
            continue
        service = next(
            (
                other.mention.actor.sector
                for other in reversed(candidates[:index])
                if other.paragraph == candidate.paragraph
                and other.mention.actor is not None
                and other.mention.actor.sector in STATE_FORCES
                and doc[other.root].lemma_.lower() not in SHARED_RANKS
            ),
            None,
        )
        if service == "COP":
            service_actor = resolver.actor_from_code(actor.code[: -len(actor.sector)] + service)
            candidate.mention.actor = replace(
                service_actor, name=candidate.mention.person or service_actor.name
            )


def _name_by_acronym(candidates: list[_Candidate], doc: Doc) -> None:
    """ "The National Unity Government (NUG)": a name followed by its acronym in brackets is the
    body the acronym names, when the dictionaries know the acronym and the name itself says only
    what kind of body it is (a sector, not whose)."""
    for name, acronym in pairwise(candidates):
        opening = acronym.first - 1
        if (
            opening > 0
            and doc[opening].text == "("
            and opening - 1 == name.root
            and acronym.root + 1 < len(doc)
            and doc[acronym.root + 1].text == ")"
            and name.pronoun is None
            and name.resolution.sector_only
            and acronym.mention.actor is not None
            and not acronym.resolution.sector_only
            and acronym.mention.person is None
        ):
            name.mention.actor = replace(acronym.mention.actor)


def _in_apposition(doc: Doc, one: _Candidate, other: _Candidate) -> bool:
    """Whether one phrase's head is in apposition to a word of the other, or directly follows it."""
    for a, b in ((one, other), (other, one)):
        head = doc[a.root]
        if head.dep_ == "appos" and b.first <= head.head.i <= b.root:
            return True
    ahead, behind = (one, other) if one.first < other.first else (other, one)
    return doc[behind.first].i == doc[ahead.root].i + 1 and ahead.mention.end + 1 >= behind.mention.start


#: Head nouns that describe an organisation, not a person ("a local jihadist *group*").
COLLECTIVE_NOUNS = frozenset(
    {"group", "movement", "organisation", "organization", "militia", "faction", "party", "coalition",
     "alliance", "affiliate", "offshoot", "network", "front", "army", "wing", "branch", "outfit", "cell"}
)  # fmt: skip
#: Head nouns of unnamed armed men: in a story whose only named armed group is a jihadist one,
#: "the militants", "gunmen", "a suicide bomber" are that group's (not "rebels", a side of a war).
ARMED_MEN_NOUNS = frozenset(
    {"militant", "gunman", "gunmen", "extremist", "insurgent", "attacker", "assailant", "bomber", "jihadist",
     "terrorist", "fighter"}
)  # fmt: skip
#: Sectors an unnamed armed group's mention may carry before its country is known.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP"})
#: The code prefix of Islamist militant groups (IMGSEP), transnational by definition.
JIHADIST_PREFIX = "IMG"


def _join_the_jihadist_group(candidates: list[_Candidate], doc: Doc) -> None:
    """ "Al Shabaab ... militants raided the post": unnamed armed men are the named jihadist group.

    The coding convention reads the militants of an al Shabaab raid as IMGSEP, not as Kenyan
    rebels borrowed from a neighbouring "Kenyan". Only when every armed group the story names is
    one jihadist code: next to the Taliban or the Houthis, "the militants" could be either.
    """
    named = {
        actor.code
        for candidate in candidates
        if candidate.pronoun is None
        and (actor := candidate.mention.actor) is not None
        and actor.code != actor.sector
        and (actor.sector in ARMED_SECTORS or actor.code.startswith(JIHADIST_PREFIX))
    }
    if len(named) != 1 or not (group := next(iter(named))).startswith(JIHADIST_PREFIX):
        return
    holder = next(
        candidate.mention.actor
        for candidate in candidates
        if candidate.mention.actor is not None and candidate.mention.actor.code == group
    )
    for candidate in candidates:
        actor = candidate.mention.actor
        if (
            candidate.pronoun is None
            and actor is not None
            and actor.code == actor.sector
            and (actor.sector in ARMED_SECTORS or _person_bomber(doc[candidate.root]))
            and doc[candidate.root].lemma_.lower() in ARMED_MEN_NOUNS
        ):
            # no country: unnamed men must not make the story more about the group's homeland
            candidate.mention.actor = replace(holder, country=None)


def _person_bomber(word: Token) -> bool:
    """ "The bomber, *who* was on foot, blew *himself* up": a person, not the aircraft the
    agent dictionary reads "bomber" as (MIL)."""
    if word.lemma_.lower() != "bomber":
        return False
    relative = any(
        clause.dep_ == "relcl" and any(item.lower_ == "who" for item in clause.children)
        for clause in word.children
    )
    reflexive = word.dep_ == "nsubj" and any(
        item.lower_ in ("himself", "herself") for item in word.head.children
    )
    return relative or reflexive


def _give_context_countries(
    candidates: list[_Candidate], resolver: Resolver, dateline: str | None, doc: Doc
) -> None:
    """Countries for sector-only actors, only from context that says where they belong.

    A state institution ("the army", "police", "Prime Minister Tammam Salam") doing what an
    official of one country reports is that country's ("Afghan Interior Ministry spokesman X said
    security forces had detained two suspects", in a Moscow story about Afghanistan); otherwise
    it is the reported country's (:func:`_article_country`).

    Any other sector takes the country of the nearest actor or known place of its sentence ("The
    Mozambique government accepted demands from Shona rebels": Mozambican rebels); a people or
    group sector ("rebels", "the moderate opposition", "civilians") - and anything called
    "local" - prefers the nearest place its sentence locates things in ("people protested outside
    the Russian interests section in Tbilisi": Georgians); an armed group or the opposition is
    never placed by the speaker reporting on it ("the Russian officer said militants had shelled
    settlements in Latakia": Syrians). With nothing in its sentence, a people or group sector
    takes the last place its paragraph locates things in ("... clashed in Syria"), else the
    country of the last mention of its own sector there ("armed groups in Daraa ... 900
    militants"). Last, an unarmed sector ("teachers", "residents", "an environmental group") is
    the reported country's when its paragraph names no other country as often; an armed group
    never is by that alone: it may be foreign, so "rebels" with no place named stay "REB".

    A place the phrase itself names comes first ("the leaders of armed groups in Idlib").
    Places the dictionaries do not know ("Idlib", "Nawa") count with their gazetteer country
    (:func:`_place_countries`) without becoming actors.
    """
    _relocate_dateline_town(candidates, resolver, dateline)
    _relocate_dateline_division(candidates, resolver, dateline)
    article_country = _article_country(candidates, resolver, dateline)
    _relocate_homonyms(candidates, resolver, article_country)
    places = _place_countries(candidates)
    by_sentence: dict[int, list[_Candidate]] = {}
    by_paragraph: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence, []).append(candidate)
        by_paragraph.setdefault(candidate.paragraph, []).append(candidate)
    # news outlets spoken to place no one; found once: below, only pronouns change sector, and
    # a pronoun places no one anyway
    audiences = {id(candidate) for candidate in candidates if _news_audience(doc, candidate)}

    def country_of(other: _Candidate) -> str | None:
        if other.pronoun is not None:
            return None
        actor = other.mention.actor
        return actor.country if actor is not None else places.get(id(other))

    # state institutions first: an official's country ("Rear Admiral X" -> RUSMIL) may place
    # what they report later in the loop
    order = sorted(
        range(len(candidates)),
        key=lambda index: (_sector_of(candidates[index]) not in STATE_SECTORS, index),
    )
    for index in order:
        candidate = candidates[index]
        actor = candidate.mention.actor
        if actor is None or actor.code != actor.sector or not actor.sector:
            continue
        antecedent = candidate.mention.antecedent if candidate.pronoun else None
        if antecedent is not None and (owner := candidates[antecedent].mention.actor) is not None:
            # "... shipping companies ..., accusing *them*": whoever the companies turned out to be
            candidate.mention.actor = replace(owner)
            continue
        local = "local" in fold(candidate.mention.text).split()
        contextual = actor.sector in CONTEXT_SECTORS or local
        same_sentence = [
            other
            for other in by_sentence[candidate.sentence]
            if other is not candidate and country_of(other) and id(other) not in audiences
        ]
        country = None
        if actor.sector in STATE_SECTORS and not local:
            # "Afghan Interior Ministry spokesman X said security forces had detained ...": an
            # official reporting what a state institution did speaks of their own country's
            speakers = {
                country_of(other)
                for other in same_sentence
                if candidate.subject
                and other.subject
                and other.mention.actor is not None
                and other.mention.actor.sector in STATE_SECTORS
                and _reports(doc, other, candidate)
            }
            country = speakers.pop() if len(speakers) == 1 else article_country
        elif contextual and (inside := _place_inside(doc, candidate)) is not None:
            country = inside  # "the leaders of armed groups in Idlib": Syrian rebels
        else:
            if actor.sector in ARMED_SECTORS | {"OPP"}:
                # "the Russian officer said militants had shelled ...": who reports on fighters
                # is often their enemy; who reports harm to civilians mostly speaks for them
                same_sentence = [other for other in same_sentence if not _reports(doc, other, candidate)]
            if same_sentence:
                country = _nearest_country(candidate, same_sentence, contextual, country_of)
        if country is None and contextual:
            earlier = [
                other
                for other in reversed(by_paragraph[candidate.paragraph])
                if other.first < candidate.first
            ]
            country = next(
                (
                    country_of(other)
                    for other in earlier
                    if other.locative
                    and country_of(other)
                    and (other.mention.actor is None or not other.mention.actor.sector)
                ),
                None,
            ) or next(
                # "armed groups in Daraa ... more than 900 militants": the same people again
                (
                    country_of(other)
                    for other in earlier
                    if country_of(other) and _sector_of(other) == actor.sector
                ),
                None,
            )
        if country is None and article_country and actor.sector not in ARMED_SECTORS:
            named = Counter(
                country_of(other) for other in by_paragraph[candidate.paragraph] if id(other) not in audiences
            )
            del named[None]
            if all(
                count < named[article_country] for other, count in named.items() if other != article_country
            ):
                country = article_country  # the paragraph names no other country as much
        if country is not None:
            located_actor = resolver.actor_from_code(country + actor.sector)
            candidate.mention.actor = replace(
                located_actor, name=candidate.mention.person or located_actor.name
            )


#: Words that introduce who a statement was made to: "said *to* Reuters", "in an interview *with*
#: the BBC".
AUDIENCE_PREPOSITIONS = frozenset({"to", "with"})


def _news_audience(doc: Doc, candidate: _Candidate) -> bool:
    """Whether the mention is a news outlet someone spoke to ("a resident told *AFP*", "said in
    an interview with *the BBC*"): the agency a speaker talks to is where the story is written,
    not where the speaker or anyone they speak of belongs, so it places no one."""
    actor = candidate.mention.actor
    if actor is None or actor.sector != "MED":
        return False
    root = doc[candidate.root]
    if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() == "tell":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in AUDIENCE_PREPOSITIONS:
        governor = root.head.head
        return governor.lemma_.lower() in REPORTING_VERBS or governor.lemma_.lower() == "interview"
    return False


def _sector_of(candidate: _Candidate) -> str | None:
    return candidate.mention.actor.sector if candidate.mention.actor is not None else None


def _nearest_country(
    candidate: _Candidate,
    same_sentence: list[_Candidate],
    contextual: bool,
    country_of: Callable[[_Candidate], str | None],
) -> str | None:
    """The country of the sentence's actor or place nearest to ``candidate``."""
    # a place the sentence puts things in outranks a neighbouring actor: "Several dozen
    # people protested outside the Russian interests section ... in Tbilisi" are Georgians
    located = [other for other in same_sentence if other.locative] if contextual else []
    if _sector_of(candidate) == "CVL":
        # villages and residents are where the harm is done, not the attacker's: "Tajik
        # troops shelled a border village" says nothing about whose village it is
        unarmed = [other for other in same_sentence if not _bears_arms(other.mention.actor)]
        same_sentence = unarmed or same_sentence
    nearest = min(
        located or same_sentence, key=lambda other: abs(other.mention.start - candidate.mention.start)
    )
    return country_of(nearest)


#: Verbs that report speech: their subject is who speaks, not where what they report happened.
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "note",
        "report",
        "state",
        "announce",
        "claim",
        "stress",
        "recall",
        "warn",
        "confirm",
    }
)


def _reports(doc: Doc, speaker: _Candidate, reported: _Candidate) -> bool:
    """Whether ``speaker`` is who speaks or hears a reporting verb whose reported clause holds
    ``reported`` ("*the Russian officer* told *reporters* that militants had shelled ...")."""
    head = doc[speaker.root]
    verb = head.head
    if head.dep_ not in SUBJECT_DEPS | {"dobj", "dative"} or verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    clause = doc[reported.root]
    while clause.head.i != clause.i and clause.head.i != verb.i:
        clause = clause.head
    return clause.head.i == verb.i and clause.dep_ == "ccomp"


def _place_inside(doc: Doc, candidate: _Candidate) -> str | None:
    """The country of a place the phrase itself locates it in, when the dictionaries do not know
    the place ("armed groups *in Idlib*"): the gazetteer's, if all its entries agree."""
    span = doc.char_span(candidate.mention.start, candidate.mention.end, alignment_mode="expand")
    for token in span if span is not None else ():
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in LOCATIVE_PREPOSITIONS
            and token.ent_type_ in PLACE_LABELS
        ):
            name = doc[token.left_edge.i : token.i + 1].text
            countries = {
                item.country for item in default_gazetteer().candidates(place_key(name)) if item.country
            }
            if len(countries) == 1:
                return countries.pop()
    return None


def _place_countries(candidates: list[_Candidate]) -> dict[int, str]:
    """The country of each place name the actor dictionaries do not know ("Idlib", "Nawa"), by
    ``id`` of its candidate: the one country of the gazetteer's entries for the name that the
    article's actors name, else the country all its entries share; none when that is ambiguous.
    Context only: the place does not become an actor (the geo stage places it)."""
    named = {
        candidate.mention.actor.country
        for candidate in candidates
        if candidate.mention.actor is not None and candidate.mention.actor.country
    }
    gazetteer = default_gazetteer()
    found: dict[int, str] = {}
    for candidate in candidates:
        if candidate.mention.actor is not None or candidate.mention.label not in PLACE_LABELS:
            continue
        countries = [
            location.country
            for location in gazetteer.candidates(place_key(candidate.mention.text))
            if location.country
        ]
        plausible = set(countries) & named or set(countries)
        if len(plausible) == 1:
            found[id(candidate)] = plausible.pop()
    return found


#: Sectors whose members carry arms for a state or against one.
_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY", *ARMED_SECTORS})


def _bears_arms(actor: Actor | None) -> bool:
    """An armed actor (troops, police, rebels, jihadists): never whose civilians a sentence names."""
    return actor is not None and (actor.sector in _FORCE_SECTORS or actor.code.startswith(JIHADIST_PREFIX))


def _article_country(candidates: list[_Candidate], resolver: Resolver, dateline: str | None) -> str | None:
    """The country an article reports on: the state its body names most (names, adjectives,
    capitals, places), plus the dateline's: it counts ``DATELINE_WEIGHT`` when the body names that
    country too (BAMAKO over a story about Mali and France), once otherwise ("CAIRO" heads many
    Sudan stories), and breaks ties.

    A dateline qualified by a region is in that region's country ("PARIS, Texas": USA, by the
    gazetteer); one qualified by a region nobody knows says nothing.
    """
    counts: Counter[str] = Counter(
        candidate.mention.actor.country
        for candidate in candidates
        if candidate.pronoun is None
        and candidate.mention.actor is not None
        and candidate.mention.actor.country
    )
    home = _dateline_country(resolver, dateline)
    if home is not None:
        counts[home] += DATELINE_WEIGHT if counts[home] else 1
    if not counts:
        return None
    best = max(counts.values())
    leaders = [country for country, count in counts.items() if count == best]  # in order of first mention
    return home if home in leaders else leaders[0]


def _dateline_country(resolver: Resolver, dateline: str | None) -> str | None:
    """ "BEIRUT" -> LBN; "BISHKEK, Kyrgyzstan" -> KGZ; "PARIS, Texas" -> USA (a region the
    gazetteer places in one country); "LIMA, Nowhere" -> None (an unknown qualifier)."""
    if not dateline:
        return None
    parts = [part.strip() for part in dateline.split(",") if part.strip()]
    found = [_country_of_name(resolver, part) or _town_country(part) for part in parts[:1]]
    found += [_country_of_name(resolver, part) or _qualifier_country(part) for part in parts[1:]]
    if any(country is None for country in found[1:]):
        return None
    return found[-1] if found else None


def _country_of_name(resolver: Resolver, name: str) -> str | None:
    return next(
        (item.actor.country for item in resolver.resolve_words(tokenize(name.title())) if item.actor),
        None,
    )


def _dateline_town(name: str) -> Location | None:
    """The gazetteer's likeliest town of a dateline's name ("ATLANTA": Atlanta, Georgia, USA)."""
    return next(
        (item for item in default_gazetteer().candidates(place_key(name)) if item.kind == "city"), None
    )


def _town_country(name: str) -> str | None:
    """The country of a dateline town the actor dictionaries do not know ("ATLANTA")."""
    town = _dateline_town(name)
    return town.country if town is not None else None


def _qualifier_country(name: str) -> str | None:
    """The country of a dateline qualifier the actor dictionaries do not know ("Texas",
    "Ohio"), when every region of that name the gazetteer knows lies in one country."""
    countries = {location.country for location in default_gazetteer().qualifiers.get(place_key(name), ())}
    return countries.pop() if len(countries) == 1 else None


def _relocate_homonyms(candidates: list[_Candidate], resolver: Resolver, home: str | None) -> None:
    """ "Tripoli" in a story from Lebanon: a bare place name the dictionary reads as another
    country's capital is the article country's town of that name, when the gazetteer knows one
    there and nothing else in the article names that other country. It is a town there, not a
    seat of government, so it stands for the country (no "Tripoli said" -> GOV)."""
    if home is None:
        return
    named = Counter(
        candidate.mention.actor.country
        for candidate in candidates
        if candidate.mention.actor is not None and candidate.pronoun is None
    )
    by_text: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        actor = candidate.mention.actor
        if actor is None or candidate.pronoun or actor.country in (None, home) or candidate.mention.person:
            continue
        if not actor.code.startswith(actor.country):  # type: ignore[arg-type]
            continue
        by_text.setdefault(candidate.mention.text, []).append(candidate)
    for text, group in by_text.items():
        country = group[0].mention.actor.country  # type: ignore[union-attr]
        if any(other.mention.actor.country != country for other in group):  # type: ignore[union-attr]
            continue
        if named[country] > len(group):
            continue  # "Libya" is named too: its capital is meant
        places = {location.country for location in default_gazetteer().candidates(place_key(text))}
        if not {home, country} <= places:
            continue
        for candidate in group:  # a town, not the seat of a government: no GOV reading
            candidate.mention.actor = resolver.actor_from_code(home)


def _relocate_dateline_town(candidates: list[_Candidate], resolver: Resolver, dateline: str | None) -> None:
    """ "PARIS, Texas": the dateline says which Paris the article is about, so the body's
    "Paris" ("downtown Paris", "Paris Police Chief ...") is that one, not the capital the
    dictionary knows: their actors move to the dateline's country, sectors kept."""
    parts = [part.strip() for part in (dateline or "").split(",") if part.strip()]
    if len(parts) < 2:
        return
    home, usual = _dateline_country(resolver, dateline), _country_of_name(resolver, parts[0])
    if home is None or usual is None or home == usual:
        return
    _move_named(candidates, resolver, parts[0], usual, home)


def _relocate_dateline_division(
    candidates: list[_Candidate], resolver: Resolver, dateline: str | None
) -> None:
    """ "ATLANTA": a story from a town in a division that shares its name with a country (the US
    state of Georgia) means the division by that name ("Georgia economic development officials"
    are the state's: USAGOV, not GEOGOV)."""
    parts = [part.strip() for part in (dateline or "").split(",") if part.strip()]
    town = _dateline_town(parts[0]) if parts else None
    if town is None or town.country is None or town.admin1 is None:
        return
    usual = _country_of_name(resolver, town.admin1)
    if usual is not None and usual != town.country:
        _move_named(candidates, resolver, town.admin1, usual, town.country)


def _move_named(candidates: list[_Candidate], resolver: Resolver, name: str, usual: str, home: str) -> None:
    """Move the mentions of ``name`` the dictionary reads as country ``usual`` (and what refers
    back to them) to country ``home``, their sectors kept."""
    town = key_of(tokenize(name.title()))
    moved_at: set[int] = set()
    for index, candidate in enumerate(candidates):
        actor = candidate.mention.actor
        if actor is None or actor.country != usual or not actor.code.startswith(usual):
            continue
        words = key_of(tokenize(candidate.mention.text))
        named = any(words[at : at + len(town)] == town for at in range(len(words)))
        if not named and candidate.mention.antecedent not in moved_at:
            continue
        moved_at.add(index)
        composed = actor.name == resolver.actor_from_code(actor.code).name
        moved = resolver.actor_from_code(home + actor.code[len(usual) :])
        candidate.mention.actor = replace(moved, name=moved.name if composed else actor.name)


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
    if candidate.subject and _link_to_subject(index, candidate, candidates, persons):
        return
    for position in range(index - 1, -1, -1):
        other = candidates[position]
        if candidate.sentence - other.sentence > PRONOUN_WINDOW:
            return
        if other.pronoun or other.mention.actor is None:
            continue
        if other.mention.person is None:
            # "summoned the Tajik ambassador and handed *him* a note": an object pronoun may stand
            # for an unnamed official; a subject "he" is a named person
            if other.resolution.role_noun and candidate.mention.text.lower() in OBJECT_PRONOUNS:
                _corefer(candidate, position, other.mention.actor, None)
                return
            continue
        person = persons.get(other.mention.person)
        gender = person.gender if person else other.resolution.gender
        if gender in (None, candidate.pronoun):
            _corefer(candidate, position, other.mention.actor, other.mention.person)
            return


def _link_to_subject(
    index: int, candidate: _Candidate, candidates: list[_Candidate], persons: dict[str, _Person]
) -> bool:
    """ "Qureshi arrived at Wang's invitation. *He* is scheduled to meet ...": a subject "he"
    continues the person the story was just about - the subject of this or the previous
    sentence - rather than the last name in passing (a possessor, an object)."""
    for position in range(index - 1, -1, -1):
        other = candidates[position]
        if candidate.sentence - other.sentence > 1:
            return False
        if other.pronoun or not other.subject or other.mention.person is None:
            continue
        person = persons.get(other.mention.person)
        if (person.gender if person else other.resolution.gender) in (None, candidate.pronoun):
            _corefer(candidate, position, other.mention.actor, other.mention.person)
            return True
    return False


def _link_nonperson(
    index: int, candidate: _Candidate, candidates: list[_Candidate], resolver: Resolver, doc: Doc
) -> None:
    """ "it"/"its"/"they"/"their": the organisation, state, body or group it stands for."""
    position = _nonperson_antecedent(index, candidate.pronoun or "n", doc[candidate.root], candidates, doc)
    if position is not None:
        _give_owner(position, candidates, resolver, doc)  # "its fighters ... they": the owner's fighters
        other = candidates[position]
        origin = (
            other.mention.antecedent if other.pronoun and other.mention.antecedent is not None else position
        )
        _corefer(candidate, origin, other.mention.actor, None)


def _nonperson_antecedent(
    index: int, kind: str, pronoun: Token, candidates: list[_Candidate], doc: Doc
) -> int | None:
    """Where a non-person pronoun's antecedent is, by the salience English relies on.

    A possessive takes the subject of its own clause when that comes first ("called on Turkey to
    withdraw *its* forces": Turkey), or, when that subject is a person, the nearest actor after
    it ("Shoukry thanked Russia for *its* position"); a subject "it"/"they", or a possessive
    whose clause subject it is part of, takes the nearest earlier subject within
    ``PRONOUN_WINDOW`` sentences ("Japan said on Tuesday *it* had halted aid"; "The border
    service denied it. *It* accused …"); an object "it"/"them" takes the noun phrase right
    before it in its sentence (not an example after "including"), and only if that phrase is an
    actor ("accused the junta of X and called *it* …", but not "criticised the move, calling
    *it* …"). "it"/"its" never stand for a person (named, or by a role other than a
    spokesman's) or a plural noun.
    """
    sentence = candidates[index].sentence

    def fits(position: int) -> bool:
        other = candidates[position]
        if other.mention.actor is None or other.mention.person is not None:
            return False
        if other.resolution.role_noun and doc[other.root].lemma_.lower() not in SPOKESPEOPLE:
            return False  # "it" is never a person ("the minister"); a spokesman speaks for one
        if other.pronoun is not None and other.pronoun not in NONPERSON_KINDS:
            return False
        if kind == "n" and (other.plural or other.pronoun == "p"):
            return False
        return doc[other.root].ent_type_ not in NOT_ANTECEDENTS and other.mention.start < pronoun.idx

    earlier = [
        position
        for position in range(index - 1, -1, -1)
        if sentence - candidates[position].sentence <= PRONOUN_WINDOW
    ]
    by_root = {candidates[position].root: position for position in earlier}
    partner = _coordinated_owner(pronoun) if pronoun.dep_ == "poss" else None
    if partner in by_root and fits(by_root[partner]):  # "firms and four of *their* executives"
        return by_root[partner]
    if pronoun.dep_ == "poss":
        local = _clause_subject(pronoun.head)
        if local is not None and local.i != pronoun.head.i and local.i in by_root:
            if fits(by_root[local.i]):
                return by_root[local.i]
            # a person's clause: "Shoukry thanked Russia for *its* position": the nearest actor
            # between the subject and the pronoun that "its"/"their" can stand for
            between = [
                position
                for root, position in by_root.items()
                if local.i < root < pronoun.i and candidates[position].sentence == sentence
            ]
            subject = candidates[by_root[local.i]]
            if (subject.mention.person is not None or subject.resolution.role_noun) and between:
                nearest = max(between, key=lambda position: candidates[position].root)
                if fits(nearest):
                    return nearest
    elif pronoun.dep_ not in SUBJECT_DEPS:
        before = [
            chunk
            for chunk in doc[pronoun.sent.start : pronoun.i].noun_chunks
            if chunk.root.tag_ not in ("PRP", "PRP$", "WP", "WDT")
            and chunk.root.ent_type_ not in NOT_ANTECEDENTS
            and not _is_locative(chunk, through_conjunction=True)  # "registered in Hong Kong"
            and not _is_example(chunk)  # "five members, including the prime minister, ... them"
            and not _is_description(chunk)  # "regards the sanctions *as a step* and will respond to them"
        ]
        if not before:
            return None
        for chunk in _outward(before[-1], before):
            if chunk.root.i in by_root and fits(by_root[chunk.root.i]):
                return by_root[chunk.root.i]
            # "the new US sanctions ... will respond to *them*": the act's author, named inside it
            inside = [position for root, position in by_root.items() if chunk.start <= root < chunk.root.i]
            if inside and fits(max(inside)):
                return max(inside)
        return None
    return _salient_subject(kind, pronoun, candidates, by_root, fits, doc)


def _coordinated_owner(pronoun: Token) -> int | None:
    """The head of the conjunct before the phrase a possessive opens: "Hamas and *its* allies",
    "three companies and four of *their* executives" (through a partitive "of"). English names
    the owner right before "and its/their", whoever the clause's subject is; the word before
    "and" is taken rather than the parse's first conjunct, which parsers often misplace."""
    phrase = pronoun.head
    while phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.i != phrase.head.i:
        phrase = phrase.head.head
    before = phrase.left_edge.i - 1
    if phrase.dep_ != "conj" or before < 1 or phrase.doc[before].dep_ != "cc":
        return None
    owner = phrase.doc[before - 1]
    return owner.i if owner.pos_ in ("NOUN", "PROPN") else None


def _is_description(chunk: Span) -> bool:
    """An "as" complement ("regards X *as an unfriendly step*"): it describes X, it is no referent."""
    return chunk.root.dep_ == "pobj" and chunk.root.head.lower_ == "as"


def _outward(chunk: Span, chunks: list[Span]) -> list[Span]:
    """The phrases a pronoun may take back, outermost first: the phrase a prepositional phrase
    modifies ("the new US sanctions *against Russian companies* ... respond to them": the
    sanctions, not the companies), then the phrase itself when the outer one names no actor
    ("five members *of the transitional authorities*": the authorities)."""
    by_root = {item.root.i: item for item in chunks}
    found = [chunk]
    while chunk.root.dep_ == "pobj" and chunk.root.head.dep_ == "prep" and chunk.root.head.head.i in by_root:
        chunk = by_root[chunk.root.head.head.i]
        found.append(chunk)
    return found[::-1]


def _is_example(chunk: Span) -> bool:
    """Whether the chunk is an example set off by "including" or "such as"."""
    head = chunk.root.head
    return chunk.root.dep_ == "pobj" and (
        head.lower_ == "including" or (head.lower_ == "as" and head.i > 0 and head.nbor(-1).lower_ == "such")
    )


def _salient_subject(
    kind: str,
    pronoun: Token,
    candidates: list[_Candidate],
    by_root: dict[int, int],
    fits: Callable[[int], bool],
    doc: Doc,
) -> int | None:
    """The nearest earlier subject of the right number, if it is an actor.

    A subject that is a thing ("The statue was erected in 1903. Supporters say *it* honors …")
    is what "it" stands for, so it stops the search rather than letting "it" reach back to an
    actor; persons are skipped ("it" is never a person), and so are plural subjects for "it".
    """
    first = min((candidates[position].first for position in by_root.values()), default=pronoun.i)
    for token in reversed(doc[min(first, pronoun.i) : pronoun.i]):
        if token.dep_ not in SUBJECT_DEPS or token.tag_ in ("WDT", "WP") or token.i == pronoun.head.i:
            continue
        if token.tag_ == "PRP" and token.lower_ not in ("it", "they"):
            continue  # "we", "he": the speaker, a person
        plural = token.tag_ in ("NNS", "NNPS") or token.lower_ == "they"
        # the mention standing for the subject: its own, or one inside its phrase ("The United
        # Nations" in "The United Nations Support Mission")
        inside = [
            position
            for root, position in by_root.items()
            if token.left_edge.i <= candidates[position].first and root <= token.i
        ]
        position = by_root.get(token.i, max(inside, default=None))
        person = position is not None and candidates[position].mention.person is not None
        if person or (kind == "n" and plural) or (kind == "p" and not plural and position is None):
            continue
        reported = _reported_subject(token) if pronoun.head.lemma_.lower() not in REPORTING_VERBS else None
        if reported is not None and reported.i in by_root and fits(by_root[reported.i]):
            return by_root[reported.i]
        reporter = _reporting_subject(token, pronoun)
        if reporter is not None and reporter.i in by_root and fits(by_root[reporter.i]):
            return by_root[reporter.i]
        return position if position is not None and fits(position) else None
    return None


def _reported_subject(subject: Token) -> Token | None:
    """When ``subject`` says who reported a clause that came before it ("*The rebels* seized the
    town, *residents* said."), that clause's subject: the source of a report is not what it is
    about, so "They shelled ..." in the next sentence continues the rebels (unless it reports
    again: "They said ..."). A reported clause about things ("Rounds hit homes, the ministry
    said. *It* called ...") leaves the source the topic."""
    verb = subject.head
    if verb.lemma_.lower() not in REPORTING_VERBS or subject.i < verb.i - 1 or subject.i > verb.i:
        return None
    clause = next((child for child in verb.children if child.dep_ == "ccomp" and child.i < subject.i), None)
    if clause is None:
        return None
    return next((child for child in clause.children if child.dep_ in SUBJECT_DEPS), None)


def _reporting_subject(subject: Token, pronoun: Token) -> Token | None:
    """The main subject of an earlier sentence whose reported clause ``subject`` belongs to.

    A new sentence's "it" continues the topic, which is the main clause's subject rather than
    the subject of what it reported ("The embassy rejected the charge, saying *the coast guard*
    had acted with restraint. *It* accused ..."): the embassy accused.
    """
    if subject.sent.start == pronoun.sent.start or subject.head.dep_ != "ccomp":
        return None
    root = subject.sent.root
    return next((item for item in root.children if item.dep_ in SUBJECT_DEPS and item.i < subject.i), None)


def _clause_subject(word: Token) -> Token | None:
    """The subject of the clause ``word`` belongs to, through control ("urged X to *withdraw*")."""
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(4):
        own = next((item for item in verb.children if item.dep_ in SUBJECT_DEPS), None)
        if own is not None:
            return own
        if verb.dep_ == "xcomp":
            controller = next((item for item in verb.head.children if item.dep_ in ("dobj", "dative")), None)
            on = next(
                (item for item in verb.head.children if item.dep_ == "prep" and item.lower_ == "on"), None
            )
            controller = controller or next(
                (item for item in (on.children if on else ()) if item.dep_ == "pobj"), None
            )
            if controller is not None:
                return controller
        if verb.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _give_owner(index: int, candidates: list[_Candidate], resolver: Resolver, doc: Doc) -> None:
    """ "its troops", "their leaders": a phrase with no owner of its own takes the pronoun's.

    The owner's country gives the country ("Turkey ... its forces" -> TURMIL); an owner without
    one (an organisation: "the Taliban ... its fighters") gives its own code.
    """
    candidate = candidates[index]
    actor = candidate.mention.actor
    if actor is None or actor.code != actor.sector:
        return
    if candidate.possessor is not None:
        position = _nonperson_antecedent(index, candidate.possessor, doc[candidate.first], candidates, doc)
    elif (possessor := _definite_possessor(candidate, doc)) is not None:
        position = _definite_antecedent(index, possessor.lemma_.lower(), candidates, doc)
    else:
        return
    owner = candidates[position].mention.actor if position is not None else None
    if owner is None or owner.code == owner.sector:
        return
    if (
        owner.sector
        and owner.sector not in STATE_SECTORS
        and singular(doc[candidate.root].lower_) in GROUP_HEADS
    ):
        # "the Houthis ... *their leaders*": who leads or speaks for a group is the group
        owned = resolver.actor_from_code(owner.code) if owner.country else replace(owner)
    elif owner.country and owner.code.startswith(owner.country):
        owned = resolver.actor_from_code(owner.country + (actor.sector or ""))
    else:
        owned = Actor(owner.code, owner.name, owner.country, owner.sector or actor.sector)
    candidate.mention.actor = replace(owned, name=candidate.mention.person or owned.name)


def _definite_possessor(candidate: _Candidate, doc: Doc) -> Token | None:
    """The noun of a definite possessor opening the mention ("*the group*'s leaders"), which
    names an actor introduced before."""
    if candidate.root < candidate.first + 3 or doc[candidate.first].lower_ != "the":
        return None
    noun, marker = doc[candidate.first + 1], doc[candidate.first + 2]
    return noun if marker.tag_ == "POS" and noun.pos_ == "NOUN" else None


def _link_definite(index: int, candidate: _Candidate, candidates: list[_Candidate], doc: Doc) -> None:
    """ "The coalition" after "the Saudi-led coalition": a definite noun phrase names again the
    nearest earlier actor with the same head noun (within ``PRONOUN_WINDOW`` sentences)."""
    position = _definite_antecedent(index, doc[candidate.root].lemma_.lower(), candidates, doc)
    if position is not None:
        _corefer(candidate, position, candidates[position].mention.actor, None)


def _definite_antecedent(index: int, lemma: str, candidates: list[_Candidate], doc: Doc) -> int | None:
    """The nearest actor before ``candidates[index]`` (within ``PRONOUN_WINDOW`` sentences) that
    "the ``lemma``" names again: one with that head noun, or a named group for "the group"."""
    sentence = candidates[index].sentence
    for position in range(index - 1, -1, -1):
        other = candidates[position]
        if sentence - other.sentence > PRONOUN_WINDOW:
            return None
        if other.pronoun or other.mention.actor is None or other.mention.person is not None:
            continue
        if doc[other.root].lemma_.lower() == lemma or (
            lemma in GROUP_ANAPHORS and _named_group(other.mention.actor)
        ):
            return position
    return None


#: Head nouns by which news names an armed or political group again: "the Houthi movement ...
#: accused *the group* of", "the Taliban ... *the group* denied".
GROUP_ANAPHORS = frozenset({"group", "movement", "organisation", "organization", "militia"})


def _named_group(actor: Actor) -> bool:
    """A named non-state group (the Houthis, Islamic State, a party): not a state, not one of
    its institutions, not a bare sector ("militants")."""
    if actor.code == actor.sector or actor.sector in STATE_SECTORS:
        return False
    return actor.code.startswith(JIHADIST_PREFIX) or actor.sector in ARMED_SECTORS | {"OPP", "PTY"}


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
