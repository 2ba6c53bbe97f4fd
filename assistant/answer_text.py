"""The answerer's fixed phrases (refusals, outcome words, the yes/no lead) and the helpers that format where an
item is and what it decided."""

from __future__ import annotations

import re

from assistant.answer_kind import DECISION_ACT
from assistant.answer_quote import own_decisions
from assistant.contract import Answer, Citation
from assistant.retrieve import Hit
from core import parties
from core.dates import MONTHS_EN
from core.model import AgendaItem, Decision, Meeting

OUTCOME_EN = {"approved": "approved", "noted": "noted", "postponed": "postponed", "rejected": "rejected",
              "other": "recorded"}
OUTCOME_DA = {"approved": "godkendt", "noted": "taget til efterretning", "postponed": "udsat",
              "rejected": "ikke godkendt", "other": "behandlet"}

NO_DECISION = {
    "da": "Der er ikke registreret en beslutning om punktet (kun dagsorden); indstillingen lyder:",
    "en": "No decision on this item is recorded (agenda only); the recommendation reads:",
}

REFUSAL = {
    "da": "Jeg kan ikke finde et dagsordenspunkt i de indlæste referater, der besvarer spørgsmålet.",
    "en": "I could not find an agenda item in the indexed minutes that answers this question.",
}


AFTERMATH = {
    "da": "Referatet viser, hvad der blev besluttet på mødet, ikke hvad der siden skete — det siger:",
    "en": "The minutes record what was decided at the meeting, not what came of it afterwards; they say:",
}


UNKNOWN = {
    "da": "Referatet oplyser det ikke endnu — det siger:",
    "en": "The minutes do not state it yet; they say:",
}


ONLY_APPLIED = {
    "da": "Referatet nævner kun ansøgningen, ikke om der blev givet tilskud — det siger:",
    "en": "The minutes record only the application, not whether it was granted; they say:",
}

NO_VOTE = {
    "da": "Referatet noterer ingen afstemning om punktet, så der er intet stemmetal — det nærmeste er:",
    "en": "The minutes record no vote on this item, so there is no count; the closest they say is:",
}

