"""Key figures and prose: values that stand outside any table.

    員工平均學習時長為 / 26.83 小時         報告期內,公司溫室氣體排放強度為0.0086噸二氧化碳當量/萬元。

A value needs a unit printed after it (for a key figure: or below; a bare count only on a line of its
own) and a label: the clause before it, else the label line above it, else the noun after its unit.
Clauses that compare, aim or sum over years (`同比增加`, `到2035年…降低`, `累计`), approximations
(`超过`, `300余`), numbers of a label (`範圍1`) and a half or quarter's figures give no value. A change
(`僱員人數由2023年的3,020人增至2024年的3,215人`) gives each level the label before `由`, the earlier
one only where its year is stated. A list (`範圍一及範圍二排放量分別為X及Y`) gives each value its
item's label (`read.prose_lists`). A count or an activity's hours may be labelled by the noun after it
(`包括3名執行董事`, `2,300小時的培訓`), an intensity by the revenue it is per, printed before it.

This module owns the walk over the lines: which line labels a figure and which year it is of; where a
line stands (heading, period and target sections) is `read.sections`'. A line's tokens are `read.prose_tokens`', a label's cleaning is
`read.prose_labels`' and zeros stated in words are `read.zeros`'.
"""

from __future__ import annotations

import re

from ingest.map.units import is_count_unit, is_denominator, is_duration_unit
from ingest.read.layout import Line
from ingest.read.markup import keeps_its_digit
from ingest.read.metadata import ReportMetadata
from ingest.read.neighbours import MAX_GAP_LINES, Neighbours
from ingest.read.paragraphs import label_line_of, number_at, opens_item, own_sentence_start
from ingest.read.prior_figures import PRIOR_CLAUSE, bare_prior_unit, current_clause, in_own_bracket, prior_in_bracket
from ingest.read.prose_labels import (
    LabelReader,
    counted_after,
    in_bracket_of_no_level,
    is_decoration,
    only_filler,
    states_no_level,
)
from ingest.read.prose_lists import Listed, listed_values
from ingest.read.prose_tokens import (
    BULLETS,
    CLAUSE_END,
    CLOSED_BRACKET,
    COMPARED_YEAR,
    SENTENCE_END,
    Value,
    change_levels,
    compared_level,
    current_period,
    denominator_before,
    ends_a_record,
    followed_by_number,
    has_value,
    inside_open_bracket,
    is_heading,
    last_clause,
    last_clause_start,
    level_year,
    line_values,
    list_clause,
    may_carry_unit,
    not_a_value_after,
    not_a_value_before,
    noun_after,
    own_cell,
    part_of_year,
    rest_of_clause,
    same_denominator,
    unit_in_label,
)
from ingest.read.row_years import bracketed_years, year_bracket_after
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import Companies, sentence_scope
from ingest.read.sections import Sections, Step
from ingest.read.text import FISCAL_YEAR_WORD, HAN, fold
from ingest.read.zeros import zero_rows

_IN_WORDS = re.compile(r"(?:第|月)\s*$")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_MENTION = re.compile(rf"(20\d{{2}})(?:({FISCAL_YEAR_WORD})|年)")  # group 2: a fiscal year, named as such
_MAX_BARE_LABEL_CHARS = 16
_BRACKET_OPENING_CHARS = 40  # `（截至2024年3月31日止年度：人民幣` and some spaces
_INDEX_CODE = re.compile(r"^\s*(?:[A-Da-d]\d{1,2}(?:\.\d{1,2})?|GRI\s*\d)")


def parse_statements(lines: list[Line], metadata: ReportMetadata, companies: Companies | None = None) -> list[KpiRow]:
    """Values of key figures and prose on lines no table read (`lines`, in order). A sentence's year
    defaults to the report's own, so a report without a fiscal year has none; `companies`: the group
    companies' short names, whose sentences are their own figures."""
    if metadata.fiscal_year is None:
        raise ValueError("parse_statements needs the report's fiscal year: without one no sentence has a year")
    return _Reader(lines, metadata, companies).read()


