"""The pages every public site needs: privacy notice, accessibility statement and contact.

Demo wording for a fictional set-up; the secretariat's address and e-mail are placeholders, and the retention
periods are examples. Both must be checked with the organisation's data-protection officer before going live.
"""

from ..stream import heading, paragraph
from .standard_pages import StandardPageSpec

SECRETARIAT_EMAIL = "secretariat@example.org"
PRIVACY_EMAIL = "privacy@example.org"
SECRETARIAT_ADDRESS = (
    "WeGO Secretariat<br/>5F Seoul Global Center<br/>38 Jong-ro, Jongno-gu<br/>Seoul 03188<br/>Republic of Korea"
)


def privacy_page() -> StandardPageSpec:
    return StandardPageSpec(
        slug="privacy",
        title="Privacy notice",
        intro=(
            "<p>What we keep about the people who apply, suggest a theme or take part in a cluster, why, for how "
            "long, and how to ask for a copy or for erasure.</p>"
        ),
        search_description="Who holds your data, what for, how long we keep it and how to ask for a copy or erasure.",
        body=privacy_sections(),
    )


def privacy_sections() -> list:
    """Who holds the data, what for, who sees it, how long, the rights, the cookies."""
    return [
        heading("Who holds your data"),
        paragraph(
            "<p>The World Smart Sustainable Cities Organization (WeGO), through its secretariat, runs this site "
            "and decides what happens to the data you send us. Write to us at "
            f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a> or to the postal address on the '
            "contact page.</p>"
        ),
        heading("What we keep and what for"),
        paragraph(
            "<ul>"
            "<li><b>Applications from cities and companies</b>: the contact person's name, role, e-mail and "
            "phone, the city or company, the project or solution and any document you upload. We use them to "
            "review your application, to put you in touch with the cluster you join and to write to you about "
            "it.</li>"
            "<li><b>Theme suggestions</b>: your name, e-mail, organisation and the suggestion, to decide on it "
            "and to tell you what we decided.</li>"
            "<li><b>Members' accounts</b>: your e-mail address, name and password (stored only as a secure "
            "hash), to let you into your cluster's workspace.</li>"
            "</ul>"
            "<p>We publish a city's or company's name on its cluster's page only if you tick the box that "
            "allows it. We never sell your data or use it for advertising.</p>"
        ),
        heading("Who sees it"),
        paragraph(
            "<p>The secretariat's staff who review applications, the coordinators of the clusters and, once "
            "you join, the leader of your cluster. Our hosting and e-mail providers process the data on our "
            "behalf and under our instructions.</p>"
        ),
        heading("How long we keep it"),
        paragraph(
            "<ul>"
            "<li>Applications that were declined or withdrawn, and theme suggestions: 12 months after the "
            "decision.</li>"
            "<li>Accepted applications and members' accounts: while you take part in a cluster, and 24 months "
            "after your participation ends.</li>"
            "<li>Server logs: 30 days.</li>"
            "</ul>"
        ),
        heading("Your rights: a copy, a correction or erasure"),
        paragraph(
            "<p>You may ask for a copy of the data we hold about you, ask us to correct it, or ask us to erase "
            "it, and you may withdraw your consent at any time. Write to "
            f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a> from the address you used with us; we '
            "answer within one month. If you are not satisfied with our answer, you may complain to your "
            "data-protection authority.</p>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>This site sets only the cookies it needs to work: one that protects forms against forgery and, "
            "when you sign in, one that keeps you signed in. There are no analytics or advertising cookies.</p>"
        ),
    ]


def accessibility_page() -> StandardPageSpec:
    return StandardPageSpec(
        slug="accessibility",
        title="Accessibility statement",
        intro="<p>We want everyone to be able to use this site, whatever device or assistive technology they use.</p>",
        search_description="How accessible this site is, what we know is not yet right and how to tell us.",
        body=[
            heading("How accessible this site is"),
            paragraph(
                "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. You should be "
                "able to:</p>"
                "<ul>"
                "<li>use every page and form with a keyboard alone, with a visible focus and a link to skip to the "
                "content;</li>"
                "<li>zoom to 400% and use a phone without scrolling sideways;</li>"
                "<li>read text with enough contrast, where colour is never the only signal;</li>"
                "<li>use a screen reader: forms have labels, and their errors are listed at the top and linked to "
                "each field;</li>"
                "<li>use the site without JavaScript.</li>"
                "</ul>"
            ),
            heading("What is not accessible yet"),
            paragraph(
                "<ul>"
                "<li>Some documents (PDF brochures and reports) come from our partners and may not be tagged for "
                "screen readers. Ask us for the content in another format.</li>"
                "<li>Videos and maps embedded from other sites follow those sites' own accessibility.</li>"
                "</ul>"
            ),
            heading("Tell us about a problem"),
            paragraph(
                "<p>If something on this site is hard to use, or you need information in another format, write to "
                f'<a href="mailto:{SECRETARIAT_EMAIL}">{SECRETARIAT_EMAIL}</a>. We reply within ten working '
                "days.</p>"
            ),
            heading("How we tested it", level="h3"),
            paragraph(
                "<p>The site's automated tests check the templates' structure, labels and headings, and its pages "
                "on a 375 pixel wide screen; we also check pages with a keyboard and a screen reader before each "
                "release.</p>"
            ),
        ],
    )


def contact_page() -> StandardPageSpec:
    return StandardPageSpec(
        slug="contact",
        title="Contact",
        intro="<p>Questions about the clusters, an application or this site: the secretariat is happy to help.</p>",
        search_description="The WeGO secretariat's address and e-mail, and who to ask about the clusters.",
        show_contacts=True,
        body=[
            heading("The secretariat"),
            paragraph(
                f"<p>{SECRETARIAT_ADDRESS}</p>"
                f'<p>E-mail: <a href="mailto:{SECRETARIAT_EMAIL}">{SECRETARIAT_EMAIL}</a></p>'
            ),
            paragraph(
                "<p>About your data (a copy, a correction or erasure): "
                f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>.</p>'
            ),
        ],
    )


#: In footer order.
PUBLIC_PAGES = (privacy_page, accessibility_page, contact_page)
