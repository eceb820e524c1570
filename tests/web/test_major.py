"""The major view (web/src/major.js, gaps.js): sections, aligned technologies, the gap report
when the server has one, a quiet line when it has none, an error box when it fails."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route, expect

from tests.web.conftest import Server, screenshot

pytestmark = pytest.mark.browser

CODE = "510201"  # 计算机应用技术


def _problem(status: int, title: str, detail: str) -> Callable[[Route], None]:
    """A route handler answering with a problem document."""
    body = json.dumps({"title": title, "status": status, "detail": detail})

    def answer(route: Route) -> None:
        route.fulfill(status=status, content_type="application/problem+json", body=body)

    return answer


def test_a_major_shows_its_sections_and_gap_report(page: Page, server: Server) -> None:
    major = server.api("GET", f"/majors/{CODE}").json()
    node_calls: list[str] = []
    page.on("request", lambda r: node_calls.append(r.url) if "/api/v1/nodes" in r.url else None)
    page.goto("/#/major")
    box = page.get_by_label("专业名称或代码")
    box.press_sequentially("计算机应用", delay=20)
    page.get_by_role("option", name="计算机应用技术").click()
    expect(page).to_have_url(f"/#/major/{CODE}")
    expect(page.locator(".major-head")).to_contain_text(f"专业代码 {CODE}")
    for block, key in [
        ("#major-courses", "courses"),
        ("#major-skills", "skills"),
        ("#major-kps", "knowledge_points"),
        ("#major-occupations", "occupations"),
        ("#major-certificates", "certificates"),
    ]:
        expect(page.locator(f"{block} h4")).to_contain_text(f"({len(major[key])})")
        shown = page.locator(f"{block} li").all_inner_texts()
        assert sorted(shown) == sorted(r["label"] for r in major[key]), block
    expect(page.locator("#major-courses h5").first).to_have_text("专业基础课程")

    # The course 数据库技术及应用 and the skill 应用数据库 both align to 数据库技术.
    row = page.locator("#major-technologies tr", has_text="数据库技术及应用")
    expect(row).to_contain_text("应用数据库")
    expect(row).to_contain_text("自动推断")
    # One row per technology of the major's answer, with no call per course or skill.
    expect(page.locator("#major-technologies tbody tr")).to_have_count(len(major["technologies"]))
    assert node_calls == []

    gaps = server.api("GET", f"/majors/{CODE}/gaps")
    section = page.locator("#major-gaps")
    if gaps.status_code == 200:
        report = gaps.json()
        uncovered = [n["label"] for n in report["needed"] if not n["covered"]]
        assert uncovered, "the fixture major lacks some technology its occupations need"
        expect(section.locator(".gap-table").first.locator("tbody tr")).to_have_count(
            len(uncovered)
        )
        for label in uncovered:
            expect(section.locator(".gap-table").first).to_contain_text(label)
    else:
        assert gaps.status_code == 404, gaps.text
        expect(section).to_contain_text("暂无差距报告")
    expect(section.locator("[role=alert]")).to_have_count(0)
    screenshot(page, "major")


def test_without_a_gap_report_a_quiet_line_shows(page: Page) -> None:
    page.route(f"**/api/v1/majors/{CODE}/gaps", _problem(404, "Not Found", "no gap report"))
    page.goto(f"/#/major/{CODE}")
    section = page.locator("#major-gaps")
    expect(section).to_contain_text("暂无差距报告")
    expect(section.locator("[role=alert]")).to_have_count(0)
    expect(page.locator("#major-courses li").first).to_be_visible()


def test_a_failing_gap_report_shows_its_problem_and_the_rest_stays(page: Page) -> None:
    failing = _problem(500, "Internal Server Error", "the server could not complete the request")
    page.route(f"**/api/v1/majors/{CODE}/gaps", failing)
    page.goto(f"/#/major/{CODE}")
    expect(page.locator("#major-gaps [role=alert]")).to_contain_text("Internal Server Error")
    expect(page.locator("#major-courses li").first).to_be_visible()
    expect(page.locator("#major-technologies tr", has_text="数据库技术及应用")).to_be_visible()


def test_an_unknown_major_shows_the_problem(page: Page) -> None:
    page.goto("/#/major/999999")
    expect(page.locator("#view-major [role=alert]")).to_contain_text("Not Found")
