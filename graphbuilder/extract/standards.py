"""专业教学标准 sections → majors, courses, skills, knowledge points, certificates, 接续专业.

The rules follow the standard's fixed headings. Splitting ability statements into atomic
skills is the NLP stage's job; here each statement of 主要专业能力要求 is one ``Skill``.
"""

from __future__ import annotations

import re

from graphbuilder.extract.base import Context, FactBuilder, level_of_code
from graphbuilder.model import Document, Facts, Section
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

# "掌握扎实的科学文化基础和A、B、C等知识": the clause between 掌握 and 知识.
_KNOWLEDGE_CLAUSE = re.compile(r"掌握(?P<body>[^。；;]{2,300}?)(?:等|相关)?(?:专业)?知识")
_KNOWLEDGE_PREFIX = re.compile(r"^(?:扎实的)?科学文化基础(?:知识)?[和及，,、]?")
_STATEMENT_END = re.compile(r"[；;。.，,\s]+$")


def _continuation_level(label: str) -> str | None:
    for cue, level in _CONTINUATION_LEVELS:
        if cue in label:
            return level
    return None


def _knowledge_items(sec: Section) -> list[tuple[str, int, int]]:
    """Knowledge points named in the 掌握…知识 clause of 培养目标定位."""
    m = _KNOWLEDGE_CLAUSE.search(sec.text)
    if not m:
        return []
    body_start = m.start("body")
    body = m.group("body")
    prefix = _KNOWLEDGE_PREFIX.match(body)
    offset = prefix.end() if prefix else 0
    out = []
    for item in split_enumeration(body[offset:], max_len=30):
        text = item.text.removeprefix("较为扎实的").removeprefix("扎实的")
        start = body_start + offset + item.start + len(item.text) - len(text)
        # "云计算及相关法律法规": the boilerplate tail is a knowledge point of its own.
        head, sep, tail = text.partition("及相关")
        if sep and len(head) >= 2 and len(tail) >= 2:
            out.append((head, start, start + len(head)))
            out.append((tail, start + len(head) + len(sep), start + len(text)))
        else:
            out.append((text, start, start + len(text)))
    return out


def extract_standard(doc: Document, ctx: Context) -> Facts:
    """Facts of one 专业类 file of the national teaching standards."""
    fb = FactBuilder(doc, ctx, "moe-standard")
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
        elif sec.kind == "ability":
            text = _STATEMENT_END.sub("", sec.text.strip())
            if len(text) < 4:
                continue
            prov = fb.provenance(sec, 0, len(text))
            # One Skill per statement of a major: the same words in two majors' standards are
            # two statements until entity resolution decides they are one skill.
            skill = fb.node("Skill", f"{code}\x1f{text}", text, prov)
            fb.edge(major, "teaches", skill, prov, attrs={"ordinal": int(sec.attrs.get("n") or 0)})
        elif sec.kind == "training_goal":
            for text, i, j in _knowledge_items(sec):
                prov = fb.provenance(sec, i, j, confidence=0.9)
                kp = fb.node("KnowledgePoint", text, text, prov)
                fb.edge(major, "teaches", kp, prov)
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
    if unresolved:
        fb.warnings.append(
            f"{len(unresolved)} 接续专业 names not in the catalogue (e.g. {unresolved[0]})"
        )
    return fb.facts()
