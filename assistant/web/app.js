// Referat web chat: plain JS, no build step, no CDN.
"use strict";

const TEXT = {
  da: {
    tagline: "Spørg kommunernes udvalgsreferater – svar med kildehenvisninger.", chat: "Chat",
    browse: "Gennemse møder", filters: "Filtre", municipality: "Kommune", committee: "Udvalg", from: "Fra",
    to: "Til", all: "Alle", question: "Dit spørgsmål", send: "Spørg", new: "Ny samtale", lang: "English",
    thinking: "Søger i referaterne …", empty: "Skriv et spørgsmål først.",
    tooLong: "Spørgsmålet er for langt (højst 1000 tegn).", offline: "Serveren svarer ikke. Prøv igen om lidt.",
    nothing: "Intet fundet i de indlæste referater.", item: "Punkt", unnumbered: "uden nummer",
    newStarted: "Ny samtale startet.", error: "Fejl", decisions: "Beslutninger", freshness: "Datafriskhed",
    meeting: "møde", meetings: "møder", latest: "seneste", updated: "opdateret", ingested: "indlæst",
    synced: "synkroniseret",
  },
  en: {
    tagline: "Ask municipal committee minutes – answers with citations.", chat: "Chat",
    browse: "Browse meetings", filters: "Filters", municipality: "Municipality", committee: "Committee",
    from: "From", to: "To", all: "All", question: "Your question", send: "Ask", new: "New conversation",
    lang: "Dansk", thinking: "Searching the minutes …", empty: "Type a question first.",
    tooLong: "The question is too long (at most 1000 characters).",
    offline: "The server is not answering. Try again shortly.", nothing: "Nothing found in the indexed minutes.",
    item: "Item", unnumbered: "unnumbered", newStarted: "New conversation started.", error: "Error",
    decisions: "Decisions", freshness: "Data freshness", meeting: "meeting", meetings: "meetings",
    latest: "latest", updated: "updated", ingested: "ingested", synced: "synced",
  },
};
let lang = localStorage.getItem("referat-lang") || "da";
let conversationId = null;
let freshness = [];  // GET /freshness: one row per municipality
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[lang][key] || key;

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $("lang").textContent = t("lang");
  $("freshness").setAttribute("aria-label", t("freshness"));
  renderFreshness();
}

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(c) {
  const a = el("a", "card");
  a.href = `/items/${encodeURIComponent(c.item_id)}?q=${encodeURIComponent(c.quote.slice(0, 1200))}`;
  const num = c.item_number ? `${t("item")} ${c.item_number}` : `${t("item")} (${t("unnumbered")})`;
  a.append(el("div", "meta", `${c.municipality} · ${c.committee} · ${c.meeting_date}`));
  a.append(el("div", "title", `${num}: ${c.item_title || ""}`));
  a.append(el("blockquote", "", c.quote));
  return a;
}

async function ask(question) {
  const body = { question, conversation_id: conversationId };
  if ($("f-muni").value) body.municipality = $("f-muni").value;
  if ($("f-committee").value) body.committee = $("f-committee").value;
  if ($("f-from").value) body.date_from = $("f-from").value;
  if ($("f-to").value) body.date_to = $("f-to").value;
  const turn = el("li", "turn");
  turn.append(el("p", "q", question));
  const answer = el("div", "a");
  turn.append(answer);
  $("conversation").append(turn);
  setStatus(t("thinking"));
  $("send").disabled = true;
  let response;
  try {
    response = await fetch("/chat/stream", { method: "POST", headers: { "content-type": "application/json" },
                                             body: JSON.stringify(body) });
  } catch (err) {
    setStatus(t("offline"), true); answer.textContent = t("offline"); $("send").disabled = false; return;
  }
  if (response.status === 401) { location.assign("/login"); return; }  // reads need a key: log in once
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail; } catch (e) { /* not JSON */ }
    setStatus(`${t("error")}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`, true);
    turn.remove(); $("send").disabled = false; return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl); buffer = buffer.slice(nl + 1);
      if (!line.trim()) continue;
      const event = JSON.parse(line);
      if (event.type === "token") answer.textContent += event.text;
      if (event.type === "reset") answer.textContent = "";  // the text so far is withdrawn (the LLM failed)
      if (event.type === "answer") finish(turn, answer, event);
    }
  }
  $("send").disabled = false;
}

function finish(turn, answer, result) {
  conversationId = result.conversation_id;
  answer.textContent = result.answer;
  answer.classList.toggle("refused", result.refused);
  setStatus(result.refused ? t("nothing") : "");
  if (result.citations && result.citations.length) {
    const cards = el("div", "cards");
    result.citations.forEach((c) => cards.append(card(c)));
    turn.append(cards);
  }
  turn.scrollIntoView({ behavior: "smooth", block: "end" });
}

