"""``manage.py generate_applications --count 100000``: many made-up applications, to measure the workspace at scale.

Spread like a busy year or three of the real site: city applications, company registrations and a few theme
suggestions; every state (most rows still open or active); the live clusters as interests and assignments;
some forty countries weighted like a real network; submission dates over ``--days`` days; and the log rows the
engine would have written for the path to each state (the submission, then each transition).

Rows are inserted in batches (a few statements per 2,000 rows), not through the services: no mail, no Wagtail
audit entries, no memberships for active rows, and no status link anyone holds. Generated applicants have
addresses at ``generated.example``; ``--reset`` deletes those rows (and only those) first, so a second run adds
rows unless asked otherwise. Made-up applicants do not belong in a real database: the command refuses to run
with ``DEBUG`` off unless given ``--force`` (the benchmark's production-like settings pass it).
"""

import random
import secrets
import time
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from workflows.models import Application, ApplicationState, TransitionLog
from workflows.references import reference_expression

from ...models import (
    CityApplication,
    CityApplicationFormPage,
    CompanyRegistration,
    CompanyRegistrationFormPage,
    ProjectStage,
    ThematicClusterPage,
    ThemeSuggestion,
    ThemeSuggestionFormPage,
    ThemeSuggestionState,
)

S = ApplicationState
DOMAIN = "generated.example"
BATCH = 2000

#: (state, weight, the transitions that lead there from "submitted")
APPLICATION_PATHS = [
    (S.SUBMITTED, 24, []),
    (S.REVIEWED, 14, [("review", S.SUBMITTED, S.REVIEWED)]),
    (S.CHANGES_REQUESTED, 5, [("request_changes", S.SUBMITTED, S.CHANGES_REQUESTED)]),
    (S.ASSIGNED, 10, [("review", S.SUBMITTED, S.REVIEWED), ("assign", S.REVIEWED, S.ASSIGNED)]),
    (
        S.ACTIVE,
        25,
        [("review", S.SUBMITTED, S.REVIEWED), ("assign", S.REVIEWED, S.ASSIGNED), ("activate", S.ASSIGNED, S.ACTIVE)],
    ),
    (S.REJECTED, 12, [("review", S.SUBMITTED, S.REVIEWED), ("reject", S.REVIEWED, S.REJECTED)]),
    (S.WITHDRAWN, 5, [("withdraw", S.SUBMITTED, S.WITHDRAWN)]),
    (
        S.ENDED,
        5,
        [
            ("review", S.SUBMITTED, S.REVIEWED),
            ("assign", S.REVIEWED, S.ASSIGNED),
            ("activate", S.ASSIGNED, S.ACTIVE),
            ("end", S.ACTIVE, S.ENDED),
        ],
    ),
]
T = ThemeSuggestionState
SUGGESTION_PATHS = [
    (T.SUBMITTED, 60, []),
    (T.ACCEPTED, 10, [("accept", T.SUBMITTED, T.ACCEPTED)]),
    (T.DECLINED, 30, [("decline", T.SUBMITTED, T.DECLINED)]),
]
#: Country codes, the first ones more often (a network's core members apply most).
COUNTRIES = (  # noqa: SIM905 - a list of words reads best as words
    "KR KR KR KR CN CN CN JP JP IN IN ID ID VN PH TH MY MN UZ KZ TR TR AE SA EG MA NG KE ZA ES ES MX MX "
    "BR CO PE AR CL US CA DE FR IT NL PT PL RU UA GB SE FI"
).split()
CITIES = (  # noqa: SIM905 - a list of words reads best as words
    "Seoul Busan Daegu Incheon Gwangju Daejeon Ulsan Suwon Changwon Goyang Beijing Chengdu Wuhan Tokyo "
    "Osaka Delhi Pune Jakarta Bandung Hanoi Manila Bangkok Kuala Ulaanbaatar Tashkent Almaty Istanbul "
    "Ankara Dubai Riyadh Cairo Rabat Lagos Nairobi Durban Madrid Bilbao Mexico Puebla Recife Medellin "
    "Lima Rosario Santiago Denver Montreal Hamburg Lyon Turin Utrecht Porto Gdansk Kazan Lviv Leeds "
    "Malmo Espoo"
).split()
FIRST = (  # noqa: SIM905 - a list of words reads best as words
    "Min-jun Ji-woo Wei Li Haruto Yui Arjun Priya Siti Budi Linh Maria Ahmet Fatima Amara Kwame Lucia Pablo Ana"
).split()
LAST = (  # noqa: SIM905 - a list of words reads best as words
    "Kim Lee Park Wang Zhang Sato Suzuki Sharma Patel Santoso Nguyen Garcia Yilmaz Hassan Okafor Silva Rossi"
).split()
TOPICS = (
    "bus priority signals",
    "open mobility data",
    "smart street lighting",
    "flood early warning",
    "digital permits",
    "waste sorting sensors",
    "citizen participation platform",
    "district heating optimisation",
    "air quality monitoring",
    "parking guidance",
    "e-government portal",
    "water leak detection",
)
STAFF = ("Reviewer", "Coordinator", "Cluster leader")


