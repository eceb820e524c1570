"""Request and response models of the API (``XPublic`` out, ``XCreate``/``XUpdate`` in)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graphbuilder.store.resources import ResourceData, ResourceType


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(_Model):
    """Service health: the store it serves, its document count and latest build."""

    status: str
    store: str
    documents: int
    build_id: str | None = Field(description="The latest build / 最近一次构建的标识.")
    nodes: int = Field(description="Nodes in the search index / 索引中的节点数.")


class EdgePublic(_Model):
    """An edge seen from a node: its kind, direction and the node at the other end."""

    kind: str
    direction: str
    iri: str
    label: str | None = None


class ProvenancePublic(_Model):
    """One piece of evidence for a node."""

    document: str
    path: str | None = None
    start: int
    end: int
    extractor: str
    confidence: float


class ReviewedEdgePublic(_Model):
    """An inferred edge (alignment or prerequisite) with its score and review status."""

    subject: str
    object: str
    score: float | None = None
    status: str = Field(description="auto, accepted or rejected / 审核状态.")


class NodePublic(_Model):
    """A node with its labels, attributes, neighbours, alignments, prerequisites, provenance."""

    iri: str
    kinds: list[str]
    labels: dict[str, list[str]] = Field(description="By language; `alt`: alternative labels.")
    attributes: dict[str, list[str]]
    edges: list[EdgePublic]
    provenance: list[ProvenancePublic]
    alignments: list[ReviewedEdgePublic] = []
    prerequisites: list[ReviewedEdgePublic] = []


class NodeRef(_Model):
    """A node named in an answer / 节点引用."""

    iri: str
    kind: str
    label: str


class CourseRef(NodeRef):
    """A course of a major with its type there (专业基础课程, 专业核心课程…)."""

    course_type: str | None = None


class SearchHit(NodeRef):
    """A search result: the node, the label that matched, how, and a score (0-100)."""

    label_en: str | None = None
    matched: str
    match: Literal["exact", "prefix", "substring", "fuzzy"]
    score: float


class SearchResults(_Model):
    """A page of search results and the total number of hits / 搜索结果."""

    data: list[SearchHit]
    count: int


class AlignedVia(NodeRef):
    """A course or skill of a major aligned to a technology, with that alignment's review."""

    score: float | None = Field(default=None, description="Alignment score / 对齐得分.")
    status: str = Field(description="auto or accepted / 审核状态.")


class MajorTechnology(NodeRef):
    """An industry technology a major's courses and skills align to / 专业对应的产业技术."""

    score: float | None = Field(default=None, description="The best alignment score / 最高得分.")
    statuses: list[str] = Field(description="Review statuses of its alignments / 审核状态.")
    via: list[AlignedVia] = Field(description="The courses and skills aligned / 对齐的课程与技能.")


class MajorPublic(_Model):
    """A major with its courses, skills, knowledge points, occupations, certificates."""

    node: NodeRef
    code: str | None = None
    level: str | None = None
    courses: list[CourseRef]
    skills: list[NodeRef]
    knowledge_points: list[NodeRef]
    occupations: list[NodeRef]
    certificates: list[NodeRef]
    continues_to: list[NodeRef]
    technologies: list[MajorTechnology] = Field(
        description="Technologies its courses and skills align to, rejected ones left out, most"
        " aligned first / 课程与技能对齐的产业技术."
    )


class OccupationPublic(_Model):
    """An occupation with its tasks, the skills it needs and the majors preparing for it."""

    node: NodeRef
    code: str | None = None
    tasks: list[NodeRef]
    skills: list[NodeRef]
    majors: list[NodeRef]


class TechnologyPublic(_Model):
    """An industry technology with the courses and majors that teach it."""

    node: NodeRef
    courses: list[NodeRef]
    majors: list[NodeRef]


class InferredTeacherPublic(NodeRef):
    """A course that probably teaches a step, and why / 推断的对应课程."""

    how: Literal["technology", "wording"] = Field(
        description="It aligns to a technology the step aligns to, or its name shares a word"
        " with the step / 依据: 同一产业技术或名称用词."
    )
    shared: list[str] = Field(description="The shared technologies or words / 共有的技术或词.")
    through: Literal["teaches", "preparesFor"] = Field(
        description="Its majors teach the step, or prepare for occupations needing it"
        " / 专业讲授该项或面向需要它的职业."
    )


