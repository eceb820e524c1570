from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graphbuilder.eval.ner import evaluate_ner, score_spans
from graphbuilder.nlp.ner.corpus import Span

TYPES = ("TER", "CON", "TOO")


@pytest.mark.parametrize(
    ("gold", "predicted", "micro", "per_type"),
    [
        # all exact
        (
            [[(0, 2, "TER"), (3, 5, "CON")]],
            [[(3, 5, "CON"), (0, 2, "TER")]],
            (1.0, 1.0, 1.0),
            {"TER": (1.0, 1.0, 1.0, 1), "CON": (1.0, 1.0, 1.0, 1), "TOO": (0.0, 0.0, 0.0, 0)},
        ),
        # a span one character too long, and one too short: both wrong, twice (fp and fn)
        (
            [[(0, 2, "TER"), (3, 6, "CON")]],
            [[(0, 3, "TER"), (3, 5, "CON")]],
            (0.0, 0.0, 0.0),
            {"TER": (0.0, 0.0, 0.0, 1), "CON": (0.0, 0.0, 0.0, 1), "TOO": (0.0, 0.0, 0.0, 0)},
        ),
        # right span, wrong label: a CON false positive and a TER false negative
        (
            [[(0, 2, "TER")], [(1, 3, "TOO")]],
            [[(0, 2, "CON")], [(1, 3, "TOO")]],
            (0.5, 0.5, 0.5),
            {"TER": (0.0, 0.0, 0.0, 1), "CON": (0.0, 0.0, 0.0, 0), "TOO": (1.0, 1.0, 1.0, 1)},
        ),
        # 3 gold TER, 2 predicted of which 1 right; PER on either side is not scored
        (
            [[(0, 2, "TER"), (4, 6, "TER"), (7, 9, "PER")], [(0, 4, "TER")]],
            [[(0, 2, "TER"), (7, 9, "PER")], [(1, 4, "TER"), (5, 6, "PER")]],
            (0.5, 1 / 3, 0.4),
            {"TER": (0.5, 1 / 3, 0.4, 3), "CON": (0.0, 0.0, 0.0, 0), "TOO": (0.0, 0.0, 0.0, 0)},
        ),
        # nothing predicted
        (
            [[(0, 2, "TOO")], []],
            [[], []],
            (0.0, 0.0, 0.0),
            {"TER": (0.0, 0.0, 0.0, 0), "CON": (0.0, 0.0, 0.0, 0), "TOO": (0.0, 0.0, 0.0, 1)},
        ),
    ],
)
def test_score_spans(
    gold: list[list[Span]],
    predicted: list[list[Span]],
    micro: tuple[float, float, float],
    per_type: dict[str, tuple[float, float, float, int]],
) -> None:
    got_micro, got_per_type = score_spans(gold, predicted, TYPES)
    assert (got_micro["p"], got_micro["r"], got_micro["f1"]) == pytest.approx(micro)
    assert list(got_per_type) == list(TYPES)
    for label, (p, r, f1, support) in per_type.items():
        got = got_per_type[label]
        assert (got["p"], got["r"], got["f1"]) == pytest.approx((p, r, f1)), label
        assert got["support"] == support, label


def test_score_spans_rejects_misaligned_inputs() -> None:
    with pytest.raises(ValueError, match="2 gold sentences but 1 predicted"):
        score_spans([[], []], [[]])


def _gold_file(tmp_path: Path) -> Path:
    rows = [
        # 学习分析技术 TOO, 在线学习 CON
        "学 B-TOO\n习 I-TOO\n分 I-TOO\n析 I-TOO\n技 I-TOO\n术 I-TOO\n和 O\n"
        "在 B-CON\n线 I-CON\n学 I-CON\n习 I-CON\n",
        # 教师 PER, 翻转课堂 CON
        "教 B-PER\n师 I-PER\n用 O\n翻 B-CON\n转 I-CON\n课 I-CON\n堂 I-CON\n",
    ]
    path = tmp_path / "gold.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def test_evaluate_ner_on_a_rule_pipeline(tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("zh")
    nlp.meta["name"] = "rules"
    ruler = nlp.add_pipe("entity_ruler")

    def chars(text: str) -> list[dict[str, str]]:
        return [{"TEXT": c} for c in text]

    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "TOO", "pattern": chars("学习分析")},  # partial overlap: wrong
            {"label": "CON", "pattern": chars("在线学习")},  # exact
            {"label": "CON", "pattern": chars("翻转课堂")},  # exact
            {"label": "TER", "pattern": chars("教师")},  # right span, gold says PER: wrong
        ]
    )
    scores = evaluate_ner(_gold_file(tmp_path), nlp, labels=TYPES)
    assert scores["n_sentences"] == 2
    assert scores["pipeline"].startswith("rules 0.0.0 (spaCy 3.")
    # 4 predicted in scored types, 2 right; 3 gold in scored types.
    assert scores["micro"] == pytest.approx({"p": 0.5, "r": 2 / 3, "f1": 4 / 7})
    assert scores["per_type"]["CON"] == pytest.approx({"p": 1.0, "r": 1.0, "f1": 1.0, "support": 2})
    assert scores["per_type"]["TOO"] == pytest.approx({"p": 0.0, "r": 0.0, "f1": 0.0, "support": 1})
    assert scores["per_type"]["TER"] == pytest.approx({"p": 0.0, "r": 0.0, "f1": 0.0, "support": 0})


def test_importing_eval_does_not_import_spacy() -> None:
    code = (
        "import sys, graphbuilder.eval.ner, graphbuilder.nlp.ner.train, graphbuilder.nlp.ner.load;"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
