from .data_export import data_export_download, status_data_export
from .drafts import draft_resume
from .files import submitted_file_download
from .lost_link import lost_link
from .places import status_cancel
from .status import status_edit, status_page, status_withdraw

__all__ = [
    "data_export_download",
    "draft_resume",
    "lost_link",
    "status_cancel",
    "status_data_export",
    "status_edit",
    "status_page",
    "status_withdraw",
    "submitted_file_download",
]
