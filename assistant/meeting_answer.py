"""A question about the meeting itself (who was absent, where, when it began, who chaired), answered from the
meeting's facts and cited to the meeting rather than to an item."""

from __future__ import annotations

from collections.abc import Callable

from assistant import bodies, meeting_facts
from assistant.answer_quote import day_month, on_day
from assistant.answer_text import citation, meeting_where, refusal, where
from assistant.contract import Answer, Citation
from assistant.query import Query
from assistant.retrieve import Hit
from core import vocab
from core.dates import find_dates
from core.model import Meeting
from store.lexical import tokens

MeetingLookup = Callable[[str], Meeting | None]



def meeting_answer(query: Query, hits: list[Hit], meetings: MeetingLookup | None, public_url: str) -> Answer | None:
    """The answer from the meeting's facts, or None when the question asks none of them (or the meeting records
    none: then the items may hold it, such as an absentee line under a decision)."""
    if meetings is None or not hits or hits[0].in_conversation:
        return None  # a follow-up about an item asks about that item
    f = query.filters
    asked_day = day_month(query.text)  # "mødet den 8. april": the meeting of that day among those found

    def in_range(iso: str) -> bool:
        return not (f.date_from and iso < f.date_from.isoformat() or f.date_to and iso > f.date_to.isoformat())

    def fits(iso: str) -> bool:
        return (asked_day is None or on_day(iso, asked_day)) and in_range(iso)

    row = next((h.item for h in hits if fits(h.item.date)), hits[0].item)
    short = {a.lower() for a in bodies.acronyms(row.committee)}  # "FU-mødet" of Forretningsudvalget
    known = set(tokens(row.committee)) | set(tokens(row.municipality)) | short
    asked = meeting_facts.aspects(query.text, known)
    lang = query.language
    days = [d.isoformat() for _, d in find_dates(query.text)]
    # the committee the question names, when no item of its meeting was found, is the meeting's name too
    named = {t for phrase, _ in bodies.named(query.text) for t in tokens(phrase)}
    if days and not any(h.item.date in days for h in hits) and meeting_facts.aspects(query.text, known | named):
        # "Hvem var fraværende, da udvalget holdt møde den 14. august 2023?": only that meeting's minutes record
        # its attendance, venue or start; a later item recalling what it decided does not
        when = f"{days[0][8:10]}-{days[0][5:7]}-{days[0][:4]}"
        return refusal(lang, f"no stored minutes are from a meeting on {when}" if lang == "en"
                       else f"ingen indlæste referater er fra et møde den {when}")
    if not asked or not in_range(row.date):
        return None  # no meeting fact asked, or the question names another date than the meeting found
    meeting = meetings(row.meeting_id)
    if meeting is None:
        return None
    lines = list(dict.fromkeys(x for w in asked for x in meeting_facts.fact_lines(meeting, w)))
    if not lines and asked[0] == "chair":
        return refusal(lang, "the minutes do not name who chaired the meeting" if lang == "en"
                       else "referatet nævner ikke, hvem der var formand")
    if not lines and asked[0] == "remarks":
        return refusal(lang, "the minutes record no member arriving late or leaving early" if lang == "en"
                       else "referatet nævner ingen, der kom senere eller gik før tid")
    if not lines and asked[0] == "absent" and meeting_facts.MEETING.search(query.text) \
            and not any(_attendance_line(h.item.item.text) for h in hits if h.item.meeting_id == row.meeting_id):
        # "Hvem havde meldt afbud til byrådsmødet?" of minutes with no attendance at all: a member who "deltog ikke
        # i sagens behandling" in another body's handling is no answer
        return refusal(lang, "the minutes do not record who was absent from the meeting" if lang == "en"
                       else "referatet oplyser ikke, hvem der var fraværende fra mødet")
    # an export with no meeting head may say in an item where the meeting is held ("Mødet holdes i Forum Horsens")
    told = None if "venue" not in asked or meeting_facts.fact_lines(meeting, "venue") else next(
        ((h, s) for h in hits if h.item.meeting_id == row.meeting_id
         and (s := meeting_facts.venue_sentence(h.item.item.text))), None)
    if not lines and told is None:
        return None
    venue = [citation(told[0], told[1], public_url)] if told else []
    venue_text = f"{where(told[0], lang)}:\n«{told[1]}»" if told else ""
    if not lines:
        return Answer(answer=venue_text, refused=False, citations=venue)
    text = f"{meeting_where(meeting, lang)}:\n" + "\n".join(f"«{x}»" for x in lines)
    cit = Citation(municipality=meeting.municipality, committee=meeting.committee,
                   meeting_date=meeting.date.isoformat(), item_number=None,
                   item_title=("Meeting facts" if lang == "en" else "Mødeoplysninger"), quote=lines[0],
                   item_id=meeting.id, url=f"{public_url.rstrip('/')}/meetings/{meeting.id}/page", kind="meeting")
    extra = [cit.model_copy(update={"quote": x}) for x in lines[1:]]
    return Answer(answer="\n\n".join(x for x in (text, venue_text) if x), refused=False,
                  citations=[cit, *extra, *venue])


def _attendance_line(text: str) -> bool:
    """An attendance line in an item ("Afbud: Charlotte Levin", "Fraværende: Peter Brøndum (V)")."""
    return any(vocab.ABSENT_LABEL.match(line.strip()) for line in text.splitlines())
