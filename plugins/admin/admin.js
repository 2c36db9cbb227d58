// The CMS's preview looks like the site: the site's own stylesheet, and each text shown as
// the page will show it. Decap's own preview parses with remark, which differs from the
// site's Markdown: footnotes, ”quotes”, – and …, www. links, {.section-link} and task
// lists showed as typed. This renders the text with markdown-it, which the site's
// markdown-it-py ports, with the same plugins and the site's few rules of its own, each
// mirrored from site_model/markdown.py: change the two together.
// tests/browser/test_cms_preview_browser.py holds the preview to the built page.
/* global CMS, h, markdownit, markdownitFootnote, markdownitTaskLists */
(function () {
  "use strict";

  const SWEDISH_QUOTES = "””’’";
  const EN_DASH = /(?<!-)--(?!-)/g;
  const ELLIPSIS = /(?<!\.)\.\.\.(?!\.)/g;
  const PELICAN_PLACEHOLDER = /^%7B(\w+)%7D/;
  const TABLE_BOX = '<div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">\n';
  const FOOTNOTE_BACK_CLASS = 'class="footnote-backref" aria-label="Tillbaka till texten"';
  const CLASS_LINE = /^\{\.([A-Za-z][\w-]*)\}[ \t]*$/;

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

  // `{.section-link}` on the line above a block gives it that class, as the site's
  // attrs_block plugin does (no markdown-it plugin for the browser reads this form).
  function classLine(state, line, endLine, silent) {
    const start = state.bMarks[line] + state.tShift[line];
    const match = CLASS_LINE.exec(state.src.slice(start, state.eMarks[line]));
    if (!match || state.sCount[line] - state.blkIndent >= 4) return false;
    if (!silent) {
      const token = state.push("class_line", "", 0);
      token.meta = match[1];
      token.hidden = true;
    }
    state.line = line + 1;
    return true;
  }

  function blockClasses(state) {
    state.tokens.forEach((token, index) => {
      const next = state.tokens[index + 1];
      if (token.type === "class_line" && next) next.attrJoin("class", token.meta);
    });
    state.tokens = state.tokens.filter((token) => token.type !== "class_line");
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
    md.linkify.add("www.", {
      validate(text, pos, self) {
        const re = self.re;
        re.www_rest ??= new RegExp(
          `^${re.src_domain}(?:\\.${re.src_domain})*${re.src_port}${re.src_host_terminator}${re.src_path}`,
          "i",
        );
        const match = re.www_rest.exec(text.slice(pos));
        return match ? match[0].length : 0;
      },
      normalize(match) {
        match.url = "http://" + match.url;
      },
    });
    md.use(markdownitFootnote).use(markdownitTaskLists, { label: true });
    md.core.ruler.push("heading_ids", headingIds);
    md.block.ruler.before("paragraph", "class_line", classLine);
    md.core.ruler.push("block_classes", blockClasses);
    const normalizeLink = md.normalizeLink;
    md.normalizeLink = (url) => normalizeLink(url).replace(PELICAN_PLACEHOLDER, "{$1}");
    md.core.ruler.push("alignment_classes", alignmentClasses);
    md.renderer.rules.table_open = (tokens, idx, options, env, self) =>
      TABLE_BOX + self.renderToken(tokens, idx, options);
    md.renderer.rules.table_close = (tokens, idx, options, env, self) =>
      self.renderToken(tokens, idx, options) + "</div>\n";
    const footnoteAnchor = md.renderer.rules.footnote_anchor;
    md.renderer.rules.footnote_anchor = (...args) =>
      footnoteAnchor(...args).replace('class="footnote-backref"', FOOTNOTE_BACK_CLASS);
    // A photo is shown from the repository (or the upload not yet saved) by the CMS.
    const image = md.renderer.rules.image;
    md.renderer.rules.image = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      token.attrSet("src", String(env.getAsset(token.attrGet("src"), env.field) || ""));
      return image(tokens, idx, options, env, self);
    };
    return md;
  }

  CMS.registerPreviewStyle(document.currentScript.dataset.previewStyle);
  const md = siteMarkdown();

  function SitePreview({ value, getAsset, field }) {
    const html = md.render(value || "", { getAsset, field });
    return h("div", { className: "prose", dangerouslySetInnerHTML: { __html: html } });
  }

  const markdown = CMS.getWidget("markdown");
  CMS.registerWidget("markdown", markdown.control, SitePreview, markdown.schema);
})();
