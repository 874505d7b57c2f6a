from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cluster_pages import old_addresses, seo
from cluster_pages import views as cluster_views
from cluster_pages.membership import views as account_views
from cms.password_reset import StaffPasswordResetView

# A 500 caused by an unreachable database answers 503 with Retry-After (see cms/database_unavailable.py).
handler500 = "cms.database_unavailable.server_error"

# Outside the language prefix: the admin (in each editor's own language), the API (``?locale=``), files,
# and what robots and browsers ask for at fixed addresses.
urlpatterns = [
    # Wagtail's "forgotten password" page with the mail queued and rate-limited (cms/password_reset.py).
    path("admin/password_reset/", StaffPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api_v3.urls),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", seo.security_txt, name="security_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": seo.MultilingualSitemap}}, name="sitemap"),
    path("favicon.ico", seo.favicon),
    # Wagtail's own bare login page (linked from mails sent before the site had its own): the site's instead.
    path("_util/login/", RedirectView.as_view(pattern_name="member_login", query_string=True, permanent=True)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What visitors read, under a language prefix (/en/, /ko/...), as Wagtail's internationalisation guide
# recommends. An address without one (a link in a mail sent before, a bookmark) is redirected by
# LocaleMiddleware to the same address in the visitor's language, so no old link answers 404.
urlpatterns += i18n_patterns(
    path("search/", cluster_views.search, name="search"),
    # The workflow-forms plugin: applicants' status pages, "lost your link?", staff file downloads.
    path("applications/", include("workflows.urls")),
    # Members sign in with their e-mail address; members-only pages send visitors here (WAGTAIL_FRONTEND_LOGIN_URL).
    path("account/login/", account_views.MemberLoginView.as_view(), name="member_login"),
    path("account/logout/", auth_views.LogoutView.as_view(next_page="/"), name="member_logout"),
    path("account/password-reset/", account_views.MemberPasswordResetView.as_view(), name="member_password_reset"),
    path(
        "account/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html"),
        name="member_password_reset_done",
    ),
    # Cluster members set their password from the invitation mail (Django's password-reset token views).
    path(
        "account/set-password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("member_set_password_done")),
        name="member_set_password",
    ),
    path(
        "account/set-password/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="member_set_password_done",
    ),
    # The company registration became the partner registration (/join/partner/): old links and bookmarks follow.
    path("join/company/", old_addresses.partner_registration_moved, name="partner_registration_moved"),
    # Wagtail's page pattern allows no "." (wagtail/wagtail#3653); let the events' .ics sub-routes reach its serve view.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", wagtail_views.serve, name="wagtail_serve_ics"),
    path("", include(wagtail_urls)),
)
