"""The public JSON shape of a resolved phrase (``eventwire resolve``, contract v1)."""

from __future__ import annotations

from typing import Any

from eventwire.model import Actor


def resolved_phrase_record(text: str, actor: Actor | None) -> dict[str, Any]:
    """``{"text", "code", "name", "country", "sector"}``; every field but text null for a non-actor."""
    return {
        "text": text,
        "code": actor.code if actor else None,
        "name": actor.name if actor else None,
        "country": actor.country if actor else None,
        "sector": actor.sector if actor else None,
    }
