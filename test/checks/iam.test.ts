import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
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
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
  type GetAccountSummaryCommandOutput,
  type GetCredentialReportCommandOutput,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { iamChecks } from '../../lib/checks/iam/index.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { CheckStatus } from '../../lib/model/status.js';
import { collectIam } from '../../lib/collectors/iam/index.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, snapshotOf, type CollectorOverrides } from '../support/snapshot.js';

const REGION = 'us-east-1';
const DAY_MS = 86_400_000;
const ACCOUNT_ARN = `arn:aws:::${MOTO_ACCOUNT_ID}`;
const ADMIN_DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const READ_DOC = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::records/*' }],
});
const TRUST_DOC = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole' }],
});

let moto: MotoServer;
let iam: IAMClient;
let account: AccountClient;

beforeAll(async () => {
  // AWS managed policies are loaded only so a role can have AWSSupportAccess attached.
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  const config = { endpoint: moto.url, region: REGION, credentials: TEST_CREDENTIALS };
  iam = new IAMClient(config);
  account = new AccountClient(config);
});

afterAll(async () => {
  iam?.destroy();
  account?.destroy();
  await moto?.stop();
});

/**
 * moto cannot represent the root user: GetAccountSummary always reports AccountMFAEnabled = 0 and
 * AccountAccessKeysPresent = 0, and the credential report has no <root_account> row. This middleware
 * patches just those fields of moto's real responses; everything else comes from moto unchanged.
 */
interface RootPatch {
  mfaEnabled?: boolean;
  accessKeysPresent?: boolean;
  rootLastUsed?: Date;
}

function clientsWithRoot(patch: RootPatch): AwsClientFactory {
  return motoClients(moto, {
    onClientCreated: (client) => {
      if (client instanceof IAMClient) addRootPatch(client, patch);
    },
  });
}

function addRootPatch(client: IAMClient, patch: RootPatch): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'GetAccountSummaryCommand') {
        const out = result.output as GetAccountSummaryCommandOutput;
        out.SummaryMap = {
          ...out.SummaryMap,
          AccountMFAEnabled: patch.mfaEnabled ? 1 : 0,
          AccountAccessKeysPresent: patch.accessKeysPresent ? 1 : 0,
        };
      }
      if (context.commandName === 'GetCredentialReportCommand' && patch.rootLastUsed) {
        const out = result.output as GetCredentialReportCommandOutput;
        out.Content = withRootRow(out.Content, patch.rootLastUsed);
      }
      return result;
    },
    { step: 'initialize', name: 'motoRootPatch' },
  );
}

