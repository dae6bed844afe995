import { AccountClient, GetAlternateContactCommand, ResourceNotFoundException } from '@aws-sdk/client-account';
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  IAMServiceException,
  ListRolesCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { genericNameReason } from '../../lib/checks/iam/helpers/user-names.js';
import type { CheckResult } from '../../lib/checks/types.js';
import { parseCredentialReport } from '../../lib/collectors/iam/credential-report-csv.js';
import { collectIam } from '../../lib/collectors/iam/index.js';
import { parsePolicyDocument } from '../../lib/collectors/iam/policy-document.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, TEST_CREDENTIALS } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, snapshotOf } from '../support/snapshot.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT_ROW =
  '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2024-05-01T10:00:00+00:00,not_supported,not_supported,true,' +
  'false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const BOB_ROW =
  'bob,arn:aws:iam::123456789012:user/bob,2024-01-01T00:00:00+00:00,true,no_information,2024-01-01T00:00:00+00:00,N/A,false,' +
  'true,2024-01-01T00:00:00+00:00,2024-06-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const REPORT = `${HEADER}\n${ROOT_ROW}\n${BOB_ROW}\n`;
const NOW = new Date('2024-06-10T00:00:00Z');

function accessDenied(operation: string): IAMServiceException {
  return new IAMServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
    message: `User: arn:aws:sts::123456789012:assumed-role/auditor/x is not authorized to perform: iam:${operation}`,
  });
}

function run(id: string, snapshot: AccountSnapshot): CheckResult[] {
  return evaluateCheck(id, snapshot, { now: NOW });
}

async function collectMocked(attempts = 5): Promise<AccountSnapshot> {
  const clients = new AwsClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  const snapshot = await collectSnapshot(clients, {
    regions: ['us-east-1'],
    families: ['iam'],
    collectors: { iam: (ctx) => collectIam(ctx, { credentialReportPolling: { attempts, delayMs: 1 } }) },
  });
  clients.destroy();
  return snapshot;
}

