"""Quotes: every direct, partial and indirect quotation, with its speaker and cue.

Wire stories are mostly quotes, and who said what is half of the news. The stage works in
three passes over an article:

1. quoted passages are found by their marks (:mod:`eventwire.quotes.marks`) and classified
   from their frame (:mod:`eventwire.quotes.attribution`) as ``direct`` (a whole utterance:
   ``"…," he said``), ``partial`` (a phrase inside the writer's sentence: ``accused of
   "attacking the wrong targets"``) or ``indirect`` (a quoted complement: ``The message notes
   that "…"``), and attributed to the reporting clause around them; quoted names and titles
   (``the conference "Russia-Turkey: …"``) and two-word scare quotes are dropped;
2. reported speech without quote marks is added: ``indirect`` for what a cue reports
   (``X said (that) …``, ``X cited the figure``, ``according to X, …``) and ``direct`` for
   an utterance introduced by a colon (``The governor added: It's typical …``);
3. a quote with no reporting clause of its own inherits one only where a reader would: the
   other half of a split quote, the next paragraph of a multi-paragraph quote, a paragraph of
   quotes right after one attributed to someone. Speakers are then resolved in text order
   (:mod:`eventwire.quotes.speakers`).

Every quote's ``text`` is ``article.text[start:end]``: the content without its quote marks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.config import Settings
from eventwire.model import Article, Quote, QuoteKind, Speaker, stable_id
from eventwire.pipeline import PerArticleStage, register_stage
from eventwire.quotes.attribution import CLOSERS, Cue, Parse
from eventwire.quotes.marks import QuotedSpan, find_quoted_spans
from eventwire.quotes.rules import QuoteRules, default_rules
from eventwire.quotes.speakers import SpeakerResolver

__all__ = ["QuotesStage", "extract_quotes", "quote_at"]

#: Characters that end a sentence inside a quote ("…," vs "….").
_SENTENCE_FINAL = ".!?…"

#: An unattributed quoted phrase shorter than this many words is a scare quote, not a quotation.
MIN_UNATTRIBUTED_WORDS = 3

#: A quoted phrase whose words are at least this capitalised is a name or a title.
TITLE_CASE_SHARE = 0.75

#: A reported-speech candidate mostly inside a quoted passage repeats that passage.
MAX_SHARE_INSIDE_QUOTE = 0.5


@dataclass(slots=True)
class _Candidate:
    """A quote before speaker resolution; ``span`` holds its marks when it is quoted."""

    kind: QuoteKind
    start: int
    end: int
    paragraph: int
    cue: Cue | None
    span: QuotedSpan | None = None

    @property
    def top_level(self) -> bool:
        return self.span is None or self.span.depth == 0


@dataclass(slots=True)
class _Context:
    """An article being processed, with the lookups every pass needs."""

    article: Article
    parse: Parse
    rules: QuoteRules
    paragraphs: list[tuple[int, int]]
    skip: frozenset[int]
    spans: list[QuotedSpan]
    starts: list[int] = field(init=False)
    outer: list[tuple[int, int]] = field(init=False)
    sentence_ends: list[int] = field(init=False)
    top_spans: dict[int, list[QuotedSpan]] = field(init=False)
    """Top-level quoted spans by paragraph, so per-paragraph work stays local in long texts."""

    def __post_init__(self) -> None:
        self.starts = [start for start, _ in self.paragraphs]
        self.outer = [(span.start, span.end) for span in self.spans if span.depth == 0]
        self.sentence_ends = [sentence.end for sentence in self.article.sentences]
        self.top_spans = {}
        for span in self.spans:
            if span.depth == 0:
                self.top_spans.setdefault(span.paragraph, []).append(span)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def outside_quotes(self, offset: int) -> bool:
        """Whether ``offset`` lies outside the content of every top-level quoted passage."""
        position = bisect_right(self.outer, (offset, len(self.article.text))) - 1
        return position < 0 or not self.outer[position][0] <= offset < self.outer[position][1]

    def opens_paragraph(self, span: QuotedSpan) -> bool:
        """Whether nothing but blanks precedes the quote's opening mark in its paragraph."""
        return not self.article.text[self.paragraphs[span.paragraph][0] : span.open_at].strip()


def quote_at(article: Article, offset: int) -> Quote | None:
    """The quote whose content contains ``offset``; the innermost one where quotes nest."""
    containing = [quote for quote in article.quotes if quote.start <= offset < quote.end]
    return min(containing, key=lambda quote: quote.end - quote.start, default=None)


