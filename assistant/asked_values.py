"""Values a question asks for that the cited item states nowhere: a clock time, how long something took, a phone
number or e-mail, a plot or local plan number, a person's party, a percentage.

The value kinds of ``answer_kind`` are coarse ("what time" is a date, "which party does X belong to" a party);
a passage with any date or any party letter passes them. These checks look for the finer value in the item's
whole text (and, for a party, the meeting's participant list): when none is there, the honest answer is that the
minutes do not state it, whatever passage comes closest. Each is a pure function of question and text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant import views
from assistant.compared import comparison_unstated
from assistant.query import language
from assistant.quotes import SENTENCE_BREAK, sentences
from assistant.terms import match, prefixes, question_terms
from assistant.value_kinds import KIND_PATTERNS
from store.lexical import tokens

# (label en, label da): what the item does not state
LABELS = {"clock": ("a time of day", "et klokkeslæt"), "duration": ("how long it took", "hvor lang tid det tog"),
          "contact": ("a phone number or e-mail", "et telefonnummer eller en e-mail"),
          "plot": ("a plot number", "et matrikelnummer"), "plan": ("a local plan number", "et lokalplannummer"),
          "party": ("a party", "et parti"), "day": ("an exact day", "en præcis dato"),
          "age": ("an age", "en alder"), "ready": ("when it will be finished", "hvornår det står færdigt"),
          "percent": ("a percentage", "en procentsats"),
          "compared": ("a comparison with the earlier period", "en sammenligning med den tidligere periode"),
          "running": ("an operating cost", "en driftsudgift"),
          "gross": ("a gross figure", "et bruttobeløb"), "net": ("a net figure", "et nettobeløb"),
          "hourly": ("a price per hour", "en pris pr. time"),
          "construction": ("what it costs to build or set up", "hvad det koster at bygge eller etablere"),
          "ranked": ("which one came first", "hvem der lå øverst"), "where": ("a place", "et sted"),
          "address": ("an address", "en adresse"), "ended": ("when the meeting ended", "hvornår mødet sluttede")}

_PRICE = r"kost|\bcost|\bcharge|\bfee\b|\bprice|\bpris|takst|gebyr|betal|\bpay|\bkr\b|kroner|afgift|\bleje\b|\brent\b"
_ASKS = {
    # when a meeting ended ("Hvornår sluttede byrådsmødet?", "What time did the meeting end?"): minutes record it
    # only in a closing line ("Mødet hævet kl. 21.30"), not in the start time or the meeting's date
    "ended": re.compile(r"^\W*(?:hvornår|hvad tid|hvilket klokkeslæt|when|what time|at what time)\b.{0,60}"
                        r"(?:\b(?:sluttede|slutter|endte|ender|afsluttedes|afsluttes|hævedes|blev\s+\S+\s+hævet|"
                        r"ended|end|finish(?:ed)?|close[sd]?)\b.{0,40}\w*(?:mød\w*|meeting)|"
                        r"(?:mød\w*|meeting)\b.{0,40}\b(?:sluttede|slutter|endte|ender|afsluttet|afsluttedes|hævet|"
                        r"ended|end|finish(?:ed)?|close[sd]?)\b)", re.I),
    "clock": re.compile(r"\bhvad tid\b|\bhvilket klokkeslæt|\bklokken hvad\b|\bhvornår på dagen\b|\bwhat time\b|"
                        r"\bwhat hour\b|\btime of day\b", re.I),
    "duration": re.compile(r"\bhvor længe (?:brugte|tog|varede|drøftede|debatterede|diskuterede|behandlede)\b|"
                           r"\bhvor lang tid (?:brugte|tog|varede|blev brugt)\b|"
                           r"\bhow long did\b.{0,80}\b(?:take|last|spend|discuss|debate)\b|\bhow much time\b", re.I),
    "contact": re.compile(r"telefonnummer\w*|\btelefon ?nr|\btlf\b|\be-?mail\w*|\bmailadresse\w*|"
                          r"\bphone number|\bcontact details|\bkontaktoplysninger", re.I),
    # a street address ("Hvad er adressen på daginstitutionen?"), not an e-mail address (contact, above)
    "address": re.compile(r"\b(?:hvad er|hvad var|hvilken|på hvilken|what is|what was|what's|which|what|at what)\s+"
                          r"(?:the\s+|den\s+|deres\s+|dens\s+)?(?:postadresse\w*|adresse(?:n|r)?|address(?:es)?)\b",
                          re.I),
    "plot": re.compile(r"matrikel ?n(?:ummer|r)\w*|\bmatr\.? ?nr|\bcadastral (?:number|no)|\bplot number", re.I),
    "plan": re.compile(r"lokalplan ?n(?:ummer|r)\w*|\b(?:local|district) plan (?:number|no)", re.I),
    "party": re.compile(r"^\W*(?:hvilket parti|which party|what party)\b.{0,120}\b(?:repræsenterer|sidder|tilhører|"
                        r"medlem|er\b|for\b|represent|belong|member|is\b|sit)", re.I),
    "age": re.compile(r"\baldersgruppe\w*|\bhvor gam(?:mel|le|mle)\b|\bhvilken alder\b|\bhow old\b|\bwhat age\b|"
                      r"\bwhich age\b|\bage group", re.I),
    "ready": re.compile(r"^\W*(?:hvornår|when)\b.{0,100}\b(?:stå færdig|være færdig|blive færdig|være klar|stå klar|"
                        r"tages i brug|færdiggjort|be (?:ready|finished|completed|done)|be taken into use|"
                        r"ready for use|finished|completed)|"
                        # "Hvornår står den nye cykelsti langs Gl. Vardevej færdig?": the verb before its subject
                        r"^\W*hvornår\s+(?:står|bliver|er)\b.{0,80}\b(?:færdig\w*|klar)\b", re.I),
    "percent": re.compile(r"\bhvor mange procent\b|\bhvor stor en procent|\bwhat percentage\b|"
                          r"\bby what percent(?:age)?\b|\bhow many per ?cent\b|\bprocentsats", re.I),
    # what it costs to run, not to build ("What will the new pool cost to run each year?", "driftsudgifterne"):
    # a construction cost does not answer it
    # gross and net are different figures: "bruttoindtægten" is not answered by "Nettoindtægten skønnes til ..."
    "gross": re.compile(r"\bbrutto(?!ton|registerton)\w*|\w+brutto\w*|\bgross\b(?!\s+(?:ton|register))", re.I),
    "net": re.compile(r"\bnetto\w*|\bnet (?:income|revenue|cost|result|saving|expense)", re.I),
    # a price per hour is a rate, not a total: "hvad koster det i timen?", "the hourly charge" (a price per month
    # is not checked: a table of monthly rates rarely says "pr. måned")
    "hourly": re.compile(rf"^(?=.*(?:{_PRICE}))(?=.*(?:\bhourly\b|\bper hour\b|\ban hour\b|\bpr\.? time\b|"
                         r"\bper time\b|\bi timen\b|\btimepris|\btimetakst))", re.I | re.S),
    # "Hvilken forening fik den største elitestøtte?", "which school got the most equipment?": a ranking, which an
    # item gives by a superlative of its own or a table of each one's figure
    "ranked": re.compile(r"^(?:[^?]{0,120}?\s[-–:]\s|[^?]{0,120}?,\s)?\W*(?:hvilke[nt]?|which|what|hvem|who)\b.{0,80}"
                         r"\b(?:mest|flest|størst\w*|højest\w*|dyrest\w*|billigst\w*|most|biggest|largest|highest|"
                         r"most expensive|cheapest)\b", re.I),
    # "Hvor holdes dialogmødet?", "Hvor skal den nye industripark ligge?", "Where will the new hall be built?" (not
    # "hvor mange/meget/stor", and not the meeting's own venue, which the meeting facts answer)
    "where": re.compile(r"^(?!.*\b(?:mødet|møde|meeting)\b)\W*(?:hvor\s+(?:holdes|afholdes|ligger|placeres|bygges|"
                        r"opføres|skal\b.{0,60}\b(?:ligge|placeres|bygges|opføres|holdes|afholdes))\b|"
                        r"where\s+(?:is|are|will|was|were|does|do|should)\b.{0,80}\b(?:held|located|built|placed|"
                        r"be|take place|lie)\b)", re.I),
    # what it costs to build ("Hvad koster det at bygge den flydende sauna?", "the construction cost"): a rent or
    # a fee the item states does not answer it
    "construction": re.compile(r"(?:\bkost\w*|\budgift\w*|\bbeløb\w*|\bhvor meget\b|\bhow much\b|\bcost\w*)\b.{0,60}"
                               r"\b(?:at|to)\s+(?:bygge|opføre|anlægge|etablere|renovere|udvide|ombygge|build|"
                               r"construct|renovate|extend)\b|\b(?:anlægsudgift|byggeudgift|anlægssum|byggesum|"
                               r"anlægsomkostning)\w*|\b(?:construction|building) costs?\b", re.I),
    "running": re.compile(r"^(?=.*(?:kost|\bcost|udgift|beløb|\bhow much\b|\bhvor meget\b|\bpris|\bprice|expens))"
                          r"(?=.*(?:\bdrift|\bat drive\b|\bto run\b|\brunning\b|\boperat(?:e|ing|ion)))", re.I | re.S),
}

_KL = re.compile(r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?\b|\bklokken\s+\d", re.I)  # "kl. 6.00": a clock wherever it stands
_CLOCK = re.compile(_KL.pattern + r"|(?<![\d.,])\d{1,2}[.:][0-5]\d(?![\d.,:])(?!\s*(?:mio|mia|kr|%|procent))|"
                    r"\b\d{1,2}\s*(?:am|pm)\b", re.I)
_DURATION = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:minut\w*|timer?\b|hours?|minutes?|min\.)|"
                       r"\b(?:en|et|halv|to|tre|one|half|an?)\s+(?:time|timer|hour|hours|minut\w*)\b|"
                       r"kl\.?\s*\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*(?:kl\.?\s*)?\d{1,2}", re.I)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+45\s?)?\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b")
_PLOT = re.compile(r"\bmatr(?:ikel)?\.?\s*(?:nr\.?|nummer)?\s*\d+\s*[a-zæøå]{0,3}\b|"
                   r"\b\d{1,4}\s*[a-zæøå]{1,3}\s+[A-ZÆØÅ][\wæøå-]+\s+(?:By|by|Bygade|Mark|Overdrev)\b", re.I)
# a street and house number ("Gjeddesdalsvej 85", "Frydenhøj Allé 2"), or a postcode and town ("2670 Greve")
_ADDRESS = re.compile(r"\b[A-ZÆØÅ][\wæøå.-]*(?:vej|gade|allé|alle|torv|plads|stræde|vænge|park|bakke|toft|gården|"
                      r"løkke|engen|ager|have|høj)\s+\d{1,4}\s?[A-Za-z]?\b|\b[1-9]\d{3}\s+[A-ZÆØÅ][a-zæøå]{2,}")
# a closing line: "Mødet hævet kl. 21.30", "Mødet sluttede kl. 19.45", "Meeting closed at 9.30 pm"
_ENDED = re.compile(r"\b(?:hævet|sluttede|slut|afsluttet|afsluttedes|ophørte|closed|ended|adjourned)\b.{0,20}"
                    r"\b(?:kl\.?\s*)?\d{1,2}[.:]\d{2}", re.I)
_PLAN = re.compile(r"\blokalplan(?:forslag)?\s*(?:nr\.?\s*)?\d+|\blocal plan\s*(?:no\.?\s*)?\d+", re.I)
_DATE_LIKE = re.compile(KIND_PATTERNS["date"].pattern + r"|\b\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}\b", re.I)
_PERCENT = KIND_PATTERNS["percent"]
_AGE = re.compile(r"\b\d{1,2}\s*(?:-|–|til)\s*\d{1,2}\s*år|\b\d{1,2}\s*(?:år|års|årige|years?)\b|-årige\b|"
                  r"\b(?:alder|alderen|aged?)\s+\d|\bover \d{2}\b|\bunder \d{2}\b|\bklassetrin\b|\b\d\.\s*klasse|"
                  # a building's age is its year ("lokalerne er fra 1968", "opført i 1972")
                  r"\b(?:er fra|bygget i|opført i|built in|dating from|dates from)\s+(?:18|19|20)\d\d\b", re.I)
# a sentence saying when something is finished: a word for finishing and a date or year
_READY = re.compile(r"færdig\w*|\bklar\b|tages i brug|ibrugtag\w*|indvi\w*|\båbne[rs]?\b|\båbning\w*|"
                    r"\bstår klar|afslut\w*|complet\w*|finish\w*|ready|open", re.I)
_WHEN = re.compile(KIND_PATTERNS["date"].pattern, re.I)
_RUNNING = re.compile(r"\bdrift\w*|\bdriv(?:e|es|er|ning\w*)\b|\boperat(?:ing|ion)\w*|\brunning cost", re.I)
_PARTY_AFTER = r"\s*(?:\((?:[A-ZÆØÅ]{1,2})\)|,\s*(?:[A-ZÆØÅ]{1,2})\b|\s+\((?:\w+\s*){1,3}\))"
_PARTY_WORD = re.compile(r"venstre|socialdemokrat\w*|konservative|radikale|enhedslisten|alternativet|"
                         r"liberal alliance|dansk folkeparti|\bsf\b|socialistisk folkeparti|moderaterne|"
                         r"danmarksdemokraterne|nye borgerlige|\((?:[A-ZÆØÅ]{1,2})\)", re.I)


# building, in a title or beside an amount: "Anlægsbevilling til renovering af østmolen", "Udvidelsen koster 4 mio. kr."
_BUILDING = re.compile(r"anlæg\w*|byg(?:ge|ning|ger|get|ges|eri)\w*|opfør\w*|etabler\w*|renover\w*|udvid\w*|"
                       r"istandsæt\w*|entrepri\w*|construct\w*|build\w*|renovat\w*|extension", re.I)
_AMOUNT = re.compile(r"\d\s*(?:kr\b|kroner|mio|mia|million|billion)|\bDKK\b|\bkr\.?\s*\d", re.I)


def _builds(text: str) -> bool:
    """Does the item state a cost of building: a title of building ("Anlægsbevilling til …", its first line) or a
    sentence with an amount and a word of building?"""
    lines = text.strip().split("\n")
    if lines and _BUILDING.search(lines[0]):
        return True
    return any(_AMOUNT.search(s) and _BUILDING.search(s) for s in _sentences(text))


def _sentences(text: str) -> list[str]:
    """The text's sentences, line by line; a date's ordinal dot ("den 1. august 2027") ends none."""
    return [s for line in text.split("\n") for s in sentences(line)]


def asked(question: str) -> str | None:
    """The fine value kind a question asks for, or None."""
    return next((kind for kind, pattern in _ASKS.items() if pattern.search(question)), None)


def _has_party(name: str, text: str) -> bool:
    """The text gives ``name`` a party: "Charlotte Levin (C)", "Charlotte Levin, V", or a party named within a
    few words of the name."""
    esc = re.escape(name)
    if re.search(esc + _PARTY_AFTER, text):
        return True
    # a party named after the name, before the next name in a list ("Ole Sand, Venstre, formand")
    return any(_PARTY_WORD.search(re.split(r"[;\n]|,\s*[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]", text[m.end():m.end() + 60])[0])
               for m in re.finditer(esc, text))


def _without_dates(text: str) -> str:
    return _DATE_LIKE.sub(" ", text)


_HOLDS: dict[str, Callable[[str], bool]] = {
    "clock": lambda text: _CLOCK.search(_without_dates(text)) is not None,
    "duration": lambda text: _DURATION.search(text) is not None,
    "contact": lambda text: _CONTACT.search(_without_dates(text)) is not None,
    "plot": lambda text: _PLOT.search(text) is not None,
    "address": lambda text: _ADDRESS.search(text) is not None,
    "ended": lambda text: _ENDED.search(text) is not None,
    "plan": lambda text: _PLAN.search(text) is not None,
    "percent": lambda text: _PERCENT.search(text) is not None,
    "age": lambda text: _AGE.search(text) is not None,
    "running": lambda text: _RUNNING.search(text) is not None,
    "construction": _builds,
    "gross": lambda text: re.search(r"brutto|\bgross\b", text, re.I) is not None,
    "net": lambda text: re.search(r"netto|\bnet\b", text, re.I) is not None,
    "hourly": lambda text: re.search(r"\b(?:pr\.?|per|i)\s*(?:påbegyndt\w*\s+)?timen?\b|/\s*(?:time|t|h)\b|"
                                     r"timepris|timetakst|hourly|per hour", text, re.I) is not None,
    # the lowest bid answers "the cheapest" ("Laveste tilbud er afgivet af ...", "lavestbydende")
    "ranked": lambda text: re.search(r"\b(?:mest|flest|størst\w*|højest\w*|næsthøjest\w*|dyrest\w*|billigst\w*|"
                                     r"lavest\w*|most|largest|highest|lowest|cheapest)\b",
                                     text, re.I) is not None or sum("|" in line for line in text.split("\n")) >= 3,
    "ready": lambda text: any(_READY.search(s) and _WHEN.search(s) for s in _sentences(text)),
}


def unstated(question: str, item_text: str, people: str = "") -> str | None:
    """The fine kind of value the question asks for when ``item_text`` (for a party: with ``people``, the
    meeting's participants) holds none of it; else None."""
    kind = asked(question)
    if kind is None:
        return None
    if kind == "party":
        names = views.person_names(question) or views.names_echoed(question, f"{item_text}\n{people}")
        if not names:
            return None
        text = f"{item_text}\n{people}"
        return None if any(_has_party(n, text) for n in names) else kind
    if kind == "clock" and _clock_about(question, item_text):
        return None
    if kind == "where":
        return None if _place_about(question, item_text) else kind
    if kind == "age":  # "Hvor gammel er Mette Kragh?": her age is said where she is named, not in another note
        item_text = _about_person(question, item_text)
    return None if _HOLDS[kind](item_text) else kind


# a place in a sentence: a capitalised name after a preposition of place, an address, a room or a building
_PLACE_SAID = re.compile(r"\b(?:på|i|ved|hos|in|at)\s+(?:[a-zæøå]+\s+){0,2}(?-i:[A-ZÆØÅ])[\wæøå-]+|"
                         r"\w+(?:vej|gade|torv|plads|pladsen|allé|alle|havn|havnen)\b(?:\s+\d+)?|"
                         r"\w*(?:lokale|salen|rådhus\w*|centret|center|hallen|skolen)\b", re.I)


# a sentence about where something goes, whatever it calls the thing ("Udvalget peger på placeringen ved Industrivej")
_SITING = re.compile(r"\bplacering\w*|\bbeliggenhed\w*|\bplaceres\b|\blokalisering\w*|\blocation\b|\bsited?\b",
                     re.I)


def _place_about(question: str, text: str) -> bool:
    """A sentence about the question (sharing a term with it) names a place the question does not already name."""
    english = language(question) == "en"
    asked_terms = question_terms(question)
    known = set(tokens(question))
    for sentence in SENTENCE_BREAK.split(text):
        if not (_shares_term(sentence, asked_terms, english, inside=True) or _SITING.search(sentence)):
            continue
        for m in _PLACE_SAID.finditer(sentence):
            if not set(tokens(m.group(0))) <= known:
                return True
    return False


def _about_person(question: str, text: str) -> str:
    """The sentences of ``text`` naming a person the question names (by surname); all of it when it names none
    of them."""
    surnames = {n.split()[-1].lower() for n in views.person_names(question)}
    if not surnames:
        return text
    said = [s for s in SENTENCE_BREAK.split(text) if surnames & set(tokens(s))]
    return "\n".join(said) if said else text


def _clock_about(question: str, text: str) -> bool:
    """A "kl. 6.00" in a sentence that shares a term with the question ("veje i klasse 1 ryddes og saltes inden
    kl. 6.00" for "by what time must class 1 roads be cleared?"): the date-free check would drop it as a date's
    time. A clock about something else ("mødestart kl. 8.15" for a Monday discussion) does not count."""
    english = language(question) == "en"
    asked = question_terms(question)
    return any(_KL.search(sentence) and _shares_term(sentence, asked, english)  # not after "kl."
               for sentence in SENTENCE_BREAK.split(text))


def _shares_term(sentence: str, asked: set[str], english: bool, inside: bool = False) -> bool:
    """The sentence holds one of the question's terms ``asked``: the term or a word it begins; for an English
    question a Danish cognate by its first five letters ("salted" ~ "saltes"); with ``inside``, a compound holding
    it ("dagpleje" in "gæstedagpleje")."""
    toks = set(tokens(sentence))
    fives = {x[:5] for x in re.findall(r"\w{5,}", sentence.lower())} if english else set()
    return any(match(t, toks, prefixes(toks)) or len(t) >= 5 and t[:5] in fives
               or inside and len(t) >= 6 and any(t in x for x in toks) for t in asked)


# "hvilken dato", "on what date", "hvilken dag præcis": a day, which a month or a year does not give
_ASKS_DAY = re.compile(r"\bhvilken dato\b|\bhvilken dag\b|\bpræcis hvornår\b|\bwhat (?:exact )?date\b|"
                       r"\bwhich date\b|\bwhich day\b|\bexact date\b|\bprecise date\b", re.I)
_DAY = re.compile(r"\b\d{1,2}\.?\s*" + r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\w*|"
                  r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}\b|"
                  r"\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
                  r"\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|i dag|i morgen)\b", re.I)


