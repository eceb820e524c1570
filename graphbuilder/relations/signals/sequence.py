"""Structure: the order of chapters and sections (textbooks, course standards, 资源库 项目).

Any whole other than a major whose ``hasPart`` statements carry ``gb:ordinal`` is an
ordered sequence (a course's chapters, a chapter's sections). A later part requires an
earlier one when

- the later part's text or name mentions the earlier part's name (confidence 0.6), or
- it comes right after it (confidence 0.35: an author orders chapters so that each builds on
  the one before, but not always), and

no other sequence orders the two parts the other way round. Majors are left out: the order
of a standard's course list is an enumeration, not a teaching sequence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from graphbuilder.relations.evidence import Evidence
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.inputs import Statement
from graphbuilder.relations.terms import content_terms
from graphbuilder.relations.texts import ConceptTexts


def _sequences(ix: CurriculumIndex) -> dict[str, list[Statement]]:
    out: dict[str, list[Statement]] = defaultdict(list)
    for st in ix.cur.parts:
        if ix.kind(st.subject) not in ("", "Major") and st.ordinal > 0:
            out[st.subject].append(st)
    return {w: sorted(parts, key=lambda s: (s.ordinal, s.object)) for w, parts in out.items()}


def sequence(ix: CurriculumIndex, texts: ConceptTexts) -> Iterator[Evidence]:
    """Later parts → earlier parts of the same whole (see the module doc)."""
    seqs = _sequences(ix)
    before: set[tuple[str, str]] = set()
    for parts in seqs.values():
        for i, a in enumerate(parts):
            for b in parts[i + 1 :]:
                if a.ordinal < b.ordinal:
                    before.add((a.object, b.object))
    for whole, parts in sorted(seqs.items()):
        for j, b in enumerate(parts):
            text = "\n".join([ix.label(b.object)] + [p.text for p in texts.get(b.object, [])])
            terms = content_terms(text)
            for i, a in enumerate(parts[:j]):
                if a.ordinal == b.ordinal or (b.object, a.object) in before:
                    continue
                name = ix.label(a.object)
                need = ix.terms(a.object)
                mentioned = name in text or (bool(need) and need <= terms)
                if mentioned:
                    conf, how = 0.6, "提到"
                elif i == j - 1:
                    conf, how = 0.35, "紧接在后"
                else:
                    continue
                note = (
                    f"「{ix.label(whole)}」中第 {b.ordinal} 部分「{ix.label(b.object)}」"
                    f"{how}第 {a.ordinal} 部分「{name}」"
                )
                yield Evidence(b.object, a.object, "sequence", conf, note, (a.span, b.span))
