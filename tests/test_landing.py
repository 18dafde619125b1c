"""Landing: decoding, content addressing, quarantine, idempotence (real files in a temp folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.config import Settings
from ingest.land.raw_zone import QuarantineError, decode_report, land_files

REPORT = "示例醫療有限公司\n2023 年環境、社會及管治報告\n指標 單位 2023 年數據\n員工總數 人 120\n"


def settings_for(tmp_path: Path) -> Settings:
    landing = tmp_path / "landing"
    landing.mkdir()
    return Settings(landing_dir=landing, workdir=tmp_path / "work", warehouse=tmp_path / "work" / "w.duckdb")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
def test_every_supported_encoding_decodes_to_the_same_text(codec: str) -> None:
    text, _ = decode_report(REPORT.encode(codec))
    assert text == REPORT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t", "empty"),
        (os.urandom(20_000), "undecodable|binary"),
        (b"\x00\x01\x02" * 500, "binary|undecodable"),
        ("示例醫療有限公司 員工總數 742 人".encode()[:-1], "cut short"),  # ends inside a character
    ],
)
def test_unusable_bytes_raise_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(QuarantineError, match=reason):
        decode_report(data)


def test_landing_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    (settings.landing_dir / "a.txt").write_text(REPORT, "utf-8")
    (settings.landing_dir / "copy of a.txt").write_text(REPORT, "utf-8")
    (settings.landing_dir / "a_big5.txt").write_bytes(REPORT.encode("big5"))
    (settings.landing_dir / "empty.txt").write_bytes(b"")
    (settings.landing_dir / "$(touch pwned).txt").write_text(REPORT + "x", "utf-8")

    first = land_files(settings)
    assert len(first.landed) == 2, "three copies of one report land once; the odd name lands as data"
    assert [q.source_file for q in first.quarantined] == ["empty.txt"]
    assert "empty" in first.quarantined[0].reason
    raw_files = sorted(settings.raw_dir.rglob("*.txt"))
    assert len(raw_files) == 2
    assert all(not os.access(path, os.W_OK) or os.geteuid() == 0 for path in raw_files)
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()

    second = land_files(settings)
    assert [r.report_id for r in second.landed] == [r.report_id for r in first.landed]
    assert not any(r.newly_landed for r in second.landed)
    assert sorted(settings.raw_dir.rglob("*.txt")) == raw_files


def test_oversized_and_unsupported_files_are_quarantined(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    settings = Settings(settings.landing_dir, settings.workdir, settings.warehouse, max_file_bytes=100)
    (settings.landing_dir / "big.txt").write_text(REPORT * 10, "utf-8")
    (settings.landing_dir / "report.pdf").write_bytes(b"%PDF-1.4")
    result = land_files(settings)
    reasons = {q.source_file: q.reason for q in result.quarantined}
    assert "oversized" in reasons["big.txt"]
    assert "unsupported file type" in reasons["report.pdf"]
    assert result.landed == []
    kept = {Path(q.quarantine_path).joinpath("content.bin").read_bytes() for q in result.quarantined}
    assert kept == {(REPORT * 10).encode("utf-8"), b"%PDF-1.4"}, "quarantine keeps every file's bytes, oversized too"


def test_a_text_cut_mid_sentence_says_so_in_its_reason() -> None:
    from ingest.read.parser import parse_report
    from ingest.read.staged import unusable_reason

    text = "示例醫療有限公司\n2023 環境、社會及管治報告\n報告時間範圍：2023年1月1日至2023年12月31日。\n我們致力於"
    assert "cut short" in unusable_reason(parse_report(text), text)


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(tmp_path: Path, monkeypatch) -> None:
    import ingest.land.raw_zone as raw_zone

    settings = settings_for(tmp_path)
    report = settings.landing_dir / "report.txt"
    report.write_text(REPORT, "utf-8")
    (first,) = land_files(settings).landed

    def no_reading(*_: object) -> None:
        raise AssertionError("an unchanged file was read again")

    with monkeypatch.context() as patched:
        patched.setattr(raw_zone, "land_file", no_reading)
        (again,) = land_files(settings).landed
    assert (again.report_id, again.raw_path, again.newly_landed) == (first.report_id, first.raw_path, False)

    report.write_text(REPORT + "\n補充說明。", "utf-8")
    (changed,) = land_files(settings).landed
    assert changed.report_id != first.report_id and changed.newly_landed
