from __future__ import annotations

from pathlib import Path

from graphbuilder.relations.inputs import read_curriculum
from tests.relations.curriculum_store import Major, iri, make_store


def test_the_curriculum_has_kinds_labels_levels_and_ordered_parts(
    tmp_path: Path,
) -> None:
    store = make_store(
        tmp_path,
        [
            Major(
                "610201", "计算机应用", "中职", foundation=["计算机基础"], continues_to=["510201"]
            ),
            Major("510201", "计算机应用技术", core=["数据库技术及应用", "前端设计与开发"]),
        ],
    )
    cur = read_curriculum(store)
    major = iri("Major", "510201")
    assert cur.kinds[major] == "Major" and cur.levels[major] == "高职专科"
    assert cur.codes[major] == "510201" and cur.major_name(major) == "510201 计算机应用技术"
    parts = [
        (p.attrs["courseType"], p.ordinal, cur.labels[p.object])
        for p in cur.parts
        if p.subject == major
    ]
    assert parts == [("专业核心课程", 1, "数据库技术及应用"), ("专业核心课程", 2, "前端设计与开发")]
    (cont,) = cur.continues
    assert (cont.subject, cont.object) == (iri("Major", "610201"), major)
    assert cur.cite(cont.span).startswith("moe/standards/x.md:")