// moto always answers these calls successfully for its default credentials, so the failure paths
// (AccessDenied, a report that never finishes) are produced with aws-sdk-client-mock instead.
describe('iam collection failures (aws-sdk-client-mock)', () => {
  const iamMock = mockClient(IAMClient);
  const accountMock = mockClient(AccountClient);

  beforeEach(() => {
    iamMock.reset();
    accountMock.reset();
    iamMock.on(GetAccountAuthorizationDetailsCommand).rejects(accessDenied('GetAccountAuthorizationDetails'));
    iamMock.on(GetAccountPasswordPolicyCommand).rejects(accessDenied('GetAccountPasswordPolicy'));
    iamMock.on(ListRolesCommand).resolves({ Roles: [] });
    iamMock.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [] });
    iamMock.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    iamMock
      .on(GetCredentialReportCommand)
      .rejectsOnce(Object.assign(new Error('Report is being generated'), { name: 'CredentialReportNotReadyException', Code: 'ReportInProgress' }))
      .resolves({ Content: new TextEncoder().encode(REPORT), ReportFormat: 'text/csv', GeneratedTime: NOW });
    accountMock
      .on(GetAlternateContactCommand)
      .rejects(new ResourceNotFoundException({ message: 'No contact of the inputted alternate contact type found.', $metadata: {} }));
  });

  afterEach(() => {
    iamMock.reset();
    accountMock.reset();
  });

  afterAll(() => {
    iamMock.restore();
    accountMock.restore();
  });

  it('reports ERROR for checks that need the denied calls and evaluates the others', async () => {
    const snapshot = await collectMocked();
    for (const id of [
      'iam_user_no_inline_or_direct_policies',
      'iam_user_unique_identity',
      'iam_policy_no_full_admin_wildcard',
      'iam_inline_policy_no_full_admin_wildcard',
      'iam_break_glass_role_present',
      'iam_support_role_exists',
    ]) {
      const [r, ...rest] = run(id, snapshot);
      expect(rest).toHaveLength(0);
      expect(r?.status).toBe('ERROR');
      expect(r?.resource.id).toBe(MOTO_ACCOUNT_ID);
      expect(r?.reason).toContain('iam:GetAccountAuthorizationDetails failed with AccessDenied');
    }
    for (const id of ['iam_password_policy_min_length', 'iam_password_policy_complexity']) {
      expect(run(id, snapshot)[0]?.reason).toContain('iam:GetAccountPasswordPolicy failed with AccessDenied');
    }
    expect(run('iam_root_mfa_enabled', snapshot)[0]?.status).toBe('PASS');
    expect(run('iam_root_hardware_mfa_enabled', snapshot)[0]?.status).toBe('PASS');
    expect(run('iam_role_max_session_duration', snapshot)[0]?.status).toBe('NOT_APPLICABLE');
    expect(run('account_security_contact_designated', snapshot)[0]?.status).toBe('FAIL');
    const bob = run('iam_user_console_mfa_enabled', snapshot);
    expect(bob).toEqual([expect.objectContaining({ status: 'FAIL', resource: expect.objectContaining({ id: 'bob', type: 'AWS::IAM::User' }) })]);
    expect(run('iam_root_recent_use', snapshot)[0]?.status).toBe('PASS');
  });

  it('reports a credential report that never becomes ready as a Timeout ERROR', async () => {
    iamMock
      .on(GetCredentialReportCommand)
      .rejects(Object.assign(new Error('Report is being generated'), { name: 'CredentialReportNotReadyException', Code: 'ReportInProgress' }));
    const snapshot = await collectMocked(3);
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(3);
    const [r] = run('iam_user_console_mfa_enabled', snapshot);
    expect(r?.status).toBe('ERROR');
    expect(r?.reason).toContain('iam:GetCredentialReport failed with Timeout');
    expect(run('iam_root_mfa_enabled', snapshot)[0]?.status).toBe('PASS');
  });
});

describe('iam parsing helpers', () => {
  it('parses the credential report, mapping N/A-style values to null', () => {
    const report = parseCredentialReport(REPORT, null);
    const [root, bob] = report.rows;
    expect(root).toMatchObject({ user: '<root_account>', passwordEnabled: null, passwordLastUsed: '2024-05-01T10:00:00.000Z', mfaActive: true });
    expect(bob).toMatchObject({ user: 'bob', passwordLastUsed: null, accessKey1Active: true, accessKey2LastRotated: null });
  });

  it('URL-decodes and parses policy documents, and returns null for garbage', () => {
    const encoded = encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
    expect(parsePolicyDocument(encoded)).toEqual({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(parsePolicyDocument('{"Statement":[]}')).toEqual({ Statement: [] });
    expect(parsePolicyDocument('%E0%A4%A')).toBeNull();
  });

  it('flags generic user names but not named individuals', () => {
    expect(genericNameReason('Admin1')).toContain('generic name');
    expect(genericNameReason('team-billing')).toContain('"team"');
    expect(genericNameReason('jane.doe')).toBeNull();
    expect(genericNameReason('jane.admin')).toBeNull();
  });

  it('fails a policy document that cannot be parsed as ERROR, not PASS', () => {
    // moto rejects malformed policy documents (MalformedPolicyDocument), so a document the collector
    // could not parse (document: null) is written by hand.
    const broken = { name: 'broken', arn: 'arn:aws:iam::123456789012:policy/broken', path: '/', attachmentCount: 0, defaultVersionId: 'v1', document: null };
    const snapshot = snapshotOf({ iam: { authorization: { data: { users: [], groups: [], roles: [], policies: [broken], awsManagedPolicies: [] } } } });
    expect(run('iam_policy_no_full_admin_wildcard', snapshot)[0]).toMatchObject({ status: 'ERROR', resource: { id: 'broken' } });
  });
});
