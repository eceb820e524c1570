"""``GET /api/v1/majors/{code}/gaps`` on the fixture store (built with the derived stages)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from graphbuilder.algorithms.gaps import GapReport
from tests.api.conftest import BASE

NETWORKS = "510202"  # 计算机网络技术: five occupations, eleven technologies their tasks need


def _need(report: dict[str, object], label: str) -> dict[str, object]:
    needed = report["needed"]
    assert isinstance(needed, list)
    (need,) = [n for n in needed if n["label"] == label]
    return need  # type: ignore[no-any-return]


def test_the_gap_report_of_a_major(client: TestClient) -> None:
    r = client.get(f"/api/v1/majors/{NETWORKS}/gaps")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    report = r.json()
    GapReport.model_validate(report)  # the documented shape, nothing more or less
    assert (report["code"], report["major"]) == (NETWORKS, "计算机网络技术")
    assert sorted(report["occupations"]) == sorted(
        ["通信工程技术人员", "计算机网络工程技术人员", "云计算工程技术人员",
         "信息通信网络运行管理员", "网络与信息安全管理员"]
    )  # fmt: skip
    # Needed and not covered, with the task that says so.
    simulation = _need(report, "仿真技术")
    assert simulation["covered"] is False
    assert simulation["covered_by"] == [] and simulation["coverage"] == []
    first, *more = simulation["evidence"]  # type: ignore[misc]
    assert {k: v for k, v in first.items() if k != "task_iri"} == {
        "occupation": "计算机网络工程技术人员",
        "occupation_iri": f"{BASE}occupation/2-02-10-04",
        "task": "规划、设计、仿真测试计算机网络系统",
        "via": "规划、设计、仿真测试计算机网络系统",
        "how": "task",
    }
    assert first["task_iri"].startswith(f"{BASE}task/")
    # The task's skills and its technology mention name it too: the same task each time.
    assert {(e["task_iri"], e["how"]) for e in more} == {
        (first["task_iri"], "skill"),
        (first["task_iri"], "mention"),
    }
    # Covered by a course that aligns to it.
    routing = _need(report, "路由与交换")
    assert {"kind": "Course", "label": "路由交换技术与应用", "how": "aligned"}.items() <= routing[
        "coverage"
    ][0].items()  # type: ignore[index]
    demands = [n["demand"] for n in report["needed"]]
    assert demands == sorted(demands, reverse=True)
    assert report["needed_skills"] and all(
        e["occupation"] in report["occupations"]
        for s in report["needed_skills"]
        for e in s["evidence"]
    )


def test_the_api_answers_what_the_command_prints(client: TestClient, store_dir: Path) -> None:
    from graphbuilder.algorithms.gaps import gap_report
    from graphbuilder.store.gap_inputs import read_gap_inputs

    api = client.get(f"/api/v1/majors/{NETWORKS}/gaps").json()
    store = client.app.state.store  # type: ignore[attr-defined]
    assert api == gap_report(read_gap_inputs(store), NETWORKS).model_dump(mode="json")


def test_html_by_accept_header_or_format(client: TestClient) -> None:
    for kwargs in ({"headers": {"Accept": "text/html"}}, {"params": {"format": "html"}}):
        r = client.get(f"/api/v1/majors/{NETWORKS}/gaps", **kwargs)  # type: ignore[arg-type]
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/html")
        assert "<h1>510202 计算机网络技术</h1>" in r.text and "仿真技术" in r.text
    r = client.get(f"/api/v1/majors/{NETWORKS}/gaps", params={"format": "json"},
                   headers={"Accept": "text/html"})  # fmt: skip
    assert r.headers["content-type"] == "application/json"


def test_unknown_and_malformed_majors(client: TestClient) -> None:
    r = client.get("/api/v1/majors/999999/gaps")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"] == "no major 999999"
    assert client.get("/api/v1/majors/51020/gaps").status_code == 422
    assert client.get(f"/api/v1/majors/{NETWORKS}/gaps?format=pdf").status_code == 422


def test_the_slice_is_read_once(client: TestClient) -> None:
    client.get(f"/api/v1/majors/{NETWORKS}/gaps")
    cache = client.app.state.gap_inputs  # type: ignore[attr-defined]
    first = cache.get(client.app.state.store)  # type: ignore[attr-defined]
    client.get("/api/v1/majors/510201/gaps")
    assert cache.get(client.app.state.store) is first  # type: ignore[attr-defined]
