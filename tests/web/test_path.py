"""The skill path view (web/src/path.js, pathgraph.js, csv.js): drawn stages, known items,
CSV export, print."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import KP_SECURITY, SKILL_SECURITY, Server, screenshot

pytestmark = pytest.mark.browser

TARGET = "配置网络安全软硬件"
COURSE_VIRT = "网络虚拟化技术应用"  # a stage-1 prerequisite of the target's prerequisite


def _graph_nodes(page: Page) -> int:
    count: int = page.evaluate("window.graphbuilder.pathGraph.nodes().length")
    return count


def _open_with_keyboard(page: Page) -> None:
    page.goto("/#/path")
    box = page.get_by_label("学习目标（技能、课程、知识点或职业）")
    box.press_sequentially(TARGET, delay=20)
    expect(page.get_by_role("option", name=TARGET).first).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.locator("#path-summary")).to_be_visible()


def test_the_path_is_drawn_in_stages_and_shrinks_as_steps_are_known(
    page: Page, server: Server
) -> None:
    made = server.api("POST", "/resources", json={"title": "网络安全导论微课", "type": "video"})
    assert made.status_code == 201, made.text
    rid = made.json()["id"]
    linked = server.api("PUT", f"/resources/{rid}/links", json={"node": KP_SECURITY})
    assert linked.status_code == 200, linked.text
    expected = server.api("GET", f"/paths/skill/{SKILL_SECURITY.rsplit('/', 1)[1]}").json()
    items = [i for stage in expected["stages"] for i in stage]
    assert len(expected["stages"]) >= 3

    _open_with_keyboard(page)
    steps = page.locator("#path-steps .step")
    expect(steps).to_have_count(len(items))
    assert _graph_nodes(page) == len(items)
    # Levels left to right: every prerequisite is drawn left of what needs it.
    edges = page.evaluate(
        "window.graphbuilder.pathGraph.edges().map(e =>"
        " [e.source().position('x'), e.target().position('x')])"
    )
    assert edges and all(src < dst for src, dst in edges)
    expect(page.locator("#path-steps > li")).to_have_count(len(expected["stages"]))
    step = page.locator(f".step[data-iri='{KP_SECURITY}']")
    expect(step).to_contain_text("网络安全导论微课")  # its linked resource

    page.get_by_label(f"已掌握：{COURSE_VIRT}").press("Space")  # keyboard: tick with the space bar
    expect(steps).to_have_count(len(items) - 1)
    assert _graph_nodes(page) == len(items) - 1
    expect(page.locator(".known-panel")).to_contain_text(COURSE_VIRT)
    key = SKILL_SECURITY.rsplit("/", 1)[1]
    expect(page).to_have_url(f"/#/path/skill/{key}?known=course%2F1c60eec3af64c0b5")
    screenshot(page, "path")

    # A click, not check(): the ticked step leaves the path, so its state cannot be read back
    # (and the chip that appears, 取消已掌握：…, would match a loose label).
    page.get_by_label("已掌握：网络安全设备配置与管理", exact=True).click()
    # Knowing the course implies what it needs: only the knowledge point and the target remain.
    expect(steps).to_have_count(2)
    assert _graph_nodes(page) == 2
    page.get_by_role("button", name=f"取消已掌握：{COURSE_VIRT}").click()
    expect(steps).to_have_count(2)  # the course still implies it
    page.get_by_role("button", name="取消已掌握：网络安全设备配置与管理").click()
    expect(steps).to_have_count(len(items))


def test_the_path_exports_as_csv_and_prints_without_controls(page: Page, server: Server) -> None:
    page.goto(f"/#/path/skill/{SKILL_SECURITY.rsplit('/', 1)[1]}")
    steps = page.locator("#path-steps .step")
    expect(steps.first).to_be_visible()
    shown = steps.evaluate_all("els => els.map(e => e.dataset.iri)")
    with page.expect_download() as info:
        page.get_by_role("button", name="导出 CSV").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    text = download.path().read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs then read it as UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0][:4] == ["阶段", "类型", "名称", "标识"]
    assert [r[3] for r in rows[1:]] == shown
    stages = [int(r[0]) for r in rows[1:]]
    assert stages == sorted(stages) and stages[0] == 1 and stages[-1] >= 3
    assert rows[-1][2] == TARGET and rows[-1][1] == "技能"
    by_label = {r[2]: r for r in rows[1:]}
    assert set(by_label["网络安全设备配置与管理"][4].split("; ")) == {
        "网络安全技术基础",
        COURSE_VIRT,
    }

    page.emulate_media(media="print")
    expect(page.locator("#path-graph")).to_be_hidden()
    expect(page.locator(".graph-print")).to_be_visible()  # the drawing as an image
    assert (
        page.locator(".graph-print")
        .get_attribute("src", timeout=5000)
        .startswith(  # type: ignore[union-attr]
            "data:image/png"
        )
    )
    expect(page.locator("header.top")).to_be_hidden()
    expect(page.get_by_role("button", name="导出 CSV")).to_be_hidden()
    expect(steps.first).to_be_visible()


def test_an_unknown_target_shows_the_problem(page: Page) -> None:
    page.goto("/#/path/skill/0000000000000000")
    alert = page.locator("#view-path [role=alert]")
    expect(alert).to_contain_text("Not Found")
    expect(alert).to_contain_text("no node")


def test_steps_show_inferred_courses_with_a_mark_and_why(page: Page, server: Server) -> None:
    key = SKILL_SECURITY.rsplit("/", 1)[1]
    expected = server.api("GET", f"/paths/skill/{key}").json()
    target = expected["stages"][-1][0]
    assert target["taught_by"] == [] and target["taught_by_inferred"], target
    inferred = [c["label"] for c in target["taught_by_inferred"]]
    page.goto(f"/#/path/skill/{key}")
    dd = page.locator(f".step[data-iri='{SKILL_SECURITY}'] dd.inferred")
    for label in inferred:
        expect(dd).to_contain_text(label)
    marks = dd.locator(".inferred-mark")
    expect(marks).to_have_count(len(inferred))
    expect(marks.first).to_have_text("推断")
    assert "推断依据" in (marks.first.get_attribute("title") or "")
    with page.expect_download() as info:
        page.get_by_role("button", name="导出 CSV").click()
    text = info.value.path().read_bytes().decode("utf-8").removeprefix("\ufeff")
    last = list(csv.reader(io.StringIO(text)))[-1]
    assert last[5] == "; ".join(f"{label}（推断）" for label in inferred)
    page.get_by_role("button", name="Switch to English / 切换到英文").click()
    expect(marks.first).to_have_text("inferred")
