#!/usr/bin/env python3
"""Long fuzz runs: every target of ``tests/fuzzing.py`` for a fixed time, counting what it tried.

The CI suite runs each target for a bounded number of examples; this runs them for minutes or
hours, a few at a time (one process per target, ``--jobs`` at once), and reports per target the
inputs tried, the examples per second and each distinct crash with the ``@reproduce_failure``
line that replays it::

    .venv/bin/python scripts/fuzz_long.py --minutes 10 --jobs 2 -o fuzz-report.json
    .venv/bin/python scripts/fuzz_long.py --list
    .venv/bin/python scripts/fuzz_long.py --only read-jsonl clean --minutes 1

Hypothesis generates in chunks sized to about a minute of work each, with a fresh random seed
per chunk, so the run ends close to its time budget whatever a target's speed.

``--engine atheris`` (``pip install atheris==3.0.0``) drives the same targets coverage-guided:
libFuzzer mutates the bytes hypothesis turns into inputs, keeping those that reach new code
of eventwire (imported instrumented); a crash stops that target and leaves ``crash-*`` files.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: Seconds of work one hypothesis run should take before the clock is looked at again.
CHUNK_SECONDS = 60.0
FIRST_CHUNK_EXAMPLES = 20


def fuzz_target(name: str, seconds: float) -> dict[str, Any]:
    """Run target ``name`` for ``seconds``; returns its counts and distinct crashes."""
    sys.path.insert(0, str(REPO))
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import HypothesisException
    from tests.fuzzing import TARGETS

    from eventwire.config import Settings
    from eventwire.pipeline import Pipeline

    target = TARGETS[name]
    stages = Pipeline(Settings(stages=target.stages)).stages if target.stages else None
    tried = 0

    def check(value: Any) -> None:
        nonlocal tried
        tried += 1
        if stages is None:
            target.check(value)
        else:
            target.check(value, stages)

    crashes: dict[str, dict[str, Any]] = {}
    generator_errors: dict[str, int] = {}
    started = time.monotonic()
    deadline = started + seconds
    chunk, chunks = FIRST_CHUNK_EXAMPLES, 0
    while time.monotonic() < deadline:
        chunk_started, tried_before = time.monotonic(), tried
        test = settings(
            max_examples=chunk,
            deadline=None,
            database=None,
            derandomize=False,
            print_blob=True,
            phases=[Phase.generate, Phase.target, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )(given(target.strategy)(check))
        try:
            test()
        except HypothesisException as exc:  # the generator, not the target: note it, go on
            key = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300]
            generator_errors[key] = generator_errors.get(key, 0) + 1
        except Exception as exc:  # noqa: BLE001 - a crash of the target is what we look for
            key = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300]
            crash = crashes.setdefault(
                key, {"error": key, "count": 0, "traceback": traceback.format_exc()[-4000:]}
            )
            crash["count"] += 1
        chunks += 1
        per_example = (time.monotonic() - chunk_started) / max(1, tried - tried_before)
        left = deadline - time.monotonic()
        chunk = max(1, int(min(CHUNK_SECONDS, left) / max(per_example, 1e-4)))
    elapsed = time.monotonic() - started
    return {
        "target": name,
        "seconds": round(elapsed, 1),
        "inputs_tried": tried,
        "inputs_per_second": round(tried / elapsed, 2) if elapsed else 0.0,
        "chunks": chunks,
        "crashes": list(crashes.values()),
        "generator_errors": generator_errors,
    }


def atheris_target(name: str, seconds: float) -> dict[str, Any]:
    """Run target ``name`` under atheris (libFuzzer) for ``seconds``, in a child process (libFuzzer
    exits the process when done); its final statistics give the number of inputs."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, __file__, "--atheris-child", name, str(int(seconds))],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    elapsed = time.monotonic() - started
    output = done.stdout + done.stderr
    executed = re.search(r"stat::number_of_executed_units:\s*(\d+)", output)
    tried = int(executed.group(1)) if executed else 0
    crashes = []
    if done.returncode != 0:
        lines = [line for line in output.splitlines() if "Error" in line or "Exception" in line]
        crashes.append({"error": (lines[-1] if lines else f"exit {done.returncode}")[:300], "count": 1,
                        "traceback": output[-4000:]})  # fmt: skip
    return {
        "target": name,
        "engine": "atheris",
        "seconds": round(elapsed, 1),
        "inputs_tried": tried,
        "inputs_per_second": round(tried / elapsed, 2) if elapsed else 0.0,
        "crashes": crashes,
    }


def atheris_child(name: str, seconds: int) -> None:
    import atheris

    with atheris.instrument_imports(include=["eventwire"]):
        from hypothesis import HealthCheck, given, settings
        from tests.fuzzing import TARGETS

        from eventwire.config import Settings
        from eventwire.pipeline import Pipeline

    target = TARGETS[name]
    stages = Pipeline(Settings(stages=target.stages)).stages if target.stages else None

    @settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(target.strategy)
    def check(value: Any) -> None:
        target.check(value) if stages is None else target.check(value, stages)

    atheris.Setup(
        [sys.argv[0], f"-max_total_time={seconds}", "-print_final_stats=1", "-rss_limit_mb=4096"],
        check.hypothesis.fuzz_one_input,
    )
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(REPO))
    from tests.fuzzing import TARGETS

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=10.0, help="time per target (default 10)")
    parser.add_argument("--jobs", type=int, default=2, help="targets fuzzed at once (default 2)")
    parser.add_argument("--only", nargs="+", choices=sorted(TARGETS), help="fuzz only these targets")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    parser.add_argument("-o", "--output", type=Path, help="write the report as JSON here")
    parser.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    parser.add_argument("--atheris-child", nargs=2, metavar=("TARGET", "SECONDS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.atheris_child:
        atheris_child(args.atheris_child[0], int(args.atheris_child[1]))
        return 0
    if args.list:
        print("\n".join(sorted(TARGETS)))
        return 0
    names = args.only or sorted(TARGETS)
    results: list[dict[str, Any]] = []
    with ProcessPoolExecutor(max_workers=args.jobs, mp_context=get_context("spawn")) as pool:
        engine = atheris_target if args.engine == "atheris" else fuzz_target
        futures = {pool.submit(engine, name, args.minutes * 60): name for name in names}
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            print(
                f"{result['target']:<14} {result['inputs_tried']:>9} inputs in {result['seconds']:>7.1f} s"
                f"  ({result['inputs_per_second']:.1f}/s)  crashes: {len(result['crashes'])}",
                flush=True,
            )
            for crash in result["crashes"]:
                print(f"    {crash['count']}x {crash['error']}", flush=True)
    results.sort(key=lambda result: result["target"])
    if args.output:
        args.output.write_text(json.dumps({"minutes_per_target": args.minutes, "targets": results}, indent=2))
    return 1 if any(result["crashes"] for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
