"""Markup that is never a value: LaTeX, HTML tags and entities, image links, escapes, footnote marks.

PDF-to-Markdown converters wrap numbers and units in LaTeX (`$tCO_{2}e$`, `$$ 1,080.10 \\text{吨} $$`),
mark footnotes with `$^{1}$`, `<sup>1</sup>`, `³` or a digit glued to a label (`排放總量(範圍一)8`),
escape Markdown characters (`\\*`) and write entities (`&gt;`). Everything here turns such text into
what a reader of the printed page sees, without the footnote marks, so that a mark never changes a
value, becomes a year or ends up in a label. Both readers are cached: the same cells and labels
come back row after row.
"""

from __future__ import annotations

import html
import re
from functools import cache

from ingest.map.units import power_multipliers
from ingest.map.vocabulary import alternation
from ingest.read.memo import memo
from ingest.read.text import SUBSCRIPTS

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_PANDOC_ANCHOR = re.compile(r"\[\]\{[^{}]*\}|\{#[^{}\s]*(?:\s+\.[\w-]+)*\}")  # `[]{#_Toc123 .anchor}`, `{#sec-1}`
_PANDOC_SPAN = re.compile(r"\[([^\[\]]*)\]\{[.#][^{}]*\}")  # `[耗水量]{.underline}`: the words
# `$^{1}$`, `$^1$`, Mathpix's `${ }^{3}$`
_LATEX_FOOTNOTE = re.compile(r"\$\s*(?:\{\s*\})?\s*\^\s*\{?\s*[\d*,\s注]{1,6}\}?\s*\$")
# Mathpix's inline math `\( \mathrm{kg} \)`, `\( -6.7 \% \)`; not escaped brackets around words (`\(注\)`)
_MATH_PARENS = re.compile(r"\\\((.*?)\\\)")
_LOOKS_MATH = re.compile(r"\\[A-Za-z%]|[_^{}]|^\s*[-+]?[\d,.]+\s*$")
# `$员工流失率^1$`; not a power after a Latin unit (`$m^{3}$`, `$Nm^3$`)
# Mathpix's `{ }^{3}` after a cell's words outside math (`\text { 僱員總數 }{ }^{3}`): a superscript of nothing
_EMPTY_BASE_FOOTNOTE = re.compile(r"\{\s*\}\s*\^\s*\{\s*[\d*]{1,3}\s*\}")
_LATEX_INLINE_FOOTNOTE = re.compile(r"(?<![A-Za-z])\^\s*\{?\s*(?:\d{1,2}|[*注])\s*\}?(?=\s*\$)")
_LATEX_COMMAND = re.compile(r"\\(?:text|mathrm|mathbf|rm|textbf|operatorname|mathit)\s*\{([^{}]*)\}")
_LATEX_SUBSCRIPT = re.compile(r"[_^]\s*\{([^{}]*)\}|[_^](\w)")
_LATEX_ESCAPE = re.compile(r"\\([%$&#_{}])")
_LATEX_SPACING = re.compile(r"\\[,;:! ]|\\quad|\\qquad|~")
_LATEX_OTHER = re.compile(r"\\(?:times|cdot)")
_DOLLAR = re.compile(r"(?<!HK)(?<!hk)(?<!NT)(?<!nt)(?<!US)(?<!us)\${1,2}")  # not the $ of HK$, NT$, US$
_SUP = re.compile(r"<sup>\s*[\d,\s*·注註#†‡]*</sup>|\[\d{1,2}\]|\[\^[^\]\s]{1,8}\]", re.IGNORECASE)  # `[^2]`: pandoc
_PANDOC_SCRIPT = re.compile(r"~([^~\s]{1,6})~|\^([^^\s]{1,6})\^")  # pandoc's `CO~2~`, `m^3^`
_TAG = re.compile(r"<[^>]+>")
_SUB_TAG = re.compile(r"</?sub\b[^>]*>", re.IGNORECASE)  # `CO<sub>2</sub>e`: one word, no space
# Inline elements that cut a figure at its separator part no digits (`<span>18,</span><span>426.35</span>`,
# `6,235</span><span>.72`: Word saves a figure typed in two runs so); elsewhere a tag parts words as a
# space does (`直接排放</span><span>GRI 305-1`, a footnote mark in its own run: `24,918,460</span><span>4`)
_INLINE_TAGS = r"(?:</?(?:span|font|b|i|u|em|strong|o:p)(?:\s[^>]*)?>)+"
_TAGS_IN_FIGURE = re.compile(rf"(?<=\d[,.]){_INLINE_TAGS}(?=\d)|(?<=\d){_INLINE_TAGS}(?=[.,]\d)", re.IGNORECASE)
_MARKDOWN_ESCAPE = re.compile(r"\\([*_#|`\[\]()<>~-])")
_EMPHASIS = re.compile(r"\*\*|__")
_SUPERSCRIPT_DIGITS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+")
# the power of a metre (`m³`, `m²`) is part of a unit, not a footnote mark
_METRE_POWER = re.compile(r"(?<=[mM])[²³]")
_SPACES = re.compile(r"[ \u3000\xa0]+")
_MARKUP_CHARS = re.compile(r"[<>$\\!&*_\[{~^¹²³⁴⁵⁶⁷⁸⁹⁰†‡]")  # `{`: a pandoc anchor (`{#b1-1}`)


