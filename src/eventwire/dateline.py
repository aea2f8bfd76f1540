"""Datelines: where, by whom and when a wire story was filed.

Wire copy opens with a dateline in one of a few house styles::

    MOSCOW, October 15. /TASS/.          LONDON (Reuters) -
    WASHINGTON (AP) —                    PARIS, Oct 15 (AFP) -
    BEIJING, Oct. 15 (Xinhua) --         KABUL, March 3, 2019 —

Cleaning cuts the dateline off the body (:func:`split_dateline`); the ``dateline`` stage turns
it into place, agency and publication date. A dateline usually omits the year: it is inferred
from a weekday the story mentions ("said on Thursday" fixes October 15 to 2015, 2020, 2026…)
combined with the weaker date hint (file name, feed, ``--published``), and the basis of the
answer is recorded in ``published_basis`` so users can see how sure it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.model import Article
from eventwire.pipeline import PerArticleStage, register_stage

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_PLACE = (
    r"(?P<place>[A-Z][A-Z.'\-]+(?:[ \-][A-Z][A-Z.'\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?))??"
)
_DATE = r"(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:,? (?P<year>(?:19|20)\d\d))?"
_DASH = r"(?:-{1,2}|—|–)"

DATELINE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # MOSCOW, October 15. /TASS/.
    ("slash-agency", re.compile(rf"^{_PLACE}, {_DATE}\. ?/(?P<agency>[A-Za-z\-]{{2,20}})/\.?(?:\s+|$)")),
    # PARIS, Oct 15 (AFP) -     LONDON (Reuters) -
    (
        "paren-agency",
        re.compile(
            rf"^{_PLACE}(?:, {_DATE})? \((?P<agency>[A-Za-z][A-Za-z.\- ]{{1,24}})\) ?{_DASH}(?:\s+|$)"
        ),
    ),
    # KABUL, March 3, 2019 —    KABUL —
    ("dash", re.compile(rf"^{_PLACE}(?:, {_DATE})? {_DASH}(?:\s+|$)")),
)

WEEKDAY_MENTION = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
YEAR_MENTION = re.compile(r"\b((?:19|20)\d\d)\b")

#: How many years either side of a hint a weekday-derived year may be.
MAX_YEARS_FROM_HINT = 3


@dataclass(slots=True, frozen=True)
class Dateline:
    """A parsed dateline; ``text`` is exactly what was cut from the body."""

    text: str
    style: str
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None


def split_dateline(paragraph: str) -> Dateline | None:
    """Parse the dateline at the start of ``paragraph``, or None when it has none."""
    for style, pattern in DATELINE_STYLES:
        match = pattern.match(paragraph)
        if not match:
            continue
        groups = match.groupdict()
        month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
        if groups.get("month") and month is None:
            continue  # "LONDON, Reuters 15" is not a date: try the next style
        place = groups["place"].strip()
        if style == "dash" and len(place) < 3:
            continue
        return Dateline(
            text=match.group(0),
            style=style,
            place=place,
            agency=(groups.get("agency") or None),
            month=month,
            day=int(groups["day"]) if groups.get("day") else None,
            year=int(groups["year"]) if groups.get("year") else None,
        )
    return None


def infer_year(month: int, day: int, text: str, hint: date | None) -> tuple[int | None, str]:
    """Pick the year of a yearless ``month``/``day`` and say what decided it.

    A weekday the story mentions (wire leads say "said on Thursday" of the filing day) narrows
    the year to one in every five to eleven; the hint (file name, feed, ``--published``) picks
    among those. Without a usable weekday the hint's year is used as is.
    """
    for match in WEEKDAY_MENTION.finditer(text):
        weekday = WEEKDAYS.index(match[1].lower())
        years = _years_with_weekday(month, day, weekday, hint)
        if years:
            reference = hint.year if hint else date.today().year
            return min(years, key=lambda year: (abs(year - reference), -year)), "weekday"
    if hint:
        return hint.year, "hint"
    return None, "none"


def _years_with_weekday(month: int, day: int, weekday: int, hint: date | None) -> list[int]:
    if hint:
        span = range(hint.year - MAX_YEARS_FROM_HINT, hint.year + MAX_YEARS_FROM_HINT + 1)
    else:
        span = range(date.today().year - 30, date.today().year + 1)
    years = []
    for year in span:
        try:
            if date(year, month, day).weekday() == weekday:
                years.append(year)
        except ValueError:
            continue  # 29 February in a common year
    return years


@register_stage("dateline")
class DatelineStage(PerArticleStage):
    """Fill place, agency and publication date from the dateline cut off by cleaning."""

    name = "dateline"
    needs_parse = False

    def __init__(self, settings: object) -> None:
        pass

    def __call__(self, article: Article) -> None:
        dateline = split_dateline(article.dateline) if article.dateline else None
        if dateline:
            article.dateline_place = dateline.place
            article.agency = article.agency or dateline.agency
        if article.published:
            return  # metadata (feed, HTML, JSONL field) outranks the dateline
        if dateline and dateline.month and dateline.day:
            self._date_from_dateline(article, dateline)
        if article.published is None and article.date_hint:
            article.published = article.date_hint
            article.published_basis = article.date_hint_basis

    def _date_from_dateline(self, article: Article, dateline: Dateline) -> None:
        assert dateline.month and dateline.day
        if dateline.year:
            year, basis = dateline.year, "dateline"
        else:
            year, how = infer_year(dateline.month, dateline.day, article.text, article.date_hint)
            if year is None:
                return
            basis = f"dateline+{how}" if how == "weekday" else f"dateline+{article.date_hint_basis}"
        try:
            article.published = date(year, dateline.month, dateline.day)
        except ValueError:
            return
        article.published_basis = basis
