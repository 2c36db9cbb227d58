"""Every kind of image file an editor brings, drawn in a few seconds: for the tests
(tests/image_corpus.py, an article each) and the build-time benchmark (photo_builds.py).

Each image is four flat patches (2 × 2) so that a probe at a patch's centre reads one
colour at any width; `expected` holds each patch's colour as sRGB, worked out with
LittleCMS from the profile the file carries (None: transparent). In images/:

  cmyk.jpg       CMYK from a print designer, SWOP profile embedded
  gra.jpg        greyscale JPEG with a Gray Gamma 2.2 profile (scanners, Photoshop)
  adobe-rgb.jpg  Adobe RGB (1998) from a camera
  p3.jpg         Display P3, as every recent iPhone
  gra-16.png     16-bit greyscale PNG (a scan)
  rgb-16.png     16-bit RGB PNG (a design tool's export)
  palett.png     palette PNG with a transparent patch
  rgba.png       RGBA PNG with a transparent patch: its article's link preview
  animation.gif  animated GIF
  iphone.heic    HEIC lying on its side (EXIF orientation 6), with a GPS position
  mpo.jpg        a camera's JPEG with a second picture (MPO: a preview or depth map)
  rorelse.jpg    a motion photo (Samsung, Pixel): a video after the JPEG's end
  foto.jfif      a JPEG as Chrome on Windows saves it
  animation.png  an animated PNG (APNG), its frames' durations in float milliseconds
  gra-animation.png  a grey APNG with a Gray Gamma 2.2 profile
  gra-16-genomskinlig.png  16-bit grey PNG, one patch transparent (tRNS)
  trasig-profil.jpg  grey JPEG whose profile LittleCMS cannot use: shown as untagged
  logga.svg      a clean SVG logo (viewBox only)
  inspelning.gif a 12 MB screen recording (samples.photos.screen_recording), not probed
"""

import io
import struct
import zlib
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageDraw
from pillow_heif import register_heif_opener

from .icc_profiles import adobe_rgb, cmyk_swop, display_p3, gray_gamma_22, gray_without_curve
from .photos import phone_exif, screen_recording

SIZE = (1000, 600)  # over the 800 px an article needs
PATCHES = ((34, 58, 130), (196, 72, 52), (70, 150, 96), (226, 196, 120))
NAMES = (
    "cmyk",
    "gra",
    "adobe-rgb",
    "p3",
    "gra-16",
    "rgb-16",
    "palett",
    "rgba",
    "animation",
    "iphone",
    "mpo",
    "rorelse",
    "foto",
    "apng",
    "gra-animation",
    "gra-16-genomskinlig",
    "trasig-profil",
)
PROBES = ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))  # patch centres
SRGB = ImageCms.createProfile("sRGB")
register_heif_opener()


@dataclass
class Case:
    file: str  # in images/
    expected: list  # per probe: (r, g, b) in sRGB, or None where transparent
    tolerance: int = 10  # per channel (issue 20: ±6 for 16-bit and palette images)


