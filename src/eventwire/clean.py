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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire import datafile
from eventwire.config import Settings
from eventwire.dateline import split_dateline
from eventwire.errors import DataFileError, InputError
from eventwire.model import Article, Removal
from eventwire.pipeline import PerArticleStage, register_stage

#: A line this long or longer is prose, never a headline, caption or subheading.
MAX_HEADING_CHARS = 200
MAX_SUBHEADING_CHARS = 120
SENTENCE_END = re.compile(r"""[.!?:;…"'”’»)\]}]$""")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
#: The dateline is looked for among the first lines only (headline, standfirst, captions)...
MAX_HEADER_LINES = 6
#: ...and never past a line this long: that is a body paragraph, the story has started.
MAX_HEADER_LINE_CHARS = 400
#: A credit glued to the end of a caption after a wide gap: "… airbase  TASS", "…  © Reuters".
CREDIT_GAP = re.compile(r"(?:[ \t\u00a0]{2,}|\t)(?:©\s*)?(?P<credit>[^\s/][^/]{0,40}?)\s*$")


@dataclass(slots=True, frozen=True)
class LineRule:
    """One rule of ``cleanup.yaml``: lines it fully matches are dropped, recorded as ``name``."""

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
    """Load line rules from a YAML file (the shipped one by default); errors name file and line."""
    label, text = datafile.read("cleanup.yaml", path, "cleanup rules")
    data = datafile.load(label, text)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DataFileError(f"{label}: expected a mapping with a 'rules' list")
    rules = [_line_rule(label, number, entry) for number, entry in enumerate(data["rules"], start=1)]
    credits = data.get("photo_credits", [])
    if not isinstance(credits, list) or not all(isinstance(credit, str) for credit in credits):
        raise datafile.fail(label, data, "'photo_credits' must be a list of strings")
    return CleanupRules(tuple(rules), tuple(credit.casefold() for credit in credits))


def _line_rule(label: str, number: int, entry: object) -> LineRule:
    if not isinstance(entry, dict):
        raise DataFileError(f"{label}: rule {number} must be a mapping with name, reason and pattern")
    where = datafile.locate(label, entry)
    missing = {"name", "reason", "pattern"} - entry.keys()
    if missing:
        raise DataFileError(f"{where}: rule {number} lacks {', '.join(sorted(missing))}")
    unknown = entry.keys() - {"name", "reason", "pattern", "case_sensitive", "tail"}
    if unknown:
        raise DataFileError(
            f"{where}: rule '{entry['name']}' has unknown keys {', '.join(sorted(map(str, unknown)))}"
        )
    if not all(isinstance(entry[key], str) for key in ("name", "reason", "pattern")):
        raise DataFileError(f"{where}: rule {number}: name, reason and pattern must be strings")
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    try:
        pattern = re.compile(rf"(?:{entry['pattern']})", flags)
    except re.error as exc:
        raise DataFileError(f"{where}: rule '{entry['name']}': bad pattern ({exc})") from None
    if pattern.fullmatch(""):
        raise DataFileError(f"{where}: rule '{entry['name']}' matches an empty line; it would match anything")
    return LineRule(entry["name"], entry["reason"], pattern, bool(entry.get("tail")))


def merge_rules(base: CleanupRules, *extra: CleanupRules) -> CleanupRules:
    """Rules of ``base`` plus those of ``extra``; a rule named like an earlier one replaces it."""
    by_name = {rule.name: rule for rule in base.lines}
    credits = list(base.credits)
    for rules in extra:
        by_name.update({rule.name: rule for rule in rules.lines})
        credits.extend(credit for credit in rules.credits if credit not in credits)
    return CleanupRules(tuple(by_name.values()), tuple(credits))


@lru_cache(maxsize=1)
def default_rules() -> CleanupRules:
    return load_rules()


def normalise_line(line: str) -> str:
    """NFC, one space for any run of blanks, no blanks at the ends."""
    return SPACES.sub(" ", unicodedata.normalize("NFC", line)).strip()


def clean_article(article: Article, rules: CleanupRules) -> None:
    """Fill ``text``, ``title``, ``dateline``, ``paragraphs``, ``subheadings`` and ``removals``."""
    removals: list[Removal] = []
    captions: set[str] = set()
    lines = _drop_debris(article.raw_text.split("\n"), rules, removals, captions)
    lines = _drop_captions(lines, rules.credits, removals, captions)
    article.dateline = None

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
        if title is not None and (not article.title or lines[title] == article.title):
            # A headline the metadata already gave is a repeat; a different short first line
            # (a kicker, a standfirst without a full stop) might be prose and stays.
            article.title = article.title or lines[title]
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


