"""Small questions asked of a spaCy dependency parse: who is the subject, what is the object.

The coder reads actions off the parse rather than off word order, so that "Russia had been
accused", "Russia's Aerospace Forces started delivering strikes" and "the governments of Syria
and Iraq" all yield the right participants. These helpers encode the English constructions the
coder relies on (passives, control verbs, conjunctions, noun-phrase cores) in one place.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

#: Dependents that belong to a noun phrase's core (its name), not to what follows it.
_CORE_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "case", "quantmod", "flat"})
#: Edges that start a new clause: the trigger's own clause stops there.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj"})
#: Edges that put a clause below the one it hangs on (coordination does not).
_EMBEDDING_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "xcomp", "pcomp"})
#: Verbs whose object is the understood subject of their complement ("urged Syria to talk").
_OBJECT_CONTROL_DEPS = frozenset({"dobj", "dative"})


def is_passive(verb: Token) -> bool:
    """A passive clause, or a passive participle modifying a noun ("soldiers *held* by jihadists")."""
    if passive_participle(verb):
        return True
    return any(item.dep_ in ("nsubjpass", "auxpass") for item in verb.children)


def child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` attached by one of ``deps``."""
    return next((item for item in token.children if item.dep_ in deps), None)


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens conjoined with it ("Syria and Iraq"), in text order."""
    return sorted({token, *token.conjuncts}, key=lambda item: item.i)


def passive_participle(verb: Token) -> bool:
    """A participle after a noun, unless the parser took the noun for the sentence's root: then
    the participle is the sentence's verb ("Russia, which has bases there, *called* for ...")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ != "ROOT"


def patient_of(verb: Token) -> Token | None:
    """What a passive acts on: its passive subject, or the noun a passive participle modifies."""
    if passive_participle(verb):
        return verb.head
    return child(verb, "nsubjpass")


