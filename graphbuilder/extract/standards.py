"""专业教学标准 sections → majors, courses, skills, knowledge points, certificates, 接续专业.

The rules follow the standard's fixed headings. Each statement of 主要专业能力要求 and the
能力 clause of 培养目标定位 are split into atomic skills, their 知识 clauses into knowledge
points, and technologies named in them or in course names are related to the skill,
knowledge point or course that names them (:mod:`graphbuilder.extract.statements`).
"""

from __future__ import annotations

import re

from graphbuilder.extract.base import Context, FactBuilder, level_of_code
from graphbuilder.extract.statements import StatementFacts
from graphbuilder.model import Document, Facts
from graphbuilder.model.records import AttrValue
from graphbuilder.nlp.enumeration import split_enumeration

COURSE_TYPES = {"foundation_courses": "专业基础课程", "core_courses": "专业核心课程"}

# 接续专业 labels → the level of the majors they list; other labels (普通本科, 硕士) name
# university programmes outside the vocational catalogue.
_CONTINUATION_LEVELS = (
    ("高职专科", "高职专科"),
    ("高职本科", "职教本科"),
    ("职教本科", "职教本科"),
    ("职业本科", "职教本科"),
)

_STATEMENT_END = re.compile(r"[；;。.，,\s]+$")


def _continuation_level(label: str) -> str | None:
    for cue, level in _CONTINUATION_LEVELS:
        if cue in label:
            return level
    return None


def extract_standard(doc: Document, ctx: Context) -> Facts:
    """Facts of one 专业类 file of the national teaching standards."""
    fb = FactBuilder(doc, ctx, "moe-standard")
    statements = StatementFacts(fb, ctx)
    majors: dict[str, str] = {}
    unresolved: list[str] = []
    for sec in doc.sections:
        code = sec.key
        level = level_of_code(code)
        if level is None:
            fb.warnings.append(f"section {sec.kind!r}: major code {code!r} is not a 6-digit code")
            continue
        if sec.kind == "major":
            attrs: dict[str, AttrValue] = {"code": code, "level": level}
            for field, prop in (
                ("category_code", "categoryCode"),
                ("category", "category"),
                ("subcategory_code", "subcategoryCode"),
                ("subcategory", "subcategory"),
                ("years", "studyYears"),
            ):
                if value := sec.attrs.get(field, "").strip():
                    attrs[prop] = value
            name = sec.attrs.get("name", sec.text).strip() or code
            majors[code] = fb.node("Major", code, name, fb.provenance(sec), coded=True, attrs=attrs)
            continue
        major = majors.get(code)
        if major is None:
            # The OCR lost this major's 专业代码 line; the reader inferred the code from its
            # neighbours. Name it from the catalogue, with less confidence.
            known = ctx.major_names.get(code)
            if known is None:
                fb.warnings.append(f"major {code} has no header and is not in the catalogue")
            name = known or code
            majors[code] = major = fb.node(
                "Major",
                code,
                name,
                fb.provenance(sec, 0, 0, confidence=0.7),
                coded=True,
                attrs={"code": code, "level": level},
            )
        if sec.kind in COURSE_TYPES:
            for n, item in enumerate(split_enumeration(sec.text), start=1):
                prov = fb.provenance(sec, item.start, item.end)
                course = fb.node("Course", item.text, item.text, prov)
                fb.edge(
                    major,
                    "hasPart",
                    course,
                    prov,
                    attrs={"courseType": COURSE_TYPES[sec.kind], "ordinal": n},
                )
                statements.technologies(sec, [], course, within=(item.start, item.end))
        elif sec.kind == "ability":
            if len(_STATEMENT_END.sub("", sec.text.strip())) < 4:
                continue
            ordinal = int(sec.attrs.get("n") or 0)
            statements.statement(sec, major, "teaches", ordinal=ordinal)
        elif sec.kind == "training_goal":
            statements.goal(sec, major)
        elif sec.kind == "certificate":
            ctype = sec.attrs.get("type", "").strip()
            for item in split_enumeration(sec.text):
                prov = fb.provenance(sec, item.start, item.end)
                cert_attrs: dict[str, AttrValue] = {"certificateType": ctype} if ctype else {}
                cert = fb.node("Certificate", item.text, item.text, prov, attrs=cert_attrs)
                fb.edge(cert, "certifies", major, prov)
        elif sec.kind == "continuation":
            target_level = _continuation_level(sec.attrs.get("label", ""))
            if target_level is None:
                continue
            for item in split_enumeration(sec.text):
                target = ctx.majors_by_name.get((target_level, item.text))
                if target is None:
                    unresolved.append(item.text)
                    continue
                prov = fb.provenance(sec, item.start, item.end)
                fb.edge(major, "continuesTo", fb.node_iri_for_code(target), prov)
    statements.finish()
    if unresolved:
        fb.warnings.append(
            f"{len(unresolved)} 接续专业 names not in the catalogue (e.g. {unresolved[0]})"
        )
    return fb.facts()
