import { describe, expect, it } from 'vitest';
import { runBenchmark, type BenchmarkResults } from '../../bench/benchmark.js';
import { presetScale } from '../../bench/scale.js';

// Structure only: timings depend on the machine, so nothing here asserts on speed.
describe('benchmark at smoke scale', () => {
  it('seeds moto, scans, counts calls and prices the run', { timeout: 240_000 }, async () => {
    const results: BenchmarkResults = await runBenchmark({
      scales: [presetScale('smoke')],
      evalMinMs: 100,
      // esbuild bundling is covered by `npm run bench`; keep the test quick.
      measureBundles: false,
    });

    expect(results.points).toHaveLength(1);
    const point = results.points[0];
    if (!point) throw new Error('no point');
    expect(point.resources.total).toBeGreaterThan(0);
    expect(point.resources.total).toBe(6 + 3 + 3 + 4 + (4 + 2 + 3 + 4 + 3));
    expect(point.calls.total).toBeGreaterThan(0);
    expect(point.calls.byService.iam).toBeGreaterThan(0);
    expect(point.calls.byService.s3).toBeGreaterThan(0);
    expect(point.iamCalls).toBe(point.calls.byService.iam);
    expect(Object.keys(point.calls.byOperation).some((op) => op.startsWith('iam:'))).toBe(true);
    expect(point.callsPerResource).toBeCloseTo(point.calls.total / point.resources.total);
    expect(point.scan.wallSeconds).toBeGreaterThan(0);
    expect(point.memory.peakRssBytes).toBeGreaterThan(0);
    expect(point.memory.maxRssBytes).toBeGreaterThan(0);
    expect(point.findings.total).toBeGreaterThan(0);
    expect(point.evaluation.resultsPerSecond).toBeGreaterThan(0);
    expect(point.evidence.records).toBeGreaterThan(0);
    expect(point.evidence.gzipBytes).toBeGreaterThan(0);

    const cost = point.cost;
    expect(cost.lines.map((l) => l.item)).toEqual(expect.arrayContaining([
      'Lambda compute (arm64)', 'Lambda requests', 'Step Functions (standard)', 'DynamoDB writes', 'DynamoDB reads',
      'DynamoDB storage + PITR + backups', 'S3 PUT/LIST', 'S3 GET/HEAD', 'S3 storage', 'S3 lifecycle transitions', 'KMS (Sign, GetPublicKey)',
    ]));
    for (const line of cost.lines) {
      expect(Number.isFinite(line.firstMonthUsd)).toBe(true);
      expect(Number.isFinite(line.steadyStateUsd)).toBe(true);
      expect(line.formula).not.toBe('');
      expect(line.steadyFormula).not.toBe('');
    }
    for (const value of [cost.totalFirstMonthUsd, cost.totalSteadyStateUsd]) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThan(0);
    }

    // The store was metered from real calls: run 1 writes every state, the steady run only what changed.
    const { firstRun, steadyRun } = point.store;
    expect(firstRun.record.dynamoWrites).toBeGreaterThanOrEqual(point.findings.total);
    expect(steadyRun.changedFindings).toBeGreaterThan(0);
    expect(steadyRun.record.dynamoWrites).toBeLessThanOrEqual(2 * steadyRun.changedFindings + 3);
    expect(steadyRun.record.rru).toBeGreaterThan(0);
    expect(steadyRun.seal.storedBytes).toBeGreaterThan(0);
    // One Sign on AWS; moto answers DIGEST signatures that do not verify, so the RAW fallback signs again.
    expect(steadyRun.seal.kmsRequests.Sign).toBeGreaterThanOrEqual(1);
    expect(results.targets.map((t) => t.name)).toEqual(expect.arrayContaining(['DynamoDB writes per run', 'Cost per account-month, first month']));
    expect(results.targets.find((t) => t.name === 'DynamoDB writes per run')?.status).toBe('PASS');

    expect(results.targets.map((t) => t.name)).toContain('Peak RSS during scan');
    // One point cannot show growth with user count.
    expect(results.targets.find((t) => t.name.startsWith('IAM calls'))?.status).toBe('N/A');
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });
});
