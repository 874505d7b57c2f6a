from tests.api.conftest import anonymous, staff, submit_city  # noqa: F401 - fixtures
from tests.site_forms.support import forms, private_media  # noqa: F401 - fixtures
