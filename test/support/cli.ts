import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { buildIfStale } from './build.js';

const run = promisify(execFile);
export const CLI_BIN = 'bin/hipaa-audit.mjs';

/** Builds dist/cli (if stale) with the script `npm run build` runs, so tests run the shipped binary. */
export async function buildCli(): Promise<void> {
  await buildIfStale('runtime');
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would; never throws on a non-zero exit. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', [CLI_BIN, ...args], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
