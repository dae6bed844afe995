import type { AwsClientFactory } from '../../lib/aws/clients.js';
import type { ProgressLog } from '../progress.js';
import type { ScaleSpec } from '../scale.js';
import { iamSeedGroups } from './iam.js';
import { regionalSeedGroups } from './regional.js';
import { s3SeedGroup } from './s3.js';
import { runSeedGroups } from './tasks.js';

export interface SeedReport {
  seconds: number;
  /** Seconds from the first to the last request of each resource type (see runSeedGroups). */
  secondsByGroup: Record<string, number>;
}

/** Seeds the synthetic account through the SDK, `concurrency` requests in flight. Not part of the scan time. */
export async function seedAccount(clients: AwsClientFactory, scale: ScaleSpec, concurrency: number, log: ProgressLog): Promise<SeedReport> {
  const started = performance.now();
  const homeRegion = scale.regions[0] ?? 'us-east-1';
  const iam = iamSeedGroups(clients, scale, homeRegion);
  // Policies first: user attachments refer to them by ARN. Everything else can interleave.
  const first = await runSeedGroups(iam.first, concurrency, log);
  const rest = await runSeedGroups(
    [...iam.then, s3SeedGroup(clients, scale), ...scale.regions.flatMap((region) => regionalSeedGroups(clients, region, scale.perRegion))],
    concurrency,
    log,
  );
  return { seconds: (performance.now() - started) / 1000, secondsByGroup: { ...first, ...rest } };
}
