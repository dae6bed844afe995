import type { BundleReport } from './bundle-size.js';
import type { PointResult } from './scan-point.js';

export type TargetStatus = 'PASS' | 'MISS' | 'FAIL' | 'N/A';

export interface TargetResult {
  name: string;
  target: string;
  measured: string;
  status: TargetStatus;
  /** How far inside or outside the target, in the target's unit and as a percentage. */
  margin: string;
}

const MiB = 1024 * 1024;
/** AWS list operations default to 100 items per page (GetAccountAuthorizationDetails MaxItems too). */
const PAGE_SIZE = 100;
/** Credential report polls depend on how long IAM takes to generate it, not on the user count directly. */
const POLLING_OPERATIONS = new Set(['iam:GetCredentialReport']);
const POLL_ALLOWANCE = 20;

export function evaluateTargets(points: readonly PointResult[], bundles: BundleReport | undefined): TargetResult[] {
  const bySize = [...points].sort((a, b) => a.resources.total - b.resources.total);
  const largest = bySize[bySize.length - 1];
  const smallest = bySize[0];
  const targets: TargetResult[] = [];
  targets.push(iamTarget(smallest, largest));

  const atDefault = points.find((p) => p.scale.name === 'default');
  const scanLimit = 60;
  targets.push(
    atDefault
      ? limitTarget('Default-scale scan wall time', `≤ ${scanLimit} s on 2 cores against moto`, atDefault.scan.wallSeconds, scanLimit, 's', 1)
      : { name: 'Default-scale scan wall time', target: `≤ ${scanLimit} s`, status: 'N/A', margin: 'default scale not run',
          measured: largest ? `${largest.scan.wallSeconds.toFixed(1)} s at ${largest.resources.total} resources (${largest.scale.name})` : 'n/a' },
  );

  if (largest) {
    const rate = largest.evaluation.resultsPerSecond;
    const goal = 1_000_000;
    targets.push({
      name: 'Evaluation throughput',
      target: '≥ 1,000,000 resource-checks/s',
      measured: `${Math.round(rate).toLocaleString('en-US')} /s (${largest.scale.name} snapshot)`,
      status: rate >= goal ? 'PASS' : 'MISS',
      margin: `${rate >= goal ? '+' : ''}${(((rate - goal) / goal) * 100).toFixed(0)}%`,
    });
  }

  const limitBytes = 1_000_000;
  const bundleGoal = '≤ 1 MB minified, SDK bundled';
  for (const h of bundles?.handlers ?? []) {
    targets.push(h.error
      ? { name: `Bundle ${h.entry}`, target: bundleGoal, measured: `build failed: ${h.error}`, status: 'MISS', margin: 'does not build' }
      : limitTarget(`Bundle ${h.entry}`, bundleGoal, h.bytes / 1e6, limitBytes / 1e6, 'MB', 2));
  }
  const proxy = bundles?.scanCoreProxy;
  if (proxy && !proxy.error) {
    // The scan handler must contain at least scanAccount; judged separately so a stub handler cannot hide it.
    targets.push(limitTarget('Scan handler lower bound (scanAccount bundled)', bundleGoal, proxy.bytes / 1e6, limitBytes / 1e6, 'MB', 2));
  }
  if (!bundles || bundles.handlers.length === 0) {
    targets.push({ name: 'Lambda bundle size (each handler)', target: bundleGoal, status: 'N/A', margin: 'n/a',
      measured: bundles ? 'functions/ has no handlers' : 'not measured' });
  }

  const costPoint = atDefault ?? largest;
  if (costPoint) targets.push(...costTargets(costPoint));

  const peak = Math.max(0, ...points.map((p) => p.memory.peakRssBytes));
  targets.push(limitTarget('Peak RSS during scan', '< 512 MiB', peak / MiB, 512, 'MiB', 0));
  return targets;
}

/** Per-run writes and the cost per account-month (issue 16), stated for the default scale at 1 % change per day. */
export const COST_TARGETS = { firstMonthUsd: 0.15, steadyStateUsd: 0.3, writesPerChanged: 2, writesConstant: 3 } as const;

