import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBundle } from '../../lib/evidence/bundle.js';
import { scanAttemptPath } from '../../lib/evidence/layout.js';
import { ManifestSchema } from '../../lib/evidence/manifest.js';
import { verifyBundle } from '../../lib/evidence/verify.js';
import { S3WorkStore } from '../../lib/evidence/work-store.js';
import { forEachZipEntry } from '../../lib/evidence/zip-read.js';
import { unitIdOf } from '../../lib/pipeline/targets.js';
import { createDynamoStores } from '../../lib/store/dynamodb/index.js';
import { motoClients } from '../support/moto.js';
import { deployEmulated, harnessConfig, pipelineLostNothing, type EmulatedDeployment } from './deployment.js';
import { runWorkflow } from './run-workflow.js';
import { HARNESS_REGION } from './synthesized-workflow.js';

// Retry safety: a step killed mid-write (a real child process, SIGKILL while its S3 PUT is in flight) and
// then retried completes the run; the sealed manifest lists exactly the objects of the attempt it seals,
// and the abandoned attempt's objects are never bundled. Also: two executions at once.
const MEMBERS = ['210000000011'];
const INVOKER = fileURLToPath(new URL('./invoke-handler.ts', import.meta.url));
const context = { functionName: 'test', awsRequestId: 'req', getRemainingTimeInMillis: () => 900_000 } as unknown as Context;
let deployment: EmulatedDeployment;
// Whole executions against moto: minutes when the machine's two cores are shared with other test files.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

beforeAll(async () => {
  deployment = await deployEmulated({ config: harnessConfig({ targets: { accounts: MEMBERS }, regions: ['us-east-1'] }), members: MEMBERS });
});

afterAll(async () => {
  await deployment?.stop();
});

/** Runs a handler in a child process and SIGKILLs it the moment it sends the request `holdWhen` matches. */
async function killMidWrite(entry: string, event: unknown, holdWhen: (method: string, path: string) => boolean): Promise<{ killed: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', INVOKER, entry, JSON.stringify(event)], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let killed = false;
  deployment.proxy.hold = { matches: holdWhen, onHold: () => { killed = child.kill('SIGKILL'); } };
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  deployment.proxy.hold = undefined;
  return { killed };
}

async function keys(bucket: string, prefix: string): Promise<string[]> {
  const out = await deployment.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key ?? '');
}

const isEvidencePut = (method: string, path: string, suffix: RegExp): boolean =>
  method === 'PUT' && path.startsWith(`/${deployment.bucket}/evidence/`) && suffix.test(path.split('?')[0] ?? '');

