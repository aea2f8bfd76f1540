"""Cross-article event clusters: one real-world event, however many articles reported it.

Two coded events are reports of the same event when they share the source and target
*country* (first three letters of the actor codes), the CAMEO root, their days are at most one
day apart, and their locations are compatible (same country, or either unknown). Within one
``cluster_key`` (source country|target country|root), events with a location country are
chained in (day, event_id) order: an event joins the chain of its country whose last day is at
most one day earlier, or starts one. Each event without a location then joins the largest chain
whose days it is within a day of (ties: the oldest); it never extends or bridges chains, so one
unlocated report cannot merge a clash in Kyrgyzstan with one in Tajikistan. Unlocated events
that fit no chain are chained among themselves. The result depends only on the set of events,
never on the order they were stored in, so every backend, worker count and re-run yields the
same clusters.

Events whose date is coarser than a day ("2015-10") are clusters of their own; negated events
belong to none. A near-duplicate article (``articles.duplicate_of``) counts as the article it
duplicates, so syndicated copies never add to ``num_articles``, ``num_sources`` or the report
dates.

Maintenance is one pass after a batch (``Store.refresh_clusters``, which ``runner.run`` calls at
the end of every run) rather than per article: new events wait with ``cluster_id`` NULL until
then. Reports of one event can only chain across days that have events of that key, so the pass
re-clusters only the *segments* of each key (runs of days without a gap of more than one day)
that received new events: a later run that adds a report of an earlier event re-clusters exactly
that event's neighbourhood, and nothing else is touched.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from eventwire.model import stable_id
from eventwire.store.records import Row, iso_date

#: The events of one key that may be re-clustered together, with their reporting article: the
#: article itself or, for a near-duplicate, the article it duplicates.
MEMBER_SELECT = """SELECT events.event_id, events.date, events.location_country, events.confidence,
       events.cluster_id, events.cluster_key, reports.article_id AS report_id,
       reports.agency AS report_agency, reports.published AS report_published,
       articles.duplicate_of IS NOT NULL AS from_duplicate
FROM events
JOIN articles ON articles.article_id = events.article_id
JOIN articles AS reports ON reports.article_id = COALESCE(articles.duplicate_of, articles.article_id)
WHERE events.negated = ?"""

CLUSTER_COLUMNS = (
    "cluster_id",
    "cluster_key",
    "source_country",
    "target_country",
    "cameo_root",
    "location_country",
    "first_date",
    "last_date",
    "first_report",
    "last_report",
    "num_events",
    "num_articles",
    "num_sources",
    "sources",
    "representative_event_id",
)


@dataclass(slots=True)
class Member:
    """One event as clustering sees it."""

    event_id: str
    event_date: str
    day: date | None
    location_country: str | None
    confidence: float
    cluster_id: str | None
    cluster_key: str
    report_id: str
    report_agency: str | None
    report_published: str | None
    from_duplicate: bool

    @classmethod
    def from_row(cls, row: Row) -> Member:
        return cls(
            event_id=row["event_id"],
            event_date=row["date"] or "",
            day=event_day(row["date"]),
            location_country=row["location_country"],
            confidence=row["confidence"],
            cluster_id=row["cluster_id"],
            cluster_key=row["cluster_key"],
            report_id=row["report_id"],
            report_agency=row["report_agency"],
            report_published=iso_date(row["report_published"]),
            from_duplicate=bool(row["from_duplicate"]),
        )


@dataclass(slots=True)
class _Chain:
    first_day: date
    last_day: date
    members: list[Member] = field(default_factory=list)


def event_day(value: str | None) -> date | None:
    """The day of an event date ("2015-10-14", "2015-10-14T09:00"); None when coarser."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def segments(days: Iterable[date]) -> list[tuple[date, date]]:
    """Runs of days in which no two neighbours are more than one day apart."""
    runs: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if runs and (day - runs[-1][1]).days <= 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def group_members(members: Iterable[Member]) -> list[list[Member]]:
    """Split the day-dated events of one key into clusters (the rule in the module doc)."""
    ordered = sorted(members, key=lambda member: (member.day, member.event_id))
    chains = _chain(m for m in ordered if m.location_country)  # ordered by first day
    unplaced: list[Member] = []
    upcoming = iter(enumerate(chains))
    pending = next(upcoming, None)
    active: list[tuple[int, _Chain]] = []
    for member in (m for m in ordered if not m.location_country):
        day = member.day
        assert day is not None
        while pending is not None and (pending[1].first_day - day).days <= 1:
            active.append(pending)
            pending = next(upcoming, None)
        active = [(order, chain) for order, chain in active if (day - chain.last_day).days <= 1]
        if active:
            # The largest wins, then the oldest; the chain's days stay those of located reports,
            # so an unlocated report never bridges two located events.
            _, chosen = max(active, key=lambda entry: (len(entry[1].members), -entry[0]))
            chosen.members.append(member)
        else:
            unplaced.append(member)
    chains += _chain(unplaced)
    groups = [sorted(chain.members, key=lambda m: (m.day, m.event_id)) for chain in chains]
    return sorted(groups, key=lambda group: (group[0].day, group[0].event_id))


