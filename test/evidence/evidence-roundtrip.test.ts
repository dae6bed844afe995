import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, verify as cryptoVerify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { CreateBucketCommand, GetObjectLockConfigurationCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerBundleCommand } from '../../lib/cli/commands/bundle.js';
import { UsageError } from '../../lib/cli/errors.js';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import {
  buildBundle, createEvidenceBucket, createSigningKey, EvidenceConflictError, ManifestSchema, MAX_PRESIGN_SECONDS,
  parseExpiresIn, PresignExpiryError, S3EvidenceStore, SignatureEnvelopeSchema, uploadBundle, verifyBundle,
} from '../../lib/evidence/index.js';
import { derToPem } from '../../lib/evidence/signing.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { ACCOUNT, readZip, runInput, tempDir } from './fixtures.js';

const REGION = 'us-east-1';
const BUCKET = 'evidence-roundtrip';
let moto: MotoServer;
let clients: AwsClientFactory;
let keyId: string;
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  await createEvidenceBucket(clients, REGION, BUCKET, 6);
  keyId = await createSigningKey(clients, REGION);
  dir = await tempDir();
});
afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

const s3 = (): S3Client => clients.get(S3Client, REGION);
// pageSize 1 forces every chain lookup and date listing through continuation tokens.
const store = (): S3EvidenceStore => new S3EvidenceStore({ clients, region: REGION, bucket: BUCKET, signingKeyId: keyId, pageSize: 1 });

