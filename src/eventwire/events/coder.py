"""The event coder: from a parsed article to CAMEO/PLOVER events with their evidence.

For every verb, noun or predicative adjective whose lemma some pattern knows, the most specific
matching pattern gives the action; the parse gives source (subject, passive agent, the subject
of a light verb such as "delivered strikes", or a possessor "Turkey's statements") and target
(object, then the pattern's prepositions: "support to Y", "strikes at Z"). Conjunctions yield
one event per source-target pair. The modality reading (``modality.py``) decides whether the
action is asserted, and rewrites intended or appealed-for actions to their 03x/02x codes
(demanded ones to 10x) and refused cooperation to 12x, so that no material event is ever coded
from "plans to" or "should". A state named as a whole is coded as its government on either side
of what states say, appeal, plan, consult, protest or reduce relations over (RUSGOV -> USAGOV);
its other material acts keep the state's code (see :func:`_as_coded`). A joint act ("Russia and
Egypt agreed", "talks between X and Y") is one event, from the first named to the other.

An article yields each reported event once (:func:`_distinct`, as GDELT does); history it recalls
(dated over ``BACKGROUND_DAYS`` ago), habits ("have clashed repeatedly"), asides in
non-restrictive relative clauses, participles that describe a noun ("a truce *brokered by*
Qatar") and subheadings are not coded. A charge someone reports ("said X *provoked* the clash") is
that someone's accusation against X, not X's act (patterns marked ``imputed``).

Some actions are left uncoded on purpose: an action no actor performs ("two soldiers were
wounded"), one a relative clause only imagines ("the extremists who should be attacked"), and
what a participle or an infinitive adds to a coded action - its outcome ("shelled the village,
killing two") or its purpose ("marched to demand the removal") - which is that action's, not
another event.

Confidence is documented in :func:`confidence`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import STATE_FORCES, STATE_SECTORS
from eventwire.events import context
from eventwire.events.codebook import Codebook
from eventwire.events.modality import (
    CONDITIONS,
    Reading,
    adverbial_infinitive,
    in_relative_clause,
    read_modality,
    subject_controller,
)
from eventwire.events.participants import Participant, participants
from eventwire.events.patterns import EventPattern, LightVerb, PatternSet
from eventwire.events.syntax import (
    agent_of,
    child,
    clause_depth,
    clause_tokens,
    core_span,
    has_preposition,
    is_passive,
    passive_participle,
    path_length,
    patient_of,
    preposition_objects,
    subject_of,
)
from eventwire.model import Article, Event, EventActor, Evidence, Modality, Quote, Speaker

#: Codes that mean nothing without a counterpart: consult, discuss by telephone, visit (someone or
#: somewhere: "toured a plant" in no known place names no host), negotiate, and confiscate
#: (someone's property: "seized weapons" names no owner, so no dyad).
_NEEDS_COUNTERPART = frozenset({"040", "041", "042", "046", "1711"})
#: Force posture, assault, fight, mass violence: codes whose kind the actor's means decide.
_FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
#: Assault, fight, mass violence: uses of force that need a target or an armed doer.
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: Appeals and demands: their "that"-clause's subject is whom they address.
_DIRECTIVE_ROOTS = frozenset({"02", "10"})
#: Statements, appeals, intents, consultations and praise (01-05): a bare noun of these that
#: names no counterpart mentions a stance in passing rather than reporting an act.
_TALK_ROOTS = frozenset({"01", "02", "03", "04", "05"})
#: Protests: aimed at whom their accompanying demands address.
_PROTEST_ROOT = "14"
#: Prepositions that say where a protest is held, which names its target only failing a demand.
_PROTEST_SITES = frozenset({"outside", "at"})
#: Yielding (08): a concession, which an act of force never is.
_YIELD_ROOT = "08"
#: Conflicts named as a whole: "Sudan's war has killed 12,000 people" is no one side's act.
_CONFLICT_NOUNS = frozenset({"war", "conflict", "violence", "unrest", "insurgency", "crisis"})
#: Blockades and closed borders restrict movement: an authority needs no arms or target for it.
_RESTRICT_MOVEMENT = "191"
#: Agreeing (03), meeting (04) and yielding (08): what a party is asked to accept, attend or
#: concede. "Will/would not" before them ("will not accept lessons", "will not negotiate with
#: the militants", "will not withdraw the bill") refuses; before any other act ("will not send
#: troops", "would not recognise the junta") it only negates it.
_CONCESSION_ROOTS = frozenset({"03", "04", "08"})
#: Prepositions of a place phrase inside an object ("the attacks *in* the area").
_PLACE_PREPOSITIONS = ("in", "at", "near", "across", "around")
#: Appeals and statements of intent: their date is when they are made, not when what they ask
#: for or promise is to happen ("urged Kenya to withdraw *by Friday*").
_STATEMENT_ROOTS = frozenset({"02", "03"})
#: What states do through their governments: say, appeal, plan, consult, cooperate diplomatically
#: (01-05), demand, disapprove, reject, threaten, protest (10-14) and reduce relations (16).
_GOVERNMENTAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13", "14", "16"})
#: Visits and hosting: the place visited stands for its state ("toured a plant in Commerce").
_VISIT_CODES = frozenset({"042", "043"})
_VISIT, _HOST = "042", "043"
#: An event whose dated period ended this long before publication is the story's background
#: ("after a brief war in 2008", "began their operation on September 30, 2015"), not its news; it
#: is not coded. "Last year" and "last month" are news.
BACKGROUND_DAYS = 365
#: Shelling and air or missile strikes: a launch of their weapons that hits no one named
#: ("fired around 100 artillery shells into a maritime buffer zone") shows force (150) instead.
_BOMBARDMENTS = frozenset({"194", "195"})
_SHOW_OF_FORCE = "150"
#: An appeal and a demand for nothing more specific.
_BARE_APPEAL = "020"
_BARE_DEMAND = "100"
#: Verbs that put an agreement in writing, and the code of signing one.
_SIGNING = frozenset({"sign", "ink", "countersign"})
_SIGN_AGREEMENT = "057"
#: Sending forces (154), and sending them to another state's side (074).
_MOBILISATION = "154"
_PROTECTION = "074"
#: Words of a protective mission: forces sent to another state on one protect it.
_MISSION_WORDS = frozenset({"mission", "peacekeeping", "peacekeeper", "stabilisation", "stabilization"})
#: Entity types that are never a participant ("passed to an offensive on *October 8*").
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Dependents that may carry a clause marker ("said that X *must* …", "that X *allegedly* …").
_MARKER_DEPS = frozenset({"aux", "advmod", "neg"})


@dataclass(slots=True)
class Match:
    """A trigger token, the pattern it matched, and the parse positions that pattern implies."""

    trigger: Token
    pattern: EventPattern
    anchor: Token
    """The verb whose clause carries the action: the trigger, or the light verb of a noun."""
    light_verb: Token | None = None
    consumed: set[int] = field(default_factory=set)
    """Tokens that are part of the predicate ("take *part*", "open *fire*"), never participants."""

    @property
    def is_bare_noun(self) -> bool:
        """A noun with no verb of its own ("the *attack* in Ankara"): a mention, not a predicate."""
        return self.pattern.kind == "noun" and self.light_verb is None


def confidence(
    pattern: EventPattern,
    source: Participant | None,
    target: Participant | None,
    trigger: Token,
    depth: int,
) -> float:
    """How much to trust an event, from 0 to 1.

    ``0.1 + 0.25 * specificity + 0.25 * resolution + 0.15 * closeness + 0.25 * prominence``
    where *specificity* is 0.5 for a bare lemma, 0.75 with one constraint and 1.0 with more;
    *resolution* is the mean quality of the participants present (1.0 named directly, 0.8
    through a pronoun or the speaker, 0.6 found inside a longer phrase, 0 unresolved);
    *closeness* is ``1 / (1 + 0.25 * (edges - 2))`` over the dependency edges from the trigger
    to the participants (a subject and an object one edge away each score 1.0); *prominence* is
    ``1 / (1 + depth)`` where *depth* counts the clauses between the action and the sentence's
    main clause (a reported clause counts as main; a bare event noun adds one), because what a
    sentence states is surer than what it mentions in passing.
    """
    specificity = (0.5, 0.75, 1.0)[min(pattern.specificity, 2)]
    present = [item for item in (source, target) if item is not None]
    resolution = sum(item.quality for item in present) / len(present) if present else 0.0
    edges = sum(path_length(trigger, item.token) for item in present) if present else 4
    closeness = 1.0 / (1.0 + 0.25 * max(edges - 2, 0))
    prominence = 1.0 / (1.0 + depth)
    return round(0.1 + 0.25 * specificity + 0.25 * resolution + 0.15 * closeness + 0.25 * prominence, 2)


class EventCoder:
    """Codes the events of parsed articles with one pattern set and codebook (build once, reuse)."""

    def __init__(self, patterns: PatternSet, codebook: Codebook) -> None:
        self.patterns = patterns
        self.codebook = codebook
        #: Every word a pattern is keyed by: a token whose lemma and form are none of these (nor
        #: a known verb plus "d" or "ed", see :func:`verb_lemma`) triggers nothing.
        self.trigger_words = (
            frozenset(patterns.verbs) | frozenset(patterns.nouns) | frozenset(patterns.adjectives)
        )

    # -- matching -------------------------------------------------------------------------------

    def _constraints_hold(
        self, pattern: EventPattern, trigger: Token, anchor: Token, context: dict[bool, set[str]]
    ) -> set[int] | None:
        """The predicate tokens the pattern consumes, or None when a constraint fails.

        ``context`` remembers the words around this trigger (see :meth:`_context_words`) for
        the other candidate patterns of the same trigger.
        """
        consumed: set[int] = set()
        if pattern.particle:
            particle = next(
                (item for item in trigger.children if item.dep_ == "prt" and item.lower_ == pattern.particle),
                None,
            )
            if particle is None:
                return None
            consumed.add(particle.i)
        if pattern.object:
            obj = patient_of(trigger) if is_passive(trigger) else child(trigger, "dobj")
            if obj is None or obj.lemma_.lower() not in pattern.object:
                return None
            consumed.add(obj.i)
        if pattern.prep and not has_preposition(trigger, pattern.prep):
            return None
        if pattern.context:
            force = pattern.code[:2] in _FORCE_ROOTS
            if force not in context:
                context[force] = self._context_words(trigger, anchor, force)
            if not context[force] & pattern.context:
                return None
        if pattern.clause_marker and _marked_clause(trigger, pattern.clause_marker) is None:
            return None
        if pattern.complement and not _has_complement(trigger, pattern.complement):
            return None
        return consumed

    @staticmethod
    def _context_words(trigger: Token, anchor: Token, force: bool) -> set[str]:
        """The words (lemmas and lower-case forms) around the trigger a context constraint
        looks for.

        The subject's words count only for uses of force, where who acts says how ("Turkish
        *warplanes* struck": from the air); elsewhere they do not ("the Russian *military*
        delivered aid" is not military aid).
        """
        around = [*clause_tokens(anchor)]
        if anchor.i != trigger.i:
            around.extend(clause_tokens(trigger))
        subject = subject_of(anchor)
        if subject is not None:
            if force:
                around.extend(subject.subtree)
            else:
                own = {token.i for token in subject.subtree}
                around = [token for token in around if token.i not in own]
        return {
            word for token in around if token.i != trigger.i for word in (token.lemma_.lower(), token.lower_)
        }

    def _best(self, candidates: tuple[EventPattern, ...], trigger: Token, anchor: Token) -> Match | None:
        """The most specific pattern that holds; on a tie the finer code, then the earlier entry."""
        best: Match | None = None
        context: dict[bool, set[str]] = {}
        for pattern in candidates:
            consumed = self._constraints_hold(pattern, trigger, anchor, context)
            if consumed is None:
                continue
            rank = (pattern.specificity, len(pattern.code))
            if best is None or rank > (best.pattern.specificity, len(best.pattern.code)):
                best = Match(trigger, pattern, anchor, consumed=consumed)
        return best

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb that hands its subject to ``noun``.

        "delivered strikes", "passed to an offensive", and through a container noun: "sent a
        message of condolences", "launched a mediation effort".
        """
        head, preposition = noun, None
        while head.dep_ == "conj" and head.head.pos_ == "NOUN":
            head = head.head  # "stepped up intelligence sharing and *support*": the first conjunct's verb
        if head.dep_ == "compound" and head.head.lemma_.lower() in self.patterns.containers:
            head = head.head
        elif (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in self.patterns.containers
        ):
            head = head.head.head
        if head.dep_ in ("dobj", "nsubjpass"):
            verb = head.head
        elif head.dep_ == "pobj" and head.head.dep_ in ("prep", "dative"):
            verb, preposition = head.head.head, head.head.lower_
        else:
            return None
        if child(verb, "oprd") is not None:
            return None  # "called the attack a violation" names the attack; the calling is the act
        entries = self.patterns.light_verbs.get(verb_lemma(verb, self.patterns.light_verbs), ())
        return verb if any(_light_verb_fits(entry, verb, preposition) for entry in entries) else None

    def matches(self, doc: Doc) -> list[Match]:
        """Every trigger in ``doc`` with its most specific pattern (user patterns win ties)."""
        found: list[Match] = []
        for token in doc:
            match = self._match(token)
            if match is not None:
                found.append(match)
        # A verb pattern that names its object ("open fire") owns it; otherwise the noun names the
        # action and its light verb's own pattern yields ("offered condolences" is not an offer).
        verbal = [match for match in found if match.pattern.kind != "noun"]
        owned = {index for match in verbal for index in match.consumed}
        verb_triggers = {match.trigger.i for match in verbal}
        nouns = [
            match
            for match in found
            if match.pattern.kind == "noun"
            and match.trigger.i not in owned
            and not (
                match.trigger.dep_ == "dobj" and match.trigger.head.i in verb_triggers and match.is_bare_noun
            )
        ]
        light = {match.light_verb.i for match in nouns if match.light_verb is not None}
        kept = [match for match in verbal if match.trigger.i not in light | owned]
        return sorted(kept + nouns, key=lambda match: match.trigger.i)

    def _may_trigger(self, lemma: str, form: str) -> bool:
        """Whether a pattern is keyed by the word (checked first: most words trigger nothing)."""
        words = self.trigger_words
        if lemma in words or form in words:
            return True
        return form.endswith("ed") and (form[:-1] in words or form[:-2] in words)

    def _match(self, token: Token) -> Match | None:
        lemma, form = token.lemma_.lower(), token.lower_
        if not self._may_trigger(lemma, form):
            return None
        if _is_predicative(token):  # "is opposed to" reads as a state, not as a passive "oppose"
            for word in (lemma, token.lower_):
                match = self._best(self.patterns.adjectives.get(word, ()), token, token)
                if match is not None:
                    return match
        nominal = token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        as_noun = token.pos_ == "NOUN"
        if nominal and token.tag_ == "VBG" and token.lower_ in self.patterns.nouns:
            lemma, as_noun = token.lower_, True  # "*Fighting* between rival groups killed six"
        elif nominal and token.pos_ == "VERB" and token.tag_ != "VBG" and lemma in self.patterns.nouns:
            as_noun = True  # "in response to artillery *drills*": tagged a verb, parsed as a noun
        elif token.pos_ == "VERB" or _judging_copula(token):
            return self._best(
                self.patterns.verbs.get(verb_lemma(token, self.patterns.verbs), ()), token, token
            )
        if as_noun and lemma in self.patterns.nouns and not _describes(token):
            light = self._light_verb(token)
            match = self._best(self.patterns.nouns[lemma], token, light or token)
            if match is not None:
                match.light_verb = light
            return match
        return None

    # -- participants ---------------------------------------------------------------------------

    def _source_tokens(self, match: Match) -> list[Token]:
        """Candidate source phrases, best first (the caller takes the first that names an actor)."""
        anchor = match.anchor
        if match.pattern.kind == "adjective":
            own = child(anchor, "nsubj", "nsubjpass") or subject_of(anchor)
            return [own] if own is not None else []
        if match.is_bare_noun:
            noun = match.trigger
            candidates = [
                *[item for item in noun.children if item.dep_ == "poss"],
                *preposition_objects(noun, ("by",)),
                *[
                    item
                    for item in noun.children
                    if item.dep_ in ("amod", "compound", "nmod") and item.pos_ in ("PROPN", "ADJ")
                ],
            ]
            joint = match.pattern.symmetric or match.pattern.code[:2] == "04"
            host = _adverbial_host(noun) if joint else None
            if host is not None and (subject := subject_of(host)) is not None:
                candidates.append(subject)  # "Lavrov said ... after talks with Shoukry": Lavrov's talks
            governor = _predicative_governor(noun)
            if governor is not None and governor.lemma_.lower() in self.patterns.modality.intended:
                # "we are ready for close cooperation": we
                subject = subject_of(governor)
                candidates.extend([subject] if subject is not None else [])
            return candidates
        if is_passive(anchor):
            agent = agent_of(anchor)
            return [agent] if agent is not None else []
        subject = subject_of(anchor)
        if subject is None:
            return []
        if subject.i == anchor.head.i and subject.head.pos_ in ("VERB", "AUX"):
            # "issued a declaration demanding ...": the declaration's issuer, if it names no one
            issuer = subject_of(subject.head)
            return [subject, issuer] if issuer is not None else [subject]
        aside = self._interjected_reporter(anchor) if match.pattern.code[:2] in _GOVERNMENTAL_ROOTS else None
        if aside is not None:
            return [aside, subject]  # "X fired shells, Seoul's military said, *calling* it a violation"
        reporter = _misattached_conjunct_reporter(anchor)
        return [subject, reporter] if reporter is not None else [subject]

    def _interjected_reporter(self, verb: Token) -> Token | None:
        """Who says a participle clause that follows an interjected "..., X said,": its speech
        act ("calling the barrage a violation") is the reporter's, not the reported actor's."""
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or child(verb, "nsubj") is not None:
            return None
        said = next(
            (
                item
                for item in verb.head.children
                if item.dep_ == "parataxis"
                and item.i < verb.i
                and item.lemma_.lower() in self.patterns.modality.reporting
            ),
            None,
        )
        return child(said, "nsubj") if said is not None else None

    def _target_tokens(self, match: Match) -> list[Token]:
        """Object first, then prepositional complements (on the noun, then on its light verb)."""
        pattern, trigger, anchor = match.pattern, match.trigger, match.anchor
        if pattern.clause_marker:
            clause = _marked_clause(trigger, pattern.clause_marker)
            subject = subject_of(clause) if clause is not None else None
            return [subject] if subject is not None else []
        preps = pattern.target_preps or self.patterns.default_target_preps
        tokens: list[Token] = []
        recipient = child(anchor, "dative") if anchor.i != trigger.i else None
        if recipient is not None and recipient.pos_ != "ADP":  # "handed *him* a protest note"
            tokens.append(recipient)
        if pattern.kind == "verb":
            obj = patient_of(trigger) if is_passive(trigger) else child(trigger, "dobj", "dative")
            if (
                (obj is None or obj.tag_ in ("WDT", "WP") or obj.lower_ in ("that", "which", "whom"))
                and trigger.dep_ == "relcl"
                and child(trigger, "nsubj") is not None
            ):
                obj = trigger.head  # "seven companies (that) it accuses of ...": the companies
            if (
                obj is not None
                and trigger.dep_ == "relcl"
                and obj.i == trigger.head.i
                and pattern.code[:2] == _DISAPPROVAL_ROOT
            ):
                tokens.extend(_doers_of_event_noun(obj))  # "an offensive that Baghdad denounced": its doer
            predicate = child(trigger, "oprd")
            if obj is None and predicate is not None and predicate.pos_ in ("NOUN", "PROPN"):
                obj = predicate  # a second object the parser took for a predicate ("called X")
            obj = _counted(obj) if obj is not None else None
            if obj is not None and obj.i in match.consumed:
                if pattern.code[:2] in _VIOLENT_ROOTS and obj.lemma_.lower() not in self.patterns.instruments:
                    tokens.append(obj)  # "blocked supply boats": force is used on what it names
                # "provide security guarantees *for* X": the predicate's own noun passes it on
                tokens.extend(preposition_objects(obj, preps))
            elif obj is not None and (
                obj.lemma_.lower() not in self.patterns.instruments or pattern.particle == _BROUGHT_DOWN
            ):
                if not (pattern.code[:2] in _OWN_FORCE_ROOTS and _own(obj)):
                    tokens.append(obj)  # "shot *down* 11 Houthi drones": what is downed is hit, not fired
                if obj.lemma_.lower() in _AUTHORED:
                    # "rejected a statement *by* India's foreign ministry": its author is answered
                    tokens.extend(preposition_objects(obj, ("by", "from")))
                # "offer tax incentives to Korean suppliers": an object naming no one passes the
                # action on to its own complement (taken only if the object resolves to nothing);
                # not an event noun's ("condemned the attack on Sanaa" is not aimed at Sanaa)
                # unless the pattern names the preposition: "blamed the attacks *on* Boko Haram"
                if obj.lemma_.lower() not in self.patterns.nouns or pattern.target_preps:
                    direct = list(preposition_objects(obj, preps))
                    if not direct and pattern.target_preps:
                        # "blamed the attacks in the area *on* X": the parser hangs the phrase
                        # on the noun of a place phrase (the object's or the verb's)
                        places = [*preposition_objects(obj, _PLACE_PREPOSITIONS)]
                        places += preposition_objects(trigger, _PLACE_PREPOSITIONS)
                        direct = [found for place in places for found in preposition_objects(place, preps)]
                    tokens.extend(direct)
            clause = child(trigger, "ccomp")  # "demanded that Mugabe abandon ...": Mugabe
            clause_subject = subject_of(clause) if clause is not None else None
            # only a directive addresses its clause's subject: "denied that the companies
            # supplied ..." is not a denial made to the companies
            # (and help: "helped Ukraine rebuild its grid" aids Ukraine)
            if (
                obj is None
                and clause_subject is not None
                and pattern.code[:2] in _DIRECTIVE_ROOTS | {_AID_ROOT}
            ):
                tokens.append(clause_subject)
        attached = [*preposition_objects(trigger, preps)]
        if anchor.i != trigger.i:
            attached.extend(preposition_objects(anchor, preps))
        attached = [_counted(item) for item in attached]  # "fired at *thousands of protesters*"
        # "at the request of Syria" names no target: an event noun is a circumstance
        tokens.extend(
            item
            for item in attached
            if item.i not in match.consumed
            and (
                item.lemma_.lower() not in self.patterns.nouns
                # "raise the issue at a European Union summit": a forum stands for its members
                or (pattern.code[:2] == _CONSULT_ROOT and item.lemma_.lower() in _FORUMS)
            )
        )
        if pattern.code in _BETWEEN_PARTIES:
            # "offered to host talks *between* X and Y", "proposed talks between the two leaders"
            tokens.extend(
                found
                for item in trigger.subtree
                if item.dep_ == "prep" and item.lower_ in ("between", "among")
                for found in [child(item, "pobj")]
                if found is not None
            )
        if match.is_bare_noun and not tokens and not (pattern.symmetric and self._between(match)):
            tokens.extend(_noun_complement_targets(trigger))
        if pattern.code[:2] in _VIOLENT_ROOTS:
            tokens.extend(_victims_of_main_clause(anchor))
            tokens.extend(_holders_of_retaken_ground(anchor))
        if pattern.code[:2] == _AID_ROOT:
            tokens.extend(_helped_by_purpose(anchor))
        if pattern.code[:2] == _PROTEST_ROOT:
            # "marched to the villa, calling on the government to ...": a protest is aimed at whom
            # its demand is addressed to (tried after the protest's own complements, but before
            # the place it is held at: "rallied outside the French base to demand ...")
            sites = [token for token in tokens if token.head.lower_ in _PROTEST_SITES]
            tokens = [token for token in tokens if token not in sites]
            tokens.extend(_protested(anchor))
            tokens.extend(self._addressees_of_demands(anchor))
            tokens.extend(sites)
        return [token for token in tokens if token.i != trigger.i and token.ent_type_ not in _NOT_ACTORS]

    def _addressees_of_demands(self, verb: Token) -> list[Token]:
        """Whom the appeals and demands that accompany ``verb`` address: "..., calling on X to",
        "..., demanding that X ...", "..., urging X to"."""
        found: list[Token] = []
        for clause in verb.children:
            if (
                clause.dep_ not in ("advcl", "xcomp", "conj")
                or clause.lemma_.lower() not in self.patterns.modality.appeal
            ):
                continue
            found.extend(_addressees(clause))
            reported = child(clause, "ccomp")
            subject = subject_of(reported) if reported is not None else None
            found.extend([subject] if subject is not None else [])
        return found

    def _between(self, match: Match) -> list[Token]:
        """Participants of "cooperation between X and Y" (symmetric nouns)."""
        return list(preposition_objects(match.trigger, ("between", "among")))

    # -- events ---------------------------------------------------------------------------------

    def code(self, article: Article) -> list[Event]:
        """All events of ``article`` (parsed, with its earlier layers), in text order."""
        if article.doc is None:
            return []
        events: list[Event] = []
        surroundings = context.Surroundings(article)
        for sentence_matches in _by_sentence(self.matches(article.doc)):
            if _in_subheading(article, sentence_matches[0].trigger.idx):
                continue  # a subheading repeats the story in headline style; it is not prose
            coded = self._code_sentence(article, sentence_matches, surroundings)
            surroundings.note_combatants(
                [
                    side
                    for event in coded
                    if event.cameo_root in _VIOLENT_ROOTS
                    for side in (event.source, event.target)
                ]
            )
            events.extend(coded)
        events.extend(self._guest_visits(events))
        return _distinct([event for event in events if not _background(article, event)])

    def _guest_visits(self, events: list[Event]) -> list[Event]:
        """A host's guest visits it: "Blinken hosted Manalo" is also Manalo's visit (042) to the
        United States, as the gold codes both sides of a hosted visit."""
        return [
            self._recoded(event, _VISIT, event.target, event.source, "guest")
            for event in events
            if event.cameo == _HOST and event.target is not None and event.target.code and not event.negated
        ]

    def _code_sentence(
        self, article: Article, matches: list[Match], surroundings: context.Surroundings
    ) -> list[Event]:
        produced: list[tuple[Event, Match, int | None]] = []
        anchors = {match.anchor.i for match in matches}
        for match in matches:
            if self._purpose_of_act(match.anchor, anchors):
                continue  # "would provide $100 million to help modernize the army": why, not what
            reading = read_modality(match.anchor, self.patterns.modality)
            if reading.modality != "asserted" and in_relative_clause(match.anchor):
                continue  # "the extremists who should be attacked" describes them; it codes nothing
            if _aside(match.anchor):
                continue  # "The coalition, which is fighting the Houthis, said ...": background
            if _reduced_relative(match.anchor) or _describing_participle(match.anchor, anchors):
                continue  # "a ceasefire *brokered by* Qatar": what the noun is known for, not news
            if _helping_to_do(match.trigger) or _anonymity_request(match.trigger):
                continue  # "helped bury the dead", "asking not to be named": no one is aided or asked
            if _habitual(match, self.patterns.modality.habitual):
                continue  # "the two nations have fought repeatedly": a habit, not an event
            if self._accused_of(reading):
                continue  # "accused India of backing militants": the accusation is the event
            if reading.condition:
                continue  # "would act with full force if Hezbollah continued its attacks": a condition
            if self._denied(reading):
                continue  # "denied that the companies had supplied oil": the denial (016) is the event
            if match.is_bare_noun and _in_protest(match.trigger):
                continue  # "blocked the roads in protest at X": the motive of the act it modifies
            produced.extend(
                (event, match, _governor(reading, event))
                for event in self._events(article, match, reading, surroundings)
            )
        quads: dict[int, set[int]] = {}
        counterparts: dict[int, EventActor] = {}
        for event, match, _ in produced:
            quads.setdefault(match.anchor.i, set()).add(event.quad_class)
            if event.cameo_root == "04" and event.target is not None:
                counterparts.setdefault(match.anchor.i, event.target)
        # "urged Syria to negotiate": the appeal (02x) replaces the bare "urge" (020); but a
        # governor with a pattern of its own ("appealed for assistance") is the event, and what
        # it governs adds nothing - unless that is finer ("refused to release": 1243, not 124).
        specific: dict[int, str] = {}
        for event, match, _ in produced:
            if match.pattern.specificity > 0 and len(event.cameo) > len(specific.get(match.trigger.i, "")):
                specific[match.trigger.i] = event.cameo
        governed = [
            (
                event,
                match,
                governor if governor is not None and _finer(event.cameo, specific.get(governor)) else None,
            )
            for event, match, governor in produced
        ]
        replaced = {governor for _, _, governor in governed if governor is not None}
        violent = {match.anchor.i for event, match, _ in produced if event.cameo_root in _VIOLENT_ROOTS}
        coded: dict[tuple[object, ...], list[tuple[Event, int | None]]] = {}
        conditions = _conditions_of_offers(produced)
        for (event, match, governor), (_, _, kept) in zip(produced, governed, strict=True):
            if (governor is not None and kept is None) or (match.trigger.i in replaced and not event.negated):
                continue
            if match.anchor.i in conditions:
                continue  # "ready to resume talks if Moldova lifted its restrictions": the offer's term
            if event.cameo_root == _YIELD_ROOT and (
                _part_of(match.anchor, violent)
                or any(_part_of(match.anchor.doc[index], {match.anchor.i}) for index in violent)
            ):
                # "attacked a police station, ... freeing dozens of inmates": taken by force;
                # "ended the siege, killing the last three gunmen": ended by force, no concession
                continue
            contact = _contact_of(match, counterparts)
            if contact is None and _subordinate(match, event, quads):
                continue
            if contact is not None and (event.target is None or event.target.code is None):
                event.target = contact  # "called Nepal's prime minister to offer condolences": to him
            key = (
                event.evidence.start,
                _who(event.source),
                _who(event.target),
                event.cameo_root,
                event.negated,
            )
            same = coded.setdefault(key, [])
            # one action said twice, or one appeal for several acts ("urged X to cease hostilities
            # and protect civilians"), keeps its more specific code ("0212" over a bare "020"),
            # then the more confident; two kinds of one root stay two ("called X illegitimate and
            # accused it of ...": 111 and 112)
            kin = next(
                (
                    index
                    for index, (other, other_governor) in enumerate(same)
                    if _kindred(other.cameo, event.cameo)
                    or (governor is not None and governor == other_governor)
                ),
                None,
            )
            if kin is None:
                same.append((event, governor))
            elif _rank(same[kin][0]) < _rank(event):
                same[kin] = (event, governor)
            if event.cameo == _VISIT and not event.negated:
                same.extend((host, None) for host in self._hosts_by_invitation(article, event, match))
        return _aim_criticism_at_doers([event for events in coded.values() for event, _ in events])

    def _hosts_by_invitation(self, article: Article, visit: Event, match: Match) -> list[Event]:
        """ "arrived in Tokyo *at the invitation of* Kishida", "*at Wang's invitation*": whoever
        invited the visitor hosts the visit (043)."""
        inviter = _inviter(match)
        if inviter is None or visit.source is None or not visit.source.code:
            return []
        found = [item for item in participants(article, inviter, visit.speaker) if item.actor.code]
        if not found or found[0].actor.code == visit.source.code:
            return []
        return [self._recoded(visit, _HOST, _as_coded(found[0], acting=False), visit.source, "invitation")]

    def _recoded(
        self, event: Event, code: str, source: EventActor | None, target: EventActor | None, why: str
    ) -> Event:
        """Another event implied by ``event``: its participants and code, the same evidence."""
        row = self.codebook[code]
        return replace(
            event,
            source=source,
            target=target,
            cameo=code,
            goldstein=row.goldstein,
            quad_class=row.quad_class,
            plover_type=row.plover_type,
            plover_mode=row.plover_mode,
            rule=f"{event.rule}+{why}",
        )

    def _accused_of(self, reading: Reading) -> bool:
        """Whether the action is what an accusation charges someone with ("accused X of
        *supplying* arms", "alleging that the party *was rigging* the vote"): one side's claim,
        coded as the accusation (112) against X, not as an act X is reported to have done. An
        accusation nobody makes ("Russia has been accused of attacking ...") codes nothing of its
        own, so its content stays, as a reported act."""
        reporter = reading.reporter
        return (
            reading.alleged
            and reporter is not None
            and reporter.lemma_.lower() in self.patterns.modality.allegations
            and reporter.lemma_.lower() not in self.patterns.modality.denials
            and not (is_passive(reporter) and agent_of(reporter) is None)
        )

    def _purpose_of_act(self, anchor: Token, anchors: set[int]) -> bool:
        """Whether ``anchor`` is the purpose infinitive of another coded act ("provide financing
        *to help* modernize", "deploy police *to protect* ..."): it says what the act is for, so
        the act alone is the event. A control verb's infinitive ("agreed to cease fire", "ready
        to send") is what the verb governs, not a purpose, and is kept."""
        head = anchor.head
        lexicon = self.patterns.modality
        governing = lexicon.intended | lexicon.appeal | lexicon.refusals | lexicon.denials
        return (
            adverbial_infinitive(anchor)
            and head.i != anchor.i
            and head.i in anchors
            and head.lemma_.lower() not in governing
        )

    def _signed(self, match: Match, code: str) -> str:
        """ "signed a truce", "inked an arms deal": a cooperative act put in a signed document is
        the signing of a formal agreement (057), whatever the document is about."""
        signing = match.anchor.i != match.trigger.i and match.anchor.lemma_.lower() in _SIGNING
        return _SIGN_AGREEMENT if signing and self.codebook[code].quad_class in (1, 2) else code

    def _denied(self, reading: Reading) -> bool:
        """Whether the action is what someone denies in a clause ("denied *that* the group had
        killed civilians"): the denial is the event (016) and its content one side's claim that
        something did not happen, not a negated act of the clause's subject."""
        reporter = reading.reporter
        return reporter is not None and reporter.lemma_.lower() in self.patterns.modality.denials

    def _speaker(
        self, article: Article, match: Match, reading: Reading
    ) -> tuple[Speaker | None, Quote | None]:
        quote = context.quote_at(article, match.trigger.idx)
        if quote is not None and quote.speaker is not None:
            return quote.speaker, quote
        if reading.reporter is None:
            return None, quote
        who = child(reading.reporter, "nsubj", "poss") or agent_of(reading.reporter)
        if who is None:
            return None, quote
        found = participants(article, who)
        first = found[0].actor if found else None
        start, end = core_span(who)
        return Speaker(
            text=article.text[start:end],
            name=first.name if first else None,
            code=first.code if first else None,
            start=start,
            end=end,
        ), quote

    def _sources(self, article: Article, match: Match, speaker: Speaker | None) -> list[Participant]:
        """The first candidate phrase that names actors gives the sources (all its conjuncts)."""
        fallback: list[Participant] = []
        for token in self._source_tokens(match):
            found = participants(article, token, speaker)
            lemma = token.lemma_.lower()
            if match.pattern.kind != "noun" and (lemma in self.patterns.nouns or lemma in _CONFLICT_NOUNS):
                # "clashes between the army and militants killed ...", "Sudan's war has killed":
                # no one's act, unless the noun names a body itself ("the NATO-led KFOR mission")
                found = [
                    item
                    for item in found
                    if item.token.i == token.i and item.quality == 1.0 and not item.state
                ]
                if not found:
                    continue
            if any(item.actor.code for item in found):
                return found
            fallback = fallback or found
        # a bare event noun's modifiers are only a source when they name someone: "deadly battles"
        return [] if match.is_bare_noun else fallback

    def _events(
        self, article: Article, match: Match, reading: Reading, surroundings: context.Surroundings
    ) -> Iterator[Event]:
        pattern = match.pattern
        speaker, quote = self._speaker(article, match, reading)
        sources = self._sources(article, match, speaker)
        targets = _first_resolved_group(
            [
                item
                for token in self._target_tokens(match)
                for item in participants(
                    article,
                    token,
                    speaker,
                    places=pattern.kind == "noun"
                    or pattern.code[:3] in _VISIT_CODES
                    or pattern.code[:2] in _FORCE_ROOTS,
                )
            ]
        )
        if pattern.code[:2] in _VIOLENT_ROOTS and all(item.state for item in _resolved(targets)):
            harmed = [
                item
                for token in _harmed_by_participle(match.anchor)
                for item in participants(article, token, speaker)
                if item.actor.code
            ]
            targets = _first_resolved_group(harmed) if harmed else targets
        doers = sources  # who is to act, before a joint act becomes one event
        if pattern.symmetric:  # "Russia and Egypt agreed ...", "cooperation between X and Y"
            between = [
                item for token in self._between(match) for item in participants(article, token, speaker)
            ]
            pool = next((group for group in (sources, between) if len(_resolved(group)) >= 2), None)
            rivals = [item for item in _resolved(between) if _rivals(item.token)]
            if pool is not None:
                # a joint act is one event, from the first named to the others
                sources, targets = _resolved(pool)[:1], _resolved(pool)[1:]
            elif rivals:  # "fighting between rival armed groups": the group against its own kind
                sources, targets = rivals[:1], rivals[:1]
        if pattern.imputed:
            accuser = _speaking(speaker, match.anchor)
            if accuser is None or (reading.reporter is None and quote is None):
                return  # "X provoked the clash" is a charge only when someone says so
            sources, targets = [accuser], _resolved(doers)  # "said X provoked the clash": X is accused
        code, modality, negated = self._code(
            self._signed(match, _protection_abroad(match, sources, targets)), reading
        )
        if modality == "appeal":
            appealer = self._appealer(article, reading, speaker, match.anchor)
            if appealer is None:
                return  # an appeal no one known makes is not its addressee's act
            if reading.relay is not None and reading.governor is not None:
                # "called on the council to pressure Israel to stop ...": an appeal to the
                # council to act on Israel, whatever Israel is to do
                code = _BARE_DEMAND if reading.demanded else _BARE_APPEAL
                doers = [
                    item
                    for token in _addressees(reading.governor)
                    for item in participants(article, token, speaker)
                ]
            # the appeal is addressed to whoever is to act, never to the action's target
            addressed = [item for item in doers if item.actor.code and not _same_actor(item, appealer)]
            told = reading.governor is not None and child(reading.governor, "dobj") is not None
            if told and _resolved(doers) and not addressed:
                return  # "the prime minister ordered authorities to ...": a government's own business
            sources, targets = [appealer], _unique(addressed)
        elif modality == "asserted" and reading.reporter is not None and _third_party(speaker, sources):
            modality = "reported"
        others = [item for item in _resolved(targets) if not any(_same_actor(item, doer) for doer in sources)]
        if not others and modality in ("intended", "hypothetical"):
            # "would lift the state of emergency if protesters cleared the roads": a conditional
            # offer or threat is aimed at whoever must meet the condition
            asked = _condition_subject(match.anchor)
            if asked is not None:
                targets = _first_resolved_group(participants(article, asked, speaker)) or targets
        if not _resolved(targets):
            targets = _warring_sides(doers if modality == "appeal" else targets, surroundings) or targets
        if _reciprocal(sources, targets) and len(sides := _warring_sides(sources, surroundings)[:2]) == 2:
            sources, targets = sides, sides  # "Each side accused the other": each at the other
        aimless = pattern.object and code in _BOMBARDMENTS and not _resolved(targets)
        if aimless and modality in ("asserted", "reported"):  # "fired 100 shells into a buffer zone"
            code = _SHOW_OF_FORCE
        row = self.codebook[code]
        sentence = article.sentence_at(match.trigger.idx)
        if sentence is None:
            return
        evidence = Evidence(article.text[sentence.start : sentence.end], sentence.start, sentence.end)
        stated = modality in ("intended", "appeal") or code[:2] in _STATEMENT_ROOTS
        when = surroundings.date(_dating_token(match.trigger, reading, stated), quote, complements=not stated)
        depth = clause_depth(match.anchor, self.patterns.modality.reporting) + int(match.is_bare_noun)
        material = code[:2] not in _GOVERNMENTAL_ROOTS
        acting = material and modality not in ("intended", "appeal")
        # "Russia does not intend to set up a base in Egypt": the state that does not act is its
        # government, but whom the act would have reached is coded as in the act (EGY)
        reached = acting or (material and negated)
        for source, target in _pairs(sources, targets, rivals=pattern.symmetric and sources == targets):
            if not _worth_coding(match, source, target, code, row.quad_class):
                continue
            pair_code = _COMBAT if code == _UNCONVENTIONAL and _in_combat(source, target) else code
            pair_row = self.codebook[pair_code]
            location = surroundings.location(
                match.trigger, target.actor.text if target else None, statement=row.quad_class in (1, 3)
            )
            yield Event(
                source=_as_coded(source, acting),
                target=_as_coded(target, reached),
                cameo=pair_code,
                goldstein=pair_row.goldstein,
                quad_class=pair_row.quad_class,
                evidence=evidence,
                rule=pattern.rule,
                confidence=confidence(pattern, source, target, match.trigger, depth),
                plover_type=pair_row.plover_type,
                plover_mode=pair_row.plover_mode,
                date=when.date if when else None,
                date_precision=when.precision if when else None,
                date_basis=when.basis if when else None,
                location=location,
                negated=negated,
                modality=modality,
                speaker=speaker,
            )

    def _code(self, code: str, reading: Reading) -> tuple[str, Modality, bool]:
        """The code, modality and negation an action is coded with, given how it is presented.

        A refused cooperation is a rejection (12x), asserted; an intended or appealed-for action
        becomes its 03x/02x code; a hypothetical use of force ("would attack if …") is a threat.
        """
        modality: Modality = reading.modality
        if reading.negated:
            refused = reading.refused and (reading.refuser is not None or code[:2] in _CONCESSION_ROOTS)
            rejected = self.codebook.modal_code(code, "rejected") if refused else code
            if rejected == code:
                return code, modality, True
            return rejected, "reported" if modality == "reported" else "asserted", False
        if modality == "appeal" and reading.demanded:  # demands mirror appeals: 0256 -> 1056
            appeal = self.codebook.modal_code(code, "appeal")
            demand = f"10{appeal[2:]}"
            return (demand if demand in self.codebook else _BARE_DEMAND), modality, False
        if modality in ("intended", "appeal"):
            return self.codebook.modal_code(code, modality), modality, False
        if modality == "hypothetical" and self.codebook[code].quad_class == 4:
            return self.codebook.modal_code(code, "intended"), modality, False
        return code, modality, False

    def _appealer(
        self, article: Article, reading: Reading, speaker: Speaker | None, anchor: Token
    ) -> Participant | None:
        """Who makes the appeal: the subject of "urge"/"call on", else the speaker of the words."""
        controller = subject_controller(reading)
        if controller is not None:
            found = [item for item in participants(article, controller, speaker) if item.actor.code]
            if found:
                return found[0]
        return _speaking(speaker, anchor)


