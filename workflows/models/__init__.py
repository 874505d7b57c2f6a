from .applications import AbstractApplication, Application
from .assessments import Assessment, AssessmentCriterion, AssessmentScore, Recommendation
from .forms import AbstractWorkflowFormField
from .notifications import Notification, NotificationState
from .records import InternalNote, SubmittedFile, TransitionLog
from .states import ApplicationState
from .submissions import AbstractSubmission

__all__ = [
    "AbstractApplication",
    "AbstractSubmission",
    "AbstractWorkflowFormField",
    "Application",
    "ApplicationState",
    "Assessment",
    "AssessmentCriterion",
    "AssessmentScore",
    "InternalNote",
    "Notification",
    "NotificationState",
    "Recommendation",
    "SubmittedFile",
    "TransitionLog",
]
