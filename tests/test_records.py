"""The shared CSV record loop of the line-based readers (chat exports, network events)."""

from __future__ import annotations

import io

from childsafe.records import CsvProblem, iter_csv_records


def needs_id(names: list[str]) -> str | None:
    return None if "id" in names else "no id column"


def CsvRecord(line: int, fields: dict[str, str]) -> tuple[int, dict[str, str]]:  # noqa: N802 - reads as a record
    return line, fields


def records(data: bytes, max_bytes: int = 1024) -> list[tuple[int, dict[str, str]] | CsvProblem]:
    return list(iter_csv_records(io.BytesIO(data), max_bytes, header_problem=needs_id, id_columns=("id",),
                                 record=lambda fields, line: (line, fields), problem=lambda problem: problem))


def test_fields_are_named_by_the_normalised_header_and_blank_lines_skipped() -> None:
    got = records(b"\n Id ,Note,\n\na1,hello,x\n\nb2,\"two\nlines\",y\n")
    assert got == [CsvRecord(4, {"id": "a1", "note": "hello"}), CsvRecord(6, {"id": "b2", "note": "two\nlines"})]


def test_refused_header_ends_the_file() -> None:
    assert records(b"name,note\na1,hello\n") == [CsvProblem(1, "no id column", ends_file=True)]


def test_undecodable_header_ends_the_file_but_a_bad_record_does_not() -> None:
    [header] = records(b"id,n\xffote\na1,hi\n")
    assert isinstance(header, CsvProblem) and header.line == 1 and header.ends_file
    bad, good = records(b"id,note\na1,h\xffi\nb2,ok\n")
    assert isinstance(bad, CsvProblem) and not bad.ends_file and "not valid UTF-8" in bad.message
    assert good == CsvRecord(3, {"id": "b2", "note": "ok"})


def test_wrong_width_runaway_and_swallowed_records_are_problems_and_reading_goes_on() -> None:
    got = records(b"id,note\na1\nb2,\"open\nc3,swallowed\nd4,x\n")
    assert got[0] == CsvProblem(2, "expected 2 fields as in the header, found 1")
    assert isinstance(got[1], CsvProblem) and got[1].line == 3 and "unbalanced quote" in got[1].message
    runaway, *rest = records(b"id,note\na1,\"" + b"tail of it\n" * 200)
    assert isinstance(runaway, CsvProblem) and runaway.line == 2 and "runs past 1024 bytes" in runaway.message
    assert rest and all(isinstance(item, CsvProblem) for item in rest)  # the cut-off tail is no record
