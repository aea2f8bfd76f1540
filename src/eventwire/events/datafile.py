"""Reading the events stage's YAML data files so that every error can name file and line.

``yaml.safe_load`` forgets where a value came from; the codebook and the pattern files are
edited by hand (users add their own pattern files), so a mistake must be reported as
``event_patterns.yaml:214: ...``, not as a stack trace. Mappings are loaded as
:class:`LineDict`, a dict that remembers the line it started on.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DataFileError


class LineDict(dict[str, Any]):
    """A YAML mapping plus the 1-based line it starts on."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose mappings are :class:`LineDict` values carrying their line number."""


def _construct_line_dict(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_line_dict)


def shipped(name: str) -> tuple[str, str]:
    """(label, text) of a data file shipped in ``eventwire/data``."""
    source = resources.files("eventwire.data").joinpath(name)
    return f"eventwire/data/{name}", source.read_text(encoding="utf-8")


def user_file(path: Path) -> tuple[str, str]:
    """(label, text) of a user-supplied data file; unreadable files are a :class:`DataFileError`."""
    try:
        return str(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from None


def load_mapping(label: str, text: str) -> LineDict:
    """Parse ``text`` (named ``label`` in errors) into a top-level mapping with line numbers."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    # RecursionError: nesting past the parser's limit; ValueError: a bad !!int or !!timestamp.
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise DataFileError(f"{label}{where}: invalid YAML ({exc})") from None
    if not isinstance(data, LineDict):
        raise DataFileError(f"{label}:1: expected a mapping at the top level")
    return data


def fail(label: str, entry: LineDict | None, message: str) -> DataFileError:
    """A :class:`DataFileError` for ``entry`` of file ``label`` (raise the result)."""
    line = f":{entry.line}" if entry is not None and entry.line else ""
    return DataFileError(f"{label}{line}: {message}")
