"""Row ids from a query string or a form: plain ASCII digits a database key can hold, or nothing.

``"²".isdigit()`` is true and ``int("²")`` fails; a 30-digit number overflows SQLite and PostgreSQL alike.
Both must select nothing rather than fail the request.
"""

#: The largest primary key any database holds (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def row_id(value) -> int | None:
    """``value`` as a positive database id, or None when it cannot be one."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def row_ids(values) -> list[int]:
    """The values that can be ids, as ints, in their order; the rest left out."""
    return [number for number in map(row_id, values) if number is not None]
