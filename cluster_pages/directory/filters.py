"""The directory's filters (django-filter), applied to the cached entries rather than to a queryset: the entries
come from two kinds of application grouped in Python (``selectors``), so filtering them costs no query.

Each choice offers only values some listed entry has, so no choice leads to an empty page.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .entries import type_choices

SEARCH_MAX_LENGTH = 100


class Entries(list):
    """A list of entries that django-filter can take as its ``queryset`` (it reads ``model`` and calls ``all()``)."""

    model = None

    def all(self):
        return Entries(self)


def _cluster_choices(entries) -> list[tuple[str, str]]:
    clusters = {cluster for entry in entries for cluster in entry.clusters}
    return [
        (str(cluster.pk), cluster.title) for cluster in sorted(clusters, key=lambda cluster: cluster.title.casefold())
    ]


def _country_choices(entries) -> list[tuple[str, str]]:
    names = {entry.country_code: entry.country_name for entry in entries if entry.country_code}
    return sorted(names.items(), key=lambda item: item[1].casefold())


def _type_choices(entries) -> list[tuple[str, str]]:
    used = {entry.type for entry in entries}
    return [(value, label) for value, label in type_choices() if value in used]


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("A name, a city, a country or a project."),
    )
    cluster = django_filters.ChoiceFilter(label=_("Cluster"), method="in_cluster", empty_label=_("All clusters"))
    country = django_filters.ChoiceFilter(label=_("Country"), method="in_country", empty_label=_("All countries"))
    type = django_filters.ChoiceFilter(label=_("Type"), method="of_type", empty_label=_("All types"))

    def __init__(self, data=None, *, entries, **kwargs):
        super().__init__(data, queryset=Entries(entries), **kwargs)
        self.filters["cluster"].extra["choices"] = _cluster_choices(entries)
        self.filters["country"].extra["choices"] = _country_choices(entries)
        self.filters["type"].extra["choices"] = _type_choices(entries)

    def filter_queryset(self, queryset):
        """Each valid filter in turn (django-filter's own asserts that each returns a QuerySet)."""
        for name, value in self.form.cleaned_data.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def search(self, entries, name, value):
        words = value.casefold().split()
        return Entries(entry for entry in entries if all(word in entry.search_text for word in words))

    def in_cluster(self, entries, name, value):
        return Entries(entry for entry in entries if any(str(cluster.pk) == value for cluster in entry.clusters))

    def in_country(self, entries, name, value):
        return Entries(entry for entry in entries if entry.country_code == value)

    def of_type(self, entries, name, value):
        return Entries(entry for entry in entries if entry.type == value)

    @property
    def entries(self) -> list:
        """The entries that pass the filters; all of them while the filters are not valid."""
        if self.is_bound and not self.is_valid():
            return list(self.queryset)
        return list(self.qs)
