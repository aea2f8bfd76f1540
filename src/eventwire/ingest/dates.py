"""Publication dates as containers write them (ISO 8601, RFC 822, epoch seconds)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

#: Epoch numbers above this are milliseconds (1e11 seconds is the year 5138).
EPOCH_MILLIS_ABOVE = 1e11


def parse_date_value(value: object) -> date:
    """The calendar date of ``value``; raises ``ValueError`` saying what was not understood.

    Accepts what feeds, pages and dumps use: ISO 8601 dates and timestamps (``2015-10-15``,
    ``2015-10-15T10:00:00Z``), RFC 822 (``Thu, 15 Oct 2015 10:00:00 GMT``), epoch seconds or
    milliseconds, and ``time.struct_time`` (feedparser). The date is the one written, never
    shifted to another time zone: a story filed late on the 15th in Moscow is from the 15th.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            seconds = value / 1000 if value > EPOCH_MILLIS_ABOVE else value
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):  # beyond the calendar, or NaN
            raise ValueError(f"not a date: epoch {str(value)[:30]}") from None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not a date: {value!r}") from None
