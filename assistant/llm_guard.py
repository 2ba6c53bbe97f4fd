"""Guard rails on an LLM's answer, sentence by sentence, as it streams.

Only sentences that pass are shown, so nothing unchecked ever reaches the text or the stream:

* ``NO_ANSWER`` (the model's refusal), anywhere: the whole answer is rejected (reason ``no_answer``);
* a citation ``[n]`` with no source n (dangling): rejected (``unverified``);
* a sentence with a number or a name (a capitalised word inside the sentence) that its cited sources do not
  contain is dropped; so is a sentence that cites nothing and has no cited neighbour to lean on (a run of
  uncited sentences is checked against the citation of the sentence that closes it, or at the end against
  the last one);
* a sentence plainly in the other language than the question's: rejected (``unverified``);
* nothing left, or nothing cited: rejected (``unverified``); no text at all: ``empty``. With a single source an
  answer that cites nothing can only rest on that source: it is checked against it and ``[1]`` is added at its end.

Citations are renumbered in order of first use, so ``[1]`` is always the answer's first citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.query import DA_WORDS, EN_WORDS, language
from core.model import fold

_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|»[^«]*«")
CITE = re.compile(r"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")
NO_ANSWER = re.compile(r"NO[_ ]?ANSWER", re.I)
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ABBREV = re.compile(r"(?:\b(?:pr|kr|mio|mia|ca|bl\.a|f\.eks|fx|jf|nr|pkt|kl|d|evt|inkl|ekskl|hhv|vedr|mht|iht|stk|"
                     r"tlf|ang|dvs|mv|osv|m\.fl|ift|st|gl|no|vs|etc|e\.g|i\.e|approx|mr|ms|dr))\.$", re.I)
# sentence end: . ! ? (closing quotes/brackets, citations and a full stop after them may follow), then white space
_END = re.compile(r"[.!?]+[»\"”')]*(?:\s*\[\d{1,3}(?:\s*,\s*\d{1,3})*\])*\.?(?=\s)")
_END_BARE = re.compile(r"[.!?]+[»\"”')]*(?=\s)")
_LEADS = re.compile(r"\s*\[\d{1,3}(?:\s*,\s*\d{1,3})*\]")
_LEADING_CITES = re.compile(r"^(?P<space>\s*)(?P<cites>(?:\[\d{1,3}(?:\s*,\s*\d{1,3})*\]\s*)+)(?P<body>.*?\S.*?)"
                            r"(?P<end>[.!?]*)(?P<tail>\s*)$", re.S)
# capitalised words that are not names (English prose capitalises these; where() lines hold the rest)
NOT_NAMES = {fold(w) for w in (
    "I The This That These Those It Its In On At For And But Or However Also Both Yes No Not "
    "Municipality Municipal Council City Committee Committees Board Item Items Agenda Meeting Minutes Decision "
    "Mayor Chair Chairman Danish Denmark English Source Sources Excerpt Vote Amount DKK Kr Mr Ms "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "Kilde Kilden Kilderne Uddrag Beslutning Afstemning Beløb Svar Ja Nej Det Den De Der Og Men "
    "Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag").split()}


class Rejected(Exception):
    """The LLM's answer as a whole cannot stand: ``reason`` is a fallback reason (assistant.metrics)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def norm_numbers(raw: str) -> list[str]:
    """A printed number in one form for Danish and English: "1.283.980" and "1,283,980" are 1283980; "24,59" and
    "24.59" are 24.59 (a separator before exactly three digits groups thousands, else it is the decimal mark);
    "16.01.2024" is a date: 16, 1 and 2024."""
    parts = re.split(r"[.,]", raw)
    if len(parts) == 1:
        return [raw.lstrip("0") or "0"]
    if len(parts) == 3 and len(parts[0]) <= 2 and len(parts[1]) <= 2:
        return [p.lstrip("0") or "0" for p in parts]
    if all(len(p) == 3 for p in parts[1:]):
        return ["".join(parts).lstrip("0") or "0"]
    whole = "".join(parts[:-1]).lstrip("0") or "0"
    frac = parts[-1].rstrip("0")
    return [f"{whole}.{frac}" if frac else whole]


