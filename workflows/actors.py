"""Who performs a transition: a staff user, or the applicant holding the status link."""

from dataclasses import dataclass


def submission_identity(submission) -> tuple[str, int]:
    """(root model label, pk): the same for a submission and its multi-table parent."""
    parents = submission._meta.get_parent_list()
    root = parents[-1] if parents else submission._meta.model
    return root._meta.label, submission.pk


@dataclass(frozen=True)
class ApplicantActor:
    """The applicant, proven by the status token of one submission. Holds no Django permissions."""

    identity: tuple[str, int]

    is_authenticated = False
    is_active = True
    is_staff = False
    is_superuser = False

    @classmethod
    def for_submission(cls, submission) -> "ApplicantActor":
        return cls(identity=submission_identity(submission))

    def has_perm(self, perm, obj=None):
        return False

    def is_applicant_of(self, submission) -> bool:
        return self.identity == submission_identity(submission)

    def __str__(self):
        return "applicant"


@dataclass(frozen=True)
class SystemActor:
    """The plugin itself, acting on a rule rather than a person's click (e.g. the waiting list promoting the next
    person when a place frees up). Holds no Django permissions; only transitions that name it accept it."""

    label: str

    is_authenticated = False
    is_active = True
    is_staff = False
    is_superuser = False

    def has_perm(self, perm, obj=None):
        return False

    def __str__(self):
        return self.label


#: The waiting list: it confirms the first person waiting when a place frees up.
WAITING_LIST = SystemActor(label="waiting list")