def _addressees(appeal: Token) -> list[Token]:
    """Whom an appeal verb addresses: "called *on X*", "urged *X*"."""
    found = list(preposition_objects(appeal, ("on", "upon")))
    found.extend(item for item in (child(appeal, "dobj"),) if item is not None)
    return found


def _speaking(speaker: Speaker | None, anchor: Token) -> Participant | None:
    """The speaker of the words an action is reported in, as a participant of the speech act."""
    if speaker is None or not speaker.code:
        return None
    actor = EventActor(
        text=speaker.text or speaker.name or speaker.code, name=speaker.name, code=speaker.code
    )
    return Participant(actor, anchor, 0.8)


def verb_lemma(verb: Token, known: Mapping[str, object]) -> str:
    """``verb``'s lemma, or its "-ed" form less the "d" when only that is known.

    The small English model lemmatises a few past forms wrongly ("staged" -> "stag", "installed"
    -> "instal"): the form less its "d" ("stage") or its "ed" ("install") is tried.
    """
    lemma = verb.lemma_.lower()
    if lemma in known or not verb.lower_.endswith("ed"):
        return lemma
    return next((stem for stem in (verb.lower_[:-1], verb.lower_[:-2]) if stem in known), lemma)


def _as_coded(participant: Participant | None, acting: bool) -> EventActor | None:
    """A participant as coded: a state named as a whole is its government in what states say.

    "Russia urged the United States ...", "Kyrgyzstan summoned Tajikistan's ambassador", "visited
    Beijing": states speak, appeal, plan, host and reduce relations (16x) through their
    governments (RUSGOV, USAGOV), as CAMEO coders code them. In a state's other material acts
    (``acting``: "North Korea fired shells", aid "to Nepal") the bare state code stays, since who
    acted (army, government) is open.
    """
    if participant is None:
        return None
    if acting or not (participant.state and participant.actor.code):
        return participant.actor
    government = context.actor_from_code(f"{participant.actor.code}GOV")
    return EventActor(text=participant.actor.text, name=government.name, code=government.code)


