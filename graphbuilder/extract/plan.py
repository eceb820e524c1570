"""人才培养方案 sections → the major, its courses (with 学分, 学时, 学期, 必修/选修), its
毕业要求 and 指标点, the courses that support them, its occupations and certificates.

A plan names a major by its code; only a code of the vocational catalogue (中职, 高职专科,
职教本科) makes a ``Major`` node. A plan of a university major (普通本科), like the 普通本科
rows of the 对照表, keeps its courses, requirements and matrix but has no major to hang them
on, which the warnings say. A course's plan-specific attributes live on the ``hasPart``
statement from the major, since the same course has other credits in another plan.

毕业要求 are ``Skill`` nodes (``KnowledgePoint`` for a 知识 group), one per plan, with their
number as ``gb:notation`` and their statement as ``gb:definition``; each 指标点 is a ``Skill``
that its requirement ``hasPart``. A matrix cell is ``course teaches indicator`` with the
plan's mark as ``gb:supportLevel``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphbuilder.extract.base import Context, FactBuilder, level_of_code
from graphbuilder.model import Document, Facts, Section
from graphbuilder.model.records import AttrValue
from graphbuilder.nlp.enumeration import split_enumeration

_KNOWLEDGE = re.compile(r"掌握(?P<body>[^。；;]{2,200}?)(?:等|相关)?(?:专业|基础|理论)?知识")
_KNOWLEDGE_PREFIX = re.compile(r"^(?:扎实的)?科学文化基础(?:知识)?[和及，,、]?")
_END = re.compile(r"[；;。.，,\s]+$")
CORE = "专业核心课程"


def extract_plan(doc: Document, ctx: Context) -> Facts:
    """Facts of one 人才培养方案 (see the module docstring)."""
    fb = FactBuilder(doc, ctx, "training-plan")
    head = next((s for s in doc.sections if s.kind == "plan"), None)
    name = head.attrs.get("name", "") if head else ""
    code = head.attrs.get("code", "") if head else ""
    level = level_of_code(code)
    major: str | None = None
    if head is not None and level is not None:
        attrs: dict[str, AttrValue] = {"code": code, "level": level}
        major = fb.node("Major", code, name or code, fb.provenance(head), coded=True, attrs=attrs)
    else:
        said = head.attrs.get("level", "") if head else ""
        fb.warnings.append(
            f"major {code or '(no code)'} {name}: not a vocational-catalogue code"
            f"{f' ({said})' if said else ''}, so no Major node; "
            "its courses and requirements are kept"
        )
    scope = code or name or doc.path
    requirements = _requirements(fb, doc.sections, scope, major)
    _courses(fb, doc.sections, major, requirements)
    for sec in doc.sections:
        if sec.kind in ("training_goal", "goal") and major is not None:
            for text, i, j in _knowledge_items(sec.text):
                prov = fb.provenance(sec, i, j, confidence=0.9)
                fb.edge(major, "teaches", fb.node("KnowledgePoint", text, text, prov), prov)
        elif sec.kind == "occupation":
            prov = fb.provenance(sec)
            occ_code = sec.attrs["code"]
            occ = fb.node(
                "Occupation",
                occ_code,
                sec.attrs["name"],
                prov,
                coded=True,
                attrs={"code": occ_code},
            )
            if major is not None:
                fb.edge(major, "preparesFor", occ, prov)
        elif sec.kind == "certificate":
            for item in split_enumeration(sec.text):
                prov = fb.provenance(sec, item.start, item.end)
                cert = fb.node("Certificate", item.text, item.text, prov)
                if major is not None:
                    fb.edge(cert, "certifies", major, prov)
    return fb.facts()


def _knowledge_items(text: str) -> list[tuple[str, int, int]]:
    """Knowledge named in ``掌握…知识`` clauses, as the national standards' reader cuts them:
    without the "科学文化基础" boilerplate, "A及相关B" as two items."""
    out: list[tuple[str, int, int]] = []
    for m in _KNOWLEDGE.finditer(text):
        body = m.group("body")
        prefix = _KNOWLEDGE_PREFIX.match(body)
        base = m.start("body") + (prefix.end() if prefix else 0)
        for item in split_enumeration(body[prefix.end() if prefix else 0 :], max_len=30):
            t = item.text.removeprefix("较为扎实的").removeprefix("扎实的")
            start = base + item.start + len(item.text) - len(t)
            head, sep, tail = t.partition("及相关")
            if sep and len(head) >= 2 and len(tail) >= 2:
                out.append((head, start, start + len(head)))
                out.append((tail, start + len(head) + len(sep), start + len(t)))
            else:
                out.append((t, start, start + len(t)))
    return out


def _requirements(
    fb: FactBuilder, sections: Sequence[Section], scope: str, major: str | None
) -> dict[str, str]:
    """毕业要求 and 指标点 nodes; returns their IRIs by number."""
    found: dict[str, str] = {}
    n = 0
    for sec in sections:
        if sec.kind not in ("requirement", "indicator"):
            continue
        text = _END.sub("", sec.text.strip())
        if not text:
            continue
        prov = fb.provenance(sec)
        ident = sec.key
        attrs: dict[str, AttrValue] = {"notation": ident, "definition": text}
        if sec.kind == "requirement":
            kind = "KnowledgePoint" if sec.attrs.get("group") == "知识" else "Skill"
            label = sec.attrs.get("name", "") or text
            iri = fb.node(kind, f"{scope}\x1f{ident}", label, prov, attrs=attrs)
            n += 1
            if major is not None:
                fb.edge(major, "teaches", iri, prov, attrs={"ordinal": n})
        else:
            iri = fb.node("Skill", f"{scope}\x1f{ident}", text, prov, attrs={"notation": ident})
            parent = found.get(sec.attrs.get("requirement", ""))
            if parent is not None:
                fb.edge(parent, "hasPart", iri, prov, attrs={"ordinal": _last_number(ident)})
        found[ident] = iri
    return found


def _last_number(ident: str) -> int:
    digits = re.findall(r"\d+", ident)
    return int(digits[-1]) if digits else 0


def _courses(
    fb: FactBuilder,
    sections: Sequence[Section],
    major: str | None,
    requirements: dict[str, str],
) -> None:
    core: dict[str, tuple[Section, int, int]] = {}
    for sec in sections:
        if sec.kind == "core_courses":
            for item in split_enumeration(sec.text):
                core.setdefault(item.text, (sec, item.start, item.end))
    edges: dict[str, tuple[Section, dict[str, AttrValue]]] = {}
    ordinal = 0
    for sec in sections:
        if sec.kind != "course_row":
            continue
        a = sec.attrs
        name = a["name"]
        prov = fb.provenance(sec)
        course = fb.node("Course", name, name, prov, label_en=a.get("name_en") or None)
        if course in edges:
            continue
        ordinal += 1
        attrs: dict[str, AttrValue] = {"ordinal": ordinal, "credits": float(a["credits"])}
        types = tuple(t for t in (a.get("module", ""), CORE if name in core else "") if t)
        if types:
            attrs["courseType"] = types
        if a.get("hours"):
            attrs["hours"] = int(a["hours"])
        if a.get("semester"):
            attrs["semester"] = a["semester"]
        if a.get("required") in ("true", "false"):
            attrs["required"] = a["required"] == "true"
        edges[course] = (sec, attrs)
    for name, (sec, i, j) in core.items():
        prov = fb.provenance(sec, i, j)
        course = fb.node("Course", name, name, prov)
        if course not in edges:
            ordinal += 1
            edges[course] = (sec, {"ordinal": ordinal, "courseType": CORE})
    if major is not None:
        for course, (sec, attrs) in edges.items():
            fb.edge(major, "hasPart", course, fb.provenance(sec), attrs=attrs)
    missing: set[str] = set()
    for sec in sections:
        if sec.kind != "matrix_cell":
            continue
        target = requirements.get(sec.attrs["requirement"])
        if target is None:
            missing.add(sec.attrs["requirement"])
            continue
        name = sec.attrs["course"]
        named = fb.provenance(sec, 0, int(sec.attrs.get("course_chars") or len(sec.text)))
        course = fb.node("Course", name, name, named)
        fb.edge(
            course,
            "teaches",
            target,
            fb.provenance(sec),
            attrs={"supportLevel": sec.attrs["value"]},
        )
    if missing:
        fb.warnings.append(
            f"the course–requirement matrix names {len(missing)} requirement(s) the plan does "
            f"not state: {', '.join(sorted(missing)[:5])}"
        )
