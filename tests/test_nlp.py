"""The nlp stage: whole articles parsed at once, never a sentence or an arc across a paragraph."""

from __future__ import annotations

from spacy.language import Language

from eventwire.nlp import PARAGRAPH_BREAKS
from eventwire.pipeline import Pipeline

SUBHEADING_STORY = (
    "Russia ready to help Turkey investigate the attack\n\n"
    "Lavrov expressed condolences to the families of the victims on Thursday.\n\n"
    "the talks continued\nwithout a break"
)


def test_the_component_runs_before_the_parser(nlp: Language) -> None:
    assert nlp.pipe_names.index(PARAGRAPH_BREAKS) < nlp.pipe_names.index("parser")


def test_no_sentence_or_dependency_crosses_a_line_break(nlp: Language) -> None:
    doc = nlp(SUBHEADING_STORY)
    breaks = [index for index, char in enumerate(SUBHEADING_STORY) if char == "\n"]
    for sentence in doc.sents:
        words = [token for token in sentence if not token.is_space]
        inside = [at for at in breaks if words[0].idx < at < words[-1].idx]
        assert not inside, sentence.text
    for token in doc:
        if token.is_space or token.head.is_space:
            continue
        low, high = sorted((token.idx, token.head.idx))
        assert not any(low < at < high for at in breaks), (token.text, token.head.text)
    lavrov = next(token for token in doc if token.text == "Lavrov")
    assert lavrov.is_sent_start and lavrov.dep_ == "nsubj"


def test_the_stage_keeps_offsets_and_numbers_sentences_by_paragraph(pipeline: Pipeline) -> None:
    article = pipeline.process_text("Lavrov calls Cavusoglu\n\n" + SUBHEADING_STORY)  # first line: title
    assert [article.text[s.start : s.end] for s in article.sentences] == [
        "Russia ready to help Turkey investigate the attack",
        "Lavrov expressed condolences to the families of the victims on Thursday.",
        "the talks continued without a break",  # a hard-wrapped line is joined, not broken
    ]
    assert [sentence.paragraph for sentence in article.sentences] == [0, 1, 2]


def test_text_without_line_breaks_and_blank_text_parse(nlp: Language) -> None:
    assert len(list(nlp("Turkey accused Russia. Moscow denied it.").sents)) == 2
    assert all(token.is_space for token in nlp("\n\n\n"))  # only line breaks: no error
    assert len(nlp("")) == 0