class _Reader:
    def __init__(self, lines: list[Line], metadata: ReportMetadata, companies: Companies | None) -> None:
        self.lines, self.companies = lines, companies
        self.near = Neighbours(lines)
        self.fiscal_year: int = metadata.fiscal_year  # type: ignore[assignment]
        start = metadata.period_start
        self.first_year = start.year if start else self.fiscal_year
        self.calendar_year = start is None or (start.month, start.day) == (1, 1)
        self.label_reader = LabelReader(metadata.company_name or "")
        self.sections = Sections(self.fiscal_year)
        self.rows: list[KpiRow] = []
        self.subject, self.subject_unit = "", None  # the last labelled figure's label and unit: a prior year's
        self.labels_below = False
        self.labels_taken_below: set[int] = set()

    def read(self) -> list[KpiRow]:
        for index, line in enumerate(self.lines):
            gap = line.number - self.lines[index - 1].last_number if index else 0
            self.labels_below = self.labels_below and gap <= MAX_GAP_LINES
            step = self.sections.step(line.text.strip(), gap, self.near.context_above, index)
            if step is Step.TOPIC:
                self.subject, self.labels_below = "", False
            if step is not Step.TEXT:
                continue
            self._read_line(index, line)
            self.rows.extend(zero_rows(line, self.sections.heading, self._year))
        return self.rows

    def _read_line(self, index: int, line: Line) -> None:
        text = line.text
        segment_start = change_start = 0
        values = line_values(text)
        levels = change_levels(text, values) if values else {}
        listed = listed_values(text, values, only_filler, self.fiscal_year) if values else {}
        for number, value in enumerate(values):
            level, stated = levels.get(number), None
            if level:  # `由2023年的3,020人增至2024年的3,215人`: each level with the label before `由`
                change_start = change_start if level.later else segment_start
                # `2023年的` as any year a sentence names; `上年度的` the fiscal year before, whatever the calendar
                stated = level_year(level, self.fiscal_year, self._dated)
                if stated is None and (level.year or not level.later):
                    segment_start = value.end
                    continue  # `由1名增加至2名`: an earlier level of no year; `至2030年的`: a target
                segment_start = change_start
            prefix = text[: level.label_end if level else value.start]
            if not_a_value_before().search(prefix) or not_a_value_after().match(text[value.start + len(value.raw) :]):
                # an ordinal or a day (`第12屆董事會由`, `12月31日`) is part of the clause; a bound ends one
                in_words = _IN_WORDS.search(prefix) or keeps_its_digit(prefix)  # `類別1+類別2`: a label's digit
                segment_start = segment_start if in_words else value.end
                continue
            if _YEAR.fullmatch(value.raw) and text[value.end : value.end + 1] == "年":
                continue  # `… 2025年 0.132`: a year, whatever unit the label before it names
            if followed_by_number(text, value):
                segment_start = value.end
                continue  # `綜合能源消耗量4 噸標煤 43.81`: a footnote marker before a table value
            if number in listed:  # `A及B分別為X及Y`: each value its item's label (none: they do not pair up)
                item = listed[number]
                stated = self._dated(item.year) if item and item.year and not item.restated else None
                if item and item.year and item.restated:  # the year a bracket names is the fiscal year it labels
                    stated = item.year if item.year < self.fiscal_year else None
                if item is not None and (stated or not item.year):  # a list of years: a later one is a target
                    self._emit(index, line, value, value.unit or item.unit, prefix, segment_start, False, stated, item)
                segment_start = value.end
                continue
            legend = self.sections.bracket_year is not None  # `（括號內為2023/24財政年度數據）` above
            unit = value.unit or bare_prior_unit(text, value, self.subject and self.subject_unit, legend)
            alone = not prefix.strip(BULLETS) and not text[value.end :].strip(" \t,，。;；")
            if unit is None and alone:
                unit = self.near.unit_below(index) or self.sections.caption_unit
            if unit is None and not alone and not may_carry_unit(prefix, self.lines[max(index - 2, 0) : index]):
                continue  # no label cut from here or the two lines above carries a unit: `_read_labels` drops it
            # a year or a bare number stays part of the next value's clause; a figure read (its unit the
            # label's: `氮氧化物排放量（噸）：2024年為3.86，2023年為4.12`) ends its own
            if self._emit(index, line, value, unit, prefix, segment_start, alone, stated) or unit:
                segment_start = value.end
        if SENTENCE_END.search(text):
            self.subject = ""

    def _emit(
        self,
        index: int,
        line: Line,
        value: Value,
        unit: str | None,
        prefix: str,
        segment_start: int,
        alone: bool,
        stated_year: int | None = None,
        listed: Listed | None = None,
    ) -> bool:
        """A row for `value` if it has a label, a unit (or stands alone as a count) and a year (the one
        its text states for it, else its sentence's), and whether it made one; `listed`: the label its
        list pairs it with."""
        if listed is not None:
            labels = self.label_reader.labels(list(listed.candidates), self.subject)[0]
            label_line, sentence = label_line_of(line, prefix), prefix
            read = ([(label, listed.printed) for label, _ in labels], unit, False, None) if labels and unit else None
        else:
            closes_clause = not rest_of_clause(line.text, value).strip()
            clause, cut = self._clause(prefix, segment_start, closes_clause)
            candidates, label_line, sentence = self._candidates(index, value, prefix, clause, cut, segment_start, alone)
            read = self._read_labels(line, value, unit, candidates, clause, alone)
        if read is None:
            return False
        if line.breaks:  # a joined paragraph: its sentences before this one are no context of the value
            sentence = sentence[own_sentence_start(line, sentence, value.start) :]
        sentence = own_cell(sentence)
        labels, unit, relative, prior_year = read
        year = stated_year or prior_year or self._year(sentence + year_bracket_after(line.text, value.end))
        if year is None:
            return False
        row = build_row(
            layout=Layout.KEY_FIGURE if alone or not prefix.strip(BULLETS) else Layout.PROSE,
            source_line=number_at(line, value.start),
            label_line=label_line,
            labels=labels,
            section=self.sections.heading,
            context=lambda: " / ".join(
                (self.sections.heading, self.sections.period_lead, self.near.context_above(index), sentence)
            ),
            raw_value=value.raw,
            unit=unit,
            fiscal_year=year,
            # what the sentence says the figure holds, as a table's other rows would
            # (`連同自發自用的光伏電力，本集團總用電量為…`: not purchased electricity alone)
            table_labels=fold(sentence[max((m.end() for m in SENTENCE_END.finditer(sentence)), default=0) :]),
        )
        if row.unit_factor is None and unit is None:
            return False  # a bare number that is no count: a page number, a list item, a year
        part = sentence_scope(sentence, line.text[value.end :], self.companies)
        row.bound_by(part)  # `公司全資子公司某某有限公司2024年度…為`: a subsidiary's figure
        self.rows.append(row)
        if not relative:
            # the label that mapped is the subject (`合共提供3,150小時培訓（2023年：2,880小時）`: 培訓)
            self.subject = next((read for read, printed in labels if printed == row.raw_label), labels[0][0])
            self.subject_unit = unit
        return True

    def _clause(self, prefix: str, segment_start: int, closes_clause: bool) -> tuple[str, int]:
        """(the clause just before this value, where it starts in the text since the previous value).

        The clause before a colon (`慈善捐款：人民幣1.25百萬元`) or, where the value closes its clause,
        before a comma (`範圍三排放（…），本年度約為2,630噸`) is the label when the value's own clause is
        filler only; it must be a whole clause, not the tail of the value before (`5,236名僱員，其中約64%`).
        """
        clause_text = prefix[segment_start:]
        cut = last_clause_start(clause_text)
        clause = clause_text[cut:].strip(BULLETS)
        ends = clause_text[:cut].rstrip()
        colon = cut and ends.endswith((":", "："))
        comma = cut and closes_clause and ends.endswith(("，", ",")) and clause and only_filler(clause)
        per = colon and clause.startswith("每") and is_denominator(clause[1:])  # `排放密度：每名僱員2.11噸`
        if (colon and (not clause or per or not self.label_reader.normalise(clause, self.subject)[0])) or comma:
            before = clause_text[: cut - 1]
            start = last_clause_start(before)
            label = before[start:].strip(BULLETS)
            if colon or (label and (start or segment_start == 0)):
                clause = label + clause if per else label
        return clause, cut

    def _candidates(
        self, index: int, value: Value, prefix: str, clause: str, cut: int, segment_start: int, alone: bool
    ) -> tuple[list[str], int, str]:
        """(label candidates, the line of the label, the sentence that dates the value)."""
        if not prefix.strip(BULLETS):  # the value opens its line: a key figure, or prose wrapped before it
            return self._key_figure_candidates(index, value, prefix, alone)
        previous = self.near.previous(index)
        if (
            clause
            and cut == 0
            and segment_start == 0
            and previous
            and not SENTENCE_END.search(previous.text[-2:])
            and HAN.search(previous.text)  # an English line is no line a Chinese sentence wraps from
            and not is_heading(previous.text.strip())  # a heading is no line the sentence wraps from
            and not ends_a_record(previous.text)  # nor a table's data row or a key figure (`…224,105.3）`)
            and not clause.startswith("其中")  # `其中獨立董事3名` opens a part: no tail of the line above
            and not opens_item(self.lines[index])  # `- 用水總量為…`, `<div class="kf-tile">…`: an item of its own
        ):
            tail = last_clause(previous.text)
            prose_wrap = bool(CLAUSE_END.search(previous.text) or has_value(previous.text))
            candidates = [tail + clause] if prose_wrap else [tail + clause, clause]
            return candidates, label_line_of(self.lines[index], prefix), previous.text + prefix
        # `董事會由9席董事組成（含獨立董事3席）`: the bracket's own label; `A2.2\t總耗水量\t`: the last cell's
        inner = inside_open_bracket(clause) or (clause.rsplit("\t", 1)[1].strip() if "\t" in clause else "")
        if in_bracket_of_no_level(prefix):  # `年許可排放量（氮氧化物45.00噸/年、二氧化硫12.00噸/年）`
            return [], label_line_of(self.lines[index], prefix), prefix
        candidates = [inner, clause] if inner else [clause] if clause else []
        listed = list_clause(prefix[segment_start:], cut) if not only_filler(clause) else ""  # the item's list
        return [listed, *candidates] if listed else candidates, label_line_of(self.lines[index], prefix), prefix

    def _key_figure_candidates(self, index: int, value: Value, prefix: str, alone: bool) -> tuple[list[str], int, str]:
        """Label candidates of a value that opens its line: the line(s) above, or the line below for
        tiles that print the value first."""
        previous = self.near.previous(index)
        candidates, label_line = self.near.labels_above(index)
        # the line above dates the figure unless it is a record of its own (`收益 … 2023年：人民幣1,654.2百萬元`)
        sentence = (previous.text if previous and not has_value(previous.text) else "") + prefix
        label_above = (
            bool(candidates)
            and previous is not None
            and previous.number not in self.labels_taken_below  # the figure above's label
            and not has_value(previous.text)
            and not is_heading(previous.text.strip())
            and not is_decoration(previous.text)  # `【關鍵數字速覽】`, `▌安全生產`, `🌱` over a figure
        )
        below = self.near.label_below(index) if alone and (self.labels_below or not label_above) else None
        if below and not value.unit and (len(below[0]) > _MAX_BARE_LABEL_CHARS or _INDEX_CODE.match(below[0])):
            below = None  # a bare number over a long line or an index entry (`11` / `B7.1 …`): a page number
        if below and (self.labels_below or not label_above):
            # Tiles that print the value first: once a block does, its next figures do too
            # (the label above still counts where the one below does not fit the unit).
            candidates, label_line = [below[0], *(candidates if label_above else [])], below[1]
            sentence = prefix
            self.labels_below = True
            self.labels_taken_below.add(below[1])
        return candidates, label_line, sentence

    def _read_labels(
        self,
        line: Line,
        value: Value,
        unit: str | None,
        candidates: list[str],
        clause: str,
        alone: bool,
    ) -> tuple[list[tuple[str, str]], str | None, bool, int | None] | None:
        """(labels, unit, whether a share of the subject, a prior year a clause names), or None if the
        value has no label or no unit."""
        if unit is None:  # `僱員總數（人）5532`: the unit the label carries
            unit = next((found for candidate in candidates if (found := unit_in_label(candidate))), None)
        if unit is None and not (alone and candidates):
            return None
        per = denominator_before(candidates[0], unit) if candidates and unit else None
        if per:  # `排放密度為每人民幣百萬元收益4.58噸`: the denominator is the unit's
            candidates, unit = [per[0], *candidates[1:]], per[1]
        before = line.text[: value.start]  # the sentence that may name the year of a sum (`累計`)
        labels, label_unit, relative = self.label_reader.labels(candidates, self.subject, before)
        counted = unit is not None and (is_count_unit(unit) or is_duration_unit(unit))  # or an activity's hours
        if unit and (not labels or counted) and not any(states_no_level(c, before) for c in candidates):
            # `共计拥有7,440名员工`, `其中 2 名為女性董事`: the noun after the unit; after a label of its
            # own, the reading of a count tried last (`包括3名執行董事…及4名獨立非執行董事`)
            noun = noun_after(line.text, value)
            nouns = self.label_reader.labels([noun] if noun.strip() else [], self.subject)
            if not labels:
                labels, label_unit, relative = nouns
            elif counted_after(candidates[0]):  # `董事會有3位女性董事`: what is counted follows the count
                labels = [*nouns[0], *labels]
            else:
                labels = [*labels, *nouns[0]]
        unit = unit or label_unit
        again, prior_year = self._subject_again(line, value, clause, unit) if self.subject else (False, None)
        if again:
            labels, unit = [(self.subject, self.subject)], same_denominator(unit, self.subject_unit)
        elif compared := compared_level(clause):  # `總耗水量較2023年的1,341,205噸下降`: that year's level
            labels, prior_year = self.label_reader.labels([compared[0]], self.subject)[0], compared[1]
        return (labels, unit, relative, prior_year) if labels else None

    def _subject_again(self, line: Line, value: Value, clause: str, unit: str | None) -> tuple[bool, int | None]:
        """Whether a value is the subject's figure again, and of which earlier year (None: the report's own)."""
        # the whole text before the value, not the clause: the numbers of a date in the bracket (`（2023年12月31日：`,
        # `（截至2024年3月31日止年度：人民幣`) cut clauses, and the pattern is anchored at the value anyway
        opening = line.text[max(0, value.start - _BRACKET_OPENING_CHARS) : value.start]
        if bracket := prior_in_bracket().search(opening):
            # `用水量為12,300立方米（2023年：13,100立方米）`: a year named there is the fiscal year it labels
            # (`（2024年：…）` after a figure of the year ended 31 March 2025 is the year before), never the report's
            named = int(bracket.group(1)) if bracket.group(1) else self.fiscal_year - 1
            return True, named if named < self.fiscal_year else None
        if self.sections.bracket_year and in_own_bracket(line.text, value):
            return True, self.sections.bracket_year  # `8,060.9噸（8,505.4噸）` under `（括號內為2023/24財政年度數據）`
        folded = fold(clause).strip(BULLETS)
        prior = PRIOR_CLAUSE.fullmatch(folded)
        if prior and (not prior.group().startswith(("较", "比")) or fold(unit or "") == fold(self.subject_unit or "")):
            # `去年為13,025.9兆瓦時`, `2023年則為402.6千克`; `較2023年度的1,204人` only in the subject's unit
            return True, int(prior.group(1)) if prior.group(1) else self.fiscal_year - 1
        return current_clause().fullmatch(folded) is not None, None  # `本年度為`: the report's own year

    def _year(self, sentence: str) -> int | None:
        """The fiscal year a statement is about: the report's, unless its sentence names an earlier one."""
        start = max((match.end() for match in SENTENCE_END.finditer(sentence)), default=0)
        # A year inside a closed bracket (`（2023年：5.23噸）`) dates that bracket's figure, not the next one, unless
        # the bracket names only a year (`綜合能源消耗量（2023年）：`); the year compared with dates no later
        # figure (`較2023年度的1,204人增加6.8%，其中男性員工812人`)
        clause = CLOSED_BRACKET.sub("", bracketed_years(sentence[start:]))
        clause = COMPARED_YEAR.sub("", clause) if "年" in clause else clause
        if part_of_year().search(clause):
            return None  # `本年度上半年，僱員義工服務1,240小時`: a half's figure
        folded = fold(clause) if "年" in clause else ""
        found = list(_YEAR_MENTION.finditer(folded))
        if found and current_period().search(folded, found[-1].end()):
            return self.fiscal_year  # `公司於2021年成立…，報告期內員工總數`: the year named is an event's
        mentions = [(int(match[1]), bool(match[2])) for match in found]
        mentions = mentions or ([(self.sections.heading_year, False)] if self.sections.heading_year is not None else [])
        if not mentions:
            return self.fiscal_year
        if max(year for year, _ in mentions) > self.fiscal_year:
            return None  # a target or a plan (`力爭到2030年…較2020年下降`)
        year, fiscal = mentions[-1]
        return year if fiscal else self._dated(year)  # `2024財政年度` is that fiscal year, whatever the calendar

    def _dated(self, year: int) -> int | None:
        """The fiscal year a year a sentence names stands for (None: a later one, a target or plan)."""
        if year > self.fiscal_year:
            return None
        if year >= self.first_year:
            return self.fiscal_year
        return year if self.calendar_year else None
