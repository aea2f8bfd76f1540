"""RSS/Atom reader: one document per item, item dates, broken XML."""

from __future__ import annotations

from datetime import date

from eventwire.errors import InputFailure
from eventwire.ingest import read_documents
from eventwire.ingest.html import html_fragment_to_text
from eventwire.model import RawDocument

from .conftest import FIXTURES

INGEST = FIXTURES / "ingest"


def read(name: str) -> list[RawDocument | InputFailure]:
    return list(read_documents([str(INGEST / name)]))


def test_rss_items_become_documents_with_their_dates() -> None:
    first, second, third = read("news.rss")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.source_path.endswith("news.rss#item1")
    # Full content wins over the summary, and its HTML is stripped into paragraphs.
    assert first.content.startswith("MOSCOW, October 15. /TASS/. Russia and Turkey")
    assert "\n\n" in first.content and "<p>" not in first.content and "Short summary" not in first.content
    assert first.published == date(2015, 10, 15) and first.published_basis == "metadata"
    assert first.url == "https://wire.example.org/1" and first.author == "Ivan Petrov"
    # No item date: the channel's date is the hint, not the publication date.
    assert second.published is None
    assert (second.date_hint, second.date_hint_basis) == (date(2015, 10, 15), "feed")
    assert second.title == "Lavrov offers condolences & cooperation to Ankara"
    assert "attack in Ankara." in second.content and "<b>" not in second.content
    assert isinstance(third, InputFailure) and third.source.endswith("news.rss#item3")
    assert "no content or summary" in third.reason


def test_atom_entries_use_published_and_summary() -> None:
    first, second = read("news.atom")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.published == date(2019, 7, 10)  # published, not updated (the 11th)
    assert first.url == "https://wire.example.org/georgia" and first.author == "Nino Beridze"
    assert first.content.startswith("TBILISI (Reuters) - Georgia accused")
    assert second.content.startswith("KABUL, Jan 2 (Reuters)") and second.published is None
    assert second.date_hint == date(2019, 7, 10)


def test_bad_xml_keeps_earlier_items_and_names_the_broken_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    after = tmp_path / "after.txt"
    after.write_text("LONDON (Reuters) - A story after the broken feed, read all the same.\n")
    items = list(read_documents([str(INGEST / "broken-feed.xml"), str(after)]))
    assert [type(item) for item in items] == [RawDocument, InputFailure, RawDocument]
    failure = items[1]
    assert isinstance(failure, InputFailure)
    assert failure.source.endswith("broken-feed.xml#item2")
    assert "malformed feed XML at line 4" in failure.reason


def test_a_feed_without_items_is_a_failure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    (failure,) = read_documents([str(path)])
    assert isinstance(failure, InputFailure) and "no items" in failure.reason


def test_a_feed_is_streamed_item_by_item(tmp_path) -> None:  # type: ignore[no-untyped-def]
    items = "".join(
        f"<item><title>Story {index}</title><description>Body of story number {index}.</description></item>"
        for index in range(2000)
    )
    path = tmp_path / "big.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>')
    documents = list(read_documents([str(path)]))
    assert len(documents) == 2000
    assert documents[-1].source_path.endswith("#item2000")  # type: ignore[union-attr]


def test_html_fragments_become_paragraphs() -> None:
    text = html_fragment_to_text(
        "<p>One <b>bold</b> line.</p><p>Two &amp; three<br>four</p><script>x()</script>"
    )
    assert text == "One bold line.\n\nTwo & three\n\nfour"
    assert html_fragment_to_text("plain &amp; simple") == "plain & simple"
