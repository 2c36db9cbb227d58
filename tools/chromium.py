"""The system Chromium, as every browser run here starts it (tests, audit, benchmark).

Downloading a browser is not possible on the team's machines or in CI; these flags keep
Chromium from reaching out to the network on its own.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
