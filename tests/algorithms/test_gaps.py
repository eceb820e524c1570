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
    return g


def test_needs_are_ranked_with_evidence_and_coverage() -> None:
    r = gap_report(_inputs(), "460301")
    assert [n.label for n in r.needed] == ["工业机器人", "可编程控制器（PLC）", "液压传动"]
    robot, plc, hydraulics = r.needed
    assert robot.hot and robot.demand == 3.2  # 2·hot + 1 occupation + 0.1·2 majors
    assert robot.covered_by == ["技能 具备工业机器人编程能力"]
    assert plc.covered_by == ["课程 电气控制与PLC"]
    assert not hydraulics.covered
    assert [(e.occupation, e.via) for e in hydraulics.evidence] == [
        ("机电设备维修工", "诊断液压故障")
    ]
    assert [c.course for c in r.stale_courses] == ["单片机应用技术"]
    # Neither skill shares a technology or wording with a course of the major.
    assert r.untaught_skills == ["具备工业机器人编程能力", "具备液压系统调试能力"]


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
