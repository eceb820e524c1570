"""What the lexicon-driven components share: taking their lexicon in ``initialize()``.

A component is ``match(doc)`` (find things with the rules and the lexicon) then
``set_annotations(doc, matches)`` (write them onto the doc), after spaCy's own components;
the lexicon arrives in ``initialize()``, never in the component's config.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from spacy.tokens import Doc

LexiconT = TypeVar("LexiconT")
MatchT = TypeVar("MatchT")

# spaCy forbids "." in factory names (E853): graphbuilder.SkillSplitter.v1 is registered with "_".


def factory_name(component: str, version: str) -> str:
    """The registered factory name of a versioned component.

    >>> factory_name("graphbuilder.SkillSplitter", "v1")
    'graphbuilder_SkillSplitter_v1'
    """
    return f"{component}.{version}".replace(".", "_")


class LexiconComponent(Generic[LexiconT, MatchT]):
    """Base of a component that needs a lexicon of type ``lexicon_type`` to match."""

    lexicon_type: type[LexiconT]

    def __init__(self, name: str) -> None:
        self.name = name
        self._lexicon: LexiconT | None = None

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Any = None,
        lexicon: Any = None,
    ) -> None:
        """Take the lexicon (from ``[initialize.components.<name>] lexicon``).

        ``lexicon`` is the lexicon or a function that loads one (what the registered loaders
        give); it is typed ``Any`` because spaCy builds a pydantic model of this signature and
        cannot resolve postponed annotations.
        """
        if callable(lexicon) and not isinstance(lexicon, self.lexicon_type):
            lexicon = lexicon()
        if not isinstance(lexicon, self.lexicon_type):
            raise ValueError(
                f"{self.name}: initialize() needs a {self.lexicon_type.__name__}, got {lexicon!r}"
            )
        self._lexicon = lexicon

    @property
    def lexicon(self) -> LexiconT:
        """The lexicon; an uninitialized component says so instead of failing later."""
        if self._lexicon is None:
            raise ValueError(f"{self.name}: not initialized; call nlp.initialize() first")
        return self._lexicon

    def match(self, doc: Doc) -> MatchT:
        """What the rules find in ``doc``."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, matches: MatchT) -> Doc:
        """Write ``matches`` onto ``doc``."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        """Match, then annotate."""
        return self.set_annotations(doc, self.match(doc))
