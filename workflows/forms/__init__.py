from .admin import WorkflowFormPageAdminForm
from .builder import WorkflowFormBuilder
from .fields import Upload, UploadField
from .status import LostLinkForm, WithdrawForm
from .submission import WorkflowSubmissionForm

__all__ = [
    "LostLinkForm",
    "Upload",
    "UploadField",
    "WithdrawForm",
    "WorkflowFormBuilder",
    "WorkflowFormPageAdminForm",
    "WorkflowSubmissionForm",
]
