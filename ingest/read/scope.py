"""Stated scope: a note that a figure covers only part of the company (the head office, some sites).

Reports say it in a sentence (`環境關鍵績效指標範圍僅包括本公司京內持有型物業`, `指标统计范围均为工业类型企业`)
or in the label itself (`總行大廈耗電總量`). A statement covers the pillar its clause is about
(environment or social); a label covers its own row. Such a fact is kept, flagged partial with the
note quoted, so a query can tell a head-office figure from a group figure; where a report gives
both, the whole-company figure is the company-year fact. A boundary stated without `only`
(`統計範圍為公司總部`) is quoted too, but not flagged. Patterns: the `scope_rules` seed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ingest.map.lexicon import matching_entries
from ingest.map.normalize import normalize_label
from ingest.map.reference import metrics, read_seed
from ingest.map.vocabulary import alternation, role_pattern
from ingest.read.markup import clean_text
from ingest.read.prose_tokens import BULLETS
from ingest.read.rows import KpiRow, Layout
from ingest.read.text import fold, split_outside_brackets

_CLAUSE_CHARS = "。；;\n"
_CLAUSE = re.compile(f"[{_CLAUSE_CHARS}]")
_SUBCLAUSE = re.compile(r"[，,]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_MAX_NOTE_CHARS = 160
# a note's mark (`註1：`, `(c)`, `*`) and the year of the data it bounds (`2022年耗水量數據僅涵蓋…`), before its KPI
_NOTE_MARK = re.compile(
    r"^[\s*#^]*(?:[(（\[][a-z\d]{1,2}[)）\]])?\s*(?:注|註|note)?\s*(?:\d{1,2}(?!\d))?\s*[:：.、)）]?\s*(?:20\d{2}\s*年度?的?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Scope:
    note: str
    partial: bool
    years: tuple[int, ...] = ()  # the years whose data it bounds (`2022年環境數據僅包括總行`); () every year


@cache
def _rules() -> dict[str, re.Pattern[str]]:
    patterns: dict[str, list[str]] = {}
    for row in read_seed("scope_rules.csv"):
        patterns.setdefault(row["kind"], []).append(f"(?:{row['pattern']})")
    return {kind: re.compile("|".join(parts)) for kind, parts in patterns.items()}


def _pillars(clause: str) -> set[str]:
    return {kind.split("_", 1)[1] for kind in ("pillar_E", "pillar_S") if _rules()[kind].search(clause)}


def _triggered_clauses(text: str) -> Iterator[str]:
    """The clauses (split at `_CLAUSE`) holding a `scope_trigger` word, in order: one scan of the text
    for the words instead of a search in every clause, as most clauses state no boundary."""
    clause_end = 0
    for match in role_pattern("scope_trigger").finditer(text):
        if match.start() < clause_end:
            continue  # a second trigger in a clause already read
        start = max(text.rfind(char, clause_end, match.start()) for char in _CLAUSE_CHARS) + 1
        end = _CLAUSE.search(text, match.end())
        clause_end = end.start() if end else len(text)
        yield text[start:clause_end]


def report_scopes(text: str) -> dict[str, Scope]:
    """Pillar (`E`, `S`) or metric code -> the scope the report states for it; the first partial
    statement wins. A statement whose subject is one KPI (`範圍二排放僅涵蓋香港辦公室`) bounds that KPI
    and the KPIs built on it, not its pillar."""
    scopes: dict[str, Scope] = {}
    for sentence in _triggered_clauses(text):
        folded = fold(sentence)
        subject = _rules()["partial_subject"].search(folded) if "仅" in folded or "只" in folded else None
        # `注：员工总数为与本行签订劳动合同的在职员工，不含…`: a note defining one KPI bounds that KPI
        subject = subject or (_DEFINED_KPI.match(folded) if _rules()["partial"].search(folded) else None)
        metric = _subject_metric(subject.group("subject")) if subject else None
        intensity = subject and _INTENSITY_SUBJECT.match(_NOTE_MARK.sub("", subject.group("subject")))
        if intensity and (metric is None or "/" not in metrics()[metric].canonical_unit):
            continue  # `單機架綜合能耗僅統計數據中心業務`: an intensity's boundary bounds no total
        years = tuple(sorted({int(year) for year in _DATA_YEAR.findall(folded)}))
        if metric is not None:
            note = clean_text(sentence).strip()[:_MAX_NOTE_CHARS]
            for code in (metric, *built_on(metric)):
                scopes.setdefault(code, Scope(note, True, years))
            continue
        if not (_rules()["partial"].search(folded) or _rules()["boundary"].search(folded)):
            continue
        for clause, folded_clause in zip(_SUBCLAUSE.split(sentence), _SUBCLAUSE.split(folded), strict=False):
            partial = bool(_rules()["partial"].search(folded_clause))
            if not partial and not _rules()["boundary"].search(folded_clause):
                continue
            note = clean_text(clause)[:_MAX_NOTE_CHARS]
            for pillar in _pillars(folded_clause) or _pillars(folded):
                current = scopes.get(pillar)
                # a bound of every year wins over one of some years, whichever comes first
                if current is None or (partial and (not current.partial or (current.years and not years))):
                    scopes[pillar] = Scope(note, partial, years)
    return scopes


# a year that qualifies the data a statement bounds (`2022年环境数据统计范围仅包括…`), not a date (`2024年1月1日`)
_DATA_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年度?的?[^,，。；;\d]{0,8}(?:数据|统计)")


_INTENSITY_SUBJECT = re.compile(r"(?:单位|单|每|人均)[\u4e00-\u9fff]")  # (folded)
_DATA_WORD = re.compile(r"(?:的)?(?:统计数据|数据|数字)$")
_DEFINED_KPI = re.compile(
    r"\s*(?:注\d*[:：]?)?(?P<subject>[^,，。；;:：]{2,16}?)(?:为|是|指|系指|(?:的)?(?:统计|数据)?(?=不含|不包括|未含|未包括))"
)  # `注：员工总数为…`, `員工人數統計不含派遣人員…`


def _subject_metric(subject: str) -> str | None:
    """The KPI a clause's subject names (`註1：範圍二排放` -> ghg_scope2), if the lexicon knows it."""
    label = _DATA_WORD.sub("", _NOTE_MARK.sub("", subject).strip())  # `無害廢棄物數據僅涵蓋…`: the KPI's data
    entries = matching_entries(normalize_label(label)) if label else ()
    return entries[0].metric_code if entries else None


