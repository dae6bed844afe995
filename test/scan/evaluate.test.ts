import { describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../lib/checks/evaluate.js';
import { accountResource, fail, pass } from '../../lib/checks/kit/results.js';
import { defineCheck } from '../../lib/checks/types.js';
import { findCollectionErrors } from '../../lib/scan/collection-errors.js';
import { snapshotOf } from '../support/snapshot.js';

// These checks read only the envelope, so no family part is collected: every family is empty.
const snapshot = snapshotOf({}, { accountId: '123456789012', regions: ['us-east-1'], collectedAt: '2026-01-01T00:00:00.000Z' });

const passing = defineCheck({
  id: 'test_account_passes', title: 'passes', service: 'test', reads: [], citations: ['164.312(b)'], severity: 'low',
  rationale: 'r', remediation: 'fix it',
  evaluate: (s) => [pass(accountResource(s.accountId), `account ${s.accountId} is fine`)],
});
const throwing = defineCheck({
  id: 'test_account_throws', title: 'throws', service: 'test', reads: [], citations: ['164.312(d)'], severity: 'high',
  rationale: 'r', remediation: 'fix it',
  evaluate: () => {
    throw new TypeError('cannot read properties of undefined');
  },
});
const failing = defineCheck({
  id: 'test_account_fails', title: 'fails', service: 'test', reads: [], citations: ['164.312(a)(1)'], severity: 'medium',
  rationale: 'r', remediation: 'do the thing',
  evaluate: (s) => [fail(accountResource(s.accountId), `account ${s.accountId} is not fine`)],
});

describe('evaluateSnapshot', () => {
  it('turns a check that throws into one ERROR and leaves the other checks alone', () => {
    const findings = evaluateSnapshot(snapshot, [passing, throwing, failing], new Date('2026-01-02T00:00:00Z'));
    expect(findings.map((f) => [f.checkId, f.status])).toEqual([
      ['test_account_passes', 'PASS'],
      ['test_account_throws', 'ERROR'],
      ['test_account_fails', 'FAIL'],
    ]);
    expect(findings[1]?.reason).toContain('cannot read properties of undefined');
  });

  it('joins results with the check metadata (citations, severity, remediation)', () => {
    const [finding] = evaluateSnapshot(snapshot, [failing], new Date());
    expect(finding).toMatchObject({
      checkId: 'test_account_fails',
      citations: ['164.312(a)(1)'],
      severity: 'medium',
      remediation: 'do the thing',
      resource: { id: '123456789012', type: 'AWS::::Account', accountId: '123456789012' },
    });
  });
});

describe('findCollectionErrors', () => {
  it('lists every failed part with its region', () => {
    const errors = findCollectionErrors({
      iam: { passwordPolicy: { error: { code: 'AccessDenied', message: 'no', operation: 'iam:GetAccountPasswordPolicy' } } },
      logging: { regions: { 'eu-west-1': { trails: { error: { code: 'ThrottlingException', message: 'slow', operation: 'cloudtrail:DescribeTrails' } } } } },
      storage: { regions: { 'eu-west-1': { volumes: { data: [] } } } },
    });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'AccessDenied', operation: 'iam:GetAccountPasswordPolicy', path: 'iam.passwordPolicy' }),
      expect.objectContaining({ code: 'ThrottlingException', region: 'eu-west-1' }),
    ]);
    expect(errors[0]?.region).toBeUndefined();
  });
});
