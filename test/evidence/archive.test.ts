import { CopyObjectCommand, CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerBundleCommand } from '../../lib/cli/commands/bundle.js';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { ArchivedEvidenceError, archivedEvidence, parseRestoreHeader, requestRestores } from '../../lib/evidence/archive.js';
import { S3EvidenceStore } from '../../lib/evidence/s3-evidence-store.js';
import { createSigningKey } from '../../lib/evidence/setup.js';
import { verifyBundle } from '../../lib/evidence/verify.js';
import { ACCOUNT, runInput, tempDir } from './fixtures.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// Evidence that lifecycle rules moved to Glacier, emulated on moto: it reports StorageClass GLACIER in
// listings, refuses GET with InvalidObjectState, and answers RestoreObject with a readable copy.
const REGION = 'us-east-1';
const BUCKET = 'archive-test-evidence';
let moto: MotoServer;
let clients: AwsClientFactory;
let s3: S3Client;
let runKeys: string[] = [];
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  dir = await tempDir();
  clients = motoClients(moto);
  s3 = clients.get(S3Client, REGION);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const store = new S3EvidenceStore({ clients, region: REGION, bucket: BUCKET, signingKeyId: await createSigningKey(clients, REGION) });
  const written = await store.writeRunEvidence(runInput(1));
  await store.writeRunEvidence(runInput(5));
  runKeys = written.keys;
  // What a lifecycle transition does: same key, storage class GLACIER (a plain bucket here, so a copy may replace).
  // The run's gzip objects (raw.json.gz, findings.json.gz, findings.csv.gz) are the ones large enough to move.
  for (const key of archivedKeys(written.keys)) {
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: `${BUCKET}/${key}`, StorageClass: 'GLACIER', MetadataDirective: 'COPY' }));
  }
});

function archivedKeys(keys: readonly string[]): string[] {
  return keys.filter((k) => k.endsWith('.gz'));
}

async function bundleCli(...args: string[]): Promise<{ printed: string; error?: Error }> {
  const program = new Command().exitOverride();
  registerBundleCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'hipaa-audit', 'bundle', '--endpoint-url', moto.url, '--evidence-bucket', BUCKET, ...args]);
    return { printed: log.mock.calls.map((c) => String(c[0])).join('\n') };
  } catch (error) {
    return { printed: log.mock.calls.map((c) => String(c[0])).join('\n'), error: error as Error };
  } finally {
    log.mockRestore();
  }
}

afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

describe('archived evidence', () => {
  it('lists exactly the archived objects of the selected runs (by date), each needing a restore', async () => {
    const archived = await archivedEvidence(s3, BUCKET, { from: '2025-03-01', to: '2025-03-03' }, undefined);
    expect(archived.map((a) => a.key).sort()).toEqual(archivedKeys(runKeys).sort());
    expect(archived).toHaveLength(3);
    expect(archived.every((a) => a.storageClass === 'GLACIER' && a.restore === 'needed')).toBe(true);
    // The other run (2025-03-06) is outside the range and not archived.
    expect(await archivedEvidence(s3, BUCKET, { from: '2025-03-05', to: '2025-03-07' }, ACCOUNT)).toEqual([]);
  });

  it('hipaa-audit bundle names the archived objects and builds nothing; --restore requests them; then the bundle builds and verifies', async () => {
    const out = join(dir, 'archived.zip');
    const args = ['--from', '2025-03-01', '--to', '2025-03-03', '--account', ACCOUNT, '--output', out];
    const refused = await bundleCli(...args);
    expect(refused.error).toBeInstanceOf(ArchivedEvidenceError);
    expect(refused.error?.message).toMatch(/3 evidence object\(s\) are archived .* \(3 need a restore, 0 restore\(s\) in progress\)\. Run this command with --restore/);
    expect(refused.printed).toContain(`needs restore: s3://${BUCKET}/evidence/${ACCOUNT}/`);
    await expect(stat(out)).rejects.toThrow();

    const restoring = await bundleCli(...args, '--restore', '--restore-days', '2', '--restore-tier', 'bulk');
    expect(restoring.error?.message).toMatch(/Requested 3 restore\(s\) \(Bulk, readable for 2 days\)/);

    // moto completes a restore at once (AWS takes hours): the same command now builds a bundle that verifies.
    const built = await bundleCli(...args);
    expect(built.error).toBeUndefined();
    expect((await verifyBundle(out)).ok).toBe(true);
  });

  it('requestRestores leaves objects whose restore is in progress alone', async () => {
    const calls = await requestRestores(s3, BUCKET, [{ key: 'evidence/x', storageClass: 'GLACIER', restore: 'in-progress' }], { days: 1, tier: 'Standard' });
    expect(calls).toBe(0);
  });

  it('reads the x-amz-restore header', () => {
    expect(parseRestoreHeader(undefined)).toEqual({ state: 'needed' });
    expect(parseRestoreHeader('ongoing-request="true"')).toEqual({ state: 'in-progress' });
    expect(parseRestoreHeader('ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"')).toEqual({ state: 'restored', until: '2012-12-21T00:00:00.000Z' });
  });
});
