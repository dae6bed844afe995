import { AwsClientFactory } from '../lib/aws/clients.js';
import { scanAccount } from '../lib/scan/scan-account.js';
import { startFaultProxy, throttlingFault, type FaultDecider } from '../test/support/fault-proxy.js';
import { motoClients, startMoto, TEST_CREDENTIALS } from '../test/support/moto.js';
import type { ProgressLog } from './progress.js';
import { presetScale } from './scale.js';
import { seedAccount } from './seed/index.js';

/**
 * The SDK's `standard` and `adaptive` retry modes compared on the same seeded account, scanned through a
 * fault-injecting proxy in front of moto that answers with each service's own throttling error
 * (ThrottlingException / Throttling / RequestLimitExceeded / SlowDown).
 */
export type RetryMode = 'standard' | 'adaptive';

/** One client setting under test: a retry mode and its maximum attempts per call. */
export interface RetryVariant {
  mode: RetryMode;
  maxAttempts: number;
}

export const DEFAULT_VARIANTS: RetryVariant[] = [
  { mode: 'standard', maxAttempts: 5 },
  { mode: 'standard', maxAttempts: 8 },
  { mode: 'adaptive', maxAttempts: 5 },
];

export interface RetryScenario {
  name: string;
  /** A fresh decider per run, so a rate limiter's state does not carry over. */
  decider: () => FaultDecider;
}

export interface RetryRun {
  scenario: string;
  mode: RetryMode;
  maxAttempts: number;
  wallSeconds: number;
  requests: number;
  throttled: number;
  /** Calls still failing after the SDK's attempts: 0 means the scan recovered. */
  failedCalls: number;
  status: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so both modes face the same odds. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomThrottling(fraction: number, seed = 7): RetryScenario {
  return {
    name: `${Math.round(fraction * 100)} % of requests throttled at random`,
    decider: () => {
      const random = seededRandom(seed);
      return (call) => (random() < fraction ? throttlingFault(call) : undefined);
    },
  };
}

/** A token bucket per service and region, as AWS applies its API rate limits. */
export function perServiceRateLimit(perSecond: number, burst = perSecond): RetryScenario {
  return {
    name: `${perSecond} requests/s per service and region (burst ${burst})`,
    decider: () => {
      const buckets = new Map<string, { tokens: number; at: number }>();
      return (call) => {
        const key = `${call.service}:${call.region}`;
        const now = performance.now();
        const bucket = buckets.get(key) ?? { tokens: burst, at: now };
        bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
        bucket.at = now;
        buckets.set(key, bucket);
        if (bucket.tokens >= 1) {
          bucket.tokens -= 1;
          return undefined;
        }
        return throttlingFault(call);
      };
    },
  };
}

export const DEFAULT_SCENARIOS: RetryScenario[] = [
  { name: 'no throttling', decider: () => () => undefined },
  randomThrottling(0.1),
  randomThrottling(0.3),
  perServiceRateLimit(20),
  perServiceRateLimit(5),
];

const THROTTLING_CODES = /Throttl|SlowDown|RequestLimitExceeded|TooManyRequests/;

/** Seeds one small account (smoke scale × 3) and scans it once per scenario and mode. */
export async function compareRetryModes(options: {
  scenarios?: RetryScenario[];
  variants?: RetryVariant[];
  log: ProgressLog;
}): Promise<RetryRun[]> {
  const scale = { ...presetScale('smoke'), name: 'retry' };
  scale.users *= 3;
  scale.buckets *= 3;
  const moto = await startMoto();
  const proxy = await startFaultProxy(moto.url);
  const seedClients = motoClients(moto, { maxAttempts: 3 });
  const runs: RetryRun[] = [];
  try {
    // moto's cold start (backend import per service) would otherwise land on the first measured scan.
    await scanAccount({ clients: seedClients, regions: scale.regions, homeRegion: scale.regions[0] ?? 'us-east-1' });
    await seedAccount(seedClients, scale, 16, options.log);
    for (const scenario of options.scenarios ?? DEFAULT_SCENARIOS) {
      for (const { mode, maxAttempts } of options.variants ?? DEFAULT_VARIANTS) {
        proxy.setDecider(scenario.decider());
        proxy.seen.clear();
        proxy.injected.clear();
        // The production factory settings (default timeouts); only the retry mode and attempts differ.
        const clients = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, retryMode: mode, maxAttempts });
        const started = performance.now();
        try {
          const result = await scanAccount({ clients, regions: scale.regions, homeRegion: scale.regions[0] ?? 'us-east-1' });
          const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
          const run: RetryRun = {
            scenario: scenario.name,
            mode,
            maxAttempts,
            wallSeconds: (performance.now() - started) / 1000,
            requests: sum(proxy.seen),
            throttled: sum(proxy.injected),
            failedCalls: result.run.collectionErrors.filter((e) => THROTTLING_CODES.test(e.code)).length,
            status: result.run.status,
          };
          options.log(`[retry] ${scenario.name}, ${mode} × ${maxAttempts}: ${run.wallSeconds.toFixed(1)} s, ${run.throttled}/${run.requests} throttled, ${run.failedCalls} calls failed`);
          runs.push(run);
        } finally {
          clients.destroy();
        }
      }
    }
    return runs;
  } finally {
    seedClients.destroy();
    await proxy.stop();
    await moto.stop();
  }
}

export function renderRetryRuns(runs: readonly RetryRun[]): string {
  const lines = ['Retry modes (scan of a small account through a throttling proxy in front of moto)', ''];
  lines.push('| scenario | mode | max attempts | wall s | requests | throttled | calls failed |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    lines.push(`| ${r.scenario} | ${r.mode} | ${r.maxAttempts} | ${r.wallSeconds.toFixed(1)} | ${r.requests} | ${r.throttled} | ${r.failedCalls} |`);
  }
  return lines.join('\n');
}
