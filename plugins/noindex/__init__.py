"""noindex: a page an editor marks `robots: noindex` (the 404, the thank-you page) also
stays out of the sitemap, whatever its address: pelican-sitemap leaves out `private` pages.
"""

from pelican import signals


def keep_out_of_sitemap(content):
    if "noindex" in str(content.metadata.get("robots", "")):
        content.private = "True"  # pelican-sitemap compares with the string


def register():
    signals.content_object_init.connect(keep_out_of_sitemap)
