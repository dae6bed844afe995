import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { DigestAlreadySentError, DynamoDbDigestLedger, InMemoryDigestLedger, digestIdempotencyKey } from '../../lib/digest/ledger.js';
import { renderDigest } from '../../lib/digest/render.js';
import { DigestSendError, sendDigest } from '../../lib/digest/send.js';
import { createTable } from '../../lib/store/dynamodb/index.js';
import { readSentEmails } from '../../scripts/demo/sent-mail.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { NASTY_BUCKET, sampleDigestInput } from './fixtures.js';

const REGION = 'us-east-1';
const SENDER = 'hipaa-audit@acme-health.example';

/** moto's sesv2 sent-message record (GET /moto-api/data.json -> ses -> Message). */
interface MotoMessage {
  id: string;
  source: string;
  subject: string;
  body: string;
  destinations: { ToAddresses?: string[]; CcAddresses?: string[] };
}

async function sentMessages(moto: MotoServer): Promise<MotoMessage[]> {
  const data = (await (await fetch(`${moto.url}/moto-api/data.json`)).json()) as { ses?: { Message?: MotoMessage[] } };
  return data.ses?.Message ?? [];
}

describe('sendDigest against moto SES v2', () => {
  let moto: MotoServer;
  let clients: AwsClientFactory;
  let ses: SESv2Client;
  /** Every SendEmail request body as it went over the wire (moto keeps only the HTML part). */
  let wire: Record<string, unknown>[];

  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    ses = clients.get(SESv2Client, REGION);
    ses.middlewareStack.add(
      (next) => async (args) => {
        const raw = (args.request as { body?: unknown }).body;
        // The JSON protocol hands over bytes (a Uint8Array adapter), older versions a string.
        const body = raw instanceof Uint8Array ? new TextDecoder().decode(raw) : typeof raw === 'string' ? raw : '';
        if (body.includes('FromEmailAddress')) wire.push(JSON.parse(body) as Record<string, unknown>);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'captureSendEmail' },
    );
  });
  afterAll(async () => {
    clients.destroy();
    await moto.stop();
  });
  beforeEach(async () => {
    await moto.reset();
    wire = [];
  });

  it('sends HTML and text bodies as UTF-8 to To and CC recipients', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
    const digest = renderDigest(sampleDigestInput());
    const result = await sendDigest(digest, {
      ses,
      from: SENDER,
      to: ['officer@acme-health.example', 'ciso@acme-health.example'],
      cc: ['audit@acme-health.example'],
      ledger: new InMemoryDigestLedger(),
      idempotencyKey: 'Acme#2025-07-06#2025-07-13',
    });
    expect(result.status).toBe('SENT');

    const [message, ...others] = await sentMessages(moto);
    expect(others).toHaveLength(0);
    expect(message?.id).toBe(result.status === 'SENT' ? result.messageId : '');
    expect(message?.source).toBe(SENDER);
    expect(message?.destinations).toEqual({ ToAddresses: ['officer@acme-health.example', 'ciso@acme-health.example'], CcAddresses: ['audit@acme-health.example'] });
    expect(message?.subject).toBe(digest.subject);
    expect(message?.subject).toContain('—'); // UTF-8 survived
    expect(message?.body).toBe(digest.html);
    expect(message?.body).toContain('phi-&lt;script&gt;');

    // moto's sesv2 SendEmail stores only the Html part when both are given (sesv2/responses.py), so
    // the text part is checked on the request moto received.
    const simple = (wire[0]?.Content as { Simple: { Body: { Html: { Data: string; Charset: string }; Text: { Data: string; Charset: string } } } }).Simple;
    expect(simple.Body.Text.Data).toBe(digest.text);
    expect(simple.Body.Text.Data).toContain(`Resource: ${NASTY_BUCKET}`);
    expect(simple.Body.Text.Charset).toBe('UTF-8');
    expect(simple.Body.Html.Charset).toBe('UTF-8');
  });

  it('sends a digest only once per idempotency key (DynamoDB ledger)', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
    const ddb = clients.get(DynamoDBClient, REGION);
    await createTable(ddb, 'digest-ledger-test');
    const ledger = new DynamoDbDigestLedger({ client: ddb, tableName: 'digest-ledger-test' });
    const key = digestIdempotencyKey('Acme', { from: '2025-07-06T07:00:00.000Z', to: '2025-07-13T07:00:00.000Z' });
    expect(key).toBe('Acme#2025-07-06#2025-07-13');
    const digest = renderDigest(sampleDigestInput());
    const options = { ses, from: SENDER, to: ['officer@acme-health.example'], ledger, idempotencyKey: key, configurationSetName: undefined };

    const first = await sendDigest(digest, options);
    const second = await sendDigest(digest, options);
    expect(first.status).toBe('SENT');
    expect(second).toEqual({ status: 'SKIPPED', reason: 'ALREADY_SENT', idempotencyKey: key });
    expect(await sentMessages(moto)).toHaveLength(1);
    expect(await ledger.hasSent(key)).toBe(true);
    expect(await ledger.hasSent('Acme#2025-07-13#2025-07-20')).toBe(false);
    // A concurrent writer is caught by the conditional put, never silently overwritten.
    await expect(ledger.markSent(key, 'other-id')).rejects.toBeInstanceOf(DigestAlreadySentError);
  });

  it('maps moto\'s "Email address not verified" rejection to a clear verify-the-sender error', async () => {
    const ledger = new InMemoryDigestLedger();
    const error = await sendDigest(renderDigest(sampleDigestInput()), { ses, from: 'unverified@acme-health.example', to: ['officer@acme-health.example'], ledger, idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DigestSendError);
    const e = error as DigestSendError;
    expect(e.code).toBe('MessageRejected');
    expect(e.message).toContain('Verify the sender identity "unverified@acme-health.example"');
    expect(e.message).toContain(REGION);
    expect((e.cause as Error).name).toBe('MessageRejected');
    // Nothing recorded: a failed send can be retried.
    expect(await ledger.hasSent('k')).toBe(false);
    expect(await sentMessages(moto)).toHaveLength(0);
  });
});

