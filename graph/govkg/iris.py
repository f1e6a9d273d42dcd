"""IRI bases as plain text, for modules that must not import rdflib (the query path, the
result writers). :mod:`govkg.namespaces` builds its namespaces from these.

>>> ID_BASE + "org/lan"
'https://w3id.org/govkg/id/org/lan'
"""

from __future__ import annotations

ONTOLOGY_IRI = "https://w3id.org/govkg/ontology"
ID_BASE = "https://w3id.org/govkg/id/"
GRAPH_BASE = "https://w3id.org/govkg/graph/"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
SKOS = "http://www.w3.org/2004/02/skos/core#"
