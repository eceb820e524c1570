"""HTML → the markdown rendering of :mod:`graphbuilder.ingest.rendering` (lxml).

Headings ``h1``–``h6`` become heading lines, block elements become paragraphs, ``b``/
``strong`` and ``u``/``ins`` keep their marks, tables are written as HTML blocks with their
``colspan``/``rowspan``. Scripts, styles and page furniture (``nav``, ``header``, ``footer``,
``aside``) are left out. A page nested deeper than ``html_max_depth`` elements is refused
before it is walked (libxml2 itself silently cuts a tree at 256 levels).
"""

from __future__ import annotations

from typing import Any

from graphbuilder.errors import EmptyDocumentError, InputError
from graphbuilder.ingest.rendering import Cell, heading, join_blocks, marked, squash, table_html

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside"}
)
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "body", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "figure", "figcaption", "form", "fieldset", "address", "hr",
    }
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


def render_html(text: str, name: str, max_depth: int) -> str:
    """The rendering of an HTML page's body.

    Args:
        text: the decoded HTML.
        name: the file name for error messages.
        max_depth: refuse a page whose elements nest deeper than this.

    Returns:
        The markdown rendering.

    Raises:
        InputError: lxml cannot parse the page, or it nests too deep.
        EmptyDocumentError: the page holds no text.
    """
    import lxml.html  # type: ignore[import-untyped]  # lxml ships no type hints

    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml's ParserError, XMLSyntaxError, ValueError (NUL, encoding)
        detail = str(exc) or type(exc).__name__
        raise InputError(name, f"not a readable HTML page: {detail}") from exc
    depth = _depth(root, max_depth)
    if depth >= max_depth:
        raise InputError(
            name,
            f"HTML nested {depth}+ elements deep, above the limit of {max_depth} "
            "(setting GRAPHBUILDER_HTML_MAX_DEPTH)",
        )
    blocks: list[str] = []
    _Walker(blocks).block(root)
    rendered = join_blocks(blocks)
    if not rendered.strip():
        raise EmptyDocumentError(name, "an HTML page with no text")
    return rendered


def _depth(root: Any, limit: int) -> int:
    """The nesting depth of the tree, counted without recursion and stopped at ``limit``."""
    deepest = 0
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest >= limit:
            return deepest
        stack.extend((child, depth + 1) for child in element)
    return deepest


class _Walker:
    """Renders elements into blocks; recursion is safe once the depth has been checked."""

    def __init__(self, blocks: list[str]) -> None:
        self.blocks = blocks
        self.line: list[str] = []

    def flush(self) -> None:
        text = squash(" ".join("".join(self.line).split("\n")))
        if text:
            self.blocks.append(text)
        self.line = []

    def block(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            return
        if tag in _HEADINGS:
            self.flush()
            self.blocks.append(heading(_HEADINGS[tag], element.text_content()))
            return
        if tag == "table":
            self.flush()
            self.blocks.append(_table(element))
            return
        if tag == "br":
            self.flush()
            return
        if tag in _BLOCKS:
            self.flush()
        if tag == "li":
            self.line.append(_list_marker(element))
        if element.text and tag:
            self.line.append(element.text)
        for child in element:
            child_tag = child.tag if isinstance(child.tag, str) else ""
            if child_tag in ("b", "strong", "u", "ins"):
                self.line.append(
                    marked(
                        child.text_content(),
                        bold=child_tag in ("b", "strong"),
                        underline=child_tag in ("u", "ins"),
                    )
                )
            elif child_tag:
                self.block(child)
            if child.tail:
                self.line.append(child.tail)
        if tag in _BLOCKS:
            self.flush()


def _list_marker(item: Any) -> str:
    """``n. `` for an item of an ordered list (its number is not in the text), else ``- ``."""
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return "- "
    start = str(parent.get("start", "1"))
    first = int(start) if start.isdigit() else 1
    siblings = [c for c in parent if c.tag == "li"]
    return f"{first + siblings.index(item)}. "


def _table(table: Any) -> str:
    rows: list[list[Cell]] = []
    for tr in table.iter("tr"):
        cells = [
            Cell(cell.text_content(), _span(cell, "colspan"), _span(cell, "rowspan"))
            for cell in tr
            if cell.tag in ("td", "th")
        ]
        rows.append(cells)
    return table_html(rows)


def _span(cell: Any, attr: str) -> int:
    value = str(cell.get(attr, "1")).strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1
