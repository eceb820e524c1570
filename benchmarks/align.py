"""Align the whole national graph, timed as a ratio to bare ``jieba.cut`` over the corpus.

Needs a built store (default ``/tmp/national-store-ro``, opened read-only); the stage's
facts are computed, not written. Also prints a few resource → node suggestions for the
real 资源库 titles in ``../shared/data/resource-library-zyk-zhongyao`` when that folder is
there (development material: skipped cleanly when absent).

Run: ``python benchmarks/align.py [STORE] [CORPUS]``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

RESOURCES = ROOT.parent / "shared" / "data" / "resource-library-zyk-zhongyao" / "output.json"


def main() -> None:
    """Time the stage and jieba; print JSON."""
    import jieba
    from build_vs_jieba import corpus_text

    from graphbuilder.align import ALIGN_STAGE
    from graphbuilder.align.stage import run_align
    from graphbuilder.settings import get_settings
    from graphbuilder.store.oxigraph import OxigraphStore

    store_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/national-store-ro")
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "corpora"
    text = corpus_text(corpus)
    jieba.setLogLevel(60)
    jieba.initialize()
    t = time.perf_counter()
    sum(1 for _ in jieba.cut(text))
    seg = time.perf_counter() - t
    store = OxigraphStore(store_dir, get_settings().base_iri, read_only=True)
    t = time.perf_counter()
    facts = run_align(store, ALIGN_STAGE.doc_id)
    align = time.perf_counter() - t
    out: dict[str, object] = {
        "jieba_cut_s": round(seg, 2),
        "align_s": round(align, 2),
        "ratio_align_over_jieba": round(align / seg, 2),
        "alignsTo": len(facts.edges),
        "taxonomy_nodes": len(facts.nodes),
    }
    if RESOURCES.exists():
        from graphbuilder.align.suggest import NodeSuggester

        titles = [i["fileName"] for ch in json.loads(RESOURCES.read_text()) for i in ch["items"]]
        suggester = NodeSuggester.from_store(store)
        out["suggestions"] = {
            title: [(s.label, s.kind, s.score, s.method) for s in suggester.suggest(title, limit=3)]
            for title in titles[::40]
        }
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
