import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
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
  dir = await mkdtemp(join(tmpdir(), 'hipaa-scan-options-'));
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
});
afterAll(async () => {
  process.env = { ...savedEnv };
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  process.exitCode = undefined;
  try {
    return { code: await main(args), out, err };
  } finally {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  }
}

describe('scan: usage checked before any AWS call', () => {
  // An endpoint nobody listens on: reaching AWS would fail with a credentials error, not the usage error asserted.
  const unreachable = ['--endpoint-url', 'http://127.0.0.1:1', '--regions', 'us-east-1'];

  it('refuses an --output it could not write, in one line, exit 2', async () => {
    const readOnly = join(dir, 'read-only');
    await mkdir(readOnly);
    await chmod(readOnly, 0o500);
    const cases: [string, RegExp][] = [
      [join(dir, 'missing', 'report.json'), /directory .*missing does not exist/],
      [dir, /is a directory/],
    ];
    // root ignores directory permissions, so the read-only case only means something for other users.
    if (process.getuid?.() !== 0) cases.push([join(readOnly, 'report.json'), /is not writable/]);
    for (const [output, message] of cases) {
      const result = await cli(['scan', ...unreachable, '--output', output]);
      expect(result.code, output).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.err).not.toContain('Could not identify');
    }
  });

  it('refuses region names AWS does not have, naming the value and how to list valid ones', async () => {
    for (const args of [['--regions', 'us-east-1,mars-north-1'], ['--region', 'us-west-9']]) {
      const result = await cli(['scan', '--endpoint-url', 'http://127.0.0.1:1', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/"(mars-north-1|us-west-9)" is not an AWS region name.*hipaa-audit regions/);
    }
    const listed = await cli(['regions']);
    expect(listed.out).toMatch(/^aws: .*\bus-east-1\b/m);
  });
});

describe('scan --checks collects only what the selected checks read', () => {
  it('one IAM check: only the IAM family is collected, and the table opens with the summary', async () => {
    const output = join(dir, 'root-mfa.txt');
    const result = await cli(['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'iam_root_mfa_enabled', '--output', output, '--sort', 'severity']);
    expect(result.code, result.err).toBe(1);
    expect(result.err).toContain('1 check(s) selected: collecting only iam');
    expect(result.err).toContain('IAM and account collected');
    expect(result.err).not.toMatch(/(logging and monitoring|encryption, storage and network|resource inventory).* collected/);
    const lines = (await readFile(output, 'utf8')).split('\n');
    expect(lines[0]).toMatch(/^HIPAA technical safeguards scan run-/);
    expect(lines[2]).toBe('Open failures: 1 — 1 critical');
    expect(lines[3]).toBe('Results: 1 fail, 0 error, 0 suppressed, 0 pass, 0 n/a (1 in all)');
    expect(lines[4]).toBe('Run: COMPLETE — every API call the checks needed was answered');
    expect(lines[5]).toMatch(/^Coverage: not computed/);
    expect(lines.join('\n')).toMatch(/== Needing attention, most severe first[\s\S]*FAIL\s+critical\s+iam_root_mfa_enabled/);
  }, 60_000);
});
