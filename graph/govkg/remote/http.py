"""HTTP for SPARQL stores, over httpx: auth, retries, and messages that never show a secret.

httpx keeps the connections (keep-alive, a new one when the server closed an idle one),
the timeouts and HTTP digest auth. This module adds what a store needs on top:

- credentials go only to a server that asks for them (a ``401`` challenge names the
  scheme: digest, as Virtuoso's ``/sparql-graph-crud-auth`` uses, or basic), except a
  bearer token, which goes with every request;
- connection errors and the ``retry_on`` statuses (``5xx``, ``429``) are retried with
  exponential backoff; a refusal (``401``/``403``) stops at once;
- every message that leaves it — exceptions, its log lines and httpx's — passes through a
  :class:`Redactor` that knows the secrets.

>>> creds = Credentials(user="dba", password="s3cret")
>>> creds
Credentials(user='dba', password='***', token=None)
>>> Redactor(creds).redact("login dba:s3cret failed; Authorization: Digest abc")
'login dba:*** failed; Authorization: ***'
"""

from __future__ import annotations

import base64
import logging
import os
import re
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from govkg.envvars import ENV_PASSWORD, ENV_TOKEN, ENV_USER
from govkg.errors import GovkgError

try:
    import httpx
except ImportError as err:  # an extra: only a remote store needs it
    raise GovkgError(
        "talking to a SPARQL store needs httpx", fix="pip install 'govkg[remote]'"
    ) from err

log = logging.getLogger("govkg.remote")

MASK = "***"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})  # a 500 to a query is the query's fault
_AUTH_HEADER = re.compile(r"(?i)\b(authorization|proxy-authorization)\s*[:=]\s*[^\r\n]*")
_STALE = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]*@")
_SECRET_PARAM = re.compile(r"(?i)\b(access[-_]token|token|api[-_]?key|password|passwd)=[^&\s\"']+")


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
    headers: Mapping[str, str]
    body: bytes

    def text(self, limit: int = 400) -> str:
        """The start of the body as text, for error messages."""
        text = self.body[:limit].decode("utf-8", "replace").strip()
        return text + (" …" if len(self.body) > limit else "")


class HttpClient:
    """Keep-alive connections (one httpx pool), auth on challenge, retries with backoff.

    Safe to share between threads.

    >>> with HttpClient(Credentials(token="t0k3n"), retries=0) as client:
    ...     try:
    ...         client.request("GET", "http://127.0.0.1:1/sparql?access-token=t0k3n")
    ...     except RemoteError as err:
    ...         print(err.message)
    GET http://127.0.0.1:1/sparql?access-token=*** failed after 1 attempt(s): ConnectError
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
        self.requests = 0  # sent, auth rounds included
        self._client = httpx.Client(
            auth=_auth(self.credentials),
            timeout=timeout,
            trust_env=False,  # no proxy or .netrc from the environment: the URL given is used
            event_hooks={"request": [self._count]},
        )

    def _count(self, request: httpx.Request) -> None:
        self.requests += 1

    def close(self) -> None:
        """Close every open connection."""
        self._client.close()

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
        attempt = 0
        while True:
            try:
                answer = self._send(method, url, body, headers)
            except httpx.TransportError as err:  # refused, reset, timed out, cut short
                attempt = self._retry_or_raise(attempt, method, url, type(err).__name__)
                continue
            response = Response(answer.status_code, answer.headers, answer.content)
            if response.status in retry_on:
                why = f"HTTP {response.status}: {response.text(200)}"
                attempt = self._retry_or_raise(attempt, method, url, why)
            elif response.status in (401, 403):
                creds = self.credentials
                raise self._refused(url.split("?")[0], bool(creds.user or creds.token))
            else:
                return response

    def _send(self, method, url, body, headers) -> httpx.Response:
        """One exchange, sent once more at once when it failed as on a keep-alive connection
        that the server closed while it sat idle (httpx checks before it reuses one, but the
        server may close it while the request is on its way)."""
        try:
            return self._client.request(method, url, content=body or None, headers=headers)
        except _STALE:
            return self._client.request(method, url, content=body or None, headers=headers)

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


class ChallengeAuth(httpx.Auth):
    """User and password, sent once the server asks: digest (httpx's :class:`~httpx.DigestAuth`,
    which answers each later request from the last challenge) when the ``401`` offers it, else
    basic, which then goes with every later request. Never basic when digest is offered."""

    def __init__(self, user: str, password: str) -> None:
        self._digest = httpx.DigestAuth(user, password)
        self._basic = httpx.BasicAuth(user, password)
        self._basic_asked = False

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        if self._basic_asked:
            yield from self._basic.auth_flow(request)
            return
        response = yield from _relay(self._digest.auth_flow(request))
        if response.status_code == 401 and _offers(response, "basic", not_="digest"):
            self._basic_asked = True
            yield from self._basic.auth_flow(request)


def _relay(flow: Iterator[httpx.Request]):
    """Run an httpx auth flow inside another one; the last response it saw.

    :raises RemoteError: the server asks for a digest algorithm httpx does not implement.
    """
    request = next(flow)
    while True:
        response = yield request
        try:
            request = flow.send(response)
        except StopIteration:
            return response
        except KeyError as err:  # httpx looks the algorithm up in its table
            raise RemoteError(
                f"the store asks for digest algorithm {err}, which govkg does not speak",
                fix="use MD5 or SHA-256 digest, basic auth over https, or a token",
            ) from None


def _offers(response: httpx.Response, scheme: str, not_: str) -> bool:
    """Whether a WWW-Authenticate header opens with ``scheme`` and none names ``not_``
    anywhere (one header may hold several challenges: when in doubt, not ``scheme``).

    >>> answer = httpx.Response(401, headers=[("WWW-Authenticate", 'Basic realm="x"')])
    >>> _offers(answer, "basic", not_="digest")
    True
    >>> answer.headers["WWW-Authenticate"] = 'Basic realm="x", Digest realm="x", nonce="n"'
    >>> _offers(answer, "basic", not_="digest")
    False
    """
    values = [v.strip().lower() for v in response.headers.get_list("www-authenticate")]
    opened = any(v.split(" ")[0] == scheme for v in values)
    return opened and not any(re.search(rf"\b{not_}\b", v) for v in values)


def _auth(credentials: Credentials) -> httpx.Auth | None:
    """A token goes with every request; a user and password only in answer to a challenge."""
    if credentials.token:
        return _Bearer(credentials.token)
    if credentials.user:
        return ChallengeAuth(credentials.user, credentials.password or "")
    return None


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._value = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers["Authorization"] = self._value
        yield request


class _RedactLog(logging.Filter):
    """httpx logs each request's URL: mask what :class:`Redactor` masks in any text."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = Redactor().redact(record.getMessage()), ()
        return True


def _basic_value(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


if not any(isinstance(f, _RedactLog) for f in logging.getLogger("httpx").filters):
    logging.getLogger("httpx").addFilter(_RedactLog())