def sentence_language(sentence: str) -> str | None:
    """"da" or "en" for a sentence that plainly is one (names, quotes and citations aside), else None."""
    rest = _QUOTED.sub(" ", CITE.sub(" ", sentence))
    words = [w.lower() for w in _WORD.findall(rest) if not w[0].isupper()]
    cues = sum(1 for w in words if w in EN_WORDS or w in DA_WORDS)
    if len(words) < 4 or cues < 2:
        return None
    return language(" ".join(words))


def numbers(text: str) -> set[str]:
    return {n for raw in _NUMBER.findall(text) for n in norm_numbers(raw)}


def names(sentence: str) -> list[str]:
    """Capitalised words after the sentence's first word (in Danish, as good as proper nouns)."""
    words = list(_WORD.finditer(sentence))
    out = []
    for k, m in enumerate(words):
        w = m.group(0)
        if k == 0 or len(w) < 2 or not w[0].isupper() or fold(w) in NOT_NAMES:
            continue
        before = sentence[:m.start()].rstrip()
        if before.endswith((":", "«", "\"", "“", "(", "-", "*", "•")) and k <= 2:
            continue  # a label's value or a list entry starts with a capital like a sentence does
        out.append(w)
    return out


class _Vocabulary:
    def __init__(self, text: str) -> None:
        self.numbers = numbers(text)
        self.words = {fold(w) for w in _WORD.findall(text)}
        self.stems = {w[:5] for w in self.words if len(w) >= 5}

    def has_name(self, word: str) -> bool:
        w = fold(word).strip("'’-")
        if w in self.words:
            return True
        for suffix in ("s", "'s", "’s", "es", "et", "en", "erne", "ernes", "ens", "ets"):  # Esbjergs, Byrådets
            if w.endswith(suffix) and w[: -len(suffix)] in self.words:
                return True
        return len(w) >= 6 and w[:5] in self.stems and any(v.startswith(w[:-2]) for v in self.words
                                                            if abs(len(v) - len(w)) <= 3)


def split(buffer: str, final: bool, leading: bool = False) -> tuple[list[str], str]:
    """Complete sentences of ``buffer`` (each with its trailing white space) and the rest, still being written.
    A line break always ends a sentence; ``final`` flushes the rest as one. Citations after a sentence's full stop
    belong to it ("Godkendt. [1]"), unless the writer puts them first ("[1] Godkendt. [2] Udsat.": ``leading``)."""
    out: list[str] = []
    start = 0
    pos = 0
    end_re = _END_BARE if leading else _END
    while True:
        nl = buffer.find("\n", pos)
        m = end_re.search(buffer, pos)
        if m and (nl < 0 or m.end() <= nl):
            end = m.end()
            ws = re.match(r"\s*", buffer[end:])
            after = end + (ws.end() if ws else 0)
            if after >= len(buffer) and not final:
                break  # the next word decides whether this was a sentence end
            nxt = buffer[after:after + 1]
            text = buffer[start:end]
            if (nxt and (nxt.islower() or nxt == "[" and not leading)) or _ABBREV.search(text.rstrip("»\"”')")):
                pos = end
                continue
            out.append(buffer[start:after])
            start = pos = after
        elif nl >= 0:
            after = nl + 1
            while after < len(buffer) and buffer[after] in " \t\n":
                after += 1
            out.append(buffer[start:after])
            start = pos = after
        else:
            break
    rest = buffer[start:]
    if final and rest.strip():
        out.append(rest)
        rest = ""
    return out, rest