@cache
def _parts_of() -> dict[str, set[str]]:
    """Metric -> the metrics built from it (`metric_dictionary.built_from`): scope 2 -> scope 1+2."""
    wholes: dict[str, set[str]] = {}
    for row in read_seed("metric_dictionary.csv"):
        for part in row["built_from"].split():
            wholes.setdefault(part, set()).add(row["code"])
    return wholes


def built_on(metric: str) -> set[str]:
    """Every metric computed from `metric`, transitively (scope 2 -> scope 1+2 -> the GHG intensities)."""
    found: set[str] = set()
    todo = [metric]
    while todo:
        for whole in _parts_of().get(todo.pop(), ()):
            if whole not in found:
                found.add(whole)
                todo.append(whole)
    return found


def label_scope(label: str) -> Scope | None:
    """A label that names one site or part of the company (`總行大廈耗電總量`)."""
    if _rules()["part_label"].search(fold(label)):
        return Scope(label, True)
    return None


def sentence_scope(sentence: str, after: str = "", companies: Companies | None = None) -> Scope | None:
    """A prose statement whose subject is one subsidiary or site (`公司全資子公司某某有限公司…`), in the
    sentence's opening or in the clause the figure closes (`…，嘉興新廠區投產後貢獻範圍二排放量4,118噸`;
    a group company's short name the report defines: `2024年，南通某某範圍一排放量為…`), or whose figure
    a bracket right after it bounds (`after`: the text after the value; `1,920小時（共青團組織活動，未覆蓋全體員工）`)."""
    start = max((match.end() for match in _SENTENCE_END.finditer(sentence)), default=0)
    clause = sentence[start:]
    folded = _TOPIC_OPENER.sub("", fold(clause), count=1)
    own = _last_subclause(folded)
    # a clause of the group's own (`…；計及自發電力，本集團總用電量為`) is no site's, whatever the sentence opened with
    opening = _rules()["part_sentence"].search(folded) if not _WHOLE_SUBJECT.match(own) else None
    if opening or _rules()["part_sentence"].search(own) or _opens_with(own, companies):
        return Scope(clean_text(clause)[-_MAX_NOTE_CHARS:], True)
    bracket = _BRACKET_AFTER.match(after)
    if bracket and _rules()["part_note"].search(fold(bracket.group(1))):
        return Scope(clean_text(bracket.group(1))[:_MAX_NOTE_CHARS], True)
    if "入" in after and (counted := _rules()["part_after"].match(fold(after))):  # `…吨，已纳入上述公司排放总量`
        return Scope(clean_text(counted.group())[:_MAX_NOTE_CHARS], True)
    return None


