import { describe, expect, it } from 'vitest';
import { applySuppressions, matchesPattern, validateSuppressionInput } from '../../lib/model/suppressions.js';
import { ACCOUNT, KNOWN_CHECKS, OTHER_ACCOUNT, finding, suppression } from './fixtures.js';

const now = new Date('2025-03-01T12:00:00.000Z');

describe('applySuppressions', () => {
  it('suppresses a matching FAIL with a reference to the acceptance', () => {
    const [out] = applySuppressions([finding()], [suppression()], now);
    expect(out).toMatchObject({
      status: 'SUPPRESSED',
      suppression: { id: 'acc-1', reason: 'Legacy bucket, migration planned', approvedBy: 'Privacy Officer', expiresAt: '2025-06-30' },
    });
  });

  it('applies through the whole expiry day, then the FAIL comes back with a note', () => {
    const s = suppression({ expiresAt: '2025-03-01' });
    expect(applySuppressions([finding()], [s], new Date('2025-03-01T23:59:59.000Z'))[0]?.status).toBe('SUPPRESSED');
    const [after] = applySuppressions([finding()], [s], new Date('2025-03-02T00:00:00.000Z'));
    expect(after?.status).toBe('FAIL');
    expect(after?.reason).toContain('risk acceptance acc-1 expired 2025-03-01');
    expect(after?.suppression).toBeUndefined();
  });

  it('ignores revoked acceptances and non-FAIL findings', () => {
    expect(applySuppressions([finding()], [suppression({ revokedAt: '2025-02-01T00:00:00.000Z' })], now)[0]).toEqual(finding());
    expect(applySuppressions([finding({ status: 'ERROR' }), finding({ status: 'PASS' })], [suppression()], now).map((f) => f.status)).toEqual([
      'ERROR',
      'PASS',
    ]);
  });

  it('matches account exactly or *, check exactly, resource by ARN or id glob', () => {
    const f = finding({ id: 'legacy-phi-1' });
    expect(applySuppressions([f], [suppression({ resourcePattern: 'arn:aws:s3:::legacy-*' })], now)[0]?.status).toBe('SUPPRESSED');
    expect(applySuppressions([f], [suppression({ resourcePattern: 'legacy-*', accountId: '*' })], now)[0]?.status).toBe('SUPPRESSED');
    expect(applySuppressions([f], [suppression({ resourcePattern: 'legacy-*', accountId: OTHER_ACCOUNT })], now)[0]?.status).toBe('FAIL');
    expect(applySuppressions([f], [suppression({ resourcePattern: 'legacy-*', checkId: 'iam_root_mfa' })], now)[0]?.status).toBe('FAIL');
    expect(applySuppressions([f], [suppression({ resourcePattern: 'legacy-phi' })], now)[0]?.status).toBe('FAIL');
  });

  it('treats regex characters in patterns literally', () => {
    expect(matchesPattern('arn:aws:s3:::a.b*', 'arn:aws:s3:::a.bc')).toBe(true);
    expect(matchesPattern('arn:aws:s3:::a.b*', 'arn:aws:s3:::axbc')).toBe(false);
    expect(matchesPattern('arn:aws:iam::*:user/(x)', `arn:aws:iam::${ACCOUNT}:user/(x)`)).toBe(true);
  });
});

describe('validateSuppressionInput', () => {
  const good = {
    checkId: 's3_bucket_encryption',
    resourcePattern: 'arn:aws:s3:::legacy-*',
    reason: 'Compensating control: bucket is private and empty',
    approvedBy: 'Jane Doe',
    expiresAt: '2025-12-31',
  };

  it('accepts a complete input and defaults the account to *', () => {
    expect(validateSuppressionInput(good, KNOWN_CHECKS, now)).toEqual({ ok: true, value: { ...good, accountId: '*' } });
  });

  it.each([
    [{ reason: '  ' }, 'a reason is required'],
    [{ approvedBy: undefined }, 'an approver is required'],
    [{ expiresAt: '31/12/2025' }, 'is not a valid YYYY-MM-DD date'],
    [{ expiresAt: '2025-02-30' }, 'is not a valid YYYY-MM-DD date'],
    [{ expiresAt: '2025-02-28' }, 'is in the past'],
    [{ expiresAt: '2028-03-02' }, 'more than 3 years out'],
    [{ expiresAt: undefined }, 'an expiry date is required'],
    [{ checkId: 's3_bucket_encrypton' }, 'unknown check id "s3_bucket_encrypton"; did you mean one of: s3_bucket_encryption'],
    [{ resourcePattern: '*' }, 'too broad'],
    [{ accountId: '1234' }, 'not a 12-digit account id'],
  ])('rejects %j with a clear message', (patch, message) => {
    const result = validateSuppressionInput({ ...good, ...patch }, KNOWN_CHECKS, now);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join('\n')).toContain(message);
  });

  it('accepts today and exactly the limit; the limit is configurable', () => {
    expect(validateSuppressionInput({ ...good, expiresAt: '2025-03-01' }, KNOWN_CHECKS, now).ok).toBe(true);
    expect(validateSuppressionInput({ ...good, expiresAt: '2028-03-01' }, KNOWN_CHECKS, now).ok).toBe(true);
    expect(validateSuppressionInput({ ...good, expiresAt: '2026-03-02' }, KNOWN_CHECKS, now, { maxYears: 1 }).ok).toBe(false);
  });

  it('reports every problem at once', () => {
    const result = validateSuppressionInput({}, KNOWN_CHECKS, now);
    expect(result.ok ? 0 : result.errors.length).toBe(5);
  });
});