def _weighted(paths):
    return [state for state, weight, _path in paths for _ in range(weight)]


@contextmanager
def dates_as_given(*models_):
    """Insert the dates the generator sets, not "now" (the models' ``auto_now``/``auto_now_add``)."""
    changed = []
    for model in models_:
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
                changed.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _insert(model, rows, *, fields, returning=False):
    """One multi-row INSERT of ``rows`` into ``model``'s own table (a multi-table child's too, which
    ``bulk_create`` refuses); the new primary keys when ``returning``."""
    returned = model._base_manager._insert(
        rows,
        fields=fields,
        returning_fields=[model._meta.pk] if returning else None,
        raw=True,
        using="default",
    )
    return [row[0] for row in returned] if returning else None


class Command(BaseCommand):
    help = "Add many made-up applications (all kinds, states, clusters, countries, dates, with log rows)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000, help="How many submissions to add (100,000).")
        parser.add_argument("--days", type=int, default=3 * 365, help="Spread submissions over this many days.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed: the same seed makes the same rows.")
        parser.add_argument("--reset", action="store_true", help="Delete earlier generated rows first.")
        parser.add_argument("--force", action="store_true", help="Run although DEBUG is off.")

    def handle(self, *args, count, days, seed, reset, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this may be a real database. Made-up applicants do not belong there; "
                "add --force if this is a database for measuring."
            )
        if count < 0:
            raise CommandError("--count cannot be negative.")
        clusters = list(ThematicClusterPage.objects.live().order_by("pk").values_list("pk", flat=True))
        if not clusters:
            raise CommandError("No live cluster pages to apply to: run `manage.py load_initial_data` first.")
        self.random = random.Random(seed)  # noqa: S311 - made-up data, not secrets
        self.clusters = clusters
        self.now = timezone.now()
        self.days = max(days, 1)
        started = time.monotonic()
        if reset:
            deleted = generated_delete()
            self.stdout.write(f"Deleted {deleted} generated submissions.")
        companies = count // 4
        suggestions = count // 20
        cities = count - companies - suggestions
        with dates_as_given(Application, CityApplication, CompanyRegistration, ThemeSuggestion, TransitionLog):
            for kind, total in ((CityApplication, cities), (CompanyRegistration, companies)):
                for offset in range(0, total, BATCH):
                    self.add_applications(kind, min(BATCH, total - offset))
            for offset in range(0, suggestions, BATCH):
                self.add_suggestions(min(BATCH, suggestions - offset))
        analyze(Application, CityApplication, CompanyRegistration, ThemeSuggestion, TransitionLog)
        self.stdout.write(
            f"Added {cities} city applications, {companies} company registrations and {suggestions} theme "
            f"suggestions in {time.monotonic() - started:.1f} s."
        )

    # -- one row's made-up values --------------------------------------------------------------------------

    def dates(self, steps: int):
        """(submitted, state changed or None, the time of each of ``steps`` transitions)."""
        submitted = self.now - timedelta(seconds=self.random.randrange(self.days * 86400))
        moments, moment = [], submitted
        for _step in range(steps):
            moment = min(moment + timedelta(hours=self.random.randrange(2, 24 * 20)), self.now)
            moments.append(moment)
        return submitted, (moments[-1] if moments else None), moments

    def person(self, number: int) -> dict:
        first, last = self.random.choice(FIRST), self.random.choice(LAST)
        return {"applicant_name": f"{first} {last}", "applicant_email": f"{first}.{last}.{number}@{DOMAIN}".lower()}

    def common(self, *, state, form_page_id, submitted, changed) -> dict:
        return {
            "state": state,
            "form_page_id": form_page_id,
            "answers": {},
            "status_token_hash": secrets.token_hex(32),
            "fingerprint": secrets.token_hex(32),
            "submitted_at": submitted,
            "updated_at": changed or submitted,
            "state_changed_at": changed,
        }

    def log_rows(self, *, content_type_id, object_id, state, path, moments, submitted, applicant):
        rows = [
            TransitionLog(
                content_type_id=content_type_id,
                object_id=object_id,
                transition="submit",
                from_state="",
                to_state=path[0][1] if path else state,
                actor_label="applicant",
                by_applicant=True,
                timestamp=submitted,
            )
        ]
        for (name, source, target), moment in zip(path, moments, strict=True):
            by_applicant = name == "withdraw"
            rows.append(
                TransitionLog(
                    content_type_id=content_type_id,
                    object_id=object_id,
                    transition=name,
                    from_state=source,
                    to_state=target,
                    actor_label="applicant" if by_applicant else self.random.choice(STAFF),
                    by_applicant=by_applicant,
                    note="Generated." if name in ("reject", "end", "decline") else "",
                    timestamp=moment,
                )
            )
        return rows

    # -- batches ---------------------------------------------------------------------------------------------

    @transaction.atomic
    def add_applications(self, kind, size: int) -> None:
        content_type = ContentType.objects.get_for_model(kind)
        page_model = CityApplicationFormPage if kind is CityApplication else CompanyRegistrationFormPage
        form_page_id = page_model.objects.values_list("pk", flat=True).first()
        states = _weighted(APPLICATION_PATHS)
        paths = {state: path for state, _weight, path in APPLICATION_PATHS}
        parents, plans = [], []
        for number in range(size):
            state = self.random.choice(states)
            submitted, changed, moments = self.dates(len(paths[state]))
            person = self.person(self.random.randrange(10**9))
            assigned = self.random.choice(self.clusters) if any(n == "assign" for n, *_ in paths[state]) else None
            parents.append(
                Application(
                    kind_id=content_type.pk,
                    assigned_to_id=assigned,
                    **person,
                    **self.common(state=state, form_page_id=form_page_id, submitted=submitted, changed=changed),
                )
            )
            interests = self.random.sample(self.clusters, k=min(len(self.clusters), self.random.choice((1, 1, 2, 3))))
            if assigned is not None and assigned not in interests:
                interests[0] = assigned
            plans.append((state, paths[state], moments, submitted, interests, person, number))
        parent_fields = [f for f in Application._meta.local_concrete_fields if not f.primary_key]
        pks = _insert(Application, parents, fields=parent_fields, returning=True)
        Application.objects.filter(pk__in=pks).update(reference=reference_expression(kind))
        children, links, logs = [], [], []
        interest = kind._meta.get_field(kind.interest_field)
        through = interest.remote_field.through
        own, target = interest.m2m_field_name(), interest.m2m_reverse_field_name()
        for pk, (state, path, moments, submitted, interests, person, number) in zip(pks, plans, strict=True):
            children.append(kind(application_ptr_id=pk, **self.kind_values(kind, number)))
            links.extend(through(**{f"{own}_id": pk, f"{target}_id": page}) for page in interests)
            logs.extend(
                self.log_rows(
                    content_type_id=content_type.pk,
                    object_id=pk,
                    state=state,
                    path=path,
                    moments=moments,
                    submitted=submitted,
                    applicant=person,
                )
            )
        _insert(kind, children, fields=list(kind._meta.local_concrete_fields))
        through.objects.bulk_create(links, batch_size=BATCH)
        TransitionLog.objects.bulk_create(logs, batch_size=BATCH)

    def kind_values(self, kind, number: int) -> dict:
        city = self.random.choice(CITIES)
        topic = self.random.choice(TOPICS)
        common = {
            "country": self.random.choice(COUNTRIES),
            "role": self.random.choice(("Director", "Project manager", "CTO", "Adviser")),
            "consent_public_listing": self.random.random() < 0.6,
            "consent_privacy": True,
        }
        if kind is CityApplication:
            return {
                **common,
                "city": city,
                "phone": "",
                "organisation": f"Smart City Bureau, {city}",
                "project_title": f"{city} {topic}",
                "project_description": f"A pilot of {topic} in {city}, with the city's own data and partners.",
                "project_status": self.random.choice(ProjectStage.values),
                "partners_sought": "Cities with the same problem; universities.",
            }
        company = f"{self.random.choice(LAST)} {self.random.choice(('Systems', 'Labs', 'Mobility', 'Urban Tech'))}"
        return {
            **common,
            "company_name": company,
            "website": f"https://{company.lower().replace(' ', '-')}.example",
            "solution_name": f"{topic.capitalize()} kit",
            "solution_description": f"{company} offers {topic} for cities of every size.",
            "reference_projects": f"{city}, {self.random.choice(CITIES)}",
        }

    @transaction.atomic
    def add_suggestions(self, size: int) -> None:
        content_type = ContentType.objects.get_for_model(ThemeSuggestion)
        form_page_id = ThemeSuggestionFormPage.objects.values_list("pk", flat=True).first()
        states = _weighted(SUGGESTION_PATHS)
        paths = {state: path for state, _weight, path in SUGGESTION_PATHS}
        rows, plans = [], []
        for _number in range(size):
            state = self.random.choice(states)
            submitted, changed, moments = self.dates(len(paths[state]))
            person = self.person(self.random.randrange(10**9))
            common = self.common(state=state, form_page_id=form_page_id, submitted=submitted, changed=changed)
            rows.append(
                ThemeSuggestion(
                    **person,
                    **common,
                    organisation=f"City of {self.random.choice(CITIES)}",
                    proposed_theme=f"{self.random.choice(TOPICS).capitalize()} network",
                    why_it_matters="Many member cities work on it alone.",
                    interested_cities="\n".join(self.random.sample(CITIES, 3)),
                )
            )
            plans.append((state, paths[state], moments, submitted, person))
        fields = [f for f in ThemeSuggestion._meta.local_concrete_fields if not f.primary_key]
        pks = _insert(ThemeSuggestion, rows, fields=fields, returning=True)
        ThemeSuggestion.objects.filter(pk__in=pks).update(reference=reference_expression(ThemeSuggestion))
        logs = []
        for pk, (state, path, moments, submitted, person) in zip(pks, plans, strict=True):
            logs.extend(
                self.log_rows(
                    content_type_id=content_type.pk,
                    object_id=pk,
                    state=state,
                    path=path,
                    moments=moments,
                    submitted=submitted,
                    applicant=person,
                )
            )
        TransitionLog.objects.bulk_create(logs, batch_size=BATCH)


