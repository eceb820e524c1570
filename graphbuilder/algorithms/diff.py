"""What changed between two versions of the graph, grouped by kind and by major.

A plain function on two snapshots (``graphbuilder.store.versions``): nodes and edges added,
removed and changed, each with the majors it touches and the documents that stated it.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, ConfigDict, Field

from graphbuilder.store.versions import Fact, Snapshot


class NodeChange(BaseModel):
    """A node added, removed or changed."""

    model_config = ConfigDict(extra="forbid")

    iri: str
    kind: str
    label: str
    majors: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    before: dict[str, list[str]] | None = None
    after: dict[str, list[str]] | None = None


class EdgeChange(BaseModel):
    """An edge added or removed."""

    model_config = ConfigDict(extra="forbid")

    source: str
    source_label: str
    kind: str
    target: str
    target_label: str
    majors: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)


class MajorChanges(BaseModel):
    """How much changed around one major."""

    model_config = ConfigDict(extra="forbid")

    label: str
    nodes_added: int = 0
    nodes_removed: int = 0
    nodes_changed: int = 0
    edges_added: int = 0
    edges_removed: int = 0


class GraphDiff(BaseModel):
    """The difference from ``old`` to ``new``."""

    model_config = ConfigDict(extra="forbid")

    old: str
    new: str
    nodes_added: dict[str, list[NodeChange]] = Field(default_factory=dict)
    nodes_removed: dict[str, list[NodeChange]] = Field(default_factory=dict)
    nodes_changed: dict[str, list[NodeChange]] = Field(default_factory=dict)
    edges_added: dict[str, list[EdgeChange]] = Field(default_factory=dict)
    edges_removed: dict[str, list[EdgeChange]] = Field(default_factory=dict)
    by_major: dict[str, MajorChanges] = Field(default_factory=dict)

    def counts(self) -> dict[str, dict[str, int]]:
        """Number of changes per section and kind."""
        sections = ("nodes_added", "nodes_removed", "nodes_changed", "edges_added")
        out = {s: {k: len(v) for k, v in getattr(self, s).items()} for s in sections}
        out["edges_removed"] = {k: len(v) for k, v in self.edges_removed.items()}
        return out


def _major_codes(snap: Snapshot) -> dict[str, str]:
    codes = {}
    for iri, kind in snap.kinds.items():
        if kind == "Major":
            code = dict(snap.attrs.get(iri, ())).get("code", iri.rsplit("/", 1)[-1])
            codes[iri] = code
    return codes


def _neighbour_majors(snap: Snapshot, majors: dict[str, str]) -> dict[str, set[str]]:
    near: dict[str, set[str]] = defaultdict(set)
    for s, _, o in snap.edges:
        if s in majors:
            near[o].add(majors[s])
        if o in majors:
            near[s].add(majors[o])
    for iri, code in majors.items():
        near[iri].add(code)
    return near


def _attr_map(snap: Snapshot, iri: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for p, v in snap.attrs.get(iri, ()):
        out[p].append(v)
    return dict(out)


def _names(snap: Snapshot, iri: str) -> list[str]:
    """All the node's labels (a snapshot made by hand may give only ``labels``)."""
    return list(snap.names.get(iri) or (snap.labels.get(iri, ""),))


