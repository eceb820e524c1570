from __future__ import annotations

from graphbuilder.model import Provenance
from graphbuilder.resolve.entities import EntityTable


def _prov(start: int) -> Provenance:
    return Provenance(doc_id="d", start=start, end=start + 2, extractor="x", version="1")


def test_mentions_of_one_key_are_one_entity_with_every_surface_form() -> None:
    table = EntityTable()
    a = table.add("Skill", "管理|数据库", "管理数据库", _prov(0), surfaces=("数据库管理",))
    b = table.add("Skill", "管理|数据库", "管理数据库", _prov(9), surfaces=("数据库的管理",))
    assert a == b
    (entity,) = table.entities()
    assert entity.label == "管理数据库"
    assert entity.alt_labels == ("数据库管理", "数据库的管理")
    assert entity.provenance.start == 0


def test_near_duplicates_merge_within_a_block_only() -> None:
    table = EntityTable()
    table.add(
        "Skill", "管理|钢结构工程施工进度", "管理钢结构工程施工进度", _prov(0), attrs={"a": "管理"}
    )
    twin = table.add(
        "Skill",
        "管理|钢结构工程施工进度表",
        "管理钢结构工程施工进度表",
        _prov(5),
        attrs={"a": "管理"},
    )
    other = table.add(
        "Skill", "编制|钢结构工程施工进度", "编制钢结构工程施工进度", _prov(9), attrs={"a": "编制"}
    )
    clusters = table.merge_near_duplicates(
        "Skill", text=lambda e: e.key.split("|")[1], block=lambda e: str(e.attrs["a"])
    )
    assert len(clusters) == 1 and table.merges == clusters
    merged = table.resolve(twin)
    assert merged.key == "管理|钢结构工程施工进度"
    assert "管理钢结构工程施工进度表" in merged.alt_labels
    assert table.resolve(other).key == "编制|钢结构工程施工进度"
    assert len(table.entities()) == 2
