"""Export a built store in every format: time, peak memory and size of each.

Each format runs in a fresh process that reports its own peak resident memory, so one
format's memory does not hide behind another's. Times are wall-clock on a shared machine:
compare formats with each other (and the Turtle export as the yardstick), not across machines.

Peak memory is what ``/usr/bin/time -v`` reports for each child (maximum resident set size).
With ``--validate`` each export is then checked by ``benchmarks/validate_exports.py`` (its
format's own validator, in a child of its own, timed the same way); with N-Triples among the
formats, times and peaks are also given as ratios against it, measured in the same run.

Run: ``python benchmarks/exports.py --store DIR [--out DIR] [--validate [--shacl]] [FORMAT ...]``
(the store is opened read-only).
"""

from __future__ import annotations

import argparse
import json
import re
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


def timed(command: list[str]) -> tuple[dict[str, object], int]:
    """Run ``command`` under ``/usr/bin/time -v``: its last JSON line and its peak RSS in MB."""
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command], capture_output=True, text=True, check=False
    )
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if done.returncode not in (0, 1) or peak is None or not done.stdout.strip():
        raise RuntimeError(f"{' '.join(command)} failed\n{done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result, round(int(peak[1]) / 1024)


def main() -> int:
    """Run every format (or those named), each in a child process; print a table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--validate", action="store_true", help="validate each export too")
    parser.add_argument("--shacl", action="store_true", help="with --validate: SHACL on RDF too")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("formats", nargs="*", default=list(EXPORTERS))
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="graphbuilder-exports-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        print(json.dumps(run_one(args.store, args.formats[0], out), ensure_ascii=False))
        return 0
    results: list[dict[str, object]] = []
    here = Path(__file__).resolve().parent
    for fmt in args.formats:
        store = ["--store", str(args.store)]
        r, r["peak_mb"] = timed(
            [sys.executable, __file__, "--child", *store, "--out", str(out), fmt]
        )
        if args.validate:
            check = [sys.executable, str(here / "validate_exports.py"), *store]
            v, v["peak_mb"] = timed(
                [*check, "--exports", str(out), *(["--shacl"] if args.shacl else []), fmt]
            )
            r["validation"] = v
        results.append(r)
        print(line(r), flush=True)
    base = next((r for r in results if r["format"] == "nt"), None)
    if base is not None:
        print("ratios against nt (time, peak memory):")
        for r in results:
            print(f"  {r['format']:<10} {ratio(r, base, 'seconds')}  {ratio(r, base, 'peak_mb')}")
    print(json.dumps(results, ensure_ascii=False))
    return 0 if all(r.get("validation", {"ok": True})["ok"] for r in results) else 1  # type: ignore[index]


def ratio(r: dict[str, object], base: dict[str, object], key: str) -> str:
    """``r[key] / base[key]``, also for the validation when both have one."""

    def div(a: object, b: object) -> str:
        return f"{float(a) / float(b):.2f}x" if b else "-"  # type: ignore[arg-type]

    text = div(r[key], base[key])
    rv, bv = r.get("validation"), base.get("validation")
    if isinstance(rv, dict) and isinstance(bv, dict):
        text += f" (validate {div(rv[key], bv[key])})"
    return f"{key} {text:<28}"


def line(r: dict[str, object]) -> str:
    """One table row: export time, peak, size, counts, and the validation when run."""
    counts = ", ".join(f"{n:,} {unit}" for unit, n in r["counts"].items())  # type: ignore[attr-defined]
    text = (
        f"{r['format']:<10} {r['seconds']:>7.1f} s  peak {r['peak_mb']:>6} MB  "
        f"{r['size_mb']:>8.1f} MB  {'streams' if r['streams'] else 'sorted '}  {counts}"
    )
    v = r.get("validation")
    if isinstance(v, dict):
        held = ", ".join(
            f"{k} {n:,}"
            for k, n in v.items()
            if isinstance(n, int) and not isinstance(n, bool) and k != "peak_mb"
        )
        verdict = "PASS" if v["ok"] else f"FAIL: {v['error']}"
        text += f"\n{'':<10} validate {v['seconds']:>7.1f} s  peak {v['peak_mb']:>6} MB  "
        text += f"{held}  {verdict}"
    return text


if __name__ == "__main__":
    sys.exit(main())