def _governor(reading: Reading, event: Event) -> int | None:
    """The token whose meaning rewrote ``event``'s code: "plans" (03x), "urged" (02x), "refused" (12x)."""
    if event.negated:
        return None
    if reading.refuser is not None:
        return reading.refuser.i
    if reading.governor is not None and reading.modality in ("intended", "appeal"):
        return reading.governor.i
    return None


def _light_verb_fits(entry: LightVerb, verb: Token, preposition: str | None) -> bool:
    if entry.prep != preposition:
        return False
    if entry.particle and not any(
        item.dep_ == "prt" and item.lower_ == entry.particle for item in verb.children
    ):
        return False
    if entry.object:
        obj = child(verb, "dobj")
        return obj is not None and obj.lemma_.lower() == entry.object
    return True


def _is_predicative(token: Token) -> bool:
    """An adjective that is a clause's predicate ("is *ready* to", "remains *open* to"), or a
    stative participle with no doer ("is *opposed* to", "is *committed* to")."""
    if token.pos_ == "ADJ":
        return token.dep_ in ("acomp", "ROOT", "ccomp", "xcomp", "conj")
    return token.tag_ == "VBN" and is_passive(token) and token.dep_ != "acl" and agent_of(token) is None


#: Prepositions of time that hang an event noun on a clause whose subject took part in it.
_TEMPORAL_PREPOSITIONS = frozenset({"after", "before", "during", "following", "ahead"})


