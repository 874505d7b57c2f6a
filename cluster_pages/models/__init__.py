from .case_studies import CaseStudyDocument, CaseStudyGalleryImage, CaseStudyIndexPage, CaseStudyPage, CaseStudyPartner
from .clusters import ClusterIndexPage, ClusterStatus, ThematicClusterPage
from .events import EventIndexPage, EventKind, EventPage
from .settings import SiteSettings, SocialLink
from .snippets import Contact, Person
from .standard import StandardPage

__all__ = [
    "CaseStudyDocument",
    "CaseStudyGalleryImage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPartner",
    "ClusterIndexPage",
    "ClusterStatus",
    "Contact",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "Person",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
    "ThematicClusterPage",
]
