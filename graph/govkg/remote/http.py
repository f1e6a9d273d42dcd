"""A small HTTP client for SPARQL stores: auth, retries, and messages that never show a secret.

Credentials are sent only to a server that asks for them (a ``401`` challenge names the
scheme: HTTP digest, as Virtuoso's ``/sparql-graph-crud-auth`` uses, or basic), except
a bearer token, which goes with every request. Connection errors and ``5xx`` answers are
retried with exponential backoff. Every message that leaves this module — exceptions and
log lines — passes through a :class:`Redactor` that knows the secrets.

>>> creds = Credentials(user="dba", password="s3cret")
>>> creds
Credentials(user='dba', password='***', token=None)
>>> Redactor(creds).redact("login dba:s3cret failed; Authorization: Digest abc")
'login dba:*** failed; Authorization: ***'
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import logging
import os
import re
import secrets
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from govkg.envvars import ENV_PASSWORD, ENV_TOKEN, ENV_USER
from govkg.errors import GovkgError

log = logging.getLogger("govkg.remote")

MASK = "***"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})  # a 500 to a query is the query's fault
_AUTH_HEADER = re.compile(r"(?i)\b(authorization|proxy-authorization)\s*[:=]\s*[^\r\n]*")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]*@")
_SECRET_PARAM = re.compile(r"(?i)\b(access[-_]token|token|api[-_]?key|password|passwd)=[^&\s\"']+")
_STALE = (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected)
_CHALLENGE_PARAM = re.compile(r'([\w-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s,]+)')


class RemoteError(GovkgError):
    """A remote store refused or failed a request; the message never holds a credential."""


@dataclass(frozen=True)
class Credentials:
    """Who we are to a store: user and password (digest or basic auth), or a bearer token."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        password = None if self.password is None else MASK
        token = None if self.token is None else MASK
        return f"Credentials(user={self.user!r}, password={password!r}, token={token!r})"

    @classmethod
    def from_env(
        cls,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        env: Mapping[str, str] = os.environ,
    ) -> Credentials:
        """Given values first, else ``GOVKG_REMOTE_USER`` / ``_PASSWORD`` / ``_TOKEN``.

        >>> Credentials.from_env(env={"GOVKG_REMOTE_TOKEN": "t"}).token
        't'

        :raises GovkgError: a password without a user, or a token together with a password.
        """
        creds = cls(
            user or env.get(ENV_USER) or None,
            password or env.get(ENV_PASSWORD) or None,
            token or env.get(ENV_TOKEN) or None,
        )
        if creds.password and not creds.user:
            raise GovkgError("a password was given without a user", fix=f"set --user or {ENV_USER}")
        if creds.token and creds.password:
            raise GovkgError(
                "both a token and a password were given", fix="use one way to authenticate"
            )
        return creds

    def secrets(self) -> list[str]:
        """Every form in which a secret could show up in text (plain, URL-quoted, base64)."""
        found: list[str] = []
        for value in (self.password, self.token):
            if value:
                found += [value, urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value)]
        if self.user and self.password:
            found.append(_basic_value(self.user, self.password))
        return sorted({s for s in found if s}, key=len, reverse=True)


class Redactor:
    """Masks secrets, ``Authorization`` headers, ``user:password@`` and ``access-token=``
    (``token=``, ``api_key=``, ``password=``) in URLs."""

    def __init__(self, credentials: Credentials | None = None) -> None:
        self._secrets = credentials.secrets() if credentials else []

    def redact(self, text: str) -> str:
        """``text`` with every secret masked."""
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        text = _AUTH_HEADER.sub(lambda m: f"{m.group(1)}: {MASK}", text)
        text = _SECRET_PARAM.sub(lambda m: f"{m.group(1)}={MASK}", text)
        return _USERINFO.sub(lambda m: f"{m.group(1)}{MASK}@", text)

    def error(self, message: str, fix: str | None = None) -> RemoteError:
        """A :class:`RemoteError` whose message and fix are redacted."""
        return RemoteError(self.redact(message), fix=self.redact(fix) if fix else None)


