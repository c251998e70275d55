"""``GraphStore.ingest_events``: events from any iterable (a chat export's participants), idempotent by
the source's digest, with a chat reader's record errors counted as bad rows."""

from __future__ import annotations

from datetime import UTC, datetime
from types import MappingProxyType

from childsafe.graph.events import AccountEvent, Event, MediaEvent, MessageEvent, RowError
from childsafe.store.graph import GraphStore
from childsafe.text.messages import RecordError

WHEN = datetime(2024, 3, 5, 16, 0, tzinfo=UTC)


def _events() -> list[Event | RecordError]:
    return [AccountEvent("u1", attributes=MappingProxyType({"display_name": "max_t"})),
            MessageEvent("u1", "u2", WHEN, "telegram", 1),
            RecordError(3, "message of 30000 characters exceeds 20000"),
            MediaEvent("u1", "a" * 64, None, WHEN, 4)]


def test_events_from_an_iterable_become_accounts_messages_and_posts(graph: GraphStore) -> None:
    report = graph.ingest_events(iter(_events()), "chat.json", "d" * 64, kind="chat")
    assert (report.rows, report.error_count, report.kind) == (3, 1, "chat")
    assert report.errors == [RowError(3, "message of 30000 characters exceeds 20000")]
    counts = graph.counts()
    assert (counts["accounts"], counts["messages"], counts["posts"], counts["media"]) == (2, 1, 1, 1)
    net = graph.load(None)
    assert net.accounts == ["u1", "u2"] and net.media_sha256 == ["a" * 64]


def test_the_same_source_is_ingested_once_and_an_empty_digest_always(graph: GraphStore) -> None:
    graph.ingest_events(iter(_events()), "chat.json", "d" * 64)
    again = graph.ingest_events(iter(_events()), "chat.json", "d" * 64)
    assert again.skipped_file and again.rows == 0
    more = graph.ingest_events(iter([MessageEvent("u2", "u3", WHEN, None, 1)]), "other", "")
    assert not more.skipped_file and more.added == 1 and graph.counts()["sources"] == 1
