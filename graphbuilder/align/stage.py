"""The ``align`` derived stage: ``alignsTo`` edges from the graph to the technology taxonomy.

It loads the taxonomy (``GRAPHBUILDER_ALIGN_TAXONOMY``, default the shipped SKOS file),
matches every Skill, KnowledgePoint, Course and Task label and every Technology mention
that is not itself a taxonomy concept, and emits:

- a ``Technology`` node for each taxonomy concept the graph does not have yet (commodity
  classes, Chinese field concepts), and the Chinese labels of those it has (O*NET);
- one ``alignsTo`` edge per match at or above ``GRAPHBUILDER_ALIGN_THRESHOLD``, carrying
  ``gb:score``, ``gb:matchMethod``, ``gb:matchedLabel`` and ``gb:reviewStatus`` ``auto``.

Human decisions win (:func:`graphbuilder.store.reviews.reviews`): a rejected alignment is
not emitted; an accepted one is emitted whatever its score, with ``reviewStatus``
``accepted`` (method ``review`` and score 1.0 when the matcher did not find it at all).
"""

from __future__ import annotations

from graphbuilder.align import ALIGN_VERSION
from graphbuilder.align.embedders import CharNgramEmbedder, Embedder, SentenceTransformerEmbedder
from graphbuilder.align.graph_nodes import GraphNode, read_nodes
from graphbuilder.align.matcher import Match, Matcher
from graphbuilder.align.normalise import normalise
from graphbuilder.align.skos import load_skos
from graphbuilder.align.taxonomy import Concept, Taxonomy
from graphbuilder.model import Edge, Facts, Node, Provenance
from graphbuilder.model.records import AttrValue
from graphbuilder.settings import Settings, get_settings
from graphbuilder.store.mapping import term
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import reviews

VERSION = ALIGN_VERSION
EMBED_MAX_CHARS = 32
ALIGN_KINDS = ("Skill", "KnowledgePoint", "Course", "Task", "Technology")


def _usable(embedders: list[Embedder], sample: list[str], warnings: list[str]) -> list[Embedder]:
    """Drop an embedder whose model cannot be loaded offline, with a warning."""
    out: list[Embedder] = []
    for e in embedders:
        probe = [t for t in sample if e.accepts(t)][:1] or ["test"]
        try:
            e.encode(probe)
        except (OSError, ValueError) as exc:
            warnings.append(f"embedder {e.name} not available offline, layer skipped: {exc}")
            continue
        out.append(e)
    return out


def _concept_node(c: Concept, tx: Taxonomy, prov: Provenance, zh_only: bool) -> Node | None:
    zh, en = c.pref("zh"), c.pref("en")
    if zh_only and zh is None:
        return None
    alts = tuple(lb.text for lb in c.labels if lb.kind == "alt" and lb.lang == "zh")
    categories = tuple(
        sorted({tx.concepts[b].name for b in c.broader if b in tx.concepts and b != c.iri})
    )
    # A concept the graph already has (an O*NET technology) keeps the graph's own flags: the
    # O*NET document the build read decides them, not the taxonomy file (they can differ
    # when the build reads another O*NET release or an excerpt).
    attrs: dict[str, AttrValue] = {}
    if not zh_only:
        attrs |= {
            k: v for k, v in c.attrs.items() if k in ("hotTechnology", "inDemand", "commodityCode")
        }
        if categories:
            attrs["category"] = categories
    return Node(
        iri=c.iri,
        kind="Technology",
        label=zh or en or c.name,
        label_en=en,
        alt_labels=alts,
        attrs=attrs,
        provenance=prov,
    )


