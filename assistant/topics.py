"""The topic nouns of a question, and those no stored minutes mention.

"Hvad koster den nye svømmehal i Faxe?" is not answered by Faxe's minutes on a sports hall: if no stored minutes
of the municipality asked about hold a word for the thing asked about, the answer says so ("no stored minutes
from Faxe mention svømmehal") instead of quoting the nearest item.

Only nouns are checked, because a question's verbs are its own wording ("vedtog", "gjorde", "fandt"), not the
minutes'. Danish has no capitalised nouns, so a noun is told by its place: after an article, an adjective of
quantity or a preposition ("om en ny svømmehal", "til lejrskoler og udflugter"), or by a nominal ending
("renoveringen", "beslutningen"). Words that name what is asked rather than the topic ("sagsnummeret", "firma",
"beløbet") and committee names (judged by ``bodies``) are not topics.

A noun counts as mentioned when a stored word contains its stem (compounds: "svømmehal" is in
"lisbjergsvømmehallen"), or when one chunk holds both halves of it ("budgetbehandlingen" in "2. behandling af
budget"). English questions are checked only through the glossary: an English noun is judged only when the
glossary gives its Danish words, and is mentioned when any of them is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.glossary import GLOSSARY, danish
from core.dates import MONTHS
from core.model import fold
from core.municipalities import ALL_MUNICIPALITIES, QUESTION_ALIASES
from store.lexical import tokens

# (parts, municipalities) -> does one stored chunk of those municipalities hold a word containing each part
Mentioned = Callable[[tuple[str, ...], list[str]], bool]

_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü][\wÆØÅæøåÉéÜü-]*")
# words after which a Danish word is a noun: articles, quantities, prepositions
_BEFORE_NOUN_DA = set("en et den det ny nye nyt flere alle om til af på for med ved fra under mellem hos efter mod "
                      "samt sin sit sine hele store stor større første nogen nogle ingen mere kommunens byens "
                      "vores jeres deres".split())
_BEFORE_NOUN_EN = set("a an the new about on for of to with at from regarding any more".split())
_NOMINAL = re.compile(r"(?:ing|ning|else|hed|tion|skab|isme)(?:en|er|erne|ens|s)?$|(?:ingen|elsen|heden|ionen|erne)$")
_AND = {"og", "eller", "and", "or"}
_AUXILIARY_EN = {"do", "does", "did", "will", "would", "can", "could", "should", "must", "may", "might", "shall"}
# verbs that end a question after their subject ("when do the new rates apply?", "when will the works start?")
_FINAL_VERBS_EN = set("""apply applies start starts begin begins open opens close closes end ends happen happens
expire expires run runs change changes occur occurs finish finishes resume resumes continue continues stop stops
lapse take place""".split())
_ARTICLES = {"den", "det", "de"}
# a compound's first half this long names the thing by itself ("solcelle|parken" is mentioned by "solcelleanlæg",
# "fodbold|baner" by "fodboldklub"); shorter heads ("hunde|skove") are too general alone
_LONG_HEAD = 7
# abstract nouns ("tryghed", "sundhed", "uddannelse", "forvaltning"): as a compound's first half they qualify its
# second ("tryghedsvagter" are guards), so they do not name the thing by themselves
_ABSTRACT = re.compile(r"(?:hed|else|ing|skab|tion|isme)$")
# how a Danish word (a compound's second half, after a linking -s-/-e-) can begin: a vowel or a consonant cluster
# Danish words begin with. "betalin|gsparkering" is no split ("gs" begins no word), so "betalin" is no head
_ONSET = re.compile(r"[aeiouyæøå]|(?:s?[kpt][lrvj]?|s[lmnvj]|[bdfg][lrj]?|[gk]n|hv|hj|[hjlmnrv])(?=[aeiouyæøå])|"
                    r"(?:skr|spr|str|spl)(?=[aeiouyæøå])")
# second halves that add nothing to an abstract first half ("sundheds|området" is about sundhed): stems
_GENERIC_TAIL = {"omraad", "indsats", "politik", "plan", "strategi", "sag", "arbejd", "tilbud", "ordning", "forhold",
                 "spoergsmaal", "emn", "felt", "initiativ", "aktivitet", "projek"}
# "blev det vedtaget": after an auxiliary, "det" is a pronoun and the next word a participle
_AUXILIARY = set("blev bliver er var har havde være blive været is was were has have had been".split())
# nouns that name what is asked or the civic frame, not the topic: they need not be in the minutes ("til en
# artikel:", "til en opgave": the asker's purpose)
_FRAME = set("""hvert hver begge hinanden
sagsnummer sagsnummeret journalnummer journalnummeret nummer nummeret firma firmaet firmaer
virksomhed virksomheden beløb beløbet pris prisen priser andel andelen antal antallet dato datoen tidspunkt
tidspunktet formand formanden næstformand medlem medlemmer medlemmerne borgmester borgmesteren forslag forslaget
forslagene beslutning beslutningen beslutninger indstilling indstillingen punkt punktet punkter møde mødet
møder sag sagen sager byrådet udvalget kommunen begrundelse begrundelsen grund grunden årsag årsagen penge
afstemning afstemningen stemmer stemmerne partier partierne parti partiet ifølge angående vedrørende
referat referatet referater dagsorden dagsordenen omkostninger udgifter udgiften summen ordinære
bidrag bidraget bidragene
opgørelse opgørelsen opgørelser opgørelserne redegørelse redegørelsen
administration administrationen forvaltning forvaltningen merforbrug merforbruget mindreforbrug mindreforbruget
politiker politikeren politikere politikerne lokalpolitikerne
underskud underskuddet overskud overskuddet ekstraordinære
sommerferie sommerferien vinterferie vinterferien efterårsferie efterårsferien påskeferie påskeferien juleferie
juleferien ferien julen påsken weekenden forår foråret sommeren efterår efteråret vinteren
morgen morgenen morgnen formiddagen eftermiddagen aftenen natten sæsonen skoleåret kvartal kvartalet halvåret
måned måneden måneder månederne ugen året timen døgnet koste kostet
sidst sidste gengæld slutningen gerne senest tidligst helst snarest udgangen udgang
betingelse betingelsen betingelser betingelserne vilkår vilkårene pengene
behandling behandlingen behandlinger ændring ændringen ændringer ændringerne
artikel artiklen indlæg indlægget opgave opgaven spørgsmål spørgsmålet""".split()) | set(MONTHS)
# ("til sidst", "til gengæld": adverbs, not nouns)
# adjectives an article or a preposition precedes as often as a noun ("den gamle pedelbolig", "de nuværende
# regler"): they qualify the topic, they do not name it
_ADJECTIVES = set("""gamle gammel gammelt unge lille store stort større største mindre mindste samme andre anden
andet nuværende tidligere kommende eksisterende sidste første næste nyeste ældste ældre yngre offentlige offentlig
private privat kommunale kommunal lokale samlede samlet fælles særlige særlig endelige endelig
længere kortere højere lavere bredere flere færre bedre værre billigere dyrere hurtigere senere""".split())
# an indefinite adjective after "en"/"et" ("en almindelig helårsbolig", "et økonomisk overblik"): -lig, -ig, -isk
# end adjectives, but for the nouns that end so
_ADJECTIVE_END = re.compile(r"(?:ig|isk)$")
_NOUNS_ENDING_SO = ("bolig", "krig", "fisk", "disk", "stig", "kig")
_MUNI_WORDS = ({fold(w) for m in ALL_MUNICIPALITIES for w in m.split()}
               | {fold(a) for a in QUESTION_ALIASES})  # "dragor": Dragør typed without ø
# people a measure is for, written as an adjective standing for a noun ("for unge", "til ældre") or a short noun
_GROUPS = {"unge", "ældre", "børn"}
_GROUP_BEFORE = {"for", "til", "blandt"}
_MODALS = {"skal", "skulle", "kan", "kunne", "vil", "ville", "må", "måtte", "bør", "burde"}
_PASSIVE_SUBJECT = {"det", "den", "de", "der", "sagen", "punktet", "forslaget"}
_BODY = ("udvalg", "udvalget", "udvalgets", "udvalgene", "raad", "raadet", "raadets", "committee", "council")


_FRAME_EN = set("""number amount cost costs price total share percentage decision decisions proposal proposals
recommendation committee council meeting meetings item items agenda minutes case reason reasons date time year
years vote votes parties party members member company firm what which much many about people persons home
overspend underspend deficit surplus holiday holidays vacation season weekend quarter grant grants funding
start starts beginning end
lower higher cheaper dearer bigger smaller larger greater fewer less more longer shorter
""".split())
_ARTICLES_EN = {"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those"}
_STOP_EN = set("""a an the of to in on at for with from by about and or but is was were be been are has have had do
did does will would can could should it its this that these those what which who whom how when where why than as
not no into over under after before between during""".split())


def _english_runs(question: str) -> list[list[str]]:
    """Runs of lower-case words after an article or preposition ("a new ice rink")."""
    words = [m.group(0) for m in _WORD.finditer(question)]
    runs: list[list[str]] = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in _BEFORE_NOUN_EN or (low in _AND and runs and runs[-1]):
            runs.append([])  # "a library and (a) swimming pool": the next noun phrase
        elif runs and runs[-1] is not None and word[:1].islower() and low not in _STOP_EN and i:
            following = words[i + 1].lower() if i + 1 < len(words) else ""
            if low.endswith("ing") and following in _BEFORE_NOUN_EN or (
                    words[i - 1].lower() == "to" and following in _ARTICLES_EN):
                # "about building a new pool", "decide to start the project": a verb taking an object, not a noun
                runs.append([])
                continue
            prev = words[i - 1].lower()
            if (i == len(words) - 1 and low in _FINAL_VERBS_EN and prev not in _BEFORE_NOUN_EN
                    and _AUXILIARY_EN & {w.lower() for w in words[:i]}):
                continue  # "From what date do the new rates apply?": the verb an auxiliary left to the end
            if prev in _BEFORE_NOUN_EN or prev in _AND or (runs[-1] and runs[-1][-1] == prev):
                runs[-1].append(low)
    return runs


def english_phrases(question: str) -> list[list[str]]:
    """Each English noun phrase's nouns: two-word glossary terms kept whole ("swimming pool"), frame words
    dropped ("6th grade camp school trips" -> grade, camp, school, trips)."""
    out: list[list[str]] = []
    for run in _english_runs(question):
        nouns: list[str] = []
        k = 0
        while k < len(run):
            pair = " ".join(run[k:k + 2])
            if k + 1 < len(run) and pair in GLOSSARY:
                nouns.append(pair)
                k += 2
                continue
            if len(run[k]) >= 4 and run[k] not in _FRAME_EN and run[k] not in _BEFORE_NOUN_EN:
                nouns.append(run[k])
            k += 1
        if nouns:
            out.append(nouns)
    return out


def _english_nouns(question: str) -> list[str]:
    return list(dict.fromkeys(n for phrase in english_phrases(question) for n in phrase))


# "the culture and leisure committee", "Greve's elderly care committee": words naming a body, not a topic
_BODY_EN = re.compile(r"((?:[a-z'-]+\s+(?:and\s+|&\s+)?){1,4})(?:committee|council|board)\b", re.I)


_GLOSS_WORD = re.compile(r"\(([a-zæøå]{5,})\)")
_GLOSSED = re.compile(r"((?:[a-z'-]+\s+){1,4})\([^()]{3,40}\)", re.I)


# words that cannot be the noun a superlative stands before ("den seneste over 30 år", "listen over ..."): a
# preposition, a conjunction or a relative word
_DETERMINERS = frozenset("den det de sit sin sine hans hendes deres vores jeres dets dens".split())
_NOT_A_NOUN_AFTER = frozenset("over for til af i på om med fra ved under efter mellem og eller som der da når hvor "
                              "at".split())


def topic_nouns(question: str, lang: str) -> list[str]:
    """The lower-case nouns of the question that name its topic (see the module note)."""
    if lang == "en":
        # "the senior citizens' council": a body's name, its possessive word too
        body = {w.lower().strip("'") for m in _BODY_EN.finditer(question)
                for w in re.findall(r"[a-z'-]+", m.group(1), re.I)}
        # "the rules of procedure (styrelsesvedtægt)": the asker gives the minutes' own word, so the English
        # words it translates need not be in them
        glossed = {w.lower() for m in _GLOSSED.finditer(question) for w in re.findall(r"[a-z'-]+", m.group(1), re.I)}
        return [n for n in _english_nouns(question) if not set(n.split()) <= body | glossed]
    found = list(_WORD.finditer(question))
    words = [m.group(0) for m in found]
    before = _BEFORE_NOUN_DA
    out: list[str] = fragment_nouns(question)
    for i, word in enumerate(words):
        low, prev = word.lower(), words[i - 1].lower() if i else ""
        if i and re.search(r"\d", question[found[i - 1].end():found[i].start()]):
            prev = ""  # "kulturpris for 2024 overrakt": "for 2024" is said; the word after the year is no noun
        if i >= 2 and words[i - 2].lower() in _AUXILIARY and prev in {"det", "den", "it"}:
            continue  # "blev det vedtaget": a participle after a pronoun, not a noun after an article
        # "den nye skole", "det åbne bibliotek": after an article, a definite adjective ends in -e
        adjective = (i >= 2 and words[i - 2].lower() in before
                     and (prev.endswith(("ede", "nye", "store", "gamle")) or words[i - 2].lower() in _ARTICLES
                          and prev.endswith("e") and len(prev) >= 3)
                     # "de kommunale tryghedsvagter": the plural article before an adjective in -e
                     or i >= 2 and words[i - 2].lower() == "de" and prev.endswith("e") and len(prev) >= 5)
        # "at sætte solceller op": the object of an infinitive after "at"
        infinitive = (i >= 2 and words[i - 2].lower() == "at" and prev.endswith("e") and len(prev) >= 4
                      and low not in before)  # "at afsætte flere penge": a quantity, the noun follows
        # "Morsø Kommunes kulturpris", "Greves budget": a name's genitive stands before a noun
        genitive = i >= 1 and prev.endswith("s") and words[i - 1][:1].isupper() and len(prev) >= 4 and prev != ""
        noun = (prev in before or genitive or adjective or infinitive or _NOMINAL.search(low) is not None
                or (prev in _AND and i >= 2 and words[i - 2].lower() in out))
        # "hvornår skal det behandles igen?", "kan den bygges?": a passive verb after a modal and its subject
        if low.endswith("es") and i >= 2 and prev in _PASSIVE_SUBJECT and words[i - 2].lower() in _MODALS:
            continue
        if low in _GROUPS and prev in _GROUP_BEFORE:
            out.append(low)  # "gratis bus for unge": the group a measure is for is its topic
            continue
        # "det billigste bud", "den største bevilling": a superlative before its noun is no topic of its own
        modifier = (low.endswith("ste") and prev in _DETERMINERS and i + 1 < len(words)
                    and words[i + 1].islower() and words[i + 1] not in _NOT_A_NOUN_AFTER)
        # "et varmt måltid", "et nyt tag": a neuter adjective in -t between the indefinite article and its noun
        modifier = modifier or (prev == "et" and low.endswith("t") and i + 1 < len(words)
                                and words[i + 1].islower() and words[i + 1] not in _NOT_A_NOUN_AFTER)
        if (not noun or modifier or word[:1].isupper() or not tokens(low) or len(low) < 5 or low in _FRAME
                or low.endswith("ede")
                or low in _ADJECTIVES
                or _ADJECTIVE_END.search(low) is not None and not low.endswith(_NOUNS_ENDING_SO)
                or fold(low) in _MUNI_WORDS or fold(low).removesuffix("s") in _MUNI_WORDS  # "greves skoler"
                or fold(low).endswith(_BODY) or _english(low)):
            continue
        out.append(low)
    return list(dict.fromkeys(out))


# a chat question's verbless fragment ("hundeskove i greve kommune - er der besluttet noget", "greve svømmehal
# renovering?"): its words name the topic, with no article or preposition before them
_SEGMENT = re.compile(r"\s[-–—]\s|[:;?!]")
_QUESTION_DA = set("hvad hvem hvor hvornår hvorfor hvordan hvilke hvilken hvilket hvis hvorhen hvorfra".split())
_FRAGMENT_WORDS = 6  # a chat fragment is short; a longer verbless run is a sentence whose verb is not listed
# "Jeg forbereder mig til mødet - ...", "Til en artikel: ...": a pronoun or an article makes a sentence or the
# asker's framing, not a chat fragment naming the topic
_NO_FRAGMENT = set("jeg vi du mig os dig en et".split())
_FINITE = set("""er var blev bliver har havde fik får skal skulle vil ville kan kunne må måtte gav giver kom kommer
gik går sagde siger findes fandtes ligger lå står stod koster kostede vedtog besluttede godkendte afviste
bevilgede valgte indførte""".split())


def fragment_nouns(question: str) -> list[str]:
    """The words of a verbless fragment of the question, five letters or longer and not frame words."""
    out = []
    for segment in _SEGMENT.split(question):
        words = [w.lower() for w in _WORD.findall(segment)]
        if not words or len(words) > _FRAGMENT_WORDS or any(
                w in _QUESTION_DA or w in _FINITE or w.endswith("ede") or w in _NO_FRAGMENT for w in words):
            continue
        raw = {w.lower(): w for w in _WORD.findall(segment)}
        out += [w for w in words if len(w) >= 5 and tokens(w) and w not in _FRAME and w not in _ADJECTIVES
                and not _english(w)
                and not raw[w][:1].isupper() and fold(w) not in _MUNI_WORDS and not fold(w).endswith(_BODY)
                and fold(w) not in _CIVIC_FRAGMENT]
    return out


def _english(word: str) -> bool:
    """An English word in a mixed chat fragment ("ravnbakkeskolen opening date"): common in English, rare in
    Danish (wordfreq's lists, shipped in its wheel), so not a Danish topic noun."""
    from wordfreq import zipf_frequency  # its lists load on first use, not at import

    en = zipf_frequency(word, "en")
    return en >= _ENGLISH_ZIPF and en > zipf_frequency(word, "da") + 1


_ENGLISH_ZIPF = 3.0  # about once per million words: "height", "opening", not rare loans ("dike" 2.9)
_CIVIC_FRAGMENT = {fold(w) for w in "kommune kommunes region status resultat resultater beslutning".split()}


def _stem(word: str) -> str:
    stems = tokens(word)
    return fold(stems[0] if stems else word)


def _letters(folded: str) -> int:
    """How many letters a folded word part has as written ("loebe" is "løbe": four)."""
    return len(folded.replace("oe", "ø").replace("ae", "æ").replace("aa", "å"))


def forms(noun: str, lang: str) -> list[tuple[str, ...]] | None:
    """The ways the minutes may hold ``noun``, any of which counts: each a tuple of parts one chunk must hold.
    None: the noun cannot be judged (an English word the glossary lacks)."""
    if lang == "en":
        words = danish(noun)
        if not words:
            return None
        return [(_stem(d),) for d in words]
    word = fold(noun)
    parts = [p for p in noun.split("-") if len(p) >= 3]
    if "-" in noun.strip("-") and parts:  # "it-hardware", "p-strategi": each long part, not the stem of the first
        return [tuple(_stem(p) for p in parts)]
    ways: list[tuple[str, ...]] = [(_stem(noun),)]
    m = re.search(r"r(?:et|ets|ene|enes|e)$", noun)
    if m and len(noun) > 6 and noun[m.start() - 1] not in "aeiouyæøå":  # "centret", "teatret": center, teater
        ways.append((_stem(noun[:m.start()] + "er"),))
    for k in range(4, len(word) - 3):  # the two halves of a compound, linking -s-/-e- dropped from the head
        if word[k:] in _FRAME:  # "slamsagen": the sludge case is about sludge
            ways.append((word[:k],))
        tail = _stem(word[k:])
        heads = [word[:k]] + ([word[:k - 1]] if word[k - 1] in "se" and k > 4 else [])
        # "solcelleparken" ~ "solcelleanlæg", "weekendbusserne" ~ "weekendafgange" (a short tail: "bus"); an
        # abstract first half ("tryghed|svagter") is too general alone
        specific = (not _ABSTRACT.search(word[:k].rstrip("s")) or tail in _GENERIC_TAIL) and _ONSET.match(word[k:])
        if len(tail) < 4:  # a short tail ("bus"): the head alone, unless it names a body ("udvalgs|turen")
            ways += [(head,) for head in heads if specific and len(head) >= _LONG_HEAD
                     and not head.rstrip("s").endswith(_BODY) and head.rstrip("s") not in _FRAME]
            continue
        ways += [(head,) for head in heads if specific and len(head) >= _LONG_HEAD]
        # two short halves ("løb|hjul", "kyst|sikre") are found apart in any long text ("forløb", "årshjul"): not
        # the compound
        ways += [(head, tail) for head in heads if _letters(head) >= 5 or _letters(tail) >= 5]
    return list(dict.fromkeys(ways))


def named_in(text: str, noun: str) -> bool:
    """Does ``text`` (folded) hold a Danish ``noun`` in any of its forms (a compound's halves in one text)?"""
    return any(all(p in text for p in parts) for n in [noun, *_lettered(noun)] for parts in forms(n, "da") or [()])


def glossed(question: str) -> set[str]:
    """The minutes' own words an English question gives in brackets ("artificial turf (kunstgræsbaner)")."""
    return {g.lower() for g in _GLOSS_WORD.findall(question)}


def absent(question: str, lang: str, municipalities: list[str], mentioned: Mentioned) -> list[str]:
    """The topic nouns of the question that no stored chunk (of the municipalities named) mentions."""
    out = []
    glosses = glossed(question) if lang == "en" else set()
    nouns = topic_nouns(question, lang)
    category = answer_category(question)
    if category in nouns and len(nouns) > 1:  # the kind of thing asked for, judged by the other topic nouns
        nouns = [n for n in nouns if n != category]
    for noun in [*nouns, *sorted(glosses - set(nouns))]:
        # "an artificial turf pitch (kunstgræsbane)": the asker gives the minutes' own word; it is judged as Danish
        ways = forms(noun, "da" if noun in glosses else lang)
        if ways is None:
            continue
        danish = lang != "en" or noun in glosses  # an English noun is judged by its glossary words
        # a restored letter's compound halves count only when both are long: "vandløb|projekt", not "tryghed|vægt"
        lettered = [parts for v in _lettered(noun) for parts in forms(v, "da") or []
                    if all(_letters(p) >= 5 for p in parts)] if danish else []
        if not any(mentioned(parts, municipalities) for parts in [*ways, *lettered]):
            out.append(noun)
    return out


# "Hvilket busselskab vandt udbuddet af skolekørsel?", "which associations got less than proposed?": the noun after
# an interrogative determiner names the kind of thing the answer is, which minutes often give only by its name
# ("Ølstykke Turistfart A/S", "Besøgstjenesten i Vig"), not the topic
_CATEGORY = re.compile(r"\b(?:hvilke[nt]?|which|what)\s+([a-zæøå][\wæøå-]+)", re.I)


def answer_category(question: str) -> str | None:
    """The noun naming what kind of thing is asked for ("busselskab" in "hvilket busselskab vandt ..."), if any."""
    m = _CATEGORY.search(question)
    return m.group(1).lower() if m else None


_PLAIN_LETTERS = (("o", "ø"), ("a", "æ"), ("a", "å"), ("ae", "æ"), ("oe", "ø"), ("aa", "å"))


def _lettered(noun: str) -> list[str]:
    """The Danish spellings of a noun typed without æ, ø and å ("vandlobsprojektet": "vandløbsprojektet"): one
    letter restored at a time; none for a noun that has them."""
    if re.search(r"[æøå]", noun):
        return []
    out = []
    for plain, letter in _PLAIN_LETTERS:
        out += [noun[:m.start()] + letter + noun[m.end():] for m in re.finditer(plain, noun)]
    return list(dict.fromkeys(out))[:_MAX_LETTERED]


_MAX_LETTERED = 12  # a long noun has many a's and o's; each try is one scan of the vocabulary
