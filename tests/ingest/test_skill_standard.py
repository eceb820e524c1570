"""The reader of 国家职业技能标准 in parsed JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuilder.ingest import read_document
from graphbuilder.ingest.detect import text_kind
from graphbuilder.ingest.skill_standard import KIND, is_skill_standard, read_skill_standard
from graphbuilder.model.records import Section

from .conftest import FIXTURES
from .spans import assert_spans

FIXTURE = FIXTURES / "skill_standards" / "4-04-01-03.jsonl"


def _record(**fields: object) -> str:
    record: dict[str, object] = {
        "level": "五级/初级工",
        "func": "设备安装",
        "work_no": "1.1",
        "work": "网络设备安装",
        "skills": [],
        "knowledge": [],
    }
    record.update(fields)
    return json.dumps(record, ensure_ascii=False)


def _of(sections: list[Section], kind: str) -> list[Section]:
    return [s for s in sections if s.kind == kind]


def test_fixture_sections_in_line_order_with_bad_lines_reported() -> None:
    doc = read_document(FIXTURE, FIXTURE.parent)
    source = FIXTURE.read_bytes().decode("utf-8")
    assert (doc.kind, doc.path) == (KIND, "4-04-01-03.jsonl")
    assert [(s.kind, s.key, s.text) for s in doc.sections if s.kind != "occupation"] == [
        ("work", "4-04-01-03/五级/1.1", "网络设备安装"),
        ("skill", "4-04-01-03/五级/1.1/1", "能安装交换机和路由器"),
        ("skill", "4-04-01-03/五级/1.1/2", "能制作、测试双绞线"),
        ("knowledge", "4-04-01-03/五级/1.1/1", "网络设备安装规范"),
        ("knowledge", "4-04-01-03/五级/1.1/2", "综合布线基础知识"),
        ("work", "4-04-01-03/四级/2.1", "网络设备调试"),
        ("skill", "4-04-01-03/四级/2.1/1", "能配置交换机的VLAN"),
        ("knowledge", "4-04-01-03/四级/2.1/1", "VLAN原理知识"),
        ("invalid", "3", source.split("\n")[2]),
        ("invalid", "4", source.split("\n")[3]),
        ("invalid", "5", source.split("\n")[4]),
        ("invalid", "6", source.split("\n")[5]),
        ("work", "4-04-01-03/二级/4.1", "培训"),
        ("skill", "4-04-01-03/二级/4.1/1", "能编写培训讲义"),
        ("invalid", "8", source.split("\n")[7]),
        ("invalid", "8", source.split("\n")[7]),
    ]
    assert [s.attrs["reason"] for s in _of(list(doc.sections), "invalid")] == [
        "not JSON (Expecting ',' delimiter at column 35)",
        "missing key func",
        "'skills' is str, not a list",
        "unknown level '六级' (expected 五级/初级工 … 一级/高级技师)",
        "skills[1] is not a string",
        "skills[2] is empty",
    ]
    assert_spans(doc.sections, source)


def test_fixture_attributes_levels_numbers_and_noise() -> None:
    sections = list(read_document(FIXTURE, FIXTURE.parent).sections)
    (occupation,) = _of(sections, "occupation")
    assert (occupation.key, dict(occupation.attrs)) == (
        "4-04-01-03",
        {"code": "4-04-01-03", "name": "", "source": "file name"},
    )
    assert occupation.start == 0 and occupation.text.startswith('{"level": "五级/初级工"')
    work = _of(sections, "work")
    assert [dict(w.attrs) for w in work] == [
        {
            "code": "4-04-01-03",
            "level": level,
            "level_label": label,
            "function": function,
            "work_no": no,
            "line": line,
        }
        for level, label, function, no, line in (
            ("五级", "五级/初级工", "设备安装", "1.1", "1"),
            ("四级", "四级/中级工", "设备调试", "2.1", "2"),
            ("二级", "二级/技师", "", "4.1", "8"),
        )
    ]
    knowledge = _of(sections, "knowledge")
    assert [(k.attrs["number"], k.attrs.get("noise", "")) for k in knowledge] == [
        ("1.1.1", ""),
        ("1.1.2", "续表"),
        ("2.1.1", "并"),
    ]
    assert [s.attrs["n"] for s in _of(sections, "skill")] == ["1", "2", "1", "1"]


def test_escaped_strings_keep_offsets_into_the_source() -> None:
    # "\u7f51\u7edc" is 网络 written as escapes; \" is a quote inside the item.
    line = (
        '{"level": "\\u4e09\\u7ea7", "func": "f", "work": "\\u7f51\\u7edc\\u8c03\\u8bd5", '
        '"skills": ["1.1.1 能测试\\"双绞线\\"续表"], "knowledge": []}'
    )
    source = "\n" + line + "\n"
    sections = read_skill_standard("d", source, "4-04-01-03.jsonl")
    work, skill = _of(sections, "work")[0], _of(sections, "skill")[0]
    assert (work.text, work.attrs["level"]) == ("网络调试", "三级")
    assert work.offsets == tuple(source.index("\\u7f51") + 6 * i for i in range(4))
    assert skill.text == '能测试"双绞线"'
    assert source[skill.start : skill.end] == '能测试\\"双绞线\\'
    assert [source[o] for o in skill.offsets] == list("能测试\\双绞线\\")
    assert skill.span(3, 8) == (source.index('\\"双'), source.index('\\"续') + 1)


def test_code_and_name_fields_override_the_file_name() -> None:
    source = "\n".join(
        (
            _record(code="2-02-10-09", name="某职业"),
            _record(code="2-02-10-09", work_no="1.2", work="网络设备巡检"),
            _record(code="2-2-10-09"),
            _record(work_no="9.9"),
        )
    )
    sections = read_skill_standard("d", source, "standard.jsonl")
    (occupation,) = _of(sections, "occupation")
    assert occupation.text == "2-02-10-09" == source[occupation.start : occupation.end]
    assert dict(occupation.attrs) == {"code": "2-02-10-09", "name": "某职业", "source": "field"}
    assert [s.key for s in _of(sections, "work")] == ["2-02-10-09/五级/1.1", "2-02-10-09/五级/1.2"]
    assert [(s.key, s.attrs["reason"]) for s in _of(sections, "invalid")] == [
        ("3", "bad occupation code '2-2-10-09' (expected the form 4-04-05-05)"),
        ("4", "no occupation code: no 'code' field and none in the file name (4-04-05-05.jsonl)"),
    ]


@pytest.mark.parametrize(
    ("item", "text", "number", "noise"),
    [
        ("1.1.1 能进行数据合并", "能进行数据合并", "1.1.1", ""),
        ("2.3.1 安全知识普及。", "安全知识普及", "2.3.1", ""),
        ("1.2.2 人工智能解决方案知识并", "人工智能解决方案知识", "1.2.2", "并"),
        ("1.2.2 工具使用知识续表 ", "工具使用知识", "1.2.2", "续表"),
        ("1.1.3 数据合并并续表", "数据合并", "1.1.3", "并续表"),
        ("5G网络基础知识", "5G网络基础知识", "", ""),
        ("3.5mm 接头规范", "3.5mm 接头规范", "", ""),
        ("1.1.1能安装交换机", "能安装交换机", "1.1.1", ""),
    ],
)
def test_item_numbers_and_parser_noise_are_cut(
    item: str, text: str, number: str, noise: str
) -> None:
    sections = read_skill_standard("d", _record(knowledge=[item]), "4-04-01-03.jsonl")
    (k,) = _of(sections, "knowledge")
    assert (k.text, k.attrs["number"], k.attrs.get("noise", "")) == (text, number, noise)
    assert_spans([k], _record(knowledge=[item]))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2]", "not a JSON object but list"),
        (_record(level=3), "'level' is int, not a string"),
        (_record(work_no=1.1), "'work_no' is float, not a string"),
        (_record(knowledge={"a": 1}), "'knowledge' is dict, not a list"),
        (
            _record(level="技师/高级工"),
            "unknown level '技师/高级工' (expected 五级/初级工 … 一级/高级技师)",
        ),
        (_record(work=" 续表"), "'work' is empty"),
        ('{"level": "五级"}', "missing keys func, work, skills, knowledge"),
    ],
)
def test_bad_records_name_their_line_and_reason(line: str, reason: str) -> None:
    source = _record() + "\n\n" + line + "\n"
    sections = read_skill_standard("d", source, "4-04-01-03.jsonl")
    assert [(s.key, s.attrs["reason"]) for s in _of(sections, "invalid")] == [("3", reason)]
    assert len(_of(sections, "work")) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_record() + "\n", True),
        ("not json\n" + _record(), False),  # must start like JSON
        ("{broken\n" + _record(), True),  # a bad first line does not hide the rest
        ('{"items": [{"title": "a.mp4"}]}', False),
        (json.dumps({"level": "五级", "work": "w"}), False),
        ("# 4-04-05-05 人工智能训练师\n\n主要工作任务：\n", False),
    ],
)
def test_detected_by_content(text: str, expected: bool) -> None:
    assert is_skill_standard(text) is expected
    assert (text_kind(text) == KIND) is expected


def test_the_file_name_is_not_what_detects_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(_record(code="4-04-01-03"), encoding="utf-8")
    assert read_document(path, tmp_path).kind == KIND
