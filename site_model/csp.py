"""How a Content-Security-Policy is written, for a header and for a <meta> tag.

The reader pages' policy (plugins/security_headers) and the CMS's (plugins/admin) differ
in what they allow, not in how they are written.
"""

# A <meta http-equiv> policy ignores these (CSP Level 3, "Delivery via meta element").
NOT_IN_META = {"frame-ancestors", "report-uri", "sandbox"}


def policy(directives: dict[str, str]) -> str:
    """{directive: sources} as a policy: "default-src 'none'; img-src 'self'"."""
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def meta_policy(directives: dict[str, str]) -> str:
    """The policy less what a <meta> tag cannot carry."""
    return policy({name: value for name, value in directives.items() if name not in NOT_IN_META})
