import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';

export interface BundleSize {
  entry: string;
  /** Minified ESM with every dependency bundled, the AWS SDK included (version pinning). */
  bytes: number;
  gzipBytes: number;
  /** The same with `@aws-sdk/*` and `@smithy/*` left to the Lambda runtime, for comparison. */
  bytesSdkExternal: number;
  /** Largest contributors to the all-bundled output, by package (or source folder). */
  topPackages: { name: string; bytes: number }[];
  /** esbuild failed (e.g. a handler importing a module that does not exist yet). */
  error?: string;
}

export interface BundleReport {
  handlers: BundleSize[];
  /** Set when functions/ has no handler files: the target then cannot be judged. */
  note?: string;
  /**
   * Not a handler: everything a scan handler necessarily pulls in (scanAccount + all collectors and
   * checks). A lower bound for the scan function's bundle while functions/ is still being written.
   */
  scanCoreProxy: BundleSize;
}

const COMMON: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
};

/** Bundles each `functions/*.ts` as Lambda would deploy it and reports output sizes. */
export async function measureBundles(rootDir: string): Promise<BundleReport> {
  const functionsDir = join(rootDir, 'functions');
  const candidates = (await readdir(functionsDir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .sort();
  // Only Lambda entry points (files exporting `handler`); shared modules like handler-kit.ts are not deployed alone.
  const files: string[] = [];
  for (const f of candidates) {
    if (/export const handler\b|export (async )?function handler\b/.test(await readFile(join(functionsDir, f), 'utf8'))) files.push(f);
  }
  const handlers: BundleSize[] = [];
  for (const file of files) {
    handlers.push(await measure(`functions/${file}`, { entryPoints: [join(functionsDir, file)] }));
  }
  const scanCoreProxy = await measure('(proxy) lib/scan/scan-account.ts', {
    stdin: {
      contents: "export { scanAccount } from './lib/scan/scan-account.js';",
      resolveDir: rootDir,
      loader: 'ts',
      sourcefile: 'scan-core-proxy.ts',
    },
  });
  return {
    handlers,
    ...(files.length === 0 ? { note: 'functions/ has no handler files yet; no handler bundle to measure' } : {}),
    scanCoreProxy,
  };
}

async function measure(entry: string, input: BuildOptions): Promise<BundleSize> {
  try {
    const full = await bundle({ ...COMMON, ...input });
    const external = await bundle({ ...COMMON, ...input, external: ['@aws-sdk/*', '@smithy/*'] });
    return {
      entry,
      bytes: full.bytes.length,
      gzipBytes: gzipSync(full.bytes).length,
      bytesSdkExternal: external.bytes.length,
      topPackages: topPackages(full.metafile),
    };
  } catch (err) {
    // A handler that does not build yet must not throw away the scan measurements taken before it.
    const message = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
    return { entry, bytes: 0, gzipBytes: 0, bytesSdkExternal: 0, topPackages: [], error: message };
  }
}

async function bundle(options: BuildOptions): Promise<{ bytes: Uint8Array; metafile: Metafile | undefined }> {
  const result = await build(options);
  const out = result.outputFiles?.[0];
  if (!out) throw new Error('esbuild produced no output');
  return { bytes: out.contents, metafile: result.metafile };
}

/** Groups output bytes by npm package (`@scope/name`) or, for project code, its top two folders. */
function topPackages(metafile: Metafile | undefined, limit = 6): { name: string; bytes: number }[] {
  const output = metafile ? Object.values(metafile.outputs)[0] : undefined;
  if (!output) return [];
  const byName = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const name = pkg ?? path.split('/').slice(0, 2).join('/');
    byName.set(name, (byName.get(name) ?? 0) + bytesInOutput);
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, bytes]) => ({ name, bytes }));
}
