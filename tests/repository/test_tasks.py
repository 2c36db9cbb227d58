"""tasks.py, the one entry point: it loads with only the build's dependencies, as the
publish jobs install them (`uv run --no-default-groups`), and its preview shows a save."""

import shutil
import subprocess
import sys

from pelican.settings import read_settings

from conftest import FIXTURE_CONTENT, ROOT, parse, require

# What only the test and dev groups bring (pyproject.toml), by import name.
NOT_FOR_PUBLISHING = ["bs4", "html5lib", "playwright", "pypdf", "pytest", "matplotlib"]


def test_tasks_load_without_the_test_dependencies():
    hide = "; ".join(f"sys.modules[{name!r}] = None" for name in NOT_FOR_PUBLISHING)
    code = f"import sys; {hide}; import tasks"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_preview_shows_each_save(tmp_path):
    """`invoke livereload` rebuilds in one process, which keeps what it parsed and proofread
    of each file until the file changes (site_model.markdown.parsed, the proofreading's
    memos): a save, and a second one, must still show, and be proofread."""
    import tasks
    from site_model.proofreading import proofread

    require("hunspell", shutil.which("hunspell"), "apt-get install hunspell")

    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURE_CONTENT, content)
    article = content / "articles" / "att-valja-coach.md"
    settings = read_settings(str(tasks.CONFIG["settings_dev"]), override={"PATH": str(content)})
    for saved in ("Första sparningen.", "Andra sparnigen."):
        article.write_text(article.read_text("utf-8") + f"\n{saved}\n", "utf-8")
        tasks.build_site(tasks.CONFIG["settings_dev"], output, content, tasks.PREVIEW_SETTINGS)
        text = parse(output, "/artiklar/att-valja-coach/").select_one(".prose").get_text()
        assert saved in text
    notes = [note.message for note in proofread(settings).notes if note.path.endswith(article.name)]
    assert any('"sparnigen"' in message for message in notes), notes