def _adverbial_host(noun: Token) -> Token | None:
    """The verb of "X said on Tuesday *after talks with Y*": X is a party to the talks."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _TEMPORAL_PREPOSITIONS:
        return None
    verb = noun.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _aside(anchor: Token) -> bool:
    """An action in a non-restrictive relative clause ("Moscow, *which recognised South Ossetia
    ...*, has said"): what the writer adds about someone, not the news reported."""
    node = anchor
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl":
        return False
    first = node.left_edge
    return first.i > 0 and first.doc[first.i - 1].lower_ == ","


def _reduced_relative(anchor: Token) -> bool:
    """A passive participle describing a noun ("a truce *brokered by* Qatar", "a practice *banned
    by* UN resolutions"): it identifies the noun by what was done to it before, as a relative
    clause would, rather than reporting the act."""
    return passive_participle(anchor) and anchor.head.pos_ in ("NOUN", "PROPN")


#: Nouns of texts: an active participle on one gives the text's content, an act of its author
#: ("issued a statement *condemning* the raid").
_TEXTS = frozenset(
    [
        "statement",
        "resolution",
        "letter",
        "communique",
        "communiqué",
        "declaration",
        "message",
        "note",
        "report",
        "post",
        "tweet",
        "speech",
        "address",
        "motion",
        "decree",
        "memorandum",
        "petition",
        "appeal",
    ]
)


#: What someone says or puts forward: rejecting or criticising it answers its author.
_AUTHORED = _TEXTS | {"remark", "comment", "claim", "proposal", "plan", "offer", "decision", "move", "demand"}


def _describing_participle(anchor: Token, anchors: set[int]) -> bool:
    """An active participle describing a noun: what its people are doing ("Rwandan soldiers
    *fighting alongside* the rebels", "forces *fighting* the militants") tells who they are,
    not what happened. On a text it is the text's content, an act of its author, unless the
    text is itself the object of a coded act ("signed a declaration *renouncing* force" is one
    event, the signing)."""
    if anchor.dep_ != "acl" or anchor.tag_ != "VBG" or anchor.head.pos_ not in ("NOUN", "PROPN"):
        return False
    text = anchor.head
    if text.lemma_.lower() not in _TEXTS:
        return True
    return text.dep_ == "dobj" and text.head.i in anchors


#: Verbs of helping, which with a bare infinitive and no one helped name the doing itself.
_HELPING = frozenset({"help", "assist"})
#: What a source asks not to be, when it asks for anonymity.
_ANONYMITY = frozenset({"name", "identify", "quote", "cite"})


#: Subordinators of the terms an act is offered or threatened on: the conditions ("would withdraw
#: *if* ...", "*unless* Kyiv agrees") and a term to be met first ("ready to deploy *once*
#: parliament approves").
_TERMS = CONDITIONS | {"once"}
#: Edges within one clause's chain of control ("was ready *to send*", "would *lift*").
_CONTROL_CHAIN = frozenset({"xcomp", "acomp", "dobj", "pobj", "prep", "attr"})


def _condition_clause(anchor: Token) -> Token | None:
    """The "if"/"unless" clause set on the clause of ``anchor`` (or on a word that controls it:
    "is ready to sign a treaty *if Baku recognises* ...")."""
    node = anchor
    for _ in range(6):
        for item in node.children:
            if item.dep_ == "advcl" and any(
                mark.dep_ == "mark" and mark.lower_ in _TERMS for mark in item.children
            ):
                return item
        if node.dep_ not in _CONTROL_CHAIN or node.head.i == node.i:
            return None
        node = node.head
    return None


def _condition_subject(anchor: Token) -> Token | None:
    """Who is to meet the condition of a conditional act: its "if"-clause's subject."""
    clause = _condition_clause(anchor)
    return child(clause, "nsubj", "nsubjpass") if clause is not None else None


def _conditions_of_offers(produced: list[tuple[Event, Match, int | None]]) -> set[int]:
    """The anchors of acts that are only the condition of a cooperative offer ("ready to resume
    talks *if Moldova lifted its restrictions*"): what the offer asks of its target, coded as the
    offer's target, not an act of its own. Conditions of threats stay (hypothetical acts)."""
    dropped: set[int] = set()
    for event, match, _ in produced:
        if event.quad_class not in (1, 2) or event.modality not in ("intended", "hypothetical"):
            continue
        clause = _condition_clause(match.anchor)
        if clause is not None:
            dropped.update(token.i for token in clause.subtree)
    return dropped


def _judging_copula(token: Token) -> bool:
    """ "Overflights *are* a flagrant violation of our sovereignty", "the move *is* illegal": a
    copula with a predicate, through which a speaker passes judgement (patterns keyed "be")."""
    return (
        token.pos_ == "AUX"
        and token.lemma_.lower() == "be"
        and any(item.dep_ in ("attr", "acomp") for item in token.children)
    )


def _helping_to_do(trigger: Token) -> bool:
    """ "Volunteers *helped* (to) evacuate the wounded", "a resident who helped bury the dead":
    helping with no one helped is taking part in the act the infinitive names (coded, if at all,
    as that act), not aid to anyone; "helped Ukraine rebuild" aids Ukraine."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _HELPING:
        return False
    return child(trigger, "dobj") is None and any(
        item.dep_ == "xcomp" and child(item, "nsubj") is None for item in trigger.children
    )


def _anonymity_request(trigger: Token) -> bool:
    """ "told AFP by phone, *asking not to be named*": a source's condition for talking, not an appeal."""
    return trigger.lemma_.lower() in ("ask", "request") and any(
        item.dep_ == "xcomp"
        and item.lemma_.lower() in _ANONYMITY
        and any(aux.dep_ == "auxpass" for aux in item.children)
        for item in trigger.children
    )


def _habitual(match: Match, words: frozenset[str]) -> bool:
    return any(
        item.dep_ in ("advmod", "amod") and item.lower_ in words
        for token in {match.trigger, match.anchor}
        for item in token.children
    )


def _describes(noun: Token) -> bool:
    """An event noun that describes something rather than reports it: "condemned the bombing
    *as a cowardly attack*", "called X *a provocation*", "the move is *an interference*"."""
    if noun.dep_ in ("attr", "oprd", "appos"):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "as"


def _predicative_governor(noun: Token) -> Token | None:
    """The predicative adjective a bare event noun complements ("ready *for* cooperation")."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and _is_predicative(noun.head.head):
        return noun.head.head
    return None


def _marked_clause(trigger: Token, markers: frozenset[str]) -> Token | None:
    """The clausal complement of ``trigger`` whose modal or adverb is one of ``markers``.

    "said that Nairobi *should* withdraw", "statements that Moscow *allegedly* supplies"; a
    marker verb counts only with its complement ("Nairobi *has* to withdraw").
    """
    for clause in trigger.children:
        if clause.dep_ not in ("acl", "ccomp", "relcl"):
            continue
        if any(
            item.dep_ in _MARKER_DEPS and item.lower_ in markers and (item.dep_ != "aux" or item.tag_ == "MD")
            for item in clause.children
        ):
            return clause
        if clause.lemma_.lower() in markers and child(clause, "xcomp") is not None:
            return clause
    return None


def _has_complement(trigger: Token, words: frozenset[str]) -> bool:
    """Whether a clause ``trigger`` governs is headed or introduced by one of ``words``: "gave
    the ambassador 72 hours *to leave*", "would continue operations *until* the last ..."."""
    return any(
        clause.dep_ in ("advcl", "xcomp", "acl", "relcl")
        and (
            clause.lemma_.lower() in words
            or any(item.dep_ == "mark" and item.lower_ in words for item in clause.children)
        )
        for node in (trigger, *trigger.children)
        for clause in node.children
    )


#: Heads of quantity phrases: "struck *dozens* of militant targets" targets the targets.
_QUANTITY_HEADS = frozenset({"dozen", "hundred", "thousand", "score", "number", "handful", "million"})


def _part_of(verb: Token, acts: set[int]) -> bool:
    """Whether ``verb`` is a participle or conjunct clause of one of ``acts`` (token indexes):
    "attacked the prison, *freeing* inmates" tells how the attack went, not a second act."""
    return verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and verb.head.i in acts


def _in_protest(noun: Token) -> bool:
    """Whether ``noun`` is the "in protest" of an act ("blocked the roads *in protest* at ...")."""
    preposition = noun.head
    return (
        noun.lemma_.lower() == "protest"
        and noun.dep_ == "pobj"
        and preposition.lower_ == "in"
        and preposition.head.pos_ == "VERB"
    )


def _protested(verb: Token) -> list[Token]:
    """What an act done "in protest at/against/over X" protests: X."""
    return [
        target
        for preposition in verb.children
        if preposition.dep_ == "prep" and preposition.lower_ == "in"
        for noun in preposition.children
        if _in_protest(noun)
        for target in preposition_objects(noun, ("at", "against", "over"))
    ]


def _counted(token: Token) -> Token:
    """What a quantity phrase counts ("dozens of targets", "hundreds of civilians"), else itself."""
    if token.ent_type_ in ("CARDINAL", "QUANTITY") or token.lemma_.lower() in _QUANTITY_HEADS:
        counted = next(
            (
                item
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for item in prep.children
                if item.dep_ == "pobj"
            ),
            None,
        )
        if counted is not None:
            return counted
    return token


def _noun_complement_targets(noun: Token) -> list[Token]:
    """Whom a bare event noun acts on when no preposition says so.

    The subject of its clause ("its demand *that Israel* ease restrictions", "allegations that
    *Moscow* supplies"), or the object of the verb it is the subject of ("a roadside bombing
    killed *one U.S. soldier*").
    """
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp"):
            subject = child(clause, "nsubj", "nsubjpass")
            if subject is not None:
                return [subject]
    if noun.dep_ == "nsubj":
        obj = child(noun.head, "dobj")
        return [obj] if obj is not None else []
    return []


def _subordinate(match: Match, event: Event, quads: dict[int, set[int]]) -> bool:
    """An action that only adds to a coded one: its outcome or its purpose.

    A participle adding the outcome of an action of its kind ("shelled X, *killing* two"), or an
    infinitive giving a coded action's purpose ("marched to *demand* the removal"): the coded
    action is what happened. (The caller keeps what a call or meeting was for: see
    :func:`_purpose_of_contact`.)
    """
    anchor = match.anchor
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:  # "killing two and *wounding* five"
        anchor = anchor.head
    if anchor.dep_ != "advcl" or child(anchor, "nsubj", "nsubjpass", "mark") is not None:
        return False
    coded = quads.get(anchor.head.i, set())
    if anchor.tag_ == "VBG":
        return event.quad_class in coded
    # an infinitive its head governs ("agreed to cease fire") is a complement, not a purpose;
    # one its head only carries ("would provide $5 million to help ...") is a purpose
    purpose = event.modality not in ("intended", "appeal") and child(anchor, "aux") is not None
    return bool(coded) and purpose and anchor.tag_ == "VB"


def _finer(code: str, governors_code: str | None) -> bool:
    """Whether a governed action's code adds to the code of its governor's own pattern: "refused
    to release" is 1243, finer than "refuse" (124); but "attempted to assassinate" stays the
    attempt (185) - an intent to assassinate (a 13x threat) is another kind of event."""
    if governors_code is None:
        return True
    return len(code) > len(governors_code) and code[:2] == governors_code[:2]


def _contact_of(match: Match, counterparts: dict[int, EventActor]) -> EventActor | None:
    """The counterpart of a call, meeting or visit this action is the purpose of: "called X *to
    offer condolences* and *to pledge* help", "spoke with Y *to express solidarity*" - what was
    said in it is an event, said to X."""
    anchor = match.anchor
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    if anchor.dep_ == "advcl" and anchor.tag_ == "VB":
        return counterparts.get(anchor.head.i)
    return None


def _dating_token(trigger: Token, reading: Reading, stated: bool) -> Token:
    """Where the date of an action is.

    An intention is expressed when it is stated, not when it is to be carried out: "is due to
    visit Ouagadougou *next month*" is dated by "due" (or by the reporting verb of "said it would
    raise the issue next month"); an appeal likewise when it is made ("marched on Tuesday,
    *calling on* the government to free the girls" is dated by "calling"). Such a ``stated``
    action is dated without its complement's time (the caller passes ``complements=False``). A
    noun's action is
    dated by its own relative clause: "the attack in Ankara *that occurred on October 10*" - the
    parser often hangs such a clause on an earlier noun; a relative pronoun right after the
    noun's phrase still marks it as the noun's.
    """
    if stated:
        statement = reading.governor if reading.governor is not None else reading.reporter
        if statement is not None:
            return statement
    following = trigger.right_edge.i + 1
    if trigger.pos_ == "NOUN" and following < len(trigger.doc):
        pronoun = trigger.doc[following]
        if pronoun.tag_ in ("WDT", "WP") and pronoun.head.dep_ == "relcl":
            return pronoun.head
    return trigger


def _kindred(first: str, second: str) -> bool:
    """Whether one CAMEO code refines the other (or they are the same): "020" and "0212", "112"
    and "1123" - one action coded at two depths - but not "111" and "112", two kinds of one root."""
    # of two codes of one depth the bare root ("130" beside "138") is the general one
    general, special = sorted((first, second), key=lambda code: (len(code), not code.endswith("0")))
    return special.startswith(general) or (general.endswith("0") and special[:2] == general[:2])


#: Where an invitation is said to bring a visitor: "*at* X's invitation", "*upon* the invitation of X".
_INVITATION_PREPOSITIONS = frozenset({"at", "on", "upon"})


def _inviter(match: Match) -> Token | None:
    """Who invited a visitor: the possessor or "of"-object of an "at ... invitation" phrase on the
    visit's verb, on its noun, or on the visit noun the verb takes ("arrived for a visit at ...")."""
    heads = {match.trigger, match.anchor}
    heads.update(item for head in list(heads) for item in preposition_objects(head, ("for",)))
    for head in heads:
        for invitation in preposition_objects(head, tuple(_INVITATION_PREPOSITIONS)):
            if invitation.lemma_.lower() != "invitation":
                continue
            inviter = child(invitation, "poss") or next(preposition_objects(invitation, ("of",)), None)
            if inviter is not None:
                return inviter
    return None


def _rank(event: Event) -> tuple[int, float]:
    return len(event.cameo), event.confidence


def _by_sentence(matches: list[Match]) -> Iterator[list[Match]]:
    groups: dict[int, list[Match]] = {}
    for match in matches:
        groups.setdefault(match.trigger.sent.start, []).append(match)
    yield from groups.values()


#: Disapproval (11x): aimed at the author of the act it condemns when the sentence names one.
_DISAPPROVAL_ROOT = "11"
#: Acts a disapproval may condemn: material cooperation and conflict, not words.
_MATERIAL_ROOTS = frozenset({"06", "07", "08", "09", "15", "16", "17", "18", "19", "20"})


def _aim_criticism_at_doers(events: list[Event]) -> list[Event]:
    """ "North Korea fired shells ..., Seoul's military said, calling the barrage a violation":
    a disapproval with no actor for a target condemns the act its sentence reports, so it is
    aimed at that act's doer (as a state speaks of states: PRK -> PRKGOV). A sentence that
    names no doer keeps the target empty ("condemned the attack on Sanaa")."""
    doers = [
        event.source
        for event in events
        if event.cameo_root in _MATERIAL_ROOTS and event.source is not None and event.source.code
    ]
    for event in events:
        if event.cameo_root != _DISAPPROVAL_ROOT or (event.target is not None and event.target.code):
            continue
        doer = next((item for item in doers if event.source is None or item.code != event.source.code), None)
        if doer is None or doer.code is None:
            continue
        actor = context.actor_from_code(doer.code)
        if actor.country is not None and actor.code == actor.country:
            actor = context.actor_from_code(f"{actor.code}GOV")
        event.target = EventActor(text=doer.text, name=actor.name, code=actor.code)
    return events


#: What a "when" clause's attack did to the main clause's subject ("were killed when ...").
_HARM_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "abduct", "kidnap"})


