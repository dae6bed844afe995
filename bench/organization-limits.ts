import type { DeployedSettings } from './deployed-defaults.js';
import type { FinalizeScaleMeasurement } from './finalize-scale.js';

// Extrapolates one measured organization point to 1,000 accounts x 17 regions against each AWS limit, with
// the settings the default configuration deploys (not the ones the point was measured with).

export const TARGET_ACCOUNTS = 1_000;
export const TARGET_REGIONS = 17;
/** The margin every limit must keep at the target size. */
export const REQUIRED_MARGIN = 2;
const PAYLOAD_LIMIT_BYTES = 256 * 1024;
const HISTORY_LIMIT_EVENTS = 25_000;
const LAMBDA_TIMEOUT_SECONDS = 15 * 60;
const DISTRIBUTED_MAP_CHILD_LIMIT = 10_000;

/** What one organization point measured (the executed state machine on moto). */
export interface OrganizationMeasurement {
  accounts: number;
  /** Accounts the run scanned and sealed (the members and the management account). */
  scannedAccounts: number;
  regions: string[];
  /** The concurrency the point ran with (one moto process serves every scan). */
  mapConcurrency: number;
  regionConcurrency: number;
  wallSeconds: number;
  largestPayloadBytes: { parent: number; child: number };
  historyEvents: { parent: number; largestChild: number };
  /** Duration of the accounts' child executions (one account each), seconds. */
  accountExecutionSeconds: { mean: number; max: number };
  /** Mean duration of an account's region Map divided by its rounds (regions / regionConcurrency, rounded up), seconds. */
  regionRoundSeconds: number;
  /** Longest single invocation of each handler, seconds. */
  longestInvocationByHandler: Record<string, number>;
  /** FinalizeRun re-run in a tsx child process: mostly tsx and Node; information only (the limit reads the finalize section). */
  finalizeRunPeakRssMb: number;
}

