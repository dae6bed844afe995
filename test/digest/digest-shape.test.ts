import { describe, expect, it } from 'vitest';
import type { FindingState } from '../../lib/model/finding-state.js';
import { rankFixFirst } from '../../lib/digest/fix-first.js';
import { postureSentence } from '../../lib/digest/posture-sentence.js';
import { renderDigest } from '../../lib/digest/render.js';
import { MAX_HTML_BYTES } from '../../lib/digest/size-guard.js';
import { computeTrend } from '../../lib/digest/trend.js';
import type { RunOpenCounts } from '../../lib/store/run-counts.js';
import { digestFinding, sampleDigestInput } from './fixtures.js';

function state(id: string, severity: FindingState['finding']['severity'], failingSince: string): FindingState {
  const f = digestFinding({ id, severity });
  return { key: f.key, finding: { ...f, status: 'FAIL' }, status: 'FAIL', firstSeenAt: failingSince, failingSince, lastSeenAt: failingSince, lastChangedAt: failingSince, lastRunId: 'r', gone: false, everResolved: false };
}

describe('posture sentence', () => {
  const base = sampleDigestInput();
  it('is red with the critical and high counts and what is new', () => {
    expect(postureSentence(base)).toEqual({ tone: 'bad', sentence: '1 critical, 8 high, 10 medium and 5 low failures open; 3 new this week; 2 check results could not be assessed.' });
  });
  it('is amber when only medium/low fail or something is not assessed, green only when neither', () => {
    const mediumOnly = { ...base, openBySeverity: { critical: 0, high: 0, medium: 2, low: 0 }, newFailures: [] };
    expect(postureSentence(mediumOnly)).toEqual({ tone: 'warn', sentence: '2 medium failures open; 0 new this week; 2 check results could not be assessed.' });
    const clean = { ...base, openBySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, newFailures: [], posture: { ...base.posture, totals: { pass: 9, fail: 0, error: 0, suppressed: 0 } } };
    expect(postureSentence(clean).tone).toBe('ok');
    expect(postureSentence({ ...clean, posture: { ...clean.posture, totals: { pass: 9, fail: 0, error: 1, suppressed: 0 } } }).tone).toBe('warn');
    expect(postureSentence({ ...clean, posture: { ...clean.posture, totals: { pass: 0, fail: 0, error: 0, suppressed: 0 } } }).tone).toBe('warn');
  });
});

describe('rankFixFirst', () => {
  it('ranks by severity, then new or regressed, then age, keeping all critical/high up to 10', () => {
    const old = state('old-high', 'high', '2025-01-01T00:00:00.000Z');
    const fresh = state('new-high', 'high', '2025-07-10T00:00:00.000Z');
    const critical = state('critical', 'critical', '2025-07-12T00:00:00.000Z');
    const lows = Array.from({ length: 8 }, (_, i) => state(`low-${i}`, 'low', `2024-0${i + 1}-01T00:00:00.000Z`));
    const ranked = rankFixFirst([{ state: old }, { state: fresh, change: 'NEW' }, ...lows.map((s) => ({ state: s })), { state: critical }]);
    expect(ranked.map((r) => r.state.finding.resource.id)).toEqual(['critical', 'new-high', 'old-high', 'low-0', 'low-1']);
    const manyHigh = Array.from({ length: 14 }, (_, i) => ({ state: state(`h${i}`, 'high', '2025-01-01T00:00:00.000Z') }));
    expect(rankFixFirst(manyHigh)).toHaveLength(10);
  });
});

