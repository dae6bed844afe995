import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url);

/**
 * Runs `npm run build`'s script for one part, skipping it when its stamp is newer than every source, so
 * the tests synthesize and run exactly the files the package ships (dist/lambda, dist/cli).
 */
export async function buildIfStale(part: 'runtime' | 'lib' | 'all'): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', part, '--if-stale'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
}

/** vitest globalSetup: one build per test run, before any worker synthesizes or starts the CLI. */
export default async function setup(): Promise<void> {
  await buildIfStale('runtime');
}
