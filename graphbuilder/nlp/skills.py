"""Split skill statements into atomic skills, each an action and an object with its level.

"具备网络操作系统管理、网络综合布线设计与实施、数据库管理、网站建设与管理、网络安全管理、
程序设计等基本能力" is six skills: 管理 网络操作系统, 设计与实施 网络综合布线, … 设计 程序, each
at level 具备. The statement is cut into clauses (:mod:`graphbuilder.nlp.clauses`), a clause
body into items at 、 and at conjunctions that join whole phrases, and each item into action
and object (:mod:`graphbuilder.nlp.items`). Then what items share is distributed:

- a bare action takes the object of its neighbour: 地理信息数据采集、编辑 → 编辑 地理信息数据
  (object first), 制订、实施技术标准 → 制订 技术标准 (verb first);
- a bare object takes the action of the next object-first item (进度、质量管理 → 管理 进度)
  or of the verb-first item before it (管理客户、供应商 → 管理 供应商).

Clauses that state knowledge (掌握…知识, 熟悉…规程) give knowledge items instead; attitude
clauses (…意识, …素养) give nothing. Every skill keeps the span of its evidence: the hull of
the item and of the neighbour it borrowed from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from graphbuilder.nlp.clauses import Clause, ClauseKind, split_clauses, top_level_cuts
from graphbuilder.nlp.items import LONG_OBJECT, Item, disposal, trim
from graphbuilder.nlp.lexicon import SkillLexicon
from graphbuilder.nlp.phrases import (
    ITEM_SEP,
    conj_split,
    cross,
    final_conj,
    light_cuts,
    main_part,
    targets,
)

COMPONENT = "graphbuilder.SkillSplitter"
VERSION = "v1"

# Longer items are sentences the rules did not cut; they are kept with low confidence.
MAX_ITEM = 40
# Bare objects this short share the head noun of the object whose action they borrow.
SHARED_HEAD = 2
# A statement recurs mostly as boilerplate (具有终身学习和可持续发展的能力 in every standard):
# a small cache keeps nearly every repeat (2,102 of 2,245 in the shipped corpus at 256, 2,245
# with all 21,109 kept), while a cache of every parse would hold ~200,000 objects that each
# full garbage collection has to walk again.
STATEMENT_CACHE = 256


@dataclass(frozen=True, slots=True)
class AtomicSkill:
    """One skill: an action on an object, at a level, with the span of its evidence.

    Attributes:
        action: what is done (``管理``, ``设计与实施``); ``""`` when the rules found none.
        obj: what it is done to (``网络操作系统``); ``""`` for a bare action (终身学习).
        level: the proficiency level of its clause (具备, 能够, 掌握 …), or ``""``.
        start: offset of the evidence's first character in the statement.
        end: offset just past the evidence.
        surface: the skill as the source names it (``网络操作系统管理``).
        confidence: how sure the rules are (lower when shared parts were distributed).
        clause: the span of the clause it comes from.
        kind: that clause's kind (``skill`` for 具有…能力, ``verbal`` for 能够…).
    """

    action: str
    obj: str
    level: str
    start: int
    end: int
    surface: str
    confidence: float
    clause: tuple[int, int] = (0, 0)
    kind: ClauseKind = "skill"

    @property
    def label(self) -> str:
        """Action then object: ``管理网络操作系统``."""
        return f"{self.action}{self.obj}" if self.action else self.obj


@dataclass(frozen=True, slots=True)
class KnowledgeItem:
    """One knowledge point named in a knowledge clause, with its span and level."""

    text: str
    start: int
    end: int
    level: str


@dataclass(frozen=True, slots=True)
class StatementParse:
    """What a statement holds: its atomic skills and its knowledge items."""

    skills: tuple[AtomicSkill, ...]
    knowledge: tuple[KnowledgeItem, ...]


def _items(text: str, c: Clause, lex: SkillLexicon) -> tuple[list[Item], Item | None]:
    """The items of a clause body, and the light verb that governs them all (if one does)."""
    start = main_part(text, c.body_start, c.body_end, lex)
    if text.startswith("对", start) and (aimed := targets(text, start, c.body_end, lex)):
        return aimed, None
    if text.startswith("将", start) and (moved := disposal(text, start, c.body_end, lex)):
        return [moved], None
    if crossed := cross(text, start, c.body_end, lex):
        return crossed, None
    light = lex.starting(text, start, "light", c.body_end)
    if (
        light
        and len(lex.starting(text, start, "actions", c.body_end)) <= len(light)
        and ITEM_SEP.search(text, start, c.body_end)
    ):
        # 完成文本、视觉、语音数据清洗: a light verb before a list governs all its items,
        # which read noun-first.
        governed = _listed(text, start + len(light), c.body_end, lex, False)
        if any(it.action for it in governed):
            # …and an item that finds no action to share keeps it (进行 轧光).
            return governed, Item(start, start + len(light), light, "", "vo")
    return _listed(text, start, c.body_end, lex, c.verb_first), None


def _listed(text: str, start: int, end: int, lex: SkillLexicon, verb_first: bool) -> list[Item]:
    """The items of ``text[start:end]``, a list cut at 、 and at conjunctions."""
    out: list[Item] = []
    cuts = final_conj(text, top_level_cuts(text, ITEM_SEP, start, end), lex)
    for s, e in cuts:
        s, e = trim(text, main_part(text, s, e, lex), e, lex)
        tail = lex.ending(text, e, "action_tail", s)
        # 运维服务 is 运维; 提升护理服务 keeps its object.
        if (
            tail
            and lex.ending(text, e - len(tail), "actions", s)
            and not lex.starting(text, s, "opener", e - len(tail))
        ):
            e -= len(tail)
        tail = lex.ending(text, e, "skill_tail", s)
        if tail and e - len(tail) - s >= 2:
            s, e = trim(text, s, e - len(tail), lex)
        for a, b in light_cuts(text, s, e, lex):
            if b - a >= 2:
                out.extend(conj_split(text, a, b, lex, verb_first))
    return [it for it in out if it.action or it.obj]


def _donor_object(items: list[Item], n: int, joined: bool) -> Item | None:
    """The object a bare action shares: object-first before it, verb-first after it.

    Verbs in a row (沟通协调) after a noun-first item are an activity of their own; before a
    verb-first item (指导运行、维护仪表) they share its object.
    """
    prev = next((items[k] for k in range(n - 1, -1, -1) if items[k].obj), None)
    if prev is not None and prev.order == "ov" and not joined:
        return prev
    nxt = next((items[k] for k in range(n + 1, len(items)) if items[k].obj), None)
    return nxt if nxt is not None and nxt.order == "vo" else None


def _donor_action(items: list[Item], n: int) -> Item | None:
    """The action a bare object shares: an object-first item's after it, verb-first before.

    Only an item with an object of its own lends its action: in 钳工以及起重、焊接 the bare
    actions are activities, and 钳工 is no object of 起重.
    """
    nxt = next((items[k] for k in range(n + 1, len(items)) if items[k].action), None)
    if nxt is not None and nxt.order == "ov" and nxt.obj:
        return nxt
    return next(
        (items[k] for k in range(n - 1, -1, -1) if items[k].action and items[k].order == "vo"),
        None,
    )


def _parallel(items: list[Item], n: int) -> bool:
    """Whether item ``n`` is one of two or more short bare objects in a row (文本、视觉、…)."""
    a = b = n
    while a > 0 and items[a - 1].bare_object:
        a -= 1
    while b + 1 < len(items) and items[b + 1].bare_object:
        b += 1
    return b > a and all(len(it.obj) <= SHARED_HEAD for it in items[a : b + 1])


def _shared_head(obj: str, donor: Item, lex: SkillLexicon) -> str:
    """文本、视觉、语音数据清洗: short modifiers in a row before one head noun (数据) share it."""
    head = lex.ending(donor.obj, len(donor.obj), "head_noun")
    if (
        donor.order == "ov"
        and len(head) >= 2
        and 0 < len(donor.obj) - len(head) <= SHARED_HEAD
        and not lex.ending(obj, len(obj), "head_noun")
    ):
        return obj + head
    return obj


def _skill(
    text: str, it: Item, donor: Item | None, c: Clause, lex: SkillLexicon, parallel: bool
) -> AtomicSkill:
    action, obj, conf = it.action, it.obj, 0.9
    start, end = it.start, it.end
    if donor is not None:
        if parallel:
            obj = _shared_head(obj, donor, lex)
        action = action or donor.action
        obj = obj or donor.obj
        start, end, conf = min(start, donor.start), max(end, donor.end), 0.8
    elif not action:
        conf = 0.6
    elif not obj:
        conf = 0.8
    if it.end - it.start > MAX_ITEM:
        conf = 0.5
    order = it.order or (donor.order if donor else "")
    surface = f"{action}{obj}" if order == "vo" else f"{obj}{action}"
    if donor is None:
        surface = text[it.start : it.end]
    return AtomicSkill(action, obj, c.level, start, end, surface, conf, (c.start, c.end), c.kind)


def _knowledge(text: str, c: Clause, lex: SkillLexicon) -> list[KnowledgeItem]:
    start = c.body_start
    instrument = lex.starting(text, start, "instrument", c.body_end)
    if instrument and c.body_end - start - len(instrument) >= 2:
        start += len(instrument)
    out = []
    for s, e in top_level_cuts(text, ITEM_SEP, start, c.body_end):
        s, e = trim(text, s, e, lex)
        # "与本专业…相关的国家法律": a long item is named by what follows its last 的.
        cut = text.rfind("的", s, e)
        if e - s > LONG_OBJECT and cut >= 0 and e - cut > 2:
            s, e = trim(text, cut + 1, e, lex)
        if 2 <= e - s <= MAX_ITEM:
            out.append(KnowledgeItem(text[s:e], s, e, c.level))
    return out


@lru_cache(maxsize=STATEMENT_CACHE)
def split_statement(text: str, lex: SkillLexicon, *, verbal: bool = False) -> StatementParse:
    """The atomic skills and knowledge items of one statement.

    Args:
        text: the statement.
        lex: the skill lexicon.
        verbal: read clauses that state nothing by their cue or tail as verb-first skills
            (a work task: 安装配置数据库).

    Returns:
        Skills in order of their items (duplicates within the statement removed) and knowledge
        items.

    Examples:
        >>> from graphbuilder.nlp.lexicon import load_skill_lexicon
        >>> t = "具备网络操作系统管理、网络综合布线设计与实施、数据库管理等基本能力；"
        >>> [(s.action, s.obj) for s in split_statement(t, load_skill_lexicon()).skills]
        [('管理', '网络操作系统'), ('设计与实施', '网络综合布线'), ('管理', '数据库')]
    """
    skills: dict[tuple[str, str], AtomicSkill] = {}
    knowledge: list[KnowledgeItem] = []
    for c in split_clauses(text, lex):
        if verbal and c.kind == "none":
            c = replace(c, kind="verbal")
        if c.kind == "knowledge":
            knowledge.extend(_knowledge(text, c, lex))
            continue
        if c.kind not in ("skill", "verbal"):
            continue
        if (
            c.verb_first
            and lex.starting(text, c.body_start, "instrument", c.body_end)
            and (c.end < len(text.rstrip("；;。. ")))
        ):
            # 使用工具和设备，进行…: the tools serve the clauses that follow.
            continue
        items, light = _items(text, c, lex)
        for n, it in enumerate(items):
            donor = None
            parallel = False
            if it.bare_action and not it.modified:
                donor = _donor_object(items, n, it.joined)
            elif it.bare_object:
                donor = _donor_action(items, n) or light
                parallel = _parallel(items, n)
            skill = _skill(text, it, donor, c, lex, parallel)
            skills.setdefault((skill.action, skill.obj), skill)
    return StatementParse(tuple(skills.values()), tuple(knowledge))
