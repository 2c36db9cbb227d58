"""The EPM site's model: what the site is, written once, read by everything else.

Plugins (plugins/), tools (tools/, tasks.py), tests and both settings files import it
under this one name; no plugin imports another plugin.

- kinds.py: the kinds of content (article, page, service, …) as CONTENT_KINDS gives them;
- settings.py: every setting that follows from others, derived in one function;
- schema.py, values.py: the front-matter fields of each kind and their checks;
- addresses.py: file name → slug → address → saved file; old and gone addresses;
- contents.py: every article and page the generators hold, whatever their status;
- csp.py: how a Content-Security-Policy is written;
- markdown.py, front_matter.py: the site's Markdown dialect and what a CMS's empty field means;
- image_files.py, svg.py: which image files are published, and which SVGs are safe;
- checks/: the content checks (path:line: what — fix), run by plugins/content_checks
  and `invoke check-content`.
"""
