"""The party model (graph/govkg/extract/party_model.py): a learned screen of a draft's parties.

Texts are our own words. The shipped weights are read from party_model.yaml; the training
script (tools/govkg_tools/party_model_train.py) must give the same weights from the same
candidates file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from govkg.extract import extract_text
from govkg.extract.party_model import MODEL_FILE, Model, shipped, using

WISHED_PARTNERS = (
    "Pemkab Sleman menandatangani nota kesepahaman dengan UGM, Senin (1/5/2023). Kerja sama itu "
    "meliputi penelitian. Menurut Bupati Sleman Kustini, kampus lain menyusul. \u201cKami ingin "
    "kerja sama yang sama dengan Universitas Nusa Bangsa dan Politeknik Merapi Raya,\u201d "
    "katanya."
)


def _parties(text: str, model: Model | None) -> list[list[str]]:
    with using(model):
        record = extract_text(text, published=date(2023, 5, 1)).record
    return [a["parties"] for e in record["events"] for a in e["agreements"]]


def test_bodies_named_only_in_someones_words_are_dropped_by_the_model():
    """Two campuses named once, late, in a quote, after 'dengan', in no sentence of the
    signing: the model leaves them out (since session 13 the rules do too: a quotation with
    no signing word and no kind names no party)."""
    assert _parties(WISHED_PARTNERS, None) == [["Pemerintah Kabupaten Sleman", "UGM"]]
    model = replace(shipped(), enabled=True)
    assert _parties(WISHED_PARTNERS, model) == [["Pemerintah Kabupaten Sleman", "UGM"]]


def test_the_model_keeps_at_least_two_parties_and_the_signed_ones():
    text = "Kepala LAN Adi dan Kepala BPS Retno meneken MoU, Kamis (19/5/2022)."
    strict = replace(shipped(), enabled=True, threshold=1.0)
    assert _parties(text, strict) == [["LAN", "BPS"]]


def test_the_shipped_weights_load():
    model = shipped()
    assert MODEL_FILE.read_text(encoding="utf-8").startswith("# The party model")
    assert 10 <= len(model.weights) <= 30
    assert 0.0 < model.threshold < 1.0


@pytest.mark.slow
def test_the_training_script_reproduces_the_shipped_weights():
    train = pytest.importorskip("govkg_tools.party_model_train")
    pytest.importorskip("numpy")
    rows = train.read_rows(train.DATA)
    again = train.model_of(rows, shipped().enabled)
    assert again == shipped()
    assert train.model_of(rows, shipped().enabled) == again  # deterministic