export interface LimitCheck {
  limit: string;
  limitValue: number;
  unit: string;
  measured: number;
  formula: string;
  extrapolated: number;
  /** limitValue / extrapolated; the target is >= REQUIRED_MARGIN. */
  margin: number;
  belowRequiredMargin: boolean;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function check(limit: string, limitValue: number, unit: string, measured: number, formula: string, extrapolated: number): LimitCheck {
  const margin = limitValue / Math.max(extrapolated, 1e-9);
  return { limit, limitValue, unit, measured: round(measured), formula, extrapolated: round(extrapolated), margin: round(margin), belowRequiredMargin: !(margin >= REQUIRED_MARGIN) };
}

/** An account's child execution time at 17 regions, from its measured time at the point's regions. */
export function perAccountSeconds(point: OrganizationMeasurement, deployed: DeployedSettings): { measured: number; at17: number; formula: string } {
  const n = point.regions.length;
  const measured = point.accountExecutionSeconds.mean;
  const extraRounds = Math.max(Math.ceil(TARGET_REGIONS / deployed.regionConcurrency) - Math.ceil(n / point.regionConcurrency), 0);
  const at17 = measured + extraRounds * point.regionRoundSeconds;
  return {
    measured,
    at17,
    formula: `(${measured} s, the mean child execution of one account at ${n} regions, ` +
      `+ ${extraRounds} more rounds of ${deployed.regionConcurrency} regions x ${point.regionRoundSeconds} s per round) = ${round(at17)} s per account`,
  };
}

/**
 * FinalizeRun's memory at the target, measured there (the finalize section: the shipped bundle in plain node
 * over 1,000 accounts' items sized for 17 regions), x 1. The organization points' own figure is a tsx child
 * process, mostly tsx's and Node's baseline, and two such points cannot be fitted to a line; it stays
 * information only.
 */
function finalizeMemory(finalize: FinalizeScaleMeasurement | undefined): { measured: number; value: number; formula: string } {
  const atTarget = finalize?.points.find((p) => p.accounts === TARGET_ACCOUNTS);
  if (!finalize || !atTarget || finalize.regions < TARGET_REGIONS) {
    return { measured: Number.NaN, value: Number.NaN, formula: `not measured at ${TARGET_ACCOUNTS} accounts x ${TARGET_REGIONS} regions: run npm run bench -- --only finalize,organization` };
  }
  return {
    measured: atTarget.peakRssMb,
    value: atTarget.peakRssMb,
    formula: `measured at ${TARGET_ACCOUNTS} accounts with items sized for ${finalize.regions} regions (${finalize.errorsPerAccount} collection errors, ` +
      `${finalize.coverageEntriesPerAccount} coverage entries, ${finalize.accountRunItemBytes} B per account): peak RSS ${atTarget.peakRssMb} MB of the shipped bundle ` +
      `in plain node (${finalize.baselineRssMb} MB with the bundle loaded and not called, +${atTarget.growthMb} MB for the run) x 1`,
  };
}

export function extrapolate(point: OrganizationMeasurement, deployed: DeployedSettings, finalize?: FinalizeScaleMeasurement): LimitCheck[] {
  const n = point.regions.length;
  const byHandler = point.longestInvocationByHandler;
  const seconds = (entry: string): number => byHandler[entry] ?? 0;
  const perRegion = (entry: string, label: string): LimitCheck =>
    check(`Lambda duration, ${label} (15 min)`, LAMBDA_TIMEOUT_SECONDS, 's', seconds(entry),
      `one account, reads its regions' partial results: ${seconds(entry)} s x ${TARGET_REGIONS}/${n}`, (seconds(entry) * TARGET_REGIONS) / n);
  const account = perAccountSeconds(point, deployed);
  const runSeconds = (TARGET_ACCOUNTS / deployed.mapConcurrency) * account.at17;
  const memory = finalizeMemory(finalize);
  const finalizeMemoryMb = deployed.memoryMbByHandler['finalize-run.ts'] ?? Number.NaN;
  const { child, parent } = point.largestPayloadBytes;
  return [
    check('state input/output payload, child execution (256 KB)', PAYLOAD_LIMIT_BYTES, 'bytes', child,
      `grows with one account's regions, not with accounts: ${child} B x ${TARGET_REGIONS}/${n}`, (child * TARGET_REGIONS) / n),
    check('state input/output payload, parent execution (256 KB)', PAYLOAD_LIMIT_BYTES, 'bytes', parent,
      'constant: the target list is in S3 and the Map writes its results to S3', parent),
    check('execution history, child execution (25,000 events)', HISTORY_LIMIT_EVENTS, 'events', point.historyEvents.largestChild,
      `grows with one account's regions: ${point.historyEvents.largestChild} x ${TARGET_REGIONS}/${n}`, (point.historyEvents.largestChild * TARGET_REGIONS) / n),
    check('execution history, parent execution (25,000 events)', HISTORY_LIMIT_EVENTS, 'events', point.historyEvents.parent,
      'constant: a Distributed Map adds no per-item events to the parent', point.historyEvents.parent),
    check('Lambda duration, FinalizeRun (15 min)', LAMBDA_TIMEOUT_SECONDS, 's', seconds('finalize-run.ts'),
      `one item per account: ${seconds('finalize-run.ts')} s x ${TARGET_ACCOUNTS}/${point.scannedAccounts}`, (seconds('finalize-run.ts') * TARGET_ACCOUNTS) / Math.max(point.scannedAccounts, 1)),
    check('Lambda duration, ScanTarget (15 min)', LAMBDA_TIMEOUT_SECONDS, 's', seconds('scan-target.ts'),
      'one region of one account: independent of accounts and regions (small accounts; large ones: the scan points)', seconds('scan-target.ts')),
    perRegion('seal-account.ts', 'SealAccount'),
    perRegion('record-account.ts', 'RecordAccount'),
    check(`Lambda memory, FinalizeRun (${finalizeMemoryMb} MB configured)`, finalizeMemoryMb, 'MB', memory.measured, memory.formula, memory.value),
    check('Distributed Map concurrency (10,000 child executions)', DISTRIBUTED_MAP_CHILD_LIMIT, 'executions', point.mapConcurrency,
      `the default mapConcurrency ${deployed.mapConcurrency}, independent of accounts`, deployed.mapConcurrency),
    check(`run duration (state machine timeout ${round(deployed.runTimeoutSeconds / 3600)} h)`, deployed.runTimeoutSeconds, 's', point.wallSeconds,
      `${TARGET_ACCOUNTS} accounts / mapConcurrency ${deployed.mapConcurrency} x ${account.formula}; the per-account time is taken as independent of ` +
      `how many accounts run at once (each account's APIs are its own; here one moto process served ${point.mapConcurrency * point.regionConcurrency} scans at once)`,
      runSeconds),
    check(`Lambda concurrency (quota ${deployed.lambdaConcurrencyQuota} - 100 unreserved)`, deployed.reservableConcurrency, 'executions', point.mapConcurrency * point.regionConcurrency,
      `the default stack reserves ${deployed.reservedConcurrency} (ScanTarget mapConcurrency ${deployed.mapConcurrency} x ${deployed.regionConcurrency} regions = the most scans at once, ` +
      `SealAccount and RecordAccount ${deployed.mapConcurrency} each, ` +
        `${deployed.reservedConcurrency - (deployed.regionConcurrency + 2) * deployed.mapConcurrency} for the rest), independent of accounts`, deployed.reservedConcurrency),
  ];
}

/** The smallest mapConcurrency that finishes the target within half the run timeout. */
export function mapConcurrencyForMargin(point: OrganizationMeasurement, deployed: DeployedSettings): number {
  return Math.ceil((REQUIRED_MARGIN * TARGET_ACCOUNTS * perAccountSeconds(point, deployed).at17) / deployed.runTimeoutSeconds);
}
