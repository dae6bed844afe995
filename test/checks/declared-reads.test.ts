import { describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../lib/checks/evaluate.js';
import { CHECKS } from '../../lib/checks/registry.js';
import { defineCheck } from '../../lib/checks/types.js';
import { familiesToCollect, notCollectedFamilies } from '../../lib/scan/families.js';
import { SNAPSHOT_FAMILIES, type AccountSnapshot, type SnapshotFamily } from '../../lib/snapshot/schema.js';
import { sampleFamily, sampleHeader, SAMPLE_VARIANTS } from '../support/sample-snapshot.js';

const ALL_FAMILIES = Object.keys(SNAPSHOT_FAMILIES) as SnapshotFamily[];
const NOT_COLLECTED = /was not collected in this run/;

/** A snapshot holding sample data for `families` only; every other family throws when read, as in a --checks scan. */
function snapshotWith(families: readonly SnapshotFamily[], variant: number): AccountSnapshot {
  const present = Object.fromEntries(families.map((family) => [family, sampleFamily(family, variant)]));
  return { ...notCollectedFamilies(families), ...sampleHeader(), ...present } as AccountSnapshot;
}

describe('each check declares the snapshot families it reads (what `--checks` collects)', () => {
  // Prepare: the complete sample walks every check's loops; this shows the samples reach the checks' data.
  it('the sample snapshots give most checks something to judge', () => {
    const findings = evaluateSnapshot(snapshotWith(ALL_FAMILIES, 0), CHECKS, new Date('2026-01-02T00:00:00Z'));
    const judged = new Set(findings.filter((f) => f.status === 'PASS' || f.status === 'FAIL').map((f) => f.checkId));
    expect(judged.size).toBeGreaterThan(CHECKS.length * 0.6);
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))('%s reads only what it declares', (_id, check) => {
    expect(check.reads.length).toBeGreaterThan(0);
    for (let variant = 0; variant < SAMPLE_VARIANTS; variant += 1) {
      const findings = evaluateSnapshot(snapshotWith(check.reads, variant), [check], new Date('2026-01-02T00:00:00Z'));
      const undeclared = findings.filter((f) => NOT_COLLECTED.test(f.reason)).map((f) => f.reason);
      expect(undeclared, `variant ${variant}`).toEqual([]);
    }
  });

  it('a check that reads an undeclared family reports ERROR naming the family, never a verdict', () => {
    const sneaky = defineCheck({
      id: 'test_reads_storage_undeclared', title: 't', service: 'test', reads: ['iam'], citations: ['164.312(b)'], severity: 'low',
      rationale: 'r', remediation: 'fix it',
      evaluate: (s) => (Object.keys(s.storage.regions).length > 0 ? [] : []),
    });
    const [finding, ...rest] = evaluateSnapshot(snapshotWith(sneaky.reads, 0), [sneaky], new Date());
    expect(rest).toEqual([]);
    expect(finding?.status).toBe('ERROR');
    expect(finding?.reason).toMatch(/snapshot family "storage" was not collected/);
  });

  it('a selection collects the union of its checks\' families; the whole catalog collects every family', () => {
    const rootMfa = CHECKS.find((c) => c.id === 'iam_root_mfa_enabled');
    expect(rootMfa?.reads).toEqual(['iam']);
    expect(familiesToCollect(rootMfa ? [rootMfa] : [], false)).toEqual(['iam']);
    expect(familiesToCollect(CHECKS, true)).toEqual(ALL_FAMILIES);
  });
});
