"""CASE 1.1 packages validate against the CASE 1.1 JSON schema and mirror the graph."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.ontology.shacl import ontology_dir
from graphbuilder.store.oxigraph import OxigraphStore

SCHEMA = ontology_dir() / "case-1.1-schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert {"uri", "date-time"} <= set(checker.checkers), "install rfc3986/rfc3339 validators"
    return jsonschema.Draft7Validator(schema, format_checker=checker)


@pytest.fixture(scope="module")
def packages(
    module_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    report = EXPORTERS["case"](module_store, tmp_path_factory.mktemp("export") / "case")
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in report.files}


def _errors(validator: jsonschema.Draft7Validator, package: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(package)]


def test_every_package_validates_against_the_case_schema(
    packages: dict[str, dict[str, Any]], validator: jsonschema.Draft7Validator
) -> None:
    assert packages
    for code, package in packages.items():
        assert _errors(validator, package) == [], code


def test_the_schema_rejects_what_case_does_not_allow(
    packages: dict[str, dict[str, Any]], validator: jsonschema.Draft7Validator
) -> None:
    package = next(iter(packages.values()))
    broken = json.loads(json.dumps(package))
    broken["CFItems"][0]["identifier"] = "not-a-uuid"
    broken["CFItems"][0]["lastChangeDateTime"] = "yesterday"
    broken["CFAssociations"][0]["associationType"] = "isCousinOf"
    del broken["CFDocument"]["creator"]
    broken["CFDocument"]["colour"] = "red"
    assert len(_errors(validator, broken)) == 5


def test_one_package_per_major_with_its_courses_as_children(
    packages: dict[str, dict[str, Any]], reader: GraphReader
) -> None:
    majors = {iri.rsplit("/", 1)[-1]: iri for iri in reader.node_iris("Major")}
    assert set(packages) == set(majors)
    for code, package in packages.items():
        courses = {e.target for e in reader.out_edges(majors[code], ("hasPart",))}
        items = {i["uri"]: i for i in package["CFItems"]}
        assert {u for u, i in items.items() if i["CFItemType"] == "Course"} == courses
        doc = package["CFDocument"]["uri"]
        children = {
            a["originNodeURI"]["uri"]
            for a in package["CFAssociations"]
            if a["associationType"] == "isChildOf" and a["destinationNodeURI"]["uri"] == doc
        }
        assert courses <= children


def test_associations_connect_items_of_the_package(packages: dict[str, dict[str, Any]]) -> None:
    for package in packages.values():
        known = {i["uri"]: i["identifier"] for i in package["CFItems"]}
        known[package["CFDocument"]["uri"]] = package["CFDocument"]["identifier"]
        for a in package["CFAssociations"]:
            for end in ("originNodeURI", "destinationNodeURI"):
                link = a[end]
                if link.get("targetType") == "ext:Technology":
                    assert a["associationType"] in ("exactMatchOf", "isRelatedTo")
                    continue
                assert known[link["uri"]] == link["identifier"]


def test_prerequisites_are_precedes_in_the_right_direction(
    packages: dict[str, dict[str, Any]], reader: GraphReader
) -> None:
    for package in packages.values():
        items = {i["uri"] for i in package["CFItems"]}
        expected = {
            (e.target, e.source)
            for iri in items
            for e in reader.out_edges(iri, ("requires",))
            if e.target in items
        }
        got = {
            (a["originNodeURI"]["uri"], a["destinationNodeURI"]["uri"])
            for a in package["CFAssociations"]
            if a["associationType"] == "precedes"
        }
        assert got == expected


def test_identifiers_are_stable_version_5_uuids(
    packages: dict[str, dict[str, Any]], store: OxigraphStore, tmp_path: Path
) -> None:
    again = EXPORTERS["case"](store, tmp_path / "again")
    for path in again.files:
        assert json.loads(path.read_text(encoding="utf-8")) == packages[path.stem]
    package = next(iter(packages.values()))
    for item in package["CFItems"]:
        assert uuid.UUID(item["identifier"]).version == 5
        assert item["identifier"] == str(uuid.uuid5(uuid.NAMESPACE_URL, item["uri"]))


def test_major_and_kind_filters(store: OxigraphStore, tmp_path: Path) -> None:
    report = EXPORTERS["case"](
        store, tmp_path / "one", Selection(majors=("510202",), kinds=("Skill",))
    )
    assert [p.name for p in report.files] == ["510202.json"]
    package = json.loads(report.files[0].read_text(encoding="utf-8"))
    assert package["CFItems"]
    assert {i["CFItemType"] for i in package["CFItems"]} == {"Skill"}
