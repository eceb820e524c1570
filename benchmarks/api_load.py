"""Load on the HTTP API over loopback: p50, p99 and requests/s for search, node lookup and
skill path.

Starts ``graphbuilder serve`` on 127.0.0.1 (or uses ``--url``), draws its inputs from the
served graph itself (search terms from node labels, nodes of every kind, targets that have
prerequisites), warms each scenario up, then sends a bounded number of requests with a fixed
number in flight (an asyncio client, httpx) and prints a JSON line and a table.

The server opens its store for writing (editors write curated data), so give it a store of
your own (``cp -r`` one), never a store another process holds. Client and server share the
machine: on a small one the figures are a floor, not the server's capacity.

Run: ``python benchmarks/api_load.py --store build/store [--requests 2000] [--concurrency 8]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

GB = "https://w3id.org/graphbuilder/ontology#"
TYPOS = {"数据库": "数剧库", "网络": "网咯", "Python": "Pyton", "Linux": "Linx"}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _sparql(client: httpx.Client, query: str) -> list[str]:
    r = client.post("/api/v1/sparql", data={"query": query}, timeout=120)
    r.raise_for_status()
    return [b["x"]["value"] for b in r.json()["results"]["bindings"]]


def _inputs(client: httpx.Client, base: str, rng: random.Random) -> dict[str, list[str]]:
    """Request paths for each scenario, drawn from the served graph."""
    nodes: list[str] = []
    for kind in ("Major", "Course", "KnowledgePoint", "Skill", "Occupation", "Technology"):
        found = _sparql(client, f"SELECT DISTINCT ?x WHERE {{ ?x a <{GB}{kind}> }} LIMIT 300")
        nodes += rng.sample(found, min(len(found), 100))
    labels = _sparql(
        client,
        f"SELECT DISTINCT ?x WHERE {{ ?s a <{GB}Course> ; "
        f"<http://www.w3.org/2000/01/rdf-schema#label> ?x }} LIMIT 2000",
    )
    terms = [lb[: rng.randint(2, 4)] for lb in rng.sample(labels, min(200, len(labels)))]
    terms += [*TYPOS.values(), "Python", "Linux", "机器人", "护理", "会计"]
    targets = _sparql(
        client,
        f"SELECT DISTINCT ?x WHERE {{ ?x <{GB}requires> ?o . "
        f"{{ ?x a <{GB}Skill> }} UNION {{ ?x a <{GB}KnowledgePoint> }} }} LIMIT 2000",
    )
    return {
        "search": [f"/api/v1/search?q={quote(t)}" for t in terms],
        "node lookup": [f"/api/v1/nodes?iri={quote(n, safe='')}" for n in nodes],
        "skill path": [f"/api/v1/paths/{t.removeprefix(base)}" for t in targets],
    }


async def _load(
    url: str, paths: list[str], n: int, concurrency: int, rng: random.Random
) -> dict[str, float]:
    """Send ``n`` requests drawn from ``paths``, ``concurrency`` at a time."""
    queue = [rng.choice(paths) for _ in range(n)]
    times: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:

        async def worker() -> None:
            nonlocal errors
            while queue:
                path = queue.pop()
                start = time.perf_counter()
                r = await client.get(path)
                times.append((time.perf_counter() - start) * 1000)
                errors += int(r.status_code >= 400)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return {
        "requests": len(times),
        "errors": errors,
        "p50_ms": round(statistics.median(times), 2),
        "p99_ms": round(_percentile(times, 0.99), 2),
        "rps": round(len(times) / wall, 1),
    }


def _serve(store: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "graphbuilder.cli.app", "serve", "--store", str(store)]
    cmd += ["--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait(url: str, alive: Callable[[], bool], seconds: float = 300) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if not alive():
            raise SystemExit("the server stopped while starting")
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the server did not answer within {seconds:g} s")


def main() -> None:
    """Start the server (unless ``--url``), run the scenarios, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a store of your own (opened for writing)")
    parser.add_argument("--url", help="use a running server instead")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--requests", type=int, default=2000, help="per scenario")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--base-iri", default="https://w3id.org/graphbuilder/id/")
    args = parser.parse_args()
    if not args.url and not args.store:
        parser.error("give --store (a copy you own) or --url")
    rng = random.Random(args.seed)
    url = args.url or f"http://127.0.0.1:{args.port}"
    server = None if args.url else _serve(args.store, args.port)
    try:
        startup = _wait(url, lambda: server is None or server.poll() is None)
        with httpx.Client(base_url=url) as client:
            inputs = _inputs(client, args.base_iri, rng)
            results: dict[str, object] = {"startup_s": round(startup, 1)}
            for name, paths in inputs.items():
                if not paths:
                    results[name] = "no inputs in this graph"
                    continue
                warm = time.perf_counter()
                client.get(paths[0], timeout=300)  # the first path request loads the graph
                for p in rng.sample(paths, min(50, len(paths))):
                    client.get(p, timeout=60)
                first = time.perf_counter() - warm
                figures = asyncio.run(_load(url, paths, args.requests, args.concurrency, rng))
                results[name] = {**figures, "inputs": len(paths), "warmup_s": round(first, 1)}
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
    print(json.dumps(results, ensure_ascii=False))
    print(
        f"\n{'scenario':<12} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>7}"
    )
    for name, r in results.items():
        if isinstance(r, dict):
            print(
                f"{name:<12} {r['requests']:>8} {r['errors']:>6} {r['p50_ms']:>8} "
                f"{r['p99_ms']:>8} {r['rps']:>7}"
            )
        elif name != "startup_s":
            print(f"{name:<12} {r}")
    print(f"(concurrency {args.concurrency}; server ready in {results['startup_s']} s)")


if __name__ == "__main__":
    main()
