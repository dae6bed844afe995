import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamChecks } from '../../lib/checks/iam/index.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import type { CheckStatus } from '../../lib/model/status.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor, snapshotOf } from '../support/snapshot.js';

const REGION = 'us-east-1';
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const VENDOR = '111122223333';
const UNKNOWN = '999988887777';
const LISTED_NO_BAA = '444455556666';
const doc = (...Statement: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement });
const EVERYTHING = { Effect: 'Allow', Action: '*', Resource: '*' };
const READ = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::records/*' };
const trust = (AWS: string, Condition?: object): string =>
  doc({ Effect: 'Allow', Principal: { AWS }, Action: 'sts:AssumeRole', ...(Condition ? { Condition } : {}) });

let moto: MotoServer;
let snapshot: AccountSnapshot;
let orgId = '';

function check(id: string): CheckDefinition {
  const found = iamChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

const THRESHOLDS = {
  businessAssociates: [
    { accountId: VENDOR, name: 'Acme Backup', baaSignedOn: '2024-03-01' },
    { accountId: LISTED_NO_BAA, name: 'Pending Analytics' },
  ],
};

function run(id: string, snap: AccountSnapshot = snapshot): CheckResult[] {
  return evaluateCheck(check(id), snap, { thresholds: THRESHOLDS });
}

/** Status, identity (global IAM resource in the moto account) and that the reason names the resource. */
function expectResult(results: CheckResult[], id: string, status: CheckStatus, reason?: RegExp): CheckResult {
  const r = resultFor(results, id);
  expect(r.status, r.reason).toBe(status);
  expect(r.resource.region).toBe('global');
  expect(r.resource.accountId).toBe(MOTO_ACCOUNT_ID);
  expect(r.reason).toContain(id.split('/')[0] ?? id);
  if (reason) expect(r.reason).toMatch(reason);
  return r;
}

