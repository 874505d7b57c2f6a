"""Applications › Cluster leaders: coordinators grant and revoke who leads each cluster.

A grant is never edited (change who leads = revoke one, grant another), so the policy refuses "change"
to everyone, superusers included; the create and delete views go through the services, which log each
grant and revocation on the cluster page's history.
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from ..clusters_once import clusters_once, local_title
from ..models import ClusterLeadership, ThematicClusterPage
from .selectors import staff_accounts
from .services import GRANT_ACTION, REVOKE_ACTION, cluster_leadership_grant, cluster_leadership_revoke


def account_label(user) -> str:
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


class ClusterLeadershipForm(WagtailAdminModelForm):
    """The cluster and a staff account: any other account (applicant, member) is not a valid choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each cluster once: leaders are granted its default-language page, named in the coordinator's language.
        self.fields["cluster"].queryset = clusters_once(ThematicClusterPage.objects.all())
        self.fields["cluster"].label_from_instance = local_title
        self.fields["user"].queryset = staff_accounts()
        self.fields["user"].label_from_instance = account_label


class LeadershipPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)


class LeadershipIndexView(IndexView):
    add_item_label = _("Grant leadership")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cluster", "user", "granted_by")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for button in buttons:
            if button.url == self.get_delete_url(instance):
                button.label = _("Revoke")
        return buttons


class LeadershipCreateView(CreateView):
    page_title = _("Grant cluster leadership")
    page_subtitle = _("Grant cluster leadership")

    def get_breadcrumbs_items(self):
        *items, _last = super().get_breadcrumbs_items()
        return [*items, {"url": "", "label": self.page_title}]

    submit_button_label = _("Grant leadership")
    submit_button_active_label = _("Granting…")

    def save_instance(self):
        return cluster_leadership_grant(
            cluster=self.form.cleaned_data["cluster"], user=self.form.cleaned_data["user"], granted_by=self.request.user
        )

    def get_success_message(self, instance):
        return _("%(leadership)s: granted.") % {"leadership": instance}

    def get_success_buttons(self):
        return []


class LeadershipDeleteView(DeleteView):
    page_title = _("Revoke cluster leadership")
    template_name = "cluster_pages/admin/cluster_leadership_revoke.html"

    @property
    def confirmation_message(self):
        return _("Revoke %(user)s's leadership of %(cluster)s? They will no longer see or manage its applications.") % {
            "user": account_label(self.object.user),
            "cluster": self.object.cluster.title,
        }

    def get_usage_url(self):
        return None  # nothing refers to a grant: no "referenced 0 times" on the confirmation

    def get_success_message(self):
        return _("%(leadership)s: revoked.") % {"leadership": self.object}

    def delete_action(self):
        cluster_leadership_revoke(leadership=self.object, revoked_by=self.request.user)


class ClusterLeaderViewSet(ModelViewSet):
    model = ClusterLeadership
    name = "cluster_leaders"
    icon = "key"
    menu_label = _("Cluster leaders")
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False
    edit_handler = ObjectList(
        [
            FieldPanel("cluster", widget=forms.Select),
            FieldPanel(
                "user",
                widget=forms.Select,
                help_text=_(
                    "Only staff accounts are offered. The leader may then see and activate or end this cluster's "
                    "applications, including the applicants' personal data."
                ),
            ),
        ],
        base_form_class=ClusterLeadershipForm,
    )
    create_template_name = "cluster_pages/admin/cluster_leadership_grant.html"
    index_view_class = LeadershipIndexView
    add_view_class = LeadershipCreateView
    delete_view_class = LeadershipDeleteView
    list_display = [
        "cluster",
        Column("user", label=_("Leader account"), accessor=lambda row: account_label(row.user)),
        Column(
            "granted_by",
            label=_("Granted by"),
            accessor=lambda row: account_label(row.granted_by) if row.granted_by else "—",
        ),
        DateColumn("granted_at", label=_("Granted"), sort_key="granted_at"),
    ]
    list_filter = ["cluster"]
    ordering = ["cluster__title", "user__username"]

    @cached_property
    def url_prefix(self):
        return "applications/cluster-leaders"

    def register_permissions(self):
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, LeadershipPermissionPolicy(self.model), exact_class=True)
        super().register_permissions()


class LeadershipLogFormatter(LogFormatter):
    template = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        name = data.get("name") or ""
        account = f"{name} ({data.get('username', '')})" if name else data.get("username", "")
        return str(self.template) % {"account": account}


class LeadershipGranted(LeadershipLogFormatter):
    label = _("Cluster leadership granted")
    template = _("Leadership of this cluster granted to %(account)s")


class LeadershipRevoked(LeadershipLogFormatter):
    label = _("Cluster leadership revoked")
    template = _("Leadership of this cluster revoked from %(account)s")


def register_log_actions(actions) -> None:
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    actions.register_action(GRANT_ACTION)(LeadershipGranted)
    actions.register_action(REVOKE_ACTION)(LeadershipRevoked)