def _victims_of_main_clause(verb: Token) -> list[Token]:
    """ "Five police officers were killed when militants raided the post": the attack's victims
    are the main clause's passive subject (tried after the attack's own object, "the post")."""
    if verb.dep_ != "advcl" or not any(
        item.dep_ == "advmod" and item.lower_ == "when" for item in verb.children
    ):
        return []
    main = verb.head
    if main.lemma_.lower() not in _HARM_LEMMAS or not is_passive(main):
        return []
    victim = child(main, "nsubjpass")
    return [victim] if victim is not None else []


def _harmed_by_participle(verb: Token) -> list[Token]:
    """ "shelled the city, *killing nine civilians*": whom an attack on a place or a thing harmed,
    named by the participle that follows it. The people hit are what the force was used on, rather
    than the town (a state's bare code) or the car it struck."""
    return [
        _counted(victim)
        for clause in verb.children
        if clause.dep_ in ("advcl", "xcomp", "conj")
        and clause.tag_ == "VBG"
        and clause.lemma_.lower() in _HARM_LEMMAS
        for victim in (child(clause, "dobj"),)
        if victim is not None
    ]


def _doers_of_event_noun(noun: Token) -> list[Token]:
    """Who carried out the action an event noun names: its possessor ("Turkey's offensive"), its
    "by"-phrase, or the subject of the verb that takes it ("Ankara pressed on *with an offensive*",
    "Turkey *launched* an offensive")."""
    found = [item for item in noun.children if item.dep_ == "poss"]
    found.extend(preposition_objects(noun, ("by",)))
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if not found and noun.dep_ in ("pobj", "dobj") and verb.pos_ == "VERB":
        subject = subject_of(verb)
        found.extend([subject] if subject is not None else [])
    return found


