"""The HTML that mammoth writes for a Word document, as blocks, and the blocks as the site's Markdown.

Mammoth writes a small, predictable subset of HTML: headings, paragraphs,
``strong`` and ``em``, links, nested ``ul`` and ``ol``, tables with a
``thead``, images, and footnotes and endnotes as a final ``ol`` whose
references are ``sup`` links. Reading it into :class:`Block` objects first
lets the import find the document's title, summary and recommendations in
its structure, and change the blocks, before anything is written as Markdown.
Every text from the document is escaped (:func:`learning_library.text.escape_markdown`),
so a ``*`` or a ``[`` in a report stays a character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..text import escape_markdown

_VOID = frozenset({"br", "img", "hr"})
_BLOCK_START = re.compile(r"^(\d+)([.)])(\s)|^([-+>=])(\s|$)")
"""The start of a paragraph that Markdown would read as a list, a quote or a heading underline."""


@dataclass
class Node:
    """An element of mammoth's HTML, or a piece of text (``tag`` empty)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def plain(self) -> str:
        """The text inside, as a reader sees it, without note references."""
        if not self.tag:
            return self.text
        if self.tag == "sup" and self._note_link() is not None:
            return ""
        return "".join(child.plain() for child in self.children)

    def _note_link(self) -> str | None:
        for child in self.children:
            href = child.attrs.get("href", "") if child.tag == "a" else ""
            if href.startswith(("#footnote-", "#endnote-")) and not href.startswith(("#footnote-ref", "#endnote-ref")):
                return note_label(href[1:])
        return None


def note_label(note_id: str) -> str:
    """A Markdown footnote label for one of mammoth's note ids: ``footnote-3`` is ``3``, ``endnote-2`` is ``e2``."""
    kind, _, number = note_id.partition("-")
    return number if kind == "footnote" else f"e{number}"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Node("", text=data))


def parse(html: str) -> Node:
    """Mammoth's HTML as a tree of :class:`Node`."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- blocks --------------------------------------------------------------------------------------


@dataclass
class Block:
    """One block of the document: a heading, a paragraph, a list or a table.

    ``level`` is a heading's level (1 to 6) as Word had it, until the import
    shifts them; ``ordered`` says whether a list is numbered; ``items`` holds
    a list's items (each a list of blocks: its text, then any nested list);
    ``rows`` a table's cells. ``node`` is the HTML it came from.
    """

    kind: str
    node: Node
    level: int = 0
    ordered: bool = False
    items: list[list[Block]] = field(default_factory=list)
    rows: list[list[Node]] = field(default_factory=list)
    title: bool = False
    """A paragraph in Word's Title style."""

    @property
    def plain(self) -> str:
        if self.kind == "list":
            return "\n".join(" ".join(b.plain for b in item) for item in self.items)
        if self.kind == "table":
            return "\n".join(" ".join(" ".join(cell.plain().split()) for cell in row) for row in self.rows)
        return " ".join(self.node.plain().split())


@dataclass
class Converted:
    """A document read into blocks, with its footnotes and endnotes by label."""

    blocks: list[Block]
    notes: dict[str, Node]


def blocks(root: Node) -> Converted:
    """The top-level blocks of mammoth's HTML, and its notes (the final ``ol`` of ``li id="footnote-N"``)."""
    found: list[Block] = []
    notes: dict[str, Node] = {}
    for node in root.children:
        if not node.tag:
            continue
        if node.tag == "ol" and node.children and all(_is_note(c) for c in node.children if c.tag):
            for item in (c for c in node.children if c.tag):
                notes[note_label(item.attrs["id"])] = item
            continue
        found.extend(_block(node))
    return Converted(found, notes)


def _is_note(node: Node) -> bool:
    return node.tag == "li" and node.attrs.get("id", "").startswith(("footnote-", "endnote-"))


def _block(node: Node) -> list[Block]:
    if re.fullmatch(r"h[1-6]", node.tag):
        return [Block("heading", node, level=int(node.tag[1]), title="doc-title" in node.attrs.get("class", ""))]
    if node.tag in ("ul", "ol"):
        return [_list(node)]
    if node.tag == "table":
        return [Block("table", node, rows=[[cell for cell in row.children if cell.tag in ("td", "th")] for row in _rows(node)])]
    if node.tag in ("div", "blockquote"):
        return [b for child in node.children if child.tag for b in _block(child)]
    return [Block("paragraph", node)]


