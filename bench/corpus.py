"""A deterministic generator of realistic synthetic minutes, in the formats Referat parses.

Vocabulary is drawn from the real seed minutes (their sentences), so chunk lengths, token
counts and BM25 statistics look like real Danish minutes. `write_corpus(dir, n, seed)` writes
n meetings, cycling through "Punkt N:" text, Markdown, First Agenda-like HTML and unnumbered text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from core.municipalities import MUNICIPALITIES

ROOT = Path(__file__).resolve().parent.parent
COMMITTEES = ["Økonomiudvalget", "Teknik- og Miljøudvalget", "Børne- og Ungeudvalget", "Social- og Sundhedsudvalget",
              "Kultur- og Fritidsudvalget", "Beskæftigelsesudvalget", "Plan- og Boligudvalget", "Byrådet"]
TOPICS = ["Budgetopfølgning", "Lokalplan", "Skolestruktur", "Renovering af", "Tilskud til", "Høring om",
          "Anlægsbevilling til", "Udbud af", "Strategi for", "Status på", "Orientering om", "Godkendelse af"]
OBJECTS = ["cykelsti ved havnen", "ny daginstitution", "plejecenter", "sportshal", "kollektiv trafik",
           "affaldsordning", "klimatilpasning", "erhvervsområde", "boligsocial helhedsplan", "jobcenter",
           "bibliotek", "vandløb", "ældrepolitik", "sundhedspolitik", "integrationsindsats"]
DECISIONS = ["Godkendt.", "Indstillingen blev godkendt.", "Taget til efterretning.", "Udsat.", "Anbefales.",
             "Indstillingen er godkendt ved stemmeflertal.", "Ikke godkendt.", "Orienteringen blev taget til "
             "efterretning."]


def _sentences() -> list[str]:
    out: list[str] = []
    for seed in sorted((ROOT / "sample_data" / "seeds").glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 60 and not line.startswith(("Punkt", "Beslutning", "#")):
                out += [s for s in re.split(r"(?<=[.!?])\s+", line) if len(s) > 40]
    return out


_MUNI = re.compile(r"\b(" + "|".join(re.escape(m) for m in MUNICIPALITIES) + r")\b")


def meeting_text(rng: random.Random, sentences: list[str], k: int, municipality: str | None = None
                 ) -> tuple[str, str]:
    muni = municipality or rng.choice(MUNICIPALITIES)
    sentences = [_MUNI.sub(muni, s) for s in rng.sample(sentences, min(len(sentences), 200))]
    committee = rng.choice(COMMITTEES)
    day = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 2900))
    fmt = ("txt", "md", "html", "unnumbered")[k % 4]
    items = []
    for n in range(1, rng.randint(8, 15) + 1):
        title = f"{rng.choice(TOPICS)} {rng.choice(OBJECTS)}"
        case = f"{day.year % 100:02d}/{rng.randint(100, 40000)}"
        body = {name: " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 9)))
                for name in ("Resumé", "Sagsfremstilling", "Økonomi")}
        amount = f"{rng.randint(1, 900) * 1000:,}".replace(",", ".")
        body["Økonomi"] += f" Udgiften er {amount} kr."
        body["Indstilling"] = f"Forvaltningen indstiller, at {title.lower()} godkendes."
        items.append((n, title, case, body, rng.choice(DECISIONS)))
    head = f"{muni} Kommune"
    when = day.strftime("%d-%m-%Y")
    if fmt == "html":
        rows = "".join(
            f'<tr><td><span class="label">{n}</span></td><td><h2>{t}</h2><div>Sagsnr.: {c}</div>'
            + "".join(f"<h3>{k}</h3><p>{v}</p>" for k, v in b.items())
            + f"<h3>Beslutning</h3><p>{d}</p></td></tr>" for n, t, c, b, d in items)
        return f"{k:05d}.html", (f"<html><body><header>{head}</header><h1>Referat {committee}</h1>"
                                 f"<p>Mødedato: {when} kl. 16.00</p><table>{rows}</table></body></html>")
    lines = [f"Referat {committee}", head, f"Mødedato {when} kl. 16.00", ""]
    for n, t, c, b, d in items:
        if fmt == "unnumbered":
            lines += ["Beslutningstema", t]
        else:
            lines += [f"{'## ' if fmt == 'md' else ''}Punkt {n}: {t}", c]
        for name, text in b.items():
            lines += [f"{'### ' if fmt == 'md' else ''}{name}", text, ""]
        lines += [f"Beslutning i {committee} den {when}", d, ""]
    return f"{k:05d}.{'md' if fmt == 'md' else 'txt'}", "\n".join(lines)


def generate(n: int, seed: int = 7, municipality: str | None = None) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    sentences = _sentences()
    for k in range(n):
        yield meeting_text(rng, sentences, k, municipality)


def write_corpus(folder: Path, n: int, seed: int = 7, municipality: str | None = None) -> list[Path]:
    """n meetings; all of one municipality if given (the one-municipality deployment), else spread over 98."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed, municipality):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
