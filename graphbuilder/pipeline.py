"""The build: read every source, extract its facts, and write each document's graph.

Incremental and per document: a document whose fingerprint (content hash, extractor
version, base IRI and, for documents that use it, the catalogue context) is unchanged is
skipped; a changed one replaces only its own graph, atomically. A file that cannot be read
is reported with its reason and keeps whatever graph an earlier build gave it; the rest
builds.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pyoxigraph import Quad

from graphbuilder.errors import GraphBuilderError, InputError
from graphbuilder.extract import (
    CONTEXT_DEPENDENT,
    EXTRACTOR_VERSION,
    EXTRACTORS,
    LEXICON_DEPENDENT,
    RECOGNISER_DEPENDENT,
    Context,
)
from graphbuilder.extract.recognised import Recogniser
from graphbuilder.ingest import discover, read_document
from graphbuilder.model import Document, Facts
from graphbuilder.model.iris import digest, doc_id_for
from graphbuilder.settings import Settings, get_settings
from graphbuilder.stages import DERIVED_STAGES
from graphbuilder.store.mapping import facts_quads
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore

Status = Literal["built", "unchanged", "failed", "removed"]


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    """What the build did with one document."""

    path: str
    status: Status
    kind: str = ""
    reason: str = ""
    nodes: int = 0
    edges: int = 0
    quads: int = 0
    warnings: tuple[str, ...] = ()


@dataclass
class BuildSummary:
    """The outcome of a build, one line per document.

    Attributes:
        build_id: a hash of the documents' fingerprints.
        store: the store directory.
        outcomes: one per document, in the order they were reported.
        timings: wall seconds per phase (read, extract, encode, write, derived, other).
        cpu_timings: the building thread's CPU seconds per phase.
    """

    build_id: str
    store: Path
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cpu_timings: dict[str, float] = field(default_factory=dict)

    def count(self, status: Status) -> int:
        """How many documents ended with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[DocumentOutcome]:
        """The documents that could not be read or extracted."""
        return [o for o in self.outcomes if o.status == "failed"]


def fingerprint(doc: Document, ctx: Context) -> str:
    """What decides whether a document must be extracted again."""
    dependent = ctx.fingerprint if doc.kind in CONTEXT_DEPENDENT else ""
    lexicons = [ctx.lexicons.fingerprint] if doc.kind in LEXICON_DEPENDENT else []
    if ctx.recogniser is not None and doc.kind in RECOGNISER_DEPENDENT:
        lexicons.append(f"recogniser:{ctx.recogniser.fingerprint}")
    return digest(
        doc.sha256, doc.kind, EXTRACTOR_VERSION, ctx.base_iri, dependent, *lexicons, size=32
    )


def build(
    sources: Sequence[Path],
    store_dir: Path,
    *,
    settings: Settings | None = None,
    tag: str = "",
    prune: bool = True,
    recogniser: Recogniser | None = None,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[DocumentOutcome], None] | None = None,
) -> BuildSummary:
    """Build (or update) the graph in ``store_dir`` from ``sources``.

    Args:
        sources: files and folders to read.
        store_dir: the store directory.
        settings: overrides the process settings (the base IRI comes from here).
        tag: a name for this build in the build records.
        prune: remove documents the store holds that are no longer among the sources.
        recogniser: a trained recogniser for the prose of textbooks and course standards
            (:mod:`graphbuilder.extract.recognised`); ``None`` runs the rules alone.
        on_start: called once with the number of files found.
        on_document: called after each document with its outcome (for progress bars).

    Returns:
        A summary with one outcome per document.
    """
    settings = settings or get_settings()
    base = settings.base_iri
    files = discover(sources)
    if on_start:
        on_start(len(files))

    def report(o: DocumentOutcome) -> None:
        summary.outcomes.append(o)
        if on_document:
            on_document(o)

    docs: list[Document] = []
    failed_ids: set[str] = set()
    summary = BuildSummary(build_id="", store=store_dir)
    clock = _Clock(summary.timings, summary.cpu_timings)
    for path, root in files:
        rel = path.relative_to(root).as_posix()
        try:
            docs.append(read_document(path, root))
        except InputError as exc:
            failed_ids.add(doc_id_for(rel))
            report(DocumentOutcome(rel, "failed", reason=exc.reason))
    clock.lap("read")
    ctx = Context.from_documents(base, docs)
    ctx.recogniser = recogniser
    prints = {d.doc_id: fingerprint(d, ctx) for d in docs}
    summary.build_id = digest(*sorted(prints.values()), size=16) if prints else "empty"

    store = OxigraphStore(store_dir, base)
    # What was read lives until the build ends: keep the cyclic collector from scanning it
    # again at every collection while extraction allocates (about a tenth of its time).
    gc.freeze()
    try:
        existing = store.documents()
        batch = _WriteBatch(store, report, failed_ids)
        for doc in docs:
            fp = prints[doc.doc_id]
            old = existing.get(doc.doc_id)
            if old is not None and old.fingerprint == fp:
                report(DocumentOutcome(doc.path, "unchanged", kind=doc.kind))
                continue
            clock.lap("other")
            try:
                facts = EXTRACTORS[doc.kind](doc, ctx)
            except (GraphBuilderError, ValueError) as exc:
                failed_ids.add(doc.doc_id)
                report(DocumentOutcome(doc.path, "failed", kind=doc.kind, reason=str(exc)))
                continue
            rec = DocumentRecord(
                doc_id=doc.doc_id,
                path=doc.path,
                kind=doc.kind,
                sha256=doc.sha256,
                fingerprint=fp,
                encoding=doc.encoding,
                build_id=summary.build_id,
            )
            clock.lap("extract")
            graph = store.graph_name(doc.doc_id, fp)
            quads = list(facts_quads(base, facts, graph, summary.build_id))
            clock.lap("encode")
            batch.add(rec, quads, facts)
            if batch.size >= WRITE_BATCH_QUADS:
                batch.flush()
                clock.lap("write")
        batch.flush()
        clock.lap("write")
        clock.lap("other")
        derived = _run_stages(store, summary, existing, report)
        clock.lap("derived")
        if prune:
            keep = set(prints) | failed_ids | derived
            for doc_id, rec in existing.items():
                if doc_id not in keep:
                    store.remove_document(doc_id)
                    report(DocumentOutcome(rec.path, "removed", kind=rec.kind))
        built_at = datetime.now(UTC).isoformat(timespec="seconds")
        store.record_build(summary.build_id, built_at, tag)
    finally:
        store.close()
        gc.unfreeze()
    clock.lap("other")
    return summary


