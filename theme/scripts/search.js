// The search page (theme/templates/search.html): searches the Pagefind index as the
// reader types, and lists the hits with their kind and an excerpt. Pagefind's script is
// loaded only then, from the page's own site; without this script the form's GET shows
// the list of everything on the site instead (the fallback below the form).
(() => {
  // Each hit's excerpt is a download of its own (1–4 KB): five at a time keeps a first
  // search under its budget (150 KB on a phone, docs/quality.md).
  const PAGE_SIZE = 5;
  const TYPING_PAUSE_MS = 200;
  const form = document.querySelector("[data-search]");
  const input = form.querySelector("input");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const more = document.querySelector("[data-search-more]");
  const fallback = document.querySelector("[data-search-fallback]");
  let pagefind = null;
  let latest = 0;
  let pending = []; // the hits not shown yet
  let current = ""; // the query shown or on its way: Enter after typing does not redo it

  // Pagefind's excerpt is text with <mark> around the hits: only text and <mark> are kept.
  const excerpt = (html) => {
    const p = document.createElement("p");
    const parsed = new DOMParser().parseFromString(html, "text/html").body;
    for (const node of parsed.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(node.textContent);
      }
    }
    return p;
  };

  const hit = (data) => {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    heading.className = "search-result__title";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    heading.append(link);
    const kind = document.createElement("p");
    kind.className = "search-result__kind";
    kind.textContent = data.meta.kind;
    item.append(kind, heading, excerpt(data.excerpt));
    return item;
  };

  // The next five hits; taken from `pending` before waiting, so that a newer query's
  // hits are never cut by an older one still loading.
  const next = async () => {
    const page = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    more.hidden = pending.length === 0;
    return (await Promise.all(page.map((r) => r.data()))).map(hit);
  };

  const show = async (query, found, asked) => {
    pending = found.results;
    const count = pending.length === 1 ? "1 träff" : `${pending.length} träffar`;
    const items = await next();
    if (asked !== latest) return;
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    fallback.hidden = items.length > 0;
    status.textContent = items.length
      ? `${count} för ”${query}”.`
      : `Inga träffar för ”${query}”. Prova ett annat ord eller se allt på webbplatsen nedan.`;
  };

  more.querySelector("button").addEventListener("click", async () => {
    const asked = latest;
    const items = await next();
    if (asked !== latest) return; // a new query has replaced these hits
    list.append(...items);
    items[0]?.querySelector("a").focus(); // where the reader reads on
  });

  const search = async (query) => {
    if (query === current) return;
    current = query;
    const asked = ++latest;
    if (!query.trim()) {
      list.hidden = true;
      more.hidden = true;
      fallback.hidden = false;
      status.textContent = "";
      return;
    }
    try {
      pagefind ??= await import(form.dataset.bundle);
      const found = await pagefind.search(query);
      if (asked !== latest) return; // a newer query is on its way
      await show(query, found, asked);
    } catch {
      current = ""; // the same words may be tried again
      list.hidden = true;
      more.hidden = true;
      status.textContent = "Sökningen fungerar inte just nu. Se allt på webbplatsen nedan.";
      fallback.hidden = false;
    }
  };

  // While the reader types, search once they pause.
  let typing;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => search(input.value), TYPING_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    search(input.value);
  });
  // A search sent without this script (or a link to one): /sok/?q=samtal
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    search(asked);
  }
})();
