"""structured_data: schema.org JSON-LD for every page, from one Jinja call:
`{{ json_ld(current_url) }}` (the page's address, relative: "tjanster/teamcoaching/").

Search engines read EPM as an Organization (with its legal facts as far as they are
known, and its coaches with a role at EPM as employees), each coach as a Person
(credentials, languages), the article's author and dates, each service and the
breadcrumb trail from it. The nested data is clearer built in Python than in Jinja; the
output goes through Jinja's htmlsafe JSON, so a title containing </script> stays text.
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


def person_id(origin, page):
    return f"{origin}/{page.url}#person"


def person(origin, page):
    """A coach as a schema.org Person: https://schema.org/Person."""
    node = {
        "@type": "Person",
        "@id": person_id(origin, page),
        "name": text(page.title),
        "url": f"{origin}/{page.url}",
        "description": text(page.summary),
    }
    if role := page.metadata.get("role"):  # their role at EPM, which EPM has confirmed
        node.update(jobTitle=role, worksFor={"@id": f"{origin}/#epm"})
    if photo := getattr(page, "photo_path", None):
        node["image"] = f"{origin}/{photo}"
    if credentials := page.metadata.get("credentials"):
        node["hasCredential"] = [
            {
                "@type": "EducationalOccupationalCredential",
                "name": credential["name"],
                **({"dateCreated": str(credential["year"])} if credential.get("year") else {}),
            }
            for credential in credentials
        ]
    if languages := page.metadata.get("languages"):
        node["knowsLanguage"] = languages
    if linkedin := page.metadata.get("linkedin"):
        node["sameAs"] = [linkedin]
    return node


def author(origin, article):
    """The article's author; with a coach page, the same Person as that page's."""
    node = {"@type": "Person", "name": str(article.author)}
    if profile := getattr(article, "author_page", None):
        node.update({"@id": person_id(origin, profile), "url": f"{origin}/{profile.url}"})
    return node


def organisation(context, origin):
    """The firm as a schema.org Organization (ProfessionalService is deprecated)."""
    company = context["COMPANY"]
    # A coach with a role at EPM (plugins/content_kinds: `author_profiles`).
    employees = [
        {"@id": person_id(origin, page)}
        for page in context.get("author_profiles", [])
        if page.metadata.get("role")
    ]
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
        **({"employee": employees} if employees else {}),
    }


def share_image(content, context):
    """The image a link to the page shows: its photo (content_images), its card
    (share_cards), else the site's."""
    shown = getattr(content, "og_image", None) or getattr(content, "share_card", None)
    return shown["path"] if shown else context["SHARE_IMAGE"]


def page_node(context, origin, url):
    article, page = context.get("article"), context.get("page")
    provider = {"@id": f"{origin}/#epm"}
    if article:
        return {
            "@type": "Article",
            "headline": text(article.title),
            "description": text(article.summary),
            "author": author(origin, article),
            "datePublished": article.date.isoformat(),
            "dateModified": getattr(article, "modified", article.date).isoformat(),
            "publisher": provider,
            "image": f"{origin}/{share_image(article, context)}",
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
    kind = getattr(page, "content_kind", None)
    if kind and kind.name == context.get("AUTHOR_PROFILES"):
        return person(origin, page)
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
