"""``names.tsv``: what each organization and field name of a build stands for, written by
``govkg build`` so that ``govkg query -p agency=LAN`` finds the IRI without loading the
gazetteer (0.35 s) or the fields vocabulary (0.06 s CPU), and without scanning the store.

One line per folded name: ``kind<TAB>name<TAB>IRI[ IRI…]``, sorted; ``kind`` is ``org``
(the build's gazetteer: the bundled one with the records' declarations, each name's
exact match as :meth:`govkg.gazetteer.Gazetteer.matches` finds it, strong forms before
weak ones) or ``field`` (labels and keys of the cooperation fields, folded as
:class:`govkg.vocab.Vocabulary` does). A name with several IRIs is ambiguous; the query
runner then asks the gazetteer itself, which explains.

>>> table = NameTable.parse("# a comment\\norg\\tlan\\thttps://w3id.org/govkg/id/org/lan\\n")
>>> table.find("org", "LAN"), table.find("org", "the LAN"), table.find("org", "BPOM")
('https://w3id.org/govkg/id/org/lan', 'https://w3id.org/govkg/id/org/lan', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import GovkgError
from govkg.files import read_input
from govkg.text_hygiene import fold, name_key

NAMES_FILE = "names.tsv"
MAX_NAMES_BYTES = 64 * 1024**2
"""Largest names.tsv read (64 MiB; a build with the bundled gazetteer writes ~1.5 MB)."""
HEADER = "# govkg names: kind, folded name, IRI(s) (written by govkg build; see govkg.names)\n"


def name_lines(gazetteer, fields, org_iri) -> Iterator[str]:
    """The lines of ``names.tsv`` for a build's gazetteer and fields vocabulary, sorted;
    ``org_iri(key)`` mints an organization's IRI (:func:`govkg.ids.org`).

    >>> from govkg.gazetteer import Gazetteer
    >>> from govkg.ids import org
    >>> from govkg.vocab import Vocabulary
    >>> lines = list(name_lines(Gazetteer.bundled(), Vocabulary.fields(), org))
    >>> "org\\tlan\\thttps://w3id.org/govkg/id/org/lan\\n" in lines
    True
    """
    index = gazetteer._index
    found: dict[tuple[str, str], list[str]] = {}
    for tier in (index.weak, index.strong):  # strong forms win, as NameIndex.lookup reads them
        for form, keys in tier.items():
            found[("org", form)] = [org_iri(key).value for key in keys]
    for form, concepts in fields._index.items():
        found[("field", form)] = sorted(c.value for c in concepts)
    for (kind, form), iris in sorted(found.items()):
        if form and not any(c in form for c in "\t\n\r"):
            yield f"{kind}\t{form}\t{' '.join(iris)}\n"


def write_names(lines: Iterable[str], path: Path) -> None:
    """Write ``names.tsv`` (its header, then ``lines``)."""
    path.write_text(HEADER + "".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class NameTable:
    """A read ``names.tsv``, searched as text (one ``str.find`` per name: ~1 ms, where
    reading 27,000 lines into a dict takes ~15 ms)."""

    text: str

    @classmethod
    def parse(cls, text: str) -> NameTable:
        """A table of the text of a ``names.tsv``."""
        return cls("\n" + text)

    @classmethod
    def read(cls, folder: Path) -> NameTable | None:
        """The table of a build folder, or None when it has none (an older build).

        :raises GovkgError: the file is refused or not UTF-8.
        """
        path = folder / NAMES_FILE
        if not path.exists():
            return None
        try:
            return cls.parse(read_input(path, limit=MAX_NAMES_BYTES).decode("utf-8"))
        except UnicodeDecodeError as err:
            raise GovkgError(
                f"cannot read {path}: {err}", fix="rebuild with 'govkg build'"
            ) from None

    def find(self, kind: str, name: str) -> str | None:
        """The one IRI ``name`` stands for, else None (unknown or ambiguous)."""
        if kind == "org":
            key = name_key(name)
            forms = (key, key.removeprefix("the "))
        else:
            forms = (fold(name),)
        for form in forms:
            iris = self._iris(kind, form)
            if iris:
                return iris[0] if len(iris) == 1 else None
        return None

    def _iris(self, kind: str, form: str) -> list[str]:
        if not form or any(c in form for c in "\t\n\r"):
            return []
        start = self.text.find(f"\n{kind}\t{form}\t")
        if start < 0:
            return []
        start += len(kind) + len(form) + 3
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else None].split(" ")
