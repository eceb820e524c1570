"""A build killed with SIGKILL at any moment leaves a store that opens and validates, and holds
the old or the new graph of each document, never half of one; the next build completes it.

Each scenario runs a real build in a subprocess that kills itself (``os.kill(SIGKILL)``) at one
chosen moment: while reading, in the middle of the bulk load of new graphs, between that load
and the transaction that swaps the records, after one of several swaps, before the build record;
two more kill it from outside after a delay. The store is then opened, validated with SHACL,
and every document's live graph is compared with its graph from a clean build of the old and of
the new corpus. Derived stages are left out of these builds: they write through the same
``replace_document`` as documents, and this test is about the write path, not their content.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from graphbuilder.pipeline import build
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.validate import validate_store

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "tests" / "fixtures" / "docs"
BASE = "https://w3id.org/graphbuilder/id/"

_RUNNER = r"""
import os, signal, sys, time
from pathlib import Path
import graphbuilder.pipeline as pipeline
from graphbuilder.store import oxigraph

src, store, moment, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
pipeline.DERIVED_STAGES = []
pipeline.WRITE_BATCH_QUADS = 300  # several batches, so a kill can fall between two swaps
calls = {"read": 0, "update": 0}


def die():
    os.kill(os.getpid(), signal.SIGKILL)


real_read = pipeline.read_document


def read(path, root):
    calls["read"] += 1
    if moment == "read" and calls["read"] == n:
        die()
    return real_read(path, root)


pipeline.read_document = read


class Killer:
    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def bulk_extend(self, quads):
        def counted():
            for i, q in enumerate(quads, start=1):
                if moment == "bulk" and i == n:
                    die()
                yield q
        return self._real.bulk_extend(counted())

    def update(self, sparql):
        if "INSERT DATA" in sparql:
            calls["update"] += 1
            if moment == "before-swap" and calls["update"] == n:
                die()
        self._real.update(sparql)
        if moment == "after-swap" and calls["update"] == n:
            die()


real_init = oxigraph.OxigraphStore.__init__


def init(self, *args, **kwargs):
    real_init(self, *args, **kwargs)
    self._store = Killer(self._store)


oxigraph.OxigraphStore.__init__ = init
real_record = oxigraph.OxigraphStore.record_build


def record(self, *args, **kwargs):
    if moment == "record":
        die()
    return real_record(self, *args, **kwargs)


oxigraph.OxigraphStore.record_build = record
if moment == "sleep":
    time.sleep(0.05 * n)
pipeline.build([Path(src)], Path(store))
"""


def _new_version(old: Path, new: Path) -> None:
    """The corpus a year on: every file changed, one removed, one added, one more course."""
    shutil.copytree(old, new)
    for path in new.rglob("*"):
        if path.suffix in (".md", ".txt", ".json", ".yml") and path.name not in (
            "README.md",
            "NOTICE.md",
        ):
            path.write_bytes(path.read_bytes() + b"\n")
    plan = new / "plan-510203.md"
    text = plan.read_text(encoding="utf-8").replace(
        "Python 程序设计。", "Python 程序设计、云计算技术。"
    )
    plan.write_text(text, encoding="utf-8")
    (new / "listing-python.csv").unlink()
    shutil.copyfile(new / "course-standard-web.md", new / "course-standard-web-2025.md")


def _snapshot(store_dir: Path) -> dict[str, frozenset[str]]:
    """Each document's live graph as N-Triples lines (without the build id), by path."""
    store = OxigraphStore(
        store_dir, BASE
    )  # writable: dropping a crash's leftovers is part of opening
    out: dict[str, frozenset[str]] = {}
    for rec in store.documents().values():
        graph = store.graph_name(rec.doc_id, rec.fingerprint)
        data = store.raw.dump(format=RdfFormat.N_TRIPLES, from_graph=graph) or b""
        out[rec.path] = frozenset(
            line for line in data.decode().splitlines() if "#buildId>" not in line
        )
    assert validate_store(store).conforms
    store.close()
    return out


@pytest.fixture(scope="module")
def corpora(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, Path, dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    base = tmp_path_factory.mktemp("crash")
    old, new = base / "old", base / "new"
    shutil.copytree(DOCS, old)
    _new_version(old, new)
    patch = pytest.MonkeyPatch()
    patch.setattr("graphbuilder.pipeline.DERIVED_STAGES", [])
    try:
        build([old], base / "old-store")
        shutil.copytree(base / "old-store", base / "old-pristine")
        build([new], base / "new-store")
    finally:
        patch.undo()
    return (
        old,
        new,
        base / "old-pristine",
        _snapshot(base / "old-store"),
        _snapshot(base / "new-store"),
    )


MOMENTS = [
    ("read", 3),
    ("bulk", 1),
    ("bulk", 700),
    ("before-swap", 1),
    ("before-swap", 3),
    ("after-swap", 1),
    ("after-swap", 4),
    ("record", 0),
]


def _check_old_or_new(
    store_dir: Path, old: dict[str, frozenset[str]], new: dict[str, frozenset[str]]
) -> dict[str, str]:
    found = _snapshot(store_dir)
    states: dict[str, str] = {}
    for path in set(old) | set(new) | set(found):
        graph = found.get(path)
        if graph is not None and graph == old.get(path):
            states[path] = "old"
        elif graph is not None and graph == new.get(path):
            states[path] = "new"
        elif graph is None and (path not in old or path not in new):
            states[path] = "absent"  # not yet added, or already removed
        else:
            pytest.fail(f"{path}: neither its old nor its new graph after the kill")
    return states


@pytest.mark.parametrize(("moment", "n"), MOMENTS, ids=[f"{m}-{n}" for m, n in MOMENTS])
def test_a_build_killed_at_a_moment_leaves_old_or_new_graphs(
    corpora: tuple[Path, Path, Path, dict[str, frozenset[str]], dict[str, frozenset[str]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    moment: str,
    n: int,
) -> None:
    _, new, pristine, old_graphs, new_graphs = corpora
    store = tmp_path / "store"
    shutil.copytree(pristine, store)
    run = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(new), str(store), moment, str(n)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    states = _check_old_or_new(store, old_graphs, new_graphs)
    if moment == "after-swap":
        assert "new" in states.values() and "old" in states.values(), states
    monkeypatch.setattr("graphbuilder.pipeline.DERIVED_STAGES", [])
    build([new], store)
    assert _snapshot(store) == new_graphs


@pytest.mark.parametrize("fraction", [0.4, 0.8])
def test_a_build_killed_from_outside_leaves_old_or_new_graphs(
    corpora: tuple[Path, Path, Path, dict[str, frozenset[str]], dict[str, frozenset[str]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fraction: float,
) -> None:
    _, new, pristine, old_graphs, new_graphs = corpora
    timing = tmp_path / "timing"
    shutil.copytree(pristine, timing)
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", _RUNNER, str(new), str(timing), "none", "0"], cwd=ROOT, check=True
    )
    whole = time.monotonic() - started
    store = tmp_path / "store"
    shutil.copytree(pristine, store)
    process = subprocess.Popen(
        [sys.executable, "-c", _RUNNER, str(new), str(store), "none", "0"], cwd=ROOT
    )
    time.sleep(whole * fraction)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    _check_old_or_new(store, old_graphs, new_graphs)
    monkeypatch.setattr("graphbuilder.pipeline.DERIVED_STAGES", [])
    build([new], store)
    assert _snapshot(store) == new_graphs
