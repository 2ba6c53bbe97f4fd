"""What kind of answer a question wants: an amount, a share, a count, a date, names, a place, yes or no, ...

A small, ordered set of Danish and English cues; the first kind whose cue matches wins, so the more
specific kinds come first ("hvor mange kroner" is an amount, not a count). Tested on its own question
set (tests/test_answer_kind.py).
"""

from __future__ import annotations

import re

KINDS = ("vote", "history", "amount", "percent", "count", "measure", "date", "explanation", "party", "company",
         "address", "municipality", "body", "person", "place", "list", "yesno", "decision", "fact")

# the act a yes/no answer from the meeting's outcome settles: approving, adopting, granting, rejecting, deciding
DECISION_ACT = re.compile(r"\b(?:reject|approv|grant|adopt|decid|agree|accept|afvis|afvist|godkend|vedt[ao]g|bevilg|"
                          r"beslut|tildel|imødekom|dispens|anbefal|recommend|vælg|valgte|choose|chose|"
                          r"tage stilling|tog stilling|stillingtagen|turn(?:ed|s)? down|go-ahead|green light|"
                          r"sagde (?:ja|nej)|said (?:yes|no)|grønt lys|afslog|"
                          # "how many homes did the committee end up allowing?": what it decided to allow
                          r"allow(?:s|ed|ing)?\b|tillad(?:e|er|te)\b)", re.I)

# "how long has the grill bar been part of the harbour?", "hvor længe har ordningen kørt?": asked since when
SINCE_ASKED = re.compile(r"\bhow long (?:has|have|had)\b|\bhvor længe (?:har|havde)\b|\bsince when\b|"
                         r"\bsiden hvornår\b", re.I)

_MONEY_WORDS = (r"kr\b|kroner|\bdkk\b|koste|\bcost|beløb|\bpris|\bprice|\bfee|udgift|expense|tilskud|\bgrant|"
                r"bevilling|appropriation|\bramme|pulje|\bpool|merforbrug|mindreforbrug|overspend|underspend|"
                r"besparelse|saving|\bmio\b|million|mia\b|billion|finansier|financ|\bfund|donation|indtægt|"
                r"income|revenue|betal|\bpaid|\bpay|\bleje\b|\brent\b|takst|rate\b|støtte|support|lån|loan|"
                r"underskud|overskud|deficit|surplus|dækker|dækkes|\bcover(?:s|ed)?\b|gebyr|afgift|kontingent|"
                r"garanti(?:en|er|erne)?\b|guarantee|kapitaltilførsel|kapitalindskud|"  # a loan guarantee, not its
                # commission ("garantiprovisionen" is a share)
                r"egenbetaling|\bforbrug(?:et)?\b|"  # "det samlede forbrug på de fire projekter": money spent
                # "mindsteprisen pr. m2", "timeprisen": a price, however it is measured
                r"\w*pris(?:en|erne|er)?\s+(?:pr\.?|per)\s|(?:mindste|time|kvadratmeter|enheds|salgs|købs|grund|"
                r"billet|døgn|måneds|års)pris")

