import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli/main.js';

const AWS = ['--profile', '--region', '--endpoint-url', '--request-timeout', '--connect-timeout'];

/**
 * What each subcommand uses: its help must list exactly these (plus --help), so a shared option added to a
 * command that ignores it, or an option dropped from the help, fails here. `required` are marked so.
 */
const COMMANDS: Record<string, { options: string[]; required: string[]; sources: string[] }> = {
  scan: {
    options: ['--regions', '--checks', '--format', '--sort', '--security-hub', '--output', '--verbose', '--officer-email', '--thresholds', '--allow-below-hipaa-minimum', '--concurrency', ...AWS],
    required: [],
    sources: ['scan'],
  },
  checks: { options: ['--json'], required: [], sources: ['checks'] },
  regions: { options: [], required: [], sources: ['regions'] },
  accept: {
    options: ['--check', '--resource', '--reason', '--approver', '--expires', '--account', '--all-resources', '--table', ...AWS],
    required: ['--check', '--resource', '--reason', '--approver', '--expires', '--table'],
    sources: ['accept'],
  },
  acceptances: { options: ['--expiring-within', '--include-revoked', '--format', '--table', ...AWS], required: ['--table'], sources: ['acceptances', 'accept'] },
  revoke: { options: ['--table', ...AWS], required: ['--table'], sources: ['revoke', 'accept'] },
  bundle: {
    options: ['--run', '--from', '--to', '--account', '--output', '--upload', '--expires-in', '--bundle-bucket', '--restore', '--restore-days', '--restore-tier', '--evidence-bucket', ...AWS],
    required: ['--output', '--evidence-bucket'],
    sources: ['bundle'],
  },
  verify: { options: ['--trusted-key', '--trusted-key-fingerprint', '--kms-key-id', '--quiet', '--verbose', ...AWS], required: [], sources: ['verify'] },
  digest: {
    options: [
      '--preview', '--text', '--send', '--to', '--cc', '--from', '--configuration-set', '--org', '--since', '--officer-email',
      '--previous-posture', '--save-posture', '--bundle-url', '--bundle-expires', '--max-items', '--table', ...AWS,
    ],
    required: ['--table'],
    sources: ['digest'],
  },
  init: { options: ['--local', '--table', '--evidence-bucket', '--signing-key-alias', '--retention-years', ...AWS], required: ['--local'], sources: ['init'] },
};

afterEach(() => vi.restoreAllMocks());

async function helpOf(command: string): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const code = await main([command, '--help']);
  vi.restoreAllMocks();
  expect(code).toBe(0);
  return out;
}

/** Option lines of commander's help: `  --name <arg>  description`, keyed by flag. */
function optionLines(help: string): Map<string, string> {
  const section = help.split(/^Options:$/m)[1] ?? '';
  const lines = new Map<string, string>();
  let current = '';
  for (const line of section.split('\n')) {
    const flag = /^\s+(?:-\w, )?(--[a-z][a-z-]*)/.exec(line)?.[1];
    if (flag) {
      current = flag;
      lines.set(flag, line);
    } else if (current && line.trim()) {
      lines.set(current, `${lines.get(current) ?? ''} ${line.trim()}`);
    }
  }
  lines.delete('--help');
  return lines;
}

const camel = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('each subcommand\'s help lists only the options it uses, and marks the required ones', () => {
  it('the table covers every subcommand', async () => {
    const help = await helpOf('help');
    const listed = [...help.matchAll(/^\s{2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(new Set(listed)).toEqual(new Set(Object.keys(COMMANDS)));
  });

  it.each(Object.entries(COMMANDS))('%s', async (command, expected) => {
    const lines = optionLines(await helpOf(command));
    expect([...lines.keys()].sort()).toEqual([...expected.options].sort());
    for (const flag of expected.required) expect(lines.get(flag), flag).toMatch(/\(required|required:/);
    for (const flag of expected.options.filter((f) => !expected.required.includes(f))) expect(lines.get(flag), flag).not.toMatch(/\(required[;)]/);
    // Read, not just declared: each own option's value is used by the command's code (shared AWS options by aws-options.ts).
    const source = expected.sources.map((s) => readFileSync(`lib/cli/commands/${s}.ts`, 'utf8')).join('\n');
    for (const flag of expected.options.filter((f) => !AWS.includes(f))) expect(source, flag).toMatch(new RegExp(`\\b${camel(flag)}\\b`));
    expect(/clientsFromOptions|openSuppressionStore/.test(source), 'AWS options are used to build clients').toBe(expected.options.includes('--endpoint-url'));
  });
});
