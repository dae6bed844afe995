import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { registerVerifyCommand } from '../../lib/cli/commands/verify.js';
import { UsageError } from '../../lib/cli/errors.js';
import { buildBundle, createEvidenceBucket, createSigningKey, S3EvidenceStore, verifyBundle, type VerifyReport } from '../../lib/evidence/index.js';
import type { Manifest } from '../../lib/evidence/manifest.js';
import { fetchPublicKey, pemFingerprint, signManifest } from '../../lib/evidence/signing.js';
import { trustedKeyFromFingerprint, trustedKeyFromPem } from '../../lib/evidence/trust.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { ACCOUNT, readZip, rewriteZip, runInput, tempDir } from './fixtures.js';

const REGION = 'us-east-1';
const BUCKET = 'evidence-tamper';
let moto: MotoServer;
let clients: AwsClientFactory;
let keyId: string;
let otherKeyId: string;
let realPem: string;
let dir: string;
let good: string;
const runIds: string[] = [];
const runDir = (i: number): string => `evidence/${ACCOUNT}/${runIds[i] ?? '?'}/`;

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  await createEvidenceBucket(clients, REGION, BUCKET, 6);
  keyId = await createSigningKey(clients, REGION);
  otherKeyId = await createSigningKey(clients, REGION);
  realPem = (await fetchPublicKey(clients.get(KMSClient, REGION), keyId)).pem;
  const store = new S3EvidenceStore({ clients, region: REGION, bucket: BUCKET, signingKeyId: keyId });
  for (const n of [1, 2, 3]) runIds.push((await store.writeRunEvidence(runInput(n))).manifest.runId);
  dir = await tempDir();
  good = join(dir, 'good.zip');
  await buildBundle({ clients, region: REGION, bucket: BUCKET, accountId: ACCOUNT, runIds, output: createWriteStream(good) });
});
afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

async function tampered(name: string, edit: Parameters<typeof rewriteZip>[2], add?: Record<string, Buffer>): Promise<VerifyReport> {
  const path = join(dir, `${name}.zip`);
  await rewriteZip(good, path, edit, add);
  return verifyBundle(path);
}

function failuresOf(report: VerifyReport): string[] {
  return report.failures.map((f) => `${f.kind} ${f.subject}`);
}