describe('digest CLI end to end (moto DynamoDB + SES)', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto.stop();
  });

  it('reads the DynamoDB stores, writes previews and sends once', async () => {
    const { Command } = await import('commander');
    const { registerDigestCommand } = await import('../../lib/cli/commands/digest.js');
    const { createDynamoStores } = await import('../../lib/store/dynamodb/index.js');
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const clients = motoClients(moto);
    await createTable(clients.get(DynamoDBClient, REGION), 'cli-table');
    await clients.get(SESv2Client, REGION).send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    const { findings } = createDynamoStores({ clients, region: REGION, tableName: 'cli-table' });
    await findings.recordRun(
      { id: 'run-cli-1', startedAt, finishedAt: startedAt, accountIds: ['123456789012'], regions: [REGION], status: 'PARTIAL', counts: { PASS: 0, FAIL: 1, ERROR: 0, NOT_APPLICABLE: 0, SUPPRESSED: 0 }, collectionErrors: [] },
      [
        {
          checkId: 's3_bucket_default_encryption',
          title: 'S3 default encryption',
          citations: ['164.312(a)(2)(iv)'],
          severity: 'high',
          status: 'FAIL',
          resource: { arn: `arn:aws:s3:::${NASTY_BUCKET}`, id: NASTY_BUCKET, type: 'AWS::S3::Bucket', region: REGION, accountId: '123456789012' },
          reason: 'Not encrypted.',
          remediation: 'Encrypt it.',
        },
      ],
    );
    clients.destroy();

    const dir = await mkdtemp(join(tmpdir(), 'digest-cli-'));
    const run = async () => {
      const program = new Command().exitOverride();
      registerDigestCommand(program);
      await program.parseAsync(
        ['digest', '--endpoint-url', moto.url, '--region', REGION, '--table', 'cli-table', '--org', 'Acme', '--preview', join(dir, 'd.html'), '--text', join(dir, 'd.txt'), '--send', '--to', 'officer@acme-health.example', '--from', SENDER],
        { from: 'user' },
      );
    };
    await run();
    await run(); // same org and period: skipped by the ledger
    const html = await readFile(join(dir, 'd.html'), 'utf8');
    expect(html).toContain('PARTIAL RUN');
    expect(html).toContain('phi-&lt;script&gt;');
    // The text body opens with the posture sentence, colour named.
    expect(await readFile(join(dir, 'd.txt'), 'utf8')).toMatch(/^\[RED\] 1 high failure open; 1 new this (week|period)\./);
    // The CLI sends as the Lambda does: a raw MIME message with the trend chart inline (moto keeps it as RawMessage).
    const messages = await readSentEmails(moto.url);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject).toMatch(/^\[HIPAA audit\] Acme: .* — 1 new failure \(partial run\)$/);
  });
});
