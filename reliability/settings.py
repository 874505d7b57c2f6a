"""Settings of the reliability run: production's (DEBUG off, SMTP, the database task backend, every limit and
header), configured from the environment as in production, with three differences the run needs.

- Static files come from the finders (as in the benchmarks), so no collectstatic is needed on every run.
- The outbox's timers are short, so a killed worker's mail comes back in seconds instead of 5 to 15 minutes:
  the lease (``RELIABILITY_MAIL_LEASE``), a task taken for a dead worker's, the recovery interval and the retry
  backoff. The mechanism is the one production runs; only the waiting is shorter.
- The database-unavailable answer asks clients to retry after 1 second instead of 30.
"""

import os

from cms.settings.production import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True

WORKFLOW_FORMS_MAIL_LEASE = int(os.environ.get("RELIABILITY_MAIL_LEASE", "10"))
WORKFLOW_FORMS_TASK_STUCK_AFTER = int(os.environ.get("RELIABILITY_TASK_STUCK_AFTER", "12"))
WORKFLOW_FORMS_RECOVERY_INTERVAL = int(os.environ.get("RELIABILITY_RECOVERY_INTERVAL", "3"))
WORKFLOW_FORMS_MAIL_RETRY_DELAY = int(os.environ.get("RELIABILITY_MAIL_RETRY_DELAY", "5"))
WORKFLOW_FORMS_MAIL_RETRY_MAX_DELAY = int(os.environ.get("RELIABILITY_MAIL_RETRY_MAX_DELAY", "120"))
DATABASE_UNAVAILABLE_RETRY_AFTER = 1
