"""Geo benchmark: toponym resolutions per second on one core, and the gazetteer's load time.

The claim under test is at least 50,000 resolutions per second, so that resolving places never
shows next to the parse. :func:`run` resolves a few thousand varied names — countries,
divisions, cities large and small, ambiguous names ("Paris", "Georgia", "Tripoli"), qualified
and decorated spellings ("the U.S.", "MOSCOW", "Idlib province"), curated regions and unknown
names — in the context of an article about Syria and Turkey, over and over, in this process's
one thread.
"""

from __future__ import annotations

import time

from eventwire.geo.gazetteer import Gazetteer, default_gazetteer
from eventwire.geo.resolve import Clues, Evidence, resolve_name

#: Names any news sample has, the hard cases among them.
COMMON = (
    "Syria", "the U.S.", "MOSCOW", "Paris", "Georgia", "Tripoli", "Alexandria", "London",
    "Idlib province", "Hmeymim airbase", "Iraqi Kurdistan", "the Caspian", "Lamar County",
    "Washington", "New York", "Ankara", "Latakia", "Crimea", "Atlantis", "Springfield",
)  # fmt: skip
#: How many names to sample from the gazetteer, and how long to keep resolving them.
SAMPLE = 3000
MIN_SECONDS = 1.0


def sample_names(gazetteer: Gazetteer, size: int = SAMPLE) -> list[str]:
    """``size`` varied names: the common ones, then every n-th place of the gazetteer by its
    own name (a spread of kinds, countries and ambiguity), some in capitals, some unknown."""
    places = sorted({location.name for candidates in gazetteer.by_key.values() for location in candidates})
    step = max(1, len(places) // size)
    names = list(COMMON)
    for index, name in enumerate(places[::step]):
        if index % 10 == 3:
            names.append(name[::-1].title())  # an unknown name: a miss costs a lookup too
        else:
            names.append(name.upper() if index % 5 == 0 else name)
    return names[:size]


def run(seconds: float = MIN_SECONDS) -> dict[str, float]:
    """Resolutions per second (single thread) and the gazetteer load time in seconds."""
    started = time.perf_counter()
    gazetteer = default_gazetteer()
    load_s = time.perf_counter() - started
    names = sample_names(gazetteer)
    evidence = Evidence.collect(
        [
            ("syria", (("SYR", 1.0),)),
            ("turkey", (("TUR", 1.0),)),
            ("ankara", (("TUR", 1.0), ("TUR/ankara", 0.6))),
        ]
    )
    clues = Clues(frozenset({"SYR"}))
    resolved = rounds = 0
    started = time.perf_counter()
    while True:
        for name in names:
            if resolve_name(name, evidence, clues, gazetteer) is not None:
                resolved += 1
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            break
    return {
        "geo_names": float(len(names)),
        "geo_resolved_share": resolved / (rounds * len(names)),
        "geo_resolutions_per_s": rounds * len(names) / elapsed,
        "geo_gazetteer_load_s": load_s,
    }
