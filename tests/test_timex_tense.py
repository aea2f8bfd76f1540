"""Time expressions with a parse: tense picks the direction, names and amounts are not dates."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex import find_times

THURSDAY = date(2015, 10, 15)


def values(nlp, text: str, anchor: date = THURSDAY) -> list[tuple[str, str | None]]:
    return [(time.text, time.value) for time in find_times(text, anchor, nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # past clause: the weekday on or before the anchor
        ("Russian jets struck the town on Monday.", [("Monday", "2015-10-12")]),
        ("Lavrov said on Thursday that talks would resume.", [("Thursday", "2015-10-15")]),
        ("The town has been shelled since Monday.", [("Monday", "2015-10-12")]),
        ("Militants killed on Monday were buried.", [("Monday", "2015-10-12")]),
        # future clause: the weekday on or after it
        ("The ministers will meet on Monday.", [("Monday", "2015-10-19")]),
        ("He said the delegation would arrive on Monday.", [("Monday", "2015-10-19")]),
        ("The talks are scheduled for Monday.", [("Monday", "2015-10-19")]),
        ("Russia plans to hold talks on Monday.", [("Monday", "2015-10-19")]),
        ("The summit opens on Thursday.", [("Thursday", "2015-10-15")]),
        ("The commission is expected to present a plan on Wednesday.", [("Wednesday", "2015-10-21")]),
        # a headline's present tense reports the past
        ("Putin says on Wednesday that sanctions failed.", [("Wednesday", "2015-10-14")]),
    ],
)
def test_weekday_follows_tense(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    ("anchor", "text", "expected"),
    [
        (date(2016, 1, 2), "The attack happened on December 30.", ("December 30", "2015-12-30")),
        (date(2015, 12, 30), "Elections will be held on January 5.", ("January 5", "2016-01-05")),
        (date(2015, 3, 10), "Parliament will vote in February.", ("February", "2016-02")),
        (date(2015, 3, 10), "Parliament voted in February.", ("February", "2015-02")),
        (date(2015, 3, 10), "Parliament voted in November.", ("November", "2014-11")),
        (date(2015, 11, 20), "Talks will resume in the spring.", ("the spring", "2016-SP")),
        (date(2015, 10, 15), "The offer was extended to Nov. 20.", ("Nov. 20", "2015-11-20")),
        (date(2015, 10, 15), "Earnings fell in the third quarter.", ("the third quarter", "2015-Q3")),
        (date(2015, 2, 15), "Earnings fell in the third quarter.", ("the third quarter", "2014-Q3")),
        (date(2015, 2, 15), "Earnings will rise in the third quarter.", ("the third quarter", "2015-Q3")),
    ],
)
def test_month_and_day_follow_tense(nlp, anchor: date, text: str, expected: tuple[str, str]) -> None:
    assert values(nlp, text, anchor) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May met Merkel.",
        "British Prime Minister Theresa May said on Friday.",
        "Russia may respond.",
        "May I ask a question?",
        "About 2000 troops were deployed.",
    ],
)
def test_names_and_amounts_are_not_dates(nlp, text: str) -> None:
    assert [found for found in values(nlp, text) if found[0] != "Friday"] == []


def test_weekday_as_subject_is_a_date(nlp) -> None:
    assert values(nlp, "Wednesday was the deadline.") == [("Wednesday", "2015-10-14")]


def test_years_that_modify_nouns_are_dates(nlp) -> None:
    assert values(nlp, "Sanctions imposed after its 1990 invasion of Kuwait remain.") == [("1990", "1990")]


def test_earnings_story_compares_with_the_quarter_under_discussion(nlp) -> None:
    text = (
        "Net income rose in the third quarter. Sales were $2 billion, up from $1.8 billion a year "
        "earlier. The quarter was strong, and the year-ago quarter was weak."
    )
    assert values(nlp, text, date(1989, 10, 26)) == [
        ("the third quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("The quarter", "1989-Q3"),
        ("the year-ago quarter", "1988-Q3"),
    ]


def test_following_year_refers_back(nlp) -> None:
    text = "He was promoted on May 22, 1995, and the following year he became an attache."
    assert values(nlp, text, date(1998, 4, 18)) == [
        ("May 22, 1995", "1995-05-22"),
        ("the following year", "1996"),
    ]
