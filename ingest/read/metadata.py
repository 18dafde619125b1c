"""Report metadata: company, stock code, fiscal period, script and cited standards.

Date, period and ROC-year grammar and the grammar of a report naming itself are here; company
suffixes, stock-code words, report-title words, the standards' names and file-name noise are the
`label_vocabulary` seed's.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cache

from ingest.map.vocabulary import alternation, required_words, role_pattern
from ingest.read.periods import MONTH_COUNT, month_count
from ingest.read.text import FISCAL_YEAR_WORD, HAN, arabic_dates, fold, gregorian_years, is_traditional, source_lines

_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_PERIOD = re.compile(_DATE + r"\s*(?:至|到|-|—|–|~)\s*" + _DATE)
# `止十八個月`, `共18個月`, `（十八個月）`: the months a period's dates span, said just after them
_FISCAL_MONTHS = range(12, 25)  # a year, or a longer period after a change of year end (18 months)
_MONTHS = re.compile(r"\s*(?:止|共|[（(])?\s*" + MONTH_COUNT)
_YEAR_ENDED = re.compile(
    r"截至\s*" + _DATE + r"\s*止\s*(?:的)?\s*(?:年度|" + FISCAL_YEAR_WORD + "|(" + MONTH_COUNT + r"))"
)
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# The standards a report may cite, each a role of the `label_vocabulary` seed.
_STANDARDS = {
    "HKEX ESG Reporting Guide": "standard_hkex_esg_guide",
    "GRI": "standard_gri",
    "SASB": "standard_sasb",
    "TCFD": "standard_tcfd",
    "UN SDGs": "standard_un_sdgs",
    "SSE/SZSE guidelines": "standard_exchange_guidelines",
}
_HEAD_CHARS = 6000


@dataclass
class ReportMetadata:
    company_name: str | None
    company_key: str | None
    stock_code: str | None
    exchange: str | None
    report_year: int | None
    period_start: date | None
    period_end: date | None
    fiscal_year: int | None
    script: str
    standards: list[str] = field(default_factory=list)

    def as_record(self) -> dict[str, object]:
        record = asdict(self)
        record["standards"] = ",".join(self.standards)
        return record


def _exchange(code: str, suffix: str | None) -> str:
    if suffix:
        return {"HK": "HKEX", "SH": "SSE", "SS": "SSE", "SZ": "SZSE"}[suffix.upper()]
    if len(code) <= 5:
        return "HKEX"
    return "SSE" if code.startswith(("6", "9")) else "SZSE"


_MIN_NAME_CHARS = 6
# The words of a sentence before a name: `本報告全面闡述X`, `…是X`, `…及X`.
_AFTER_REPORT_WORD = re.compile(r"^.*(?:報告書|报告书|報告|报告)(?=[\u4e00-\u9fff]{2,})")
_AFTER_LINKING_WORD = re.compile(r"^.*?(?:是|為|为|由|於|于|及|和|與|与)(?=[\u4e00-\u9fff]{2,})")


@cache
def _suffixes() -> str:
    """The legal suffixes that end a company name (`股份有限公司`, `有限公司`)."""
    return f"(?:{alternation('company_suffix')})"


@cache
def _company_pattern() -> re.Pattern[str]:
    return re.compile(rf"([\u4e00-\u9fff（）()·]{{2,40}}?{_suffixes()})")


@cache
def _suffix_of() -> re.Pattern[str]:
    return re.compile(_suffixes() + "$")


@cache
def _company_line() -> re.Pattern[str]:
    """On a line of its own a name may hold Latin letters and digits (`XYZ醫療科技有限公司`)."""
    return re.compile(rf"([\u4e00-\u9fffA-Za-z0-9（）()·&\- ]{{1,60}}?{_suffixes()})")


@cache
def _stock_code() -> re.Pattern[str]:
    words = alternation("stock_code_word")
    return re.compile(rf"(?:{words})\s*[:：]?\s*(\d{{4,6}})(?:\.(HK|SH|SZ|SS))?", re.IGNORECASE)


@cache
def _title_year() -> re.Pattern[str]:
    topic, report = alternation("report_title_topic"), alternation("report_title_word")
    return re.compile(rf"(20\d{{2}})\s*(?:年度?)?\s*(?:[^\n。]{{0,20}})?(?:{topic})[^\n。]{{0,30}}(?:{report})")


def _title_company(head: str) -> str | None:
    """A line that is nothing but a company name: the cover page or title states it that way."""
    for line in source_lines(head):
        candidate = line.strip().strip("#*").strip()
        match = _company_line().fullmatch(candidate)
        if match and HAN.search(match.group(1)) and not _suffix_of().fullmatch(match.group(1)):
            name = match.group(1)  # (a line that is only `股份有限公司` is the end of a wrapped name)
            chinese = name.rsplit(" ", 1)[-1]  # `Harbourline Logistics Holdings Limited 港線物流控股有限公司`
            return chinese if " " in name and len(HAN.findall(chinese)) >= _MIN_NAME_CHARS else name
    return None


@cache
def _leading_words() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation('name_leading_word')})+")


@cache
def _self_named_pattern() -> re.Pattern[str]:
    """`本報告是X…`, `X（以下簡稱「本公司」）`: the grammar of a report naming its company."""
    name = r"([\u4e00-\u9fff（）()·]{2,40}?" + _suffixes() + ")"
    return re.compile(
        r"(?:本報告|本报告)(?:是|為|为|由)\s*"
        + name
        + "|"
        + name
        + r"\s*[（(]\s*(?:以下)?(?:简称|簡稱|称|稱)?\s*[「“\"']?\s*(?:本|该|該)?(?:公司|集团|集團|本行|我们|我們)"
    )


def _self_named(head: str) -> str | None:
    """The name the report gives itself: `本報告是X…`, `X（以下簡稱「本公司」）`."""
    match = _self_named_pattern().search(head)
    if not match:
        return None
    name = _clean_name(match.group(1) or match.group(2))
    return None if _suffix_of().fullmatch(name) else name


def _clean_name(name: str) -> str:
    """A matched name without the words of the sentence before it (`本報告全面闡述X` -> `X`)."""
    name = name.lstrip("（(").strip()
    name = _AFTER_REPORT_WORD.sub("", name)
    name = _AFTER_LINKING_WORD.sub("", name)
    shorter = _leading_words().sub("", name)
    if len(shorter) > len(_suffix_of().search(shorter).group()) + 1 if _suffix_of().search(shorter) else False:
        name = shorter
    return name


def _company(head: str) -> str | None:
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for match in _company_pattern().finditer(head):
        # Drop a leading clause that is not part of the name ("本報告是醫脈通科技有限公司").
        name = _clean_name(match.group(1))
        if _suffix_of().fullmatch(name):
            continue  # `股份有限公司` alone: the end of a name wrapped onto its own line
        counts[name] = counts.get(name, 0) + 1
        first_seen.setdefault(name, match.start())
    if not counts:
        return None
    # A name that ends another one found (`思格新能源（上海）股份有限公司` in `全面闡述思格新能源…`) is the
    # name; the longer one carries a word of the sentence.
    for name in list(counts):
        for other in counts:
            if other != name and other.endswith(name) and len(name) >= _MIN_NAME_CHARS:
                counts[name] += counts[other]
    names = [
        name for name in counts if not any(o != name and name.endswith(o) and len(o) >= _MIN_NAME_CHARS for o in counts)
    ]
    return max(names or counts, key=lambda name: (counts[name], -first_seen[name]))


def _months_stated(text: str, at: int) -> int | None:
    """The length a period states just after its dates (`止十八個月`, `共18個月`), in months."""
    match = _MONTHS.match(text, at)
    return month_count(match.group(1)) if match else None


def _months_between(start: date, end: date) -> int:
    after = end + timedelta(days=1)
    return (after.year - start.year) * 12 + after.month - start.month


def _period(text: str) -> tuple[date, date] | None:
    """The report's period: dates twelve months apart (`2024年1月1日至2024年12月31日`), or apart as many
    months as the text says just after them (`2023年4月1日至2024年9月30日止十八個月`: a period after a
    change of year end); else the year, or the months, a `截至…止年度` names."""
    for match in _PERIOD.finditer(text[:40000]):
        y1, m1, d1, y2, m2, d2 = (int(g) for g in match.groups())
        try:
            start, end = date(y1, m1, d1), date(y2, m2, d2)
        except ValueError:
            continue
        stated = _months_stated(text, match.end())
        if 300 <= (end - start).days <= 400 or (stated in _FISCAL_MONTHS and stated == _months_between(start, end)):
            return start, end
    for match in _YEAR_ENDED.finditer(text[:40000]):  # `截至2023年3月31日止年度`: a year that ends there
        try:
            end = date(*(int(g) for g in match.groups()[:3]))
            months = month_count(match.group(5)) if match.group(4) else 12
            if months not in _FISCAL_MONTHS:
                continue  # `截至2024年6月30日止六個月`: an interim period, no report's
            start = _months_before(end, months)
        except ValueError:
            continue
        return start, end
    return None


def _months_before(end: date, months: int) -> date:
    """The first day of the `months` months that end on `end`."""
    after = end + timedelta(days=1)
    index = after.year * 12 + after.month - 1 - months
    return date(index // 12, index % 12 + 1, after.day)


def _report_year(head: str) -> int | None:
    match = _title_year().search(head)
    if match and match.group(1):
        return int(match.group(1))
    years = [int(y) for y in _YEAR.findall(head[:2000]) if 2000 <= int(y) <= 2100]
    return max(set(years), key=years.count) if years else None


_NAME_CODE = re.compile(r"(?<![0-9A-Za-z])(\d{4,6})(?![0-9A-Za-z])")
_NAME_YEAR = re.compile(r"(?<![0-9A-Za-z])(20\d{2})(?![0-9])")


@cache
def _name_noise() -> re.Pattern[str]:
    return re.compile(rf"(?i)[_\-\s.]+|{alternation('file_name_noise')}")


def _from_file_name(name: str) -> tuple[str | None, str | None, int | None]:
    """(company, stock code, year) the file name gives: the fallback when the text does not say."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    year = _NAME_YEAR.search(stem)
    code = _NAME_CODE.search(_NAME_YEAR.sub(" ", stem))
    company = _company_line().search(stem)
    words = _name_noise().sub(" ", _NAME_CODE.sub(" ", _NAME_YEAR.sub(" ", stem))).strip()
    name_part = company.group(1) if company else (words or stem)
    return name_part, code.group(1) if code else None, int(year.group(1)) if year else None


