"""Load ESCO's CSV export into a :class:`~graphbuilder.align.taxonomy.Taxonomy`.

Two shapes of file are read, one or many at a time (a folder means every ``*.csv`` in it):

- concept files (``skills_en.csv``, ``skillGroups_en.csv``, ``occupations_en.csv``,
  ``ictSkillsCollection_en.csv``, …): ``conceptUri``, ``preferredLabel``, ``altLabels`` and
  ``hiddenLabels`` (one per line, or `` | ``-separated in the collections), and
  ``broaderConceptUri`` where the file has it;
- ``skillsHierarchy_en.csv``: ``Level 0 URI`` … ``Level 3 URI`` with their preferred terms;
  each level is the broader concept of the next.

The language of the labels is the file name's ``_xx`` suffix (``en`` when there is none).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from graphbuilder.align.taxonomy import Concept, Label, LabelKind, Taxonomy
from graphbuilder.errors import InputError

_LANG = re.compile(r"_([a-z]{2})$")
_SPLIT = re.compile(r"\s*\|\s*|\s*\n\s*")


def _lang(path: Path) -> str:
    m = _LANG.search(path.stem)
    return m.group(1) if m else "en"


class _Concepts:
    def __init__(self) -> None:
        self.labels: dict[str, dict[tuple[str, str, LabelKind], None]] = {}
        self.broader: dict[str, set[str]] = {}

    def touch(self, uri: str) -> None:
        self.labels.setdefault(uri, {})
        self.broader.setdefault(uri, set())

    def label(self, uri: str, text: str, lang: str, kind: LabelKind) -> None:
        self.touch(uri)
        for part in [text] if kind == "pref" else _SPLIT.split(text):
            if part.strip():
                self.labels[uri][(part.strip(), lang, kind)] = None


def _read_concepts(path: Path, rows: list[dict[str, str]], acc: _Concepts) -> None:
    lang = _lang(path)
    for line, row in enumerate(rows, start=2):
        uri = (row.get("conceptUri") or "").strip()
        pref = (row.get("preferredLabel") or "").strip()
        if not uri or not pref:
            raise InputError(f"{path}:{line}", "row without conceptUri or preferredLabel")
        acc.label(uri, pref, lang, "pref")
        acc.label(uri, row.get("altLabels") or "", lang, "alt")
        acc.label(uri, row.get("hiddenLabels") or "", lang, "hidden")
        for b in _SPLIT.split(row.get("broaderConceptUri") or ""):
            if b:
                acc.touch(b)
                acc.broader[uri].add(b)


def _read_hierarchy(path: Path, rows: list[dict[str, str]], acc: _Concepts) -> None:
    lang = _lang(path)
    for row in rows:
        parent = ""
        for level in range(4):
            uri = (row.get(f"Level {level} URI") or "").strip()
            if not uri:
                break
            acc.label(uri, (row.get(f"Level {level} preferred term") or "").strip(), lang, "pref")
            if parent:
                acc.broader[uri].add(parent)
            parent = uri


def load_esco(paths: list[Path]) -> Taxonomy:
    """Read ESCO CSV files (or folders of them) into one taxonomy.

    Raises:
        InputError: a file is missing, is not one of the two shapes, or has a row without a
            URI or preferred label.
    """
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.csv")) if p.is_dir() else [p]
    acc = _Concepts()
    for path in files:
        try:
            with path.open(encoding="utf-8", newline="") as f:
                reader = csv.DictReader(f)
                rows = list(reader)
                fields = set(reader.fieldnames or ())
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise InputError(str(path), f"cannot read as CSV: {exc}") from exc
        if "Level 0 URI" in fields:
            _read_hierarchy(path, rows, acc)
        elif {"conceptUri", "preferredLabel"} <= fields:
            _read_concepts(path, rows, acc)
        else:
            raise InputError(str(path), "neither an ESCO concept file nor the skills hierarchy")
    rank = {"pref": 0, "alt": 1, "hidden": 2}
    concepts = {
        uri: Concept(
            iri=uri,
            labels=tuple(
                sorted(
                    (Label(t, lg, k) for t, lg, k in acc.labels[uri]),
                    key=lambda lb: (rank[lb.kind], lb.lang, lb.text),
                )
            ),
            broader=tuple(sorted(acc.broader[uri])),
        )
        for uri in sorted(acc.labels)
        if acc.labels[uri]
    }
    return Taxonomy(concepts, source=", ".join(str(p) for p in paths))
