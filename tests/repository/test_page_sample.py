"""The browser gates' sample of real pages (tests/page_sample.py): every template, every
page this change touched, and all pages when asked or when git cannot say."""

import subprocess

from page_sample import PAGES_PER_GROUP, changed_stems, sample

ARTICLES = [f"/artiklar/a-{n:03d}/" for n in range(300)]
PAGES = ["/", "/404.html", "/artiklar/", *ARTICLES, "/kontakt/", "/kontakt/tack/", "/tjanster/"]


def test_the_sample_keeps_each_group_and_the_changed_pages(monkeypatch):
    monkeypatch.delenv("EPM_ALL_PAGES", raising=False)
    chosen = sample(PAGES, {"a-150", "kontakt"})
    articles = [path for path in chosen if path.startswith("/artiklar/a-")]
    assert articles == [*ARTICLES[:PAGES_PER_GROUP], "/artiklar/a-150/"]
    assert set(PAGES) - set(ARTICLES) <= set(chosen)  # every page that is alone of its kind


def test_every_page_when_asked_or_when_the_change_is_unknown(monkeypatch):
    monkeypatch.delenv("EPM_ALL_PAGES", raising=False)
    assert sample(PAGES, None) == PAGES
    monkeypatch.setenv("EPM_ALL_PAGES", "1")
    assert sample(PAGES, set()) == PAGES


def test_changed_files_are_found_committed_or_not(tmp_path, monkeypatch):
    def git(*arguments):
        subprocess.run(["git", "-C", str(tmp_path), *arguments], check=True, capture_output=True)

    monkeypatch.delenv("CHANGED_SINCE", raising=False)
    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True)
    for name in ("gammal", "andrad"):
        (content / f"{name}.md").write_text("x")
    git("init", "-q")
    git(
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-qm",
        "1",
        "--allow-empty",
    )
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "2")
    (content / "andrad.md").write_text("y")  # changed since, not committed
    (content / "ny.md").write_text("z")  # untracked
    (tmp_path / "README").write_text("not content")
    assert changed_stems(tmp_path / "content", tmp_path) == {"gammal", "andrad", "ny"}
    assert changed_stems(tmp_path.parent, tmp_path) is None  # outside the repository
