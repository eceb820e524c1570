from __future__ import annotations

from typing import get_args

from api.schemas import NodeKind
from graphbuilder.model import NODE_KINDS


def test_the_node_kind_parameter_lists_every_kind() -> None:
    assert get_args(NodeKind) == NODE_KINDS
