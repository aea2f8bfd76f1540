"""Date an event by what the text says, falling back to the publication date.

The events stage calls :func:`event_date` with the event's trigger token. The date is, in this
order: the time expression that governs the trigger's clause ("On October 7, four ships
fired…"; also through "started delivering … on September 30", "the attack that occurred on
October 10" and a bare participle clause: "raided the offices last Friday, *accusing* …");
else a dating phrase the parser hung on the verb's object ("bombed hideouts *on Tuesday*");
else the date of the reporting clause that governs it ("Lavrov on Wednesday said
that Russia is rendering…"); else, for an event inside a quote, the date of the quote's cue
verb; else a vague expression governing the clause ("had recently been accused": PAST_REF);
else the publication date. ``basis`` says which kind of evidence it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.model import Article, DateBasis, DatePrecision, Quote, TimeExpression
from eventwire.timex.lexicon import Lexicon, default_lexicon
from eventwire.timex.syntax import MAX_CLIMB, VERBAL, clause_verb, expression_root, governing_word

#: Links along which a clause shares its head's time ("started delivering", "fired … and hit").
SHARED_TIME_LINKS = frozenset({"xcomp", "conj"})
#: Links from a clause up to the clause that reports it.
REPORTED_LINKS = frozenset({"ccomp", "parataxis", "xcomp", "conj", "advcl"})
VAGUE_VALUES = frozenset({"PAST_REF", "FUTURE_REF"})
#: Slots in which a verb form names an action as a noun does ("*Fighting* … killed six").
NOMINAL_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
#: Prepositions whose phrase on a verb's object still dates the verb: the parser often hangs
#: "on Tuesday" on the object ("bombed hideouts in the forest *on Tuesday*"); "the treaty *of*
#: 1987" or "the 1987 treaty" name the object, and do not.
OBJECT_DATING_PREPOSITIONS = frozenset({"on", "at", "in", "during"})

_PRECISION: tuple[tuple[re.Pattern[str], DatePrecision], ...] = (
    (re.compile(r"^\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"^\d{4}-W\d\d"), "week"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}(?:-(?:Q\d|H\d|SP|SU|FA|WI))?$"), "year"),
)


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, how precisely, and on what evidence.

    ``date`` is an ISO date, or the TIMEX3 value for coarser dates (``2015-10``, ``2015-W42``,
    ``2015``, ``PAST_REF``); ``expression`` is the time expression used (None for the
    publication date), so the date can be traced to its words.
    """

    date: str | None
    precision: DatePrecision | None
    basis: DateBasis | None
    expression: TimeExpression | None = field(default=None, compare=False)


def precision_of(value: str) -> DatePrecision:
    """The contract's precision for a TIMEX3 value; quarters, halves and seasons count as year."""
    for pattern, precision in _PRECISION:
        if pattern.match(value):
            return precision
    return "vague"


def event_date(
    article: Article,
    trigger: Token,
    quote: Quote | None = None,
    attached: list[tuple[TimeExpression, Token]] | None = None,
    *,
    complements: bool = True,
) -> EventDate:
    """The date of the event whose trigger is ``trigger`` (a token of ``article.doc``).

    ``attached`` is :func:`attachments` of the article's times when the caller already has it
    (a caller dating many events of one article computes it once). ``complements=False`` dates
    a statement of intent or an appeal by its own words only: "is due to visit Ouagadougou
    *next month*" was said today, whatever the visit's date.
    """
    lexicon = default_lexicon()
    if attached is None:
        attached = attachments(article.times, trigger.doc)
    vague: TimeExpression | None = None
    group = _dating_group(trigger, complements)
    objects = _objects_of(group)
    searches = [group, objects, *_reporting_groups(trigger, lexicon)]
    if quote is not None and quote.cue_start is not None and quote.cue_end is not None:
        cue = expression_root(trigger.doc, quote.cue_start, quote.cue_end)
        if cue is not None:
            searches += [_dating_group(cue), *_reporting_groups(cue, lexicon)]
    # only this trigger's objects: re-reading every object-dating phrase per event is wasted
    on_objects = [
        (time, word) for time, word in attached if word in objects and _dated_by_preposition(time, word)
    ]
    for index, tokens in enumerate(searches):
        specific, vague_here = _best_attached(on_objects if index == 1 else attached, tokens, trigger)
        if specific is not None:
            assert specific.value is not None
            return EventDate(_date_part(specific.value), precision_of(specific.value), "text", specific)
        vague = vague or vague_here
    if vague is not None and vague.value is not None:
        return EventDate(vague.value, "vague", "text", vague)
    if article.published is None:
        return EventDate(None, None, None)
    basis: DateBasis = "dateline" if (article.published_basis or "").startswith("dateline") else "published"
    return EventDate(article.published.isoformat(), "day", basis)


def _date_part(value: str) -> str:
    """A time's date (``2015-10-15T14:00`` -> ``2015-10-15``); other values unchanged."""
    return value[:10] if re.match(r"^\d{4}-\d\d-\d\dT", value) else value