def align_nodes(
    nodes: list[GraphNode],
    matcher: Matcher,
    decisions: dict[tuple[str, str, str], str],
    doc_id: str,
) -> list[Edge]:
    """The ``alignsTo`` edges of ``nodes``, after the human decisions."""
    pred = term("alignsTo").value
    accepted: dict[str, set[str]] = {}
    for (s, p, o), status in decisions.items():
        if p == pred and status == "accepted":
            accepted.setdefault(s, set()).add(o)
    found = matcher.match_many([n.label for n in nodes])
    edges: list[Edge] = []
    for node, matches in zip(nodes, found, strict=True):
        keep: dict[str, tuple[Match, str]] = {}
        for m in matches:
            if decisions.get((node.iri, pred, m.iri)) != "rejected":
                keep[m.iri] = (m, "auto")
        wanted = accepted.get(node.iri, set())
        if wanted:
            low = {m.iri: m for m in matcher.match(node.label, floor=0.0)}
            for iri in wanted:
                keep[iri] = (low.get(iri) or Match(iri, 1.0, "review", ""), "accepted")
        for iri, (m, status) in sorted(keep.items()):
            prov = Provenance(
                doc_id=doc_id, start=0, end=0, extractor="align", version=VERSION,
                confidence=m.score,
            )  # fmt: skip
            attrs: dict[str, AttrValue] = {
                "score": m.score,
                "matchMethod": m.method,
                "reviewStatus": status,
            }
            if m.label:
                attrs["matchedLabel"] = m.label
            edges.append(
                Edge(source=node.iri, kind="alignsTo", target=iri, attrs=attrs, provenance=prov)
            )
    return edges


def build_matcher(
    tx: Taxonomy, texts: list[str], settings: Settings, warnings: list[str]
) -> Matcher:
    """The matcher the stage uses: dictionary layers, character n-grams, and the settings'
    sentence-transformers model when a Latin-script text reaches the similarity layer."""
    short = [t for t in texts if len(normalise(t)) <= EMBED_MAX_CHARS]
    corpus = list(dict.fromkeys(short + [lb.text for c in tx for lb in c.labels]))
    matcher = Matcher.for_taxonomy(
        tx, embedders=[CharNgramEmbedder(corpus)], threshold=settings.align_threshold
    )
    st = SentenceTransformerEmbedder(
        settings.align_model, multilingual=settings.align_model_multilingual
    )
    wanting = [t for t in texts if st.accepts(t) and matcher.needs_embedding(t)]
    if wanting:
        for e in _usable([st], wanting, warnings):
            matcher.add_embedder(e, first=True)
    return matcher


def run_align(store: OxigraphStore, doc_id: str, settings: Settings | None = None) -> Facts:
    """The stage: taxonomy nodes and ``alignsTo`` edges for the graph in ``store``."""
    settings = settings or get_settings()
    tx = load_skos(settings.align_taxonomy, store.base)
    warnings: list[str] = []
    graph = read_nodes(store, ALIGN_KINDS, skip_docs=[doc_id])
    existing = {n.iri for n in graph if n.kind == "Technology"}
    nodes = [n for n in graph if not (n.kind == "Technology" and n.iri in tx.concepts)]
    matcher = build_matcher(tx, [n.label for n in nodes], settings, warnings)
    edges = align_nodes(nodes, matcher, dict(reviews(store)), doc_id)
    prov = Provenance(doc_id=doc_id, start=0, end=0, extractor="align", version=VERSION)
    targets = {e.target for e in edges}
    dropped = sorted(t for t in targets if t not in tx.concepts and t not in existing)
    for iri in dropped:
        warnings.append(f"accepted alignment to {iri}, which is not in the taxonomy: dropped")
    edges = [e for e in edges if e.target not in dropped]
    # Every edge target must be a Technology node; so are the concepts people gave Chinese
    # labels, and the broader concepts of both, so the graph holds the hierarchy's labels.
    wanted = {c.iri for c in tx if c.pref("zh")} | (targets & set(tx.concepts))
    for iri in list(wanted):
        wanted.update(a for a in tx.ancestors(iri) if a in tx.concepts)
    out_nodes = [
        node
        for iri in sorted(wanted)
        if (node := _concept_node(tx.concepts[iri], tx, prov, zh_only=iri in existing))
    ]
    return Facts(doc_id=doc_id, nodes=out_nodes, edges=edges, warnings=warnings)
