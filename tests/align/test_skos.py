"""The SKOS loader, and the shipped taxonomy being what its sources compose to."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.align.compose import DEFAULT_BASE, ONET, SHIPPED, TAXONOMY_DIR, compose
from graphbuilder.align.skos import load_skos
from graphbuilder.errors import InputError
from graphbuilder.model.iris import node_iri

SMALL = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix gb: <https://w3id.org/graphbuilder/ontology#> .
@prefix t: <https://w3id.org/graphbuilder/id/technology/> .
t:cls a skos:Concept ; skos:prefLabel "Industrial control software"@en, "工业控制软件"@zh ;
    skos:narrower t:plc .
t:plc a skos:Concept ; skos:prefLabel "可编程控制器"@zh ; skos:altLabel "PLC"@en ;
    skos:closeMatch <http://example.org/plc> ; gb:hotTechnology true .
"""


def test_loads_labels_hierarchy_and_flags(tmp_path: Path) -> None:
    f = tmp_path / "t.ttl"
    f.write_text(SMALL, encoding="utf-8")
    tx = load_skos(f)
    plc = tx.concepts[f"{DEFAULT_BASE}technology/plc"]
    assert plc.pref("zh") == "可编程控制器"
    assert plc.broader == (f"{DEFAULT_BASE}technology/cls",)
    assert plc.related == ("http://example.org/plc",)
    assert plc.attrs["hotTechnology"] is True
    assert tx.find_label("plc") == [plc.iri]


def test_rebases_default_namespace(tmp_path: Path) -> None:
    f = tmp_path / "t.ttl"
    f.write_text(SMALL, encoding="utf-8")
    tx = load_skos(f, "https://example.edu/kg/")
    assert "https://example.edu/kg/technology/plc" in tx.concepts


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("t.csv", "a,b", "unknown RDF format"),
        ("t.ttl", "this is not turtle", "not valid RDF"),
        ("t.ttl", "<http://x/a> <http://x/b> <http://x/c> .", "no skos:Concept"),
    ],
)
def test_bad_files_raise(tmp_path: Path, name: str, content: str, reason: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        load_skos(f)


def test_shipped_taxonomy_is_composed_from_its_sources() -> None:
    text = compose(
        ONET, TAXONOMY_DIR / "commodity-classes.csv", TAXONOMY_DIR / "technologies-zh.csv"
    )
    assert text == SHIPPED.read_text(encoding="utf-8"), "run python -m graphbuilder.align.compose"


def test_shipped_taxonomy_reuses_onet_node_iris() -> None:
    tx = load_skos(None)
    python = tx.concepts[node_iri(DEFAULT_BASE, "Technology", "Python")]
    assert python.pref("zh") == "Python 语言"
    assert python.attrs["hotTechnology"] is True
    twin = tx.concepts[f"{DEFAULT_BASE}technology/cn-digital-twin"]
    assert f"{DEFAULT_BASE}technology/cn-smart-manufacturing" in twin.broader
    # every commodity class has a Chinese label
    classes = [c for c in tx if c.iri.startswith(f"{DEFAULT_BASE}technology/unspsc-")]
    assert len(classes) == 135 and all(c.pref("zh") for c in classes)


def test_compose_rejects_unknown_reference(tmp_path: Path) -> None:
    bad = tmp_path / "tech.csv"
    bad.write_text(
        "id,label_zh,label_en,alt_zh,alt_en,broader,related\nonet:No Such Technology,无,,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"tech\.csv:2.*names no O\*NET"):
        compose(ONET, TAXONOMY_DIR / "commodity-classes.csv", bad)
