"""The caption of a text table: the line above its header that names it (`表4-2 電力使用情形 單位：千度`,
a short heading), and the unit it names.

`read.text_tables` keeps the lines since the table before and asks only when a header opens a table,
reading back from it: most lines of a report are never asked.
"""

from __future__ import annotations

import re

from ingest.read.cell_values import caption_unit, clean_label, table_caption_unit
from ingest.read.memo import memo
from ingest.read.text import is_not_disclosed, is_number

_PROSE_END = re.compile(r"[。；;！!？?]")
_UNIT_WORD = re.compile(r"單位|单位|unit|以[^()（）\s]{1,10}[計计]", re.IGNORECASE)
_CAPTION_UNIT_TEXT = re.compile(r"[(（]?(?:單位|单位|unit)\s*[:：].*$", re.IGNORECASE)
_MAX_CAPTION_CHARS = 60
_LETTER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff](?: |$|[（(]))")
_MAX_HEADING_CHARS = 30
# A sentence that leads into the table below it (`以下為該廠區的能資源數據。`, `…載列如下：`): the title
# above it still names the table.
_LEAD_IN = re.compile(r"(?:以下|如下|下表|下列)[^。；;！!？?]*[。:：]?$|[:：]$")


_HEADING_LOOKBACK = 4  # lines back to a heading above a sentence or two that introduce the table
_MAX_CAPTION_LINES = 3  # `表1 經濟績效` / `單位：億元` / `年度` (the first line of a two-line header)


def caption_above(lines: list[str]) -> tuple[str, str | None]:
    """(the caption as the context of the table below it, the unit it names) of the last lines of
    `lines` (each a line's words joined by one space, in order) that name the next table; ("", None)
    if none. The nearest such line that says more than a unit is the caption; the unit may stand on a
    line of its own between it and the header (`表5 某某溫室氣體排放` / `單位：噸` / `年度`), a sentence leading
    into the table between it and the header (`以下為該廠區的數據。`)."""
    caption, unit = "", None
    lines = [_unspaced(line) for line in lines[-max(_MAX_CAPTION_LINES, _HEADING_LOOKBACK) :]]
    for position, joined in enumerate(reversed(lines[-_MAX_CAPTION_LINES:])):
        named_unit, names_table = _names_next_table(joined)
        if not names_table and position == 0 and _LEAD_IN.search(joined):
            continue
        if not names_table:
            break
        unit = unit or named_unit
        caption = caption or clean_label(_CAPTION_UNIT_TEXT.sub("", joined).lstrip("#").strip())
        if caption and unit:
            break
    if caption and unit is None:  # `僱員流失率（%）` over `整體僱員流失率  9.6`: the measure's unit
        unit = table_caption_unit(caption)
    if not caption:  # `人力結構` / a sentence / `單位：人` / header: the heading above the sentence
        caption = next((heading for heading in map(_heading, reversed(lines[-_HEADING_LOOKBACK:])) if heading), "")
    return caption, unit


def lead_in_above(lines: list[str]) -> str:
    """The sentence just above a table's header that leads into it (`…其2024年主要環境數據如下：`), which
    may say whose figures the table holds; "" if the line above is none."""
    return lines[-1] if lines and _LEAD_IN.search(lines[-1]) else ""


def _unspaced(joined: str) -> str:
    """A letter-spaced title (`湖 北 某 某 有 限 公 司 環 境 數 據`, as PDF text extraction writes a spaced
    font) as it reads; a space between words that are not single CJK characters stays."""
    return _LETTER_SPACE.sub("", joined) if " " in joined else joined


def _heading(joined: str) -> str:
    named_unit, names_table = _names_next_table(joined)
    return "" if named_unit or not names_table else clean_label(joined.lstrip("#").strip())


@memo
def _names_next_table(joined: str) -> tuple[str | None, bool]:
    """(the unit a caption names, whether the line names the next table): a caption, or a short
    heading that does not end in a value."""
    caption = caption_unit(joined) if len(joined) <= _MAX_CAPTION_CHARS and _UNIT_WORD.search(joined) else None
    last = joined.rsplit(" ", 1)[-1]
    ends_in_value = bool(joined) and (is_number(last) or is_not_disclosed(last))
    heading = len(joined) <= _MAX_HEADING_CHARS and not _PROSE_END.search(joined) and not ends_in_value
    return caption, bool(caption) or heading
