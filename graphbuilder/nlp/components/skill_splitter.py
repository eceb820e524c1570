"""``graphbuilder.SkillSplitter.v1``: atomic skills and knowledge items of a skill statement.

Annotates ``doc._.skills`` (the :class:`~graphbuilder.nlp.skills.AtomicSkill` list, each
with its action, object, level and evidence span) and ``doc.spans["skills"]`` (one span per
skill over its evidence, labelled with the skill, e.g. ``管理网络操作系统``); knowledge items
of the statement's 知识 clauses go to ``doc._.knowledge``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.nlp.components.base import LexiconComponent, factory_name
from graphbuilder.nlp.lexicon import SkillLexicon
from graphbuilder.nlp.skills import COMPONENT, VERSION, StatementParse, split_statement

FACTORY = factory_name(COMPONENT, VERSION)

for _attr in ("skills", "knowledge"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


class SkillSplitter(LexiconComponent[SkillLexicon, StatementParse]):
    """Splits the doc's text into atomic skills with the rules of :mod:`graphbuilder.nlp.skills`."""

    lexicon_type = SkillLexicon

    def __init__(self, nlp: Language, name: str, verbal: bool) -> None:
        super().__init__(name)
        self.verbal = verbal

    def match(self, doc: Doc) -> StatementParse:
        """The skills and knowledge items of ``doc.text``."""
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


@Language.factory(FACTORY, default_config={"verbal": False})
def make_skill_splitter(nlp: Language, name: str, verbal: bool) -> SkillSplitter:
    """The factory; ``verbal`` reads statements verb-first (work tasks)."""
    return SkillSplitter(nlp, name, verbal)
