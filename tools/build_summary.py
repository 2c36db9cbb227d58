"""The summary GitHub shows on a run's page ($GITHUB_STEP_SUMMARY): what the production
build made, the largest page against the first-render budget, and how the addresses
changed against the last deploy when its sitemap is known."""

import os
from pathlib import Path

from plugins.admin import FOLDER as ADMIN_FOLDER
from plugins.redirects import REDIRECTS_FILE
from site_model.company import SETTINGS_FILE, unconfirmed
from tools.check_urls import NotPublished, listed_addresses, read_sitemap
from tools.first_render import FIRST_ROUND_TRIP_BYTES, first_render_bytes


def redirect_counts(output):
    """(old addresses redirected, gone addresses) from the build's _redirects."""
    file = Path(output) / REDIRECTS_FILE
    lines = file.read_text("utf-8").splitlines() if file.exists() else []
    codes = [line.split()[-1] for line in lines if line.strip()]
    return codes.count("301"), codes.count("410")


def largest_page(output):
    """(gzip -9 bytes before first render, address) of the page that needs the most."""
    return max(
        (first_render_bytes(page.read_bytes()), page.relative_to(output).as_posix())
        for page in Path(output).rglob("*.html")
    )


def changes(output, before, root):
    """(added, removed): this build's sitemap against the addresses listed before."""
    current = listed_addresses((Path(output) / "sitemap.xml").read_bytes(), root)
    return sorted(current - before), sorted(before - current)


def change_lines(added, removed):
    lines = [f"- Pages added to the sitemap: {len(added)}", *(f"  - `/{a}`" for a in added)]
    lines += [f"- Pages no longer in the sitemap: {len(removed)}"]
    return lines + [f"  - `/{r}`" for r in removed]


def build_summary(output, previous_sitemap=None):
    redirected, gone = redirect_counts(output)
    # The editors' CMS (/admin/) is not a reader's page.
    pages = sum(1 for page in Path(output).rglob("*.html") if ADMIN_FOLDER not in page.parts)
    pages -= redirected
    size, address = largest_page(output)
    verdict = "within" if size <= FIRST_ROUND_TRIP_BYTES else "**over**"
    lines = [
        "### Production build",
        f"- Pages built: {pages}",
        f"- Old addresses redirected: {redirected}; gone for good: {gone}",
        f"- Largest first render: `/{address}`, {size:,} B gzip, {verdict} the "
        f"{FIRST_ROUND_TRIP_BYTES:,} B budget",
    ]
    if previous_sitemap:
        try:
            xml, root = read_sitemap(previous_sitemap)
            lines += change_lines(*changes(output, listed_addresses(xml, root), root))
        except NotPublished as reason:
            lines.append(f"- No previous sitemap ({reason})")
    return "\n".join(lines) + "\n"


def facts_summary(settings):
    """The company facts still to confirm before the launch (site_model/company.py)."""
    if not (missing := unconfirmed(settings)):
        return ""
    lines = [
        f"- {message.split(' — ')[0]} (`{SETTINGS_FILE.name}:{line}`)" for line, message in missing
    ]
    return "\n".join(["### Företagsuppgifter att bekräfta före lanseringen", *lines]) + "\n"


def addresses_summary(result, output):
    """The check-urls part: what changed against the last deploy, and what would break."""
    if not result.published:
        return f"### Addresses\nNo published sitemap at {result.sitemap} yet: nothing to compare.\n"
    added, removed = changes(output, result.listed, result.root)
    lines = ["### Addresses against the last deploy", *change_lines(added, removed)]
    if result.missing:
        lines.append(
            f"- **{len(result.missing)} would break** (no page, redirect or gone.txt line):"
        )
        lines += [f"  - `/{address}`" for address in result.missing]
    else:
        lines.append("- Every published address still answers.")
    return "\n".join(lines) + "\n"


def append_step_summary(text):
    """Append to GitHub's step summary; nothing happens outside GitHub Actions."""
    if path := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(text + "\n")
