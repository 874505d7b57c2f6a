"""Compile the gettext catalogs (``.po`` → ``.mo``) that are newer than their compiled file.

The ``.mo`` files are build output, never committed: ``make`` compiles them (``make messages``), and the
test sessions call :func:`compile_stale_catalogs` so a plain ``pytest`` also runs on current translations.
"""

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CATALOG_DIRS = (REPO / "locale", REPO / "workflows" / "locale")


def catalogs() -> list[Path]:
    return sorted(po for folder in CATALOG_DIRS for po in folder.glob("*/LC_MESSAGES/*.po"))


def compile_stale_catalogs() -> None:
    for po in catalogs():
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            partial = mo.with_name(f"{mo.name}.{os.getpid()}")  # parallel test workers never read half a file
            subprocess.run(["msgfmt", "--check", "-o", str(partial), str(po)], check=True)  # noqa: S603, S607
            partial.replace(mo)
