"""The derived stages the build runs after the documents, in order.

Each later stage sees the facts of the earlier ones. Stages register here; the build
(``pipeline.py``) runs them.
"""

from __future__ import annotations

from graphbuilder.align import ALIGN_STAGE
from graphbuilder.relations import PREREQUISITES_STAGE
from graphbuilder.store.stage import DerivedStage

DERIVED_STAGES: list[DerivedStage] = [ALIGN_STAGE, PREREQUISITES_STAGE]
