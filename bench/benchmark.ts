import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBundles, type BundleReport } from './bundle-size.js';
import { DEFAULT_ASSUMPTIONS, type CostAssumptions } from './cost.js';
import { silentProgress, type ProgressLog } from './progress.js';
import type { ScaleSpec } from './scale.js';
import { runScalePoint, type PointResult } from './scan-point.js';
import { evaluateTargets, type TargetResult } from './targets.js';

export interface BenchmarkOptions {
  /** Measured in the order given, each on a fresh moto; put the smaller first so maxRSS stays meaningful. */
  scales: ScaleSpec[];
  seedConcurrency?: number;
  scanConcurrency?: number;
  /** Minimum time spent re-evaluating each snapshot for the throughput figure. */
  evalMinMs?: number;
  /** esbuild the Lambda handlers (a few seconds; the smoke test may skip). */
  measureBundles?: boolean;
  /** Keep moto's default AMIs and their snapshots (off: they are a moto artifact, see scan-point.ts). */
  motoDefaultAmis?: boolean;
  costAssumptions?: CostAssumptions;
  rootDir?: string;
  log?: ProgressLog;
}

export interface BenchmarkResults {
  generatedAt: string;
  environment: { node: string; platform: string; arch: string; cpus: number; cpuModel: string };
  options: { seedConcurrency: number; scanConcurrency: number | 'default'; evalMinMs: number; motoDefaultAmis: boolean };
  points: PointResult[];
  bundles?: BundleReport;
  targets: TargetResult[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The benchmark behind `npm run bench` and the smoke test: one point per scale, then bundles and targets. */
export async function runBenchmark(options: BenchmarkOptions): Promise<BenchmarkResults> {
  const log = options.log ?? silentProgress;
  const seedConcurrency = options.seedConcurrency ?? 16;
  const evalMinMs = options.evalMinMs ?? 2_000;
  const points: PointResult[] = [];
  for (const scale of options.scales) {
    points.push(
      await runScalePoint(scale, {
        seedConcurrency,
        ...(options.scanConcurrency === undefined ? {} : { scanConcurrency: options.scanConcurrency }),
        evalMinMs,
        motoDefaultAmis: options.motoDefaultAmis ?? false,
        costAssumptions: options.costAssumptions ?? DEFAULT_ASSUMPTIONS,
        log,
      }),
    );
  }
  let bundles: BundleReport | undefined;
  if (options.measureBundles ?? true) {
    log('bundling Lambda handlers with esbuild (minified)');
    bundles = await measureBundles(options.rootDir ?? ROOT);
  }
  const cpuList = cpus();
  return {
    generatedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
    },
    options: { seedConcurrency, scanConcurrency: options.scanConcurrency ?? 'default', evalMinMs, motoDefaultAmis: options.motoDefaultAmis ?? false },
    points,
    ...(bundles ? { bundles } : {}),
    targets: evaluateTargets(points, bundles),
  };
}