def patches(colours=PATCHES, size=SIZE, mode="RGB"):
    image = Image.new(mode, size)
    draw, (width, height) = ImageDraw.Draw(image), size
    for (x, y), colour in zip(PROBES, colours, strict=True):
        left, top = round((x - 0.25) * width), round((y - 0.25) * height)
        draw.rectangle((left, top, left + width // 2, top + height // 2), fill=colour)
    return image


def at(x, y, size):
    """The pixel at a probe (fractions of width and height)."""
    return round(x * size[0]), round(y * size[1])


def managed(image, icc):
    """The sRGB colours at the probes of image read through the profile icc."""
    profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    srgb = ImageCms.profileToProfile(image, profile, SRGB, outputMode="RGB")
    return [srgb.getpixel(at(x, y, srgb.size)) for x, y in PROBES]


def png_16_bit_rgb(colours=PATCHES, size=SIZE):
    """A 16-bit RGB PNG (Pillow writes only 8-bit RGB): each 8-bit value v as v × 257."""
    image = patches(colours, size)
    rows = []
    for y in range(size[1]):
        row = b"".join(
            struct.pack(">3H", *(v * 257 for v in image.getpixel((x, y)))) for x in range(size[0])
        )
        rows.append(b"\0" + row)

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", *size, 16, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def write_corpus(images):
    """Write every case's file into images/; returns {name: Case}."""
    cases = {}

    def add(name, file, expected, tolerance=10):
        cases[name] = Case(file, expected, tolerance)

    srgb = patches()
    swop = cmyk_swop()
    cmyk = ImageCms.profileToProfile(
        srgb, SRGB, ImageCms.ImageCmsProfile(io.BytesIO(swop)), outputMode="CMYK"
    )
    cmyk.save(images / "cmyk.jpg", quality=95, icc_profile=swop)
    add("cmyk", "cmyk.jpg", managed(Image.open(images / "cmyk.jpg"), swop))

    grey = patches().convert("L")
    grey.save(images / "gra.jpg", quality=95, icc_profile=gray_gamma_22())
    add("gra", "gra.jpg", managed(grey, gray_gamma_22()))

    for name, icc in (("adobe-rgb", adobe_rgb()), ("p3", display_p3())):
        srgb.save(images / f"{name}.jpg", quality=95, icc_profile=icc)
        add(name, f"{name}.jpg", managed(srgb, icc))

    grey.convert("I").point(lambda v: v * 257).convert("I;16").save(images / "gra-16.png")
    grey_expected = [(v, v, v) for v in (grey.getpixel(at(x, y, SIZE)) for x, y in PROBES)]
    add("gra-16", "gra-16.png", grey_expected, 6)
    (images / "rgb-16.png").write_bytes(png_16_bit_rgb())
    add("rgb-16", "rgb-16.png", list(PATCHES), 6)

    palette = patches().quantize(8)
    corner = palette.getpixel(at(*PROBES[3], SIZE))
    palette.save(images / "palett.png", transparency=corner)
    add("palett", "palett.png", [*PATCHES[:3], None], 6)

    rgba = patches().convert("RGBA")
    ImageDraw.Draw(rgba).rectangle((SIZE[0] // 2, SIZE[1] // 2, *SIZE), fill=(0, 0, 0, 0))
    rgba.save(images / "rgba.png")
    add("rgba", "rgba.png", [*PATCHES[:3], None])

    frames = []
    for n in range(6):  # a pointer moving along the top edge, away from the probes
        frame = patches()
        ImageDraw.Draw(frame).ellipse((40 + n * 60, 10, 80 + n * 60, 50), fill="#ffffff")
        frames.append(frame.quantize(64))
    frames[0].save(
        images / "animation.gif", save_all=True, append_images=frames[1:], duration=200, loop=0
    )
    add("animation", "animation.gif", list(PATCHES))

    upright = patches(size=(900, 1200))
    lying = upright.rotate(90, expand=True)  # the phone turns it 90° clockwise to show it
    lying.save(images / "iphone.heic", quality=90, exif=phone_exif(orientation=6).tobytes())
    add("iphone", "iphone.heic", list(PATCHES))

    depth_map = Image.new("RGB", SIZE, "#808080")
    srgb.save(images / "mpo.jpg", "MPO", save_all=True, append_images=[depth_map], quality=95)
    add("mpo", "mpo.jpg", list(PATCHES))

    jpeg = io.BytesIO()
    srgb.save(jpeg, "JPEG", quality=95, exif=phone_exif().tobytes())
    video = struct.pack(">I", 24) + b"ftypmp42" + bytes(12) + bytes(50_000)
    (images / "rorelse.jpg").write_bytes(jpeg.getvalue() + video)
    add("rorelse", "rorelse.jpg", list(PATCHES))
    (images / "foto.jfif").write_bytes(jpeg.getvalue())
    add("foto", "foto.jfif", list(PATCHES))
    rgb_frames = [frame.convert("RGB") for frame in frames]
    rgb_frames[0].save(
        images / "animation.png", save_all=True, append_images=rgb_frames[1:], duration=150.5
    )
    add("apng", "animation.png", list(PATCHES))
    grey_frames = [frame.convert("L") for frame in rgb_frames]
    grey_frames[0].save(
        images / "gra-animation.png",
        save_all=True,
        append_images=grey_frames[1:],
        duration=150,
        icc_profile=gray_gamma_22(),
    )
    add("gra-animation", "gra-animation.png", managed(grey, gray_gamma_22()))
    sixteen = grey.convert("I").point(lambda v: v * 257).convert("I;16")
    corner = sixteen.getpixel(at(*PROBES[3], SIZE))
    sixteen.save(images / "gra-16-genomskinlig.png", transparency=corner)
    add("gra-16-genomskinlig", "gra-16-genomskinlig.png", [*grey_expected[:3], None], 6)
    grey.save(images / "trasig-profil.jpg", quality=95, icc_profile=gray_without_curve())
    add("trasig-profil", "trasig-profil.jpg", grey_expected)

    (images / "inspelning.gif").write_bytes(screen_recording())
    (images / "logga.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 240">'
        '<rect width="400" height="240" fill="#1d5c57"/></svg>\n',
        "utf-8",
    )
    return cases


def shown_images(cases):
    """{article slug: (alt text, file in images/)}: an article for each image."""
    shown = {f"bild-{name}": (f"Bild: {name}", case.file) for name, case in cases.items()}
    shown["bild-logga"] = ("EPM:s logga", "logga.svg")
    shown["bild-inspelning"] = ("Så fyller du i formuläret", "inspelning.gif")
    return shown
