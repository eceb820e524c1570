"""A label index for search: Chinese and English labels, exact, prefix, substring and fuzzy.

Built once from the store (every node's ``rdfs:label`` and ``skos:altLabel``, its kind, and the
majors it belongs to) and kept in memory; the API refreshes single entries when editors add
resources. Labels are compared in :func:`~graphbuilder.model.iris.normalise_key` form (NFKC,
lower case, no whitespace), so ``Ｐｙｔｈｏｎ``, ``python`` and ``Py thon`` are one key.

Matching runs in tiers, best first: exact (score 100), prefix (90-99), substring (80-89) and,
in ``fuzzy`` mode (or in ``auto`` mode when nothing else matched), an edit-distance match
(rapidfuzz ``ratio`` and ``partial_ratio``, scaled below 80). Chinese has no spaces, so "prefix of a
word" is a substring match: ``网络`` finds ``计算机网络技术``.

A node *belongs* to a major when the major reaches it along ``hasPart``, ``teaches``,
``preparesFor``, ``performs``, ``needsSkill`` and ``alignsTo`` (the major's courses, their
parts, the skills and knowledge points taught, its occupations and their tasks and skills,
the technologies those align to), or when it ``certifies`` the major.

Examples:
    >>> idx = LabelIndex([
    ...     IndexEntry("x:1", "Course", ("计算机网络技术",)),
    ...     IndexEntry("x:2", "Technology", ("Python",)),
    ... ])
    >>> [h.iri for h in idx.search("网络").hits]
    ['x:1']
    >>> idx.search("pyton", mode="fuzzy").hits[0].match
    'fuzzy'
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from graphbuilder.model import NODE_KINDS
from graphbuilder.model.iris import normalise_key
from graphbuilder.store.mapping import RDFS_LABEL, SKOS_ALT, term
from graphbuilder.store.oxigraph import OxigraphStore

MatchKind = Literal["exact", "prefix", "substring", "fuzzy"]
Mode = Literal["prefix", "substring", "auto", "fuzzy"]

# Edges along which a major reaches the nodes that belong to it, and how deep.
_MAJOR_EDGES = ("hasPart", "teaches", "preparesFor", "performs", "needsSkill", "alignsTo")
_MAJOR_DEPTH = 5
# Below this partial_ratio a fuzzy candidate is noise; shorter queries get no fuzzy tier.
_FUZZY_CUTOFF = 75.0
_FUZZY_MIN_QUERY = 3
_SEP = "\x00"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One node as the index sees it.

    Attributes:
        iri: the node.
        kind: its node kind (``Course``, ``Technology``…).
        labels: its labels, preferred first (Chinese, then English, then alternatives).
        label_en: its English label, when it has one.
        majors: the IRIs of the majors it belongs to.
    """

    iri: str
    kind: str
    labels: tuple[str, ...]
    label_en: str | None = None
    majors: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        """The preferred label."""
        return self.labels[0] if self.labels else self.iri


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the node, the label that matched, how, and the score (0-100)."""

    entry: IndexEntry
    matched: str
    match: MatchKind
    score: float

    @property
    def iri(self) -> str:
        """The node's IRI."""
        return self.entry.iri


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of hits and the number of hits on all pages."""

    hits: list[Hit]
    total: int


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """An immutable view of the index; writers build a new one and swap it in."""

    entries: dict[str, IndexEntry]
    keys: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    blob: str = ""
    exact: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: dict[str, IndexEntry]) -> _Snapshot:
        keys: list[str] = []
        labels: list[str] = []
        owners: list[str] = []
        starts: list[int] = []
        exact: dict[str, list[int]] = {}
        pos = 0
        for iri in sorted(entries):
            seen: set[str] = set()
            for label in entries[iri].labels:
                key = normalise_key(label).replace(_SEP, "")
                if not key or key in seen:
                    continue
                seen.add(key)
                exact.setdefault(key, []).append(len(keys))
                keys.append(key)
                labels.append(label)
                owners.append(iri)
                starts.append(pos)
                pos += len(key) + 1
        return cls(entries, keys, labels, owners, starts, _SEP.join(keys), exact)


class LabelIndex:
    """Searchable labels of every node; safe to read from many threads while one writes.

    Args:
        entries: the nodes to index.
    """

    def __init__(self, entries: Iterable[IndexEntry] = ()) -> None:
        self._lock = threading.Lock()
        self._snap = _Snapshot.of({e.iri: e for e in entries})

    @classmethod
    def from_store(cls, store: OxigraphStore) -> LabelIndex:
        """Index every node of the store's live graphs (documents and curated edits)."""
        return cls(read_entries(store))

    def __len__(self) -> int:
        return len(self._snap.entries)

    def get(self, iri: str) -> IndexEntry | None:
        """The entry of ``iri``, if indexed."""
        return self._snap.entries.get(iri)

    def upsert(self, entries: Iterable[IndexEntry]) -> None:
        """Add or replace entries (by IRI)."""
        with self._lock:
            current = dict(self._snap.entries)
            current.update((e.iri, e) for e in entries)
            self._snap = _Snapshot.of(current)

    def remove(self, iris: Iterable[str]) -> None:
        """Drop entries by IRI (unknown IRIs are ignored)."""
        with self._lock:
            current = dict(self._snap.entries)
            for iri in iris:
                current.pop(iri, None)
            self._snap = _Snapshot.of(current)

    def exact(self, label: str, kinds: Sequence[str] = ()) -> list[IndexEntry]:
        """The nodes with a label equal to ``label`` once normalised, optionally of ``kinds``."""
        snap = self._snap
        out: dict[str, IndexEntry] = {}
        for i in snap.exact.get(normalise_key(label), []):
            e = snap.entries[snap.owners[i]]
            if not kinds or e.kind in kinds:
                out[e.iri] = e
        return list(out.values())

    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] = (),
        major: str | None = None,
        mode: Mode = "auto",
        limit: int = 20,
        offset: int = 0,
    ) -> SearchPage:
        """Find nodes by label.

        Args:
            query: the text typed (Chinese or English).
            kinds: only nodes of these kinds (empty: all).
            major: only nodes that belong to this major (its IRI).
            mode: ``prefix`` (exact and prefix matches), ``substring`` (also matches inside a
                label), ``fuzzy`` (also near matches, for typos) or ``auto`` (``substring``,
                then ``fuzzy`` only when that found nothing).
            limit: hits per page.
            offset: hits to skip.

        Returns:
            The page of hits, best first, and the total number of hits.
        """
        snap = self._snap
        q = normalise_key(query).replace(_SEP, "")
        if not q:
            return SearchPage([], 0)

        def allowed(i: int) -> bool:
            e = snap.entries[snap.owners[i]]
            return (not kinds or e.kind in kinds) and (
                major is None or major in e.majors or e.iri == major
            )

        best: dict[str, tuple[float, MatchKind, int]] = {}

        def offer(i: int, score: float, how: MatchKind) -> None:
            iri = snap.owners[i]
            old = best.get(iri)
            if (old is None or score > old[0]) and allowed(i):
                best[iri] = (score, how, i)

        for i in snap.exact.get(q, []):
            offer(i, 100.0, "exact")
        for m in re.finditer(re.escape(q), snap.blob):
            i = bisect_right(snap.starts, m.start()) - 1
            share = len(q) / len(snap.keys[i])
            if m.start() == snap.starts[i]:
                if share < 1:
                    offer(i, 90 + 9 * share, "prefix")
            elif mode != "prefix":
                offer(i, 80 + 9 * share, "substring")
        if (mode == "fuzzy" or (mode == "auto" and not best)) and len(q) >= _FUZZY_MIN_QUERY:
            for i, score in _fuzzy(q, snap.keys).items():
                if snap.owners[i] not in best:
                    offer(i, score * 0.79, "fuzzy")
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], len(snap.keys[kv[1][2]]), kv[0]))
        hits = [
            Hit(snap.entries[iri], snap.labels[i], how, round(score, 2))
            for iri, (score, how, i) in ranked[offset : offset + limit]
        ]
        return SearchPage(hits, len(ranked))


