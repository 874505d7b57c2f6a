"""What the plugin asks of the test site: who leads a team page."""

from workflows.adapters import TargetAdapter


class TeamAdapter(TargetAdapter):
    """A team page is led by its active ``leaders``."""

    def managers(self, page) -> list:
        return list(page.leaders.filter(is_active=True).order_by("pk"))