#: Purposes that reclaim what an adversary holds: "launched an offensive *to retake* the town".
_RETAKING = frozenset({"retake", "recapture", "reclaim", "regain", "liberate", "recover"})


def _holders_of_retaken_ground(verb: Token) -> list[Token]:
    """Whom a use of force is aimed at when its purpose is to retake ground: the holder the
    purpose names ("to recapture the base *from the rebels*") or the doer of the relative clause
    that says who took it ("to retake a town *that militants seized*"), since one retakes ground
    only from whoever holds it. Tried after the action's own object and complements."""
    found: list[Token] = []
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "xcomp") or clause.lemma_.lower() not in _RETAKING:
            continue
        found.extend(preposition_objects(clause, ("from",)))
        ground = child(clause, "dobj")
        for relative in ground.children if ground is not None else ():
            if relative.dep_ in ("relcl", "acl"):
                holder = agent_of(relative) if is_passive(relative) else child(relative, "nsubj")
                found.extend([holder] if holder is not None and holder.tag_ not in ("WDT", "WP") else [])
    return found


#: The root of aid (07); and the verbs of a purpose clause that say whom the aid is for.
_AID_ROOT = "07"
_HELPING = frozenset({"help", "assist", "support", "enable", "allow"})


def _helped_by_purpose(verb: Token) -> list[Token]:
    """Whom aid is for when only its purpose says so: "provided $50 million *to help (modernize)
    the army*" aids the army - the object of the helping verb, or of the verb it helps to do."""
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "xcomp") or clause.lemma_.lower() not in _HELPING:
            continue
        helped = child(clause, "dobj")
        done = child(clause, "xcomp", "ccomp")
        if helped is None and done is not None:
            helped = child(done, "dobj")
        if helped is not None:
            return [helped]
    return []


