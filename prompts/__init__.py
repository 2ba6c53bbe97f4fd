"""The versioned prompt files (NAME.vN.md, NAME.LANG.vN.md), shipped as package data; see assistant/prompts.py."""
