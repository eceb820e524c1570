"""The Chinese pipeline: ``spacy.blank("zh")``, jieba with a user dictionary, rule components.

::

    nlp = make_pipeline()                       # shipped lexicons, no store
    doc = nlp("具备数据库管理、网站建设与管理等基本能力")
    [(s.action, s.obj, s.level) for s in doc._.skills]

The tokenizer is :mod:`graphbuilder.nlp.tokenizer` (a private jieba with the user
dictionary); the components run in the order term merger, skill splitter, knowledge
matcher, technology matcher. Their lexicons reach them in ``nlp.initialize()`` through the
loaders of :mod:`graphbuilder.nlp.loaders`; the config holds only the loaders' names and
arguments. spaCy is imported here, so import this module only where a pipeline is wanted:
the build uses the rules directly (:mod:`graphbuilder.extract.statements`), since spaCy's
import and Doc creation would cost more than the rest of extraction.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

COMPONENT_MODULES = (
    "graphbuilder.nlp.tokenizer",
    "graphbuilder.nlp.loaders",
    "graphbuilder.nlp.components.term_merger",
    "graphbuilder.nlp.components.skill_splitter",
    "graphbuilder.nlp.components.knowledge_matcher",
    "graphbuilder.nlp.components.technology_matcher",
    "graphbuilder.nlp.components.rule_entities",
)
PIPES = (
    ("term_merger", "graphbuilder_TermMerger_v1"),
    ("skill_splitter", "graphbuilder_SkillSplitter_v1"),
    ("knowledge_matcher", "graphbuilder_KnowledgeMatcher_v1"),
    ("technology_matcher", "graphbuilder_TechnologyMatcher_v1"),
)


def register() -> None:
    """Import the modules that register the tokenizer, the loaders and the components."""
    for module in COMPONENT_MODULES:
        importlib.import_module(module)


def make_pipeline(
    *,
    store: Path | None = None,
    lexicon_dir: Path | None = None,
    taxonomy: Path | None = None,
    verbal: bool = False,
    entities: bool = False,
) -> Language:
    """A blank Chinese pipeline with the rule components, initialized.

    Args:
        store: a built store whose course, certificate and technology names join the user
            dictionary.
        lexicon_dir: a folder with the skill lexicon's files (the shipped ones by default).
        taxonomy: the taxonomy's table of Chinese labels (the shipped one by default).
        verbal: read statements verb-first (work tasks).
        entities: also copy the rule spans into ``doc.ents`` in EduNER's types (TOO, TER), so
            the pipeline can be scored by ``eval ner``.

    Returns:
        The initialized pipeline.
    """
    import spacy

    register()
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "graphbuilder.ZhUserDictJieba.v1"}}}
    )
    for name, factory in PIPES:
        config = {"verbal": verbal} if name == "skill_splitter" else {}
        nlp.add_pipe(factory, name=name, config=config)
    if entities:
        nlp.add_pipe("graphbuilder_RuleEntities_v1", name="rule_entities")
        nlp.meta["name"] = "graphbuilder_rules"
    skill_lexicon = {"@misc": "graphbuilder.skill_lexicon.v1", "path": _str(lexicon_dir)}
    dictionary = {"@misc": "graphbuilder.user_dictionary.v1", "store": _str(store)}
    init: dict[str, Any] = nlp.config["initialize"]
    init["tokenizer"] = {"user_dictionary": dictionary}
    init["components"] = {
        "term_merger": {"terms": dictionary},
        "skill_splitter": {"lexicon": skill_lexicon},
        "knowledge_matcher": {"lexicon": skill_lexicon},
        "technology_matcher": {
            "lexicon": {"@misc": "graphbuilder.technology_lexicon.v1", "taxonomy": _str(taxonomy)}
        },
    }
    nlp.initialize()
    return nlp


def _str(path: Path | None) -> str | None:
    return str(path) if path is not None else None
