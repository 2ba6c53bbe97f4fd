"""Why-questions about a named person's absence and questions for a named outside body's view: the item must
hold a sentence that names them and gives it, or the honest answer is that the minutes do not.

"Why did Jesper Kjeldsen not take part?" of "Rådmand Nicolaj Bang og Jesper Kjeldsen deltog ikke i sagens
behandling." records the absence, not its reason; "What does Movia think of ...?" of an item that names Movia only
as the operator records no view. Each is a pure function of question and item text.
"""

from __future__ import annotations

import re

from assistant.quotes import sentences
from core import municipalities, parties
from core.model import fold

_ABSENCE = re.compile(r"\bafbud\b|\bfravær\w*|\bikke (?:med|til stede)\b|\bdeltog ikke\b|\bikke deltog\b|"
                      r"\bnot (?:take|taking|took) part\b|\babsent\b|\bmiss(?:ed|ing)? the\b|\bnot (?:at|attend)", re.I)
_WHY = re.compile(r"^\W*(?:hvorfor|why|what was the reason|hvad var (?:grunden|årsagen))\b", re.I)
_REASON = re.compile(r"\bfordi\b|\bpå grund af\b|\bgrundet\b|\bpga\b|\binhabil\w*|\bsygdom\b|\bsyg\b|\bferie\b|"
                     r"\bbarsel\b|\bdue to\b|\bbecause\b|\bconflict of interest\b|\bmed henvisning til\b|\bidet\b|"
                     r"\bi medfør af\b|\bforvaltningslovens\b", re.I)
_NAME = re.compile(r"\b([A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+){1,2})\b")
_BODY_WORD = re.compile(r"kommune|byråd|udvalg|region|parti|city|council|committee|magistrat", re.I)


def _institutional(name: str) -> bool:
    """A body, a municipality or a party, not a person or an outside organisation: "Greve Kommune", "Aarhus",
    "Dansk Folkeparti"."""
    return (_BODY_WORD.search(name) is not None or parties.letter_of(name) is not None
            or bool(parties.party_names(name)) or any(municipalities.canonical_name(w) for w in name.split()))


def person_names(question: str) -> list[str]:
    """The people a question names: two or three capitalised words in a row that name no body, municipality
    or party."""
    return [n for n in _NAME.findall(question) if not _institutional(n)]


def names_echoed(question: str, text: str) -> list[str]:
    """The people of ``text`` a question names in lower case ("hvilket parti sidder charlotte levin for?" of
    minutes listing "Charlotte Levin"): a typed name is often not capitalised."""
    low = " " + " ".join(re.findall(r"\w+", question.lower())) + " "
    return [n for n in dict.fromkeys(_NAME.findall(text))
            if not _institutional(n) and " " + " ".join(n.lower().split()) + " " in low]


def absence_unexplained(question: str, item_text: str) -> str | None:
    """The person a why-question asks about the absence of ("Hvorfor havde Charlotte Levin meldt afbud?") when no
    sentence of the item naming them gives a reason; else None."""
    if not (_WHY.search(question) and _ABSENCE.search(question)):
        return None
    names = person_names(question)
    if not names:
        return None
    for name in names:
        surname = name.split()[-1]
        about = [s for s in sentences(item_text) if re.search(rf"\b{re.escape(surname)}\b", s)]
        if any(_REASON.search(s) for s in about):
            return None
    return names[0]


# "Hvad mener Movia om ...?", "What does Danmarks Idrætsforbund think of ...?", "Socialstyrelsen's view"
_ORG = r"((?-i:[A-ZÆØÅ][\wæøåÆØÅ-]+)(?:\s+(?-i:[A-ZÆØÅ][\wæøåÆØÅ-]+|og|of|for))*)"  # capitalised words
_ASKS_VIEW = re.compile(rf"^\W*hvad (?:mener|synes|tænker|siger)\s+{_ORG}\s+om\b|"
                        rf"^\W*what (?:does|do|did)\s+(?:the\s+)?{_ORG}\s+(?:think|say|feel)\b|"
                        rf"\b{_ORG}'s (?:view|opinion|position|stance)\b", re.I)
