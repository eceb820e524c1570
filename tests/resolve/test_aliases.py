from __future__ import annotations

from pathlib import Path

from graphbuilder.align.compose import concept_iri
from graphbuilder.nlp.technology import TechMention, find_technologies, load_technology_lexicon
from graphbuilder.resolve.aliases import identify

BASE = "https://w3id.org/graphbuilder/id/"
TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "technologies.csv"


def test_aliases_of_one_concept_are_one_technology() -> None:
    lex = load_technology_lexicon(TABLE)
    mentions = find_technologies("PLC、可编程控制器与可编程逻辑控制器", lex)
    assert [m.text for m in mentions] == ["PLC", "可编程控制器", "可编程逻辑控制器"]
    identities = {identify(m) for m in mentions}
    assert len(identities) == 1
    (plc,) = identities
    assert plc.label == "可编程控制器（PLC）"
    assert plc.concept == "onet:Programmable logic controller PLC software"


def test_the_iri_is_the_taxonomy_concepts() -> None:
    # The rule restated in resolve/aliases.py must stay the rule of align/compose.py.
    lex = load_technology_lexicon(TABLE)
    for m in find_technologies("PLC编程与工业机器人", lex):
        ident = identify(m)
        assert ident.iri(BASE) == concept_iri(BASE, ident.concept)


def test_an_unknown_name_is_its_own_technology_whatever_its_case() -> None:
    a = identify(TechMention("TIA Portal", 0, 10, None))
    b = identify(TechMention("tia portal", 0, 10, None))
    assert a.iri(BASE) == b.iri(BASE)
    assert (a.label, a.label_en, a.concept) == ("TIA Portal", "TIA Portal", "")
