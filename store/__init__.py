"""Storage: SQLite catalog, Chroma vectors, BM25 index, the encoder, conversations. ingest/ writes, assistant/ reads."""
