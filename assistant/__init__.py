"""Assistant: retrieve -> answer -> serve (api, web, slack)."""
