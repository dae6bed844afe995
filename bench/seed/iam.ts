import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreateLoginProfileCommand, CreatePolicyCommand, CreateRoleCommand,
  CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient,
} from '@aws-sdk/client-iam';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import type { ScaleSpec } from '../scale.js';
import { range, seqName, type SeedGroup } from './tasks.js';

const ACCOUNT = '123456789012';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/**
 * Users get a deterministic mix so every IAM check has both outcomes: a third have console
 * passwords (half of those with MFA), half have access keys, every tenth has a managed policy attached.
 * Policies are created first (their ARNs are predictable), so attachments need no lookups.
 */
export function iamSeedGroups(clients: AwsClientFactory, scale: ScaleSpec, homeRegion: string): { first: SeedGroup[]; then: SeedGroup[] } {
  const iam = clients.get(IAMClient, homeRegion);
  const policyName = (i: number): string => seqName('bench-policy', i);
  const policies: SeedGroup = {
    label: 'iam policies',
    tasks: range(scale.policies).map((i) => async () => {
      // Every 50th policy is full admin, so the wildcard check has failures at scale.
      const statement = i % 50 === 0
        ? { Effect: 'Allow', Action: '*', Resource: '*' }
        : { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: `arn:aws:s3:::bench-bucket-${i}/*` };
      await iam.send(new CreatePolicyCommand({
        PolicyName: policyName(i),
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
      }));
    }),
  };
  const roles: SeedGroup = {
    label: 'iam roles',
    tasks: range(scale.roles).map((i) => async () => {
      await iam.send(new CreateRoleCommand({
        RoleName: seqName('bench-role', i),
        AssumeRolePolicyDocument: TRUST,
        // Every fifth role allows 12-hour sessions (automatic logoff finding).
        MaxSessionDuration: i % 5 === 0 ? 43_200 : 3_600,
      }));
    }),
  };
  const users: SeedGroup = {
    label: 'iam users',
    tasks: range(scale.users).map((i) => async () => {
      const UserName = seqName('bench-user', i);
      await iam.send(new CreateUserCommand({ UserName }));
      if (i % 3 === 0) {
        await iam.send(new CreateLoginProfileCommand({ UserName, Password: `Bench-only-placeholder-${i}!` }));
        if (i % 2 === 0) {
          const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: UserName }));
          await iam.send(new EnableMFADeviceCommand({
            UserName, SerialNumber: mfa.VirtualMFADevice?.SerialNumber ?? '', AuthenticationCode1: '123456', AuthenticationCode2: '654321',
          }));
        }
      }
      if (i % 2 === 1) await iam.send(new CreateAccessKeyCommand({ UserName }));
      if (i % 10 === 0 && scale.policies > 0) {
        const arn = `arn:aws:iam::${ACCOUNT}:policy/${policyName(i % scale.policies)}`;
        await iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn: arn }));
      }
    }),
  };
  return { first: [policies], then: [roles, users] };
}
