"""Who leads a cluster moves off the page: ClusterLeadership rows, granted by coordinators.

The page's "leader accounts" (a field editors could publish) become ClusterLeadership rows, then the field
goes; the Coordinators get the permission to grant and revoke (add/delete/view). Old page revisions still
name ``leader_users`` in their JSON: Wagtail ignores fields the model no longer has when it restores one.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

LEADERSHIP_CODENAMES = ["add_clusterleadership", "delete_clusterleadership", "view_clusterleadership"]


def copy_leader_accounts(apps, schema_editor):
    ThematicClusterPage = apps.get_model("cluster_pages", "ThematicClusterPage")
    ClusterLeadership = apps.get_model("cluster_pages", "ClusterLeadership")
    through = ThematicClusterPage.leader_users.through
    ClusterLeadership.objects.bulk_create(
        [
            ClusterLeadership(cluster_id=row.thematicclusterpage_id, user_id=row.user_id)
            for row in through.objects.order_by("pk")
        ],
        ignore_conflicts=True,
    )


def copy_leaderships_back(apps, schema_editor):
    ThematicClusterPage = apps.get_model("cluster_pages", "ThematicClusterPage")
    ClusterLeadership = apps.get_model("cluster_pages", "ClusterLeadership")
    through = ThematicClusterPage.leader_users.through
    through.objects.bulk_create(
        [
            through(thematicclusterpage_id=row.cluster_id, user_id=row.user_id)
            for row in ClusterLeadership.objects.order_by("pk")
        ],
        ignore_conflicts=True,
    )


def grant_coordinators(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = apps.get_app_config("cluster_pages")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="cluster_pages", codename__in=LEADERSHIP_CODENAMES)
    )


class Migration(migrations.Migration):

    dependencies = [
        ('cluster_pages', '0008_join_page_help_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ClusterLeadership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('granted_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='granted at')),
                ('cluster', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='leaderships', to='cluster_pages.thematicclusterpage', verbose_name='cluster')),
                ('granted_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='granted by')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cluster_leaderships', to=settings.AUTH_USER_MODEL, verbose_name='leader account')),
            ],
            options={
                'verbose_name': 'cluster leadership',
                'verbose_name_plural': 'cluster leaders',
                'ordering': ['cluster__title', 'user__username'],
                'constraints': [models.UniqueConstraint(fields=('cluster', 'user'), name='one_leadership_per_cluster_and_user')],
            },
        ),
        migrations.RunPython(copy_leader_accounts, copy_leaderships_back),
        migrations.RemoveField(
            model_name='thematicclusterpage',
            name='leader_users',
        ),
        migrations.AlterField(
            model_name='thematicclusterpage',
            name='leader',
            field=models.ForeignKey(blank=True, help_text="The expert's public profile shown on the page. It gives no access: coordinators grant who manages this cluster's applications under Applications › Cluster leaders.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='led_clusters', to='cluster_pages.person', verbose_name='cluster leader'),
        ),
        migrations.RunPython(grant_coordinators, migrations.RunPython.noop),
    ]
