import type { AwsClientFactory } from '../aws/clients.js';
import { createCollectContext, type ProgressReporter } from '../collect/context.js';
import type { RawEvidence } from '../collect/evidence-recorder.js';
import { COLLECTORS, collectFamilies } from '../collectors/registry.js';
import { evaluateSnapshot } from '../checks/evaluate.js';
import { CHECKS } from '../checks/registry.js';
import { DEFAULT_THRESHOLDS, describeThresholds, type Thresholds } from '../checks/thresholds.js';
import type { CheckDefinition } from '../checks/types.js';
import type { Finding } from '../model/finding.js';
import { AccountSnapshotSchema, type AccountSnapshot } from '../snapshot/schema.js';
import { familiesToCollect, notCollectedFamilies } from './families.js';
import { findCollectionErrors } from './collection-errors.js';
import { computeCoverage } from './coverage.js';
import { resolveIdentity } from './identity.js';
import { resolveRegions } from './regions.js';
import { countByStatus, newRunId, type ScanRun } from '../model/run.js';

export interface ScanOptions {
  clients: AwsClientFactory;
  /** Explicit regions or `all` (the regions enabled for the account). */
  regions: readonly string[] | 'all';
  /** Region used for STS and global services. */
  homeRegion?: string;
  checks?: readonly CheckDefinition[];
  thresholds?: Thresholds;
  /** Collect IAM, S3 listing, CloudFront and account contacts (once per account). */
  includeGlobal?: boolean;
  concurrency?: number;
  now?: () => Date;
  runId?: string;
  progress?: ProgressReporter;
}

export interface ScanResult {
  run: ScanRun;
  /** With a selection of checks, the families they do not read throw on use (see ./families.ts). */
  snapshot: AccountSnapshot;
  findings: Finding[];
  evidence: RawEvidence[];
}

export class SnapshotValidationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SnapshotValidationError';
  }
}

/** Collects one account (the regions in scope), validates the snapshot and evaluates every check. */
export async function scanAccount(options: ScanOptions): Promise<ScanResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const homeRegion = options.homeRegion ?? (options.regions === 'all' ? 'us-east-1' : options.regions[0]) ?? 'us-east-1';
  const progress = options.progress ?? (() => undefined);

  const identity = await resolveIdentity(options.clients, homeRegion);
  const regions = await resolveRegions(options.regions, options.clients, homeRegion);
  progress({ phase: 'collect', detail: `account ${identity.accountId}, ${regions.length} region(s): ${regions.join(', ')}` });

  const ctx = createCollectContext({
    clients: options.clients,
    accountId: identity.accountId,
    partition: identity.partition,
    regions,
    homeRegion,
    includeGlobal: options.includeGlobal ?? true,
    now,
    concurrency: options.concurrency ?? 8,
    ...(options.progress ? { progress: options.progress } : {}),
  });

  const checks = options.checks ?? CHECKS;
  const wholeCatalog = CHECKS.every((check) => checks.includes(check));
  const families = familiesToCollect(checks, wholeCatalog);
  if (!wholeCatalog) progress({ phase: 'collect', detail: `${checks.length} check(s) selected: collecting only ${families.join(', ') || 'no family'}` });
  const parts = await collectFamilies(ctx, families, (family, seconds) =>
    progress({ phase: 'collect', detail: `${COLLECTORS[family].label} collected in ${seconds.toFixed(1)} s` }),
  );

  const collectedSchema = AccountSnapshotSchema.pick({
    schemaVersion: true, accountId: true, partition: true, regions: true, includesGlobal: true, collectedAt: true,
    ...Object.fromEntries(families.map((family) => [family, true])),
  });
  const parsed = collectedSchema.safeParse({
    schemaVersion: 1,
    accountId: identity.accountId,
    partition: identity.partition,
    regions,
    includesGlobal: ctx.includeGlobal,
    collectedAt: startedAt.toISOString(),
    ...parts,
  });
  if (!parsed.success) {
    throw new SnapshotValidationError(
      `Collected data did not match the snapshot schema: ${parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
      { cause: parsed.error },
    );
  }
  // Families the selected checks do not read are stand-ins that throw on use (ERROR, never a verdict).
  const snapshot = { ...notCollectedFamilies(families), ...parsed.data } as AccountSnapshot;

  progress({ phase: 'evaluate', detail: `${checks.length} checks` });
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const findings = evaluateSnapshot(snapshot, checks, now(), thresholds);
  // The inventory is context, not assessment: its failures are shown in the coverage section and do not
  // make the run PARTIAL (no verdict depends on them). Only collected families are walked.
  const collectionErrors = findCollectionErrors({ ...parsed.data, inventory: undefined }).map(({ code, message, operation, region }) => ({
    code,
    message,
    operation,
    accountId: identity.accountId,
    ...(region ? { region } : {}),
  }));

  const run: ScanRun = {
    id: options.runId ?? newRunId(startedAt),
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    accountIds: [identity.accountId],
    regions,
    status: collectionErrors.length > 0 ? 'PARTIAL' : 'COMPLETE',
    counts: countByStatus(findings),
    collectionErrors,
    thresholds: describeThresholds(thresholds),
    ...(families.includes('inventory') ? { coverage: computeCoverage(snapshot, findings) } : {}),
  };
  return { run, snapshot, findings, evidence: ctx.evidence.records };
}