CONTRADICTED = {
    "da": {"approved": "Referatet siger det modsatte af spørgsmålet: forslaget blev godkendt —",
           "rejected": "Referatet siger det modsatte af spørgsmålet: forslaget blev ikke godkendt —",
           "noted": "Referatet siger noget andet end spørgsmålet: udvalget tog kun sagen til efterretning —",
           "postponed": "Referatet siger noget andet end spørgsmålet: sagen blev udsat, intet blev vedtaget —"},
    "en": {"approved": "The minutes say the opposite of the question: the proposal was approved;",
           "rejected": "The minutes say the opposite of the question: the proposal was not approved;",
           "noted": "The minutes say otherwise: the item was only noted, nothing was approved;",
           "postponed": "The minutes say otherwise: the item was postponed, nothing was adopted;"},
}
NO_VOTE_WHO = {
    "da": "Referatet noterer ingen afstemning om punktet, så ingen stemte imod eller for — beslutningen lyder:",
    "en": "The minutes record no vote on this item, so no one is recorded voting for or against; the decision reads:",
}
OFF_TOPIC = {
    "da": "Det fundne punkt nævner ikke {what}, så dets tal handler om noget andet — det nærmeste er:",
    "en": "The item found does not mention {what}, so its figures are about something else; the closest it says is:",
}
OTHER_PART = {
    "da": "Det fundne punkt nævner ikke {what}, kun {other} — det nærmeste er:",
    "en": "The item found does not mention {what}, only {other}; the closest it says is:",
}
OTHER_PLACE = {
    "da": "Det fundne punkt handler her om {other}, ikke om {what} — det nærmeste er:",
    "en": "The passage found is about {other}, not {what}; the closest it says is:",
}
RESTATED = {  # what a figure-question's quote states when it only repeats the question's own figure
    "da": "andet tal end det, spørgsmålet selv nævner ({given})",
    "en": "any figure beyond the one the question gives ({given})",
}
VOTED_OTHERWISE = {  # the side the minutes record a party on, when the question has it on another
    "da": {"for": "Referatet siger noget andet end spørgsmålet: {party} stemte for —",
           "against": "Referatet siger noget andet end spørgsmålet: {party} stemte imod —",
           "abstain": "Referatet siger noget andet end spørgsmålet: {party} undlod at stemme —"},
    "en": {"for": "The minutes say otherwise: {party} voted for;",
           "against": "The minutes say otherwise: {party} voted against;",
           "abstain": "The minutes say otherwise: {party} abstained;"},
}
NOT_SAID = {
    "da": "Referatet gengiver ikke, hvad {who} sagde; det noterer beslutningen:",
    "en": "The minutes do not report what {who} said; they record the decision:",
}
FORECAST_YEAR = {
    "da": "Referatet siger ikke, hvad der sker i {year}; det nærmeste er:",
    "en": "The minutes do not say what will happen in {year}; the closest they say is:",
}
UNSETTLED_PAST = {
    "da": "Referatet siger ikke, at det skete; punktet blev ikke afgjort — beslutningen var:",
    "en": "The minutes do not say that it happened; the item was not settled — the decision was:",
}
UNSETTLED = {
    "da": "Referatet siger ikke, om det sker; punktet blev ikke afgjort — beslutningen var:",
    "en": "The minutes do not say whether it will happen; the item was not settled — the decision was:",
}
NO_CHOICE = {
    "da": "Referatet viser ikke, at der blev valgt noget; beslutningen var:",
    "en": "The minutes record no choice being made; the decision was:",
}
ABSENT_VOTER = {
    "da": "{who} var fraværende ved mødet og stemte derfor ikke; beslutningen var:",
    "en": "{who} was absent from the meeting and so did not vote; the decision was:",
}
CLOSED_BARE = {
    "da": "Punktet er lukket, og referatet offentliggør kun dets titel:",
    "en": "The item is closed (lukket punkt); the minutes publish only its title:",
}
CLOSED = {
    "da": "Punktet er lukket, og referatet offentliggør kun beslutningen:",
    "en": "The item is closed (lukket punkt); the minutes publish only its decision:",
}
UNSTATED_SUM = {  # a sum the question states as a fact ("the bidder who offered 2.7 million kroner")
    "da": "Det fundne punkt nævner ikke beløbet {what}, som spørgsmålet går ud fra — det nærmeste er:",
    "en": "The item found does not mention the sum of {what} the question assumes; the closest it says is:",
}
NOT_STATED_HEAD = {
    "da": "Det fundne punkt nævner ikke {what}, som spørgsmålet efterspørger — det nærmeste er:",
    "en": "The item found does not state {what} that answers the question; the closest it says is:",
}


def refusal(lang: str, note: str | None = None) -> Answer:
    text = REFUSAL.get(lang, REFUSAL["da"])
    if note:
        text += f" ({note})"
    return Answer(answer=text, refused=True, citations=[])


def citation(hit: Hit, quote: str, public_url: str) -> Citation:
    row, item = hit.item, hit.item.item
    return Citation(municipality=row.municipality, committee=row.committee, meeting_date=row.date,
                    item_number=item.number, item_title=item.title, quote=quote, item_id=hit.item_id,
                    url=f"{public_url.rstrip('/')}/items/{hit.item_id}", case_number=item.case_number)


def authority(name: str, lang: str) -> str:
    """"Greve Kommune" / "Greve Municipality"; a region ("Region Hovedstaden") is named as it is."""
    if name.startswith("Region "):
        return name
    return f"{name} Municipality" if lang == "en" else f"{name} Kommune"


def where(hit: Hit, lang: str) -> str:
    row, item = hit.item, hit.item.item
    y, m, d = (int(x) for x in row.date.split("-"))
    if lang == "en":
        num = f"item {item.number}" if item.number else f"agenda item no. {item.order} (unnumbered)"
        return (f"{authority(row.municipality, lang)}, {row.committee}, meeting of {d} {MONTHS_EN[m - 1]} {y}, "
                f"{num} “{item.title}”")
    num = f"punkt {item.number}" if item.number else f"dagsordenspunkt nr. {item.order} (uden nummer)"
    return f"{authority(row.municipality, lang)}, {row.committee}, mødet den {d:02d}-{m:02d}-{y}, {num} »{item.title}«"


