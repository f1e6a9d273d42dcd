"""One signing of one document by three bodies or more, read from the grammar of a sentence.

A report that lists the officials of every party in one coordinated list with the signing
(``Kesepakatan bersama itu diteken oleh Wali Kota A, Bupati B, Bupati C dan Bupati D``), or that
makes a count of bodies the subject of the signing (``Sebanyak 11 kabupaten meneken kesepakatan
bersama``), or that names three sides or more after ``antara`` (``nota kesepakatan antara A dengan
B, C dan D``), tells of one agreement among all of them, not of a set of bilateral ones: no body
is set apart after ``dengan`` (the hub of a set), and nothing says the signings were one by one
(``masing-masing``, ``secara terpisah``, ``satu per satu``). Word lists: ``rules.yaml`` ``joint``.

>>> from govkg.extract.clauses import analyse
>>> from govkg.extract.orgs import Lexicon
>>> from govkg.extract.text import read_article
>>> def joint(text):
...     return joint_signing(analyse(read_article(text).sentences[0], Lexicon()))
>>> joint("Kesepakatan itu diteken oleh Bupati Sleman Kustini, Bupati Bantul Halim "
...       "dan Bupati Kulon Progo Sutedjo.")
True
>>> joint("Bupati Sleman Kustini meneken MoU dengan Bupati Bantul Halim dan Bupati "
...       "Kulon Progo Sutedjo.")
False
"""

from __future__ import annotations

import functools

from govkg.extract.clauses import Facts, between_sides, partner_count_at
from govkg.extract.drafts import Draft
from govkg.extract.people import Official
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import token_key


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    section = Rules.load().data["joint"]
    return {
        name: frozenset(token_key(str(w)) for w in section[name])
        for name in ("list_joiners", "apart_words")
    }


@functools.cache
def _one_by_one() -> Phrases:
    return Phrases(Rules.load().data["joint"]["one_by_one"])


def joint_signing(f: Facts) -> bool:
    """The sentence has one of the three shapes of a joint signing."""
    return _listed_signers(f) or _counted_subject(f) is not None or between_many(f)


def note_joint_signing(draft: Draft, f: Facts) -> None:
    """Remember on the draft that a sentence has the shape of a joint signing; whether it is
    one is settled once every sentence is read (:func:`settle_joint`)."""
    draft.joint_list = draft.joint_list or _listed_signers(f)
    draft.joint_count = draft.joint_count or _counted_subject(f)
    draft.joint_between = draft.joint_between or between_many(f)


def settle_joint(draft: Draft) -> None:
    """One agreement among all the parties when the officials of every party sign in one list
    or a sentence names three sides or more after ``antara`` (:func:`between_many`), the
    report counts no partners after ``dengan`` (``UGM … with 4 regencies``: a hub and its
    partners) and gives no scope apart for different parties; or when the bodies counted as
    signing are all the parties (not so for ``empat kabupaten menandatangani`` with a province
    as fifth party: each signs with the province).

    >>> draft = Draft("mou", joint_count=3)
    >>> for ident in ("a", "b", "c"):
    ...     draft.parties[ident] = None
    >>> settle_joint(draft); draft.multilateral
    True
    """
    listed = (draft.joint_list or draft.joint_between) and not draft.counted
    listed = listed and not _scopes_apart(draft)
    if listed or (draft.joint_count == len(draft.parties) and not _hub_apart(draft)):
        draft.multilateral = True


def _hub_apart(draft: Draft) -> bool:
    """The partners were counted after ``dengan`` and the hub is of a kind none of them is
    (``Bupati X meneken MoU dengan delapan perguruan tinggi``): the bodies counted as signing
    are the partners, not every party, even when one partner went unrecognised and the count
    matches the parties found."""
    hub = draft.parties.get(draft.hub or "")
    if not draft.counted or hub is None:
        return False
    return all(o.kind != hub.kind for o in draft.parties.values() if o.ident != hub.ident)


def _scopes_apart(draft: Draft) -> bool:
    """Two sentences give the scope of the cooperation with different parties (``Kerja sama
    PLN dengan ITS meliputi …; adapun kerja sama dengan Pemprov meliputi …``): one agreement
    per partner, whatever the list of signers."""
    whole = len(draft.parties)
    partial = {s.bodies for s in draft.scopes if s.bodies and len(s.bodies) < whole}
    return len(partial) >= 2


def _may_be_joint(f: Facts) -> bool:
    if not f.signing or f.has("bilateral_set") or f.has("multilateral"):
        return False
    return next(_one_by_one().find(f.sentence.keys), None) is None and not _set_apart(f)


def _set_apart(f: Facts) -> bool:
    """A word of ``apart_words`` outside the zones (witnesses, place …) of the sentence."""
    apart = _words()["apart_words"]
    return any(key in apart and f.zone_of(k) is None for k, key in enumerate(f.sentence.keys))


def between_many(f: Facts) -> bool:
    """The sentence names three sides or more after ``antara``, not in pairs (``nota
    kesepakatan antara A dengan B, C dan D``): the sides of one document, also when one is
    set apart by ``dengan``; not when the sentence says the signings were separate."""
    if not (f.signing or f.current_kinds) or f.has("bilateral_set"):
        return False
    if next(_one_by_one().find(f.sentence.keys), None) is not None:
        return False
    return len(between_sides(f)) >= Rules.load().data["joint"]["min_bodies"]


def _listed_signers(f: Facts) -> bool:
    """Officials of three bodies or more named one after another, joined by commas and
    ``dan`` only (one list)."""
    if not _may_be_joint(f):
        return False
    named = [o for o in f.officials if o.org is not None and o.name is not None]
    named = [o for o in named if f.zone_of(o.start) is None]
    best: list[Official] = []
    run: list[Official] = []
    for official in sorted(named, key=lambda o: o.start):
        if run and not _joined(f, run[-1].end, official.start):
            run = []
        run.append(official)
        if len(_bodies(run)) > len(_bodies(best)):
            best = list(run)
    return len(_bodies(best)) >= Rules.load().data["joint"]["min_bodies"]


def _bodies(officials: list[Official]) -> set[str]:
    return {o.org.org.ident for o in officials if o.org is not None}


def _joined(f: Facts, end: int, start: int) -> bool:
    """Only list joiners stand between two mentions (and at least one)."""
    between = f.sentence.keys[end:start]
    return bool(between) and all(k in _words()["list_joiners"] for k in between)


def _counted_subject(f: Facts) -> int | None:
    """A count of bodies before the first signing word (``11 kabupaten melakukan
    penandatanganan``): how many bodies sign."""
    if not _may_be_joint(f):
        return None
    at = partner_count_at(f.sentence.keys)
    first = min(f.cues.get("signing", []), default=None)
    if at is None or first is None or at > first:
        return None
    number = f.sentence.keys[at]
    count = Rules.load().numbers.get(number) or int(number)
    return count if count >= Rules.load().data["joint"]["min_bodies"] else None
