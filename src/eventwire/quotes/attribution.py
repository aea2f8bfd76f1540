"""Cues and speaker spans: who is reported as saying a passage, read off the parse.

A quoted passage is attributed from its *frame*, the text of its sentence outside the quote
marks: the reporting clause after it (``"…," he said``), or before it (``He said: "…"``,
``The message notes that "…"``), or, for a phrase quoted inside a sentence, the reporting verb
that governs it (``Meshkov recalled that Russia had been "accused of …"``). Unquoted reported
speech is what a cue reports (``data/quotes.yaml`` says how each cue reports): its clausal
complement (``X said (that) …``), its object (``X cited the figure``), or the clause around
``according to X``. spaCy's sentence splits around quote marks are unreliable, so frames are
cut at sentence-final punctuation tokens instead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.quotes.rules import QuoteRules

#: Sentence-final punctuation tokens ("Mr." is one token, so a bare "." really ends a sentence).
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!"})

#: Dependency labels of a verb's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

#: Labels through which a reporting verb borrows its subject ("…, he said, adding that …").
BORROWS_SUBJECT = frozenset({"conj", "advcl", "xcomp", "pcomp"})

#: Dependents that make up what an object-reporting cue reports ("accused Turkey of …").
OBJECT_DEPS = frozenset(
    {"dobj", "dative", "xcomp", "ccomp", "oprd", "prep", "pcomp", "attr", "acomp", "npadvmod"}
)

#: The dependent an object-reporting cue needs before it reports anything ("said on Thursday"
#: reports nothing); a requesting cue needs a clause or an infinitive.
CORE_OBJECT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "oprd", "attr"})
REQUEST_DEPS = frozenset({"xcomp", "ccomp"})

#: Closing quote marks and brackets: kept at the end of a span, looked past to find its last word.
CLOSERS = "\"'”’»)]」』"

#: A speaker noun phrase longer than this is a mis-parse; only its head's left part is kept.
MAX_SPEAKER_TOKENS = 20

#: How far into a reporting clause after a quote the cue may come ("…," Russian Deputy Foreign
#: Minister Alexey Meshkov told reporters).
MAX_TOKENS_BEFORE_POST_CUE = 16

#: How many tokens may sit between a cue and the quote it introduces ("said on Thursday: …").
MAX_TOKENS_AFTER_PRE_CUE = 8

#: How far back a cue the parse gave no subject may find the noun that says it.
MAX_TOKENS_BEFORE_SUBJECTLESS_CUE = 5

#: Dashes that attribute a quote with no verb ("“…” ― Sonya Herridge").
ATTRIBUTION_DASHES = frozenset({"—", "―", "–", "-", "--"})


@dataclass(slots=True, frozen=True)
class Cue:
    """A reporting cue by offsets and tokens, how it reports, and its speaker (if any)."""

    start: int
    end: int
    text: str
    modes: frozenset[str]
    first: int
    last: int
    speaker: tuple[int, int] | None = None
    """Char span of the speaker's words."""
    speaker_head: int | None = None
    """Token index of the speaker phrase's head."""


