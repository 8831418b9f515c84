"""Shared fixtures: the seed article, annotated once per test session."""

from __future__ import annotations

import pytest

import analysis


@pytest.fixture(scope="session")
def seed_article():
    return analysis.load_article(analysis.SEED)


@pytest.fixture(scope="session")
def seed_doc(seed_article):
    return analysis.annotate(seed_article)
