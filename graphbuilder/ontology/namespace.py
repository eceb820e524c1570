"""The graphbuilder ontology as Python names.

GENERATED from ontologies/graphbuilder.ttl by scripts/generate_namespace.py: do not edit.
After changing the ontology, regenerate with::

    .venv/bin/python scripts/generate_namespace.py

``GB`` is a closed namespace: a name the ontology does not define raises AttributeError
instead of minting a wrong IRI.

Examples:
    >>> GB.Major
    rdflib.term.URIRef('https://w3id.org/graphbuilder/ontology#Major')
    >>> GB.Majr  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    AttributeError: term 'Majr' is not in the ontology
"""

from __future__ import annotations

from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "CASE",
    "GB",
    "ONTOLOGY_IRI",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
]

#: schema.org, https://schema.org/ (rdflib calls it SDO).
SCHEMA = SDO
#: 1EdTech CASE vocabulary, as bound to the prefix ``case`` in the ontology.
CASE = Namespace("https://purl.imsglobal.org/spec/case/v1p0/vocab#")
#: The IRI of the ontology itself.
ONTOLOGY_IRI = URIRef("https://w3id.org/graphbuilder/ontology")


class GB(DefinedNamespace):
    """The graphbuilder ontology namespace (prefix ``gb``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/graphbuilder/ontology#")

    # Classes
    Build: URIRef  # Build / 构建
    Certificate: URIRef  # Certificate / 证书
    Course: URIRef  # Course / 课程
    KnowledgePoint: URIRef  # Knowledge point / 知识点
    Major: URIRef  # Major / 专业
    Module: URIRef  # Module / 模块
    Occupation: URIRef  # Occupation / 职业
    Resource: URIRef  # Teaching resource / 教学资源
    Review: URIRef  # Review / 审核
    Skill: URIRef  # Skill / 技能点
    SourceDocument: URIRef  # Source document / 来源文档
    Task: URIRef  # Work task / 工作任务
    Technology: URIRef  # Industry technology / 产业技术

    # Object properties
    alignsTo: URIRef  # aligns to / 对应技术
    certifies: URIRef  # certifies / 认证
    continuesTo: URIRef  # continues to / 接续专业
    hasPart: URIRef  # has part / 包含
    needsSkill: URIRef  # needs skill / 需要技能
    performs: URIRef  # performs / 承担任务
    preparesFor: URIRef  # prepares for / 面向职业
    relatedTo: URIRef  # related to / 相关
    requires: URIRef  # requires / 先修要求
    reviewedObject: URIRef  # reviewed object / 审核对象宾语
    reviewedPredicate: URIRef  # reviewed predicate / 审核对象谓语
    reviewedSubject: URIRef  # reviewed subject / 审核对象主语
    teaches: URIRef  # teaches / 教授

    # Datatype properties
    buildId: URIRef  # build id / 构建标识
    builtAt: URIRef  # built at / 构建时间
    category: URIRef  # category / 专业大类
    categoryCode: URIRef  # category code / 专业大类代码
    certificateType: URIRef  # certificate type / 证书类型
    charEnd: URIRef  # character end / 结束字符位置
    charStart: URIRef  # character start / 起始字符位置
    code: URIRef  # code / 代码
    commodityCode: URIRef  # commodity code / 商品代码
    commodityTitle: URIRef  # commodity title / 商品类别名称
    confidence: URIRef  # confidence / 置信度
    contentHash: URIRef  # content hash / 内容哈希
    courseType: URIRef  # course type / 课程类型
    credits: URIRef  # credits / 学分
    definition: URIRef  # definition / 定义
    documentKind: URIRef  # document kind / 文档类型
    encoding: URIRef  # encoding / 字符编码
    evidence: URIRef  # evidence / 推断依据
    extractor: URIRef  # extractor / 抽取器
    fingerprint: URIRef  # input fingerprint / 输入指纹
    goalType: URIRef  # goal type / 目标类型
    hotTechnology: URIRef  # hot technology / 热门技术
    hours: URIRef  # hours / 学时
    inDemand: URIRef  # in demand / 需求旺盛
    level: URIRef  # level / 层次
    matchMethod: URIRef  # match method / 匹配方法
    matchedLabel: URIRef  # matched label / 匹配标签
    notation: URIRef  # notation / 编号
    occupationMarker: URIRef  # occupation marker / 职业标识
    occupationalFunction: URIRef  # occupational function / 职业功能
    orGroup: URIRef  # OR group / 可替代先修组
    ordinal: URIRef  # ordinal / 序号
    proficiency: URIRef  # proficiency / 掌握程度
    relevance: URIRef  # relevance / 关联度
    remark: URIRef  # remark / 备注
    required: URIRef  # required / 必修
    resourceType: URIRef  # resource type / 资源类型
    reviewStatus: URIRef  # review status / 审核状态
    reviewedAt: URIRef  # reviewed at / 审核时间
    reviewedBy: URIRef  # reviewed by / 审核人
    score: URIRef  # score / 匹配得分
    semester: URIRef  # semester / 开设学期
    signal: URIRef  # signal / 推断信号
    skillAction: URIRef  # skill action / 技能动作
    skillLevel: URIRef  # vocational skill level / 职业技能等级
    skillObject: URIRef  # skill object / 技能对象
    socCode: URIRef  # SOC code / SOC 职业代码
    sourcePath: URIRef  # source path / 来源路径
    studyYears: URIRef  # basic length of study / 基本修业年限
    subcategory: URIRef  # subcategory / 专业类
    subcategoryCode: URIRef  # subcategory code / 专业类代码
    supportLevel: URIRef  # support level / 支撑强度
    tag: URIRef  # tag / 版本标签
    url: URIRef  # URL / 资源地址
