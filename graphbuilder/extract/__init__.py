"""Extraction: turn a read ``Document`` into graph ``Facts``, one extractor per document kind.

Each extractor is a plain function ``(document, context) -> Facts``. The context carries
what one document needs from another (the major catalogue, to resolve 接续专业 names to
codes); its fingerprint is part of every dependent document's build fingerprint so that a
changed catalogue re-extracts the documents that used it.
"""

from __future__ import annotations

from collections.abc import Callable

from graphbuilder.extract.base import EXTRACTOR_VERSION, Context, FactBuilder
from graphbuilder.extract.catalogue import extract_catalogue
from graphbuilder.extract.course_standard import extract_course_standard
from graphbuilder.extract.listing import extract_listing
from graphbuilder.extract.mapping import extract_mapping
from graphbuilder.extract.occupations import extract_occupations
from graphbuilder.extract.onet import extract_onet
from graphbuilder.extract.plan import extract_plan
from graphbuilder.extract.skill_standard import extract_skill_standard
from graphbuilder.extract.standards import extract_standard
from graphbuilder.extract.textbook import extract_nav, extract_textbook
from graphbuilder.model import Document, Facts

Extractor = Callable[[Document, Context], Facts]

EXTRACTORS: dict[str, Extractor] = {
    "major-catalogue": extract_catalogue,
    "major-occupation-map": extract_mapping,
    "moe-standard": extract_standard,
    "occupation-dictionary": extract_occupations,
    "onet-technology": extract_onet,
    "training-plan": extract_plan,
    "course-standard": extract_course_standard,
    "textbook": extract_textbook,
    "textbook-nav": extract_nav,
    "resource-listing": extract_listing,
    "skill-standard": extract_skill_standard,
}

# Kinds whose facts depend on the context (and so on the catalogue's content).
CONTEXT_DEPENDENT: frozenset[str] = frozenset({"moe-standard"})
# Kinds whose facts depend on the NLP lexicons (skill words, the taxonomy's terms).
LEXICON_DEPENDENT: frozenset[str] = frozenset(
    {"moe-standard", "occupation-dictionary", "skill-standard"}
)
# Kinds whose extractors run the trained recogniser when the build has one (``build --ner``).
RECOGNISER_DEPENDENT: frozenset[str] = frozenset({"textbook", "course-standard"})

__all__ = [
    "CONTEXT_DEPENDENT",
    "EXTRACTORS",
    "EXTRACTOR_VERSION",
    "LEXICON_DEPENDENT",
    "RECOGNISER_DEPENDENT",
    "Context",
    "Extractor",
    "FactBuilder",
]
