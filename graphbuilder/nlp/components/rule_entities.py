"""``graphbuilder_RuleEntities_v1``: the rule components' spans as ``doc.ents`` in EduNER's types.

So that a pipeline without a trained recogniser can still be scored by ``eval ner``:
technology mentions become ``TOO`` entities and knowledge points ``TER`` (the product's
Technology ≈ TOO, KnowledgePoint ≈ TER/CON/THE/ALG; the rules cannot tell those four
apart, so they all go to TER). Overlaps keep the earlier, then the longer span.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graphbuilder.nlp.components.base import factory_name

FACTORY = factory_name("graphbuilder.RuleEntities", "v1")
TYPES = {"technologies": "TOO", "knowledge": "TER"}


class RuleEntities:
    """Copies ``doc.spans["technologies"]`` and ``doc.spans["knowledge"]`` into ``doc.ents``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def match(self, doc: Doc) -> list[Span]:
        """The spans, relabelled with EduNER types, without overlaps."""
        spans = [
            Span(doc, s.start, s.end, label=label)
            for key, label in TYPES.items()
            for s in doc.spans.get(key, [])
        ]
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        """Set ``doc.ents``."""
        doc.ents = spans
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Turn the doc's rule spans into entities."""
        return self.set_annotations(doc, self.match(doc))


@Language.factory(FACTORY)
def make_rule_entities(nlp: Language, name: str) -> RuleEntities:
    """The factory."""
    return RuleEntities(nlp, name)
