import { AwsClientFactory } from '../lib/aws/clients.js';
import { CHECKS } from '../lib/checks/registry.js';
import { DEFAULT_THRESHOLDS } from '../lib/checks/thresholds.js';
import { scanAccount } from '../lib/scan/scan-account.js';
import { motoClients, startMoto, TEST_CREDENTIALS } from '../test/support/moto.js';
import { CallCounter, type CallCounts } from './call-counter.js';
import { estimateCost, type CostAssumptions, type CostEstimate } from './cost.js';
import { measureEvaluation, type EvaluationThroughput } from './eval-throughput.js';
import { findingsFiles, measureEvidence, type EvidenceSize } from './evidence-size.js';
import type { ProgressLog } from './progress.js';
import { RssSampler } from './rss-sampler.js';
import { countResources, type ResourceTotals, type ScaleSpec } from './scale.js';
import { seedAccount, type SeedReport } from './seed/index.js';
import { measureStore, type StoreMeasurement } from './store-point.js';

export interface PointOptions {
  seedConcurrency: number;
  /** Scan concurrency; undefined keeps scanAccount's own default (what production runs). */
  scanConcurrency?: number;
  evalMinMs: number;
  /** Keep moto's default AMIs (and their ~1,200 "self-owned" snapshots). */
  motoDefaultAmis?: boolean;
  costAssumptions: CostAssumptions;
  /** Fraction of findings that change status between the two stored runs (default 1 %). */
  changeRate?: number;
  log: ProgressLog;
}

export interface PointResult {
  scale: ScaleSpec;
  resources: ResourceTotals;
  seed: SeedReport;
  scan: { wallSeconds: number; warmupSeconds: number; status: string; phases: { atSeconds: number; phase: string; detail: string }[] };
  calls: CallCounts;
  iamCalls: number;
  callsPerResource: number;
  memory: { peakRssBytes: number; maxRssBytes: number; samples: number };
  findings: { total: number; byStatus: Record<string, number> };
  collectionErrors: { count: number; sample: { operation: string; code: string; region?: string }[] };
  evaluation: EvaluationThroughput;
  evidence: EvidenceSize & { findingsJsonBytes: number; findingsCsvBytes: number; findingsJsonGzipBytes: number; findingsCsvGzipBytes: number };
  /** The findings stored twice (all new, then `changeRate` changed), metered request by request against moto. */
  store: StoreMeasurement;
  cost: CostEstimate;
}

/** One measurement: fresh moto, seed (untimed), scan with call counting and RSS sampling, then evaluate. */
export async function runScalePoint(scale: ScaleSpec, options: PointOptions): Promise<PointResult> {
  const { log } = options;
  const resources = countResources(scale);
  log(`[${scale.name}] starting moto for ${resources.total} resources in ${scale.regions.length} region(s)`);
  // moto ships ~1,200 default AMIs whose EBS snapshots it reports as owned by the caller, so
  // DescribeSnapshots(self) would return them and the per-snapshot attribute calls would dominate the
  // scan. No real account has them; they are off unless asked for.
  const moto = await startMoto(options.motoDefaultAmis ? {} : { MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' });
  const seedClients = motoClients(moto, { maxAttempts: 3, requestTimeoutMs: 60_000 });
  const counter = new CallCounter();
  // Production retry settings (adaptive, 5 attempts); only the endpoint and the counting hook differ.
  const scanClients = new AwsClientFactory({ endpoint: moto.url, credentials: TEST_CREDENTIALS, onClientCreated: counter.attach });
  try {
    // moto imports each service's backend on its first request (seconds in total); a warm-up scan of the
    // still-empty account pays that once, so both scales measure the scanner, not moto's cold start.
    const warmStarted = performance.now();
    await scanAccount({ clients: seedClients, regions: scale.regions, homeRegion: scale.regions[0] ?? 'us-east-1' });
    const warmupSeconds = (performance.now() - warmStarted) / 1000;
    log(`[${scale.name}] moto warm-up scan (empty account) took ${warmupSeconds.toFixed(1)} s`);

    log(`[${scale.name}] seeding (concurrency ${options.seedConcurrency}, not timed as part of the scan)`);
    const seed = await seedAccount(seedClients, scale, options.seedConcurrency, log);
    log(`[${scale.name}] seeded in ${seed.seconds.toFixed(1)} s; scanning`);

    const phases: PointResult['scan']['phases'] = [];
    const sampler = new RssSampler(50);
    sampler.start();
    const started = performance.now();
    const result = await scanAccount({
      clients: scanClients,
      regions: scale.regions,
      homeRegion: scale.regions[0] ?? 'us-east-1',
      ...(options.scanConcurrency === undefined ? {} : { concurrency: options.scanConcurrency }),
      progress: ({ phase, detail }) => {
        const atSeconds = (performance.now() - started) / 1000;
        phases.push({ atSeconds, phase, detail });
        log(`[${scale.name}] scan +${atSeconds.toFixed(1)}s ${phase}: ${detail}`);
      },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const memory = sampler.stop();
    const calls = counter.snapshot();
    log(`[${scale.name}] scan done in ${wallSeconds.toFixed(1)} s, ${calls.total} calls, ${result.findings.length} findings`);

    log(`[${scale.name}] measuring evaluation throughput for ≥ ${(options.evalMinMs / 1000).toFixed(1)} s`);
    const evaluation = measureEvaluation(result.snapshot, CHECKS, DEFAULT_THRESHOLDS, options.evalMinMs);
    const evidence = measureEvidence(result.evidence);
    const files = findingsFiles(result.findings);
    const store = await measureStore(moto.url, result, { changeRate: options.changeRate ?? 0.01, log: (line) => log(`[${scale.name}] ${line}`) });
    const cost = estimateCost(wallSeconds, store, { ...options.costAssumptions, regions: scale.regions.length });
    return {
      scale,
      resources,
      seed,
      scan: { wallSeconds, warmupSeconds, status: result.run.status, phases },
      calls,
      iamCalls: calls.byService.iam ?? 0,
      callsPerResource: resources.total > 0 ? calls.total / resources.total : 0,
      memory,
      findings: { total: result.findings.length, byStatus: { ...result.run.counts } },
      collectionErrors: {
        count: result.run.collectionErrors.length,
        sample: result.run.collectionErrors.slice(0, 15).map(({ operation, code, region }) => ({ operation, code, ...(region ? { region } : {}) })),
      },
      evaluation,
      evidence: { ...evidence, findingsJsonBytes: files.jsonBytes, findingsCsvBytes: files.csvBytes, findingsJsonGzipBytes: files.jsonGzipBytes, findingsCsvGzipBytes: files.csvGzipBytes },
      store,
      cost,
    };
  } finally {
    scanClients.destroy();
    seedClients.destroy();
    await moto.stop();
  }
}
