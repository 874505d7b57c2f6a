"""Request and response bodies of the plugin's API (OpenAPI components), with examples, by purpose."""

from .assessment_requests import AssessmentRequestIn, AssessmentRequestOut, AssessmentRequestsOut, DeclineIn
from .assessments import (
    AssessmentIn,
    AssessmentOut,
    AssessmentsOut,
    AssessmentSummaryOut,
    CriterionMeanOut,
    CriterionOut,
    ScoreIn,
    ScoreOut,
)
from .drafts import DraftFile, DraftOut
from .forms import AcceptedFileType, Choice, FormFieldSchema, SubmissionCreated, WorkflowFormDetail, WorkflowFormSummary
from .staff import (
    Answer,
    ApplicationDetail,
    ApplicationList,
    ApplicationListItem,
    InternalNoteOut,
    NoteIn,
    PageRef,
    SubmittedFileOut,
    TimelineEntry,
    TransitionIn,
    TransitionOut,
)
from .status import ApplicationStatus, CancelIn, StatusFile, StatusTimelineEntry, WithdrawIn
from .text import NO_NUL

__all__ = [
    "DraftFile",
    "DraftOut",
    "AcceptedFileType",
    "Answer",
    "ApplicationDetail",
    "ApplicationList",
    "ApplicationListItem",
    "ApplicationStatus",
    "AssessmentIn",
    "AssessmentRequestIn",
    "AssessmentRequestOut",
    "AssessmentRequestsOut",
    "AssessmentOut",
    "AssessmentSummaryOut",
    "AssessmentsOut",
    "CancelIn",
    "Choice",
    "CriterionMeanOut",
    "CriterionOut",
    "DeclineIn",
    "FormFieldSchema",
    "InternalNoteOut",
    "NO_NUL",
    "NoteIn",
    "PageRef",
    "ScoreIn",
    "ScoreOut",
    "StatusFile",
    "StatusTimelineEntry",
    "SubmissionCreated",
    "SubmittedFileOut",
    "TimelineEntry",
    "TransitionIn",
    "TransitionOut",
    "WithdrawIn",
    "WorkflowFormDetail",
    "WorkflowFormSummary",
]
