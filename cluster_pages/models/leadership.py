"""Who leads a cluster: an access grant made by coordinators, apart from the page editors maintain.

A leader may see the applications assigned to the cluster (applicants' personal data) and activate or end
them, so the grant is an access decision: it is changed only in Applications › Cluster leaders (see
``cluster_pages.leadership``), never by publishing the page. The page's ``leader`` (a Person snippet) is
the public profile shown to visitors.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClusterLeadership(models.Model):
    """``user`` leads ``cluster``: they manage the applications assigned to it."""

    cluster = models.ForeignKey(
        "cluster_pages.ThematicClusterPage",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="leaderships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader account"),
        on_delete=models.CASCADE,
        related_name="cluster_leaderships",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("cluster leadership")
        verbose_name_plural = _("cluster leaders")
        ordering = ["cluster__title", "user__username"]
        constraints = [models.UniqueConstraint(fields=["cluster", "user"], name="one_leadership_per_cluster_and_user")]

    def __str__(self):
        return _("%(user)s leads %(cluster)s") % {
            "user": self.user.get_full_name() or self.user.get_username(),
            "cluster": self.cluster.title,
        }
