"""Datelines: where, by whom and when a wire story was filed.

Wire copy opens with a dateline in one of a few house styles::

    MOSCOW, October 15. /TASS/.          LONDON (Reuters) -
    WASHINGTON (AP) —                    PARIS, Oct 15 (AFP) -
    BEIJING, Oct. 15 (Xinhua) --         KABUL, March 3, 2019 —
    Paris (AFP) -                        MOSCOW, Oct. 15 /ITAR-TASS/ -

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
#: Spanish abbreviations EFE datelines use that the English ones do not cover ("10 abr").
MONTHS.update({"ene": 1, "abr": 4, "ago": 8, "dic": 12})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_UPPER = "A-ZÀ-ÖØ-Þ"
#: An all-caps place ("MOSCOW", "ST. LOUIS", "UNITED NATIONS", "BOGOTÁ") with an optional
#: title-case region ("PARIS, Texas", "SPRINGFIELD, Ill.", "WASHINGTON, D.C.").
_PLACE_CAPS = (
    rf"(?P<place>[{_UPPER}][{_UPPER}.'\-]+(?:[ \-][{_UPPER}][{_UPPER}.'\-]+){{0,3}})"
    rf"(?:, (?P<region>[{_UPPER}][\w.]+(?: [{_UPPER}][\w.]+)?))??"
)
#: Agencies that write places in title case ("Paris (AFP) -", "Caracas, 10 abr (EFE).-"): only
#: accepted right before a bracketed agency, which is evidence enough of a dateline.
_LOWER = "a-zß-öø-ÿ"
_PLACE_TITLE = rf"(?P<place>[{_UPPER}][{_LOWER}'\-]+(?:[ \-][{_UPPER}][{_LOWER}'\-]+){{0,3}})"
_MONTH_DAY = r"(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2})(?:,? (?P<year>(?:19|20)\d\d))?"
_DAY_MONTH = r"(?P<day2>\d{1,2}) (?P<month2>[A-Za-z]{3,9})\.?(?:,? (?P<year2>(?:19|20)\d\d))?"
#: A spelled-out date in either order: "October 15", "Oct. 15, 2015", "15 Oct 2015", "10 abr".
_DATE = rf"(?:{_MONTH_DAY}|{_DAY_MONTH})"
#: The dash after the dateline: hyphen(s), en/em dash, AP's old underscore, EFE's ".-".
_DASH = r"(?:\.?-{1,2}|—|–|_)"
_AGENCY = r"(?P<agency>[A-Za-z][A-Za-z.\- ]{1,24})"
_END = r"(?:\s+|$)"

DATELINE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # MOSCOW, October 15. /TASS/.      MOSCOW, Oct. 15 /ITAR-TASS/ -
    (
        "slash-agency",
        re.compile(rf"^{_PLACE_CAPS}, {_DATE}\.? ?/(?P<agency>[A-Za-z\-]{{2,20}})/(?:\.| ?{_DASH})?{_END}"),
    ),
    # PARIS, Oct 15 (AFP) -     LONDON (Reuters) -     WASHINGTON (AP) —
    ("paren-agency", re.compile(rf"^{_PLACE_CAPS}(?:, {_DATE})? \({_AGENCY}\) ?{_DASH}{_END}")),
    # Paris (AFP) -     Beijing, Oct 15 (Xinhua) --     Caracas, 10 abr (EFE).-
    ("paren-agency", re.compile(rf"^{_PLACE_TITLE}(?:, {_DATE})? \({_AGENCY}\) ?{_DASH}{_END}")),
    # KABUL, March 3, 2019 —    KABUL —
    ("dash", re.compile(rf"^{_PLACE_CAPS}(?:, {_DATE})? {_DASH}{_END}")),
)

#: All-caps openers followed by a dash that are labels or acronyms, not places.
NOT_PLACES = frozenset(
    {"BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "WATCH", "LIVE",
     "OPINION", "FACTBOX", "EXPLAINER", "CORRECTED", "REFILE", "RPT", "URGENT", "FLASH", "NOTE",
     "EDITORS", "PHOTOS", "VIDEO", "WARNING", "NATO", "USA", "EU", "UN", "ISIS", "OPEC"}
)  # fmt: skip

WEEKDAY_MENTION = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
YEAR_MENTION = re.compile(r"\b((?:19|20)\d\d)\b")

#: How many years either side of a hint a weekday-derived year may be.
MAX_YEARS_FROM_HINT = 3
#: Without a hint, how far back a weekday-derived year may go.
MAX_YEARS_WITHOUT_HINT = 30


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
    region: str | None = None
    """The state or country after the place ("PARIS, Texas"): without it the place is ambiguous."""

    @property
    def full_place(self) -> str:
        return f"{self.place}, {self.region}" if self.region else self.place


def split_dateline(paragraph: str) -> Dateline | None:
    """Parse the dateline at the start of ``paragraph``, or None when it has none."""
    for style, pattern in DATELINE_STYLES:
        match = pattern.match(paragraph)
        if not match:
            continue
        groups = {key.rstrip("2"): value for key, value in match.groupdict().items() if value}
        month = MONTHS.get(groups.get("month", "").lower())
        if "month" in groups and month is None:
            continue  # "LONDON, Reuters 15" is not a date: try the next style
        place = groups["place"].strip()
        if style == "dash" and (len(place) < 3 or place in NOT_PLACES):
            continue
        return Dateline(
            text=match.group(0),
            style=style,
            place=place,
            agency=groups.get("agency", "").strip() or None,
            month=month,
            day=int(groups["day"]) if "day" in groups else None,
            year=int(groups["year"]) if "year" in groups else None,
            region=groups.get("region"),
        )
    return None


def infer_year(
    month: int, day: int, text: str, hint: date | None, today: date | None = None
) -> tuple[int | None, str]:
    """Pick the year of a yearless ``month``/``day`` and say what decided it.

    A weekday the story mentions (wire leads say "said on Thursday" of the filing day) narrows
    the year to one in every five to eleven; the hint (file name, feed, ``--published``) picks
    among those, else the most recent such year. A hint dated the dateline's own day is taken
    as it is (the basis is "weekday" when the story names its weekday). Otherwise weekdays in
    the lead paragraph are tried first:
    later ones often name other days ("on Wednesday, Lavrov said"). Without a usable weekday,
    the year that puts the date nearest the hint is used ("December 31" filed under a
    2016-01-01 file name is 2015). Dates after ``today`` are never chosen: no story is
    published in the future.
    """
    today = today or date.today()
    if hint and (hint.month, hint.day) == (month, day) and hint <= today:
        # a file name dated the dateline's own day is the publication day: the weekdays a story
        # names are as often the days before it ("fired on Tuesday" in a Wednesday story), so
        # they only confirm it ("bombed ... on Monday" leads, "said on Tuesday" follows)
        named = {WEEKDAYS.index(match[1].lower()) for match in WEEKDAY_MENTION.finditer(text)}
        return hint.year, "weekday" if hint.weekday() in named else "hint"
    lead, _, _ = text.partition("\n\n")
    for scope in (lead, text):
        for match in WEEKDAY_MENTION.finditer(scope):
            weekday = WEEKDAYS.index(match[1].lower())
            candidates = [
                day_ for day_ in _dates_in_range(month, day, hint, today) if day_.weekday() == weekday
            ]
            if candidates:
                return _nearest(candidates, hint or today).year, "weekday"
    if hint:
        candidates = _dates_in_range(month, day, hint, today, years_around=1)
        if candidates:
            return _nearest(candidates, hint).year, "hint"
    return None, "none"


def _dates_in_range(
    month: int, day: int, hint: date | None, today: date, years_around: int = MAX_YEARS_FROM_HINT
) -> list[date]:
    if hint:
        years = range(hint.year - years_around, hint.year + years_around + 1)
    else:
        years = range(today.year - MAX_YEARS_WITHOUT_HINT, today.year + 1)
    dates = []
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year, 31 April
        if candidate <= today:
            dates.append(candidate)
    return dates


def _nearest(candidates: list[date], reference: date) -> date:
    """The candidate nearest ``reference``; on a tie the earlier one (stories precede files)."""
    return min(candidates, key=lambda candidate: (abs((candidate - reference).days), candidate))


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
            article.dateline_place = dateline.full_place
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
        year: int | None = dateline.year
        if year:
            basis = "dateline"
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
