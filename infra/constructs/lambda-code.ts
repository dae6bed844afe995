import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ExpectedError } from '../../lib/model/errors.js';
import { LAMBDA_BUNDLES, LAMBDA_DIST_DIR, type LambdaBundle, type LambdaBundleName } from '../lambda-bundles.js';

/** The pre-built Lambda code is missing: a checkout that was not built, or a damaged install. */
export class LambdaBundleMissingError extends ExpectedError {
  constructor(file: string) {
    super(
      `The hipaa-audit construct deploys pre-built Lambda code, but ${file} does not exist. ` +
        'In a checkout of hipaa-audit, run "npm run build"; in an installed package, reinstall hipaa-audit.',
    );
    this.name = 'LambdaBundleMissingError';
  }
}

/**
 * The package root: the nearest directory above this module with a package.json. The same code runs
 * from infra/constructs/*.ts in the repository and from dist/lib/infra/constructs/*.js when installed.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

/**
 * The deployed code of one bundled function. All functions share one asset (dist/lambda: each
 * function's entry plus the chunks they share), so CDK uploads it once; a function that reads package
 * files at run time gets a second asset: the same directory plus those files under node_modules/.
 * No esbuild, Docker or lockfile is involved at synth.
 */
export function bundledLambdaCode(name: LambdaBundleName): lambda.Code {
  const distDir = join(packageRoot(), LAMBDA_DIST_DIR);
  const entry = join(distDir, name, 'index.mjs');
  if (!existsSync(entry)) throw new LambdaBundleMissingError(entry);
  const bundle: LambdaBundle = LAMBDA_BUNDLES[name];
  const runtimeFiles = bundle.runtimeFiles ?? [];
  return lambda.Code.fromAsset(runtimeFiles.length === 0 ? distDir : stageWithRuntimeFiles(distDir, runtimeFiles));
}

/** `@scope/name/sub/path` -> [`@scope/name`, `sub/path`]. */
function splitPackagePath(spec: string): [string, string] {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  return [parts.slice(0, nameLength).join('/'), parts.slice(nameLength).join('/')];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/**
 * Copies dist/lambda and the runtime files (each with its package.json, whose `exports` Node's
 * resolver reads) into a content-addressed directory under the OS temp dir. Content-addressed so
 * repeated synths reuse it and the asset hash stays stable; written to a scratch directory and renamed
 * so parallel synths never see a half-copied one.
 */
function stageWithRuntimeFiles(distDir: string, runtimeFiles: readonly string[]): string {
  const require = createRequire(import.meta.url);
  const copies: { from: string; to: string }[] = [];
  for (const spec of runtimeFiles) {
    const [pkg, subpath] = splitPackagePath(spec);
    const resolved = require.resolve(spec);
    const pkgDir = resolved.slice(0, resolved.length - subpath.length - 1);
    copies.push({ from: resolved, to: join('node_modules', pkg, ...subpath.split('/')) });
    copies.push({ from: join(pkgDir, 'package.json'), to: join('node_modules', pkg, 'package.json') });
  }
  const hash = createHash('sha256');
  for (const file of listFiles(distDir)) hash.update(relative(distDir, file).split(sep).join('/')).update('\0').update(readFileSync(file));
  for (const c of copies) hash.update(c.to).update('\0').update(readFileSync(c.from));
  const staged = join(tmpdir(), `hipaa-audit-lambda-${hash.digest('hex').slice(0, 32)}`);
  if (existsSync(staged)) return staged;

  const scratch = `${staged}.${randomUUID()}`;
  cpSync(distDir, scratch, { recursive: true });
  for (const c of copies) {
    mkdirSync(dirname(join(scratch, c.to)), { recursive: true });
    copyFileSync(c.from, join(scratch, c.to));
  }
  try {
    renameSync(scratch, staged);
  } catch (err) {
    // Another synth staged the same content first; theirs is identical.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(staged)) throw err;
  }
  return staged;
}
