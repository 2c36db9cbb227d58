"""The contact form in Chromium against the local form sink: nothing a person types is lost."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ARTIFACTS, AXE_OPTIONS, SETTINGS
from tools.form_sink import ERROR, HANG, OK, SLOW

FIELDS = SETTINGS["CONTACT_FORM_FIELDS"]
TYPED = {
    "kontakt-namn": "Åsa Öberg",
    "kontakt-epost": "asa@foretag.se",
    "kontakt-telefon": "070-123 45 67",
    "kontakt-meddelande": "Hej!\nJag vill veta mer om executive coaching – ”gärna” i vår.",
}


@pytest.fixture
def form_sink(sink):
    """The session's sink, answering normally and with no earlier submissions."""
    sink.mode = OK
    sink.log_path.unlink(missing_ok=True)
    yield sink
    sink.mode = OK


@pytest.fixture(scope="module")
def site_url(fixture_site):
    return fixture_site.url


@pytest.fixture
def contact(page, site_url, form_sink):
    page.goto(site_url + "/kontakt/")
    return page


def fill(page, values=TYPED):
    for field_id, value in values.items():
        page.fill(f"#{field_id}", value)


def send(page):
    page.get_by_role("button", name=re.compile("Skicka|Försök igen")).click()


def assert_everything_typed_is_kept(page):
    for field_id, value in TYPED.items():
        expect(page.locator(f"#{field_id}")).to_have_value(value)


def assert_no_axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_form_posts_and_lands_on_thank_you(browser, site_url, form_sink):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/kontakt/")
    fill(page)
    page.get_by_role("button", name="Skicka").click()
    page.wait_for_url(site_url + "/kontakt/tack/")
    [submission] = form_sink.submissions()
    assert submission["fields"] == {
        FIELDS["redirect"]: site_url + "/kontakt/tack/",
        FIELDS["subject"]: SETTINGS["CONTACT_FORM_SUBJECT"],
        FIELDS["name"]: TYPED["kontakt-namn"],
        FIELDS["email"]: TYPED["kontakt-epost"],
        FIELDS["phone"]: TYPED["kontakt-telefon"],
        FIELDS["message"]: TYPED["kontakt-meddelande"].replace("\n", "\r\n"),
        FIELDS["honeypot"]: "",
    }
    context.close()


def test_with_javascript_the_thank_you_message_takes_focus(contact, form_sink):
    fill(contact)
    send(contact)
    thanks = contact.locator(".form-thanks")
    expect(thanks).to_be_focused()
    expect(thanks).to_contain_text("Tack för ditt meddelande!")
    assert contact.url.endswith("/kontakt/")
    assert len(form_sink.submissions()) == 1
    assert_no_axe_violations(contact)


def test_button_says_it_is_sending_and_a_double_send_sends_once(contact, form_sink):
    form_sink.mode = SLOW
    fill(contact)
    button = contact.get_by_role("button", name="Skicka")
    button.dblclick()
    contact.press("#kontakt-namn", "Enter")
    expect(button).to_have_attribute("aria-disabled", "true")
    expect(button).to_have_text("Skickar …")
    expect(contact.locator(".form-thanks")).to_be_focused()
    assert len(form_sink.submissions()) == 1


def fail_with_500(page, sink):
    sink.mode = ERROR


def fail_with_field_error(page, sink):
    # A browser's type=email takes this; the service does not.
    page.fill("#kontakt-epost", "asa@foretag")


def fail_with_service_down(page, sink):
    # Refused in the browser, as by a server that is down; the session's sink, which other
    # tests use, keeps running.
    page.route(sink.url, lambda route: route.abort("connectionrefused"))


def fail_with_hanging_service(page, sink):
    sink.mode = HANG


def recover_with_field_fixed(page, sink):
    page.fill("#kontakt-epost", TYPED["kontakt-epost"])


def recover_service(page, sink):
    sink.mode = OK


def recover_service_up(page, sink):
    page.unroute(sink.url)


def pass_timeout(page):
    expect(page.locator(".form-status")).to_contain_text("Skickar")
    page.clock.run_for(16_000)


