"""Builders for the raw StreamField data of BodyBlock (cluster_pages/blocks.py)."""

from wagtail.models import Page


def heading(text: str, *, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, *, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def call_to_action(text: str, *, button_label: str, page: Page | None = None, url: str = "") -> dict:
    return {
        "type": "call_to_action",
        "value": {"text": text, "page": page.pk if page else None, "url": url, "button_label": button_label},
    }


def live_figure(figure: str, *, caption: str = "") -> dict:
    return {"type": "live_figure", "value": {"figure": figure, "caption": caption}}


def year_figure(value: str, label: str, *, year: int, source_url: str = "", source_name: str = "") -> dict:
    return {
        "type": "year_figure",
        "value": {"value": value, "label": label, "year": year, "source_url": source_url, "source_name": source_name},
    }
