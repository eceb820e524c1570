"""Resource linking (web/src/linking.js, keyring.js, suggest.js, review.js): the editor's key,
creating and linking a resource, suggestions, alignment reviews, and refusals without a key."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import KP_DB, KP_SECURITY, Server, screenshot

pytestmark = pytest.mark.browser


def _save_key(page: Page, key: str) -> None:
    page.get_by_label("API 密钥").fill(key)
    page.get_by_role("button", name="保存", exact=True).click()


def _find_node(page: Page, text: str, iri: str) -> None:
    page.get_by_label("知识点、技能、模块或课程").press_sequentially(text, delay=20)
    page.locator(f"[role=option][data-iri='{iri}']").click()
    expect(page.locator("#node-card h4")).to_contain_text(text)


def _links_of(server: Server, node: str) -> dict[str, str]:
    """Titles of the resources linked to ``node``, by resource IRI (read through the API)."""
    found = server.api("GET", "/links", params={"node": node}).json()["data"]
    return {
        lk["resource"]: server.api("GET", f"/resources/{lk['resource'].rsplit('/', 1)[1]}").json()[
            "title"
        ]
        for lk in found
    }


def test_an_editor_creates_a_resource_and_links_it(page: Page, server: Server) -> None:
    page.goto("/#/link")
    expect(page.locator("#api-key-status")).to_contain_text("尚未保存密钥")
    _save_key(page, server.editor_key)
    expect(page.locator("#api-key-status")).to_contain_text("密钥有效")
    page.reload()  # kept in this browser: entered once
    expect(page.locator("#api-key-status")).to_contain_text(f"已保存密钥 {server.editor_key[:11]}")

    _find_node(page, "数据库", KP_DB)
    expect(page.locator("#link-targets")).to_contain_text("数据库")
    page.get_by_label("资源名称（必填）").fill("数据库设计实训指导书")
    page.get_by_label("资源类型").select_option("training-guide")
    page.get_by_label("资源地址").fill("https://example.edu.cn/db-guide")
    page.get_by_role("button", name="保存并关联").click()
    result = page.locator("#link-result [role=status]")
    expect(result).to_contain_text("已保存《数据库设计实训指导书》，共关联 1 个节点")
    assert "数据库设计实训指导书" in _links_of(server, KP_DB).values()
    expect(page.locator("#node-resources")).to_contain_text("数据库设计实训指导书")
    screenshot(page, "linking")


def test_suggestions_are_accepted_or_rejected(page: Page, server: Server) -> None:
    page.goto("/#/link")
    _save_key(page, server.editor_key)
    page.get_by_label("资源名称（必填）").fill("数据库设计与网络安全实训")
    suggestions = page.locator("#suggestions .suggestion")
    expect(suggestions.first).to_be_visible()
    expected = server.api(
        "GET", "/suggestions", params={"title": "数据库设计与网络安全实训"}
    ).json()["data"]
    assert {s["iri"] for s in expected} >= {KP_DB, KP_SECURITY}
    expect(suggestions).to_have_count(len(expected))

    page.get_by_role("button", name="忽略: 数据库").click()
    expect(page.locator(f"#suggestions .suggestion[data-iri='{KP_DB}']")).to_have_count(0)
    expect(page.locator("#suggestions")).to_contain_text("已忽略 1 条推荐")
    page.get_by_role("button", name="采纳: 网络安全").click()
    expect(page.locator(f"#link-targets .chip[data-iri='{KP_SECURITY}']")).to_be_visible()
    expect(page.get_by_role("button", name="采纳: 网络安全")).to_be_disabled()
    page.get_by_role("button", name="保存并关联").click()
    expect(page.locator("#link-result [role=status]")).to_contain_text("共关联 1 个节点")
    assert "数据库设计与网络安全实训" in _links_of(server, KP_SECURITY).values()
    assert "数据库设计与网络安全实训" not in _links_of(server, KP_DB).values()


def test_an_alignment_is_accepted_then_rejected(page: Page, server: Server) -> None:
    page.goto("/#/link")
    _save_key(page, server.editor_key)
    _find_node(page, "网络安全", KP_SECURITY)
    row = page.locator(".reviews[data-predicate=alignsTo] tbody tr").first
    tech = row.get_attribute("data-object")
    expect(row.locator(".review-status")).to_have_text("自动推断")

    for button, status, shown in [("接受", "accepted", "已接受"), ("拒绝", "rejected", "已拒绝")]:
        row.get_by_role("button", name=button).click()
        expect(row.locator(".review-status")).to_have_text(shown)
        decisions = server.api("GET", "/reviews", params={"predicate": "alignsTo"}).json()["data"]
        assert {
            "subject": KP_SECURITY,
            "predicate": "alignsTo",
            "object": tech,
            "status": status,
        } in (decisions)
    server.api(
        "DELETE",
        "/reviews",
        params={"subject": KP_SECURITY, "predicate": "alignsTo", "object": tech},
    )


def test_without_a_valid_key_nothing_is_written_and_the_problem_shows(
    page: Page, server: Server
) -> None:
    page.goto("/#/link")
    _save_key(page, "gb_00000000_not-a-real-key")
    expect(page.locator("#api-key-status [role=alert]")).to_contain_text("Unauthorized")
    expect(page.locator("#api-key-status")).not_to_contain_text("已保存密钥")

    _find_node(page, "数据库", KP_DB)
    expect(page.locator("#link-nokey")).to_contain_text("保存需要编辑密钥")
    page.get_by_label("资源名称（必填）").fill("无密钥的资源")
    page.get_by_role("button", name="保存并关联").click()
    alert = page.locator("#link-result [role=alert]")
    expect(alert).to_contain_text("Unauthorized")
    expect(alert).to_contain_text("this needs an API key with role editor")
    assert "无密钥的资源" not in _links_of(server, KP_DB).values()
