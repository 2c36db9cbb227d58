"""tasks.py, the one entry point: it loads with only the build's dependencies, as the
publish jobs install them (`uv run --no-default-groups`), and its preview shows a save."""

import shutil
import subprocess
import sys

from conftest import FIXTURE_CONTENT, ROOT, parse

# What only the test and dev groups bring (pyproject.toml), by import name.
NOT_FOR_PUBLISHING = ["bs4", "html5lib", "playwright", "pypdf", "pytest", "matplotlib"]


def test_tasks_load_without_the_test_dependencies():
    hide = "; ".join(f"sys.modules[{name!r}] = None" for name in NOT_FOR_PUBLISHING)
    code = f"import sys; {hide}; import tasks"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_preview_shows_a_save_with_pelicans_reader_cache_warm(tmp_path):
    """`invoke livereload` keeps what Pelican's reader made of each file (so that a save at
    300 articles reads one file again, not 300): the saved text must still show."""
    import tasks

    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    shutil.copytree(FIXTURE_CONTENT, content)
    article = content / "articles" / "att-valja-coach.md"
    for saved in ("Första sparningen.", "Andra sparningen."):
        article.write_text(article.read_text("utf-8") + f"\n{saved}\n", "utf-8")
        tasks.build_site(
            tasks.CONFIG["settings_dev"], output, content, tasks.preview_settings(cache)
        )
        text = parse(output, "/artiklar/att-valja-coach/").select_one(".prose").get_text()
        assert saved in text
    assert list(cache.glob("ArticlesGenerator-Readers*")), "Pelican wrote no reader cache"
