"""国家职业技能标准 → the occupation, a ``Task`` per 工作内容, its atomic skills and knowledge.

- The ``Occupation`` is keyed by its code, so it is the 职业分类大典's node (same IRI). Its
  label is the ``name`` the records give; without one it is the code, tagged ``@en`` so
  that the 大典's Chinese name stays the preferred label wherever both are built.
- ``performs`` a ``Task`` per 工作内容 (one per level: the same 工作内容 at 二级 and 四级 asks for
  different skills), with ``skillLevel`` (一级…五级), ``occupationalFunction`` (职业功能) and
  ``notation`` (its number, 1.1).
- Each 技能要求 item goes through the statement machinery of work tasks
  (:class:`~graphbuilder.extract.statements.StatementFacts`, verb-first): the task
  ``needsSkill`` each atomic skill, the edge carrying the item's ``ordinal``, the
  ``proficiency`` its words give (能 → 能够) and the task's ``skillLevel``.
- Each 知识要求 item is a ``KnowledgePoint`` (keyed like every other document's, so the same
  knowledge merges). The ontology has no edge from a task to knowledge (``teaches`` is for
  what teaches, ``requires`` is between knowledge points, skills and courses), and the
  standard pairs its 技能要求 and 知识要求 by 工作内容, not item by item: so every atomic skill
  of a 工作内容 ``requires`` every knowledge point of it, at a lower confidence.
- Records the reader refused are warnings naming their line (a build report puts the
  file's path before each).
"""

from __future__ import annotations

from graphbuilder.extract.base import Context, FactBuilder
from graphbuilder.extract.statements import StatementFacts
from graphbuilder.model import Document, Facts, Provenance, Section
from graphbuilder.model.records import AttrValue
from graphbuilder.resolve.normalise import core

EXTRACTOR = "skill-standard"
# The file name is weaker evidence of the occupation than a code field.
FILE_NAME_CONFIDENCE = 0.9
# A knowledge item is taken whole; only the parser's noise was cut.
KNOWLEDGE_CONFIDENCE = 0.9
# Skills and knowledge are paired by 工作内容, not item by item.
REQUIRES_CONFIDENCE = 0.6


def extract_skill_standard(doc: Document, ctx: Context) -> Facts:
    """The facts of one skill standard read by :mod:`graphbuilder.ingest.skill_standard`."""
    fb = FactBuilder(doc, ctx, EXTRACTOR)
    statements = StatementFacts(fb, ctx)
    occupations: dict[str, str] = {}
    tasks: dict[str, str] = {}
    levels: dict[str, str] = {}
    where: dict[str, str] = {}
    knowledge: dict[str, list[tuple[str, Provenance]]] = {}
    for sec in doc.sections:
        if sec.kind == "invalid":
            fb.warnings.append(f"line {sec.attrs['line']}: {sec.attrs['reason']}")
        elif sec.kind == "occupation":
            occupations[sec.key] = _occupation(fb, sec)
        elif sec.kind == "work":
            occupation = occupations[sec.attrs["code"]]
            task = _task(fb, sec)
            fb.edge(occupation, "performs", task, fb.provenance(sec))
            tasks[sec.key] = task
            levels[task] = sec.attrs["level"]
            where[task] = f"line {sec.attrs['line']}: 工作内容 {sec.text}"
        elif sec.kind == "skill":
            ordinal = int(sec.attrs["n"])
            task = tasks[sec.attrs["work"]]
            statements.statement(
                sec, task, "needsSkill", ordinal=ordinal, verbal=True, knowledge=False
            )
        elif sec.kind == "knowledge":
            prov = fb.provenance(sec, confidence=KNOWLEDGE_CONFIDENCE)
            key = core(sec.text, ctx.lexicons.equivalences)
            point = fb.node("KnowledgePoint", key, sec.text, prov)
            knowledge.setdefault(tasks[sec.attrs["work"]], []).append((point, prov))
    statements.finish()
    _link_knowledge(fb, knowledge, where)
    facts = fb.facts()
    facts.edges = [
        e.model_copy(update={"attrs": {**e.attrs, "skillLevel": levels[e.source]}})
        if e.kind == "needsSkill" and levels.get(e.source)
        else e
        for e in facts.edges
    ]
    return facts


def _occupation(fb: FactBuilder, sec: Section) -> str:
    code = sec.attrs["code"]
    name = sec.attrs.get("name", "")
    confidence = FILE_NAME_CONFIDENCE if sec.attrs.get("source") == "file name" else 1.0
    return fb.node(
        "Occupation",
        code,
        name or code,
        fb.provenance(sec, confidence=confidence),
        coded=True,
        label_en=None if name else code,
        attrs={"code": code},
    )


def _task(fb: FactBuilder, sec: Section) -> str:
    a = sec.attrs
    attrs: dict[str, AttrValue] = {"skillLevel": a["level"], "notation": a["work_no"]}
    if a.get("function"):
        attrs["occupationalFunction"] = a["function"]
    key = "\x1f".join((a["code"], a["level"], a["work_no"], sec.text))
    return fb.node("Task", key, sec.text, fb.provenance(sec), attrs=attrs)


def _link_knowledge(
    fb: FactBuilder, knowledge: dict[str, list[tuple[str, Provenance]]], where: dict[str, str]
) -> None:
    """Every atomic skill a task needs ``requires`` each knowledge point of its 工作内容."""
    skills: dict[str, list[str]] = {}
    for e in fb.facts().edges:
        if e.kind == "needsSkill":
            skills.setdefault(e.source, []).append(e.target)
    for task, points in knowledge.items():
        if not skills.get(task):
            fb.warnings.append(f"{where[task]}: knowledge but no atomic skill to attach it to")
            continue
        for skill in skills[task]:
            for point, prov in points:
                requires = prov.model_copy(update={"confidence": REQUIRES_CONFIDENCE})
                fb.edge(skill, "requires", point, requires)
