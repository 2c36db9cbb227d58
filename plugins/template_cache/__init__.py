"""template_cache: the theme's templates compiled once, not in every build.

Pelican makes a new Jinja environment for every build, and so compiled the theme's 30
templates again each time: a sixth of a second of every save in `invoke livereload`, and
of every build the tests make. Jinja's own bytecode cache keeps them in cache/jinja/,
keyed by each template's name and a checksum of its source, so an edited template is
compiled again.
"""

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals

CACHE = Path(__file__).resolve().parents[2] / "cache" / "jinja"  # beside cache/images


def use_bytecode_cache(generator):
    CACHE.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(CACHE))


def register():
    signals.generator_init.connect(use_bytecode_cache)
