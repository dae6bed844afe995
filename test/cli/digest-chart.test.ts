import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDigestCommand, trendChartPath } from '../../lib/cli/commands/digest.js';
import { createDynamoStores, createTable } from '../../lib/store/dynamodb/index.js';
import { flattenParts, readSentEmails } from '../../scripts/demo/sent-mail.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

const REGION = 'us-east-1';
const SENDER = 'hipaa-audit@acme-health.example';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let moto: MotoServer;
let dir: string;
beforeAll(async () => {
  moto = await startMoto();
  dir = await mkdtemp(join(tmpdir(), 'digest-chart-'));
});
afterAll(async () => {
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hipaa-audit digest: the trend chart, as the Lambda digest has it', () => {
  it('writes the chart beside the preview and sends it inline in the email', async () => {
    const clients = motoClients(moto);
    await createTable(clients.get(DynamoDBClient, REGION), 'chart-table');
    await clients.get(SESv2Client, REGION).send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    const { findings } = createDynamoStores({ clients, region: REGION, tableName: 'chart-table' });
    await findings.recordRun(
      { id: 'run-chart-1', startedAt, finishedAt: startedAt, accountIds: ['123456789012'], regions: [REGION], status: 'COMPLETE', counts: { PASS: 0, FAIL: 1, ERROR: 0, NOT_APPLICABLE: 0, SUPPRESSED: 0 }, collectionErrors: [] },
      [{
        checkId: 'iam_root_mfa_enabled', title: 'Root MFA', citations: ['164.312(d)'], severity: 'critical', status: 'FAIL',
        resource: { arn: 'arn:aws:iam::123456789012:root', id: 'root', type: 'AWS::::Account', region: 'global', accountId: '123456789012' },
        reason: 'Root user of account 123456789012 has no MFA device', remediation: 'Enable MFA.',
      }],
    );
    clients.destroy();

    const preview = join(dir, 'digest.html');
    const program = new Command().exitOverride().configureOutput({ writeOut: () => undefined });
    registerDigestCommand(program);
    await program.parseAsync(
      ['digest', '--endpoint-url', moto.url, '--region', REGION, '--table', 'chart-table', '--org', 'Acme', '--preview', preview, '--send', '--to', 'officer@acme-health.example', '--from', SENDER],
      { from: 'user' },
    );

    const chartFile = trendChartPath(preview);
    expect(chartFile).toBe(join(dir, 'digest.trend.png'));
    const png = await readFile(chartFile);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const html = await readFile(preview, 'utf8');
    expect(html).toMatch(/<img src="digest\.trend\.png" width="\d+" alt="[^"]+/);

    // The mailed message is a raw MIME message with the chart inline (cid:), as the Lambda sends it.
    const [sent, ...more] = await readSentEmails(moto.url);
    expect(more).toEqual([]);
    expect(sent?.html).toContain('src="cid:trend-chart@hipaa-audit"');
    const image = flattenParts(sent?.mime ?? { headers: {}, body: Buffer.alloc(0), parts: [] }).find((p) => (p.headers['content-type'] ?? '').startsWith('image/png'));
    expect([...(image?.body.subarray(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
  }, 60_000);
});
