"""Demo pictures drawn at load time with Pillow: campaign posters, infographics and
market "photos", so the demo's pages, press packs and feed enclosures have real
images with credits and usage rights. Deterministic (seeded), nothing downloaded."""

import io
import random
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

RED, RED_DARK, GOLD, CREAM, INK = (179, 18, 27), (120, 10, 16), (242, 201, 76), (250, 244, 230), (29, 29, 31)
CAMPAIGN = "Người Việt Nam ưu tiên dùng hàng Việt Nam"
# Fonts with every Vietnamese letter, where the system has them (Debian's fonts-dejavu).
FONT_FILES = {
    True: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"],
    False: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"],
}


def font(size, bold=False):
    for path in FONT_FILES[bold]:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _jpeg(image):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=86, optimize=True)
    return buffer.getvalue()


def _star(draw, cx, cy, r, fill):
    import math

    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.382
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _text_block(draw, xy, text, size, width_chars, fill, bold=True, spacing=1.25):
    x, y = xy
    face = font(size, bold)
    for line in textwrap.wrap(text, width_chars):
        draw.text((x, y), line, font=face, fill=fill)
        y += int(size * spacing)
    return y


def poster(title, slogan, seed=0, size=(1200, 1600)):
    """A campaign poster: red field, gold star, the title and a slogan."""
    width, height = size
    image = Image.new("RGB", size, RED)
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a soft vertical gradient, darker at the foot
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(RED, RED_DARK)))
    rng = random.Random(seed)
    for _ in range(18):  # faint rays behind the star
        draw.line([(width // 2, height // 3), (rng.randint(0, width), rng.choice([0, height]))], fill=(196, 40, 40), width=6)
    _star(draw, width // 2, height // 3, width // 4, GOLD)
    y = _text_block(draw, (70, int(height * 0.58)), title.upper(), 58, 30, CREAM)
    _text_block(draw, (70, y + 30), f"“{slogan}”", 40, 42, GOLD, bold=False)
    draw.rectangle([0, height - 110, width, height], fill=GOLD)
    draw.text((70, height - 82), CAMPAIGN, font=font(38, True), fill=RED_DARK)
    return _jpeg(image)


def infographic(title, figures, source, size=(1600, 1000)):
    """Bars with labels and values: [(label, value)], the unit in each label."""
    width, height = size
    image = Image.new("RGB", size, CREAM)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 130], fill=RED)
    draw.text((60, 38), title, font=font(50, True), fill=CREAM)
    top = max(value for _label, value in figures) or 1
    bar_height, gap, left = 90, 40, 560
    for row, (label, value) in enumerate(figures):
        y = 200 + row * (bar_height + gap)
        draw.text((60, y + 22), label, font=font(36), fill=INK)
        length = int((width - left - 200) * value / top)
        draw.rectangle([left, y, left + length, y + bar_height], fill=RED if row % 2 == 0 else RED_DARK)
        draw.text((left + length + 20, y + 20), f"{value:,}".replace(",", "."), font=font(42, True), fill=INK)
    draw.text((60, height - 70), source, font=font(30), fill=(95, 99, 104))
    return _jpeg(image)


def market_photo(caption, seed=0, size=(1600, 1067)):
    """A "photo" of a market of Vietnamese goods: sky, stalls with awnings, crowds, grain."""
    width, height = size
    rng = random.Random(seed)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        sky = (int(150 + 80 * t), int(190 + 40 * t), 235) if t < 0.45 else (int(120 - 40 * t), int(105 - 30 * t), int(80 - 20 * t))
        draw.line([(0, y), (width, y)], fill=sky)
    ground = int(height * 0.45)
    awnings = [RED, GOLD, (36, 120, 70), (30, 90, 160), (230, 120, 40)]
    x = -40
    while x < width:  # a row of stalls
        w = rng.randint(180, 260)
        colour = rng.choice(awnings)
        draw.rectangle([x, ground - 40, x + w - 10, ground + 160], fill=(225, 215, 195))
        draw.polygon([(x - 10, ground - 40), (x + w, ground - 40), (x + w - 30, ground - 110), (x + 20, ground - 110)], fill=colour)
        for _ in range(14):  # goods on the counter
            gx, gy = rng.randint(x + 10, x + w - 30), rng.randint(ground + 40, ground + 140)
            draw.ellipse([gx, gy, gx + 26, gy + 22], fill=rng.choice(awnings + [(250, 250, 250)]))
        x += w
    for _ in range(40):  # people
        px, py = rng.randint(0, width), rng.randint(ground + 170, height - 60)
        scale = 0.6 + (py - ground) / height
        draw.ellipse([px, py - int(70 * scale), px + int(34 * scale), py - int(36 * scale)], fill=(90, 60, 45))
        draw.rounded_rectangle([px - int(8 * scale), py - int(38 * scale), px + int(42 * scale), py + int(60 * scale)], radius=12, fill=rng.choice(awnings))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise(size, 18).convert("RGB")
    image = Image.blend(image, noise, 0.06)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height - 64, width, height], fill=(0, 0, 0))
    draw.text((30, height - 52), caption, font=font(32), fill=(255, 255, 255))
    return _jpeg(image)
