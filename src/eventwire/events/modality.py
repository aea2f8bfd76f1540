"""Is an action asserted, or only intended, appealed for, hypothetical, reported, or denied?

"The Russian Federation does not plan to take part in ground operations" must not become a
ground-fighting event, and "Russia and Turkey should establish closer cooperation" is an
appeal, not cooperation. The reading climbs from the action up the parse through the words that
govern it - auxiliaries ("should", "would"), control verbs and adjectives ("plans to", "ready
for", "it is necessary to"), conditionals ("if"), hedges ("allegedly"), contrasts ("instead of")
and reporting verbs ("said that", "statements that") - using the word lists of
``data/event_patterns.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.patterns import ModalityLexicon
from eventwire.events.syntax import CLAUSE_DEPS, child
from eventwire.model import Modality

#: Edges the climb follows from an action to the words that govern it.
_CLIMB_DEPS = frozenset(
    {"xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "prep", "agent", "dobj", "conj", "acomp", "attr"}
    | {"nsubj", "nsubjpass"}
)
#: Edges through which a governing word's modality reaches the action (not through "ccomp"); an
#: event noun that is a subject takes its predicate's ("any attack ... *would* invoke").
_CONTROL_DEPS = frozenset(
    {"xcomp", "pcomp", "pobj", "prep", "agent", "dobj", "acomp", "attr", "conj", "nsubj", "nsubjpass"}
)
#: Prepositions whose event noun is presupposed to take place, whatever the clause around it
#: intends: "agreed to reinstall cameras *during a visit* by Grossi" reports the visit as held.
_PRESUPPOSING = frozenset({"during", "amid", "since", "following", "after"})
#: Subordinators of a condition: their clause says when another act would happen.
CONDITIONS = frozenset({"if", "unless"})
#: Verbs and adverbs that make a condition the going on of an act already under way.
_CONTINUATIONS = frozenset({"continue", "keep", "persist", "resume", "repeat", "again"})
#: Edges that make the action the governor's object rather than its complement.
_OBJECT_DEPS = frozenset({"dobj", "attr"})
#: Later readings only replace earlier ones of lower rank: a denial beats everything.
_RANK: dict[Modality, int] = {"asserted": 0, "reported": 1, "intended": 2, "appeal": 3, "hypothetical": 4}


@dataclass(slots=True)
class Reading:
    """How an action is presented, and which words said so (for speaker and appeal attribution)."""

    modality: Modality = "asserted"
    negated: bool = False
    refused: bool = False
    """The negation is a refusal ("refused to", "will not"), which CAMEO codes as a rejection."""
    governor: Token | None = None
    """The control verb or adjective that made the action intended/appealed ("plan", "urge")."""
    refuser: Token | None = None
    """The verb of refusal ("refuse", "fail") that made the action a rejection."""
    reporter: Token | None = None
    """The reporting verb or noun whose content the action is ("said", "statements")."""
    demanded: bool = False
    """The appeal is a demand ("demanded that", "ordered X to"): CAMEO codes it 10x, not 02x."""
    alleged: bool = False
    """The action is the content of an accusation or a hedged claim: someone's claim, not a fact."""
    condition: bool = False
    """The action is the condition of another ("would act *if Hezbollah continued its attacks*"):
    what makes the main clause happen, neither an act nor a threat of its own."""
    relay: Token | None = None
    """A verb of pressing ("pressure", "persuade") between the action and its appeal: "called on
    the council *to pressure* Israel to stop" appeals to the council, not to Israel."""

    def lift(self, modality: Modality, governor: Token | None = None) -> None:
        if _RANK[modality] > _RANK[self.modality]:
            self.modality = modality
            self.governor = governor if governor is not None else self.governor

    def appeal(self, word: Token, lexicon: ModalityLexicon, governs: bool = True) -> None:
        """An appeal made by ``word`` ("urged", "demanded that", "must"), which may be a demand;
        ``governs``: ``word`` is the verb that makes it (a modal auxiliary is not)."""
        if _RANK["appeal"] > _RANK[self.modality]:
            self.lift("appeal", word if governs else None)
            self.demanded = word.lemma_.lower() in lexicon.demands or word.lower_ in lexicon.demands


