"""SHACL validation of a built graph with ``ontology/shapes.ttl`` (pySHACL).

The data graph already holds the OWL RL inferences, so pySHACL runs without its
own inference; it never mutates the caller's graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyshacl
from rdflib import Graph

from govkg.namespaces import SH
from govkg.resources import ontology_dir


@dataclass(frozen=True)
class Finding:
    """One SHACL result: severity, the focus node, the path, the shape's message."""

    severity: str
    focus: str
    path: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"[{self.severity}] {self.focus}{where}: {self.message} ({self.shape})"


@cache
def shapes_graph() -> Graph:
    """The project's SHACL shapes, parsed once."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def check_graph(data: Graph) -> list[Finding]:
    """Validate ``data``; return every finding, violations first, sorted for stable output."""
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    findings = [_finding(report, result) for result in report.objects(None, SH.result)]
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(findings, key=lambda f: (order.get(f.severity, 3), f.focus, f.path, f.message))


def _finding(report: Graph, result) -> Finding:
    def value(prop) -> str:
        found = report.value(result, prop)
        return "" if found is None else str(found)

    severity = value(SH.resultSeverity).rsplit("#", 1)[-1]
    return Finding(
        severity=severity,
        focus=value(SH.focusNode),
        path=value(SH.resultPath),
        message=value(SH.resultMessage),
        shape=value(SH.sourceShape),
    )


def violations(findings: list[Finding]) -> list[Finding]:
    """Only the findings that fail a build."""
    return [f for f in findings if f.severity == "Violation"]
