"""A chat's attachment joins the scanned file it names: by name, the path the export gives, and the
folder or archive nearest the chat when several files share the name."""

from __future__ import annotations

from childsafe.case.stages_network import _Attachments
from childsafe.store.base import ScanRecord


def _photo(path: str, sha: str) -> ScanRecord:
    return ScanRecord(path, 10, 1, {"path": path, "content_type": "photo", "sha256": sha,
                                    "pdq": {"hash": sha[:1] * 64, "quality": 100}})


def test_the_nearest_file_of_that_name_is_the_attachment() -> None:
    records = {p: _photo(p, s) for p, s in [
        ("/case/a/IMG-1.jpg", "a" * 64), ("/case/phone.zip!/WhatsApp/IMG-1.jpg", "b" * 64),
        ("/case/tg/photos/photo_1.jpg", "c" * 64), ("/case/other/photos/photo_1.jpg", "d" * 64),
        ("/case/notes.txt", "e" * 64)]}
    records["/case/notes.txt"].record["content_type"] = "other"
    attachments = _Attachments(records)
    assert attachments.resolver("/case/phone.zip!/WhatsApp/chat.txt")("IMG-1.jpg") == ("b" * 64, "b" * 64)
    assert attachments.resolver("/case/a/chat.txt")("IMG-1.jpg") == ("a" * 64, "a" * 64)
    assert attachments.resolver("/case/tg/result.json")("photos/photo_1.jpg") == ("c" * 64, "c" * 64)
    assert attachments.resolver("/case/tg/result.json")("notes.txt") is None  # not media
    assert attachments.resolver("/case/tg/result.json")("missing.jpg") is None


def test_scores_that_differ_in_their_last_bits_give_the_same_finding() -> None:
    """A rerun after a kill stores the network in another order; sums then differ in the last bits."""
    from childsafe.case.stages import steady
    from childsafe.findings import Evidence, Explanation, Finding, Location

    def lead(score: float) -> Finding:
        return Finding("graph", "suspect", score, Location(account="a"),
                       Explanation("network_rank", (Evidence("known_media", "shared", score, weight=score),),
                                   {"exposure": score}))

    assert lead(0.5210184387126429) != lead(0.521018438712643)
    assert steady(lead(0.5210184387126429)) == steady(lead(0.521018438712643))
