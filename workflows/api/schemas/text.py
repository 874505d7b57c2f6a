"""Bounds every text in a body shares."""

#: Texts the database can store: PostgreSQL refuses NUL (the service checks it too; the document says so).
NO_NUL = r"^[^\x00]*$"
