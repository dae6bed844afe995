import { DEFAULT_MAX_ITEMS, subjectLine, type RenderOptions } from './format.js';
import type { DigestInput } from './input.js';
import { renderDigestHtml } from './render-html.js';
import { renderDigestText } from './render-text.js';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/** Pure: the same input always renders the same email (timestamps come from the input). */
export function renderDigest(input: DigestInput, { maxItemsPerList = DEFAULT_MAX_ITEMS }: RenderOptions = {}): RenderedDigest {
  const options = { maxItemsPerList };
  return { subject: subjectLine(input), html: renderDigestHtml(input, options), text: renderDigestText(input, options) };
}
