import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding.js';
import { OCSF_VERSION, renderOcsfJson, renderOcsfJsonLines, toOcsfFindings } from '../../lib/report/ocsf.js';
import { finding, run } from '../findings/fixtures.js';
import { validateWithPyOcsfModels } from './validate-ocsf.js';

const RUN = run({ id: 'run-20261123T060000Z-abcdefgh', finishedAt: '2026-11-23T06:05:00.000Z' });
const SUPPRESSED: Finding = {
  ...finding({ status: 'SUPPRESSED', id: 'scratch' }),
  suppression: { id: 'acc-1', reason: 'No PHI (SEC-12)', approvedBy: 'J. Doe', expiresAt: '2027-03-31' },
};
const GLOBAL_USER: Finding = {
  ...finding({ status: 'FAIL', checkId: 'iam_user_console_mfa_enabled', citations: ['164.312(d)', '164.308(a)(5)(ii)(D)'], severity: 'critical' }),
  resource: { arn: 'arn:aws:iam::111122223333:user/billing.bob', id: 'billing.bob', type: 'AWS::IAM::User', region: 'global', accountId: '111122223333' },
};
const EVERY_STATUS: Finding[] = [
  finding({ status: 'PASS', id: 'phi' }),
  finding({ status: 'FAIL', id: 'exports', severity: 'medium' }),
  finding({ status: 'ERROR', id: 'unreadable', severity: 'low' }),
  finding({ status: 'NOT_APPLICABLE', id: 'na' }),
  SUPPRESSED,
  GLOBAL_USER,
];

describe('OCSF Compliance Finding output', () => {
  it('validates every status, a global resource and a suppression against py-ocsf-models (OCSF ' + OCSF_VERSION + ')', async () => {
    const result = await validateWithPyOcsfModels(renderOcsfJsonLines(RUN, EVERY_STATUS));
    expect(result.output).toBe(`valid ${EVERY_STATUS.length} ${OCSF_VERSION}`);
    expect(result.ok).toBe(true);
  });

  it('is rejected by the validator when an attribute is unknown or mistyped (the validation is not vacuous)', async () => {
    const [event] = toOcsfFindings(RUN, [finding()]);
    const unknown = { ...event, compliance: { ...event?.compliance, verdict: 'FAIL' } };
    const mistyped = { ...event, time: '2026-11-23' };
    const result = await validateWithPyOcsfModels(`${JSON.stringify(unknown)}\n${JSON.stringify(mistyped)}\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('line 1: $.compliance.verdict: not an attribute of the model');
    expect(result.output).toMatch(/line 2: .*time/s);
  });

  it('maps status, severity, citations, resource, remediation and the run as documented', () => {
    const events = toOcsfFindings(RUN, EVERY_STATUS);
    expect(events.map((e) => [e.status_code, e.compliance.status_id, e.status_id])).toEqual([
      ['PASS', 1, 1], ['FAIL', 3, 1], ['ERROR', 2, 1], ['NOT_APPLICABLE', 99, 1], ['SUPPRESSED', 3, 3], ['FAIL', 3, 1],
    ]);
    const user = events[5];
    expect(user).toMatchObject({
      class_uid: 2003, category_uid: 2, type_uid: 200301, severity_id: 5, severity: 'Critical',
      time: Date.parse('2026-11-23T06:05:00.000Z'),
      status_detail: GLOBAL_USER.reason,
      metadata: { version: OCSF_VERSION, correlation_uid: RUN.id, event_code: 'iam_user_console_mfa_enabled', product: { name: 'hipaa-audit' } },
      compliance: { requirements: ['164.312(d)', '164.308(a)(5)(ii)(D)'], control: 'iam_user_console_mfa_enabled' },
      resources: [{ uid: 'arn:aws:iam::111122223333:user/billing.bob', type: 'AWS::IAM::User', region: 'global', cloud_partition: 'aws' }],
      cloud: { provider: 'AWS', account: { uid: '111122223333', type_id: 10 } },
      remediation: { references: ['https://www.ecfr.gov/current/title-45/part-164/section-164.312#p-164.312(d)', 'https://www.ecfr.gov/current/title-45/part-164/section-164.308#p-164.308(a)(5)(ii)(D)'] },
    });
    expect(user?.cloud.region).toBeUndefined();
    expect(user?.compliance.desc).toContain('164.312(d) Person or entity authentication (Required)');
    expect(events[4]?.status_detail).toContain('No PHI (SEC-12)');
    expect(events[4]?.unmapped?.suppression.approvedBy).toBe('J. Doe');
  });

  it('gives a finding the same uid in every run and different findings different uids', () => {
    const later = run({ id: 'run-20261124T060000Z-zzzzzzzz', finishedAt: '2026-11-24T06:05:00.000Z' });
    const first = toOcsfFindings(RUN, EVERY_STATUS).map((e) => e.finding_info.uid);
    const second = toOcsfFindings(later, EVERY_STATUS).map((e) => e.finding_info.uid);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('writes a JSON array and JSON Lines with the same events', () => {
    const array = JSON.parse(renderOcsfJson(RUN, EVERY_STATUS)) as unknown[];
    const lines = renderOcsfJsonLines(RUN, EVERY_STATUS).trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual(array);
    expect(array).toHaveLength(EVERY_STATUS.length);
  });
});
