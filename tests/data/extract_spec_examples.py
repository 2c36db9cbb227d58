"""Write commonmark_spec.json, the examples tests/unit/test_markdown_spec.py renders.

The examples come from two spec files, read straight out of git clones:
- the CommonMark spec 0.31.2 (commonmark/commonmark-spec, tag 0.31.2, spec.txt): all examples;
- the GFM spec 0.29-gfm (github/cmark-gfm, test/spec.txt): only the examples of the
  "(extension)" sections: tables, task lists, strikethrough, autolinks, disallowed raw HTML.

    uv run python tests/data/extract_spec_examples.py COMMONMARK_SPEC_GIT CMARK_GFM_GIT

In a spec file an example is fenced by lines of 32 backticks (the opening one followed by
" example" and maybe the extension's name); a line "." separates the Markdown from the
HTML, and "→" stands for a tab. An example's section is the nearest heading above it, its
number the one its spec gives it (GFM's count CommonMark's examples too: tables start at 198).
"""

import json
import re
import subprocess
import sys
from pathlib import Path

FENCE = "`" * 32
HEADING = re.compile(r"#{1,6} +(.+)")
OUTPUT = Path(__file__).with_name("commonmark_spec.json")
# (source name, git ref, path in the repository, version line the file must have).
# The tag, not the branch: spec.txt on the branch still says 0.31.2 but has 3 newer examples.
COMMONMARK = ("commonmark-0.31.2", "0.31.2", "spec.txt", "version: '0.31.2'")
# cmark-gfm has no tag on this commit: it is 0.29.0.gfm.0 and 27 commits.
GFM = ("gfm", "85d895289c5ab67f988ca659493a64abb5fec7b4", "test/spec.txt", "version: 0.29")


def spec_examples(text):
    """Yield (number, section, extension name or "", markdown, html) for each example."""
    section, number, example, extension = None, 0, None, ""
    for line in text.splitlines():
        if example is not None:  # inside an example: headings here are Markdown, not sections
            if line == FENCE:
                number += 1
                dot = example.index(".")  # the first "." line; the HTML may hold more
                markdown, html = (
                    "".join(f"{row}\n" for row in part).replace("→", "\t")
                    for part in (example[:dot], example[dot + 1 :])
                )
                yield number, section, extension, markdown, html
                example = None
            else:
                example.append(line)
        elif line.startswith(FENCE + " example"):
            example, extension = [], line.removeprefix(FENCE + " example").strip()
        elif match := HEADING.fullmatch(line):
            section = match.group(1).strip()


def read_spec(repository, ref, path, version):
    text = subprocess.run(
        ["git", "-C", repository, "show", f"{ref}:{path}"],
        capture_output=True,
        check=True,
        encoding="utf-8",
    ).stdout
    if version not in text.split("\n...\n", 1)[0]:  # the front matter
        sys.exit(f"{repository} {ref}:{path} is not the spec with {version!r}")
    return text


def main(commonmark_git, gfm_git):
    examples = []
    for repository, (source, ref, path, version) in ((commonmark_git, COMMONMARK), (gfm_git, GFM)):
        for number, section, extension, markdown, html in spec_examples(
            read_spec(repository, ref, path, version)
        ):
            # GFM's spec repeats CommonMark's examples; only its extensions are new.
            if source == "gfm" and not (extension or section.endswith("(extension)")):
                continue
            examples.append(
                dict(number=number, section=section, markdown=markdown, html=html, source=source)
            )
    # One example a line: small, and a change to one example is a one-line diff.
    lines = ",\n".join(json.dumps(example, ensure_ascii=False) for example in examples)
    OUTPUT.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    for source in (COMMONMARK[0], GFM[0]):
        print(source, sum(example["source"] == source for example in examples), "examples")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