def analyze(*models_) -> None:
    """Vacuum and refresh PostgreSQL's statistics of the tables just filled, as after any bulk load (until
    autovacuum gets to them, the planner would still think them nearly empty and choose plans for a few rows,
    every search would read the trigram indexes' pending lists, ~10,000 unsorted entries each, and index-only
    scans would visit the rows). VACUUM cannot run in a transaction: there, statistics only."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    tables = {model._meta.db_table for model in models_}
    for model in models_:
        for field in model._meta.local_many_to_many:
            tables.add(field.remote_field.through._meta.db_table)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


@transaction.atomic
def generated_delete() -> int:
    """Delete the generated submissions (addresses at ``generated.example``), their log rows and interests."""
    deleted = 0
    generated = {"applicant_email__endswith": f"@{DOMAIN}"}
    for kind in (CityApplication, CompanyRegistration, ThemeSuggestion):
        pks = kind._base_manager.filter(**generated).values("pk")
        TransitionLog.objects.filter(content_type=ContentType.objects.get_for_model(kind), object_id__in=pks).delete()
        if kind.interest_field:
            interest = kind._meta.get_field(kind.interest_field)
            through = interest.remote_field.through
            through.objects.filter(**{f"{interest.m2m_field_name()}__in": pks}).delete()
        deleted += kind._base_manager.filter(**generated).count()
        kind._base_manager.filter(**generated).delete()
    return deleted