def _list(node: Node) -> Block:
    block = Block("list", node, ordered=node.tag == "ol")
    for item in (c for c in node.children if c.tag == "li"):
        inline = Node("p", children=[c for c in item.children if c.tag not in ("ul", "ol", "p")])
        content = [Block("paragraph", inline)]
        content += [Block("paragraph", c) for c in item.children if c.tag == "p"]
        content += [_list(c) for c in item.children if c.tag in ("ul", "ol")]
        block.items.append(content)
    return block


def _rows(table: Node) -> list[Node]:
    rows = []
    for child in table.children:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.children if c.tag == "tr")
    return rows


# --- writing Markdown ----------------------------------------------------------------------------


def inline(node: Node) -> str:
    """A node's content as Markdown on one line: escaped text, ``**bold**``, ``*italics*``, links, images, note references."""
    out: list[str] = []
    for child in node.children:
        if not child.tag:
            out.append(escape_markdown(re.sub(r"\s+", " ", child.text)))
            continue
        label = child._note_link() if child.tag == "sup" else None
        if label is not None:
            out.append(f"[^{label}]")
        elif child.tag in ("strong", "b", "em", "i"):
            out.append(_emphasis(inline(child), "**" if child.tag in ("strong", "b") else "*"))
        elif child.tag == "a":
            href = child.attrs.get("href", "")
            text = inline(child)
            if href.startswith(("#footnote-ref", "#endnote-ref")):
                continue  # the note's link back to its reference
            target = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            out.append(f"[{text}]({target})" if href and not href.startswith("#") and text.strip() else text)
        elif child.tag == "img":
            alt = " ".join(child.attrs.get("alt", "").split()).replace("[", "(").replace("]", ")")
            out.append(f"![{alt}]({child.attrs.get('src', '')})")
        elif child.tag == "br":
            out.append(" ")
        else:
            out.append(inline(child))
    return "".join(out)


def _emphasis(text: str, mark: str) -> str:
    """Emphasis around the words only: Markdown ignores ``** bold**`` with a space inside the marks."""
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{text.strip()}{mark}{trail}"


def paragraph_text(node: Node) -> str:
    """A paragraph's Markdown, guarded so that it stays a paragraph ("1. " or "- " at its start is escaped)."""
    text = " ".join(inline(node).split())
    match = _BLOCK_START.match(text)
    if match and match[1]:
        return f"{match[1]}\\{text[len(match[1]) :]}"
    if match:
        return f"\\{text}"
    return text


def render(found: list[Block], notes: dict[str, Node], heading_shift: int = 0) -> str:
    """The blocks as Markdown, one blank line between blocks, with the notes as Markdown footnotes at the end.

    Args:
        found: the blocks, in order.
        notes: the footnotes and endnotes by label; only those referred to are written.
        heading_shift: added to every heading's level (the import makes the document's top level ``##``).
    """
    parts = [_render(block, heading_shift) for block in found]
    text = "\n\n".join(p for p in parts if p.strip())
    used = re.findall(r"\[\^([^\]]+)\]", text)
    for label in dict.fromkeys(used):
        if label in notes:
            content = " ".join(paragraph_text(p) if p.tag == "p" else inline(p) for p in notes[label].children if p.tag or p.text.strip())
            text += f"\n\n[^{label}]: {' '.join(content.split())}"
    return text + "\n"


def _render(block: Block, shift: int) -> str:
    if block.kind == "heading":
        return f"{'#' * min(6, max(1, block.level + shift))} {' '.join(inline(block.node).split())}"
    if block.kind == "list":
        return "\n".join(_list_lines(block, 0))
    if block.kind == "table":
        return _table(block)
    return paragraph_text(block.node)


def _list_lines(block: Block, depth: int) -> list[str]:
    lines: list[str] = []
    indent = "    " * depth  # Python-Markdown nests a list four spaces in
    for number, item in enumerate(block.items, 1):
        marker = f"{number}. " if block.ordered else "- "
        texts = [" ".join(inline(b.node).split()) for b in item if b.kind == "paragraph"]
        lines.append(indent + marker + " ".join(t for t in texts if t))
        for nested in (b for b in item if b.kind == "list"):
            lines.extend(_list_lines(nested, depth + 1))
    return lines


def _table(block: Block) -> str:
    width = max((len(row) for row in block.rows), default=0)
    if not width:
        return ""
    rows = [[_cell(cell) for cell in row] + [""] * (width - len(row)) for row in block.rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(" --- " for _ in range(width)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _cell(cell: Node) -> str:
    """A table cell on one line: its paragraphs and list items joined (a Markdown table cell holds no blocks)."""
    texts = [" ".join(inline(p).split()) for p in cell.children if p.tag] or [" ".join(inline(cell).split())]
    return " ".join(t for t in texts if t) or " "