_BRACKET_AFTER = re.compile(r"\s*[（(]([^（）()]{1,60})[）)]")
# `廢棄物方面，`, `在用水方面，`, `就能源而言，` (folded): the topic a sentence opens with, before its subject
_TOPIC_OPENER = re.compile(r"^(?:在)?[^,;。]{1,12}方面[,]|^就[^,;。]{1,12}而言[,]")
# a clause's opening before its subject: `其中`, a year (`2024年度`)
_SUBJECT_OPENING = re.compile(r"^(?:其中[,:]?)?(?:20\d{2}年度?[,]?)?")
_JOINED = ("及", "和", "与", "、", "等")  # `南通某某及本部`: more than that company


_PART_END = re.compile(r"[,;]")  # folded `，` `；`
_WHOLE_SUBJECT = re.compile(r"(?:本集团|本公司|集团|公司|我们|全集团)(?!的?(?:各|旗下|下属|附属|子公司|分公司))")


def _last_subclause(folded: str) -> str:
    """The folded clause's part after its last comma or semicolon outside brackets (`（含東莞工廠，深圳工廠）`
    is one part)."""
    return split_outside_brackets(_PART_END, folded)[-1]


def _opens_with(clause: str, companies: Companies | None) -> bool:
    """Whether a folded clause's subject is another company than the reporter: by its legal name
    (`其中：某某（安徽）精密鑄造有限公司綜合能源消耗量`) or by the short name the report defines for it."""
    if companies is None:
        return False
    clause = clause.lstrip(BULLETS)  # `- 其中：…`
    subject = clause[_SUBJECT_OPENING.match(clause).end() :]  # type: ignore[union-attr]
    if (named := _company_name().match(subject)) and _names_another_company(named.group(), companies):
        return True
    return any(
        subject.startswith(alias) and not subject[len(alias) :].startswith(_JOINED) for alias in companies.others
    )


def note_scope(note: str) -> Scope | None:
    """A note on one table row that bounds it: what bounds a caption, or an `only` of its own
    (`僅統計公司本部青年志願者協會組織的活動`: a row's note is about that row, no scope word needed)."""
    if _rules()["scope3_coverage"].search(fold(note)):
        return None  # `範圍三排放…僅涵蓋商務航空差旅`: which categories scope 3 counts
    part = caption_scope(note)
    if part is None and _rules()["part_note"].search(fold(note)):
        part = Scope(clean_text(note)[:_MAX_NOTE_CHARS], True)
    return part


# `  - 附註：僅包括香港業務`: a note item (a bullet or a line of its own)
_NOTE_ITEM = re.compile(r"^\s*(?:[-*•·]\s*)?(?:附註|附注|備註|备注|註|注)\s*\d{0,2}\s*[:：]")
_NOTE_ITEM_GAP_LINES = 3  # the year items and a change item (`變動：-5.4%`) between the figures and the note


