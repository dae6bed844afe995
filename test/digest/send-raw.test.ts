import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { InMemoryDigestLedger } from '../../lib/digest/ledger.js';
import { renderDigestEmail, TREND_CONTENT_ID } from '../../lib/digest/render-email.js';
import { sendDigest } from '../../lib/digest/send.js';
import { flattenParts, readSentEmails } from '../../scripts/demo/sent-mail.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { sampleDigestInput } from './fixtures.js';

const REGION = 'us-east-1';
const SENDER = 'hipaa-audit@acme-health.example';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('digest with the trend chart, sent as raw MIME through moto SES v2', () => {
  let moto: MotoServer;
  let clients: AwsClientFactory;

  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
  });
  afterAll(async () => {
    clients.destroy();
    await moto.stop();
  });

  it('sends multipart/related with the text, the HTML and the inline PNG it references by cid', async () => {
    // Prepare
    const ses = clients.get(SESv2Client, REGION);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
    const digest = await renderDigestEmail(sampleDigestInput());
    expect(digest.html).toContain(`src="cid:${TREND_CONTENT_ID}"`);
    expect(digest.html).toMatch(/<img [^>]*alt="Open failures per week by severity, and not-assessed checks: 2025-04-27: no run yet; 2025-05-04: 27 open failures/);

    // Act
    const result = await sendDigest(digest, { ses, from: SENDER, to: ['officer@acme-health.example'], cc: ['audit@acme-health.example'], ledger: new InMemoryDigestLedger(), idempotencyKey: 'raw#1' });

    // Assess: what moto stored is the MIME message, and its parts are the ones we rendered.
    expect(result.status).toBe('SENT');
    const [sent, ...others] = (await readSentEmails(moto.url)).filter((m) => m.mime);
    expect(others).toHaveLength(0);
    expect(sent?.subject).toBe(digest.subject); // RFC 2047 round trip of the UTF-8 em dash
    expect(sent?.to).toEqual(['officer@acme-health.example']);
    expect(sent?.cc).toEqual(['audit@acme-health.example']);
    expect(sent?.mime?.headers['content-type']).toMatch(/^multipart\/related;/);
    const parts = flattenParts(sent!.mime!);
    const text = parts.find((p) => p.headers['content-type']?.startsWith('text/plain'));
    const html = parts.find((p) => p.headers['content-type']?.startsWith('text/html'));
    const png = parts.find((p) => p.headers['content-type']?.startsWith('image/png'));
    expect(text?.body.toString('utf8')).toBe(digest.text);
    expect(html?.body.toString('utf8')).toBe(digest.html);
    expect(png?.headers['content-id']).toBe(`<${TREND_CONTENT_ID}>`);
    expect(png?.headers['content-disposition']).toMatch(/^inline;/);
    expect(png?.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png?.body.length).toBe(digest.inlineImages?.[0]?.data.length);
  }, 30_000);
});
