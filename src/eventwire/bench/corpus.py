"""Synthetic wire stories for benchmarks, so scale runs need no external data.

Stories are assembled from the templates and pools of ``data/bench_stories.yaml``: a headline,
an agency dateline, and six to eleven paragraphs of actions between two countries' actors,
quotes with speakers, casualty counts and relative dates, in the proportions of real wire copy.
Sentences of a sample corpus (``examples/corpus``) can be mixed in for texture.

Story ``i`` depends only on the seed and ``i`` (each has its own random generator), so a corpus of
1,000 is exactly the first 1,000 stories of a corpus of 10,000: memory and speed measured at two
sizes compare like with like, and a run is reproducible anywhere.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from eventwire import datafile
from eventwire.errors import DataFileError

TEMPLATES_FILE = "bench_stories.yaml"
#: Slots each template section may use (the generator fills exactly these).
ACTION_SLOTS = frozenset({"target", "place", "capital", "count"})
STORY_SLOTS = frozenset(
    {
        "source", "Source", "target", "Target", "source_country", "target_country", "source_adj",
        "target_adj", "place", "capital", "speaker", "day", "count", "Count", "action", "reply", "quote",
    }
)  # fmt: skip
DATELINE_SLOTS = frozenset({"CITY", "month_abbr", "month_name", "day_of_month"})
SECTION_SLOTS = {
    "actions": ACTION_SLOTS,
    "headlines": STORY_SLOTS,
    "sentences": STORY_SLOTS,
    "actors": frozenset({"name", "adj"}),
    "roles": frozenset({"adj"}),
    "dateline": DATELINE_SLOTS,
}
FIRST_DAY = date(2014, 1, 1)
DAYS_SPANNED = 3650
#: Share of paragraphs that gain a sentence of the sample corpus, when one is given.
SAMPLE_SHARE = 0.2
SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


@dataclass(frozen=True, slots=True)
class Story:
    """One generated article: a file name carrying agency and date, and its text."""

    name: str
    text: str


def load_templates(
    text: str | None = None, label: str = f"eventwire/data/{TEMPLATES_FILE}"
) -> dict[str, Any]:
    """Parse and check the templates; an unknown slot or a wrong shape names the file and line."""
    if text is None:
        label, text = datafile.shipped(TEMPLATES_FILE)
    root = datafile.compose(label, text)
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError(f"{label}:1: expected a mapping of template sections")
    _check_slots(root, None, label)
    data = datafile.load(label, text)
    for section in ("agencies", "countries", "actors", "people", "days", "counts", "actions", "quotes",
                    "headlines", "sentences"):  # fmt: skip
        if not data.get(section):
            raise DataFileError(f"{label}:1: section '{section}' is missing or empty")
    return data


def _check_slots(node: yaml.Node, section: str | None, label: str) -> None:
    """Walk the document; every string under a template section may use only that section's slots."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _check_slots(value, key.value if key.value in SECTION_SLOTS else section, label)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_slots(item, section, label)
    elif isinstance(node, yaml.ScalarNode) and section is not None:
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(node.value) if name is not None}
        except ValueError as exc:
            raise datafile.fail(label, node, f"bad template ({exc})") from None
        unknown = fields - SECTION_SLOTS[section]
        if unknown:
            raise datafile.fail(
                label,
                node,
                f"unknown slot(s) {', '.join(sorted(unknown))} in {section}; "
                f"allowed: {', '.join(sorted(SECTION_SLOTS[section]))}",
            )


def sample_sentences(folder: Path) -> list[str]:
    """Body sentences of the text files under ``folder`` (headline and dateline paragraph dropped)."""
    sentences: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        paragraphs = [
            block.strip() for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()
        ]
        for paragraph in paragraphs[2:]:
            sentences.extend(s for s in SENTENCE_END.split(" ".join(paragraph.split())) if len(s.split()) > 5)
    return sentences


