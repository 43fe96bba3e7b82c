"""The office-holder gazetteer: who held which office of which state, from when to when.

The data is persons.tsv (one row per term of office: name, aliases, state, office, start, end) and
persons.meta.json (`reviewed`: the date up to which a role with no end is known to be held). Both
are written by hand; the loader takes any path so tests can bring a small file of their own, and it
tolerates what hand-written files have: a byte-order mark, blank and `#` comment lines, columns in
any order, dates at year or month precision. Rows it cannot read are skipped and listed in
`Gazetteer.problems`.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dateline.extract.actors.model import OFFICE_PRIORITY, Role, office_rank

_COLUMNS = ("name", "aliases", "state", "office", "start", "end")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
PARTICLES = frozenset(
    {
        "di",
        "de",
        "da",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "zu",
        "Di",
        "De",
        "Da",
        "Del",
        "Della",
        "Van",
        "Von",
        "Al",
        "El",
        "La",
        "Le",
        "Du",
    }
)


_LATELY_DAYS = 2 * 365
_HISTORY_DAYS = 10 * 365


def parse_date(text: str, *, end: bool = False) -> dt.date:
    """A YYYY, YYYY-MM or YYYY-MM-DD date: its first day, or its last day when `end`."""
    match = _DATE_RE.match(text.strip())
    if not match:
        raise ValueError(f"not a date: {text!r}")
    year = int(match.group(1))
    month = int(match.group(2) or (12 if end else 1))
    if match.group(3):
        return dt.date(year, month, int(match.group(3)))
    return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)


def ascii_fold(text: str) -> str:
    """`text` without diacritics ("Erdoğan" -> "Erdogan")."""
    if text.isascii():  # NFKD leaves ASCII as it is, and most names are ASCII
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def surname_of(name: str) -> str | None:
    """The part of a full name a later short mention uses: "Di Maio" of "Luigi Di Maio"."""
    tokens = [t for t in name.split() if t not in _SUFFIXES]
    if len(tokens) < 2:
        return tokens[0] if tokens and name.split()[-1] in _SUFFIXES else None
    for i in range(1, len(tokens) - 1):
        if tokens[i] in PARTICLES:
            return " ".join(tokens[i:])
    last = tokens[-1]
    return last if len(last) > 2 or not last.endswith(".") else None


@dataclass(slots=True)
class Person:
    """One person of the gazetteer: canonical name, other spellings, terms of office."""

    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def spellings(self) -> list[str]:
        """Canonical name, aliases and their forms without diacritics."""
        out: dict[str, None] = {}
        for spelling in (self.name, *self.aliases):
            out.setdefault(spelling)
            out.setdefault(ascii_fold(spelling))
        return list(out)

    def short_name(self, spelling: str) -> str | None:
        """The part of one of this person's full names that a later mention uses alone."""
        if " " not in spelling:
            return None
        if self.roles and all(r.state in _FIRST_NAME_SHORT for r in self.roles):
            return spelling.split()[0]
        return surname_of(spelling)


# States whose people English news calls by the first part of their names: the family name first
# ("Wang Yi" is "Wang", "Yoon Suk Yeol" is "Yoon", "Hun Sen" is "Hun"), or a given name and the
# father's ("Abiy Ahmed" is "Abiy", "Isaias Afwerki" is "Isaias").
_FIRST_NAME_SHORT = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM", "ETH", "ERI"})