def _inspect(token: Token, reading: Reading, lexicon: ModalityLexicon, direct: bool) -> None:
    """Apply the modal words attached to ``token``; ``direct``: ``token`` is the action's clause."""
    for item in token.children:
        word = item.lower_
        if item.dep_ == "neg" or (item.dep_ == "det" and word == "no" and token.pos_ == "NOUN"):
            reading.negated = True
            # "will not accept" refuses; "does not plan to" only denies a plan
            reading.refused = reading.refused or any(
                aux.dep_ == "aux" and aux.lemma_.lower() in lexicon.intended_auxiliaries | {"would"}
                for aux in token.children
            )
        elif item.dep_ == "aux":
            if word in lexicon.appeal:
                reading.appeal(item, lexicon, governs=False)
            elif word == "would" and _reported(token, lexicon):
                reading.lift("intended")  # "said it would support": the future of the past
            elif word in lexicon.hypothetical:
                reading.lift("hypothetical")
            elif item.lemma_.lower() in lexicon.intended_auxiliaries and direct:
                reading.lift("intended")
        elif item.dep_ == "mark" and word in lexicon.hypothetical:
            reading.lift("hypothetical")
        elif item.dep_ == "advmod" and word in lexicon.hedges:
            reading.alleged = True
        elif item.dep_ == "advmod" and word in lexicon.contrasts and _introduces(item):
            reading.negated = True  # "instead of attacking": the set-aside act
        elif item.dep_ in ("acomp", "attr") and item.lemma_.lower() in lexicon.appeal:
            reading.lift("appeal")
        elif item.dep_ in ("acomp", "attr") and item.lemma_.lower() in lexicon.hypothetical:
            reading.lift("hypothetical")


def _introduces(contrast: Token) -> bool:
    """Whether a contrast word opens what is set aside ("*instead of* X", "*rather than* X"); on
    its own ("would *instead* provide $5 million") it marks the alternative chosen, which holds."""
    return any(item.lower_ in ("of", "than") for item in contrast.children) or (
        contrast.i + 1 < len(contrast.doc) and contrast.nbor(1).lower_ in ("of", "than")
    )


def adverbial_infinitive(node: Token) -> bool:
    """A "to"-infinitive the parser hung as an adverbial ("agreed ... *to cease* fire"): a
    governing word's complement as much as an xcomp is."""
    return (
        node.dep_ == "advcl"
        and node.tag_ == "VB"
        and any(item.dep_ == "aux" and item.lower_ == "to" for item in node.children)
    )


def _reported(token: Token, lexicon: ModalityLexicon) -> bool:
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in lexicon.reporting


def _govern(governor: Token, reading: Reading, lexicon: ModalityLexicon, through_object: bool) -> None:
    """Apply what ``governor`` itself means for the action it controls ("plan", "ready", "urge").

    ``through_object``: the action is the governor's object. Plans take one ("plans an
    offensive"); appeals do not ("what he *called* its courage" appeals for nothing).
    """
    lemma = governor.lemma_.lower()
    if lemma in lexicon.refusals:
        reading.negated = reading.refused = True
        reading.refuser = governor
    elif lemma in lexicon.denials:
        reading.negated = True
    elif lemma in lexicon.appeal and not through_object and _appeals(governor):
        reading.appeal(governor, lexicon)
    elif lemma in lexicon.intended and (lemma not in _ADJECTIVE_ONLY or governor.pos_ == "ADJ"):
        reading.lift("intended", governor)
    elif lemma in lexicon.hypothetical:
        reading.lift("hypothetical", governor)


#: Intent words that are intent only as adjectives: "remains *open* to dialogue", but "opened
#: the bridge to allow deliveries" opens a bridge.
_ADJECTIVE_ONLY = frozenset({"open"})
#: Appeal verbs that appeal only with their preposition: "called *on* X to", "called *for* talks";
#: "called Nepal's prime minister to offer condolences" is a telephone call with a purpose.
_APPEAL_PREPOSITIONS = {"call": frozenset({"on", "upon", "for"})}


def _appeals(governor: Token) -> bool:
    needed = _APPEAL_PREPOSITIONS.get(governor.lemma_.lower())
    return needed is None or any(
        item.dep_ in ("prep", "prt")
        and item.lower_ in needed
        and not any(word.ent_type_ in ("DATE", "TIME") for word in item.children)  # "on Tuesday"
        for item in governor.children
    )


def _set_aside(node: Token, lexicon: ModalityLexicon) -> bool:
    """A conjunct introduced by "rather than" / "instead of" ("joining forces rather than settling")."""
    if node.dep_ != "conj":
        return False
    return any(
        item.dep_ in ("cc", "prep") and node.head.i < item.i < node.i and _has_contrast(item, lexicon)
        for item in node.head.children
    )


def _has_contrast(token: Token, lexicon: ModalityLexicon) -> bool:
    return token.lower_ in lexicon.contrasts or any(
        item.dep_ == "advmod" and item.lower_ in lexicon.contrasts for item in token.children
    )


