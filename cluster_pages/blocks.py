"""StreamField blocks shared by the site's pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from .live_data import FIGURE_CHOICES, live_figures


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
        context["number"] = figure.value
        context["label"] = value["caption"] or figure.label
        return context

    def get_api_representation(self, value, context=None):
        figure = next(f for f in live_figures() if f.key == value["figure"])
        return {"figure": figure.key, "label": value["caption"] or str(figure.label), "value": figure.value}


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
