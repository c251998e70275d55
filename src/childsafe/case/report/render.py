"""Write a case report: report.html (self-contained), report.pdf (the same HTML through WeasyPrint),
findings.jsonl (every finding) and custody.jsonl (every file), each with its SHA-256.

The HTML has no script, loads nothing (a Content-Security-Policy of ``default-src 'none'`` says so to
the browser), inlines its CSS and SVG, and escapes every string (Jinja2 autoescape).  WeasyPrint gets
a URL fetcher that refuses every URL, so making the PDF never touches the network or the disk.
Each file is written beside its final name and renamed into place, so a crash never leaves half a
report where a whole one is expected.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NoReturn

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from childsafe.case.report.charts import network_svg, select_network, timeline_svg
from childsafe.case.report.kinds import error_finding, finding_line
from childsafe.case.report.model import CaseReportInput, CustodyFile, ReportLimits
from childsafe.case.report.sections import build_sections
from childsafe.errors import PermissionDeniedError
from childsafe.findings import Finding

__all__ = ["DEFAULT_LIMITS", "ReportPaths", "refuse_url", "render_html", "write_pdf", "write_report"]


DEFAULT_LIMITS = ReportLimits()


@dataclass(frozen=True)
class ReportPaths:
    """Where the report went, and the SHA-256 of each file (for the audit log)."""

    html: Path
    pdf: Path
    findings: Path
    custody: Path
    html_sha256: str
    pdf_sha256: str
    findings_sha256: str
    custody_sha256: str
    findings_count: int

    def to_record(self) -> dict[str, Any]:
        return {"html": str(self.html), "pdf": str(self.pdf), "findings": str(self.findings),
                "custody": str(self.custody), "html_sha256": self.html_sha256, "pdf_sha256": self.pdf_sha256,
                "findings_sha256": self.findings_sha256, "custody_sha256": self.custody_sha256,
                "findings_count": self.findings_count}


def refuse_url(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    """WeasyPrint's URL fetcher for reports: nothing is fetched, ever (a report is self-contained)."""
    raise PermissionDeniedError(f"a case report fetches no URL (asked for {url[:80]!r})")


def _when(value: datetime | None) -> str:
    """A time for people: in UTC when it has a zone (so every row reads alike), as given when not."""
    if value is None:
        return ""
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _size(value: int) -> str:
    amount = float(value)
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{amount:.0f} {unit}" if unit == "bytes" else f"{amount:.1f} {unit}"
        amount /= 1024
    return f"{value} bytes"  # pragma: no cover - the loop always returns


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("childsafe.case.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=False)
    env.filters["when"] = _when
    env.filters["size"] = _size
    env.filters["score"] = lambda s: f"{float(s):.2f}"
    return env


class _Hashing:
    """A text file written atomically (``name.partial`` then renamed) with its SHA-256 on the way."""

    def __init__(self, path: Path) -> None:
        self.path, self.partial = path, path.with_name(path.name + ".partial")
        self.digest = hashlib.sha256()
        self._file: IO[bytes] = self.partial.open("wb")

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.digest.update(data)
        self._file.write(data)

    def close(self) -> str:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self.partial, self.path)
        return self.digest.hexdigest()


def _custody_line(c: CustodyFile) -> str:
    return json.dumps({"path": c.path, "size": c.size, "modified": _iso(c.modified), "added": _iso(c.added),
                       "hashes": dict(sorted(c.hashes.items()))},
                      ensure_ascii=False, separators=(",", ":"))


def _write_lines(path: Path, lines: Iterable[str]) -> tuple[str, int]:
    out, count = _Hashing(path), 0
    for line in lines:
        out.write(line + "\n")
        count += 1
    return out.close(), count


def all_findings(data: CaseReportInput) -> Iterator[Finding]:
    """The case's findings, then the run's errors as findings."""
    yield from data.findings
    yield from (error_finding(e) for e in data.errors)


def render_html(data: CaseReportInput, limits: ReportLimits = DEFAULT_LIMITS, *, findings_sha256: str = "",
                custody_sha256: str = "", written: datetime | None = None) -> str:
    """The report as one self-contained HTML page."""
    findings = list(all_findings(data))
    nodes, edges = select_network(data.nodes, data.edges, limits.network_nodes)
    sections = build_sections(data, findings, limits)
    context = {**sections, "data": data, "written": written or datetime.now(UTC),
               "findings_total": len(findings), "findings_sha256": findings_sha256,
               "custody_sha256": custody_sha256, "network_nodes": len(nodes), "network_edges": len(edges),
               # matplotlib's SVG: names inside are glyph outlines, never markup (see charts.py)
               "network_svg": Markup(network_svg(nodes, edges)),  # noqa: S704
               "timeline_svg": Markup(timeline_svg(sections["timeline_events"]))}  # noqa: S704
    return _environment().get_template("report.html").render(context)


def write_pdf(html: str, path: Path) -> str:
    """``html`` as a PDF at ``path`` (atomically); its SHA-256."""
    # imported here: loading pango and fonts costs a second, and only the PDF needs them
    from PIL import ImageFile
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES on import; in our process a truncated photo
    # must stay an error (the report embeds no image, so WeasyPrint never needs it).
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    class RefusingFetcher(URLFetcher):  # type: ignore[misc]  # untyped base
        def fetch(self, url: str, headers: object = None) -> NoReturn:
            refuse_url(url)

    partial = path.with_name(path.name + ".partial")
    HTML(string=html, url_fetcher=RefusingFetcher(), base_url=None).write_pdf(str(partial))
    digest = hashlib.sha256(partial.read_bytes()).hexdigest()
    os.replace(partial, path)
    return digest


def write_report(data: CaseReportInput, out_dir: Path, limits: ReportLimits = DEFAULT_LIMITS, *,
                 written: datetime | None = None) -> ReportPaths:
    """Write report.html, report.pdf, findings.jsonl and custody.jsonl into ``out_dir``.

    ``written`` is the time the report says it was written (now by default); the same input and
    time give the same report.html, byte for byte.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = data.display_names
    findings_path, custody_path = out_dir / "findings.jsonl", out_dir / "custody.jsonl"
    findings_sha, count = _write_lines(findings_path, (finding_line(f, names) for f in all_findings(data)))
    custody_sha, _ = _write_lines(custody_path, (_custody_line(c) for c in data.custody))
    html = render_html(data, limits, findings_sha256=findings_sha, custody_sha256=custody_sha, written=written)
    html_out = _Hashing(out_dir / "report.html")
    html_out.write(html)
    html_sha = html_out.close()
    pdf_sha = write_pdf(html, out_dir / "report.pdf")
    return ReportPaths(out_dir / "report.html", out_dir / "report.pdf", findings_path, custody_path,
                       html_sha, pdf_sha, findings_sha, custody_sha, count)
