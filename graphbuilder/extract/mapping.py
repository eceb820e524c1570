"""专业-职业对照表 rows → ``preparesFor`` (major → occupation).

The 普通本科 sheet maps university majors, which are not in the vocational catalogue;
its rows are counted in the warnings, not turned into edges.
"""

from __future__ import annotations

import re

from graphbuilder.extract.base import Context, FactBuilder, level_of_code
from graphbuilder.model import Document, Facts

_OCC_CODE = re.compile(r"^\d-\d{2}-\d{2}-\d{2}$")


def extract_mapping(doc: Document, ctx: Context) -> Facts:
    """One ``preparesFor`` edge per vocational row; the occupation node is asserted too,
    so an occupation the 大典 text lacks still has a type and a label."""
    fb = FactBuilder(doc, ctx, "major-occupation-map")
    skipped_university = 0
    for sec in doc.sections:
        a = sec.attrs
        code = a.get("major_code", "").strip()
        occ_code = a.get("occupation_code", "").strip()
        occ_name = a.get("occupation_name", "").strip()
        level = a.get("level", "")
        if level == "普通本科":
            skipped_university += 1
            continue
        if not (level_of_code(code) and _OCC_CODE.match(occ_code) and occ_name):
            fb.warnings.append(f"mapping row {sec.key!r}: bad major or occupation code")
            continue
        prov = fb.provenance(sec)
        major = fb.node(
            "Major",
            code,
            a.get("major_name", "").strip() or code,
            prov,
            coded=True,
            attrs={"code": code, "level": level_of_code(code) or level},
        )
        occ = fb.node("Occupation", occ_code, occ_name, prov, coded=True, attrs={"code": occ_code})
        fb.edge(major, "preparesFor", occ, prov)
    if skipped_university:
        fb.warnings.append(f"{skipped_university} 普通本科 rows left out (not vocational majors)")
    return fb.facts()
