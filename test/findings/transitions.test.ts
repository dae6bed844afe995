import { describe, expect, it } from 'vitest';
import { findingKey, type Finding } from '../../lib/model/finding.js';
import { computeTransitions, coveredScopes } from '../../lib/model/transitions.js';
import type { ScanRun } from '../../lib/model/run.js';
import type { FindingState } from '../../lib/model/finding-state.js';
import { ACCOUNT, finding, run } from './fixtures.js';

/** Applies runs in order, as the store does, returning the transition kinds per run for one key. */
function replay(steps: { run: ScanRun; findings: Finding[] }[]) {
  const states = new Map<string, FindingState>();
  const kinds: string[][] = [];
  const written: number[] = [];
  const persisting: number[] = [];
  for (const step of steps) {
    const result = computeTransitions(states, step.run, step.findings);
    for (const s of result.states) states.set(s.key, s);
    kinds.push(result.transitions.map((t) => t.kind));
    written.push(result.states.length);
    persisting.push(result.persisting);
  }
  return { states, kinds, written, persisting };
}

const t = (n: number) => `2025-03-0${n}T06:00:00.000Z`;
const key = findingKey(finding());

describe('computeTransitions', () => {
  it('walks NEW -> (PERSISTING, implied) -> RESOLVED -> REGRESSED and keeps failingSince across a failure', () => {
    const { states, kinds, written, persisting } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding()] },
      { run: run({ id: 'r2', finishedAt: t(2) }), findings: [finding()] },
      { run: run({ id: 'r3', finishedAt: t(3) }), findings: [finding({ status: 'PASS' })] },
      { run: run({ id: 'r4', finishedAt: t(4) }), findings: [finding()] },
    ]);
    expect(kinds).toEqual([['NEW'], [], ['RESOLVED'], ['REGRESSED']]);
    // The unchanged FAIL of r2 is counted as PERSISTING but neither recorded nor rewritten.
    expect(persisting).toEqual([0, 1, 0, 0]);
    expect(written).toEqual([1, 0, 1, 1]);
    const state = states.get(key);
    expect(state).toMatchObject({ status: 'FAIL', firstSeenAt: t(1), failingSince: t(4), everResolved: true, lastRunId: 'r4' });
  });

  it('records no transition for a resource that only ever passed, and NEW when it first fails', () => {
    const { kinds, states } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding({ status: 'PASS' })] },
      { run: run({ id: 'r2', finishedAt: t(2) }), findings: [finding({ status: 'PASS' })] },
      { run: run({ id: 'r3', finishedAt: t(3) }), findings: [finding()] },
    ]);
    expect(kinds).toEqual([[], [], ['NEW']]);
    expect(states.get(key)?.failingSince).toBe(t(3));
  });

  it('keeps no state for a check that never applied; NEW when it first fails, RESOLVED (with a state) when it stops applying', () => {
    const { kinds, written, states } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding({ status: 'NOT_APPLICABLE' })] },
      { run: run({ id: 'r2', finishedAt: t(2) }), findings: [finding({ status: 'NOT_APPLICABLE' })] },
      { run: run({ id: 'r3', finishedAt: t(3) }), findings: [finding()] },
      { run: run({ id: 'r4', finishedAt: t(4) }), findings: [finding({ status: 'NOT_APPLICABLE' })] },
      { run: run({ id: 'r5', finishedAt: t(5) }), findings: [finding({ status: 'NOT_APPLICABLE' })] },
    ]);
    expect(kinds).toEqual([[], [], ['NEW'], ['RESOLVED'], []]);
    expect(written).toEqual([0, 0, 1, 1, 0]);
    // First seen is when it first had a state: the first failure (the signed findings of r1 and r2 still list it).
    expect(states.get(key)).toMatchObject({ status: 'NOT_APPLICABLE', firstSeenAt: t(3), everResolved: true });
    // A resource that vanished while never applicable leaves nothing to mark GONE.
    expect(replay([{ run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding({ status: 'NOT_APPLICABLE' })] }, { run: run({ id: 'r2', finishedAt: t(2) }), findings: [] }]).kinds).toEqual([[], []]);
  });

  it('marks GONE only in a scope the run assessed, and keeps the state', () => {
    const west = finding({ id: 'west-bucket', region: 'us-west-2' });
    const first = computeTransitions(new Map(), run({ id: 'r1', finishedAt: t(1), regions: ['us-east-1', 'us-west-2'] }), [finding(), west]);
    const previous = new Map(first.states.map((s) => [s.key, s]));
    // r2 covered only us-east-1 and reported nothing there: the east bucket is gone, west is unknown.
    const second = computeTransitions(previous, run({ id: 'r2', finishedAt: t(2), regions: ['us-east-1'] }), []);
    expect(second.transitions).toEqual([expect.objectContaining({ key, kind: 'GONE', from: 'FAIL' })]);
    expect(second.states).toEqual([expect.objectContaining({ key, gone: true, status: 'FAIL', lastChangedAt: t(2) })]);
    expect(second.states[0]?.failingSince).toBeUndefined();
  });

  it('treats a failure that reappears after GONE as REGRESSED', () => {
    const { kinds } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding()] },
      { run: run({ id: 'r2', finishedAt: t(2) }), findings: [] },
      { run: run({ id: 'r3', finishedAt: t(3) }), findings: [finding()] },
    ]);
    expect(kinds).toEqual([['NEW'], ['GONE'], ['REGRESSED']]);
  });

  it('never resolves or drops a FAIL on ERROR, and records ERRORED once', () => {
    const { kinds, states, written, persisting } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding()] },
      { run: run({ id: 'r2', finishedAt: t(2), status: 'PARTIAL' }), findings: [finding({ status: 'ERROR' })] },
      { run: run({ id: 'r3', finishedAt: t(3), status: 'PARTIAL' }), findings: [finding({ status: 'ERROR' })] },
      { run: run({ id: 'r4', finishedAt: t(4) }), findings: [finding()] },
    ]);
    // ERROR -> FAIL is an implied PERSISTING (the failure never stopped), but the state changed and is written.
    expect(kinds).toEqual([['NEW'], ['ERRORED'], [], []]);
    expect(persisting).toEqual([0, 0, 0, 1]);
    expect(written).toEqual([1, 1, 0, 1]);
    expect(states.get(key)).toMatchObject({ status: 'FAIL', failingSince: t(1), everResolved: false });
  });

  it('keeps lastAssessedStatus FAIL while erroring', () => {
    const { states } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding()] },
      { run: run({ id: 'r2', finishedAt: t(2) }), findings: [finding({ status: 'ERROR' })] },
    ]);
    expect(states.get(key)).toMatchObject({ status: 'ERROR', lastAssessedStatus: 'FAIL', failingSince: t(1) });
  });

  it('a PARTIAL run with collection errors in a region neither resolves nor GONEs what it could not assess', () => {
    const other = finding({ id: 'other-bucket' });
    const first = computeTransitions(new Map(), run({ id: 'r1', finishedAt: t(1) }), [finding(), other]);
    const previous = new Map(first.states.map((s) => [s.key, s]));
    const partial = run({
      id: 'r2',
      finishedAt: t(2),
      status: 'PARTIAL',
      collectionErrors: [{ code: 'AccessDenied', message: 'denied', operation: 's3:GetBucketEncryption', accountId: ACCOUNT, region: 'us-east-1' }],
    });
    // Only `other` was actually assessed (PASS); phi-bucket is missing because its call failed.
    const second = computeTransitions(previous, partial, [finding({ id: 'other-bucket', status: 'PASS' })]);
    expect(second.transitions.map((x) => [x.key, x.kind])).toEqual([[findingKey(other), 'RESOLVED']]);
  });

  it('a regionless collection error blocks GONE for the whole account; a FAILED run covers nothing', () => {
    const r = run({ id: 'r', finishedAt: t(1), regions: ['us-east-1', 'eu-west-1'] });
    expect([...coveredScopes(r, [])].sort()).toEqual([`${ACCOUNT}#eu-west-1`, `${ACCOUNT}#us-east-1`]);
    expect([...coveredScopes(r, [finding({ region: 'global' })])]).toContain(`${ACCOUNT}#global`);
    const iamError = { code: 'Throttling', message: 'slow down', operation: 'iam:ListUsers', accountId: ACCOUNT };
    expect(coveredScopes({ ...r, status: 'PARTIAL', collectionErrors: [iamError] }, []).size).toBe(0);
    expect(coveredScopes({ ...r, status: 'FAILED' }, []).size).toBe(0);
  });

  it('records SUPPRESSED and UNSUPPRESSED as acceptances start and end', () => {
    const suppressed = { ...finding(), status: 'SUPPRESSED' as const };
    const { kinds, states } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding()] },
      { run: run({ id: 'r2', finishedAt: t(2) }), findings: [suppressed] },
      { run: run({ id: 'r3', finishedAt: t(3) }), findings: [suppressed] },
      { run: run({ id: 'r4', finishedAt: t(4) }), findings: [finding()] },
    ]);
    expect(kinds).toEqual([['NEW'], ['SUPPRESSED'], [], ['UNSUPPRESSED']]);
    // The failure never stopped underneath the acceptance, so its age is honest.
    expect(states.get(key)?.failingSince).toBe(t(1));
  });

  it('is idempotent for the same run and ignores older runs', () => {
    const r1 = run({ id: 'r1', finishedAt: t(2) });
    const first = computeTransitions(new Map(), r1, [finding()]);
    const previous = new Map(first.states.map((s) => [s.key, s]));
    expect(computeTransitions(previous, r1, [finding()])).toEqual({ states: [], transitions: [], persisting: 0 });
    expect(computeTransitions(previous, run({ id: 'r0', finishedAt: t(1) }), [finding({ status: 'PASS' })]).transitions).toEqual([]);
  });

  it('keeps the FAIL when a run reports the same key twice', () => {
    const result = computeTransitions(new Map(), run({ id: 'r1', finishedAt: t(1) }), [finding({ status: 'PASS' }), finding()]);
    expect(result.states).toHaveLength(1);
    expect(result.states[0]?.status).toBe('FAIL');
  });

  it('rewrites an unchanged-status state when its finding changed, without a transition', () => {
    const { kinds, written, states } = replay([
      { run: run({ id: 'r1', finishedAt: t(1) }), findings: [finding({ status: 'PASS' })] },
      { run: run({ id: 'r2', finishedAt: t(2) }), findings: [finding({ status: 'PASS' })] },
      { run: run({ id: 'r3', finishedAt: t(3) }), findings: [{ ...finding({ status: 'PASS' }), reason: 'Encrypted with a customer key now' }] },
    ]);
    expect(kinds).toEqual([[], [], []]);
    expect(written).toEqual([1, 0, 1]);
    expect(states.get(key)).toMatchObject({ lastChangedAt: t(1), lastSeenAt: t(3), finding: { reason: 'Encrypted with a customer key now' } });
  });

  it('does not GONE states of checks that did not run', () => {
    const first = computeTransitions(new Map(), run({ id: 'r1', finishedAt: t(1) }), [finding()]);
    const previous = new Map(first.states.map((s) => [s.key, s]));
    const result = computeTransitions(previous, run({ id: 'r2', finishedAt: t(2) }), [], { evaluatedCheckIds: new Set(['iam_root_mfa']) });
    expect(result.transitions).toEqual([]);
  });
});
