// verify holds flat memory on hostile bundles. Each zip is generated here, streamed (a few MB on disk),
// verified by the built CLI in a child process whose peak RSS is read from process.resourceUsage(), and
// deleted. The figures themselves are printed by `npm run bench`; here only the 300 MB ceiling is held.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { buildBundle, createEvidenceBucket, createSigningKey, S3EvidenceStore } from '../../lib/evidence/index.js';
import type { Manifest } from '../../lib/evidence/manifest.js';
import { buildCli, CLI_BIN } from '../support/cli.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { ACCOUNT, readZip, runInput, tempDir } from './fixtures.js';
import { writeZip, type ZipSource } from './hostile-zip.js';

const RSS_CEILING_BYTES = 300 * 1024 * 1024;
const run = promisify(execFile);
let moto: MotoServer;
let clients: AwsClientFactory;
let dir: string;
let genuine: Map<string, Buffer>;
const runIds: string[] = [];

/** Runs `hipaa-audit verify` in a child and returns its exit code, output and peak RSS. */
async function verifyInChild(zip: string): Promise<{ code: number; stdout: string; maxRssBytes: number }> {
  // -e runs with argv [node, ...args]; the CLI reads argv from index 2, hence the placeholder.
  const script = [
    "process.on('exit', () => process.stderr.write('MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));",
    "process.argv.splice(1, 0, 'hipaa-audit');",
    `await import(${JSON.stringify(join(process.cwd(), CLI_BIN))});`,
  ].join('\n');
  let result: { stdout: string; stderr: string; code: number };
  try {
    const out = await run('node', ['--input-type=module', '-e', script, 'verify', zip], { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
    result = { ...out, code: 0 };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    result = { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
  if (!Number.isFinite(kb)) throw new Error(`no RSS reported; stderr: ${result.stderr.slice(0, 500)}`);
  return { code: result.code, stdout: result.stdout, maxRssBytes: kb * 1024 };
}

/** gzip of `mib` MiB of zeros (about 1 KB of output per MiB), built by streaming, never held inflated. */
async function gzipOfZeros(mib: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const zeros = Buffer.alloc(1024 * 1024);
  await pipeline(Readable.from((function* () { for (let i = 0; i < mib; i += 1) yield zeros; })()), createGzip({ level: 9 }), new Writable({
    write(chunk: Buffer, _encoding, done) { chunks.push(chunk); done(); },
  }));
  return Buffer.concat(chunks);
}

function genuineEntries(skip: (name: string) => boolean = () => false): ZipSource[] {
  return [...genuine].filter(([name]) => !skip(name)).map(([name, bytes]) => ({ name, bytes }));
}

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  await createEvidenceBucket(clients, 'us-east-1', 'evidence-hostile', 6);
  const keyId = await createSigningKey(clients, 'us-east-1');
  const store = new S3EvidenceStore({ clients, region: 'us-east-1', bucket: 'evidence-hostile', signingKeyId: keyId });
  for (const n of [1, 2]) runIds.push((await store.writeRunEvidence(runInput(n))).manifest.runId);
  dir = await tempDir();
  const good = join(dir, 'good.zip');
  await buildBundle({ clients, region: 'us-east-1', bucket: 'evidence-hostile', accountId: ACCOUNT, runIds, output: createWriteStream(good) });
  genuine = await readZip(good);
  await buildCli();
}, 120_000);

afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('verify on hostile zips stays under 300 MB of RSS', () => {
  it('120 entries named findings.json.gz of 63 MB each (7.7 MB zip)', { timeout: 300_000 }, async () => {
    const zip = join(dir, 'many-findings.zip');
    const listed = `evidence/${ACCOUNT}/${runIds[0]}/findings.json.gz`;
    const planted = (i: number): ZipSource => ({ name: i % 2 === 0 ? listed : `evidence/${ACCOUNT}/planted-${i}/findings.json.gz`, zeroMiB: 63 });
    await writeZip(zip, [...Array.from({ length: 120 }, (_, i) => planted(i)), ...genuineEntries()]);
    try {
      const result = await verifyInChild(zip);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`FAIL object     ${listed}: is 66060288 bytes in the zip, the manifest lists`);
      expect(result.stdout).toContain(`FAIL archive    ${listed}: appears 61 times in the zip`);
      expect(result.maxRssBytes).toBeLessThan(RSS_CEILING_BYTES);
    } finally {
      await rm(zip, { force: true });
    }
  });

  it('a 2 GB zero-filled findings.json (the format before compression) that its (re-written) manifest lists, so it must be hashed', { timeout: 300_000 }, async () => {
    const zip = join(dir, 'huge-findings.zip');
    const runDir = `evidence/${ACCOUNT}/${runIds[1]}/`;
    const mib = 2048;
    const hash = createHash('sha256');
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < mib; i += 1) hash.update(zeros);
    const manifest = JSON.parse(genuine.get(`${runDir}manifest.json`)?.toString() ?? '{}') as Manifest;
    const entry = manifest.entries.find((e) => e.path === 'findings.json.gz');
    if (!entry) throw new Error('no findings.json.gz entry');
    Object.assign(entry, { path: 'findings.json', sha256: hash.digest('hex'), size: mib * 1024 * 1024, contentEncoding: undefined });
    await writeZip(zip, [
      ...genuineEntries((name) => name === `${runDir}findings.json.gz` || name === `${runDir}manifest.json`),
      { name: `${runDir}manifest.json`, bytes: Buffer.from(JSON.stringify(manifest, null, 2)) },
      { name: `${runDir}findings.json`, zeroMiB: mib },
    ]);
    try {
      const result = await verifyInChild(zip);
      expect(result.code).toBe(1);
      // The object itself matches the edited manifest (it was streamed through SHA-256); the signature does not.
      expect(result.stdout).toContain(`FAIL signature  ${runDir}manifest.json`);
      expect(result.stdout).toContain(`NOTE summary    ${runDir}findings.json: hash verified; at 2147483648 bytes it is not parsed`);
      expect(result.maxRssBytes).toBeLessThan(RSS_CEILING_BYTES);
    } finally {
      await rm(zip, { force: true });
    }
  });

  it('a findings.json.gz that inflates to 1 GiB (a gzip bomb its re-written manifest lists) is hashed, never inflated past the cap', { timeout: 300_000 }, async () => {
    const zip = join(dir, 'gzip-bomb.zip');
    const runDir = `evidence/${ACCOUNT}/${runIds[1]}/`;
    const bomb = await gzipOfZeros(1024);
    const manifest = JSON.parse(genuine.get(`${runDir}manifest.json`)?.toString() ?? '{}') as Manifest;
    const entry = manifest.entries.find((e) => e.path === 'findings.json.gz');
    if (!entry) throw new Error('no findings.json.gz entry');
    Object.assign(entry, { sha256: createHash('sha256').update(bomb).digest('hex'), size: bomb.length });
    await writeZip(zip, [
      ...genuineEntries((name) => name === `${runDir}findings.json.gz` || name === `${runDir}manifest.json`),
      { name: `${runDir}manifest.json`, bytes: Buffer.from(JSON.stringify(manifest, null, 2)) },
      { name: `${runDir}findings.json.gz`, bytes: bomb },
    ]);
    try {
      const result = await verifyInChild(zip);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`FAIL signature  ${runDir}manifest.json`);
      expect(result.stdout).toContain(`NOTE summary    ${runDir}findings.json.gz: hash verified; it inflates past 33554432 bytes`);
      expect(result.maxRssBytes).toBeLessThan(RSS_CEILING_BYTES);
    } finally {
      await rm(zip, { force: true });
    }
  });

  it('20,000 tiny unlisted entries print about a hundred lines, not 20,004', { timeout: 300_000 }, async () => {
    const zip = join(dir, 'tiny-entries.zip');
    const planted = Array.from({ length: 20_000 }, (_, i): ZipSource => ({ name: `evidence/${ACCOUNT}/${runIds[0]}/raw/planted/${i}.json.gz`, bytes: Buffer.from('x') }));
    await writeZip(zip, [...genuineEntries(), ...planted]);
    try {
      const result = await verifyInChild(zip);
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n').length).toBeLessThan(250);
      expect(result.stdout).toContain('… and 19900 more failure(s) not shown');
      expect(result.stdout).toContain('NOT VERIFIED: 20000 failure(s)');
      expect(result.maxRssBytes).toBeLessThan(RSS_CEILING_BYTES);
    } finally {
      await rm(zip, { force: true });
    }
  });
});
