import { z } from 'zod';

/** One message as moto's SES v2 emulation recorded it (GET /moto-api/data.json -> ses -> Message / RawMessage). */
const MotoMessageSchema = z.object({
  id: z.string(),
  source: z.string(),
  subject: z.string(),
  body: z.string(),
  destinations: z.object({ ToAddresses: z.array(z.string()).optional(), CcAddresses: z.array(z.string()).optional() }).passthrough(),
});
const MotoRawMessageSchema = z.object({ id: z.string(), source: z.string(), destinations: z.array(z.string()), raw_data: z.string() });

export interface MimePart {
  headers: Record<string, string>;
  /** Decoded body (base64 parts decoded); empty for a multipart container. */
  body: Buffer;
  parts: MimePart[];
}

export interface SentEmail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** moto keeps only the HTML part when both bodies are sent as Simple content. */
  html: string;
  /** Set for raw MIME messages (digests with the inline trend chart). */
  mime?: MimePart;
  raw?: string;
}

/** A small MIME reader for what our own digest sender writes: enough to find the parts again. */
export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const rest = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const chunks = rest.split(`--${boundary}`).slice(1);
    const parts = chunks.filter((c) => !c.startsWith('--')).map((c) => parseMime(c.replace(/^\r?\n/, '')));
    return { headers, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const body = encoding === 'base64' ? Buffer.from(rest.replace(/\s+/g, ''), 'base64') : Buffer.from(rest, 'utf8');
  return { headers, body, parts: [] };
}

export function flattenParts(part: MimePart): MimePart[] {
  return [part, ...part.parts.flatMap(flattenParts)];
}

function decodeSubject(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

function fromRaw(m: z.infer<typeof MotoRawMessageSchema>): SentEmail {
  const mime = parseMime(m.raw_data);
  const html = flattenParts(mime).find((p) => (p.headers['content-type'] ?? '').startsWith('text/html'));
  const list = (h: string | undefined) => (h ? h.split(',').map((a) => a.trim()).filter(Boolean) : []);
  return {
    messageId: m.id,
    from: m.source,
    to: list(mime.headers.to),
    cc: list(mime.headers.cc),
    subject: decodeSubject(mime.headers.subject ?? ''),
    html: html?.body.toString('utf8') ?? '',
    mime,
    raw: m.raw_data,
  };
}

/** Reads back the mail an emulated SES sent. moto cannot serialize this once RDS instances exist, hence a separate audit server. */
export async function readSentEmails(motoUrl: string): Promise<SentEmail[]> {
  const response = await fetch(`${motoUrl}/moto-api/data.json`);
  if (!response.ok) throw new Error(`moto data.json answered HTTP ${response.status}`);
  const data = z
    .object({ ses: z.object({ Message: z.array(MotoMessageSchema).optional(), RawMessage: z.array(MotoRawMessageSchema).optional() }).passthrough().optional() })
    .passthrough()
    .parse(await response.json());
  const simple = (data.ses?.Message ?? []).map((m) => ({
    messageId: m.id,
    from: m.source,
    to: m.destinations.ToAddresses ?? [],
    cc: m.destinations.CcAddresses ?? [],
    subject: m.subject,
    html: m.body,
  }));
  return [...simple, ...(data.ses?.RawMessage ?? []).map(fromRaw)];
}