function withRootRow(content: Uint8Array | undefined, lastUsed: Date): Uint8Array {
  const [header = '', ...rows] = new TextDecoder().decode(content).split('\n');
  const values: Record<string, string> = {
    user: '<root_account>',
    arn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:root`,
    user_creation_time: '2020-01-01T00:00:00+00:00',
    password_last_used: lastUsed.toISOString().replace(/\.\d+Z$/, '+00:00'),
    mfa_active: 'true',
  };
  const root = header.split(',').map((column) => values[column] ?? (column.endsWith('_active') ? 'false' : 'N/A'));
  return new TextEncoder().encode([header, root.join(','), ...rows].join('\n'));
}

// moto answers GetCredentialReport at once; a short poll keeps the tests fast (the real collector, other options).
const collectIamQuickly: CollectorOverrides = {
  iam: (ctx) => collectIam(ctx, { credentialReportPolling: { attempts: 10, delayMs: 20 } }),
};

async function collect(clients: AwsClientFactory): Promise<AccountSnapshot> {
  const snapshot = await collectSnapshot(clients, { regions: [REGION], families: ['iam'], collectors: collectIamQuickly });
  clients.destroy();
  return snapshot;
}

function run(id: string, snapshot: AccountSnapshot, now: Date, thresholds?: Thresholds): CheckResult[] {
  return evaluateCheck(id, snapshot, { now, thresholds });
}

/** Asserts the result for one resource: status, identity, region, and that the reason names it. */
function expectResult(results: CheckResult[], id: string, status: CheckStatus, arn?: string): CheckResult {
  const r = results.find((x) => x.resource.id === id);
  if (!r) throw new Error(`no result for ${id} in ${JSON.stringify(results)}`);
  // Compared with the reason so a wrong status shows why.
  expect({ status: r.status, reason: r.reason }).toEqual({ status, reason: r.reason });
  expect(r.resource.region).toBe('global');
  expect(r.resource.accountId).toBe(MOTO_ACCOUNT_ID);
  if (arn) expect(r.resource.arn).toBe(arn);
  expect(r.reason).toContain(id);
  return r;
}

const userArn = (name: string): string => `arn:aws:iam::${MOTO_ACCOUNT_ID}:user/${name}`;
const roleArn = (name: string): string => `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/${name}`;
const policyArn = (name: string): string => `arn:aws:iam::${MOTO_ACCOUNT_ID}:policy/${name}`;

describe('iam checks on a non-compliant account (moto)', () => {
  let snapshot: AccountSnapshot;
  let virtualRootMfa: AccountSnapshot;
  let now: Date;
  let later: Date;

  beforeAll(async () => {
    await moto.reset();
    await iam.send(new CreateUserCommand({ UserName: 'shared-ops' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'shared-ops', Password: 'Correct-Horse-42!' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'shared-ops' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'shared-ops', PolicyName: 'ops-inline', PolicyDocument: ADMIN_DOC }));
    const admin = await iam.send(new CreatePolicyCommand({ PolicyName: 'full-admin', PolicyDocument: ADMIN_DOC }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'shared-ops', PolicyArn: admin.Policy?.Arn }));
    await iam.send(
      new CreateRoleCommand({ RoleName: 'long-session', AssumeRolePolicyDocument: TRUST_DOC, MaxSessionDuration: 43_200 }),
    );
    await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com' }));
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, PasswordReusePrevention: 3, MaxPasswordAge: 365, RequireNumbers: true }),
    );
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'root-account-mfa-device' }));
    await account.send(
      new PutAlternateContactCommand({
        AlternateContactType: 'SECURITY',
        Name: 'Ops Inbox',
        Title: 'Shared mailbox',
        EmailAddress: 'ops@example.com',
        PhoneNumber: '+15555550100',
      }),
    );
    now = new Date();
    later = new Date(now.getTime() + 200 * DAY_MS);
    snapshot = await collect(clientsWithRoot({ accessKeysPresent: true, rootLastUsed: new Date(now.getTime() - 2 * DAY_MS) }));
    virtualRootMfa = await collect(clientsWithRoot({ mfaEnabled: true }));
  });

  it('iam_root_mfa_enabled fails when root has no MFA', () => {
    expectResult(run('iam_root_mfa_enabled', snapshot, now), MOTO_ACCOUNT_ID, 'FAIL', ACCOUNT_ARN);
  });

  it('iam_root_hardware_mfa_enabled fails without MFA and with a virtual root device', () => {
    expectResult(run('iam_root_hardware_mfa_enabled', snapshot, now), MOTO_ACCOUNT_ID, 'FAIL', ACCOUNT_ARN);
    const r = expectResult(run('iam_root_hardware_mfa_enabled', virtualRootMfa, now), MOTO_ACCOUNT_ID, 'FAIL');
    expect(r.reason).toContain('root-account-mfa-device');
  });

  it('iam_root_access_keys_absent fails when root has keys', () => {
    expectResult(run('iam_root_access_keys_absent', snapshot, now), MOTO_ACCOUNT_ID, 'FAIL', ACCOUNT_ARN);
  });

  it('iam_root_recent_use fails when root signed in two days ago', () => {
    const r = expectResult(run('iam_root_recent_use', snapshot, now), MOTO_ACCOUNT_ID, 'FAIL', ACCOUNT_ARN);
    expect(r.reason).toContain('2 day(s) ago');
  });

  it('iam_root_recent_use reports ERROR when the report has no root row (plain moto)', () => {
    // Both parts come from moto: this snapshot's iam part with the report of a collection without the root patch.
    const plain = snapshotOf({ iam: { ...snapshot.iam, credentialReport: virtualRootMfa.iam.credentialReport } }, { regions: [REGION] });
    expectResult(run('iam_root_recent_use', plain, now), MOTO_ACCOUNT_ID, 'ERROR');
  });

  it.each([
    ['iam_password_policy_min_length', 'requires 8 characters'],
    ['iam_password_policy_reuse_prevention', 'remembers 3 previous'],
    ['iam_password_policy_max_age', 'after 365 days'],
    ['iam_password_policy_complexity', 'does not require uppercase letters, lowercase letters, symbols'],
  ])('%s fails on a weak password policy', (id, text) => {
    const r = expectResult(run(id, snapshot, now), MOTO_ACCOUNT_ID, 'FAIL', ACCOUNT_ARN);
    expect(r.reason).toContain(text);
  });

  it('iam_user_console_mfa_enabled fails for a console user without MFA', () => {
    expectResult(run('iam_user_console_mfa_enabled', snapshot, now), 'shared-ops', 'FAIL', userArn('shared-ops'));
  });

  it('iam_user_access_key_rotated passes at creation and fails 200 days later', () => {
    expectResult(run('iam_user_access_key_rotated', snapshot, now), 'shared-ops', 'PASS');
    const r = expectResult(run('iam_user_access_key_rotated', snapshot, later), 'shared-ops', 'FAIL', userArn('shared-ops'));
    expect(r.reason).toMatch(/key 1 is 20\d days old/);
  });

  it('iam_user_unused_credentials_disabled fails for credentials never used in 200 days', () => {
    expectResult(run('iam_user_unused_credentials_disabled', snapshot, now), 'shared-ops', 'PASS');
    const r = expectResult(run('iam_user_unused_credentials_disabled', snapshot, later), 'shared-ops', 'FAIL', userArn('shared-ops'));
    expect(r.reason).toContain('console password never used');
    expect(r.reason).toContain('access key 1 never used');
  });

  it('iam_user_no_inline_or_direct_policies fails for a user with its own policies', () => {
    const r = expectResult(run('iam_user_no_inline_or_direct_policies', snapshot, now), 'shared-ops', 'FAIL', userArn('shared-ops'));
    expect(r.reason).toContain('inline ops-inline, attached full-admin');
  });

  it('iam_user_unique_identity fails for a shared user name', () => {
    expectResult(run('iam_user_unique_identity', snapshot, now), 'shared-ops', 'FAIL', userArn('shared-ops'));
  });

  it('iam_policy_no_full_admin_wildcard fails for a "*" on "*" customer policy', () => {
    const r = expectResult(run('iam_policy_no_full_admin_wildcard', snapshot, now), 'full-admin', 'FAIL', policyArn('full-admin'));
    expect(r.resource.type).toBe('AWS::IAM::Policy');
  });

  it('iam_inline_policy_no_full_admin_wildcard fails for a user inline "*" on "*" policy', () => {
    const r = expectResult(run('iam_inline_policy_no_full_admin_wildcard', snapshot, now), 'shared-ops', 'FAIL', userArn('shared-ops'));
    expect(r.resource.type).toBe('AWS::IAM::User');
  });

  it('iam_role_max_session_duration fails for a 12 h role and skips service-linked roles', () => {
    const results = run('iam_role_max_session_duration', snapshot, now);
    const r = expectResult(results, 'long-session', 'FAIL', roleArn('long-session'));
    expect(r.resource.type).toBe('AWS::IAM::Role');
    expect(results).toHaveLength(1);
    expect(snapshot.iam.roleSessions?.data?.some((role) => role.path.startsWith('/aws-service-role/'))).toBe(true);
  });

  it('iam_break_glass_role_present fails without an emergency role', () => {
    expectResult(run('iam_break_glass_role_present', snapshot, now), MOTO_ACCOUNT_ID, 'FAIL', ACCOUNT_ARN);
  });

  it('iam_support_role_exists fails without an AWSSupportAccess role', () => {
    expectResult(run('iam_support_role_exists', snapshot, now), MOTO_ACCOUNT_ID, 'FAIL', ACCOUNT_ARN);
  });

  it('account_security_contact_designated fails when the contact is not the security officer', () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, officerEmails: ['officer@example.com'] };
    const r = expectResult(run('account_security_contact_designated', snapshot, now, thresholds), MOTO_ACCOUNT_ID, 'FAIL');
    expect(r.reason).toContain('ops@example.com');
  });

  it('keeps MFA seeds and phone numbers out of the snapshot', () => {
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('Base32StringSeed');
    expect(text).not.toContain('+15555550100');
  });
});

describe('iam checks on an empty account (moto)', () => {
  let snapshot: AccountSnapshot;
  let now: Date;

  beforeAll(async () => {
    await moto.reset();
    now = new Date();
    snapshot = await collect(motoClients(moto));
  });

  it('reports missing password policy and security contact as FAIL', () => {
    for (const id of ['iam_password_policy_min_length', 'iam_password_policy_complexity']) {
      const r = expectResult(run(id, snapshot, now), MOTO_ACCOUNT_ID, 'FAIL');
      expect(r.reason).toContain('has no IAM password policy');
    }
    const r = expectResult(run('account_security_contact_designated', snapshot, now), MOTO_ACCOUNT_ID, 'FAIL');
    expect(r.reason).toContain('no SECURITY alternate contact');
  });

  it('reports NOT_APPLICABLE when there are no users, roles or policies', () => {
    for (const id of [
      'iam_user_console_mfa_enabled',
      'iam_user_access_key_rotated',
      'iam_user_unique_identity',
      'iam_policy_no_full_admin_wildcard',
      'iam_inline_policy_no_full_admin_wildcard',
      'iam_role_max_session_duration',
    ]) {
      expectResult(run(id, snapshot, now), MOTO_ACCOUNT_ID, 'NOT_APPLICABLE');
    }
  });

  it('root access keys absent passes on plain moto', () => {
    expectResult(run('iam_root_access_keys_absent', snapshot, now), MOTO_ACCOUNT_ID, 'PASS');
  });
});

describe('iam checks on a compliant account (moto)', () => {
  let snapshot: AccountSnapshot;
  let now: Date;

  beforeAll(async () => {
    await moto.reset();
    await iam.send(new CreateUserCommand({ UserName: 'jane.doe' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'jane.doe', Password: 'Correct-Horse-42!' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'jane.doe' }));
    const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'jane.doe' }));
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'jane.doe',
        SerialNumber: device.VirtualMFADevice?.SerialNumber,
        AuthenticationCode1: '123456',
        AuthenticationCode2: '654321',
      }),
    );
    const read = await iam.send(new CreatePolicyCommand({ PolicyName: 'records-read', PolicyDocument: READ_DOC }));
    await iam.send(new CreateGroupCommand({ GroupName: 'clinicians' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'clinicians', PolicyArn: read.Policy?.Arn }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'clinicians', UserName: 'jane.doe' }));
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'emergency-access',
        AssumeRolePolicyDocument: TRUST_DOC,
        MaxSessionDuration: 3_600,
        Tags: [{ Key: 'hipaa-audit:emergency-access', Value: 'true' }],
      }),
    );
    await iam.send(new CreateRoleCommand({ RoleName: 'incident-support', AssumeRolePolicyDocument: TRUST_DOC }));
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: 'incident-support', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }),
    );
    await iam.send(new PutRolePolicyCommand({ RoleName: 'incident-support', PolicyName: 'read', PolicyDocument: READ_DOC }));
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        PasswordReusePrevention: 24,
        MaxPasswordAge: 90,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        RequireNumbers: true,
        RequireSymbols: true,
      }),
    );
    await account.send(
      new PutAlternateContactCommand({
        AlternateContactType: 'SECURITY',
        Name: 'Pat Officer',
        Title: 'HIPAA Security Officer',
        EmailAddress: 'officer@example.com',
        PhoneNumber: '+15555550100',
      }),
    );
    now = new Date();
    snapshot = await collect(clientsWithRoot({ mfaEnabled: true, rootLastUsed: new Date(now.getTime() - 100 * DAY_MS) }));
  });

  it.each([
    'iam_root_mfa_enabled',
    'iam_root_hardware_mfa_enabled',
    'iam_root_access_keys_absent',
    'iam_root_recent_use',
    'iam_password_policy_min_length',
    'iam_password_policy_reuse_prevention',
    'iam_password_policy_max_age',
    'iam_password_policy_complexity',
    'iam_break_glass_role_present',
    'iam_support_role_exists',
  ])('%s passes for the account', (id) => {
    expectResult(run(id, snapshot, now), MOTO_ACCOUNT_ID, 'PASS', ACCOUNT_ARN);
  });

  it.each([
    'iam_user_console_mfa_enabled',
    'iam_user_access_key_rotated',
    'iam_user_unused_credentials_disabled',
    'iam_user_no_inline_or_direct_policies',
    'iam_user_unique_identity',
  ])('%s passes for jane.doe', (id) => {
    expectResult(run(id, snapshot, now), 'jane.doe', 'PASS', userArn('jane.doe'));
  });

  it('iam_policy_no_full_admin_wildcard passes for a scoped customer policy', () => {
    expectResult(run('iam_policy_no_full_admin_wildcard', snapshot, now), 'records-read', 'PASS', policyArn('records-read'));
  });

  it('iam_inline_policy_no_full_admin_wildcard passes for a scoped role inline policy', () => {
    expectResult(run('iam_inline_policy_no_full_admin_wildcard', snapshot, now), 'incident-support', 'PASS', roleArn('incident-support'));
  });

  it('iam_role_max_session_duration passes for one-hour roles', () => {
    const results = run('iam_role_max_session_duration', snapshot, now);
    expectResult(results, 'emergency-access', 'PASS', roleArn('emergency-access'));
    expectResult(results, 'incident-support', 'PASS', roleArn('incident-support'));
  });

  it('account_security_contact_designated passes when the contact is the configured officer', () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, officerEmails: ['Officer@Example.com'] };
    const r = expectResult(run('account_security_contact_designated', snapshot, now, thresholds), MOTO_ACCOUNT_ID, 'PASS');
    expect(r.reason).toContain('officer@example.com');
  });

  it('breaks the time-based user checks 200 days later', () => {
    const later = new Date(now.getTime() + 200 * DAY_MS);
    expectResult(run('iam_user_access_key_rotated', snapshot, later), 'jane.doe', 'FAIL');
    expectResult(run('iam_user_unused_credentials_disabled', snapshot, later), 'jane.doe', 'FAIL');
  });

  it('collects nothing and reports nothing when global services are excluded', async () => {
    const clients = motoClients(moto);
    const empty = await collectSnapshot(clients, { regions: [REGION], families: ['iam'], includeGlobal: false });
    clients.destroy();
    expect(empty.iam).toEqual({});
    for (const check of iamChecks) expect(evaluateCheck(check, empty, { now })).toEqual([]);
  });
});
