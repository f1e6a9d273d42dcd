"""Reading SPARQL text: the project's one parser, with its time and size bounded.

Every decision taken on a query's text (what the endpoint refuses, a query's form, the
variables it projects) comes from a parse by rdflib's SPARQL 1.1 grammar, never from
scanning the text. :func:`read` answers what a query *is*: its form, and whether its
syntax tree holds a ``SERVICE`` (anywhere: subqueries, ``OPTIONAL``, ``UNION``,
``EXISTS`` in a filter), a ``FROM`` / ``FROM NAMED`` clause, or is an update.

Two readings when the text holds ``\\u`` escapes. rdflib decodes them everywhere before
parsing (as SPARQL 1.1 says); Oxigraph reads them only inside strings and IRIs, so
``?o "\\u0022" SERVICE <…> { } ?o "\\u0022"`` is one string to rdflib and a string, a
SERVICE and another string to Oxigraph. The *engine's reading* replaces each escape with
a plain letter, which keeps every token where Oxigraph sees it; the text must parse that
way. The *decoded reading* is what rdflib makes of it, and counts when it finds something
to refuse.

The parser (pyparsing) is slow on some texts: 0.6 s for 600 triple patterns, seconds for
thousands of operators or an unclosed ``{{{{…``, and it recurses once per grammar rule. A
parse therefore runs in its own thread with a deep stack, and is stopped after
``seconds`` by an exception raised into that thread; text longer than ``max_chars`` is not
parsed. Parses run one at a time (pure Python, they would share one GIL anyway), so each
deadline measures that parse alone, not the load of the moment.

>>> read("SELECT * WHERE { ?s ?p 'SERVICE' }").form
'SELECT'
>>> read("ASK { FILTER EXISTS { SERVICE SILENT <http://x/> { } } }").service
True
>>> read("SELECT (1<'a>b' AS ?v) FROM <file:///etc/passwd> WHERE { ?s ?p ?o } #'").dataset
True
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from functools import lru_cache

from govkg.errors import GovkgError

FORMS = {
    "SelectQuery": "SELECT",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
    "AskQuery": "ASK",
}
MAX_CHARS = 100_000  # never parse more than this, whatever a caller allows
SECONDS = 2.0  # default deadline of one parse
_QUEUE = 10  # a parse waits at most this many deadlines for the parser
_ONE_AT_A_TIME = threading.Lock()  # parses hold the GIL: one at a time, each on its clock
_STACK_BYTES = 256 * 1024 * 1024  # address space for the parse thread's stack, not memory
_DEPTH = 60_000  # Python frames a parse may nest (pyparsing recurses per grammar rule)


class SparqlSyntaxError(GovkgError):
    """The text is not a SPARQL 1.1 query or update (as rdflib's grammar reads it)."""


class TooComplex(GovkgError):
    """The text is too long, or too slow to parse, to be read within the bounds."""


@dataclass(frozen=True)
class Reading:
    """What a SPARQL text is: ``form`` is SELECT, CONSTRUCT, DESCRIBE, ASK or UPDATE."""

    form: str
    service: bool = False  # a SERVICE anywhere in the syntax tree
    dataset: bool = False  # a FROM or FROM NAMED clause

    @property
    def update(self) -> bool:
        return self.form == "UPDATE"


@lru_cache(maxsize=256)
def read(text: str, *, max_chars: int = MAX_CHARS, seconds: float = SECONDS) -> Reading:
    """Parse ``text`` (within ``seconds`` per reading) and say what it is. Readings are
    remembered: the canned queries' texts (30-250 ms each to parse) are parsed once.

    What either reading finds to refuse counts (see the module docstring); otherwise the
    engine's reading must parse.

    >>> read("PREFIX x: <http://x/> CLEAR ALL").update
    True

    :raises TooComplex: longer than ``max_chars``, or a parse passed ``seconds``.
    :raises SparqlSyntaxError: the engine's reading is neither a query nor an update.
    """
    limit = min(max_chars, MAX_CHARS)
    if len(text) > limit:
        raise TooComplex(f"the text has {len(text)} characters; at most {limit} are read")
    neutral = _neutral(text)
    engine = _reading(neutral, seconds)
    decoded = _reading(text, seconds) if neutral != text else engine
    found = [r for r in (engine, decoded) if isinstance(r, Reading)]
    verdict = Reading(
        "UPDATE" if any(r.update for r in found) else found[0].form if found else "",
        service=any(r.service for r in found),
        dataset=any(r.dataset for r in found),
    )
    if isinstance(engine, Reading) or verdict.update or verdict.service or verdict.dataset:
        return verdict
    raise engine


def _neutral(text: str) -> str:
    r"""The text with each escape that rdflib would decode replaced by the letter ``u``.

    >>> _neutral(r'"\u0022" SERVICE')
    '"u" SERVICE'
    """
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes_re

    return expandUnicodeEscapes_re.sub("u", text)


def _reading(text: str, seconds: float) -> Reading | GovkgError:
    """One reading of ``text``, or the error that ended it (returned, not raised)."""
    try:
        return _classify(parse_bounded(text, seconds))
    except GovkgError as err:
        return err


def _classify(tree) -> Reading:
    node = _query_node(tree)
    form = FORMS[node.name] if node is not None else "UPDATE"
    return Reading(form, service=_holds(tree, "ServiceGraphPattern"), dataset=_has_dataset(node))


def _query_node(tree):
    """The query's own node (after its prologue), or None for an update."""
    from pyparsing import ParseResults

    return tree[1] if isinstance(tree, ParseResults) else None


def parse_bounded(text: str, seconds: float = SECONDS):
    """rdflib's syntax tree of a query (prologue and query) or of an update (``Update``).

    >>> parse_bounded("ASK {}")[1].name
    'AskQuery'

    :raises TooComplex: the parse passed ``seconds`` or nested too deep.
    :raises SparqlSyntaxError: neither a query nor an update.
    """
    _warm_up()
    if not _ONE_AT_A_TIME.acquire(timeout=_QUEUE * seconds):
        raise TooComplex(f"the parser stayed busy for {_QUEUE * seconds:g} s with other texts")
    try:
        outcome: list = []
        worker = threading.Thread(target=_parse_into, args=(text, outcome), daemon=True)
        with _deep_stack():
            worker.start()
        worker.join(seconds)
        for _ in range(10):  # an exception raised in a GC callback is dropped: raise again
            if outcome or not worker.is_alive():  # it appends its outcome last
                break
            _interrupt(worker)
            worker.join(0.2)
    finally:
        _ONE_AT_A_TIME.release()
    if not outcome or isinstance(outcome[0], _Late):
        raise TooComplex(f"the text could not be parsed within {seconds:g} s")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


_WARM: list[bool] = []
_WARMING = threading.Lock()


def _warm_up() -> None:
    """Import the parser and let pyparsing prepare its grammar, before any clock runs
    (about a second, once per process). One thread does it, the others wait: pyparsing
    rewrites its grammar on the first parse, and two first parses at once break it."""
    with _WARMING:
        if _WARM:
            return
        from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

        parseQuery("ASK {}")
        parseUpdate("CLEAR ALL")
        _WARM.append(True)


def _parse_into(text: str, outcome: list) -> None:
    """Parse ``text`` and append the tree, or the error that ended the parse."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        try:
            result = parseQuery(text)
        except (ParseBaseException, ValueError) as query_error:
            try:
                result = parseUpdate(text)
            except (ParseBaseException, ValueError):
                result = _syntax_error(query_error)
    except BaseException as err:  # _Late or RecursionError: both mean too complex
        deep = isinstance(err, RecursionError) or isinstance(err.__context__, RecursionError)
        result = _Late() if not deep else TooComplex("the text nests too deeply to be parsed")
    outcome.append(result)


class _Late(BaseException):
    """Raised inside a parse that passed its deadline (a BaseException: no parser's
    ``except Exception`` swallows it)."""


def _interrupt(thread: threading.Thread) -> None:
    """Raise :class:`_Late` in ``thread`` at its next bytecode (the parser is pure
    Python, so that is at once); the parse costs nothing extra until then."""
    import ctypes

    _quiet_late_in_callbacks()
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread.ident), ctypes.py_object(_Late)
    )


@lru_cache(maxsize=1)
def _quiet_late_in_callbacks() -> None:
    """Drop, without a report, a :class:`_Late` that landed in a GC callback (Python
    ignores it there; the parse is interrupted again) or just after the parse ended."""
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        if not isinstance(unraisable.exc_value, _Late):
            previous(unraisable)

    sys.unraisablehook = hook
    previous_thread_hook = threading.excepthook

    def thread_hook(args) -> None:  # a late interrupt after the parse ended
        if not isinstance(args.exc_value, _Late):
            previous_thread_hook(args)

    threading.excepthook = thread_hook


_STACK_LOCK = threading.Lock()


class _deep_stack:
    """Start threads with a deep stack and a high recursion limit (restored after)."""

    def __enter__(self) -> None:
        _STACK_LOCK.acquire()
        self.size = threading.stack_size(_STACK_BYTES)
        if sys.getrecursionlimit() < _DEPTH:
            sys.setrecursionlimit(_DEPTH)

    def __exit__(self, *exc) -> None:
        threading.stack_size(self.size)
        _STACK_LOCK.release()


def _syntax_error(err: Exception) -> SparqlSyntaxError:
    first = (str(err).splitlines() or ["invalid syntax"])[0][:300]
    return SparqlSyntaxError(f"syntax error (SPARQL 1.1): {first}", fix="check the query")


def _holds(node, name: str) -> bool:
    """Whether a node named ``name`` is anywhere under ``node`` (iterative: trees of
    hostile queries are deep)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == name:
                return True
            stack.extend(dict.values(item))
        elif isinstance(item, list | tuple | ParseResults):
            stack.extend(item)
    return False


def _has_dataset(node) -> bool:
    return node is not None and bool(dict.get(node, "datasetClause"))


# -- what other stages ask of a query ---------------------------------------------------


def query_form(text: str) -> str:
    """The query's form as rdflib names it: ``SelectQuery``, ``AskQuery``, ``ConstructQuery``
    or ``DescribeQuery`` (parsed, never run).

    >>> query_form("ASK { ?s ?p ?o }")
    'AskQuery'

    :raises GovkgError: the query does not parse as a SPARQL 1.1 query.
    """
    return _algebra(text).name


def projected(text: str) -> frozenset[str] | None:
    """The variables a SELECT query projects (``None`` when it is not a SELECT query).

    Parsed by rdflib, never run (so nothing, not even a ``SERVICE``, is evaluated).

    >>> sorted(projected("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a"))
    ['a', 'n']

    :raises GovkgError: the query does not parse as a SPARQL 1.1 query.
    """
    if query_form(text) != "SelectQuery":
        return None
    return frozenset(str(v) for v in _algebra(text).PV)


@lru_cache(maxsize=256)
def _algebra(text: str):
    from rdflib.plugins.sparql.algebra import translateQuery

    try:
        tree = parse_bounded(text)
        if _query_node(tree) is None:
            raise SparqlSyntaxError("an update, not a query", fix="send a query")
        return translateQuery(tree).algebra
    except SparqlSyntaxError as err:
        raise GovkgError(err.message, fix="check the query") from None
    except TooComplex:
        raise
    except Exception as err:  # rdflib's translation raises errors of several types
        first = (str(err).splitlines() or [type(err).__name__])[0]
        raise GovkgError(f"not a SPARQL 1.1 query: {first}", fix="check the query") from None
