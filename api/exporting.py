"""Exports for the HTTP API: which build is served, ETags, and a cache of export files.

An export is written once per (build, curated state, format, selection) by the exporter
that ``graphbuilder.export.EXPORTERS`` registers for the format, into a private temporary
folder, and then streamed from there. The ETag is derived from the build id, the format and a digest
of the curated graph: curated edits (resources, links, reviews) are part of every export, so
an edit changes the ETag although the build did not change.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any, Protocol

from pyoxigraph import Literal, RdfFormat

from graphbuilder.model.iris import digest
from graphbuilder.store.mapping import term
from graphbuilder.store.oxigraph import OxigraphStore

# Media types by file suffix: a format registered later is served by its suffix, and as
# bytes (application/octet-stream) when the suffix is new here; never refused.
MEDIA_TYPES: dict[str, str] = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".json": "application/json",
    ".rdf": "application/rdf+xml",
    ".graphml": "application/graphml+xml",
    ".csv": "text/csv",
    ".zip": "application/zip",
}
ZIP = ".zip"


class Exporter(Protocol):
    """What the export registry holds: a writer with the suffix of what it writes."""

    suffix: str
    description: str

    def __call__(self, store: OxigraphStore, out: Path, selection: Any = None) -> object:
        """Write the export of ``store`` to ``out``."""
        ...


def served_suffix(exporter: Exporter) -> str:
    """The suffix of the file served: the format's own, or ``.zip`` for a folder format."""
    return exporter.suffix or ZIP


def media_type(exporter: Exporter) -> str:
    """The media type an export is served as."""
    return MEDIA_TYPES.get(served_suffix(exporter), "application/octet-stream")


def latest_build(store: OxigraphStore) -> str | None:
    """The id of the store's most recent build (by its recorded time), if any."""
    when = [
        (q.object.value, q.subject)
        for q in store.raw.quads_for_pattern(None, term("builtAt"), None, store.builds)
        if isinstance(q.object, Literal)
    ]
    for _, b in sorted(when, key=lambda w: w[0], reverse=True):
        for q in store.raw.quads_for_pattern(b, term("buildId"), None, store.builds):
            if isinstance(q.object, Literal):
                return q.object.value
    return None


def curated_digest(store: OxigraphStore) -> str:
    """A digest of the curated graph's triples (order-free)."""
    data = store.raw.dump(format=RdfFormat.N_TRIPLES, from_graph=store.curated) or b""
    lines = sorted(line for line in data.split(b"\n") if line)
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:16]


class ExportCache:
    """Export files by ETag in a private temporary folder, written once each.

    Args:
        root: the folder (default: a new temporary one); :meth:`close` removes it.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or Path(tempfile.mkdtemp(prefix="graphbuilder-exports-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._curated: str | None = None

    def etag(self, store: OxigraphStore, fmt: str, selection: str = "") -> str:
        """The ETag of ``fmt`` (of the part ``selection`` names) for the store as it is now."""
        if self._curated is None:
            self._curated = curated_digest(store)
        return digest(latest_build(store) or "none", fmt, selection, self._curated, size=24)

    def invalidate(self) -> None:
        """Forget the curated digest (call after every curated write)."""
        self._curated = None

    def file(
        self,
        store: OxigraphStore,
        name: str,
        tag: str,
        exporter: Exporter,
        selection: object = None,
    ) -> Path:
        """The export file for ``tag``, written by ``exporter`` when not there yet.

        A format that writes a folder (CASE packages, Neo4j import CSVs) is served as a zip.
        """
        with self._guard:
            lock = self._locks.setdefault(tag, threading.Lock())
        with lock:
            stem = re.sub(r"[^A-Za-z0-9_-]", "_", name)
            final = self.root / f"{stem}.{tag}{served_suffix(exporter)}"
            if final.exists():
                return final
            work = Path(tempfile.mkdtemp(dir=self.root))
            try:
                out = work / f"export{exporter.suffix}"
                exporter(store, out, selection)
                if out.is_dir():
                    archive = work / "export.zip"
                    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
                        for f in sorted(out.rglob("*")):
                            if f.is_file():
                                zf.write(f, f.relative_to(out).as_posix())
                    out = archive
                out.replace(final)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            # Only the newest export of a format is kept: older builds' files go.
            for old in self.root.glob(f"{stem}.*"):
                if old != final and old.is_file():
                    old.unlink(missing_ok=True)
            return final

    def close(self) -> None:
        """Remove the folder and everything in it."""
        shutil.rmtree(self.root, ignore_errors=True)
