"""Key figures and prose: values that stand outside any table.

    員工平均學習時長為                 報告期內,公司溫室氣體排放強度為0.0086噸二氧化碳當量/萬元。
    26.83 小時                         截至2022年3月31日，阿里健康共有員工1,849人，其中女性員工佔比43.05%。

A value needs a unit printed after it (for a key figure: or on the line below; a bare count is
accepted only on a line of its own) and a label: the clause before it, else the label line above
it, else the noun after its unit (`共计拥有7,440名员工`). Clauses that compare, aim or accumulate
(`同比增加`, `较上年下降`, `到2035年…降低`, `累计`), approximations (`超过`, `300余`) and numbers that
belong to a label (`範圍1`, `綜合能源消耗量4 噸標煤 43.81`) give no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ingest.map.reference import read_seed
from ingest.map.units import unit_prefix
from ingest.read.layout import Line
from ingest.read.metadata import ReportMetadata
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import sentence_scope
from ingest.read.text import fold

_VALUE = re.compile(r"(?<![\d.,A-Za-z/\-−])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])")
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?、]")
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_BULLETS = " \t•·-*>#–—"
_NOT_A_VALUE_BEFORE = re.compile(
    r"(?:超过|超過|超|逾|近|不低于|不低於|不少于|不少於|不超过|不超過|高于|高於|低于|低於|少于|少於|多于|多於|"
    r"大于|大於|小于|小於|至少|最高|最低|第|月|×|x|X|\*|~|～|至|(?<!达)(?<!達)到|-)\s*$"
)
_NOT_A_VALUE_AFTER = re.compile(r"^\s*(?:以上|以下|以内|以內|左右|余|餘|多|\+)")
_FOLLOWED_BY_NUMBER = re.compile(r"^\s+[-−]?\d")
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
_UNIT_IN_LABEL = re.compile(r"[(（]([^()（）]{1,16})[)）]$")
_YEAR_MENTION = re.compile(r"(20\d{2})(?:年|财年)")
_HEADING = re.compile(r"^(?:#+\s*|\d+(?:\.\d+)+\s*(?=[\u4e00-\u9fff]{2})|表\s*[:：])")
_MAX_LABEL_CHARS = 40
_MAX_BARE_LABEL_CHARS = 16
_ZERO_HINT = re.compile(r"死亡|亡故|工亡|貪污|贪污|腐敗|腐败")  # the words of zero_statements' KPIs
_SENTENCE_SPLIT = re.compile(r"(?<=[。；;！!？?])")
# A zero for targets or comparisons is no level (`力爭實現零工亡`, `目標為零死亡`).
_NOT_A_LEVEL_ZERO = re.compile(r"目标|力争|争取|实现|确保|努力|致力|承诺|保持|持续")
_PRIOR_CLAUSE = re.compile(
    r"(?:(20\d{2})年度?(?:则|亦)?|上年度?(?:同期)?|去年(?:同期)?|上一年度?|上期)(?:则|亦)?(?:为|是)?(?:约)?(?:人民币)?"
)
_PRIOR_IN_BRACKET = re.compile(r"[（(]\s*(?:20\d{2})\s*年度?\s*(?:[:：]|为|為)?\s*$")
_CLOSED_BRACKET = re.compile(r"[（(][^（）()]*[）)]")
_BARE_NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_LEAD_IN = re.compile(r"(?:如下|以下|下表)\s*[:：]?\s*$|[:：]\s*$")
_INDEX_CODE = re.compile(r"^\s*(?:[A-Da-d]\d{1,2}(?:\.\d{1,2})?|GRI\s*\d)")
_HEADING_YEAR = re.compile(r"(20\d{2})\s*年度?")
# A line naming a period for the figures below it (`2024年度主要數據`); a bare `2023年` line is too often
# a chart axis or a table fragment to date what follows, unless it is a heading.
_PERIOD_LINE = re.compile(
    r"(?:#+\s*)?(20\d{2})\s*年度?\s*(?:主要|关键|關鍵|ESG|环境|環境|社会|社會)?"
    r"(?:数据|數據|表现|表現|摘要|绩效|績效|情况|情況|概况|概況|指标|指標|目标|目標)"
)
# A heading about targets, but not TCFD's `指標與目標` (metrics and targets), which holds the data.
_TARGET = re.compile(r"(?<!指标与)(?<!指標與)(?<!指标及)(?<!指標及)(?<!指标和)(?<!指標和)(?:目标|目標)")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_CAPTION_UNIT = re.compile(r"^[(（]?(?:單位|单位)\s*[:：]\s*([^\s)）]{1,16})[)）]?$")
_MAX_GAP_LINES = 4
_CONTEXT_LINES = 6
_COMPANY_PREFIX_MIN_CHARS = 3


@dataclass(frozen=True)
class _Value:
    start: int
    end: int  # after the unit
    raw: str
    unit: str | None


def parse_statements(lines: list[Line], metadata: ReportMetadata) -> list[KpiRow]:
    """Values of key figures and prose on lines no table read (`lines` are those lines, in order)."""
    assert metadata.fiscal_year is not None
    reader = _Reader(lines, metadata)
    return reader.read()


class _Reader:
    def __init__(self, lines: list[Line], metadata: ReportMetadata) -> None:
        self.lines = lines
        self.fiscal_year: int = metadata.fiscal_year  # type: ignore[assignment]
        self.first_year = metadata.period_start.year if metadata.period_start else self.fiscal_year
        self.calendar_year = metadata.period_start is None or (
            metadata.period_start.month == 1 and metadata.period_start.day == 1
        )
        self.company = fold(metadata.company_name or "")
        self.heading = ""
        self.subject = ""
        self.rows: list[KpiRow] = []
        self.caption_unit: str | None = None
        self.heading_year: int | None = None
        self.subject_unit: str | None = None
        self.period_lead = ""
        self.in_targets = False
        self.labels_below = False
        self.labels_taken_below: set[int] = set()

    def read(self) -> list[KpiRow]:
        for index, line in enumerate(self.lines):
            text = line.text.strip()
            if index and line.number - self.lines[index - 1].number > _MAX_GAP_LINES:
                self.labels_below = False
            period = _PERIOD_LINE.fullmatch(text)
            if _is_heading(text) or period:
                heading = text.lstrip("#").strip()
                # Figures under `## 2030年環境目標` or `未來目標` are targets, not data of any year.
                self.in_targets = _TARGET.search(heading) is not None or any(
                    int(year) > self.fiscal_year for year in _ANY_YEAR.findall(heading)
                )
                year = _HEADING_YEAR.fullmatch(heading) or period
                if year:  # `## 2024年`, `2024年度主要數據`: a period over figures of that year, not a new topic
                    self.heading_year = int(year.group(1))
                    # `共有員工1,345名，具體分佈如下：` above the first year block is the context of them all
                    self.period_lead = self._context_above(index) or self.period_lead
                    continue
                self.heading = heading
                self.heading_year = None
                self.period_lead = ""
                self.subject = ""
                self.caption_unit = None
                self.labels_below = False
                continue
            if self.in_targets:
                continue
            caption = _CAPTION_UNIT.match(text)
            if caption and unit_prefix(caption.group(1)) == caption.group(1):
                self.caption_unit = caption.group(1)  # `單位：萬元` above figures printed without units
                continue
            self._read_line(index, line)
            self._read_zeros(line)
        return self.rows

    def _read_zeros(self, line: Line) -> None:
        """A KPI stated as none in words (`報告期內未發生因工死亡事故`): a zero for the sentence's year."""
        if not _ZERO_HINT.search(line.text):
            return
        for sentence in _SENTENCE_SPLIT.split(line.text):
            folded = fold(sentence)
            for rule in zero_statements():
                match = rule.pattern.search(folded)
                year = self._year(sentence) if match else None
                if match is None or year is None or _NOT_A_LEVEL_ZERO.search(folded[: match.start()]):
                    continue
                row = build_row(
                    layout=Layout.PROSE,
                    source_line=line.number,
                    label_line=line.number,
                    labels=[(rule.label, match.group())],
                    section=self.heading,
                    context=" / ".join((self.heading, sentence)),
                    raw_value="0",
                    unit=rule.unit,
                    fiscal_year=year,
                )
                if row.metric_code == rule.metric_code:
                    self.rows.append(row)

    def _label_below(self, index: int) -> tuple[str, int] | None:
        """The line below a figure, if it reads as its label (`1,437 人` / `外籍員工`)."""
        if index + 1 >= len(self.lines):
            return None
        below = self.lines[index + 1]
        text = below.text.strip()
        if below.number - self.lines[index].number > _MAX_GAP_LINES or not text or len(text) > _MAX_LABEL_CHARS:
            return None
        if _has_value(text) or _is_heading(text) or _SENTENCE_END.search(text) or unit_prefix(text) == text:
            return None
        return text, below.number

    def _previous(self, index: int, steps: int = 1) -> Line | None:
        """The line `steps` above, if it sits close enough to belong to the same figure or sentence."""
        current = self.lines[index]
        for _ in range(steps):
            index -= 1
            if index < 0 or current.number - self.lines[index].number > _MAX_GAP_LINES:
                return None
            current = self.lines[index]
        return current

    def _read_line(self, index: int, line: Line) -> None:
        text = line.text
        segment_start = 0
        for value in _values(text):
            prefix = text[: value.start]
            if _NOT_A_VALUE_BEFORE.search(prefix) or _NOT_A_VALUE_AFTER.match(text[value.start + len(value.raw) :]):
                segment_start = value.end
                continue
            if _FOLLOWED_BY_NUMBER.match(text[value.end :]):
                segment_start = value.end
                continue  # `綜合能源消耗量4 噸標煤 43.81`: a footnote marker before a table value
            unit = value.unit
            alone = not prefix.strip(_BULLETS) and not text[value.end :].strip(" \t,，。;；")
            if unit is None and alone:
                unit = self._unit_below(index) or self.caption_unit
            self._emit(index, line, value, unit, prefix, segment_start, alone)
            if unit:  # a year or a bare number stays part of the next value's clause
                segment_start = value.end
        if _SENTENCE_END.search(text):
            self.subject = ""

    def _unit_below(self, index: int) -> str | None:
        if index + 1 >= len(self.lines):
            return None
        below = self.lines[index + 1]
        if below.number - self.lines[index].number > _MAX_GAP_LINES:
            return None
        text = below.text.strip()
        return text if unit_prefix(text) == text else None

    def _emit(
        self, index: int, line: Line, value: _Value, unit: str | None, prefix: str, segment_start: int, alone: bool
    ) -> None:
        clause_text = prefix[segment_start:]
        cut = max((match.end() for match in _CLAUSE_END.finditer(clause_text)), default=0)
        clause = clause_text[cut:].strip(_BULLETS)
        colon = cut and clause_text[:cut].rstrip().endswith((":", "："))
        if colon and (not clause or not self._normalise(clause)[0]):  # `慈善捐款：人民幣1.25百萬元`
            before = clause_text[: cut - 1]
            clause = before[max((m.end() for m in _CLAUSE_END.finditer(before)), default=0) :].strip(_BULLETS)
        label_line = line.number
        previous = self._previous(index)
        sentence = prefix
        if not prefix.strip(_BULLETS):  # the value opens its line: a key figure, or prose wrapped before it
            candidates, label_line = self._labels_above(index)
            sentence = (previous.text if previous else "") + prefix
            label_above = (
                bool(candidates)
                and previous is not None
                and previous.number not in self.labels_taken_below  # the figure above's label
                and not _has_value(previous.text)
                and not _is_heading(previous.text.strip())
            )
            below = self._label_below(index) if alone and (self.labels_below or not label_above) else None
            if below and not value.unit and (len(below[0]) > _MAX_BARE_LABEL_CHARS or _INDEX_CODE.match(below[0])):
                below = None  # a bare number over a long line or an index entry (`11` / `B7.1 …`): a page number
            if below and (self.labels_below or not label_above):
                # Tiles that print the value first: once a block does, its next figures do too
                # (the label above still counts where the one below does not fit the unit).
                candidates, label_line = [below[0], *(candidates if label_above else [])], below[1]
                sentence = prefix
                self.labels_below = True
                self.labels_taken_below.add(below[1])
        elif (
            clause
            and cut == 0
            and segment_start == 0
            and previous
            and not _SENTENCE_END.search(previous.text[-2:])
            and not _is_heading(previous.text.strip())  # a heading is no line the sentence wraps from
        ):
            tail = _tail(previous.text)
            prose_wrap = bool(_CLAUSE_END.search(previous.text) or _has_value(previous.text))
            candidates = [tail + clause] if prose_wrap else [tail + clause, clause]
            sentence = previous.text + prefix
        else:
            candidates = [clause] if clause else []
        if unit is None:  # `僱員總數（人）5532`: the unit the label carries
            unit = next((found for candidate in candidates if (found := _label_unit(candidate))), None)
        if unit is None and not (alone and candidates):
            return
        labels, label_unit, relative = self._labels(candidates)
        compares = any(_NOT_A_LEVEL.search(fold(candidate)) for candidate in candidates)
        if not labels and unit and not compares:  # `共计拥有7,440名员工`, `其中 2 名為女性董事`: noun after unit
            after = line.text[value.end :]
            noun = after[: next((m.start() for m in _CLAUSE_END.finditer(after)), len(after))]
            labels, label_unit, relative = self._labels([noun] if noun.strip() else [])
        unit = unit or label_unit
        prior_year = None
        if self.subject and _PRIOR_IN_BRACKET.search(clause_text):
            # `用水量為12,300立方米（2023年：13,100立方米）`: the same figure for the year the bracket names
            labels = [(self.subject, self.subject)]
            unit = unit or self.subject_unit
        elif self.subject and (prior := _PRIOR_CLAUSE.fullmatch(fold(clause).strip(_BULLETS))):
            # `外購電力為12,408.5兆瓦時，去年為13,025.9兆瓦時`, `2023年則為402.6千克`
            labels = [(self.subject, self.subject)]
            unit = unit or self.subject_unit
            prior_year = int(prior.group(1)) if prior.group(1) else self.fiscal_year - 1
        if not labels:
            return
        year = prior_year or self._year(sentence)
        if year is None:
            return
        row = build_row(
            layout=Layout.KEY_FIGURE if alone or not prefix.strip(_BULLETS) else Layout.PROSE,
            source_line=line.number,
            label_line=label_line,
            labels=labels,
            section=self.heading,
            context=" / ".join((self.heading, self.period_lead, self._context_above(index), sentence)),
            raw_value=value.raw,
            unit=unit,
            fiscal_year=year,
        )
        if row.unit_factor is None and unit is None:
            return  # a bare number that is no count: a page number, a list item, a year
        part = sentence_scope(sentence)
        if part is not None:  # `公司全資子公司某某有限公司2024年度…為`: a subsidiary's figure
            row.scope_note, row.is_partial_scope = part.note, part.partial
        self.rows.append(row)
        if not relative:
            self.subject, self.subject_unit = labels[0][0], unit

    def _labels(self, candidates: list[str]) -> tuple[list[tuple[str, str]], str | None, bool]:
        """(label the rules read, label as printed) for each usable candidate; a unit a label carries."""
        labels: list[tuple[str, str]] = []
        unit = None
        relative = False
        for candidate in candidates:
            if len(candidate) > _MAX_LABEL_CHARS or _NOT_A_LEVEL.search(fold(candidate)):
                continue
            label, label_unit, relative = self._normalise(candidate)
            if not label:
                continue
            labels.append((label, candidate.strip()))
            qualifier = _QUALIFIER.search(label)
            if qualifier:  # `研发投入（含资本化开支）`: also read without what it includes
                labels.append((label[: qualifier.start()], candidate.strip()))
            unit = unit or label_unit
        return labels, unit, relative

    def _context_above(self, index: int) -> str:
        """The lines just above, back to the last sentence end or the figure before: what a key figure
        is about (a tile's neighbours are other tiles, not its context)."""
        parts: list[str] = []
        for steps in range(1, _CONTEXT_LINES + 1):
            above = self._previous(index, steps)
            if above is None:
                break
            lead_in = _LEAD_IN.search(above.text)  # `共有員工1,345名，具體分佈如下：` introduces what follows
            if (
                "\t" in above.text
                or (_is_figure_line(above.text) and not lead_in)
                or unit_prefix(above.text.strip()) == above.text.strip()
            ):
                break  # a table row, another figure or a unit line: no longer this figure's context
            ends = [match.end() for match in _SENTENCE_END.finditer(above.text)]
            parts.insert(0, above.text[ends[-1] :] if ends else above.text)
            if ends:
                break
        return " ".join(parts)

    def _labels_above(self, index: int) -> tuple[list[str], int]:
        previous = self._previous(index)
        if previous is None:
            return [], self.lines[index].number
        tail = _tail(previous.text)
        if not tail:
            return [], previous.number
        candidates = [tail]
        above = self._previous(index, 2)
        continues = (
            above is not None
            and not _CLAUSE_END.search(previous.text)
            and not _has_value(above.text)
            and not _is_heading(above.text.strip())
            and unit_prefix(above.text.strip()) != above.text.strip()
            and not _SENTENCE_END.search(above.text.rstrip()[-1:])
            and not _CAPTION_UNIT.match(above.text.strip())
        )
        if continues and above is not None:
            candidates.insert(0, _tail(above.text) + tail)
            return candidates, above.number
        return candidates, previous.number

    def _normalise(self, candidate: str) -> tuple[str, str | None, bool]:
        """Folded label without the filler around it (`報告期內，本集團…為`); the unit it may carry."""
        label = fold(candidate)
        unit = None
        unit_match = _UNIT_IN_LABEL.search(label)
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
            return (self.subject + "占比" if self.subject else ""), unit, True
        return label, unit, False

    def _strip_company(self, label: str) -> str:
        for width in range(min(len(label) - 1, len(self.company)), _COMPANY_PREFIX_MIN_CHARS - 1, -1):
            if label[:width] in self.company:
                return label[width:]
        return label

    def _year(self, sentence: str) -> int | None:
        """The fiscal year a statement is about: the report's, unless its sentence names an earlier one."""
        start = max((match.end() for match in _SENTENCE_END.finditer(sentence)), default=0)
        # A year inside a closed bracket (`（2023年：5.23噸）`) dates that bracket's figure, not the next one.
        mentions = [int(year) for year in _YEAR_MENTION.findall(fold(_CLOSED_BRACKET.sub("", sentence[start:])))]
        if not mentions and self.heading_year is not None:
            mentions = [self.heading_year]
        if not mentions:
            return self.fiscal_year
        if max(mentions) > self.fiscal_year:
            return None  # a target or a plan (`力爭到2030年…較2020年下降`)
        year = mentions[-1]
        if year >= self.first_year:
            return self.fiscal_year
        return year if self.calendar_year else None


