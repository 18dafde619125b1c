"""Landing: copy report files into an immutable, content-addressed raw zone, or quarantine them.

A report is identified by the sha256 of its decoded, newline-normalised text, so the same report
saved again under another name or in another encoding lands once.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ingest.config import REPORT_SUFFIXES, Settings

_CHUNK = 1 << 20

# Frequent Han characters of both scripts; decoding with the wrong codec rarely produces them.
_COMMON_HAN = frozenset(
    "的一是在不了有和人這这中大為为上個个國国以要時时來来用們们到作地於于出就分對对成會会可主發发年"
    "動动同工也能下過过子說说產产種种面而方後后多定行學学法所民得經经十三之進进等部度家電电力裡里如水"
    "化高自二理起物現现實实加量都兩两體体制機机當当使點点從从業业本性好應应開开合還还因由其然前外天政"
    "日那社事平形相全表間间與与關关各重新內内數数正心明看原又比或但質质氣气第向道此變变條条只沒没結结"
    "問问意建月公無无系很情者最立已通並并提直題题程展五果員员位入常文總总次品式活設设及管特件長长求基"
    "資资流路級级少圖图統统接知將将組组見见計计別别期根論论運运指區区強强放決决被做必先回則则任取據据"
    "處处環环境社責责報报告排碳綠绿能源廢废棄弃噸吨"
)


class QuarantineError(Exception):
    """A file that cannot be used; the message is the reason shown to the operator."""


@dataclass
class LandedReport:
    report_id: str
    content_sha256: str
    source_file: str
    raw_path: str
    encoding: str
    size_bytes: int
    landed_at: str
    newly_landed: bool


@dataclass
class QuarantinedFile:
    source_file: str
    content_sha256: str
    stage: str
    reason: str
    quarantined_at: str
    quarantine_path: str


@dataclass
class LandingResult:
    landed: list[LandedReport] = field(default_factory=list)
    quarantined: list[QuarantinedFile] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _han_score(text: str) -> float:
    han = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    return sum(ch in _COMMON_HAN for ch in han) / len(han) if han else 0.0


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / max(len(sample), 1)


def _cut_inside_a_character(data: bytes) -> bool:
    """UTF-8 throughout but for an incomplete multi-byte sequence at the very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.reason == "unexpected end of data" and error.start >= len(data) - 3
    return False


def decode_report(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, codec). UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 or Big5."""
    if not data.strip():
        raise QuarantineError("empty file: no text to read")
    candidates: list[tuple[str, str]] = []
    if data.startswith(codecs.BOM_UTF8):
        candidates.append((data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append((data.decode("utf-16"), "utf-16"))
    else:
        for codec in ("utf-8", "gb18030", "big5"):
            try:
                candidates.append((data.decode(codec), codec))
            except UnicodeDecodeError:
                continue
            if codec == "utf-8":
                break
    if not candidates or (candidates[0][1] != "utf-8" and _cut_inside_a_character(data)):
        if _cut_inside_a_character(data):
            raise QuarantineError(
                "cut short: the file is UTF-8 text that ends in the middle of a character "
                "(an interrupted upload or copy?); land the complete file again"
            )
        raise QuarantineError("undecodable: not UTF-8, UTF-16, GB18030 or Big5 text (binary file?)")
    text, codec = max(candidates, key=lambda candidate: _han_score(candidate[0]))
    if _control_share(text) > 0.01:
        raise QuarantineError(f"binary content: control characters in the text decoded as {codec}")
    return text.replace("\r\n", "\n").replace("\r", "\n"), codec


def report_id_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_once(path: Path, data: bytes) -> bool:
    """Write a file that is never rewritten: temp file + atomic rename, then read-only."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o444)
    os.replace(tmp, path)
    return True


def quarantine(settings: Settings, source: Path, data: bytes, stage: str, reason: str) -> QuarantinedFile:
    """Keep `data` (the file's bytes) in quarantine with the reason; the bytes are written once."""
    digest = hashlib.sha256(data).hexdigest()
    folder = settings.quarantine_dir / digest[:16]
    _write_once(folder / "content.bin", data)
    return _record(folder, source, digest, stage, reason)


def quarantine_file(settings: Settings, source: Path, stage: str, reason: str) -> QuarantinedFile:
    """Keep a file in quarantine by streaming it, so an oversized file keeps its bytes in bounded memory."""
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    folder = settings.quarantine_dir / digest.hexdigest()[:16]
    target = folder / "content.bin"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".content.{os.getpid()}.tmp"
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
    return _record(folder, source, digest.hexdigest(), stage, reason)


