"""Telling state codes from organisation codes."""

from __future__ import annotations

from functools import cache

import pycountry

# Codes in use for states that ISO 3166-1 has not assigned (Kosovo, as the EU and CAMEO use it).
USER_ASSIGNED_STATES = frozenset({"XKX"})


@cache
def is_state_code(code: str) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-3 state code (ICC, WHO and WTO are not)."""
    if code in USER_ASSIGNED_STATES:
        return True
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None
