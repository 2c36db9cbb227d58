"""The local form sink answers like a Formspree-compatible service."""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import SETTINGS
from tools.form_sink import FormSink

THANKS = "http://127.0.0.1:8000/kontakt/tack/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


@pytest.fixture
def fresh_sink(tmp_path):
    sink = FormSink(tmp_path / "submissions.jsonl", SETTINGS["CONTACT_FORM_FIELDS"]).start()
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
    fields = {"email": "a@b.se", "message": "Hej", "_next": THANKS}
    status, headers, _ = post(fresh_sink, fields)
    assert (status, headers["Location"]) == (303, THANKS)
    assert [entry["fields"] for entry in fresh_sink.submissions()] == [fields]


def test_json_post_gets_json(fresh_sink):
    status, _, body = post(
        fresh_sink,
        {"email": "a@b.se", "message": "Hej", "_next": THANKS},
        accept="application/json",
    )
    assert (status, json.loads(body)) == (200, {"ok": True, "next": THANKS})


def test_missing_message_and_bad_email_are_field_errors(fresh_sink):
    status, _, body = post(fresh_sink, {"email": "a@b", "message": " "}, "application/json")
    assert status == 422
    assert [error["field"] for error in json.loads(body)["errors"]] == ["email", "message"]
    assert fresh_sink.submissions() == []


def test_filled_honeypot_is_accepted_but_not_recorded(fresh_sink):
    status, _, _ = post(fresh_sink, {"email": "a@b.se", "message": "x", "_gotcha": "bot"})
    assert status == 303
    assert fresh_sink.submissions() == []
