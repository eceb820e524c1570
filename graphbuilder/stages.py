"""The derived stages the build runs after the documents, in order.

Each later stage sees the facts of the earlier ones. Stages register here; the build
(``pipeline.py``) runs them.
"""

from __future__ import annotations

from graphbuilder.store.stage import DerivedStage

DERIVED_STAGES: list[DerivedStage] = []
