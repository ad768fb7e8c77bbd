"""One exception tree for chatprobe, mapped once to a CLI exit code and an HTTP status (the class attributes
below; the CLI and the web app read them and nothing else).

    ChatprobeError                  exit 1  HTTP 500  base: a message for the user, plus a hint of what to do next
    ├── InputError                  exit 2  HTTP 422  what was given cannot be used (a file, a form value, an option)
    │   ├── UnsupportedFormat                         not a chat export we recognise (binary, wrong format, empty)
    │   ├── UnsafeArchive                             path traversal, zip bomb, encrypted or truncated archive
    │   ├── ParseError                                a recognised format that is broken beyond a warning
    │   │   └── BadTimestamp                          one header's date (the parser warns and goes on)
    │   └── NotFound                exit 1  HTTP 404  no such case, chat, message, user or run
    ├── Conflict                    exit 2  HTTP 409  the case is not in a state that allows it (not analysed yet,
    │   └── NothingToAnalyse                          nothing imported, an import running)
    ├── AccessDenied                exit 6  HTTP 403  this user or role may not do that
    │   └── RateLimited                     HTTP 429  too many failed logins: try again after ``retry_after`` s
    ├── EvidenceError               exit 3  HTTP 500  the evidence store is missing, unwritable or altered
    ├── StoreError                  exit 4  HTTP 500  the database cannot be opened or migrated
    ├── ModelMissing                exit 2  HTTP 500  a packaged model is missing or not the one calibrated
    ├── ConformanceError                              a detector breaks the detector contract (also an AssertionError)
    └── OutputError                 exit 5  HTTP 500  a report or export cannot be written (PdfError: Chromium)
        └── PdfError

Every error reaches the web as one JSON shape, ``{"error": message, "hint": hint-or-null, "status": code}``
(plus ``fields`` for a malformed form), or as the error page.
"""

from __future__ import annotations

from typing import Any


class ChatprobeError(Exception):
    exit_code = 1
    http_status = 500
    unforeseen = False  # True when the input error boundary wrapped an exception no importer foresaw

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"

    def to_json(self) -> dict[str, Any]:
        """The one error shape of the web API."""
        return {"error": self.message, "hint": self.hint, "status": self.http_status}


class InputError(ChatprobeError):
    exit_code = 2
    http_status = 422


class UnsupportedFormat(InputError):
    pass


class UnsafeArchive(InputError):
    pass


class ParseError(InputError):
    pass


class BadTimestamp(ParseError, ValueError):
    """A header's date or time that cannot be read (caught by the WhatsApp parser, which warns and goes on)."""


class NotFound(InputError):
    exit_code = 1
    http_status = 404


class Conflict(ChatprobeError):
    exit_code = 2
    http_status = 409


class NothingToAnalyse(Conflict):
    pass


class AccessDenied(ChatprobeError):
    exit_code = 6
    http_status = 403


class RateLimited(AccessDenied):
    http_status = 429

    def __init__(self, reason: str, retry_after: int) -> None:
        super().__init__(f"refused: {reason}", "wait, or log in from a browser you have used before")
        self.reason = reason
        self.retry_after = max(1, retry_after)


class EvidenceError(ChatprobeError):
    exit_code = 3


class StoreError(ChatprobeError):
    exit_code = 4


class ModelMissing(ChatprobeError):
    exit_code = 2


class ConformanceError(ChatprobeError, AssertionError):
    """A detector breaks the detector contract (detect/conformance.py); an AssertionError for test runners."""


class OutputError(ChatprobeError):
    exit_code = 5


class PdfError(OutputError):
    pass