def _fuzzy(query: str, keys: list[str]) -> dict[int, float]:
    """Indices and scores (0-100) of the keys close to ``query``.

    A key at least as long as the query scores the better of its whole-string similarity and
    the similarity of its best-aligned part (``partial_ratio``: a typo inside a longer label);
    a shorter key scores its whole-string similarity only, so ``R`` is no near match of
    ``Windows Server``.
    """
    from rapidfuzz import fuzz, process

    scores: dict[int, float] = {}
    for _, score, i in process.extract(
        query, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=None
    ):
        scores[int(i)] = float(score)
    for _, score, i in process.extract(
        query, keys, scorer=fuzz.partial_ratio, score_cutoff=_FUZZY_CUTOFF, limit=None
    ):
        if len(keys[i]) >= len(query):
            scores[int(i)] = max(scores.get(int(i), 0.0), float(score))
    return scores


def read_entries(store: OxigraphStore) -> list[IndexEntry]:
    """Every node of the store with its labels, kind and majors."""
    kinds = {term(k).value: k for k in NODE_KINDS}
    kind_of: dict[str, str] = {}
    for row in store.query(
        "SELECT ?s ?k WHERE { ?s a ?k . VALUES ?k { " + " ".join(f"<{k}>" for k in kinds) + " } }"
    ):  # type: ignore[attr-defined]
        s = row["s"].value
        # A node typed twice (should not happen) keeps the first kind in ontology order.
        k = kinds[row["k"].value]
        if s not in kind_of or NODE_KINDS.index(k) < NODE_KINDS.index(kind_of[s]):
            kind_of[s] = k
    zh: dict[str, set[str]] = {}
    en: dict[str, set[str]] = {}
    alt: dict[str, set[str]] = {}
    for row in store.query(
        f"SELECT ?s ?p ?l WHERE {{ VALUES ?p {{ {RDFS_LABEL} {SKOS_ALT} }} ?s ?p ?l }}"
    ):  # type: ignore[attr-defined]
        s, lit = row["s"].value, row["l"]
        if s not in kind_of:
            continue
        if row["p"] == SKOS_ALT:
            alt.setdefault(s, set()).add(lit.value)
        elif getattr(lit, "language", None) == "en":
            en.setdefault(s, set()).add(lit.value)
        else:
            zh.setdefault(s, set()).add(lit.value)
    majors = _majors(store, {s for s, k in kind_of.items() if k == "Major"})
    out = []
    for s, k in kind_of.items():
        names = sorted(zh.get(s, ())) + sorted(en.get(s, ())) + sorted(alt.get(s, ()))
        english = sorted(en.get(s, ()))
        out.append(
            IndexEntry(
                s,
                k,
                tuple(dict.fromkeys(names)),
                english[0] if english else None,
                frozenset(majors.get(s, ())),
            )
        )
    return out


