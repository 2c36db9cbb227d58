"""Proofreading results kept between builds: one small file a content file version, in
cache/proofreading/ (as cache/images keeps resized photos). The test suite builds the same
content several times, and an editor's build reads again only the files that changed: at
300 articles, proofreading took 6–10 s, about a third of a build, in every build.

A result is found by a key of everything it depends on but where the file is: its bytes
and kind, the word list's entries, Hunspell and its dictionary, the project's code
(site_model/) and its locked packages (uv.lock). Change any one and the file is read again.
Results also stay in memory, so that live reload touches the disk only for the saved file.
"""

import hashlib
import os
import pickle
import shutil
import tempfile
from functools import cache
from pathlib import Path

from .spelling import DICTIONARY, PROGRAM

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "cache" / "proofreading"
_MEMORY = {}  # key → result, for this process


@cache
def _code_version():
    digest = hashlib.sha256()
    for file in [*sorted((ROOT / "site_model").rglob("*.py")), ROOT / "uv.lock"]:
        digest.update(file.read_bytes() if file.is_file() else b"")
    return digest.hexdigest()


class Results:
    """`key(raw, kind)` → str; `get(key)` → the result stored, or None; `put(key,
    result)`. `entries`: the word list's."""

    def __init__(self, entries, folder=None):
        self.folder = Path(folder or FOLDER)
        program = shutil.which(PROGRAM)
        files = [DICTIONARY.with_suffix(".aff"), DICTIONARY.with_suffix(".dic")]
        files += [Path(program)] if program else []
        stamps = [(str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.exists()]
        self.context = f"{_code_version()}\n{entries!r}\n{stamps!r}\n".encode()

    def key(self, raw, kind):
        """The key of the result of a file whose bytes are `raw` (wherever it is: the
        caller names it as it is shown now)."""
        digest = hashlib.sha256(self.context)
        digest.update(f"{kind}\n".encode())
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key):
        if key not in _MEMORY:
            try:
                _MEMORY[key] = pickle.loads((self.folder / key).read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                return None  # not stored yet, or by code that has changed since
        return _MEMORY[key]

    def put(self, key, result):
        _MEMORY[key] = result
        self.folder.mkdir(parents=True, exist_ok=True)
        # Written whole and then renamed: two builds at once (pytest's workers) never read
        # half a file.
        handle, temporary = tempfile.mkstemp(dir=self.folder)
        with os.fdopen(handle, "wb") as file:
            pickle.dump(result, file)
        os.replace(temporary, self.folder / key)