describe('retry safety', () => {
  it('completes a run after ScanTarget and SealAccount were each killed mid-write and retried; only the sealed attempt is evidence', async () => {
    const h = deployment.handlers;
    const executionId = 'arn:aws:states:us-east-1:123456789012:execution:audit-run:killed';
    const resolved = (await h['resolve-targets.ts']!({ request: {}, executionId, startedAt: new Date().toISOString() }, context)) as { runId: string; startedAt: string };
    const { runId, startedAt } = resolved;
    const clients = motoClients(deployment.moto);
    try {
      const targets = await new S3WorkStore({ clients, region: HARNESS_REGION, bucket: deployment.workBucket }).readTargetList(runId);
      for (const target of targets) {
        const unit = target.units[0]!;
        const scanEvent = { runId, target: unit };
        // Killed after its raw evidence (one raw.json.gz) was stored, while writing its scan record: the attempt
        // leaves evidence behind but never committed.
        const scanKill = await killMidWrite('scan-target.ts', scanEvent, (m, p) => m === 'PUT' && p.startsWith(`/${deployment.workBucket}/runs/${runId}/scans/`));
        expect(scanKill.killed).toBe(true);
        const abandoned = await keys(deployment.bucket, `evidence/${target.accountId}/${runId}/scans/`);
        expect(abandoned).toHaveLength(1);
        expect(abandoned[0]).toMatch(/\/raw\.json\.gz$/);
        expect(await keys(deployment.workBucket, `runs/${runId}/scans/${target.accountId}/`)).toEqual([]);

        // The Step Functions retry: same event, a new attempt.
        const scanned = (await h['scan-target.ts']!(scanEvent, context)) as { recordKey: string; counts: Record<string, number> };
        const attemptId = scanned.recordKey.split('/').pop()?.replace(/\.json$/, '') ?? '';
        const sealEvent = { runId, startedAt, accountId: target.accountId, scans: [scanned] };

        // Killed after the manifest was written, while writing the signature (before the chain link).
        const sealKill = await killMidWrite('seal-account.ts', sealEvent, (m, p) => isEvidencePut(m, p, /\/manifest\.sig$/));
        expect(sealKill.killed).toBe(true);
        const half = await keys(deployment.bucket, `evidence/${target.accountId}/`);
        expect(half).toContain(`evidence/${target.accountId}/${runId}/manifest.json`);
        expect(half.some((k) => k.includes('/chain/'))).toBe(false);

        const sealed = (await h['seal-account.ts']!(sealEvent, context)) as { manifestKey: string };
        const manifestObject = await deployment.s3.send(new GetObjectCommand({ Bucket: deployment.bucket, Key: sealed.manifestKey }));
        const manifest = ManifestSchema.parse(JSON.parse((await manifestObject.Body?.transformToString()) ?? ''));
        // One raw evidence object for the sealed attempt, listing the API calls it holds.
        const raw = manifest.entries.filter((e) => e.kind === 'raw-evidence');
        expect(raw.map((e) => e.path)).toEqual([`${scanAttemptPath(unitIdOf(unit), attemptId)}raw.json.gz`]);
        expect(raw[0]?.contents?.length).toBeGreaterThan(2);
        expect(manifest.run.counts).toEqual(scanned.counts);
        for (const key of abandoned) expect(raw.some((e) => key.endsWith(e.path))).toBe(false);
        await h['record-account.ts']!({ runId, startedAt, accountId: target.accountId }, context);
      }
      await h['finalize-run.ts']!({ runId, startedAt, executionId }, context);
      expect(pipelineLostNothing(await createDynamoStores({ clients, region: HARNESS_REGION, tableName: deployment.tableName }).findings.getRun(runId))).toBe(true);

      const zipPath = join(await mkdtemp(join(tmpdir(), 'retry-bundle-')), 'bundle.zip');
      const output = createWriteStream(zipPath);
      await buildBundle({ clients, region: HARNESS_REGION, bucket: deployment.bucket, runIds: [runId], output });
      await finished(output);
      const report = await verifyBundle(zipPath);
      expect(report.failures).toEqual([]);
      expect(report.ok).toBe(true);
      const names: string[] = [];
      await forEachZipEntry(zipPath, async (name, stream) => {
        names.push(name);
        stream.resume();
      });
      for (const accountId of MEMBERS) {
        const all = await keys(deployment.bucket, `evidence/${accountId}/${runId}/scans/`);
        const bundled = names.filter((n) => n.startsWith(`evidence/${accountId}/${runId}/scans/`));
        // Two attempts' objects are stored; only the sealed attempt's are in the bundle.
        expect(all.length).toBeGreaterThan(bundled.length);
        expect(new Set(bundled.map((n) => n.split('/')[5])).size).toBe(1);
      }
    } finally {
      clients.destroy();
    }
  });

  it('refuses a second execution while one runs, and the first still records a verifiable chain', async () => {
    const run = (name: string) => runWorkflow({
      definition: deployment.workflow.definition, handlerByArn: deployment.workflow.handlerByArn, handlers: deployment.handlers,
      input: deployment.workflow.scheduleInput, skipRetryWaits: true, s3: deployment.s3, executionName: name,
    });
    const [a, b] = await Promise.all([run('scheduled'), run('manual')]);
    const outcomes = [a, b].map((r) => r.status).sort();
    expect(outcomes).toEqual(['FAILED', 'SUCCEEDED']);
    const rejected = a.status === 'FAILED' ? a : b;
    const winner = a.status === 'FAILED' ? b : a;
    expect(rejected.error?.Error).toBe('RunInProgressError');
    expect(rejected.calls.filter((c) => c.entry !== 'resolve-targets.ts')).toEqual([]);

    const runId = (winner.calls.find((c) => c.entry === 'resolve-targets.ts' && c.ok)?.output as { runId: string }).runId;
    const clients = motoClients(deployment.moto);
    try {
      const stores = createDynamoStores({ clients, region: HARNESS_REGION, tableName: deployment.tableName });
      expect(pipelineLostNothing(await stores.findings.getRun(runId))).toBe(true);
      // Every run of every account so far, chained: verify walks each account's chain link by link.
      const zipPath = join(await mkdtemp(join(tmpdir(), 'overlap-bundle-')), 'bundle.zip');
      const output = createWriteStream(zipPath);
      const today = new Date().toISOString().slice(0, 10);
      await buildBundle({ clients, region: HARNESS_REGION, bucket: deployment.bucket, from: today, to: today, output });
      await finished(output);
      const report = await verifyBundle(zipPath);
      expect(report.failures).toEqual([]);
      expect(report.runs.length).toBe(MEMBERS.length * 2);
    } finally {
      clients.destroy();
    }
  });
});
