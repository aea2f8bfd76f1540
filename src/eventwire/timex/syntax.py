"""What the dependency parse says about a time expression: the word it modifies and its tense.

Two questions need the parse. Normalising "on Monday" or "October 10" without a year needs the
tense of the clause ("fired on Monday" is the Monday before the article, "will meet on Monday"
the one after). Dating an event needs to know which clause an expression belongs to ("On
October 7, four ships fired…" dates "fired"). Both start from the same walk up the tree, from
the expression's root through prepositions and noun-phrase links to the word it modifies.
"""

from __future__ import annotations

from enum import StrEnum

from spacy.tokens import Doc, Token

from eventwire.timex.lexicon import Lexicon


class Tense(StrEnum):
    """The time a clause points to, as far as the normaliser needs it."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m", "be"})
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "ll", "shall", "wo", "would", "'d"})
#: Modals that look forward ("should establish … in the future", "could meet on Monday").
FORWARD_MODALS = frozenset({"can", "could", "may", "might", "should", "must", "ought", "ca"})
#: Links a time expression hangs from inside the phrase it belongs to; the walk climbs them.
PHRASE_LINKS = frozenset(
    {
        "pobj",
        "prep",
        "npadvmod",
        "nummod",
        "compound",
        "amod",
        "det",
        "advmod",
        "nmod",
        "appos",
        "quantmod",
        "pcomp",
        "tmod",
        "case",
        "poss",
        "punct",
        "cc",
        "conj",
        "dobj",
        "attr",
        "oprd",
        "dep",
        "obl",
        "nsubj",
        "nsubjpass",
        "acomp",
        "advcl",
    }
)
#: Links by which an expression modifies a noun rather than a clause ("the attack on October
#: 10", "Thursday's closing price", "the Thursday meeting", "the 1987 treaty").
NOUN_MODIFIER_LINKS = frozenset({"prep", "poss", "compound", "nmod", "amod", "npadvmod", "nummod"})
MAX_CLIMB = 8


def expression_root(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering characters ``start``..``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def governing_word(root: Token) -> Token | None:
    """The verb (or, for "the attack on October 10", the noun) an expression modifies.

    Climbs from the expression's root while the link is part of a phrase; stops at the first
    verb, or at a noun that a prepositional phrase attaches to.
    """
    current = root
    for _ in range(MAX_CLIMB):
        head = current.head
        if head is current:
            return current if current.pos_ in VERBAL and current is not root else None
        if head.pos_ in VERBAL:
            return head
        if current.dep_ in NOUN_MODIFIER_LINKS and head.pos_ in NOMINAL:
            return head
        if current.dep_ not in PHRASE_LINKS:
            return None
        current = head
    return None


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause ``token`` belongs to (``token`` itself when it is a verb)."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.pos_ in VERBAL:
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def tense_at(doc: Doc, start: int, end: int, lexicon: Lexicon) -> Tense:
    """The tense of the clause the expression at ``start``..``end`` modifies.

    Unknown when the expression is a deadline or a start ("extended to Nov. 20", "payable
    Dec. 7": such dates lie on either side of the clause's time). An expression modifying a
    noun takes only a future tense from the noun's clause ("will present a plan on
    Wednesday"); a past or present clause says little about it ("announced a cutback in
    September", "follows Tuesday's declaration").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Tense.UNKNOWN
    root = span.root
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None and before.lower_ in lexicon.deadline_words
    ) or root.head.lower_ in lexicon.deadline_words:
        return Tense.UNKNOWN
    governor = governing_word(root)
    if governor is None:
        return Tense.UNKNOWN
    if governor.pos_ in VERBAL:
        return clause_tense(governor, lexicon)
    verb = clause_verb(governor)
    tense = clause_tense(verb, lexicon) if verb is not None else Tense.UNKNOWN
    return Tense.FUTURE if tense is Tense.FUTURE else Tense.UNKNOWN


def clause_tense(verb: Token, lexicon: Lexicon) -> Tense:
    """Read a clause's tense from its verb's tag and auxiliaries.

    Future: will/shall/would, forward-looking modals, "going to", infinitives of planning verbs
    ("agreed to meet on Monday"), and present-tense forms of planning verbs ("is scheduled for
    Monday"). Past: past tense, perfect, passive participles, and present-tense reporting verbs
    (the historical present of headlines: "Lavrov says…"). Other infinitives and participle
    clauses take their head's tense ("was allowed to inspect since Jan. 13").
    """
    for _ in range(MAX_CLIMB):
        auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
        words = {child.lower_ for child in auxiliaries}
        if words & FUTURE_AUXILIARIES or words & FORWARD_MODALS:
            return Tense.FUTURE
        if verb.lower_ == "going" and any(child.lower_ == "to" for child in verb.children):
            return Tense.FUTURE
        if "to" in words:
            if verb.head is verb or verb.head.lemma_ in lexicon.future_verbs:
                return Tense.FUTURE
            verb = verb.head
            continue
        if any(child.tag_ == "VBD" for child in auxiliaries) or verb.tag_ == "VBD":
            return Tense.PAST
        if verb.tag_ == "VBN":
            # Perfect ("has fired") and bare passive participles ("killed on Monday", "a
            # record set on Aug. 6") are past, unless a present passive plans ahead ("is
            # scheduled for Monday").
            if verb.lemma_ in lexicon.future_verbs and words & PRESENT_BE:
                return Tense.FUTURE
            return Tense.PAST
        if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and auxiliaries):
            if verb.lemma_ in lexicon.future_verbs:
                return Tense.FUTURE
            return Tense.PAST if verb.lemma_ in lexicon.reporting_verbs else Tense.PRESENT
        if verb.tag_ == "VBG" and verb.head is not verb:
            verb = verb.head
            continue
        return Tense.UNKNOWN
    return Tense.UNKNOWN
