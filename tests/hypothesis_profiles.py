"""Hypothesis profiles: ``ci`` (the default, bounded for 2 cores) and ``long`` (fuzzing runs).

``tests/conftest.py`` loads the profile named by ``EVENTWIRE_HYPOTHESIS_PROFILE``, so
``EVENTWIRE_HYPOTHESIS_PROFILE=long pytest tests/test_fuzz_*.py`` runs the same property tests
with a million examples each (stop it when you have seen enough; ``scripts/fuzz_long.py``
runs time-boxed instead and counts what it tried); ``EVENTWIRE_HYPOTHESIS_EXAMPLES=N`` sets
the examples per test of either profile.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE_ENV = "EVENTWIRE_HYPOTHESIS_PROFILE"
EXAMPLES_ENV = "EVENTWIRE_HYPOTHESIS_EXAMPLES"
_COMMON = {
    "deadline": None,  # 2 shared cores: wall-clock deadlines would only make CI flaky
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "print_blob": True,  # a failure prints the @reproduce_failure line that replays it
}
# CI explores the same examples on every run (no flaky reds); long runs explore anew each time
# and remember failures in .hypothesis/.
settings.register_profile("ci", max_examples=40, derandomize=True, database=None, **_COMMON)
settings.register_profile("long", max_examples=1_000_000, **_COMMON)


def load_profile() -> str:
    """Load the profile named by ``EVENTWIRE_HYPOTHESIS_PROFILE`` (``ci`` unless set), with
    ``EVENTWIRE_HYPOTHESIS_EXAMPLES`` examples per test when that is set."""
    name = os.environ.get(PROFILE_ENV, "ci")
    count = os.environ.get(EXAMPLES_ENV)
    if count:
        settings.register_profile(f"{name}-{count}", settings.get_profile(name), max_examples=int(count))
        name = f"{name}-{count}"
    settings.load_profile(name)
    return name


def examples(share: float) -> settings:
    """Settings running ``share`` of the profile's examples, at least 5: for targets that parse
    with spaCy or read a whole data file per example, so CI stays bounded while ``long`` scales."""
    return settings(max_examples=max(5, int(settings.default.max_examples * share)))
