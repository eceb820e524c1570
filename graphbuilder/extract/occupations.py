"""职业分类大典 text → ``Occupation`` nodes, their ``Task`` nodes (``performs``) and the
atomic skills each task needs (``needsSkill``), with the technologies a task names."""

from __future__ import annotations

from graphbuilder.extract.base import Context, FactBuilder
from graphbuilder.extract.statements import StatementFacts
from graphbuilder.model import Document, Facts


def extract_occupations(doc: Document, ctx: Context) -> Facts:
    """An ``Occupation`` per entry with its definition; a ``Task`` per 主要工作任务 line and
    the skills it needs."""
    fb = FactBuilder(doc, ctx, "occupation-dictionary")
    statements = StatementFacts(fb, ctx)
    current: str | None = None
    current_code = ""
    definitions: dict[str, str] = {}
    for sec in doc.sections:
        if sec.kind == "occupation":
            code = sec.attrs.get("code", sec.key)
            secondary = sec.attrs.get("secondary") == "true"
            attrs: dict[str, str | int | float | bool | tuple[str, ...]] = {"code": code}
            if marker := sec.attrs.get("marker", ""):
                attrs["occupationMarker"] = marker
            current = fb.node(
                "Occupation",
                code,
                sec.attrs.get("name", sec.text).strip() or code,
                fb.provenance(sec, confidence=0.8 if secondary else 1.0),
                coded=True,
                attrs=attrs,
            )
            current_code = code
        elif sec.kind == "occupation_definition" and current and sec.key == current_code:
            definitions.setdefault(current, sec.text.strip())
        elif sec.kind == "task" and current and sec.key == current_code:
            text = sec.text.strip().rstrip("；;。.")
            if len(text) < 2:
                continue
            n = int(sec.attrs.get("n", "0") or 0)
            prov = fb.provenance(sec)
            task = fb.node("Task", f"{current_code}\x1f{text}", text, prov, attrs={"ordinal": n})
            fb.edge(current, "performs", task, prov, attrs={"ordinal": n})
            statements.statement(sec, task, "needsSkill", verbal=True, knowledge=False)
    statements.finish()
    facts = fb.facts()
    # Definitions arrive after the node; attach them now that all sections are read.
    facts.nodes = [
        n.model_copy(update={"attrs": {**n.attrs, "definition": definitions[n.iri]}})
        if n.iri in definitions
        else n
        for n in facts.nodes
    ]
    return facts
