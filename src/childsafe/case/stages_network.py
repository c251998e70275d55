"""The network stages of a case run: ingest (event files, the chats' participants, messages and attached
media) and ranking (suspects, children at risk, and the data of the network drawing)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import numpy as np

from childsafe.case.stages import StageContext, StageResult, scan_records, steady
from childsafe.store.base import ScanRecord

__all__ = ["network_stage", "ranking_stage"]

#: Accounts drawn around the suspects.
_DRAWN: Final = 120


# -- network -------------------------------------------------------------------------------------


def network_stage(ctx: StageContext) -> StageResult:
    """Ingest the event files, then the chats' participants, messages and attached media."""
    from childsafe.case.chat_events import chat_events
    from childsafe.store.graph import GraphStore
    from childsafe.text.readers import iter_messages

    result = StageResult()
    graph = GraphStore(ctx.services.store)
    attachments = _Attachments(scan_records(ctx.services.store, ctx.roots))
    rows = added = 0
    for item in ctx.items:
        if item.kind not in ("events", "chat") or item.local is None:
            continue
        ctx.tick(1)
        result.items += 1
        if item.kind == "events":
            report = graph.ingest_file(item.local, item.fmt or "auto")
        else:
            digest = hashlib.sha256(f"chat-events\n{_sha256(item.local)}\n{attachments.digest}".encode()).hexdigest()
            events = chat_events(iter_messages(item.local, item.fmt or "auto"),
                                 resolve_attachment=attachments.resolver(item.path))
            report = graph.ingest_events(events, item.path, digest, kind="chat")
        rows += report.rows
        added += report.added
        for error in report.errors:
            result.error(item.path, f"{error.message} (row {error.row})" if error.row else error.message)
        result.error_count += report.error_count - len(report.errors)
    result.note = f"{rows} events read, {added} new"
    result.output = {"rows": rows, "added": added}
    return result


class _Attachments:
    """The scanned media by file name, to find what a chat's attachment names: exports name a file by
    its name (WhatsApp) or a path relative to the export (Telegram ``photos/photo_1.jpg``)."""

    def __init__(self, records: dict[str, ScanRecord]) -> None:
        self.by_name: dict[str, list[tuple[str, tuple[str | None, str | None]]]] = {}
        for path, stored in sorted(records.items()):
            record = stored.record
            if record.get("content_type") not in ("photo", "video") or not record.get("sha256"):
                continue
            pdq = record.get("pdq")
            hashes = (str(record["sha256"]), str(pdq["hash"]) if isinstance(pdq, dict) else None)
            self.by_name.setdefault(_base(path), []).append((path, hashes))
        self.digest = hashlib.sha256(json.dumps(sorted(self.by_name.items())).encode()).hexdigest()

    def resolver(self, chat_path: str) -> Callable[[str], tuple[str | None, str | None] | None]:
        """Look-up for one chat: of the files that share the attachment's name, the one whose path ends
        as the attachment says and lies closest to the chat (same folder or archive first)."""
        where = _folder(chat_path)

        def resolve(name: str) -> tuple[str | None, str | None] | None:
            found = self.by_name.get(_base(name))
            if not found:
                return None
            wanted = name.replace("\\", "/").lstrip("./")
            best = max(found, key=lambda c: (c[0].replace("!/", "/").endswith("/" + wanted),
                                             len(os.path.commonprefix([_folder(c[0]), where]))))
            return best[1]

        return resolve


def _base(path: str) -> str:
    return path.replace("\\", "/").rsplit("!/", 1)[-1].rsplit("/", 1)[-1]


def _folder(path: str) -> str:
    return path.replace("!/", "/").rsplit("/", 1)[0] + "/"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# -- ranking -------------------------------------------------------------------------------------


def ranking_stage(ctx: StageContext) -> StageResult:
    """Rank the case's network; suspects and children at risk become findings."""
    from childsafe.graph.atrisk import children_at_risk
    from childsafe.graph.rank import rank_accounts
    from childsafe.store.graph import GraphStore, media_matcher

    result = StageResult()
    net = GraphStore(ctx.services.store).load(media_matcher(ctx.services.matcher(ctx.banks or None)))
    if net.n_accounts == 0:
        result.note = "no accounts"
        return result
    ranked = rank_accounts(net, top=50)
    leads = [lead for lead in ranked.leads if lead.role == "suspect"]
    children = children_at_risk(ranked, 100)
    result.findings = [steady(f) for f in [lead.finding() for lead in leads] + [child.finding() for child in children]]
    result.items = net.n_accounts
    ctx.tick(1)
    result.output = {"drawing": _drawing(net, ranked, leads, children)}
    result.note = f"{net.n_accounts} accounts: {len(leads)} suspects, {len(children)} at risk"
    return result


def _drawing(net: Any, ranked: Any, leads: list[Any], children: list[Any]) -> dict[str, Any]:
    """Nodes, edges and dated events around the suspects, as plain records (kept with the stage)."""
    index = net.account_index()
    centre = [index[x.account] for x in [*leads, *children] if x.account in index]
    chosen: dict[int, None] = dict.fromkeys(centre)
    sender, recipient = np.asarray(net.msg_sender), np.asarray(net.msg_recipient)
    for i in centre:
        for j in np.concatenate([recipient[sender == i], sender[recipient == i]]).tolist():
            if len(chosen) >= _DRAWN:
                break
            chosen.setdefault(int(j), None)
    nodes = [{"id": f"account:{net.accounts[i]}", "role": ranked.role_of(i) if ranked.role_of(i) in
              ("suspect", "at_risk", "service") else "contact", "label": net.accounts[i],
              "score": round(float(ranked.fused[i]), 4)} for i in chosen]
    pairs: dict[tuple[int, int], tuple[int, int]] = {}
    for s, r, ts in zip(sender.tolist(), recipient.tolist(), np.asarray(net.msg_ts).tolist(), strict=False):
        if s in chosen and r in chosen:
            count, first = pairs.get((s, r), (0, ts))
            pairs[(s, r)] = (count + 1, min(first, ts))
    edges = [{"source": f"account:{net.accounts[s]}", "target": f"account:{net.accounts[r]}", "kind": "message",
              "weight": count} for (s, r), (count, _first) in pairs.items()]
    timeline: list[dict[str, Any]] = []
    suspects = {index[x.account] for x in leads if x.account in index}
    at_risk = {index[x.account] for x in children if x.account in index}
    for (s, r), (_count, first) in pairs.items():
        if first > 0 and ((s in suspects and r in at_risk) or (r in suspects and s in at_risk)):
            timeline.append({"at": first, "kind": "first_contact", "account": net.accounts[s],
                             "text": f"{net.accounts[s]} wrote to {net.accounts[r]}"})
    known = set(net.media_evidence)
    for a, m, ts in zip(np.asarray(net.post_account).tolist(), np.asarray(net.post_media).tolist(),
                        np.asarray(net.post_ts).tolist(), strict=False):
        if m in known:
            banks = ", ".join(sorted({e.bank for e in net.media_evidence[m]}))
            media_id = f"media:{net.media_sha256[m][:12] or m}"
            if a in chosen:
                edges.append({"source": f"account:{net.accounts[a]}", "target": media_id, "kind": "known_media"})
                if media_id not in {n["id"] for n in nodes}:
                    nodes.append({"id": media_id, "role": "media", "label": f"known media ({banks})", "score": None})
            if ts > 0:
                timeline.append({"at": ts, "kind": "known_media", "account": net.accounts[a],
                                 "text": f"{net.accounts[a]} shared media known to {banks}"})
    return {"nodes": nodes, "edges": edges, "timeline": timeline[:1000]}
