import { DEFAULT_MAX_ITEMS, subjectLine } from './format.js';
import type { DigestInput } from './input.js';
import type { InlineImage } from './mime.js';
import { renderDigestHtml, type HtmlRenderOptions } from './render-html.js';
import { renderDigestText } from './render-text.js';
import { boundInput, MAX_HTML_BYTES, SIZE_STEPS } from './size-guard.js';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
  /** Images the HTML shows as `cid:`; present when the email is sent as a raw MIME message. */
  inlineImages?: InlineImage[];
}

/** The digest would not fit under Gmail's clip size even cut down to one item per list. */
export class DigestTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`The digest HTML is ${bytes} bytes even with one item per list; the limit is ${MAX_HTML_BYTES}.`);
    this.name = 'DigestTooLargeError';
  }
}

/**
 * Pure: the same input always renders the same email (timestamps come from the input). Stays under
 * MAX_HTML_BYTES of HTML: when the full rendering is larger, lists get shorter and long texts are
 * cut, step by step, and every list still says how many it leaves out.
 */
export function renderDigest(input: DigestInput, { maxItemsPerList = DEFAULT_MAX_ITEMS, ...options }: HtmlRenderOptions = {}): RenderedDigest {
  const subject = subjectLine(input);
  const full = renderDigestHtml(input, { ...options, maxItemsPerList });
  if (Buffer.byteLength(full, 'utf8') <= MAX_HTML_BYTES) {
    return { subject, html: full, text: renderDigestText(input, { maxItemsPerList }) };
  }
  let bytes = 0;
  for (const step of SIZE_STEPS) {
    const items = Math.min(maxItemsPerList, step.maxItemsPerList);
    const bounded = boundInput(input, step.maxTextChars, items);
    const html = renderDigestHtml(bounded, { ...options, maxItemsPerList: items });
    bytes = Buffer.byteLength(html, 'utf8');
    if (bytes <= MAX_HTML_BYTES) return { subject, html, text: renderDigestText(bounded, { maxItemsPerList: items }) };
  }
  throw new DigestTooLargeError(bytes);
}
