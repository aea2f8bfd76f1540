"""HTML reader: main text and metadata by trafilatura; broken and empty pages."""

from __future__ import annotations

from datetime import date

from eventwire.clean import clean_article, default_rules
from eventwire.errors import InputFailure
from eventwire.ingest import read_documents
from eventwire.model import Article, RawDocument

from .conftest import FIXTURES

INGEST = FIXTURES / "ingest"


def read_one(name: str) -> RawDocument | InputFailure:
    items = list(read_documents([str(INGEST / name)]))
    assert len(items) == 1
    return items[0]


def test_page_metadata_becomes_document_fields() -> None:
    document = read_one("tass-page-2015-10-15.html")
    assert isinstance(document, RawDocument)
    assert (
        document.title == "Russia and Turkey establishing ties between military agencies — foreign ministry"
    )
    assert document.published == date(2015, 10, 15) and document.published_basis == "metadata"
    assert document.author == "Ivan Petrov"
    assert "Meshkov said on Thursday" in document.content
    # Navigation and footer are not main text.
    assert "All news" not in document.content and "Subscribe" not in document.content


def test_extracted_page_cleans_into_a_dateline_and_body() -> None:
    document = read_one("tass-page-2015-10-15.html")
    assert isinstance(document, RawDocument)
    article = Article.from_raw(document)
    clean_article(article, default_rules())
    assert article.dateline == "MOSCOW, October 15. /TASS/."
    assert article.text.startswith("Russia and Turkey should establish closer cooperation")
    assert article.text.count("establishing ties") == 0  # the repeated headline is not body text
    assert len(article.paragraphs) == 3


def test_page_without_a_date_leaves_it_to_the_dateline() -> None:
    document = read_one("reuters-page-undated.htm")
    assert isinstance(document, RawDocument)
    assert document.published is None and document.published_basis is None
    assert document.content.startswith("TBILISI, July 10 (Reuters) - Georgia accused")


def test_broken_markup_still_yields_its_text() -> None:
    document = read_one("broken.html")
    assert isinstance(document, RawDocument)
    assert "Afghan forces launched an offensive" in document.content
    assert "The enemy suffered heavy casualties" in document.content


def test_a_page_without_article_text_is_a_named_failure() -> None:
    failure = read_one("no-text.html")
    assert isinstance(failure, InputFailure)
    assert failure.source.endswith("no-text.html") and "no article text" in failure.reason


def test_html_with_a_legacy_charset_is_decoded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = (
        "<html><head><meta charset='windows-1251'><title>Лавров</title></head><body><article>"
        "<p>Министр иностранных дел России Сергей Лавров заявил в четверг, что Москва готова к диалогу.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    (document,) = read_documents([str(path)])
    assert isinstance(document, RawDocument) and "Сергей Лавров" in document.content