describe('moto KMS ECDSA compatibility', () => {
  it('RAW signatures verify with node:crypto; DIGEST ones do not, because moto ignores MessageType', async () => {
    const kms = clients.get(KMSClient, REGION);
    const pem = derToPem((await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey ?? new Uint8Array());
    const message = Buffer.from('manifest bytes');
    const raw = await kms.send(new SignCommand({ KeyId: keyId, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(cryptoVerify('sha256', message, { key: pem, dsaEncoding: 'der' }, raw.Signature ?? new Uint8Array())).toBe(true);

    const digest = createHash('sha256').update(message).digest();
    const dig = await kms.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
    // Real KMS: true. moto 5.x hashes the digest again, so it signs SHA-256(digest).
    const verifiesAsRealKms = cryptoVerify('sha256', message, { key: pem, dsaEncoding: 'der' }, dig.Signature ?? new Uint8Array());
    const verifiesDoubleHashed = cryptoVerify('sha256', digest, { key: pem, dsaEncoding: 'der' }, dig.Signature ?? new Uint8Array());
    expect(verifiesAsRealKms || verifiesDoubleHashed).toBe(true);
  });
});

describe('evidence writer', () => {
  it('creates an Object Lock COMPLIANCE bucket with default retention', async () => {
    const lock = await s3().send(new GetObjectLockConfigurationCommand({ Bucket: BUCKET }));
    expect(lock.ObjectLockConfiguration?.ObjectLockEnabled).toBe('Enabled');
    expect(lock.ObjectLockConfiguration?.Rule?.DefaultRetention).toMatchObject({ Mode: 'COMPLIANCE', Years: 6 });
  });

  it('writes two chained runs, bundles them by date and verifies the round trip', async () => {
    const first = await store().writeRunEvidence(runInput(1));
    const second = await store().writeRunEvidence(runInput(2));
    expect(first.manifest.previousManifest).toBeNull();
    expect(second.manifest.previousManifest).toMatchObject({ runId: first.manifest.runId, sha256: first.manifestSha256 });
    expect(first.keys).toContain(`evidence/${ACCOUNT}/${first.manifest.runId}/raw.json.gz`);

    const raw = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: `evidence/${ACCOUNT}/${first.manifest.runId}/raw.json.gz` }));
    const body = JSON.parse(gunzipSync(Buffer.from(await raw.Body?.transformToByteArray() ?? [])).toString()) as { groups: { operation: string; records: { target: string }[] }[] };
    expect(body.groups.find((g) => g.operation === 'GetBucketEncryption')?.records[0]?.target).toBe('bucket-a1');
    expect(first.manifest.entries.map((e) => e.kind).sort()).toEqual(['findings-csv', 'findings-json', 'raw-evidence']);

    const out = join(dir, 'two-runs.zip');
    const result = await buildBundle({ clients, region: REGION, bucket: BUCKET, from: '2025-03-01', to: '2025-03-03', output: createWriteStream(out), pageSize: 1 });
    expect(result.runs.map((r) => r.runId)).toEqual([first.manifest.runId, second.manifest.runId]);

    const report = await verifyBundle(out);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.kind === 'signature' && c.status === 'ok')).toHaveLength(2);
    expect(report.checks.find((c) => c.kind === 'chain' && c.status === 'ok')?.subject).toBe(`${ACCOUNT}/${second.manifest.runId} -> ${first.manifest.runId}`);

    const files = await readZip(out);
    expect(files.get('README.md')?.toString()).toContain('openssl dgst -sha256 -verify public-key.pem');
    const summary = JSON.parse(files.get('summary.json')?.toString() ?? '[]') as { standards: { standard: string; counts: Record<string, number> }[] }[];
    expect(summary[0]?.standards.find((s) => s.standard === '164.312(a) Access control')?.counts).toEqual({ PASS: 1, FAIL: 0, ERROR: 0, SUPPRESSED: 1 });
    expect(gunzipSync(files.get(`evidence/${ACCOUNT}/${first.manifest.runId}/findings.csv.gz`) ?? Buffer.alloc(0)).toString()).toContain(`"bucket-a1, ""quoted"", =formula-looking"`);
    // Stored compressed, and the manifest hashes the stored (gzip) bytes.
    const gz = files.get(`evidence/${ACCOUNT}/${first.manifest.runId}/findings.json.gz`) ?? Buffer.alloc(0);
    const listed = first.manifest.entries.find((e) => e.path === 'findings.json.gz');
    expect(listed).toMatchObject({ kind: 'findings-json', contentEncoding: 'gzip', size: gz.length, sha256: createHash('sha256').update(gz).digest('hex') });
    expect(first.manifest.entries.map((e) => e.path)).not.toContain('findings.json');
    // Each run's HTML report, built from its sealed findings and manifest; verify accepts it as a generated file (no 'unlisted').
    const page = files.get(`reports/${ACCOUNT}/${first.manifest.runId}/report.html`)?.toString() ?? '';
    expect(page).toContain(`<code>${first.manifest.runId}</code>`);
    expect(page).toContain('bucket-a1, &quot;quoted&quot;, =formula-looking');
    expect(files.has(`reports/${ACCOUNT}/${second.manifest.runId}/report.html`)).toBe(true);
    expect(files.get('README.md')?.toString()).toContain(`reports/${ACCOUNT}/${first.manifest.runId}/report.html`);
    // Date filter excludes runs outside the range.
    const narrow = await buildBundle({ clients, region: REGION, bucket: BUCKET, accountId: ACCOUNT, from: '2025-03-03', to: '2025-03-03', output: createWriteStream(join(dir, 'one.zip')) });
    expect(narrow.runs.map((r) => r.runId)).toEqual([second.manifest.runId]);
  });

  it('signs manifests larger than the 4 KiB KMS RAW limit and still verifies', async () => {
    const big = await store().writeRunEvidence(runInput(3, { extraRecords: 40 }));
    const sigBytes = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: big.manifestKey.replace('manifest.json', 'manifest.sig') }));
    const envelope = SignatureEnvelopeSchema.parse(JSON.parse(await sigBytes.Body?.transformToString() ?? '{}'));
    expect(ManifestSchema.parse(big.manifest).entries.find((e) => e.kind === 'raw-evidence')?.contents?.length).toBeGreaterThan(40);
    const manifestBytes = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: big.manifestKey }));
    expect((await manifestBytes.Body?.transformToByteArray())?.length).toBeGreaterThan(4096);
    // moto falls back to RAW (see signing.ts); real KMS keeps DIGEST. Either way it verifies.
    expect(['RAW', 'DIGEST']).toContain(envelope.messageType);
    const out = join(dir, 'big.zip');
    await buildBundle({ clients, region: REGION, bucket: BUCKET, runIds: [big.manifest.runId], output: createWriteStream(out) });
    const report = await verifyBundle(out);
    expect(report.failures).toEqual([]);
    expect(report.notes.some((n) => n.kind === 'chain' && n.message.includes('outside the bundle'))).toBe(true);
  });

  it('never overwrites: identical retry succeeds, different content for the same run is refused', async () => {
    const input = runInput(4);
    const once = await store().writeRunEvidence(input);
    const again = await store().writeRunEvidence(input);
    expect(again.manifestSha256).toBe(once.manifestSha256);

    const changed = { ...input, findings: input.findings.slice(1) };
    await expect(store().writeRunEvidence(changed)).rejects.toBeInstanceOf(EvidenceConflictError);

    // And the bucket itself refuses a blind overwrite (IfNoneMatch honoured by moto).
    const put = s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: once.manifestKey, Body: 'x', IfNoneMatch: '*', ChecksumAlgorithm: 'SHA256' }));
    await expect(put).rejects.toSatisfy((e) => e instanceof S3ServiceException && e.$metadata.httpStatusCode === 412);
  });

  it('uploads a bundle and presigns a download URL; expiry is capped at 7 days', async () => {
    expect(parseExpiresIn('7d')).toBe(MAX_PRESIGN_SECONDS);
    expect(parseExpiresIn('90m')).toBe(5400);
    expect(() => parseExpiresIn('8d')).toThrow(PresignExpiryError);
    expect(() => parseExpiresIn(604_801)).toThrow(/7-day \(604800 s\) maximum/);
    expect(() => parseExpiresIn('soon')).toThrow(PresignExpiryError);

    const file = join(dir, 'two-runs.zip');
    await expect(uploadBundle({ clients, region: REGION, bucket: BUCKET, key: 'bundles/x.zip', filePath: file, expiresIn: '30d' })).rejects.toBeInstanceOf(PresignExpiryError);
    const up = await uploadBundle({ clients, region: REGION, bucket: BUCKET, key: 'bundles/x.zip', filePath: file, expiresIn: '1h' });
    expect(up.url).toContain('X-Amz-Expires=3600');
    const res = await fetch(up.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(file))).toBe(true);
  });
});

