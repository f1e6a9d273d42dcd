"""SHACL validation, two ways that give the same findings.

- :mod:`govkg.shacl.shapes`: pySHACL over rdflib graphs, the reference (``--reference``).
- :mod:`govkg.shacl.fast`: the shapes compiled to SPARQL (:mod:`~govkg.shacl.compile`,
  :mod:`~govkg.shacl.constraints`, :mod:`~govkg.shacl.value_tests`, SPARQL-based constraints
  in :mod:`~govkg.shacl.prebind`) and run in bulk on an Oxigraph store.

Importing the package loads neither; import the module you use.
"""
