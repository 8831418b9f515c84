"""Shared helpers of the actors tests: the mentions of a short text written for a test."""

from __future__ import annotations

import analysis


def mention_rows(text: str) -> list[list[str]]:
    """``[text, actor_id, actor_type, how]`` for each mention of *text* under a made-up headline."""
    m = analysis.annotate("Headline\n\n" + text).mentions
    return m[["text", "actor_id", "actor_type", "how"]].values.tolist()


def mentions_by_text(text: str) -> dict:
    """``{mention text: (actor_id, actor_type, how)}`` for the mentions of *text*."""
    return {t: (a, ty, h) for t, a, ty, h in mention_rows(text)}