def extract_quotes(article: Article, rules: QuoteRules | None = None) -> list[Quote]:
    """All quotes of a parsed article, sorted by start (an unparsed article has none)."""
    if article.doc is None:
        return []
    rules = rules or default_rules()
    paragraphs = article.paragraphs or [(0, len(article.text))]
    subheadings = set(article.subheadings)
    skip = frozenset(index for index, span in enumerate(paragraphs) if span in subheadings)
    spans = find_quoted_spans(article.text, paragraphs, rules.marks, rules.max_unclosed_chars, skip)
    context = _Context(article, Parse(article.doc, rules), rules, paragraphs, skip, spans)
    candidates = _quoted_passages(context)
    candidates += _transcript_turns(context, candidates)
    candidates += _reported_speech(context, candidates)
    _inherit_cues(context, candidates)
    speakers = _resolve_speakers(context, candidates)
    quotes: dict[tuple[int, int], Quote] = {}
    for candidate in candidates:
        cue = candidate.cue
        quotes.setdefault(
            (candidate.start, candidate.end),
            Quote(
                kind=candidate.kind,
                text=article.text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                speaker=speakers.get(cue) if cue else None,
                cue=cue.text if cue else None,
                cue_start=cue.start if cue else None,
                cue_end=cue.end if cue else None,
                quote_id=stable_id(article.article_id, "quote", candidate.start, candidate.end),
            ),
        )
    return sorted(quotes.values(), key=lambda quote: (quote.start, -quote.end))


def _quoted_passages(context: _Context) -> list[_Candidate]:
    """Classify and attribute each quoted passage from the frame around its marks."""
    parse, text = context.parse, context.article.text
    candidates: list[_Candidate] = []
    for span, region, previous, following in _with_neighbours(context.spans, context.paragraphs, text):
        pre = parse.sentence_before(previous.outer_end if previous else region[0], span.open_at)
        post = parse.sentence_after(span.outer_end, following.open_at if following else region[1])
        content = text[span.start : span.end]
        ends_sentence = content.rstrip(CLOSERS)[-1:] in tuple(_SENTENCE_FINAL)
        lead = text[span.outer_end : post[0].idx] if post else ""
        post_cue = parse.post_cue(post, lead, ends_sentence)
        pre_cue = parse.pre_cue(pre)
        closes_clause = ends_sentence or post_cue is not None or all(token.is_punct for token in post)
        # 'He said: "…"' introduces an utterance; 'you called "miracles"' quotes a phrase.
        introduced = pre_cue is not None and (pre[-1].text in (":", ",") or content[:1].isupper())
        opens_clause = not pre or pre[-1].text == ":" or introduced
        kind: QuoteKind
        if pre_cue is not None and pre[-1].lower_ == "that":
            kind = "indirect" if closes_clause else "partial"
        elif opens_clause and closes_clause:
            kind = "direct"
        else:
            kind = "partial"
        # An introducing clause ('Peabody said: "…," adding that …') outranks what follows.
        cue = (pre_cue if introduced else None) or post_cue or pre_cue
        if kind == "partial":
            if _is_name(content, pre, context.rules):
                continue
            first = parse.token_at(span.start)
            cue = (parse.governing_cue(first, pre + post) if first is not None else None) or cue
            if cue is None and len(_words(content)) < MIN_UNATTRIBUTED_WORDS:
                continue
        elif cue is None and pre and pre[-1].text == ":":
            cue = parse.introducing_cue(pre[0].idx, pre[-1].idx + 1)
        candidates.append(_Candidate(kind, span.start, span.end, span.paragraph, cue, span))
    return candidates


def _with_neighbours(
    spans: list[QuotedSpan], paragraphs: list[tuple[int, int]], text: str
) -> list[tuple[QuotedSpan, tuple[int, int], QuotedSpan | None, QuotedSpan | None]]:
    """Each quoted span with the region it lies in and its neighbours at the same depth.

    A top-level quote's region is its paragraph; a nested quote's is its parent's content, so
    a nested quote is attributed from the words of the quote around it. A quoted word or two
    (a nickname: 'Marcia "Cia" Price') is part of its neighbours' frames, not a boundary.
    """
    groups: dict[tuple[int, int], list[QuotedSpan]] = {}
    regions: dict[tuple[int, int], tuple[int, int]] = {}
    parents: list[QuotedSpan] = []
    for span in spans:
        while parents and not parents[-1].start <= span.start < parents[-1].end:
            parents.pop()
        if parents and span.depth > 0:
            key, region = (span.paragraph, parents[-1].start), (parents[-1].start, parents[-1].end)
        else:
            key, region = (span.paragraph, -1), paragraphs[span.paragraph]
        groups.setdefault(key, []).append(span)
        regions[key] = region
        parents.append(span)
    result = []
    for key, members in groups.items():
        members.sort(key=lambda span: span.open_at)
        bounds = [
            span for span in members if len(_words(text[span.start : span.end])) >= MIN_UNATTRIBUTED_WORDS
        ]
        for span in members:
            previous = next((other for other in reversed(bounds) if other.open_at < span.open_at), None)
            following = next((other for other in bounds if other.open_at > span.open_at), None)
            result.append((span, regions[key], previous, following))
    result.sort(key=lambda item: item[0].open_at)
    return result


