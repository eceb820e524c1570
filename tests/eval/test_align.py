"""The alignment scorer, and the shipped taxonomy against the hand-made gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.align.embedders import CharNgramEmbedder
from graphbuilder.align.matcher import Matcher
from graphbuilder.align.skos import load_skos
from graphbuilder.errors import InputError
from graphbuilder.eval.align import read_gold, score_alignment

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "align" / "gold.tsv"


@pytest.fixture(scope="module")
def taxonomy():  # type: ignore[no-untyped-def]
    return load_skos(None)


def test_gold_set_scores_at_shipped_threshold(taxonomy) -> None:  # type: ignore[no-untyped-def]
    gold = read_gold(GOLD, taxonomy)
    assert len([g for g in gold if g.expected]) >= 150
    corpus = [g.mention for g in gold] + [lb.text for c in taxonomy for lb in c.labels]
    m = Matcher.for_taxonomy(taxonomy, embedders=[CharNgramEmbedder(corpus)], threshold=0.8)
    scores, _ = score_alignment(gold, m, 0.8)
    assert scores["precision_at_1"] >= 0.9
    assert scores["recall"] >= 0.8


def test_bad_gold_lines_name_their_line(tmp_path: Path, taxonomy) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "g.tsv"
    f.write_text("# c\nPLC\t可编程控制器（PLC）\n机械基础 no tab\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.tsv:3"):
        read_gold(f, taxonomy)
    f.write_text("PLC\t没有这个技术\n", encoding="utf-8")
    with pytest.raises(InputError, match="names no concept"):
        read_gold(f, taxonomy)


def test_scores_count_abstentions_and_errors(taxonomy) -> None:  # type: ignore[no-untyped-def]
    plc = taxonomy.find_label("可编程控制器（PLC）")[0]
    from graphbuilder.eval.align import GoldItem

    gold = [
        GoldItem("PLC技术", frozenset({plc}), 1),
        GoldItem("机械基础", frozenset(), 2),
        GoldItem("工业机器人", frozenset({plc}), 3),  # deliberately wrong gold: counts as error
    ]
    scores, _ = score_alignment(gold, Matcher.for_taxonomy(taxonomy), 0.8)
    assert scores["answered"] == 2 and scores["correct"] == 1
    assert scores["precision_at_1"] == 0.5 and scores["recall"] == 0.5
