"""The audit page reports the keyed verification: MACs checked, the checkpoint, and the class of tampering."""

from __future__ import annotations

from sqlalchemy import delete

from childsafe.store.schema import audit_log
from tests.web.conftest import Web


def test_the_audit_page_shows_the_checkpoint_and_names_tampering(web: Web) -> None:
    root = web.login("root")
    assert web.service.checkpoint() is not None
    html = web.page(root, "/review/audit").text
    assert "Verified:" in html and "every MAC checked" in html and "Consistent with the checkpoint" in html
    with web.store.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id == 2))
    broken = web.page(root, "/review/audit").text
    assert "Verification failed" in broken and "(deleted/renumbered)" in broken and "#2" in broken
