"""Demo images drawn locally with Pillow (portraits here, scenes of city work in .illustrations), stored as
Wagtail images and reused by title."""

import hashlib
import io

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from .illustrations import SCENE_DESCRIPTIONS, render_scene_png
from .report import LoadReport

# Muted, accessible pairs (background, accent) for the portraits.
PALETTES = [
    ((22, 60, 110), (64, 160, 200)),
    ((20, 90, 70), (120, 190, 120)),
    ((110, 40, 70), (230, 130, 110)),
    ((70, 50, 120), (170, 140, 220)),
    ((120, 80, 20), (240, 190, 80)),
    ((30, 80, 100), (240, 150, 60)),
]


def _digest(seed: str) -> bytes:
    return hashlib.sha256(seed.encode()).digest()


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def render_portrait_png(*, name: str, size: tuple[int, int] = (600, 600)) -> bytes:
    """A head-and-shoulders silhouette with the person's initials: clearly a placeholder, never a likeness."""
    digest = _digest(name)
    background, accent = PALETTES[digest[0] % len(PALETTES)]
    width, height = size
    image = PillowImage.new("RGB", size, accent)
    draw = ImageDraw.Draw(image)
    centre_x = width // 2
    draw.ellipse((centre_x - width // 6, height // 6, centre_x + width // 6, height // 2), fill=background)
    draw.ellipse((centre_x - width // 3, height * 9 // 16, centre_x + width // 3, height * 3 // 2), fill=background)
    initials = "".join(part[0] for part in name.replace(".", " ").split() if part[0].isupper())[-2:]
    font = _font(width // 8)
    text_width = draw.textlength(initials, font=font)
    draw.text((centre_x - text_width / 2, height * 3 // 4), initials, font=font, fill=(255, 255, 255))
    return _png_bytes(image)


def _png_bytes(image: PillowImage.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_image_ensure(*, title: str, description: str, render, report: LoadReport):
    """The Wagtail image titled ``title``; drawn by ``render()`` (returning PNG bytes) only if it is missing.

    ``description`` is the image's alt text wherever a template does not give its own.
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        report.record("images", created=False)
        return existing
    data = render()
    image = Image(
        title=title,
        description=description,
        file=ImageFile(io.BytesIO(data), name=f"{slugify(title)}.png"),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    image.save()
    report.record("images", created=True, obj=image)
    return image


def demo_illustration_ensure(*, scene_name: str, report: LoadReport):
    """The drawn illustration of ``scene_name`` (home.demo.illustrations), one Wagtail image per scene."""
    return demo_image_ensure(
        title=f"Demo illustration: {scene_name}",
        description=SCENE_DESCRIPTIONS[scene_name],
        render=lambda: render_scene_png(scene_name=scene_name, seed=scene_name),
        report=report,
    )
