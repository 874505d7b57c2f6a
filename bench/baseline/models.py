"""A stock ``wagtail.contrib.forms`` e-mail form page: what a Wagtail site gets without the workflow plugin."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField


class BaselineFormField(AbstractFormField):
    page = ParentalKey("BaselineFormPage", on_delete=models.CASCADE, related_name="form_fields")


class BaselineFormPage(AbstractEmailForm):
    template = "baseline/baseline_form_page.html"
    landing_page_template = "baseline/baseline_form_page_landing.html"


class BareSubmission(models.Model):
    """What the bare view of ``make bench-http`` inserts: one row per POST."""

    name = models.CharField(max_length=255)
    email = models.EmailField()
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.name} <{self.email}>"
