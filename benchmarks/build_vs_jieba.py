"""Full build of the shipped corpus against bare ``jieba.cut`` over the same text, same run.

Prints both times and their ratio (build / jieba). A ratio, not an absolute time, is what
to compare between machines and commits: both sides run in this process, one after the
other, so a slow machine slows both.

Extraction is the ``extract`` phase: documents' sections into facts (nodes, edges,
provenance). Reading files (``read``) and encoding facts as RDF quads for the store
(``encode``) are reported beside it. Ratios are given in CPU time as well as wall time:
both sides are single-threaded (the CPU time is the building thread's), and on a shared
machine CPU time is the steadier measure.

Run: ``make bench`` (or ``python benchmarks/build_vs_jieba.py [CORPUS]``).
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from graphbuilder.ingest import discover, read_document
from graphbuilder.pipeline import build


def corpus_text(corpus: Path) -> str:
    """The repaired text of every section of every document, as the build reads it."""
    parts: list[str] = []
    for path, root in discover([corpus]):
        doc = read_document(path, root)
        parts.extend(s.text for s in doc.sections)
    return "\n".join(parts)


def main() -> None:
    """Time the two and print a JSON line and a readable summary."""
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpora")
    import jieba

    jieba.setLogLevel(60)
    # The build first: it loads jieba's dictionary itself (its extraction consults it), so
    # that cost is counted on the build's side, and jieba.cut below times segmenting alone.
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = build([corpus], Path(tmp) / "store")
        full = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    text = corpus_text(corpus)
    jieba.initialize()
    t0, c0 = time.perf_counter(), time.thread_time()
    tokens = sum(1 for _ in jieba.cut(text))
    seg, seg_cpu = time.perf_counter() - t0, time.thread_time() - c0
    result = {
        "corpus_chars": len(text),
        "jieba_tokens": tokens,
        "jieba_cut_s": round(seg, 2),
        "build_s": round(full, 2),
        "ratio_build_over_jieba": round(full / seg, 2),
        "phases_s": {k: round(v, 2) for k, v in sorted(summary.timings.items())},
        "jieba_cut_cpu_s": round(seg_cpu, 2),
        "phases_cpu_s": {k: round(v, 2) for k, v in sorted(summary.cpu_timings.items())},
        "ratio_extract_over_jieba": _ratio(summary.timings, seg, "extract"),
        "ratio_extract_over_jieba_cpu": _ratio(summary.cpu_timings, seg_cpu, "extract"),
        "ratio_read_extract_over_jieba": _ratio(summary.timings, seg, "read", "extract"),
        "ratio_read_extract_over_jieba_cpu": _ratio(
            summary.cpu_timings, seg_cpu, "read", "extract"
        ),
        "documents_built": summary.count("built"),
        "documents_failed": len(summary.failed),
        "peak_rss_mb": round(peak_mb),
    }
    print(json.dumps(result, ensure_ascii=False))
    print(
        f"build {full:.1f} s vs jieba.cut {seg:.1f} s over {len(text):,} chars "
        f"→ ratio {full / seg:.2f}; extraction alone → ratio "
        f"{result['ratio_extract_over_jieba']} (CPU {result['ratio_extract_over_jieba_cpu']}); "
        f"reading + extraction → {result['ratio_read_extract_over_jieba']} "
        f"(CPU {result['ratio_read_extract_over_jieba_cpu']})"
    )


def _ratio(phases: dict[str, float], base: float, *names: str) -> float:
    return round(sum(phases.get(n, 0.0) for n in names) / base, 2)


if __name__ == "__main__":
    main()
