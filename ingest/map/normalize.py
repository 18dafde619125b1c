"""The one normalisation of a printed label before lexicon lookup.

Script (Traditional -> Simplified), full-width characters, spaces, bracket shapes, case, numbering
(`1.`, `（一）`), bullets, `其中：` and footnote marks (`排放總量³`, `排放總量(範圍一)8`, `員工流失率*`) are
all forms of the same label; lexicon terms go through the same function, so a term matches however a
report prints it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ingest.map.reference import read_seed
from ingest.map.vocabulary import alternation, role_pattern, words
from ingest.read.markup import strip_footnote_mark
from ingest.read.memo import memo
from ingest.read.text import BULLET_MARKS, HAN, CharMap, fold

_BRACKETS = CharMap("【】〔〕［］[]{}<>《》", "()()()()()()()", "¹²³⁴⁵⁶⁷⁸⁹⁰")
# Numbering (`1.`, `2.10 `, `（三）`), bullets and an HKEX KPI code before a label (`A1.2 溫室氣體排放強度`, `KPI B1.1`;
# folded: lower case)
_GRI_INSIDE = re.compile(r"gri\d{1,3}-\d{1,2}")  # `範疇一排放量 GRI 305-1` (folded: no spaces)
_LEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})+(?=[\u4e00-\u9fff])|\d{1,3}(?:\.\d{1,2})*[.、)]|[(]?[一二三四五六七八九十]{1,3}[)、.]"
    rf"|[(]\d{{1,2}}[)]|[a-z][.)]|[-–—•·*#>:{BULLET_MARKS}]+|[①-⑳]"
    r"|(?:kpi|关键绩效指标)?[a-d]\d{1,2}(?:\.\d{1,2})?(?=[\u4e00-\u9fff])"
    r"|(?:gri)?\d{1,3}-\d{1,2}(?=[\u4e00-\u9fff])(?![岁歲年月日人名])"  # a GRI disclosure: `302-1 能源消耗總量`
    r"|附?表\d{1,2}(?:[-.]\d{1,2})?[:：、.]?(?=[\u4e00-\u9fff])"  # a table's number: `表4 員工流失率`
    r")+"
)
_TRAILING = re.compile(r"[:;,.。、]+$")
# `1    員工總數`, `13  公益捐贈`: a row's serial number (a statistical form's 序號 column) apart from its
# label; not a count or a measure that opens the label (`3 名女性董事`, `30 歲以下`, `2 號爐`)
_SERIAL = re.compile(
    r"^\s*\d{1,3}\s+(?=[\u4e00-\u9fff])(?![岁歲年月日时時名个個号號位家次项項件台辆輛吨噸度天小万萬亿億千百倍类類级級]|人(?!均))"
)


@cache
def _ocr_one() -> re.Pattern[str]:
    """OCR reads `範圍1` as `範圍l` or `範圍I`: a letter where the scope number stands."""
    return re.compile("|".join(f"(?<={re.escape(word)})[li|](?![a-z])" for word in words("numbered_scope_word")))


@cache
def _where() -> re.Pattern[str]:
    """`其中：`, `包括`, `因此`: words that open a sub-item's label or its clause; `公司`, `集團的`: the whole
    company as its subject (`因此本集團的耗水數據`: both)."""
    lead, subject = alternation("label_lead_word"), alternation("label_subject_word")
    return re.compile(f"^(?:(?:{lead})[:]?|(?:{subject})的?[:]?)+")


@lru_cache(maxsize=1)
def _synonyms() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regional words for the same thing (`訓練` = `培訓`, `志工` = `志願者`): the `label_synonyms` seed."""
    words = {fold(row["word"]): fold(row["canonical"]) for row in read_seed("label_synonyms.csv")}
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
    return pattern, words


def canonical_words(folded: str) -> str:
    """Folded text with regional words replaced by the lexicon's words."""
    pattern, words = _synonyms()
    return pattern.sub(lambda match: words[match.group()], folded)


@memo
def normalize_label(text: str) -> str:
    """Folded label in the lexicon's words, without numbering, bullets, `其中：` or footnote marks."""
    label = canonical_words(_ocr_one().sub("1", _BRACKETS(fold(_SERIAL.sub("", text, count=1)))))
    # `女性僱員約佔僱員總數的`: a share, whatever about
    label = _GRI_INSIDE.sub("", _LEADING.sub("", label)).replace("约占", "占")
    label = _where().sub("", label)
    label = _TRAILING.sub("", label)
    label = strip_footnote_mark(label)
    return _TRAILING.sub("", label)


_GLOSS = re.compile(r"\s*[A-Za-z][A-Za-z0-9 ,.&()'’/%³²\-]{3,}")


_IN_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")
_LATIN_FIRST = re.compile(r"^[\s\-–—•·*]*[A-Za-z]")


def _chinese_in_last_bracket(label: str) -> str | None:
    """`Total workforce (僱員總數)`, `Direct GHG emissions (Scope 1) (直接溫室氣體排放（範圍一）)`: the
    Chinese label an English-first one gives in its last bracket."""
    text = label.rstrip(" ¹²³⁴⁵⁶⁷⁸⁹⁰*")
    if not text.endswith((")", "）")) or not _LATIN_FIRST.match(text):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += text[index] in ")）"
        depth -= text[index] in "(（"
        if depth == 0:
            inner = text[index + 1 : -1].strip()
            outside = _IN_BRACKETS.sub("", text[:index])  # `… (purchased electricity) 間接能源消耗（外購電力）`: no
            return inner if HAN.search(inner) and not HAN.search(outside) else None
    return None