class StoryGenerator:
    """Deterministic stream of varied wire stories (see the module docstring)."""

    def __init__(
        self, seed: int = 0, templates: dict[str, Any] | None = None, samples: Sequence[str] = ()
    ) -> None:
        self.seed = seed
        self.templates = templates or load_templates()
        self.samples = list(samples)

    def stories(self, count: int, start: int = 0) -> Iterator[Story]:
        """Stories ``start`` … ``start + count - 1``."""
        for index in range(start, start + count):
            yield self.story(index)

    def story(self, index: int) -> Story:
        rng = random.Random(f"{self.seed}:{index}")
        t = self.templates
        agency = rng.choice(t["agencies"])
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS_SPANNED))
        source, target = rng.sample(t["countries"], 2)
        slots = self._slots(rng, source, target)
        city = rng.choice([source["capital"], *target["cities"]])
        dateline = agency["dateline"].format(
            CITY=city.upper(),
            month_abbr=day.strftime("%b"),
            month_name=day.strftime("%B"),
            day_of_month=day.day,
        )
        headline = self._sentence(rng, slots, rng.choice(t["headlines"]))
        lead = dateline + self._sentence(rng, slots, rng.choice(t["sentences"][:2]))
        paragraphs = [headline[0].upper() + headline[1:], lead]
        for _ in range(rng.randint(6, 11)):
            sentences = [self._sentence(rng, slots) for _ in range(rng.randint(1, 2))]
            if self.samples and rng.random() < SAMPLE_SHARE:
                sentences.append(rng.choice(self.samples))
            paragraphs.append(" ".join(sentences))
        name = f"{agency['name'].lower()}-{day.isoformat()}-{index:06d}.txt"
        return Story(name, "\n\n".join(paragraphs) + "\n")

    def _slots(self, rng: random.Random, source: dict[str, Any], target: dict[str, Any]) -> dict[str, str]:
        t = self.templates
        return {
            "source_country": source["name"],
            "target_country": target["name"],
            "source_adj": source["adj"],
            "target_adj": target["adj"],
            "capital": source["capital"],
            "source": rng.choice(t["actors"]).format(**source),
            "target": rng.choice(t["actors"]).format(**target),
            "_target_place": rng.choice(target["cities"]),
            "_source_place": rng.choice(source["cities"]),
            "_target_capital": target["capital"],
        }

    def _sentence(self, rng: random.Random, slots: dict[str, str], template: str | None = None) -> str:
        """One sentence; speaker, day, count, quote and actions are drawn afresh each time."""
        t = self.templates
        speaker_country = rng.choice((slots["source_adj"], slots["target_adj"]))
        role = rng.choice(t["people"]["roles"]).format(adj=speaker_country)
        count = str(rng.choice(t["counts"]))
        fill = dict(slots)
        fill.update(
            speaker=f"{role} {rng.choice(t['people']['first'])} {rng.choice(t['people']['last'])}",
            day=rng.choice(t["days"]),
            count=count,
            Count=count[0].upper() + count[1:],
            quote=rng.choice(t["quotes"]),
            place=slots["_target_place"],
            Source=_capitalised(slots["source"]),
            Target=_capitalised(slots["target"]),
        )
        fill["action"] = rng.choice(t["actions"]).format(
            target=slots["target"], place=slots["_target_place"], capital=slots["capital"], count=count
        )
        fill["reply"] = rng.choice(t["actions"]).format(
            target=slots["source"],
            place=slots["_source_place"],
            capital=slots["_target_capital"],
            count=count,
        )
        return (template or rng.choice(t["sentences"])).format_map(fill)


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def write_corpus(folder: Path, count: int, seed: int = 0, samples: Iterable[str] = ()) -> int:
    """Write ``count`` stories as text files into ``folder``; returns the number of words written."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for story in StoryGenerator(seed, samples=list(samples)).stories(count):
        (folder / story.name).write_text(story.text, encoding="utf-8")
        words += len(story.text.split())
    return words