def _drop_debris(
    raw_lines: list[str], rules: CleanupRules, removals: list[Removal], captions: set[str]
) -> list[str]:
    """Drop lines that match a rule; after a ``tail`` rule, drop the link titles that follow.

    Captions recognised by their glued-on credit go too, and land in ``captions`` so that the
    same caption printed again without its credit is recognised later.
    """
    kept: list[str] = []
    tail_rule: LineRule | None = None
    for raw_line in raw_lines:
        line = normalise_line(raw_line)
        if tail_rule is not None:
            if not line or _looks_like_link_title(line):
                if line:
                    removals.append(Removal(line, tail_rule.name, tail_rule.reason))
                continue
            tail_rule = None  # prose again: the related-links block is over
        rule = next((rule for rule in rules.lines if line and rule.pattern.fullmatch(line)), None)
        caption = _credited_caption(raw_line, rules.credits) if rule is None and line else None
        if caption:
            removals.append(Removal(line, "caption", "photo caption with its credit"))
            captions.add(caption.casefold())
            continue
        if rule is None:
            kept.append(line)
            continue
        removals.append(Removal(line, rule.name, rule.reason))
        tail_rule = rule if rule.tail else None
    return kept


def _looks_like_link_title(line: str) -> bool:
    return len(line) <= MAX_HEADING_CHARS and not SENTENCE_END.search(line)


def _credited_caption(raw_line: str, credits: tuple[str, ...]) -> str | None:
    """The caption of a line with a credit a scrape glued on after a wide gap ("… airbase  TASS").

    Only a wide gap (two or more blanks, a tab) marks the credit: prose never has one before its
    last word, so "… talks with TASS" stays.
    """
    match = CREDIT_GAP.search(raw_line)
    if not match or match.group("credit").strip().casefold() not in credits:
        return None
    caption = normalise_line(raw_line[: match.start()])
    if 0 < len(caption) <= MAX_HEADING_CHARS and not SENTENCE_END.search(caption):
        return caption
    return None


def _drop_captions(
    lines: list[str], credits: tuple[str, ...], removals: list[Removal], known: set[str]
) -> list[str]:
    """Drop photo captions: short non-sentences that a scrape repeats, often once with a credit."""
    keys = [_caption_key(line, credits) for line in lines]
    counts = Counter(key for key in keys if key)
    kept = []
    for line, key in zip(lines, keys, strict=True):
        if key and (counts[key] > 1 or key in known):
            removals.append(Removal(line, "caption", "photo caption repeated by the scrape"))
        else:
            kept.append(line)
    return kept


def _caption_key(line: str, credits: tuple[str, ...]) -> str | None:
    """What a caption line says without its credit ("… airbase TASS", "… (AFP)"), if it may be one."""
    key = line.casefold()
    for credit in credits:
        for suffix in (f" {credit}", f" ({credit})", f" /{credit}/", f" © {credit}"):
            if key.endswith(suffix):
                key = key[: -len(suffix)].rstrip(" -–—|/")
                break
        else:
            continue
        break
    if not key or len(key) > MAX_HEADING_CHARS or len(key.split()) < 2 or SENTENCE_END.search(key):
        return None
    return key


def _dateline_line(lines: list[str]) -> int | None:
    """The line opening with a dateline, searched only in the header (headline, standfirst,
    captions): a paragraph deep in the story that starts "KABUL —" is prose, and taking it for
    the dateline would throw away everything above it."""
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        if split_dateline(line):
            return index
        seen += 1
        if seen >= MAX_HEADER_LINES or len(line) > MAX_HEADER_LINE_CHARS:
            return None
    return None


def _leading_title(lines: list[str]) -> int | None:
    """Index of a headline: the first line, alone in its block, short and not a sentence."""
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None:
        return None
    line = lines[first]
    followed_by_blank = first + 1 >= len(lines) or not lines[first + 1]
    more_follows = any(lines[first + 1 :])  # the only line of a text is the story, not its headline
    short = len(line) <= MAX_HEADING_CHARS and not SENTENCE_END.search(line)
    if followed_by_blank and more_follows and short:
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
    """Pipeline stage wrapping :func:`clean_article` with the shipped rules plus the user's."""

    name = "clean"
    needs_parse = False

    def __init__(self, settings: Settings) -> None:
        user_rules = (load_rules(Path(path)) for path in settings.cleanup_rules)
        self.rules = merge_rules(default_rules(), *user_rules)

    def __call__(self, article: Article) -> None:
        clean_article(article, self.rules)
        if not article.text.strip():
            raise InputError("no article text left after cleaning")
