import { AutoScalingClient, AutoScalingServiceException, DescribeLaunchConfigurationsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { networkChecks } from '../../lib/checks/network/index.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { TEST_CREDENTIALS } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

const REGION = 'us-east-1';
const SCOPE = `123456789012/${REGION}`;

// moto always answers these calls for its default credentials, so AccessDenied is produced with
// aws-sdk-client-mock: the real collector runs against mocked clients.
function denied<E extends Error>(Exception: new (o: never) => E, service: string, operation: string): E {
  const options = {
    name: service === 'ec2' ? 'UnauthorizedOperation' : 'AccessDeniedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
    message: `You are not authorized to perform: ${service}:${operation}`,
  };
  return new Exception(options as never);
}

const ec2 = mockClient(EC2Client);
const ssm = mockClient(SSMClient);
const autoscaling = mockClient(AutoScalingClient);

async function collect(): Promise<AccountSnapshot> {
  const clients = new AwsClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  try {
    return await collectSnapshot(clients, { regions: [REGION], families: ['network'], includeGlobal: false });
  } finally {
    clients.destroy();
  }
}

beforeEach(() => {
  ec2.reset();
  ssm.reset();
  autoscaling.reset();
});
afterAll(() => {
  ec2.restore();
  ssm.restore();
  autoscaling.restore();
});

describe('network collection failures (aws-sdk-client-mock)', () => {
  it('every listing denied: each check reports ERROR on the region, naming the call, and SSM is not asked', async () => {
    for (const [Command, operation] of [
      [DescribeSecurityGroupsCommand, 'DescribeSecurityGroups'],
      [DescribeNetworkInterfacesCommand, 'DescribeNetworkInterfaces'],
      [DescribeNetworkAclsCommand, 'DescribeNetworkAcls'],
      [DescribeSubnetsCommand, 'DescribeSubnets'],
      [DescribeInstancesCommand, 'DescribeInstances'],
      [DescribeImagesCommand, 'DescribeImages'],
      [DescribeLaunchTemplateVersionsCommand, 'DescribeLaunchTemplateVersions'],
    ] as const) {
      ec2.on(Command).rejects(denied(EC2ServiceException, 'ec2', operation));
    }
    autoscaling.on(DescribeLaunchConfigurationsCommand).rejects(denied(AutoScalingServiceException, 'autoscaling', 'DescribeLaunchConfigurations'));
    const snapshot = await collect();

    expect(snapshot.network.regions[REGION]?.managedInstances).toBeNull();
    expect(ssm.commandCalls(DescribeInstanceInformationCommand)).toHaveLength(0);
    const expectedOperation: Record<string, string> = {
      ec2_security_group_no_public_admin_ports: 'ec2:DescribeSecurityGroups',
      ec2_security_group_no_public_all_traffic: 'ec2:DescribeSecurityGroups',
      ec2_security_group_no_public_data_store_ports: 'ec2:DescribeSecurityGroups',
      ec2_vpc_default_security_group_closed: 'ec2:DescribeSecurityGroups',
      ec2_network_acl_no_public_admin_ports: 'ec2:DescribeNetworkAcls',
      ec2_subnet_no_auto_public_ip: 'ec2:DescribeSubnets',
      ec2_instance_imdsv2_required: 'ec2:DescribeInstances',
      ec2_instance_no_public_ip: 'ec2:DescribeInstances',
      ec2_instance_profile_attached: 'ec2:DescribeInstances',
      ec2_instance_not_stopped_long: 'ec2:DescribeInstances',
      ec2_instance_managed_by_ssm: 'ec2:DescribeInstances',
      ec2_instance_detailed_monitoring: 'ec2:DescribeInstances',
      ec2_ami_not_public: 'ec2:DescribeImages',
      ec2_launch_template_no_public_ip: 'ec2:DescribeLaunchTemplateVersions',
      ec2_launch_template_imdsv2_required: 'ec2:DescribeLaunchTemplateVersions',
      autoscaling_launch_config_no_public_ip: 'autoscaling:DescribeLaunchConfigurations',
      autoscaling_launch_config_imdsv2_required: 'autoscaling:DescribeLaunchConfigurations',
    };
    for (const check of networkChecks.filter((c) => c.id !== 'ec2_ebs_snapshot_encrypted')) {
      const results = evaluateCheck(check, snapshot);
      expect(results, check.id).toEqual([
        expect.objectContaining({
          status: 'ERROR',
          resource: expect.objectContaining({ id: SCOPE }),
          reason: expect.stringContaining(`${expectedOperation[check.id]} failed with`),
        }),
      ]);
    }
  });

  it('a failed call makes only its dependent results ERROR', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [
        {
          GroupId: 'sg-0open', GroupName: 'open-ssh', VpcId: 'vpc-1', OwnerId: '123456789012',
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
          IpPermissionsEgress: [],
        },
      ],
    });
    ec2.on(DescribeNetworkInterfacesCommand).rejects(denied(EC2ServiceException, 'ec2', 'DescribeNetworkInterfaces'));
    ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [] });
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [] });
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          OwnerId: '123456789012',
          Instances: [
            {
              InstanceId: 'i-0abc', State: { Name: 'running' }, PublicIpAddress: '203.0.113.7',
              MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' }, Monitoring: { State: 'disabled' },
            },
          ],
        },
      ],
    });
    ec2.on(DescribeImagesCommand).resolves({ Images: [] });
    ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({ LaunchTemplateVersions: [] });
    ssm.on(DescribeInstanceInformationCommand).rejects(denied(SSMServiceException, 'ssm', 'DescribeInstanceInformation'));
    autoscaling.on(DescribeLaunchConfigurationsCommand).rejects(denied(AutoScalingServiceException, 'autoscaling', 'DescribeLaunchConfigurations'));
    const snapshot = await collect();
    const run = (id: string) => {
      const check = networkChecks.find((c) => c.id === id);
      if (!check) throw new Error(`no check ${id}`);
      return evaluateCheck(check, snapshot);
    };

    // The verdict does not depend on the attachments, so it stands and the reason says they are unknown.
    const ssh = resultFor(run('ec2_security_group_no_public_admin_ports'), 'sg-0open');
    expect(ssh).toMatchObject({ status: 'FAIL' });
    expect(ssh.reason).toContain('attachments unknown (ec2:DescribeNetworkInterfaces failed with UnauthorizedOperation)');
    expect(resultFor(run('ec2_instance_imdsv2_required'), 'i-0abc').status).toBe('FAIL');
    expect(resultFor(run('ec2_instance_no_public_ip'), 'i-0abc').status).toBe('FAIL');
    expect(run('ec2_instance_managed_by_ssm')).toEqual([
      expect.objectContaining({ status: 'ERROR', resource: expect.objectContaining({ id: SCOPE }), reason: expect.stringContaining('ssm:DescribeInstanceInformation failed with AccessDeniedException') }),
    ]);
    expect(run('autoscaling_launch_config_no_public_ip')).toEqual([
      expect.objectContaining({ status: 'ERROR', reason: expect.stringContaining('autoscaling:DescribeLaunchConfigurations failed') }),
    ]);
    expect(run('ec2_launch_template_no_public_ip')).toEqual([expect.objectContaining({ status: 'NOT_APPLICABLE' })]);
    expect(run('ec2_network_acl_no_public_admin_ports')).toEqual([expect.objectContaining({ status: 'NOT_APPLICABLE' })]);
  });
});
