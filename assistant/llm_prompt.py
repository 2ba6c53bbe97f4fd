"""The prompt for a small local model: a focused excerpt of the top one to three items, within a token budget.

A 1.5B model on two CPU cores reads ~80 prompt tokens a second and, given five whole items (4-5k tokens), refused
every question. So the prompt holds only what answers: for each item the extractive answerer cited (at most
three), its place (municipality, committee, date, item number and title), the verbatim evidence the extractive
answerer picked for the question (``assistant.evidence``: the decision for a decision question, else the one to
three passages that hold the asked amount, date, name, ...), this meeting's decision, the recommendation it
decided on, the vote lines and the sentences with amounts. Lines are taken in that order of priority (the evidence
of every item before any item's decision, ...) while the whole prompt, system message included, stays within
``llm_prompt_tokens`` measured with tiktoken (cl100k_base; llama.cpp's own count for Qwen is within ~10 % of it).

Text from the minutes is untrusted: every line passes ``assistant.safety.sanitize`` first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant import prompts
from assistant.answer import own_decisions, where
from assistant.contract import Citation
from assistant.query import Query
from assistant.quotes import MONEY, proposal_quote, sentences
from assistant.retrieve import Hit
from assistant.safety import INJECTION, REDACTED, sanitize

CHAT_OVERHEAD = 12  # tokens a chat template adds around two messages (<|im_start|>system ... <|im_end|> ...)
MAX_LINE_TOKENS = 260  # one line (a long decision) never eats the whole budget
MAX_AMOUNT_LINES = 2
MAX_PROPOSAL_TOKENS = 150

LABELS = {
    "da": {"evidence": "Uddrag", "decision": "Beslutning", "proposal": "Indstilling", "vote": "Afstemning",
           "amount": "Beløb"},
    "en": {"evidence": "Excerpt", "decision": "Decision", "proposal": "Recommendation", "vote": "Vote",
           "amount": "Amount"},
}


def _cites(k: int, word: str) -> str:
    marks = [f"[{n}]" for n in range(1, k + 1)]
    return marks[0] if k == 1 else ", ".join(marks[:-1]) + f" {word} " + marks[-1]


# how the answer may cite: "[1]" with one source, "[1] eller [2]" with two (a small model copies "[n]" literally)
CITES = {"da": lambda k: _cites(k, "eller"), "en": lambda k: _cites(k, "or")}


def count_tokens(text: str) -> int:
    from ingest.chunk import count_tokens as count

    return count(text)


@dataclass
class Source:
    """One numbered source of the prompt: an item, the extractive citation for it, and the excerpt lines sent."""

    n: int
    hit: Hit
    citation: Citation
    lines: list[str] = field(default_factory=list)

    def block(self) -> str:
        return f'<source n="{self.n}">\n' + "\n".join(self.lines) + "\n</source>"

    def check_text(self) -> str:
        """What a claim citing this source may rest on: the item's text (instruction-like lines removed), its
        place in both languages, and the excerpt lines (labels and vote lines taken from the same item)."""
        item_text, _ = sanitize(self.hit.item.text)  # an instruction-like line is no evidence for a claim
        return "\n".join([item_text, where(self.hit, "da"), where(self.hit, "en"), *self.lines])


@dataclass
class Prompt:
    messages: list[tuple[str, str]]
    sources: list[Source]
    tokens: int


def _flat(text: str, item_text: str) -> str:
    """``text`` (verbatim from the item) on one line, with every piece of an instruction-like line of the item
    replaced: a passage may be a sentence cut out of such a line ("The answer is 8888 kr.")."""
    bad = [" ".join(line.split()) for line in item_text.split("\n") if INJECTION.search(line)]
    out = []
    for part in text.replace(" … ", "\n").split("\n"):
        flat = " ".join(part.split())
        if flat and any(flat in line or line in flat for line in bad):
            out.append(REDACTED)
        elif flat:
            out.append(sanitize(flat)[0])
    return " ".join(out)


def truncate(text: str, max_tokens: int) -> str:
    """``text`` cut to ``max_tokens`` (tiktoken) at a sentence end or word boundary, with an ellipsis."""
    from ingest.chunk import encoding

    enc = encoding()
    ids = enc.encode(text, disallowed_special=())
    if len(ids) <= max_tokens:
        return text
    cut = enc.decode(ids[: max(1, max_tokens - 1)])
    stop = cut.rfind(". ")
    cut = cut[: stop + 1] if stop > len(cut) // 2 else cut.rsplit(" ", 1)[0]
    return cut.rstrip() + " …"


def candidate_lines(source: Source, query: Query) -> list[tuple[int, str]]:
    """(priority, line) for one source: 1 evidence, 2 this meeting's decision, 3 the recommendation it decided
    on, 4 votes, 5 amounts."""
    lang = "en" if query.language == "en" else "da"
    label = LABELS[lang]
    hit = source.hit
    item = hit.item.item
    quote = source.citation.quote
    out: list[tuple[int, str]] = []
    if quote:
        out.append((1, f"{label['evidence']}: {_flat(quote, item.text)}"))
    shown = " ".join(quote.split())
    for dec in own_decisions(item, hit.item.date):
        text = " ".join(dec.text.split())
        if text and text not in shown:
            out.append((2, f"{label['decision']} ({dec.body}): {_flat(dec.text, item.text)}"))
            shown += " " + text
        for vote in dec.votes:
            vtext = " ".join(vote.text.split())
            if vtext and vtext not in shown:
                out.append((4, f"{label['vote']}: {_flat(vote.text, item.text)}"))
                shown += " " + vtext
    proposal = proposal_quote(item)  # what "Godkendt" or "Ad 1: tiltrådt" refers to
    if proposal and " ".join(proposal.split()) not in shown:
        out.append((3, f"{label['proposal']}: {truncate(_flat(proposal, item.text), MAX_PROPOSAL_TOKENS)}"))
        shown += " " + " ".join(proposal.split())
    amounts = [s for s in sentences(item.text) if MONEY.search(s) and " ".join(s.split()) not in shown]
    out += [(5, f"{label['amount']}: {_flat(s, item.text)}") for s in amounts[:MAX_AMOUNT_LINES]]
    return [(p, truncate(line, MAX_LINE_TOKENS)) for p, line in out]


def build(query: Query, sources: list[Source], version: str, budget: int) -> Prompt:
    """The chat messages for ``query`` over ``sources`` (each with its extractive citation), within ``budget``
    tiktoken tokens in all. Sources that get no line are left out; numbering stays 1..k over those kept."""
    lang = "en" if query.language == "en" else "da"
    system = prompts.load("system", version, lang)
    template = prompts.load("answer", version, lang)

    def render(chosen: list[Source]) -> tuple[list[tuple[str, str]], int]:
        blocks = "\n\n".join(s.block() for s in chosen)
        cites = CITES[lang](len(chosen) or 1)
        msgs = [("system", system), ("human", template.format(question=query.text, sources=blocks, cites=cites))]
        return msgs, sum(count_tokens(m[1]) for m in msgs) + CHAT_OVERHEAD

    _, fixed = render([])
    left = budget - fixed
    heads = {id(s): where(s.hit, lang) for s in sources}
    picked: dict[int, list[tuple[int, str]]] = {id(s): [] for s in sources}
    ranked = sorted(((prio, k, line, s) for k, s in enumerate(sources) for prio, line in candidate_lines(s, query)),
                    key=lambda x: (x[0], x[1]))
    for prio, k, line, s in ranked:
        opening = 0 if picked[id(s)] else count_tokens(heads[id(s)]) + 10  # header line and the source tags
        cost = count_tokens(line) + 1 + opening
        if cost > left and k == 0 and prio == 1 and not picked[id(s)] and left - opening > 40:
            line = truncate(line, left - opening - 2)  # the first item's evidence, shortened, rather than nothing
            cost = count_tokens(line) + 1 + opening
        if cost <= left:
            picked[id(s)].append((prio, line))
            left -= cost
    chosen: list[Source] = []
    for s in sources:
        lines = [line for _, line in sorted(picked[id(s)], key=lambda x: x[0])]
        if lines:
            chosen.append(Source(len(chosen) + 1, s.hit, s.citation, [heads[id(s)], *lines]))
    msgs, total = render(chosen)
    while total > budget and chosen:  # the sum of parts was an estimate: drop from the end until it fits
        last = chosen[-1]
        if len(last.lines) > 2:
            last.lines.pop()
        else:
            chosen.pop()
        msgs, total = render(chosen)
    return Prompt(msgs, chosen, total)
