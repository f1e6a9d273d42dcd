"""Environment variables govkg reads, named once (a leaf module: importing it costs nothing).

>>> ENV_USER
'GOVKG_REMOTE_USER'
"""

from __future__ import annotations

ENV_USER, ENV_PASSWORD, ENV_TOKEN = (
    "GOVKG_REMOTE_USER",
    "GOVKG_REMOTE_PASSWORD",
    "GOVKG_REMOTE_TOKEN",
)
"""Credentials for a remote SPARQL store (``--endpoint``, ``govkg push``)."""