def _scheduling_predicate(noun: Token, lexicon: ModalityLexicon) -> Token | None:
    """The word that schedules an event noun it is the subject of: "talks *are due* to resume",
    "the summit *is scheduled* to open", "the meeting *is expected* to take place". The event is
    planned, not held: the predicate's infinitive says what is to happen to it."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    predicate = noun.head
    for word in (predicate, *(item for item in predicate.children if item.dep_ in ("acomp", "xcomp"))):
        infinitive = any(item.dep_ == "xcomp" and item.tag_ == "VB" for item in word.children)
        if infinitive and word.lemma_.lower() in lexicon.intended:
            return word
    return None


def _continuation_as_condition(clause: Token) -> bool:
    """ "would act with full force *if Hezbollah continued its attacks*", "if the drills go on
    again": a condition that an act under way goes on refers to that act, reported as such; it is
    neither a new act nor its doer's threat ("If Turkey attacks Syria" is a hypothetical attack)."""
    return any(item.dep_ == "mark" and item.lower_ in CONDITIONS for item in clause.children) and (
        clause.lemma_.lower() in _CONTINUATIONS
        or any(item.dep_ == "advmod" and item.lower_ in _CONTINUATIONS for item in clause.children)
    )


def read_modality(anchor: Token, lexicon: ModalityLexicon) -> Reading:
    """The reading of the action whose clause is headed by ``anchor`` (verb, or noun on its own)."""
    reading = Reading()
    _inspect(anchor, reading, lexicon, direct=True)
    scheduler = _scheduling_predicate(anchor, lexicon)
    if scheduler is not None:
        reading.lift("intended", scheduler)
    node = anchor
    for _ in range(8):
        if _set_aside(node, lexicon):
            reading.negated = True
        if node.dep_ not in _CLIMB_DEPS or node.head.i == node.i:
            break
        parent = node.head
        if node.dep_ == "pobj" and parent.lower_ in _PRESUPPOSING:
            break
        if node.dep_ == "ccomp" and parent.lemma_.lower() in lexicon.appeal - lexicon.reporting:
            reading.appeal(parent, lexicon)  # "demanded that the government negotiate"
            break
        if node.dep_ in ("ccomp", "acl") and parent.lemma_.lower() in lexicon.reporting:
            reading.reporter = parent
            reading.alleged = reading.alleged or parent.lemma_.lower() in lexicon.allegations
            reading.negated = reading.negated or parent.lemma_.lower() in lexicon.denials
            break
        if (
            node.dep_ == "pcomp"
            and parent.dep_ == "prep"
            and parent.head.lemma_.lower() in lexicon.allegations
        ):
            reading.reporter, reading.alleged = parent.head, True  # "accused Russia of supplying"
            break
        if node.dep_ == "advcl" and any(
            item.dep_ == "mark" and item.lower_ in lexicon.hypothetical for item in node.children
        ):
            reading.lift("hypothetical", parent)
            reading.condition = reading.condition or _continuation_as_condition(node)
        if (
            node.dep_ in _CONTROL_DEPS
            or (node.dep_ == "acl" and parent.pos_ == "NOUN")
            or adverbial_infinitive(node)
        ):
            if (
                reading.relay is None
                and reading.modality == "asserted"
                and parent.lemma_.lower() in lexicon.relays
            ):
                reading.relay = parent
            # "plans to send", "ready to send", and a noun's own: "its demand that Israel ease"
            _govern(parent, reading, lexicon, through_object=node.dep_ in _OBJECT_DEPS)
            _inspect(parent, reading, lexicon, direct=False)
        if node.dep_ == "ccomp" or (node.dep_ == "advcl" and not adverbial_infinitive(node)):
            break
        node = parent
    if reading.modality != "appeal":
        reading.relay = None  # "Israel pressured Hamas to release ...": pressure, no appeal
    if reading.alleged:
        reading.lift("reported")
    if anchor.sent.text.rstrip().rstrip("\"'”’ ").endswith("?"):
        reading.lift("hypothetical")
    return reading


def in_relative_clause(anchor: Token) -> bool:
    """Whether ``anchor``'s clause is a relative clause ("the extremists *who should be attacked*")."""
    node = anchor
    for _ in range(8):
        if node.dep_ == "relcl" or _relative_as_acl(node):
            return True
        if node.dep_ in CLAUSE_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


#: Relative pronouns: a clause on a noun that one of them opens is a relative clause.
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def _relative_as_acl(node: Token) -> bool:
    """A relative clause the parser labels a clausal modifier ("a violation *that no ally should
    accept*", with "that" taken for the object)."""
    return node.dep_ == "acl" and any(
        item.dep_ in ("dobj", "nsubj", "nsubjpass") and item.lower_ in _RELATIVE_PRONOUNS
        for item in node.children
    )


def subject_controller(reading: Reading) -> Token | None:
    """Who appeals, when the governor is an appeal verb with a subject ("Lavrov urged ...")."""
    if reading.governor is None or reading.governor.pos_ not in ("VERB", "AUX"):
        return None
    return child(reading.governor, "nsubj")
