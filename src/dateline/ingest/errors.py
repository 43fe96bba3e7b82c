"""Errors raised while reading articles."""


class ReadError(Exception):
    """A file, or one record of a file, cannot be read as an article.

    `location` is the path, with `:LINE` for a JSON Lines record; the message says why.
    """

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason
