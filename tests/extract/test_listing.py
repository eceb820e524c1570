"""资源库 listings → resources with type and URL, teaching their topic in their module."""

from __future__ import annotations

from pathlib import Path

from graphbuilder.extract import Context
from graphbuilder.extract.listing import extract_listing
from graphbuilder.ingest import read_document

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "docs"
BASE = "https://x.org/id/"


def test_resources_teach_the_topics_of_their_modules() -> None:
    facts = extract_listing(read_document(DOCS / "listing-python.json", DOCS), Context(BASE))
    nodes = {n.iri: n for n in facts.nodes}
    resources = [n for n in facts.nodes if n.kind == "Resource"]
    assert len(resources) == 8
    assert {n.attrs["resourceType"] for n in resources} == {
        "ppt",
        "video",
        "lesson-plan",
        "training-guide",
    }
    install = [
        nodes[e.source].attrs["resourceType"]
        for e in facts.edges
        if e.kind == "teaches" and nodes[e.target].label == "Python解释器的安装"
    ]
    assert install == ["ppt", "video"]  # the slides and the video teach one knowledge point
    first = next(n for n in facts.nodes if n.kind == "Module")
    topics = sorted(
        (e.attrs["ordinal"], nodes[e.target].label) for e in facts.edges if e.source == first.iri
    )
    assert topics == [
        (1, "Python解释器的安装"),
        (2, "Python开发环境搭建"),
        (3, "集成开发环境的使用"),
    ]


def test_a_listing_naming_its_course_hangs_modules_on_it() -> None:
    facts = extract_listing(read_document(DOCS / "listing-python.csv", DOCS), Context(BASE))
    nodes = {n.iri: n for n in facts.nodes}
    course = next(n for n in facts.nodes if n.kind == "Course")
    assert course.label == "Python程序设计"
    tops = sorted(
        (e.attrs["ordinal"], nodes[e.target].label) for e in facts.edges if e.source == course.iri
    )
    assert tops == [(1, "函数与模块"), (2, "文件操作")]
