"""What wagtail-localize's translation editor offers on the site's pages: words, never names a program reads.

wagtail-localize offers every text field to translators unless the model says otherwise
(``override_translatable_fields``, read by ``wagtail_localize.fields.get_translatable_fields``).
"""

from wagtail_localize.fields import SynchronizedField

#: The slug is the same in every language, so ``/ko/…`` mirrors ``/en/…`` (README, "Languages"); offered for
#: translation it stood alone on the Promote tab, and every publish said a translation was missing.
PAGE_FIELDS = [SynchronizedField("slug", overridable=False)]

#: A time zone is a tz database name ("Asia/Seoul"): translated ("서울 시간") it fails validation on publish.
#: An event's sessions are its original's in every language (people register for those, see
#: ``cluster_pages.meetings``): copied to a translation, never offered for translating.
EVENT_FIELDS = [
    *PAGE_FIELDS,
    SynchronizedField("time_zone", overridable=False),
    SynchronizedField("sessions", overridable=False),
]
