"""A member absent from only some items, where every item records its absences, left or came during the meeting:
listed as absent from those items only; where only some items print an absence line, nothing is judged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core.model import AgendaItem, Decision
from ingest.parse import read_path
from ingest.readers.base import own_absentees, part_absent

DAY = date(2025, 6, 25)
SAMPLE = Path(__file__).parent.parent / "sample_data"


def _item(n: int, *absent: str) -> AgendaItem:
    text = "Godkendt." + (f"\nAfbud: {', '.join(absent)}" if absent else "")
    return AgendaItem(number=str(n), order=n, title=f"Punkt {n}", text=text,
                      decisions=[Decision(body="Byrådet", date=None, text=text, outcome="approved",
                                          absentees=list(absent))])


def _recorded(items: list[AgendaItem]) -> list[tuple[str, list[str]]]:
    return [(it.number or "", names) for it in items if (names := own_absentees(it, "Byrådet", DAY)) is not None]


def test_a_member_absent_from_some_items_only() -> None:
    items = [_item(1, "Anne Berg"), _item(2, "Anne Berg"), _item(3, "Anne Berg", "Ole Dam")]
    assert part_absent(_recorded(items), set()) == {"Ole Dam": "Ole Dam (fraværende under punkt 3)"}
    # a member the meeting's own attendance flags as absent stays absent
    assert part_absent(_recorded(items), {"Ole Dam"}) == {}


def test_an_absence_printed_once_is_not_judged() -> None:
    items = [_item(1, "Anne Berg"), _item(2), _item(3)]
    assert part_absent(_recorded(items), set()) == {}


def test_a_portal_export_lists_who_left_by_the_items_missed() -> None:
    meeting = read_path(SAMPLE / "portals30" / "broendby_kommunalbestyrelsen_2025-06-25.json", None).meetings[0]
    assert meeting.absentees == ["Annika Thorsø", "Omar Said Haddad",
                                 "Tobias Wendt Madsen (fraværende under punkt 21, 22, 23, 24)"]
