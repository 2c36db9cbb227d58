"""Development settings for the EPM website (read by path: `pelican -s pelican.conf.py`).

Production overrides live in publishconf.py; both are flat UPPER_CASE settings, and both
end by deriving the settings that follow from these (site_model/settings.py).
"""

import datetime
import os
import sys

# The site's model (site_model/) is imported by the plugins, however Pelican was started.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_model.settings import derive

# The firm's names, as the original page writes them; SITENAME joins them.
SITE_SHORTNAME = "EPM"
SITE_FULLNAME = "Enterprise Performance Management"
SITENAME = f"{SITE_SHORTNAME} – {SITE_FULLNAME}"
AUTHOR = "Therése M. Sandberg"  # the default author of `invoke new article`
SITE_TAGLINE = "Ledarkvaliteter"
SITE_DESCRIPTION = (
    "EPM – Enterprise Performance Management erbjuder executive coaching, business coaching, "
    "prestationscoaching och kompetenscoaching för ledare och organisationer."
)
# Shown where the contact form cannot help (e.g. the service is down). Confirm with EPM.
CONTACT_EMAIL = "kontakt@epm.se"
# The firm's facts as the law asks its website to show them (site_model/company.py): the
# footer shows those with a value. None: not known yet, shown nowhere. Until EPM confirms a
# fact, every production build lists it; with LAUNCHED = True it stops that build.
COMPANY_FACTS = {
    # The original page's copyright line: "ENTERPRISE PERFORMANCE MANAGEMENT".
    "legal_name": {"label": "Företagsnamn", "value": SITE_FULLNAME, "confirmed": False},
    "legal_form": {"label": "Bolagsform", "value": None, "confirmed": False},
    "organisation_number": {"label": "Organisationsnummer", "value": None, "confirmed": False},
    "seat": {"label": "Säte", "value": None, "confirmed": False},  # an aktiebolag's town
    "address": {"label": "Adress", "value": None, "confirmed": False},
    "email": {"label": "E-post", "value": CONTACT_EMAIL, "confirmed": False},
    "phone": {"label": "Telefon", "value": None, "confirmed": False, "required": False},
    # Marknadsföringslagen (since 2022): a site that shows what clients say must say whether
    # and how it checks that they are real clients. The client cases' list shows this line.
    # A proposal of ours, not EPM's word yet.
    "case_verification": {
        "label": "Hur kundcasen kontrolleras",
        "value": (
            "Varje kundcase bygger på ett uppdrag som EPM har utfört. Kunden har läst texten "
            "och gett sitt skriftliga samtycke till att den publiceras."
        ),
        "confirmed": False,
    },
}
LAUNCHED = False  # EPM's launch turns it on: then no fact may be unconfirmed in production
COPYRIGHT_YEAR = datetime.date.today().year
SHARE_IMAGE = "images/epm-delning.png"  # 1200 × 630, for link previews (Open Graph)
SHARE_IMAGE_HEADING = "Executive Coaching gör dig till en bättre ledare"  # drawn on it
SHARE_IMAGE_ALT = f"{SITENAME}: {SHARE_IMAGE_HEADING}"
AREA_SERVED = "Sverige"  # schema.org areaServed, for the firm and each service

# Empty: links are root-relative in development; publishconf.py requires an https URL.
SITEURL = os.environ.get("SITEURL", "")
PRODUCTION = False  # publishconf.py: True
# SITE_ORIGIN, FEED_DOMAIN and CMS_LOCAL_BACKEND follow from these (derive, at the end).
# Where `invoke livereload` and `invoke serve` show the site and run the local form sink;
# another port when that one is taken: `PREVIEW_PORT=8100 uv run invoke livereload`.
PREVIEW_HOST = "127.0.0.1"
PREVIEW_PORT = int(os.environ.get("PREVIEW_PORT", "8000"))
FORM_SINK_PORT = int(os.environ.get("FORM_SINK_PORT", "8001"))
PREVIEW_URL = os.environ.get("PREVIEW_URL", f"http://{PREVIEW_HOST}:{PREVIEW_PORT}")
CONTACT_FORM_ENDPOINT = os.environ.get(
    "CONTACT_FORM_ENDPOINT", f"http://{PREVIEW_HOST}:{FORM_SINK_PORT}/f/epm"
)
# Form field names the service understands (Formspree convention), set here only.
CONTACT_FORM_FIELDS = {
    "name": "name",
    "email": "email",
    "phone": "phone",
    "message": "message",
    "honeypot": "_gotcha",
    "redirect": "_next",
    "subject": "_subject",
}
CONTACT_FORM_SUBJECT = "Ny förfrågan via epm.se"

TIMEZONE = "Europe/Stockholm"
DEFAULT_LANG = "sv"  # <html lang>, JSON-LD inLanguage
BABEL_LOCALE = "sv_SE"  # dates via Babel and og:locale; Pelican's LOCALE would use the OS locale