def _record(folder: Path, source: Path, digest: str, stage: str, reason: str) -> QuarantinedFile:
    record = QuarantinedFile(
        source_file=source.name,
        content_sha256=digest,
        stage=stage,
        reason=reason,
        quarantined_at=_now(),
        quarantine_path=str(folder),
    )
    (folder / "reason.json").write_text(json.dumps(asdict(record), ensure_ascii=False, indent=2), "utf-8")
    return record


def land_file(settings: Settings, source: Path) -> LandedReport:
    """Land one file or raise QuarantineError with the reason."""
    size = source.stat().st_size
    if size > settings.max_file_bytes:
        raise QuarantineError(f"oversized: {size} bytes, above the {settings.max_file_bytes}-byte limit")
    if source.suffix.lower() not in REPORT_SUFFIXES:
        raise QuarantineError(f"unsupported file type '{source.suffix}': expected one of {REPORT_SUFFIXES}")
    data = source.read_bytes()
    text, codec = decode_report(data)
    report_id = report_id_of(text)
    raw_path = settings.raw_dir / report_id[:2] / f"{report_id}.txt"
    newly = _write_once(raw_path, text.encode("utf-8"))
    return LandedReport(
        report_id=report_id,
        content_sha256=hashlib.sha256(data).hexdigest(),
        source_file=source.name,
        raw_path=str(raw_path),
        encoding=codec,
        size_bytes=size,
        landed_at=_now(),
        newly_landed=newly,
    )


def land_files(settings: Settings) -> LandingResult:
    """Land every file of the landing folder; a bad file is quarantined and never stops the others.

    A file whose name, size and modification time match the landing index (a cache of the last
    landing, `$ESG_WORKDIR/landing_index.json`) is not read again: its raw copy already exists.
    """
    result = LandingResult()
    if not settings.landing_dir.is_dir():
        raise FileNotFoundError(f"landing folder {settings.landing_dir} does not exist (ESG_LANDING_DIR)")
    index = _read_index(settings)
    fresh_index: dict[str, dict] = {}
    seen: set[str] = set()
    for source, stat in _landing_files(settings):
        known = index.get(source.name)
        if _as_indexed(known, stat) and Path(known["landed"]["raw_path"]).exists():
            landed = LandedReport(**{**known["landed"], "newly_landed": False})
        else:
            try:
                landed = land_file(settings, source)
            except QuarantineError as error:
                result.quarantined.append(quarantine_file(settings, source, "land", str(error)))
                continue
        fresh_index[source.name] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "landed": asdict(landed)}
        if landed.report_id in seen:
            continue  # the same report twice in one batch (a copy, or another encoding)
        seen.add(landed.report_id)
        result.landed.append(landed)
    _write_index(settings, fresh_index)
    return result


def unlanded_files(settings: Settings) -> dict[str, tuple[int, int]]:
    """Files of the landing folder the last landing has not seen as they are now: name -> (size, mtime).

    The file-arrival trigger polls this; it applies the landing's own rule (the index), so a file that
    is already landed never starts a run and a file replaced in place does.
    """
    if not settings.landing_dir.is_dir():
        return {}
    index = _read_index(settings)
    return {
        source.name: (stat.st_size, stat.st_mtime_ns)
        for source, stat in _landing_files(settings)
        if not _as_indexed(index.get(source.name), stat)
    }


def _landing_files(settings: Settings) -> list[tuple[Path, os.stat_result]]:
    """The report files of the landing folder, by name; hidden files (copies in progress) are not yet."""
    return [
        (source, source.stat())
        for source in sorted(settings.landing_dir.iterdir())
        if source.is_file() and not source.name.startswith(".")
    ]


def _as_indexed(known: dict | None, stat: os.stat_result) -> bool:
    """The landing index's one rule: a file is as last landed while its size and modification time are."""
    return bool(known) and (known["size"], known["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns)


def _index_path(settings: Settings) -> Path:
    return settings.workdir / "landing_index.json"


def _read_index(settings: Settings) -> dict[str, dict]:
    try:
        return json.loads(_index_path(settings).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # no index yet, or a damaged one: every file is read


def _write_index(settings: Settings, index: dict[str, dict]) -> None:
    path = _index_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    os.replace(tmp, path)
