"""One exception tree for chatprobe. Adapters (CLI, web) map it once.

    ChatprobeError                  base: a message meant for the user, plus a hint of what to do next
    ├── InputError                  the input cannot be read as evidence
    │   ├── UnsupportedFormat       not a chat export we recognise (binary, wrong format, empty)
    │   ├── UnsafeArchive           path traversal, zip bomb, encrypted or truncated archive
    │   └── ParseError              a recognised format that is broken beyond a warning
    ├── EvidenceError               the evidence store is missing, unwritable or altered
    └── StoreError                  the database cannot be opened or migrated
"""

from __future__ import annotations


class ChatprobeError(Exception):
    exit_code = 1
    unforeseen = False  # True when the input error boundary wrapped an exception no importer foresaw

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class InputError(ChatprobeError):
    exit_code = 2


class UnsupportedFormat(InputError):
    pass


class UnsafeArchive(InputError):
    pass


class ParseError(InputError):
    pass


class EvidenceError(ChatprobeError):
    exit_code = 3


class StoreError(ChatprobeError):
    exit_code = 4