def without_gloss(label: str) -> str | None:
    """`員工總數 Total number of employees` -> `員工總數`, `Total workforce (僱員總數)` -> `僱員總數`: a bilingual
    label without its English gloss (None when there is none, or nothing Chinese would remain)."""
    chinese = _chinese_in_last_bracket(label)
    if chinese:
        return chinese
    stripped = _GLOSS.sub(" ", label).strip()
    if stripped == label.strip() or not HAN.search(stripped):
        return None
    return stripped


@cache
def _total_word() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation('label_total_word')})$")


def without_total_word(label: str) -> str | None:
    """`直接能源消耗量合計` -> `直接能源消耗量`: a label without the word that makes it the total of what it
    names (None when there is none, or nothing Chinese would remain: a bare `合計` row needs its table)."""
    folded = _TRAILING.sub("", fold(label).strip())
    match = _total_word().search(folded)
    if not match or not HAN.search(folded[: match.start()]):
        return None
    return folded[: match.start()]


# `按性別劃分：`, `按性別：` (the dividing word may go unsaid)
_BREAKDOWN_PREFIX = re.compile(r"^\s*按[^：:，,/]{1,12}?(?:劃分|划分|區分|区分|分)?的?\s*[：:]\s*(?=\S)")


def without_breakdown(label: str) -> str | None:
    """`按性別劃分：男性` -> `男性`: an item of a breakdown printed with it (None when there is none); the
    row above (`僱員總數`) is the context that says what the item counts."""
    match = _BREAKDOWN_PREFIX.match(label)
    return label[match.end() :].strip() if match else None


_TRAILING_ALIAS = re.compile(r"\s*[(（]([^()（）]{1,20})[)）]\s*$")


def _alias(label: str) -> tuple[str, str] | None:
    """(the label before a trailing bracket, the bracket's text) where the bracket is another name for
    it, not a scope, an inclusion or a denominator (`alias_meaningful`); None otherwise."""
    match = _TRAILING_ALIAS.search(label)
    if not match or role_pattern("alias_meaningful").search(fold(match.group(1))) or not label[: match.start()].strip():
        return None
    return label[: match.start()].strip(), match.group(1).strip()


def without_alias(label: str) -> str | None:
    """`因工傷損失的工作時間(工傷誤工時間)` -> `因工傷損失的工作時間`: a label without a trailing alias in
    brackets (None when there is none, or the bracket names a scope, an inclusion or a denominator)."""
    return alias[0] if (alias := _alias(label)) else None


_MIN_ALIAS_CHARS = 4  # `（非有害廢棄物）` names a measure; `（女性）`, `（範圍一）` qualify one


def alias_of(label: str) -> str | None:
    """`一般事業廢棄物（非有害廢棄物）` -> `非有害廢棄物`: the other name a trailing bracket gives the label,
    as the report's own word for what it is (None where there is none, or it is too short to name a measure)."""
    alias = _alias(label)
    return alias[1] if alias and len(alias[1]) >= _MIN_ALIAS_CHARS and HAN.search(alias[1]) else None


_RATE_ALIAS = re.compile(r"[(（]\s*([^()（）]{1,12}(?:率|比例|占比|佔比|百分比))\s*[)）]\s*$")


def rate_alias(label: str) -> str | None:
    """`離職人數（離職率）` -> `離職率`: the rate a count's label names in its bracket, which a share printed
    beside the count (`212 (11.4%)`) is."""
    match = _RATE_ALIAS.search(label)
    return match.group(1) if match and label[: match.start()].strip() else None


@cache
def _qualifier() -> re.Pattern[str]:
    return re.compile(f"\\s*[(](?:{alternation('label_qualifier')})[^()]*[)]\\s*$")


_LISTED_PARTS = re.compile(r"\([^()]*、[^()]*\)")


def without_qualifier(label: str) -> str | None:
    """`研發投入（含資本化開支）` -> `研发投入`, `產品包裝材料（紙箱、棧板及緩衝材）使用量` -> `产品包装材料使用量`:
    a label without the bracket at its end that says what the figure includes or leaves out, or without
    a bracket listing its parts (None when there is neither). A reading without it must still pass the
    exclusions of the whole label: `溫室氣體排放總量（含範圍三）` is no total of scopes 1 and 2."""
    folded = strip_footnote_mark(_BRACKETS(fold(label)))  # `…（包括繼續醫學教育時數）⑷`
    match = _qualifier().search(folded)
    if match and match.start():
        return folded[: match.start()]
    bare = _LISTED_PARTS.sub("", folded) if "、" in folded else folded
    return bare if bare != folded and bare.strip() else None


@cache
def _kpi_title_parts() -> re.Pattern[str]:
    return re.compile(alternation("kpi_title_part"))


def without_kpi_title_parts(label: str) -> str | None:
    """`所產生有害廢棄物總量（以噸計算）及（如適用）密度` -> `所产生有害废弃物总量`: an HKEX KPI's title as the
    measure it asks for, without the breakdowns, unit and intensity it asks beside it (`kpi_title_part`);
    None when it holds none."""
    folded = fold(label)
    bare = _kpi_title_parts().sub("", folded) if "按" in folded or "及" in folded or "以" in folded else folded
    return bare if bare != folded and HAN.search(bare) else None
