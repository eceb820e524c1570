"""课程标准 / 教学大纲 sections → the course, its goals, its content units and prerequisites.

The course is a ``Course`` named by its 课程名称 (so it meets the same course in plans and
national standards), with its own 学分 and 学时. 知识目标 become ``KnowledgePoint`` nodes and
能力目标 and 素质目标 ``Skill`` nodes it ``teaches`` (the goal type on the statement); each
content unit is a ``Module`` the course ``hasPart`` in order (学时 on the statement), and what
a unit lists are knowledge points the module ``hasPart``. 先修课程 are courses it ``requires``.

When the build runs the trained recogniser (``build --ner``), the terms and technologies it finds
in a goal belong to the course, those in a unit line to the unit
(:mod:`graphbuilder.extract.recognised`).
"""

from __future__ import annotations

import re

from graphbuilder.extract.base import Context, FactBuilder
from graphbuilder.extract.recognised import add_recognised
from graphbuilder.model import Document, Facts, Section
from graphbuilder.model.records import AttrValue
from graphbuilder.nlp.enumeration import split_enumeration

_END = re.compile(r"[；;。.，,\s]+$")
_MAX_ITEM = 60


def extract_course_standard(doc: Document, ctx: Context) -> Facts:
    """Facts of one course standard (see the module docstring)."""
    fb = FactBuilder(doc, ctx, "course-standard")
    head = next((s for s in doc.sections if s.kind == "course"), None)
    name = head.attrs.get("name", "") if head else ""
    if head is None or not name:
        fb.warnings.append("no 课程名称 found: the standard's facts have no course to hang on")
        return fb.facts()
    attrs: dict[str, AttrValue] = {}
    if head.attrs.get("code"):
        attrs["code"] = head.attrs["code"]
    if head.attrs.get("credits"):
        attrs["credits"] = float(head.attrs["credits"])
    if head.attrs.get("hours"):
        attrs["hours"] = int(head.attrs["hours"])
    course = fb.node("Course", name, name, fb.provenance(head), attrs=attrs)
    modules: dict[str, str] = {}
    parts: dict[str, int] = {}
    prose: list[tuple[Section, str]] = []
    for sec in doc.sections:
        if sec.kind == "prerequisites":
            for item in split_enumeration(sec.text):
                prov = fb.provenance(sec, item.start, item.end)
                if item.text != name:
                    fb.edge(course, "requires", fb.node("Course", item.text, item.text, prov), prov)
        elif sec.kind == "goal":
            text = _END.sub("", sec.text.strip())
            if len(text) < 2:
                continue
            prov = fb.provenance(sec, 0, len(text))
            goal_type = sec.attrs.get("type", "")
            kind = "KnowledgePoint" if goal_type == "知识目标" else "Skill"
            node = fb.node(kind, f"{name}\x1f{text}", text, prov)
            fb.edge(
                course,
                "teaches",
                node,
                prov,
                attrs={"goalType": goal_type, "ordinal": int(sec.key)},
            )
            prose.append((sec, course))
        elif sec.kind == "unit":
            prov = fb.provenance(sec)
            title = sec.attrs.get("title", "") or sec.text
            module = fb.node("Module", f"{doc.path}\x1f{sec.key}", title, prov)
            modules[sec.key] = module
            edge_attrs: dict[str, AttrValue] = {"ordinal": len(modules)}
            if sec.attrs.get("hours", "").isdigit():
                edge_attrs["hours"] = int(sec.attrs["hours"])
            fb.edge(course, "hasPart", module, prov, attrs=edge_attrs)
        elif sec.kind == "unit_item":
            module_iri = modules.get(sec.attrs.get("unit", ""))
            if module_iri is None:
                continue
            for text, i, j in _items(sec.text):
                prov = fb.provenance(sec, i, j)
                kp = fb.node("KnowledgePoint", f"{name}\x1f{text}", text, prov)
                parts[module_iri] = parts.get(module_iri, 0) + 1
                fb.edge(module_iri, "hasPart", kp, prov, attrs={"ordinal": parts[module_iri]})
            prose.append((sec, module_iri))
    if ctx.recogniser is not None:
        add_recognised(fb, prose, ctx.recogniser, ctx.lexicons)
    return fb.facts()


def _items(text: str) -> list[tuple[str, int, int]]:
    """What a unit line lists: its enumeration items, or the line itself when it is one item."""
    items = split_enumeration(text, max_len=_MAX_ITEM)
    if len(items) > 1:
        return [(i.text, i.start, i.end) for i in items]
    line = _END.sub("", text.strip())
    if 2 <= len(line) <= _MAX_ITEM:
        start = text.index(line)
        return [(line, start, start + len(line))]
    return []