CUES: list[tuple[str, re.Pattern[str]]] = [
    # "tage imod" is to receive ("hvor mange flygtninge har Greve taget imod?"), not to be against
    ("vote", re.compile(r"\bstem(?:te|me|mer|ning)|afstemning|\bvot(?:e|ed|es|ing)\b|"
                        r"(?<!\btage )(?<!\btaget )(?<!\btager )(?<!\btog )(?<!\bmodtage )\bimod\b|\bagainst\b|"
                        r"undlod|undlader|abstain|kunne ikke tiltræde|(?:not|n't) (?:back|support)|flertal|"
                        r"majority", re.I)),
    ("history", re.compile(r"hvordan (?:har|er|blev|var) sagen\b.{0,80}behandl|\bforløb(?:et)?\b|tidligere behandl|"
                           r"behandlet tidligere|før (?:den|sagen) kom|how (?:has|was|did) the case|case history|"
                           r"how did .{0,60}\bdevelop|handled (?:before|earlier)|before it (?:came|reached)", re.I)),
    # "Hvad blev der af forslaget om at halvere prisen?", "what became of ...": what was decided, whatever it names
    ("decision", re.compile(r"^\W*(?:hvad blev der af|hvad skete der med|hvordan gik det med|"
                            r"what (?:happened|became) (?:to|of))\b", re.I)),
    ("amount", re.compile(rf"hvor mange (?:kroner|penge|mio)|"
                          rf"(?:hvor (?:meget|stor[te]?(?! en (?:del|andel)))|how (?:much|large|big)|hvilket beløb|"
                          rf"what (?:amount|price|"
                          rf"sum)|hvad (?:koster|kostede|blev)|what (?:did|does|will) .{{0,40}}\bcost).{{0,80}}"
                          rf"(?:{_MONEY_WORDS})|(?:{_MONEY_WORDS}).{{0,60}}(?:hvor (?:meget|stor)|how (?:much|large))|"
                          rf"hvad (?:koster|kostede)|hvad (?:har|vil|skal) .{{0,50}}kost(?:e|et)\b|"
                          rf"hvad (?:har|vil|skal|skulle) .{{0,50}}\bbetale\b|"
                          rf"what (?:will|does|did|would) .{{0,60}}\bpay\b|"
                          rf"hvad (?:kommer|kom) .{{0,80}}til at koste|"
                          # "what is the total capital grant for ...?", "hvad er den samlede anlægsbevilling?"
                          rf"^\W*what (?:is|was|will be) the (?:total |overall |full |combined |final )?"
                          rf"(?:[\w-]+ ){{0,2}}(?:grant|cost|costs|price|budget|appropriation|subsidy|fee|rent|"
                          rf"spending|expenditure|expenses)\b|"
                          rf"^\W*hvad (?:er|var|blev|bliver) (?:den|det) (?:\w+e\s+){{0,2}}"
                          rf"\w*(?:bevilling|budget|pris|beløb|udgift|tilskud|takst|leje)\w*\b|"
                          rf"what (?:does|did|will) .{{0,100}}\bcost|how much (?:money|did|does|will|is|was)|"
                          # "What result subsidy does Greve receive ...?", "hvilket tilskud får klubben?"
                          rf"^\W*(?:what|which|hvilke[tn]?) (?:[\w-]+ ){{0,2}}?\w*(?:subsid(?:y|ies)|grant|fee|"
                          rf"tilskud|bevilling|takst|allowance|appropriation|godtgørelse)\b"
                          rf"(?! (?:to|til) (?:which|hvem|hvilke))|"
                          # "what operating result did Strandparken report?": a sum of money
                          rf"\b(?:operating|net|financial|annual) (?:result|profit|loss)\b|"
                          rf"\b(?:drifts|års|netto)resultat", re.I)),
    # a rate of unemployment, employment or vacancy is a share ("Ledigheden ... var 2,9 pct.")
    ("percent", re.compile(r"procent|percent|\bandel\b|\bshare\b|hvor stor en del|what proportion|\bprocentsats|"
                           r"skatteprocent|%|\b(?:unemployment|employment|vacancy|occupancy) rates?\b|"
                           r"\bledighed(?:en|sprocent\w*)?\b|\bbeskæftigelsesfrekvens", re.I)),
    ("measure", re.compile(r"(?:hvor mange|how many)\s+(?:kvadrat\w*|square\s+\w+|m2\b|m²|meter\b|metres?\b|"
                           r"meters?\b|km\b|kilomet\w*|hektar\w*|hectares?\b|tons?\b|tonnes?\b|kg\b|kilo\w*|"
                           r"liter\b|litres?\b|kubikmeter\w*)", re.I)),  # a count of units measures
    # "how much higher than the terrain?": a difference of height or length, not a sum of money
    ("measure", re.compile(r"\b(?:how much|hvor meget)\s+(?:higher|lower|taller|longer|wider|deeper|højere|lavere|"
                           r"længere|bredere|dybere)\b", re.I)),
    # "hvor meget får centret fra staten?", "how much does the club receive?": a sum received or paid
    ("amount", re.compile(r"\b(?:hvor meget|how much)\s+(?:(?:does|did|will|do)\s+(?:\w+\s+){0,4})?"
                          r"(?:får|fik|modtager|modtog|giver|gav|betaler|betalte|søger|søgte|ansøger|ansøgte|"
                          r"bevilger|bevilgede|receive[sd]?|get|gets|got|pay|pays|paid|appl(?:y|ies|ied) for|"
                          r"ask(?:s|ed)? for|grant(?:s|ed)?)\b|"
                          # "til hvilken pris ...?", "hvad ville en metro koste at anlægge?": a price, a cost
                          r"\b(?:til|for) hvilken pris\b|\b(?:at|for) what price\b|"
                          r"\b(?:vil|ville|skal|skulle|kan|kunne) koste\b", re.I)),
    # "what is the population of ...?" asks a count of people as surely as "hvor mange indbyggere"
    ("count", re.compile(r"hvor mange|how many|\bantal(?:let)?\b|number of|\bpopulation\b|\bindbyggertal|"
                         r"\bbefolkningstal", re.I)),
    # "how long has the grill bar been part of the harbour?" is answered by the year it came ("siden 1962")
    ("date", SINCE_ASKED),
    # "how much time is set aside for questions?": minutes or hours ("Der er afsat 30 minutter"); "hvor varmt må der
    # være?": degrees
    ("measure", re.compile(r"\bhow much time\b|\bhvor (?:lang|meget) tid\b|\bhow many (?:minutes|hours)\b|"
                           r"\bhvor mange (?:minutter|timer|grader)\b|\bhvor (?:varmt|koldt)\b|"
                           r"\bhow (?:warm|cold|hot)\b", re.I)),
    # "hvor stort et butiksareal?": a compound of "areal" is an area too ("etageareal", "grundarealet")
    ("measure", re.compile(r"hvor (?:høj|lang|bred|dyb|stort? (?:et )?\w*areal)|how (?:high|tall|long|wide|deep)|"
                           # a unit named in a yes/no question ("Fik ejeren lov til et anneks på 38 m²?") is stated,
                           # not asked
                           r"^(?!\W*(?:fik|blev|bliver|kan|kunne|må|måtte|skal|did|was|were|can|could|may|will)\b)"
                           r"[^?]*?(?:\bmeter\b|\bm2\b|m²|\bkvm\b|kvadratmeter|\bhektar|\bkm\b|højde\b|\bheight|areal(?:et)?\b|\barea\b|"
                           # "hvad er grænseværdien i tal?": a measured value
                           r"grænseværdi|\blimit values?\b|\bthreshold values?\b|\bi tal\b|\bin (?:figures|numbers)\b)",
                           re.I)),
    # "when" (and "where", below) asks where it opens the question or a clause ("When will …?", "…, and when?");
    # inside a clause it is a conjunction ("Will Furesø switch to a scheme where households book … when they need
    # one?" is a yes/no question)
    ("date", re.compile(r"\bhvornår\b|(?:^\W*(?:[^,?]{0,60},\s*)?|\b(?:and|or|by|from|since|until|till)\s+|,\s*)"
                        r"when\b|what date|hvilken dato|which date|\bfrist(?:en)?\b|deadline|"
                        r"hvilken dag|what day|which day|tidspunkt|what time|by when|inden hvornår", re.I)),
    ("explanation", re.compile(r"\bhvorfor\b|\bwhy\b|begrundelse|begrundede|\breason|årsag|hvad var baggrunden|"
                               r"what was the background|what (?:was|is) the rationale", re.I)),
    ("party", re.compile(r"hvilke(?:t)? parti|which part(?:y|ies)|hvilke(?:n)? gruppe|which group|hvilket parti",
                         re.I)),
    ("company", re.compile(r"hvilke(?:t|n)? \w*(?:firma|virksomhed|leverandør|selskab|entreprenør|rådgiver|operatør|"
                           r"tilbudsgiver|bygherre)|\b(?:hvem|hvad) er det for (?:et|en) (?:firma|virksomhed|selskab)|"
                           r"which (?:[\w-]+ ){0,2}(?:company|companies|firm|firms|supplier|contractor|provider|"
                           r"operator|consultan|builder|bidder)|"
                           r"what (?:company|firm|supplier|contractor)|hvem (?:leverer|driver|har vundet)|"
                           r"who (?:supplies|operates|won the (?:tender|contract))|"
                          # "who did Greve hire to run the security patrols?": a firm doing a job
                          r"\bwho\b.{0,60}\b(?:hire|hired|contract|contracted|engage|engaged)\b.{0,40}\bto "
                          r"(?:run|operate|do|carry out|handle|deliver|supply|provide)\b|"
                          r"\bhvem\b.{0,60}\b(?:indgået (?:en )?aftale med|hyret|antaget|engageret)\b", re.I)),
    ("address", re.compile(r"\baddress\b|\badressen?\b", re.I)),  # "what address are they going up at?": a street
    # "Which other municipality is part of ...?", "hvilke kommuner deltager?": a municipality's name
    ("municipality", re.compile(r"\bwhich (?:other |neighbou?ring |\w+ )?municipalit(?:y|ies)\b|"
                                r"\bhvilke(?:[tn])? (?:andre |anden |\w+ )?kommuner?\b", re.I)),
    # ("which council member ...?" asks a person, below)
    ("body", re.compile(r"hvilke(?:t|n)? (?:udvalg|organ|myndighed|råd)\b|"
                        r"which (?:committee|body|authority|council)\b(?!\s+(?:members?|chair|councill?ors?)\b)",
                        re.I)),
    ("list", re.compile(r"\b(?:hvem|who)\s+(?:er|var|are|were)\s+(?:the\s+|de\s+)?(?:\w+\s+)?(?:målgruppe\w*|"
                        r"target groups?|grupper(?:ne)?|groups)\b", re.I)),  # "who were the target groups?": a list
    ("person", re.compile(r"\bhvem\b|\bwho(?:m|se)?\b|hvilke (?:medlemmer|personer|borgere)|which (?:members|"
                          r"people|persons|councillors)|navn(?:et|ene)? på|name of|"
                          # "Hvilket byrådsmedlem stillede forslaget?", "which councillor proposed it?"
                          r"hvilke[tn]? \w*(?:medlem|politiker)\b|"
                          # "which Hvidovre council member": a town and a body before the member
                          r"which (?:[\w-]+ ){0,2}(?:member|councill?or|politician|official|officer|employee|director|"
                          r"manager|chief|civil servant)\b|"
                          r"hvilke[tn]? \w*(?:embedsmand|medarbejder|chef|direktør|leder)\b",
                          re.I)),
    ("place", re.compile(r"\bhvor (?:ligger|skal .{0,40}(?:ligge|placeres|bygges|opføres)|er .{0,30} placeret|"
                         r"foregår|finder .{0,20} sted)|(?:^\W*(?:[^,?]{0,60},\s*)?|\b(?:and|or)\s+|,\s*)where\b|"
                         r"placering|\blocation|hvilken (?:by|adresse)|"
                         r"which (?:town|site)", re.I)),
    ("list", re.compile(r"\bhvilke\b|\bwhich\b(?! (?:is|was)\b)|\blist\b|\boversigt|\bnævn\b|hvad indeholder|"
                        r"what does .{0,60} (?:include|contain)|what are the|hvad er de\b", re.I)),
    ("yesno", re.compile(r"^\s*(?:[^,?]{0,60},\s*)?"  # after a leading phrase ("In Sept 2024, was ...?")
                         r"(?:fik|får|blev|bliver|kommer|var|er|har|havde|skal|skulle|kan|kunne|vil|ville|godkendte|"
                         # "Må festivalen købe ...?"; "Gav byrådet ...?", not "Gav Socialtilsynet påbud?" (a fact)
                         r"må|måtte|bør|gik|afviste|valgte|bevilgede|sagde|gav(?=\s+(?:[\wæøå-]+,?\s+){0,3}?"
                         r"[\wæøå-]*(?:byråd|udvalg|kommunalbestyrelse|regionsråd))|"
                         r"vedtog|besluttede|did|was|were|is|are|has|have|had|will|would|can|could|does|do|should)\b",
                         re.I)),
    # also after a leading phrase ("After the three free hours, what's the hourly charge?")
    ("amount", re.compile(r"^\s*(?:[^,?]{0,80},\s*)?(?:hvad (?:er|var|bliver)|what (?:is|was|will be)|what|which|"
                          r"hvilke[nt]?)\b.{0,50}"
                          r"(?:afgift|gebyr|\bpris|beløb|\bleje\b|takst|udgift|omkostning|\bprice|\bfee\b|"
                          r"(?<!unemployment )(?<!employment )(?<!interest )(?<!tax )(?<!growth )\brate\b|"
                          r"\btariff|\bcharge\b|"
                          r"\brent\b|\bcost|expense)", re.I)),
    ("decision", re.compile(r"besluttede|beslut|\bdecid|decision|vedt[ao]g|godkend|approv|anbefal|recommend|"
                            # "hvad ønskede udvalget at føje til?", "what did the committee want ...?": its decision
                            r"\bhvad (?:ønskede|ville|bad) (?:udvalget|byrådet|kommunalbestyrelsen|regionsrådet|"
                            r"(?:[\wæøå]+-,?\s+(?:og\s+)?)*[\wæøå-]*udvalget)\b|"
                            r"\bwhat did the (?:committee|council) (?:want|ask for)\b|"
                            r"indstill|konklu|conclud|\btraf\b|outcome|udfald|afgørelse|hvad skete|\bsket\b|"
                            r"what happened|"
                            r"hvad sagde|hvad (?:har|havde) .{0,40}\bsagt\b|what did .{0,40}\bsay|"
                            r"\bgjorde\b.{0,60}\bmed\b|"
                            r"what did .{0,60}\bdo (?:with|about)\b",
                            re.I)),
]


_CLAUSE = re.compile(r",?\s+(?:og|and)\s+(?=(?:(?:at|in|on|for|by|from|with|til|på|i|med|fra)\s+)?"
                     r"(?:hvem|hvad|hvor|hvornår|hvorfor|hvordan|hvilke[nt]?|who|what|when|where|why|how|which)\b)",
                     re.I)


def clauses(question: str) -> list[str]:
    """The questions a compound question asks: "Hvornår kan opstarten blive udskudt, og hvorfor?" asks two."""
    return [c.strip() for c in _CLAUSE.split(question) if c.strip()]


def answer_kind(question: str) -> str:
    """The kind of answer ``question`` wants (one of ``KINDS``); "fact" when no cue matches."""
    for kind, pattern in CUES:
        if pattern.search(question):
            return kind
    return "fact"