def attachments(times: list[TimeExpression], doc: Doc) -> list[tuple[TimeExpression, Token]]:
    """Each dated expression with the word it modifies."""
    attached = []
    for time in times:
        if time.type not in ("DATE", "TIME") or time.value is None or time.value == "PRESENT_REF":
            continue
        root = expression_root(doc, time.start, time.end)
        governor = governing_word(root) if root is not None else None
        if governor is not None:
            attached.append((time, governor))
    return attached


def _best_attached(
    attached: list[tuple[TimeExpression, Token]], tokens: list[Token], trigger: Token
) -> tuple[TimeExpression | None, TimeExpression | None]:
    """The specific and the vague expression attached to ``tokens``, nearest the trigger first."""
    found = sorted(
        (time for time, governor in attached if governor in tokens),
        key=lambda time: abs(time.start - trigger.idx),
    )
    specific = next((time for time in found if not _is_vague(time)), None)
    vague = next((time for time in found if _is_vague(time)), None)
    return specific, vague


def _objects_of(group: list[Token]) -> list[Token]:
    """The direct objects of the verbs in a dating group, whose dating phrases date the verb
    too when the verb has none of its own (see :data:`OBJECT_DATING_PREPOSITIONS`)."""
    return [
        child for token in group if token.pos_ in VERBAL for child in token.children if child.dep_ == "dobj"
    ]


def _dated_by_preposition(time: TimeExpression, governor: Token) -> bool:
    """Whether ``time`` hangs on ``governor`` through one of :data:`OBJECT_DATING_PREPOSITIONS`."""
    root = expression_root(governor.doc, time.start, time.end)
    return (
        root is not None
        and root.dep_ == "pobj"
        and root.head.head == governor
        and root.head.lower_ in OBJECT_DATING_PREPOSITIONS
    )


def _is_vague(time: TimeExpression) -> bool:
    return time.value is None or time.value in VAGUE_VALUES or precision_of(time.value) == "vague"


def _dating_group(trigger: Token, complements: bool = True) -> list[Token]:
    """The words whose time expressions date ``trigger``'s event.

    The trigger; for a noun trigger, the relative clauses that follow it ("the attack that
    occurred on October 10") and the verb of its clause; the heads it shares a time with ("started
    delivering", conjoined verbs); and, unless ``complements`` is false, its open
    complements ("started" -> "delivering").
    """
    group = [trigger]
    verb: Token | None = trigger
    if trigger.pos_ not in VERBAL or trigger.dep_ in NOMINAL_SLOTS:
        group += [child for child in trigger.children if child.dep_ in ("relcl", "acl")]
        following = trigger.right_edge.i + 1
        if following < len(trigger.doc):
            # The parser often hangs "that occurred on October 10" on an earlier noun; a
            # relative pronoun right after the trigger's phrase still marks the clause as its.
            pronoun = trigger.doc[following]
            if pronoun.tag_ in ("WDT", "WP") and pronoun.head.dep_ == "relcl":
                group.append(pronoun.head)
        verb = clause_verb(trigger.head) if trigger.head is not trigger else None
        if verb is not None:
            group.append(verb)
    current = verb
    for _ in range(MAX_CLIMB):
        if current is None or current.head is current:
            break
        if current.dep_ not in SHARED_TIME_LINKS and not _accompanying(current):
            break
        current = current.head
        group.append(current)
    if complements:
        group += [child for token in list(group) for child in token.children if child.dep_ == "xcomp"]
    return group


def _accompanying(verb: Token) -> bool:
    """A bare participle clause, which happens with its head ("imposed sanctions last Friday,
    *accusing* them of ..."; "marched on Tuesday, *calling on* the government ..."); not one
    with its own subject or a word placing it in time ("*after* raiding the house")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(
            child.dep_ in ("mark", "nsubj", "nsubjpass")
            or (child.dep_ in ("prep", "advmod") and child.i < verb.i)
            for child in verb.children
        )
    )


def _reporting_groups(trigger: Token, lexicon: Lexicon) -> list[list[Token]]:
    """The dating groups of the reporting verbs that govern ``trigger``'s clause, nearest first.

    Up the tree ("Lavrov on Wednesday said that Russia is rendering…") and, for a clause the
    parser made the root, down to a reporting verb hanging from it ("…, Lavrov said Wednesday").
    """
    groups: list[list[Token]] = []
    current = trigger if trigger.pos_ in VERBAL else clause_verb(trigger)
    for _ in range(MAX_CLIMB):
        if current is None:
            break
        groups += [
            _dating_group(child)
            for child in current.children
            if child.dep_ == "parataxis" and child.lemma_ in lexicon.reporting_verbs
        ]
        if current.dep_ not in REPORTED_LINKS or current.head is current:
            break
        head = current.head
        if head.lemma_ in lexicon.reporting_verbs:
            groups.append(_dating_group(head))
        current = head if head.pos_ in VERBAL else clause_verb(head)
    return groups
