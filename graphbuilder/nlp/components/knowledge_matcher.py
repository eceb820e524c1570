"""``graphbuilder.KnowledgeMatcher.v1``: the knowledge points of 知识 clauses, as spans.

Reads a training goal's 掌握…知识 clause and any 熟悉/掌握/了解… knowledge clause
(:func:`graphbuilder.nlp.knowledge.find_knowledge`) and writes ``doc.spans["knowledge"]``,
each span labelled ``KnowledgePoint`` and carrying its level in ``span._.level``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.nlp.knowledge import COMPONENT, VERSION, find_knowledge
from graphbuilder.nlp.lexicon import SkillLexicon
from graphbuilder.nlp.skills import KnowledgeItem

# spaCy forbids "." in factory names (E853): graphbuilder.SkillSplitter.v1 is registered with "_".
FACTORY = f"{COMPONENT}.{VERSION}".replace(".", "_")
LABEL = "KnowledgePoint"

if not Span.has_extension("level"):
    Span.set_extension("level", default="")


class KnowledgeMatcher:
    """Finds knowledge points with the rules of :mod:`graphbuilder.nlp.knowledge`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon: SkillLexicon | None = None

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Any = None,
        lexicon: Any = None,
    ) -> None:
        """Take the lexicon (from ``[initialize.components.<name>] lexicon``).

        ``lexicon`` is a :class:`SkillLexicon` or a function that loads one (what the registered
        loaders give); it is typed ``Any`` because spaCy builds a pydantic model of this
        signature and cannot resolve postponed annotations.
        """
        if callable(lexicon):
            lexicon = lexicon()
        if not isinstance(lexicon, SkillLexicon):
            raise ValueError(f"{self.name}: initialize() needs a SkillLexicon, got {lexicon!r}")
        self.lexicon = lexicon

    def match(self, doc: Doc) -> list[KnowledgeItem]:
        """The knowledge items of ``doc.text``."""
        if self.lexicon is None:
            raise ValueError(f"{self.name}: not initialized; call nlp.initialize() first")
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

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's knowledge points."""
        return self.set_annotations(doc, self.match(doc))


@Language.factory(FACTORY)
def make_knowledge_matcher(nlp: Language, name: str) -> KnowledgeMatcher:
    """The factory."""
    return KnowledgeMatcher(nlp, name)
