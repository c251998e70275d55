"""HMA's bank API tests over HTTP: ``OpenMediaMatch/tests/test_api_banks.py`` (21 functions), one port each.

Same requests, same assertions (see :mod:`tests.api.hma_upstream` for what differs on purpose:
the token, and loopback fetching for the local image server).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.api.conftest import Service
from tests.api.hma_upstream import IMAGE_URL_TO_PDQ, add_hash_to_bank, create_bank, hma, image_server

__all__ = ["hma", "image_server"]  # fixtures


def test_banks_empty_index(hma: Service) -> None:
    """test_api_banks.py::test_banks_empty_index"""
    response = hma.admin.get("/c/banks")
    assert response.status_code == 200
    assert response.json() == []


def test_banks_create(hma: Service) -> None:
    """test_api_banks.py::test_banks_create"""
    client = hma.admin
    # Must not start with number
    assert client.post("/c/banks", json={"name": "01_TEST_BANK"}).status_code == 400
    # Cannot contain lowercase letters
    assert client.post("/c/banks", json={"name": "my_test_bank"}).status_code == 400
    post_response = client.post("/c/banks", json={"name": "MY_TEST_BANK_01"})
    assert post_response.status_code == 201
    assert post_response.json() == {"matching_enabled_ratio": 1.0, "name": "MY_TEST_BANK_01"}
    # Should now be visible on index
    response = client.get("/c/banks")
    assert response.status_code == 200
    assert response.json() == [post_response.json()]


def test_banks_update(hma: Service) -> None:
    """test_api_banks.py::test_banks_update"""
    client = hma.admin
    assert client.post("/c/banks", json={"name": "MY_TEST_BANK"}).status_code == 201
    # check name validation
    assert client.put("/c/bank/MY_TEST_BANK", json={"name": "1_invalid_name"}).status_code == 400
    # check update with rename
    post_response = client.put("/c/bank/MY_TEST_BANK", json={"name": "MY_TEST_BANK_RENAMED"})
    assert post_response.status_code == 200
    assert post_response.json()["name"] == "MY_TEST_BANK_RENAMED"
    # check update without rename
    post_response = client.put("/c/bank/MY_TEST_BANK_RENAMED", json={"enabled": False})
    assert post_response.status_code == 200
    assert post_response.json()["matching_enabled_ratio"] == 0
    # check update without ratio
    post_response = client.put("/c/bank/MY_TEST_BANK_RENAMED", json={"enabled_ratio": 0.5})
    assert post_response.status_code == 200
    assert post_response.json()["matching_enabled_ratio"] == 0.5
    # Final test to make sure we only have one bank with proper name and disabled
    get_response = client.get("/c/banks")
    assert get_response.status_code == 200
    banks = get_response.json()
    assert len(banks) == 1
    assert banks[0] == {"name": "MY_TEST_BANK_RENAMED", "matching_enabled_ratio": 0.5}


def test_banks_delete(hma: Service) -> None:
    """test_api_banks.py::test_banks_delete"""
    client = hma.admin
    assert client.post("/c/banks", json={"name": "MY_TEST_BANK"}).status_code == 201
    assert client.delete("/c/bank/MY_TEST_BANK").status_code == 200
    # deleting non existing bank should succeed
    assert client.delete("/c/bank/MY_TEST_BANK").status_code == 200


def test_bank_get_content(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_get_content"""
    client, bank_name = hma.admin, "TEST_BANK_GET"
    create_bank(client, bank_name)
    add_response = client.post(f"/c/bank/{bank_name}/content?url={image_server}/image1.jpg&content_type=photo")
    assert add_response.status_code == 200, add_response.text
    content_id = add_response.json().get("id")
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}")
    assert get_response.status_code == 200, get_response.text
    assert get_response.json().get("id") == content_id


def test_bank_get_content_404(hma: Service) -> None:
    """test_api_banks.py::test_bank_get_content_404"""
    client, bank_name, content_id = hma.admin, "TEST_BANK_GET", 1
    # Bank does not exist
    assert client.get(f"/c/bank/{bank_name}/content/{content_id}").status_code == 404
    create_bank(client, bank_name)
    # Content does not exist
    assert client.get(f"/c/bank/{bank_name}/content/{content_id}").status_code == 404


