"""Prerequisite signals: each reads the curriculum (and concept texts) and yields evidence.

| signal | kind | claims |
|---|---|---|
| ``foundation-core`` | structure | core → foundation course: paired by majors or a skill |
| ``foundation-name`` | structure | core course → the 基础/概论 course of its subject |
| ``sequence`` | structure | later chapter/section → earlier one of the same whole |
| ``continuation`` | structure, similarity | higher skill/course → similar one of a 接续 major |
| ``containment`` | text | skill → knowledge point its statement names |
| ``skill-course`` | text | skill → course whose subject its statement names |
| ``refd`` | text | course → course its text refers to (reference distance) |
| ``cue`` | text | concept → what its text calls 先修/前导 (or 后续 the other way) |

A new source of order (textbooks' chapters) or text (``gb:definition``) feeds ``sequence``,
``refd`` and ``cue`` without a new signal; a new kind of evidence is one more function here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain

from graphbuilder.relations.evidence import Evidence
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.signals.continuation import continuation
from graphbuilder.relations.signals.curriculum import (
    foundation_core,
    foundation_name,
    foundation_thread,
)
from graphbuilder.relations.signals.mention import containment, skill_course
from graphbuilder.relations.signals.sequence import sequence
from graphbuilder.relations.signals.text import cues, refd
from graphbuilder.relations.texts import ConceptTexts

Signal = Callable[[CurriculumIndex, ConceptTexts], Iterator[Evidence]]

SIGNALS: dict[str, Signal] = {
    "foundation-core": lambda ix, _t: chain(foundation_core(ix), foundation_thread(ix)),
    "foundation-name": lambda ix, _t: foundation_name(ix),
    "sequence": sequence,
    "continuation": lambda ix, _t: continuation(ix),
    "containment": lambda ix, _t: containment(ix),
    "skill-course": lambda ix, _t: skill_course(ix),
    "refd": refd,
    "cue": cues,
}

__all__ = ["SIGNALS", "Signal"]
