"""The item page says which detector put an item in the queue, from the item's Finding."""

from __future__ import annotations

from tests.web.conftest import Web
from tests.web.test_review import item_url


def test_the_item_page_names_the_detector_and_score(web: Web) -> None:
    client = web.login()
    media = web.page(client, item_url(web.seeded.photo_key)).text
    assert 'id="finding"' in media and "<code>triage_priority</code>" in media and "known media" in media
    text = web.page(client, item_url(web.seeded.text_key)).text
    assert "<code>text_score</code>" in text and "grooming risk" in text
