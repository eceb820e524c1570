"""Registered loaders: how a pipeline's ``[initialize]`` block names its lexicons.

Lexicons are data, so a component's config never holds them; ``nlp.initialize()`` resolves
these loaders and hands their result to the component's (or tokenizer's) ``initialize()``.
The lexicon loaders return a function that loads the lexicon, not the lexicon: spaCy passes
initialize settings through a pydantic model dump, which would turn a dataclass into a
dict::

    [initialize.components.skill_splitter]
    lexicon = {"@misc": "graphbuilder.skill_lexicon.v1"}

    [initialize.tokenizer]
    user_dictionary = {"@misc": "graphbuilder.user_dictionary.v1", "store": null}
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.util import registry

from graphbuilder.nlp.lexicon import DATA_DIR, SkillLexicon, load_skill_lexicon
from graphbuilder.nlp.technology import TAXONOMY_CSV, TechnologyLexicon, load_technology_lexicon
from graphbuilder.nlp.user_dictionary import user_dictionary


@registry.misc("graphbuilder.skill_lexicon.v1")  # type: ignore[untyped-decorator]
def skill_lexicon_loader(path: str | None = None) -> Callable[[], SkillLexicon]:
    """Loads the skill lexicon from ``path`` (a folder), or the shipped one."""
    return lambda: load_skill_lexicon(Path(path) if path else DATA_DIR)


@registry.misc("graphbuilder.technology_lexicon.v1")  # type: ignore[untyped-decorator]
def technology_lexicon_loader(taxonomy: str | None = None) -> Callable[[], TechnologyLexicon]:
    """Loads the technology lexicon from the taxonomy table ``taxonomy``, or the shipped one."""
    return lambda: load_technology_lexicon(Path(taxonomy) if taxonomy else TAXONOMY_CSV)


@registry.misc("graphbuilder.user_dictionary.v1")  # type: ignore[untyped-decorator]
def user_dictionary_loader(
    store: str | None = None, base_iri: str = "https://w3id.org/graphbuilder/id/"
) -> list[str]:
    """Ontology labels, taxonomy terms and, from ``store`` if given, its node names."""
    return user_dictionary(store=Path(store) if store else None, base_iri=base_iri)
