import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { registerVerifyCommand } from '../../lib/cli/commands/verify.js';
import { UsageError } from '../../lib/cli/errors.js';
import { buildBundle, createEvidenceBucket, createSigningKey, S3EvidenceStore, verifyBundle, type VerifyReport } from '../../lib/evidence/index.js';
import { fetchPublicKey } from '../../lib/evidence/signing.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { ACCOUNT, readZip, rewriteZip, runInput, tempDir } from './fixtures.js';

const REGION = 'us-east-1';
const BUCKET = 'evidence-tamper';
let moto: MotoServer;
let clients: AwsClientFactory;
let otherKeyId: string;
let dir: string;
let good: string;
const runIds: string[] = [];
const runDir = (i: number): string => `evidence/${ACCOUNT}/${runIds[i] ?? '?'}/`;

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  await createEvidenceBucket(clients, REGION, BUCKET, 6);
  const keyId = await createSigningKey(clients, REGION);
  otherKeyId = await createSigningKey(clients, REGION);
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
    const victim = `${runDir(1)}raw/s3/us-east-1/ListBuckets.json.gz`;
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
    const victim = `${runDir(0)}findings.csv`;
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

  it('reports a file that is not a zip as a failure, not a crash', async () => {
    const path = join(dir, 'not-a.zip');
    await writeFile(path, 'hello');
    const report = await verifyBundle(path);
    expect(failuresOf(report)).toEqual([`archive ${path}`]);
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

  it('prints per-check lines and leaves the exit code alone when everything verifies', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await program().parseAsync(['node', 'hipaa-audit', 'verify', good]);
    expect(process.exitCode).toBeUndefined();
    expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/VERIFIED: 3 run\(s\)/);
  });

  it('sets exit code 1 on a tampered bundle and a UsageError for a missing file', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await program().parseAsync(['node', 'hipaa-audit', 'verify', join(dir, 'flipped.zip')]);
    expect(process.exitCode).toBe(1);
    await expect(program().parseAsync(['node', 'hipaa-audit', 'verify', join(dir, 'nope.zip')])).rejects.toBeInstanceOf(UsageError);
  });
});
