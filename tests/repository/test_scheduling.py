"""How `invoke test` shares out the suite: the real content's development build, which a
worker makes for itself, is made by one worker only (tests/conftest.py)."""

import re
from pathlib import Path

from conftest import ON_THE_REAL_PREVIEW, ROOT, OneRealPreview

READS_THE_REAL_PREVIEW = re.compile(r'real_site|_site"\)')  # also getfixturevalue(f"…_site")


def test_every_module_that_reads_the_real_preview_is_one_unit_of_work():
    modules = (ROOT / "tests").rglob("test_*.py")
    readers = {
        str(module.relative_to(ROOT))
        for module in modules
        if module != Path(__file__) and READS_THE_REAL_PREVIEW.search(module.read_text("utf-8"))
    }
    assert readers == ON_THE_REAL_PREVIEW


def test_those_modules_share_a_scope_and_the_others_keep_their_own():
    scope = OneRealPreview.__new__(OneRealPreview)._split_scope  # it reads no state
    shared = {scope(f"{module}::test_x[real]") for module in ON_THE_REAL_PREVIEW}
    shared.add(scope(f"{min(ON_THE_REAL_PREVIEW)}::TestClass::test_x"))
    assert len(shared) == 1
    assert scope("tests/built/test_quality.py::test_x") == "tests/built/test_quality.py"
