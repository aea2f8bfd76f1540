"""Reading YAML data files so that every error can name file and line.

Dictionaries, codebooks and rule files are edited by hand (users add their own), so a mistake
must be reported as ``event_patterns.yaml:214: ...``, never as a stack trace or a hang. Every
loader reads its file through here: an unreadable file, bad UTF-8, a YAML syntax error, nesting
past the parser's limit or a bad ``!!int`` all become a :class:`~eventwire.errors.DataFileError`
naming the file (and the line where YAML knows it).

Two ways to read, for two kinds of validation:

- :func:`load` builds Python values, mappings as :class:`LineDict` and lists as
  :class:`LineList`, which remember the line they start on (``yaml.safe_load`` forgets it).
- :func:`compose` keeps the YAML nodes, for validators that must point at a key, a scalar or
  a duplicate key, which values alone cannot.

Either way :func:`fail` builds the ``file:line: message`` error the caller raises.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from eventwire.errors import DataFileError

#: The C composer when libyaml is there (15x faster on the actor dictionaries); its nodes carry
#: the same line marks. Composing runs no constructor, so the unsafe part of a loader is unused.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Deepest nesting :func:`compose` accepts. The C composer recurses in C, with no Python
#: recursion limit to stop it: a hostile file nested 100,000 deep crashes the process.
MAX_DEPTH = 200


class LineDict(dict[Any, Any]):
    """A YAML mapping plus the 1-based line it starts on."""

    line: int = 0


class LineList(list[Any]):
    """A YAML sequence plus the 1-based line it starts on."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose mappings and sequences remember the line they start on."""


def _construct_line_dict(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_line_list(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_sequence(node, deep=True))
    sequence.line = node.start_mark.line + 1
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_line_dict)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_line_list)


def shipped(name: str) -> tuple[str, str]:
    """(label, text) of a data file shipped in ``eventwire/data`` (``name`` may hold a folder)."""
    source = resources.files("eventwire.data").joinpath(name)
    return f"eventwire/data/{name}", source.read_text(encoding="utf-8")


def user_file(path: Path, what: str = "") -> tuple[str, str]:
    """(label, text) of a user-supplied data file; an unreadable one is a :class:`DataFileError`.

    ``what`` ("cleanup rules") says in the error what the file was read as.
    """
    try:
        return str(path), Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read{f' {what}' if what else ''} ({exc})") from None


def read(name: str, path: Path | None = None, what: str = "") -> tuple[str, str]:
    """(label, text) of the user's file at ``path``, or of the shipped ``name`` when there is none."""
    return shipped(name) if path is None else user_file(path, what)


def load(label: str, text: str) -> Any:
    """Parse ``text`` (named ``label`` in errors) into values whose containers carry their line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: no arbitrary objects
    # RecursionError: nesting past the parser's limit; ValueError: a bad !!int or !!timestamp.
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise _invalid(label, exc) from None


def load_mapping(label: str, text: str) -> LineDict:
    """:func:`load` for files whose top level must be a mapping (of sections, of codes...)."""
    data = load(label, text)
    if not isinstance(data, LineDict):
        raise DataFileError(f"{label}:1: expected a mapping at the top level")
    return data


def compose(label: str, text: str) -> Node | None:
    """The YAML node tree of ``text`` (``None`` for an empty document), every node with its mark."""
    try:
        _check_depth(label, text)
        return yaml.compose(text, Loader=_COMPOSER)  # type: ignore[no-any-return]
    except (yaml.YAMLError, RecursionError) as exc:
        raise _invalid(label, exc) from None


def _check_depth(label: str, text: str) -> None:
    """Refuse nesting past :data:`MAX_DEPTH`, found with the parser's events (it does not recurse)."""
    depth = 0
    for event in yaml.parse(text, Loader=_COMPOSER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataFileError(
                    f"{locate(label, event.start_mark.line + 1)}: nested deeper than {MAX_DEPTH} levels"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _invalid(label: str, exc: Exception) -> DataFileError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f":{mark.line + 1}" if mark else ""
    return DataFileError(f"{label}{where}: invalid YAML ({exc})")


def line_of(value: object) -> int | None:
    """The 1-based line where a node, :class:`LineDict` or :class:`LineList` starts, if known."""
    if isinstance(value, Node):
        return int(value.start_mark.line) + 1
    line = getattr(value, "line", None)
    return line if isinstance(line, int) and line > 0 else None


def locate(label: str, where: object) -> str:
    """``label:line`` for ``where`` (a node, a loaded container or a line number), or ``label``
    alone when the line is unknown (a scalar value carries none)."""
    line = where if isinstance(where, int) and not isinstance(where, bool) else line_of(where)
    return f"{label}:{line}" if line else label


def fail(label: str, where: object, message: str) -> DataFileError:
    """A :class:`DataFileError` ``label:line: message`` naming where ``where`` starts (see
    :func:`locate`). Raise the result."""
    return DataFileError(f"{locate(label, where)}: {message}")
