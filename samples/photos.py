"""Synthetic photos for measuring and testing the image pipeline, made with Pillow in a
second or two, so no large binary is committed.

A flat colour would compress to nothing and pure noise to nearly nothing less than raw,
so the "phone photo" has what a real one has: smooth light, shapes with soft edges,
mid-scale texture and a little sensor grain. The "screenshot" is flat colour with text,
as screenshots are.
"""

import io

from PIL import Image, ImageDraw, ImageFilter, ImageOps

PHONE = (4032, 3024)  # 12 megapixels, as most phone cameras take them
SCREENSHOT = (2400, 1500)
# EXIF tags (numbers from the EXIF standard)
ORIENTATION = 0x0112
GPS_IFD = 0x8825
BODY_SERIAL = 0xA431
EXIF_IFD = 0x8769
GPS_LATITUDE_REF, GPS_LATITUDE = 1, 2


def phone_photo(size=PHONE, seed=0):
    """A photo-like RGB image: a lit wall and table, two figures, texture, grain."""
    width, height = size
    light = Image.linear_gradient("L").resize(size).rotate(seed * 20 + 15, expand=False)
    photo = ImageOps.colorize(light, "#3b3026", "#e9dcc4").convert("RGB")
    draw = ImageDraw.Draw(photo)
    draw.rectangle((0, height * 0.62, width, height), fill="#6b4a32")  # the table
    for x, colour in ((0.22, "#2c3e50"), (0.64, "#7a2e2e")):  # two people, roughly
        draw.ellipse((width * x, height * 0.18, width * (x + 0.12), height * 0.36), "#c89f84")
        draw.rounded_rectangle(
            (width * (x - 0.04), height * 0.34, width * (x + 0.16), height * 0.8), 80, colour
        )
    photo = photo.filter(ImageFilter.GaussianBlur(6))
    for scale, weight in ((32, 0.10), (6, 0.10)):  # the weave of cloth and wood, leaves
        texture = Image.effect_noise((width // scale, height // scale), 64)
        texture = texture.resize(size, Image.BICUBIC)
        photo = Image.blend(photo, Image.merge("RGB", [texture] * 3), weight)
    grain = Image.effect_noise(size, 32).convert("RGB")
    return Image.blend(photo, grain, 0.06)


def screenshot(size=SCREENSHOT):
    """A screenshot-like image: window chrome, a sidebar and lines of text."""
    width, height = size
    shot = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(shot)
    draw.rectangle((0, 0, width, 90), fill="#1d5c57")
    draw.rectangle((0, 90, 420, height), fill="#f0ece4")
    for row in range(14):
        draw.text((30, 130 + row * 60), f"Meny {row + 1}", fill="#1c2430", font_size=28)
    for row in range(36):
        line = "Mål och uppföljning för ledningsgruppen, vecka " + str(row + 1)
        draw.text((480, 130 + row * 36), line * 2, fill="#1c2430", font_size=22)
    return shot


def phone_exif(orientation=1, latitude=(59, 19, 48)):
    """EXIF as a phone writes it: orientation, a GPS position and the camera's serial."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = "SN-4711-EPM"
    gps = exif.get_ifd(GPS_IFD)
    gps[GPS_LATITUDE_REF] = "N"
    gps[GPS_LATITUDE] = latitude
    return exif


def screen_recording(size=(1280, 800), frames=160):
    """An animated GIF as a screen recorder makes it (about 12 MB as bytes): a page of text
    scrolling under a moving pointer, on a soft background that dithering turns into
    noise changing every frame, which is what makes such GIFs big."""
    width, height = size
    page = Image.linear_gradient("L").resize((width, height * 2)).convert("RGB")
    page = Image.blend(page, Image.new("RGB", page.size, "#f4efe6"), 0.8)
    draw = ImageDraw.Draw(page)
    for row in range(height * 2 // 28):
        line = f"Rad {row}: mål, samtal och uppföljning i veckan"
        draw.text((60, 20 + row * 28), line, fill="#1e2832", font_size=22)
    recorded = []
    for n in range(frames):
        frame = page.crop((0, n * 3, width, n * 3 + height))
        x, y = 200 + n * 6 % (width - 260), 300 + n % 20 * 5
        ImageDraw.Draw(frame).ellipse((x, y, x + 30, y + 30), fill="#00786e")
        recorded.append(
            frame.quantize(256, Image.Quantize.FASTOCTREE, dither=Image.Dither.FLOYDSTEINBERG)
        )
    data = io.BytesIO()
    recorded[0].save(data, "GIF", save_all=True, append_images=recorded[1:], duration=80, loop=0)
    return data.getvalue()
