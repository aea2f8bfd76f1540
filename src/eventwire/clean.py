"""Clean scraped wire copy into a body text with structure (title, dateline, subheadings).

Scraped stories carry navigation lines, duplicated photo captions, credits, share buttons and
related-links tails. Cleaning drops them by data-driven line rules (``data/cleanup.yaml``, which
users can extend), records each removal with its rule and reason, and keeps the structure a
reader sees: the headline becomes ``title``, lines before the dateline (standfirst, captions)
leave the body, the dateline is cut off and kept in ``dateline`` for the dateline stage, and
one-line subheadings stay in the text but are listed in ``subheadings`` so that later stages do
not mistake them for prose.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventwire.dateline import split_dateline
from eventwire.errors import DataFileError, InputError
from eventwire.model import Article, Removal
from eventwire.pipeline import PerArticleStage, register_stage

#: A line this long or longer is prose, never a headline, caption or subheading.
MAX_HEADING_CHARS = 200
MAX_SUBHEADING_CHARS = 120
SENTENCE_END = re.compile(r"""[.!?:;…"'”’»)\]]$""")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass(slots=True, frozen=True)
class LineRule:
    name: str
    reason: str
    pattern: re.Pattern[str]
    tail: bool = False


@dataclass(slots=True, frozen=True)
class CleanupRules:
    """Line rules plus the photo credits a scrape appends to captions ("… airbase  TASS")."""

    lines: tuple[LineRule, ...]
    credits: tuple[str, ...]


def load_rules(path: Path | None = None) -> CleanupRules:
    """Load line rules from a YAML file (the shipped one by default), naming file and rule on error."""
    if path is None:
        source = resources.files("eventwire.data").joinpath("cleanup.yaml")
        label, text = "eventwire/data/cleanup.yaml", source.read_text(encoding="utf-8")
    else:
        label, text = str(path), path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise DataFileError(f"{label}{where}: invalid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DataFileError(f"{label}: expected a mapping with a 'rules' list")
    rules = []
    for number, entry in enumerate(data["rules"], start=1):
        if not isinstance(entry, dict) or not {"name", "reason", "pattern"} <= entry.keys():
            raise DataFileError(f"{label}: rule {number} needs name, reason and pattern")
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        try:
            pattern = re.compile(rf"(?:{entry['pattern']})", flags)
        except re.error as exc:
            raise DataFileError(f"{label}: rule '{entry['name']}': bad pattern ({exc})") from None
        rules.append(LineRule(entry["name"], entry["reason"], pattern, bool(entry.get("tail"))))
    credits = data.get("photo_credits", [])
    if not isinstance(credits, list) or not all(isinstance(credit, str) for credit in credits):
        raise DataFileError(f"{label}: 'photo_credits' must be a list of strings")
    return CleanupRules(tuple(rules), tuple(credit.casefold() for credit in credits))


@lru_cache(maxsize=1)
def default_rules() -> CleanupRules:
    return load_rules()


def normalise_line(line: str) -> str:
    """NFC, one space for any run of blanks, no blanks at the ends."""
    return SPACES.sub(" ", unicodedata.normalize("NFC", line)).strip()


def clean_article(article: Article, rules: CleanupRules) -> None:
    """Fill ``text``, ``title``, ``dateline``, ``paragraphs``, ``subheadings`` and ``removals``."""
    removals: list[Removal] = []
    lines = _drop_debris(article.raw_text.split("\n"), rules.lines, removals)
    lines = _drop_captions(lines, rules.credits, removals)

    start = _dateline_line(lines)
    if start is not None:
        header = [line for line in lines[:start] if line]
        if header and not article.title:
            article.title = header.pop(0)
        elif header and header[0] == article.title:
            header.pop(0)
        removals.extend(
            Removal(line, "header", "text before the dateline (standfirst, caption)") for line in header
        )
        lines = lines[start:]
        dateline = split_dateline(lines[0])
        assert dateline is not None
        article.dateline = dateline.text.strip()
        lines[0] = lines[0][len(dateline.text) :]
    else:
        title = _leading_title(lines)
        if title is not None:
            if not article.title:
                article.title = lines[title]
            lines = lines[title + 1 :]

    paragraphs = _paragraphs(lines)
    text_parts: list[str] = []
    offset = 0
    article.paragraphs, article.subheadings = [], []
    for index, paragraph in enumerate(paragraphs):
        if text_parts:
            offset += 2
        span = (offset, offset + len(paragraph))
        article.paragraphs.append(span)
        if index > 0 and _is_subheading(paragraph):
            article.subheadings.append(span)
        text_parts.append(paragraph)
        offset = span[1]
    article.text = "\n\n".join(text_parts)
    article.removals = removals


def _drop_debris(raw_lines: list[str], rules: tuple[LineRule, ...], removals: list[Removal]) -> list[str]:
    kept: list[str] = []
    for position, raw_line in enumerate(raw_lines):
        line = normalise_line(raw_line)
        rule = next((rule for rule in rules if line and rule.pattern.fullmatch(line)), None)
        if rule is None:
            kept.append(line)
            continue
        removals.append(Removal(line, rule.name, rule.reason))
        if rule.tail:
            rest = [normalise_line(other) for other in raw_lines[position + 1 :] if other.strip()]
            removals.extend(Removal(other, rule.name, rule.reason) for other in rest)
            break
    return kept


def _drop_captions(lines: list[str], credits: tuple[str, ...], removals: list[Removal]) -> list[str]:
    """Drop photo captions: short non-sentences that a scrape repeats, often once with a credit."""

    def caption_key(line: str) -> str:
        key = line.casefold()
        for credit in credits:
            if key.endswith(" " + credit):
                return key[: -len(credit) - 1].rstrip(" -–—|/")
        return key

    counts: dict[str, int] = {}
    for line in lines:
        if line and len(line) <= MAX_HEADING_CHARS and not SENTENCE_END.search(line):
            counts[caption_key(line)] = counts.get(caption_key(line), 0) + 1
    kept = []
    for line in lines:
        if line and len(line) <= MAX_HEADING_CHARS and counts.get(caption_key(line), 0) > 1:
            removals.append(Removal(line, "caption", "photo caption repeated by the scrape"))
        else:
            kept.append(line)
    return kept


def _dateline_line(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line and split_dateline(line):
            return index
    return None


def _leading_title(lines: list[str]) -> int | None:
    """Index of a headline: the first line, alone in its block, short and not a sentence."""
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None:
        return None
    line = lines[first]
    followed_by_blank = first + 1 >= len(lines) or not lines[first + 1]
    if followed_by_blank and len(line) <= MAX_HEADING_CHARS and not SENTENCE_END.search(line):
        return first
    return None


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank lines separate paragraphs; a hard-wrapped line continuing mid-sentence is joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and (SENTENCE_END.search(current[-1]) or not line[0].islower()):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return [paragraph for paragraph in paragraphs if paragraph]


def _is_subheading(paragraph: str) -> bool:
    return (
        len(paragraph) <= MAX_SUBHEADING_CHARS
        and len(paragraph.split()) >= 3
        and not SENTENCE_END.search(paragraph)
        and paragraph[0] not in "\"'“‘«"
    )


@register_stage("clean")
class CleanStage(PerArticleStage):
    """Pipeline stage wrapping :func:`clean_article` with the shipped rules."""

    name = "clean"
    needs_parse = False

    def __init__(self, settings: object) -> None:
        self.rules = default_rules()

    def __call__(self, article: Article) -> None:
        clean_article(article, self.rules)
        if not article.text.strip():
            raise InputError("no article text left after cleaning")
