"""Path and query parameters the plugin's routers share, with their bounds stated in the schema."""

from typing import Annotated

import ninja
from ninja import Field
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination, _get_max_limit

from .wagtail_compat import MAX_OFFSET

#: Ids above this reach no row, and past 2**63 SQLite fails with a 500: refused as invalid instead.
MAX_ID = 2**31 - 1
ObjectId = Annotated[int, ninja.Path(ge=1, le=MAX_ID)]
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def max_page_size() -> int | None:
    limit = _get_max_limit()
    return None if limit == float("inf") else int(limit)


class Pagination(WagtailLimitOffsetPagination.Input):
    """Wagtail's v3 limit/offset, with its maximum page size stated in the schema."""

    limit: int = Field(default=20, ge=1, le=max_page_size())
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)