_VIEW = re.compile(r"\bmener\b|\bvurder\w*|\bsynes\b|\bfinder\b|\budtal\w*|\btilkendegiv\w*|\banbefal\w*|"
                   r"\bindstill\w*|\bforeslå\w*|\bønsker\b|\bhøringssvar\w*|\bbemærkning\w*|\bpositiv\w*|"
                   r"\bnegativ\w*|\bimod\b|\bstøtter\b|\bbakker op\b|\bopfordrer\b|\bfremhæver\b|\bpåpeger\b", re.I)


def view_unrecorded(question: str, item_text: str) -> str | None:
    """The outside body a question asks the view of when no sentence of the item names it with a view (mener,
    vurderer, anbefaler, høringssvar, ...); else None. A party's or the municipality's own view is not asked
    here: votes and recommendations answer those."""
    m = _ASKS_VIEW.search(question)
    if m is None:
        return None
    org = next(g for g in m.groups() if g).strip()
    head = org.split()[0]
    if len(head) < 3 or _institutional(org):
        return None
    about = [s for s in sentences(item_text) if re.search(rf"\b{re.escape(head)}", s)]
    return None if any(_VIEW.search(s) for s in about) else org


# "Hvad viste evalueringen?", "what did the survey find?": the result of an evaluation, study or survey
_ASKS_RESULT = re.compile(r"\b(?:hvad|what)\b.{0,60}\b(?:viste|viser|konkluderede|konkluderer|kom\b.{0,30}\bfrem til|"
                          r"show(?:s|ed)?|f(?:i|ou)nd|conclude[sd]?)\b|"
                          # "What were the results of the trial?", "hvad kom der ud af forsøget?"
                          r"\bresults? of\b|\bresultat(?:et|erne)? af\b|\bhvad kom der ud af\b", re.I)
_STUDY = re.compile(r"evaluering\w*|undersøgelse\w*|analyse\w*|måling\w*|kortlægning\w*|rapport\w*|survey\w*|"
                    r"evaluation\w*|study|studies|analysis|review\w*|assessment\w*|report\w*|forsøg\w*|"
                    r"trials?\b|pilot\w*", re.I)
_FINDING = re.compile(r"\bvise[rs]?\b|\bviste\b|konklu\w*|resultat\w*|\bfandt\b|\bpeger på\b|\bfrem til\b|\bsvarede\b|"
                      r"\btilfredse?\b|\bprocent\b|%|\bshow(?:s|ed)?\b|\bfound\b|\bfindings?\b", re.I)


def result_unreported(question: str, item_text: str) -> bool:
    """The question asks what an evaluation, study or survey showed and no sentence of the item about one reports
    a finding (it is planned, ongoing or only attached)."""
    if not (_ASKS_RESULT.search(question) and _STUDY.search(question)):
        return False
    about = [s for s in sentences(item_text) if _STUDY.search(s)]
    return not any(_FINDING.search(s) for s in about)


# "What was the outcome of the public hearing?", "hvad kom der ud af høringen?": what the hearing brought, which an
# item sending a plan into hearing cannot tell; an item reporting one names its responses or objections
_ASKS_HEARING = re.compile(r"\b(?:outcome|result|upshot)s?\b.{0,30}\b(?:hearing|consultation)|"
                           # "hvad skrev skolebestyrelserne i deres høringssvar?": the responses themselves
                           r"\bhvad (?:skrev|sagde|mente|svarede)\b.{0,60}\bhøringssvar|"
                           r"\bwhat did\b.{0,60}\b(?:say|write)\b.{0,30}\b(?:consultation|hearing) (?:response|repl)|"
                           r"\bwhat came out of\b.{0,30}\b(?:hearing|consultation)|"
                           r"\b(?:udfald|resultat)\w*\b.{0,30}\bhøring|\bhvad kom der (?:ud af|ind i)\b.{0,30}\bhøring|"
                           # how many answered it, or what was adopted once it was over
                           r"(?=.*(?:høring|hearing|consultation))\b(?:how many|hvor mange)\b.{0,40}"
                           r"\b(?:responses|replies|comments|objections|høringssvar|svar|indsigelser|bemærkninger)\b|"
                           r"\b(?:efter|after) (?:the )?(?:public )?(?:høringen|hearing|consultation)\b",
                           re.I)
