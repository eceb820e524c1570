"""Text per concept, for the text signals (RefD, explicit cues).

This corpus has no per-course text yet (no course standards, no textbooks). What it has:

- a skill's own statement (主要专业能力要求), a knowledge point's item of 培养目标定位;
- for a course: the ability statements and knowledge items of the majors that list the
  course which share a subject term with the course's name: the standard's sentences about
  what that course leads to. The 实习实训 paragraph is not in the graph (the extractor makes
  no nodes of it), so it is not used;
- any ``gb:definition`` a source states for a concept (e.g. a textbook section's text when
  textbooks are ingested): this is where a new source of text plugs in.

For evaluation, :func:`read_text_dir` reads one ``<concept name>.txt`` file per concept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphbuilder.errors import InputError
from graphbuilder.model.iris import normalise_key
from graphbuilder.relations.evidence import Span
from graphbuilder.relations.index import CurriculumIndex


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A piece of text about a concept and where it is (``span`` is None off the store)."""

    text: str
    span: Span | None = None


ConceptTexts = dict[str, list[TextPiece]]


def curriculum_texts(ix: CurriculumIndex) -> ConceptTexts:
    """The text of every skill, knowledge point, module and course (see the module doc)."""
    cur = ix.cur
    out: ConceptTexts = {}
    for st in cur.taught:
        if ix.kind(st.object) in ("Skill", "KnowledgePoint"):
            pieces = out.setdefault(st.object, [])
            if not pieces:
                pieces.append(TextPiece(ix.label(st.object), st.span))
    for major in sorted(ix.courses):
        statements = ix.concepts.get(major, [])
        for c in ix.major_courses(major):
            terms = ix.terms(c.object)
            pieces = out.setdefault(c.object, [])
            seen = {p.text for p in pieces}
            for st in statements:
                text = ix.label(st.object)
                if text not in seen and terms & ix.terms(st.object):
                    seen.add(text)
                    pieces.append(TextPiece(text, st.span))
    for node, texts in sorted(cur.definitions.items()):
        out.setdefault(node, []).extend(TextPiece(t) for t in texts)
    return out


def read_text_dir(folder: Path) -> dict[str, str]:
    """``<concept name>.txt`` files → {normalised concept name: text}.

    Raises:
        InputError: the folder does not exist, or a file is not UTF-8.
    """
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of <concept>.txt files")
    out: dict[str, str] = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            out[normalise_key(path.stem)] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"not UTF-8 text: {exc.reason}") from exc
    return out