def _misattached_conjunct_reporter(verb: Token) -> Token | None:
    """ "Al Shabaab said that the strikes had killed civilians ... and *vowed* revenge": parsers
    often join the reporter's second verb to the last verb of the reported clause, which hands
    it that clause's subject. When the verb has no subject of its own and its first conjunct
    is a reported clause, the reporter is the next candidate (taken only if the inherited
    subject names no actor)."""
    if verb.dep_ != "conj" or child(verb, "nsubj", "nsubjpass") is not None or verb.head.dep_ != "ccomp":
        return None
    return subject_of(verb.head.head)


#: Words that make "parties" and "sides" the sides of the story's fighting: "all parties",
#: "both sides", "the warring parties", "each side".
_SIDE_NOUNS = frozenset({"party", "side", "faction"})
_SIDE_QUANTIFIERS = frozenset({"all", "both", "each", "warring", "rival"})


def _warring_sides(phrases: list[Participant], surroundings: context.Surroundings) -> list[Participant]:
    """ "called on all parties to respect international humanitarian law": an unresolved "all
    parties" in a story of fighting means the sides coded so far (the coalition and the
    Houthis), as the coding convention reads it; nothing when no fighting was coded."""
    phrase = next(
        (
            item.token
            for item in phrases
            if not item.actor.code
            and item.token.lemma_.lower() in _SIDE_NOUNS
            and any(word.lower_ in _SIDE_QUANTIFIERS for word in item.token.children)
        ),
        None,
    )
    if phrase is None:
        return []
    return [Participant(actor, phrase, 0.6, located=True) for actor in surroundings.combatants]


def _reciprocal(sources: list[Participant], targets: list[Participant]) -> bool:
    """ "Each side accused the other": unnamed sides acting on one another."""
    return (
        not _resolved(sources)
        and not _resolved(targets)
        and any(
            item.token.lower_ == "each" or any(w.lower_ == "each" for w in item.token.children)
            for item in sources
        )
        and any(item.token.lower_ in ("other", "another") for item in targets)
    )


def _first_resolved_group(targets: list[Participant]) -> list[Participant]:
    """The first candidate phrase that names actors wins ("weapons to Kurds": Kurds, not weapons)."""
    resolved = [item for item in targets if item.actor.code]
    if not resolved:
        return targets[:1]
    first = resolved[0].token
    return [
        item
        for item in resolved
        if item.token.i == first.i or item.token in first.conjuncts or first in item.token.conjuncts
    ]


def _protection_abroad(match: Match, sources: list[Participant], targets: list[Participant]) -> str:
    """ "Kenya will deploy police officers *to Haiti* ... once parliament approves the mission",
    "the African Union is ready to send more troops to Mogadishu",
    "Brazil, which led a peacekeeping mission there, will not send troops to Haiti": forces on a
    mission that a state sends to another state (not into it, not to a place of its own)
    protect it, which CAMEO codes as military protection or peacekeeping (074, intended 0334),
    not as a show of force (154). Reinforcements sent to a region of one's own, and forces sent
    to a state with no mission said, stay what they were."""
    code = match.pattern.code
    if code != _MOBILISATION:
        return code
    own = {_country(item.actor.code) for item in _resolved(sources)}
    abroad = [
        item
        for item in _resolved(targets)
        if item.state and item.token.head.lower_ == "to" and _country(item.actor.code) not in own
    ]
    if not own or not abroad:
        return code
    words = {token.lemma_.lower() for token in match.trigger.sent}
    # an intergovernmental body's forces abroad are on a mission by nature ("the African Union
    # is ready to send more troops to Mogadishu")
    mandated = any((item.actor.code or "").startswith("IGO") for item in _resolved(sources))
    return _PROTECTION if mandated or words & _MISSION_WORDS else code


