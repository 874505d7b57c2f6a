"""Create a page under its parent unless one already holds its slug; publish what is created."""

from wagtail.models import Page

from .report import DemoContentError, LoadReport


def page_kind(page_class: type[Page]) -> str:
    return str(page_class._meta.verbose_name_plural)


def page_ensure(*, parent: Page, page_class: type[Page], slug: str, title: str, report: LoadReport, **fields) -> Page:
    """The ``page_class`` page at ``parent``/``slug``: created and published if missing, left untouched if present.

    ``fields`` may include inline children and parental many-to-many values (modelcluster saves them with
    the page). A page of another type at the slug is an error rather than something to overwrite.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, page_class):
            raise DemoContentError(
                f"{existing.url_path} is a {type(existing).__name__}, not a {page_class.__name__}; "
                "move or rename it, then run load_initial_data again."
            )
        report.record(page_kind(page_class), created=False)
        return existing
    page = page_class(title=title, slug=slug, **fields)
    parent.add_child(instance=page)  # live pages are fully validated (full_clean) before saving
    page_publish(page=page)
    report.record(page_kind(page_class), created=True, obj=page)
    return page


def page_publish(*, page: Page) -> None:
    """Publish the page's current state as a new revision (which also updates the search index)."""
    page.save_revision().publish()
