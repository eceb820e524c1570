"""The word lists extraction reads, loaded once per build and fingerprinted together.

A change to any of them (the skill lexicon, the technology table of the taxonomy, the
resolution equivalences) changes the context fingerprint, so the build re-extracts every
document whose facts depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphbuilder.model.iris import digest
from graphbuilder.nlp.lexicon import SkillLexicon, load_skill_lexicon
from graphbuilder.nlp.technology import TechnologyLexicon, load_technology_lexicon
from graphbuilder.resolve.normalise import Equivalences, load_equivalences


@dataclass(frozen=True, eq=False)
class Lexicons:
    """The skill lexicon, the technology lexicon and the resolution equivalences."""

    skills: SkillLexicon
    technologies: TechnologyLexicon
    equivalences: Equivalences

    @classmethod
    def shipped(cls) -> Lexicons:
        """The files the package ships (and the taxonomy's table, when present)."""
        return cls(load_skill_lexicon(), load_technology_lexicon(), load_equivalences())

    @property
    def fingerprint(self) -> str:
        """A hash of every file read."""
        return digest(
            self.skills.fingerprint, self.technologies.fingerprint, self.equivalences.fingerprint
        )
