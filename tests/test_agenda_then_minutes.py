"""A meeting's agenda (dagsorden) and its minutes (referat), neither stating a publication time, are one
meeting: the minutes are kept whichever file comes last, so a re-published agenda never erases decisions."""

from __future__ import annotations

from pathlib import Path

from assistant.container import Container
from ingest.pipeline import FileOutcome, ingest_paths

HEAD = """Holbæk Kommune

{kind} af mødet i Teknik- og Miljøudvalget den 12. marts 2024 kl. 16.00

Mødested: Mødelokale C, Holbæk Rådhus

1. Trafiksikkerhedsplan 2024-2028

Sagsfremstilling
Planen peger på 24 konkrete strækninger, hvor hastigheden foreslås nedsat til 40 km/t ved skoler.

Indstilling
Direktionen indstiller, at planen anbefales over for Byrådet.
{decision}
2. Vejbelysning på Ringstedvej

Sagsfremstilling
Der skal udskiftes 310 armaturer til LED.

Indstilling
Direktionen indstiller, at udskiftningen godkendes.
{decision2}"""


def _write(tmp_path: Path) -> tuple[Path, Path]:
    agenda = tmp_path / "a" / "dagsorden.txt"
    minutes = tmp_path / "b" / "referat.txt"
    for path in (agenda, minutes):
        path.parent.mkdir()
    agenda.write_text(HEAD.format(kind="Dagsorden", decision="", decision2=""), encoding="utf-8")
    minutes.write_text(HEAD.format(kind="Referat", decision="\nBeslutning\nAnbefalet med 5 stemmer mod 2.\n",
                                   decision2="\nBeslutning\nGodkendt.\n"), encoding="utf-8")
    return agenda, minutes


def test_an_agenda_ingested_after_its_minutes_is_kept_out(container: Container, tmp_path: Path) -> None:
    agenda, minutes = _write(tmp_path)
    seen: list[FileOutcome] = []
    ingest_paths(container.indexer, [minutes, agenda], on_outcome=seen.append)
    assert [o.status for o in seen] == ["added", "kept"], [o.line() for o in seen]
    stored = container.catalog.meeting(seen[0].meeting_id)
    assert stored is not None and stored.status == "minutes"
    assert [d.text for d in stored.items[0].decisions] == ["Anbefalet med 5 stemmer mod 2."]


def test_minutes_ingested_after_their_agenda_replace_it(container: Container, tmp_path: Path) -> None:
    agenda, minutes = _write(tmp_path)
    seen: list[FileOutcome] = []
    ingest_paths(container.indexer, [agenda, minutes], on_outcome=seen.append)
    assert [o.status for o in seen] == ["added", "replaced"], [o.line() for o in seen]
    stored = container.catalog.meeting(seen[1].meeting_id)
    assert stored is not None and stored.status == "minutes" and len(stored.items) == 2
    assert stored.items[1].decisions and stored.items[1].decisions[0].text == "Godkendt."
