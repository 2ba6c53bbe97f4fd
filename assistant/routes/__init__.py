"""The HTTP API's routers by area (chat, items, admin, health), its auth dependencies (auth), the error table
(errors) and what the routers read from the app (deps). assistant/api.py assembles them."""
