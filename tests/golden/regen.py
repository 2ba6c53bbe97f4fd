"""Regenerate the golden parser outputs: python -m tests.golden.regen (review the diff before committing)."""

from pathlib import Path

from ingest.parse import parse_file

ROOT = Path(__file__).resolve().parents[2]
for seed in sorted((ROOT / "sample_data" / "seeds").glob("*.txt")):
    out = Path(__file__).parent / (seed.stem + ".json")
    out.write_text(parse_file(seed).model_dump_json(indent=2) + "\n", encoding="utf-8")
    print("wrote", out.name)
