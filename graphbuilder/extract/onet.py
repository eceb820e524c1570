"""O*NET Technology Skills rows → ``Technology`` nodes.

One node per technology (the ``Example`` column), with its commodity class, the SOC
codes of the occupations that use it, and Hot Technology / In Demand as booleans that
are true when any row says so.
"""

from __future__ import annotations

from graphbuilder.extract.base import Context, FactBuilder
from graphbuilder.model import Document, Facts, Section


def extract_onet(doc: Document, ctx: Context) -> Facts:
    """Aggregate the rows of each technology into one node."""
    fb = FactBuilder(doc, ctx, "onet-technology")
    groups: dict[str, list[Section]] = {}
    for sec in doc.sections:
        name = sec.attrs.get("example", "").strip()
        if name:
            groups.setdefault(name, []).append(sec)
    for name, rows in groups.items():
        first = rows[0].attrs
        socs = tuple(sorted({r.attrs["soc_code"] for r in rows if r.attrs.get("soc_code")}))
        fb.node(
            "Technology",
            name,
            name,
            fb.provenance(rows[0]),
            label_en=name,
            attrs={
                "commodityCode": first.get("commodity_code", ""),
                "commodityTitle": first.get("commodity_title", ""),
                "hotTechnology": any(r.attrs.get("hot") == "Y" for r in rows),
                "inDemand": any(r.attrs.get("in_demand") == "Y" for r in rows),
                "socCode": socs,
            },
        )
    return fb.facts()
