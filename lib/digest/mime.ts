import { randomBytes } from 'node:crypto';

/**
 * A MIME message for SES `Content.Raw`: multipart/related holding the text/HTML alternative and the
 * inline images the HTML references as `cid:`. Built by hand because it is small and fixed: every
 * part is base64 (no line-length or 8-bit surprises) and the only header that needs encoding is the
 * subject (RFC 2047).
 */

export interface InlineImage {
  /** Without angle brackets; the HTML refers to it as `cid:<contentId>`. */
  contentId: string;
  contentType: 'image/png';
  filename: string;
  data: Uint8Array;
}

export interface RawMessageParts {
  from: string;
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  html: string;
  text: string;
  images: readonly InlineImage[];
}

function base64Lines(data: Uint8Array | string): string {
  const b64 = Buffer.from(data).toString('base64');
  return (b64.match(/.{1,76}/g) ?? []).join('\r\n');
}

/** RFC 2047 encoded-word for non-ASCII subjects; header lines must not carry CR/LF. */
export function encodeHeader(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  return `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

export function buildRawMessage(parts: RawMessageParts, boundarySeed: string = randomBytes(12).toString('hex')): Uint8Array {
  const related = `related-${boundarySeed}`;
  const alternative = `alternative-${boundarySeed}`;
  const lines: string[] = [
    `From: ${parts.from}`,
    `To: ${parts.to.join(', ')}`,
    ...(parts.cc && parts.cc.length > 0 ? [`Cc: ${parts.cc.join(', ')}`] : []),
    `Subject: ${encodeHeader(parts.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${related}"; type="multipart/alternative"`,
    '',
    `--${related}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(parts.text),
    `--${alternative}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(parts.html),
    `--${alternative}--`,
  ];
  for (const image of parts.images) {
    lines.push(
      `--${related}`,
      `Content-Type: ${image.contentType}; name="${image.filename}"`,
      'Content-Transfer-Encoding: base64',
      `Content-ID: <${image.contentId}>`,
      `Content-Disposition: inline; filename="${image.filename}"`,
      '',
      base64Lines(image.data),
    );
  }
  lines.push(`--${related}--`, '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
