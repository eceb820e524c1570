"""Full build of the shipped corpus against bare ``jieba.cut`` over the same text, same run.

Prints both times and their ratio (build / jieba). A ratio, not an absolute time, is what
to compare between machines and commits: both sides run in this process, so a slow machine
slows both.

Extraction is the build's ``extract`` phase: documents' sections into facts (nodes, edges,
provenance). Reading files (``read``) and encoding facts as RDF quads for the store
(``encode``) are reported beside it. Because a shared machine makes single timings swing,
extraction is also timed in ``--rounds`` rounds that alternate jieba.cut, reading and
extraction (the per-text caches cleared before each), in the building thread's CPU time;
the fastest round of each side is compared (the usual estimator of a cost under noise).

The rounds run in the conditions the build extracts in: first, before anything has loaded
the derived stages' models (torch and sentence-transformers leave about 570,000 objects that
the cyclic collector would walk at every full collection, 3 CPU-s per round that no build's
extraction pays), with the read documents frozen out of the collector's view (``gc.freeze``,
as :func:`graphbuilder.pipeline.build` does) and jieba's dictionary loaded beforehand, so both
sides time steady-state work. The full build runs after them.

Run: ``make bench`` (or ``python benchmarks/build_vs_jieba.py [CORPUS] [--rounds 3]``).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from graphbuilder.extract import EXTRACTORS, Context
from graphbuilder.ingest import discover, read_document
from graphbuilder.model import Document
from graphbuilder.pipeline import build
from graphbuilder.resolve.normalise import clear_caches
from graphbuilder.settings import get_settings


def read_all(corpus: Path) -> list[Document]:
    """Every document of the corpus, as the build reads it."""
    return [read_document(path, root) for path, root in discover([corpus])]


def extract_all(docs: list[Document]) -> int:
    """Extract every document as the build does; return the number of facts."""
    ctx = Context.from_documents(get_settings().base_iri, docs)
    n = 0
    for doc in docs:
        facts = EXTRACTORS[doc.kind](doc, ctx)
        n += len(facts.nodes) + len(facts.edges)
    return n


def cpu(fn: Callable[[], object]) -> float:
    """The building thread's CPU seconds that ``fn()`` takes."""
    t0 = time.thread_time()
    fn()
    return time.thread_time() - t0


class GcClock:
    """CPU seconds the cyclic garbage collector takes, by generation, while it is attached.

    Extraction allocates many small objects; the collector's share of a round says how much
    of its time is scanning what is alive rather than extracting.
    """

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.counts = [0, 0, 0]
        self._t0 = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._t0 = time.thread_time()
        else:
            self.seconds[info["generation"]] += time.thread_time() - self._t0
            self.counts[info["generation"]] += 1


def main() -> None:
    """Time the build and the rounds; print a JSON line and a readable summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=Path("corpora"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    import jieba

    jieba.setLogLevel(60)
    docs = read_all(args.corpus)
    text = "\n".join(s.text for d in docs for s in d.sections)
    jieba.initialize()
    gc.freeze()  # as the build does once the documents are read
    rounds: dict[str, list[float]] = {"jieba": [], "read": [], "extract": []}
    gc_rounds: list[GcClock] = []
    for _ in range(args.rounds):
        rounds["jieba"].append(cpu(lambda: sum(1 for _ in jieba.cut(text))))
        rounds["read"].append(cpu(lambda: read_all(args.corpus)))
        clear_caches()
        gc_rounds.append(GcClock())
        gc.callbacks.append(gc_rounds[-1])
        try:
            rounds["extract"].append(cpu(lambda: extract_all(docs)))
        finally:
            gc.callbacks.remove(gc_rounds[-1])
    gc.unfreeze()

    t0 = time.perf_counter()
    tokens = sum(1 for _ in jieba.cut(text))
    seg = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = build([args.corpus], Path(tmp) / "store")
        full = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best = {k: min(v) for k, v in rounds.items()}
    gc_s = [round(sum(g.seconds), 2) for g in gc_rounds]
    result = {
        "corpus_chars": len(text),
        "jieba_tokens": tokens,
        "jieba_cut_s": round(seg, 2),
        "build_s": round(full, 2),
        "ratio_build_over_jieba": round(full / seg, 2),
        "phases_s": {k: round(v, 2) for k, v in sorted(summary.timings.items())},
        "phases_cpu_s": {k: round(v, 2) for k, v in sorted(summary.cpu_timings.items())},
        "rounds_cpu_s": {k: [round(x, 2) for x in v] for k, v in rounds.items()},
        "ratio_extract_over_jieba_cpu": round(best["extract"] / best["jieba"], 2),
        "ratio_read_extract_over_jieba_cpu": round(
            (best["read"] + best["extract"]) / best["jieba"], 2
        ),
        "extract_gc_cpu_s": gc_s,
        "extract_gc_collections": [g.counts for g in gc_rounds],
        "documents_built": summary.count("built"),
        "documents_failed": len(summary.failed),
        "peak_rss_mb": round(peak_mb),
    }
    print(json.dumps(result, ensure_ascii=False))
    print(
        f"build {full:.1f} s vs jieba.cut {seg:.1f} s over {len(text):,} chars → ratio "
        f"{full / seg:.2f}. Best of {args.rounds} rounds (CPU): extraction "
        f"{result['ratio_extract_over_jieba_cpu']} × jieba.cut, reading + extraction "
        f"{result['ratio_read_extract_over_jieba_cpu']} ×; the garbage collector took "
        f"{min(gc_s)}-{max(gc_s)} s of each "
        "extraction round"
    )


if __name__ == "__main__":
    main()