# a power of ten before a unit (`$10^{4}\mathrm{kWh}$`, `$10^4 m^3$`) or after a number's factor
# (`$1.25 \times 10^{4}$ kWh`, `3.6×10^4`): a multiplier of the unit, as 萬 is in `1.25萬kWh`
_POWER_OF_TEN = re.compile(
    r"(?:(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(?:\\times|\\cdot|×|\*)\s*|(?<![\d.×*x])(?<!times)(?<!cdot)(\s*))"
    r"10\s*\^\s*\{?\s*(\d)(?:\s*\})?(?![\d.])"
)


def _multiplier(match: re.Match[str]) -> str:
    multiplier = power_multipliers().get(int(match.group(3)))
    if multiplier is None:
        return match.group()  # `10^{2}`: no multiplier a unit is printed with
    return f"{match.group(1) or match.group(2)}{multiplier}"


def powers_of_ten(text: str) -> str:
    """`1.25 \\times 10^{4} kWh` -> `1.25万 kWh`; `$10^{4}\\mathrm{kWh}$` -> `$万\\mathrm{kWh}$`."""
    return _POWER_OF_TEN.sub(_multiplier, text) if "10" in text and "^" in text else text


# a math span of one number's characters spaced out, one decimal point at most
_SPACED_MATH_NUMBER = re.compile(r"\$\s*(\d(?:\s?[\d,])*(?:\s?\.(?:\s?\d)+)?)\s*\$")


def strip_latex(text: str) -> str:
    """`$tCO_{2}e$` -> `tCO2e`; `$$ 1,080.10 \\text{吨} $$` -> `1,080.10 吨`; `$^{1}$` -> ``."""
    if "$" not in text and "\\" not in text:
        return text
    if "$" in text:  # `$1 , 1 4 6 . 9 2$`: OCR spaces out a number's characters inside its math span
        text = _SPACED_MATH_NUMBER.sub(lambda match: match.group(1).replace(" ", ""), text)
    text = _LATEX_FOOTNOTE.sub(" ", text)
    text = _EMPTY_BASE_FOOTNOTE.sub("", text) if "{" in text else text
    if "\\(" in text:
        text = _MATH_PARENS.sub(lambda match: f" {match[1]} " if _LOOKS_MATH.search(match[1]) else match[0], text)
    for _ in range(3):  # nested: `\mathrm{tCO_{2}e}`, a subscript inside a command, `\mathrm{m}^{3}`
        text = _LATEX_COMMAND.sub(r"\1", text)
        text = _LATEX_INLINE_FOOTNOTE.sub("", text)
        text = _LATEX_SUBSCRIPT.sub(lambda match: match.group(1) or match.group(2), text)
    text = _LATEX_ESCAPE.sub(r"\1", text)
    text = _LATEX_OTHER.sub("×", _LATEX_SPACING.sub(" ", text))
    return _DOLLAR.sub("", text)


BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a line break inside a cell
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _image_caption(image: re.Match[str]) -> str:
    """An image's Chinese alt text is its caption, as a figure's (`![2022-2024年用水量（萬噸）](p23.png)` ->
    `圖 2022-2024年用水量（萬噸）`): a converter names a chart so; other images are nothing."""
    alt = image.group(1).strip()
    if not _HAN.search(alt):
        return " "
    return f" {alt} " if alt.startswith(("图", "圖")) else f" 圖 {alt} "


