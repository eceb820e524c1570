"""资源库 listing sections → resources, the 项目/任务 modules they sit in, and their topics.

Each 项目 (and 任务 below it) is a ``Module`` in listing order (``hasPart`` with
``gb:ordinal``; under the listing's ``Course`` when it names one). Each resource is a
``Resource`` (keyed by its URL when it has one) with ``gb:resourceType`` and ``gb:url``; the
topic its title names (the title without its number, type and 项目 prefix) is a
``KnowledgePoint`` of its module, which the resource ``teaches``, its place in the listing
as ``gb:ordinal``. A lesson plan and slides on the same topic teach the same knowledge point.
"""

from __future__ import annotations

from graphbuilder.extract.base import Context, FactBuilder
from graphbuilder.ingest.textbook import strip_numbering
from graphbuilder.model import Document, Facts
from graphbuilder.model.iris import normalise_key
from graphbuilder.model.records import AttrValue


def extract_listing(doc: Document, ctx: Context) -> Facts:
    """Facts of one listing (see the module docstring)."""
    fb = FactBuilder(doc, ctx, "resource-listing")
    course: str | None = None
    modules: dict[str, str] = {}
    children: dict[str, int] = {}
    for sec in doc.sections:
        prov = fb.provenance(sec)
        if sec.kind == "course":
            course = fb.node("Course", sec.attrs["title"], sec.attrs["title"], prov)
        elif sec.kind == "module":
            title = strip_numbering(sec.attrs["title"])
            module = fb.node("Module", f"{doc.path}#{sec.key}", title, prov)
            modules[sec.key] = module
            parent = modules.get(sec.attrs.get("parent", "")) or course
            if parent is not None:
                children[parent] = n = children.get(parent, 0) + 1
                fb.edge(parent, "hasPart", module, prov, attrs={"ordinal": n})
        elif sec.kind == "resource":
            a = sec.attrs
            attrs: dict[str, AttrValue] = {"resourceType": a["rtype"]}
            if a.get("url"):
                attrs["url"] = a["url"]
            key = a.get("url") or f"{doc.path}#{sec.key}"
            resource = fb.node("Resource", key, a["title"], prov, attrs=attrs)
            module_iri = modules.get(a.get("module", ""))
            if module_iri is None or not a.get("topic"):
                continue
            topic = a["topic"]
            kp = fb.node("KnowledgePoint", f"{module_iri}\x1f{normalise_key(topic)}", topic, prov)
            if not fb.has_edge(module_iri, "hasPart", kp):
                children[module_iri] = n = children.get(module_iri, 0) + 1
                fb.edge(module_iri, "hasPart", kp, prov, attrs={"ordinal": n})
            fb.edge(resource, "teaches", kp, prov, attrs={"ordinal": int(a["ordinal"])})
    return fb.facts()
