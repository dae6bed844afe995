import { describe, expect, it } from 'vitest';
import { toFinding } from '../../lib/checks/evaluate.js';
import { findCheck } from '../../lib/checks/registry.js';
import { findingKey, type Finding } from '../../lib/model/finding.js';
import { FindingStateSchema, type FindingState } from '../../lib/model/finding-state.js';
import { computeTransitions, TransitionSchema, type Transition } from '../../lib/model/transitions.js';
import { fieldsFromFindingKey, findingKeyAfter, hydrateItem, slimFinding, slimState, slimTransition } from '../../lib/store/slim-items.js';
import { ENTITY, keys, legacyTransitionKeys, stateItem, transitionItem, type Item } from '../../lib/store/table-design.js';
import { ACCOUNT, finding as fixtureFinding, run } from '../findings/fixtures.js';

const day = (n: number) => `2025-03-0${n}T06:00:00.000Z`;

function catalogFinding(checkId: string, status: Finding['status'], resource: Finding['resource'], reason = `${resource.id} is ${status}`): Finding {
  const check = findCheck(checkId);
  if (!check) throw new Error(`test setup: ${checkId} is not in the catalog`);
  return { ...toFinding(check, { status: status === 'SUPPRESSED' ? 'FAIL' : status, resource, reason }), status };
}

const s3 = (name: string, region = 'us-east-1'): Finding['resource'] => ({ arn: `arn:aws:s3:::${name}`, id: name, type: 'AWS::S3::Bucket', region, accountId: ACCOUNT });
const CHECK_REGIONAL = 'cloudtrail_kms_encryption';
const CHECK_GLOBAL = 'iam_root_mfa_enabled';

