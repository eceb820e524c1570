"""Export a built store in every format: time, peak memory and size of each.

Each format runs in a fresh process that reports its own peak resident memory, so one
format's memory does not hide behind another's. Times are wall-clock on a shared machine:
compare formats with each other (and the Turtle export as the yardstick), not across machines.

Run: ``python benchmarks/exports.py --store /tmp/national-store-ro [--out DIR] [FORMAT ...]``
(the store is opened read-only).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graphbuilder.export import EXPORTERS
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore


def run_one(store: Path, fmt: str, out: Path) -> dict[str, object]:
    """Export one format in this process; report time, peak memory and counts."""
    exporter = EXPORTERS[fmt]
    target = out / (f"graph-{fmt}{exporter.suffix}")
    start = time.perf_counter()
    report = exporter(OxigraphStore(store, get_settings().base_iri, read_only=True), target)
    seconds = time.perf_counter() - start
    files = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]
    return {
        "format": fmt,
        "seconds": round(seconds, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "size_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
        "counts": dict(report.counts),
        "streams": exporter.streams,
    }


def main() -> int:
    """Run every format (or those named), each in a child process; print a table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("formats", nargs="*", default=list(EXPORTERS))
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="graphbuilder-exports-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        print(json.dumps(run_one(args.store, args.formats[0], out), ensure_ascii=False))
        return 0
    results = []
    for fmt in args.formats:
        child = [
            sys.executable,
            __file__,
            "--child",
            "--store",
            str(args.store),
            "--out",
            str(out),
            fmt,
        ]
        done = subprocess.run(child, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{fmt}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        r = results[-1]
        counts = ", ".join(f"{n:,} {unit}" for unit, n in r["counts"].items())
        print(
            f"{fmt:<10} {r['seconds']:>7.1f} s  peak {r['peak_mb']:>6} MB  "
            f"{r['size_mb']:>8.1f} MB  {'streams' if r['streams'] else 'sorted '}  {counts}",
            flush=True,
        )
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
