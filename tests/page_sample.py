"""Which pages of a built site the browser gates visit (axe, the WCAG checks, the CSP and
one-request checks): they cost seconds a page, so a site of 300 articles would keep an
editor waiting 20 minutes for every change.

The fixture site, whose tests own every exact assertion, is visited whole. The real site
is visited by a sample that grows with its templates, not its articles: in each group of
addresses (a page at the top level is its own group; /artiklar/<slug>/ is one group, as
one template makes them all) the first PAGES_PER_GROUP, plus every page whose content
file this change touched (git, against CHANGED_SINCE, by default the commit before).
`invoke test --all-pages` (EPM_ALL_PAGES=1), and a change git cannot name, visit all."""

import os
import subprocess
from collections import defaultdict
from pathlib import Path, PurePosixPath

PAGES_PER_GROUP = 3


def group(path):
    """ "/artiklar/x/" → "artiklar"; "/kontakt/" and "/" stay themselves."""
    parts = [part for part in path.split("/") if part]
    return "/".join(parts[:-1]) if len(parts) > 1 else path


def changed_stems(content, root):
    """The file names (without .md) of content files changed since CHANGED_SINCE, committed
    or not, or None when git cannot say (no history, content outside the repository)."""
    content = Path(content).resolve()
    if not content.is_relative_to(root):
        return None
    folder = str(content.relative_to(root))
    since = os.environ.get("CHANGED_SINCE", "HEAD~1")
    commands = [
        ["git", "diff", "--name-only", since, "--", folder],
        ["git", "ls-files", "--others", "--exclude-standard", "--", folder],
    ]
    try:
        runs = [
            subprocess.run(c, cwd=root, capture_output=True, text=True, check=True)
            for c in commands
        ]
    except (OSError, subprocess.CalledProcessError):
        return None
    return {PurePosixPath(name).stem for run in runs for name in run.stdout.split()}


def sample(paths, changed):
    """The paths to visit: PAGES_PER_GROUP per group, and those named like a changed file."""
    if changed is None or os.environ.get("EPM_ALL_PAGES") == "1":
        return paths
    groups = defaultdict(list)
    for path in paths:
        groups[group(path)].append(path)
    chosen = {path for members in groups.values() for path in members[:PAGES_PER_GROUP]}
    chosen |= {
        p for p in paths if p.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html") in changed
    }
    return sorted(chosen)
