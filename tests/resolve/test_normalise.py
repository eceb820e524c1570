from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.nlp.lexicon import load_skill_lexicon
from graphbuilder.nlp.skills import split_statement
from graphbuilder.nlp.technology import find_technologies, load_technology_lexicon
from graphbuilder.resolve.normalise import (
    clear_caches,
    core,
    fold,
    load_equivalences,
    skill_key,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ｗｅｂ前端开发", "web 前端开发"),
        ("数控加工技术", "数控加工"),
        ("钳工技能", "钳工"),
        ("化妆品的产品", "化妆品产品"),
        ("S7-1200（PLC）", "s7-1200 plc"),
    ],
)
def test_equivalent_labels_share_a_core(a: str, b: str) -> None:
    assert core(a) == core(b)


@pytest.mark.parametrize(("a", "b"), [("C++", "C"), ("S7-1200", "S71200"), ("技术", "")])
def test_labels_that_differ_keep_different_cores(a: str, b: str) -> None:
    assert core(a) != core(b)


def test_skill_keys_resolve_action_spellings_and_object_cores() -> None:
    assert skill_key("制定", "生产计划") == skill_key("制订", "生产的计划")
    assert skill_key("管理", "数据库") != skill_key("设计", "数据库")
    assert fold("ＡＢ　c") == "abc"


def test_a_malformed_equivalence_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "eq.tsv"
    bad.write_text("suffix\t技术\nsynonym\ta\tb\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"eq\.tsv:2"):
        load_equivalences(bad)


def test_clear_caches_forgets_every_per_text_cache_of_extraction() -> None:
    core("数控加工技术")
    split_statement("具备数据库管理能力；", load_skill_lexicon())
    find_technologies("使用 S7-1200", load_technology_lexicon())
    clear_caches()
    assert fold.cache_info().currsize == 0
    assert split_statement.cache_info().currsize == 0
    # The mentions' cache is private: a cold search after clearing misses it.
    from graphbuilder.nlp import technology

    assert technology._mentions.cache_info().currsize == 0
