"""职业教育专业目录 rows → ``Major`` nodes (code, name, level, 大类, 类, 备注)."""

from __future__ import annotations

from graphbuilder.extract.base import Context, FactBuilder, level_of_code
from graphbuilder.model import Document, Facts
from graphbuilder.model.records import AttrValue

LEVELS = {"中职", "高职专科", "职教本科"}


def extract_catalogue(doc: Document, ctx: Context) -> Facts:
    """One ``Major`` per catalogue row.

    A row whose level is missing or unknown takes the level its code implies; a row
    with neither is reported in the warnings and skipped.
    """
    fb = FactBuilder(doc, ctx, "major-catalogue")
    for sec in doc.sections:
        a = sec.attrs
        code, name = a.get("code", "").strip(), a.get("name", "").strip()
        level = a.get("level", "").strip()
        if level not in LEVELS:
            level = level_of_code(code) or ""
        if not (code.isdigit() and len(code) == 6 and name and level):
            fb.warnings.append(f"catalogue row {sec.key!r}: no usable code, name or level")
            continue
        attrs: dict[str, AttrValue] = {"code": code, "level": level}
        for field, prop in (
            ("category_code", "categoryCode"),
            ("category", "category"),
            ("subcategory_code", "subcategoryCode"),
            ("subcategory", "subcategory"),
            ("remark", "remark"),
        ):
            if value := a.get(field, "").strip():
                attrs[prop] = value
        fb.node("Major", code, name, fb.provenance(sec), coded=True, attrs=attrs)
    return fb.facts()