@dataclass
class Guard:
    """Feed it the LLM's text as it streams; it returns the text that may be shown (checked, renumbered)."""

    sources: Sequence[str]  # per source number n (1-based), the text a claim citing it may rest on
    lang: str | None = None  # the question's language: a sentence plainly in the other one rejects the answer
    buffer: str = ""
    pending: list[str] = field(default_factory=list)
    last_cited: list[int] = field(default_factory=list)
    order: dict[int, int] = field(default_factory=dict)  # source n -> its number in the answer
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    seen_text: bool = False
    leading: bool | None = None  # the writer cites before its sentences ("[1] Udvalget godkendte.")

    def __post_init__(self) -> None:
        self._vocab = [_Vocabulary(text) for text in self.sources]

    def feed(self, token: str) -> list[str]:
        self.buffer += token
        if NO_ANSWER.search(self.buffer):
            raise Rejected("no_answer", "the model answered NO_ANSWER")
        if self.leading is None and self.buffer.strip():
            if _LEADS.match(self.buffer) or not self.buffer.lstrip().startswith("["):
                self.leading = bool(_LEADS.match(self.buffer))  # the writer's style, from its first characters
            else:
                return []  # "[" so far: wait for the rest of it
        done, self.buffer = split(self.buffer, final=False, leading=bool(self.leading))
        return [out for sentence in done for out in self._sentence(sentence)]

    def finish(self) -> list[str]:
        done, self.buffer = split(self.buffer, final=True, leading=bool(self.leading))
        shown = []
        for k, sentence in enumerate(done):
            last = k == len(done) - 1
            if last and not CITE.search(sentence) and not re.search(r"[.!?»\"”')]\s*$", sentence):
                self.dropped.append(sentence)  # cut off mid-sentence (the token cap): not shown
                continue
            shown += self._sentence(sentence)
        if self.pending and not self.last_cited and len(self.sources) == 1:
            # one source: an answer that cites nothing can only rest on it; say so at its end
            final = self.pending[-1]
            body = final.rstrip()
            end = len(body) - len(body.rstrip(".!?"))
            self.pending[-1] = f"{body[:len(body) - end]} [1]{body[len(body) - end:]}{final[len(body):]}"
            self.last_cited = [1]
        if self.pending and self.last_cited:
            shown += self._group(self.pending, self.last_cited)
        elif self.pending:
            self.dropped += self.pending
        self.pending = []
        if not self.seen_text:
            raise Rejected("empty", "the model wrote nothing")
        if not self.kept or not self.order:
            raise Rejected("unverified", f"no sentence survived the checks (dropped: {self.dropped[:3]})")
        return shown

    @property
    def text(self) -> str:
        return "".join(self.kept)

    @property
    def cited(self) -> list[int]:
        """Source numbers in the order the answer numbers them."""
        return sorted(self.order, key=self.order.__getitem__)

    def _sentence(self, sentence: str) -> list[str]:
        if sentence.strip():
            self.seen_text = True
        if NO_ANSWER.search(sentence):
            raise Rejected("no_answer", "the model answered NO_ANSWER")
        cited = [int(x) for m in CITE.finditer(sentence) for x in m.group(1).split(",")]
        bad = [n for n in cited if not 1 <= n <= len(self.sources)]
        if bad:
            raise Rejected("unverified", f"dangling citation [{bad[0]}] (there are {len(self.sources)} sources)")
        if not cited:
            self.pending.append(sentence)
            return []
        if not CITE.sub("", sentence).strip(" \t\n.") and self.pending:
            # a citation on a line of its own ("...Livet.\n[1]"): it closes the sentence before it
            prev = self.pending.pop()
            sentence = f"{prev.rstrip()} {sentence.strip()}{sentence[len(sentence.rstrip()):]}"
        group, self.pending = [*self.pending, sentence], []
        for member in group:
            said = sentence_language(member)
            if self.lang and said and said != self.lang:
                raise Rejected("unverified", f"a sentence in {said}, the question in {self.lang}: {member!r}")
        self.last_cited = list(dict.fromkeys(cited))
        return self._group(group, self.last_cited)

    def _group(self, group: list[str], cited: list[int]) -> list[str]:
        out = []
        vocab = [self._vocab[n - 1] for n in cited]
        for sentence in group:
            bare = CITE.sub("", sentence)
            nums = numbers(bare)
            known = set().union(*(v.numbers for v in vocab))
            unknown_names = [w for w in names(bare) if not any(v.has_name(w) for v in vocab)]
            if not nums <= known or unknown_names:
                self.dropped.append(sentence)
                continue
            for n in (int(x) for m in CITE.finditer(sentence) for x in m.group(1).split(",")):
                self.order.setdefault(n, len(self.order) + 1)
            lead = _LEADING_CITES.match(sentence)
            if lead:  # "[1] Udvalget godkendte." reads as "Udvalget godkendte [1]."
                sentence = f"{lead['space']}{lead['body'].rstrip()} {lead['cites'].strip()}{lead['end']}{lead['tail']}"
            shown = CITE.sub(lambda m: "".join(f"[{self.order[int(x)]}]" for x in m.group(1).split(",")), sentence)
            if not shown.strip():
                continue
            self.kept.append(shown)
            out.append(shown)
        return out
