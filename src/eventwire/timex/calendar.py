"""Calendar arithmetic and TIMEX3 value strings.

A TIMEX3 value names a stretch of the calendar at some granularity: ``2015-10-15`` (day),
``2015-W42`` (ISO week), ``2015-10`` (month), ``2015-Q4`` (quarter), ``2015-H2`` (half),
``2015-SU`` (season), ``2015`` (year), ``201`` (decade), ``20`` (century). Relative
expressions are "the anchor's unit, moved by n units", which is what :func:`shift` computes.
Every function raises :class:`Unresolvable` instead of producing an impossible date, so garbage
such as "February 30" or "10,000 years ago" yields no value rather than a wrong one.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Season codes in calendar order and the month each starts in. Winter ``2015-WI`` is the
#: winter that starts in December 2015, so January 2016 belongs to it.
SEASONS = ("SP", "SU", "FA", "WI")
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


class Unresolvable(ValueError):
    """The expression cannot be given a valid value (impossible date, out-of-range year…)."""


def checked_year(year: int) -> int:
    if not 1 <= year <= 9999:
        raise Unresolvable(f"year {year} is out of range")
    return year


def make_date(year: int, month: int, day: int) -> date:
    try:
        return date(checked_year(year), month, day)
    except ValueError as exc:
        raise Unresolvable(str(exc)) from None


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{checked_year(year):04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{checked_year(year):04d}"


def season_index(day: date) -> int:
    """A running count of seasons (year * 4 + position) for the season containing ``day``."""
    if day.month < 3:
        return (day.year - 1) * 4 + SEASONS.index("WI")
    return day.year * 4 + (day.month - 3) // 3


def season_value(index: int) -> str:
    return f"{year_value(index // 4)}-{SEASONS[index % 4]}"


def season_span(year: int, code: str) -> tuple[date, date]:
    """First and last day of season ``code`` of ``year`` (winter runs into the next year)."""
    start_year, start_month = year, SEASON_START_MONTH[code]
    end_year, end_month = add_months(start_year, start_month, 2)
    return make_date(start_year, start_month, 1), month_end(end_year, end_month)


def month_end(year: int, month: int) -> date:
    next_year, next_month = add_months(year, month, 1)
    return make_date(next_year, next_month, 1) - timedelta(days=1)


def add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise Unresolvable(f"{days} days from {day} is out of range") from None


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return checked_year(index // 12), index % 12 + 1


def shift(anchor: date, unit: str, amount: int) -> str:
    """The value of the ``unit`` containing ``anchor``, moved by ``amount`` units.

    ``shift(2015-10-15, "week", -1)`` is ``2015-W41`` (last week); ``shift(…, "year", 0)`` is
    ``2015`` (this year). The result has the granularity of ``unit``.
    """
    if abs(amount) > 100_000:
        raise Unresolvable(f"{amount} {unit}s is out of range")
    if unit == "day":
        return day_value(add_days(anchor, amount))
    if unit in ("week", "weekend"):
        value = week_value(add_days(anchor, 7 * amount))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, amount))
    if unit == "quarter":
        return quarter_value(anchor.year, (anchor.month - 1) // 3 + 1, amount)
    if unit == "half":
        index = anchor.year * 2 + (anchor.month - 1) // 6 + amount
        return f"{year_value(index // 2)}-H{index % 2 + 1}"
    if unit == "season":
        return season_value(season_index(anchor) + amount)
    if unit == "year":
        return year_value(anchor.year + amount)
    if unit == "decade":
        return f"{checked_year(anchor.year + 10 * amount) // 10:03d}"
    if unit == "century":
        return f"{checked_year(anchor.year + 100 * amount) // 100:02d}"
    raise Unresolvable(f"cannot shift by {unit}")


def quarter_value(year: int, quarter: int, amount: int = 0) -> str:
    index = year * 4 + (quarter - 1) + amount
    return f"{year_value(index // 4)}-Q{index % 4 + 1}"


def latest_completed_quarter(anchor: date) -> str:
    """The last quarter that ended before ``anchor`` (what "the latest quarter" reports on)."""
    return quarter_value(anchor.year, (anchor.month - 1) // 3 + 1, -1)


def weekday_on_or_before(anchor: date, weekday: int, strictly: bool = False) -> date:
    """The most recent ``weekday`` (ISO, Monday = 1) on or (``strictly``) before ``anchor``."""
    back = (anchor.isoweekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return add_days(anchor, -back)


def weekday_on_or_after(anchor: date, weekday: int, strictly: bool = False) -> date:
    ahead = (weekday - anchor.isoweekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return add_days(anchor, ahead)


def duration_value(amount: float | None, code: str, clock: bool) -> str:
    """A TIMEX3 duration: ``P3D``, ``PT2H``, ``P2Y6M`` for 2.5 years, ``PXY`` when unknown."""
    prefix = "PT" if clock else "P"
    if amount is None:
        return f"{prefix}X{code}"
    if amount <= 0 or amount > 1_000_000:
        raise Unresolvable(f"duration {amount} is out of range")
    whole = int(amount)
    fraction = amount - whole
    if not fraction:
        return f"{prefix}{whole}{code}"
    smaller = _FRACTION_UNITS.get((code, clock))
    if smaller:
        factor, smaller_code = smaller
        parts = (f"{whole}{code}" if whole else "") + f"{round(fraction * factor)}{smaller_code}"
        return f"{prefix}{parts}"
    return f"{prefix}{amount:g}{code}"


#: How a fraction of a unit is written in the next smaller unit (2.5 years = P2Y6M).
_FRACTION_UNITS = {
    ("Y", False): (12, "M"),
    ("W", False): (7, "D"),
    ("H", True): (60, "M"),
    ("M", True): (60, "S"),
}
