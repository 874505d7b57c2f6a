"""Reading settings from the environment."""

import os


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" count as yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