@dataclass(slots=True)
class Gazetteer:
    """Persons by canonical name, with the review date and any rows that could not be read."""

    persons: dict[str, Person] = field(default_factory=dict)
    reviewed: dt.date | None = None
    problems: list[str] = field(default_factory=list)
    _by_office: dict[tuple[str, str], list[tuple[str, Role]]] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, path: Path | None = None, meta_path: Path | None = None) -> Gazetteer:
        """Read a persons TSV (default: the packaged one; a missing file gives an empty gazetteer)."""
        folder = resources.files("dateline.data").joinpath("actors")
        tsv = path if path is not None else Path(str(folder.joinpath("persons.tsv")))
        meta = meta_path if meta_path is not None else tsv.with_name(tsv.stem + ".meta.json")
        gazetteer = cls()
        if meta.is_file():
            reviewed = json.loads(meta.read_text(encoding="utf-8-sig")).get("reviewed")
            if reviewed:
                gazetteer.reviewed = parse_date(str(reviewed), end=True)
        if tsv.is_file():
            gazetteer.add_rows(tsv.read_text(encoding="utf-8-sig").splitlines())
        return gazetteer

    def add_rows(self, lines: Iterable[str]) -> None:
        """Add the rows of a TSV text (header first), skipping comments, blanks and bad rows."""
        rows = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
        if not rows:
            return
        reader = csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = [h.strip().lower() for h in next(reader)]
        if "name" not in header:
            header = list(_COLUMNS)
            reader = csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
        for number, cells in enumerate(reader, start=2):
            row = {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)}
            try:
                self._add(row)
            except (KeyError, ValueError) as error:
                self.problems.append(f"row {number}: {error}")

    def _add(self, row: dict[str, str]) -> None:
        name, state, office = row.get("name", ""), row.get("state", "").upper(), row.get("office", "")
        if not name or not state or not office:
            raise ValueError("name, state and office are required")
        if ":" not in office and office.lower().replace(" ", "_") in OFFICE_PRIORITY:
            office = office.lower().replace(" ", "_")
        start = parse_date(row.get("start") or "1900")
        end = parse_date(row["end"], end=True) if row.get("end") else None
        person = self.persons.setdefault(name, Person(name))
        for alias in (row.get("aliases") or "").split("|"):
            alias = alias.strip()
            if alias and alias != name and alias not in person.aliases:
                person.aliases.append(alias)
        person.roles.append(Role(state, office, start, end))
        self._by_office = None
        person.roles.sort(key=lambda r: (r.start, office_rank(r.office)))

    def active(self, name: str, on: dt.date | None) -> list[Role]:
        """The roles of a person held on `on`, most prominent first (None: the latest role)."""
        person = self.persons.get(name)
        if person is None or not person.roles:
            return []
        if on is None:
            latest = max(r.start for r in person.roles)
            return sorted((r for r in person.roles if r.start == latest), key=lambda r: office_rank(r.office))
        held = [r for r in person.roles if r.covers(on, self.reviewed)]
        return sorted(held, key=lambda r: office_rank(r.office))

    def choose(self, names: Iterable[str], on: dt.date | None, *, strict: bool) -> str | None:
        """Which of several persons sharing a spelling is meant at `on`.

        The one in office then; failing that (unless `strict`) the one whose terms are nearest.
        """
        candidates = sorted(set(names))
        if len(candidates) == 1:
            # A surname alone names someone in office lately, not a namesake long gone ("Day" in 2018
            # is no longer Stockwell Day, out of office since 2008).
            if strict and on is not None and self._days_from(candidates[0], on) > _LATELY_DAYS:
                return None
            return candidates[0]
        if on is None:
            if strict:
                return None
            return max(candidates, key=lambda n: max(r.start for r in self.persons[n].roles))
        held = [n for n in candidates if self.active(n, on)]
        if len(held) == 1:
            return held[0]
        if held:
            return None

        ranked = sorted((self._days_from(n, on), n) for n in candidates)
        if strict:
            # A surname alone: only someone who left office lately, when the namesake is history
            # ("Trudeau" in mid-2025 is Justin, out of office since March; Pierre left in 1984).
            (near, name), (far, _) = ranked[0], ranked[1]
            return name if near <= _LATELY_DAYS and far >= _HISTORY_DAYS else None
        return ranked[0][1]

    def _days_from(self, name: str, on: dt.date) -> int:
        """Days between `on` and the nearest term of office of a person (0 when in office then)."""
        days = []
        for r in self.persons[name].roles:
            end = r.end or self.reviewed or r.start
            days.append(0 if r.start <= on <= end else min(abs((on - r.start).days), abs((on - end).days)))
        return min(days)

    def holder(self, state: str, office: str, on: dt.date | None) -> str | None:
        """The one person who held `office` of `state` on `on`, if exactly one did."""
        if on is None:
            return None
        if self._by_office is None:
            self._by_office = {}
            for p in self.persons.values():
                for r in p.roles:
                    self._by_office.setdefault((r.state, r.office), []).append((p.name, r))
        found = {name for name, r in self._by_office.get((state, office), []) if r.covers(on, self.reviewed)}
        return found.pop() if len(found) == 1 else None
