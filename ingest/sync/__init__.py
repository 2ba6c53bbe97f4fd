"""Keep up with the portals: list a municipality's meetings, fetch only what is new or changed, ingest it
through the same readers as any file, and remember what was seen (``referat sync``).

One module per portal kind (``agenda_api``, ``firstagenda_site``, ``folder``); ``core`` decides and ingests,
``http`` fetches politely, ``state`` records what each source showed, ``config`` reads ``sources.toml``.
"""
