"""Knowledge points: the items of 知识 clauses, with their spans and levels.

Two shapes are read. A training goal's "掌握扎实的科学文化基础和A、B、C等知识" names the
knowledge of a major between 掌握 and 知识 (the boilerplate 科学文化基础 is dropped, and
"X及相关法律法规" gives X and 法律法规). Any other statement's knowledge clauses
(熟悉…操作规程, 掌握…的知识与方法, 了解…) come from the clause parser
(:func:`graphbuilder.nlp.skills.split_statement`).
"""

from __future__ import annotations

import re

from graphbuilder.nlp.enumeration import split_enumeration
from graphbuilder.nlp.lexicon import SkillLexicon
from graphbuilder.nlp.skills import KnowledgeItem, split_statement

COMPONENT = "graphbuilder.KnowledgeMatcher"
VERSION = "v1"

# "掌握扎实的科学文化基础和A、B、C等知识": the clause between 掌握 and 知识.
_GOAL_CLAUSE = re.compile(r"掌握(?P<body>[^。；;]{2,300}?)(?:等|相关)?(?:专业)?知识")
_GOAL_PREFIX = re.compile(r"^(?:扎实的)?科学文化基础(?:知识)?[和及，,、]?")


def goal_knowledge(text: str) -> list[KnowledgeItem]:
    """Knowledge points named in the 掌握…知识 clause of a training goal (level 掌握).

    Examples:
        >>> t = "掌握扎实的科学文化基础和计算机网络、网络操作系统及相关法律法规等知识，具备…"
        >>> [k.text for k in goal_knowledge(t)]
        ['计算机网络', '网络操作系统', '法律法规']
    """
    m = _GOAL_CLAUSE.search(text)
    if not m:
        return []
    body_start = m.start("body")
    body = m.group("body")
    prefix = _GOAL_PREFIX.match(body)
    offset = prefix.end() if prefix else 0
    out = []
    for item in split_enumeration(body[offset:], max_len=30):
        item_text = item.text.removeprefix("较为扎实的").removeprefix("扎实的")
        start = body_start + offset + item.start + len(item.text) - len(item_text)
        # "云计算及相关法律法规": the boilerplate tail is a knowledge point of its own.
        head, sep, tail = item_text.partition("及相关")
        if sep and len(head) >= 2 and len(tail) >= 2:
            out.append(KnowledgeItem(head, start, start + len(head), "掌握"))
            tail_start = start + len(head) + len(sep)
            out.append(KnowledgeItem(tail, tail_start, start + len(item_text), "掌握"))
        else:
            out.append(KnowledgeItem(item_text, start, start + len(item_text), "掌握"))
    return out


def find_knowledge(text: str, lex: SkillLexicon) -> list[KnowledgeItem]:
    """Every knowledge point of a text: its goal clause's, then its knowledge clauses'.

    >>> from graphbuilder.nlp.lexicon import load_skill_lexicon
    >>> [k.text for k in find_knowledge("熟悉电气安全操作规程、消防法规；", load_skill_lexicon())]
    ['电气安全操作规程', '消防法规']
    """
    goal = goal_knowledge(text)
    taken = [(k.start, k.end) for k in goal]
    rest = [
        k
        for k in split_statement(text, lex).knowledge
        if not any(a < k.end and k.start < b for a, b in taken)
    ]
    return sorted([*goal, *rest], key=lambda k: k.start)
