import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { registerAcceptCommand } from '../../lib/cli/commands/accept.js';
import { registerAcceptancesCommand, type AcceptanceRow } from '../../lib/cli/commands/acceptances.js';
import { registerRevokeCommand } from '../../lib/cli/commands/revoke.js';
import { UsageError } from '../../lib/cli/errors.js';
import { SuppressionAlreadyRevokedError, SuppressionNotFoundError } from '../../lib/store/dynamodb/index.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { KNOWN_CHECKS } from '../findings/fixtures.js';
import { freshStores } from './helpers.js';

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

const now = new Date('2025-03-01T12:00:00.000Z');

/** A program with the three commands, pointed at moto and the given table, capturing stdout. */
function cli(tableName: string) {
  const lines: string[] = [];
  const program = new Command('hipaa-audit').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  const deps = { knownCheckIds: () => KNOWN_CHECKS, now: () => now, out: (line: string) => lines.push(line) };
  registerAcceptCommand(program, deps);
  registerAcceptancesCommand(program, deps);
  registerRevokeCommand(program, deps);
  const common = ['--endpoint-url', moto.url, '--table', tableName, '--region', 'us-east-1'];
  const run = (...args: string[]) => program.parseAsync([...args, ...common], { from: 'user' });
  return { run, lines };
}

const acceptArgs = [
  'accept',
  '--check',
  's3_bucket_encryption',
  '--resource',
  'arn:aws:s3:::legacy-*',
  '--reason',
  'Empty legacy buckets, deletion scheduled',
  '--approver',
  'Jane Doe',
  '--expires',
  '2025-03-20',
];

describe('DynamoSuppressionStore', () => {
  it('creates, lists and revokes, keeping the revoked record', async () => {
    const { suppressions } = await freshStores(clients, () => now);
    const created = await suppressions.create({
      accountId: '*',
      checkId: 's3_bucket_encryption',
      resourcePattern: 'arn:aws:s3:::x',
      reason: 'r',
      approvedBy: 'a',
      expiresAt: '2025-06-30',
    });
    expect(created).toMatchObject({ id: expect.stringMatching(/^acc-20250301T120000Z-[0-9a-f]{8}$/), createdAt: now.toISOString() });
    expect(await suppressions.list()).toEqual([created]);
    const revoked = await suppressions.revoke(created.id, '2025-03-02T00:00:00.000Z');
    expect(revoked.revokedAt).toBe('2025-03-02T00:00:00.000Z');
    expect(await suppressions.list()).toEqual([]);
    expect(await suppressions.list({ includeRevoked: true })).toEqual([revoked]);
    await expect(suppressions.revoke(created.id, '2025-03-03T00:00:00.000Z')).rejects.toThrow(SuppressionAlreadyRevokedError);
    await expect(suppressions.revoke('acc-missing', '2025-03-03T00:00:00.000Z')).rejects.toThrow(SuppressionNotFoundError);
  });
});

describe('accept / acceptances / revoke commands', () => {
  it('records an acceptance, lists it as expiring, and revokes it', async () => {
    const { tableName, suppressions } = await freshStores(clients);
    const { run, lines } = cli(tableName);
    await run(...acceptArgs, '--account', '111122223333');
    const [stored] = await suppressions.list();
    expect(stored).toMatchObject({ accountId: '111122223333', resourcePattern: 'arn:aws:s3:::legacy-*', approvedBy: 'Jane Doe', expiresAt: '2025-03-20' });
    expect(lines[0]).toContain(`Recorded risk acceptance ${stored?.id}`);

    await run('acceptances', '--expiring-within', '30d', '--format', 'json');
    const rows = JSON.parse(lines[1] ?? '[]') as AcceptanceRow[];
    expect(rows.map((r) => [r.id, r.status])).toEqual([[stored?.id, 'active']]);
    await run('acceptances', '--expiring-within', '7d');
    expect(lines[2]).toBe('No risk acceptances.');

    await run('revoke', stored?.id ?? '');
    expect(lines[3]).toContain('Revoked risk acceptance');
    await run('acceptances', '--include-revoked');
    expect(lines[4]).toMatch(/revoked\s+2025-03-20/);
    await expect(run('revoke', stored?.id ?? '')).rejects.toThrow(/already revoked/);
    await expect(run('revoke', 'acc-nope')).rejects.toThrow(UsageError);
  });

  it.each([
    [['--expires', '2025-13-01'], 'not a valid YYYY-MM-DD date'],
    [['--expires', '2024-12-31'], 'is in the past'],
    [['--expires', '2030-01-01'], 'more than 3 years out'],
    [['--reason', ''], 'a reason is required'],
    [['--check', 'nope_check'], 'unknown check id "nope_check"'],
    [['--account', 'prod'], 'not a 12-digit account id'],
  ])('rejects %j with a UsageError and writes nothing', async (override, message) => {
    const { tableName, suppressions } = await freshStores(clients);
    const { run } = cli(tableName);
    const args = [...acceptArgs];
    const flag = override[0] ?? '';
    const at = args.indexOf(flag);
    if (at >= 0) args[at + 1] = override[1] ?? '';
    else args.push(...override);
    const error: unknown = await run(...args).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
    expect(await suppressions.list({ includeRevoked: true })).toEqual([]);
  });

  it('reports a missing approver and a missing table as usage errors', async () => {
    const { tableName, suppressions } = await freshStores(clients);
    const { run } = cli(tableName);
    const withoutApprover = acceptArgs.filter((_, i) => i !== acceptArgs.indexOf('--approver') && i !== acceptArgs.indexOf('--approver') + 1);
    await expect(run(...withoutApprover)).rejects.toThrow(/an approver is required/);
    expect(await suppressions.list()).toEqual([]);

    const program = new Command('hipaa-audit').exitOverride();
    registerAcceptCommand(program, { knownCheckIds: () => KNOWN_CHECKS, now: () => now });
    const previous = process.env.HIPAA_AUDIT_TABLE;
    delete process.env.HIPAA_AUDIT_TABLE;
    await expect(program.parseAsync([...acceptArgs, '--endpoint-url', moto.url], { from: 'user' })).rejects.toThrow(
      '--table is required (or set HIPAA_AUDIT_TABLE).',
    );
    if (previous !== undefined) process.env.HIPAA_AUDIT_TABLE = previous;
  });

  it('rejects a bad --expiring-within and --format', async () => {
    const { tableName } = await freshStores(clients);
    const { run } = cli(tableName);
    await expect(run('acceptances', '--expiring-within', 'soon')).rejects.toThrow('not a number of days like 30d');
    await expect(run('acceptances', '--format', 'xml')).rejects.toThrow('is not one of: table, json');
  });
});
