// The HTML the CMS's preview pane makes of each text: the scripts /admin/ loads (the
// packages' browser builds, then plugins/admin/admin.js), run in order in one context as
// the page runs them, with Decap stood in for.
//   node tests/cms_preview_markdown.mjs <script>… < ["text", …]  →  ["html", …]
// DOMPurify needs a document, which Node lacks, so it is stood in for by one that changes
// nothing: this compares the Markdown; tests/browser/test_cms_preview_browser.py runs all.
import { readFileSync } from "node:fs";
import vm from "node:vm";

let preview;
const context = vm.createContext({
  document: { currentScript: { dataset: {} } },
  CMS: {
    registerPreviewStyle() {},
    getWidget: () => ({}),
    registerWidget(name, control, component) {
      if (name === "markdown") preview = component;
    },
  },
  // React's createElement, as far as the preview uses it: the HTML it sets.
  h: (tag, props) => props.dangerouslySetInnerHTML.__html,
});
for (const script of process.argv.slice(2)) {
  vm.runInContext(readFileSync(script, "utf-8"), context, { filename: script });
}
context.DOMPurify = { sanitize: (html) => html };

const texts = JSON.parse(readFileSync(0, "utf-8"));
// The CMS's getAsset is given a photo's file name and gives back where it shows it from;
// here, the name as an address again, as the page's Markdown writes it ({static} kept).
const address = (path) => encodeURI(path).replace(/^%7B(\w+)%7D/, "{$1}");
const html = texts.map((value) => preview({ value, getAsset: address }));
console.log(JSON.stringify(html));
