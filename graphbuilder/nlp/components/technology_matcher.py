"""``graphbuilder.TechnologyMatcher.v1``: technology mentions as ``Technology`` spans.

Taxonomy terms and Latin-script names (:func:`graphbuilder.nlp.technology.find_technologies`)
go to ``doc.spans["technologies"]``, each span labelled ``Technology`` with the taxonomy
concept it names in ``span._.concept`` (``""`` for a name the taxonomy does not know).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.nlp.technology import (
    COMPONENT,
    VERSION,
    TechMention,
    TechnologyLexicon,
    find_technologies,
)

# spaCy forbids "." in factory names (E853): graphbuilder.SkillSplitter.v1 is registered with "_".
FACTORY = f"{COMPONENT}.{VERSION}".replace(".", "_")
LABEL = "Technology"

if not Span.has_extension("concept"):
    Span.set_extension("concept", default="")


class TechnologyMatcher:
    """Finds technology mentions with the taxonomy's terms and the Latin-name rule."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon: TechnologyLexicon | None = None

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Any = None,
        lexicon: Any = None,
    ) -> None:
        """Take the lexicon (from ``[initialize.components.<name>] lexicon``).

        ``lexicon`` is a :class:`TechnologyLexicon` or a function that loads one (what the
        registered loaders give); it is typed ``Any`` because spaCy builds a pydantic model of
        this signature and cannot resolve postponed annotations.
        """
        if callable(lexicon):
            lexicon = lexicon()
        if not isinstance(lexicon, TechnologyLexicon):
            raise ValueError(
                f"{self.name}: initialize() needs a TechnologyLexicon, got {lexicon!r}"
            )
        self.lexicon = lexicon

    def match(self, doc: Doc) -> list[TechMention]:
        """The mentions in ``doc.text``."""
        if self.lexicon is None:
            raise ValueError(f"{self.name}: not initialized; call nlp.initialize() first")
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

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's technology mentions."""
        return self.set_annotations(doc, self.match(doc))


@Language.factory(FACTORY)
def make_technology_matcher(nlp: Language, name: str) -> TechnologyMatcher:
    """The factory."""
    return TechnologyMatcher(nlp, name)
