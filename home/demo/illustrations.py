"""Flat illustrations of city work (streets, buses, water mains, recycling points, town halls, summits), drawn
locally with Pillow for the demo content: no words in the picture, nothing fetched, the same picture every run."""

import io
import random

from PIL import Image as PillowImage
from PIL import ImageDraw

SIZE = (1200, 675)

SKY_DAY = ((173, 216, 240), (226, 240, 248))
SKY_DUSK = ((30, 59, 113), (244, 170, 120))
NAVY = (0, 59, 113)
NAVY_DARK = (0, 39, 75)
GOLD = (255, 191, 71)
LIGHT_BLUE = (127, 196, 255)
GREEN = (46, 125, 80)
LEAF = (92, 170, 96)
ASPHALT = (70, 74, 82)
CONCRETE = (206, 210, 214)
WHITE = (255, 255, 255)
SKIN = [(241, 194, 150), (198, 134, 86), (141, 85, 36), (224, 172, 105)]
CLOTHES = [(214, 69, 65), (38, 120, 178), (255, 191, 71), (90, 62, 140), (46, 125, 80), (230, 126, 34)]

#: Which scene each demo subject gets.
SCENES = {}


def scene(name):
    def register(function):
        SCENES[name] = function
        return function

    return register


def _sky(draw, size, colours):
    top, bottom = colours
    width, height = size
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _skyline(draw, rng, *, base, height_range, colour, window=None, left=0, right=SIZE[0]):
    x = left
    while x < right:
        width = rng.randint(50, 120)
        top = base - rng.randint(*height_range)
        draw.rectangle((x, top, x + width, base), fill=colour)
        if window:
            for wy in range(top + 14, base - 16, 26):
                for wx in range(x + 10, x + width - 14, 22):
                    if rng.random() < 0.7:
                        draw.rectangle((wx, wy, wx + 10, wy + 12), fill=window)
        x += width + rng.randint(0, 8)


