from __future__ import annotations

from pathlib import Path

from graphbuilder.relations.signals.curriculum import (
    foundation_core,
    foundation_name,
    foundation_thread,
)
from tests.relations.curriculum_store import Major, index_of, iri


def _pairs(evidence: object) -> set[tuple[str, str]]:
    return {(e.concept, e.prerequisite) for e in evidence}  # type: ignore[attr-defined]


def _major(code: str, foundation: list[str], core: list[str], **kw: list[str]) -> Major:
    return Major(code, f"专业{code}", foundation=foundation, core=core, **kw)


def test_a_pair_that_three_majors_repeat_is_a_prerequisite_and_one_major_is_not(
    tmp_path: Path,
) -> None:
    ix = index_of(
        tmp_path,
        [
            _major("510201", ["程序设计基础", "计算机导论"], ["数据库技术及应用"]),
            _major("510202", ["程序设计基础"], ["数据库技术及应用", "网络系统集成"]),
            _major("510203", ["程序设计基础"], ["数据库技术及应用"]),
        ],
    )
    found = list(foundation_core(ix))
    assert _pairs(found) == {(iri("Course", "数据库技术及应用"), iri("Course", "程序设计基础"))}
    assert found[0].confidence == 0.6
    assert "3 个专业" in found[0].note or "510203" in found[0].note
    assert len(found[0].spans) == 6


def test_a_pair_some_major_reverses_is_left_out(tmp_path: Path) -> None:
    majors = [_major(f"51020{i}", ["高等数学"], ["电路分析"]) for i in range(1, 5)]
    majors.append(_major("510209", ["电路分析"], ["高等数学"]))
    assert list(foundation_core(index_of(tmp_path, majors))) == []


def test_two_majors_suffice_only_when_the_names_share_a_subject(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path,
        [
            _major("510201", ["建筑设计基础", "建筑材料"], ["建筑设计", "室内照明"]),
            _major("510202", ["建筑设计基础", "建筑材料"], ["建筑设计", "室内照明"]),
        ],
    )
    got = _pairs(foundation_core(ix))
    assert (iri("Course", "建筑设计"), iri("Course", "建筑设计基础")) in got
    assert (iri("Course", "室内照明"), iri("Course", "建筑材料")) not in got


def test_a_basis_course_named_for_the_core_subject_is_its_prerequisite(tmp_path: Path) -> None:
    ix = index_of(tmp_path, [_major("550101", ["油画基础", "色彩构成"], ["油画", "版画"])])
    assert _pairs(foundation_name(ix)) == {(iri("Course", "油画"), iri("Course", "油画基础"))}


def test_one_ability_statement_that_names_both_courses_links_them(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path,
        [
            _major(
                "510201",
                ["程序设计基础", "计算机导论"],
                ["数据库技术及应用", "交换路由技术"],
                skills=["具备数据库技术应用和程序设计能力", "具备网络设备的运维与管理能力"],
            )
        ],
    )
    assert _pairs(foundation_thread(ix)) == {
        (iri("Course", "数据库技术及应用"), iri("Course", "程序设计基础"))
    }
