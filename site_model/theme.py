"""The theme's colours, read from its stylesheet, where they are set once (issue 21):
the image pipeline and the link-preview cards draw in them."""

import re
from pathlib import Path

ROOT_RULE = re.compile(r":root\s*\{(.*?)\}", re.DOTALL)  # the first: the light scheme's
COLOUR = re.compile(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,8})\s*;")


def light_colours(theme: str | Path) -> dict[str, str]:
    """{token: "#rrggbb"} of the light scheme's custom properties in the theme's
    static/css/site.css: {"paper": "#faf8f4", "accent": "#1d5c57", …}."""
    css = (Path(theme) / "static" / "css" / "site.css").read_text("utf-8")
    return {name: value.lower() for name, value in COLOUR.findall(ROOT_RULE.search(css).group(1))}
