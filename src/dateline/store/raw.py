"""The hot statements of ingest on the DBAPI cursor, with SQLAlchemy's conversions of dates.

Through SQLAlchemy a statement costs about three times what the database spends on it (building
the execution context, processing parameters and rows); the few statements run for every article
go to the cursor of the session's connection instead, inside the same transaction. Their SQL is
written with `?` placeholders and runs unchanged on SQLite and, with `%s`, on PostgreSQL; dates
and timestamps are converted by the dialect's own processors, so the rows are the ones SQLAlchemy
would write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


@cache
def _processors(dialect: Dialect) -> tuple[Convert, Convert, Convert]:
    """(date to the database, timestamp to the database, date from the database) for `dialect`."""
    date, stamp = Date().dialect_impl(dialect), DateTime().dialect_impl(dialect)
    return (
        date.bind_processor(dialect) or _same,
        stamp.bind_processor(dialect) or _same,
        date.result_processor(dialect, None) or _same,
    )


@cache
def _placeholders(paramstyle: str, sql: str) -> str:
    return sql if paramstyle == "qmark" else sql.replace("?", "%s")


class Cursor:
    """A DBAPI cursor in the session's transaction, taking SQL with `?` placeholders."""

    def __init__(self, session: Session) -> None:
        connection = session.connection()
        self.dialect = connection.dialect
        self.cursor = connection.connection.cursor()
        self.date, self.stamp, self.read_date = _processors(self.dialect)

    def sql(self, sql: str) -> str:
        """`sql` with the driver's placeholders."""
        return _placeholders(self.dialect.paramstyle, sql)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; the cursor, to fetch from."""
        self._run(self.cursor.execute, sql, params)
        return self.cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row."""
        self._run(self.cursor.executemany, sql, list(rows))

    def insert_returning_id(self, sql: str, params: Sequence[Any]) -> int:
        """Run an INSERT ... RETURNING id for one row; the new id."""
        self._run(self.cursor.execute, sql, params)
        (new_id,) = self.cursor.fetchone()
        return int(new_id)

    def _run(self, method: Callable[[str, Any], Any], sql: str, params: Any) -> None:
        """The driver's errors raised as SQLAlchemy's (IntegrityError, OperationalError...), as
        a statement run through SQLAlchemy would raise them."""
        dbapi = self.dialect.loaded_dbapi
        try:
            method(self.sql(sql), params)
        except dbapi.Error as exc:
            raise DBAPIError.instance(sql, params, exc, dbapi.Error, dialect=self.dialect) from exc

    def day(self, value: dt.date | None) -> Any:
        """A date as the database stores it."""
        return self.date(value)

    def time(self, value: dt.datetime | None) -> Any:
        """A timestamp as the database stores it."""
        return self.stamp(value)


def marks(count: int) -> str:
    """`?, ?, ?` for an IN list of `count` values."""
    return ", ".join("?" * count)