class Parse:
    """The spaCy ``Doc`` of an article with char-offset lookups and the cue rules at hand."""

    def __init__(self, doc: Doc, rules: QuoteRules) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access
        self.rules = rules
        self.starts = [token.idx for token in doc]

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens starting within ``[start, end)``."""
        return list(self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)])

    def token_at(self, offset: int) -> Token | None:
        position = bisect_right(self.starts, offset) - 1
        if position < 0:
            return None
        token = self.doc[position]
        return token if token.idx <= offset < token.idx + len(token) else None

    # -- cues -------------------------------------------------------------------------------

    def cue_at(self, token: Token) -> Cue | None:
        """The cue that starts at ``token`` (a fixed phrase or a reporting verb), with its speaker."""
        starts = self.rules.phrase_starts
        starts_phrase = token.lower_ in starts or token.lemma_.lower() in starts
        for length in range(self.rules.longest_phrase if starts_phrase else 1, 1, -1):
            words = self.doc[token.i : token.i + length]
            key = tuple(
                word.lemma_.lower() if position == 0 else word.lower_ for position, word in enumerate(words)
            )
            modes = self.rules.cue_phrases.get(key) or self.rules.cue_phrases.get(
                tuple(w.lower_ for w in words)
            )
            if modes is not None and len(words) == length:
                last = words[-1]
                objects = [child for child in last.children if child.dep_ == "pobj"]
                head = objects[0] if "source" in modes and objects else subject_of(token)
                return self._cue(token, last, modes, head)
        modes = self.rules.cue_verbs.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if modes is None:
            return None
        return self._cue(token, token, modes, subject_of(token))

    def _cue(self, first: Token, last: Token, modes: frozenset[str], head: Token | None) -> Cue:
        start, end = first.idx, last.idx + len(last)
        text = self.text[start:end]
        if head is None:
            return Cue(start, end, text, modes, first.i, last.i)
        return Cue(start, end, text, modes, first.i, last.i, self.noun_phrase(head), head.i)

    def noun_phrase(self, head: Token) -> tuple[int, int]:
        """Char span of the noun phrase headed by ``head`` (the pronoun alone for pronouns)."""
        if head.pos_ == "PRON":
            return head.idx, head.idx + len(head)
        left, right = head.left_edge, head.right_edge
        if right.i - left.i + 1 > MAX_SPEAKER_TOKENS:
            right = head
        while right.i > left.i and (right.is_punct or right.is_space) and right.text not in CLOSERS:
            right = self.doc[right.i - 1]
        while left.i < right.i and (left.is_punct or left.is_space):
            left = self.doc[left.i + 1]
        return left.idx, right.idx + len(right)

    # -- frames of quoted passages ------------------------------------------------------------

    def sentence_before(self, start: int, end: int) -> list[Token]:
        """Tokens of ``[start, end)`` after the last sentence-final punctuation in it."""
        tokens = self.tokens(start, end)
        for position in range(len(tokens) - 1, -1, -1):
            if tokens[position].text in SENTENCE_END:
                return tokens[position + 1 :]
        return tokens

    def sentence_after(self, start: int, end: int) -> list[Token]:
        """Tokens of ``[start, end)`` up to (not including) the first sentence-final punctuation."""
        tokens = self.tokens(start, end)
        for position, token in enumerate(tokens):
            if token.text in SENTENCE_END:
                return tokens[:position]
        return tokens

    def quote_cue(self, token: Token) -> Cue | None:
        cue = self.cue_at(token)
        return cue if cue is not None and "quote" in cue.modes else None

    def post_cue(self, frame: list[Token], lead: str, content_ends_sentence: bool) -> Cue | None:
        """The cue of a reporting clause right after a quote (``"…," he said``), if any.

        After a quote that ended its own sentence, a cue whose clausal complement lies in the
        frame reports something else (``"…." The message said narrowing differences …``), and
        a new sentence is no reporting clause. ``lead`` is the text between the
        closing mark and the frame's first token, where an attributing dash may stand
        (``"…" ― Sonya Herridge``).
        """
        for position, token in enumerate(frame[: MAX_TOKENS_BEFORE_POST_CUE + 1]):
            cue = self.quote_cue(token)
            if cue is None:
                continue
            if content_ends_sentence:
                reports_other = any(child.dep_ == "ccomp" and child in frame for child in token.children)
                starts_new_sentence = frame[0].is_title and frame[0].pos_ not in ("PROPN", "PRON")
                if reports_other or (position > 0 and starts_new_sentence):
                    return None
            return self._within(cue, frame)
        names = [token for token in frame if token.pos_ == "PROPN"]
        dashed = lead.strip()[:1] in ATTRIBUTION_DASHES or (frame and frame[0].text in ATTRIBUTION_DASHES)
        if dashed and names and names[0].i <= frame[0].i + 1:
            name = _phrase_head(names[0], frame)
            dash = frame[0] if frame[0].text in ATTRIBUTION_DASHES else name
            return self._cue(dash, dash, frozenset({"quote"}), name)
        return None

    def pre_cue(self, frame: list[Token]) -> Cue | None:
        """The cue of a reporting clause that introduces a quote (``He said: "…"``), if any.

        Only the last cue of the frame qualifies, and only if nothing but its own modifiers
        ("told reporters on Thursday"), punctuation and a final "that" stand between it and
        the quote: in ``Meshkov recalled that Russia had been "…"`` the quote is a phrase
        inside the reported clause, not what "recalled" introduces.
        """
        for position in range(len(frame) - 1, -1, -1):
            cue = self.quote_cue(frame[position])
            if cue is None:
                continue
            trailing = [token for token in frame[position + 1 :] if token.i > cue.last]
            if trailing and trailing[-1].lower_ == "that":
                trailing = trailing[:-1]
            if len(trailing) <= MAX_TOKENS_AFTER_PRE_CUE and all(
                token.is_punct or _modifies(token, frame[position]) for token in trailing
            ):
                return self._within(cue, frame)
            return None
        return None

    def _within(self, cue: Cue, frame: list[Token]) -> Cue:
        """The cue with its speaker taken from the frame when the parse found it elsewhere.

        Around quote marks the parser often makes a word inside the quote the subject of
        the reporting verb ('"… Full panic mode," said Leslie Wimes'), or a noun far from
        the verb ('― as was true … made public ― Trump boasted, "…"'). A name or pronoun right
        before the cue is the speaker; otherwise the noun phrase next to the cue in the frame:
        before it, else after it ("said X").
        """
        verb = self.doc[cue.first]
        adjacent = self.doc[cue.first - 1] if cue.first > 0 else None
        if adjacent is not None and adjacent in frame and _names_someone(adjacent):
            speaker = cue.speaker
            if speaker is None or not speaker[0] <= adjacent.idx < speaker[1]:
                return self._cue(verb, self.doc[cue.last], cue.modes, _phrase_head(adjacent, frame))
        if cue.speaker_head is not None and self.doc[cue.speaker_head] in frame:
            return cue
        before = [token for token in frame if token.i < cue.first and token.pos_ in ("PROPN", "NOUN", "PRON")]
        after = [token for token in frame if token.i > cue.last and token.pos_ in ("PROPN", "NOUN", "PRON")]
        head = (
            _phrase_head(before[0], frame) if before else (_phrase_head(after[0], frame) if after else None)
        )
        return self._cue(verb, self.doc[cue.last], cue.modes, head)

    def governing_cue(self, token: Token, frame: list[Token]) -> Cue | None:
        """The reporting verb in ``frame`` that ``token`` depends on (a phrase quoted in a clause)."""
        for ancestor in token.ancestors:
            if ancestor in frame:
                cue = self.quote_cue(ancestor)
                if cue is not None:
                    return cue
        return None

    def label_cue(self, speaker: tuple[int, int], colon: int) -> Cue | None:
        """The cue of a transcript turn ("WALLACE: …"): the colon, said by the label."""
        colon_token, label = self.token_at(colon), self.token_at(speaker[1] - 1)
        if colon_token is None or label is None:
            return None
        return Cue(
            colon, colon + 1, ":", frozenset({"quote"}), colon_token.i, colon_token.i, speaker, label.i
        )

    def introducing_cue(self, start: int, end: int) -> Cue | None:
        """The main verb of the sentence ``[start, end)`` as the cue of a quote right after it.

        A reader gives an unattributed quote to the person the sentence before it is about
        ("Cummings called him a master at bolting deals together. "He showed again and again
        …""), when that subject is a name or a personal pronoun, or to whatever a sentence
        ending in a colon announces it from ("The piece used her words as its headline: …").
        """
        tokens = self.tokens(start, end)
        root = next(
            (token for token in tokens if token.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX")), None
        )
        if root is None:
            return None
        subject = next((child for child in root.children if child.dep_ == "nsubj"), None)
        announces = tokens[-1].text == ":" if tokens else False
        if subject is None or not (announces or subject.pos_ == "PROPN" or subject.lower_ in ("he", "she")):
            return None
        return self._cue(root, root, frozenset(), subject)

    # -- reported speech ------------------------------------------------------------------------

    def reported(self, cue: Cue) -> tuple[int, int] | None:
        """Char span of what ``cue`` reports, without "that" and edge punctuation (None if nothing)."""
        verb, last = self.doc[cue.first], self.doc[cue.last]
        edges = None
        if "source" in cue.modes:
            edges = _clause_around(verb, last)
        if edges is None and "clause" in cue.modes:
            edges = complement_of(verb)
        if edges is None and cue.modes & {"object", "request"}:
            edges = _object_of(verb, last, "request" in cue.modes)
        if edges is None:
            return None
        first, final = edges
        while first.i < final.i and (first.is_punct or first.dep_ == "mark"):
            first = self.doc[first.i + 1]
        while final.i > first.i and (final.is_punct or final.is_space) and final.text not in CLOSERS:
            final = self.doc[final.i - 1]
        if final.i - first.i < 1 and first.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        return first.idx, final.idx + len(final)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """Who does the reporting: the verb's subject, borrowed from the verb it hangs off if need be.

    A passive cue is said by its agent ("was reported by X"); its grammatical subject is
    what was reported or who was told, never the speaker, except when borrowed ("X was quoted
    as saying"). When the parse gives no subject at all (it often loses it in long sentences,
    "Following Turkey's statements …, Sergey Lavrov on Wednesday said that …"), the noun right
    before the verb, past adverbs and time phrases, is taken.
    """
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return verb.head  # "footage of Hillary Clinton asking, …"
    for child in verb.children:
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and depth > 0):
            return child
        if child.dep_ == "agent":
            return next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        return None
    head = verb.head.head if verb.head.pos_ == "ADP" else verb.head  # "before asking her"
    if depth < 2 and verb.dep_ in BORROWS_SUBJECT and head != verb:
        borrowed = subject_of(head, depth + 1)
        if borrowed is not None:
            return borrowed
    if depth > 0:
        return None
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.pos_ == "PROPN" and verb.head == following:
        return following  # inverted, parsed as a modifier: "Said Ellis: …"
    return _noun_before(verb)


def _names_someone(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.lower_ in ("he", "she", "they", "i", "we")


def _phrase_head(token: Token, frame: list[Token]) -> Token:
    """The head of the noun phrase ``token`` starts, staying within ``frame``."""
    while token.head != token and token.head in frame and token.head.pos_ in ("PROPN", "NOUN"):
        token = token.head
    return token


def _noun_before(verb: Token) -> Token | None:
    doc = verb.doc
    for position in range(verb.i - 1, max(-1, verb.i - 1 - MAX_TOKENS_BEFORE_SUBJECTLESS_CUE), -1):
        token = doc[position]
        is_time = token.ent_type_ in ("DATE", "TIME")
        if token.pos_ in ("PROPN", "NOUN", "PRON") and not is_time:
            return None if token.dep_ in ("pobj", "dobj", "dative") else token
        if not (token.pos_ in ("ADV", "ADP", "DET", "NUM", "AUX", "PART") or is_time):
            return None
    return None


def _modifies(token: Token, cue_token: Token) -> bool:
    """Whether ``token`` hangs off the cue other than through its clausal complement."""
    if token.dep_ == "ccomp":
        return False
    for ancestor in token.ancestors:
        if ancestor == cue_token:
            return True
        if ancestor.dep_ == "ccomp":
            return False
    return False


def complement_of(cue_token: Token) -> tuple[Token, Token] | None:
    """First and last token of what a reporting verb reports, when it reports a clause.

    ``X said (that) CLAUSE`` gives the clausal complement (the parser sometimes labels it an
    adverbial clause: "said after the convention he would …"); ``CLAUSE, X said`` gives the
    clause before; a parenthetical ``A, X said, B`` (the reporting verb as a parataxis) gives
    the sentence it interrupts.
    """
    children = list(cue_token.children)
    after = [child for child in children if child.i > cue_token.i and _is_complement(child)]
    if after:
        return after[0].left_edge, after[0].right_edge
    before = [child for child in children if child.i < cue_token.i and child.dep_ == "ccomp"]
    if before:
        return before[-1].left_edge, before[-1].right_edge
    if cue_token.dep_ != "parataxis":
        return None
    doc, head = cue_token.doc, cue_token.head
    first, last = head.left_edge, head.right_edge
    if cue_token.left_edge.i <= first.i + 1:
        first = doc[min(cue_token.right_edge.i + 1, last.i)]
    elif cue_token.right_edge.i >= last.i - 1:
        last = doc[max(cue_token.left_edge.i - 1, first.i)]
    return first, last


def _is_complement(child: Token) -> bool:
    """A clausal complement, or a subject-bearing clause the parser attached as adverbial."""
    if child.dep_ == "ccomp":
        return True
    if child.dep_ not in ("advcl", "parataxis"):
        return False
    grandchildren = list(child.children)
    has_subject = any(token.dep_ in SUBJECT_DEPS for token in grandchildren)
    subordinated = any(token.dep_ == "mark" and token.lower_ != "that" for token in grandchildren)
    return has_subject and not subordinated


def _object_of(verb: Token, last: Token, request: bool) -> tuple[Token, Token] | None:
    """What a cue reports through its object: the run of object-like dependents after the cue.

    ``last`` is the cue's last word: for "called for X" the object hangs off "for".
    """
    if last != verb and last.dep_ == "prep":
        objects = [child for child in last.children if child.dep_ in ("pobj", "pcomp")]
        following = [child for child in verb.children if child.i > last.i]
        if not objects:
            return None
        return objects[0].left_edge, _run_end(following, objects[0]).right_edge
    after = [child for child in verb.children if child.i > last.i and not child.is_punct]
    if not after:
        return None
    needed = REQUEST_DEPS if request else CORE_OBJECT_DEPS
    if not any(child.dep_ in needed for child in after) or after[0].dep_ not in OBJECT_DEPS | {"dative"}:
        return None
    return after[0].left_edge, _run_end(after[1:], after[0]).right_edge


def _run_end(children: list[Token], start: Token) -> Token:
    """The last of the object-like dependents that follow ``start`` without a break."""
    end = start
    for child in children:
        if child.i <= end.i:
            continue
        if child.dep_ not in OBJECT_DEPS:
            break
        end = child
    return end


def _clause_around(according: Token, last: Token) -> tuple[Token, Token] | None:
    """The clause an "according to X" phrase attributes: its head's words outside the phrase."""
    head = according.head
    if head == according:
        return None
    doc = according.doc
    phrase_start, phrase_end = according.left_edge.i, max(according.right_edge.i, last.i)
    before = [token for token in doc[head.left_edge.i : phrase_start] if not token.is_punct]
    after = [token for token in doc[phrase_end + 1 : head.right_edge.i + 1] if not token.is_punct]
    if before and after:
        return head.left_edge, head.right_edge
    if before:
        return before[0], before[-1]
    if after:
        return after[0], after[-1]
    return None
