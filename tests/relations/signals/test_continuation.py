from __future__ import annotations

from pathlib import Path

from graphbuilder.relations.signals.continuation import GROUP, continuation
from tests.relations.curriculum_store import Major, index_of, iri, skill_iri

LOW = "具有单片机应用系统安装调试的能力"
HIGH = "具有单片机应用系统设计、安装调试与维护的能力"


def test_a_higher_skill_builds_on_the_similar_skill_of_each_lower_major(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path,
        [
            Major("710103", "电子技术应用", "中职", skills=[LOW], continues_to=["510103"]),
            Major("710104", "电子电器应用", "中职", skills=[LOW], continues_to=["510103"]),
            Major("510103", "应用电子技术", skills=[HIGH, "具有音响产品营销的能力"]),
        ],
    )
    found = [e for e in continuation(ix)]
    assert {(e.concept, e.prerequisite) for e in found} == {
        (skill_iri("510103", HIGH), skill_iri("710103", LOW)),
        (skill_iri("510103", HIGH), skill_iri("710104", LOW)),
    }
    assert {e.group for e in found} == {GROUP}  # either lower major will do


def test_courses_follow_only_upwards_and_not_into_a_basis_course(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path,
        [
            Major("610101", "机电", "中职", core=["PLC 编程"], continues_to=["460301"]),
            Major("460301", "机电一体化", core=["PLC 编程与组态", "PLC 编程基础", "PLC 编程应用"]),
        ],
    )
    got = {(e.concept, e.prerequisite) for e in continuation(ix)}
    # Not the basis course, and not the same subject in other words (技术应用 adds nothing).
    assert got == {(iri("Course", "PLC 编程与组态"), iri("Course", "PLC 编程"))}
