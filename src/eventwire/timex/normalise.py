"""Turn a matched rule into TIMEX3 type and value, anchored at the article's date.

Each rule in ``timex_rules.yaml`` names a handler here; the handler reads the match's named
groups and returns the expressions it stands for (usually one; a range gives two). Groups:

``year``/``year2`` a year (digits, "'89", words), ``yy_decade``/``decade``/``decade_word``
a decade, ``month``/``month2`` and ``day``/``day2`` calendar parts, ``numeric_a``/
``numeric_b`` the first two fields of a slash date, ``weekday``/``weekday2``,
``deictic``/``deictic2`` (today, yesterday…), ``part`` (morning…), ``hour``/``minute``/
``ampm``/``named`` (noon) for clock times, ``rel`` and ``year_rel`` (last, this, next…),
``num``/``vague`` and ``unit`` for amounts, ``dir`` (ago, later) or ``ago`` (year-earlier)
for offsets, ``ordinal``/``qnum`` for quarters, ``season``, ``every``/``frequency``/``count``
for sets, ``half`` ("and a half"), ``past`` (a phrase meaning PAST_REF, "at the time"), ``tz``
(a time zone), ``num2`` (the upper end of "two to three weeks"), ``fiscal`` and ``mod`` (early,
late); the last four stay in the span but do not change the value. ``t`` narrows the span.

Relative expressions need the anchor: without one their value is None. Expressions that cannot
have a valid value ("February 30") raise :class:`Unresolvable` and are dropped by the tagger.
Where the text leaves the direction open ("on Monday", "October 10") the clause's tense
decides, as read from the parse (``syntax.py``). A few expressions refer back to an earlier one
("the quarter", "a year earlier" in an earnings report, "the following year"); the
:class:`Discourse` remembers the last value of each granularity for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from eventwire.timex import calendar
from eventwire.timex.calendar import Unresolvable
from eventwire.timex.lexicon import Lexicon, Rule, Unit, fold
from eventwire.timex.syntax import Tense

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"

#: Centuries beyond this are garbage, not history ("the 99th century").
MAX_CENTURY = 30

#: How far back (characters) an earlier quarter still sets the context for "a year earlier".
QUARTER_CONTEXT_CHARS = 1500

_GRANULARITY = (
    ("day", re.compile(r"^\d{4}-\d\d-\d\d")),
    ("week", re.compile(r"^\d{4}-W\d\d")),
    ("month", re.compile(r"^\d{4}-\d\d$")),
    ("quarter", re.compile(r"^\d{4}-Q\d$")),
    ("year", re.compile(r"^\d{4}$")),
)


#: The handlers rules may name: each is a method of :class:`Normaliser` taking the match.
HANDLERS = (
    "numeric_date",
    "calendar_date",
    "range",
    "year",
    "decade",
    "century",
    "quarter",
    "season",
    "weekday",
    "deictic",
    "part_of_day",
    "clock",
    "relative",
    "offset",
    "duration",
    "set",
    "reference",
)


class NoAnchor(Exception):
    """The expression is relative and the article has no date: keep it, without a value."""


@dataclass(frozen=True, slots=True)
class Normalised:
    """One recognised expression: span, TIMEX3 type and value (None: relative, no anchor)."""

    start: int
    end: int
    type: str
    value: str | None
    rule: str


@dataclass(slots=True)
class Discourse:
    """The latest value of each granularity, for expressions that refer back ("that year").

    ``any`` holds the latest calendar value of whatever granularity ("the following year"
    after "May 22, 1995" is 1996).
    """

    latest: dict[str, tuple[int, str]] = field(default_factory=dict)

    def remember(self, offset: int, value: str | None) -> None:
        if value is None:
            return
        for granularity, pattern in _GRANULARITY:
            if pattern.match(value):
                self.latest[granularity] = (offset, value)
                self.latest["any"] = (offset, value)
                return

    def recall(self, granularity: str, offset: int, within: int | None = None) -> str | None:
        entry = self.latest.get(granularity)
        if entry is None or (within is not None and offset - entry[0] > within):
            return None
        return entry[1]


T = TypeVar("T")


def choose_by_tense(
    candidates: Sequence[T], span: Callable[[T], tuple[date, date]], anchor: date, tense: Tense
) -> T:
    """Pick the candidate a clause of ``tense`` most plausibly means.

    Past: the latest that has started by the anchor. Future: the earliest that has not ended
    before it. Otherwise: the nearest, the anchor's own year winning ties. Candidates are in
    calendar order.
    """
    if tense is Tense.PAST:
        started = [item for item in candidates if span(item)[0] <= anchor]
        if started:
            return started[-1]
    elif tense is Tense.FUTURE:
        ahead = [item for item in candidates if span(item)[1] >= anchor]
        if ahead:
            return ahead[0]

    def distance(item: T) -> tuple[int, int]:
        first, last = span(item)
        gap = 0 if first <= anchor <= last else min(abs((first - anchor).days), abs((last - anchor).days))
        return gap, 0 if first.year == anchor.year else 1

    return min(candidates, key=distance)


class Normaliser:
    """Values the expressions of one article, in text order, against one anchor.

    ``tense_of(start, end)`` reads the tense of the clause an expression sits in; it is only
    called for expressions whose value depends on it.
    """

    def __init__(self, lexicon: Lexicon, anchor: date | None, tense_of: Callable[[int, int], Tense]) -> None:
        self.lexicon = lexicon
        self.anchor = anchor
        self.tense_of = tense_of
        self.discourse = Discourse()
        self.handlers: dict[str, Callable[[re.Match[str]], list[tuple[int, int, str, str]]]] = {
            name: getattr(self, name) for name in HANDLERS
        }

    def normalise(self, rule: Rule, match: re.Match[str]) -> list[Normalised]:
        """The expressions ``match`` stands for; [] when it cannot have a valid value."""
        start, end = match.span("t") if "t" in rule.pattern.groupindex and match["t"] else match.span()
        self._span = (start, end)
        self._referred_back = False
        try:
            parts = self.handlers[rule.handler](match)
        except NoAnchor:
            return [Normalised(start, end, self._type_without_anchor(rule, match), None, rule.name)]
        except (ValueError, OverflowError, KeyError):
            # Unresolvable (a ValueError), or a word the tables do not know: no value, no crash.
            return []
        found = []
        for part_start, part_end, kind, value in parts:
            if not self._referred_back:
                # Only what the text states sets the context: "a year earlier" after "a year
                # earlier" still compares with the quarter first mentioned.
                self.discourse.remember(part_end, value)
            found.append(Normalised(part_start, part_end, kind, value, rule.name))
        return found

    # --- shared pieces ------------------------------------------------------------------

    @property
    def here(self) -> date:
        """The anchor, for relative expressions; raises :class:`NoAnchor` when there is none."""
        if self.anchor is None:
            raise NoAnchor
        return self.anchor

    def one(self, kind: str, value: str) -> list[tuple[int, int, str, str]]:
        return [(*self._span, kind, value)]

    def tense(self) -> Tense:
        return self.tense_of(*self._span)

    @staticmethod
    def _type_without_anchor(rule: Rule, match: re.Match[str]) -> str:
        groups = match.groupdict()
        clock = groups.get("hour") or groups.get("named") or fold(groups.get("deictic") or "") == "tonight"
        return TIME if rule.handler == "part_of_day" or clock else DATE

    def number(self, text: str) -> float:
        """A count written in digits or words ("2 1/2", "twenty-four", "a couple of")."""
        words = fold(text).replace("-", " ")
        words = re.sub(r"\b(?:a|an) (couple|dozen|half)\b", r"\1", words)
        words = re.sub(r"\bhalf (?:a|an)\b", "half", words)
        tokens = [token for token in words.split() if token not in ("and", "of")]
        if not tokens:
            raise Unresolvable("no number")
        if tokens[0][0].isdigit():
            value = float(tokens[0].replace(",", ""))
            if len(tokens) > 1:
                numerator, denominator = tokens[1].split("/")
                value += int(numerator) / int(denominator)
            return value
        total, current, halves = 0.0, 0.0, 0.0
        previous = 0.0
        for token in tokens:
            amount = self.lexicon.number_words.get(token)
            if amount is None:
                raise Unresolvable(f"not a number word: {token}")
            if token == "half":
                halves += 0.5
                continue
            tens_then_units = previous >= 20 and previous % 10 == 0 and amount < 10  # "twenty-four"
            if 0 < previous < 100 and amount < 100 and not tens_then_units:
                raise Unresolvable(f"not a number: {text}")  # "two twenty", "twenty twenty"
            previous = amount
            if amount == 100:
                current = max(current, 1) * 100
            elif amount == 1000:
                total += max(current, 1) * 1000
                current = 0
            else:
                current += amount
        return total + current + halves

    def year_of(self, text: str) -> int:
        """A year from "1989", "'89", "89" (two digits: the century nearest the anchor) or words."""
        text = text.strip().lstrip("'’")
        if text.isdigit():
            if len(text) == 2:
                return self.two_digit_year(int(text))
            return calendar.checked_year(int(text))
        words = fold(text).replace("-", " ").split()
        if len(words) > 1 and words[0] in ("eighteen", "nineteen", "twenty") and words[1] != "thousand":
            century = int(self.lexicon.number_words[words[0]])
            rest = [word for word in words[1:] if word not in ("oh", "hundred")]
            return century * 100 + (int(self.number(" ".join(rest))) if rest else 0)
        return calendar.checked_year(int(self.number(text)))

    def two_digit_year(self, short: int) -> int:
        """The year ending in ``short`` nearest the anchor (1950-2049 without one)."""
        reference = self.anchor.year if self.anchor else 2000
        return min(
            (century + short for century in range(reference // 100 * 100 - 100, reference + 101, 100)),
            key=lambda year: abs(year - reference),
        )

    def day_of_month(self, text: str) -> int:
        text = fold(text).replace("-", " ")
        digits = re.match(r"\d+", text)
        if digits:
            return int(digits[0])
        words = text.split()
        tens = int(self.lexicon.number_words[words[0]]) if len(words) > 1 else 0
        return tens + self.lexicon.ordinal_words[words[-1]]

    def ordinal(self, text: str) -> int:
        text = fold(text).replace("-", " ")
        digits = re.match(r"\d+", text)
        return int(digits[0]) if digits else self.day_of_month(text)

    def unit_of(self, text: str) -> str:
        unit = self.lexicon.unit(text)
        if unit is None:
            raise Unresolvable(f"not a unit: {text}")
        return unit.name

    def relative(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Units relative to the anchor: "last week", "this year", "the following year"."""
        unit = self.unit_of_word(match["unit"])
        rel = fold(match.groupdict().get("rel") or "")
        if unit == "weekend" and not rel:
            return self.one(DATE, self.nearest_weekend())
        if rel == "that" or (
            match[0].lower().startswith("the ")
            and rel in ("following", "previous", "preceding", "same", "next")
        ):
            referred = self.refer_back(unit, self.lexicon.relative_words.get(rel, 0))
            if referred is not None:
                return self.one(DATE, referred)
            if rel == "that":
                raise Unresolvable("nothing to refer back to")
        return self.one(DATE, calendar.shift(self.here, unit, self.lexicon.relative_words.get(rel, 0)))

    def unit_of_word(self, text: str) -> str:
        word = fold(text)
        return word if word in ("weekend", "season") else self.unit_of(word)

    def recall(self, granularity: str, within: int | None = None) -> str | None:
        """A value from the discourse; marks this expression as referring back."""
        value = self.discourse.recall(granularity, self._span[0], within)
        if value is not None:
            self._referred_back = True
        return value

    def refer_back(self, unit: str, step: int) -> str | None:
        """The last mentioned ``unit``-sized value moved by ``step`` ("the following year")."""
        value = self.recall("any" if unit == "year" else unit)
        if value is None:
            return None
        if unit == "year":
            return calendar.year_value(int(value[:4]) + step)
        if unit == "quarter":
            return calendar.quarter_value(int(value[:4]), int(value[-1]), step)
        if unit == "month":
            return calendar.month_value(*calendar.add_months(int(value[:4]), int(value[5:7]), step))
        if unit == "day":
            return calendar.day_value(calendar.add_days(date.fromisoformat(value[:10]), step))
        return None

    def nearest_weekend(self) -> str:
        """The weekend meant by "the weekend": the one just past, or the coming one in a future clause."""
        anchor = self.here
        if anchor.isoweekday() >= 6:
            return calendar.week_value(anchor) + "-WE"
        step = 0 if self.tense() is Tense.FUTURE else -1
        return calendar.shift(anchor, "week", step) + "-WE"

    # --- calendar dates -----------------------------------------------------------------

    def numeric_date(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """2015-10-15, 10/15/2015 (month first unless the first field exceeds 12), 15.10.2015."""
        groups = match.groupdict()
        year = self.year_of(groups["year"])
        if groups.get("numeric_a"):
            first, second = int(groups["numeric_a"]), int(groups["numeric_b"])
            month, day = (second, first) if first > 12 else (first, second)
        else:
            month, day = int(groups["month"]), int(groups["day"])
        value = calendar.day_value(calendar.make_date(year, month, day))
        if groups.get("hour"):
            return self.one(TIME, f"{value}T{int(groups['hour']):02d}:{groups['minute']}")
        return self.one(DATE, value)

    def calendar_date(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Month names with or without day and year: "October 7", "May 2015", "last April"."""
        groups = match.groupdict()
        month = self.lexicon.month(groups["month"])
        if month is None:
            raise Unresolvable("not a month")
        day = self.day_of_month(groups["day"]) if groups.get("day") else None
        if day is not None and not _valid(2000, month, day):
            raise Unresolvable("no such day in any year")  # 2000 is a leap year: Feb 29 passes
        year = self.resolve_year(groups, month, day)
        if day is None:
            return self.one(DATE, calendar.month_value(year, month))
        return self.one(DATE, calendar.day_value(calendar.make_date(year, month, day)))

    def resolve_year(self, groups: dict[str, str | None], month: int, day: int | None) -> int:
        """The year of a month (and day): written, relative ("last April"), or by tense."""
        if groups.get("year"):
            return self.year_of(groups["year"] or "")
        anchor = self.here
        if groups.get("year_rel"):
            return anchor.year + self.lexicon.relative_words.get(
                fold(groups["year_rel"] or "").removeprefix("the "), 0
            )
        rel = fold(groups.get("rel") or "").removeprefix("the ")
        step = self.lexicon.relative_words.get(rel)
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
        if step == -1:
            # "last April": the most recent April before the anchor's month.
            return anchor.year if month < anchor.month else anchor.year - 1
        if step == 1:
            return anchor.year if month > anchor.month else anchor.year + 1
        if step == 0:
            return anchor.year
        weekday = groups.get("weekday")
        if weekday and day is not None:
            # "Saturday, April 25": the year in which that date falls on that weekday, if near.
            iso_weekday = self.lexicon.weekdays[fold(weekday)]
            fitting = [
                year
                for year in years
                if _valid(year, month, day) and date(year, month, day).isoweekday() == iso_weekday
            ]
            if fitting:
                years = fitting
        spans = [
            (year, self.month_span(year, month, day))
            for year in years
            if day is None or _valid(year, month, day)
        ]
        if not spans:
            raise Unresolvable("no such day")
        return choose_by_tense(spans, lambda item: item[1], anchor, self.tense())[0]

    @staticmethod
    def month_span(year: int, month: int, day: int | None) -> tuple[date, date]:
        if day is not None:
            single = calendar.make_date(year, month, day)
            return single, single
        return calendar.make_date(year, month, 1), calendar.month_end(year, month)

    def range(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Two dates from "October 5-7, 2015", "5 to 7 October", "Dec. 30 - Jan. 2", "2010-2015"."""
        groups = match.groupdict()
        if groups.get("year2"):
            first = self.year_of(groups["year"] or "")
            second_text = groups["year2"] or ""
            second = first // 100 * 100 + int(second_text) if len(second_text) == 2 else int(second_text)
            if second <= first:
                raise Unresolvable("a year range must go forward")
            return [
                (match.start("year"), match.end("year"), DATE, calendar.year_value(first)),
                (match.start("year2"), match.end(), DATE, calendar.year_value(second)),
            ]
        first_month = self.lexicon.month(groups.get("month") or groups.get("month2") or "")
        second_month = self.lexicon.month(groups.get("month2") or groups.get("month") or "")
        if first_month is None or second_month is None:
            raise Unresolvable("not a month")
        first_day, second_day = (
            self.day_of_month(groups["day"] or ""),
            self.day_of_month(groups["day2"] or ""),
        )
        forward = (second_month, second_day) > (first_month, first_day)
        if groups.get("year"):
            second_year = self.year_of(groups["year"] or "")
            first_year = second_year if forward else second_year - 1
        else:
            first_year = self.resolve_year({}, first_month, first_day)
            second_year = first_year if forward else first_year + 1
        first_date = calendar.make_date(first_year, first_month, first_day)
        second_date = calendar.make_date(second_year, second_month, second_day)
        second_start = (
            match.start("month2")
            if groups.get("month2") and match.start("month2") < match.start("day2")
            else match.start("day2")
        )
        return [
            (match.start(), match.end("day"), DATE, calendar.day_value(first_date)),
            (second_start, match.end(), DATE, calendar.day_value(second_date)),
        ]

    def year(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Years: "1989", "mid-1996", "the year 2000", "fiscal 1989" (at year granularity)."""
        return self.one(
            DATE, calendar.year_value(self.year_of(match["year"] or match.groupdict().get("year2") or ""))
        )

    def decade(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Decades: "the 1990s" -> 199; "the '80s" and "the eighties" in the latest century."""
        groups = match.groupdict()
        if groups.get("decade"):
            return self.one(DATE, f"{int(groups['decade'] or 0) // 10:03d}")
        if groups.get("yy_decade"):
            short = int(groups["yy_decade"] or 0)
        else:
            short = int(self.number(re.sub(r"ies$", "y", fold(groups["decade_word"] or ""))))
        year = self.two_digit_year(short)
        if self.anchor is not None and year > self.anchor.year:
            year -= 100  # a decade named without its century is one that has begun
        return self.one(DATE, f"{year // 10:03d}")

    def century(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Centuries: "the 20th century" -> 19 (TIMEX3 writes its first two digits)."""
        number = self.ordinal(match["ordinal"])
        if not 1 <= number <= MAX_CENTURY:
            raise Unresolvable("no such century")
        return self.one(DATE, f"{number - 1:02d}")

    def quarter(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Quarters and halves: "the third quarter (of 1990)", "Q3 2015", "the latest quarter".

        A quarter named without a year is the anchor year's, or last year's in a past clause
        about a quarter that has not begun yet. "The quarter" and "the latest period" mean the
        quarter under discussion: the last one mentioned, else the latest completed quarter.
        """
        groups = match.groupdict()
        unit = fold(groups.get("unit") or "quarter")
        ordinal = fold(groups.get("ordinal") or "").replace("-", " ")
        year_text = groups.get("year") or groups.get("year2")
        explicit_year = self.year_of(year_text) if year_text else None
        if groups.get("qnum"):
            number = int(groups["qnum"] or 0)
        elif ordinal in ("first", "1st", "second", "2nd", "third", "3rd", "fourth", "4th"):
            number = self.ordinal(ordinal)
        elif ordinal in ("final", "last") and (explicit_year or groups.get("rel")):
            number = 4 if unit == "quarter" else 2
        elif explicit_year is not None and not ordinal:
            # "the 1988 quarter": the quarter under discussion, in that year.
            number = int(self.quarter_in_context("")[-1])
        else:
            return self.one(DATE, self.quarter_in_context(ordinal))
        limit = 4 if unit == "quarter" else 2
        if not 1 <= number <= limit:
            raise Unresolvable(f"no {unit} {number}")
        if explicit_year is not None:
            year = explicit_year
        else:
            anchor = self.here
            rel = fold(groups.get("year_rel") or groups.get("rel") or "")
            if rel:
                year = anchor.year + self.lexicon.relative_words.get(rel, 0)
            else:
                # Stories discuss this year's quarters, reported after they end or planned
                # ahead; only a past clause about a quarter yet to begin means last year's.
                months = 3 if unit == "quarter" else 6
                begins = calendar.make_date(anchor.year, (number - 1) * months + 1, 1)
                year = anchor.year - 1 if begins > anchor and self.tense() is Tense.PAST else anchor.year
        letter = "Q" if unit == "quarter" else "H"
        return self.one(DATE, f"{calendar.year_value(year)}-{letter}{number}")

    def quarter_in_context(self, ordinal: str) -> str:
        """The quarter an earnings story is about, for "the quarter", "the year-ago period"…"""
        anchor = self.here
        if ordinal in ("current", "this"):
            return calendar.shift(anchor, "quarter", 0)
        if ordinal == "next":
            return calendar.shift(anchor, "quarter", 1)
        current = self.recall("quarter") or calendar.latest_completed_quarter(anchor)
        if ordinal in ("year earlier", "year ago"):
            return calendar.quarter_value(int(current[:4]), int(current[-1]), -4)
        return current

    def season(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Seasons: "this summer", "last fall", "the winter of 1994", "in the spring" (by tense)."""
        groups = match.groupdict()
        code = self.lexicon.seasons[fold(groups["season"] or "")]
        if groups.get("year"):
            return self.one(DATE, f"{calendar.year_value(self.year_of(groups['year'] or ''))}-{code}")
        anchor = self.here
        rel = fold(groups.get("rel") or "").removeprefix("the ")
        step = self.lexicon.relative_words.get(rel)
        chosen: int
        candidates = [
            (year, calendar.season_span(year, code))
            for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        ]
        if step == -1:
            over = [item for item in candidates if item[1][1] < anchor]
            chosen = over[-1][0]
        elif step == 1:
            chosen = next(year for year, (start, _) in candidates if start > anchor)
        elif step == 0:
            chosen = next((year for year, (start, end) in candidates if start <= anchor <= end), anchor.year)
        else:
            chosen = choose_by_tense(candidates, lambda item: item[1], anchor, self.tense())[0]
        return self.one(DATE, f"{calendar.year_value(chosen)}-{code}")

    # --- days and times -----------------------------------------------------------------

    def weekday(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        return self.one(
            DATE, calendar.day_value(self.weekday_date(match["weekday"], match.groupdict().get("rel")))
        )

    def weekday_date(self, name: str, rel: str | None) -> date:
        """The date of a weekday: "last Friday" strictly before the anchor, "next Friday"
        strictly after, "this Friday" in the anchor's week, "the previous Friday" before the
        last mentioned day; a bare "Friday" by tense (past or unknown: on or before)."""
        weekday = self.lexicon.weekdays[fold(name)]
        anchor = self.here
        rel = fold(rel or "")
        if rel.startswith("the ") and rel != "the next":
            referred = self.recall("day")
            base = date.fromisoformat(referred[:10]) if referred else anchor
            if rel == "the same":
                return base
            if self.lexicon.relative_words.get(rel.removeprefix("the "), -1) < 0:
                return calendar.weekday_on_or_before(base, weekday, strictly=True)
            return calendar.weekday_on_or_after(base, weekday, strictly=True)
        step = self.lexicon.relative_words.get(rel.removeprefix("the "))
        if step == -1:
            return calendar.weekday_on_or_before(anchor, weekday, strictly=True)
        if step == 1:
            return calendar.weekday_on_or_after(anchor, weekday, strictly=True)
        if step == 0:
            return calendar.add_days(anchor, weekday - anchor.isoweekday())
        if self.tense() in (Tense.FUTURE, Tense.PRESENT):
            return calendar.weekday_on_or_after(anchor, weekday)
        return calendar.weekday_on_or_before(anchor, weekday)

    def deictic(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Days named from the anchor: "today", "yesterday"; "tonight" is a time (…TNI)."""
        word = fold(match["deictic"])
        day = calendar.add_days(self.here, self.lexicon.deictic_days[word])
        if word == "tonight":
            return self.one(TIME, f"{day.isoformat()}TNI")
        return self.one(DATE, calendar.day_value(day))

    def day_named(self, groups: dict[str, str | None]) -> date:
        """The day a time or part of day is on, from whichever day group is present."""
        weekday = groups.get("weekday") or groups.get("weekday2")
        if weekday:
            return self.weekday_date(weekday, None)
        deictic = groups.get("deictic") or groups.get("deictic2")
        if deictic:
            return calendar.add_days(self.here, self.lexicon.deictic_days[fold(deictic)])
        if groups.get("month") and groups.get("day"):
            month = self.lexicon.month(groups["month"] or "")
            if month is None:
                raise Unresolvable("not a month")
            day = self.day_of_month(groups["day"] or "")
            return calendar.make_date(self.resolve_year(groups, month, day), month, day)
        return self.here

    def part_of_day(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Parts of a day: "this morning", "last night", "Saturday night", "mid-afternoon yesterday"."""
        groups = match.groupdict()
        code = self.lexicon.parts_of_day[fold(groups["part"] or "")]
        rel = fold(groups.get("rel") or "")
        day = self.day_named(groups)
        if rel == "last":
            day = calendar.add_days(day, -1)
        elif rel in ("the", "") and not any(
            groups.get(name) for name in ("weekday", "weekday2", "deictic", "deictic2")
        ):
            # "in the morning", "overnight": of the day the story is talking about.
            referred = self.recall("day")
            day = date.fromisoformat(referred[:10]) if referred else day
        return self.one(TIME, f"{day.isoformat()}T{code}")

    def clock(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Clock times: "10:30 a.m.", "5 p.m. EST, Nov. 6", "noon Thursday", "14:00 GMT"."""
        groups = match.groupdict()
        named = fold(groups.get("named") or "")
        if named:
            hour, minute = (24, 0) if named == "midnight" else (12, 0)
        else:
            hour, minute = int(groups["hour"] or 0), int(groups.get("minute") or 0)
            marker = fold(groups.get("ampm") or "").replace(".", "").replace(" ", "")
            if marker and not 1 <= hour <= 12:
                raise Unresolvable("not a 12-hour time")
            if marker == "pm" and hour < 12:
                hour += 12
            elif marker == "am" and hour == 12:
                hour = 0
        day = self.day_named(groups)
        return self.one(TIME, f"{day.isoformat()}T{hour:02d}:{minute:02d}")

    # --- amounts of time ----------------------------------------------------------------

    def offset(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Offsets: "two days ago", "a year earlier", "three weeks from now", "year-earlier (quarter)".

        The value has the unit's granularity. In an earnings story "a year earlier" compares
        with the quarter just mentioned, so it is that quarter a year back.
        """
        groups = match.groupdict()
        if groups.get("ago"):
            unit, amount, direction = "year", 1.0, -1
        else:
            unit = self.unit_of(groups["unit"] or "")
            direction = self.lexicon.offset_directions[fold(groups["dir"] or "")]
            plural = fold(groups["unit"] or "").endswith("s")
            if groups.get("vague") or (not groups.get("num") and plural):
                return self.one(DATE, "PAST_REF" if direction < 0 else "FUTURE_REF")
            amount = self.number(groups["num"]) if groups.get("num") else 1.0  # "the day before"
            if amount <= 0:
                raise Unresolvable("no offset")
        anchor = self.here
        if unit == "year" and amount == 1:
            quarter = self.recall("quarter", within=QUARTER_CONTEXT_CHARS)
            if quarter is not None:
                return self.one(
                    DATE, calendar.quarter_value(int(quarter[:4]), int(quarter[-1]), 4 * direction)
                )
        if unit in ("hour", "minute", "second"):
            return self.one(DATE, calendar.day_value(anchor))
        if amount != int(amount):
            if unit != "year":
                raise Unresolvable("fractional offset")
            unit, amount = "month", amount * 12
        return self.one(DATE, calendar.shift(anchor, unit, direction * int(amount)))

    def duration(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Durations: "two days" P2D, "2 1/2 years" P2Y6M, "several years" PXY, "the past two months" P2M."""
        groups = match.groupdict()
        unit = self.lexicon.unit(groups["unit"] or "")
        if unit is None:
            raise Unresolvable("not a unit")
        if unit.name == "quarter" and re.match(r"\s+of\b", match.string[match.end() :]):
            raise Unresolvable('"three quarters of" is a fraction')
        plural = fold(groups["unit"] or "").endswith("s")
        if re.fullmatch(r"(?:1\d|20)\d\d", groups.get("num") or "") and not plural:
            raise Unresolvable('"the 1988 quarter" is a year, not an amount')
        amount: float | None
        if groups.get("num"):
            if unit.name == "second" and fold(groups["num"] or "") in ("a", "an"):
                raise Unresolvable('"a second" is an ordinal')
            amount = self.number(groups["num"] or "") + (0.5 if groups.get("half") else 0)
        elif groups.get("vague") or plural:
            amount = None
        else:
            amount = 1
        return self.one(DURATION, _duration_of(amount, unit))

    def set(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Sets: "every week" P1W, "every other week" P2W, "each July" XXXX-07, "on Mondays"
        XXXX-WXX-1, "Tuesday nights" XXXX-WXX-2TNI, "daily" P1D, "twice a week" P1W."""
        groups = match.groupdict()
        if groups.get("frequency"):
            return self.one(SET, self.lexicon.frequencies[fold(groups["frequency"] or "")])
        if groups.get("weekday"):
            weekday = self.lexicon.weekdays[fold(groups["weekday"] or "")]
            part = f"T{self.lexicon.parts_of_day[fold(groups['part'] or '')]}" if groups.get("part") else ""
            return self.one(SET, f"XXXX-WXX-{weekday}{part}")
        month = self.lexicon.month(groups.get("month") or "")
        if month is not None:
            return self.one(SET, f"XXXX-{month:02d}")
        if groups.get("season"):
            return self.one(SET, f"XXXX-{self.lexicon.seasons[fold(groups['season'] or '')]}")
        unit = self.lexicon.unit(groups["unit"] or "")
        if unit is None:
            raise Unresolvable("not a unit")
        count = fold(groups.get("num") or "")
        amount = 2.0 if count == "other" else self.number(count) if count else 1.0
        return self.one(SET, _duration_of(amount, unit))

    def reference(self, match: re.Match[str]) -> list[tuple[int, int, str, str]]:
        """Vague references: "recently" PAST_REF, "now" PRESENT_REF, "the near future" FUTURE_REF."""
        if match.groupdict().get("past"):
            return self.one(DATE, "PAST_REF")  # "at the time"
        return self.one(DATE, self.lexicon.references[fold(match[0])])


def _duration_of(amount: float | None, unit: Unit) -> str:
    """A TIMEX3 duration of ``amount`` units (None: unknown); decades and centuries in years."""
    if unit.years and amount is not None:
        return calendar.duration_value(amount * unit.years, "Y", False)
    return calendar.duration_value(amount, unit.code, unit.clock)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        calendar.make_date(year, month, day)
    except Unresolvable:
        return False
    return True