def extract_metadata(text: str, source_name: str | None = None) -> ReportMetadata:
    """Company, code, period and script from the report's opening lines; the file name fills gaps."""
    text = arabic_dates(text)
    opening = gregorian_years(text[:40000])  # where company, code and period are stated
    head = opening[:_HEAD_CHARS]
    name_company, name_code, name_year = _from_file_name(source_name) if source_name else (None, None, None)
    company = _title_company(head) or _self_named(head) or _company(head) or _company(opening) or name_company
    stock = _stock_code().search(opening)
    period = _period(opening)
    report_year = _report_year(head) or name_year
    if period:
        start, end = period
    elif report_year:
        start, end = date(report_year, 1, 1), date(report_year, 12, 31)
    else:
        start = end = None
    return ReportMetadata(
        company_name=company,
        company_key=fold(company) if company else None,
        stock_code=stock.group(1) if stock else name_code,
        exchange=_exchange(stock.group(1), stock.group(2))
        if stock
        else (_exchange(name_code, None) if name_code else None),
        report_year=report_year,
        period_start=start,
        period_end=end,
        fiscal_year=end.year if end else None,
        script="traditional" if is_traditional(text) else "simplified",
        standards=[name for name, role in _STANDARDS.items() if _cites(role, text)],
    )


def _cites(role: str, text: str) -> bool:
    """Whether the text names a standard; a word it needs that is absent settles it without the regex."""
    needed = required_words(role)
    if needed is not None and not any(word in text for word in needed):
        return False
    return role_pattern(role).search(text) is not None
