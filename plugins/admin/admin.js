// The CMS's preview looks like the site: the site's own stylesheet, and each text shown as
// the page will show it. Decap's own preview parses with remark, which differs from the
// site's Markdown: footnotes, {.section-link} and www. addresses showed as typed, quotes
// stayed straight. This renders the text with markdown-it, which the site's markdown-it-py
// ports, with the same plugins and the site's few rules of its own, each mirrored from
// site_model/markdown.py: change the two together. tests/unit/test_cms_preview_markdown.py
// compares the two on every text; tests/browser/test_cms_preview_browser.py, in Decap.
/* global CMS, DOMPurify, h, markdownit, markdownitFootnote, markdownitTaskLists */
(function () {
  "use strict";

  const SWEDISH_QUOTES = "””’’";
  const EN_DASH = /(?<!-)--(?!-)/g;
  const ELLIPSIS = /(?<!\.)\.\.\.(?!\.)/g;
  const PELICAN_PLACEHOLDER = /^%7B(\w+)%7D/;
  const TABLE_BOX = '<div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">\n';
  const FOOTNOTE_BACK_CLASS = 'class="footnote-backref" aria-label="Tillbaka till texten"';
  // `{.a}`, `{ .a .b }`: the class lines the content checks let through (markup.py).
  const LIST_OPENS = ["bullet_list_open", "ordered_list_open"];
  const BLANK = /^[ \t>]*$/; // empty, also inside a block quote
  const CLASS_LINE = /^\{[ \t]*((?:\.[\w-]+[ \t]*)+)\}[ \t]*$/;

  // Python-Markdown's toc slugify, as site_model.markdown.heading_slug.
  function headingSlug(title) {
    return title
      .normalize("NFKD")
      .replace(/[^\x00-\x7F]/g, "")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[-\s]+/g, "-");
  }

  function dashesAndEllipses(state) {
    for (const token of state.tokens) {
      if (token.type !== "inline" || !/--|\.\.\./.test(token.content)) continue;
      for (const child of token.children) {
        if (child.type === "text") {
          child.content = child.content.replace(EN_DASH, "–").replace(ELLIPSIS, "…");
        }
      }
    }
  }

  function headingIds(state) {
    const used = new Set();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open") return;
      // The heading's words as mdit-py-plugins' anchors take them: text and code only.
      const words = state.tokens[index + 1].children
        .filter((child) => child.type === "text" || child.type === "code_inline")
        .map((child) => child.content);
      const slug = headingSlug(words.join(""));
      let id = slug;
      for (let n = 1; used.has(id); n++) id = `${slug}-${n}`;
      used.add(id);
      token.attrSet("id", id);
    });
  }

  function alignmentClasses(state) {
    for (const token of state.tokens) {
      const style = (token.type === "th_open" || token.type === "td_open") && token.attrGet("style");
      if (style) {
        token.attrs = token.attrs.filter(([name]) => name !== "style");
        token.attrJoin("class", "align-" + style.replace("text-align:", ""));
      }
    }
  }

  // `{.section-link}` on the line above a block gives it that class: the classes-only part
  // of mdit-py-plugins' attrs_block, which has no plugin for the browser. Its two rules sit
  // where that plugin's do (before "fence", after "block"); stacked lines add up.
  function classLine(state, line, endLine, silent) {
    const start = state.bMarks[line] + state.tShift[line];
    const match = CLASS_LINE.exec(state.src.slice(start, state.eMarks[line]));
    if (!match || state.sCount[line] - state.blkIndent >= 4) return false;
    if (!silent) {
      const token = state.push("class_line", "", 0);
      token.meta = match[1].trim().split(/[ \t]+/).map((name) => name.slice(1)).join(" ");
    }
    state.line = line + 1;
    return true;
  }

  function blockClasses(state) {
    const tokens = state.tokens;
    tokens.forEach((token, index) => {
      const next = tokens[index + 1];
      if (token.type !== "class_line" || !next) return;
      if (next.type === "class_line") next.meta = `${token.meta} ${next.meta}`;
      else next.attrSet("class", [token.meta, next.attrGet("class")].filter(Boolean).join(" "));
    });
    state.tokens = tokens.filter((token) => token.type !== "class_line");
  }

  // A list stays tight when its only blank lines stand right before a nested list, as the
  // CMS's rich-text editor writes every nested list and shows it: _tight_before_nested_lists.
  function tightBeforeNestedLists(state) {
    let lines;
    state.tokens.forEach((token, index) => {
      if (!LIST_OPENS.includes(token.type)) return;
      const paragraphs = listParagraphs(state.tokens, index);
      if (!paragraphs.some((paragraph) => paragraph.nesting === 1 && !paragraph.hidden)) return;
      lines = lines || state.src.split("\n");
      if (blankLinesOnlyBeforeNestedLists(listItems(state.tokens, index), lines)) {
        for (const paragraph of paragraphs) paragraph.hidden = true;
      }
    });
  }

  function listTokens(tokens, index) {
    const level = tokens[index].level;
    const end = tokens.findIndex((token, at) => at > index && token.level === level);
    return tokens.slice(index + 1, end);
  }

  function listParagraphs(tokens, index) {
    const level = tokens[index].level + 2; // list > item > paragraph
    return listTokens(tokens, index).filter(
      (token) => token.level === level && /^paragraph_(open|close)$/.test(token.type),
    );
  }

  function listItems(tokens, index) {
    const level = tokens[index].level;
    const items = [];
    for (const token of listTokens(tokens, index)) {
      if (token.level === level + 1 && token.type === "list_item_open") items.push([token, []]);
      else if (token.level === level + 2 && token.nesting >= 0 && token.map) {
        items[items.length - 1][1].push(token);
      }
    }
    return items;
  }

  function blankLinesOnlyBeforeNestedLists(items, lines) {
    // from the first block's last line: a nested list takes the blank line after it
    const blankBetween = (first, lineAfter) =>
      lines.slice(first.map[1] - 1, lineAfter).some((line) => BLANK.test(line));
    let found = false;
    for (const [number, [item, blocks]] of items.entries()) {
      if (number + 1 < items.length && BLANK.test(lines[item.map[1] - 1])) return false;
      for (let at = 1; at < blocks.length; at++) {
        if (blankBetween(blocks[at - 1], blocks[at].map[0])) {
          if (!LIST_OPENS.includes(blocks[at].type)) return false;
          found = true;
        }
      }
    }
    return found;
  }

  function siteMarkdown() {
    // markdown-it-py's "gfm-like": CommonMark with tables, strikethrough and autolinks.
    const md = markdownit("commonmark", {
      html: true,
      linkify: true,
      typographer: true,
      quotes: SWEDISH_QUOTES,
      xhtmlOut: false,
    });
    md.enable(["table", "strikethrough", "linkify", "smartquotes"]);
    md.core.ruler.push("dashes", dashesAndEllipses);
    md.linkify.set({ fuzzyLink: false });
    const re = md.linkify.re;
    const wwwRest = new RegExp(
      `^${re.src_domain}(?:\\.${re.src_domain})*${re.src_port}${re.src_host_terminator}${re.src_path}`,
      "i",
    );
    md.linkify.add("www.", {
      validate(text, pos) {
        const match = wwwRest.exec(text.slice(pos));
        return match ? match[0].length : 0;
      },
      normalize(match) {
        match.url = "http://" + match.url;
      },
    });
    md.use(markdownitFootnote).use(markdownitTaskLists, { label: true });
    md.core.ruler.push("heading_ids", headingIds);
    md.block.ruler.before("fence", "class_line", classLine);
    md.core.ruler.after("block", "block_classes", blockClasses);
    const normalizeLink = md.normalizeLink;
    md.normalizeLink = (url) => normalizeLink(url).replace(PELICAN_PLACEHOLDER, "{$1}");
    md.core.ruler.push("alignment_classes", alignmentClasses);
    md.core.ruler.push("tight_before_nested_lists", tightBeforeNestedLists);
    md.renderer.rules.table_open = (tokens, idx, options, env, self) =>
      TABLE_BOX + self.renderToken(tokens, idx, options);
    md.renderer.rules.table_close = (tokens, idx, options, env, self) =>
      self.renderToken(tokens, idx, options) + "</div>\n";
    const footnoteAnchor = md.renderer.rules.footnote_anchor;
    md.renderer.rules.footnote_anchor = (...args) =>
      footnoteAnchor(...args).replace('class="footnote-backref"', FOOTNOTE_BACK_CLASS);
    // A photo is shown from the repository (or the upload not yet saved) by the CMS, which
    // looks it up by its file name as written, not percent-encoded (björk.jpg).
    const image = md.renderer.rules.image;
    md.renderer.rules.image = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      const src = token.attrGet("src");
      token.attrSet("src", String(env.getAsset(safelyDecoded(src), env.field) || ""));
      return image(tokens, idx, options, env, self);
    };
    return md;
  }

  CMS.registerPreviewStyle(document.currentScript.dataset.previewStyle);
  const md = siteMarkdown();

  function safelyDecoded(address) {
    try {
      return decodeURI(address);
    } catch {
      return address; // a lone % as typed
    }
  }

  // HTML an editor typed is cleaned as Decap's own preview cleans it (DOMPurify): the
  // checks refuse it for the page, and /admin/'s policy blocks scripts in any case. A photo
  // not yet saved is shown from memory (blob:), which DOMPurify's default would drop.
  const ALLOWED_URI = /^(?:(?:https?|mailto|tel|blob):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

  function SitePreview({ value, getAsset, field }) {
    const html = md.render(value || "", { getAsset, field });
    const clean = DOMPurify.sanitize(html, { ALLOWED_URI_REGEXP: ALLOWED_URI });
    return h("div", { className: "prose", dangerouslySetInnerHTML: { __html: clean } });
  }

  const markdown = CMS.getWidget("markdown");
  CMS.registerWidget("markdown", markdown.control, SitePreview, markdown.schema);

  // A pick from another collection (an article's services, its author) is shown by the
  // picked entries' titles: Decap's own preview wrote the stored values one after another,
  // "teamcoachingstyrelsecoaching". The titles come with the pick (Decap's field metadata);
  // a value picked before this visit shows as stored until its picker has loaded.
  function PickedPreview({ value, field, fieldsMetaData }) {
    const picked = value && value.toJS ? value.toJS() : [].concat(value || []);
    const entries = fieldsMetaData && fieldsMetaData.get(field.get("collection"));
    const data = (stored, key) => entries && entries.getIn([stored, key]);
    const title = (stored) => data(stored, "title") || stored;
    if (!field.get("multiple")) return h("p", {}, picked.map(title).join(", "));
    // In the page's order, the kind's `order:` then the file name (plugins/content_kinds),
    // not the order they were picked in.
    const order = (stored) => data(stored, "order") ?? Infinity;
    const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    const listed = [...picked].sort((a, b) => order(a) - order(b) || byName(a, b));
    return h("ul", {}, listed.map((stored) => h("li", { key: stored }, title(stored))));
  }

  const relation = CMS.getWidget("relation");
  CMS.registerWidget("relation", relation.control, PickedPreview, relation.schema);
})();