/** A variety of findings: catalog and retired checks, global region, ARNs with '#' and ':', suppressed, ERROR. */
function findings(status: (name: string) => Finding['status']): Finding[] {
  const suppressed = catalogFinding(CHECK_REGIONAL, 'SUPPRESSED', s3('accepted'));
  return [
    catalogFinding(CHECK_REGIONAL, status('plain'), s3('plain')),
    catalogFinding(CHECK_REGIONAL, status('west'), s3('west', 'us-west-2')),
    catalogFinding(CHECK_GLOBAL, status('root'), { arn: `arn:aws:iam::${ACCOUNT}:root`, id: ACCOUNT, type: 'AWS::::Account', region: 'global', accountId: ACCOUNT }),
    // An ARN with '#' and ':' in its resource part (a key derived from it splits into more than four parts).
    catalogFinding(CHECK_REGIONAL, status('hash'), { arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/app#blue:*', id: '/app#blue', type: 'AWS::Logs::LogGroup', region: 'us-east-1', accountId: ACCOUNT }),
    // A check no longer in this version's catalog: its texts stay inline.
    fixtureFinding({ checkId: 'retired_check', id: 'retired', status: status('retired') }),
    { ...suppressed, suppression: { id: 'acc-1', reason: 'Legacy, migration planned', approvedBy: 'Privacy Officer', expiresAt: '2025-06-30' } },
    // Reworded texts (an older release's wording) are kept.
    { ...catalogFinding(CHECK_REGIONAL, status('reworded'), s3('reworded')), title: 'Older wording', remediation: 'Older remediation' },
  ];
}

/**
 * States and transitions as the state machine makes them, over four runs: first sight; some resolve, error
 * or regress; some vanish (GONE); they come back.
 */
function history(): { states: FindingState[]; transitions: Transition[] } {
  const statusesByRun: ((name: string) => Finding['status'])[] = [
    () => 'FAIL',
    (name) => (name === 'plain' ? 'PASS' : name === 'root' ? 'ERROR' : 'FAIL'),
    (name) => (name === 'plain' ? 'FAIL' : 'NOT_APPLICABLE'),
  ];
  let previous = new Map<string, FindingState>();
  const states: FindingState[] = [];
  const transitions: Transition[] = [];
  const record = (id: string, at: string, found: Finding[], regions = ['us-east-1', 'us-west-2']) => {
    const result = computeTransitions(previous, run({ id, finishedAt: at, regions }, found), found);
    previous = new Map([...previous, ...result.states.map((s) => [s.key, s] as const)]);
    states.push(...result.states);
    transitions.push(...result.transitions);
  };
  statusesByRun.forEach((status, i) => record(`r${i + 1}`, day(i + 1), findings(status)));
  // Run 4 no longer sees anything in us-west-2 or global except the root account: those become GONE.
  record('r4', day(4), findings(() => 'FAIL').filter((f) => f.resource.region !== 'us-west-2'));
  record('r5', day(5), findings(() => 'FAIL').filter((f) => f.resource.region === 'us-east-1'), ['us-west-2']);
  return { states, transitions };
}

const stateRow = (state: FindingState): Item => ({ PK: keys.account(ACCOUNT), SK: keys.state(state.key), entity: ENTITY.state, ...slimState(state) });
const readState = (item: Item) => FindingStateSchema.parse(hydrateItem(item, keys.statePrefix));
const readTransition = (item: Item, keyOf: Parameters<typeof hydrateItem>[1] = keys.transitionPrefix) => TransitionSchema.parse(hydrateItem(item, keyOf));

describe('fieldsFromFindingKey', () => {
  it('reads accountId, region and checkId from the first three parts, and the rest (with its # and :) as the ARN', () => {
    expect(fieldsFromFindingKey(`${ACCOUNT}#global#${CHECK_GLOBAL}#arn:aws:iam::${ACCOUNT}:root`)).toEqual({
      accountId: ACCOUNT, region: 'global', checkId: CHECK_GLOBAL, arn: `arn:aws:iam::${ACCOUNT}:root`,
    });
    expect(fieldsFromFindingKey(`${ACCOUNT}#us-east-1#c#arn:aws:logs:x:1:log-group:/a#b#c:*`)?.arn).toBe('arn:aws:logs:x:1:log-group:/a#b#c:*');
    expect(fieldsFromFindingKey(`${ACCOUNT}#us-east-1#c#`)).toEqual({ accountId: ACCOUNT, region: 'us-east-1', checkId: 'c', arn: '' });
  });

  it('is undefined for a key with fewer than four parts', () => {
    expect(fieldsFromFindingKey('k1')).toBeUndefined();
    expect(fieldsFromFindingKey(`${ACCOUNT}#us-east-1#c`)).toBeUndefined();
  });

  it('inverts findingKey for every finding of the variety', () => {
    for (const f of findings(() => 'FAIL')) {
      expect(fieldsFromFindingKey(findingKey(f))).toEqual({ accountId: f.resource.accountId, region: f.resource.region, checkId: f.checkId, arn: f.resource.arn });
    }
  });
});

describe('slim STATE items', () => {
  const { states } = history();

  it('covers the cases that matter: every status, GONE, resolved, ERROR over a FAIL, suppressed, retired check', () => {
    expect(new Set(states.map((s) => s.status))).toEqual(new Set(['FAIL', 'PASS', 'ERROR', 'NOT_APPLICABLE', 'SUPPRESSED']));
    expect(states.some((s) => s.gone)).toBe(true);
    expect(states.some((s) => s.everResolved)).toBe(true);
    expect(states.some((s) => s.status === 'ERROR' && s.lastAssessedStatus === 'FAIL')).toBe(true);
    expect(states.some((s) => s.lastSeenAt !== s.lastChangedAt)).toBe(true);
    expect(states.some((s) => s.firstSeenAt !== s.lastChangedAt)).toBe(true);
  });

  it('read back exactly as the state they were written from', () => {
    for (const state of states) expect(readState(stateRow(state)), state.key).toEqual(FindingStateSchema.parse(state));
  });

  it('leave out what the key, the state and the schema restore, and keep the reason and everything else', () => {
    const first = states.find((s) => s.finding.resource.id === 'plain' && s.lastRunId === 'r1')!;
    const row = stateRow(first);
    expect(row).toEqual({
      PK: keys.account(ACCOUNT), SK: keys.state(first.key), entity: ENTITY.state,
      status: 'FAIL', lastAssessedStatus: 'FAIL', failingSince: day(1), lastChangedAt: day(1), lastRunId: 'r1',
      finding: { severity: first.finding.severity, reason: 'plain is FAIL', resource: { id: 'plain', type: 'AWS::S3::Bucket' } },
    });
  });

  it('keep what differs from what would restore it', () => {
    const gone = states.find((s) => s.gone)!;
    const row = stateRow(gone);
    expect(row).toMatchObject({ gone: true, firstSeenAt: gone.firstSeenAt, lastSeenAt: gone.lastSeenAt });
    const retired = stateRow(states.find((s) => s.finding.checkId === 'retired_check')!);
    expect(retired.finding).toMatchObject({ title: expect.any(String), citations: expect.any(Array), remediation: expect.any(String) });
    const reworded = stateRow(states.find((s) => s.finding.resource.id === 'reworded')!);
    expect(reworded.finding).toMatchObject({ title: 'Older wording', remediation: 'Older remediation' });
    expect(reworded.finding).not.toHaveProperty('citations');
  });

  it('keep the finding fields a key does not say (a key that is not the finding\'s, an account id with #)', () => {
    const state = states.find((s) => s.finding.resource.id === 'plain')!;
    const odd = { ...state, key: 'k1' };
    expect(stateRow(odd).finding).toMatchObject({ checkId: state.finding.checkId, resource: state.finding.resource });
    expect(readState(stateRow(odd))).toEqual(FindingStateSchema.parse(odd));
    const hashed = { ...state.finding, resource: { ...state.finding.resource, accountId: 'a#b' } };
    const withHash = { ...state, key: findingKey(hashed), finding: hashed };
    expect(stateRow(withHash).finding).toMatchObject({ checkId: hashed.checkId, resource: { accountId: 'a#b', region: 'us-east-1' } });
    expect(readState(stateRow(withHash))).toEqual(FindingStateSchema.parse(withHash));
  });

  it('written before (key and every field inline) read as they are', () => {
    for (const state of states) {
      const full = FindingStateSchema.parse(state);
      expect(readState({ PK: keys.account(ACCOUNT), SK: keys.state(state.key), entity: ENTITY.state, ...full })).toEqual(full);
      // With only the catalog texts and key left out (the previous slim layout).
      const previousLayout = { PK: keys.account(ACCOUNT), SK: keys.state(state.key), entity: ENTITY.state, ...full, key: undefined, finding: slimFinding(state.finding) };
      expect(readState(previousLayout)).toEqual(full);
    }
  });

  it('read back exactly through stateItem, whatever it slims', () => {
    for (const state of states) expect(readState(stateItem(state))).toEqual(FindingStateSchema.parse(state));
  });
});

describe('slim TRANSITION items', () => {
  const { transitions } = history();
  const row = (t: Transition): Item => ({ PK: keys.account(t.finding.resource.accountId), SK: keys.transition(t.at, t.runId, t.key), entity: ENTITY.transition, ...slimTransition(t) });
  const keyOf = findingKeyAfter((item) => keys.transitionsOfRunPrefix(String(item.at), String(item.runId)));

  it('cover every recorded kind, GONE included', () => {
    expect(new Set(transitions.map((t) => t.kind))).toEqual(new Set(['NEW', 'RESOLVED', 'REGRESSED', 'GONE', 'SUPPRESSED', 'ERRORED']));
  });

  it('read back exactly as the transition they were written from, the finding key taken from after the time and run in the sort key', () => {
    for (const t of transitions) expect(readTransition(row(t), keyOf)).toEqual(TransitionSchema.parse(t));
  });

  it('leave out the finding status when it is the status moved to, and keep it on GONE (no `to`)', () => {
    for (const t of transitions) {
      const stored = row(t).finding as Record<string, unknown>;
      expect(stored.status, `${t.kind} ${t.key}`).toBe(t.to === t.finding.status ? undefined : t.finding.status);
      expect(stored).not.toHaveProperty('checkId');
      expect(stored).toHaveProperty('reason', t.finding.reason);
    }
    expect(transitions.some((t) => t.kind === 'GONE' && !('to' in t))).toBe(true);
  });

  it('written before (earlier layout, key and every field inline) read as they are, and through transitionItem exactly', () => {
    for (const t of transitions) {
      const full = TransitionSchema.parse(t);
      expect(readTransition({ PK: legacyTransitionKeys.run(t.runId), SK: `${keys.transitionPrefix}${t.key}`, entity: ENTITY.transition, ...full })).toEqual(full);
      expect(readTransition(transitionItem(t), keyOf)).toEqual(full);
    }
  });
});

describe('a slim item whose check left the catalog', () => {
  it('reads with placeholder texts rather than failing', () => {
    const state = history().states.find((s) => s.finding.resource.id === 'plain')!;
    const { title: _t, citations: _c, remediation: _r, ...rest } = stateRow(state).finding as Record<string, unknown>;
    const renamed = { ...state, key: state.key.replace(CHECK_REGIONAL, 'gone_check') };
    const read = readState({ ...stateRow(renamed), finding: rest });
    expect(read.finding.checkId).toBe('gone_check');
    expect(read.finding.title).toBe('gone_check');
    expect(read.finding.citations).toEqual(["(check gone_check is not in this version's check catalog)"]);
  });
});
