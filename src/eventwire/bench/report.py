"""The ``eventwire bench`` report: the end-to-end benchmark plus every area's micro-benchmark.

Areas contribute a module ``eventwire/bench/<area>.py`` exposing ``run() -> dict``; they are
found by module name, so a new one needs no registration here, and each one's result goes under
its area's key in ``areas``. An area that fails is reported with its error, and the others still
run. The end-to-end benchmark (:mod:`eventwire.bench.pipeline`, area ``pipeline``) puts its
machine-independent ratios first and absolute figures second.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import time
from collections.abc import Callable
from typing import Any

import eventwire
import eventwire.bench
from eventwire.bench import pipeline as end_to_end
from eventwire.errors import UsageError

#: The end-to-end benchmark's area name (``--only pipeline``).
PIPELINE_AREA = "pipeline"
#: Modules of ``eventwire.bench`` that are not areas.
NOT_AREAS = frozenset({"corpus", "report", PIPELINE_AREA})


def area_benchmarks() -> dict[str, Callable[[], dict[str, Any]]]:
    """Every area's ``run`` by area name, in name order (imports the modules)."""
    found: dict[str, Callable[[], dict[str, Any]]] = {}
    for module in sorted(pkgutil.iter_modules(eventwire.bench.__path__), key=lambda info: info.name):
        if module.name in NOT_AREAS or module.name.startswith("_"):
            continue
        benchmark = getattr(importlib.import_module(f"eventwire.bench.{module.name}"), "run", None)
        if callable(benchmark):
            found[module.name] = benchmark
    return found


def known_areas() -> list[str]:
    return [PIPELINE_AREA, *area_benchmarks()]


def build_report(
    articles: int = 1000,
    *,
    only: list[str] | None = None,
    seed: int = 0,
    workers: int = 2,
    rss_scale: int = 10,
) -> dict[str, Any]:
    """Run the selected benchmarks (all by default) and return the report."""
    areas = area_benchmarks()
    selected = only or [PIPELINE_AREA, *areas]
    unknown = [name for name in selected if name != PIPELINE_AREA and name not in areas]
    if unknown:
        raise UsageError(f"unknown benchmark area(s) {', '.join(unknown)}; known: {', '.join(known_areas())}")
    report: dict[str, Any] = {}
    load_before = os.getloadavg()
    if PIPELINE_AREA in selected:
        report.update(end_to_end.run(articles, seed=seed, workers=workers, rss_scale=rss_scale))
    report["areas"] = {name: _run_area(areas[name]) for name in selected if name != PIPELINE_AREA}
    report["meta"] = {
        "eventwire": eventwire.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "articles": articles,
        "seed": seed,
        "workers": workers,
        "rss_scale": rss_scale,
        "cpus": os.cpu_count(),
        "load_average_before": load_before[0],
        "load_average_after": os.getloadavg()[0],
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    return report


def _run_area(benchmark: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        result = dict(benchmark())
    except Exception as exc:  # noqa: BLE001 - one area's failure must not lose the others' figures
        return {"error": f"{type(exc).__name__}: {exc}"}
    result.setdefault("bench_seconds", time.perf_counter() - started)
    return result