def split_userinfo(url: str, credentials: Credentials) -> tuple[str, Credentials]:
    """Move ``user:password@`` out of a URL into the credentials (given ones win).

    >>> url, creds = split_userinfo("http://dba:dba@127.0.0.1:8890/sparql", Credentials())
    >>> url, creds.user
    ('http://127.0.0.1:8890/sparql', 'dba')
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise GovkgError(
            f"not an http(s) URL: {Redactor(credentials).redact(url)}",
            fix="give a URL like http://127.0.0.1:8890/sparql",
        )
    if parts.username is None:
        return url, credentials
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return clean, Credentials(
        credentials.user or urllib.parse.unquote(parts.username),
        credentials.password or urllib.parse.unquote(parts.password or "") or None,
        credentials.token,
    )


@dataclass
class Response:
    """A finished HTTP exchange."""

    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def text(self, limit: int = 400) -> str:
        """The start of the body as text, for error messages."""
        text = self.body[:limit].decode("utf-8", "replace").strip()
        return text + (" …" if len(self.body) > limit else "")


class HttpClient:
    """Keep-alive connections per origin (and thread), auth on challenge, retries with backoff.

    Safe to share between threads: each thread gets its own connections.
    """

    def __init__(
        self,
        credentials: Credentials | None = None,
        *,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 300.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.credentials = credentials or Credentials()
        self.redactor = Redactor(self.credentials)
        self.retries, self.backoff, self.timeout, self.sleep = retries, backoff, timeout, sleep
        self.requests = 0
        self._local = threading.local()  # one connection per origin per thread
        self._all: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._challenges: dict[tuple[str, str], dict[str, str]] = {}
        self._nonce_count: dict[str, int] = {}

    def close(self) -> None:
        """Close every open connection."""
        with self._lock:
            for connection in self._all:
                connection.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def request(
        self,
        method: str,
        url: str,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
        *,
        retry_on: frozenset[int] = RETRY_STATUSES,
    ) -> Response:
        """Send one request, retried on connection errors and on the ``retry_on`` statuses;
        the final response, whatever its status (401/403 excepted).

        :raises RemoteError: the server could not be reached, kept failing, or refused the
            credentials.
        """
        parts = urllib.parse.urlsplit(url)
        origin = (parts.scheme, parts.netloc)
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        answered, attempt = False, 0
        while True:
            sent = dict(headers or {})
            authorization = self._authorization(origin, method, target)
            if authorization:
                sent["Authorization"] = authorization
            try:
                response = self._send(origin, method, target, body, sent)
            except (OSError, http.client.HTTPException) as err:
                attempt = self._retry_or_raise(attempt, method, url, type(err).__name__)
                continue
            if response.status == 401 and self._take_challenge(origin, response, answered, url):
                answered = True
            elif response.status in retry_on:
                why = f"HTTP {response.status}: {response.text(200)}"
                attempt = self._retry_or_raise(attempt, method, url, why)
            elif response.status in (401, 403):
                creds = self.credentials
                raise self._refused(url.split("?")[0], bool(creds.user or creds.token))
            else:
                return response

    def _take_challenge(self, origin, response: Response, answered: bool, url: str) -> bool:
        """Whether to answer this 401's challenge (a first one, or a stale nonce)."""
        if self.credentials.token:
            return False
        challenge = _pick_challenge(response.headers.get_all("WWW-Authenticate") or [])
        if not self.credentials.user or not challenge:
            raise self._refused(url.split("?")[0], bool(self.credentials.user))
        if answered and challenge.get("stale", "").lower() != "true":
            return False
        self._challenges[origin] = challenge
        return True

    def _send(self, origin, method, target, body, headers) -> Response:
        connection = self._connection(origin)
        reused = connection.sock is not None
        try:
            return self._exchange(connection, method, target, body, headers)
        except _STALE:
            if not reused:
                raise
        # the server closed an idle keep-alive connection: once more on a new one
        return self._exchange(connection, method, target, body, headers)

    def _exchange(self, connection, method, target, body, headers) -> Response:
        self.requests += 1
        try:
            connection.request(method, target, body=body or None, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
        except BaseException:
            connection.close()
            raise
        if answer.will_close:
            connection.close()
        return Response(answer.status, answer.headers, data)

    def _connection(self, origin: tuple[str, str]) -> http.client.HTTPConnection:
        connections = self._local.__dict__.setdefault("connections", {})
        if origin not in connections:
            kind = (
                http.client.HTTPSConnection if origin[0] == "https" else http.client.HTTPConnection
            )
            connections[origin] = kind(origin[1], timeout=self.timeout)
            with self._lock:
                self._all.append(connections[origin])
        return connections[origin]

    def _retry_or_raise(self, attempt: int, method: str, url: str, why: str) -> int:
        if attempt >= self.retries:
            raise self.redactor.error(
                f"{method} {url} failed after {attempt + 1} attempt(s): {why}",
                fix="check that the store is running and reachable, then try again",
            )
        delay = self.backoff * 2**attempt
        log.warning(self.redactor.redact(f"{method} {url}: {why}; retrying in {delay:.1f} s"))
        self.sleep(delay)
        return attempt + 1

    def _refused(self, url: str, had_credentials: bool) -> RemoteError:
        if had_credentials:
            return self.redactor.error(
                f"the store refused the credentials for {url} (HTTP 401/403)",
                fix=f"check the user and password ({ENV_USER}, {ENV_PASSWORD}) or the token "
                f"({ENV_TOKEN}), and that the user may write",
            )
        return self.redactor.error(
            f"{url} asks for credentials (HTTP 401)",
            fix=f"set {ENV_USER} and {ENV_PASSWORD} (or {ENV_TOKEN}), or pass --user",
        )

    def _authorization(self, origin, method: str, target: str) -> str | None:
        creds = self.credentials
        if creds.token:
            return f"Bearer {creds.token}"
        challenge = self._challenges.get(origin)
        if not challenge or not creds.user:
            return None
        if challenge["scheme"] == "basic":
            return f"Basic {_basic_value(creds.user, creds.password or '')}"
        return self._digest(challenge, method, target)

    def _digest(self, challenge: dict[str, str], method: str, target: str) -> str:
        creds = self.credentials
        algorithm = challenge.get("algorithm", "MD5")
        hash_name = {"MD5": "md5", "MD5-SESS": "md5", "SHA-256": "sha256"}.get(algorithm.upper())
        if hash_name is None:
            raise RemoteError(
                f"the store asks for digest algorithm {algorithm}, which govkg does not speak",
                fix="use MD5 or SHA-256 digest, basic auth over https, or a token",
            )

        def h(text: str) -> str:
            return hashlib.new(hash_name, text.encode("utf-8")).hexdigest()

        nonce, realm = challenge.get("nonce", ""), challenge.get("realm", "")
        with self._lock:
            count = self._nonce_count[nonce] = self._nonce_count.get(nonce, 0) + 1
        cnonce, nc = secrets.token_hex(8), f"{count:08x}"
        ha1 = h(f"{creds.user}:{realm}:{creds.password or ''}")
        if algorithm.upper() == "MD5-SESS":
            ha1 = h(f"{ha1}:{nonce}:{cnonce}")
        ha2 = h(f"{method}:{target}")
        qop = "auth" if "auth" in [q.strip() for q in challenge.get("qop", "").split(",")] else ""
        answer = h(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}") if qop else h(f"{ha1}:{nonce}:{ha2}")
        fields = {"username": creds.user, "realm": realm, "nonce": nonce, "uri": target}
        fields["response"] = answer
        if "opaque" in challenge:
            fields["opaque"] = challenge["opaque"]
        text = ", ".join(f'{k}="{_quote(v)}"' for k, v in fields.items())
        text += f", algorithm={algorithm}"
        if qop:
            text += f', qop={qop}, nc={nc}, cnonce="{cnonce}"'
        return f"Digest {text}"


def _basic_value(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _pick_challenge(headers: list[str]) -> dict[str, str]:
    """The strongest challenge we can answer: digest before basic; ``{}`` if none.

    >>> _pick_challenge(['Basic realm="x"', 'Digest realm="SPARQL", nonce="n", qop="auth"'])
    {'realm': 'SPARQL', 'nonce': 'n', 'qop': 'auth', 'scheme': 'digest'}
    """
    found: dict[str, dict[str, str]] = {}
    for header in headers:
        for scheme, params in _challenges(header):
            found.setdefault(scheme, params)
    for scheme in ("digest", "basic"):
        if scheme in found:
            return {**found[scheme], "scheme": scheme}
    return {}


def _challenges(header: str) -> list[tuple[str, dict[str, str]]]:
    out: list[tuple[str, dict[str, str]]] = []
    for match in re.finditer(r"(?:^|,)\s*(Digest|Basic|Bearer)\b", header, re.IGNORECASE):
        start = match.end()
        following = re.search(r",\s*(Digest|Basic|Bearer)\b", header[start:], re.IGNORECASE)
        chunk = header[start : start + following.start()] if following else header[start:]
        params = {
            k.lower(): v[1:-1].replace('\\"', '"') if v.startswith('"') else v
            for k, v in _CHALLENGE_PARAM.findall(chunk)
        }
        out.append((match.group(1).lower(), params))
    return out
