from __future__ import annotations

from pathlib import Path

from graphbuilder.nlp.user_dictionary import ontology_terms, user_dictionary
from graphbuilder.pipeline import build
from graphbuilder.settings import Settings

TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "technologies.csv"


def test_ontology_and_taxonomy_terms() -> None:
    assert {"知识点", "技能点", "职业技能等级证书"} <= set(ontology_terms())
    words = user_dictionary(taxonomy=TABLE)
    assert {"可编程逻辑控制器", "S7-1200", "Web 前端开发", "PLC"} <= set(words)
    assert len(words) == len(set(words))


def test_store_terms_add_course_and_certificate_names(fixture_corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    settings = Settings()
    build([fixture_corpus], store, settings=settings)
    words = set(user_dictionary(store=store, base_iri=settings.base_iri, taxonomy=None))
    assert {"计算机网络基础", "Web 前端开发"} <= words
