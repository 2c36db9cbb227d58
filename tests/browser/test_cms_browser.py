"""The editors' CMS in Chromium, end to end: /admin/ against decap-server on a temporary
copy of the fixture site, as `invoke livereload` runs it on the working copy. What the CMS
saves must be Markdown the content checks accept and the build publishes; a mistake the
CMS allows must fail the build with its file and line.

Most tests run decap-server in its `fs` mode, as livereload does: saves write the files
straight into the copy, and Decap saves without the pull-request step (it says so in the
console). The last test runs its `git` mode, where the editorial workflow of production
works as on GitHub. One signed-in tab and one build of /admin/ serve each mode."""

import datetime
import shutil
import subprocess

import pytest
import yaml
from pelican.settings import read_settings
from playwright.sync_api import expect

from cms_session import (
    CONTENT,
    PHOTO,
    cms_tab,
    copy_of_fixture_site,
    open_entry,
    publish,
    running_decap_server,
    served_admin,
    signed_in,
    wait_until_answered,
    wait_until_saved,
)
from conftest import (
    ROOT,
    SETTINGS,
    build,
    build_or_fail,
    parse,
    require,
)
from site_model.checks import check_content


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    return copy_of_fixture_site(tmp_path_factory.mktemp("cms-repository"))


@pytest.fixture(scope="module")
def cms(browser, repository, tmp_path_factory):
    with cms_tab(browser, repository, tmp_path_factory.mktemp("cms-site")) as page:
        yield page


def write_article(cms, title, summary, body, service=None):
    open_entry(cms, "articles/new")
    cms.get_by_label("Rubrik", exact=True).fill(title)
    cms.get_by_label("Datum").fill("2026-11-27")
    cms.get_by_label("Sammanfattning").fill(summary)
    if service:
        cms.get_by_label("Tjänster").fill(service[:4])
        cms.get_by_role("option", name=service).click()
    editor = cms.locator("[data-slate-editor]")
    editor.click()
    cms.keyboard.type(body)
    expect(editor).to_contain_text(body)


def new_article(cms, title, summary, body, service=None):
    write_article(cms, title, summary, body, service)
    publish(cms)


def front_matter(path):
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def front_matter_of(text):
    return yaml.safe_load(text.split("---")[1])


def problems_in(repository):
    """What `invoke check-content` would say about the copy."""
    settings = read_settings(
        str(ROOT / "pelican.conf.py"), override={"PATH": str(repository / CONTENT)}
    )
    return [str(problem) for problem in check_content(settings)]


def test_a_new_article_is_saved_as_markdown_that_builds(cms, repository, tmp_path):
    new_article(
        cms,
        "Mål för året",
        "Hur du sätter mål som håller hela året.",
        "Första stycket i den nya artikeln.",
        service="Teamcoaching",
    )
    path = repository / CONTENT / "articles" / "mal-for-aret.md"
    assert front_matter(path) == {
        "title": "Mål för året",
        "date": datetime.date(2026, 11, 27),
        "author": SETTINGS["AUTHOR"],
        "summary": "Hur du sätter mål som håller hela året.",
        "services": ["teamcoaching"],
    }
    assert problems_in(repository) == []
    output = build_or_fail("pelican.conf.py", tmp_path / "output", repository / CONTENT)
    page = parse(output, "/artiklar/mal-for-aret/")
    assert page.h1.get_text(strip=True) == "Mål för året"
    assert "Första stycket i den nya artikeln." in page.get_text()
    assert page.find("a", href="/tjanster/teamcoaching/")
    assert cms.errors == []


def test_a_new_article_starts_dated_today_and_picks_from_every_service(cms, repository):
    open_entry(cms, "articles/new")
    expect(cms.get_by_label("Datum")).to_have_value(datetime.date.today().isoformat())
    # The preview is styled by the site's own stylesheet, loaded into its frame.
    preview = cms.frame_locator("iframe").first
    expect(preview.locator('link[href$="/theme/css/site.css"]')).to_have_count(1)
    titles = [
        front_matter(path)["title"] for path in (repository / CONTENT / "services").glob("*.md")
    ]
    cms.get_by_label("Tjänster").click()
    expect(cms.get_by_role("option")).to_have_count(len(titles))
    assert sorted(cms.get_by_role("option").all_inner_texts()) == sorted(titles)
    cms.keyboard.press("Escape")
    # The author is picked from the coaches by name: the byline can always link.
    coaches = [
        front_matter(path)["title"] for path in (repository / CONTENT / "coaches").glob("*.md")
    ]
    cms.get_by_label("Skribent").click()
    expect(cms.get_by_role("option")).to_have_count(len(coaches))
    assert sorted(cms.get_by_role("option").all_inner_texts()) == sorted(coaches)
    cms.keyboard.press("Escape")


