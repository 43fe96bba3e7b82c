"""Start-up: a query loads none of the libraries that only ingest, migrations or other formats need.

Importing them (Alembic, matplotlib, python-docx, icalendar, lemminflect, dateparser and
extraction's own modules) took over a second, longer than any query over a million events.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.store.engine import open_database

HEAVY = [
    "alembic", "matplotlib", "docx", "icalendar", "lemminflect", "dateparser", "dask", "trafilatura",
    "charset_normalizer", "dateline.extract.pipeline", "dateline.extract.timex", "dateline.extract.events.lexicon",
]  # fmt: skip

PROBE = """
import json, sys
from dateline.cli.app import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _loaded(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["events", "--between", "Italy", "Ukraine", "--year", "2021"],
        ["events", "--person", "Di Maio", "--format", "json"],
        ["timeline", "--country", "ITA"],
        ["show", "1"],
    ],
    ids=lambda a: " ".join(a),
)
def test_queries_load_no_heavy_library(tmp_path: Path, args: list[str]) -> None:
    """`--help` and the queries on a database at the newest revision import none of HEAVY."""
    path = tmp_path / "q.db"
    open_database(str(path)).engine.dispose()
    argv = args if args == ["--help"] else [*args, "--db", str(path)]
    loaded = _loaded(*argv)
    assert [m for m in HEAVY if m in loaded] == []


def test_ingest_still_loads_extraction(tmp_path: Path) -> None:
    """The probe can see a heavy import: `ingest` loads extraction's lexicon."""
    article = tmp_path / "a.txt"
    article.write_text("On June 10, 2021, Italy and Ukraine signed an agreement.\n")
    loaded = _loaded("ingest", str(article), "--published", "2021-06-11", "--db", str(tmp_path / "i.db"))
    assert "dateline.extract.events.lexicon" in loaded
