import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawEvidence } from '../../lib/collect/evidence-recorder.js';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { buildBundle, createEvidenceBucket, createSigningKey, ManifestSchema, S3EvidenceStore, verifyBundle } from '../../lib/evidence/index.js';
import { scanAttemptPath } from '../../lib/evidence/layout.js';
import { packRawEvidence, RAW_EVIDENCE_KIND } from '../../lib/evidence/raw-groups.js';
import { getObjectBytes } from '../../lib/evidence/s3-objects.js';
import { ScanRecordSchema } from '../../lib/evidence/scan-record.js';
import { fetchPublicKey } from '../../lib/evidence/signing.js';
import { trustedKeyFromPem } from '../../lib/evidence/trust.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { ACCOUNT, readZip, runInput, tempDir } from './fixtures.js';
import { sealOldLayoutRun } from './old-layout.js';

// Raw evidence is one gzip object per scan (raw.json.gz) whose manifest entry lists the API calls it holds;
// runs sealed by earlier versions hold one object per service/region/operation and must keep verifying.
const REGION = 'us-east-1';
const BUCKET = 'raw-layouts';
const WORK = 'raw-layouts-work';
let moto: MotoServer;
let clients: AwsClientFactory;
let keyId: string;
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  await createEvidenceBucket(clients, REGION, BUCKET, 6);
  await clients.get(S3Client, REGION).send(new CreateBucketCommand({ Bucket: WORK }));
  keyId = await createSigningKey(clients, REGION);
  dir = await tempDir();
});
afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

const store = (): S3EvidenceStore => new S3EvidenceStore({ clients, region: REGION, bucket: BUCKET, workBucket: WORK, signingKeyId: keyId });
const s3 = (): S3Client => clients.get(S3Client, REGION);
const at = '2025-03-02T06:00:00.000Z';
const record = (service: string, region: string, operation: string, response: unknown, target?: string): RawEvidence =>
  ({ service, region, operation, collectedAt: at, response, ...(target === undefined ? {} : { target }) });

interface RawBody { kind: string; groups: { service: string; region: string; operation: string; records: { target?: string; response: unknown }[] }[] }
const inflate = (bytes: Buffer): RawBody => JSON.parse(gunzipSync(bytes).toString('utf8')) as RawBody;

describe('packRawEvidence', () => {
  const evidence = [
    record('s3', 'us-east-1', 'ListBuckets', { Buckets: [{ Name: 'a' }] }),
    record('ec2', 'us-west-2', 'DescribeVolumes', { Volumes: [1] }),
    record('s3', 'us-east-1', 'GetBucketEncryption', { Rules: [] }, 'a'),
    record('ec2', 'us-west-2', 'DescribeVolumes', { Volumes: [2] }),
    record('iam', 'global', 'GetAccountSummary', { SummaryMap: {} }),
  ];

  it('packs every response into one object whose groups are sorted and listed, records in capture order', () => {
    const packed = packRawEvidence(evidence);
    expect(packed?.path).toBe('raw.json.gz');
    expect(packed?.records).toBe(5);
    expect(packed?.contents).toEqual([
      { service: 'ec2', region: 'us-west-2', operation: 'DescribeVolumes', records: 2 },
      { service: 'iam', region: 'global', operation: 'GetAccountSummary', records: 1 },
      { service: 's3', region: 'us-east-1', operation: 'GetBucketEncryption', records: 1 },
      { service: 's3', region: 'us-east-1', operation: 'ListBuckets', records: 1 },
    ]);
    const body = inflate(packed?.body ?? Buffer.alloc(0));
    expect(body.kind).toBe(RAW_EVIDENCE_KIND);
    expect(body.groups.map(({ service, region, operation, records }) => ({ service, region, operation, records: records.length }))).toEqual(packed?.contents);
    expect(body.groups[0]?.records.map((r) => r.response)).toEqual([{ Volumes: [1] }, { Volumes: [2] }]);
    expect(body.groups[2]?.records[0]?.target).toBe('a');
  });

  it('writes identical bytes for the same responses, whatever order the groups were captured in', () => {
    const reordered = [evidence[4]!, evidence[2]!, evidence[1]!, evidence[0]!, evidence[3]!];
    expect(packRawEvidence(reordered)?.body.equals(packRawEvidence(evidence)?.body ?? Buffer.alloc(0))).toBe(true);
  });

  it('refuses data-plane operations and names that sanitise alike; packs nothing from nothing', () => {
    expect(() => packRawEvidence([...evidence, record('s3', 'us-east-1', 'GetObject', {})])).toThrow(/data-plane operation s3:GetObject/);
    expect(() => packRawEvidence([record('s3', 'us east-1', 'ListBuckets', {}), record('s3', 'us_east-1', 'ListBuckets', {})])).toThrow(/collision at s3\/us_east-1\/ListBuckets/);
    expect(packRawEvidence([])).toBeUndefined();
  });
});

