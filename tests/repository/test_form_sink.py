"""The local form sink answers like a Formspree-compatible service."""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import SETTINGS
from tools.form_sink import FormSink

THANKS = "http://127.0.0.1:8000/kontakt/tack/"
# The form service's field names (a Formspree-compatible service may name them otherwise).
NAMES = SETTINGS["CONTACT_FORM_FIELDS"]
EMAIL, MESSAGE, NEXT, HONEYPOT = (NAMES[k] for k in ("email", "message", "redirect", "honeypot"))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


@pytest.fixture
def fresh_sink(tmp_path):
    sink = FormSink(tmp_path / "submissions.jsonl", NAMES).start()
    yield sink
    sink.stop()


def post(sink, fields, accept="text/html"):
    request = urllib.request.Request(
        sink.url, data=urllib.parse.urlencode(fields).encode(), headers={"Accept": accept}
    )
    try:
        with urllib.request.build_opener(NoRedirect).open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_plain_post_is_recorded_and_redirected(fresh_sink):
    fields = {EMAIL: "a@b.se", MESSAGE: "Hej", NEXT: THANKS}
    status, headers, _ = post(fresh_sink, fields)
    assert (status, headers["Location"]) == (303, THANKS)
    assert [entry["fields"] for entry in fresh_sink.submissions()] == [fields]


def test_json_post_gets_json(fresh_sink):
    status, _, body = post(
        fresh_sink,
        {EMAIL: "a@b.se", MESSAGE: "Hej", NEXT: THANKS},
        accept="application/json",
    )
    assert (status, json.loads(body)) == (200, {"ok": True, "next": THANKS})


def test_missing_message_and_bad_email_are_field_errors(fresh_sink):
    status, _, body = post(fresh_sink, {EMAIL: "a@b", MESSAGE: " "}, "application/json")
    assert status == 422
    assert [error["field"] for error in json.loads(body)["errors"]] == [EMAIL, MESSAGE]
    assert fresh_sink.submissions() == []


def test_filled_honeypot_is_accepted_but_not_recorded(fresh_sink):
    status, _, _ = post(fresh_sink, {EMAIL: "a@b.se", MESSAGE: "x", HONEYPOT: "bot"})
    assert status == 303
    assert fresh_sink.submissions() == []
