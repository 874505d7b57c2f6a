"""Private storage for applicants' uploads: outside MEDIA_ROOT, never served by the web server."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    """A callable, so migrations refer to it by name instead of freezing a machine's path."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def submitted_file_path(instance, filename):
    # A random name: the original is kept in the row, never trusted as a path.
    suffix = PurePath(filename).suffix.lower()
    return f"submissions/{instance.content_type_id}/{instance.object_id}/{uuid.uuid4().hex}{suffix}"
