"""Guard rails on the LLM's answer, with a scripted model behind a fake OpenAI-compatible server on loopback:
NO_ANSWER, empty, dangling [n], uncited, unverifiable or wrong-language output falls back to the extractive
answer (answered_by says so) and never reaches the text or the stream; a sentence with a number or a name its
cited item does not hold is dropped; the prompt is a focused excerpt of at most three items within the budget."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.container import Container
from assistant.llm_guard import Guard, Rejected, split
from assistant.llm_prompt import count_tokens
from tests.fakes import FakeLLM

DECISION = "Hvad besluttede Esbjerg om Prækvalifikation Helhedsplan 2025-2029?"
MONEY = "Hvor stor er Esbjerg Kommunes årlige egenfinansiering til Bydelsprojekt 3i1?"  # two items cited
ENGLISH = "What did Esbjerg decide on Helhedsplan 2025?"
GOOD = "Indstillingen er godkendt ved stemmeflertal [1]."


def run(seeded: Container, say: Callable[[str], str], question: str = DECISION,
        **settings: Any) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, int], FakeLLM]:
    """/chat and /chat/stream with a model that replies ``say(prompt)``: the JSON answer, the stream's
    events, the fallback counters, and the fake (for the prompts it was sent)."""
    with FakeLLM("say", say=say) as fake:
        s = seeded.settings.model_copy(update={"llm_base_url": fake.url + "/v1", "llm_model": "fake", **settings})
        with TestClient(create_app(s, Container(s))) as client:
            body = client.post("/chat", json={"question": question}).json()
            events = [json.loads(line) for line in
                      client.post("/chat/stream", json={"question": question}).text.splitlines()]
            lines = [ln for ln in client.get("/metrics").text.splitlines()
                     if ln.startswith("referat_llm_fallbacks_total{")]
        counted = {ln.split('"')[1]: int(ln.rsplit(" ", 1)[1]) for ln in lines}
    return body, events, counted, fake


def shown(events: list[dict[str, Any]]) -> tuple[str, str]:
    """Every token ever streamed, and the text left on screen (the tokens after the last reset)."""
    last_reset = max((i for i, e in enumerate(events) if e["type"] == "reset"), default=-1)
    every = "".join(e["text"] for e in events if e["type"] == "token")
    left = "".join(e["text"] for e in events[last_reset + 1:] if e["type"] == "token")
    return every, left


def assert_fell_back(body: dict[str, Any], events: list[dict[str, Any]], counted: dict[str, int], reason: str,
                     never: str) -> None:
    assert body["answered_by"] == "extractive-fallback" and not body["refused"], body
    assert never not in body["answer"]
    final = events[-1]
    assert final["type"] == "answer" and final["answered_by"] == "extractive-fallback"
    every, left = shown(events)
    assert never not in every  # not even for a moment
    assert left.strip() == final["answer"].strip()
    assert counted[reason] == 2, counted


def test_no_answer_falls_back_and_never_streams(seeded: Container) -> None:
    body, events, counted, _ = run(seeded, lambda p: "NO_ANSWER")
    assert_fell_back(body, events, counted, "no_answer", "NO_ANSWER")
    assert "reset" not in {e["type"] for e in events}  # nothing of the LLM's was shown, so nothing to withdraw


def test_no_answer_after_a_sentence_falls_back(seeded: Container) -> None:
    body, events, counted, _ = run(seeded, lambda p: f"{GOOD} Ellers: NO_ANSWER")
    assert_fell_back(body, events, counted, "no_answer", "NO_ANSWER")


def test_blank_answer_falls_back(seeded: Container) -> None:
    body, events, counted, _ = run(seeded, lambda p: "   \n  ")
    assert_fell_back(body, events, counted, "empty", "\n  ")


def test_dangling_citation_falls_back(seeded: Container) -> None:
    body, events, counted, _ = run(seeded, lambda p: f"{GOOD} Det blev også vedtaget [2].")
    assert_fell_back(body, events, counted, "unverified", "[2]")


def test_uncited_answer_over_several_sources_falls_back(seeded: Container) -> None:
    body, events, counted, _ = run(seeded, lambda p: "Kommunen har afsat 918.125 kr. årligt.", question=MONEY)
    assert_fell_back(body, events, counted, "unverified", "afsat 918.125 kr. årligt.")


def test_uncited_answer_over_one_source_cites_it(seeded: Container) -> None:
    body, events, _, _ = run(seeded, lambda p: "Indstillingen er godkendt ved stemmeflertal.")
    assert body["answered_by"] == "llm" and body["answer"] == GOOD
    assert [c["item_number"] for c in body["citations"]] == ["5"] and shown(events)[1].strip() == GOOD
    body, _, _, _ = run(seeded, lambda p: "Projektet koster 4.500.000 kr.")  # and is checked against it
    assert body["answered_by"] == "extractive-fallback"


def test_a_sentence_with_a_number_the_item_lacks_is_dropped(seeded: Container) -> None:
    body, events, counted, _ = run(seeded, lambda p: f"Projektet koster 4.500.000 kr. [1]. {GOOD}")
    assert body["answered_by"] == "llm" and body["answer"] == GOOD
    every, left = shown(events)
    assert "4.500.000" not in every and left.strip() == GOOD
    assert sum(counted.values()) == 0


def test_a_sentence_with_a_name_the_item_lacks_is_dropped(seeded: Container) -> None:
    body, events, _, _ = run(seeded, lambda p: f"Forslaget kom fra Mette Frederiksen [1]. {GOOD}")
    assert body["answered_by"] == "llm" and body["answer"] == GOOD
    assert "Frederiksen" not in shown(events)[0]
    # a name the item does hold stands: the vote in the Esbjerg item
    body, _, _, _ = run(seeded, lambda p: "Sabrina Bech Bartholin stemte imod [1].")
    assert body["answered_by"] == "llm" and "Sabrina Bech Bartholin" in body["answer"]


def test_nothing_verifiable_left_falls_back(seeded: Container) -> None:
    body, events, counted, _ = run(seeded, lambda p: "Byrådet bevilgede 999 mio. kr. til Aarhus [1].")
    assert_fell_back(body, events, counted, "unverified", "999")


def test_wrong_language_falls_back(seeded: Container) -> None:
    danish = "Indstillingen blev sendt til afstemning, og den er godkendt ved stemmeflertal [1]."
    body, events, counted, _ = run(seeded, lambda p: danish, question=ENGLISH)
    assert_fell_back(body, events, counted, "unverified", "stemmeflertal [1]")
    assert "reset" not in {e["type"] for e in events}  # caught before it was shown


def test_citations_are_renumbered_and_map_to_sources(seeded: Container) -> None:
    def second_only(prompt: str) -> str:
        assert '<source n="2">' in prompt
        return "[2] Programkommuner vil få et tilskud til lønmidler til en programkoordinator."

    body, events, _, fake = run(seeded, second_only, question=MONEY)
    assert body["answered_by"] == "llm"
    assert body["answer"] == "Programkommuner vil få et tilskud til lønmidler til en programkoordinator [1]."
    assert [c["item_number"] for c in body["citations"]] == ["4"]  # [1] is the prompt's source 2
    assert "programkoordinator" in body["citations"][0]["quote"]
    assert shown(events)[1].strip() == body["answer"]


def test_prompt_is_a_focused_excerpt_within_the_budget(seeded: Container) -> None:
    body, _, _, fake = run(seeded, lambda p: GOOD, question=MONEY)
    messages = fake.requests[0]["messages"]
    prompt = messages[1]["content"]
    assert sum(count_tokens(m["content"]) for m in messages) <= 1200
    assert 1 <= prompt.count("<source n=") <= 3 and prompt.count("<source") == prompt.count("</source>")
    assert "918.125 kr." in prompt  # the evidence for the asked amount
    assert "Spørgsmål: " + MONEY in prompt and "Svar på dansk" in prompt
    assert "Answer in English" in run(seeded, lambda p: GOOD, question=ENGLISH)[3].requests[0]["messages"][1][
        "content"]
    # a tight budget still fits: fewer lines, fewer sources, never more tokens
    _, _, _, tight = run(seeded, lambda p: GOOD, question=MONEY, llm_prompt_tokens=450)
    sent = tight.requests[0]["messages"]
    assert sum(count_tokens(m["content"]) for m in sent) <= 450 and '<source n="1">' in sent[1]["content"]


def test_llm_is_not_asked_when_the_extractive_answer_refuses(seeded: Container) -> None:
    body, events, counted, fake = run(seeded, lambda p: GOOD, question="Hvad besluttede Aarhus om letbanen?")
    assert body["refused"] and body["answered_by"] == "extractive" and fake.requests == []
    assert sum(counted.values()) == 0


@pytest.mark.parametrize(("text", "sentences", "rest"), [
    ("Udvalget godkendte 4,2 mio. kr. til taget [1]. Det var enigt [1]. Næ", 2, "Næ"),
    ("Den 16. januar 2024 blev det godkendt [1].\nNæste", 1, "Næste"),
    ("Godkendt. [1] Det", 1, "Det"),
    ("Godkendt [1].", 0, "Godkendt [1]."),  # the next word decides: maybe "[2]" follows
])
def test_sentence_split_waits_for_the_next_word(text: str, sentences: int, rest: str) -> None:
    done, left = split(text, final=False)
    assert len(done) == sentences and left == rest and "".join(done) + left == text


def test_guard_streams_only_checked_sentences() -> None:
    g = Guard(["Esbjerg Kommune. Projektet koster 4,2 mio. kr. Jakob Lykke stemte imod."])
    out: list[str] = []
    for token in re.findall(r"\S+\s*", "Taget koster 4,2 mio. kr. [1]. Lars Hansen stemte imod [1]. "
                                       "Jakob Lykke stemte imod [1]."):
        out += g.feed(token)
    out += g.finish()
    assert out == ["Taget koster 4,2 mio. kr. [1]. ", "Jakob Lykke stemte imod [1]."]
    assert g.dropped == ["Lars Hansen stemte imod [1]. "] and g.cited == [1]
    g = Guard(["x"])
    assert g.feed("NO_ANS") == []
    with pytest.raises(Rejected) as exc:
        g.feed("WER")
    assert exc.value.reason == "no_answer"


def test_guard_follows_a_writer_who_cites_first() -> None:
    g = Guard(["Gjeddesdalsvej 85: forbud mod udbringning af slam. Godkendt.", "Kystpulje 2024."], "en")
    out: list[str] = []
    for token in re.findall(r"\S+\s*", "[1] The committee approved the ban at Gjeddesdalsvej 85. "
                                       "[2] It applies to Kystpulje 2024. [1] Approved."):
        out += g.feed(token)
    out += g.finish()
    assert out == ["The committee approved the ban at Gjeddesdalsvej 85 [1]. ",
                   "It applies to Kystpulje 2024 [2]. ", "Approved [1]."]


def test_eval_llm_compares_both_answerers_on_the_same_questions(seeded: Container, tmp_path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app
    from assistant.settings import get_settings
    from eval.questions import Question

    qs = [Question(id="a", question=DECISION, municipality="Esbjerg", meeting_date="2024-01-16", item_number="5"),
          Question(id="b", question=MONEY, municipality="Esbjerg", meeting_date="2024-01-16", item_number="5",
                   type="money", answer_keywords=["918.125"]),
          Question(id="u", question="Hvad besluttede Aarhus om letbanen?", type="unanswerable"),
          Question(id="x", question=ENGLISH, municipality="Esbjerg", meeting_date="2024-01-16", item_number="5")]
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(q.model_dump_json() for q in qs), encoding="utf-8")
    with FakeLLM("cite") as fake:
        for key, value in {"EMBEDDER": "fake", "REFUSAL_THRESHOLD": "0.25", "LLM_BASE_URL": fake.url + "/v1",
                           "LLM_MODEL": "fake"}.items():
            monkeypatch.setenv(f"REFERAT_{key}", value)
        get_settings.cache_clear()
        try:
            out = CliRunner().invoke(app, ["eval", str(qfile), "--data-dir", str(seeded.settings.data_dir), "--llm",
                                           "--judge", "--subset", "3", "--json"])
        finally:
            get_settings.cache_clear()
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert result["n"] == 3 and [q["id"] for q in result["questions"]] == ["a", "b", "u"]
    ext, llm = result["extractive"], result["llm"]
    assert ext["answered_by"] == {"extractive": 3} and llm["answered_by"] == {"llm": 2, "extractive": 1}
    for side in (ext, llm):
        assert side["citation_hit"] == 1.0 and side["refusal_rate"] == 1.0 and side["judged"] == 2
        assert {"latency_mean_ms", "latency_p95_ms", "faithfulness", "keyword_recall"} <= set(side)
