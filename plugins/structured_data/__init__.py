"""structured_data: schema.org JSON-LD for every page, from one Jinja call:
`{{ json_ld(current_url) }}` (the page's address, relative: "tjanster/teamcoaching/").

Search engines read EPM as an Organization (with its legal facts as far as they are
known), the article's author and dates, each service and the breadcrumb trail from it.
The nested data is clearer built in Python than in Jinja; the output goes through
Jinja's htmlsafe JSON, so a title containing </script> stays text.
"""

from jinja2 import pass_context
from jinja2.utils import htmlsafe_json_dumps
from pelican import signals

CONTEXT = "https://schema.org"


def text(value):
    """Titles and summaries are escaped Markup (plugins/plain_text); JSON wants the text."""
    return value.striptags() if hasattr(value, "striptags") else str(value)


# The firm's facts (COMPANY, from COMPANY_FACTS) under their schema.org names.
COMPANY_PROPERTIES = {
    "legal_name": "legalName",
    "organisation_number": "taxID",  # the Swedish organisationsnummer
    "address": "address",
    "email": "email",
    "phone": "telephone",
}


def organisation(context, origin):
    """The firm as a schema.org Organization (ProfessionalService is deprecated)."""
    company = context["COMPANY"]
    return {
        "@type": "Organization",
        "@id": f"{origin}/#epm",
        "name": context["SITENAME"],
        "alternateName": context["SITE_SHORTNAME"],
        "url": f"{origin}/",
        **{prop: company[fact] for fact, prop in COMPANY_PROPERTIES.items() if fact in company},
        "image": f"{origin}/{context['SHARE_IMAGE']}",
        "description": context["SITE_DESCRIPTION"],
        "areaServed": {"@type": "Country", "name": context["AREA_SERVED"]},
        "knowsLanguage": context["DEFAULT_LANG"],
    }


def page_node(context, origin, url):
    article, page = context.get("article"), context.get("page")
    provider = {"@id": f"{origin}/#epm"}
    if article:
        return {
            "@type": "Article",
            "headline": text(article.title),
            "description": text(article.summary),
            "author": {"@type": "Person", "name": str(article.author)},
            "datePublished": article.date.isoformat(),
            "dateModified": getattr(article, "modified", article.date).isoformat(),
            "publisher": provider,
            "image": f"{origin}/{context['SHARE_IMAGE']}",
            "mainEntityOfPage": url,
            "inLanguage": context["DEFAULT_LANG"],
        }
    if page and page.template == "service":
        return {
            "@type": "Service",
            "name": text(page.title),
            "description": text(page.summary),
            "provider": provider,
            "areaServed": {"@type": "Country", "name": context["AREA_SERVED"]},
            "url": url,
        }
    if page and page.template == "contact":
        return {"@type": "ContactPage", "name": text(page.title), "url": url, "about": provider}
    return None


def breadcrumbs(context, origin, path):
    """Start › section › page, for every page below the start page."""
    if not path or path == "404.html":
        return None
    sections = {link: name for name, link in context["MENU"]}
    trail = [("Start", "")]
    section = path.split("/")[0] + "/"
    if section in sections:
        trail.append((sections[section], section))
    current = context.get("article") or context.get("page")
    if path != trail[-1][1] and current:
        trail.append((text(current.title), path))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": f"{origin}/{link}"}
            for n, (name, link) in enumerate(trail, 1)
        ],
    }


@pass_context
def json_ld(context, path):
    """The page's JSON-LD as htmlsafe JSON: the firm, the page's own node if it has one,
    and its breadcrumbs. `path` is the page's relative address ("" for the start page)."""
    origin = context["SITE_ORIGIN"]
    nodes = [
        organisation(context, origin),
        page_node(context, origin, f"{origin}/{path}"),
        breadcrumbs(context, origin, path),
    ]
    graph = {"@context": CONTEXT, "@graph": [node for node in nodes if node]}
    return htmlsafe_json_dumps(graph, dumps=None, ensure_ascii=False)


def add_function(generator):
    generator.env.globals["json_ld"] = json_ld


def register():
    signals.generator_init.connect(add_function)
