"""The lines around a key figure or prose value, among the lines no table took: the line above or
below that labels it, a unit on the line below, and the context above it.

Lines more than `MAX_GAP_LINES` apart (a table, blank space or a page in between) are not neighbours.
"""

from __future__ import annotations

import re

from ingest.map.units import is_unit_alone
from ingest.read.layout import Line
from ingest.read.prose_labels import MAX_LABEL_CHARS
from ingest.read.prose_tokens import (
    CLAUSE_END,
    SENTENCE_END,
    has_value,
    is_figure_line,
    is_heading,
    last_clause,
    lead_in,
)
from ingest.read.text import BULLET_MARKS

CAPTION_UNIT = re.compile(r"^[(（]?(?:單位|单位)\s*[:：]\s*([^\s)）]{1,16})[)）]?$")
MAX_GAP_LINES = 4
_CONTEXT_LINES = 6
_ITEM_MARK = re.compile(rf"^\s*[-–—•·*◦{BULLET_MARKS}]\s*")  # a list item's indent and bullet


class Neighbours:
    """Lookups around the line at an index of `lines` (the lines the key-figure reader walks)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines

    def label_below(self, index: int) -> tuple[str, int] | None:
        """The line below a figure, if it reads as its label (`1,437 人` / `外籍員工`)."""
        if index + 1 >= len(self.lines):
            return None
        below = self.lines[index + 1]
        text = below.text.strip()
        if below.number - self.lines[index].last_number > MAX_GAP_LINES or not text or len(text) > MAX_LABEL_CHARS:
            return None
        if has_value(text) or is_heading(text) or SENTENCE_END.search(text) or is_unit_alone(text):
            return None
        return text, below.number

    def previous(self, index: int, steps: int = 1) -> Line | None:
        """The line `steps` above, if it sits close enough to belong to the same figure or sentence."""
        current = self.lines[index]
        for _ in range(steps):
            index -= 1
            if index < 0 or current.number - self.lines[index].last_number > MAX_GAP_LINES:
                return None
            current = self.lines[index]
        return current

    def unit_below(self, index: int) -> str | None:
        """A unit on the line below a bare figure (`12,408.5` / `兆瓦時`)."""
        if index + 1 >= len(self.lines):
            return None
        below = self.lines[index + 1]
        if below.number - self.lines[index].last_number > MAX_GAP_LINES:
            return None
        text = below.text.strip()
        return text if is_unit_alone(text) else None

    def context_above(self, index: int) -> str:
        """The lines just above, back to the last sentence end or the figure before: what a key figure
        is about (a tile's neighbours are other tiles, not its context)."""
        parts: list[str] = []
        item = _ITEM_MARK.match(self.lines[index].text)
        for steps in range(1, _CONTEXT_LINES + 1):
            above = self.previous(index, steps)
            if above is None:
                break
            introduces = lead_in().search(above.text)  # `共有員工1,345名，具體分佈如下：` introduces what follows
            mark = _ITEM_MARK.match(above.text) if item else None
            if item and mark and mark.group() == item.group() and is_figure_line(above.text):
                continue  # `– 男性：161人` above `– 女性：87人`: an item of the same list, whose lead-in is ours too
            if (
                is_heading(above.text.strip())  # the section's heading (the section is context already)
                or "\t" in above.text
                or (is_figure_line(above.text) and not introduces)
                or is_unit_alone(above.text.strip())
            ):
                break  # a table row, another figure or a unit line: no longer this figure's context
            ends = [match.end() for match in SENTENCE_END.finditer(above.text)]
            parts.insert(0, above.text[ends[-1] :] if ends else above.text)
            if ends:
                break
        return " ".join(parts)

    def labels_above(self, index: int) -> tuple[list[str], int]:
        """The label of a figure that opens its line: the last clause of the line above, with the line
        above that where the label wraps onto two lines (`溫室氣體排放` / `強度`)."""
        previous = self.previous(index)
        if previous is None:
            return [], self.lines[index].number
        tail = last_clause(previous.text)
        if not tail:
            return [], previous.number
        candidates = [tail]
        above = self.previous(index, 2)
        continues = (
            above is not None
            and not CLAUSE_END.search(previous.text)
            and not has_value(above.text)
            and not is_heading(above.text.strip())
            and not is_unit_alone(above.text.strip())
            and not SENTENCE_END.search(above.text.rstrip()[-1:])
            and not CAPTION_UNIT.match(above.text.strip())
        )
        if continues and above is not None:
            candidates.insert(0, last_clause(above.text) + tail)
            return candidates, above.number
        return candidates, previous.number
