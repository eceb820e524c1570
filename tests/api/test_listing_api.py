from __future__ import annotations

import json

import pytest

from api.listing import NodeRef, parse_listing
from graphbuilder.errors import InputError


def test_chinese_headers_types_and_node_columns() -> None:
    text = (
        "资源编号,资源名称,资源类型,链接,许可协议,简介,知识点,技能点,关联度\n"
        "R1,微课：数据库,微课,https://x.org/1,CC BY 4.0,一节课,数据库；SQL,具备编程能力,0.5\n"
        'R2,"多行\n标题",PPT,,,,,,\n'
        "R3,教案,教学设计,,,,,,\n"
    )
    listing = parse_listing(text.encode("gb18030"), "list.csv", "csv")
    assert listing.issues == []
    r1, r2, r3 = listing.rows
    assert (r1.line, r1.data.identifier, r1.data.type, r1.data.licence) == (
        2,
        "R1",
        "video",
        "CC BY 4.0",
    )
    assert r1.refs == (
        NodeRef("数据库", "KnowledgePoint"),
        NodeRef("SQL", "KnowledgePoint"),
        NodeRef("具备编程能力", "Skill"),
    )
    assert r1.relevance == 0.5
    assert (r2.line, r2.data.title, r2.data.type, r2.refs) == (3, "多行\n标题", "ppt", ())
    assert (r3.line, r3.data.type) == (5, "lesson-plan")  # the line after a two-line row


def test_labels_with_a_pause_mark_are_not_split() -> None:
    text = "title,type,nodes\nt,video,具备数据库应用、前端开发等程序设计能力|skill/abc\n"
    (row,) = parse_listing(text.encode(), "l.csv", "csv").rows
    assert [r.text for r in row.refs] == ["具备数据库应用、前端开发等程序设计能力", "skill/abc"]


def test_json_lists_and_objects() -> None:
    items = [
        {"title": "a", "type": "document", "nodes": ["x", "y"]},
        {"title": "b", "type": "虚拟仿真"},
    ]
    for body in (items, {"resources": items}):
        listing = parse_listing(json.dumps(body).encode(), "l.json", "json")
        assert [r.data.type for r in listing.rows] == ["document", "simulation"]
        assert [r.text for r in listing.rows[0].refs] == ["x", "y"]


def test_every_bad_row_is_named_with_its_line_and_field() -> None:
    text = "title,type,url,relevance\nok,video,,\n,video,,\nx,hologram,,\ny,video,ftp://x,\nz,video,,2\n"
    listing = parse_listing(text.encode(), "l.csv", "csv")
    assert [r.line for r in listing.rows] == [2]
    assert [(i.line, i.field) for i in listing.issues] == [
        (3, "title"),
        (4, "type"),
        (5, "url"),
        (6, "relevance"),
    ]
    assert listing.issues[1].value == "hologram"


@pytest.mark.parametrize(
    ("raw", "media", "error"),
    [
        (b"{", "json", "not JSON"),
        (b'{"a": 1}', "json", "expected a list"),
        (b"", "csv", None),
        (b"\x00\x01\x02\x03", "csv", None),
        # A bare carriage return inside an unquoted field (found by the OpenAPI fuzz test).
        (b"title\nab\rc{4\n", "csv", "not CSV"),
    ],
)
def test_what_is_not_a_listing(raw: bytes, media: str, error: str | None) -> None:
    with pytest.raises((ValueError, InputError)) as info:
        parse_listing(raw, "l", media)
    if error:
        assert error in str(info.value)


def test_a_json_item_that_is_not_an_object() -> None:
    listing = parse_listing(b'[1, {"title": "a", "type": "video"}]', "l.json", "json")
    assert [(i.line, i.reason) for i in listing.issues] == [(1, "not an object")]
    assert [r.line for r in listing.rows] == [2]