PATH = "content"
# The kinds of content, each in one entry (its keys: site_model/kinds.py). Pelican's paths
# and addresses, the lists and the menu, the CMS, the checks and `invoke new` all follow
# from these. A kind with a `template` is one of ours (plugins/content_kinds): its pages
# use that template, carry an `order:`, and templates get them in that order under the
# folder's name (`services`). A new kind is an entry here, its templates and its content.
CONTENT_KINDS = {
    "article": {
        "folder": "articles",
        "url": "artiklar/{slug}/",
        "label": "Artikel",
        "label_plural": "Artiklar",
        "list": {"url": "artiklar/", "template": "index", "menu": 2},
        "fields": [
            *("title", "date", "author", "summary", "modified", "status", "original_url"),
            "services",  # the services it is about: slugs of content/services/
        ],
    },
    "page": {
        "folder": "pages",
        "url": "{slug}/",
        "label": "Sida",
        "label_plural": "Sidor",
        "fields": [
            *("title", "summary", "status", "template", "url", "save_as"),
            *("eyebrow", "robots", "original_url", "modified"),
        ],
        "editors_create": False,  # a page needs a template and an address: a developer's
    },
    "service": {
        "folder": "services",
        "url": "tjanster/{slug}/",
        "label": "Tjänst",
        "label_plural": "Tjänster",
        "template": "service",
        "list": {"url": "tjanster/", "template": "services", "menu": 1},
        "fields": ["title", "summary", "order", "status", "original_url", "coaches"],
    },
    "coach": {
        "folder": "coaches",
        "url": "coacher/{slug}/",
        "label": "Coach",
        "label_plural": "Coacher",
        "template": "coach",
        "list": {"url": "coacher/", "template": "coaches", "menu": 3},
        "fields": [
            *("title", "role", "summary", "photo", "credentials", "languages", "linkedin"),
            *("order", "status", "original_url"),
        ],
        "text_optional": True,  # the long presentation, once EPM has written one
    },
    "case": {
        "folder": "cases",
        "url": "kundcase/{slug}/",
        "label": "Kundcase",
        "label_plural": "Kundcase",
        "template": "case",
        "list": {"url": "kundcase/", "template": "cases", "menu": 4},
        "fields": [
            *("title", "summary", "client", "challenge", "approach", "result", "quote"),
            *("services", "consent", "order", "status", "original_url"),
        ],
        "text_optional": True,  # the fields tell the case; the text may add to it
    },
}
# An article's `author:` names a coach by the title of their page: the byline links there,
# and the coach's page lists their articles (plugins/content_kinds; checked).
AUTHOR_PROFILES = "coach"
# The main menu: the lists above with a `menu` place, then these.
MENU_LINKS = [("Kontakt", "kontakt/"), ("Sök", "sok/")]
STATIC_PATHS = ["images"]
# Pages the theme links to from every page, by their file in content/ (plugins/site_pages).
SITE_PAGES = {
    "contact": "pages/kontakt.md",
    "thanks": "pages/tack.md",
    "privacy": "pages/integritet.md",
}
# Text files made from templates (absolute paths: Pelican reads these relative to PATH).
THEME_TEMPLATES = os.path.join(os.path.dirname(__file__), "theme", "templates")
TEMPLATE_PAGES = {
    os.path.join(THEME_TEMPLATES, "robots.txt"): "robots.txt",
    os.path.join(THEME_TEMPLATES, "_headers"): "_headers",
}
OUTPUT_PATH = "output"

THEME = "theme"
# HTML templates escape everything (plugins/autoescape turns it on, as a function here
# would stop Pelican's content cache from pickling the settings).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True}
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "derived_settings",  # first: derives the settings again after `pelican -e`
    "content_checks",  # then: nothing is read or built from content with a mistake
    "proofreading",  # spelling and readability notes, which never stop a build
    "company_facts",
    "commonmark_reader",
    "content_images",
    "pelican.plugins.sitemap",
    "swedish_dates",
    "content_kinds",
    "site_search",
    "share_cards",
    "site_pages",
    "redirects",
    "reading_aids",
    "plain_text",
    "autoescape",
    "template_cache",
    "noindex",
    "structured_data",
    "inline_assets",
    "security_headers",
    "admin",
    "preview_reuse",
    "written_links",  # after every plugin that writes a page or file
    "pelican.plugins.minify",
]
# The preview keeps readable HTML, with the </head> that livereload injects before;
# publishconf.py minifies. inline_assets has minified (and hashed) the inline CSS and JS
# already, and minify-html would treat a .css or .js file as HTML text.
HTML_MIN = False
CSP_IN_META = True  # `invoke livereload` turns it off (see tasks.py)
INLINE_CSS_MIN = False
INLINE_JS_MIN = False
CSS_MIN = False
JS_MIN = False

# The file name is the slug, so an editor controls the URL by naming the file.
SLUGIFY_SOURCE = "basename"
DRAFT_URL = "utkast/{slug}/"
DRAFT_SAVE_AS = "utkast/{slug}/index.html"
DRAFT_PAGE_URL = "utkast/{slug}/"
DRAFT_PAGE_SAVE_AS = "utkast/{slug}/index.html"

