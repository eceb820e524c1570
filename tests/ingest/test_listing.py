"""资源库 listings from JSON, CSV and tables; resource titles."""

from __future__ import annotations

import pytest

from graphbuilder.ingest.delimited import looks_delimited, read_delimited
from graphbuilder.ingest.listing import json_listing, sections_of, table_listing
from graphbuilder.ingest.resource_titles import parse_title

from .conftest import FIXTURES
from .spans import assert_spans


def test_json_listing_keeps_order_hierarchy_and_spans() -> None:
    text = (FIXTURES / "docs" / "listing-python.json").read_text()
    listing = json_listing(text)
    assert listing is not None
    sections = sections_of("d", text, listing)
    assert_spans(sections, text)
    modules = [(s.key, s.attrs["title"]) for s in sections if s.kind == "module"]
    assert modules == [("1", "项目一 Python开发环境搭建"), ("2", "项目二 数据类型与流程控制")]
    resources = [
        (s.key, s.attrs["rtype"], s.attrs["topic"]) for s in sections if s.kind == "resource"
    ]
    assert resources[:3] == [
        ("1/1", "ppt", "Python解释器的安装"),
        ("1/2", "video", "Python解释器的安装"),
        ("1/3", "lesson-plan", "Python开发环境搭建"),
    ]
    assert resources[-1] == ("2/4", "ppt", "条件语句")


def test_escaped_json_strings_keep_their_raw_span() -> None:
    text = '{"课程": "Python", "items": [{"title": "\\u5217\\u8868(PPT)", "url": "u"}]}'
    listing = json_listing(text)
    assert listing is not None
    (course, resource) = sections_of("d", text, listing)
    assert course.attrs["title"] == "Python" and resource.attrs["title"] == "列表(PPT)"
    assert resource.text == "\\u5217\\u8868(PPT)"


@pytest.mark.parametrize("text", ['{"a": 1}', "[1, 2]", '[{"name": "张三"}]', "not json"])
def test_json_that_is_no_listing(text: str) -> None:
    assert json_listing(text) is None


def test_table_listing_fills_merged_cells_down() -> None:
    text = (FIXTURES / "docs" / "listing-python.csv").read_bytes().decode("gb18030")
    assert looks_delimited(text)
    rows = read_delimited(text)
    listing = table_listing([c[0] for c in rows[0]], rows[1:])
    assert listing is not None
    sections = sections_of("d", text, listing)
    assert_spans(sections, text)
    shown = [(s.kind, s.key, s.attrs.get("title", "")) for s in sections]
    assert shown == [
        ("course", "Python程序设计", "Python程序设计"),
        ("module", "1", "项目三 函数与模块"),
        ("module", "1.1", "任务1 函数"),
        ("resource", "1.1/1", "函数的定义与调用"),
        ("resource", "1.1/2", "函数的定义与调用"),
        ("module", "1.2", "任务2 模块"),
        ("resource", "1.2/1", "模块与包"),
        ("module", "2", "项目四 文件操作"),
        ("resource", "2/1", "文件读写（open、read、write）"),
    ]


def test_a_table_without_the_columns_is_no_listing() -> None:
    rows = read_delimited("姓名,年龄\n张三,20\n")
    assert table_listing([c[0] for c in rows[0]], rows[1:]) is None


@pytest.mark.parametrize(
    ("title", "url", "declared", "rtype", "topic"),
    [
        ("实训指导书 项目一 净制 清除杂质 (文档附件)", "", "", "training-guide", "净制 清除杂质"),
        ("B08030201PT001-(炒焦)  (PPT)", "", "", "ppt", "炒焦"),
        ("清炒白果*(视频文件)", "", "", "video", "清炒白果"),
        ("药材图片", "http://x/a.JPG", "", "image", "药材图片"),
        ("虚拟仿真实训", "", "", "simulation", "虚拟仿真实训"),
        ("函数", "", "微课", "video", "函数"),
        ("讲义", "", "", "other", "讲义"),
    ],
)
def test_parse_title(title: str, url: str, declared: str, rtype: str, topic: str) -> None:
    parsed = parse_title(title, url, declared)
    assert (parsed.rtype, parsed.topic) == (rtype, topic)


def test_read_delimited_spans_and_quotes() -> None:
    text = '项目,资源名称\r\n"项目一","A, ""B"""\r\n项目二,C\r\n'
    rows = read_delimited(text)
    assert [[c[0] for c in r] for r in rows] == [
        ["项目", "资源名称"],
        ["项目一", 'A, "B"'],
        ["项目二", "C"],
    ]
    assert text[rows[2][1][1] : rows[2][1][2]] == "C"