_HEARD = re.compile(r"høringssvar|indsigelse|indkom\w*|modtaget \d|bemærkninger\b.{0,30}\bhøring|"
                    r"efter høring\w*|hearing responses|consultation responses|objections", re.I)


def hearing_unreported(question: str, item_text: str) -> bool:
    """The question asks what a hearing brought and the item reports no response, objection or remark from one."""
    return _ASKS_HEARING.search(question) is not None and _HEARD.search(item_text) is None


# "Hvem er formand for Greve Golf Klub?", "Who is the director of Casa Nord?": a person in a role, whom the item can
# name only where it names the role; each role asked by its Danish and English words, with the stems that hold it
_ROLES = (
    (r"næstformand\w*|vice[- ]?chair\w*", ("naestformand",)),
    (r"formand\w*|forperson\w*|forkvinde\w*|chair\w*", ("formand", "formaend", "forperson", "forkvind")),
    (r"direktør\w*|director|ceo|administrerende", ("direktoer", "direktion", "administrerende")),
    (r"borgmester\w*|mayor", ("borgmester",)),
    (r"rådmand\w*|rådmænd\w*|alderman", ("raadmand", "raadmaend")),
    (r"skoleleder\w*|principal|inspektør\w*", ("skoleleder", "inspektoer", "leder")),
    (r"leder(?:en)?|chef(?:en)?|manager|head|leader", ("leder", "chef")),
    (r"kontaktperson\w*|contact person", ("kontaktperson",)),
    (r"sagsbehandler\w*|case (?:officer|worker|handler)|caseworker", ("sagsbehandl",)),
)
_WHO_IS = re.compile(r"^\W*(?:(?:og|and)\s+)?(?:(?:hvem|who)\s+(?:er|var|bliver|is|was|will be)|"
                     r"hvad\s+(?:hedder|hed)|what(?:'s|\s+is|\s+was)\s+the\s+name\s+of)\s+"
                     r"(?:(?P<new>the\s+new\s+|den\s+nye\s+)|the\s+|den\s+)?(?P<role>\w+(?:[- ]\w+)?)\b", re.I)
# "Hanne Staanum og ny leder fra Fribo Greve": the new holder is named in the clause that calls the role new
_JOINED = re.compile(r"\s+(?:og|and|samt)\s+|;", re.I)
_NEWLY = re.compile(r"\bny(?:e|t)?\b|\bnyansat\w*|\bansat\w*|\bansættelse\w*|\btiltr[æå]d\w*|\budnævnt\w*|"
                    r"\bvalgt\b|\bnew\b|\bappointed\b|\bhired\b", re.I)


def role_unnamed(question: str, item_text: str) -> str | None:
    """The role a who-is question asks about ("formand") when the item never names that role: then no name it
    holds is the answer."""
    m = _WHO_IS.search(question)
    if not m or not m.group("new") and not re.match(r"\W*(?:(?:og|and)\s+)?(?:hvem|who)\b", question, re.I):
        return None  # "hvad hedder formanden?" asks a name, which the name check judges; "den nye leder" is judged here
    role = m.group("role").lower()
    text = fold(item_text)
    for pattern, stems in _ROLES:
        whole = re.fullmatch(pattern, role, re.I) is not None  # "case officer"; else its first word
        if whole or re.fullmatch(pattern, role.split()[0], re.I):
            asked = role if whole else role.split()[0]
            if not any(stem in text for stem in stems):
                return asked
            # the role is named, but no line names a person beside it ("Borgmesteren orienterer" with "Afbud:
            # Charlotte Levin" elsewhere): whoever holds it is not said
            lines = re.split(r"(?<=[.!?])\s+|\n", item_text)
            if m.group("new"):  # "den nye leder": named where the minutes call the role new, a person's name
                return None if any(any(stem in fold(part) for stem in stems) and _NEWLY.search(part)
                                   and _person_in(part) for line in lines for part in _JOINED.split(line)) else asked
            return None if any(any(stem in fold(line) for stem in stems) and _PERSON_NAME.search(line)
                               for line in lines) else asked
    return None


