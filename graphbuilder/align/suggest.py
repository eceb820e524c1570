"""Resource → node suggestions: the knowledge points and skills a resource most likely teaches.

The same machinery as alignment, with graph nodes as the entries: a node label found in
the resource's title or description (``exact``, ``term``, ``latin-token``), else the
character n-gram similarity of the cleaned title to node labels. Titles from resource
libraries are noisy (``1.1.1 中药炮制的分类(PPT)``): section numbers and a bracketed
type suffix are dropped before matching.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graphbuilder.align.embedders import CharNgramEmbedder
from graphbuilder.align.graph_nodes import GraphNode, read_nodes
from graphbuilder.align.lexicon import Entry
from graphbuilder.align.matcher import Matcher
from graphbuilder.store.oxigraph import OxigraphStore

SUGGEST_KINDS = ("KnowledgePoint", "Skill")
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[一二三四五六七八九十]+[、.])\s*")
_SUFFIX = re.compile(r"\s*[（(][^（）()]{1,12}[)）]\s*$")


def clean_title(title: str) -> str:
    """A resource title without its section number and bracketed type suffix.

    >>> clean_title("1.1.2 中药炮制的分类(PPT)")
    '中药炮制的分类'
    """
    text = _NUMBERING.sub("", title.strip())
    while _SUFFIX.search(text):
        text = _SUFFIX.sub("", text)
    return text.strip()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A node a resource may teach, with the evidence."""

    iri: str
    kind: str
    label: str
    score: float
    method: str


class NodeSuggester:
    """Suggests knowledge points and skills for resources; build once, ask many times.

    Args:
        nodes: the candidate nodes.
    """

    def __init__(self, nodes: Sequence[GraphNode]) -> None:
        self.nodes = {n.iri: n for n in nodes}
        entries = [Entry(n.iri, lb, i == 0) for n in nodes for i, lb in enumerate(n.labels)]
        embedder = CharNgramEmbedder([lb for n in nodes for lb in n.labels])
        self.matcher = Matcher(entries, embedders=[embedder], threshold=0.0, per_text=50)

    @classmethod
    def from_store(
        cls, store: OxigraphStore, kinds: Sequence[str] = SUGGEST_KINDS
    ) -> NodeSuggester:
        """A suggester over the nodes of ``kinds`` in ``store``."""
        return cls(read_nodes(store, kinds))

    def suggest(
        self, title: str, description: str = "", *, limit: int = 10, min_score: float = 0.3
    ) -> list[Suggestion]:
        """The best nodes for a resource, best first.

        Args:
            title: the resource title (noise such as ``(PPT)`` is removed).
            description: more text about the resource, if any.
            limit: the most suggestions returned.
            min_score: the lowest score returned.
        """
        best: dict[str, Suggestion] = {}
        for text in (clean_title(title), description.strip()):
            if not text:
                continue
            for m in self.matcher.match(text, floor=min_score):
                node = self.nodes[m.iri]
                s = Suggestion(m.iri, node.kind, node.label, m.score, m.method)
                if m.iri not in best or s.score > best[m.iri].score:
                    best[m.iri] = s
        return sorted(best.values(), key=lambda s: (-s.score, s.iri))[:limit]


def suggest_nodes(
    store: OxigraphStore,
    title: str,
    description: str = "",
    *,
    kinds: Sequence[str] = SUGGEST_KINDS,
    limit: int = 10,
    min_score: float = 0.3,
) -> list[Suggestion]:
    """Suggest knowledge points and skills for one resource (builds a suggester each call;
    keep a :class:`NodeSuggester` to answer many)."""
    return NodeSuggester.from_store(store, kinds).suggest(
        title, description, limit=limit, min_score=min_score
    )
