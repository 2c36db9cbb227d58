"""tasks.py, the one entry point, loads with only the build's dependencies, as the publish
jobs install them (`uv run --no-default-groups`)."""

import subprocess
import sys

from conftest import ROOT

# What only the test and dev groups bring (pyproject.toml), by import name.
NOT_FOR_PUBLISHING = ["bs4", "html5lib", "playwright", "pypdf", "pytest", "matplotlib"]


def test_tasks_load_without_the_test_dependencies():
    hide = "; ".join(f"sys.modules[{name!r}] = None" for name in NOT_FOR_PUBLISHING)
    code = f"import sys; {hide}; import tasks"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
