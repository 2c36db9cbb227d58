// The headers Netlify's own engine gives each path of a built site: @netlify/headers, the
// `_headers` parser and matcher of Netlify's local dev server (npm, a devDependency).
//   node tests/netlify_headers.mjs <built site> <path>…  →  {"errors": […], "headers": {path: {name: value}}}
import { HeadersHandler } from "@netlify/headers";

const [site, ...paths] = process.argv.slice(2);
const errors = [];
const logger = { error: (message) => errors.push(message), log() {}, warn() {} };
const handler = new HeadersHandler({ projectDir: site, publishDir: ".", configHeaders: [], logger });
const headers = {};
for (const path of paths) {
  headers[path] = {};
  await handler.apply(new Request(`http://localhost${path}`), undefined, (name, value) => {
    headers[path][name] = value;
  });
}
console.log(JSON.stringify({ errors, headers }));
