"""Scrape cleanup: debris goes (and is recorded), structure stays, true prose is never removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import CleanStage, clean_article, default_rules, load_rules, merge_rules
from eventwire.config import Settings
from eventwire.errors import DataFileError
from eventwire.model import Article

from .conftest import REPO

CORPUS = REPO / "examples" / "corpus"
CAPTION = "Russian warplane at the Syrian Hmeymim airbase"


def cleaned(raw: str, title: str | None = None) -> Article:
    article = Article(article_id="a", source_path="test", raw_text=raw, title=title)
    clean_article(article, default_rules())
    return article


def body(*paragraphs: str) -> str:
    """A story: dateline paragraph, then ``paragraphs``, so every line is in the body."""
    return "\n\n".join(("LONDON (Reuters) - Officials met on Thursday, the ministry said.", *paragraphs))


def test_seed_article_has_no_debris_and_no_caption(seed_text: str) -> None:
    article = cleaned(seed_text)
    assert article.title == "Russia and Turkey establishing ties between military agencies — foreign ministry"
    assert article.dateline == "MOSCOW, October 15. /TASS/."
    assert article.text.startswith("Russia and Turkey should establish closer cooperation")
    assert article.text.endswith("does not plan to take part in ground operations in Syria.")
    assert article.text.count(CAPTION) == 0
    assert "All news" not in article.text and "©" not in article.text
    standfirst = (
        "The recent events confirm that it is necessary to intensify cooperation between the military "
        "of Russia and Turkey"
    )
    assert standfirst not in article.text.split("\n\n")  # the standfirst, not the quote that repeats it
    assert {removal.rule for removal in article.removals} == {
        "navigation",
        "caption",
        "photo-credit",
        "header",
    }
    assert [article.text[start:end] for start, end in article.subheadings] == [
        "Rapprochement between Moscow, Ankara only possible through open dialogue",
        "Turkey accuses Russia of supplying weapons to Kurds in Syria",
    ]
    # Offsets of paragraphs index the text exactly.
    assert all(
        article.text[start:end].strip() == article.text[start:end] for start, end in article.paragraphs
    )


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("All news", "navigation"),
        ("Home | World | Asia", "breadcrumb"),
        ("Home / World", "breadcrumb"),
        ("Home > World > Europe", "breadcrumb"),
        ("Share this article", "share"),
        ("Facebook | Twitter | Email", "share"),
        ("Subscribe to our newsletter", "subscribe"),
        ("Sign up for our daily briefing", "subscribe"),
        ("Follow TASS on Telegram", "subscribe"),
        ("© Mikhail Metzel/TASS", "photo-credit"),
        ("Photo: AFP", "photo-credit"),
        ("(AP Photo/Evan Vucci)", "photo-credit"),
        ("REUTERS/Kevin Lamarque", "photo-credit"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("By MELISSA GRANT Associated Press", "byline"),
        ("By Jane Doe and John Roe, Reuters", "byline"),
        ("(Reporting by Nino Beridze; Editing by Thomas Albright)", "credits"),
        ("Reporting by Jane Doe; Editing by John Roe", "credits"),
        ("Associated Press writer Jim Heintz in Moscow contributed to this report.", "credits"),
        ("Editor: Zhang Lei", "editor"),
        ("All rights reserved.", "rights"),
        (
            "Copyright 2023 The Associated Press. All rights reserved. This material may not be published, "
            "broadcast, rewritten or redistributed.",
            "rights",
        ),
        ("Updated: 10:32 GMT, October 15, 2015", "timestamp"),
        ("15 Oct 2015, 14:32", "timestamp"),
        ("12 comments", "comments"),
        ("EFE", "agency-signoff"),
        ("We use cookies to improve your experience on our site.", "page-chrome"),
    ],
)
def test_debris_lines_are_removed_and_recorded(line: str, rule: str) -> None:
    article = cleaned(body(line, "The talks will resume next week, officials said."))
    assert line not in article.text
    assert [(removal.text, removal.rule) for removal in article.removals] == [(line, rule)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Related to this, the ministry said it would open an investigation into the attack.",
        "Reporting by the state news agency suggested that at least 20 people had died.",
        "Copyright law was changed by parliament on Tuesday after months of debate.",
        "Photos by the ministry showed damaged buildings in the centre of Aleppo.",
        "Sign up for the draft, the defence ministry urged young men in a statement.",
        "He said the 9/11 attacks had changed the relationship between the two countries.",
        "By Monday, the army had retaken the district centre, officials said.",
        "By Monday",
        "Home Secretary Priya Patel said the border would stay closed.",
        "Share prices fell 3% in Moscow after the announcement.",
        "Updated figures released on Thursday showed 14 soldiers were killed.",
        "Video shows soldiers firing rockets at the convoy",
        "World leaders condemned the attack in a joint statement.",
        "Advertisement boards in Kyiv carried the president's appeal.",
        "Read more about the talks in our explainer, the newspaper told readers.",
        "The agreement was signed in Paris/London on Thursday, diplomats said.",
        "Editors at the newspaper were detained by police on Wednesday.",
        "See also the remarks of the foreign minister, he said.",
        "Comments by the foreign minister angered Ankara.",
    ],
)
def test_true_sentences_that_look_like_debris_are_kept(sentence: str) -> None:
    article = cleaned(body(sentence, "The talks will resume next week, officials said."))
    assert sentence in article.text
    assert article.removals == []


def test_read_more_drops_the_link_list_but_not_the_story_after_it() -> None:
    article = cleaned(
        body(
            "Read more:",
            "Central Asia water disputes flare as summer heat arrives",
            "Russia's Foreign Ministry summons US envoy",
            "The talks will resume next week, officials said.",
        )
    )
    assert "Central Asia water disputes" not in article.text and "summons US envoy" not in article.text
    assert article.text.endswith("The talks will resume next week, officials said.")
    assert [removal.rule for removal in article.removals] == ["read-more"] * 3


def test_a_caption_with_a_glued_credit_goes_even_when_seen_once() -> None:
    article = cleaned(body("Russian military police officers in Syria  TASS", "The convoy left on Friday."))
    assert "police officers in Syria" not in article.text
    kept = cleaned(body("The ministry gave the figures to TASS", "The convoy left on Friday."))
    assert "The ministry gave the figures to TASS" in kept.text  # one blank: prose, not a credit


def test_a_repeated_caption_with_a_bracketed_credit_is_not_taken_for_the_title() -> None:
    raw = (CORPUS / "afp-2023-06-14-kyrgyz-tajik-border-deaths.txt").read_text(encoding="utf-8")
    article = cleaned(raw)
    assert article.title == "Kyrgyzstan mourns three killed in Tajik border shelling"
    assert "Residents inspect a house" not in article.text


def test_a_dateline_deep_in_the_story_does_not_cut_the_text_above_it() -> None:
    raw = "\n\n".join(
        [
            "Afghan talks resume",
            "Afghan and Taliban negotiators resumed talks in Doha on Saturday after a week-long pause, "
            "officials said, as fighting continued in several provinces of the country.",
            "The two sides had agreed on rules of procedure last month and were due to discuss a ceasefire.",
            "Diplomats said progress was slow but steady, and a third round was expected in the spring.",
            "The United Nations welcomed the talks and urged both sides to reduce violence.",
            "Western officials said aid would depend on the protection of women's rights.",
            "KABUL — Separately, a roadside bomb killed two police officers in the capital.",
        ]
    )
    article = cleaned(raw)
    assert article.dateline is None
    assert article.text.startswith("Afghan and Taliban negotiators resumed talks")
    assert "roadside bomb" in article.text


def test_a_metadata_title_does_not_eat_a_different_first_line() -> None:
    article = cleaned(
        "Breaking news from the border\n\nTroops crossed the border on Thursday.", title="Border clash"
    )
    assert article.title == "Border clash"
    assert article.text.startswith("Breaking news from the border")
    repeated = cleaned("Border clash\n\nTroops crossed the border on Thursday.", title="Border clash")
    assert repeated.text == "Troops crossed the border on Thursday."


@pytest.mark.parametrize(
    "raw",
    [
        "{Norway is ready to send observers to the border, its defence minister said on Friday.}",
        "[Norway is ready to send observers to the border, its defence minister said on Friday.]",
        "Norway is ready to send observers to the border, its defence minister said",
    ],
)
def test_a_text_of_one_line_is_the_story_not_a_headline(raw: str) -> None:
    article = cleaned(raw)
    assert article.text == raw
    assert article.title in (None, "")


def test_a_braced_paragraph_counts_as_a_finished_sentence() -> None:
    article = cleaned("{Troops crossed the border on Thursday.}\n\nThe army said two soldiers were hurt.")
    assert article.text.startswith("{Troops crossed the border on Thursday.}")


def test_cleaning_twice_gives_the_same_layer(seed_text: str) -> None:
    article = cleaned(seed_text)
    first = (article.text, article.dateline, list(article.removals), list(article.paragraphs))
    clean_article(article, default_rules())
    assert (article.text, article.dateline, article.removals, article.paragraphs) == first


def test_every_example_story_keeps_its_lead_and_loses_its_debris() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        article = cleaned(path.read_text(encoding="utf-8"))
        first_paragraph = article.text.split("\n\n")[0]
        assert len(first_paragraph) > 80, path.name
        for debris in ("Advertisement", "Share this article", "Read more", "(Reporting by", "Editor:"):
            assert debris not in article.text, (path.name, debris)


def test_user_rules_extend_and_override_the_shipped_ones(tmp_path: Path) -> None:
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text(
        "rules:\n"
        "  - name: house-promo\n"
        "    reason: our archive's promo line\n"
        "    pattern: 'download our app.*'\n"
        "  - name: advertisement\n"
        "    reason: ads, but keep the word alone\n"
        "    pattern: 'sponsored'\n"
        "photo_credits: [Kommersant]\n"
    )
    stage = CleanStage(Settings(cleanup_rules=(rules_file,)))
    article = Article(
        article_id="a",
        source_path="t",
        raw_text=body("Download our app for more news", "Advertisement", "Lavrov in Moscow  Kommersant"),
    )
    stage(article)
    assert "Download our app" not in article.text
    assert "Advertisement" in article.text  # the user's rule of that name replaced the shipped one
    assert "Lavrov in Moscow" not in article.text
    assert {"house-promo", "caption"} <= {removal.rule for removal in article.removals}
    merged = merge_rules(default_rules(), load_rules(rules_file))
    assert [rule.name for rule in merged.lines].count("advertisement") == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: [\n", "mine.yaml:2: invalid YAML"),
        ("rules: {}\n", "expected a mapping with a 'rules' list"),
        ("rules:\n  - name: x\n    reason: y\n", "mine.yaml:2: rule 1 lacks pattern"),
        (
            "rules:\n  - name: x\n    reason: y\n    pattern: '(unclosed'\n",
            "mine.yaml:2: rule 'x': bad pattern",
        ),
        ("rules:\n  - name: x\n    reason: y\n    pattern: '.*'\n", "matches an empty line"),
        ("rules:\n  - name: x\n    reason: y\n    pattern: 'a'\n    tial: true\n", "unknown keys tial"),
        ("rules: []\nphoto_credits: TASS\n", "'photo_credits' must be a list of strings"),
    ],
)
def test_bad_rule_files_name_the_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text)
    with pytest.raises(DataFileError, match=message.replace("(", r"\(").replace(".", r"\.")):
        load_rules(path)


def test_a_missing_rule_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read cleanup rules"):
        load_rules(tmp_path / "absent.yaml")
