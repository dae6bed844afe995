import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { RawEvidence } from '../../lib/collect/evidence-recorder.js';
import type { Finding } from '../../lib/model/finding.js';
import { countByStatus, type ScanRun } from '../../lib/model/run.js';
import { forEachZipEntry } from '../../lib/evidence/zip-read.js';
import type { RunEvidenceInput } from '../../lib/evidence/types.js';

export const ACCOUNT = '123456789012';

export function finding(status: Finding['status'], id: string, citations: string[]): Finding {
  return {
    checkId: `s3_bucket_${id}`,
    title: `Bucket check ${id}`,
    citations,
    severity: 'high',
    status,
    resource: { arn: `arn:aws:s3:::bucket-${id}`, id: `bucket-${id}`, type: 'AWS::S3::Bucket', region: 'us-east-1', accountId: ACCOUNT },
    reason: `bucket-${id}, "quoted", =formula-looking`,
    remediation: 'Enable default encryption.',
  };
}

/** A run n days after 2025-03-01 with a few evidence records and findings. */
export function runInput(n: number, options: { extraRecords?: number; runId?: string } = {}): RunEvidenceInput {
  const started = new Date(Date.UTC(2025, 2, 1 + n, 6, 0, 0));
  const findings = [
    finding('PASS', `a${n}`, ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)']),
    finding('FAIL', `b${n}`, ['164.312(b)']),
    finding('SUPPRESSED', `c${n}`, ['164.312(a)(2)(iv)']),
  ];
  const at = started.toISOString();
  const evidence: RawEvidence[] = [
    { service: 's3', region: 'us-east-1', operation: 'ListBuckets', collectedAt: at, response: { Buckets: [{ Name: `bucket-a${n}` }] } },
    { service: 's3', region: 'us-east-1', operation: 'GetBucketEncryption', target: `bucket-a${n}`, collectedAt: at, response: { ServerSideEncryptionConfiguration: { Rules: [] } } },
    { service: 'iam', region: 'global', operation: 'GetAccountSummary', collectedAt: at, response: { SummaryMap: { Users: n } } },
    ...Array.from({ length: options.extraRecords ?? 0 }, (_, i): RawEvidence => ({
      service: 'ec2', region: `region-${i}`, operation: 'DescribeVolumes', collectedAt: at, response: { Volumes: [] },
    })),
  ];
  const run: ScanRun = {
    id: options.runId ?? `run-2025030${n}T060000Z-test000${n}`,
    startedAt: at,
    finishedAt: new Date(started.getTime() + 60_000).toISOString(),
    accountIds: [ACCOUNT],
    regions: ['us-east-1'],
    status: 'COMPLETE',
    counts: countByStatus(findings),
    collectionErrors: [],
  };
  return { run, findings, evidence, accountId: ACCOUNT };
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hipaa-evidence-'));
}

/**
 * Copies a zip entry by entry through `edit`, which may return new bytes, `null` to drop the
 * entry, or undefined to keep it. yazl recomputes CRCs, so only our own checks can catch the edit.
 */
export async function rewriteZip(
  src: string,
  dest: string,
  edit: (name: string, bytes: Buffer) => Buffer | null | undefined,
  add: Record<string, Buffer> = {},
): Promise<void> {
  const zip = new ZipFile();
  const done = pipeline(zip.outputStream, createWriteStream(dest));
  await forEachZipEntry(src, async (name, stream, isDirectory) => {
    if (isDirectory) return;
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const out = edit(name, bytes);
    if (out === null) return;
    zip.addReadStream(Readable.from([out ?? bytes]), name);
  });
  for (const [name, bytes] of Object.entries(add)) zip.addBuffer(bytes, name);
  zip.end();
  await done;
}

export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  await forEachZipEntry(path, async (name, stream) => {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    out.set(name, Buffer.concat(chunks));
  });
  return out;
}