function costTargets(point: PointResult): TargetResult[] {
  const where = point.scale.name === 'default' ? '' : ` (${point.scale.name} scale; the target is stated for the default scale)`;
  const usdTarget = (name: string, measured: number, limit: number): TargetResult => ({
    name,
    target: `≤ $${limit.toFixed(2)} per account-month`,
    measured: `$${measured.toFixed(4)}${where}`,
    status: measured <= limit ? 'PASS' : 'FAIL',
    margin: `${measured <= limit ? 'under' : 'over'} by $${Math.abs(limit - measured).toFixed(4)} (${((measured / limit) * 100).toFixed(0)}% of limit)`,
  });
  const steady = point.store.steadyRun;
  const allowed = COST_TARGETS.writesPerChanged * steady.changedFindings + COST_TARGETS.writesConstant;
  const writes = steady.record.dynamoWrites;
  return [
    usdTarget('Cost per account-month, first month', point.cost.totalFirstMonthUsd, COST_TARGETS.firstMonthUsd),
    usdTarget(`Cost per account-month, ${point.cost.assumptions.retentionYears}-year steady state`, point.cost.totalSteadyStateUsd, COST_TARGETS.steadyStateUsd),
    {
      name: 'DynamoDB writes per run',
      target: `≤ ${COST_TARGETS.writesPerChanged} × changed findings + ${COST_TARGETS.writesConstant}`,
      measured: `${writes} items (${steady.record.wru} WRU) for ${steady.changedFindings} changed of ${steady.findings}${where}`,
      status: writes <= allowed ? 'PASS' : 'FAIL',
      margin: `${writes <= allowed ? 'under' : 'over'} by ${Math.abs(allowed - writes)} writes (${((writes / allowed) * 100).toFixed(0)}% of ${allowed})`,
    },
  ];
}

function iamTarget(small: PointResult | undefined, large: PointResult | undefined): TargetResult {
  const name = 'IAM calls independent of user count';
  const target = 'grow only by paging (≤ 1 call per 100 added IAM entities per paged operation)';
  if (!small || !large || small === large) return { name, target, measured: 'needs two scales', status: 'N/A', margin: 'n/a' };
  const extraEntities = large.resources.iamEntities - small.resources.iamEntities;
  const allowance = Math.ceil(extraEntities / PAGE_SIZE) + 1;
  const ops = new Set([...iamOps(small), ...iamOps(large)]);
  const over: string[] = [];
  for (const op of ops) {
    const delta = (large.calls.byOperation[op] ?? 0) - (small.calls.byOperation[op] ?? 0);
    const allowed = POLLING_OPERATIONS.has(op) ? POLL_ALLOWANCE : isPaged(op) ? allowance : 0;
    if (delta > allowed) over.push(`${op} +${delta} (allowed ${allowed})`);
  }
  // moto answers GetAccountAuthorizationDetails in one page; AWS pages it (MaxItems defaults to 100).
  const gaadNote = large.calls.byOperation['iam:GetAccountAuthorizationDetails'] === 1
    ? `; moto returns GetAccountAuthorizationDetails unpaged, AWS would take ~${Math.ceil(large.resources.iamEntities / PAGE_SIZE)} pages`
    : '';
  return {
    name,
    target,
    measured: `${small.iamCalls} → ${large.iamCalls} calls while users ${small.scale.users} → ${large.scale.users} (IAM entities +${extraEntities})${gaadNote}`,
    status: over.length === 0 ? 'PASS' : 'MISS',
    margin: over.length === 0 ? `+${large.iamCalls - small.iamCalls} calls` : over.join('; '),
  };
}

function iamOps(point: PointResult): string[] {
  return Object.keys(point.calls.byOperation).filter((op) => op.startsWith('iam:'));
}

function isPaged(op: string): boolean {
  const name = op.slice(op.indexOf(':') + 1);
  return name.startsWith('List') || name === 'GetAccountAuthorizationDetails';
}

/** A "measured ≤ limit" target with the margin in the target's unit and relative to the limit. */
function limitTarget(name: string, target: string, measured: number, limit: number, unit: string, digits: number): TargetResult {
  const ok = measured <= limit;
  const diff = Math.abs(limit - measured);
  return {
    name,
    target,
    measured: `${measured.toFixed(digits)} ${unit}`,
    status: ok ? 'PASS' : 'MISS',
    margin: `${ok ? 'under' : 'over'} by ${diff.toFixed(digits)} ${unit} (${((measured / limit) * 100).toFixed(0)}% of limit)`,
  };
}