describe('hipaa-audit bundle', () => {
  const bundle = async (...args: string[]): Promise<string> => {
    const program = new Command().exitOverride();
    registerBundleCommand(program);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await program.parseAsync(['node', 'hipaa-audit', 'bundle', '--endpoint-url', moto.url, '--evidence-bucket', BUCKET, ...args]);
      return log.mock.calls.map((c) => String(c[0])).join('\n');
    } finally {
      log.mockRestore();
    }
  };

  it('rejects bad selections and expiries as usage errors before doing any work', async () => {
    const out = join(dir, 'cli-bad.zip');
    await expect(bundle('--output', out)).rejects.toBeInstanceOf(UsageError);
    await expect(bundle('--from', '2025-03-01', '--output', out)).rejects.toThrow(/--from and --to go together/);
    await expect(bundle('--from', '2025-02-30', '--to', '2025-03-01', '--output', out)).rejects.toThrow(/YYYY-MM-DD/);
    await expect(bundle('--run', 'run-x', '--output', out, '--upload', '--expires-in', '8d')).rejects.toThrow(/7-day/);
    await expect(bundle('--run', 'no-such-run', '--output', out)).rejects.toBeInstanceOf(UsageError);
  });

  it('writes a verifiable bundle for a date range and uploads it to the bundles bucket (never the locked one) with a presigned URL', async () => {
    const out = join(dir, 'cli.zip');
    await expect(bundle('--from', '2025-03-01', '--to', '2025-03-02', '--account', ACCOUNT, '--output', out, '--upload')).rejects.toThrow(/--bundle-bucket/);
    await s3().send(new CreateBucketCommand({ Bucket: `${BUCKET}-bundles` }));
    const printed = await bundle('--from', '2025-03-01', '--to', '2025-03-02', '--account', ACCOUNT, '--output', out, '--upload', '--bundle-bucket', `${BUCKET}-bundles`, '--expires-in', '12h');
    expect(printed).toMatch(/1 run\(s\)/);
    expect(printed).toMatch(/X-Amz-Expires=43200/);
    expect(printed).toContain(`Uploaded s3://${BUCKET}-bundles/bundles/`);
    expect((await verifyBundle(out)).ok).toBe(true);
  });
});