def test_the_preview_names_the_picked_services_by_title_in_the_pages_order(cms):
    """Decap's own preview ran the picked file names together ("teamcoachingstyrelse…"),
    in the order picked; the page lists them by their `order:` (Styrelsecoaching's is 1)."""
    open_entry(cms, "articles/new")
    for service in ("Teamcoaching", "Styrelsecoaching"):
        cms.get_by_label("Tjänster").fill(service[:4])
        cms.get_by_role("option", name=service).click()
    picked = cms.frame_locator("iframe").first.get_by_role("listitem")
    expect(picked).to_have_text(["Styrelsecoaching", "Teamcoaching"])


def test_editing_a_service_summary_changes_only_the_summary(cms, repository):
    path = repository / CONTENT / "services" / "teamcoaching.md"
    before = path.read_text("utf-8")
    open_entry(cms, "services/entries/teamcoaching")
    cms.get_by_label("Sammanfattning").fill("Coaching för hela ledningsgruppen.")
    publish(cms)
    meta = front_matter(path)
    assert meta == {**front_matter_of(before), "summary": "Coaching för hela ledningsgruppen."}
    assert cms.errors == []
    assert path.read_text("utf-8").split("---", 2)[2].strip() == before.split("---", 2)[2].strip()
    assert problems_in(repository) == []


def test_editing_the_start_page_keeps_its_template_and_address(cms, repository, tmp_path):
    path = repository / CONTENT / "pages" / "start.md"
    before = front_matter(path)
    open_entry(cms, "pages/entries/start")
    cms.get_by_label("Överrubrik").fill("Ledarskap som håller")
    publish(cms)
    assert front_matter(path) == {**before, "eyebrow": "Ledarskap som håller"}
    output = build_or_fail("pelican.conf.py", tmp_path / "output", repository / CONTENT)
    assert "Ledarskap som håller" in parse(output, "/").get_text()
    assert cms.errors == []


def test_an_uploaded_image_lands_in_content_images(cms, repository, tmp_path):
    photo = tmp_path / "ny-bild.png"
    shutil.copyfile(PHOTO, photo)
    cms.goto(cms.admin_url)
    cms.get_by_text("Media", exact=True).click()
    cms.get_by_text("Ladda upp", exact=True).wait_for()
    cms.locator("input[type=file]").set_input_files(str(photo))
    cms.get_by_text("ny-bild.png", exact=True).wait_for()  # listed in the media library
    uploaded = repository / CONTENT / "images" / "ny-bild.png"
    assert uploaded.read_bytes() == photo.read_bytes()
    assert cms.errors == []


def test_a_placeholder_is_saved_but_the_build_names_its_file_and_line(cms, repository, tmp_path):
    new_article(cms, "Halvfärdig text", "En sammanfattning.", "TODO skriv klart")
    path = repository / CONTENT / "articles" / "halvfardig-text.md"
    try:
        line = path.read_text("utf-8").splitlines().index("TODO skriv klart") + 1
        result = build("pelican.conf.py", tmp_path / "output", repository / CONTENT)
        assert result.returncode == 1
        assert f"{path}:{line}: " in result.stderr
        assert "platshållaren" in result.stderr.lower() or "TODO" in result.stderr
    finally:
        path.unlink()


# The production configuration saves as a pull request (publish_mode: editorial_workflow).
# decap-server's git mode does what GitHub does then: each saved entry is a commit on a
# branch of its own (on GitHub the pull request's branch), and the main branch is untouched.


def git(repository, *arguments):
    return subprocess.run(
        ["git", "-C", str(repository), *arguments], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def git_repository(tmp_path_factory):
    require("git", shutil.which("git"), "apt-get install git")
    root = copy_of_fixture_site(tmp_path_factory.mktemp("cms-git-repository"))
    git(root, "init", "-q", "-b", SETTINGS["CMS_BRANCH"])
    git(root, "config", "user.name", "EPM test")
    git(root, "config", "user.email", "test@epm.example")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Innehållet")
    return root


def test_saving_with_the_editorial_workflow_makes_a_branch_for_review(
    browser, git_repository, tmp_path
):
    with (
        running_decap_server(git_repository, "git") as backend,
        served_admin(tmp_path / "site", backend) as admin_url,
        signed_in(browser, admin_url) as cms,
    ):
        write_article(cms, "Ett förslag", "Väntar på granskning.", "Förslagets text.")
        cms.get_by_role("button", name="Spara").click()
        wait_until_saved(cms)
        wait_until_answered(cms)
        assert cms.errors == []
    file = f"{CONTENT}/articles/ett-forslag.md"
    branch = "cms/articles/ett-forslag"
    assert git(git_repository, "branch", "--list", branch).strip()
    assert git(git_repository, "log", "-1", "--format=%s", branch).strip() == (
        "Skapa Artikel ”ett-forslag”"
    )
    assert not (git_repository / file).exists()  # main is as it was until someone merges
    review = tmp_path / "review"
    git(git_repository, "worktree", "add", "-q", str(review), branch)
    assert front_matter(review / file)["title"] == "Ett förslag"
    assert problems_in(review) == []
