"""`python bench/reports.py`: the pipeline reports (Reports → Pipeline) with 100,000 generated applications.

Uses ``bench/scale.py``'s database and data: BENCH_DATABASE_URL (e.g. a PostgreSQL database made for this, topped
up with ``generate_applications`` to ``--rows`` submissions, so a second run starts at once) or a throwaway SQLite
file. The generated applications come with their transition log; this script adds assessment requests (a fifth
of the applications, three reviewers each, most given with scores) once, so the assessment reports have rows to
count. Prints, per report and period, the median and 95th percentile in ms over BENCH_ROUNDS timed calls after a
warm-up, and the queries of one call: each report's CSV download (one report computed and written), and the
whole page (every report, charts and tables). As the demo coordinator (every application) and as the demo leader
(their clusters only). Figures, not pass/fail.

    python bench/reports.py                  # 100,000 rows
    python bench/reports.py --rows 2000      # small mode, seconds
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scale import coordinator_user, measure, prepare, setup

SLUGS = ("states", "funnel", "time-per-kind", "time-per-target", "reviewers", "scores")
ASSESSED_SHARE = 5  # one application in five is asked for assessments


def add_assessments() -> int:
    """Three requests for every fifth generated application (once): most given with scores, some declined."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    from cluster_pages.management.commands.generate_applications import DOMAIN
    from workflows.models import Application, Assessment, AssessmentCriterion, AssessmentScore

    if Assessment.objects.filter(comment="bench").exists():
        return Assessment.objects.filter(comment="bench").count()
    User = get_user_model()
    reviewers = [
        User.objects.get_or_create(username=f"bench-reviewer-{n}", defaults={"first_name": "Bench", "last_name": n})[0]
        for n in range(12)
    ]
    chooser = random.Random(11)
    rows = Application.objects.filter(applicant_email__endswith=f"@{DOMAIN}").values_list(
        "pk", "kind_id", "state", "submitted_at"
    )
    criteria = {}
    for kind_id in {kind for _pk, kind, _s, _t in rows[:1000]}:
        kind = ContentType.objects.get_for_id(kind_id)
        criteria[kind_id] = list(AssessmentCriterion.objects.filter(kind=kind)) or [
            AssessmentCriterion.objects.create(kind=kind, name=f"Bench criterion {n}", sort_order=n) for n in (1, 2, 3)
        ]
    batch, scores = [], []
    for pk, kind_id, state, submitted in rows.iterator(chunk_size=5000):
        if pk % ASSESSED_SHARE:
            continue
        for reviewer in chooser.sample(reviewers, 3):
            asked = submitted + timedelta(hours=chooser.randrange(1, 72))
            fate = chooser.random()
            batch.append(
                Assessment(
                    requested_at=asked,
                    content_type_id=kind_id,
                    object_id=pk,
                    reviewer=reviewer,
                    round=1,
                    state=state,
                    due_date=(asked + timedelta(days=14)).date(),
                    given_at=asked + timedelta(days=chooser.randrange(1, 20)) if fate < 0.7 else None,
                    declined_at=asked + timedelta(days=1) if 0.7 <= fate < 0.8 else None,
                    decline_reason="unavailable" if 0.7 <= fate < 0.8 else "",
                    comment="bench",
                )
            )
        if len(batch) >= 6000:
            scores += _save(batch, criteria)
            batch = []
    scores += _save(batch, criteria)
    AssessmentScore.objects.bulk_create(scores, batch_size=5000)
    return Assessment.objects.filter(comment="bench").count()


def _save(batch, criteria) -> list:
    from cluster_pages.management.bulk import dates_as_given
    from workflows.models import Assessment, AssessmentScore

    with dates_as_given(Assessment):  # asked after the submission, not now
        saved = Assessment.objects.bulk_create(batch, batch_size=5000)
    chooser = random.Random(len(saved))
    return [
        AssessmentScore(assessment=assessment, criterion=criterion, score=chooser.randint(1, 5))
        for assessment in saved
        if assessment.given_at is not None
        for criterion in criteria.get(assessment.content_type_id, [])
    ]


def leader_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="leader")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="generated submissions (default 100,000)")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "7")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as folder:
        setup(folder)
        started = time.monotonic()
        prepare(args.rows)
        requests = add_assessments()
        from django.db import connection
        from django.test import Client
        from django.utils import timezone

        from workflows.models import TransitionLog

        today = timezone.localdate()
        periods = {
            "12 weeks": (today - timedelta(weeks=12) + timedelta(days=1), today),
            "1 year": (today - timedelta(days=364), today),
        }
        print(
            f"\n{connection.vendor}: {args.rows:,} generated submissions, "
            f"{TransitionLog.objects.count():,} log rows, {requests:,} assessment requests; {args.rounds} rounds"
        )
        print(f"{'':44} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for who, user in (("coordinator", coordinator_user()), ("leader", leader_user())):
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            for label, (start, end) in periods.items():
                query = f"start={start.isoformat()}&end={end.isoformat()}"
                cases = [(f"CSV {slug}", f"/admin/reports/pipeline/?{query}&download={slug}") for slug in SLUGS]
                cases.append(("whole page", f"/admin/reports/pipeline/?{query}"))
                for name, url in cases:

                    def call(url=url, client=client):
                        response = client.get(url)
                        assert response.status_code == 200, (url, response.status_code)

                    figures = measure(call, args.rounds)
                    line = f"{who}, {label}: {name}"
                    print(f"{line:44} {figures['median_ms']:>10} {figures['p95_ms']:>8} {figures['queries']:>8}")
        print(f"\n({time.monotonic() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
