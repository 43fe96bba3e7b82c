"""Shape and consistency tests of the office-holder gazetteer (data/actors/persons.tsv)."""

from __future__ import annotations

import calendar
import collections
import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "actors"
TSV = DATA / "persons.tsv"
META = DATA / "persons.meta.json"

HEADER = "name\taliases\tstate\toffice\tstart\tend"
ORGS = {"EU", "NATO", "UN", "IAEA", "WHO"}  # the IAEA and WHO keep their own codes (GUIDELINES.md)
OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "deputy_head_of_government",
}
SINGLE_HOLDER = {"head_of_government", "foreign_minister", "defence_minister", "interior_minister"}
REQUIRED_STATES = (
    # G20
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
    # EU members
    "AUT BEL BGR HRV CYP CZE DNK EST FIN GRC HUN IRL LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE "
    # others
    "UKR BLR ISR IRN ARE QAT KWT BHR OMN PRK"
).split()
MIN_ROWS = 2600
DATE_RE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")
FAR_FUTURE = dt.date(9999, 12, 31)


def earliest(s: str) -> dt.date:
    parts = [int(p) for p in s.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(s: str) -> dt.date:
    parts = [int(p) for p in s.split("-")]
    y = parts[0]
    m = parts[1] if len(parts) > 1 else 12
    d = parts[2] if len(parts) > 2 else calendar.monthrange(y, m)[1]
    return dt.date(y, m, d)


def read_lines() -> list[str]:
    return TSV.read_text(encoding="utf-8").splitlines()


def read_rows() -> list[dict[str, str]]:
    lines = read_lines()
    keys = HEADER.split("\t")
    return [dict(zip(keys, line.split("\t"), strict=False)) for line in lines[1:] if line]


def certain_span(row: dict[str, str]) -> tuple[dt.date, dt.date]:
    """The span in which the person surely held the office, whatever the imprecise dates mean."""
    end = earliest(row["end"]) if row["end"] else FAR_FUTURE
    return latest(row["start"]), end


def test_header_exact():
    assert read_lines()[0] == HEADER


def test_utf8_no_bom_no_cr():
    raw = TSV.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    raw.decode("utf-8")


def test_every_row_has_six_fields():
    bad = [(i, line) for i, line in enumerate(read_lines()[1:], 2) if line and line.count("\t") != 5]
    assert not bad, bad[:10]


def test_no_blank_lines_or_stray_whitespace():
    bad = []
    for i, line in enumerate(read_lines()[1:], 2):
        if not line:
            bad.append((i, "blank"))
            continue
        for field in line.split("\t"):
            if field != field.strip():
                bad.append((i, field))
    assert not bad, bad[:10]


def test_names_present():
    assert all(r["name"] for r in read_rows())


def test_states_are_codes():
    """ISO 3166-1 alpha-3 codes, organisation codes, or the codes states.json adds (XKX for Kosovo)."""
    import json

    curated = set(json.loads((DATA / "states.json").read_text(encoding="utf-8"))["states"])
    bad = {
        r["state"]
        for r in read_rows()
        if r["state"] not in ORGS and r["state"] not in curated and pycountry.countries.get(alpha_3=r["state"]) is None
    }
    assert not bad


def test_offices_allowed():
    bad = {
        r["office"]
        for r in read_rows()
        if r["office"] not in OFFICES and not re.fullmatch(r"other:\S.*\S|other:\S", r["office"])
    }
    assert not bad


def test_dates_parse_and_ordered():
    bad = []
    for r in read_rows():
        if not r["start"] or not DATE_RE.fullmatch(r["start"]):
            bad.append((r["name"], "start", r["start"]))
            continue
        if r["end"] and not DATE_RE.fullmatch(r["end"]):
            bad.append((r["name"], "end", r["end"]))
            continue
        try:
            s = earliest(r["start"])
            e = latest(r["end"]) if r["end"] else None
        except ValueError as exc:
            bad.append((r["name"], str(exc)))
            continue
        if e is not None and s > e:
            bad.append((r["name"], r["office"], r["start"], r["end"]))
        if s.year < 1940:
            bad.append((r["name"], "too early", r["start"]))
    assert not bad, bad[:10]


def test_aliases_well_formed():
    bad = []
    for r in read_rows():
        if not r["aliases"]:
            continue
        parts = r["aliases"].split("|")
        if any(not p or p != p.strip() for p in parts) or r["name"] in parts:
            bad.append((r["name"], r["aliases"]))
    assert not bad, bad[:10]


def test_no_duplicate_terms():
    counts = collections.Counter((r["name"], r["office"], r["state"], r["start"]) for r in read_rows())
    dups = [k for k, c in counts.items() if c > 1]
    assert not dups, dups[:10]


@pytest.mark.parametrize("state", REQUIRED_STATES)
def test_state_has_leader_on_2021_06_01(state):
    day = dt.date(2021, 6, 1)
    leaders = [
        r
        for r in read_rows()
        if r["state"] == state
        and r["office"] in ("head_of_state", "head_of_government")
        and certain_span(r)[0] <= day <= certain_span(r)[1]
    ]
    assert leaders, state


def test_single_holder_offices_do_not_overlap():
    groups = collections.defaultdict(list)
    for r in read_rows():
        if r["office"] in SINGLE_HOLDER:
            groups[(r["state"], r["office"])].append(r)
    bad = []
    for key, rows in groups.items():
        spans = sorted((certain_span(r), r["name"]) for r in rows)
        for i, ((s1, e1), n1) in enumerate(spans):
            for (s2, e2), n2 in spans[i + 1 :]:
                overlap = (min(e1, e2) - max(s1, s2)).days
                if overlap > 31:
                    bad.append((key, n1, n2, overlap))
    assert not bad, bad[:10]


def test_org_codes_only_for_org_offices():
    for r in read_rows():
        if r["state"] in ORGS:
            assert r["office"].startswith("other:"), r


def test_row_count():
    assert len(read_rows()) >= MIN_ROWS


def test_meta_file():
    import json

    meta = json.loads(META.read_text(encoding="utf-8"))
    dt.date.fromisoformat(meta["reviewed"])
    assert meta["coverage"]
    assert set(OFFICES) <= set(meta["offices"])
    reviewed = dt.date.fromisoformat(meta["reviewed"])
    # no term may start long after the date the data are said to be current to
    late = [r for r in read_rows() if earliest(r["start"]) > reviewed + dt.timedelta(days=366)]
    assert not late, late[:5]
