"""commonmark_reader: Markdown files are read as CommonMark + GFM (parser.py), the dialect
of GitHub's editor and of the CMS's preview, so what an editor previews is what readers get.

The reader is pelican-markdown-it-reader's (YAML front matter, `{filename}` links) with
the site's parser in place of its fixed one, and two rules for what a CMS writes:
- an emptied optional field (`""`, null, `[]`) is not set, as if the line were gone
  (a CMS cannot delete the line);
- a date with a time and a zone (`2026-03-12T23:30:00Z`) is the day and time in
  TIMEZONE (13 mars in Stockholm), not in the zone it was written in.
"""

import copy
import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import yaml
from pelican import signals
from pelican.plugins.markdown_it_reader import MDITReader
from pelican.plugins.markdown_it_reader.markdown_it_reader import YAML_HEADER_RE
from pelican.utils import pelican_open

from site_model.checks.source import FAST_LOADER
from site_model.front_matter import is_unset
from site_model.markdown import markdown_parser, rendered
from site_model.schema import FIELDS

# The fields an editor picks a date for (the CMS's datetime widget): site_model/schema.py.
DATE_FIELDS = tuple(name for name, field in FIELDS.items() if field.widget == "datetime")


class CommonMarkReader(MDITReader):
    def _build_md(self):
        return markdown_parser()

    def read(self, filename):
        """(HTML, metadata) as MDITReader.read, with two changes for speed: the front
        matter is read by libyaml, as the content checks read it, and a body's HTML is
        rendered once per process (live reload reads every file on each save)."""
        with pelican_open(filename) as text:
            match = YAML_HEADER_RE.fullmatch(text)
        if not match:  # no front matter: the content checks have refused the file
            return super().read(filename)
        front_matter = copy.deepcopy(_front_matter(match.group("metadata")))
        # The body as the content checks join its lines (site_model/checks/source.py), so
        # that the text they parsed is not parsed again: without the end of the --- line
        # and the file's last line end. Not split by splitlines(), which also ends lines
        # at characters Markdown and the CMS's preview keep in the line (U+2028, \x0b).
        body = match.group("content").removeprefix("\n").removesuffix("\n")
        return rendered(body), self._parse_yaml_metadata(front_matter)

    def _parse_yaml_metadata(self, meta):
        if isinstance(meta, dict):
            meta = {name: value for name, value in meta.items() if not is_unset(name, value)}
        metadata = super()._parse_yaml_metadata(meta)
        zone = ZoneInfo(self.settings["TIMEZONE"])
        for name in DATE_FIELDS:
            value = metadata.get(name)
            if isinstance(value, datetime.datetime) and value.tzinfo is not None:
                metadata[name] = value.astimezone(zone)
        return metadata


@lru_cache(maxsize=4096)
def _front_matter(text):
    """The front matter's fields, read once per text (live reload reads every file at each
    save; libyaml took 0.1 s a build at 300 articles). Callers get a copy to change."""
    return yaml.load(text, Loader=FAST_LOADER)


def add_reader(readers):
    for extension in CommonMarkReader.file_extensions:
        readers.reader_classes[extension] = CommonMarkReader


def register():
    signals.readers_init.connect(add_reader)