def _words(content: str) -> list[str]:
    return [word for word in content.split() if word[:1].isalpha()]


def _is_name(content: str, pre: list[Token], rules: QuoteRules) -> bool:
    """A quoted phrase that names something (a title, a show, a slogan) rather than quoting."""
    words = _words(content)
    if words and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words):
        return True
    before = tuple(token.lower_ for token in pre[-2:])
    return any(before[-len(cue) :] == cue for cue in rules.title_cues)


def _transcript_turns(context: _Context, quoted: list[_Candidate]) -> list[_Candidate]:
    """Turns of a transcript ("WALLACE: Do you really …"), quoted or not, said by their label."""
    text, marks = context.article.text, context.rules.marks.all_marks
    opening = {
        candidate.paragraph: candidate
        for candidate in quoted
        if candidate.span is not None and candidate.top_level and context.opens_paragraph(candidate.span)
    }
    turns: list[_Candidate] = []
    for index, (start, end) in enumerate(context.paragraphs):
        quote = opening.get(index)
        label = context.rules.speaker_label.match(text, quote.start if quote else start, end)
        if index in context.skip or label is None or (quote is None and text[start] in marks):
            continue
        colon = text.index(":", label.end("speaker"))
        cue = context.parse.label_cue(label.span("speaker"), colon)
        if cue is None:
            continue
        if quote is not None:
            quote.start, quote.cue, quote.kind = label.end(), cue, "direct"
        else:
            turns.append(_Candidate("direct", label.end(), end, index, cue))
    return turns


def _reported_speech(context: _Context, quoted: list[_Candidate]) -> list[_Candidate]:
    """Quotes without quote marks: what each cue outside quotes reports."""
    parse, text = context.parse, context.article.text
    whole: dict[int, list[tuple[int, int]]] = {}
    for candidate in quoted:
        if candidate.kind != "partial":
            whole.setdefault(candidate.paragraph, []).append((candidate.start, candidate.end))
    candidates: list[_Candidate] = []
    for token in parse.doc:
        if token.pos_ != "VERB" and token.lower_ != "according":
            continue
        paragraph = context.paragraph_of(token.idx)
        if paragraph in context.skip or not context.outside_quotes(token.idx):
            continue
        cue = parse.cue_at(token)
        if cue is None or cue.speaker_head is None:
            continue
        start, end = context.paragraphs[paragraph]
        colon = _colon_after(parse, cue, end) if "quote" in cue.modes else None
        if colon is not None:
            introduced = _introduced(context, quoted, cue, colon, paragraph)
            if introduced is not None:
                candidates.append(introduced)
            continue
        reported = parse.reported(cue)
        if reported is None:
            continue
        start, end = _extend_over_quotes(context, paragraph, (max(reported[0], start), min(reported[1], end)))
        inside = _covered(start, end, whole.get(paragraph, []))
        if end > start and inside <= MAX_SHARE_INSIDE_QUOTE and text[start:end].strip():
            candidates.append(_Candidate("indirect", start, end, paragraph, cue))
    return candidates


def _colon_after(parse: Parse, cue: Cue, limit: int) -> int | None:
    """Offset just after a colon that follows the cue and its modifiers ("added on Monday:")."""
    cue_token = parse.doc[cue.first]
    for token in parse.doc[cue.last + 1 :]:
        if token.idx >= limit:
            return None
        if token.text == ":":
            return token.idx + 1
        if token.is_punct or not any(ancestor == cue_token for ancestor in token.ancestors):
            return None
    return None


def _introduced(
    context: _Context, quoted: list[_Candidate], cue: Cue, colon: int, paragraph: int
) -> _Candidate | None:
    """What a colon after a cue introduces: the rest of the paragraph, or the next paragraph.

    A quoted passage after the colon is attributed by its own frame, or, when it opens the
    next paragraph, is handed the cue here; unquoted text after the colon is a direct quote.
    """
    text = context.article.text
    start, end = colon, context.paragraphs[paragraph][1]
    if not text[start:end].strip():
        paragraph += 1
        if paragraph >= len(context.paragraphs) or paragraph in context.skip:
            return None
        start, end = context.paragraphs[paragraph]
        spans = context.top_spans.get(paragraph, [])
        if spans and context.opens_paragraph(spans[0]):
            for candidate in quoted:
                if candidate.span in spans and candidate.cue is None:
                    candidate.cue = cue
            return None
    while start < end and text[start].isspace():
        start += 1
    if start >= end or not context.outside_quotes(start) or text[start] in context.rules.marks.all_marks:
        return None
    return _Candidate("direct", start, end, paragraph, cue)


