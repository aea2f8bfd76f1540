"""Time expressions without a parse: each expression family, anchoring, garbage, data files.

The anchor is Thursday 15 October 2015, the seed article's date. Without a parse the tense is
unknown, so a bare weekday is the one on or before the anchor and a bare month or day the
nearest; tests that need the tense are in ``test_timex_tense.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.model import TimeExpression
from eventwire.timex import calendar, find_times
from eventwire.timex.calendar import Unresolvable
from eventwire.timex.lexicon import load_lexicon, load_rules
from eventwire.timex.normalise import HANDLERS
from eventwire.timex.tagger import default_rules

ANCHOR = date(2015, 10, 15)
DATA = Path(__file__).parent.parent / "src" / "eventwire" / "data"


def tag(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, str, str | None]]:
    return [(time.text, time.type, time.value) for time in find_times(text, anchor)]


def only(text: str, anchor: date | None = ANCHOR) -> tuple[str, str, str | None]:
    found = tag(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # calendar dates written out
        ("It happened on October 7, 2015.", ("October 7, 2015", "DATE", "2015-10-07")),
        ("It happened on 7 October 2015.", ("7 October 2015", "DATE", "2015-10-07")),
        ("It happened on the 7th of October.", ("the 7th of October", "DATE", "2015-10-07")),
        ("Filed 2015-10-07 by the clerk.", ("2015-10-07", "DATE", "2015-10-07")),
        ("Filed 2015-10-07T14:30 by the clerk.", ("2015-10-07T14:30", "TIME", "2015-10-07T14:30")),
        ("Filed on 10/7/2015.", ("10/7/2015", "DATE", "2015-10-07")),
        ("Filed on 17/10/2015.", ("17/10/2015", "DATE", "2015-10-17")),
        ("Filed on 17.10.2015.", ("17.10.2015", "DATE", "2015-10-17")),
        ("It began in October 2014.", ("October 2014", "DATE", "2014-10")),
        ("It began in January nineteen ninety-seven.", ("January nineteen ninety-seven", "DATE", "1997-01")),
        ("Saturday, April 25 was quiet.", ("Saturday, April 25", "DATE", "2015-04-25")),
        # years, decades, centuries, fiscal years
        ("The treaty dates from 1998.", ("1998", "DATE", "1998")),
        ("It was signed in mid-1996.", ("mid-1996", "DATE", "1996")),
        ("It was signed in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
        ("It was signed in the year two thousand.", ("the year two thousand", "DATE", "2000")),
        ("Growth slowed in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Growth slowed in the '80s.", ("the '80s", "DATE", "198")),
        ("Growth slowed in the eighties.", ("the eighties", "DATE", "198")),
        ("The worst war of the 20th century.", ("the 20th century", "DATE", "19")),
        ("Revenue rose in fiscal 2014.", ("fiscal 2014", "DATE", "2014")),
        ("Revenue rose in FY2016.", ("FY2016", "DATE", "2016")),
        # quarters and halves
        ("Profit fell in the fourth quarter of 2014.", ("the fourth quarter of 2014", "DATE", "2014-Q4")),
        ("Profit fell in Q1 2016.", ("Q1 2016", "DATE", "2016-Q1")),
        ("Profit fell in the first half of 2015.", ("the first half of 2015", "DATE", "2015-H1")),
        ("Profit fell in the latest quarter.", ("the latest quarter", "DATE", "2015-Q3")),
        ("Third-quarter profit fell.", ("Third-quarter", "DATE", "2015-Q3")),
        # seasons
        ("Fighting resumed this summer.", ("this summer", "DATE", "2015-SU")),
        ("Fighting resumed last winter.", ("last winter", "DATE", "2014-WI")),
        ("Talks resume next spring.", ("next spring", "DATE", "2016-SP")),
        ("It was the winter of 1994.", ("the winter of 1994", "DATE", "1994-WI")),
        # days relative to the anchor
        ("He arrived yesterday.", ("yesterday", "DATE", "2015-10-14")),
        ("He arrives today.", ("today", "DATE", "2015-10-15")),
        ("He leaves tomorrow.", ("tomorrow", "DATE", "2015-10-16")),
        ("He speaks tonight.", ("tonight", "TIME", "2015-10-15TNI")),
        ("He spoke last Monday.", ("last Monday", "DATE", "2015-10-12")),
        ("He spoke last Thursday.", ("last Thursday", "DATE", "2015-10-08")),
        ("He speaks next Monday.", ("next Monday", "DATE", "2015-10-19")),
        ("He spoke on Monday.", ("Monday", "DATE", "2015-10-12")),
        ("He spoke on Thursday.", ("Thursday", "DATE", "2015-10-15")),
        # units relative to the anchor
        ("Talks collapsed last week.", ("last week", "DATE", "2015-W41")),
        ("Talks resume this week.", ("this week", "DATE", "2015-W42")),
        ("Talks resume next month.", ("next month", "DATE", "2015-11")),
        ("Talks collapsed last year.", ("last year", "DATE", "2014")),
        ("Talks collapsed earlier this year.", ("earlier this year", "DATE", "2015")),
        ("Talks collapsed two days ago.", ("two days ago", "DATE", "2015-10-13")),
        ("Talks collapsed three weeks ago.", ("three weeks ago", "DATE", "2015-W39")),
        ("Talks collapsed five years ago.", ("five years ago", "DATE", "2010")),
        ("Prices were lower a year earlier.", ("a year earlier", "DATE", "2014")),
        ("Talks resume two months from now.", ("two months from now", "DATE", "2015-12")),
        ("Talks collapsed last April.", ("last April", "DATE", "2015-04")),
        ("Talks resume next January.", ("next January", "DATE", "2016-01")),
        ("Talks collapsed in January last year.", ("January last year", "DATE", "2014-01")),
        # parts of the day and clock times
        ("Shells fell this morning.", ("this morning", "TIME", "2015-10-15TMO")),
        ("Shells fell last night.", ("last night", "TIME", "2015-10-14TNI")),
        ("Shells fell on Tuesday night.", ("Tuesday night", "TIME", "2015-10-13TNI")),
        ("Shells fell at 10:30 a.m.", ("10:30 a.m.", "TIME", "2015-10-15T10:30")),
        ("Polls close at 14:00 GMT.", ("14:00 GMT", "TIME", "2015-10-15T14:00")),
        ("Polls closed at 5 p.m. EST on Tuesday.", ("5 p.m. EST on Tuesday", "TIME", "2015-10-13T17:00")),
        ("The deadline passed at noon Friday.", ("noon Friday", "TIME", "2015-10-09T12:00")),
        # durations
        ("The siege lasted three days.", ("three days", "DURATION", "P3D")),
        ("A five-year plan was adopted.", ("five-year", "DURATION", "P5Y")),
        ("He served 2 1/2 years in prison.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("The talks took several weeks.", ("several weeks", "DURATION", "PXW")),
        ("Prices rose over the past two months.", ("the past two months", "DURATION", "P2M")),
        ("The strike lasted 24 hours.", ("24 hours", "DURATION", "PT24H")),
        ("The speech lasted a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
        ("The war lasted two decades.", ("two decades", "DURATION", "P20Y")),
        ("The meeting lasted half an hour.", ("half an hour", "DURATION", "PT30M")),
        ("The city stood for more than a hundred years.", ("more than a hundred years", "DURATION", "P100Y")),
        # sets
        ("Envoys meet every week.", ("every week", "SET", "P1W")),
        ("Envoys meet every other week.", ("every other week", "SET", "P2W")),
        ("Envoys meet every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
        ("Envoys meet on Mondays.", ("Mondays", "SET", "XXXX-WXX-1")),
        ("Flights leave on Tuesday nights.", ("Tuesday nights", "SET", "XXXX-WXX-2TNI")),
        ("Envoys meet each July.", ("each July", "SET", "XXXX-07")),
        ("The convoy runs daily.", ("daily", "SET", "P1D")),
        ("Envoys meet twice a week.", ("twice a week", "SET", "P1W")),
        # vague references
        ("Russia had recently been accused.", ("recently", "DATE", "PAST_REF")),
        ("The army now controls the town.", ("now", "DATE", "PRESENT_REF")),
        ("Talks will resume in the near future.", ("the near future", "DATE", "FUTURE_REF")),
        ("Talks will resume soon.", ("soon", "DATE", "FUTURE_REF")),
        ("Attacks grew in recent years.", ("recent years", "DATE", "PAST_REF")),
    ],
)
def test_expression_families(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Voting runs October 5-7, 2015.",
            [("October 5", "DATE", "2015-10-05"), ("7, 2015", "DATE", "2015-10-07")],
        ),
        (
            "Voting runs 5 to 7 October.",
            [("5", "DATE", "2015-10-05"), ("7 October", "DATE", "2015-10-07")],
        ),
        (
            "The holiday runs Dec. 30 - Jan. 2, 2016.",
            [("Dec. 30", "DATE", "2015-12-30"), ("Jan. 2, 2016", "DATE", "2016-01-02")],
        ),
        ("The war of 2010-2014 ended.", [("2010", "DATE", "2010"), ("2014", "DATE", "2014")]),
        ("The 1990-91 season ended.", [("1990", "DATE", "1990"), ("91", "DATE", "1991")]),
        (
            "It ran from Monday to Wednesday.",
            [("Monday", "DATE", "2015-10-12"), ("Wednesday", "DATE", "2015-10-14")],
        ),
    ],
)
def test_ranges_give_both_ends(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert tag(text) == expected


def test_spans_index_the_text() -> None:
    text = "MOSCOW, Oct. 15 -- Lavrov said on Wednesday that talks resume next week."
    for time in find_times(text, ANCHOR):
        assert text[time.start : time.end] == time.text
        assert time.anchor == "2015-10-15"


def test_times_are_sorted_by_start() -> None:
    times = find_times("Next week, after talks on Monday and a vote last year, 2016 looks calm.", ANCHOR)
    assert [time.start for time in times] == sorted(time.start for time in times)
    assert len(times) == 4


@pytest.mark.parametrize(
    ("anchor", "text", "value"),
    [
        # an article of January 2 mentioning December 30 means the previous year ...
        (date(2016, 1, 2), "Fighting broke out on December 30.", "2015-12-30"),
        # ... and one of December 30 mentioning January 2 the next
        (date(2015, 12, 30), "Talks resume on January 2.", "2016-01-02"),
        (date(2016, 1, 2), "Fighting broke out in December.", "2015-12"),
        (date(2016, 1, 2), "Talks collapsed last December.", "2015-12"),
        (date(2016, 1, 5), "Talks collapsed last week.", "2015-W53"),
        (date(2016, 1, 2), "Talks collapsed last month.", "2015-12"),
        (date(2016, 1, 2), "Talks collapsed yesterday.", "2016-01-01"),
        (date(2016, 3, 1), "It happened on Feb. 29.", "2016-02-29"),
    ],
)
def test_year_boundaries(anchor: date, text: str, value: str) -> None:
    assert only(text, anchor)[2] == value


def test_without_anchor_relative_expressions_have_no_value() -> None:
    found = tag(
        "Yesterday, on October 7, 2015, the siege that lasted three days ended; tonight is calm.", None
    )
    assert found == [
        ("Yesterday", "DATE", None),
        ("October 7, 2015", "DATE", "2015-10-07"),
        ("three days", "DURATION", "P3D"),
        ("tonight", "TIME", None),
    ]
    assert all(time.anchor is None for time in find_times("Yesterday it rained.", None))


@pytest.mark.parametrize(
    "text",
    [
        "He arrived on Blursday.",
        "1" * 10_000,
        "The number " + "9" * 10_000 + " days ago was large.",
        "About " + "1,000" * 2_000 + " years ago.",
        "Flights resumed at 0735 GMT.",
        "The curfew starts at 1930 GMT.",
        "It happened on February 30, 2015.",
        "It happened on the 45th of Octember.",
        "It happened on Sept. 31.",
        "Twenty twenty twenty twenty years passed.",
        "It is the 99th century.",
        "",
        "\x00\ud800 \u202e",
        "2015-13-45 and 31/31/2015 and 99:99 p.m.",
    ],
)
def test_garbage_gives_no_values(text: str) -> None:
    for anchor in (ANCHOR, None):
        assert [time for time in find_times(text, anchor) if time.value] == []


def test_out_of_range_arithmetic_is_dropped_not_raised() -> None:
    assert tag("It happened 9,999 years ago.", date(5, 1, 1)) == []
    assert tag("It happened 900,000 days ago.") == []
    assert tag("It will happen two years later.", date(9999, 12, 31)) == []


# --- calendar arithmetic ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "amount", "value"),
    [
        ("day", -1, "2015-10-14"),
        ("week", -1, "2015-W41"),
        ("weekend", 0, "2015-W42-WE"),
        ("month", -10, "2014-12"),
        ("quarter", 1, "2016-Q1"),
        ("half", -1, "2015-H1"),
        ("season", 0, "2015-FA"),
        ("year", 0, "2015"),
        ("decade", -1, "200"),
        ("century", 0, "20"),
    ],
)
def test_shift(unit: str, amount: int, value: str) -> None:
    assert calendar.shift(ANCHOR, unit, amount) == value


def test_winter_runs_into_the_next_year() -> None:
    assert calendar.shift(date(2016, 1, 20), "season", 0) == "2015-WI"
    assert calendar.season_span(2015, "WI") == (date(2015, 12, 1), date(2016, 2, 29))


def test_weekday_search() -> None:
    thursday = date(2015, 10, 15)
    assert calendar.weekday_on_or_before(thursday, 4) == thursday
    assert calendar.weekday_on_or_before(thursday, 4, strictly=True) == date(2015, 10, 8)
    assert calendar.weekday_on_or_after(thursday, 1) == date(2015, 10, 19)


@pytest.mark.parametrize(
    ("amount", "code", "clock", "value"),
    [
        (3, "D", False, "P3D"),
        (2.5, "Y", False, "P2Y6M"),
        (None, "W", False, "PXW"),
        (0.5, "H", True, "PT30M"),
    ],
)
def test_duration_value(amount: float | None, code: str, clock: bool, value: str) -> None:
    assert calendar.duration_value(amount, code, clock) == value


def test_impossible_dates_raise_unresolvable() -> None:
    with pytest.raises(Unresolvable):
        calendar.make_date(2015, 2, 30)
    with pytest.raises(Unresolvable):
        calendar.shift(ANCHOR, "year", -3000)
    with pytest.raises(Unresolvable):
        calendar.duration_value(0, "D", False)


# --- data files -----------------------------------------------------------------------------


def test_shipped_rules_load_and_each_names_a_handler() -> None:
    rules = default_rules()
    assert len({rule.name for rule in rules}) == len(rules) > 40


def _copy_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("handler: weekday\n", "handler: weekdays\n", "unknown handler 'weekdays'"),
        ("(?P<weekday>{WEEKDAY})'\n", "(?P<weekday>{WEEKDAYS})'\n", "unknown macro {WEEKDAYS}"),
        ("(?P<deictic>{DEICTIC})'", "(?P<deictc>{DEICTIC})'", "unknown group(s) deictc"),
        ("(?P<frequency>{FREQ})'", "(?P<frequency>{FREQ}'", "bad pattern"),
    ],
)
def test_broken_rules_name_file_and_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _copy_with(tmp_path, "timex_rules.yaml", old, new)
    with pytest.raises(DataFileError) as error:
        load_rules(load_lexicon(), HANDLERS, path)
    assert message in error.value.message
    assert error.value.message.startswith(f"{path}:")


def test_broken_vocabulary_names_file_and_line(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, "timex.yaml", "  3: [March, Mar]\n", "  3: March\n")
    with pytest.raises(DataFileError, match=r"timex.yaml:\d+: section 'months'"):
        load_lexicon(path)
    path = _copy_with(tmp_path, "timex.yaml", "  yesterday: -1\n", "  yesterday: [\n")
    with pytest.raises(DataFileError, match=r"timex.yaml:\d+: invalid YAML"):
        load_lexicon(path)


def test_time_expression_record_matches_contract() -> None:
    time = find_times("He spoke on Thursday.", ANCHOR)[0]
    assert isinstance(time, TimeExpression)
    assert time.to_record("a1") == {
        "article_id": "a1",
        "text": "Thursday",
        "start": 12,
        "end": 20,
        "type": "DATE",
        "value": "2015-10-15",
        "anchor": "2015-10-15",
    }
