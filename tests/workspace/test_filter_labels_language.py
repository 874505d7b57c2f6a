"""The listing's filter labels follow the active language, though the FilterSet is built once per kind."""

from django.utils import translation

from cluster_pages.models import CityApplication
from workflows.admin.filters import filterset_for


def test_labels_built_in_english_are_shown_in_korean_to_a_korean_reader():
    filterset_for.cache_clear()
    with translation.override("en"):
        filters = filterset_for(CityApplication).base_filters
        assert str(filters["interest"].label) == "Clusters of interest"
        assert str(filters["country"].label) == "Country"

    with translation.override("ko"):
        assert str(filters["interest"].label) == "관심 클러스터"
        assert str(filters["country"].label) == "국가"
