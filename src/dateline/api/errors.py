"""Errors a user can fix: bad arguments, unknown names, unusable databases."""


class UserError(Exception):
    """Something the user asked for cannot be done as asked; the message says what to do."""
