"""Extract a real 国家职业技能标准 (parsed JSON lines) and show what it became.

Reads ``../shared/data/osta-skill-standards-parsed/4-04-05-05.jsonl`` (development material,
internal reference only: nothing of it is copied into the repository; skipped cleanly when
absent) together with the shipped corpus's 职业分类大典 text that holds the same occupation,
extracts both in memory, checks that they meet at one ``Occupation`` node, validates their
facts against the SHACL shapes in a throwaway store, and prints the counts and 10 sampled
技能要求 items with the atomic skills they gave.

Run: ``python benchmarks/skill_standard.py [STANDARD.jsonl] [DICTIONARY.md]``.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from graphbuilder.model import Document, Facts

ROOT = Path(__file__).resolve().parents[1]
STANDARD = ROOT.parent / "shared" / "data" / "osta-skill-standards-parsed" / "4-04-05-05.jsonl"
DICTIONARY = ROOT / "corpora" / "moe" / "occupations" / "class_4_社会生产服务和生活服务人员.md"
SEED = 2024
SAMPLES = 10


def main() -> None:
    """Extract, count, validate and sample; print JSON, then the samples."""
    from graphbuilder.extract import EXTRACTORS, Context
    from graphbuilder.ingest import read_document
    from graphbuilder.model.iris import node_iri
    from graphbuilder.settings import get_settings

    standard = Path(sys.argv[1]) if len(sys.argv) > 1 else STANDARD
    dictionary = Path(sys.argv[2]) if len(sys.argv) > 2 else DICTIONARY
    if not standard.is_file():
        print(f"skipped: {standard} is not there (development material)")
        return
    base = get_settings().base_iri
    t = time.perf_counter()
    doc = read_document(standard, standard.parent)
    docs = [doc]
    if dictionary.is_file():
        docs.append(read_document(dictionary, dictionary.parent))
    ctx = Context.from_documents(base, docs)
    facts = [EXTRACTORS[d.kind](d, ctx) for d in docs]
    seconds = time.perf_counter() - t
    ours = facts[0]
    sections = Counter(s.kind for s in doc.sections)
    kinds = {n.iri: n.kind for n in ours.nodes}
    edges = Counter(e.kind for e in ours.edges)
    skill_items = [s for s in doc.sections if s.kind == "skill"]
    per_item = _skills_per_item(doc, ours)
    code = next(s.key for s in doc.sections if s.kind == "occupation")
    occupation = node_iri(base, "Occupation", code, coded=True)
    names = [n.label for f in facts[1:] for n in f.nodes if n.iri == occupation]
    report = {
        "file": standard.name,
        "lines": sum(1 for line in standard.read_text("utf-8").split("\n") if line.strip()),
        "records": sections["work"],
        "invalid": sections["invalid"],
        "skill_items": len(skill_items),
        "skill_items_without_skill": sum(1 for s in skill_items if not per_item.get(s.key)),
        "needsSkill_edges": edges["needsSkill"],
        "atomic_skills": sum(1 for k in kinds.values() if k == "Skill"),
        "atomic_skills_without_action": sum(
            1 for n in ours.nodes if n.kind == "Skill" and not n.attrs.get("skillAction")
        ),
        "knowledge_items": sections["knowledge"],
        "knowledge_points": sum(1 for k in kinds.values() if k == "KnowledgePoint"),
        "requires_edges": edges["requires"],
        "technologies": sum(1 for k in kinds.values() if k == "Technology"),
        "noise_cut": dict(Counter(s.attrs["noise"] for s in doc.sections if "noise" in s.attrs)),
        "levels": dict(Counter(s.attrs["level"] for s in doc.sections if s.kind == "work")),
        "occupation": code,
        "dictionary_name": names[0] if names else None,
        "warnings": ours.warnings,
        "extract_s": round(seconds, 2),
        "shacl_conforms": _validate(base, docs, facts),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    for sec in random.Random(SEED).sample(skill_items, min(SAMPLES, len(skill_items))):
        found = ", ".join(f"{a}|{o} ({p})" for a, o, p in per_item.get(sec.key, [])) or "—"
        print(f"[{sec.attrs['work']} {sec.attrs['number']}] {sec.text}\n    → {found}")


def _skills_per_item(doc: Document, facts: Facts) -> dict[str, list[tuple[str, str, str]]]:
    """Each 技能要求 item's atomic skills: (action, object, proficiency), by section key."""
    nodes = {n.iri: n for n in facts.nodes}
    items = [s for s in doc.sections if s.kind == "skill"]
    out: dict[str, list[tuple[str, str, str]]] = {}
    for e in facts.edges:
        if e.kind != "needsSkill":
            continue
        # An item's skills have their evidence inside its span.
        for sec in items:
            if sec.start <= e.provenance.start and e.provenance.end <= sec.end:
                skill = nodes[e.target]
                out.setdefault(sec.key, []).append(
                    (
                        str(skill.attrs.get("skillAction", "")),
                        str(skill.attrs.get("skillObject", "")),
                        str(e.attrs.get("proficiency", "")),
                    )
                )
                break
    return out


def _validate(base: str, docs: list[Document], facts: list[Facts]) -> bool:
    """Whether the documents' facts, written to a throwaway store, satisfy the shapes."""
    from graphbuilder.store.mapping import facts_quads
    from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore
    from graphbuilder.store.validate import validate_store

    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(Path(tmp), base)
        try:
            for d, f in zip(docs, facts, strict=True):
                rec = DocumentRecord(d.doc_id, d.path, d.kind, d.sha256, "fp", d.encoding, "b")
                store.replace_document(
                    rec, list(facts_quads(base, f, store.graph_name(d.doc_id, "fp"), "b"))
                )
            report = validate_store(store)
            if not report.conforms:
                print(report.text[:2000], file=sys.stderr)
            return report.conforms
        finally:
            store.close()


if __name__ == "__main__":
    main()