FAILURES = {
    "500": (fail_with_500, None, "svarade med ett fel (500)", recover_service),
    "422": (fail_with_field_error, None, "godtog inte", recover_with_field_fixed),
    "down": (fail_with_service_down, None, "ingen kontakt", recover_service_up),
    "timeout": (fail_with_hanging_service, pass_timeout, "inte i tid", recover_service),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_failure_keeps_every_character_and_retry_sends_once(page, site_url, form_sink, failure):
    break_it, wait, reason, mend_it = FAILURES[failure]
    page.clock.install()  # time runs as usual, but the timeout case can skip ahead 15 s
    page.goto(site_url + "/kontakt/")
    fill(page)
    break_it(page, form_sink)
    send(page)
    if wait:
        wait(page)
    status = page.locator(".form-status")
    expect(status).to_contain_text("Ditt meddelande kunde inte skickas")
    expect(status).to_contain_text(reason)
    expect(status.get_by_role("link", name=SETTINGS["CONTACT_EMAIL"])).to_be_visible()
    expect(page.get_by_role("button", name="Försök igen")).to_be_visible()
    if failure == "422":
        email = page.locator("#kontakt-epost")
        expect(email).to_have_attribute("aria-invalid", "true")
        expect(email).to_be_focused()
        expect(page.locator("#kontakt-epost-fel")).to_contain_text("giltig e-postadress")
        assert email.get_attribute("aria-describedby") == "kontakt-epost-fel"
    else:
        assert_everything_typed_is_kept(page)
    assert_no_axe_violations(page)
    assert form_sink.submissions() == []
    page.set_viewport_size({"width": 360, "height": 800})
    page.locator("form").screenshot(path=ARTIFACTS / "screenshots" / f"kontakt-{failure}.png")

    mend_it(page, form_sink)
    send(page)
    expect(page.locator(".form-thanks")).to_be_focused()
    [submission] = form_sink.submissions()
    assert submission["fields"][FIELDS["email"]] == TYPED["kontakt-epost"]


def test_browser_validation_focuses_the_first_missing_field_in_swedish(contact, form_sink):
    contact.fill("#kontakt-epost", "inte-en-adress")
    send(contact)
    expect(contact.locator("#kontakt-namn")).to_be_focused()
    expect(contact.locator("#kontakt-namn-fel")).to_have_text("Skriv ditt namn.")
    expect(contact.locator("#kontakt-epost-fel")).to_contain_text("giltig e-postadress")
    expect(contact.locator("#kontakt-meddelande")).to_have_attribute("aria-invalid", "true")
    expect(contact.locator("#kontakt-telefon")).not_to_have_attribute("aria-invalid", "true")
    assert form_sink.submissions() == []
    assert_no_axe_violations(contact)


def test_filled_honeypot_sends_nothing(contact, form_sink):
    sent = []
    contact.on("request", lambda request: request.method == "POST" and sent.append(request.url))
    fill(contact)
    contact.locator("#kontakt-webbplats").evaluate("field => { field.value = 'http://spam' }")
    send(contact)
    expect(contact.locator(".form-thanks")).to_be_visible()
    assert sent == []
    assert form_sink.submissions() == []


def test_honeypot_is_hidden_from_people_and_screen_readers(contact):
    honeypot = contact.locator("#kontakt-webbplats")
    expect(honeypot).to_be_hidden()
    assert honeypot.get_attribute("tabindex") == "-1"
    names = [f.get_attribute("name") for f in contact.get_by_role("textbox").all()]
    assert FIELDS["honeypot"] not in names


def test_contact_page_has_no_axe_violations(contact):
    assert_no_axe_violations(contact)


@pytest.mark.parametrize("path", ["/", "/artiklar/ledarskap-i-forandring/"])
def test_contact_block_form_works_on_other_pages_too(page, site_url, form_sink, path):
    page.goto(site_url + path)
    form = page.locator("form.contact-form")
    form.get_by_label("Namn").fill("Per")
    form.get_by_label("E-post").fill("per@foretag.se")
    form.get_by_label("Meddelande").fill("Hej")
    form.get_by_role("button", name="Skicka").click()
    expect(page.locator(".form-thanks")).to_be_focused()
    assert len(form_sink.submissions()) == 1


def test_script_is_small_inline_and_follows_each_form(fixture_site):
    # Inline, it costs no request that could hold up first paint (plugins/inline_assets).
    for path in fixture_site.paths():
        page = fixture_site.page(path)
        scripts = page.find_all("script", type=lambda kind: kind != "application/ld+json")
        # The form's script follows each contact form; the search page has a script of its own.
        form_scripts = [script for script in scripts if "[data-search]" not in script.string]
        forms = page.find_all("form", attrs={"data-contact-form": True})
        assert [script.find_previous_sibling() for script in form_scripts] == forms
        for script in scripts:
            assert not script.has_attr("src") and len(script.string.encode()) <= 4096, path
            assert "//" not in script.string.replace("://", ""), "comments are for the source"
