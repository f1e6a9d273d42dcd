"""Comparable items of a record: party names as keys, one set of items per slot per agreement.

A party name becomes a gazetteer key, or ``decl:`` and the folded name of a body the gold
record declares, or ``raw:`` and the folded name; signatories, posts and fields likewise.

>>> from govkg.records.load import load_text
>>> gold = load_text("govkg: 1\\nsource: {id: a, kind: news, language: id}\\nevents:\\n"
...     "  - date: 2019-02-01\\n    agreements: [{kind: mou, parties: [LAN, BPS]}]\\n",
...     fmt="yaml", name="a.yaml")
>>> sorted(items(gold, Names(gold))[0]["date"])
['2019-02-01']
"""

from __future__ import annotations

from govkg.errors import GovkgError
from govkg.extract.people import fold_name, resolve_role
from govkg.gazetteer import Gazetteer
from govkg.gazetteer.forms import name_key
from govkg.ids import key_of
from govkg.records.model import Agreement, Event, OrganizationDecl, RecordSet
from govkg.vocab import Vocabulary


class Names:
    """Party names → comparable keys: a gazetteer key, or ``decl:`` and the folded name of a
    body the gold record declares.

    Names of the gold record resolve through the gazetteer and the gold's declarations; names
    of an extracted record resolve the same way, trying each name its own declaration gives
    the body (name, acronyms, aliases) until one resolves.
    """

    def __init__(self, records: RecordSet, gold: RecordSet | None = None) -> None:
        reference = gold if gold is not None else records
        decls = _undeclared(reference)
        self.gazetteer = _gazetteer(decls)
        self.declared = {d.id: d for d in decls}
        own = _undeclared(records)
        self.own = _gazetteer(own) if gold is not None else None
        self.own_declared = {d.id: d for d in own} if gold is not None else {}

    def key(self, name: str) -> str:
        for form in self._forms(name):
            try:
                entry = self.gazetteer.resolve(form)
            except GovkgError:
                continue
            if entry.key in self.declared:
                return "decl:" + name_key(self.declared[entry.key].name)
            return entry.key
        return "raw:" + name_key(name)

    def _forms(self, name: str) -> list[str]:
        forms = [name]
        if self.own is not None:
            try:
                entry = self.own.resolve(name)
            except GovkgError:
                return forms
            decl = self.own_declared.get(entry.key)
            if decl is not None:
                forms += [decl.name, *decl.acronyms, *decl.aliases]
        return forms


def _gazetteer(decls) -> Gazetteer:
    try:
        return Gazetteer.bundled().with_declarations(list(decls))
    except GovkgError:
        return Gazetteer.bundled()


def _undeclared(records: RecordSet) -> list[OrganizationDecl]:
    """The record's declarations of bodies the gazetteer does not know by that name.

    A gold record written before the gazetteer grew declares bodies it now has (a state
    university, PLN); those are the gazetteer's entries, whichever side declared them.
    """
    bundled = Gazetteer.bundled()
    return [d for d in records.organizations if len(bundled.matches(d.name)) != 1]


def items(records: RecordSet, names: Names) -> list[dict]:
    return [
        _agreement_items(agreement, event, names)
        for event in records.events
        for agreement in event.agreements
    ]


def _agreement_items(agreement: Agreement, event: Event, names: Names) -> dict:
    parties = {names.key(p) for p in agreement.parties}
    signed = [(fold_name(s.name), names.key(s.party)) for s in agreement.signatories]
    posts = {
        (fold_name(s.name), names.key(s.party), resolve_role(s.post) or name_key(s.post))
        for s in agreement.signatories
    }
    return {
        "parties": parties,
        "signatories": set(signed),
        "signatory_list": signed,
        "posts": posts,
        "date": {event.date.isoformat()} if event.date else set(),
        "kind": {agreement.kind},
        "fields": {_field(f) for f in agreement.fields},
    }


def _field(text: str) -> str:
    try:
        return key_of(Vocabulary.fields().resolve(text))
    except GovkgError:
        return "raw:" + name_key(text)
