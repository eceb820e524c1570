"""``graphbuilder.SkillSplitter.v1``: atomic skills and knowledge items of a skill statement.

Annotates ``doc._.skills`` (the :class:`~graphbuilder.nlp.skills.AtomicSkill` list, each
with its action, object, level and evidence span) and ``doc.spans["skills"]`` (one span per
skill over its evidence, labelled with the skill, e.g. ``管理网络操作系统``); knowledge items
of the statement's 知识 clauses go to ``doc._.knowledge``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.nlp.lexicon import SkillLexicon
from graphbuilder.nlp.skills import COMPONENT, VERSION, StatementParse, split_statement

# spaCy forbids "." in factory names (E853): graphbuilder.SkillSplitter.v1 is registered with "_".
FACTORY = f"{COMPONENT}.{VERSION}".replace(".", "_")

for _attr in ("skills", "knowledge"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


class SkillSplitter:
    """Splits the doc's text into atomic skills with the rules of :mod:`graphbuilder.nlp.skills`."""

    def __init__(self, nlp: Language, name: str, verbal: bool) -> None:
        self.name = name
        self.verbal = verbal
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

    def match(self, doc: Doc) -> StatementParse:
        """The skills and knowledge items of ``doc.text``."""
        if self.lexicon is None:
            raise ValueError(f"{self.name}: not initialized; call nlp.initialize() first")
        return split_statement(doc.text, self.lexicon, verbal=self.verbal)

    def set_annotations(self, doc: Doc, parse: StatementParse) -> Doc:
        """Write ``doc._.skills``, ``doc._.knowledge`` and ``doc.spans["skills"]``."""
        doc._.skills = list(parse.skills)
        doc._.knowledge = list(parse.knowledge)
        spans: list[Span] = []
        for s in parse.skills:
            span = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["skills"] = spans
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Split the doc's statement."""
        return self.set_annotations(doc, self.match(doc))


@Language.factory(FACTORY, default_config={"verbal": False})
def make_skill_splitter(nlp: Language, name: str, verbal: bool) -> SkillSplitter:
    """The factory; ``verbal`` reads statements verb-first (work tasks)."""
    return SkillSplitter(nlp, name, verbal)
