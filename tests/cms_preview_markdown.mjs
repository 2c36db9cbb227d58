// The HTML the CMS's preview pane makes of each text: plugins/admin/admin.js run as the
// browser runs it, beside the same npm packages /admin/ loads, with Decap stood in for.
//   node tests/cms_preview_markdown.mjs < ["text", …]  →  ["html", …]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";

const require = createRequire(import.meta.url);
let preview;
const context = {
  markdownit: require("markdown-it"),
  markdownitFootnote: require("markdown-it-footnote"),
  markdownitTaskLists: require("markdown-it-task-lists"),
  document: { currentScript: { dataset: {} } },
  CMS: {
    registerPreviewStyle() {},
    getWidget: () => ({}),
    registerWidget(name, control, component) {
      preview = component;
    },
  },
  // React's createElement, as far as the preview uses it: the HTML it sets.
  h: (tag, props) => props.dangerouslySetInnerHTML.__html,
};
const script = new URL("../plugins/admin/admin.js", import.meta.url);
vm.runInNewContext(readFileSync(script, "utf-8"), context);

const texts = JSON.parse(readFileSync(0, "utf-8"));
// A photo's address as written: the CMS's getAsset finds the file, the page's build does too.
const html = texts.map((value) => preview({ value, getAsset: (path) => path }));
console.log(JSON.stringify(html));
