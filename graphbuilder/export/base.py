"""What every export format is: a named writer from a store (and a selection) to a path."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from graphbuilder.export.selection import Selection
from graphbuilder.store.oxigraph import OxigraphStore


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export wrote.

    Attributes:
        path: the file or folder written.
        counts: what was written, by unit (``triples``, ``nodes``, ``packages`` …).
        files: the files written, for formats that write a folder.
    """

    path: Path
    counts: Mapping[str, int]
    files: tuple[Path, ...] = field(default=())

    def describe(self) -> str:
        """One line for a person: ``1,234 nodes, 2,345 edges``."""
        return ", ".join(f"{n:,} {unit}" for unit, n in self.counts.items()) or "nothing"


Writer = Callable[[OxigraphStore, Path, Selection], ExportReport]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format.

    Attributes:
        name: what ``--format`` takes.
        description: one line on what it is and who reads it.
        suffix: the default file suffix, or ``""`` for a format that writes a folder.
        streams: whether memory stays flat however large the graph (see each module).
        write: the writer.
    """

    name: str
    description: str
    suffix: str
    streams: bool
    write: Writer

    @property
    def writes_folder(self) -> bool:
        """Whether the output is a folder of files rather than one file."""
        return not self.suffix

    def __call__(
        self, store: OxigraphStore, out: Path, selection: Selection | None = None
    ) -> ExportReport:
        """Export ``store`` (or the part ``selection`` keeps) to ``out``."""
        return self.write(store, out, selection or Selection())