@dataclass(frozen=True)
class ZeroStatement:
    metric_code: str
    pattern: re.Pattern[str]
    label: str
    unit: str


@cache
def zero_statements() -> tuple[ZeroStatement, ...]:
    """How reports say a KPI was zero in words (the `zero_statements` seed)."""
    return tuple(
        ZeroStatement(row["metric_code"], re.compile(row["pattern"]), row["label"], row["unit"])
        for row in read_seed("zero_statements.csv")
    )


def _label_unit(label: str) -> str | None:
    match = _UNIT_IN_LABEL.search(label.strip())
    if match and unit_prefix(match.group(1)) == match.group(1):
        return match.group(1)
    return None


def _is_heading(text: str) -> bool:
    """`## 排放物`, `3.2 人才發展及培訓`, `表：員工構成` -- but not a figure such as `26.83 小時`."""
    match = _HEADING.match(text)
    if not match:
        return False
    return not text[0].isdigit() or unit_prefix(text[match.end() :]) is None


def _is_figure_line(text: str) -> bool:
    """A line that states a figure: a value with its unit, or a number alone (a tile's value)."""
    return _has_value(text) or bool(_BARE_NUMBER.fullmatch(text.strip()))


def _has_value(text: str) -> bool:
    return any(value.unit for value in _values(text))


@lru_cache(maxsize=65536)
def _values(text: str) -> tuple[_Value, ...]:
    """Number-and-unit tokens of a line. Cached: a line is also read as the label line of the next."""
    values = []
    for match in _VALUE.finditer(text):
        unit = unit_prefix(text[match.end() :])
        end = match.end()
        if unit:
            end = text.index(unit, match.end()) + len(unit)
        values.append(_Value(match.start(), end, match.group(), unit))
    return tuple(values)


def _tail(text: str) -> str:
    """The last clause of a line, after its last delimiter or value: the label of what follows."""
    cut = max((match.end() for match in _CLAUSE_END.finditer(text)), default=0)
    for value in _values(text):
        if value.unit or value.end == len(text.rstrip()):
            cut = max(cut, value.end)
    return text[cut:].strip(_BULLETS)
