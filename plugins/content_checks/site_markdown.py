"""The site's Markdown (plugins/commonmark_reader): its parser and what a front-matter
value means, so the checks read a file exactly as the build does.

Pelican loads each plugin as a top-level module from PLUGIN_PATHS (commonmark_reader is
listed before content_checks for this), while tests and tasks.py import them from the
`plugins` package: the reader is found under either name.
"""

try:
    from commonmark_reader.front_matter import is_unset
    from commonmark_reader.parser import markdown_parser
except ImportError:
    from plugins.commonmark_reader.front_matter import is_unset
    from plugins.commonmark_reader.parser import markdown_parser

__all__ = ["is_unset", "markdown_parser"]
