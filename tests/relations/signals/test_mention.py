from __future__ import annotations

from pathlib import Path

from graphbuilder.relations.signals.mention import containment, skill_course
from tests.relations.curriculum_store import Major, index_of, iri, skill_iri

SKILL = "具备网络安全设备安装、安全策略配置的能力"


def test_a_skill_needs_the_knowledge_point_its_statement_names(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path,
        [Major("510202", "计算机网络技术", skills=[SKILL], knowledge=["网络安全", "云计算"])],
    )
    found = list(containment(ix))
    assert [(e.concept, e.prerequisite) for e in found] == [
        (skill_iri("510202", SKILL), iri("KnowledgePoint", "网络安全"))
    ]
    assert found[0].confidence == 0.6


def test_a_skill_needs_the_courses_whose_subject_it_names_at_most_three(tmp_path: Path) -> None:
    courses = ["网络安全设备配置与管理", "安全策略配置实务", "网络综合布线", "Linux 操作系统管理"]
    ix = index_of(tmp_path, [Major("510202", "计算机网络技术", core=courses, skills=[SKILL])])
    got = {e.prerequisite for e in skill_course(ix)}
    assert iri("Course", "网络安全设备配置与管理") in got
    assert iri("Course", "网络综合布线") not in got
    assert iri("Course", "Linux 操作系统管理") not in got


def test_boilerplate_statements_of_many_majors_need_nothing(tmp_path: Path) -> None:
    text = "具有网络安全意识和终身学习能力"
    majors = [
        Major(f"5102{i:02d}", f"专业{i}", core=["网络安全技术"], skills=[text])
        for i in range(1, 22)
    ]
    assert list(skill_course(index_of(tmp_path, majors))) == []
