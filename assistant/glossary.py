"""A small English -> Danish glossary of civic terms, used to expand English questions for BM25.

The dense model is multilingual; the lexical index is Danish. These words let an English
question ("who was absent when the agenda was approved") reach the Danish terms
("fraværende", "afbud", "godkendelse af dagsorden") that the minutes print.
"""

from __future__ import annotations

import re

GLOSSARY: dict[str, str] = {
    "agenda": "dagsorden", "approve": "godkend godkendt", "approved": "godkendt godkendelse", "approval": "godkendelse",
    "absent": "fraværende afbud", "absence": "fravær afbud", "apologies": "afbud", "decide": "beslutning besluttede",
    "decided": "besluttede beslutning", "decision": "beslutning", "committee": "udvalg udvalget",
    "council": "byrådet kommunalbestyrelsen", "city": "byrådet", "vote": "afstemning stemte",
    "voted": "stemte afstemning", "against": "imod", "majority": "stemmeflertal flertal", "housing": "bolig boliger",
    "school": "skole", "schools": "skoler skolestruktur", "employment": "beskæftigelse", "unemployed": "ledige",
    "job": "job jobcenter", "centre": "center", "center": "center", "appointed": "udpeget udpegede",
    "appoint": "udpege", "representative": "repræsentant", "substitute": "suppleant", "award": "pris",
    "prize": "pris", "company": "virksomhed", "companies": "virksomheder", "business": "virksomhed erhverv forretning",
    "cost": "kr pris udgift koster", "costs": "udgifter kr", "budget": "budget", "price": "pris",
    "save": "spare besparelse", "savings": "besparelse", "total": "samlede i alt", "grant": "tilskud bevilling",
    "subsidy": "tilskud", "application": "ansøgning", "apply": "ansøge", "plan": "plan", "annual": "årlig årsplan",
    "report": "rapport årsrapport orientering", "evaluation": "evaluering", "trip": "tur studietur",
    "study": "studie undersøgelse forundersøgelse analyse",
    "visit": "besøg", "tour": "rundvisning", "postponed": "udsat", "rejected": "afvist", "noted": "efterretning",
    "information": "orientering", "briefing": "orientering", "meeting": "møde mødet", "citizens": "borgere",
    "citizen": "borger", "letters": "breve", "children": "børn", "youth": "unge ungdom", "young": "unge",
    "elderly": "ældre", "health": "sundhed", "social": "social", "integration": "integration",
    "immigrants": "indvandrere", "refugees": "flygtninge", "disabled": "handicappede handicap", "flex": "fleksjob",
    "cash": "kontanthjælp", "benefit": "ydelse kontanthjælp", "recipients": "modtagere", "language": "sprog",
    "satisfaction": "tilfredshed tilfredshedsmåling", "survey": "undersøgelse måling", "mentor": "mentor",
    "guidelines": "retningslinjer", "involvement": "inddragelse", "family": "familie familieområdet",
    "control": "kontrol", "group": "gruppe", "initiatives": "indsatser", "initiative": "indsats",
    "investment": "investering investeringer", "recruitment": "rekruttering", "partnerships": "samarbejde",
    "people": "personer borgere", "percent": "procent", "share": "andel", "wind": "vind", "turbines": "møller",
    "cycle": "cykel", "paths": "stier", "parking": "parkering", "swimming": "svømme", "pool": "hal",
    "football": "fodbold", "stadium": "stadion", "mayor": "borgmester", "elected": "valgt", "light": "let",
    "rail": "bane", "areas": "områder", "area": "område", "housing areas": "boligområder", "themes": "temaer",
    "focus area": "indsatsområde fokusområde", "focus areas": "indsatsområder fokusområder",
    "underspend": "mindreforbrug", "overspend": "merforbrug", "foreigners": "udlændinge", "foreigner": "udlænding",
    "benefits": "ydelser forsørgelsesydelser", "labour": "arbejdsmarked arbejdsmarkedet", "labor": "arbejdsmarked",
    "target group": "målgruppe", "target groups": "målgrupper målgruppe", "treatment plant": "renseanlæg",
    "treatment plants": "renseanlæg",
    "dialogue": "dialog dialogmøde", "case": "sag sagsnummer", "number": "nummer", "party": "parti",
    "belong": "", "expected": "forventes", "expense": "udgift", "expenses": "udgifter", "year": "år",
    "workshop": "workshop", "procedure": "procedure procedurer", "criteria": "kriterier", "catalogue": "katalog",
    "action": "handle handleplan", "process": "proces forløb", "cooperation": "samarbejde", "collaboration":
    "samarbejde", "approved the agenda": "godkendelse af dagsorden", "policy": "politik", "culture": "kultur",
    "leisure": "fritid", "planning": "plan", "music": "musik", "festival": "festival", "environment": "miljø",
    "technical": "teknisk teknik",
    "waste": "affald", "traffic": "trafik", "road": "vej", "roads": "veje", "bike": "cykel", "path": "sti",
    "land": "grund", "purchase": "køb", "buy": "køb", "sale": "salg", "local": "lokal", "streams": "vandløb",
    "structure": "struktur", "elderly care": "ældrepleje", "care": "pleje omsorg",
    "daycare": "daginstitution", "library": "bibliotek", "harbour": "havn", "port": "havn", "surplus": "overskud",
    "deficit": "underskud driftsunderskud",
    "operating deficit": "driftsunderskud underskud", "chair": "formand", "chairman": "formand", "members": "medlemmer",
    # general civic vocabulary (added for the evidence selector; not tied to any question)
    "households": "husstande", "household": "husstand", "electricity": "el elforbrug strøm", "homes": "boliger",
    "home": "bolig", "dwellings": "boliger", "deadline": "frist", "solution": "løsning",
    "contract": "kontrakt aftale", "agreement": "aftale", "guards": "vagter", "heating": "opvarmning varme",
    "buildings": "bygninger ejendomme", "building": "bygning", "tax": "skat", "income": "indkomst indtægt",
    "ban": "forbud", "field": "mark", "complaint": "klage", "proposal": "forslag",
    "proposed": "foreslog foreslår forslag", "propose": "foreslå forslag", "proposes": "foreslår forslag",
    "finance": "økonomi", "financial": "økonomi økonomiske",
    "financed": "finansieres finansiering", "funded": "finansieres finansiering", "financing": "finansiering",
    "suggested": "foreslog foreslået", "recommendation": "indstilling",
    "fare": "takst", "fares": "takster", "bus": "bus busser", "route": "rute linje", "line": "linje",
    "bus line": "buslinje linje", "cut": "nedlægges nedlagt skåret", "replaced": "erstattes erstattet",
    "transport": "transport kørsel trafik", "flex transport": "flextrafik flexkørsel",
    "hospital": "hospital", "equipment": "udstyr", "extra": "ekstra mer", "estimated": "skønnet anslået",
    "reduction": "reduktion nedsættelse", "increase": "stigning forhøjelse", "speed": "hastighed fart",
    "limit": "grænse", "pupils": "elever", "students": "elever studerende", "teachers": "lærere",
    "staff": "medarbejdere personale", "employees": "medarbejdere", "jobs": "job stillinger", "water": "vand",
    "climate": "klima", "energy": "energi", "consumption": "forbrug", "sports": "idræt sport", "hall": "hal",
    "club": "klub forening", "association": "forening", "volunteer": "frivillig", "volunteers": "frivillige",
    "police": "politi", "safety": "tryghed sikkerhed", "security": "tryghed sikkerhed", "why": "fordi begrund",
    "reason": "begrundelse årsag", "received": "modtaget", "applied": "ansøgt søgt", "funds": "midler",
    "support": "støtte tilskud", "decline": "fald", "growth": "vækst", "plans": "planer",
    "period": "periode", "months": "måneder", "weeks": "uger",
    # things counted ("how many visitors ..."): what a count question's figure must stand beside
    "visitors": "besøgende gæster", "visitor": "besøgende gæst", "guests": "gæster", "participants": "deltagere",
    "residents": "beboere borgere", "inhabitants": "indbyggere borgere", "applications": "ansøgninger",
    "complaints": "klager", "users": "brugere", "beds": "senge pladser", "apartments": "lejligheder boliger",
    "seats": "pladser mandater", "patients": "patienter", "cars": "biler", "vehicles": "køretøjer biler",
    "places": "pladser steder", "positions": "stillinger",
    "school route": "skolevej skoleveje", "school routes": "skolevej skoleveje", "school-route": "skolevej skoleveje",
    "self-driving": "selvkørende", "self driving": "selvkørende", "driverless": "førerløse selvkørende",
    # things people ask about (facilities, transport, services): what the topic check judges an English question by
    "swimming pool": "svømmehal svømmebad",
    "wind turbine": "vindmølle", "harbor": "havn", "taxes": "skat skatter", "sports hall": "idrætshal hal",
    "cycle path": "cykelsti", "cycle paths": "cykelstier", "bike lane": "cykelsti cykelbane", "bicycle": "cykel",
    "speed limit": "hastighedsgrænse hastighed fart", "noise": "støj", "climate adaptation": "klimatilpasning",
    "wastewater": "spildevand", "homelessness": "hjemløshed hjemløse", "unemployment": "ledighed arbejdsløshed",
    "disability": "handicap", "mental health": "psykiatri mistrivsel trivsel psykisk", "psychiatry": "psykiatri",
    "addiction": "misbrug afhængighed", "youth club": "ungdomsklub klub", "culture house": "kulturhus",
    "music school": "musikskole", "zoo": "zoo dyrepark", "railway": "jernbane bane", "ambulance": "ambulance",
    "fire brigade": "brandvæsen beredskab", "fire service": "brandvæsen beredskab",
    "surveillance": "overvågning tv-overvågning", "cctv": "overvågning tv-overvågning", "graffiti": "graffiti",
    "lake": "sø", "pesticides": "pesticider sprøjtemidler", "groundwater": "grundvand", "drinking water": "drikkevand",
    "charging stations": "ladestandere ladestationer ladeinfrastruktur", "electric cars": "elbiler",
    "sculpture": "skulptur kunstværk", "statue": "statue skulptur", "monument": "monument mindesmærke",
    "campsite": "campingplads camping", "allotments": "kolonihaver", "allotment": "kolonihave",
    "potholes": "huller vejhuller", "asphalt": "asfalt", "pavement": "fortov belægning", "sidewalk": "fortov",
    "bus stop": "busstoppested stoppested", "bus route": "buslinje rute linje", "subway": "metro",
    "vandalism": "hærværk", "loneliness": "ensomhed", "obesity": "overvægt", "pharmacy": "apotek",
    "childcare": "dagtilbud pasning daginstitution", "nurseries": "vuggestuer", "handball": "håndbold",
    "orchestra": "orkester", "choir": "kor", "scouts": "spejdere", "mosque": "moske", "asylum": "asyl",
    "interpreter": "tolk", "salary": "løn", "salaries": "løn lønninger", "pension": "pension", "wages": "løn",
    "lawsuit": "retssag sag", "building permit": "byggetilladelse", "demolition": "nedrivning",
    "renovation": "renovering ombygning istandsættelse", "asbestos": "asbest", "mould": "skimmel", "mold": "skimmel",
    "radon": "radon", "pollution": "forurening", "contamination": "forurening", "air quality": "luftkvalitet luft",
    "emissions": "udledning", "heat pumps": "varmepumper", "biogas": "biogas", "hydrogen": "brint",
    "data centre": "datacenter", "broadband": "bredbånd", "cyber": "cyber it-sikkerhed",
    "artificial intelligence": "kunstig intelligens", "drones": "droner",
    "harbour bath": "havnebad", "beach": "strand", "ice rink": "skøjtebane ishal", "skate park": "skatepark skatebane",
    "skatepark": "skatepark skatebane", "playground": "legeplads", "playgrounds": "legepladser",
    "libraries": "biblioteker", "museum": "museum", "theatre": "teater", "theater": "teater", "cinema": "biograf",
    "concert hall": "koncertsal koncerthus", "pitch": "bane",
    "pitches": "baner", "golf": "golf", "tennis": "tennis", "padel": "padel paddel", "marina": "lystbådehavn marina",
    "light rail": "letbane", "tram": "letbane sporvogn", "metro": "metro", "train": "tog", "trains": "tog",
    "station": "station", "ferry": "færge", "airport": "lufthavn", "taxi": "taxa", "buses": "bus busser",
    "bridge": "bro", "tunnel": "tunnel", "roundabout": "rundkørsel",
    "congestion charge": "trængselsafgift betalingsring", "toll": "afgift betalingsring", "scooters": "løbehjul",
    "e-scooters": "løbehjul elløbehjul", "cycling": "cykel cykling", "cyclists": "cyklister",
    "pedestrians": "fodgængere",
    "street lights": "gadelys vejbelysning", "speed bumps": "vejbump bump", "dog": "hund", "dogs": "hunde",
    "dog park": "hundeskov hundepark", "cemetery": "kirkegård", "church": "kirke", "forest": "skov",
    "trees": "træer", "park": "park", "nature": "natur", "flooding": "oversvømmelse", "flood": "oversvømmelse",
    "sewer": "kloak", "sewage": "spildevand kloak", "recycling": "genbrug", "garbage": "affald skrald",
    "recycling centre": "genbrugsplads genbrugsstation", "recycling center": "genbrugsplads genbrugsstation",
    "rural": "landdistrikt landdistrikter land",
    "solar": "sol solcelle", "solar panels": "solceller solcelleanlæg", "wind turbines": "vindmøller",
    "district heating": "fjernvarme", "nursery": "vuggestue", "kindergarten": "børnehave børnehus",
    "accounts": "regnskab", "spending": "forbrug udgift", "expenditure": "forbrug udgift",
    "construction accounts": "anlægsregnskab", "construction": "anlæg byggeri",
    "nursing home": "plejehjem", "nursing homes": "plejehjem", "homeless": "hjemløse", "shelter": "herberg",
    "refugee": "flygtning", "doctor": "læge", "doctors": "læger", "dentist": "tandlæge", "vaccination": "vaccination",
    "school camp": "lejrskole", "school camps": "lejrskoler", "camps": "lejr", "excursions": "udflugter ekskursioner",
    "trips": "ture udflugter", "wi-fi": "wifi trådløst", "wifi": "wifi trådløst", "microsoft": "microsoft",
    "tourism": "turisme", "tourists": "turister", "hotel": "hotel", "market": "marked", "shops": "butikker",
    "rent": "husleje leje", "pensioners": "pensionister", "seniors": "ældre seniorer", "free": "gratis",
    "festivals": "festival", "concert": "koncert", "exhibition": "udstilling", "art": "kunst",
    "opening hours": "åbningstid åbningstider",
    "foundation": "fond fonden", "foundations": "fonde fond", "sponsor": "sponsor", "donation": "donation gave",
    "week": "uge", "day": "dag", "days": "dage dag",
    "times": "tidspunkter tid", "time": "tid tidspunkt", "start": "start opstart", "postpone": "udskyde udsætte",
}
_WORD = re.compile(r"[a-z]+")


def expand(question: str) -> str:
    """The question plus the Danish words for the English civic terms in it."""
    low = question.lower()
    # a plural the glossary gives only in the singular ("kindergartens") takes the singular's words
    extra = [v for w in _WORD.findall(low) if (v := GLOSSARY.get(w) or GLOSSARY.get(w.removesuffix("s")))]
    extra += [v for k, v in GLOSSARY.items() if (" " in k or "-" in k) and k in low]  # phrases, "self-driving"
    return question + (" " + " ".join(extra) if extra else "")


def danish(word: str) -> list[str]:
    """The Danish words the glossary gives for an English word or its singular ("visitors", "cars"); [] if none."""
    return (GLOSSARY.get(word) or GLOSSARY.get(word.removesuffix("s")) or "").split()