def vague_day(question: str, quote_text: str) -> bool:
    """The question asks for a day ("hvilken dato åbner udstillingen?") and the quote names none, only a month
    or a year ("åbner i februar 2025")."""
    return _ASKS_DAY.search(question) is not None and _DAY.search(quote_text) is None


def not_stated(question: str, item_text: str, quote_text: str, people: str, lang: str,
               meeting_date: str = "") -> str | None:
    """What the question asks that the cited item does not state, in the answer's language ("a time of day",
    "a reason for Jesper Kjeldsen's absence"); None when the item may answer it."""
    en = lang == "en"
    kind = (unstated(question, item_text, people) or ("day" if vague_day(question, quote_text) else None)
            or ("compared" if comparison_unstated(question, item_text, meeting_date) else None))
    if kind:
        return LABELS[kind][0 if en else 1]
    role = views.role_unnamed(question, f"{item_text}\n{people}")  # the meeting's list may give the chair
    if role:
        return f"who the {role} is" if en else f"hvem der er {role}"
    if views.asker_unnamed(question, item_text):  # "et spørgsmål om støjtiltag blev sendt til skriftlig besvarelse"
        return "who asked it" if en else "hvem der stillede spørgsmålet"
    relation = views.relation_unstated(question, item_text)
    if relation:  # "hvem ejer marken?" of an item that never speaks of an owner
        return f"who {relation} it" if en else f"hvem der {relation} den"
    claimed = views.role_unsupported(question, f"{item_text}\n{people}")
    if claimed:  # "Siden hvornår har Liselott Blixt været borgmester?" of minutes naming her only as a member
        return f"{claimed[0]} as {claimed[1]}" if en else f"{claimed[0]} som {claimed[1]}"
    if views.member_unnamed(question, item_text, people):
        return "which member it was" if en else "hvilket medlem det var"
    who = views.absence_unexplained(question, item_text)
    if who:
        return f"a reason for {who}'s absence" if en else f"en begrundelse for {who}s fravær"
    body = views.view_unrecorded(question, item_text)
    if body:
        return f"a view of {body}" if en else f"en holdning fra {body}"
    if views.result_unreported(question, item_text):
        return "a result of it" if en else "et resultat af den"
    if views.hearing_unreported(question, item_text):
        return "what the hearing brought" if en else "hvad høringen gav"
    return None