UNANIMOUS_ONLY = {
    "da": "Referatet noterer, at beslutningen var enstemmig, men ikke hvor mange der stemte — det siger:",
    "en": "The minutes record a unanimous decision, not how many members voted; they say:",
}
PARTIES_ONLY = {
    "da": "Referatet noterer, hvilke partier der stemte hvordan, men ikke hvor mange medlemmer — beslutningen er:",
    "en": "The minutes record which parties voted how, not how many members did; the decision is:",
}


# a count printed with the vote ("For stemte 3:", "Imod: 2 (Ø)"), not a number in a remark after it ("buslinje 224")
_PRINTED_COUNT = re.compile(r"^[^\d(]{0,25}\b\d{1,2}\b")
_BRACKET_COUNT = re.compile(r"\(\d{1,3}(?:\s+(?:stemmer?|medlem(?:mer)?))?\)")  # "Imod stemte: O og D (4)."


def counted_votes(decisions: list[Decision]) -> bool:
    """A vote the minutes count: a number printed, or the people named (not only party letters)."""
    return any(_PRINTED_COUNT.match(v.text) or _BRACKET_COUNT.search(v.text)
               or any(not _party(m.name) for m in v.members)
               for d in decisions for v in d.votes)


def _party(name: str) -> bool:
    """A vote's member that is a party ("Ø", "Enhedslisten"), not a person."""
    return parties.letter_of(name) is not None or re.fullmatch(r"[A-ZÆØÅ]{1,2}", name.strip()) is not None


def _votes(decisions: list[Decision], lang: str) -> str:
    parts = []
    for dec in decisions:
        for v in dec.votes:
            names = ", ".join(f"{x.name} ({x.party})" if x.party else x.name for x in v.members)
            label = {"for": "For", "against": "Against" if lang == "en" else "Imod",
                     "abstain": "Abstained" if lang == "en" else "Undlod"}[v.position]
            # a count only where the minutes give one or name the people: "Imod stemte: Ø" names a party, whose
            # members are not counted
            people = [x for x in v.members if not _party(x.name)]
            count = v.count if _PRINTED_COUNT.match(v.text) else len(people) if people else None
            if count is not None or names:
                parts.append(f"{label}: " + " ".join(x for x in (str(count) if count is not None else "",
                                                                  f"({names})" if names and count is not None
                                                                  else names) if x))
    return "; ".join(dict.fromkeys(parts))


def _summary(item: AgendaItem, lang: str, meeting_date: str = "") -> str:
    """The outcome of this meeting's decision(s) (earlier bodies' decisions are in the case history)."""
    decisions = own_decisions(item, meeting_date) if meeting_date else item.decisions
    if not decisions:
        return ""
    labels = OUTCOME_EN if lang == "en" else OUTCOME_DA
    bodies = list(dict.fromkeys(f"{d.body}: {labels[d.outcome]}" for d in decisions))
    lead = "Outcome" if lang == "en" else "Udfald"
    text = f"{lead}: " + "; ".join(bodies) + "."
    votes = _votes(decisions, lang)
    if votes:
        text += (" Vote: " if lang == "en" else " Afstemning: ") + votes + "."
    return text


YES_NO_DECISION = re.compile(r"^\s*(?:fik|blev|godkendte|vedtog|bevilgede|besluttede|did|was|were|has|have)\b", re.I)
YES = {"da": "Ja.", "en": "Yes."}
NO = {"da": "Nej.", "en": "No."}
def yes_no(item: AgendaItem, question: str, kind: str, lang: str, meeting_date: str) -> str:
    """"Ja."/"Nej." first when a yes/no question asks whether something was decided, from this meeting's outcome."""
    if kind != "yesno" or not YES_NO_DECISION.search(question) or not DECISION_ACT.search(question):
        return ""  # "Did Greve end up getting money from the state pool?" is not settled by this meeting's outcome
    outcomes = {d.outcome for d in own_decisions(item, meeting_date)}
    if outcomes == {"approved"}:
        return YES[lang] + " "
    if outcomes == {"rejected"}:
        return NO[lang] + " "
    return ""


def meeting_where(meeting: Meeting, lang: str) -> str:
    d = meeting.date
    if lang == "en":
        return f"{meeting.municipality}, {meeting.committee}, meeting of {d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return f"{authority(meeting.municipality, lang)}, {meeting.committee}, mødet den {d.strftime('%d-%m-%Y')}"

