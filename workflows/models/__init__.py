from .applications import AbstractApplication, Application
from .assessments import Assessment, AssessmentCriterion, AssessmentScore, Recommendation
from .forms import AbstractWorkflowFormField
from .notifications import Notification, NotificationState
from .places import AbstractRegistration, AbstractSlot, RegistrationState
from .records import InternalNote, SubmittedFile, TransitionLog
from .states import ApplicationState
from .submissions import AbstractSubmission

__all__ = [
    "AbstractApplication",
    "AbstractRegistration",
    "AbstractSlot",
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
    "RegistrationState",
    "SubmittedFile",
    "TransitionLog",
]
