"""``graphbuilder.KnowledgeMatcher.v1``: the knowledge points of 知识 clauses, as spans.

Reads a training goal's 掌握…知识 clause and any 熟悉/掌握/了解… knowledge clause
(:func:`graphbuilder.nlp.knowledge.find_knowledge`) and writes ``doc.spans["knowledge"]``,
each span labelled ``KnowledgePoint`` and carrying its level in ``span._.level``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.nlp.components.base import LexiconComponent, factory_name
from graphbuilder.nlp.knowledge import COMPONENT, VERSION, find_knowledge
from graphbuilder.nlp.lexicon import SkillLexicon
from graphbuilder.nlp.skills import KnowledgeItem

FACTORY = factory_name(COMPONENT, VERSION)
LABEL = "KnowledgePoint"

if not Span.has_extension("level"):
    Span.set_extension("level", default="")


class KnowledgeMatcher(LexiconComponent[SkillLexicon, list[KnowledgeItem]]):
    """Finds knowledge points with the rules of :mod:`graphbuilder.nlp.knowledge`."""

    lexicon_type = SkillLexicon

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)

    def match(self, doc: Doc) -> list[KnowledgeItem]:
        """The knowledge items of ``doc.text``."""
        return find_knowledge(doc.text, self.lexicon)

    def set_annotations(self, doc: Doc, items: list[KnowledgeItem]) -> Doc:
        """Write ``doc.spans["knowledge"]``."""
        spans: list[Span] = []
        for k in items:
            span = doc.char_span(k.start, k.end, label=LABEL, alignment_mode="expand")
            if span is not None:
                span._.level = k.level
                spans.append(span)
        doc.spans["knowledge"] = spans
        return doc


@Language.factory(FACTORY)
def make_knowledge_matcher(nlp: Language, name: str) -> KnowledgeMatcher:
    """The factory."""
    return KnowledgeMatcher(nlp, name)