def _third_party(speaker: Speaker | None, sources: list[Participant]) -> bool:
    """A report is about a third party unless its speaker is known and on the actor's side."""
    if speaker is None or not speaker.code:
        return True
    return any(_country(item.actor.code) not in (None, _country(speaker.code)) for item in sources)


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _who(actor: EventActor | None) -> str | None:
    return (actor.code or actor.text) if actor else None


def _resolved(items: list[Participant]) -> list[Participant]:
    return [item for item in items if item.actor.code]


def _unique(items: list[Participant]) -> list[Participant]:
    seen: set[str | None] = set()
    unique = []
    for item in items:
        if item.actor.code not in seen:
            seen.add(item.actor.code)
            unique.append(item)
    return unique


def _rivals(token: Token) -> bool:
    """A plural phrase of mutual opponents: "rival armed groups", "rival factions"."""
    return token.tag_ == "NNS" and any(item.lemma_.lower() == "rival" for item in token.children)


def _same_actor(first: Participant, second: Participant) -> bool:
    """One actor twice: the same phrase, the same code, or a state and its own government."""
    if first.token.i == second.token.i and first.actor.code == second.actor.code:
        return True  # one phrase may stand for two ("the border services of both countries")
    codes = {first.actor.code, second.actor.code}
    if None in codes:
        return False
    return len(codes) == 1 or any(code and f"{code}GOV" in codes for code in codes)


def _pairs(
    sources: list[Participant], targets: list[Participant], rivals: bool = False
) -> Iterator[tuple[Participant | None, Participant | None]]:
    """One (source, target) per pair; an actor never acts on itself (unless ``rivals``: "rival
    armed groups" fight each other): a source whose only targets are itself or its own territory
    ("ordered additional troops to Batken") acts with no target. A missing side is None."""
    if not sources and not targets:
        return
    sides: tuple[list[Participant | None], list[Participant | None]] = (
        [*sources] or [None],
        [*targets] or [None],
    )
    for source in sides[0]:
        others = [
            target
            for target in sides[1]
            if source is None or target is None or rivals or not _same_actor(source, target)
        ]
        for target in others or [None]:
            yield source, target


def _worth_coding(
    match: Match, source: Participant | None, target: Participant | None, code: str, quad_class: int
) -> bool:
    """Who must be known for an action to be an event.

    Every predicate needs a resolved doer ("two soldiers were wounded" codes nothing); a violent
    event noun may stand without one ("the terrorist attack in Ankara") if it names a target of
    known country; a consultation needs its counterpart, and a demand read off "said that X
    must" whom it is made on. At least one participant must be placed: a country or a named
    organisation, not a bare sector ("a resident", "militants" of nowhere).
    """
    has_source = source is not None and source.actor.code is not None
    has_target = target is not None and target.actor.code is not None
    # "is open to dialogue", "ready for talks": a stance states an intent, whoever it is offered to
    stance = match.is_bare_noun and _predicative_governor(match.trigger) is not None
    needs_counterpart = match.pattern.code in _NEEDS_COUNTERPART and not stance
    if (match.pattern.clause_marker or needs_counterpart) and not has_target:
        return False  # a consultation is with someone; "said that X must" is a demand on X
    if not any(item is not None and item.actor.code and _located(item) for item in (source, target)):
        return False  # "a resident declined to give his name": no one of known country takes part
    coercive = code[:3] == _RESTRICT_MOVEMENT  # "closed the crossing": an authority's act
    if has_source and code[:2] in _VIOLENT_ROOTS and not has_target and not _armed(source) and not coercive:
        return False  # "help fight a cholera epidemic": force needs a target or an armed doer
    if match.is_bare_noun and code[:2] in _TALK_ROOTS and not has_target and not stance:
        return False  # "despite its commitment to the truce", "with Russian mediation": a mention
    if has_source:
        return True
    return match.is_bare_noun and has_target and quad_class == 4 and target is not None and target.located


def _located(participant: Participant) -> bool:
    """A participant of known country, a named organisation, or a state institution even of
    unknown country ("police", "the government"): not a bare group of people ("a resident",
    "militants" of nowhere)."""
    if participant.located:
        return True
    code = participant.actor.code
    actor = context.actor_from_code(code) if code else None
    return actor is not None and (actor.code != actor.sector or actor.sector in STATE_SECTORS)


def _in_subheading(article: Article, offset: int) -> bool:
    return any(start <= offset < end for start, end in article.subheadings)


def _background(article: Article, event: Event) -> bool:
    """An event the text dates to a period that ended more than ``BACKGROUND_DAYS`` before
    publication: history the story recalls, not what it reports."""
    if event.date_basis != "text" or not event.date or article.published is None:
        return False
    end = _last_day(event.date)
    return end is not None and (article.published - end).days > BACKGROUND_DAYS


def _last_day(value: str) -> date | None:
    """The last day of a TIMEX-style date ("2008", "2019-03", "2019-W10", "2019-03-11")."""
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return date.fromisoformat(value[:10])
        if len(value) >= 8 and value[5] == "W":
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 7)
        if len(value) >= 7 and value[4] == "-":
            return _month_end(date(int(value[:4]), int(value[5:7]), 1))
        if len(value) >= 4 and value[:4].isdigit():
            return date(int(value[:4]), 12, 31)
    except ValueError:
        return None
    return None


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _distinct(events: list[Event]) -> list[Event]:
    """An article's events, each reported event once.

    As in GDELT, one article yields one record per source, target, code and date: a restatement
    ("The ministry summoned the ambassador and handed him a protest note") adds nothing. An event
    missing a participant that another of the same kind names adds nothing either: "the attack"
    (no attacker) beside "a suicide bomber detonated ..." against the same country, or "soldiers
    detained Omar Hamdan" (unknown) beside "troops arrested a wanted Islamist militant".
    """
    kept: list[Event] = []
    seen: set[tuple[object, ...]] = set()
    for event in events:
        key = (_who(event.source), _who(event.target), event.cameo, event.date, event.negated)
        if key in seen:
            continue
        seen.add(key)
        kept.append(event)
    dated = {
        (_who(event.source), _who(event.target), event.cameo, event.negated)
        for event in kept
        if event.date_basis == "text"
    }
    kept = [
        event
        for event in kept
        if event.date_basis == "text"
        or (_who(event.source), _who(event.target), event.cameo, event.negated) not in dated
    ]
    return [event for event in kept if not any(_fuller(other, event) for other in kept if other is not event)]


def _fuller(other: Event, event: Event) -> bool:
    """Whether ``other`` reports ``event`` with a participant ``event`` lacks."""
    if other.negated != event.negated or other.cameo_root != event.cameo_root:
        return False
    source, target = _code_of(event.source), _code_of(event.target)
    other_source, other_target = _code_of(other.source), _code_of(other.target)
    if source is None and target is not None and other_source is not None and other_target is not None:
        return _country(other_target) == _country(target)
    if target is None and source is not None and other_target is not None and other.target is not None:
        placed = context.actor_from_code(other_target)
        known = placed.code != placed.sector  # "detained two suspects" adds nothing to "arrested five"
        return known and other_source == source and other.cameo == event.cameo and other.date == event.date
    return False


def _code_of(actor: EventActor | None) -> str | None:
    return actor.code if actor is not None else None


#: Sectors that bear arms; CAMEO's international militarized groups (IMG...) do too.
_ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "COP", "SPY"})


#: Force posture (15) and yielding (08) move the actor's own forces: "will not withdraw *its*
#: troops", "mobilised *their* reservists" name what is moved, not whom it is aimed at.
_OWN_FORCE_ROOTS = frozenset({"15", "08"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our", "his", "her", "my"})


def _own(noun: Token) -> bool:
    """Whether ``noun`` is marked as its clause's subject's own ("*its* troops")."""
    return any(item.dep_ == "poss" and item.lower_ in _POSSESSIVE_PRONOUNS for item in noun.children)


#: The particle of "shot down", "brought down": its object is hit, even a weapon (a drone).
_BROUGHT_DOWN = "down"
#: Consultations (04), and the gatherings a matter is raised at, which stand for their members.
_CONSULT_ROOT = "04"
_FORUMS = frozenset({"summit", "meeting", "session", "conference", "forum"})
#: Offers of talks and of mediation: whom they are for are the parties "between" whom the
#: talks would be (the proposer itself, when one of them, drops out as its own counterpart).
_BETWEEN_PARTIES = frozenset({"036", "039", "045"})
#: Killing (180) is unconventional violence unless it is combat, which is conventional force (190).
_UNCONVENTIONAL, _COMBAT = "180", "190"


def _in_combat(source: Participant | None, target: Participant | None) -> bool:
    """Whether a killing is combat: done by a state's forces, or of armed men ("killing the last
    three gunmen", "militants killed five police officers"). Killing unarmed people by anyone
    else stays unconventional violence (180)."""
    if source is None or not source.actor.code:
        return False
    doer = context.actor_from_code(source.actor.code)
    if doer.sector in STATE_FORCES:
        return True
    if target is None or not target.actor.code:
        return False
    victim = context.actor_from_code(target.actor.code)
    return victim.sector in _ARMED_SECTORS or target.actor.code.startswith("IMG")


def _armed(participant: Participant | None) -> bool:
    code = participant.actor.code if participant is not None else None
    if not code:
        return False
    actor = context.actor_from_code(code)
    state = actor.country is not None and actor.code == actor.country  # a state has its forces
    return state or actor.sector in _ARMED_SECTORS or code.startswith("IMG")
