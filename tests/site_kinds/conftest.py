from tests.site_forms.support import forms, private_media  # noqa: F401 - fixtures
