// Shared helpers for the logging family's tests (not a test file itself).
import { collectLogging } from '../../lib/collectors/logging/index.js';
import { LoggingSnapshotSchema, type LoggingSnapshot } from '../../lib/snapshot/logging.js';
import { createCollectContext } from '../../lib/collect/context.js';
import { loggingChecks } from '../../lib/checks/logging/index.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { MOTO_ACCOUNT_ID } from '../support/moto.js';

export const NOW = new Date('2026-01-15T12:00:00Z');

/** Wraps a logging part in an account snapshot; checks in this family read only `logging`. */
export function snapshotOf(logging: LoggingSnapshot, regions = Object.keys(logging.regions)): AccountSnapshot {
  return {
    schemaVersion: 1,
    accountId: MOTO_ACCOUNT_ID,
    partition: 'aws',
    regions,
    includesGlobal: false,
    collectedAt: NOW.toISOString(),
    iam: {} as AccountSnapshot['iam'],
    storage: {} as AccountSnapshot['storage'],
    external: { regions: {} },
    data: {} as AccountSnapshot['data'],
    network: {} as AccountSnapshot['network'],
    edge: {} as AccountSnapshot['edge'],
    compute: {} as AccountSnapshot['compute'],
    inventory: { regions: {} },
    logging,
  };
}

/** Runs the real collector, validates its output with the family schema, and wraps it. */
export async function collectSnapshot(clients: AwsClientFactory, regions: string[]): Promise<AccountSnapshot> {
  const ctx = createCollectContext({ clients, accountId: MOTO_ACCOUNT_ID, regions, includeGlobal: false });
  const logging = LoggingSnapshotSchema.parse(await collectLogging(ctx));
  return snapshotOf(logging, regions);
}

export function run(snapshot: AccountSnapshot, id: string, thresholds: Thresholds = DEFAULT_THRESHOLDS): CheckResult[] {
  const check = loggingChecks.find((c) => c.id === id);
  if (!check) throw new Error(`unknown check ${id}`);
  return check.evaluate(snapshot, NOW, thresholds);
}

/** The reason must name what it is about: the resource id, or the region / account for scope-level results. */
export function namesResource(r: CheckResult): boolean {
  if (r.resource.type !== 'AWS::::Account') return r.reason.includes(r.resource.id);
  return r.reason.includes(r.resource.region === 'global' ? r.resource.accountId : r.resource.region);
}
