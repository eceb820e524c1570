from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from graphbuilder.extract import Context
from graphbuilder.extract.lexicons import Lexicons
from graphbuilder.model import Document
from graphbuilder.nlp.technology import load_technology_lexicon
from graphbuilder.pipeline import fingerprint

BASE = "https://w3id.org/graphbuilder/id/"
TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "technologies.csv"


def _doc(kind: str) -> Document:
    return Document("d", "p", kind, "h", "utf-8", [])


def test_a_changed_lexicon_re_extracts_only_the_documents_that_read_it() -> None:
    shipped = Context(BASE)
    other = Context(
        BASE, lexicons=replace(Lexicons.shipped(), technologies=load_technology_lexicon(TABLE))
    )
    assert shipped.lexicons.fingerprint != other.lexicons.fingerprint
    for kind in ("moe-standard", "occupation-dictionary"):
        assert fingerprint(_doc(kind), shipped) != fingerprint(_doc(kind), other)
    for kind in ("onet-technology", "major-catalogue"):
        assert fingerprint(_doc(kind), shipped) == fingerprint(_doc(kind), other)
