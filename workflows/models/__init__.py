from .applications import AbstractApplication, Application
from .assessment_requests import AssessmentConflict, AssessmentReminder, ReminderKind
from .assessments import Assessment, AssessmentCriterion, AssessmentScore, DeclineReason, Recommendation
from .digests import StaffDigest, StaffDigestPreference
from .drafts import FormDraft
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
    "AssessmentConflict",
    "AssessmentCriterion",
    "AssessmentReminder",
    "AssessmentScore",
    "DeclineReason",
    "FormDraft",
    "InternalNote",
    "Notification",
    "NotificationState",
    "Recommendation",
    "RegistrationState",
    "ReminderKind",
    "StaffDigest",
    "StaffDigestPreference",
    "SubmittedFile",
    "TransitionLog",
]