# Generated lists: only the kinds' lists (DIRECT_TEMPLATES is derived from their `list`).
DEFAULT_PAGINATION = False

# No page that nobody designed: Pelican's author, category, tag and archive pages are off.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
# With category pages off Pelican gives articles no category, and then fails writing a
# draft (generate_drafts reads draft.category). One fixed category keeps drafts working.
DEFAULT_METADATA = {"category": "artiklar"}
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# /artiklar/ shows the newest this many as teasers, the older a line each, by year.
ARTICLE_LIST_TEASERS = 10
# A service page lists the newest articles naming it, this many, then links to them all.
RELATED_ARTICLES_SHOWN = 3
# A coach's page lists the newest articles they wrote, this many, then links to them all.
AUTHORED_ARTICLES_SHOWN = 5
# /sok/ lists everything on the site until a search finds something (and without
# JavaScript): the newest this many articles, then a link to /artiklar/.
SEARCH_FALLBACK_ARTICLES = 10

FEED_ALL_ATOM = "artiklar/atom.xml"
# The feed carries the newest 20 articles with their full text, which is what a feed
# reader shows; the rest stay on /artiklar/. Every article (Pelican keeps up to 100) would
# be 936 KB at 100 articles, polled by every reader.
FEED_MAX_ITEMS = 20
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Only pages a search engine should show: not drafts, nor pages marked `robots: noindex`
# (plugins/noindex), nor the text files.
SITEMAP = {
    "format": "xml",
    "exclude": ["^robots\\.txt$", "^_headers$", "^utkast/", "^admin/"],
}

# Markdown is CommonMark + GFM with Swedish typography: plugins/commonmark_reader.
TYPOGRIFY = False
FORMATTED_FIELDS = []  # summaries are plain text (see plugins/plain_text)
SUMMARY_MAX_LENGTH = None
CACHE_CONTENT = False

# --- The privacy notice (content/pages/integritet.md, template "privacy") ---------------
# Everyone who processes personal data for EPM besides EPM itself, and where. The notice
# lists exactly these, so changing the form service or the host here changes what
# /integritet/ says. Until EPM has confirmed a transfer basis with the supplier, the notice
# marks it "att bekräfta" (and docs/launch.md lists it); then set the flag to True.
PRIVACY_PROCESSORS = [
    {
        "role": "Formulärtjänst",
        "name": "Formspree, Inc.",
        "country": "USA",
        "purpose": (
            "Tar emot det du skickar med kontaktformuläret och vidarebefordrar det till oss. "
            "Som alla webbtjänster ser den också din IP-adress. Formspree är vårt "
            "personuppgiftsbiträde och får bara behandla uppgifterna för vår räkning och "
            "enligt våra instruktioner."
        ),
        "outside_eu_eea": True,
        "transfer_basis": (
            "EU-kommissionens beslut om adekvat skyddsnivå (EU–US Data Privacy Framework) "
            "eller EU-kommissionens standardavtalsklausuler"
        ),
        "transfer_basis_confirmed": False,
    },
    {
        "role": "Webbhotell",
        "name": "GitHub, Inc. (GitHub Pages)",
        "country": "USA",
        "purpose": (
            "Lagrar webbplatsen och skickar sidorna till din webbläsare; då behövs din "
            "IP-adress. Det gäller alla besökare, även den som inte använder formuläret. "
            "GitHub loggar också besökares IP-adresser för att skydda sin tjänst och är "
            "självständigt personuppgiftsansvarig för de loggarna, enligt GitHubs "
            "integritetspolicy."
        ),
        "outside_eu_eea": True,
        "transfer_basis": (
            "EU-kommissionens beslut om adekvat skyddsnivå (EU–US Data Privacy Framework) "
            "eller EU-kommissionens standardavtalsklausuler"
        ),
        "transfer_basis_confirmed": False,
    },
]

# --- Editing in the browser: the CMS at /admin/ (plugins/admin, docs/editing.md) ---------
# Its fields come from site_model/schema.py; these say where things are.
CMS_PACKAGE = "node_modules/decap-cms/dist"  # the CMS script, pinned in package-lock.json
CMS_CONTENT_FOLDER = "content"  # where content/ is in the repository the CMS edits
# The GitHub repository (owner/name) and branch editors' pull requests go to; GitHub
# Actions sets GITHUB_REPOSITORY, elsewhere set it by hand (docs/deploying.md).
CMS_REPO = os.environ.get("GITHUB_REPOSITORY", "")
CMS_BRANCH = "main"
# The sign-in helper for GitHub (a Cloudflare Worker, set up once: docs/deploying.md), e.g.
# "https://epm-cms-auth.<account>.workers.dev". Not secret. Empty: /admin/ cannot sign in.
CMS_AUTH_URL = ""
# `invoke livereload` runs decap-server here, so /admin/ edits the working copy with no
# account. A build for a real address (SITEURL set: production) has no local backend.
CMS_SERVER_PORT = int(os.environ.get("CMS_SERVER_PORT", "8081"))

derive(globals())  # last: publishconf.py derives again after its overrides