def diff_snapshots(old: Snapshot, new: Snapshot) -> GraphDiff:
    """Compare two snapshots.

    Args:
        old: the earlier version.
        new: the later version.

    Returns:
        Nodes and edges added (in ``new`` only), removed (in ``old`` only) and changed
        (same IRI, other labels or attributes), grouped by kind, each with the majors it
        touches and the documents that stated it, plus per-major totals.

    Examples:
        >>> code = {"m": (("code", "1"),)}
        >>> a = Snapshot("a", kinds={"m": "Major"}, labels={"m": "M"}, attrs=code)
        >>> b = Snapshot("b", kinds={"m": "Major", "c": "Course"}, labels={"m": "M", "c": "C"},
        ...              attrs=code, edges={("m", "hasPart", "c")})
        >>> d = diff_snapshots(a, b)
        >>> [n.label for n in d.nodes_added["Course"]], d.nodes_added["Course"][0].majors
        (['C'], ['1'])
        >>> d.by_major["1"].edges_added
        1
    """
    result = GraphDiff(old=old.name, new=new.name)
    majors_old, majors_new = _major_codes(old), _major_codes(new)
    near_old = _neighbour_majors(old, majors_old)
    near_new = _neighbour_majors(new, majors_new)
    labels = {**old.labels, **new.labels}
    major_labels = {
        code: labels.get(iri, code) for iri, code in {**majors_old, **majors_new}.items()
    }
    per_major: dict[str, MajorChanges] = {}

    def bump(codes: set[str], field: str) -> None:
        for code in codes:
            entry = per_major.setdefault(code, MajorChanges(label=major_labels.get(code, code)))
            setattr(entry, field, getattr(entry, field) + 1)

    def node_change(snap: Snapshot, near: dict[str, set[str]], iri: str) -> NodeChange:
        kind = snap.kinds[iri]
        return NodeChange(
            iri=iri,
            kind=kind,
            label=snap.labels.get(iri, iri),
            majors=sorted(near.get(iri, set())),
            documents=sorted(snap.sources.get((iri, "a", kind), set())),
        )

    for iri in sorted(new.kinds.keys() - old.kinds.keys()):
        change = node_change(new, near_new, iri)
        result.nodes_added.setdefault(change.kind, []).append(change)
        bump(set(change.majors), "nodes_added")
    for iri in sorted(old.kinds.keys() - new.kinds.keys()):
        change = node_change(old, near_old, iri)
        result.nodes_removed.setdefault(change.kind, []).append(change)
        bump(set(change.majors), "nodes_removed")
    for iri in sorted(old.kinds.keys() & new.kinds.keys()):
        names_old, names_new = _names(old, iri), _names(new, iri)
        if names_old == names_new and old.attrs.get(iri) == new.attrs.get(iri):
            continue
        change = node_change(new, near_new, iri)
        change.before, change.after = _attr_map(old, iri), _attr_map(new, iri)
        change.before["label"], change.after["label"] = names_old, names_new
        result.nodes_changed.setdefault(change.kind, []).append(change)
        bump(set(change.majors), "nodes_changed")

    def edge_change(snap: Snapshot, majors: dict[str, str], fact: Fact) -> EdgeChange:
        s, kind, o = fact
        return EdgeChange(
            source=s,
            source_label=snap.labels.get(s, s),
            kind=kind,
            target=o,
            target_label=snap.labels.get(o, o),
            majors=sorted({majors[x] for x in (s, o) if x in majors}),
            documents=sorted(snap.sources.get(fact, set())),
        )

    for fact in sorted(new.edges - old.edges):
        added = edge_change(new, majors_new, fact)
        result.edges_added.setdefault(added.kind, []).append(added)
        bump(set(added.majors), "edges_added")
    for fact in sorted(old.edges - new.edges):
        removed = edge_change(old, majors_old, fact)
        result.edges_removed.setdefault(removed.kind, []).append(removed)
        bump(set(removed.majors), "edges_removed")
    result.by_major = dict(sorted(per_major.items()))
    return result


def select(diff: GraphDiff, *, kind: str | None = None, major: str | None = None) -> GraphDiff:
    """The part of ``diff`` about nodes and edges of ``kind`` and about ``major``.

    Args:
        diff: a whole diff.
        kind: keep only nodes of this kind and edges of this kind (``Course``, ``hasPart``).
        major: keep only changes that touch the major with this code, and its totals.

    Examples:
        >>> code = {"m": (("code", "1"),)}
        >>> a = Snapshot("a", kinds={"m": "Major"}, labels={"m": "M"}, attrs=code)
        >>> b = Snapshot("b", kinds={"m": "Major", "c": "Course", "t": "Technology"},
        ...              labels={"m": "M", "c": "C", "t": "T"}, attrs=code,
        ...              edges={("m", "hasPart", "c")})
        >>> d = diff_snapshots(a, b)
        >>> sorted(select(d, major="1").nodes_added), list(select(d, kind="hasPart").edges_added)
        (['Course'], ['hasPart'])
        >>> select(d, kind="Technology").nodes_added["Technology"][0].label
        'T'
    """
    out = diff.model_copy(deep=True)
    for section in ("nodes_added", "nodes_removed", "nodes_changed"):
        groups: dict[str, list[NodeChange]] = getattr(out, section)
        kept = {
            k: [n for n in v if major is None or major in n.majors]
            for k, v in groups.items()
            if kind is None or k == kind
        }
        setattr(out, section, {k: v for k, v in kept.items() if v})
    for section in ("edges_added", "edges_removed"):
        edges: dict[str, list[EdgeChange]] = getattr(out, section)
        kept_e = {
            k: [e for e in v if major is None or major in e.majors]
            for k, v in edges.items()
            if kind is None or k == kind
        }
        setattr(out, section, {k: v for k, v in kept_e.items() if v})
    if major is not None:
        out.by_major = {c: m for c, m in out.by_major.items() if c == major}
    return out
