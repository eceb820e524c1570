"""Full build of the shipped corpus against bare ``jieba.cut`` over the same text, same run.

Prints both times and their ratio (build / jieba). A ratio, not an absolute time, is what
to compare between machines and commits: both sides run in this process, one after the
other, so a slow machine slows both.

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
    t0 = time.perf_counter()
    jieba.initialize()
    init = time.perf_counter() - t0

    text = corpus_text(corpus)
    t0 = time.perf_counter()
    tokens = sum(1 for _ in jieba.cut(text))
    seg = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = build([corpus], Path(tmp) / "store")
        full = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "corpus_chars": len(text),
        "jieba_tokens": tokens,
        "jieba_init_s": round(init, 2),
        "jieba_cut_s": round(seg, 2),
        "build_s": round(full, 2),
        "ratio_build_over_jieba": round(full / seg, 2),
        "phases_s": {k: round(v, 2) for k, v in sorted(summary.timings.items())},
        "ratio_read_extract_over_jieba": round(
            (summary.timings.get("read", 0) + summary.timings.get("extract", 0)) / seg, 2
        ),
        "documents_built": summary.count("built"),
        "documents_failed": len(summary.failed),
        "peak_rss_mb": round(peak_mb),
    }
    print(json.dumps(result, ensure_ascii=False))
    print(
        f"build {full:.1f} s vs jieba.cut {seg:.1f} s over {len(text):,} chars "
        f"→ ratio {full / seg:.2f}; reading + extraction alone → ratio "
        f"{result['ratio_read_extract_over_jieba']}"
    )


if __name__ == "__main__":
    main()
