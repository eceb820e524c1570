"""Skill path query latency on a built graph: p50 and p99 of ``learning_path``, in process.

Loads the graph once (``load_graph``), then times ``learning_path`` for many skill targets
drawn at random (seeded) from those that have prerequisites, and prints a JSON line and a
readable summary. The target is p99 ≤ 20 ms on the national graph.

Run: ``python benchmarks/skill_path.py [STORE] [--n 2000] [--seed 0]`` (STORE defaults to
``build/store``; build it with ``graphbuilder build``). The store is opened read-only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path

from graphbuilder.algorithms import learning_path, load_graph
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    """Time the queries and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", type=Path, default=Path("build/store"))
    parser.add_argument("--n", type=int, default=2000, help="queries to time")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    store = OxigraphStore(args.store, get_settings().base_iri, read_only=True)
    t0 = time.perf_counter()
    G = load_graph(store)
    load_s = time.perf_counter() - t0
    skills = sorted(
        n
        for n, d in G.nodes(data=True)
        if d.get("kind") == "Skill" and any(e.get("kind") == "requires" for e in G.succ[n].values())
    )
    if not skills:
        raise SystemExit(f"no skill with prerequisites in {args.store}: build it first")
    rng = random.Random(args.seed)
    targets = [rng.choice(skills) for _ in range(args.n)]
    for t in targets[:50]:  # warm the caches the first queries would otherwise pay for
        learning_path(G, t)
    times: list[float] = []
    sizes: list[int] = []
    for t in targets:
        start = time.perf_counter()
        path = learning_path(G, t)
        times.append((time.perf_counter() - start) * 1000)
        sizes.append(sum(len(s) for s in path.stages))
    result = {
        "queries": len(times),
        "skills_with_prerequisites": len(skills),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "load_s": round(load_s, 2),
        "p50_ms": round(statistics.median(times), 3),
        "p99_ms": round(_percentile(times, 0.99), 3),
        "max_ms": round(max(times), 3),
        "mean_path_items": round(statistics.mean(sizes), 1),
        "max_path_items": max(sizes),
        # Other processes on a shared machine inflate the tail: say how busy it was.
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(result))
    print(
        f"learning_path over {len(times)} random skills: p50 {result['p50_ms']} ms, "
        f"p99 {result['p99_ms']} ms (target ≤ 20 ms); graph loaded in {result['load_s']} s"
    )


if __name__ == "__main__":
    main()