def bound_by_note_items(rows: list[KpiRow], lines: list[str]) -> None:
    """A note item right below a key figure's year items (`- **A1.4 無害廢棄物（噸）**`, `  - 2024年：…`,
    `  - 附註：僅包括香港業務`) that bounds it: that figure's rows, every year, are that part's."""
    figures = [row for row in rows if row.layout == Layout.KEY_FIGURE and row.label_line < row.source_line]
    for row in figures:
        below = lines[row.source_line : row.source_line + _NOTE_ITEM_GAP_LINES]
        note = next((text for text in below if ("注" in text or "註" in text) and _NOTE_ITEM.match(text)), None)
        part = note_scope(_NOTE_ITEM.sub("", note)) if note else None
        if part is None:
            continue
        for other in figures:
            if other.label_line == row.label_line:
                other.bound_by(part)


@dataclass(frozen=True)
class Companies:
    """Who a caption may name: the reporting company (`reporter`, folded) and the short names the report
    defines for other companies (`上海某某物業服務有限公司（「上海某某」）`, `（以下简称“某某”）`)."""

    reporter: str | None
    others: tuple[str, ...] = ()


def caption_scope(caption: str, companies: Companies | None = None) -> Scope | None:
    """A table whose caption or heading says it holds one subsidiary's or site's figures, states a
    boundary of part of the group, or names another company than the reporting one
    (`某某物業服務（廣州）有限公司主要環境績效`, or its short name the report defines)."""
    if not caption:
        return None
    # `公司及下屬全資、控股子公司`: the company with its subsidiaries is the whole group, no part of it
    folded = _rules()["whole_group"].sub("", fold(caption))
    if (
        _rules()["part_caption"].search(folded)
        or _rules()["part_lead_in"].search(folded)  # a caption may hold the sentence leading into the table
        or _rules()["partial"].search(folded)  # `母公司主要環境數據（僅限母公司本部，不含子公司）`
        or (companies is not None and _names_another_company(folded, companies))
    ):
        return Scope(clean_text(caption)[:_MAX_NOTE_CHARS], True)
    return None


def bounds_table(sentence: str) -> bool:
    """Whether a sentence says the table it stands by holds only part of the group (`以下數據僅涵蓋…`)."""
    return _rules()["table_bound"].search(fold(sentence)) is not None


def bounding_note(sentence: str) -> Scope | None:
    """A note below a table that says the table holds part of the group (`注：本表僅統計總行辦公大樓數據`)."""
    bounds = _rules()["note_below_bound"].search(fold(sentence)) is not None
    return Scope(clean_text(sentence).strip()[:_MAX_NOTE_CHARS], True) if bounds else None


def lead_in_scope(sentence: str) -> Scope | None:
    """A sentence leading into a table that says whose figures follow (`子公司某某…，其2024年主要環境數據如下：`)."""
    if sentence and _rules()["part_lead_in"].search(fold(sentence)):
        return Scope(clean_text(sentence)[:_MAX_NOTE_CHARS], True)
    return None


@cache
def _company_name() -> re.Pattern[str]:
    """A company's legal name (`…有限公司`, the `company_suffix` words) not followed by its group."""
    suffix, group = alternation("company_suffix"), alternation("group_after_company")
    return re.compile(rf"[\u4e00-\u9fff()]{{2,30}}?(?:{suffix})(?!{group})")


_TRAILING_BRACKET = re.compile(r"\(([^()]{2,30})\)$")


def row_part(label: str, companies: Companies | None) -> Scope | None:
    """A table row whose label names another company in its closing bracket (`客戶投訴（惠州澄嶺）`): that
    company's figure; or bounds it there (`綜合能源消耗量（僅冷鏈倉儲中心）`, `危險廢物產生量（不含子公司）`)."""
    if not label.endswith(("）", ")")):
        return None
    folded = fold(label)
    bracket = _TRAILING_BRACKET.search(folded)
    named = bracket and companies and _names_another_company(bracket.group(1), companies)
    if named or _rules()["part_label_bracket"].search(folded):
        return Scope(clean_text(label)[:_MAX_NOTE_CHARS], True)
    return None


def _names_another_company(folded: str, companies: Companies) -> bool:
    """Whether a folded text names a company other than the reporter, by its legal name (not as the
    head of the group: `某某有限公司及其附屬公司`) or by a short name the report defines for it."""
    reporter = companies.reporter
    if not reporter:
        return False
    for match in _company_name().finditer(folded):
        name = match.group().lstrip("(")
        if name not in reporter and reporter not in name:
            return True
    return any(alias in folded for alias in companies.others)


