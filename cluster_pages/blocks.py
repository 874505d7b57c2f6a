"""StreamField blocks shared by the site's pages."""

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from .live_data import FIGURE_CHOICES, YearFigure, live_figures


def year_figure(value) -> YearFigure:
    """A ``YearFigureBlock``'s value as the figure lists show it."""
    return YearFigure(
        label=value["label"],
        value=value["value"],
        year=value["year"],
        source_url=value["source_url"] or "",
        source_name=value["source_name"] or "",
    )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "includes/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "includes/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or external URL"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=64)

    class Meta:
        icon = "link"
        template = "includes/blocks/call_to_action.html"
        help_text = _("Link to a page of this site, or to an external URL.")

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an external URL."))}
            )
        return cleaned


class LiveFigureBlock(blocks.StructBlock):
    """A figure computed from the database when the page is shown, never typed by hand."""

    figure = blocks.ChoiceBlock(label=_("Figure"), choices=FIGURE_CHOICES)
    caption = blocks.CharBlock(label=_("Caption"), required=False, help_text=_("Defaults to the figure's name."))

    class Meta:
        icon = "list-ol"
        template = "includes/blocks/live_figure.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        figure = next(f for f in live_figures() if f.key == value["figure"])
        context["figure"] = replace(figure, label=value["caption"] or figure.label)
        return context

    def get_api_representation(self, value, context=None):
        figure = next(f for f in live_figures() if f.key == value["figure"])
        data = {"figure": figure.key, "label": value["caption"] or str(figure.label), "value": figure.value}
        if figure.key == "partner_companies":
            data["by_type"] = dict(figure.by_type)
        return data


class YearFigureBlock(blocks.StructBlock):
    """A figure an editor typed, true of one year: shown with its year (and source), never as a live count."""

    value = blocks.CharBlock(label=_("Figure"), max_length=32, help_text=_("As it should read, e.g. 120 or 1,200+."))
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1900, max_value=2100)
    source_url = blocks.URLBlock(label=_("Source link"), required=False)
    source_name = blocks.CharBlock(
        label=_("Source name"),
        max_length=120,
        required=False,
        help_text=_('Shown as the link, e.g. NIST. Leave empty to show "source".'),
    )

    class Meta:
        icon = "date"
        label = _("Figure with a year and a source")
        template = "includes/blocks/year_figure.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["figure"] = year_figure(value)
        return context

    def get_api_representation(self, value, context=None):
        return year_figure(value).as_dict()


class FigureImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        template = "includes/blocks/image.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "document-link", "ol", "ul"]
    )
    image = FigureImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    live_figure = LiveFigureBlock(label=_("Live figure"))
    year_figure = YearFigureBlock()


class FiguresBlock(blocks.StreamBlock):
    """The figures a page shows in a grid, in the editors' order: live ones and ones with a year."""

    live_figure = LiveFigureBlock(label=_("Live figure"))
    year_figure = YearFigureBlock()
