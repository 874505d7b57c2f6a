"""`bench/scale.py`'s settings: the benchmark settings, with API pages of up to 50 items (Wagtail's default
maximum is 20, for the staff list and the pages list alike) so that P5 can compare lists of 50."""

from bench.settings import *  # noqa: F403

WAGTAILAPI_LIMIT_MAX = 50
