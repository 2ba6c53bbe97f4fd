"""Ingest: read -> parse -> chunk -> index."""
