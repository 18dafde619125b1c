"""Where a line of prose stands: under which heading, in which year's section, in a target section or
below a `單位：` line. The statements reader asks this before it reads a line's figures.

    ## 2030年環境目標            a target section: no figure below it is data of any year
    （二）2023年度主要数据        a period over the figures below it, not a new topic
    單位：萬元                   the unit of the figures below printed without one
    （括號內為2023/24財政年度數據）  what a figure alone in a bracket after another is: that year's
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum

from ingest.map.units import is_unit_alone
from ingest.read.neighbours import CAPTION_UNIT
from ingest.read.periods import year_of
from ingest.read.prose_tokens import is_heading, period_line, target_heading
from ingest.read.text import fold

_HEADING_YEAR = re.compile(r"(20\d{2})\s*年度?")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_YEAR_DIGITS = re.compile(r"20\d{2}")  # a period line names its year
# `（括號內為2023/24財政年度數據）`, `註：括号内数字为上年同期数据`, `（）內為2023年數字` (folded): the period
# a bracket holding a figure alone gives, over the section it opens
_BRACKET_LEGEND = re.compile(
    r"^\(?(?:注|note)?[:：]?(?:括号|括弧|\(\))(?:内|中)的?(?:数字|数据|数值|资料)?均?(?:为|指|代表|乃|系|是|表示)"
    r"(.{2,16}?)的?(?:比较)?(?:数字|数据|数值|资料)?\)?[。.]?$"
)
_PRIOR_PERIOD = re.compile(r"^(?:去年|上年|上一|上个|上期|前一)")  # `上年同期`, `上一财政年度`


_BLOCK_OPENERS = frozenset("【〔[")
_BLOCK = re.compile(r"[【〔\[]\s*([^】〕\]]{2,30}?)\s*[】〕\]]")


class Step(Enum):
    """What a line is to the reader of its figures."""

    TOPIC = "a heading of a new topic: what the lines above said is no context below it"
    STRUCTURE = "a period, a unit or a line of a target section: no figures of its own to read"
    TEXT = "a line whose figures are read"


class Sections:
    """The section state of a walk over a report's prose lines, in order."""

    def __init__(self, fiscal_year: int) -> None:
        self.fiscal_year = fiscal_year
        self.heading = ""
        self.heading_year: int | None = None  # `## 2024年`: the year of the figures below
        self.period_lead = ""  # `共有員工1,345名，具體分佈如下：` above the first year section
        self.caption_unit: str | None = None
        self.bracket_year: int | None = None  # the year a legend says a bracketed figure is of
        self.in_targets = False
        self.targets_headed = False  # a heading (not a line: `2030年目标`) opened the targets
        self.block = ""  # `【2023年度】`, `【2024年度·江西基地】`: a bracketed title over the lines to the next one
        self.block_year: int | None = None
        self._period = period_line()

    def step(self, text: str, gap: int, context_above: Callable[[int], str], index: int) -> Step:
        """Take the next line (`text` stripped, `gap`: lines since the previous one, `index` its place);
        `context_above(index)` gives the lines above it, called only for a period line."""
        self.in_targets = self.in_targets and (gap <= 1 or self.targets_headed)  # a line's: to a blank line
        if "括" in text or "（）" in text or "()" in text:
            legend = _BRACKET_LEGEND.match(fold(text))
            if legend:
                year = self.fiscal_year - 1 if _PRIOR_PERIOD.match(legend.group(1)) else year_of(legend.group(1))
                self.bracket_year = year if year is not None and year < self.fiscal_year else None
                return Step.STRUCTURE
        if text[:1] in _BLOCK_OPENERS and (block := _BLOCK.fullmatch(text)):
            return self._open_block(block.group(1))
        period = self._period.fullmatch(text) if _YEAR_DIGITS.search(text) else None
        if is_heading(text) or period:
            heading = text.lstrip("#").strip()
            if self.block and not text.startswith("#"):  # `一、环境` inside `【2023年度】`: its part, of its year
                self.heading, self.heading_year = f"{self.block} / {heading}", self.block_year
                return Step.TOPIC
            self.block, self.block_year = "", None
            # Figures under `## 2030年環境目標` or `未來目標` are targets, not data of any year.
            self.in_targets = target_heading().search(heading) is not None or any(
                int(year) > self.fiscal_year for year in _ANY_YEAR.findall(heading)
            )
            self.targets_headed = is_heading(text)
            year = _HEADING_YEAR.fullmatch(heading) or period
            if year:  # `## 2024年`, `2024年度主要數據`: a period over figures of that year, not a new topic
                self.heading_year = int(year.group(1))
                self.period_lead = context_above(index) or self.period_lead
                return Step.STRUCTURE
            self.heading, self.heading_year, self.period_lead, self.caption_unit = heading, None, "", None
            self.bracket_year = None
            return Step.TOPIC
        if self.in_targets:
            return Step.STRUCTURE
        caption = CAPTION_UNIT.match(text)
        if caption and is_unit_alone(caption.group(1)):
            self.caption_unit = caption.group(1)  # `單位：萬元` above figures printed without units
            return Step.STRUCTURE
        return Step.TEXT

    def _open_block(self, title: str) -> Step:
        """A bracketed title alone on its line: the year it names (if any) dates the figures up to the next
        one, whatever numbered headings come between; a target block's lines are no data."""
        year = _HEADING_YEAR.search(title)
        self.block, self.block_year = title, int(year.group(1)) if year else None
        self.in_targets = target_heading().search(title) is not None or (
            self.block_year is not None and self.block_year > self.fiscal_year
        )
        self.targets_headed = self.in_targets
        self.heading, self.heading_year, self.period_lead, self.caption_unit = title, self.block_year, "", None
        self.bracket_year = None
        return Step.TOPIC
