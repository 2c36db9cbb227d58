"""A production build in Chromium, answered for its real https origin as its host would:
the `_headers` file's policy per path, and the form service like Formspree. Shared by the
browser tests that need the production origin (quality, search)."""

import mimetypes
from urllib.parse import urlsplit

from conftest import PRODUCTION_ENV, html_file

SITEURL = PRODUCTION_ENV["SITEURL"]
ENDPOINT = PRODUCTION_ENV["CONTACT_FORM_ENDPOINT"]


class ProductionSite:
    """Answers for the site's origin from the build, with the `_headers` file's CSP, and
    for the form service like Formspree; records what the page fetches from the site, every
    request that goes anywhere else, and what the page logs as an error."""

    def __init__(self, folder):
        self.folder = folder
        self.policies = {}  # {path prefix: CSP} of the `_headers` rules
        for rule in (folder / "_headers").read_text().split("\n\n"):
            pattern, *lines = rule.strip().splitlines()
            for line in lines:
                if line.strip().startswith("Content-Security-Policy:"):
                    self.policies[pattern.removesuffix("*")] = line.split(": ", 1)[1]
        self.fetched, self.posts, self.elsewhere, self.errors = [], [], [], []

    def csp(self, path):
        """The policy the host sends: the most specific rule's, which detaches the others'."""
        prefix = max((p for p in self.policies if path.startswith(p)), key=len)
        return self.policies[prefix]

    def handle(self, route):
        request = route.request
        if request.url.startswith(SITEURL + "/"):
            path = urlsplit(request.url).path
            self.fetched.append((request.resource_type, path))
            file = html_file(self.folder, path)
            if not file.exists():
                return route.fulfill(status=404, body="")
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            headers = {"Content-Type": content_type}
            if content_type == "text/html":
                headers["Content-Security-Policy"] = self.csp(path)
            return route.fulfill(status=200, headers=headers, body=file.read_bytes())
        if request.url == ENDPOINT and request.method == "POST":
            self.posts.append(request.post_data)
            return route.fulfill(
                status=200, json={"ok": True}, headers={"Access-Control-Allow-Origin": "*"}
            )
        self.elsewhere.append(request.url)
        return route.abort()


def open_live(browser, folder, **context_options):
    """(ProductionSite, page, context): a new browser context (Playwright's options) whose
    every request is answered by the site."""
    site = ProductionSite(folder)
    context = browser.new_context(**context_options)
    context.route("**/*", site.handle)
    page = context.new_page()
    # CSP violations reach the console as errors; a meta-only directive would be a warning.
    page.on("console", lambda m: m.type in ("error", "warning") and site.errors.append(m.text))
    page.on("pageerror", lambda error: site.errors.append(str(error)))
    return site, page, context
