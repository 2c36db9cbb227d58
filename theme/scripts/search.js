// The search page (theme/templates/search.html): searches the Pagefind index as the
// reader types, and lists the hits with their kind and an excerpt. Pagefind's script is
// loaded only then, from the page's own site; without this script the form's GET shows
// the list of everything on the site instead (the fallback below the form).
(() => {
  const MAX_RESULTS = 20;
  const form = document.querySelector("[data-search]");
  const input = form.querySelector("input");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const fallback = document.querySelector("[data-search-fallback]");
  let pagefind = null;
  let latest = 0;

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

  const show = (query, results) => {
    list.replaceChildren(...results.map(hit));
    list.hidden = results.length === 0;
    fallback.hidden = true;
    const count = results.length === 1 ? "1 träff" : `${results.length} träffar`;
    status.textContent = results.length
      ? `${count} för ”${query}”.`
      : `Inga träffar för ”${query}”. Pröva ett annat ord, eller se allt på webbplatsen nedan.`;
    if (!results.length) fallback.hidden = false;
  };

  const search = async (query) => {
    const asked = ++latest;
    if (!query.trim()) {
      list.hidden = true;
      fallback.hidden = false;
      status.textContent = "";
      return;
    }
    try {
      pagefind ??= await import(form.dataset.bundle);
      const found = await pagefind.debouncedSearch(query, {}, 200);
      if (found === null || asked !== latest) return; // a newer query is on its way
      const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (asked === latest) show(query, results);
    } catch {
      status.textContent = "Sökningen fungerar inte just nu. Se allt på webbplatsen nedan.";
      fallback.hidden = false;
    }
  };

  input.addEventListener("input", () => search(input.value));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(input.value);
  });
  // A search sent without this script (or a link to one): /sok/?q=samtal
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    search(asked);
  }
})();
