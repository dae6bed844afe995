/**
 * Builds what the package ships (package.json `files`):
 *
 *   dist/lambda/<name>/index.mjs   each Lambda of infra/lambda-bundles.ts (entry functions/<name>.ts)
 *   dist/lambda/chunks/*.mjs       code those entries (and the CLI) share, the AWS SDK included
 *   dist/cli/hipaa-audit.mjs       the CLI (bin/hipaa-audit.mjs runs it)
 *   dist/lib/**                    the construct library (infra/index.ts) as JavaScript with .d.ts
 *
 * Usage: tsx scripts/build.ts [runtime|lib|all] [--if-stale]
 *   runtime  esbuild: the Lambdas and the CLI, one build so they share chunks (the tarball carries the
 *            SDK once); what `cdk synth` and the tests deploy and run.
 *   lib      tsc -p tsconfig.build.json: the construct, its props schema and the member-role stack.
 *   --if-stale  skip a part whose stamp is newer than every source file (cdk.json's app and the test
 *               setup call it on every run; a fresh build is a few milliseconds of stat calls).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_BUNDLES, LAMBDA_DIST_DIR } from '../infra/lambda-bundles.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const STAMPS = join(DIST, '.stamps');
const CLI_DIST_DIR = 'dist/cli';
const LIB_DIST_DIR = 'dist/lib';

/** Everything a build reads; a change to any of them makes both parts stale. */
const INPUTS = ['lib', 'functions', 'infra', 'scripts/build.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function isFresh(part: string): boolean {
  const stamp = join(STAMPS, part);
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.every((input) => newestMtime(input) <= built);
}

function markBuilt(part: string, startedAt: Date): void {
  mkdirSync(STAMPS, { recursive: true });
  // Stamped with the start time: a source saved during the build makes the next check rebuild.
  const stamp = join(STAMPS, part);
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);
}

/** Builds into a scratch directory, then swaps it in, so a concurrent reader never sees half a build. */
async function buildRuntime(): Promise<void> {
  const scratch = join(DIST, `.build-${randomUUID()}`);
  const entryPoints: Record<string, string> = { 'cli/hipaa-audit': join(ROOT, 'lib/cli/main.ts') };
  for (const name of Object.keys(LAMBDA_BUNDLES)) entryPoints[`lambda/${name}/index`] = join(ROOT, 'functions', `${name}.ts`);
  try {
    await build({
      entryPoints,
      outdir: scratch,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'lambda/chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      platform: 'node',
      // The CLI supports Node 20 (engines); the Lambdas run nodejs22.x, which runs node20 output unchanged.
      target: 'node20',
      format: 'esm',
      mainFields: ['module', 'main'],
      minify: true,
      // Error classes name themselves after their constructor (ExpectedError); minified names would leak out.
      keepNames: true,
      // ESM output has no `require`; some CommonJS dependencies (and createRequire users) still call it.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    for (const dir of [LAMBDA_DIST_DIR, CLI_DIST_DIR]) {
      rmSync(join(ROOT, dir), { recursive: true, force: true });
      renameSync(join(scratch, dir.replace(/^dist\//, '')), join(ROOT, dir));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function buildLib(): void {
  rmSync(join(ROOT, LIB_DIST_DIR), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch {
    console.error('build: tsc -p tsconfig.build.json failed (errors above)');
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const part = args.find((a) => !a.startsWith('--')) ?? 'all';
if (!['runtime', 'lib', 'all'].includes(part)) {
  console.error(`build: unknown part "${part}" (expected runtime, lib or all)`);
  process.exit(2);
}
if (part !== 'lib' && !(ifStale && isFresh('runtime'))) {
  const startedAt = new Date();
  await buildRuntime();
  markBuilt('runtime', startedAt);
}
if (part !== 'runtime' && !(ifStale && isFresh('lib'))) {
  const startedAt = new Date();
  buildLib();
  markBuilt('lib', startedAt);
}