beforeAll(async () => {
  // AWS managed policies (AdministratorAccess) exist in moto only with this flag; it adds ~1 s per
  // GetAccountAuthorizationDetails call (moto returns all ~1,300 of them; AWS returns those in use).
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  const config = { endpoint: moto.url, region: REGION, credentials: TEST_CREDENTIALS };
  const iam = new IAMClient(config);
  const orgs = new OrganizationsClient(config);
  const created = await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  orgId = created.Organization?.Id ?? '';

  const user = (UserName: string) => iam.send(new CreateUserCommand({ UserName }));
  const policy = async (PolicyName: string, document: string) =>
    (await iam.send(new CreatePolicyCommand({ PolicyName, PolicyDocument: document }))).Policy?.Arn ?? '';

  // Administrators by three paths, and two near misses.
  await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: ADMIN_ARN }));
  await user('alice.admin');
  await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'alice.admin' }));
  const fullAccess = await policy('clinic-full-access', doc(EVERYTHING));
  await user('frank.direct');
  await iam.send(new AttachUserPolicyCommand({ UserName: 'frank.direct', PolicyArn: fullAccess }));
  await user('nina.notaction');
  await iam.send(new PutUserPolicyCommand({ UserName: 'nina.notaction', PolicyName: 'near-admin', PolicyDocument: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) }));
  await user('gina.denied');
  await iam.send(new AttachUserPolicyCommand({ UserName: 'gina.denied', PolicyArn: fullAccess }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'gina.denied', PolicyName: 'deny-all', PolicyDocument: doc({ Effect: 'Deny', Action: '*', Resource: '*' }) }));
  const read = await policy('records-read', doc(READ));
  await user('bob.reader');
  await iam.send(new AttachUserPolicyCommand({ UserName: 'bob.reader', PolicyArn: read }));

  // Credentials for MFA: password without MFA, key only, password with MFA, nothing.
  await iam.send(new CreateLoginProfileCommand({ UserName: 'bob.reader', Password: 'Correct-Horse-9' }));
  await user('carol.keys');
  await iam.send(new CreateAccessKeyCommand({ UserName: 'carol.keys' }));
  await user('dave.mfa');
  await iam.send(new CreateLoginProfileCommand({ UserName: 'dave.mfa', Password: 'Correct-Horse-9' }));
  const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'dave.mfa' }));
  await iam.send(
    new EnableMFADeviceCommand({ UserName: 'dave.mfa', SerialNumber: device.VirtualMFADevice?.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }),
  );

  // Groups: one empty, one with an inline policy and a member.
  await iam.send(new CreateGroupCommand({ GroupName: 'empty-group' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'billing' }));
  await iam.send(new PutGroupPolicyCommand({ GroupName: 'billing', PolicyName: 'billing-read', PolicyDocument: doc(READ) }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'billing', UserName: 'bob.reader' }));

  // KMS: decrypt on every key, by Resource "*" and by a wildcard key ARN; and on one named key.
  await policy('kms-decrypt-all', doc({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }));
  await policy('kms-decrypt-one', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:${REGION}:${MOTO_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }));

  // Roles: administrator, workload, service-linked, and the trust relationships.
  const own = trust(`arn:aws:iam::${MOTO_ACCOUNT_ID}:root`);
  await iam.send(new CreateRoleCommand({ RoleName: 'ops-admin', AssumeRolePolicyDocument: own }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ops-admin', PolicyArn: ADMIN_ARN }));
  await iam.send(new CreateRoleCommand({ RoleName: 'ehr-app', AssumeRolePolicyDocument: own }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ehr-app', PolicyArn: read }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'ehr-app', PolicyName: 'kms-any', PolicyDocument: doc({ Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:*:key/*' }) }));
  await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'vendor-backup', AssumeRolePolicyDocument: trust(VENDOR, { StringEquals: { 'sts:ExternalId': 'acme-7' } }) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'unknown-vendor', AssumeRolePolicyDocument: trust(`arn:aws:iam::${UNKNOWN}:root`) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'pending-vendor', AssumeRolePolicyDocument: trust(`arn:aws:iam::${LISTED_NO_BAA}:role/etl`) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'public-role', AssumeRolePolicyDocument: trust('*') }));
  await iam.send(new CreateRoleCommand({ RoleName: 'org-role', AssumeRolePolicyDocument: trust('*', { StringEquals: { 'aws:PrincipalOrgID': orgId } }) }));
  iam.destroy();
  orgs.destroy();

  const clients = motoClients(moto);
  snapshot = await collectSnapshot(clients, { regions: [REGION], families: ['iam'] });
  clients.destroy();
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('per-principal administrator access (moto)', () => {
  it('fails users who can do everything and names the path', () => {
    const results = run('iam_user_no_admin_access');
    expectResult(results, 'alice.admin', 'FAIL', /via group admins -> AdministratorAccess$/);
    expectResult(results, 'frank.direct', 'FAIL', /via clinic-full-access$/);
    expectResult(results, 'nina.notaction', 'FAIL', /via inline policy near-admin \(every action except iam:\*\)/);
    expectResult(results, 'gina.denied', 'PASS', /inline policy deny-all denies every action/);
    const bob = expectResult(results, 'bob.reader', 'PASS');
    expect(bob.resource).toMatchObject({ type: 'AWS::IAM::User', arn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:user/bob.reader` });
  });

  it('fails groups and roles with AdministratorAccess and skips service-linked roles', () => {
    expectResult(run('iam_group_no_admin_access'), 'admins', 'FAIL', /via AdministratorAccess$/);
    expectResult(run('iam_group_no_admin_access'), 'billing', 'PASS');
    const roles = run('iam_role_no_admin_access');
    expectResult(roles, 'ops-admin', 'FAIL', /via AdministratorAccess$/);
    expectResult(roles, 'ehr-app', 'PASS');
    expect(roles.filter((r) => r.resource.id.startsWith('AWSServiceRole'))).toEqual([]);
  });
});

describe('KMS decrypt on all keys (moto)', () => {
  it('fails customer policies allowing kms:Decrypt on every key', () => {
    const results = run('iam_policy_no_kms_decrypt_all_keys');
    expectResult(results, 'kms-decrypt-all', 'FAIL', /allows kms:Decrypt on all KMS keys/);
    expectResult(results, 'clinic-full-access', 'FAIL', /allows kms:Decrypt, kms:ReEncryptFrom/);
    expectResult(results, 'kms-decrypt-one', 'PASS');
    expectResult(results, 'records-read', 'PASS');
  });

  it('fails inline policies allowing kms:* on a wildcard key ARN', () => {
    const results = run('iam_inline_policy_no_kms_decrypt_all_keys');
    expectResult(results, 'ehr-app', 'FAIL', /policy kms-any allowing kms:Decrypt, kms:ReEncryptFrom on all KMS keys/);
    expectResult(results, 'billing', 'PASS');
  });
});

describe('inline policies and group membership (moto)', () => {
  it('fails groups and roles with inline policies', () => {
    expectResult(run('iam_group_no_inline_policies'), 'billing', 'FAIL', /billing-read/);
    expectResult(run('iam_group_no_inline_policies'), 'admins', 'PASS');
    expectResult(run('iam_role_no_inline_policies'), 'ehr-app', 'FAIL', /kms-any/);
    expectResult(run('iam_role_no_inline_policies'), 'ops-admin', 'PASS');
  });

  it('fails empty groups', () => {
    expectResult(run('iam_group_has_members'), 'empty-group', 'FAIL', /no members/);
    expectResult(run('iam_group_has_members'), 'admins', 'PASS', /alice\.admin/);
  });
});

describe('MFA for every credential (moto)', () => {
  it('fails password and access-key users without MFA, passes MFA users, skips users without credentials', () => {
    const results = run('iam_user_mfa_enabled_all');
    expectResult(results, 'bob.reader', 'FAIL', /console password but no MFA/);
    expectResult(results, 'carol.keys', 'FAIL', /active access key but no MFA/);
    expectResult(results, 'dave.mfa', 'PASS');
    expectResult(results, 'alice.admin', 'NOT_APPLICABLE');
  });

  it('exempts access-key-only users when mfaRequiredForAccessKeyUsers is false', () => {
    const results = evaluateCheck(check('iam_user_mfa_enabled_all'), snapshot, { thresholds: { mfaRequiredForAccessKeyUsers: false } });
    expectResult(results, 'carol.keys', 'NOT_APPLICABLE');
    expectResult(results, 'bob.reader', 'FAIL');
  });
});

describe('external trust and the business-associate register (moto)', () => {
  it('passes a listed vendor with a BAA and fails unknown or unsigned accounts, one finding per role and account', () => {
    const results = run('iam_role_external_trust_known_vendor');
    const vendor = expectResult(results, `vendor-backup/${VENDOR}`, 'PASS', /business associate Acme Backup \(BAA signed 2024-03-01\); sts:ExternalId required/);
    expect(vendor.resource.arn).toBe(`arn:aws:iam::${MOTO_ACCOUNT_ID}:role/vendor-backup#trusted-account/${VENDOR}`);
    expectResult(results, `unknown-vendor/${UNKNOWN}`, 'FAIL', new RegExp(`trusts account ${UNKNOWN}, an unknown external account.*no sts:ExternalId required; no organization condition`));
    expectResult(results, `pending-vendor/${LISTED_NO_BAA}`, 'FAIL', /listed as Pending Analytics but without a BAA date/);
    // Same-account trust (ehr-app, ops-admin) and wildcard principals are not findings of this check.
    expect(results.map((r) => r.resource.id).sort()).toEqual([`pending-vendor/${LISTED_NO_BAA}`, `unknown-vendor/${UNKNOWN}`, `vendor-backup/${VENDOR}`]);
  });

  it('fails an unknown account without a register entry when no thresholds are given', () => {
    const results = evaluateCheck(check('iam_role_external_trust_known_vendor'), snapshot);
    expectResult(results, `vendor-backup/${VENDOR}`, 'FAIL', /unknown external account/);
  });

  it('fails a trust policy open to "*" and passes one restricted to this organization', () => {
    const results = run('iam_role_trust_not_public');
    expectResult(results, 'public-role', 'FAIL', /trusts any AWS principal \("\*"\); no conditions/);
    expectResult(results, 'org-role', 'PASS', new RegExp(`restricted to this organization ${orgId}`));
    expectResult(results, 'unknown-vendor', 'PASS');
  });

  it('reports ERROR, not FAIL, for unknown accounts when the organization could not be read', () => {
    // moto answers DescribeOrganization for any caller; AccessDenied is produced by editing the collected part.
    const denied = snapshotOf({
      iam: {
        ...snapshot.iam,
        organization: { error: { code: 'AccessDeniedException', message: 'not authorized', operation: 'organizations:DescribeOrganization' } },
      },
    });
    const results = run('iam_role_external_trust_known_vendor', denied);
    expectResult(results, `unknown-vendor/${UNKNOWN}`, 'ERROR', /organizations:DescribeOrganization failed with AccessDeniedException/);
    expectResult(results, `vendor-backup/${VENDOR}`, 'PASS');
    expectResult(run('iam_role_trust_not_public', denied), 'org-role', 'ERROR');
    expectResult(run('iam_role_trust_not_public', denied), 'public-role', 'FAIL');
  });
});
