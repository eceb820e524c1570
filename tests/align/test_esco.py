"""ESCO CSV export → the same taxonomy structure as SKOS (fixture: tests/fixtures/align/esco)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.align.esco import load_esco
from graphbuilder.errors import InputError

ESCO = Path(__file__).resolve().parents[1] / "fixtures" / "align" / "esco"
SKILL = "http://data.europa.eu/esco/skill/"


def test_concepts_labels_and_broader() -> None:
    tx = load_esco([ESCO])
    programming = tx.concepts[f"{SKILL}21d2f96d-35f7-4e3f-9745-c533d2dd6e97"]
    assert programming.pref("en") == "computer programming"
    citizenship = tx.concepts[f"{SKILL}16a00c69-9c74-4c37-96d7-6301d285e5ce"]
    assert "use e-services" in {lb.text for lb in citizenship.labels if lb.kind == "alt"}
    assert f"{SKILL}S5.6.1" in citizenship.broader
    # the hierarchy file: S1 is under S
    assert tx.concepts[f"{SKILL}S1"].broader == (f"{SKILL}S",)


def test_unknown_csv_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "x_en.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="neither an ESCO concept file"):
        load_esco([f])


def test_row_without_label_names_its_line(tmp_path: Path) -> None:
    f = tmp_path / "skills_en.csv"
    f.write_text("conceptUri,preferredLabel\nhttp://x/1,one\nhttp://x/2,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"skills_en\.csv:3"):
        load_esco([f])
