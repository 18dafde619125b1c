"""The report's own explanation of a figure: a footnote near it that gives a reason for a change.

    4.因 2024 年新設體檢中心門店，以及統計宿豫醫院 2024 年全年度排放數據，較 2023 年數據統計口徑增大。

A finding on a figure carries such a note, so the reviewer reads the report's reason beside the
numbers. A note is a line in the few lines after the figure's table that opens like a footnote
(`注：`, `1.`, `2 `, `*`, `※`, `<sup>3</sup>`) and speaks of a change or of a change of basis.
"""

from __future__ import annotations

import re

from ingest.map.vocabulary import role_pattern
from ingest.read.markup import clean_text
from ingest.read.text import fold

_NOTE_OPENING = re.compile(
    r"^\s*(?:<sup>\s*\d+\s*</sup>|\d{1,2}\s*[.、．)）]|\d{1,2}\s{1,3}(?=\D)|[*※#]|[注註](?:\d*)\s*[:：]?)"
)
# A change, or what changes a figure's basis (seed label_vocabulary, role `note_change_word`); a
# cause alone (`由於…估算`) is a method note.
_CHANGE = role_pattern("note_change_word")
_BRACKETED = re.compile(r"[(（].*?[)）]")
_WINDOW_LINES = 40
_MAX_NOTE_CHARS = 240


def label_stem(label: str) -> str:
    """The first characters of a label, brackets dropped: what a note uses to name the figure."""
    return fold(_BRACKETED.sub("", label)).strip()[:4]


def explaining_note(
    lines: list[str], statement_lines: list[int], label: str = "", other_stems: frozenset[str] = frozenset()
) -> str | None:
    """The best note within the lines after any statement of the figure (1-based line numbers).

    A note that names the figure's label wins over one that only explains the table's scope; a
    note that names another figure of the report (one of `other_stems`) and not this one is not its.
    """
    stem = label_stem(label)
    best: tuple[int, int, str] | None = None
    for line_number in sorted(set(statement_lines)):
        for index in range(line_number, min(len(lines), line_number + _WINDOW_LINES)):
            text = clean_text(lines[index])
            if not text or not _NOTE_OPENING.match(lines[index]):
                continue
            folded = fold(text)
            if not _CHANGE.search(folded):
                continue
            names_this = bool(stem) and stem in folded
            if not names_this and any(other in folded for other in other_stems if other != stem):
                continue
            score = 2 if names_this else 1
            if best is None or score > best[0]:
                best = (score, index + 1, text)
    if best is None:
        return None
    _, number, text = best
    text = text if len(text) <= _MAX_NOTE_CHARS else text[: _MAX_NOTE_CHARS - 1] + "…"
    return f"the report notes (line {number}): {text}"


def explaining_notes(lines: list[str], rows: list) -> dict[tuple[str, int], str]:
    """The note for every metric x fiscal year the report states, read once at parse time.

    Keyed by (metric_code, fiscal_year); the note is looked for after every statement of the figure.
    """
    statements: dict[tuple[str, int], tuple[list[int], str]] = {}
    for row in rows:
        if row.metric_code and row.fiscal_year is not None:
            source_lines, _ = statements.setdefault((row.metric_code, row.fiscal_year), ([], row.raw_label))
            source_lines.append(row.source_line)
    stems = frozenset(stem for _, label in statements.values() if len(stem := label_stem(label)) >= 2)
    notes = {
        key: explaining_note(lines, source_lines, label, stems) for key, (source_lines, label) in statements.items()
    }
    return {key: note for key, note in notes.items() if note}
