"""Near-duplicates: a syndicated copy points at the first story, in this run or a later one."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import clean_article, default_rules
from eventwire.config import Settings
from eventwire.dedup import DEFAULT_THRESHOLD, DuplicateIndex, shingles
from eventwire.model import Article, stable_id
from eventwire.runner import run
from eventwire.store import open_store

from .conftest import REPO

CORPUS = REPO / "examples" / "corpus"
#: Stages enough for deduplication (cleaned text); no spaCy model needed.
SETTINGS = Settings(stages=("clean", "dateline", "language"))

UNRELATED = """Turkey accuses Russia of airspace violation

ANKARA (Reuters) - Turkey summoned the Russian ambassador on Monday to protest against what it said was
a violation of its airspace by a Russian warplane near the Syrian border, the foreign ministry said.

Turkish F-16 jets intercepted the aircraft, which had entered Turkish airspace in the southern Hatay
province, the military said in a statement. It was the second such incident in two days.

"Russia will be responsible for any undesired incident that may occur," the ministry said, adding that
Ankara had also complained to NATO allies. Russia's defence ministry said bad weather had caused the
plane to stray briefly into Turkish airspace and that the incident should not be blown out of proportion.

NATO foreign ministers were due to discuss the incursions at a meeting in Brussels later this week.
"""


def article(raw: str, source: str = "test") -> Article:
    item = Article(article_id=stable_id("article", raw.strip()), source_path=source, raw_text=raw)
    clean_article(item, default_rules())
    return item


def syndicated_copy(seed_text: str) -> str:
    """The seed as another site runs it: its own header and footer, one sentence reworded.

    The footer's last paragraph is prose no cleanup rule removes, so the copy differs in text.
    """
    body = seed_text.split("\n\n", 1)[1].replace(
        "Russia’s Armed Forces act on a request from Syrian President Bashar Assad.",
        "Moscow says its forces are acting at the invitation of Syrian President Bashar Assad.",
    )
    return (
        "Home | World | Middle East\nShare this article\n\n" + body + "\n\nSource: TASS\n\n"
        "This story is distributed to partner newspapers by the Eurasia Wire syndication service.\n\n"
        "Read more:\nKremlin comments on Syria talks\n"
    )


def test_a_syndicated_copy_is_a_near_duplicate_and_a_related_story_is_not(seed_text: str) -> None:
    index = DuplicateIndex()
    original = article(seed_text, "tass.txt")
    assert index.check(original) is None
    index.add(original)
    copy = article(syndicated_copy(seed_text), "copy.txt")
    assert copy.article_id != original.article_id and copy.text != original.text
    assert index.check(copy) == original.article_id
    unrelated = article(UNRELATED, "reuters.txt")
    assert index.check(unrelated) is None


def test_an_article_is_never_its_own_duplicate(seed_text: str) -> None:
    index = DuplicateIndex()
    original = article(seed_text)
    index.add(original)
    assert index.check(original) is None


def test_the_earliest_copy_is_the_one_pointed_at(seed_text: str) -> None:
    index = DuplicateIndex()
    first, second = article(seed_text, "first"), article(syndicated_copy(seed_text), "second")
    index.add(first)
    index.add(second)
    third = article(syndicated_copy(seed_text).replace("Source: TASS", "Via TASS wire"), "third")
    assert index.check(third) == first.article_id


def test_short_texts_get_no_signature() -> None:
    index = DuplicateIndex()
    short = article("LONDON (Reuters) - Talks resumed.")
    assert index.signature(short) is None and index.check(short) is None


def test_signatures_survive_a_round_trip_and_foreign_ones_are_ignored(seed_text: str) -> None:
    index = DuplicateIndex()
    original = article(seed_text)
    blob = index.signature(original)
    assert blob is not None
    reloaded = DuplicateIndex.from_signatures(
        [(original.article_id, blob), ("old", b"legacy-format"), ("x", b"")]
    )
    assert len(reloaded) == 1 and reloaded.ignored_signatures == 2
    assert reloaded.check(article(syndicated_copy(seed_text))) == original.article_id


def test_the_threshold_is_the_documented_one() -> None:
    assert DEFAULT_THRESHOLD == 0.8
    assert shingles("One, two  three! Four") == [b"one two three", b"two three four"]


def test_a_copy_stored_in_a_later_run_points_at_the_first(tmp_path: Path, seed_text: str) -> None:
    first_run, second_run = tmp_path / "first", tmp_path / "second"
    first_run.mkdir()
    second_run.mkdir()
    (first_run / "tass-2015-10-15.txt").write_text(seed_text, encoding="utf-8")
    (second_run / "copy-2015-10-16.txt").write_text(syndicated_copy(seed_text), encoding="utf-8")
    (second_run / "reuters-2015-10-05.txt").write_text(UNRELATED, encoding="utf-8")
    db = tmp_path / "store.db"
    with open_store(db) as store:
        assert run([str(first_run)], store, SETTINGS).stored == 1
    with open_store(db) as store:
        summary = run([str(second_run)], store, SETTINGS)
        assert summary.stored == 2 and summary.duplicates == 1
        records = {Path(record["source_path"]).name: record for record in store.article_records()}
    original = records["tass-2015-10-15.txt"]
    assert records["copy-2015-10-16.txt"]["duplicate_of"] == original["article_id"]
    assert records["reuters-2015-10-05.txt"]["duplicate_of"] is None
    assert original["duplicate_of"] is None


@pytest.mark.skipif(not CORPUS.exists(), reason="examples/corpus is not available")
def test_the_example_corpus_has_exactly_its_one_syndicated_pair() -> None:
    index = DuplicateIndex()
    pairs = []
    for path in sorted(CORPUS.glob("*.txt")):
        item = article(path.read_text(encoding="utf-8"), path.name)
        original = index.check(item)
        if original:
            pairs.append(item.source_path)
        index.add(item)
    assert pairs == ["ap-2023-06-13-syndicated-kyrgyz-village-shelled.txt"]