@memo
def clean_text(text: str) -> str:
    """Text as a reader sees it: no tags, LaTeX, entities, image links, escapes or footnote marks."""
    text = SUBSCRIPTS(text)
    if not _MARKUP_CHARS.search(text):
        return _SPACES.sub(" ", text).strip()  # most lines and cells: plain text
    text = _IMAGE.sub(_image_caption, text) if "![" in text else text
    text = _PANDOC_SPAN.sub(r"\1", _PANDOC_ANCHOR.sub("", text)) if "{" in text else text
    text = _SUP.sub(" ", text)
    text = _COUNTER.sub(_counter_value, text) if "data-" in text else text
    text = _SUB_TAG.sub("", text) if "<sub" in text or "<SUB" in text else text
    text = _TAG.sub(" ", _TAGS_IN_FIGURE.sub("", text))
    text = html.unescape(text)
    text = strip_latex(powers_of_ten(text))
    if "~" in text or "^" in text:
        text = _PANDOC_SCRIPT.sub(lambda match: match.group(1) or match.group(2), text)
    if "\\\\" in text:  # a Markdown line break inside a cell (`2024年\\（人）`)
        text = text.replace("\\\\", " ")
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _SUPERSCRIPT_DIGITS.sub(_mark_or_power, text)
    return _SPACES.sub(" ", text).strip()


# An animated counter: the figure is an attribute, the text a placeholder until a script counts up to it
# (`<span class="counter" data-target="86.47">0</span>`, `<em data-value="612.5">--</em>`)
_COUNTER = re.compile(
    r"<(?P<tag>\w+)(?P<attrs>[^<>]*?\bdata-(?:target|count|value|to|number|end|num)\s*=\s*[\"']?"
    r"(?P<figure>[-\d.,]+)[\"']?[^<>]*)>(?P<shown>[^<]*)</(?P=tag)>"
)
_PLACEHOLDER = re.compile(r"\s*(?:0|0\.0+|-+|—+|–+|\.\.\.|…|)?\s*")
_SUFFIX = re.compile(r"\bdata-suffix\s*=\s*[\"']([^\"']{1,4})[\"']")


def _counter_value(match: re.Match[str]) -> str:
    """The counter's figure where its text is a placeholder, with the suffix a script would add (`%`)."""
    if not _PLACEHOLDER.fullmatch(match.group("shown")):
        return match.group()
    suffix = _SUFFIX.search(match.group("attrs"))
    return f" {match.group('figure')}{suffix.group(1) if suffix else ''} "


def _mark_or_power(match: re.Match[str]) -> str:
    power = _METRE_POWER.match(match.string, match.start())
    return power.group() if power else ""


# `排放總量(範圍一和範圍二)8`, `因工傷損失工作日數c`: a footnote number, star or letter after a label
_TRAILING_MARK = re.compile(
    r"(?<=[\u4e00-\u9fff)）a-zA-Z%])\s?(?:[註注]\s?\d{1,2}|\d{1,2}|\*{1,3}|#|[(（\[［]\d{1,2}[)）\]］]|[①-⑳])$"
    r"|(?<=[\u4e00-\u9fff)）])[a-f]$"
)  # `註4`, `耗水量[4]`, `天然氣①`: a note


@cache
def _keeps_its_digit() -> re.Pattern[str]:
    """Words whose trailing digit is part of the label, not a footnote mark: 範圍1, Scope 2, SO2, CO2."""
    # and the next of a range or list of them: `範圍1至3`, `類別1、3、4`
    return re.compile(
        f"(?:{alternation('keeps_its_digit')})\\s?(?:\\d{{1,2}}\\s*(?:至|到|-|–|~|～|、|及|和|與|与|\\+|/)\\s*)*$",
        re.IGNORECASE,
    )


def keeps_its_digit(text: str) -> bool:
    """Whether a digit right after `text` belongs to its last word (`範圍1`, `類別2`, `SO2`, the 3 of `範圍1至3`)."""
    return _keeps_its_digit().search(text) is not None


@memo
def strip_footnote_mark(label: str) -> str:
    """`排放總量(範圍一和範圍二)8` -> `排放總量(範圍一和範圍二)`; `範圍1`, `SO2` keep their digit."""
    match = _TRAILING_MARK.search(label)
    if not match or keeps_its_digit(label[: match.start()]):
        return label
    return label[: match.start()].rstrip()