# "Hvem ejer marken?", "who owns the site?", "hvem købte grunden?": a person or firm in a relation the item must
# name (owning, buying, selling, renting, winning); a name in a sentence about something else is not the answer
_TRADE = ("koeb", "saelg", "solg", "salg", "buyer", "seller", "purchas", "bud ", "budt", "byder", "tilbud",
          " sale")  # a sale names its buyer ("Salg af skolen": "Friskoleforeningen har budt 1.250.000 kr.")
_RELATIONS = (
    (r"ejer|ejede|owns?|owned|owner", ("ejer", "ejed", "ejes ", "owner", "owned")),
    (r"købte|køber|købe|bought|buys?|buyer", _TRADE),
    (r"solgte|sælger|sold|sells?|seller", _TRADE),
    (r"lejer|lejede|rents?|rented|tenant", ("lejer", "lejed", "lejes", "udlej", "tenant")),
)
_ASKS_RELATION = re.compile(r"^\W*(?:hvem|hvilken|hvilket|who|which)\b.{0,40}?\b(?P<verb>"
                            + "|".join(p for p, _ in _RELATIONS) + r")\b", re.I)


def relation_unstated(question: str, item_text: str) -> str | None:
    """The relation a who-question asks ("ejer") when the item never speaks of it: whoever it names is named
    for something else. None when the question asks no such relation or the item speaks of it."""
    m = _ASKS_RELATION.search(question)
    if m is None:
        return None
    text = fold(item_text)
    for pattern, stems in _RELATIONS:
        if re.fullmatch(pattern, m.group("verb"), re.I):
            return None if any(stem in text for stem in stems) else m.group("verb").lower()
    return None


# "Siden hvornår har Liselott Blixt været borgmester?", "When did X become chair?": the question asks about a person's
# role, which the minutes support only where they name the person beside it
_ASKS_ROLE = re.compile(r"\bsiden hvornår\b|\bhvor længe\b|\bhvornår blev\b|\bsince when\b|\bhow long ha(?:s|ve)\b|"
                        r"\bwhen did\b.{0,60}\bbecome\b", re.I)
_ROLE_NEAR = 60  # characters between a name and its role in one line ("Liselott Blixt (UP1), borgmester")


def role_unsupported(question: str, item_text: str) -> tuple[str, str] | None:
    """(name, role) when the question asks about a named person's role and no line of the item (with the
    meeting's participant list) names the person within a few words of that role; else None."""
    if not _ASKS_ROLE.search(question):
        return None
    names = person_names(question)
    for pattern, stems in _ROLES:
        m = re.search(rf"\b(?:{pattern})", question, re.I)
        if m is None or not names:
            continue
        name = min(names, key=lambda n: abs(question.find(n) - m.start()))  # the person the role is said of
        surname = fold(name.split()[-1])
        for line in re.split(r"(?<=[.!?])\s+|\n", item_text):
            low = fold(line)
            at = low.find(surname)
            if at >= 0 and any(abs(k - at) <= _ROLE_NEAR for st in stems for k in _finds(low, st)):
                return None
        return name, m.group(0).lower()
    return None


def _finds(text: str, stem: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(stem), text)]


_PERSON_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+)+\b|\b[A-ZÆØÅ][a-zæøåé]+ \([A-ZÆØÅ]{1,2}\)")


