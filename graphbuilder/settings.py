"""One settings class for the whole library (environment prefix ``GRAPHBUILDER_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a user may set. Read through :func:`get_settings`.

    Attributes:
        base_iri: the namespace under which data IRIs are minted; must end with ``/`` or ``#``.
        store: the default on-disk store directory.
        host: the address ``serve`` binds to.
        port: the port ``serve`` listens on.
        api_keys_file: the JSON file of hashed API keys (``None``: no keys, so no writes).
        anonymous_read: whether requests without a key may read (role ``reader``).
        cors_origins: origins a browser may call the API from (JSON list in the environment).
        sparql_timeout: seconds a SPARQL query may run before the API answers 503.
        sparql_max_results: rows (or triples) a SPARQL answer may hold.
        import_max_bytes: the largest resource listing a bulk import accepts.
        align_taxonomy: the SKOS taxonomy file alignment uses (``None``: the shipped one).
        align_model: the sentence-transformers model (name or path) for Latin-script text.
        align_model_multilingual: whether ``align_model`` may also judge Chinese text.
        align_threshold: the lowest score an automatic alignment is kept at.
    """

    model_config = SettingsConfigDict(env_prefix="GRAPHBUILDER_", extra="forbid")

    base_iri: str = "https://w3id.org/graphbuilder/id/"
    store: Path = Path("build/store")
    host: str = "127.0.0.1"
    port: int = 8000
    api_keys_file: Path | None = None
    anonymous_read: bool = True
    cors_origins: list[str] = []
    sparql_timeout: float = Field(default=10.0, gt=0)
    sparql_max_results: int = Field(default=10_000, ge=1)
    import_max_bytes: int = Field(default=20_000_000, ge=1)
    max_input_bytes: int = Field(default=32 * 2**20, ge=1)
    max_unzipped_bytes: int = Field(default=256 * 2**20, ge=1)
    max_zip_ratio: float = Field(default=200.0, gt=1)
    html_max_depth: int = Field(default=200, ge=8)
    pdf_max_pages: int = Field(default=2000, ge=1)
    align_taxonomy: Path | None = None
    align_model: str = "sentence-transformers/all-MiniLM-L6-v2"
    align_model_multilingual: bool = False
    align_threshold: float = Field(default=0.8, ge=0.0, le=1.0)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call ``get_settings.cache_clear()`` to re-read."""
    return Settings()
