"""Bare Pelican for comparison: its default theme, no plugins, the same Markdown files."""

SITENAME = "Bare"
SITEURL = "https://bench.invalid"
TIMEZONE = "Europe/Stockholm"
PATH = "content"
ARTICLE_PATHS = ["articles"]
# The pages name templates of our theme; the default theme has none of them.
PAGE_PATHS = ["services"]
ARTICLE_URL = "artiklar/{slug}/"
ARTICLE_SAVE_AS = "artiklar/{slug}/index.html"
SLUGIFY_SOURCE = "basename"
DEFAULT_PAGINATION = False
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}
