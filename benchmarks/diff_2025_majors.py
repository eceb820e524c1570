"""The national corpus against itself without the 54 majors added in December 2025.

Builds the corpus with those catalogue rows removed as tag ``before``, then the whole corpus
as tag ``2025`` in the same store, and diffs the two tags. Prints the counts and whether the
added majors are exactly the 54 the catalogue marks "2025年12月新增".

Run: ``python benchmarks/diff_2025_majors.py [--json FILE] [--keep DIR]`` (``--keep``: build
into DIR/store once and diff it again on later runs).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from graphbuilder.algorithms.diff import diff_snapshots
from graphbuilder.pipeline import build
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.versions import snapshots_of

MARK = "2025年12月新增"


def without_new_majors(corpus: Path, out: Path) -> set[str]:
    """Copy ``corpus`` to ``out`` minus the catalogue rows marked new; return their codes."""
    shutil.copytree(corpus, out)
    (catalogue,) = out.glob("moe/职业教育专业目录.xlsx")
    wb = load_workbook(catalogue)
    ws = wb.worksheets[0]
    doomed = [i for i, row in enumerate(ws.iter_rows(values_only=True), 1) if row[7] == MARK]
    codes = {str(ws.cell(row=i, column=5).value) for i in doomed}
    for i in reversed(doomed):
        ws.delete_rows(i)
    wb.save(catalogue)
    return codes


def main() -> None:
    """Build both versions (unless ``--keep`` already holds them), diff them, print figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=Path("corpora"))
    parser.add_argument("--json", type=Path, help="write the full diff here")
    parser.add_argument(
        "--keep", type=Path, help="build into this directory and keep it; reuse it when built"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        codes = without_new_majors(args.corpus, Path(tmp) / "before")
        store_dir = root / "store"
        t0 = time.perf_counter()
        if not (store_dir / "CURRENT").exists():
            build([Path(tmp) / "before"], store_dir, tag="before")
            build([args.corpus], store_dir, tag="2025")
        t1 = time.perf_counter()
        store = OxigraphStore(store_dir, get_settings().base_iri, read_only=True)
        tags = store.tags()
        shared = len(set(tags["before"]) & set(tags["2025"]))
        d = diff_snapshots(*snapshots_of("before", "2025", store))
        t2 = time.perf_counter()
    added_majors = {n.iri.rsplit("/", 1)[-1]: n.label for n in d.nodes_added.get("Major", [])}
    print(json.dumps(d.counts(), ensure_ascii=False))
    print(
        f"majors marked {MARK}: {len(codes)}; majors added: {len(added_majors)}; "
        f"exactly those: {set(added_majors) == codes}"
    )
    for kind, edges in sorted(d.edges_added.items()):
        print(
            f"  edges added {kind}: {len(edges)}, e.g. "
            + "; ".join(f"{e.source_label} → {e.target_label}" for e in edges[:3])
        )
    courses = [e for e in d.edges_added.get("hasPart", []) if e.majors]
    print(f"courses (hasPart) of the added majors: {len(courses)}")
    print(f"document graphs: {len(tags['2025'])}, shared by the two tags: {shared}")
    print(f"two builds {t1 - t0:.1f} s, diff {t2 - t1:.1f} s")
    if args.json:
        args.json.write_text(d.model_dump_json(indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
