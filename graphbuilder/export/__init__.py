"""Exports, one module per format; ``EXPORTERS`` maps a format name to its writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graphbuilder.export.turtle import export_turtle
from graphbuilder.store.oxigraph import OxigraphStore

Exporter = Callable[[OxigraphStore, Path], int]

EXPORTERS: dict[str, Exporter] = {"turtle": export_turtle}

__all__ = ["EXPORTERS", "Exporter", "export_turtle"]
