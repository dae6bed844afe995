import { describe, expect, it } from 'vitest';
import { buildDigestInput } from '../../lib/digest/build-input.js';
import { renderDigest } from '../../lib/digest/render.js';
import { findingKey, type Finding } from '../../lib/model/finding.js';
import type { ScanRun } from '../../lib/model/run.js';
import type { FindingState } from '../../lib/model/finding-state.js';
import type { FindingsStore, SuppressionStore } from '../../lib/store/types.js';
import type { Suppression } from '../../lib/model/suppressions.js';
import type { Transition } from '../../lib/model/transitions.js';

/** A tiny in-memory double of our own store interfaces: only what buildDigestInput reads. */
class MemoryFindings implements FindingsStore {
  constructor(
    readonly states: FindingState[],
    readonly transitions: Transition[],
    readonly runs: ScanRun[],
  ) {}
  recordRun(): never {
    throw new Error('not used');
  }
  async getRun(id: string) {
    return this.runs.find((r) => r.id === id);
  }
  async listRuns(q: { from?: string; to?: string } = {}) {
    return this.runs
      .filter((r) => (!q.from || r.startedAt >= q.from) && (!q.to || r.startedAt <= q.to))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }
  async currentFindings() {
    return this.states;
  }
  async transitionsSince(since: string) {
    return this.transitions.filter((t) => t.at > since).sort((a, b) => a.at.localeCompare(b.at));
  }
  async runOpenCounts(q: { from: string; to: string }) {
    return this.runs
      .filter((r) => r.startedAt >= q.from && r.startedAt <= q.to)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}

class MemorySuppressions implements SuppressionStore {
  constructor(readonly items: Suppression[]) {}
  create(): never {
    throw new Error('not used');
  }
  revoke(): never {
    throw new Error('not used');
  }
  async list(q: { includeRevoked?: boolean } = {}) {
    return this.items.filter((s) => q.includeRevoked || !s.revokedAt);
  }
}

const NOW = new Date('2025-07-13T07:00:00.000Z');
const PERIOD = { from: '2025-07-06T07:00:00.000Z', to: '2025-07-13T07:00:00.000Z' };

function finding(id: string, o: Partial<Finding> = {}): Finding {
  return {
    checkId: 's3_bucket_default_encryption',
    title: 'S3 default encryption',
    citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
    severity: 'high',
    status: 'FAIL',
    resource: { arn: `arn:aws:s3:::${id}`, id, type: 'AWS::S3::Bucket', region: 'us-east-1', accountId: '111122223333' },
    reason: `Bucket ${id} is not encrypted.`,
    remediation: 'Enable default encryption.',
    ...o,
  };
}

function state(f: Finding, o: Partial<FindingState> = {}): FindingState {
  return {
    key: findingKey(f),
    finding: f,
    status: f.status,
    firstSeenAt: '2025-01-01T00:00:00.000Z',
    ...(f.status === 'FAIL' ? { failingSince: '2025-03-01T00:00:00.000Z' } : {}),
    lastSeenAt: '2025-07-13T06:00:00.000Z',
    lastChangedAt: '2025-07-13T06:00:00.000Z',
    lastRunId: 'run-2',
    gone: false,
    everResolved: false,
    ...o,
  };
}

function transition(f: Finding, kind: Transition['kind'], at: string): Transition {
  return { key: findingKey(f), runId: 'run-2', at, kind, finding: f };
}

const run = (id: string, status: ScanRun['status'], startedAt: string, accountIds = ['111122223333']): ScanRun => ({
  id,
  startedAt,
  finishedAt: startedAt,
  accountIds,
  regions: ['us-east-1'],
  status,
  counts: { PASS: 0, FAIL: 0, ERROR: 0, NOT_APPLICABLE: 0, SUPPRESSED: 0 },
  collectionErrors: status === 'PARTIAL' ? [{ code: 'AccessDenied', message: 'no', operation: 's3:GetBucketEncryption', accountId: '111122223333' }] : [],
});

function fixture() {
  const newFail = finding('new-bucket');
  const regressed = finding('again-bucket', { severity: 'critical' });
  const fixed = finding('fixed-bucket', { status: 'PASS' });
  const flapped = finding('flapped-bucket', { status: 'PASS' });
  const old = finding('old-bucket');
  const errored = finding('us-west-2', { status: 'ERROR', checkId: 'cloudtrail_enabled', citations: ['164.312(b)'], reason: 'AccessDenied on cloudtrail:DescribeTrails.' });
  const suppressed = finding('legacy-1', { status: 'SUPPRESSED', suppression: { id: 'sup-soon', reason: 'r', approvedBy: 'Dana', expiresAt: '2025-07-20T00:00:00.000Z' } });
  const contact = finding('111122223333', {
    checkId: 'account_security_contact_designated',
    citations: ['164.308(a)(2)'],
    resource: { arn: 'arn:aws:iam::111122223333:root', id: '111122223333', type: 'AWS::::Account', region: 'global', accountId: '111122223333' },
    status: 'PASS',
    reason: 'SECURITY contact of 111122223333 is old.officer@acme.example.',
  });
  const states = [
    state(newFail),
    state(regressed, { everResolved: true, failingSince: '2025-07-11T06:00:00.000Z' }),
    state(fixed),
    state(flapped),
    state(old, { failingSince: '2024-12-01T00:00:00.000Z' }),
    state(errored, { lastAssessedStatus: 'FAIL', lastChangedAt: '2025-07-12T06:00:00.000Z' }),
    state(suppressed),
    state(contact),
    state(finding('deleted-bucket'), { gone: true }),
  ];
  const transitions = [
    transition(newFail, 'NEW', '2025-07-08T06:00:00.000Z'),
    transition({ ...flapped, status: 'FAIL' }, 'NEW', '2025-07-09T06:00:00.000Z'),
    transition(flapped, 'RESOLVED', '2025-07-10T06:00:00.000Z'),
    transition(fixed, 'RESOLVED', '2025-07-11T06:00:00.000Z'),
    transition(regressed, 'REGRESSED', '2025-07-11T06:00:00.000Z'),
    transition(old, 'PERSISTING', '2025-07-12T06:00:00.000Z'),
    // After the period: must not be counted.
    transition(finding('future'), 'NEW', '2025-07-14T06:00:00.000Z'),
  ];
  const runs = [run('run-1', 'COMPLETE', '2025-07-07T06:00:00.000Z', ['111122223333', '444455556666']), run('run-2', 'PARTIAL', '2025-07-12T06:00:00.000Z')];
  const sups: Suppression[] = [
    { id: 'sup-soon', accountId: '111122223333', checkId: 's3_bucket_default_encryption', resourcePattern: 'arn:aws:s3:::legacy-*', reason: 'Decommissioning', approvedBy: 'Dana', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-07-20T00:00:00.000Z' },
    { id: 'sup-late', accountId: '*', checkId: 'x', resourcePattern: '*', reason: 'Far away', approvedBy: 'Dana', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:00:00.000Z' },
    { id: 'sup-expired', accountId: '*', checkId: 'y', resourcePattern: '*', reason: 'Lapsed', approvedBy: 'Dana', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-07-03T07:00:00.000Z' },
    { id: 'sup-revoked', accountId: '*', checkId: 'z', resourcePattern: '*', reason: 'Revoked', approvedBy: 'Dana', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-07-01T00:00:00.000Z', revokedAt: '2025-06-01T00:00:00.000Z' },
  ];
  return { store: new MemoryFindings(states, transitions, runs), suppressions: new MemorySuppressions(sups) };
}

async function build(extra: Partial<Parameters<typeof buildDigestInput>[0]> = {}) {
  const { store, suppressions } = fixture();
  return buildDigestInput({ findings: store, suppressions, period: PERIOD, now: NOW, organizationName: 'Acme', officerEmails: ['security@acme.example'], ...extra });
}

describe('buildDigestInput', () => {
  it('lists new and regressed failures still failing, most severe first, and resolved ones', async () => {
    const input = await build();
    expect(input.newFailures.map((f) => [f.kind, f.finding.resource.id])).toEqual([
      ['REGRESSED', 'again-bucket'],
      ['NEW', 'new-bucket'],
    ]);
    // The flapped bucket failed and was fixed within the week: it is "resolved", not a to-do.
    expect(input.resolved.map((r) => r.finding.resource.id)).toEqual(['fixed-bucket', 'flapped-bucket']);
  });

  it('computes posture per HIPAA standard from current states, counting a finding once per standard', async () => {
    const input = await build();
    expect(input.posture.totals).toEqual({ pass: 3, fail: 3, error: 1, suppressed: 1 });
    const access = input.postureByStandard.find((r) => r.standard === '164.312(a) Access control');
    // Three failing buckets + two passing + one suppressed; each cites two specs, one of them here.
    expect(access?.current).toEqual({ pass: 2, fail: 3, error: 0, suppressed: 1 });
    expect(input.postureByStandard.map((r) => r.standard)).toEqual([
      '164.312(a) Access control',
      '164.312(b) Audit controls',
      '164.312(e) Transmission security',
      '164.308(a)(2) Assigned security responsibility',
    ]);
    expect(access?.previous).toBeUndefined();
  });

  it('carries the previous posture for deltas', async () => {
    const previousPosture = { asOf: '2025-07-06T07:00:00.000Z', totals: { pass: 0, fail: 1, error: 0, suppressed: 0 }, byStandard: { '164.312(d) Person or entity authentication': { pass: 0, fail: 1, error: 0, suppressed: 0 } } };
    const input = await build({ previousPosture });
    const auth = input.postureByStandard.find((r) => r.standard.startsWith('164.312(d)'));
    expect(auth).toEqual({ standard: '164.312(d) Person or entity authentication', current: { pass: 0, fail: 0, error: 0, suppressed: 0 }, previous: previousPosture.byStandard['164.312(d) Person or entity authentication'] });
    expect(renderDigest(input).text).toContain('Open failures: 3 (+2 vs last digest)');
  });

  it('reports oldest open failures with their age, errors with why, and acceptances by expiry', async () => {
    const input = await build();
    expect(input.openFailureCount).toBe(3);
    expect(input.oldestOpenFailures.map((o) => [o.finding.resource.id, o.ageDays])).toEqual([
      ['old-bucket', 224],
      ['new-bucket', 134],
      ['again-bucket', 2],
    ]);
    expect(input.errors).toHaveLength(1);
    expect(input.errors[0]).toMatchObject({ lastAssessedStatus: 'FAIL', finding: { reason: 'AccessDenied on cloudtrail:DescribeTrails.' } });
    expect(input.expiringAcceptances.map((a) => [a.id, a.days, a.findingCount])).toEqual([['sup-soon', 7, 1]]);
    expect(input.expiredAcceptances.map((a) => [a.id, a.days])).toEqual([['sup-expired', 10]]);
  });

  it('takes the latest run per account and reports the worst status', async () => {
    const input = await build();
    expect(input.runs.map((r) => r.id)).toEqual(['run-2', 'run-1']);
    expect(input.runStatus).toBe('PARTIAL');
    expect(input.accounts).toEqual(['111122223333', '444455556666']);
    expect(input.runs[0]?.collectionErrorCount).toBe(1);
  });

  it('reports NONE when no run finished in the period', async () => {
    const input = await build({ period: { from: '2025-07-13T06:30:00.000Z', to: '2025-07-13T07:00:00.000Z' } });
    expect(input.runStatus).toBe('NONE');
    expect(renderDigest(input).subject).toMatch(/\(no audit run\)$/);
  });

  it('compares the SECURITY contact with the configured officer', async () => {
    const differs = await build();
    expect(differs.securityContact.accounts).toEqual([
      { accountId: '111122223333', status: 'DIFFERS', detail: 'SECURITY contact of 111122223333 is old.officer@acme.example.' },
      { accountId: '444455556666', status: 'NOT_ASSESSED' },
    ]);
    const ok = await build({ officerEmails: ['Old.Officer@acme.example'] });
    expect(ok.securityContact.accounts[0]?.status).toBe('OK');
  });

  it('validates the bundle link', async () => {
    await expect(build({ bundleLink: { url: 'javascript:alert(1)' } })).rejects.toThrow();
    const input = await build({ bundleLink: { url: 'https://x.example/b.zip', expiresAt: '2025-07-20T00:00:00.000Z' } });
    expect(input.bundleLink?.url).toBe('https://x.example/b.zip');
  });

  it('lists every acceptance in force with scope, approver and the expiry date as entered; catch-alls first and prominent', async () => {
    const { store } = fixture();
    const sups: Suppression[] = [
      { id: 'sup-dec', accountId: '111122223333', checkId: 's3_bucket_versioning_enabled', resourcePattern: 'arn:aws:s3:::scratch-*', reason: 'Scratch data', approvedBy: 'Dana', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2026-12-05' },
      { id: 'sup-all', accountId: '*', checkId: 'iam_root_mfa_enabled', resourcePattern: '*:*', reason: 'Migration', approvedBy: 'Sam', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-09-30' },
    ];
    const input = await buildDigestInput({ findings: store, suppressions: new MemorySuppressions(sups), period: PERIOD, now: NOW, organizationName: 'Acme', officerEmails: [] });
    expect(input.activeAcceptances.map((a) => [a.id, a.expiresOn, a.allResources])).toEqual([
      ['sup-all', '2025-09-30', true],
      ['sup-dec', '2026-12-05', false],
    ]);
    const { html, text } = renderDigest(input);
    // The date the officer entered, never the exclusive end (2026-12-06).
    expect(text).toContain('until 2026-12-05: s3_bucket_versioning_enabled on arn:aws:s3:::scratch-*, account 111122223333; Scratch data; approved by Dana');
    expect(text).not.toContain('2026-12-06');
    expect(text).toContain('!!! 1 risk acceptance(s) cover EVERY resource of a check (the check is effectively off) !!!\n* iam_root_mfa_enabled on EVERY resource (*:*), every account; approved by Sam; until 2025-09-30');
    expect(text.indexOf('EVERY resource')).toBeLessThan(text.indexOf('\nHeadline\n'));
    expect(html).toContain('1 risk acceptance covers every resource of a check');
  });

  it('states the thresholds the runs used, marking weaker ones and those below HIPAA', async () => {
    const { store, suppressions } = fixture();
    const weakened = {
      values: { auditLogRetentionDays: 365, passwordMinLength: 8 },
      weakerThanDefault: [{ key: 'auditLogRetentionDays', value: 365, default: 2192 }, { key: 'passwordMinLength', value: 8, default: 14 }],
      belowHipaaMinimum: [{ key: 'auditLogRetentionDays', value: 365, minimum: 2192, citation: '164.316(b)(2)(i)' }],
    };
    const runs = (await store.listRuns()).map((r) => ({ ...r, thresholds: weakened }));
    const input = await buildDigestInput({ findings: new MemoryFindings(store.states, store.transitions, runs), suppressions, period: PERIOD, now: NOW, organizationName: 'Acme', officerEmails: [] });
    const { html, text } = renderDigest(input);
    expect(text).toContain("!!! Scanned with thresholds below what HIPAA requires: auditLogRetentionDays 365, below HIPAA's 2192 (164.316(b)(2)(i); explicit override) !!!");
    expect(text).toContain('Scanned with thresholds weaker than the defaults: auditLogRetentionDays 365 (default 2192); passwordMinLength 8 (default 14)');
    expect(text).toContain('Thresholds: BELOW HIPAA MINIMUM: auditLogRetentionDays 365');
    expect(html).toContain('Scanned with thresholds below what HIPAA requires');
    const defaults = renderDigest(await build()).text;
    expect(defaults).toContain('Thresholds: not recorded by these runs');
  });
});