def test_banks_add_content(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_banks_add_content"""
    client, bank_name = hma.admin, "NEW_BANK"
    create_bank(client, bank_name)
    image_url = f"{image_server}/image1.jpg"
    post_response = client.post(f"/c/bank/{bank_name}/content?url={image_url}&content_type=photo")
    assert post_response.status_code == 200, post_response.text
    assert post_response.json() == {"id": 1, "signals": {"pdq": IMAGE_URL_TO_PDQ[image_url]}}


def _add(hma: Service, bank_name: str, image_url: str, **kwargs: object) -> int:
    create_bank(hma.admin, bank_name)
    add_response = hma.admin.post(f"/c/bank/{bank_name}/content?url={image_url}&content_type=photo", **kwargs)
    assert add_response.status_code == 200, add_response.text
    return int(add_response.json()["id"])


def test_bank_update_content(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_update_content"""
    bank_name = "TEST_BANK_UPDATE"
    content_id = _add(hma, bank_name, f"{image_server}/image1.jpg")
    new_disable_ts = int((datetime.now() + timedelta(days=365)).timestamp())
    update_response = hma.admin.put(f"/c/bank/{bank_name}/content/{content_id}",
                                    json={"disable_until_ts": new_disable_ts})
    assert update_response.status_code == 200, update_response.text
    assert update_response.json().get("disable_until_ts") == new_disable_ts


def test_bank_update_content_400(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_update_content_400"""
    bank_name = "TEST_BANK_UPDATE"
    content_id = _add(hma, bank_name, f"{image_server}/image1.jpg")
    # too far in the future
    update_response = hma.admin.put(f"/c/bank/{bank_name}/content/{content_id}", json={"disable_until_ts": 9999999999})
    assert update_response.status_code == 400, update_response.text


def test_banks_delete_content(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_banks_delete_content"""
    client, bank_name = hma.admin, "NEW_BANK"
    create_bank(client, bank_name)
    add_hash_to_bank(client, bank_name, f"{image_server}/image1.jpg", 1)
    post_response = client.delete(f"/c/bank/{bank_name}/content/1")
    assert post_response.status_code == 200
    assert post_response.json() == {"deleted": 1}


def test_banks_add_metadata(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_banks_add_metadata"""
    client, bank_name = hma.admin, "NEW_BANK"
    create_bank(client, bank_name)
    post_request = f"/c/bank/{bank_name}/content?url={image_server}/image1.jpg&content_type=photo"
    post_response = client.post(post_request, json={"metadata": {"invalid_metadata": 5}})
    assert post_response.status_code == 400, post_response.text
    post_response = client.post(post_request, json={"metadata": {"content_id": "1197433091", "json": {"asdf": {}}}})
    assert post_response.status_code == 200, post_response.text


def test_banks_add_hash_index(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_banks_add_hash_index

    HMA builds its index with ``build_all_indices``; childsafe's server loads it at start-up (here:
    ``warm``) and refreshes it after each bank write.  "Empty to start with" is read from
    ``/m/index/status`` instead of HMA's storage object.
    """
    client = hma.admin
    image_url, image_url_2 = f"{image_server}/image1.jpg", f"{image_server}/image2.jpg"
    create_bank(client, "NEW_BANK")
    add_hash_to_bank(client, "NEW_BANK", image_url, 1)
    create_bank(client, "NEW_BANK_2")
    add_hash_to_bank(client, "NEW_BANK", image_url_2, 2)
    # ensure index is empty to start with
    assert client.get("/m/index/status?signal_type=pdq").json()["pdq"]["present"] is False
    hma.app.state.childsafe.matchers.warm()  # Build index
    assert client.get("/m/index/status?signal_type=pdq").json()["pdq"]["size"] == 2
    # Test against first image
    post_response = client.get(f"/m/raw_lookup?signal_type=pdq&signal={IMAGE_URL_TO_PDQ[image_url]}")
    assert post_response.status_code == 200
    assert post_response.json() == {"matches": [1]}
    # Test against second image
    post_response = client.get(f"/m/raw_lookup?signal_type=pdq&signal={IMAGE_URL_TO_PDQ[image_url_2]}")
    assert post_response.status_code == 200
    assert post_response.json() == {"matches": [2]}


def test_bank_get_content_with_signals(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_get_content_with_signals"""
    client, bank_name = hma.admin, "TEST_BANK_GET_SIGS"
    content_id = _add(hma, bank_name, f"{image_server}/image1.jpg")
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}")
    assert get_response.status_code == 200, get_response.text
    assert get_response.json().get("id") == content_id
    # Signals should not be included when include_signals is not specified
    assert "signals" not in get_response.json()
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}?include_signals=true")
    assert get_response.status_code == 200, get_response.text
    assert get_response.json().get("id") == content_id
    if "signals" in get_response.json():
        assert isinstance(get_response.json()["signals"], dict)
        assert len(get_response.json()["signals"]) > 0


def test_bank_get_content_returns_stored_metadata(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_get_content_returns_stored_metadata (image from the local server)"""
    client, bank_name = hma.admin, "TEST_BANK_METADATA"
    metadata = {"content_id": "ext-id-123", "content_uri": "https://example.com/item/123",
                "json": {"source": "test", "nested": {"key": "value"}}}
    content_id = _add(hma, bank_name, f"{image_server}/image2.jpg", json={"metadata": metadata})
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}")
    assert get_response.status_code == 200, get_response.text
    get_data = get_response.json()
    assert "metadata" in get_data
    assert get_data["metadata"]["content_id"] == metadata["content_id"]
    assert get_data["metadata"]["content_uri"] == metadata["content_uri"]
    assert get_data["metadata"]["json"] == metadata["json"]


def test_bank_get_content_include_metadata_false(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_get_content_include_metadata_false (image from the local server)"""
    client, bank_name = hma.admin, "TEST_BANK_NO_METADATA"
    content_id = _add(hma, bank_name, f"{image_server}/image2.jpg",
                      json={"metadata": {"content_id": "id1", "content_uri": "https://example.com/1"}})
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}?include_metadata=false")
    assert get_response.status_code == 200, get_response.text
    assert "metadata" not in get_response.json()


def test_bank_add_content_with_note(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_add_content_with_note"""
    client, bank_name = hma.admin, "TEST_BANK_NOTE"
    content_id = _add(hma, bank_name, f"{image_server}/image1.jpg", json={"note": "Reported by user X"})
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}")
    assert get_response.status_code == 200, get_response.text
    assert get_response.json()["note"] == "Reported by user X"


def test_bank_add_content_without_note_omitted(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_add_content_without_note_omitted"""
    client, bank_name = hma.admin, "TEST_BANK_NO_NOTE"
    content_id = _add(hma, bank_name, f"{image_server}/image1.jpg")
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}")
    assert get_response.status_code == 200, get_response.text
    assert "note" not in get_response.json()


def test_bank_update_content_note(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_update_content_note"""
    client, bank_name = hma.admin, "TEST_BANK_NOTE_UPDATE"
    content_id = _add(hma, bank_name, f"{image_server}/image1.jpg")
    url = f"/c/bank/{bank_name}/content/{content_id}"
    assert client.put(url, json={"note": "Initial note"}).status_code == 200  # Set note
    assert client.get(url).json()["note"] == "Initial note"
    assert client.put(url, json={"note": "Updated note"}).status_code == 200  # Update note
    assert client.get(url).json()["note"] == "Updated note"
    assert client.put(url, json={"note": ""}).status_code == 200  # Clear note
    assert "note" not in client.get(url).json()


def test_bank_add_note_too_long(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_add_note_too_long"""
    client, bank_name = hma.admin, "TEST_BANK_NOTE_LONG"
    create_bank(client, bank_name)
    add_response = client.post(f"/c/bank/{bank_name}/content?url={image_server}/image1.jpg&content_type=photo",
                               json={"note": "x" * 256})
    assert add_response.status_code == 400


def test_bank_add_hash_with_note(hma: Service) -> None:
    """test_api_banks.py::test_bank_add_hash_with_note"""
    client, bank_name = hma.admin, "TEST_BANK_HASH_NOTE"
    create_bank(client, bank_name)
    add_response = client.post(f"/c/bank/{bank_name}/signal", json={"pdq": "0" * 64, "note": "Hash from campaign ABC"})
    assert add_response.status_code == 200, add_response.text
    content_id = add_response.json()["id"]
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}")
    assert get_response.status_code == 200, get_response.text
    assert get_response.json()["note"] == "Hash from campaign ABC"


def test_bank_get_content_without_metadata_omitted(hma: Service, image_server: str) -> None:
    """test_api_banks.py::test_bank_get_content_without_metadata_omitted (image from the local server)"""
    client, bank_name = hma.admin, "TEST_BANK_NO_META"
    content_id = _add(hma, bank_name, f"{image_server}/image2.jpg")
    get_response = client.get(f"/c/bank/{bank_name}/content/{content_id}")
    assert get_response.status_code == 200, get_response.text
    assert "metadata" not in get_response.json()