describe('computeTrend', () => {
  const counts = (critical: number, high: number, notAssessed = 0) => ({ critical, high, medium: 0, low: 0, notAssessed });
  const runOf = (id: string, finishedAt: string, byAccount: RunOpenCounts['openCountsByAccount']): RunOpenCounts => ({
    id, startedAt: finishedAt, finishedAt, accountIds: Object.keys(byAccount ?? { a: 0 }), counts: { PASS: 0, FAIL: 4, ERROR: 1, NOT_APPLICABLE: 0, SUPPRESSED: 0 }, ...(byAccount ? { openCountsByAccount: byAccount } : {}),
  });
  it('sums the newest run per account at the end of each week, with gaps before the first run', () => {
    const to = new Date('2025-07-13T07:00:00.000Z');
    const runs = [
      runOf('w10-a', '2025-06-28T06:00:00.000Z', { a: counts(1, 5, 2) }),
      runOf('w11-b', '2025-07-01T06:00:00.000Z', { b: counts(0, 3) }),
      runOf('w12-a', '2025-07-12T06:00:00.000Z', { a: counts(0, 4) }),
    ];
    const trend = computeTrend(runs, to);
    expect(trend).toHaveLength(12);
    expect(trend.slice(0, 9).every((p) => p.open === undefined)).toBe(true);
    expect(trend[9]?.open).toMatchObject({ critical: 1, high: 5, notAssessed: 2 });
    expect(trend[10]?.open).toMatchObject({ critical: 1, high: 8, notAssessed: 2 });
    expect(trend[11]).toEqual({ weekEnding: '2025-07-13T07:00:00.000Z', open: { critical: 0, high: 7, medium: 0, low: 0, severityNotRecorded: 0, notAssessed: 0 } });
  });
  it('counts an old run item without severities as "severity not recorded"', () => {
    const [point] = computeTrend([runOf('old', '2025-07-12T06:00:00.000Z', undefined)], new Date('2025-07-13T07:00:00.000Z'), 1);
    expect(point?.open).toMatchObject({ severityNotRecorded: 4, notAssessed: 1 });
  });
});

describe('digest size guard', () => {
  it('keeps a digest with thousands of findings and very long texts under 100 KB, counting the rest', () => {
    const long = 'x'.repeat(20_000);
    const base = sampleDigestInput();
    const many = Array.from({ length: 5_000 }, (_, i) => digestFinding({ id: `bucket-${i}-${'y'.repeat(200)}`, reason: long, remediation: long, title: `Title ${long}` }));
    const huge = sampleDigestInput({
      organizationName: `Org ${long}`,
      accounts: Array.from({ length: 3_000 }, (_, i) => String(100000000000 + i)),
      newFailures: many.map((finding) => ({ kind: 'NEW', at: '2025-07-10T06:00:00.000Z', finding })),
      resolved: many.map((finding) => ({ at: '2025-07-10T06:00:00.000Z', finding })),
      oldestOpenFailures: many.map((finding) => ({ failingSince: '2025-01-01T00:00:00.000Z', ageDays: 193, finding })),
      openFailureCount: 5_000,
      fixFirst: many.slice(0, 10).map((finding) => ({ failingSince: '2025-01-01T00:00:00.000Z', ageDays: 193, finding })),
      errors: many.map((finding) => ({ since: '2025-07-10T06:00:00.000Z', finding })),
      securityContact: { officerEmails: base.securityContact.officerEmails, accounts: Array.from({ length: 3_000 }, (_, i) => ({ accountId: String(100000000000 + i), status: 'MISSING' as const, detail: long })) },
    });
    const { html, text } = renderDigest(huge);
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeLessThanOrEqual(MAX_HTML_BYTES);
    // What is left out is still counted: fix first shows 10 of 5,000, each other list at least one.
    expect(html.includes('and 4990 more.')).toBe(true);
    expect(/and 499[5-9] more\./.test(html)).toBe(true);
    expect(html.includes('cut; full text in the evidence bundle')).toBe(true);
    expect(/and 499[5-9] more\./.test(text)).toBe(true);
  });

  it('leaves an ordinary digest untouched', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).not.toContain('cut; full text');
    expect(Buffer.byteLength(html)).toBeLessThan(MAX_HTML_BYTES);
  });
});