async function getJSON(url) {
  const r = await fetch(url);
  if (r.status === 401) { location.assign("/login"); throw new Error(r.statusText); }
  if (!r.ok) throw new Error(r.statusText);
  return r.json();
}

async function loadFilters() {
  try {
    const munis = await getJSON("/municipalities");
    for (const select of [$("f-muni"), $("b-muni")]) {
      munis.forEach((m) => select.append(new Option(m, m)));
    }
    const meetings = await getJSON("/meetings");
    [...new Set(meetings.map((m) => m.committee))].sort().forEach((c) => $("f-committee").append(new Option(c, c)));
    renderMeetings(meetings);
  } catch (err) {
    setStatus(t("offline"), true);
  }
}

const day = (stamp) => (stamp ? String(stamp).slice(0, 10) : "");

// "Greve · 14 møder · seneste 2025-10-01 · opdateret 2026-11-29": the selected municipality, or all of them
function renderFreshness() {
  const list = $("freshness");
  const picked = $("f-muni").value;
  const rows = freshness.filter((f) => !picked || f.municipality === picked);
  list.replaceChildren();
  rows.forEach((f) => {
    const ingested = day(f.last_ingested), synced = day(f.last_sync);
    const updated = synced > ingested ? synced : ingested;  // ISO dates compare as text
    const parts = [f.municipality, `${f.meetings} ${f.meetings === 1 ? t("meeting") : t("meetings")}`];
    if (f.latest_meeting) parts.push(`${t("latest")} ${f.latest_meeting}`);
    if (updated) parts.push(`${t("updated")} ${updated}`);
    const li = el("li", "", parts.join(" · "));
    li.title = [ingested && `${t("ingested")} ${ingested}`, synced && `${t("synced")} ${synced}`]
      .filter(Boolean).join(" · ");
    list.append(li);
  });
  list.hidden = rows.length === 0;
}

async function loadFreshness() {
  try {
    freshness = await getJSON("/freshness");
  } catch (err) {
    freshness = [];  // an extra: the page works without it
  }
  renderFreshness();
}

function renderMeetings(meetings) {
  const list = $("meetings");
  list.replaceChildren();
  meetings.forEach((m) => {
    const li = el("li");
    const b = el("button", "", `${m.date} · ${m.municipality} · ${m.committee}`);
    b.type = "button";
    b.addEventListener("click", () => showMeeting(m.id));
    li.append(b);
    list.append(li);
  });
}

async function showMeeting(id) {
  const m = await getJSON(`/meetings/${encodeURIComponent(id)}`);
  const box = $("meeting");
  box.replaceChildren(el("h2", "", `${m.municipality} · ${m.committee} · ${m.date}`));
  const ol = el("ol");
  m.items.forEach((it) => {
    const li = el("li");
    const a = el("a", "", `${it.number ? t("item") + " " + it.number + ": " : ""}${it.title}`);
    a.href = `/items/${encodeURIComponent(it.id)}`;
    li.append(a);
    it.decisions.forEach((d) => li.append(el("p", "meta", `${d.body} (${d.date || ""}): ${d.text.split("\n")[0]}`)));
    ol.append(li);
  });
  box.append(ol);
}

function showTab(name) {
  $("chat").hidden = name !== "chat";
  $("browse").hidden = name !== "browse";
  $("tab-chat").classList.toggle("active", name === "chat");
  $("tab-browse").classList.toggle("active", name === "browse");
}

$("ask").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = $("question").value.trim();
  if (!q) { setStatus(t("empty"), true); return; }
  if (q.length > 1000) { setStatus(t("tooLong"), true); return; }
  $("question").value = "";
  ask(q);
});
$("question").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("ask").requestSubmit(); }
});
$("new").addEventListener("click", () => {
  conversationId = null; $("conversation").replaceChildren(); setStatus(t("newStarted"));
});
$("lang").addEventListener("click", () => {
  lang = lang === "da" ? "en" : "da"; localStorage.setItem("referat-lang", lang); applyLanguage();
});
$("f-muni").addEventListener("change", renderFreshness);
$("tab-chat").addEventListener("click", () => showTab("chat"));
$("tab-browse").addEventListener("click", () => showTab("browse"));
$("b-muni").addEventListener("change", async () => {
  const q = $("b-muni").value ? `?municipality=${encodeURIComponent($("b-muni").value)}` : "";
  renderMeetings(await getJSON(`/meetings${q}`));
});
applyLanguage();
loadFilters();
loadFreshness();
