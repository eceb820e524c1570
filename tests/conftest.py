"""Shared fixtures: settings isolated from the environment, the fixture corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuilder.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BASE = "https://w3id.org/graphbuilder/id/"


@pytest.fixture(autouse=True)
def _settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test sees default settings, whatever the developer's environment holds."""
    for key in ("GRAPHBUILDER_BASE_IRI", "GRAPHBUILDER_STORE"):
        monkeypatch.delenv(key, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def settings() -> Settings:
    """The default settings."""
    return Settings()


@pytest.fixture(scope="session")
def fixture_corpus() -> Path:
    """A small real corpus: a few majors with their occupations, catalogue rows and O*NET rows."""
    return FIXTURES / "corpus"
