"""Labels of prose and key-figure values: the clause before a value, stripped of the filler around
it (`報告期內，本集團…為`), of the company's own name and of a unit in brackets; a share
(`占比`) reads as the share of the subject before it, and a clause that compares, aims or sums over
years (`同比增加`, `目標`, `累计`) gives no label at all.
"""

from __future__ import annotations

import re

from ingest.map.units import unit_prefix
from ingest.read.prose_tokens import UNIT_IN_LABEL
from ingest.read.text import fold

# A clause that changes, compares, aims or sums over years states no level for the period.
_NOT_A_LEVEL = re.compile(
    r"较|同比|相比|比上年|上年|去年|上一年|下降|减少|降低|增长|增加|提升|提高|节约|节省|节能|减排|减碳|目标|预计|计划|"
    r"力争|累计|以来|至今|每年|平均每|单次|最多|最少|超过|不少于|新增|新聘|招聘"
)
_LEADING_FILLER = re.compile(
    r"^(?:报告期(?:内|末)|本报告期内?|截至|截止|于|在|至|本年度?|年度内|年度|今年|年内|全年|其中|此外|同时|另外|以及|及|"
    r"本?公司|本?集团|我们的?|我司|目前|共有|拥有|共计|合计|总计|经审计的?|的|为|实现|录得|"
    r"(?:20\d{2}|1[01]\d)(?:年度?|财年)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|内)?|\d{1,2}月\d{1,2}日|底|末)"
)
_TRAILING_FILLER = re.compile(
    r"(?:约为|为约|达到|高达|多达|共计|总计|合计|合共|共有|录得|实现|人民币|约|为|达|是|有|共|计|由|:)$"
)
_RELATIVE = re.compile(r"^(?:占比|比例|比率|占|百分比|比重|占(?:员工|雇员|职工)?总(?:人)?数的?(?:比例|比重)?)$")
_QUALIFIER = re.compile(r"\((?:含|包括|包含|不含|不包括|注)[^()]*\)$")
MAX_LABEL_CHARS = 40
_COMPANY_PREFIX_MIN_CHARS = 3


def states_no_level(text: str) -> bool:
    """A clause that compares, aims or sums over years (`较上年下降`, `目標`, `累计`)."""
    return _NOT_A_LEVEL.search(fold(text)) is not None


class LabelReader:
    """Reads the labels of one report's values; knows the company's name, to strip it off labels."""

    def __init__(self, company: str) -> None:
        self.company = fold(company)

    def labels(self, candidates: list[str], subject: str) -> tuple[list[tuple[str, str]], str | None, bool]:
        """(label the rules read, label as printed) for each usable candidate; a unit a label carries;
        whether the label is a share of `subject`, the figure before."""
        labels: list[tuple[str, str]] = []
        unit = None
        relative = False
        for candidate in candidates:
            if len(candidate) > MAX_LABEL_CHARS or states_no_level(candidate):
                continue
            label, label_unit, relative = self.normalise(candidate, subject)
            if not label:
                continue
            labels.append((label, candidate.strip()))
            qualifier = _QUALIFIER.search(label)
            if qualifier:  # `研发投入（含资本化开支）`: also read without what it includes
                labels.append((label[: qualifier.start()], candidate.strip()))
            unit = unit or label_unit
        return labels, unit, relative

    def normalise(self, candidate: str, subject: str) -> tuple[str, str | None, bool]:
        """Folded label without the filler around it (`報告期內，本集團…為`); the unit it may carry."""
        label = fold(candidate)
        unit = None
        unit_match = UNIT_IN_LABEL.search(label)
        if unit_match and unit_prefix(unit_match.group(1)) == unit_match.group(1):
            unit = unit_match.group(1)
            label = label[: unit_match.start()]
        for _ in range(8):  # leading filler first: `共计拥有` must not lose its 有 to the trailing rule
            before = label
            label = _LEADING_FILLER.sub("", label, count=1)
            if label == before:
                label = self._strip_company(_TRAILING_FILLER.sub("", label))
            if label == before:
                break
        if _RELATIVE.match(label):
            return (subject + "占比" if subject else ""), unit, True
        return label, unit, False

    def _strip_company(self, label: str) -> str:
        for width in range(min(len(label) - 1, len(self.company)), _COMPANY_PREFIX_MIN_CHARS - 1, -1):
            if label[:width] in self.company:
                return label[width:]
        return label
