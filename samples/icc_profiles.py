"""ICC colour profiles for test images, written from their published definitions.

Display P3, Adobe RGB (1998) and Gray Gamma 2.2 are matrix/curve profiles: a white point,
three primaries and a tone curve, a few hundred bytes in the ICC.1:2001-04 (v2) layout.
Writing them here, from the numbers in Apple's Display P3 and Adobe's specification,
means the tests need no profile files; CMYK needs a measured press table, so the CMYK
profile is Ghostscript's SWOP profile from Debian (libgs-common, installed by .ci/run).
"""

import struct
from pathlib import Path

CMYK_SWOP = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
D50 = (0.9642, 1.0, 0.8249)  # the profile connection space's white
# Primaries adapted to D50 (Bradford), the columns of each profile's RGB → XYZ matrix.
DISPLAY_P3 = (
    (0.515121, 0.241196, -0.001053),
    (0.291977, 0.692245, 0.041885),
    (0.157104, 0.066574, 0.784073),
)
ADOBE_RGB = (
    (0.609741, 0.311111, 0.019470),
    (0.205276, 0.625671, 0.060867),
    (0.149185, 0.063217, 0.744568),
)
ADOBE_GAMMA = 563 / 256  # 2.19921875, as Adobe RGB (1998) defines it


def _s15(value):
    return struct.pack(">i", round(value * 65536))


def _xyz(xyz):
    return b"XYZ " + bytes(4) + b"".join(_s15(v) for v in xyz)


def _text_description(text):
    ascii_text = text.encode("ascii") + b"\0"
    return b"desc" + bytes(4) + struct.pack(">I", len(ascii_text)) + ascii_text + bytes(8 + 3 + 67)


def _gamma_curve(gamma):
    return b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256)) + bytes(2)


def _srgb_curve(points=1024):
    """The sRGB tone curve (IEC 61966-2-1), which Display P3 shares, as a table."""
    values = []
    for n in range(points):
        x = n / (points - 1)
        y = x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4
        values.append(round(y * 65535))
    return b"curv" + bytes(4) + struct.pack(f">I{points}H", points, *values)


def _profile(space, tags):
    table, data = b"", b""
    offset = 128 + 4 + 12 * len(tags)
    for signature, body in tags.items():
        body += bytes(-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + bytes(4)
        + bytes([2, 0x10, 0, 0])
        + b"mntr"
        + space
        + b"XYZ "
        + bytes(12)
        + b"acsp"
        + bytes(24)
        + struct.pack(">I", 0)
        + b"".join(_s15(v) for v in D50)
        + bytes(4 + 16 + 28)
    )
    return header + struct.pack(">I", len(tags)) + table + data


def rgb_profile(name, primaries, curve):
    red, green, blue = primaries
    return _profile(
        b"RGB ",
        {
            b"desc": _text_description(name),
            b"wtpt": _xyz(D50),
            b"rXYZ": _xyz(red),
            b"gXYZ": _xyz(green),
            b"bXYZ": _xyz(blue),
            b"rTRC": curve,
            b"gTRC": curve,
            b"bTRC": curve,
            b"cprt": b"text" + bytes(4) + b"No copyright, use freely\0",
        },
    )


def display_p3():
    return rgb_profile("Display P3", DISPLAY_P3, _srgb_curve())


def adobe_rgb():
    return rgb_profile("Adobe RGB (1998)", ADOBE_RGB, _gamma_curve(ADOBE_GAMMA))


def gray_gamma_22():
    return _profile(
        b"GRAY",
        {
            b"desc": _text_description("Gray Gamma 2.2"),
            b"wtpt": _xyz(D50),
            b"kTRC": _gamma_curve(2.2),
            b"cprt": b"text" + bytes(4) + b"No copyright\0",
        },
    )


def cmyk_swop():
    if not CMYK_SWOP.exists():
        raise FileNotFoundError(f"{CMYK_SWOP}: install Debian's libgs-common (.ci/run does)")
    return CMYK_SWOP.read_bytes()


def gray_without_curve():
    """A grey profile that parses but lacks its tone curve (kTRC): LittleCMS cannot use it."""
    return _profile(b"GRAY", {b"desc": _text_description("Broken grey"), b"wtpt": _xyz(D50)})