# `某某有限公司（以下簡稱「某某」）`, or a quoted legal name and `简称“某某”` after it
_SHORT_NAME = re.compile(
    r"(?:[（(](?:以下)?(?:簡稱|简称|稱|称|統稱|统称)?|[」”\"』]\s*(?:以下)?(?:簡稱|简称|統稱|统称)[為为]?)"
    r"[:：]?[「“\"『]([^」”\"』()（）]{2,12})[」”\"』]"
)
_NAME_CHARS_BEFORE = 40
# a short name defined before the name it stands for: `「某某」指本公司全資附屬公司某某（廣州）有限公司`
_SHORT_NAME_FIRST = re.compile(
    r"[「“\"『]([^」”\"』()（）]{2,12})[」”\"』]\s*(?:指|乃指|係指|系指|是指)([^。；;，,]{2,40}?(?:有限公司|有限責任公司|有限责任公司))"
)
_NAME_CLAUSE_END = re.compile(r"[，,。；;、」]")


@cache
def _name_ending() -> re.Pattern[str]:
    """A legal name (`…有限公司`) that ends where the text does: the name a short name is defined for."""
    return re.compile(rf"[\u4e00-\u9fff()（）]{{2,30}}?(?:{alternation('company_suffix')})$")


def _member_clause(before: str) -> bool:
    """Whether the clause ending in a legal name makes it a member of the group (`全資附屬公司某某有限公司`),
    or the clause before it ends in one (`全部子公司，包括某某有限公司`)."""
    clauses = _NAME_CLAUSE_END.split(before)
    member = role_pattern("group_member_word")
    return bool(member.search(clauses[-1]) or (len(clauses) > 1 and _ends_in(member, clauses[-2])))


def _ends_in(pattern: re.Pattern[str], text: str) -> bool:
    return any(match.end() == len(text) for match in pattern.finditer(text))


def defined_companies(text: str, reporter: str | None) -> Companies:
    """The reporter and the short names the report defines for the companies of its group (`全資附屬公司
    上海某某物業服務有限公司（「上海某某」）`, `子公司…（以下简称“某某”）`): a table captioned `上海某某主要數據`
    holds that company's figures, not the group's."""
    if not reporter:
        return Companies(reporter)
    others = []
    for match in _SHORT_NAME.finditer(text):
        before = text[max(match.start() - _NAME_CHARS_BEFORE, 0) : match.start()]
        legal = _name_ending().search(before)
        if legal is None or not _member_clause(before):
            continue  # not a member of the group: an exchange (`聯交所`), a regulator, a customer
        name, alias = fold(legal.group()).lstrip("("), fold(match.group(1))
        if name in reporter or reporter in name or alias in reporter:
            continue  # the reporter's own short name
        others.append(alias)
    for match in _SHORT_NAME_FIRST.finditer(text):  # `「澔運冷鏈」指本公司全資附屬公司澔運冷鏈（廣州）有限公司`
        name, alias = fold(match.group(2)), fold(match.group(1))
        if _member_clause(match.group(2)) and name not in reporter and reporter not in name and alias not in reporter:
            others.append(alias)
    return Companies(reporter, tuple(dict.fromkeys(others)))


def scope_of(metric_code: str, label: str, scopes: dict[str, Scope], year: int | None = None) -> Scope | None:
    """The scope of a row of `metric_code` labelled `label`, of fiscal `year`: its label's, else its KPI's or
    its pillar's, where that bounds every year or `year`."""
    stated = scopes.get(metric_code) or scopes.get(_pillar(metric_code))
    return label_scope(label) or (stated if stated and (not stated.years or year in stated.years) else None)


def _pillar(metric_code: str) -> str:
    return _metric_pillars().get(metric_code, "")


@cache
def _metric_pillars() -> dict[str, str]:
    return {row["code"]: row["pillar"] for row in read_seed("metric_dictionary.csv")}
