"""eval prereq: pairs files, the LectureBank conversion, the scores and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuilder.cli.app import app
from graphbuilder.errors import InputError
from graphbuilder.eval.prereq import Pair, lecturebank_pairs, read_pairs, score_pairs, write_pairs

LECTUREBANK = Path(__file__).resolve().parents[1] / "fixtures" / "lecturebank"


def test_lecturebank_rows_become_named_pairs_in_their_direction() -> None:
    pairs, warnings = lecturebank_pairs(LECTUREBANK, "lb1")
    assert len(pairs) == 37 and sum(p.label for p in pairs) == 8
    assert Pair("Conditional probability", "Bayes theorem", 1) in pairs
    assert Pair("Bayes theorem", "Conditional probability", 0) in pairs
    assert warnings == [
        "prerequisite_annotation.csv: 1 rows name topic id 210, absent from 208topics.csv; left out"
    ]


def test_converted_pairs_round_trip_through_the_csv(tmp_path: Path) -> None:
    pairs, _ = lecturebank_pairs(LECTUREBANK)
    write_pairs(pairs, tmp_path / "p.csv")
    assert read_pairs(tmp_path / "p.csv") == pairs
    assert (tmp_path / "p.csv").read_text().splitlines()[0] == "prerequisite,concept,label"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b,label\n", "line 1: header"),
        ("prerequisite,concept,label\nx,y\n", "line 2: 2 fields"),
        ("prerequisite,concept,label\nx,y,1\nx,,0\n", "line 3: empty concept name"),
        ("prerequisite,concept,label\nx,y,yes\n", "line 2: label 'yes'"),
    ],
)
def test_bad_pairs_files_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text(text)
    with pytest.raises(InputError, match=message):
        read_pairs(path)


def test_an_unknown_subset_or_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown subset"):
        lecturebank_pairs(LECTUREBANK, "lb9")
    with pytest.raises(InputError, match="missing"):
        lecturebank_pairs(tmp_path, "lb2")


def test_scores_count_the_positive_class() -> None:
    pairs = [Pair("a", "b", 1), Pair("c", "d", 1), Pair("e", "f", 0), Pair("g", "h", 0)]
    assert score_pairs(pairs, [0.9, 0.2, 0.6, 0.1]) == {
        "p": 0.5,
        "r": 0.5,
        "f1": 0.5,
        "auc": 0.75,
        "n": 4,
    }


def test_the_command_scores_both_methods_from_one_run(tmp_path: Path) -> None:
    out = tmp_path / "pairs.csv"
    args = ["eval", "prereq", "--lecturebank", str(LECTUREBANK), "--method", "both"]
    result = CliRunner().invoke(app, [*args, "--write-pairs", str(out), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"inference", "name-similarity"}
    for s in scores.values():
        assert set(s) == {"p", "r", "f1", "auc", "n"} and s["n"] == 37
    one = CliRunner().invoke(app, ["eval", "prereq", "--pairs", str(out), "--json"])
    assert json.loads(one.stdout) == scores["inference"]


def test_texts_reach_the_inference_method(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "Word2Vec.txt").write_text("Word2vec learns a word embedding from text.")
    args = ["eval", "prereq", "--lecturebank", str(LECTUREBANK), "--json"]
    plain = json.loads(CliRunner().invoke(app, args).stdout)
    with_text = json.loads(
        CliRunner().invoke(app, [*args, "--texts", str(tmp_path / "texts")]).stdout
    )
    assert with_text != plain


def test_the_command_needs_exactly_one_source() -> None:
    result = CliRunner().invoke(app, ["eval", "prereq", "--json"])
    assert result.exit_code == 2