describe('raw evidence layouts in S3', () => {
  it('a single-process run stores one raw.json.gz whose manifest entry lists what it holds', async () => {
    const input = runInput(1);
    const written = await store().writeRunEvidence(input);
    const prefix = `evidence/${ACCOUNT}/${input.run.id}/`;
    expect(written.keys.filter((k) => k.includes('raw'))).toEqual([`${prefix}raw.json.gz`]);
    // raw.json.gz, findings.json.gz, findings.csv.gz, public key, manifest, signature, chain link.
    expect(written.keys).toHaveLength(7);

    const raw = written.manifest.entries.filter((e) => e.kind === 'raw-evidence');
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatchObject({
      path: 'raw.json.gz', contentEncoding: 'gzip', records: 3,
      contents: [
        { service: 'iam', region: 'global', operation: 'GetAccountSummary', records: 1 },
        { service: 's3', region: 'us-east-1', operation: 'GetBucketEncryption', records: 1 },
        { service: 's3', region: 'us-east-1', operation: 'ListBuckets', records: 1 },
      ],
    });
    expect(raw[0]?.description).toContain('3 operation(s) in global, us-east-1');
    expect(raw[0]?.service).toBeUndefined();
    const stored = inflate(await getObjectBytes(s3(), BUCKET, `${prefix}raw.json.gz`));
    expect(stored.groups.find((g) => g.operation === 'GetBucketEncryption')?.records[0]?.target).toBe('bucket-a1');
    // The signed manifest as stored parses and carries the listing.
    const sealed = ManifestSchema.parse(JSON.parse((await getObjectBytes(s3(), BUCKET, written.manifestKey)).toString('utf8')));
    expect(sealed.entries.find((e) => e.kind === 'raw-evidence')?.contents).toEqual(raw[0]?.contents);
  });

  it('the pipeline stores one raw.json.gz per scan attempt; a retried attempt writes identical bytes; the seal lists each', async () => {
    const input = runInput(2);
    const runId = 'run-20250303T060000Z-attempts';
    const byRegion = (regions: readonly string[]): RawEvidence[] => input.evidence.filter((r) => regions.includes(r.region));
    const units = [
      { unitId: 'us-east-1+global', attemptId: 'a1', includeGlobal: true, evidence: byRegion(['us-east-1', 'global']) },
      { unitId: 'us-west-2', attemptId: 'b1', includeGlobal: false, evidence: [record('ec2', 'us-west-2', 'DescribeVolumes', { Volumes: [] })] },
    ];
    const recordKeys: string[] = [];
    for (const unit of units) {
      const attempt = { accountId: ACCOUNT, runId, ...unit, run: { ...input.run, id: runId }, findings: input.findings.filter((f) => unit.includeGlobal || f.resource.region === 'us-west-2') };
      const { recordKey } = await store().storeScanAttempt(attempt);
      // Same attempt again (an idempotent retry of the same invocation): putImmutable finds identical bytes.
      expect((await store().storeScanAttempt(attempt)).recordKey).toBe(recordKey);
      recordKeys.push(recordKey);
      const scanRecord = ScanRecordSchema.parse(JSON.parse((await getObjectBytes(s3(), WORK, recordKey)).toString('utf8')));
      expect(scanRecord.entries.map((e) => e.path)).toEqual([`${scanAttemptPath(unit.unitId, unit.attemptId)}raw.json.gz`]);
      expect(scanRecord.entries[0]?.contents?.map((c) => c.region).sort()).toEqual(unit.evidence.map((r) => r.region).sort());
    }
    const sealed = await store().sealAccountRun({ accountId: ACCOUNT, runId, startedAt: input.run.startedAt, recordKeys, failed: [] });
    const raw = sealed.manifest.entries.filter((e) => e.kind === 'raw-evidence');
    expect(raw.map((e) => e.path)).toEqual(['scans/us-east-1_global/a1/raw.json.gz', 'scans/us-west-2/b1/raw.json.gz']);
    expect(raw[1]?.contents).toEqual([{ service: 'ec2', region: 'us-west-2', operation: 'DescribeVolumes', records: 1 }]);

    const out = join(dir, 'attempts.zip');
    await buildBundle({ clients, region: REGION, bucket: BUCKET, runIds: [runId], accountId: ACCOUNT, output: createWriteStream(out) });
    const report = await verifyBundle(out);
    expect(report.failures).toEqual([]);
  });

  it('a run sealed in the earlier layout (one object per operation) still bundles and verifies, chained to a new-layout run', async () => {
    const account = '210987654321';
    const asAccount = (n: number): ReturnType<typeof runInput> => {
      const input = runInput(n);
      return { ...input, accountId: account, run: { ...input.run, accountIds: [account] } };
    };
    const old = await sealOldLayoutRun(clients, { region: REGION, bucket: BUCKET, signingKeyId: keyId }, asAccount(5));
    expect(old.rawPaths).toEqual(['raw/iam/global/GetAccountSummary.json.gz', 'raw/s3/us-east-1/GetBucketEncryption.json.gz', 'raw/s3/us-east-1/ListBuckets.json.gz']);
    // The schema still reads the earlier entries, service/region/operation/records included.
    const oldManifest = ManifestSchema.parse(JSON.parse((await getObjectBytes(s3(), BUCKET, old.manifestKey)).toString('utf8')));
    expect(oldManifest.entries.find((e) => e.path === 'raw/s3/us-east-1/ListBuckets.json.gz')).toMatchObject({ service: 's3', region: 'us-east-1', operation: 'ListBuckets', records: 1 });
    expect(oldManifest.entries.every((e) => e.contents === undefined)).toBe(true);

    const next = await store().writeRunEvidence(asAccount(6));
    expect(next.manifest.previousManifest).toMatchObject({ runId: old.manifest.runId });

    const out = join(dir, 'mixed-layouts.zip');
    const bundled = await buildBundle({ clients, region: REGION, bucket: BUCKET, accountId: account, from: '2025-03-06', to: '2025-03-07', output: createWriteStream(out) });
    expect(bundled.runs.map((r) => [r.runId, r.objects])).toEqual([[old.manifest.runId, 5], [next.manifest.runId, 3]]);
    const files = await readZip(out);
    for (const path of old.rawPaths) expect(files.has(`evidence/${account}/${old.manifest.runId}/${path}`)).toBe(true);
    expect(files.has(`evidence/${account}/${next.manifest.runId}/raw.json.gz`)).toBe(true);
    const readme = files.get('README.md')?.toString() ?? '';
    expect(readme).toContain('<run>/scans/<unit>/<attempt>/raw.json.gz');
    expect(readme).toContain('raw/<service>/<region>/<operation>.json.gz');

    const pem = (await fetchPublicKey(clients.get(KMSClient, REGION), keyId)).pem;
    const report = await verifyBundle(out, { trustedKeys: [trustedKeyFromPem(pem, 'signing.pem')] });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks).toContainEqual(expect.objectContaining({ status: 'ok', kind: 'object', subject: `evidence/${account}/${old.manifest.runId}/manifest.json`, message: 'all 5 listed objects match their SHA-256 and size' }));
    expect(report.checks).toContainEqual(expect.objectContaining({ status: 'ok', kind: 'chain', subject: `${account}/${next.manifest.runId} -> ${old.manifest.runId}` }));
  });
});
