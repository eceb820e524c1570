from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuilder.algorithms.gaps import GapInputs, gap_report
from graphbuilder.cli.app import app
from graphbuilder.errors import NotFoundError
from graphbuilder.pipeline import build


def _inputs() -> GapInputs:
    g = GapInputs(
        labels={
            "m": "机电一体化技术",
            "m2": "工业机器人技术",
            "o": "工业机器人系统操作员",
            "o2": "机电设备维修工",
            "t1": "进行PLC程序编制",
            "t2": "操作工业机器人",
            "t3": "诊断液压故障",
            "PLC": "可编程控制器（PLC）",
            "ROB": "工业机器人",
            "HYD": "液压传动",
            "OLD": "单片机",
            "c1": "电气控制与PLC",
            "c2": "单片机应用技术",
            "s1": "具备工业机器人编程能力",
            "s2": "具备液压系统调试能力",
        },
        major_codes={"460301": "m", "460305": "m2"},
    )
    g.prepares.update({"m": {"o", "o2"}, "m2": {"o"}})
    g.tasks.update({"o": {"t1", "t2"}, "o2": {"t3"}})
    g.aligns.update(
        {"t1": {"PLC"}, "t2": {"ROB"}, "t3": {"HYD"}, "c1": {"PLC"}, "c2": {"OLD"}, "s1": {"ROB"}}
    )
    g.courses["m"] = {"c1", "c2"}
    g.skills["m"] = {"s1", "s2"}
    g.hot.add("ROB")
    g.categories["OLD"] = ["Development environment software"]  # an O*NET technology
    return g


def test_needs_are_ranked_with_evidence_and_coverage() -> None:
    r = gap_report(_inputs(), "460301")
    assert [n.label for n in r.needed] == ["工业机器人", "可编程控制器（PLC）", "液压传动"]
    robot, plc, hydraulics = r.needed
    assert robot.hot and robot.demand == 3.2  # 2·hot + 1 occupation + 0.1·2 majors
    assert robot.covered_by == ["技能 具备工业机器人编程能力"]  # what the web page shows
    assert [(c.kind, c.label, c.how) for c in robot.coverage] == [
        ("Skill", "具备工业机器人编程能力", "aligned")
    ]
    assert [(c.kind, c.label, c.how) for c in plc.coverage] == [
        ("Course", "电气控制与PLC", "aligned")
    ]
    assert not hydraulics.covered
    assert [(e.occupation, e.task, e.how) for e in hydraulics.evidence] == [
        ("机电设备维修工", "诊断液压故障", "task")
    ]
    assert [c.course for c in r.stale_courses] == ["单片机应用技术"]
    # Neither skill shares a technology or wording with a course of the major.
    assert r.untaught_skills == ["具备工业机器人编程能力", "具备液压系统调试能力"]


def test_a_course_that_names_a_technology_covers_it() -> None:
    g = _inputs()
    g.labels.update({"c3": "液压与气动技术", "PNE": "气动技术"})
    g.aligns["t3"] = {"HYD", "PNE"}
    g.aligns["c3"] = {"HYD"}  # a course aligns only to its best entry
    g.courses["m"].add("c3")
    needed = {n.label: n for n in gap_report(g, "460301").needed}
    assert [(c.label, c.how) for c in needed["气动技术"].coverage] == [("液压与气动技术", "named")]
    assert [(c.label, c.how) for c in needed["液压传动"].coverage] == [
        ("液压与气动技术", "aligned")
    ]


def test_a_verb_reading_is_not_a_need() -> None:
    g = _inputs()
    g.labels.update({"t4": "操作系统平台,核实、上报巡查发现的问题", "OS": "操作系统"})
    g.tasks["o2"].add("t4")
    g.aligns["t4"] = {"OS"}
    assert "操作系统" not in [n.label for n in gap_report(g, "460301").needed]
    g.labels["t4"] = "安装、配置网络操作系统"
    g._by_occupation.clear()
    assert "操作系统" in [n.label for n in gap_report(g, "460301").needed]


def test_a_mention_counts_only_when_the_task_names_it() -> None:
    g = _inputs()
    g.labels.update({"s9": "应用技术", "VR": "虚拟现实（VR）", "vr": "虚拟现实"})
    g.needs["t3"] = {"s9"}
    g.related["s9"] = {"vr"}  # stated for another task that words a skill alike
    g.aligns["vr"] = {"VR"}
    assert "虚拟现实（VR）" not in [n.label for n in gap_report(g, "460301").needed]
    g.labels["t3"] = "应用虚拟现实技术诊断液压故障"
    g._by_occupation.clear()
    (vr,) = [n for n in gap_report(g, "460301").needed if n.label == "虚拟现实（VR）"]
    assert [(e.via, e.how) for e in vr.evidence] == [("虚拟现实", "mention")]


def test_needed_skills_with_coverage() -> None:
    g = _inputs()
    g.labels.update({"k1": "执行医嘱", "k2": "编制PLC程序"})
    g.needs["t1"] = {"k1", "k2"}
    g.skill_objects.update({"k1": "医嘱", "k2": "PLC程序"})
    skills = {n.label: n for n in gap_report(g, "460301").needed_skills}
    assert not skills["执行医嘱"].covered
    assert [(c.label, c.how) for c in skills["编制PLC程序"].coverage] == [
        ("电气控制与PLC", "named")
    ]
    assert [(e.occupation, e.task) for e in skills["执行医嘱"].evidence] == [
        ("工业机器人系统操作员", "进行PLC程序编制")
    ]


def test_a_field_concept_no_task_names_is_not_stale() -> None:
    g = _inputs()
    del g.categories["OLD"]  # a Chinese field concept: no O*NET demand signal to judge by
    assert gap_report(g, "460301").stale_courses == []


def test_unknown_major_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        gap_report(_inputs(), "999999")


def test_report_gaps_command_on_the_fixture_corpus(fixture_corpus: Path, tmp_path: Path) -> None:
    build([fixture_corpus], tmp_path / "s")
    runner = CliRunner()
    args = ["report", "gaps", "--major", "510202", "--store", str(tmp_path / "s")]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["major"] == "计算机网络技术"
    assert len(report["occupations"]) == 5
    html = tmp_path / "gaps.html"
    result = runner.invoke(app, [*args, "--html", str(html)])
    assert result.exit_code == 0, result.output
    assert "计算机网络技术" in html.read_text(encoding="utf-8")
