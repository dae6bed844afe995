import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeployedSettings } from '../../bench/deployed-defaults.js';
import type { MeasuredPoint } from '../../bench/organization.js';
import type { FinalizeScaleMeasurement } from '../../bench/finalize-scale.js';
import { extrapolate, mapConcurrencyForMargin, type OrganizationMeasurement } from '../../bench/organization-limits.js';
import { keptOrganizationPoints, readResults } from '../../bench/results-file.js';

// The arithmetic of the organization extrapolation, on fixed figures (the measurement itself runs in `npm run bench`).
const measured: OrganizationMeasurement = {
  accounts: 50, scannedAccounts: 51, regions: ['us-east-1', 'us-west-2'], mapConcurrency: 5, regionConcurrency: 4,
  wallSeconds: 318, accountExecutionSeconds: { mean: 31.18, max: 40 }, regionRoundSeconds: 30, largestPayloadBytes: { parent: 300, child: 873 }, historyEvents: { parent: 12, largestChild: 16 },
  longestInvocationByHandler: { 'scan-target.ts': 36, 'finalize-run.ts': 1.03, 'seal-account.ts': 2, 'record-account.ts': 3 },
  finalizeRunPeakRssMb: 252,
};
const deployed = (mapConcurrency: number): DeployedSettings => ({
  mapConcurrency, regionConcurrency: 4, runTimeoutSeconds: 6 * 3600,
  memoryMbByHandler: { 'finalize-run.ts': 1024 }, reservedConcurrency: 6 * mapConcurrency + 5, lambdaConcurrencyQuota: 1000, reservableConcurrency: 900,
});
const limit = (checks: ReturnType<typeof extrapolate>, prefix: string) => {
  const found = checks.find((c) => c.limit.startsWith(prefix));
  if (!found) throw new Error(`no limit ${prefix}`);
  return found;
};

describe('organization extrapolation to 1,000 accounts x 17 regions', () => {
  it('uses the deployed mapConcurrency for the run duration, not the measured one, and flags a margin under 2x', () => {
    // Per account: 31.18 s at 2 regions (one round), + (ceil(17/4) - ceil(2/4)) = 4 more rounds x 30 s = 151.18 s.
    const at5 = limit(extrapolate(measured, deployed(5)), 'run duration');
    expect(at5.extrapolated).toBeCloseTo((1000 / 5) * (31.18 + 4 * 30), 0);
    expect(at5.belowRequiredMargin).toBe(true);
    const at20 = limit(extrapolate(measured, deployed(20)), 'run duration');
    expect(at20.extrapolated).toBeCloseTo((1000 / 20) * (31.18 + 4 * 30), 0);
    expect(at20.margin).toBeCloseTo(21600 / at20.extrapolated, 1);
    expect(at20.belowRequiredMargin).toBe(false);
    expect(at20.formula).toContain('mapConcurrency 20');
    expect(mapConcurrencyForMargin(measured, deployed(20))).toBe(Math.ceil((2 * 1000 * (31.18 + 4 * 30)) / 21600));
  });

  it('scales per-account figures by regions and FinalizeRun by accounts, each with its formula', () => {
    const checks = extrapolate(measured, deployed(20));
    expect(limit(checks, 'state input/output payload, child').extrapolated).toBeCloseTo(873 * 17 / 2, 1);
    expect(limit(checks, 'execution history, child').extrapolated).toBe(16 * 17 / 2);
    expect(limit(checks, 'Lambda duration, FinalizeRun').extrapolated).toBeCloseTo(1.03 * 1000 / 51, 1);
    expect(limit(checks, 'Lambda concurrency').extrapolated).toBe(125);
    expect(limit(checks, 'Lambda concurrency').limitValue).toBe(900);
    expect(limit(checks, 'Distributed Map concurrency').extrapolated).toBe(20);
    for (const c of checks) expect(c.formula).not.toBe('');
    expect(checks.map((c) => c.limit)).toEqual(expect.arrayContaining([
      expect.stringContaining('256 KB'), expect.stringContaining('25,000 events'), expect.stringContaining('15 min'),
      expect.stringContaining('Lambda memory'), expect.stringContaining('Distributed Map concurrency'),
      expect.stringContaining('state machine timeout'), expect.stringContaining('Lambda concurrency'),
    ]));
  });

  it('takes FinalizeRun memory from the direct 1,000-account measurement, never from the tsx points', () => {
    const finalize: FinalizeScaleMeasurement = {
      regions: 17, errorsPerAccount: 340, coverageEntriesPerAccount: 17, accountRunItemBytes: 145_795, baselineRssMb: 187,
      points: [{ accounts: 100, peakRssMb: 230, growthMb: 43, seconds: 5, status: 'PARTIAL' }, { accounts: 1000, peakRssMb: 260, growthMb: 73, seconds: 40, status: 'PARTIAL' }],
    };
    // The organization point's own tsx figure (252 MB) plays no part: the 1,000-account figure is taken x 1.
    const memory = limit(extrapolate(measured, deployed(20), finalize), 'Lambda memory');
    expect(memory.extrapolated).toBe(260);
    expect(memory.measured).toBe(260);
    expect(memory.limitValue).toBe(1024);
    expect(memory.margin).toBeCloseTo(1024 / 260, 2);
    expect(memory.belowRequiredMargin).toBe(false);
    expect(memory.formula).toContain('measured at 1000 accounts with items sized for 17 regions');
    expect(memory.formula).toContain('x 1');
  });

  it('reports FinalizeRun memory as below the margin when it was not measured at the target', () => {
    const missing = limit(extrapolate(measured, deployed(20)), 'Lambda memory');
    expect(missing.extrapolated).toBeNaN();
    expect(missing.belowRequiredMargin).toBe(true);
    expect(missing.formula).toContain('not measured');
    const smaller: FinalizeScaleMeasurement = {
      regions: 17, errorsPerAccount: 340, coverageEntriesPerAccount: 17, accountRunItemBytes: 1, baselineRssMb: 187,
      points: [{ accounts: 100, peakRssMb: 230, growthMb: 43, seconds: 5, status: 'PARTIAL' }],
    };
    expect(limit(extrapolate(measured, deployed(20), smaller), 'Lambda memory').belowRequiredMargin).toBe(true);
  });
});

describe('bench results file', () => {
  it('keeps stored points of other sizes, replaces the size measured again, drops points without scannedAccounts', async () => {
    const point = (accounts: number, extra: Partial<MeasuredPoint> = {}) => ({ ...measured, accounts, status: 'SUCCEEDED', runStatus: 'PARTIAL', apiCallsPerAccount: 1, apiCallsByService: {}, longestInvocation: { handler: 'scan-target.ts', seconds: 36 }, ...extra });
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const file = join(dir, 'results.json');
    expect(await readResults(file)).toEqual({});
    const { scannedAccounts: _dropped, ...old } = point(10);
    writeFileSync(file, JSON.stringify({ retryModes: [1], organization: [point(50, { wallSeconds: 1 }), point(200), old] }));
    const stored = await readResults(file);
    expect(stored.retryModes).toEqual([1]);
    const notes: string[] = [];
    const kept = keptOrganizationPoints(stored.organization, [point(50, { wallSeconds: 2 })], (line) => notes.push(line));
    expect(kept.map((p) => p.accounts)).toEqual([200]);
    expect(notes).toEqual([expect.stringContaining('10-account point')]);
    writeFileSync(file, '{ not json');
    await expect(readResults(file)).rejects.toThrow(SyntaxError);
  });
});