describe('verifyBundle on tampered bundles', () => {
  it('accepts the untouched bundle (control)', async () => {
    const report = await verifyBundle(good);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names the evidence object with one flipped byte', async () => {
    const victim = `${runDir(1)}raw.json.gz`;
    const report = await tampered('flipped', (name, bytes) => {
      if (name !== victim) return undefined;
      const copy = Buffer.from(bytes);
      copy[copy.length - 5] = (copy[copy.length - 5] ?? 0) ^ 0x01;
      return copy;
    });
    expect(report.ok).toBe(false);
    expect(failuresOf(report)).toEqual([`object ${victim}`]);
  });

  it('names an evidence object removed from the bundle', async () => {
    const victim = `${runDir(0)}findings.csv.gz`;
    const report = await tampered('removed', (name) => (name === victim ? null : undefined));
    expect(failuresOf(report)).toEqual([`missing ${victim}`]);
  });

  it('names an extra file that no manifest lists', async () => {
    const extra = `${runDir(2)}raw/s3/us-east-1/Injected.json.gz`;
    const report = await tampered('extra', () => undefined, { [extra]: Buffer.from('planted') });
    expect(failuresOf(report)).toEqual([`unlisted ${extra}`]);
  });

  it('names the broken chain link when a run is missing from the middle', async () => {
    const path = join(dir, 'gap.zip');
    await buildBundle({ clients, region: REGION, bucket: BUCKET, runIds: [runIds[0] ?? '', runIds[2] ?? ''], output: createWriteStream(path) });
    const report = await verifyBundle(path);
    expect(failuresOf(report)).toEqual([`chain ${ACCOUNT}/${runIds[2]} -> ${runIds[1]}`]);
    expect(report.failures[0]?.message).toContain('is not in the bundle');
  });

  it('names the link whose previous-hash no longer matches, and the edited manifest', async () => {
    const victim = `${runDir(0)}manifest.json`;
    const report = await tampered('edited-manifest', (name, bytes) =>
      name === victim ? Buffer.from(bytes.toString().replace('"status": "COMPLETE"', '"status": "PARTIAL"')) : undefined,
    );
    expect(failuresOf(report).sort()).toEqual([`chain ${ACCOUNT}/${runIds[1]} -> ${runIds[0]}`, `signature ${victim}`].sort());
  });

  it('names the manifest whose signature came from another key', async () => {
    const files = await readZip(good);
    const manifest = files.get(`${runDir(1)}manifest.json`) ?? Buffer.alloc(0);
    const forged = await clients.get(KMSClient, REGION).send(
      new SignCommand({ KeyId: otherKeyId, Message: manifest, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    const sigPath = `${runDir(1)}manifest.sig`;
    const envelope = JSON.parse(files.get(sigPath)?.toString() ?? '{}') as Record<string, unknown>;
    const forgedSig = Buffer.from(JSON.stringify({ ...envelope, signature: Buffer.from(forged.Signature ?? []).toString('base64') }));

    const sigOnly = await tampered('forged-sig', (name) => (name === sigPath ? forgedSig : undefined));
    expect(failuresOf(sigOnly)).toEqual([`signature ${runDir(1)}manifest.json`]);

    // Swapping in the forger's public key too is caught: the signed manifest pins the key fingerprint.
    const otherPem = Buffer.from((await fetchPublicKey(clients.get(KMSClient, REGION), otherKeyId)).pem);
    const both = await tampered('forged-key', (name) => (name === sigPath ? forgedSig : name === `${runDir(1)}public-key.pem` ? otherPem : undefined));
    expect(failuresOf(both)).toEqual([`public-key ${runDir(1)}public-key.pem`]);
  });

  it('flags an edited summary that disagrees with the signed findings', async () => {
    const report = await tampered('summary', (name, bytes) => (name === 'summary.json' ? Buffer.from(bytes.toString().replace('"FAIL": 1', '"FAIL": 0')) : undefined));
    expect(failuresOf(report)).toEqual(['summary summary.json']);
  });

  it('flags an edited HTML report; notes one of another report format instead of comparing it', async () => {
    const victim = `reports/${ACCOUNT}/${runIds[1] ?? '?'}/report.html`;
    const control = await verifyBundle(good);
    expect(control.checks.filter((c) => c.kind === 'report').map((c) => `${c.status} ${c.subject}`)).toEqual(
      runIds.map((id) => `ok reports/${ACCOUNT}/${id}/report.html`),
    );
    const edited = await tampered('report', (name, bytes) => (name === victim ? Buffer.from(bytes.toString().replace('<b class="st-FAIL">Fail</b>', '<b class="st-PASS">Pass</b>')) : undefined));
    expect(failuresOf(edited)).toEqual([`report ${victim}`]);
    const older = await tampered('report-format', (name, bytes) => (name === victim ? Buffer.from(bytes.toString().replace('content="hipaa-audit-report/1"', 'content="hipaa-audit-report/0"')) : undefined));
    expect(failuresOf(older)).toEqual([]);
    expect(older.notes.map((n) => `${n.kind} ${n.subject}`)).toContain(`report ${victim}`);
  });

  it('still verifies a run sealed before compression (plain findings.json and findings.csv)', async () => {
    // Evidence is kept six years: rewrite the newest run as the old seal wrote it and sign it with the real key.
    const dir2 = runDir(2);
    const files = await readZip(good);
    const manifest = JSON.parse(files.get(`${dir2}manifest.json`)?.toString() ?? '{}') as Manifest;
    const replaced = new Map<string, Buffer | null>();
    for (const entry of manifest.entries.filter((e) => e.path.startsWith('findings.'))) {
      const plain = gunzipSync(files.get(dir2 + entry.path) ?? Buffer.alloc(0));
      const oldPath = entry.path.replace(/\.gz$/, '');
      replaced.set(dir2 + entry.path, null);
      Object.assign(entry, { path: oldPath, sha256: createHash('sha256').update(plain).digest('hex'), size: plain.length, contentEncoding: undefined });
      replaced.set(dir2 + oldPath, plain);
    }
    expect(manifest.entries.map((e) => e.path)).toEqual(expect.arrayContaining(['findings.json', 'findings.csv']));
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
    const kms = clients.get(KMSClient, REGION);
    const sig = await signManifest(kms, keyId, bytes, await fetchPublicKey(kms, keyId));
    const envelope = JSON.parse(files.get(`${dir2}manifest.sig`)?.toString() ?? '{}') as Record<string, unknown>;
    replaced.set(`${dir2}manifest.json`, bytes);
    replaced.set(`${dir2}manifest.sig`, Buffer.from(JSON.stringify({
      ...envelope, messageType: sig.messageType, manifestSha256: createHash('sha256').update(bytes).digest('hex'), signature: sig.signature.toString('base64'),
    })));
    const path = join(dir, 'old-format.zip');
    const adds = Object.fromEntries([...replaced].filter(([name, b]) => b && !files.has(name)).map(([name, b]) => [name, b as Buffer]));
    await rewriteZip(good, path, (name) => (replaced.has(name) ? replaced.get(name) : undefined), adds);
    const report = await verifyBundle(path, { trustedKeys: [trustedKeyFromPem(realPem, 'real.pem')] });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks).toContainEqual(expect.objectContaining({ status: 'ok', kind: 'summary' }));
  });

  it('reports a file that is not a zip as a failure, not a crash', async () => {
    const path = join(dir, 'not-a.zip');
    await writeFile(path, 'hello');
    const report = await verifyBundle(path);
    expect(failuresOf(report)).toEqual([`archive ${path}`]);
  });
});

/**
 * The attack from issue 14: edit a finding, recompute its SHA-256 in the manifest, re-sign every manifest
 * with a new P-256 key, and put that key's PEM and fingerprint in place (re-chaining the runs). Every
 * hash, signature and link is then self-consistent; only a pinned key tells it apart.
 */
async function forge(src: string, dest: string): Promise<void> {
  const forger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const forgerPem = forger.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const forgerSha = createHash('sha256').update(forger.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  const files = await readZip(src);
  const replaced = new Map<string, Buffer>();
  let previous: { runId: string; sha256: string } | undefined;
  for (let i = 0; i < runIds.length; i += 1) {
    const dir = runDir(i);
    const manifest = JSON.parse(files.get(`${dir}manifest.json`)?.toString() ?? '{}') as Manifest;
    if (i === runIds.length - 1) {
      const findings = gzipSync(gunzipSync(files.get(`${dir}findings.json.gz`) ?? gzipSync('')).toString().replace('"FAIL"', '"PASS"'));
      replaced.set(`${dir}findings.json.gz`, findings);
      const entry = manifest.entries.find((e) => e.path === 'findings.json.gz');
      if (entry) Object.assign(entry, { sha256: createHash('sha256').update(findings).digest('hex'), size: findings.length });
    }
    manifest.signing = { ...manifest.signing, publicKeySha256: forgerSha };
    if (previous && manifest.previousManifest) manifest.previousManifest = { ...manifest.previousManifest, sha256: previous.sha256 };
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const signature = sign('sha256', bytes, { key: forger.privateKey, dsaEncoding: 'der' }).toString('base64');
    const envelope = JSON.parse(files.get(`${dir}manifest.sig`)?.toString() ?? '{}') as Record<string, unknown>;
    replaced.set(`${dir}manifest.json`, bytes);
    replaced.set(`${dir}manifest.sig`, Buffer.from(JSON.stringify({ ...envelope, manifestSha256: sha256, signature })));
    replaced.set(`${dir}public-key.pem`, Buffer.from(forgerPem));
    previous = { runId: manifest.runId, sha256 };
  }
  // The unsigned summary and reports would disagree with the edited findings; the forger simply leaves them out.
  await rewriteZip(src, dest, (name) => (name === 'summary.json' || name.startsWith('reports/') ? null : replaced.get(name)));
}

describe('verify with a pinned signer', () => {
  it('a re-sealed forgery is self-consistent, so without a pin it is only "unpinned", never verified', async () => {
    const forged = join(dir, 'forged-chain.zip');
    await forge(good, forged);
    const unpinned = await verifyBundle(forged);
    expect(unpinned.failures.map((f) => `${f.kind} ${f.subject}: ${f.message}`)).toEqual([]);
    expect(unpinned.outcome).toBe('unpinned');
  });

  it('the forgery fails with the real key pinned, naming every run and the forger\'s fingerprint', async () => {
    const forged = join(dir, 'forged-chain.zip');
    const report = await verifyBundle(forged, { trustedKeys: [trustedKeyFromPem(realPem, 'real.pem')] });
    expect(report.outcome).toBe('failed');
    const signerFailures = report.failures.filter((f) => f.kind === 'signer');
    expect(signerFailures.map((f) => f.subject)).toEqual(runIds.map((id) => `${ACCOUNT}/${id}`));
    expect(signerFailures[0]?.message).toMatch(/^signed by key [0-9a-f]{64}, which is not a pinned key/);
  });

  it('the genuine bundle verifies with the key pinned by PEM or by fingerprint', async () => {
    const byPem = await verifyBundle(good, { trustedKeys: [trustedKeyFromPem(realPem, 'real.pem')] });
    expect(byPem.outcome).toBe('verified');
    expect(byPem.signers).toEqual([{ sha256: pemFingerprint(realPem), runs: 3, pinnedBy: 'real.pem' }]);
    const byFingerprint = await verifyBundle(good, { trustedKeys: [trustedKeyFromFingerprint(`SHA256:${pemFingerprint(realPem).toUpperCase()}`)] });
    expect(byFingerprint.outcome).toBe('verified');
  });

  it('a key rotation inside the chain verifies with both keys pinned and fails with one', async () => {
    const rotatedStore = new S3EvidenceStore({ clients, region: REGION, bucket: BUCKET, signingKeyId: otherKeyId });
    const rotatedIds = [...runIds];
    for (const n of [4, 5]) rotatedIds.push((await rotatedStore.writeRunEvidence(runInput(n))).manifest.runId);
    const path = join(dir, 'rotation.zip');
    await buildBundle({ clients, region: REGION, bucket: BUCKET, accountId: ACCOUNT, runIds: rotatedIds, output: createWriteStream(path) });
    const otherPem = (await fetchPublicKey(clients.get(KMSClient, REGION), otherKeyId)).pem;

    const both = await verifyBundle(path, { trustedKeys: [trustedKeyFromPem(realPem, 'old.pem'), trustedKeyFromPem(otherPem, 'new.pem')] });
    expect(both.failures).toEqual([]);
    expect(both.outcome).toBe('verified');
    expect(both.notes.filter((n) => n.kind === 'signer').map((n) => n.subject)).toEqual([`${ACCOUNT}/${rotatedIds[3]}`]);
    expect(both.notes.find((n) => n.kind === 'signer')?.message).toContain('both keys are pinned');

    const oldOnly = await verifyBundle(path, { trustedKeys: [trustedKeyFromPem(realPem, 'old.pem')] });
    expect(oldOnly.outcome).toBe('failed');
    expect(oldOnly.failures.map((f) => `${f.kind} ${f.subject}`)).toEqual([
      `signer ${ACCOUNT}/${rotatedIds[3]}`,
      `signer ${ACCOUNT}/${rotatedIds[4]}`,
      `signer ${ACCOUNT}/${rotatedIds[3]}`,
    ]);
    expect(oldOnly.failures[2]?.message).toContain('the signing key changed between runs');

    // Unpinned, the key change alone is a failure the auditor sees.
    const unpinned = await verifyBundle(path);
    expect(unpinned.failures.map((f) => `${f.kind} ${f.subject}`)).toEqual([`signer ${ACCOUNT}/${rotatedIds[3]}`]);
  });
});

describe('hipaa-audit verify', () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });
  const program = (): Command => {
    const p = new Command().exitOverride();
    registerVerifyCommand(p);
    return p;
  };
  const output = (log: { mock: { calls: unknown[][] } }): string => log.mock.calls.map((c) => String(c[0])).join('\n');

  it('exits 3 without a trust anchor and says how to pin', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await program().parseAsync(['node', 'hipaa-audit', 'verify', good]);
    expect(process.exitCode).toBe(3);
    expect(output(log)).toContain('NOT PINNED');
    expect(output(log)).toContain(`--trusted-key signing-public-key.pem`);
    expect(output(log)).toContain(pemFingerprint(realPem));
  });

  it('exits 0 with the key pinned by file, and with the key fetched from KMS (moto)', async () => {
    const pemFile = join(dir, 'signing-public-key.pem');
    await writeFile(pemFile, realPem);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await program().parseAsync(['node', 'hipaa-audit', 'verify', good, '--trusted-key', pemFile]);
    expect(process.exitCode).toBe(0);
    expect(output(log)).toMatch(/VERIFIED: 3 run\(s\)/);
    process.exitCode = undefined;
    await program().parseAsync(['node', 'hipaa-audit', 'verify', good, '--kms-key-id', keyId, '--endpoint-url', moto.url, '--region', REGION]);
    expect(process.exitCode).toBe(0);
    process.exitCode = undefined;
    await program().parseAsync(['node', 'hipaa-audit', 'verify', good, '--kms-key-id', otherKeyId, '--endpoint-url', moto.url, '--region', REGION]);
    expect(process.exitCode).toBe(1);
  });

  it('sets exit code 1 on a tampered bundle and a UsageError for a missing file or a bad fingerprint', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await program().parseAsync(['node', 'hipaa-audit', 'verify', join(dir, 'flipped.zip'), '--trusted-key-fingerprint', pemFingerprint(realPem)]);
    expect(process.exitCode).toBe(1);
    await expect(program().parseAsync(['node', 'hipaa-audit', 'verify', join(dir, 'nope.zip')])).rejects.toBeInstanceOf(UsageError);
    await expect(program().parseAsync(['node', 'hipaa-audit', 'verify', good, '--trusted-key-fingerprint', 'abc'])).rejects.toBeInstanceOf(UsageError);
  });
});
