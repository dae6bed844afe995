// The escaping template tag lives with the report layer (lib/report/html), which the HTML report shares and
// which may not import the digest; the digest keeps importing it from here.
export { escapeHtml, html, SafeHtml, type HtmlValue } from '../report/html/safe-html.js';
