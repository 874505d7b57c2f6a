from django.apps import AppConfig


class BaselineConfig(AppConfig):
    """Wagtail's stock form page, installed only by the benchmark settings, as the figure to compare with."""

    name = "bench.baseline"
    label = "bench_baseline"
    default_auto_field = "django.db.models.BigAutoField"
