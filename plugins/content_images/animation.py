"""Animations (a GIF screen recording for a how-to): animated AVIF for readers.

Measured on a 12.4 MB, 120-frame 1280 × 800 GIF recording (docs/performance.md): animated
AVIF is 0.92 MB at 720 px and 0.17 MB at 360 px, where lossy animated WebP is 4.6 MB and
1.3 MB and lossless WebP 19 MB; AV1 codes what changes between frames, GIF and WebP
nearly every frame again. Every current browser plays animated AVIF.

Two widths only: the 42rem column on a phone at DPR 3 needs 1026 px and takes 720, which
keeps screen text readable; the desktop column (672 px) takes 720 too. Readers who ask
for reduced motion, and browsers without AVIF, get the first frame as a still.
"""

from PIL import Image, ImageOps, ImageSequence

from site_model.image_files import ANIMATED_FORMATS

from .colour import ImageTrouble, to_web

ANIMATION_WIDTHS = (360, 720)
PHONE_BUDGET = 1_000_000  # bytes one animation may cost a phone (issue 20)
# Limited ("video") range: Chromium plays an animated AVIF through its video decoder, which
# reads full-range frames (Pillow's default) as limited, so navy (34, 58, 130) showed as
# (21, 49, 130); limited range shows it as (34, 59, 129). Stills are not affected.
ANIMATED_AVIF = {"quality": 60, "speed": 8, "range": "limited"}


def is_animation(path):
    with Image.open(path) as image:
        return image.format in ANIMATED_FORMATS and getattr(image, "is_animated", False)


def save_animation(path, width, target):
    """Write the animation at path, resized to width px, as animated AVIF to target: each
    frame upright and in colours browsers show (colour.to_web), as the still is."""
    frames, durations = [], []
    with Image.open(path) as image:
        for frame in ImageSequence.Iterator(image):
            frame.info.setdefault("icc_profile", image.info.get("icc_profile"))
            upright = to_web(ImageOps.exif_transpose(frame))
            height = round(upright.height * width / upright.width)
            frames.append(upright.resize((width, height), Image.LANCZOS))
            # GIF's 0 means "as fast as it can"; APNG gives float milliseconds.
            durations.append(round(frame.info.get("duration") or 100))
    # One mode for all (to_web drops an alpha a frame does not use); the first frame's
    # profile is the animation's.
    mode = "RGBA" if any(frame.mode == "RGBA" for frame in frames) else "RGB"
    frames = [frame.convert(mode) for frame in frames]
    frames[0].save(
        target,
        "AVIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        **ANIMATED_AVIF,
    )


def check_budget(target):
    """Raise ImageTrouble when the animation a phone downloads (at target) is too big."""
    size = target.stat().st_size
    if size > PHONE_BUDGET:
        megabytes = f"{size / 1e6:.1f}".replace(".", ",")  # Swedish decimal comma
        raise ImageTrouble(
            f"är en animering på {megabytes} MB även i {ANIMATION_WIDTHS[-1]} px bredd, mer än "
            f"de {PHONE_BUDGET / 1e6:.0f} MB en mobil högst bör behöva hämta — "
            "spela in ett kortare klipp eller en mindre del av skärmen, eller länka till en video"
        )
