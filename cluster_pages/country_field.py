"""A country field checked by its code: django-countries' field, without listing the world to check one answer.

django-countries checks a country the way Django checks any choice: by walking the choices, here some 250
countries translated into the active language and sorted by name, once in the form field and again in the
model's ``full_clean``. A submission paid that twice (about a tenth of its Python time, ``bench/README.md``).
The codes are already a dictionary (``countries.countries``, cached, ``COUNTRIES_ONLY`` and
``COUNTRIES_OVERRIDE`` applied): both checks look the code up there, with the same messages.
"""

from django.core.exceptions import ValidationError
from django_countries import countries
from django_countries.fields import CountryField, LazyTypedChoiceField


class CountryCodeChoiceField(LazyTypedChoiceField):
    """The form field: a value is valid when it is one of the codes (the select still lists every name)."""

    #: The model field's ``Countries`` (set by ``CountryCodeField.formfield``); django-countries' own otherwise.
    countries = countries

    def valid_value(self, value) -> bool:
        return str(value) in self.countries


class CountryCodeField(CountryField):
    """``CountryField`` whose form field and model validation look the code up (see the module docstring)."""

    def deconstruct(self):
        # The column is django-countries' own: migrations record that field, so swapping it in changed no table
        # (and SQLite rebuilt none).
        name, _path, args, kwargs = super().deconstruct()
        return name, "django_countries.fields.CountryField", args, kwargs

    def formfield(self, **kwargs):
        if not self.multiple:
            kwargs.setdefault("choices_form_class", CountryCodeChoiceField)
        field = super().formfield(**kwargs)
        if isinstance(field, CountryCodeChoiceField):
            field.countries = self.countries
        return field

    def validate(self, value, model_instance):
        if self.multiple or not self.editable:
            return super().validate(value, model_instance)
        # Django's Field.validate, with the choices' walk replaced by a look-up among the field's own codes.
        if value not in self.empty_values and str(value) not in self.countries:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        if value is None and not self.null:
            raise ValidationError(self.error_messages["null"], code="null")
        if not self.blank and value in self.empty_values:
            raise ValidationError(self.error_messages["blank"], code="blank")
        return None
