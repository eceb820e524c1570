"""A served fixture store: the fixture corpus built once, copied for each test that writes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graphbuilder.pipeline import build
from graphbuilder.settings import Settings
from graphbuilder.store.keys import add_key

BASE = "https://w3id.org/graphbuilder/id/"
GB = "https://w3id.org/graphbuilder/ontology#"


@dataclass(frozen=True)
class Keys:
    """A key file with one key per role."""

    file: Path
    reader: str
    editor: str
    admin: str

    def header(self, role: str) -> dict[str, str]:
        """The header that sends the key of ``role``."""
        return {"X-API-Key": getattr(self, role)}


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory, fixture_corpus: Path) -> Path:
    """The fixture corpus built once; copy it before writing."""
    store = tmp_path_factory.mktemp("built") / "store"
    summary = build([fixture_corpus], store, settings=Settings())
    assert not summary.failed
    return store


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    """Keys for a reader, an editor and an admin (made once: scrypt is slow on purpose)."""
    file = tmp_path_factory.mktemp("keys") / "keys.json"
    return Keys(
        file,
        add_key(file, "rita", "reader"),
        add_key(file, "ed", "editor"),
        add_key(file, "ada", "admin"),
    )


@pytest.fixture
def store_dir(built_store: Path, tmp_path: Path) -> Path:
    """A private copy of the built store."""
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    return target


ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(store_dir: Path, keys: Keys) -> Iterator[ClientFactory]:
    """Start the app on the private store with given settings (closed at the end).

    One app at a time: the app opens the store for writing, which takes its lock.
    """
    opened: list[TestClient] = []

    def start(**overrides: object) -> TestClient:
        settings = Settings(**{"api_keys_file": keys.file, **overrides})  # type: ignore[arg-type]
        client = TestClient(create_app(store_dir, settings=settings))
        client.__enter__()
        opened.append(client)
        return client

    yield start
    for c in opened:
        c.__exit__(None, None, None)


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    """The app on a private copy of the fixture store, anonymous reading allowed."""
    return make_client()


COURSE_DB = f"{BASE}course/6231950abaa9297c"  # 数据库技术及应用, a core course of 510201
KP_DB = f"{BASE}knowledge-point/263200d7d529b522"  # 数据库
KP_DESIGN = f"{BASE}knowledge-point/a5a0369aa1120b9b"  # 数据库设计与应用 (510203 only)
TECH_LINUX = f"{BASE}technology/caf90169eefa5f80"
TECH_DOCKER = f"{BASE}technology/d548c5b83fa61d8e"


def add_inferred(store_dir: Path) -> None:
    """Give the store what the derived stages will infer: two alignments and a prerequisite.

    Written like a derived stage's graph (its own pseudo-document, reified with score and
    review status), so the API reads them as it will read the real stages' output.
    """
    from graphbuilder.model import Edge, Facts, Provenance
    from graphbuilder.model.iris import doc_id_for
    from graphbuilder.store.mapping import facts_quads
    from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore

    doc_id = doc_id_for("derived/test-inferred")
    prov = Provenance(doc_id=doc_id, start=0, end=0, extractor="test", version="1")
    facts = Facts(
        doc_id=doc_id,
        edges=[
            Edge(source=COURSE_DB, kind="alignsTo", target=TECH_LINUX, provenance=prov,
                 attrs={"score": 0.82, "reviewStatus": "auto"}),
            Edge(source=COURSE_DB, kind="alignsTo", target=TECH_DOCKER, provenance=prov,
                 attrs={"score": 0.61, "reviewStatus": "auto"}),
            Edge(source=KP_DESIGN, kind="requires", target=KP_DB, provenance=prov,
                 attrs={"score": 0.7, "reviewStatus": "auto"}),
        ],
    )  # fmt: skip
    store = OxigraphStore(store_dir, BASE)
    try:
        rec = DocumentRecord(doc_id, "derived/test-inferred", "derived", "x", "fp1", "", "b")
        store.replace_document(rec, facts_quads(BASE, facts, store.graph_name(doc_id, "fp1"), "b"))
    finally:
        store.close()


@pytest.fixture
def inferred_client(store_dir: Path, make_client: ClientFactory) -> TestClient:
    """The app on a store that also holds inferred alignments and a prerequisite."""
    add_inferred(store_dir)
    return make_client()
