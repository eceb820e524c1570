"""Property-based run of the OpenAPI schema (schemathesis): no request gets a 5xx answer.

Every operation is fuzzed with positive (schema-valid) and negative (schema-violating) data,
once with an admin key (every route reachable) and once anonymously. The number of cases run
is printed with the time spent per operation (``-s`` shows it) and must reach a floor, so a
run that generated nothing fails.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from schemathesis.python import asgi

from api.main import create_app
from graphbuilder.settings import Settings

if TYPE_CHECKING:
    from schemathesis.schemas import APIOperation

    from tests.api.conftest import Keys

EXAMPLES = 20


def _fuzz(
    operation: APIOperation,
    mode: GenerationMode,
    who: str,
    headers: dict[str, str],
    ran: dict[str, int],
    failures: list[str],
) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        response = case.call(headers=headers)
        ran[operation.label] = ran.get(operation.label, 0) + 1
        if response.status_code >= 500:
            failures.append(
                f"{operation.label} [{mode.value}, {who}] → {response.status_code}:"
                f" {case.as_curl_command()}"
            )

    try:
        run()
    except Unsatisfiable:
        # No invalid request exists for an operation without inputs (e.g. GET /health).
        assert mode is GenerationMode.NEGATIVE, operation.label


@pytest.mark.slow
def test_no_operation_answers_with_a_server_error(store_dir: Path, keys: Keys) -> None:
    app = create_app(store_dir, settings=Settings(api_keys_file=keys.file))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    ran: dict[str, int] = {}
    spent: dict[str, float] = {}
    failures: list[str] = []
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                for who, headers in (("admin", keys.header("admin")), ("anonymous", {})):
                    started = time.perf_counter()
                    _fuzz(operation, mode, who, headers, ran, failures)
                    took = time.perf_counter() - started
                    spent[operation.label] = spent.get(operation.label, 0.0) + took
    finally:
        asgi.shutdown_lifespans()
    total = sum(ran.values())
    print(f"\nschemathesis: {total} cases over {len(ran)} operations")
    for label, n in sorted(ran.items()):
        print(f"  {n:5d}  {spent[label]:6.1f} s  {label}")
    assert not failures, "\n".join(failures[:20])
    assert len(ran) >= 20 and total >= 20 * EXAMPLES
