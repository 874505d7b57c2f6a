"""Every user-facing string is translatable, and the ko, es and fr catalogs translate all of them.

- No template has a user-facing literal outside ``{% translate %}``/``{% blocktranslate %}`` (text between
  tags, and the ``alt``, ``title``, ``aria-label`` and ``placeholder`` attributes).
- ``makemessages`` run afresh on the source finds no message that a catalog leaves untranslated or fuzzy:
  a string added without its translations fails here, naming the string.
- Each committed catalog passes ``msgfmt --check`` (placeholders kept, plural forms well formed).
- The compiled catalogs are the ones Django uses: a few strings come out in each language.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType
from django.utils import translation

from .catalogs import REPO, catalogs

LANGUAGES = ("ko", "es", "fr")
TEMPLATE_DIRS = ("templates", "workflows/templates")
# Blocks whose content is a machine-readable value (a CSS class), not text for a person.
NON_TEXT_BLOCKS = {"body_class", "bodyclass"}  # the site's name, and the Wagtail admin's
NOT_FOR_PEOPLE = {"robots.txt", "security.txt"}
SKIPPED_TAGS = {"blocktranslate", "blocktrans", "comment", "verbatim"}
USER_FACING_ATTRIBUTES = re.compile(r'\b(alt|title|aria-label|aria-description|placeholder)\s*=\s*"([^"]*)"')
WORD = re.compile(r"[^\W\d_]{2,}")
SOURCES = ("cms", "cluster_pages", "home", "workflows", "templates", "locale", "manage.py")


def _text_outside_translation(source: str) -> str:
    """The template with every tag, variable and translated block replaced by a NUL character."""
    parts, skipping = [], []
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            bits = token.contents.split()
            name = bits[0] if bits else ""
            if name in SKIPPED_TAGS or (name == "block" and len(bits) > 1 and bits[1] in NON_TEXT_BLOCKS):
                skipping.append(name)
            elif (
                skipping
                and name in {f"end{skipping[-1]}", "endblock"}
                and (name != "endblock" or skipping[-1] == "block")
            ):
                skipping.pop()
            parts.append("\x00")
        elif token.token_type == TokenType.TEXT and not skipping:
            parts.append(token.contents)
        elif token.token_type != TokenType.COMMENT:
            parts.append("\x00")
    text = "".join(parts)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    return re.sub(r"<!--.*?-->", " ", text, flags=re.S)


def untranslated_literals(source: str) -> list[str]:
    text = _text_outside_translation(source)
    found = []
    for tag in re.finditer(r"<[^>]*>", text, re.S):
        for attribute in USER_FACING_ATTRIBUTES.finditer(tag.group(0)):
            if WORD.search(attribute.group(2).replace("\x00", " ")):
                found.append(f'{attribute.group(1)}="{attribute.group(2)}"')
    body = re.sub(r"&[a-zA-Z#0-9]+;", " ", re.sub(r"<[^>]*>", " ", text, flags=re.S))
    found += [line.strip() for line in body.replace("\x00", " ").splitlines() if WORD.search(line)]
    return found


def project_templates():
    for folder in TEMPLATE_DIRS:
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in {".html", ".txt"} and path.name not in NOT_FOR_PEOPLE:
                yield path


def test_the_scanner_finds_literals_and_ignores_translated_text():
    source = (
        '{% load i18n %}{% block body_class %}template-x{% endblock %}<p>{% translate "Fine" %}</p>'
        '<img alt="{% translate "Fine" %}" src="x.png"><a title="Untranslated title">{{ page.title }}</a>'
        "{% blocktranslate %}Also fine {{ x }}{% endblocktranslate %}<p>Forgotten words</p>"
    )
    assert untranslated_literals(source) == ['title="Untranslated title"', "Forgotten words"]


def test_no_template_has_an_untranslated_user_facing_string():
    offenders = {
        str(path.relative_to(REPO)): found
        for path in project_templates()
        if (found := untranslated_literals(path.read_text()))
    }
    assert offenders == {}


@pytest.mark.parametrize("po", catalogs(), ids=lambda po: str(po.relative_to(REPO)))
def test_each_catalog_passes_msgfmt_check(po):
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", "/dev/null", str(po)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_catalog_directory_has_each_language():
    for folder in ("locale", "workflows/locale"):
        for language in LANGUAGES:
            assert (REPO / folder / language / "LC_MESSAGES" / "django.po").exists(), (folder, language)


@pytest.fixture(scope="module")
def fresh_catalogs(tmp_path_factory) -> Path:
    """A copy of the source whose catalogs ``makemessages`` has just brought up to date."""
    copy = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns("__pycache__", "*.mo", "static", "migrations")
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy2(source, copy / name)
    command = [sys.executable, "manage.py", "makemessages", "--settings=cms.settings.dev", "--no-location", "--no-wrap"]
    command += [f"--locale={language}" for language in LANGUAGES]
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(command, cwd=copy, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, result.stderr
    return copy


@pytest.mark.parametrize("folder", ["locale", "workflows/locale"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_finds_nothing_left_to_translate(fresh_catalogs, folder, language):
    po = fresh_catalogs / folder / language / "LC_MESSAGES" / "django.po"
    missing = []
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(  # noqa: S603
            ["msgattrib", flag, "--no-obsolete", "--no-wrap", str(po)],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        )
        missing += [
            line.removeprefix("msgid ")
            for line in result.stdout.splitlines()
            if line.startswith("msgid ") and line != 'msgid ""'
        ]
    assert missing == [], f"{len(missing)} message(s) of {folder} need a {language} translation"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ko", "본문으로 건너뛰기"), ("es", "Saltar al contenido principal"), ("fr", "Aller au contenu principal")],
)
def test_the_compiled_catalogs_are_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Skip to main content") == expected
        # The plugin's own catalog, found through its app folder.
        assert translation.gettext("Internal notes") != "Internal notes"
