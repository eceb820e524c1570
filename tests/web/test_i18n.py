"""Languages (web/src/i18n.js, messages.js): Chinese first, English on request, kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import SKILL_SECURITY

pytestmark = pytest.mark.browser


def test_the_page_switches_to_english_and_back(page: Page) -> None:
    page.goto("/#/search?q=数据库&kind=Technology")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("link", name="技能路径")).to_be_visible()
    hit = page.locator("#search-results > li").first
    expect(hit.locator(".badge")).to_have_text("产业技术")

    page.get_by_role("button", name="Switch to English / 切换到英文").click()
    expect(html).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skill path")).to_be_visible()
    expect(page.get_by_label("Search for")).to_have_value("数据库")
    expect(page.get_by_label("Technology", exact=True)).to_be_checked()
    expect(hit.locator(".badge")).to_have_text("Technology")
    expect(hit.locator("strong")).to_have_text("Database technology")  # the English label
    expect(page.locator("#search-summary")).to_contain_text("results")
    expect(page).to_have_title("Search · Vocational knowledge and skill graph")

    page.reload()  # the choice is kept in this browser
    expect(html).to_have_attribute("lang", "en")
    expect(page.locator("#view-search h2")).to_contain_text("Search majors")
    page.get_by_role("button", name="切换到中文 / Switch to Chinese").click()
    expect(html).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("link", name="资源关联")).to_be_visible()


def test_a_path_drawn_before_a_switch_is_redrawn_in_english(page: Page) -> None:
    page.goto(f"/#/path/skill/{SKILL_SECURITY.rsplit('/', 1)[1]}")
    expect(page.locator("#path-steps h4").first).to_have_text("阶段 1")
    page.get_by_role("link", name="搜索").click()
    page.get_by_role("button", name="Switch to English / 切换到英文").click()
    page.get_by_role("link", name="Skill path").click()  # the path is kept, now in English
    expect(page.locator("#path-steps h4").first).to_have_text("Stage 1")
    expect(page.get_by_role("button", name="Export CSV")).to_be_visible()
    expect(page).to_have_url(f"/#/path/skill/{SKILL_SECURITY.rsplit('/', 1)[1]}")
    drawn = page.evaluate(
        "[window.graphbuilder.pathGraph.width(), window.graphbuilder.pathGraph.nodes().length]"
    )
    assert drawn[0] > 0 and drawn[1] == page.locator("#path-steps .step").count()
