"""What the listings' cards show of a page: its image, and the related clusters an editor may tick."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ListingImageMixin(models.Model):
    """A page with an image on its card in listings (a drawn illustration of its kind stands in without one)."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on this page's card in listings and at the top of the page. A photo of the work itself."),
    )

    class Meta:
        abstract = True


class RelatedClustersForm(WagtailAdminPageForm):
    """Offers as related clusters only the live clusters in the page's own language (and any already chosen)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("related_clusters")
        if field is None:
            return
        cluster_model = apps.get_model("cluster_pages", "ThematicClusterPage")
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        offered = cluster_model.objects.live()
        if locale_id is not None:
            offered = offered.filter(locale_id=locale_id)
        chosen = [cluster.pk for cluster in self.instance.related_clusters.all()] if self.instance.pk else []
        field.queryset = (
            cluster_model.objects.filter(models.Q(pk__in=offered.values("pk")) | models.Q(pk__in=chosen))
            .order_by("title")
            .distinct()
        )