# Documents are written in batches of about this many quads: Oxigraph's bulk loader has a
# high fixed cost per call, and a batch is still replaced in one transaction.
WRITE_BATCH_QUADS = 400_000


class _WriteBatch:
    """Documents extracted but not yet written; reports each one once it is (or failed)."""

    def __init__(
        self,
        store: OxigraphStore,
        report: Callable[[DocumentOutcome], None],
        failed_ids: set[str],
    ) -> None:
        self.store = store
        self.report = report
        self.failed_ids = failed_ids
        self.items: list[tuple[DocumentRecord, list[Quad], Facts]] = []
        self.size = 0

    def add(self, rec: DocumentRecord, quads: list[Quad], facts: Facts) -> None:
        self.items.append((rec, quads, facts))
        self.size += len(quads)

    def flush(self) -> None:
        if not self.items:
            return
        try:
            self.store.replace_documents([(rec, quads) for rec, quads, _ in self.items])
        except GraphBuilderError as exc:
            for rec, _, _ in self.items:
                self.failed_ids.add(rec.doc_id)
                self.report(DocumentOutcome(rec.path, "failed", kind=rec.kind, reason=str(exc)))
        else:
            for rec, quads, facts in self.items:
                self.report(
                    DocumentOutcome(
                        rec.path,
                        "built",
                        kind=rec.kind,
                        nodes=len(facts.nodes),
                        edges=len(facts.edges),
                        quads=len(quads),
                        warnings=tuple(facts.warnings),
                    )
                )
        self.items = []
        self.size = 0


class _Clock:
    """Adds the time since the last lap to a named phase (read, extract, encode, write, …).

    Wall time and the building thread's CPU time are both kept: on a shared machine the CPU
    time of a single-threaded phase (read, extract, encode) is the steadier measure of its
    cost. The store's own threads (RocksDB flushes and compactions, which run on during
    later phases) are not in it, so for ``write`` the wall time is the one to read.
    """

    def __init__(self, wall: dict[str, float], cpu: dict[str, float]) -> None:
        self.wall = wall
        self.cpu = cpu
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()

    def lap(self, phase: str) -> None:
        now, now_cpu = time.perf_counter(), time.thread_time()
        self.wall[phase] = self.wall.get(phase, 0.0) + now - self.last
        self.cpu[phase] = self.cpu.get(phase, 0.0) + now_cpu - self.last_cpu
        self.last, self.last_cpu = now, now_cpu


def _run_stages(
    store: OxigraphStore,
    summary: BuildSummary,
    existing: dict[str, DocumentRecord],
    report: Callable[[DocumentOutcome], None],
) -> set[str]:
    """Run the derived stages in order; return their pseudo-document ids."""
    ids: set[str] = set()
    for stage in DERIVED_STAGES:
        ids.add(stage.doc_id)
        extra = stage.inputs(store) if stage.inputs is not None else ""
        fp = digest(summary.build_id, stage.name, stage.version, extra, size=32)
        old = existing.get(stage.doc_id)
        if old is not None and old.fingerprint == fp:
            report(DocumentOutcome(stage.path, "unchanged", kind="derived"))
            continue
        try:
            facts = stage.run(store, stage.doc_id)
            rec = DocumentRecord(
                doc_id=stage.doc_id,
                path=stage.path,
                kind="derived",
                sha256=summary.build_id,
                fingerprint=fp,
                encoding="",
                build_id=summary.build_id,
            )
            graph = store.graph_name(stage.doc_id, fp)
            n = store.replace_document(rec, facts_quads(store.base, facts, graph, summary.build_id))
        except (GraphBuilderError, ValueError) as exc:
            report(DocumentOutcome(stage.path, "failed", kind="derived", reason=str(exc)))
            continue
        report(
            DocumentOutcome(
                stage.path,
                "built",
                kind="derived",
                nodes=len(facts.nodes),
                edges=len(facts.edges),
                quads=n,
                warnings=tuple(facts.warnings),
            )
        )
    return ids
