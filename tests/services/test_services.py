"""The services factory: every door gets the same options, matcher, review and author-risk recording."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from childsafe.config import load_settings
from childsafe.samples import SAMPLES_DIR
from childsafe.services import AuthorRiskRecorder, Services
from childsafe.store.graph import GraphStore
from childsafe.store.schema import author_risk
from childsafe.text.messages import Message
from childsafe.text.scoring import ConversationRisk, score_stream

ENVIRON = {"CHILDSAFE_MAX_FILE_BYTES": "123456", "CHILDSAFE_MAX_VIDEO_FRAMES": "7",
           "CHILDSAFE_PDQ_QUALITY_MIN": "61", "CHILDSAFE_MAX_UPLOAD_BYTES": "4567"}


def _services(tmp_path: Path) -> Services:
    return Services(load_settings({"home": tmp_path / "home"}, environ=ENVIRON))


def test_the_store_opens_on_first_use_and_closes_once(tmp_path: Path) -> None:
    services = _services(tmp_path)
    assert not (tmp_path / "home").exists()  # a command that never stores creates nothing
    store = services.store
    assert services.store is store and (tmp_path / "home").is_dir()
    assert services.service_store() is services.service_store()
    services.close()
    services.close()


def test_hashing_options_and_matchers_come_from_the_settings(tmp_path: Path) -> None:
    services = _services(tmp_path)
    options = services.hash_options(dihedral=True)
    assert (options.max_file_bytes, options.pdq_quality_min, options.dihedral) == (123456, 61, True)
    assert options.video_limits.max_frames == 7
    assert services.upload_hash_options().max_file_bytes == 4567
    assert services.matcher().pdq_quality_min == 61
    assert services.matcher().index_dir == services.settings.index_dir
    services.close()


def test_a_given_store_is_shared_and_left_open(tmp_path: Path) -> None:
    owner = _services(tmp_path)
    borrower = Services(owner.settings, owner.store)
    assert borrower.store is owner.store and not borrower.owns_store
    borrower.close()
    assert owner.store.list_banks() == []  # still open
    owner.close()


def _scored() -> ConversationRisk:
    messages = [Message("c1", "grown", "how old are you"), Message("c1", "kid", "13"),
                Message("c1", "grown", "don't tell your mom about us"), Message("c1", "grown", "add me on snap")]
    result = next(iter(score_stream([("c1", messages)])))
    assert isinstance(result, ConversationRisk)
    return result


def test_author_risks_are_kept_for_the_graph_and_noted_for_review(tmp_path: Path) -> None:
    services = _services(tmp_path)
    result = _scored()
    recorder = services.author_risks()
    assert isinstance(recorder, AuthorRiskRecorder)
    recorder.record(result, "/cases/chat.jsonl")
    recorder.record(result, "/cases/chat.jsonl")
    with services.store.engine.connect() as conn:
        rows = {r.author: r for r in conn.execute(select(author_risk))}
    assert set(rows) == set(result.authors)
    for name, author in result.authors.items():
        assert rows[name].risk == author.risk and rows[name].conversations == 2
    noted = {name for name in result.authors if services.reviews().conversations(name)}
    expected = {name for name, a in result.authors.items()
                if a.alert_at is not None or a.risk >= recorder.review_min_risk}
    assert noted == expected

    everyone = AuthorRiskRecorder(GraphStore(services.store), services.reviews(), review_min_risk=0.0)
    everyone.record(result, "/cases/other.jsonl")
    for name in result.authors:
        assert "/cases/other.jsonl" in {ref.path for ref in services.reviews().conversations(name)}
    services.close()


def test_bank_add_hashes_with_every_setting(tmp_path: Path) -> None:
    """`bank add` used to build its own HashOptions and dropped the video limits."""
    env = {"CHILDSAFE_HOME": str(tmp_path / "home"), "CHILDSAFE_MAX_VIDEO_FRAMES": "1", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": ":".join(sys.path)}

    def childsafe(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "childsafe", *args], capture_output=True, text=True,
                              env=env, timeout=300, check=False)

    assert childsafe("bank", "create", "known").returncode == 0
    done = childsafe("bank", "add", "known", str(SAMPLES_DIR / "clip.mp4"))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.splitlines()[-1])
    assert "vpdq" not in record["signals"]  # refused: more frames than max_video_frames
    assert "sha256" in record["signals"]
