"""Text signals over the texts of concepts: reference distance and explicit cues.

- ``refd``: between two courses of the same major, the reference distance of their texts
  (:mod:`graphbuilder.relations.refd`); the concepts are the courses and knowledge points.
- ``cue``: a concept's text states its prerequisites or successors in words:
  先修课程/前导课程/前置课程：A、B (A and B come first), 后续课程：C (C comes after),
  在A(的)基础上 / 以A为基础 (A comes first). The named items are matched to courses,
  modules and knowledge points by their normalised name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graphbuilder.model.iris import normalise_key
from graphbuilder.nlp.enumeration import split_enumeration
from graphbuilder.relations.evidence import Evidence, Span
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.refd import MentionIndex
from graphbuilder.relations.texts import ConceptTexts

MIN_REFD = 0.4
_BEFORE_LIST = re.compile(
    r"(?:先修课程|前导课程|前置课程|先修课)\s*(?:为|是|有|[：:])\s*(?P<items>[^。；;\n]+)"
)
_AFTER_LIST = re.compile(r"(?:后续课程|后继课程)\s*(?:为|是|有|[：:])\s*(?P<items>[^。；;\n]+)")
_BASIS = re.compile(
    r"在(?P<item>[^，。；、\s]{2,24}?)(?:的)?基础上|以(?P<item2>[^，。；、\s]{2,24}?)为基础"
)


def refd(ix: CurriculumIndex, texts: ConceptTexts) -> Iterator[Evidence]:
    """Course → course of the same major with RefD ≥ 0.4, from the courses' texts."""
    concepts = ix.cur.of_kind("Course", "KnowledgePoint")
    names = {c: ix.label(c) for c in concepts}
    joined = {c: "\n".join(p.text for p in texts.get(c, [])) for c in concepts}
    mentions = MentionIndex(names, joined)
    done: set[tuple[str, str]] = set()
    for major in sorted(ix.courses):
        courses = sorted({c.object: c.span for c in ix.major_courses(major)}.items())
        for a, a_span in courses:
            for b, b_span in courses:
                if a == b or (a, b) in done:
                    continue
                score = mentions.refd(a, b)
                if score < MIN_REFD:
                    continue
                done.add((a, b))
                note = (
                    f"「{names[b]}」的文本引用「{names[a]}」多于反向（RefD {score:.2f}，"
                    f"{ix.cur.major_name(major)}）"
                )
                conf = round(0.2 + 0.4 * score, 3)
                yield Evidence(b, a, "refd", conf, note, (a_span, b_span))


def _index(ix: CurriculumIndex) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in ix.cur.of_kind("Course", "Module", "KnowledgePoint"):
        out.setdefault(normalise_key(ix.label(c)), []).append(c)
    return out


def cues(ix: CurriculumIndex, texts: ConceptTexts) -> Iterator[Evidence]:
    """Explicit prerequisite cues in a concept's own text."""
    names = _index(ix)

    def named(item: str) -> list[str]:
        return names.get(normalise_key(item.strip("《》「」“”\"' ")), [])

    for concept, pieces in sorted(texts.items()):
        for piece in pieces:
            spans: tuple[Span, ...] = (piece.span,) if piece.span else ()
            found: list[tuple[str, str, str]] = []  # (later, earlier, cue)
            for m in _BEFORE_LIST.finditer(piece.text):
                for item in split_enumeration(m.group("items")):
                    found += [(concept, o, m.group(0)) for o in named(item.text)]
            for m in _AFTER_LIST.finditer(piece.text):
                for item in split_enumeration(m.group("items")):
                    found += [(o, concept, m.group(0)) for o in named(item.text)]
            for m in _BASIS.finditer(piece.text):
                basis = m.group("item") or m.group("item2")
                found += [(concept, o, m.group(0)) for o in named(basis)]
            for later, earlier, cue in found:
                note = f"「{ix.label(later)}」的文本写明：{cue}"
                yield Evidence(later, earlier, "cue", 0.9, note, spans)
