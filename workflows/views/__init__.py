from .files import submitted_file_download
from .lost_link import lost_link
from .status import status_edit, status_page, status_withdraw

__all__ = ["lost_link", "status_edit", "status_page", "status_withdraw", "submitted_file_download"]
