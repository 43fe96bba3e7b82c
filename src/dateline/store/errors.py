"""Errors raised by the store."""


class StoreError(Exception):
    """The database cannot be opened, migrated or read as asked."""