class PathItemPublic(_Model):
    """One thing to learn on a path / 学习路径中的一项."""

    node: NodeRef
    stage: int = Field(description="Its stage, 0 first / 阶段.")
    requires: list[str] = Field(description="Its direct prerequisites on the path / 直接先修.")
    taught_by: list[NodeRef] = Field(description="Courses and modules teaching it / 对应课程.")
    taught_by_inferred: list[InferredTeacherPublic] = Field(
        default=[],
        description="When the graph names no course teaching it, the courses of its majors that"
        " probably do, best first (at most 5) / 推断的对应课程.",
    )
    resources: list[NodeRef] = Field(description="Resources linked to it / 教学资源.")
    alternatives: list[NodeRef] = Field(description="What could be learnt instead / 可替代项.")


class PathPublic(_Model):
    """What to learn, in what order, to reach a target / 学习路径."""

    target: NodeRef
    known: list[str] = Field(description="What the learner has, with what that needs / 已掌握.")
    stages: list[list[PathItemPublic]] = Field(
        description="Stages in order; everything in one can be learnt once the earlier are done."
    )


ResourceCreate = ResourceData


class ResourceUpdate(_Model):
    """Fields to change; a field sent as null clears it (title and type cannot be cleared)."""

    title: str | None = Field(default=None, min_length=1, max_length=500, pattern=r"\S")
    type: ResourceType | None = None
    url: str | None = Field(default=None, max_length=2048, pattern=r"^https?://[^\s<>\"{}|\\^`]+$")
    licence: str | None = Field(default=None, max_length=500)
    description: str | None = Field(default=None, max_length=10_000)
    identifier: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"\S")


class LinkCreate(_Model):
    """A link from a resource to a node it teaches / 资源关联知识点或技能点."""

    node: str = Field(
        min_length=1,
        max_length=2048,
        description="The node: its IRI or kind path and key (e.g. `skill/3f…`) / 节点.",
    )
    relevance: float = Field(default=1.0, ge=0, le=1, description="Relevance / 关联度 (0-1).")


class LinkPublic(_Model):
    """A resource→node link; ``dangling`` when a rebuild removed the node / 失效关联."""

    resource: str
    node: str
    label: str | None = None
    kind: str | None = None
    relevance: float
    dangling: bool


class LinksPublic(_Model):
    """A page of links and their total."""

    data: list[LinkPublic]
    count: int


class ResourcePublic(_Model):
    """A teaching resource with its links / 教学资源."""

    id: str = Field(description="The key in `/resources/{id}`.")
    iri: str
    title: str
    type: ResourceType
    type_zh: str
    url: str | None = None
    licence: str | None = None
    description: str | None = None
    identifier: str | None = None
    created: str
    modified: str
    links: list[LinkPublic]


class ResourcesPublic(_Model):
    """A page of resources and their total."""

    data: list[ResourcePublic]
    count: int


class ImportIssue(_Model):
    """A problem with one row of a listing: its line, the value and why."""

    line: int
    field: str
    value: str
    reason: str


class ImportReport(_Model):
    """What a bulk import did / 批量导入结果."""

    rows: int
    created: list[str]
    updated: list[str]
    links: int
    unresolved: list[ImportIssue] = Field(
        description="Node references that matched no node or several: not linked."
    )


class Suggestion(NodeRef):
    """A node a resource may teach, with the matcher's score and how it matched."""

    score: float
    method: str = Field(description="exact, term, latin-token or a similarity / 匹配方式.")


class SuggestionsPublic(_Model):
    """Suggested nodes, best first / 推荐关联节点."""

    data: list[Suggestion]


class ReviewCreate(_Model):
    """A decision on an inferred edge / 审核决定."""

    subject: str = Field(min_length=1, max_length=2048, description="Subject IRI / 主语.")
    predicate: Literal["alignsTo", "requires"] = Field(description="The edge kind / 关系类型.")
    object: str = Field(min_length=1, max_length=2048, description="Object IRI / 宾语.")
    status: Literal["accepted", "rejected"] = Field(description="The decision / 决定.")


class ReviewPublic(_Model):
    """A stored decision."""

    subject: str
    predicate: str
    object: str
    status: Literal["accepted", "rejected"]


class ReviewsPublic(_Model):
    """A page of decisions and their total."""

    data: list[ReviewPublic]
    count: int


class ExportFormat(_Model):
    """An export format and where to fetch it / 导出格式."""

    name: str
    description: str
    media_type: str = Field(description="Formats that write a folder are served as a zip.")
    href: str


class ExportsPublic(_Model):
    """The export formats and the build they would export."""

    build_id: str | None
    data: list[ExportFormat]


class Reloaded(_Model):
    """What an admin reload read."""

    keys: int
    nodes: int
