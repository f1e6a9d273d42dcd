"""A DCAT 3 + VoID description of an export (``void.ttl``): what the files hold, counted.

The dataset gets a title, description, license, publisher, the date of its newest source
(``dcterms:modified``; ``dcterms:issued`` is ``--issued`` or that same date, never "now"),
the signing dates it covers (each date to the day, month or year the data gives, typed
``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` as DCAT allows), one ``dcat:Distribution``
per written file (media type, byte size, SHA-256, download URL), VoID counts with class and
property partitions, and one ``void:subset`` per named graph. The same export always gives the
same bytes. Without a base URL, IRIs are relative to ``void.ttl`` itself, so the folder can be
put anywhere.

>>> import pyoxigraph as ox
>>> g, s = ox.NamedNode("https://w3id.org/govkg/graph/source/a"), ox.NamedNode("urn:s")
>>> q = ox.Quad(s, ox.NamedNode(str(RDF_TYPE)), ox.NamedNode("urn:C"), g)
>>> text = describe([q], [], Description()).decode()
>>> "void:triples 1" in text and "void:class <urn:C>" in text
True
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from govkg.errors import GovkgError, OutputError
from govkg.files import write_atomic
from govkg.namespaces import DCAT, GOVKG, GRAPH_BASE, PREFIX_IRIS, PREFIXES, SCHEMA, VOID
from govkg.records.dates import PARTIAL_DATE, PartialDate

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SPDX = "http://spdx.org/rdf/terms#"
PLACEHOLDER = "relative:/export/"
"""A stand-in base for relative IRIs: its scheme keeps every http(s) IRI absolute."""
MEDIA_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
}
MEDIA = "https://www.iana.org/assignments/media-types/"
PUBLISHER = "https://w3id.org/govkg/contributors"
DEFAULT_LICENSE = "https://spdx.org/licenses/MIT"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATATYPES = {"day": XSD + "date", "month": XSD + "gYearMonth", "year": XSD + "gYear"}
"""The datatype of a date of each precision (DCAT 3 allows all three for dates)."""


@dataclass(frozen=True)
class Description:
    """What the command line adds to the counts: where the files live and who may use them."""

    base_url: str | None = None
    sparql_endpoint: str | None = None
    issued: str | None = None
    license: str = DEFAULT_LICENSE
    title: str = "govkg knowledge graph"

    def __post_init__(self) -> None:
        if self.issued is not None and not _DATE.match(self.issued):
            raise GovkgError(f"--issued {self.issued!r} is not a date", fix="write YYYY-MM-DD")
        if self.base_url is not None and not re.match(r"^https?://", self.base_url):
            raise GovkgError(f"--base-url {self.base_url!r} is not an http(s) URL")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=_n(datatype or XSD + "string"))


def _count(value: int) -> ox.Literal:
    return _lit(value, XSD + "integer")


def describe(
    quads: list[ox.Quad],
    files: list[tuple[Path, str]],
    about: Description,
    standards: Sequence[Path] = (),
) -> bytes:
    """The Turtle description of ``quads`` as exported to ``files`` ((path, format) pairs),
    conforming to the shapes and ontology files ``standards`` shipped beside them."""
    base = (about.base_url.rstrip("/") + "/") if about.base_url else PLACEHOLDER
    dataset = _n(base + "void.ttl#dataset")
    triples = [*_dataset(dataset, quads, about), *_counts(dataset, base, quads)]
    for path, fmt in files:
        triples += _distribution(dataset, base, path, fmt)
    triples += _endpoint(dataset, base, about)
    for path in standards:
        triples += _standard(dataset, base, path)
    items = sorted(set(triples), key=str)
    prefixes = PREFIX_IRIS | {
        "dcat": str(DCAT),
        "void": str(VOID),
        "spdx": SPDX,
    }
    if about.base_url:
        return ox.serialize(items, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    text = ox.serialize(
        items, format=ox.RdfFormat.TURTLE, prefixes=prefixes, base_iri=base + "void.ttl"
    )
    return text.split(b"\n", 1)[1]  # no @base: IRIs resolve against the file's own place


def _dataset(dataset: ox.NamedNode, quads: list[ox.Quad], about: Description):
    yield ox.Triple(dataset, _n(RDF_TYPE), _n(str(DCAT.Dataset)))
    yield ox.Triple(dataset, _n(RDF_TYPE), _n(str(VOID.Dataset)))
    yield ox.Triple(dataset, _n(DCT + "title"), _lit(about.title, lang="en"))
    yield ox.Triple(
        dataset,
        _n(DCT + "description"),
        _lit(
            "Indonesian government bodies, their officials and the cooperation agreements they "
            "sign, with the source of every agreement, signature and tenure (govkg).",
            lang="en",
        ),
    )
    yield ox.Triple(dataset, _n(DCT + "license"), _n(about.license))
    for predicate in ("publisher", "creator"):
        yield ox.Triple(dataset, _n(DCT + predicate), _n(PUBLISHER))
    yield ox.Triple(_n(PUBLISHER), _n(RDF_TYPE), _n(FOAF + "Organization"))
    yield ox.Triple(_n(PUBLISHER), _n(FOAF + "name"), _lit("govkg contributors"))
    yield ox.Triple(dataset, _n(DCT + "conformsTo"), _n("https://w3id.org/govkg/ontology"))
    yield ox.Triple(dataset, _n(str(VOID.vocabulary)), _n(str(GOVKG._NS)))
    published = _dates(quads, str(SCHEMA.datePublished))
    if published:
        yield ox.Triple(dataset, _n(DCT + "modified"), _date(_last(published)))
    if about.issued or published:
        issued = _lit(about.issued, XSD + "date") if about.issued else _date(_last(published))
        yield ox.Triple(dataset, _n(DCT + "issued"), issued)
    yield from _temporal(dataset, _dates(quads, str(GOVKG.signedOn)))


def _dates(quads: list[ox.Quad], predicate: str) -> list[PartialDate]:
    """The ``predicate``'s date values (day, month or year), earliest start first: a year
    comes before the days in it."""
    found = {
        PartialDate.parse(q.object.value)
        for q in quads
        if q.predicate.value == predicate
        and isinstance(q.object, ox.Literal)
        and q.object.datatype.value in DATATYPES.values()
        and PARTIAL_DATE.match(q.object.value)
    }
    return sorted(found, key=lambda day: day.parts)


def _last(dates: list[PartialDate]) -> PartialDate:
    """The date that ends last: a year ends after the days in it.

    >>> _last([PartialDate.parse(t) for t in ("2019-12-31", "2019", "2019-06")]).isoformat()
    '2019'
    """
    return max(dates, key=lambda day: day.parts + (99,) * (3 - len(day.parts)))


def _date(day: PartialDate) -> ox.Literal:
    return _lit(day.isoformat(), DATATYPES[day.precision])


def _temporal(dataset: ox.NamedNode, dates: list[PartialDate]):
    if not dates:
        return
    period = _n(dataset.value.rsplit("#", 1)[0] + "#signing-dates")
    yield ox.Triple(dataset, _n(DCT + "temporal"), period)
    yield ox.Triple(period, _n(RDF_TYPE), _n(DCT + "PeriodOfTime"))
    yield ox.Triple(period, _n(str(DCAT.startDate)), _date(dates[0]))
    yield ox.Triple(period, _n(str(DCAT.endDate)), _date(_last(dates)))


def _counts(dataset: ox.NamedNode, base: str, quads: list[ox.Quad]):
    triples = {q.triple for q in quads}
    yield from _stats(dataset, triples)
    for cls, members in sorted(_classes(triples).items()):
        node = _n(f"{base}void.ttl#class-{_slug(cls)}")
        yield ox.Triple(dataset, _n(str(VOID.classPartition)), node)
        yield ox.Triple(node, _n(str(VOID["class"])), _n(cls))
        yield ox.Triple(node, _n(str(VOID.entities)), _count(len(members)))
    for prop, count in sorted(Counter(t.predicate.value for t in triples).items()):
        node = _n(f"{base}void.ttl#property-{_slug(prop)}")
        yield ox.Triple(dataset, _n(str(VOID.propertyPartition)), node)
        yield ox.Triple(node, _n(str(VOID.property)), _n(prop))
        yield ox.Triple(node, _n(str(VOID.triples)), _count(count))
    by_graph: dict[str, set] = defaultdict(set)
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            by_graph[q.graph_name.value].add(q.triple)
    for name, members in sorted(by_graph.items()):
        yield ox.Triple(dataset, _n(str(VOID.subset)), _n(name))
        yield ox.Triple(_n(name), _n(RDF_TYPE), _n(str(VOID.Dataset)))
        yield ox.Triple(_n(name), _n(str(VOID.triples)), _count(len(members)))
        title = name.removeprefix(GRAPH_BASE)
        yield ox.Triple(_n(name), _n(DCT + "title"), _lit(f"named graph {title}", lang="en"))


def _stats(dataset: ox.NamedNode, triples: set[ox.Triple]):
    subjects = {t.subject for t in triples}
    values = {
        str(VOID.triples): len(triples),
        str(VOID.entities): sum(isinstance(s, ox.NamedNode) for s in subjects),
        str(VOID.classes): len(_classes(triples)),
        str(VOID.properties): len({t.predicate for t in triples}),
        str(VOID.distinctSubjects): len(subjects),
        str(VOID.distinctObjects): len({t.object for t in triples}),
    }
    for predicate, value in values.items():
        yield ox.Triple(dataset, _n(predicate), _count(value))


def _classes(triples: set[ox.Triple]) -> dict[str, set]:
    found: dict[str, set] = defaultdict(set)
    for t in triples:
        if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            found[t.object.value].add(t.subject)
    return found


def _slug(iri: str) -> str:
    for prefix, namespace in sorted(PREFIXES.items()):
        if iri.startswith(str(namespace)) and re.match(r"^\w+$", iri[len(str(namespace)) :]):
            return f"{prefix}-{iri[len(str(namespace)) :]}"
    return hashlib.sha256(iri.encode()).hexdigest()[:16]


def _distribution(dataset: ox.NamedNode, base: str, path: Path, fmt: str):
    node = _n(f"{base}void.ttl#distribution-{path.name}")
    data = path.read_bytes()
    url = _n(base + path.name)
    checksum = _n(f"{base}void.ttl#sha256-{path.name}")
    yield ox.Triple(dataset, _n(str(DCAT.distribution)), node)
    yield ox.Triple(dataset, _n(str(VOID.dataDump)), url)
    yield ox.Triple(node, _n(RDF_TYPE), _n(str(DCAT.Distribution)))
    yield ox.Triple(node, _n(str(DCAT.downloadURL)), url)
    yield ox.Triple(node, _n(str(DCAT.accessURL)), url)
    media = MEDIA + MEDIA_TYPES[fmt]
    yield ox.Triple(node, _n(str(DCAT.mediaType)), _n(media))
    yield ox.Triple(node, _n(str(DCAT.byteSize)), _lit(len(data), XSD + "nonNegativeInteger"))
    yield ox.Triple(node, _n(DCT + "title"), _lit(f"{path.name} ({MEDIA_TYPES[fmt]})", lang="en"))
    yield ox.Triple(node, _n(SPDX + "checksum"), checksum)
    yield ox.Triple(checksum, _n(RDF_TYPE), _n(SPDX + "Checksum"))
    yield ox.Triple(checksum, _n(SPDX + "algorithm"), _n(SPDX + "checksumAlgorithm_sha256"))
    digest = hashlib.sha256(data).hexdigest()
    yield ox.Triple(checksum, _n(SPDX + "checksumValue"), _lit(digest, XSD + "hexBinary"))


def _endpoint(dataset: ox.NamedNode, base: str, about: Description):
    if not about.sparql_endpoint:
        return
    endpoint = _n(about.sparql_endpoint)
    service = _n(base + "void.ttl#sparql")
    yield ox.Triple(dataset, _n(str(VOID.sparqlEndpoint)), endpoint)
    yield ox.Triple(service, _n(RDF_TYPE), _n(str(DCAT.DataService)))
    yield ox.Triple(service, _n(str(DCAT.endpointURL)), endpoint)
    yield ox.Triple(service, _n(str(DCAT.servesDataset)), dataset)
    yield ox.Triple(dataset, _n(str(DCAT.distribution)), _n(base + "void.ttl#sparql-access"))
    access = _n(base + "void.ttl#sparql-access")
    yield ox.Triple(access, _n(RDF_TYPE), _n(str(DCAT.Distribution)))
    yield ox.Triple(access, _n(str(DCAT.accessURL)), endpoint)
    yield ox.Triple(access, _n(str(DCAT.accessService)), service)


STANDARD_TITLES = {
    "shapes.ttl": "govkg SHACL shapes: the data files validate against them (docs/publishing.md)",
    "ontology.ttl": "govkg ontology: for the inference before validating files without it",
    "reused-terms.ttl": "Declarations of the terms of other vocabularies that the govkg "
    "ontology and data use (imported by the ontology; for OWL tools)",
}


def _standard(dataset: ox.NamedNode, base: str, path: Path):
    """A shipped shapes or ontology file as a ``dcterms:Standard`` the dataset conforms to."""
    node = _n(base + path.name)
    yield ox.Triple(dataset, _n(DCT + "conformsTo"), node)
    yield ox.Triple(node, _n(RDF_TYPE), _n(DCT + "Standard"))
    yield ox.Triple(node, _n(DCT + "title"), _lit(STANDARD_TITLES[path.name], lang="en"))
    yield ox.Triple(node, _n(DCT + "format"), _n(MEDIA + "text/turtle"))


def write_description(
    quads: list[ox.Quad],
    files: list[tuple[Path, str]],
    folder: Path,
    about: Description,
    standards: Sequence[Path] = (),
) -> Path:
    """Write ``folder/void.ttl`` atomically, after checking that it parses.

    :raises OutputError: when the folder cannot be written.
    """
    target = Path(folder) / "void.ttl"
    data = describe(quads, files, about, standards)
    base = (about.base_url.rstrip("/") + "/") if about.base_url else PLACEHOLDER

    def check(tmp: Path) -> None:
        try:
            list(ox.parse(path=str(tmp), format=ox.RdfFormat.TURTLE, base_iri=base + "void.ttl"))
        except SyntaxError as err:
            raise OutputError(f"{target.name}: the written file does not parse: {err}") from err

    write_atomic(target, data, check)
    return target
