"""HMA's matching tests over HTTP: ``OpenMediaMatch/tests/test_match_api.py`` (5 functions), one port each.

HMA fills its ``SAMPLE`` bank by fetching its static sample exchange (every signal type's examples);
childsafe has no exchanges yet, so the fixture banks the same thing, each registered signal type's
examples, through ``POST /c/bank/SAMPLE/signal``.  HMA's sanity check that exactly ``pdq`` and
``video_md5`` are configured becomes: both are among childsafe's types (it has more).  The rest are
HMA's requests and assertions.
"""

from __future__ import annotations

from typing import Any

import pytest

from childsafe.media.signals import signal_types
from tests.api.conftest import Client, Service
from tests.api.hma_upstream import hma

__all__ = ["hma"]  # fixture


@pytest.fixture
def client_with_sample_data(hma: Service) -> Client:
    """test_match_api.py::client_with_sample_data"""
    client = hma.admin
    assert client.post("/c/banks", json={"name": "SAMPLE"}).status_code == 201
    for kind in signal_types():
        for example in kind.examples:
            r = client.post("/c/bank/SAMPLE/signal", json={kind.name: example})
            assert r.status_code == 200, r.text
    hma.app.state.childsafe.matchers.warm()  # build_all_indices
    assert hma.client.get("/status").status_code == 200
    return client


def _types(client: Client) -> list[str]:
    names = [t["name"] for t in client.get("/c/signal_type").json()]
    assert {"pdq", "video_md5"} <= set(names)
    return names


def test_raw_lookups(client_with_sample_data: Client) -> None:
    """test_match_api.py::test_raw_lookups"""
    client = client_with_sample_data
    for sig_name in _types(client):
        # For each type, just lookup one signal
        sig_str = next(k for k in signal_types() if k.name == sig_name).examples[0]
        query_str: dict[str, Any] = {"signal": sig_str, "signal_type": sig_name}
        resp = client.get("/m/raw_lookup", params=query_str)
        assert resp.status_code == 200
        match_count = len(resp.json()["matches"])
        assert match_count >= 1, sig_name
        # With distance
        query_str["include_distance"] = True
        resp = client.get("/m/raw_lookup", params=query_str)
        assert resp.status_code == 200
        with_dist_matches = resp.json()["matches"]
        assert len(with_dist_matches) == match_count
        for match in with_dist_matches:
            assert "bank_content_id" in match
            assert "distance" in match


def test_lookups(client_with_sample_data: Client) -> None:
    """test_match_api.py::test_lookups"""
    client = client_with_sample_data
    for sig_name in _types(client):
        sig_str = next(k for k in signal_types() if k.name == sig_name).examples[0]
        resp = client.get("/m/lookup", params={"signal": sig_str, "signal_type": sig_name})
        assert resp.status_code == 200
        resp_json = resp.json()
        assert len(resp_json) == 1, sig_name
        assert "SAMPLE" in resp_json
        with_dist_matches = resp_json["SAMPLE"]
        assert len(with_dist_matches) > 0
        for match in with_dist_matches:
            assert "bank_content_id" in match
            assert "distance" in match


@pytest.fixture
def client_with_multi_bank_data(hma: Service) -> Client:
    """test_match_api.py::client_with_multi_bank_data"""
    client = hma.admin
    pdq_signal = next(k for k in signal_types() if k.name == "pdq").examples[0]
    for bank in ("BANK_A", "BANK_B", "BANK_C"):
        assert client.post("/c/banks", json={"name": bank}).status_code == 201
    for bank in ("BANK_A", "BANK_B", "BANK_C"):
        assert client.post(f"/c/bank/{bank}/signal", json={"pdq": pdq_signal}).status_code == 200
    hma.app.state.childsafe.matchers.warm()
    assert hma.client.get("/status").status_code == 200
    return client


def _pdq_query(**extra: Any) -> dict[str, Any]:
    return {"signal": next(k for k in signal_types() if k.name == "pdq").examples[0], "signal_type": "pdq", **extra}


def test_raw_lookup_with_bank_filter(client_with_multi_bank_data: Client) -> None:
    """test_match_api.py::test_raw_lookup_with_bank_filter"""
    client = client_with_multi_bank_data
    resp = client.get("/m/raw_lookup", params=_pdq_query())
    assert resp.status_code == 200
    assert len(resp.json()["matches"]) == 3  # One from each bank
    for banks, expected in (("BANK_A", 1), ("BANK_A,BANK_B", 2), ("NON_EXISTENT_BANK", 0)):
        resp = client.get("/m/raw_lookup", params=_pdq_query(banks=banks))
        assert resp.status_code == 200
        assert len(resp.json()["matches"]) == expected, banks


def test_raw_lookup_with_distance_and_bank_filter(client_with_multi_bank_data: Client) -> None:
    """test_match_api.py::test_raw_lookup_with_distance_and_bank_filter"""
    resp = client_with_multi_bank_data.get("/m/raw_lookup", params=_pdq_query(include_distance=True,
                                                                             banks="BANK_A,BANK_B"))
    assert resp.status_code == 200
    matches = resp.json()["matches"]
    assert len(matches) == 2
    for match in matches:
        assert "bank_content_id" in match
        assert "distance" in match


def test_lookup_with_bank_filter(client_with_multi_bank_data: Client) -> None:
    """test_match_api.py::test_lookup_with_bank_filter"""
    client = client_with_multi_bank_data
    resp = client.get("/m/lookup", params=_pdq_query())
    assert resp.status_code == 200
    assert set(resp.json()) == {"BANK_A", "BANK_B", "BANK_C"}
    resp = client.get("/m/lookup", params=_pdq_query(banks="BANK_A"))
    assert resp.status_code == 200
    assert list(resp.json()) == ["BANK_A"] and len(resp.json()["BANK_A"]) > 0
    resp = client.get("/m/lookup", params=_pdq_query(banks="BANK_A,BANK_C"))
    assert resp.status_code == 200
    assert set(resp.json()) == {"BANK_A", "BANK_C"} and "BANK_B" not in resp.json()
    resp = client.get("/m/lookup", params=_pdq_query(banks="NON_EXISTENT_BANK"))
    assert resp.status_code == 200
    assert len(resp.json()) == 0
