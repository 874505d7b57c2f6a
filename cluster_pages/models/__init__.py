from .applications import (
    CityApplication,
    CityApplicationFormField,
    CityApplicationFormPage,
    CompanyRegistration,
    CompanyRegistrationFormField,
    CompanyRegistrationFormPage,
    ProjectStage,
    ThemeSuggestion,
    ThemeSuggestionFormField,
    ThemeSuggestionFormPage,
    ThemeSuggestionState,
)
from .case_studies import CaseStudyDocument, CaseStudyGalleryImage, CaseStudyIndexPage, CaseStudyPage, CaseStudyPartner
from .clusters import ClusterIndexPage, ClusterStatus, ClusterWorkspacePage, ThematicClusterPage
from .directory import DirectoryPage
from .events import EventIndexPage, EventKind, EventPage
from .footer import Footer
from .leadership import ClusterLeadership
from .sessions import EventRegistration, EventSession
from .settings import SiteSettings, SocialLink
from .snippets import Contact, Person
from .standard import StandardPage

__all__ = [
    "CaseStudyDocument",
    "CaseStudyGalleryImage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPartner",
    "CityApplication",
    "CityApplicationFormField",
    "CityApplicationFormPage",
    "ClusterIndexPage",
    "ClusterLeadership",
    "ClusterStatus",
    "ClusterWorkspacePage",
    "CompanyRegistration",
    "CompanyRegistrationFormField",
    "CompanyRegistrationFormPage",
    "Contact",
    "DirectoryPage",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventRegistration",
    "EventSession",
    "Footer",
    "Person",
    "ProjectStage",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
    "ThematicClusterPage",
    "ThemeSuggestion",
    "ThemeSuggestionFormField",
    "ThemeSuggestionFormPage",
    "ThemeSuggestionState",
]
