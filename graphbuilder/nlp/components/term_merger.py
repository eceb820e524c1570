"""``graphbuilder.TermMerger.v1``: keep user-dictionary terms whole where jieba cannot.

jieba never joins across a space or a hyphen-split Latin run the way the dictionary writes
it (``Web 前端开发``, ``TIA Portal``), so after tokenization the tokens that exactly cover a
user-dictionary term are merged into one. The terms come in ``initialize()``
(``[initialize.components.<name>] terms``, the registered user-dictionary loader).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.nlp.components.base import factory_name
from graphbuilder.nlp.technology import trie_pattern

# spaCy forbids "." in factory names (E853).
FACTORY = factory_name("graphbuilder.TermMerger", "v1")


class TermMerger:
    """Merges the tokens of each user-dictionary term jieba split."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.pattern: re.Pattern[str] | None = None

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Any = None,
        terms: Any = (),
    ) -> None:
        """Compile the terms (only those jieba may split: with a space or a non-Chinese run).

        ``terms`` is an iterable of strings (typed ``Any``: spaCy validates this signature
        with pydantic, which cannot resolve postponed annotations).
        """
        split = [str(t) for t in terms if any(not ("\u4e00" <= ch <= "\u9fff") for ch in str(t))]
        self.pattern = trie_pattern(split)

    def match(self, doc: Doc) -> list[Span]:
        """Spans of the terms found in the doc that cover more than one token."""
        if self.pattern is None:
            raise ValueError(f"{self.name}: not initialized; call nlp.initialize() first")
        spans = []
        for m in self.pattern.finditer(doc.text):
            if m.end() == m.start():
                continue
            span = doc.char_span(m.start(), m.end())
            if span is not None and len(span) > 1:
                spans.append(span)
        return spans

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        """Merge each span into one token."""
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Merge the doc's split terms."""
        return self.set_annotations(doc, self.match(doc))


@Language.factory(FACTORY)
def make_term_merger(nlp: Language, name: str) -> TermMerger:
    """The factory."""
    return TermMerger(nlp, name)