def _tree(draw, x, ground, size=1.0):
    trunk = int(10 * size)
    draw.rectangle((x - trunk // 2, ground - int(60 * size), x + trunk // 2, ground), fill=(110, 76, 48))
    radius = int(34 * size)
    draw.ellipse((x - radius, ground - int(110 * size), x + radius, ground - int(110 * size) + 2 * radius), fill=LEAF)


def _person(draw, rng, x, ground, scale=1.0):
    skin, clothes = rng.choice(SKIN), rng.choice(CLOTHES)
    head = int(11 * scale)
    body_top = ground - int(70 * scale)
    draw.ellipse((x - head, body_top - 2 * head - 2, x + head, body_top - 2), fill=skin)
    torso = (x - int(15 * scale), body_top, x + int(15 * scale), ground - int(28 * scale))
    draw.rounded_rectangle(torso, 8, fill=clothes)
    draw.rectangle((x - int(12 * scale), ground - int(30 * scale), x - 2, ground), fill=NAVY_DARK)
    draw.rectangle((x + 2, ground - int(30 * scale), x + int(12 * scale), ground), fill=NAVY_DARK)


def _bus(draw, x, ground, colour=GOLD, length=360):
    draw.rounded_rectangle((x, ground - 150, x + length, ground - 24), 18, fill=colour)
    for wx in range(x + 24, x + length - 60, 62):
        draw.rounded_rectangle((wx, ground - 132, wx + 48, ground - 90), 6, fill=LIGHT_BLUE)
    draw.rounded_rectangle((x + length - 52, ground - 132, x + length - 14, ground - 40), 6, fill=LIGHT_BLUE)
    draw.rectangle((x, ground - 78, x + length, ground - 70), fill=NAVY)
    for wheel in (x + 70, x + length - 80):
        draw.ellipse((wheel - 26, ground - 50, wheel + 26, ground + 2), fill=(30, 30, 30))
        draw.ellipse((wheel - 10, ground - 34, wheel + 10, ground - 14), fill=CONCRETE)


def _road(draw, top, bottom):
    width = SIZE[0]
    draw.rectangle((0, top, width, bottom), fill=ASPHALT)
    middle = (top + bottom) // 2
    for x in range(20, width, 90):
        draw.rectangle((x, middle - 3, x + 50, middle + 3), fill=WHITE)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _canvas(sky=SKY_DAY):
    image = PillowImage.new("RGB", SIZE, WHITE)
    draw = ImageDraw.Draw(image, "RGBA")
    _sky(draw, SIZE, sky)
    return image, draw


@scene("mobility")
def _mobility(rng):
    image, draw = _canvas()
    _skyline(draw, rng, base=430, height_range=(120, 260), colour=(120, 150, 180), window=(200, 220, 235))
    draw.rectangle((0, 430, 1200, 460), fill=CONCRETE)
    _road(draw, 460, 640)
    draw.rectangle((0, 640, 1200, 675), fill=(46, 160, 90))  # a protected cycle lane
    _bus(draw, 380, 610)
    # the stop: a shelter, a pole with its sign and people waiting
    draw.rectangle((120, 300, 128, 460), fill=NAVY_DARK)
    draw.ellipse((100, 270, 148, 318), fill=NAVY)
    draw.rectangle((170, 340, 340, 350), fill=NAVY_DARK)
    draw.rectangle((176, 350, 184, 460), fill=NAVY_DARK)
    draw.rectangle((326, 350, 334, 460), fill=NAVY_DARK)
    draw.rectangle((186, 352, 324, 440), fill=(190, 225, 245, 140))
    for x in (210, 250, 300):
        _person(draw, rng, x, 458, 0.9)
    # a cyclist in the lane
    for wheel in (900, 980):
        draw.ellipse((wheel - 24, 628, wheel + 24, 676), outline=NAVY_DARK, width=5)
    draw.line([(900, 652), (940, 610), (980, 652)], fill=NAVY_DARK, width=5)
    _person(draw, rng, 944, 630, 0.75)
    for x in (60, 1120):
        _tree(draw, x, 460)
    return _png(image)


@scene("water")
def _water(rng):
    image, draw = _canvas()
    _skyline(draw, rng, base=330, height_range=(80, 200), colour=(140, 165, 190), window=(210, 225, 235))
    draw.rectangle((0, 330, 1200, 360), fill=CONCRETE)
    draw.rectangle((0, 360, 1200, 675), fill=(150, 110, 75))  # the trench's earth
    for y in range(380, 675, 40):
        draw.line([(0, y), (1200, y + 10)], fill=(135, 98, 66), width=3)
    # the main and a branch, with water in them
    draw.rectangle((0, 470, 1200, 560), fill=(90, 100, 110))
    draw.rectangle((0, 486, 1200, 544), fill=(64, 150, 220))
    draw.rectangle((640, 360, 700, 470), fill=(90, 100, 110))
    draw.rectangle((652, 360, 688, 486), fill=(64, 150, 220))
    # the district meter on the main, its sensor box and a worker beside it
    draw.rounded_rectangle((520, 440, 620, 590), 14, fill=NAVY)
    draw.ellipse((540, 470, 600, 530), fill=WHITE)
    draw.line([(570, 500), (590, 482)], fill=(214, 69, 65), width=5)
    draw.rounded_rectangle((740, 250, 800, 330), 8, fill=GOLD)
    draw.line([(770, 250), (770, 210)], fill=NAVY_DARK, width=4)
    draw.arc((740, 180, 800, 240), 200, 340, fill=NAVY_DARK, width=4)
    _person(draw, rng, 860, 330)
    draw.rectangle((840, 245, 880, 255), fill=GOLD)  # hard hat
    for x in (80, 300, 1060):
        _tree(draw, x, 330, 0.8)
    return _png(image)


@scene("waste")
def _waste(rng):
    image, draw = _canvas()
    _skyline(draw, rng, base=420, height_range=(120, 250), colour=(130, 155, 185), window=(205, 222, 236))
    draw.rectangle((0, 420, 1200, 675), fill=CONCRETE)
    draw.rectangle((0, 560, 1200, 675), fill=ASPHALT)
    # a recycling point: four bins, each with a fill sensor
    for index, colour in enumerate([(46, 125, 80), (38, 120, 178), (255, 191, 71), (120, 120, 120)]):
        x = 360 + index * 130
        draw.rounded_rectangle((x, 380, x + 110, 540), 12, fill=colour)
        draw.rectangle((x - 6, 370, x + 116, 392), fill=NAVY_DARK)
        draw.rounded_rectangle((x + 35, 410, x + 75, 440), 6, fill=WHITE)
        draw.ellipse((x + 48, 418, x + 62, 432), fill=(46, 160, 90))
    # signal waves to the collection truck
    for radius in (30, 55, 80):
        draw.arc((880 - radius, 330 - radius, 880 + radius, 330 + radius), 200, 340, fill=NAVY, width=5)
    draw.rounded_rectangle((900, 440, 1160, 600), 14, fill=(46, 125, 80))
    draw.rounded_rectangle((1080, 460, 1150, 520), 8, fill=LIGHT_BLUE)
    for wheel in (950, 1100):
        draw.ellipse((wheel - 28, 575, wheel + 28, 631), fill=(30, 30, 30))
    _person(draw, rng, 250, 540)
    _tree(draw, 110, 420)
    return _png(image)


@scene("governance")
def _governance(rng):
    image, draw = _canvas()
    _skyline(draw, rng, base=420, height_range=(100, 200), colour=(150, 170, 195), window=(215, 228, 238))
    # the city hall: steps, columns, pediment, flag
    draw.rectangle((300, 260, 900, 470), fill=(236, 232, 222))
    draw.polygon([(280, 260), (600, 150), (920, 260)], fill=(220, 214, 200))
    for x in range(330, 880, 80):
        draw.rectangle((x, 280, x + 30, 460), fill=WHITE)
    draw.rectangle((260, 470, 940, 500), fill=(205, 200, 190))
    draw.rectangle((230, 500, 970, 530), fill=(195, 190, 180))
    draw.line([(600, 150), (600, 70)], fill=NAVY_DARK, width=5)
    draw.rectangle((602, 72, 672, 112), fill=NAVY)
    draw.rectangle((0, 530, 1200, 675), fill=CONCRETE)
    # residents at a voting kiosk and a queue
    draw.rounded_rectangle((140, 470, 230, 640), 10, fill=NAVY)
    draw.rounded_rectangle((152, 490, 218, 550), 6, fill=LIGHT_BLUE)
    for index, x in enumerate((270, 330, 390, 980, 1040)):
        _person(draw, rng, x, 640 - (index % 2) * 6)
    for x in (60, 1140):
        _tree(draw, x, 530)
    return _png(image)


@scene("digital")
def _digital(rng):
    image, draw = _canvas()
    _skyline(draw, rng, base=500, height_range=(140, 300), colour=(110, 140, 175), window=(195, 215, 232))
    draw.rectangle((0, 500, 1200, 675), fill=CONCRETE)
    # the service network linking the city's buildings
    nodes = [(rng.randint(80, 1120), rng.randint(80, 260)) for _ in range(9)]
    for index, node in enumerate(nodes):
        for other in nodes[index + 1 : index + 3]:
            draw.line([node, other], fill=(*NAVY, 150), width=3)
    for x, y in nodes:
        draw.ellipse((x - 12, y - 12, x + 12, y + 12), fill=GOLD, outline=NAVY, width=3)
    # a resident applying for a permit from a phone
    draw.rounded_rectangle((470, 250, 730, 675), 36, fill=NAVY_DARK)
    draw.rounded_rectangle((488, 290, 712, 660), 18, fill=WHITE)
    draw.rectangle((508, 310, 692, 350), fill=NAVY)
    for y in (380, 440, 500):
        draw.rounded_rectangle((508, y, 692, y + 36), 6, outline=(120, 120, 120), width=3)
    draw.rounded_rectangle((508, 570, 692, 616), 10, fill=(46, 125, 80))
    draw.line([(580, 593), (596, 607), (624, 579)], fill=WHITE, width=6)
    _person(draw, rng, 300, 660, 1.3)
    _person(draw, rng, 900, 660, 1.2)
    return _png(image)


@scene("living-lab")
def _living_lab(rng):
    image, draw = _canvas()
    # apartment blocks being retrofitted: insulation panels, solar roofs, a scaffold
    for index, x in enumerate((60, 420, 780)):
        top = 170 + index % 2 * 60
        draw.rectangle((x, top, x + 320, 520), fill=(226, 220, 208))
        for wy in range(top + 30, 500, 56):
            for wx in range(x + 24, x + 300, 60):
                draw.rectangle((wx, wy, wx + 34, wy + 34), fill=LIGHT_BLUE)
        for px in range(x + 10, x + 310, 50):
            draw.polygon([(px, top), (px + 44, top), (px + 34, top - 30), (px - 10, top - 30)], fill=NAVY)
        if index == 1:
            for sy in range(top, 520, 50):
                draw.line([(x - 20, sy), (x + 120, sy)], fill=GOLD, width=5)
            draw.line([(x - 20, top), (x - 20, 520)], fill=GOLD, width=5)
            draw.line([(x + 120, top), (x + 120, 520)], fill=GOLD, width=5)
            draw.rectangle((x, top + 20, x + 110, 520), fill=(120, 190, 120, 170))
    draw.rectangle((0, 520, 1200, 675), fill=(120, 180, 100))
    draw.rectangle((0, 600, 1200, 675), fill=CONCRETE)
    # residents and researchers talking at a sensor pole
    draw.rectangle((640, 470, 648, 640), fill=NAVY_DARK)
    draw.rounded_rectangle((620, 440, 668, 480), 6, fill=GOLD)
    for x in (520, 580, 720, 780):
        _person(draw, rng, x, 640)
    for x in (380, 1100):
        _tree(draw, x, 600, 0.9)
    return _png(image)


@scene("summit")
def _summit(rng):
    image, draw = _canvas(sky=((40, 48, 70), (70, 84, 112)))
    # a conference hall: the screen, the stage, the speaker and the audience
    draw.rectangle((250, 60, 950, 390), fill=NAVY)
    draw.rectangle((280, 90, 920, 360), fill=(28, 92, 150))
    _skyline(draw, rng, base=330, height_range=(60, 170), colour=(127, 196, 255, 170), left=300, right=900)
    for index, height in enumerate((60, 110, 90, 150, 130)):
        draw.rectangle((330 + index * 60, 330 - height, 370 + index * 60, 330), fill=GOLD)
    draw.rectangle((0, 420, 1200, 470), fill=(120, 84, 60))
    draw.rounded_rectangle((540, 340, 620, 430), 6, fill=(90, 60, 44))
    _person(draw, rng, 660, 420, 1.1)
    for row, y in enumerate((560, 620, 690)):
        for x in range(40 + row * 30, 1200, 90):
            skin, clothes = rng.choice(SKIN), rng.choice(CLOTHES)
            draw.ellipse((x - 22, y - 80, x + 22, y - 36), fill=skin)
            draw.rounded_rectangle((x - 38, y - 34, x + 38, y + 30), 18, fill=clothes)
    return _png(image)


@scene("city")
def _city(rng):
    image = PillowImage.new("RGB", (1600, 900), WHITE)
    draw = ImageDraw.Draw(image, "RGBA")
    _sky(draw, (1600, 900), SKY_DUSK)
    draw.ellipse((1180, 380, 1320, 520), fill=(255, 214, 140))
    _skyline(draw, rng, base=600, height_range=(160, 380), colour=(44, 70, 120), window=(255, 214, 140), right=1600)
    _skyline(draw, rng, base=640, height_range=(80, 200), colour=(26, 44, 84), window=GOLD, right=1600)
    # a river with a bridge and a tram crossing it
    draw.rectangle((0, 640, 1600, 900), fill=(36, 80, 130))
    for y in range(670, 900, 36):
        draw.line([(rng.randint(0, 300), y), (rng.randint(1200, 1600), y)], fill=(120, 170, 215, 120), width=3)
    draw.rectangle((0, 660, 1600, 690), fill=(60, 60, 70))
    for x in range(80, 1600, 220):
        draw.arc((x, 670, x + 220, 820), 180, 360, fill=(60, 60, 70), width=12)
    draw.rounded_rectangle((420, 590, 900, 662), 16, fill=GOLD)
    for x in range(440, 880, 64):
        draw.rounded_rectangle((x, 604, x + 48, 636), 6, fill=LIGHT_BLUE)
    draw.line([(400, 560), (1000, 560)], fill=(200, 200, 200), width=3)
    # wind turbines on the far bank
    for x in (120, 230):
        draw.line([(x, 640), (x, 470)], fill=WHITE, width=6)
        for angle in ((0, -70), (60, 36), (-60, 36)):
            draw.line([(x, 470), (x + angle[0], 470 + angle[1])], fill=WHITE, width=5)
    return _png(image)


def render_scene_png(*, scene_name: str, seed: str) -> bytes:
    """The named scene, drawn with the same choices every time for the same ``seed``."""
    return SCENES[scene_name](random.Random(seed))  # noqa: S311 (a drawing's choices, not a secret)


#: What each scene shows: the image's description, which Wagtail gives as its alt text where a template has none.
SCENE_DESCRIPTIONS = {
    "mobility": "Illustration: a bus at a stop where people wait, beside a protected cycle lane",
    "water": "Illustration: a district flow meter on a water main, a worker and a sensor above the trench",
    "waste": "Illustration: a recycling point whose bins report their fill level to a collection truck",
    "governance": "Illustration: residents at a voting kiosk in front of the city hall",
    "digital": "Illustration: a resident's phone showing a completed permit application, over a city network",
    "living-lab": "Illustration: apartment blocks with solar roofs under retrofit, residents at a sensor pole",
    "summit": "Illustration: a speaker presenting city data to a full conference hall",
    "city": "Illustration: a city at dusk, a tram crossing the river bridge, wind turbines on the far bank",
}

#: The scene of each cluster, case study and event of the demo content, by slug (events not listed: "summit").
SCENE_FOR_SLUG = {
    "living-labs-for-open-innovation": "living-lab",
    "smart-governance": "governance",
    "digital-government-platform": "digital",
    "smart-mobility": "mobility",
    "smart-utility-waste-management": "waste",
    "valdoria-energy-retrofit-living-lab": "living-lab",
    "marisol-participatory-budgeting": "governance",
    "nyamburi-business-permits-portal": "digital",
    "serra-azul-demand-responsive-minibuses": "mobility",
    "hanbyeol-smart-waste-collection": "waste",
    "tirtamaya-district-water-metering": "water",
    "gctc-tech-jam-2018": "digital",
    "smart-mobility-data-webinar-2027": "mobility",
}


def demo_scene_for(slug: str) -> str:
    return SCENE_FOR_SLUG.get(slug, "summit")
