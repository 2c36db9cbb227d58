"""Signals of the site's own, beside Pelican's (blinker's named signals, as Pelican's are)."""

from blinker import signal

# Sent with an article that the preview keeps from the build before instead of reading it
# again (plugins/preview_reuse). Pelican sent content_object_init when it was read; a plugin
# that notes something per build from that signal notes it again from this one.
content_object_reused = signal("content_object_reused")
