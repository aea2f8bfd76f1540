"""Datelines: wire styles, odd variants, and the publication date's priority and basis."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.clean import clean_article, default_rules
from eventwire.dateline import DatelineStage, infer_year, split_dateline
from eventwire.ingest import read_documents
from eventwire.model import Article, RawDocument

from .conftest import SEED


@pytest.mark.parametrize(
    ("line", "place", "agency", "month", "day", "year", "cut"),
    [
        (
            "MOSCOW, October 15. /TASS/. Russia and Turkey",
            "MOSCOW",
            "TASS",
            10,
            15,
            None,
            "MOSCOW, October 15. /TASS/. ",
        ),
        ("LONDON (Reuters) - Britain said", "LONDON", "Reuters", None, None, None, "LONDON (Reuters) - "),
        ("WASHINGTON (AP) — The president", "WASHINGTON", "AP", None, None, None, "WASHINGTON (AP) — "),
        ("PARIS, Oct 15 (AFP) - France", "PARIS", "AFP", 10, 15, None, "PARIS, Oct 15 (AFP) - "),
        (
            "BEIJING, Oct. 15 (Xinhua) -- China",
            "BEIJING",
            "Xinhua",
            10,
            15,
            None,
            "BEIJING, Oct. 15 (Xinhua) -- ",
        ),
        ("KABUL, March 3, 2019 — Afghan forces", "KABUL", None, 3, 3, 2019, "KABUL, March 3, 2019 — "),
        ("KABUL — Afghan forces", "KABUL", None, None, None, None, "KABUL — "),
        # Odd variants seen in archives.
        (
            "MOSCOW, Oct. 15 /ITAR-TASS/ - Russia",
            "MOSCOW",
            "ITAR-TASS",
            10,
            15,
            None,
            "MOSCOW, Oct. 15 /ITAR-TASS/ - ",
        ),
        ("MOSCOW, October 15 /TASS/ Russia", "MOSCOW", "TASS", 10, 15, None, "MOSCOW, October 15 /TASS/ "),
        ("ST. LOUIS (AP) — A jury", "ST. LOUIS", "AP", None, None, None, "ST. LOUIS (AP) — "),
        (
            "UNITED NATIONS (AP) _ The council",
            "UNITED NATIONS",
            "AP",
            None,
            None,
            None,
            "UNITED NATIONS (AP) _ ",
        ),
        ("PARIS, Texas (AP) — Hundreds", "PARIS, Texas", "AP", None, None, None, "PARIS, Texas (AP) — "),
        (
            "SPRINGFIELD, Ill. (AP) — Lawmakers",
            "SPRINGFIELD, Ill.",
            "AP",
            None,
            None,
            None,
            "SPRINGFIELD, Ill. (AP) — ",
        ),
        (
            "BOGOTÁ, Colombia (AP) — Rebels",
            "BOGOTÁ, Colombia",
            "AP",
            None,
            None,
            None,
            "BOGOTÁ, Colombia (AP) — ",
        ),
        (
            "NEW YORK, Oct 15 (Reuters) - Stocks",
            "NEW YORK",
            "Reuters",
            10,
            15,
            None,
            "NEW YORK, Oct 15 (Reuters) - ",
        ),
        ("PARIS, 15 Oct 2015 (AFP) - France", "PARIS", "AFP", 10, 15, 2015, "PARIS, 15 Oct 2015 (AFP) - "),
        ("Paris (AFP) - France said", "Paris", "AFP", None, None, None, "Paris (AFP) - "),
        ("Caracas, 10 abr (EFE).- El Gobierno", "Caracas", "EFE", 4, 10, None, "Caracas, 10 abr (EFE).- "),
        (
            "SEOUL, Oct. 15 (Yonhap) -- North Korea",
            "SEOUL",
            "Yonhap",
            10,
            15,
            None,
            "SEOUL, Oct. 15 (Yonhap) -- ",
        ),
    ],
)
def test_wire_dateline_styles(
    line: str, place: str, agency: str | None, month: int | None, day: int | None, year: int | None, cut: str
) -> None:
    dateline = split_dateline(line)
    assert dateline is not None
    assert (dateline.full_place, dateline.agency, dateline.month, dateline.day, dateline.year) == (
        place,
        agency,
        month,
        day,
        year,
    )
    assert dateline.text == cut


@pytest.mark.parametrize(
    "line",
    [
        "Russia and Turkey should establish closer cooperation.",
        "BREAKING — Troops cross the border",
        "NATO — the alliance said on Thursday it would respond.",
        "LONDON, Reuters 15 - not a date",
        "The LONDON (Reuters) - office",
        "A — B",
        "MOSCOW, Octember 15. /TASS/. Russia",
    ],
)
def test_lines_that_are_not_datelines(line: str) -> None:
    assert split_dateline(line) is None


def run_stage(raw: RawDocument) -> Article:
    article = Article.from_raw(raw)
    clean_article(article, default_rules())
    DatelineStage(None)(article)
    return article


def test_seed_article_dateline_agency_and_date() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    (document,) = read_documents([str(SEED)])
    assert isinstance(document, RawDocument)
    article = run_stage(document)
    assert (article.dateline_place, article.agency) == ("MOSCOW", "TASS")
    assert article.published == date(2015, 10, 15)
    assert article.published_basis == "dateline+weekday"


LEAD = "MOSCOW, October 15. /TASS/. Russia and Turkey should cooperate, Meshkov said on Thursday.\n\nMore."
NO_WEEKDAY = LEAD.replace(" on Thursday", "")


def doc(
    text: str, hint: date | None = None, basis: str | None = None, published: date | None = None
) -> RawDocument:
    return RawDocument(
        "a",
        text,
        published=published,
        published_basis="metadata" if published else None,
        date_hint=hint,
        date_hint_basis=basis,
    )


@pytest.mark.parametrize(
    ("document", "published", "basis"),
    [
        # Metadata outranks everything.
        (doc(LEAD, published=date(2015, 10, 16)), date(2015, 10, 16), "metadata"),
        # A dateline with a year needs nothing else.
        (
            doc("KABUL, March 3, 2019 — Fighting went on.", date(2020, 1, 1), "cli"),
            date(2019, 3, 3),
            "dateline",
        ),
        # Weekday + hint: October 15 was a Thursday in 2015, within three years of the hint.
        (doc(LEAD, date(2016, 6, 1), "filename"), date(2015, 10, 15), "dateline+weekday"),
        # No weekday: the hint's year, recorded with where the hint came from.
        (doc(NO_WEEKDAY, date(2015, 10, 15), "filename"), date(2015, 10, 15), "dateline+filename"),
        (doc(NO_WEEKDAY, date(2015, 11, 1), "cli"), date(2015, 10, 15), "dateline+cli"),
        (doc(NO_WEEKDAY, date(2015, 11, 1), "feed"), date(2015, 10, 15), "dateline+feed"),
        # No dateline date at all: the hint is the date of last resort.
        (
            doc("LONDON (Reuters) - Britain said on Friday.", date(2019, 7, 10), "filename"),
            date(2019, 7, 10),
            "filename",
        ),
        (doc("Britain said on Friday it would act.", date(2019, 7, 10), "cli"), date(2019, 7, 10), "cli"),
        # Nothing to go on.
        (doc("Britain said it would act."), None, None),
    ],
)
def test_publication_date_priority_and_basis(
    document: RawDocument, published: date | None, basis: str | None
) -> None:
    article = run_stage(document)
    assert (article.published, article.published_basis) == (published, basis)


def test_year_inference_from_weekday_and_hint() -> None:
    text = "Meshkov said on Thursday."
    assert infer_year(10, 15, text, date(2015, 10, 15)) == (2015, "weekday")
    assert infer_year(10, 15, text, date(2017, 1, 1)) == (2015, "weekday")  # 2015 within three years
    # Without a hint: the most recent past year in which October 15 was a Thursday.
    assert infer_year(10, 15, text, None, today=date(2024, 1, 1)) == (2020, "weekday")
    assert infer_year(10, 15, text, None, today=date(2026, 10, 14)) == (2020, "weekday")  # never the future
    # A year-end story filed under the next year's file name belongs to the old year.
    assert infer_year(12, 31, "No weekday here.", date(2016, 1, 1)) == (2015, "hint")
    assert infer_year(10, 15, "No weekday here.", None) == (None, "none")
    # The lead's weekday wins over a later paragraph's (October 15, 2014 was a Wednesday).
    two = "Meshkov said on Thursday.\n\nOn Wednesday, Lavrov had said the opposite."
    assert infer_year(10, 15, two, date(2015, 1, 1)) == (2015, "weekday")


def test_leap_day_without_a_matching_year_falls_back_to_the_hint() -> None:
    assert infer_year(2, 29, "No weekday.", date(2015, 3, 1)) == (2016, "hint")


def test_the_stage_is_idempotent() -> None:
    article = run_stage(RawDocument("a", LEAD, date_hint=date(2015, 10, 15), date_hint_basis="filename"))
    before = (article.published, article.published_basis, article.dateline_place, article.agency)
    DatelineStage(None)(article)
    assert (article.published, article.published_basis, article.dateline_place, article.agency) == before


def test_a_hint_dated_the_datelines_day_wins_over_a_weekday_of_another_day() -> None:
    """ "LIMA, March 15" filed as 2023-03-15 (a Wednesday), telling of clashes "on Tuesday":
    2022, the nearest year whose March 15 is a Tuesday, would be wrong."""
    text = "Troops clashed with smugglers on Tuesday near the border, officials said."
    assert infer_year(3, 15, text, date(2023, 3, 15), today=date(2026, 1, 1)) == (2023, "hint")
    assert infer_year(3, 15, "Talks resumed on Wednesday.", date(2023, 3, 15), today=date(2026, 1, 1)) == (
        2023,
        "weekday",
    )
