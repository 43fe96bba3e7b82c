"""The library functions behind every command: ingest, queries, exports.

The CLI is a thin wrapper over these; notebooks can call them directly.
"""