# "Hvilket byrådsmedlem fremsatte forslaget?", "which councillor proposed it?": a member's name is asked
_WHICH_MEMBER = re.compile(r"^\W*(?:hvilke[nt]?|which)\s+(?:\w+\s+)?(?:\w*medlem\w*|politiker\w*|member|members|"
                           r"councill?or|councill?ors|politician|politicians)\b", re.I)
# attendance lines name members who took no part in the matter asked about
_ATTENDANCE = re.compile(r"^\W*(?:afbud|fraværende|fravær|deltog ikke|til stede|deltagere|absent)\b", re.I | re.M)
_SURNAME = re.compile(r"[A-ZÆØÅ][\wæøåéü-]+(?=[ \t]*(?:\(|,|$))")  # "John T. Olsen (A), formand" -> Olsen


_NAME_PAIR = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:[ \t]+[A-ZÆØÅ]\.)?[ \t]+[A-ZÆØÅ][a-zæøåé]+\b")
_PLACE_WORDS = {w for name in municipalities.MUNICIPALITIES for w in name.split()}  # "Sorø Museum" is no person
_CIVIC_NAMES = {"Kommune", "Kommunes", "Byråd", "Byrådet", "Region", "Regionsrådet", "Rådhus", "Danmark", "Udvalg",
                "Udvalget", "Byrådssalen", "Kommunalbestyrelsen", "Kommunalbestyrelse"}


def member_unnamed(question: str, item_text: str, people: str) -> bool:
    """A which-member question of an item that names none of the meeting's members (outside its attendance
    lines): "initiativretsforslag fra Socialdemokratiet (A)" tells the party, not who proposed it. Without a
    stored member list nothing is judged."""
    if not _WHICH_MEMBER.search(question):
        return False
    surnames = {m.group(0) for line in people.splitlines() for m in [_SURNAME.search(line)] if m}
    if not surnames:
        return False
    text = "\n".join(line for line in item_text.splitlines() if not _ATTENDANCE.match(line))
    if any(re.search(rf"\b{re.escape(s)}\b", text) for s in surnames):
        return False
    # members of another body ("hvilke medlemmer af Folkeoplysningsudvalget ...") are named as people too
    return not any(not set(m.group(0).split()) & _CIVIC_NAMES for m in _NAME_PAIR.finditer(text)
                   if not set(m.group(0).split()) & _PLACE_WORDS)


# "Hvem stillede spørgsmålet om støjtiltag?", "Who asked about the noise barrier?": who asked a question (in the
# citizens' question time, a member's written question)
_ASKS_ASKER = re.compile(r"^\W*(?:hvem|hvilken borger|hvilket medlem|who|which (?:citizen|member))\b.{0,30}"
                         r"\b(?:stillede|stiller|rejste|spurgte|har stillet|havde stillet|asked|raised|put)\b", re.I)
_QUESTION_WORD = re.compile(r"spørgsmål|spurgte|forespørgsel|\bquestion", re.I)


def asker_unnamed(question: str, item_text: str) -> bool:
    """A who-asked question of an item whose sentences about a question name no one ("et spørgsmål om støjtiltag
    blev sendt til skriftlig besvarelse"): who asked is not recorded. False when the question asks no asker or a
    sentence about the question names a person or a party."""
    if not _ASKS_ASKER.search(question):
        return False
    about = [s for s in sentences(item_text) if _QUESTION_WORD.search(s)]
    for sentence in about:
        if parties.party_names(sentence) or re.search(r"\([A-ZÆØÅ]{1,2}\)", sentence):  # "Ø stillede", "(V)"
            return False
        if any(not set(m.group(0).split()) & (_CIVIC_NAMES | _PLACE_WORDS) for m in _NAME_PAIR.finditer(sentence)):
            return False
    return bool(about)


def _person_in(text: str) -> bool:
    """A person's name in ``text``: two capitalised words that are not a place's or a body's ("Fribo Greve")."""
    return any(not set(m.group(0).split()) & (_CIVIC_NAMES | _PLACE_WORDS) for m in _NAME_PAIR.finditer(text))