def subject_of(verb: Token, _depth: int = 0) -> Token | None:
    """The (active) subject of ``verb``, following control and coordination when it has none.

    "Russia started delivering strikes": *delivering* has no subject of its own; it is the
    subject of *started*. "accused Russia of supplying": the subject of *supplying* is the
    object of *accused*; "called on Syria to withdraw": the one called on. A relative clause's
    subject is the noun it modifies; an adverbial "..., killing two" or "to allow ..." clause
    shares its head's subject. "X can be countered by joining forces" names no joiner.
    """
    own = child(verb, "nsubj", "csubj")
    if own is not None:
        if own.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return verb.head
        return own
    if _depth > 4 or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "xcomp":
        # "urged Syria to withdraw": the object; "he is scheduled to meet": the passive's subject
        controller = (
            child(head, *_OBJECT_CONTROL_DEPS)
            or next(iter(preposition_objects(head, ("on", "upon"))), None)
            or child(head, "nsubjpass")
        )
        return controller if controller is not None else subject_of(head, _depth + 1)
    if verb.dep_ == "pcomp":
        return _gerund_subject(head, _depth)
    if verb.dep_ in ("conj", "acomp", "attr"):  # "Syria is willing to withdraw": subject of "is"
        return subject_of(head, _depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB") and not child(verb, "mark"):
        called_on = _called_on(verb)
        if called_on is not None:
            return called_on
        return None if is_passive(head) else subject_of(head, _depth + 1)
    if verb.dep_ in ("acl", "relcl") and (
        verb.tag_ == "VBG" or (verb.tag_ == "VBN" and not passive_participle(verb))
    ):
        return head
    return None


def _called_on(infinitive: Token) -> Token | None:
    """Who is to do a "to"-infinitive the parser hung as an adverbial on a verb with an "on"
    object: "called on the mission *to protect* ...", like the xcomp it is (object control),
    not a date ("called on Tuesday to ...")."""
    if infinitive.tag_ != "VB" or not any(
        item.dep_ == "aux" and item.lower_ == "to" for item in infinitive.children
    ):
        return None
    return next(
        (
            item
            for item in preposition_objects(infinitive.head, ("on", "upon"))
            if item.ent_type_ not in ("DATE", "TIME") and item.i < infinitive.i
        ),
        None,
    )


def _gerund_subject(preposition: Token, depth: int) -> Token | None:
    """Who does the "-ing" of "accused Russia *of supplying*", "instead *of accusing*"."""
    governor = preposition.head
    if preposition.dep_ == "agent" or governor.i == preposition.i:
        return None  # the by-phrase of a passive: its doer is unexpressed
    if preposition.dep_ != "prep":  # "join forces instead of accusing": the joiners
        return subject_of(governor, depth + 1)
    controller = child(governor, "dobj", "nsubjpass")
    return controller if controller is not None else subject_of(governor, depth + 1)


def agent_of(verb: Token) -> Token | None:
    """The doer in a passive ("hit *by Russian aircraft*")."""
    agent = child(verb, "agent")
    return child(agent, "pobj") if agent is not None else None


def preposition_objects(token: Token, prepositions: tuple[str, ...]) -> Iterator[Token]:
    """Objects of ``token``'s prepositions, in the order ``prepositions`` lists them.

    A preposition of time ("*on* Tuesday") is not one of them.
    """
    attached = [item for item in _prepositions(token)]
    for preposition in prepositions:
        for item in attached:
            if item.lower_ == preposition:
                obj = child(item, "pobj", "pcomp")
                if obj is not None:
                    yield obj
                elif item.dep_ == "dative" and item.pos_ != "ADP":
                    yield item  # "gave Syria weapons": the dative is the recipient itself


def has_preposition(token: Token, preposition: str) -> bool:
    return any(item.lower_ == preposition for item in _prepositions(token))


def _prepositions(token: Token) -> Iterator[Token]:
    for item in token.children:
        # a particle with an object is a preposition the parser mislabelled ("called *on* all
        # parties to cease ...")
        misread = item.dep_ == "prt" and child(item, "pobj") is not None
        if item.dep_ not in ("prep", "dative", "agent") and not misread:
            continue
        obj = child(item, "pobj")
        if obj is None or obj.ent_type_ not in ("DATE", "TIME"):
            yield item


def core_span(token: Token) -> tuple[int, int]:
    """Character offsets of the noun phrase's name: "Russia's Aerospace Forces", "the Syrian army".

    Prepositional attachments and clauses are left out: the actor of "facilities of the Islamic
    State" is looked for in "facilities" first, then in "the Islamic State".
    """
    left, right = token.i, token.i
    stack = [token]
    while stack:
        current = stack.pop()
        for item in current.children:
            if item.dep_ in _CORE_DEPS:
                left, right = (
                    min(left, item.left_edge.i if item.dep_ == "poss" else item.i),
                    max(right, item.i),
                )
                stack.append(item)
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def clause_tokens(anchor: Token) -> Iterator[Token]:
    """Tokens of ``anchor``'s own clause (embedded clauses excluded), for context constraints."""
    stack = [anchor]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(item for item in current.children if item.dep_ not in CLAUSE_DEPS)


def path_length(first: Token, second: Token) -> int:
    """Number of dependency edges between two tokens of one sentence."""
    ancestors = {token.i: depth for depth, token in enumerate([first, *first.ancestors])}
    for depth, token in enumerate([second, *second.ancestors]):
        if token.i in ancestors:
            return depth + ancestors[token.i]
    return len(first.sent)


def clause_depth(anchor: Token, reporting: frozenset[str]) -> int:
    """How many clauses down from its sentence's main clause ``anchor``'s clause lies.

    A reported clause ("said *that* …") counts as the main clause: it is what the sentence
    is about. Used to prefer the action a sentence states over one it mentions in passing
    ("cancelled a visit *after a state of siege was declared*").
    """
    depth = 0
    node = anchor
    while node.head.i != node.i:
        embedded = node.dep_ in _EMBEDDING_DEPS
        if embedded and not (node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in reporting):
            depth += 1
        node = node.head
    return depth
