from .admin import WorkflowFormPageAdminForm
from .builder import WorkflowFormBuilder
from .fields import Upload, UploadField
from .status import LostLinkForm, WithdrawForm
from .submission import WorkflowSubmissionForm
from .widgets import RenderedOnceSelect

__all__ = [
    "LostLinkForm",
    "RenderedOnceSelect",
    "Upload",
    "UploadField",
    "WithdrawForm",
    "WorkflowFormBuilder",
    "WorkflowFormPageAdminForm",
    "WorkflowSubmissionForm",
]
