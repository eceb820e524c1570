"""Algorithms: plain functions on a networkx graph of the built knowledge and skill graph.

``load_graph(store)`` builds the graph; ``learning_path``, ``path_between``,
``prerequisite_levels``, ``prerequisite_closure`` and ``display_graph`` work on it.
"""

from __future__ import annotations

from graphbuilder.algorithms.dag import (
    display_graph,
    prerequisite_closure,
    prerequisite_levels,
    prerequisites,
    requires_graph,
)
from graphbuilder.algorithms.graph import load_graph
from graphbuilder.algorithms.paths import LearningPath, PathItem, Ref, learning_path, path_between

__all__ = [
    "LearningPath",
    "PathItem",
    "Ref",
    "display_graph",
    "learning_path",
    "load_graph",
    "path_between",
    "prerequisite_closure",
    "prerequisite_levels",
    "prerequisites",
    "requires_graph",
]
