"""The spaCy pipeline: tokenizer with the user dictionary, the registered rule components."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuilder.nlp.pipeline import make_pipeline

TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "technologies.csv"
TEXT = (
    "具备网络操作系统管理、数据库管理等基本能力；"
    "熟练使用 TIA Portal 进行 S7-1200 PLC编程，熟悉可编程逻辑控制器"
)


@pytest.fixture(scope="module")
def nlp() -> Iterator[object]:
    yield make_pipeline(taxonomy=TABLE)


def test_user_dictionary_terms_stay_whole(nlp: object) -> None:
    doc = nlp(TEXT)  # type: ignore[operator]
    tokens = [t.text for t in doc]
    for term in ("S7-1200", "TIA Portal", "可编程逻辑控制器", "PLC编程"):
        assert term in tokens


def test_components_annotate_skills_knowledge_and_technologies(nlp: object) -> None:
    doc = nlp(TEXT)  # type: ignore[operator]
    assert [(s.action, s.obj, s.level) for s in doc._.skills][:2] == [
        ("管理", "网络操作系统", "具备"),
        ("管理", "数据库", "具备"),
    ]
    assert [s.label_ for s in doc.spans["skills"]][:2] == ["管理网络操作系统", "管理数据库"]
    assert [(s.text, s._.level) for s in doc.spans["knowledge"]] == [("可编程逻辑控制器", "熟悉")]
    concepts = {s.text: s._.concept for s in doc.spans["technologies"]}
    assert concepts["可编程逻辑控制器"] == concepts["PLC编程"]
    assert concepts["TIA Portal"] == ""


def test_the_config_names_loaders_not_lexicons(nlp: object) -> None:
    config = nlp.config  # type: ignore[attr-defined]
    names = [pipe for pipe in config["nlp"]["pipeline"]]
    assert names == ["term_merger", "skill_splitter", "knowledge_matcher", "technology_matcher"]
    assert config["components"]["skill_splitter"]["factory"] == "graphbuilder_SkillSplitter_v1"
    assert config["components"]["skill_splitter"] == {
        "factory": "graphbuilder_SkillSplitter_v1",
        "verbal": False,
    }
    init = config["initialize"]["components"]["skill_splitter"]["lexicon"]
    assert init == {"@misc": "graphbuilder.skill_lexicon.v1", "path": None}


def test_a_component_that_was_not_initialized_says_so() -> None:
    import spacy

    from graphbuilder.nlp.pipeline import register

    register()
    blank = spacy.blank("zh")
    blank.add_pipe("graphbuilder_SkillSplitter_v1")
    with pytest.raises(ValueError, match="initialize"):
        blank("具备数据库管理能力")
