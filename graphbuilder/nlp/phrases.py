"""Phrase patterns of a clause body: what frames the items and how items join.

- an opening instrument or condition phrase is skipped (运用信息技术进行…, 根据客户需求…);
- 对X、Y进行Z: the targets X, Y each take the action Z;
- X、Y的A、B: objects, 的, then bare actions give every pair;
- a light verb inside an item starts another (开发应用程序进行数据展示);
- a conjunction cuts an item only where it joins whole phrases (:func:`conj_split`), and a
  final 和 in a list cut by 、 is one more cut (水准仪、全站仪和 GPS).
"""

from __future__ import annotations

import re

from graphbuilder.nlp.clauses import top_level_cuts
from graphbuilder.nlp.items import (
    Item,
    is_conjunction,
    lone_verb,
    object_text,
    parse_item,
    trim,
    verb_is_modifier,
)
from graphbuilder.nlp.lexicon import SkillLexicon

ITEM_SEP = re.compile(r"、|以及")
# 对象、对象的动作、动作 gives every pair; more than this many is a misreading.
MAX_PAIRS = 16


def _phrase_end(text: str, i: int, j: int, lex: SkillLexicon, ends: str) -> int:
    """Where the phrase an instrument or condition word opens ends, or ``-1``.

    It ends before a light verb (进行, 完成), or after a closing noun (``ends``: 技术, 要求)
    that a verb follows.
    """
    candidates = sorted(
        {k for k in lex.starts(text, "light", i + 1, j) if lex.starting(text, k, "light", j)}
        | {
            k + (text[k] == "的")
            for k in lex.ends(text, ends, i + 1, j)
            if k < j
            and lex.ending(text, k, ends, i)
            and (lone_verb(text, k, j, lex) or text[k] in "对的")
        }
    )
    return candidates[0] if candidates else -1


def main_part(text: str, i: int, j: int, lex: SkillLexicon) -> int:
    """Skip an opening instrument (运用X进行…) or condition (根据X要求…) phrase."""
    for _ in range(3):
        mod = lex.starting(text, i, "modifiers", j)
        if mod and lex.starting(text, i + len(mod), "instrument", j):
            i += len(mod)
        # 按摩 and 在线 are words, not 按… and 在… phrases.
        longer = max(
            len(lex.starting(text, i, "actions", j)), len(lex.starting(text, i, "modifiers", j))
        )
        opening = next(
            (
                (kind, ends, word)
                for kind, ends in (("instrument", "instrument_end"), ("condition", "condition_end"))
                if len(word := lex.starting(text, i, kind, j)) >= max(longer, 1)
            ),
            None,
        )
        if opening is None:
            return i
        kind, ends, word = opening
        k = _phrase_end(text, i + len(word), j, lex, ends)
        if k < 0 and (kind == "condition" or word not in lex.actions):
            # 按配比计量原料, 结合业务特性设计方案: no closing noun, but a verb with an object
            # after a short phrase.
            k = next(
                (
                    m
                    for m in lex.starts(text, "actions", i + len(word) + 2, j - 3)
                    if lone_verb(text, m, j, lex)
                ),
                -1,
            )
        if k < 0:
            # 运用信息技术: the instrument verb is the action; 根据要求: nothing but a condition.
            return i if kind == "instrument" else j
        i = k
    return i


def conj_split(text: str, i: int, j: int, lex: SkillLexicon, verb_first: bool) -> list[Item]:
    """Parse ``text[i:j]``, cutting it at conjunctions that join whole phrases.

    Not cut: nouns joined (流量及中间罐液面 is one object), a verb joined to the verb that
    opens a phrase (查阅并读懂资料, 维护及管理设备), a noun phrase and the one verb that acts on
    it (网站建设与管理). A light verb (进行…) is read past first, its object noun-first.
    """
    light = lex.starting(text, i, "light", j)
    if light and len(lex.starting(text, i, "actions", j)) <= len(light) and i + len(light) < j:
        end = j
        tail = lex.ending(text, end, "action_tail", i + len(light))
        if tail and lex.ending(text, end - len(tail), "actions", i + len(light)):
            end -= len(tail)
        rest = conj_split(text, i + len(light), end, lex, False)
        if any(it.action for it in rest):
            return rest
    for p in lex.starts(text, "conjunction", i + 1, j - 1):
        conj = is_conjunction(text, p, lex)
        if not conj:
            continue
        left = parse_item(text, i, p, lex, verb_first=verb_first)
        right = parse_item(text, p + len(conj), j, lex, verb_first=verb_first)
        if not left.obj and not left.action:
            continue
        if left.bare_object and not (right.order == "vo" and right.obj):
            # 主要农作物和园艺植物栽培管理: nouns joined, then their one action.
            continue
        noun = right.bare_object or (
            right.order == "vo" and verb_is_modifier(text, right.start, right.end, right, lex)
        )
        # …but 制订方案并组织实施: after a verb phrase, 并 joins another verb phrase.
        one_verb = (
            right.bare_action
            and not right.modified
            and right.action in lex.actions
            and not (left.order == "vo" and left.obj and conj in lex.words("verb_conjunction"))
        )
        both_verbs = left.bare_action and right.bare_action and not left.modified
        # 网站建设与管理 (one action for both) and 部署网络服务和应用 (应用 is a noun there).
        if noun or (both_verbs and not right.modified) or one_verb:
            continue
        if left.bare_action and not left.modified and right.order == "vo":
            continue
        return [left, *conj_split(text, p + len(conj), j, lex, verb_first)]
    return [parse_item(text, i, j, lex, verb_first=verb_first)]


