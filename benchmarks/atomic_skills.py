"""How the national standards' ability statements split into atomic skills, with a sample to judge.

Reads the shipped corpus as the build does, runs the skill splitter over every 主要专业能力要求
statement of the 专业教学标准 (the sections the build reads as ``ability``) and prints:
statements, atomic skills, distinct skills, statements that yield none, and ``--sample N``
statements drawn with a fixed ``--seed``, each with its skills (action · object · level), for
a reader to judge.

Run: ``python benchmarks/atomic_skills.py [CORPUS] [--sample 30] [--seed 7] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from graphbuilder.extract import Context
from graphbuilder.ingest import discover, read_document
from graphbuilder.nlp.skills import split_statement
from graphbuilder.settings import get_settings

SKILL_KINDS = ("skill", "verbal")
"""The clause kinds whose skills the build takes from a statement."""


def main() -> None:
    """Split every statement; print the counts and the sample."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=Path("corpora"))
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    docs = [read_document(p, r) for p, r in discover([args.corpus])]
    lex = Context.from_documents(get_settings().base_iri, docs).lexicons.skills
    rows = []
    for doc in docs:
        if doc.kind != "moe-standard":
            continue
        for sec in doc.sections:
            if sec.kind != "ability" or len(sec.text.strip("；;。.，, \n")) < 4:
                continue
            skills = [s for s in split_statement(sec.text, lex).skills if s.kind in SKILL_KINDS]
            rows.append((sec.key, sec.text.strip(), skills))
    n_skills = sum(len(s) for _, _, s in rows)
    distinct = {(s.action, s.obj) for _, _, sk in rows for s in sk}
    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    result = {
        "statements": len(rows),
        "atomic_skills": n_skills,
        "per_statement": round(n_skills / len(rows), 2) if rows else 0.0,
        "distinct_skills": len(distinct),
        "statements_without_skill": sum(1 for _, _, s in rows if not s),
        "sample": [
            {
                "major": code,
                "statement": text,
                "skills": [f"{s.action} · {s.obj} · {s.level or '-'}" for s in skills],
            }
            for code, text, skills in sample
        ],
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(
        f"{result['statements']:,} statements → {n_skills:,} atomic skills "
        f"({result['per_statement']} each, {len(distinct):,} distinct); "
        f"{result['statements_without_skill']} yield none"
    )
    for n, row in enumerate(result["sample"], start=1):
        print(f"\n{n:2}. [{row['major']}] {row['statement']}")
        for s in row["skills"]:
            print(f"      {s}")


if __name__ == "__main__":
    main()
