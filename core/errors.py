"""Domain exceptions. Raised inside; translated at the edge, one table per edge: HTTP statuses in
assistant/routes/errors.py (ERRORS), exit codes in assistant/cli.py (EXIT_CODES); Slack replies with the message.
A new class here needs a row in both (tests/test_errors_table.py checks)."""

from __future__ import annotations


class ReferatError(Exception):
    """Base of every error Referat raises on purpose."""


class IngestError(ReferatError):
    """A file could not be read or parsed. The message names the file and the reason."""

    def __init__(self, path: str, reason: str, status: int = 400) -> None:
        self.path = path
        self.reason = reason
        self.status = status  # over the API: 400 unreadable, 413 past a size limit, 422 past a content limit
        super().__init__(f"{path}: {reason}")


class NotMinutes(IngestError):
    """A readable file that is not minutes (a question set, a project's README): skipped in a folder, refused
    (422) when uploaded on its own."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason, 422)


class TooLarge(IngestError):
    """A file past one of the reading limits (bytes, unpacked size, pages); the reason names the limit."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason, 413)


class StoreError(ReferatError):
    """The store (Chroma or the BM25 side index) could not be used."""


class StoreUnavailable(StoreError):
    """The store backend is not reachable (e.g. the Chroma server is down)."""


class NotFound(ReferatError):
    """A meeting or item id that does not exist."""


class Gone(NotFound):
    """An item id that existed but was removed when its meeting was re-ingested (corrected)."""

    def __init__(self, meeting_id: str, message: str) -> None:
        self.meeting_id = meeting_id
        super().__init__(message)


class QuestionError(ReferatError, ValueError):
    """A question (or its history) the service will not take: empty, too long, too many turns."""
