"""Bad input: a clear one-line error naming the file and the reason; the store is left as it was."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from assistant.container import Container
from assistant.settings import Settings
from core.errors import IngestError
from ingest.parse import parse_file
from ingest.pipeline import ingest_paths
from tests.conftest import SEEDS
from tests.helpers import write_pdf


def _zip_bomb(path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    path.write_bytes(buf.getvalue())
    return path


def _truncated_pdf(path: Path) -> Path:
    full = write_pdf(path.with_suffix(".full.pdf"), ["Punkt 1: Test", "Beslutning", "Godkendt."])
    path.write_bytes(full.read_bytes()[:120])
    return path


CASES: dict[str, tuple[object, str]] = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"   \n\n  \t\n", "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary data"),
    "nul.md": (b"Punkt 1: Test\x00\x00\x00Beslutning", "binary data"),
    "array.json": (b"[1, 2, 3]", "not a First Agenda publication"),
    "object.json": (b'{"foo": 1}', "no 'Dagsordenpunkter'"),
    "broken.json": (b'{"Dagsordenpunkter": [', "invalid JSON"),
    "wrongitem.json": (json.dumps({"Dagsordenpunkter": ["x"]}).encode(), "is not an object"),
    "scripts.html": (b"<html><script>var punkt=1;</script><style>p{}</style><p>Velkommen</p></html>",
                     "no agenda items"),
    "garbage.pdf": (b"%PDF-1.4\nthis is not really a pdf", "unreadable PDF"),
    "notzip.docx": (b"PK\x03\x04 broken", "not a valid DOCX"),
}


# readable text with no agenda structure is not rejected: it becomes one searchable meeting, with a warning
READABLE: dict[str, tuple[bytes, str]] = {
    "noitems.txt": ("Kære borger\nTak for din henvendelse om affald. Vi vender tilbage.\n".encode(), "no agenda items"),
    "nodate.txt": (b"Punkt 1: Godkendelse\nBeslutning\nGodkendt.\n", "no meeting date"),
    "baddate.txt": (b"Referat Teknisk Udvalg 31-02-2023\nPunkt 1: Godkendelse\nBeslutning\nGodkendt.\n",
                    "no meeting date"),
}


@pytest.mark.parametrize("name", sorted(READABLE))
def test_readable_text_without_structure_is_indexed_whole_with_a_warning(tmp_path: Path, name: str) -> None:
    from ingest.parse import read_path

    data, reason = READABLE[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = read_path(path)
    assert result.reader == "fulltext"
    assert any(reason in w for w in result.warnings), result.warnings
    assert len(result.meeting.items) == 1
    assert data.decode().split("\n")[1] in result.meeting.items[0].text


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gets_clear_error(tmp_path: Path, name: str) -> None:
    data, reason = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)  # type: ignore[arg-type]  # CASES mixes bytes with deliberately wrong types
    with pytest.raises(IngestError) as err:
        parse_file(path)
    assert str(path) in str(err.value) and reason in str(err.value)
    assert "\n" not in str(err.value)


def test_truncated_pdf(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="PDF"):
        parse_file(_truncated_pdf(tmp_path / "cut.pdf"))


def test_zip_bomb_docx_refused_before_unpacking(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="zip bomb"):
        parse_file(_zip_bomb(tmp_path / "bomb.docx"))


def test_huge_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(51 * 1024 * 1024)
    with pytest.raises(IngestError, match="too large"):
        parse_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        parse_file(tmp_path / "nope.txt")


def test_failed_files_do_not_touch_the_store(container: Container, tmp_path: Path) -> None:
    ingest_paths(container.indexer, SEEDS[:2])
    before = (container.catalog.counts(), container.vectors.count(), container.catalog.meetings())
    bad = []
    for name in sorted(CASES):
        path = tmp_path / name
        path.write_bytes(CASES[name][0])  # type: ignore[arg-type]  # CASES mixes bytes with deliberately wrong types
        bad.append(path)
    report = ingest_paths(container.indexer, [*bad, SEEDS[2]])
    assert len(report.failed) == len(bad)
    assert all(str(p) == f for p, (f, _) in zip(bad, report.failed, strict=False))
    after = (container.catalog.counts(), container.vectors.count(), container.catalog.meetings())
    assert after[0]["meetings"] == before[0]["meetings"] + 1  # the good file still went in
    assert [m for m in after[2] if m["id"] in {b["id"] for b in before[2]}] == before[2]


def test_a_question_set_and_the_folders_readme_are_skipped_not_stored(container: Container, tmp_path: Path) -> None:
    """A corpus folder often holds its questions and a README beside the minutes. A question set names
    municipalities, committees and dates and would be read as a meeting (and replace the real one with the same
    id); a README would be indexed as one. Both are skipped and reported, the ingest does not fail, and the real
    meeting is stored intact."""
    import shutil

    from ingest.pipeline import FileOutcome

    folder = tmp_path / "corpus"
    folder.mkdir()
    minutes = folder / SEEDS[0].name
    shutil.copy(SEEDS[0], minutes)
    first = ingest_paths(container.indexer, [minutes])
    meeting_id = next(iter(container.catalog.meetings()))["id"]
    date, committee = meeting_id.rsplit("_", 1)[1], container.catalog.meetings()[0]["committee"]
    (folder / "questions.jsonl").write_text("\n".join(json.dumps(
        {"id": f"q{k}", "question": "Hvad besluttede udvalget?", "municipality": "Fredericia", "committee": committee,
         "meeting_date": date, "item_number": str(k), "answer_keywords": ["Godkendt"], "type": "decision"})
        for k in (1, 2, 3)), encoding="utf-8")
    (folder / "README.md").write_text(f"# Corpus\n\nMinutes of {committee}, {date}.\n", encoding="utf-8")
    outcomes: list[FileOutcome] = []
    report = ingest_paths(container.indexer, [folder], on_outcome=outcomes.append)
    assert not report.failed and not first.failed
    assert {(Path(o.path).name, o.status) for o in outcomes} == {(minutes.name, "unchanged"),
                                                                  ("questions.jsonl", "skipped")}
    assert [m["id"] for m in container.catalog.meetings()] == [meeting_id]  # README not indexed, meeting intact
    with pytest.raises(IngestError, match="a question set"):
        parse_file(folder / "questions.jsonl")
    sheet = folder / "questions.csv"  # the same as a spreadsheet
    sheet.write_text("id;question;answer_keywords;type\nq1;Hvad besluttede udvalget?;Godkendt;decision\n",
                     encoding="utf-8")
    with pytest.raises(IngestError, match="a question set"):
        parse_file(sheet)


def test_cli_exit_code_and_message(tmp_path: Path, settings: Settings) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app

    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = CliRunner().invoke(app, ["parse", str(bad)])
    assert result.exit_code == 1 and f"{bad}: empty file" in result.output
