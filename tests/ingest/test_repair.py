"""OCR repair: real defect snippets from the shipped corpus, and the way back to the source."""

from __future__ import annotations

import pytest

from graphbuilder.ingest.repair import (
    drop_page_number,
    drops_space,
    line_pieces,
    make_section,
    repair,
)

# (where it occurs, OCR text, repaired text)
DEFECTS = [
    (
        "2101农业类 210103: line split over a blank line",
        "具备作物数字化生产与管理、农业智能装备应用、\n\n农业信息采集与处理等能力",
        "具备作物数字化生产与管理、农业智能装备应用、农业信息采集与处理等能力",
    ),
    (
        "class_6 6-01-01-01: task split, spaces after punctuation",
        "操作称重、 打包、 封口设备, 计量、\n\n包装成品;",
        "操作称重、打包、封口设备,计量、包装成品;",
    ),
    (
        "class_2 2-02-38-03: word split over a blank line",
        "研究和开发大数据采集、 清洗、 存\n\n储及管理、 分析及挖掘、 展现及应用等有关技术;",
        "研究和开发大数据采集、清洗、存储及管理、分析及挖掘、展现及应用等有关技术;",
    ),
    (
        "class_6 6-01-01-03: spaces around half-width brackets",
        "操作原料输送、 筛选、 干燥调质、仁壳 (皮) 分离",
        "操作原料输送、筛选、干燥调质、仁壳(皮)分离",
    ),
    (
        "class_6 6-15-01: space between two ideographs",
        "将预拌混凝土输送到混凝土搅拌 车中;",
        "将预拌混凝土输送到混凝土搅拌车中;",
    ),
    (
        "class_1: space before a full-width quote, line split after a comma",
        "贯彻执行 “长期共存, 互相监督,\n\n肝胆相照",
        "贯彻执行“长期共存,互相监督,肝胆相照",
    ),
    (
        "5102计算机类 510202: Latin–CJK spacing is kept",
        "计算机网络基础、程序设计基础、Windows Server 操作系统、网络综合布线",
        "计算机网络基础、程序设计基础、Windows Server 操作系统、网络综合布线",
    ),
    (
        "2502水利工程与管理类: inline LaTeX",
        "在校内外进行工程概预算、 $\\mathrm { B I M + G I S }$ 应用、工程建设智能管控",
        "在校内外进行工程概预算、BIM+GIS 应用、工程建设智能管控",
    ),
    (
        "2607汽车制造类: LaTeX C/C++",
        "汽车电工电子技术、 $\\mathrm { C } / \\mathrm { C } { + + }$ 语言程序设计",
        "汽车电工电子技术、C/C++语言程序设计",
    ),
    (
        "4301电力技术类: LaTeX number and unit",
        "具有 $1 0 \\mathrm { k V }$ 及以下配网",
        "具有 10kV 及以下配网",
    ),
    (
        "class_5 5-05-03-01: LaTeX Greek letter",
        "酸碱度$\\mathrm { \\Delta p H }$ 值) 等参数;",
        "酸碱度ΔpH 值)等参数;",
    ),
    (
        "5703体育类: LaTeX \\sim",
        "具有 $1 \\sim 2$ 项运动项目体能训练需求分析",
        "具有 1～2 项运动项目体能训练需求分析",
    ),
    (
        "class_6 6-10-01-07: LaTeX superscript",
        "生产聚 $\\alpha ^ { - }$ 烯烃",
        "生产聚 α-烯烃",
    ),
    (
        "2101农业类: markdown hard break and CRLF",
        "具有农作物绿色高效种子生产管理能力；  \r\n",
        "具有农作物绿色高效种子生产管理能力；",
    ),
]


@pytest.mark.parametrize(("where", "ocr", "expected"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_repair_fixes_real_defects(where: str, ocr: str, expected: str) -> None:
    text, offsets = repair(ocr)
    assert text == expected
    assert len(offsets) == len(text)
    assert list(offsets) == sorted(offsets)


@pytest.mark.parametrize(("where", "ocr", "expected"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_every_kept_character_maps_to_itself(where: str, ocr: str, expected: str) -> None:
    text, offsets = repair(ocr)
    for char, at in zip(text, offsets, strict=True):
        source_char = ocr[at]
        if "$" not in ocr:
            assert char == source_char or (char == " " and source_char.isspace())


@pytest.mark.parametrize(("where", "ocr", "expected"), DEFECTS[:7], ids=[d[0] for d in DEFECTS[:7]])
def test_span_of_any_substring_repairs_to_that_substring(
    where: str, ocr: str, expected: str
) -> None:
    section = make_section("d", "k", "1", ocr, line_pieces(ocr), {})
    assert section is not None
    text = section.text
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            if text[i] == " " or text[j - 1] == " ":
                continue
            start, end = section.span(i, j)
            assert repair(ocr, start, end)[0] == text[i:j], (i, j)


def test_section_offsets_empty_when_text_is_the_source_slice() -> None:
    source = "专业名称 计算机应用技术"
    section = make_section("d", "major", "510201", source, [(5, len(source))], {})
    assert section is not None
    assert (section.text, section.start, section.end, section.offsets) == (
        "计算机应用技术",
        5,
        12,
        (),
    )
    assert section.span(0, 3) == (5, 8)


def test_section_keeps_offsets_across_a_blank_line() -> None:
    source = "x\n计量、\n\n包装成品;\n"
    section = make_section("d", "task", "1", source, line_pieces(source, 2), {"n": "1"})
    assert section is not None
    assert section.text == "计量、包装成品;"
    start, end = section.span(3, 7)
    assert source[start:end] == "包装成品"
    assert (section.start, section.end) == (2, 12)


def test_nothing_left_gives_no_section() -> None:
    assert make_section("d", "k", "1", "$$", [(0, 2)], {}) is None


@pytest.mark.parametrize(
    ("left", "right", "dropped"),
    [
        ("、", "计", True),
        ("机", "械", True),
        (",", "将", True),
        ("S", "操", False),
        ("5", "G", False),
    ],
)
def test_drops_space(left: str, right: str, dropped: bool) -> None:
    assert drops_space(left, right) is dropped


def test_drops_a_glued_page_number_only_before_a_continuation() -> None:
    # 4901食品类 490106: "…食454" then, after a blank line, "品运输配送…"
    source = "本专业培养德智体美劳全面发展，掌握扎实的科学文化基础和食品贮藏与保鲜、食454"
    piece = (0, len(source))
    assert source[slice(*drop_page_number(source, piece, "品运输配送"))].endswith("保鲜、食")
    assert drop_page_number(source, piece, "2. 具有") == piece
    assert drop_page_number("基本修业年限 3", (0, 8), "年") == (0, 8)
