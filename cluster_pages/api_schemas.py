"""How API v3 shows the field types Wagtail's schema generator does not know: countries and many-to-many links.

Registered from ``ClusterPagesConfig.ready()``, before the API builds its page schemas. With these, ``country``
and ``related_clusters`` are ordinary ``api_fields``, so ``/api/v3/pages/?type=...&country=ES`` and
``?related_clusters=<id>`` filter on them like on any other database field.
"""

from typing import Any

from django.db.models import ManyToManyField, Model
from django_countries.fields import CountryField
from ninja import Schema
from pydantic.fields import FieldInfo
from wagtail.api.v3.schemas.generators.read import SchemaGenerator, read_generator


class CountrySchema(Schema):
    code: str
    name: str


def country_schema(generator: SchemaGenerator, field: CountryField):
    """A country as ``{"code": "ES", "name": "Spain"}`` (the name in the request's language), or null when unset."""
    field_name = field.name

    def resolve(obj: Model) -> dict[str, str] | None:
        country = getattr(obj, field_name)
        return {"code": country.code, "name": str(country.name)} if country else None

    default = FieldInfo(default=None, description="ISO 3166-1 alpha-2 code and name; null when not set.")
    return CountrySchema | None, default, staticmethod(resolve)


def many_to_many_schema(generator: SchemaGenerator, field: ManyToManyField):
    """Linked objects as a list of ``{"id": ..., "meta": {"type": ...}}``, like Wagtail shows a foreign key."""
    field_name = field.name
    item = generator.get_foreign_key_schema(field.related_model)

    def resolve(obj: Model) -> Any:
        return list(getattr(obj, field_name).all())

    default = FieldInfo(default=[], description=f"The linked {field.related_model._meta.verbose_name_plural}.")
    return list[item], default, staticmethod(resolve)


def register() -> None:
    read_generator.register_field_schema(CountryField, country_schema)
    read_generator.register_field_schema(ManyToManyField, many_to_many_schema)
