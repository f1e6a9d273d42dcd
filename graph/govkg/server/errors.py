"""The endpoint's one error shape: every refusal and failure is this JSON object.

``{"ok": false, "status": 403, "error": "service-refused", "message": "…", "fix": "…"}``

``error`` is a stable code a client can switch on; ``message`` and ``fix`` are for
people. No stack trace, path or engine-internal message ever goes into one.

>>> err = HttpError(405, "method-not-allowed", "PUT is not allowed", fix="use GET or POST")
>>> sorted(json.loads(err.body())) == sorted(ERROR_KEYS)
True
"""

from __future__ import annotations

import json

from govkg.errors import GovkgError

ERROR_KEYS = ("ok", "status", "error", "message", "fix")


class HttpError(GovkgError):
    """A request the endpoint answers with an error status and the JSON error shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        fix: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, fix=fix)
        self.status, self.code = status, code
        self.headers = headers or {}

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {super().__str__()}"

    def document(self) -> dict:
        """The error as a JSON-ready dict with exactly :data:`ERROR_KEYS`."""
        return {
            "ok": False,
            "status": self.status,
            "error": self.code,
            "message": self.message,
            "fix": self.fix or "",
        }

    def body(self) -> bytes:
        """The error as the response body."""
        return (json.dumps(self.document(), ensure_ascii=False) + "\n").encode("utf-8")
