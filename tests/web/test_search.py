"""The search view (web/src/search.js): instant results, kind filters, technology details."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from tests.web.conftest import Server, screenshot

pytestmark = pytest.mark.browser


def test_results_appear_as_one_types_and_a_kind_filter_narrows_them(
    page: Page, server: Server
) -> None:
    page.goto("/")
    box = page.get_by_label("搜索词")
    expect(box).to_be_focused()
    box.press_sequentially("数据", delay=60)  # no Enter: results come while typing
    hits = page.locator("#search-results > li")
    expect(hits.first).to_be_visible()
    expected = server.api("GET", "/search", params={"q": "数据", "limit": 20}).json()
    kinds = set(hits.evaluate_all("els => els.map(e => e.dataset.kind)"))
    assert len(kinds) >= 3, kinds  # several kinds before filtering
    expect(page.locator("#search-summary")).to_contain_text("条结果")

    page.get_by_label("技能", exact=True).check()
    expect(page).to_have_url("/#/search?q=%E6%95%B0%E6%8D%AE&kind=Skill")
    expect(hits.first).to_have_attribute("data-kind", "Skill")
    assert set(hits.evaluate_all("els => els.map(e => e.dataset.kind)")) == {"Skill"}
    skills = server.api("GET", "/search", params={"q": "数据", "kind": "Skill"}).json()
    expect(page.locator("#search-summary")).to_contain_text(f"共 {skills['count']} 条结果")
    assert skills["count"] < expected["count"]
    first = hits.first.locator("a")
    expect(first).to_have_text(skills["data"][0]["label"])
    screenshot(page, "search")

    first.click()  # a skill leads to its learning path
    expect(page).to_have_url(f"/#/path/skill/{skills['data'][0]['iri'].rsplit('/', 1)[1]}")


def test_a_technology_lists_the_courses_teaching_it(page: Page) -> None:
    page.goto("/#/search?q=数据库技术&kind=Technology")
    hit = page.locator("#search-results > li[data-kind=Technology]").first
    expect(hit).to_contain_text("数据库技术")
    hit.locator("summary").click()
    expect(hit.locator(".tech-body")).to_contain_text("数据库技术及应用")  # a course of 510201


def test_an_api_error_shows_the_problem_title(page: Page) -> None:
    def fail(route: Route) -> None:
        route.fulfill(
            status=503,
            content_type="application/problem+json",
            body='{"title": "Service Unavailable", "status": 503,'
            ' "detail": "the store cannot serve this request now"}',
        )

    page.route("**/api/v1/search?*", fail)
    page.goto("/#/search?q=数据")
    alert = page.locator("#search-summary [role=alert]")
    expect(alert).to_contain_text("Service Unavailable")
    expect(alert).to_contain_text("the store cannot serve this request now")
