import { z } from 'zod';

/** One message as moto's SES v2 emulation recorded it (GET /moto-api/data.json -> ses -> Message). */
const MotoMessageSchema = z.object({
  id: z.string(),
  source: z.string(),
  subject: z.string(),
  body: z.string(),
  destinations: z.object({ ToAddresses: z.array(z.string()).optional(), CcAddresses: z.array(z.string()).optional() }).passthrough(),
});

export interface SentEmail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** moto keeps only the HTML part when both bodies are sent. */
  html: string;
}

/** Reads back the mail an emulated SES sent. moto cannot serialize this once RDS instances exist, hence a separate audit server. */
export async function readSentEmails(motoUrl: string): Promise<SentEmail[]> {
  const response = await fetch(`${motoUrl}/moto-api/data.json`);
  if (!response.ok) throw new Error(`moto data.json answered HTTP ${response.status}`);
  const data = z.object({ ses: z.object({ Message: z.array(MotoMessageSchema).optional() }).passthrough().optional() }).passthrough().parse(await response.json());
  return (data.ses?.Message ?? []).map((m) => ({
    messageId: m.id,
    from: m.source,
    to: m.destinations.ToAddresses ?? [],
    cc: m.destinations.CcAddresses ?? [],
    subject: m.subject,
    html: m.body,
  }));
}
