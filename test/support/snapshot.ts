import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { findCheck } from '../../lib/checks/registry.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import { createCollectContext, type CollectContext } from '../../lib/collect/context.js';
import { collectFamilies } from '../../lib/collectors/registry.js';
import { AccountSnapshotSchema, SNAPSHOT_FAMILIES, type AccountSnapshot, type SnapshotFamily } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID } from './moto.js';

/**
 * The one test-side snapshot builder. Every check test builds its AccountSnapshot here: from parts
 * collected by the real collectors against moto (`collectSnapshot`), or, where moto cannot produce a
 * state, from hand-written parts (`snapshotOf`, the test says why). The result is validated with the
 * same zod schema the scan uses, so a test can never evaluate a snapshot the scan would reject.
 */
export type SnapshotParts = Partial<Pick<AccountSnapshot, SnapshotFamily>>;

export interface SnapshotHeader {
  accountId?: string;
  partition?: string;
  regions?: string[];
  includesGlobal?: boolean;
  collectedAt?: string;
}

/** A family that was not collected: the smallest value its schema accepts (no regions, no global parts). */
function emptyFamily(family: SnapshotFamily): unknown {
  const schema = SNAPSHOT_FAMILIES[family];
  for (const candidate of [{ regions: {} }, {}]) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  throw new Error(`snapshot family ${family} has no empty value; give it explicitly`);
}

export function snapshotOf(parts: SnapshotParts, header: SnapshotHeader = {}): AccountSnapshot {
  const families = Object.fromEntries(
    (Object.keys(SNAPSHOT_FAMILIES) as SnapshotFamily[]).map((f) => [f, parts[f] ?? emptyFamily(f)]),
  );
  const regions =
    header.regions ??
    [...new Set(Object.values(parts).flatMap((p) => (p && 'regions' in p && p.regions ? Object.keys(p.regions) : [])))];
  return AccountSnapshotSchema.parse({
    schemaVersion: 1,
    accountId: header.accountId ?? MOTO_ACCOUNT_ID,
    partition: header.partition ?? 'aws',
    regions,
    includesGlobal: header.includesGlobal ?? true,
    collectedAt: header.collectedAt ?? new Date().toISOString(),
    ...families,
  });
}

/**
 * A family's real collector called with test options (e.g. a faster credential-report poll), in place of
 * the registry's default call. Still the real collector: only its options differ.
 */
export type CollectorOverrides = { [F in SnapshotFamily]?: (ctx: CollectContext) => Promise<AccountSnapshot[F]> };

/** Runs the real collectors of `families` (default: all) against `clients` (moto) and builds the snapshot. */
export async function collectSnapshot(
  clients: AwsClientFactory,
  options: {
    regions: string[];
    families?: SnapshotFamily[];
    includeGlobal?: boolean;
    accountId?: string;
    now?: () => Date;
    collectors?: CollectorOverrides;
  },
): Promise<AccountSnapshot> {
  const accountId = options.accountId ?? MOTO_ACCOUNT_ID;
  const includeGlobal = options.includeGlobal ?? true;
  const ctx = createCollectContext({
    clients,
    accountId,
    regions: options.regions,
    includeGlobal,
    ...(options.now ? { now: options.now } : {}),
  });
  const families = options.families ?? (Object.keys(SNAPSHOT_FAMILIES) as SnapshotFamily[]);
  const overrides = options.collectors ?? {};
  const parts: SnapshotParts = await collectFamilies(ctx, families.filter((f) => !overrides[f]));
  for (const family of families) {
    const collect = overrides[family];
    if (collect) Object.assign(parts, { [family]: await collect(ctx) });
  }
  return snapshotOf(parts, { accountId, regions: options.regions, includesGlobal: includeGlobal });
}

/**
 * Evaluates one check (a definition, or an id from the registry) the way the scan does: pure, with an
 * injected clock and thresholds. Every result is also held to the reason style (CONTRIBUTING-CHECKS):
 * one line, no trailing full stop, so every check test checks it.
 */
export function evaluateCheck(
  checkOrId: CheckDefinition | string,
  snapshot: AccountSnapshot,
  options: { now?: Date; thresholds?: Partial<Thresholds> } = {},
): CheckResult[] {
  const check = typeof checkOrId === 'string' ? findCheck(checkOrId) : checkOrId;
  if (!check) throw new Error(`no check ${String(checkOrId)} in lib/checks/registry.ts`);
  const results = check.evaluate(snapshot, options.now ?? new Date(), { ...DEFAULT_THRESHOLDS, ...options.thresholds });
  for (const r of results) {
    if (/[\n.]$/.test(r.reason) || r.reason.includes('\n')) {
      throw new Error(`${check.id}: reason for ${r.resource.id} breaks the reason style (one line, no trailing full stop): ${JSON.stringify(r.reason)}`);
    }
  }
  return results;
}

/** The reason names what it is about: the resource id, or the region / account for an account-scope result. */
export function namesResource(r: CheckResult): boolean {
  if (r.resource.type !== 'AWS::::Account') return r.reason.includes(r.resource.id);
  return r.reason.includes(r.resource.region === 'global' ? r.resource.accountId : r.resource.region);
}

/** The one result about `resourceId` (id or ARN); fails the test with every result when there is none or several. */
export function resultFor(results: readonly CheckResult[], resourceId: string): CheckResult {
  const matches = results.filter((r) => r.resource.id === resourceId || r.resource.arn === resourceId);
  if (matches.length !== 1) {
    throw new Error(`expected one result for ${resourceId}, found ${matches.length}: ${JSON.stringify(results, null, 1)}`);
  }
  return matches[0] as CheckResult;
}
