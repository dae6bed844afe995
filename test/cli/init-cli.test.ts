import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli/main.js';
import { startMoto, type MotoServer } from '../support/moto.js';

let moto: MotoServer;
let dir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  moto = await startMoto();
  dir = await mkdtemp(join(tmpdir(), 'hipaa-init-'));
});
afterAll(async () => {
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
});

/** Runs the CLI's main() as the binary would, capturing what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void (out += `${parts.join(' ')}\n`));
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  }
}

/** The words of a printed command line: spaces split, double quotes group (as a shell would here). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('hipaa-audit init --local, then the commands it prints (README "Try it on moto")', () => {
  it('creates the table, Object Lock bucket and signing key, is idempotent, and its next steps work as printed', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'testing';
    process.env.AWS_SECRET_ACCESS_KEY = 'testing';
    const first = await cli(['init', '--local', '--endpoint-url', moto.url, '--region', 'us-east-1']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^Created findings table hipaa-audit-findings \(arn:aws:dynamodb:us-east-1:\d{12}:table\/hipaa-audit-findings\)$/m);
    expect(first.out).toMatch(/^Created evidence bucket hipaa-audit-evidence \(Object Lock on\)/m);
    expect(first.out).toMatch(/^Created signing key arn:aws:kms:us-east-1:\d{12}:key\/\S+ \(alias\/hipaa-audit-signing/m);

    const again = await cli(['init', '--local', '--endpoint-url', moto.url, '--region', 'us-east-1']);
    expect(again.code, again.err).toBe(0);
    expect(again.out.match(/^Found existing /gm)).toHaveLength(3);
    const keyArn = (out: string) => /signing key (\S+)/.exec(out)?.[1];
    expect(keyArn(again.out)).toBe(keyArn(first.out));

    // Follow the printed instructions: the export lines, then each command line in order.
    for (const line of first.out.split('\n').filter((l) => l.trim().startsWith('export '))) {
      for (const [, name, value] of line.matchAll(/(\w+)=(\S+)/g)) if (name && value) process.env[name] = value;
    }
    const commands = first.out.split('\n').filter((l) => l.trim().startsWith('hipaa-audit ')).map((l) => words(l.trim()).slice(1));
    const accept = commands.find((c) => c[0] === 'accept') ?? [];
    const accepted = await cli(accept);
    expect(accepted.code, accepted.err).toBe(0);
    const id = /Recorded risk acceptance (acc-\S+):/.exec(accepted.out)?.[1] ?? '';
    expect(id).toMatch(/^acc-/);

    const listed = await cli(['acceptances']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(new RegExp(`${id}\\s+active`));

    const revoked = await cli(['revoke', id]);
    expect(revoked.code, revoked.err).toBe(0);
    const withRevoked = await cli(['acceptances', '--include-revoked']);
    expect(withRevoked.out).toMatch(new RegExp(`${id}\\s+revoked`));

    const preview = join(dir, 'digest.html');
    const digest = await cli(['digest', '--preview', preview, '--text', join(dir, 'digest.txt')]);
    expect(digest.code, digest.err).toBe(0);
    expect(await readFile(preview, 'utf8')).toContain('<html');
  }, 120_000);

  it('refuses to run without --local or without an endpoint', async () => {
    delete process.env.HIPAA_AUDIT_ENDPOINT_URL;
    const noLocal = await cli(['init', '--endpoint-url', moto.url]);
    expect(noLocal.code).toBe(2);
    expect(noLocal.err).toContain('pass --local');
    const noEndpoint = await cli(['init', '--local']);
    expect(noEndpoint.code).toBe(2);
    expect(noEndpoint.err).toContain('needs --endpoint-url');
  });
});
