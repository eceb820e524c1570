"""GraphML round-trips through networkx with every node and edge, kinds and labels included."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.graphml import node_id
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.model import NODE_KINDS
from graphbuilder.store.oxigraph import OxigraphStore

NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def graphml(module_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "graph.graphml"
    EXPORTERS["graphml"](module_store, out)
    return out


def test_networkx_reads_every_node_and_edge(graphml: Path, reader: GraphReader) -> None:
    g = nx.read_graphml(graphml)
    nodes = {iri for kind in NODE_KINDS for iri in reader.node_iris(kind)}
    edges = list(reader.edges())
    assert g.number_of_nodes() == len(nodes)
    assert g.number_of_edges() == len(edges)
    assert {d["iri"] for _, d in g.nodes(data=True)} == nodes
    for edge in edges[:200]:
        data = g.get_edge_data(node_id(edge.source), node_id(edge.target))
        kinds = {d["kind"] for d in data.values()} if g.is_multigraph() else {data["kind"]}
        assert edge.kind in kinds


def test_kinds_labels_and_typed_attributes_survive(graphml: Path, reader: GraphReader) -> None:
    g = nx.read_graphml(graphml)
    major = reader.node("https://w3id.org/graphbuilder/id/major/510201")
    assert major is not None
    data = g.nodes[node_id(major.iri)]
    assert (data["kind"], data["label"], data["code"]) == ("Major", major.label, "510201")
    ordinals = [
        d["ordinal"] for *_, d in g.edges(data=True) if d["kind"] == "hasPart" and "ordinal" in d
    ]
    assert ordinals and all(isinstance(o, int) for o in ordinals)
    assert all(isinstance(d["confidence"], float) for *_, d in g.edges(data=True))
    flags = [d["hotTechnology"] for _, d in g.nodes(data=True) if "hotTechnology" in d]
    assert all(isinstance(f, bool) or f.startswith("[") for f in flags)


def test_every_data_element_names_a_declared_key_of_its_domain(graphml: Path) -> None:
    root = etree.parse(str(graphml)).getroot()
    keys = {k.get("id"): k.get("for") for k in root.iter(f"{NS}key")}
    assert {k.get("attr.name") for k in root.iter(f"{NS}key") if k.get("for") == "node"} >= {
        "kind",
        "label",
    }
    graph = root.find(f"{NS}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    ids = set()
    for element in graph:
        domain = element.tag[len(NS) :]
        ids.add(element.get("id"))
        for data in element.iter(f"{NS}data"):
            assert keys[data.get("key")] == domain
    assert len(ids) == len(graph)  # ids are unique


def test_a_kind_filter_keeps_those_nodes_and_the_edges_between_them(
    store: OxigraphStore, reader: GraphReader, tmp_path: Path
) -> None:
    out = tmp_path / "part.graphml"
    EXPORTERS["graphml"](store, out, Selection(kinds=("Major", "Occupation")))
    g = nx.read_graphml(out)
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"Major", "Occupation"}
    kept = {"Major", "Occupation"}
    between = [e for e in reader.edges() if {e.source_kind, e.target_kind} <= kept]
    assert g.number_of_edges() == len(between) > 0
