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
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from workflows.models import Application, TransitionLog
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
)
from ..bulk import analyze, dates_as_given, rows_insert
from ..made_up import (
    APPLICATION_PATHS,
    CITIES,
    COUNTRIES,
    FIRST,
    LAST,
    STAFF,
    SUGGESTION_PATHS,
    TOPICS,
    weighted_states,
)

DOMAIN = "generated.example"
BATCH = 2000


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
        states = weighted_states(APPLICATION_PATHS)
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
        pks = rows_insert(Application, parents, fields=parent_fields, returning=True)
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
        rows_insert(kind, children, fields=list(kind._meta.local_concrete_fields))
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
        states = weighted_states(SUGGESTION_PATHS)
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
        pks = rows_insert(ThemeSuggestion, rows, fields=fields, returning=True)
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
