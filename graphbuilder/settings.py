"""One settings class for the whole library (environment prefix ``GRAPHBUILDER_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a user may set. Read through :func:`get_settings`.

    Attributes:
        base_iri: the namespace under which data IRIs are minted; must end with ``/`` or ``#``.
        store: the default on-disk store directory.
        host: the address ``serve`` binds to.
        port: the port ``serve`` listens on.
    """

    model_config = SettingsConfigDict(env_prefix="GRAPHBUILDER_", extra="forbid")

    base_iri: str = "https://w3id.org/graphbuilder/id/"
    store: Path = Path("build/store")
    host: str = "127.0.0.1"
    port: int = 8000


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call ``get_settings.cache_clear()`` to re-read."""
    return Settings()
