from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from api.exporting import ExportCache, curated_digest, latest_build, media_type
from graphbuilder.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"


def test_latest_build_by_time(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    assert latest_build(store) is None
    store.record_build("b-old", "2024-01-01T00:00:00+00:00", "")
    store.record_build("b-new", "2025-06-01T00:00:00+00:00", "2025")
    store.record_build("b-mid", "2025-01-01T00:00:00+00:00", "")
    assert latest_build(store) == "b-new"


def test_the_etag_follows_build_format_and_curated_data(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    store.record_build("b1", "2025-01-01T00:00:00+00:00", "")
    cache = ExportCache(tmp_path / "cache")
    t1 = cache.etag(store, "turtle")
    assert t1 == cache.etag(store, "turtle") != cache.etag(store, "jsonld")
    before = curated_digest(store)
    store.raw.add(
        Quad(NamedNode("http://x/a"), NamedNode("http://x/p"), Literal("v"), store.curated)
    )
    assert curated_digest(store) != before
    assert cache.etag(store, "turtle") == t1  # until told
    cache.invalidate()
    assert cache.etag(store, "turtle") != t1
    store.record_build("b2", "2025-02-01T00:00:00+00:00", "")
    assert cache.etag(store, "turtle") not in (t1, cache.etag(store, "jsonld"))


class _Writer:
    """A stand-in exporter that counts its calls."""

    description = "test"

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self.calls: list[Path] = []

    def __call__(self, store: OxigraphStore, out: Path, selection: object = None) -> None:
        self.calls.append(out)
        out.write_text(f"export {len(self.calls)}", encoding="utf-8")


def test_files_are_written_once_and_old_ones_go(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    cache = ExportCache(tmp_path / "cache")
    writer = _Writer(".ttl")
    first = cache.file(store, "turtle", "tag1", writer)
    assert cache.file(store, "turtle", "tag1", writer) == first and len(writer.calls) == 1
    assert first.suffix == ".ttl" and first.read_text() == "export 1"
    second = cache.file(store, "turtle", "tag2", writer)
    assert not first.exists() and second.read_text() == "export 2"
    other = cache.file(store, "turtle-star", "tag3", writer)  # a name with turtle as prefix
    assert second.exists() and other.exists()
    cache.close()
    assert not (tmp_path / "cache").exists()


def test_media_types_follow_the_suffix() -> None:
    assert media_type(_Writer(".ttl")) == "text/turtle"
    assert media_type(_Writer("")) == "application/zip"  # a folder is served zipped
    assert media_type(_Writer(".new")) == "application/octet-stream"


def test_every_registered_format_has_a_media_type() -> None:
    from graphbuilder.export import EXPORTERS

    unknown = [n for n, f in EXPORTERS.items() if media_type(f) == "application/octet-stream"]  # type: ignore[arg-type]
    assert unknown == []
