import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from tests.site_forms.support import forms, private_media  # noqa: F401 - fixtures


@pytest.fixture
def korean_tree(forms):  # noqa: F811 - the fixture above
    """The Korean page tree as wagtail-localize's synchronisation makes it: an alias of every English page."""
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    return forms