def _extend_over_quotes(context: _Context, paragraph: int, clause: tuple[int, int]) -> tuple[int, int]:
    """Let a reported clause end after the closing mark of a quote it opens."""
    start, end = clause
    for span in context.top_spans.get(paragraph, []):
        if start <= span.open_at < end < span.outer_end:
            end = span.outer_end
    return start, end


def _covered(start: int, end: int, intervals: list[tuple[int, int]]) -> float:
    """Share of ``[start, end)`` that the (non-overlapping) intervals cover."""
    overlap = sum(
        max(0, min(end, other_end) - max(start, other_start)) for other_start, other_end in intervals
    )
    return overlap / max(1, end - start)


def _inherit_cues(context: _Context, candidates: list[_Candidate]) -> None:
    """Give unattributed top-level quotes the cue a reader would carry over to them."""
    by_paragraph: dict[int, list[_Candidate]] = {}
    for candidate in sorted(candidates, key=lambda candidate: candidate.start):
        by_paragraph.setdefault(candidate.paragraph, []).append(candidate)

    def unattributed(candidate: _Candidate) -> bool:
        return candidate.cue is None and candidate.span is not None and candidate.top_level

    # The other half of a split quote, or another quote in an attributed paragraph.
    for members in by_paragraph.values():
        for position, candidate in enumerate(members):
            if not unattributed(candidate) or candidate.kind == "partial":
                continue
            earlier = [other for other in members[:position] if other.cue is not None and other.top_level]
            later = [other for other in members[position + 1 :] if other.cue is not None and other.top_level]
            source = earlier[-1] if earlier else (later[0] if later else None)
            if source is not None:
                candidate.cue = source.cue
    # A paragraph that opens with a quote continues the previous paragraph's speaker: the next
    # paragraph of a multi-paragraph quote, or more quotes right after an attributed one.
    for paragraph in sorted(by_paragraph):
        members = by_paragraph[paragraph]
        first = members[0]
        sources = [other for other in by_paragraph.get(paragraph - 1, []) if other.cue is not None]
        if not unattributed(first) or paragraph - 1 in context.skip or not sources:
            continue
        if first.span is not None and context.opens_paragraph(first.span):
            for candidate in members:
                if unattributed(candidate):
                    candidate.cue = sources[-1].cue
    # A quote right after a sentence about someone ("X called him a master. "He showed …"").
    for members in by_paragraph.values():
        for candidate in members:
            if unattributed(candidate) and candidate.kind == "direct" and candidate.span is not None:
                candidate.cue = _introducing_cue(context, candidate.span)
    # The earlier paragraphs of a multi-paragraph quote attributed only at its end.
    for paragraph in sorted(by_paragraph, reverse=True):
        last = by_paragraph[paragraph][-1]
        following = by_paragraph.get(paragraph + 1, [])
        if (
            unattributed(last)
            and last.span is not None
            and last.span.continued
            and following
            and following[0].cue
        ):
            last.cue = following[0].cue


def _introducing_cue(context: _Context, span: QuotedSpan) -> Cue | None:
    """The cue of the sentence that ends just before the quote: in its paragraph, or closing
    the previous paragraph with a colon ("Sanders made the following comment:")."""
    position = bisect_right(context.sentence_ends, span.open_at) - 1
    if position < 0:
        return None
    sentence = context.article.sentences[position]
    text = context.article.text
    if text[sentence.end : span.open_at].strip() or not context.outside_quotes(sentence.start):
        return None
    same_paragraph = sentence.paragraph == span.paragraph
    if not same_paragraph and not (
        sentence.paragraph == span.paragraph - 1 and text[sentence.end - 1] == ":"
    ):
        return None
    return context.parse.introducing_cue(sentence.start, sentence.end)


def _resolve_speakers(context: _Context, candidates: list[_Candidate]) -> dict[Cue, Speaker | None]:
    """Each cue's speaker, resolved in text order so that earlier speakers inform later ones."""
    resolver = SpeakerResolver(context.article, context.parse, context.outside_quotes)
    cues = sorted({candidate.cue for candidate in candidates if candidate.cue}, key=lambda cue: cue.start)
    return {cue: resolver.resolve(cue, context.paragraph_of(cue.start)) for cue in cues}


@register_stage("quotes")
class QuotesStage(PerArticleStage):
    """Pipeline stage: ``article.quotes`` from the parse, the paragraphs and the actors' mentions."""

    name = "quotes"

    def __init__(self, settings: Settings) -> None:
        self.rules = default_rules()

    def __call__(self, article: Article) -> None:
        article.quotes = extract_quotes(article, self.rules)