def _majors(store: OxigraphStore, major_iris: set[str]) -> dict[str, set[str]]:
    """For each node, the majors it belongs to (see the module docstring)."""
    preds = {term(k).value: k for k in _MAJOR_EDGES}
    out_edges: dict[str, list[str]] = {}
    for row in store.query(
        "SELECT ?s ?o WHERE { VALUES ?p { "
        + " ".join(f"<{p}>" for p in preds)
        + " } ?s ?p ?o FILTER(isIRI(?o)) }"
    ):  # type: ignore[attr-defined]
        out_edges.setdefault(row["s"].value, []).append(row["o"].value)
    belongs: dict[str, set[str]] = {}
    for m in major_iris:
        seen = {m}
        todo: deque[tuple[str, int]] = deque([(m, 0)])
        while todo:
            node, depth = todo.popleft()
            if depth == _MAJOR_DEPTH:
                continue
            for nxt in out_edges.get(node, ()):
                # Another major reached along an edge is not part of this one.
                if nxt not in seen and nxt not in major_iris:
                    seen.add(nxt)
                    todo.append((nxt, depth + 1))
        for node in seen - {m}:
            belongs.setdefault(node, set()).add(m)
    for row in store.query(f"SELECT ?c ?m WHERE {{ ?c {term('certifies')} ?m FILTER(isIRI(?m)) }}"):  # type: ignore[attr-defined]
        if row["m"].value in major_iris:
            belongs.setdefault(row["c"].value, set()).add(row["m"].value)
    return belongs
