// Sends the contact form just before this script with fetch and never loses what was
// typed. Without this script the form is a plain POST and still works. The theme writes
// it inline after each form (plugins/inline_assets), so it enhances that form only.
(() => {
  const TIMEOUT_MS = 15000;
  const form = document.currentScript.previousElementSibling;
  const button = form.querySelector("button");
  const status = form.querySelector(".form-status");
  const honeypot = form.querySelector(".field--honeypot input");
  let sending = false;
  form.noValidate = true; // we validate, so that messages are Swedish and stay in view

  const say = (html, isError) => {
    status.innerHTML = `<p>${html}</p>`;
    status.classList.toggle("form-status--error", isError);
  };
  const fail = (reason) => {
    button.textContent = "Försök igen";
    const email = form.dataset.email;
    say(`Ditt meddelande kunde inte skickas. ${reason} Allt du skrev finns kvar. Försök igen`
      + ` eller skriv till oss på <a href="mailto:${email}">${email}</a>.`, true);
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form);
    const invalid = [...form.elements].filter((f) => f.willValidate && !f.checkValidity());
    if (invalid.length) {
      invalid.forEach((field) => markInvalid(field));
      say("Några fält behöver fyllas i eller rättas.", true);
      return invalid[0].focus();
    }
    if (honeypot.value) return thank(form); // a bot: send nothing

    sending = true;
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
    button.setAttribute("aria-disabled", "true");
    button.textContent = "Skickar …";
    say("Skickar ditt meddelande …", false);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" },
        signal: abort.signal,
      });
      if (response.ok) return thank(form);
      const body = await response.json().catch(() => ({}));
      const errors = (body.errors || []).filter((error) => form.elements[error.field]);
      errors.forEach((error) => markInvalid(form.elements[error.field], error.message));
      if (errors.length) {
        form.elements[errors[0].field].focus();
        fail("Formulärtjänsten godtog inte det som är markerat.");
      } else {
        fail(`Formulärtjänsten svarade med ett fel (${response.status}).`);
      }
    } catch (error) {
      fail(error.name === "AbortError"
        ? "Formulärtjänsten svarade inte i tid."
        : "Vi fick ingen kontakt med formulärtjänsten. Är du uppkopplad?");
    } finally {
      clearTimeout(timer);
      sending = false;
      button.removeAttribute("aria-disabled");
    }
  });

  // data-error (the template's Swedish) first, then the service's words.
  function markInvalid(field, serviceMessage) {
    const error = document.createElement("p");
    error.className = "field__error";
    error.id = `${field.id}-fel`;
    error.textContent = field.dataset.error || serviceMessage || field.validationMessage;
    field.after(error);
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", error.id);
  }

  function clearErrors(form) {
    form.querySelectorAll(".field__error").forEach((error) => error.remove());
    form.querySelectorAll("[aria-invalid]").forEach((field) => {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
  }

  function thank(form) {
    const thanks = document.createElement("div");
    thanks.className = "form-thanks";
    thanks.tabIndex = -1;
    thanks.innerHTML = "<p><strong>Tack för ditt meddelande!</strong></p>"
      + "<p>Vi har tagit emot det och hör av oss så snart vi kan.</p>";
    form.replaceWith(thanks);
    thanks.focus();
  }
})();