def targets(text: str, i: int, j: int, lex: SkillLexicon) -> list[Item] | None:
    """对X、Y进行管理: the enumerated targets each with the action after the light verb."""
    for k in reversed(lex.starts(text, "light", i + 2, j - 1)):
        light = lex.starting(text, k, "light", j)
        if not light or k + len(light) >= j:
            continue
        # 进行安装维护和故障分析处理: each action phrase joined by 和 is one more action.
        acts = [
            act
            for s, e in top_level_cuts(text, ITEM_SEP, k + len(light), j)
            for act in conj_split(text, *trim(text, s, e, lex), lex, False)
        ]
        out = []
        for s, e in top_level_cuts(text, ITEM_SEP, i + 1, k):
            s, e = trim(text, s, e, lex)
            if e - s < 2:
                continue
            target = object_text(text, s, e, lex)
            for act in acts:
                action = act.action or light
                obj = target + (act.obj if act.action else act.obj or "")
                out.append(Item(s, max(e, act.end), action, obj, "vo"))
        return out
    return None


def cross(text: str, i: int, j: int, lex: SkillLexicon) -> list[Item] | None:
    """产品标准、法律法规的查询、理解和执行: objects, 的, then bare actions; every pair."""
    cut = text.rfind("的", i, j)
    if cut < i + 2 or cut > j - 3:
        return None
    actions = []
    for s, e in top_level_cuts(text, ITEM_SEP, cut + 1, j):
        for it in conj_split(text, *trim(text, s, e, lex), lex, False):
            if not it.bare_action:
                return None
            actions.append(it)
    objects = []
    for s, e in top_level_cuts(text, ITEM_SEP, i, cut):
        s += len(lex.starting(text, s, "light", e))
        objects.append(trim(text, s, e, lex))
    pairs = len(objects) * len(actions)
    if not actions or pairs == 1 or pairs > MAX_PAIRS:
        return None
    return [
        Item(min(s, a.start), max(e, a.end), a.action, object_text(text, s, e, lex), "ov")
        for s, e in objects
        if e - s >= 2
        for a in actions
    ]


def light_cuts(text: str, i: int, j: int, lex: SkillLexicon) -> list[tuple[int, int]]:
    """开发应用程序进行数据展示: cut before a light verb inside an item (two skills)."""
    for k in lex.starts(text, "light", i + 3, j - 2):
        light = lex.starting(text, k, "light", j)
        # 负责组织开展培训: a light verb that ends a compound action (组织开展) starts nothing.
        if (
            light
            and light not in lex.actions
            and not lex.ending(text, k, "modifiers", i)
            and not lex.ending(text, k + len(light), "actions", i)
        ):
            return [(i, k), *light_cuts(text, k, j, lex)]
    return [(i, j)]


def final_conj(text: str, cuts: list[tuple[int, int]], lex: SkillLexicon) -> list[tuple[int, int]]:
    """水准仪、全站仪和 GPS: in a list cut by 、, a conjunction between two bare nouns of the
    last item is one more cut."""
    if len(cuts) < 2:
        return cuts
    s, e = cuts[-1]
    for p in lex.starts(text, "conjunction", s + 2, e - 1):
        conj = is_conjunction(text, p, lex)
        left = parse_item(text, s, p, lex, verb_first=False) if conj else None
        if left is None or not left.bare_object:
            continue
        right = parse_item(text, p + len(conj), e, lex, verb_first=False)
        if right.bare_object:
            return [*cuts[:-1], (s, p), (p + len(conj), e)]
    return cuts