def _chain(ordered: Iterable[Member]) -> list[_Chain]:
    """Chain (day-sorted) events of one location country: each within a day of the last."""
    chains: list[_Chain] = []
    open_chains: dict[str | None, _Chain] = {}
    for member in ordered:
        assert member.day is not None
        current = open_chains.get(member.location_country)
        if current is None or (member.day - current.last_day).days > 1:
            current = _Chain(first_day=member.day, last_day=member.day)
            chains.append(current)
            open_chains[member.location_country] = current
        current.members.append(member)
        current.last_day = member.day
    return chains


def summarise(members: list[Member]) -> tuple[Any, ...]:
    """The ``clusters`` row (in :data:`CLUSTER_COLUMNS` order) of one cluster's members.

    The representative is the event from the earliest original report (highest confidence
    within it), which is also the report a GDELT-style SOURCEURL names.
    """
    first = members[0]  # members arrive in sweep order: the first is the cluster's identity
    representative = min(
        members,
        key=lambda m: (m.from_duplicate, m.report_published or "9999", -m.confidence, m.event_id),
    )
    reports = {member.report_id: member for member in members}
    agencies: dict[str, str] = {}
    anonymous = 0
    for report in reports.values():
        name = (report.report_agency or "").strip()
        if name:
            agencies.setdefault(name.casefold(), name)
        else:
            anonymous += 1  # an outlet we cannot name is still one outlet
    published = sorted(m.report_published for m in reports.values() if m.report_published)
    dates = sorted(member.event_date for member in members)
    source, target, root = first.cluster_key.split("|")
    return (
        stable_id("cluster", first.event_id),
        first.cluster_key,
        source or None,
        target or None,
        root,
        next((m.location_country for m in members if m.location_country), None),
        dates[0] or None,
        dates[-1] or None,
        published[0] if published else None,
        published[-1] if published else None,
        len(members),
        len(reports),
        len(agencies) + anonymous,
        json.dumps(sorted(agencies.values())),
        representative.event_id,
    )


def cluster_segments(members: list[Member]) -> list[list[Member]]:
    """Clusters of a set of members: day-dated ones swept together, coarser ones alone."""
    dated = [member for member in members if member.day is not None]
    grouped = group_members(dated) if dated else []
    return grouped + [[member] for member in members if member.day is None]


def dirty_work(dirty: Iterable[Member]) -> tuple[dict[str, set[date]], list[Member]]:
    """Unclustered events → the days to re-cluster per key, and the coarse-dated singletons."""
    days: dict[str, set[date]] = defaultdict(set)
    singletons = []
    for member in dirty:
        if member.day is None:
            singletons.append(member)
        else:
            days[member.cluster_key].add(member.day)
    return days, singletons


def affected_segments(all_days: Iterable[date], dirty_days: set[date]) -> list[tuple[str, str]]:
    """The [first day, day after last) ranges, as ISO text, of the segments with new events."""
    return [
        (low.isoformat(), (high + timedelta(days=1)).isoformat())
        for low, high in segments(all_days)
        if any(low <= day <= high for day in dirty_days)
    ]
