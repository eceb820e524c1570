"""``graphbuilder.TechnologyMatcher.v1``: technology mentions as ``Technology`` spans.

Taxonomy terms and Latin-script names (:func:`graphbuilder.nlp.technology.find_technologies`)
go to ``doc.spans["technologies"]``, each span labelled ``Technology`` with the taxonomy
concept it names in ``span._.concept`` (``""`` for a name the taxonomy does not know).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.nlp.components.base import LexiconComponent, factory_name
from graphbuilder.nlp.technology import (
    COMPONENT,
    VERSION,
    TechMention,
    TechnologyLexicon,
    find_technologies,
)

FACTORY = factory_name(COMPONENT, VERSION)
LABEL = "Technology"

if not Span.has_extension("concept"):
    Span.set_extension("concept", default="")


class TechnologyMatcher(LexiconComponent[TechnologyLexicon, list[TechMention]]):
    """Finds technology mentions with the taxonomy's terms and the Latin-name rule."""

    lexicon_type = TechnologyLexicon

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)

    def match(self, doc: Doc) -> list[TechMention]:
        """The mentions in ``doc.text``."""
        return find_technologies(doc.text, self.lexicon)

    def set_annotations(self, doc: Doc, mentions: list[TechMention]) -> Doc:
        """Write ``doc.spans["technologies"]``."""
        spans: list[Span] = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=LABEL, alignment_mode="expand")
            if span is not None:
                span._.concept = m.term.concept if m.term else ""
                spans.append(span)
        doc.spans["technologies"] = spans
        return doc


@Language.factory(FACTORY)
def make_technology_matcher(nlp: Language, name: str) -> TechnologyMatcher:
    """The factory."""
    return TechnologyMatcher(nlp, name)
