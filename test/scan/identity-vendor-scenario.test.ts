import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThresholdsSchema } from '../../lib/checks/thresholds.js';
import type { Finding } from '../../lib/model/finding.js';
import { scanAccount, type ScanResult } from '../../lib/scan/scan-account.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';

// Issue 13, "Done when" (identity and business associates): a user who is an administrator through a group,
// and a role trusting an unknown external account, are both FAIL on the principal, with the path and the
// account id, through the real scan (collectors against moto, every check, the scan's findings).
const REGION = 'us-east-1';
const UNKNOWN_ACCOUNT = '999988887777';
const VENDOR_ACCOUNT = '111122223333';

let moto: MotoServer;
let scan: ScanResult;

function finding(checkId: string, resourceId: string): Finding {
  const matches = scan.findings.filter((f) => f.checkId === checkId && f.resource.id === resourceId);
  expect(matches, `${checkId} ${resourceId}: ${JSON.stringify(scan.findings.filter((f) => f.checkId === checkId))}`).toHaveLength(1);
  return matches[0] as Finding;
}

beforeAll(async () => {
  // AdministratorAccess exists in moto only when AWS managed policies are loaded.
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  const iam = new IAMClient({ endpoint: moto.url, region: REGION, credentials: TEST_CREDENTIALS });
  await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  await iam.send(new CreateUserCommand({ UserName: 'dr.grey' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'dr.grey' }));
  const trust = (account: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] });
  await iam.send(new CreateRoleCommand({ RoleName: 'claims-processor', AssumeRolePolicyDocument: trust(UNKNOWN_ACCOUNT) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'backup-vendor', AssumeRolePolicyDocument: trust(VENDOR_ACCOUNT) }));
  iam.destroy();

  const clients = motoClients(moto);
  // The thresholds are parsed as the CLI parses a --thresholds file.
  const thresholds = ThresholdsSchema.parse({ businessAssociates: [{ accountId: VENDOR_ACCOUNT, name: 'Acme Backup', baaSignedOn: '2025-06-30' }] });
  scan = await scanAccount({ clients, regions: [REGION], thresholds });
  clients.destroy();
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

describe('scan: administrators and vendor trust (moto)', () => {
  it('fails the user who is an administrator through a group, naming the path', () => {
    const f = finding('iam_user_no_admin_access', 'dr.grey');
    expect(f).toMatchObject({
      status: 'FAIL',
      citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)', '164.308(a)(3)(ii)(A)'],
      resource: { arn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:user/dr.grey`, type: 'AWS::IAM::User', region: 'global', accountId: MOTO_ACCOUNT_ID },
    });
    expect(f.reason).toBe('IAM user dr.grey can do everything via group admins -> AdministratorAccess');
    expect(finding('iam_group_no_admin_access', 'admins')).toMatchObject({ status: 'FAIL', reason: 'IAM group admins can do everything via AdministratorAccess' });
  });

  it('fails the role trusting an unknown external account, naming the account, and passes the registered vendor', () => {
    const f = finding('iam_role_external_trust_known_vendor', `claims-processor/${UNKNOWN_ACCOUNT}`);
    expect(f).toMatchObject({
      status: 'FAIL',
      severity: 'high',
      citations: ['164.308(b)(1)', '164.314(a)(1)', '164.312(a)(1)'],
      resource: { arn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/claims-processor#trusted-account/${UNKNOWN_ACCOUNT}`, type: 'AWS::IAM::Role', region: 'global' },
    });
    expect(f.reason).toBe(
      `IAM role claims-processor trusts account ${UNKNOWN_ACCOUNT}, an unknown external account not in businessAssociates; no sts:ExternalId required; no organization condition`,
    );
    expect(finding('iam_role_external_trust_known_vendor', `backup-vendor/${VENDOR_ACCOUNT}`).status).toBe('PASS');
  });

  it('reports Access Analyzer and Artifact as ERROR against moto, which does not emulate them (never PASS)', () => {
    const statuses = scan.findings.filter((f) => f.checkId.startsWith('accessanalyzer_') || f.checkId === 'artifact_baa_accepted').map((f) => f.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['ERROR']));
    expect(scan.run.status).toBe('PARTIAL');
  });
});

describe('businessAssociates threshold', () => {
  it('rejects an account id that is not 12 digits and a malformed BAA date', () => {
    expect(ThresholdsSchema.safeParse({ businessAssociates: [{ accountId: '1234', name: 'x' }] }).success).toBe(false);
    expect(ThresholdsSchema.safeParse({ businessAssociates: [{ accountId: VENDOR_ACCOUNT, name: 'x', baaSignedOn: '30/06/2025' }] }).success).toBe(false);
    expect(ThresholdsSchema.parse({}).businessAssociates).toEqual([]);
  });
});
