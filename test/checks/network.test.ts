import {
  AutoScalingClient,
  CreateLaunchConfigurationCommand,
} from '@aws-sdk/client-auto-scaling';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateImageCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  ModifyLaunchTemplateCommand,
  RevokeSecurityGroupEgressCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { networkChecks } from '../../lib/checks/network/index.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

const EAST = 'us-east-1'; // a PASS and a FAIL of everything
const EMPTY = 'eu-west-1'; // only what AWS creates (default VPC): no instances, images or launch settings
const AMI = 'ami-12c6146b'; // one of moto's built-in image ids
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;
// Ids of what beforeAll seeds (moto generates them).
const SEEDED = [
  'aclAllowFirst',
  'aclDenyFirst',
  'aclIpv6Rdp',
  'aclWebOnly',
  'badInstance',
  'closedDefaultSg',
  'defaultVpc',
  'encryptedSnapshot',
  'fixedTemplate',
  'goodInstance',
  'openAll',
  'openDefaultSg',
  'openPostgres',
  'openSsh',
  'plainSnapshot',
  'privateImage',
  'privateSg',
  'privateSubnet',
  'privateVpc',
  'publicImage',
  'publicTemplate',
  'stoppedInstance',
] as const;
const ids = Object.fromEntries(SEEDED.map((k) => [k, ''])) as Record<(typeof SEEDED)[number], string>;

function check(id: string): CheckDefinition {
  const found = networkChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

/** The one result of `checkId` for `resourceId`, asserting status, type, region and that the reason names it. */
function expectResult(
  checkId: string,
  resourceId: string,
  status: CheckResult['status'],
  type: string,
  options: { now?: Date; region?: string; from?: AccountSnapshot } = {},
): CheckResult {
  const results = evaluateCheck(check(checkId), options.from ?? snapshot, options.now ? { now: options.now } : {});
  const result = resultFor(results, resourceId);
  expect({ status: result.status, reason: result.reason }).toMatchObject({ status }); // the reason shows on failure
  expect(result.resource).toMatchObject({ id: resourceId, type, region: options.region ?? EAST, accountId: MOTO_ACCOUNT_ID });
  expect(result.reason).toContain(resourceId);
  return result;
}

function expectRegionNotApplicable(checkId: string, region = EMPTY): void {
  expect(evaluateCheck(check(checkId), snapshot).filter((r) => r.resource.region === region)).toEqual([
    expect.objectContaining({ status: 'NOT_APPLICABLE', resource: expect.objectContaining({ id: `${MOTO_ACCOUNT_ID}/${region}` }) }),
  ]);
}

async function seedSecurityGroups(ec2: EC2Client): Promise<void> {
  const group = async (name: string, permissions: IpPermission[]): Promise<string> => {
    const created = await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: ids.defaultVpc }));
    if (permissions.length > 0) {
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: created.GroupId, IpPermissions: permissions }));
    }
    return created.GroupId ?? '';
  };
  ids.openSsh = await group('open-ssh', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);
  ids.openAll = await group('open-all', [{ IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: '::/0' }] }]);
  ids.openPostgres = await group('open-postgres', [
    { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    { IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
  ]);
  ids.privateSg = await group('private-only', [
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
    { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: ids.openSsh }] },
    { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
  ]);
}

async function seedVpc(ec2: EC2Client): Promise<void> {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
  ids.privateVpc = vpc.Vpc?.VpcId ?? '';
  const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: ids.privateVpc, CidrBlock: '10.20.1.0/24', AvailabilityZone: `${EAST}a` }));
  ids.privateSubnet = subnet.Subnet?.SubnetId ?? '';
  // Close the new VPC's default group: AWS (and moto) create it with an allow-all outbound rule.
  const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [ids.privateVpc] }] }));
  const closed = groups.SecurityGroups?.find((g) => g.GroupName === 'default');
  ids.closedDefaultSg = closed?.GroupId ?? '';
  await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: ids.closedDefaultSg, IpPermissions: closed?.IpPermissionsEgress ?? [] }));
  const defaults = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [ids.defaultVpc] }] }));
  ids.openDefaultSg = defaults.SecurityGroups?.find((g) => g.GroupName === 'default')?.GroupId ?? '';

  const acl = async (entries: { rule: number; action: 'allow' | 'deny'; protocol: string; ports?: [number, number]; ipv6?: boolean }[]) => {
    const created = await ec2.send(new CreateNetworkAclCommand({ VpcId: ids.privateVpc }));
    const id = created.NetworkAcl?.NetworkAclId ?? '';
    for (const e of entries) {
      await ec2.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: id, RuleNumber: e.rule, RuleAction: e.action, Protocol: e.protocol, Egress: false,
          ...(e.ipv6 ? { Ipv6CidrBlock: '::/0' } : { CidrBlock: '0.0.0.0/0' }),
          ...(e.ports ? { PortRange: { From: e.ports[0], To: e.ports[1] } } : {}),
        }),
      );
    }
    return id;
  };
  // A deny numbered before the allow closes the port (NACL rules apply lowest number first).
  ids.aclDenyFirst = await acl([
    { rule: 10, action: 'deny', protocol: '-1' },
    { rule: 20, action: 'allow', protocol: '6', ports: [22, 22] },
  ]);
  ids.aclAllowFirst = await acl([
    { rule: 10, action: 'allow', protocol: '6', ports: [22, 22] },
    { rule: 20, action: 'deny', protocol: '-1' },
  ]);
  ids.aclIpv6Rdp = await acl([{ rule: 100, action: 'allow', protocol: '6', ports: [3389, 3389], ipv6: true }]);
  ids.aclWebOnly = await acl([
    { rule: 100, action: 'allow', protocol: '6', ports: [443, 443] },
    { rule: 110, action: 'allow', protocol: '6', ports: [32768, 65535] }, // return traffic (Linux ephemeral ports)
  ]);
}

async function seedInstances(ec2: EC2Client): Promise<void> {
  const iam = clients.get(IAMClient, EAST);
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  await iam.send(new CreateRoleCommand({ RoleName: 'app-role', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'app-profile' }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app-profile', RoleName: 'app-role' }));

  const bad = await ec2.send(
    new RunInstancesCommand({
      ImageId: AMI, MinCount: 1, MaxCount: 1, SecurityGroupIds: [ids.openSsh],
      MetadataOptions: { HttpTokens: 'optional' },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'legacy-web' }] }],
    }),
  );
  ids.badInstance = bad.Instances?.[0]?.InstanceId ?? '';
  const good = await ec2.send(
    new RunInstancesCommand({
      ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: ids.privateSubnet,
      MetadataOptions: { HttpTokens: 'required' }, IamInstanceProfile: { Name: 'app-profile' }, Monitoring: { Enabled: true },
    }),
  );
  ids.goodInstance = good.Instances?.[0]?.InstanceId ?? '';
  const stopped = await ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: ids.privateSubnet }));
  ids.stoppedInstance = stopped.Instances?.[0]?.InstanceId ?? '';
  await ec2.send(new StopInstancesCommand({ InstanceIds: [ids.stoppedInstance] }));

  const publicImage = await ec2.send(new CreateImageCommand({ InstanceId: ids.goodInstance, Name: 'shared-by-mistake' }));
  ids.publicImage = publicImage.ImageId ?? '';
  await ec2.send(new ModifyImageAttributeCommand({ ImageId: ids.publicImage, LaunchPermission: { Add: [{ Group: 'all' }] } }));
  const privateImage = await ec2.send(new CreateImageCommand({ InstanceId: ids.goodInstance, Name: 'golden' }));
  ids.privateImage = privateImage.ImageId ?? '';
}

async function seedSnapshots(ec2: EC2Client): Promise<void> {
  const encrypted = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${EAST}a`, Size: 8, Encrypted: true }));
  const plain = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${EAST}a`, Size: 8, Encrypted: false }));
  ids.encryptedSnapshot = (await ec2.send(new CreateSnapshotCommand({ VolumeId: encrypted.VolumeId }))).SnapshotId ?? '';
  ids.plainSnapshot = (await ec2.send(new CreateSnapshotCommand({ VolumeId: plain.VolumeId }))).SnapshotId ?? '';
}

async function seedLaunchSettings(ec2: EC2Client): Promise<void> {
  const publicTemplate = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'public-web',
      LaunchTemplateData: { ImageId: AMI, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] },
    }),
  );
  ids.publicTemplate = publicTemplate.LaunchTemplate?.LaunchTemplateId ?? '';
  // Version 1 assigns a public IP and allows IMDSv1; the default is moved to version 2, which does neither.
  const fixedTemplate = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'fixed-app',
      LaunchTemplateData: { ImageId: AMI, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] },
    }),
  );
  ids.fixedTemplate = fixedTemplate.LaunchTemplate?.LaunchTemplateId ?? '';
  await ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: ids.fixedTemplate,
      LaunchTemplateData: {
        ImageId: AMI,
        NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }],
        MetadataOptions: { HttpTokens: 'required' },
      },
    }),
  );
  await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: ids.fixedTemplate, DefaultVersion: '2' }));

  const autoscaling = clients.get(AutoScalingClient, EAST);
  await autoscaling.send(
    new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'lc-public', ImageId: AMI, InstanceType: 't3.micro', AssociatePublicIpAddress: true }),
  );
  await autoscaling.send(
    new CreateLaunchConfigurationCommand({
      LaunchConfigurationName: 'lc-private', ImageId: AMI, InstanceType: 't3.micro', AssociatePublicIpAddress: false,
      MetadataOptions: { HttpTokens: 'required' },
    }),
  );
}

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  const ec2 = clients.get(EC2Client, EAST);
  const defaults = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
  ids.defaultVpc = defaults.SecurityGroups?.[0]?.VpcId ?? '';
  await seedSecurityGroups(ec2);
  await seedVpc(ec2);
  await seedInstances(ec2);
  await seedSnapshots(ec2);
  await seedLaunchSettings(ec2);
  snapshot = await collectSnapshot(clients, { regions: [EAST, EMPTY], families: ['network', 'storage'], includeGlobal: false });
}, 120_000);

afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

describe('security group ingress (moto)', () => {
  const SG = 'AWS::EC2::SecurityGroup';

  it('ec2_security_group_no_public_admin_ports: names the rule, the CIDR and the attached instance', () => {
    const open = expectResult('ec2_security_group_no_public_admin_ports', ids.openSsh, 'FAIL', SG);
    expect(open.reason).toContain('open-ssh');
    expect(open.reason).toContain('tcp 22 from 0.0.0.0/0 (SSH 22)');
    expect(open.reason).toContain(`attached to ${ids.badInstance}`);
    const all = expectResult('ec2_security_group_no_public_admin_ports', ids.openAll, 'FAIL', SG);
    expect(all.reason).toContain('all traffic from ::/0 (SSH 22, RDP 3389)');
    expect(all.reason).toContain('not attached to any network interface');
    expectResult('ec2_security_group_no_public_admin_ports', ids.privateSg, 'PASS', SG);
    expectResult('ec2_security_group_no_public_admin_ports', ids.openPostgres, 'PASS', SG);
  });

  it('ec2_security_group_no_public_all_traffic: -1 from ::/0 fails, single ports pass', () => {
    expect(expectResult('ec2_security_group_no_public_all_traffic', ids.openAll, 'FAIL', SG).reason).toContain('all traffic from ::/0');
    expectResult('ec2_security_group_no_public_all_traffic', ids.openSsh, 'PASS', SG);
    expectResult('ec2_security_group_no_public_all_traffic', ids.privateSg, 'PASS', SG); // all ports, but from a group
  });

  it('ec2_security_group_no_public_data_store_ports: public 5432 fails, 3306 from 10/8 is not mentioned', () => {
    const postgres = expectResult('ec2_security_group_no_public_data_store_ports', ids.openPostgres, 'FAIL', SG);
    expect(postgres.reason).toContain('tcp 5432 from 0.0.0.0/0 (PostgreSQL 5432)');
    expect(postgres.reason).not.toContain('3306');
    expect(expectResult('ec2_security_group_no_public_data_store_ports', ids.openAll, 'FAIL', SG).reason).toContain('every data-store port');
    expectResult('ec2_security_group_no_public_data_store_ports', ids.openSsh, 'PASS', SG);
    expectResult('ec2_security_group_no_public_data_store_ports', ids.privateSg, 'PASS', SG);
  });

  it('ec2_vpc_default_security_group_closed: the default VPC group keeps its outbound rule, the closed one passes', () => {
    const open = expectResult('ec2_vpc_default_security_group_closed', ids.openDefaultSg, 'FAIL', SG);
    expect(open.reason).toContain(ids.defaultVpc);
    expect(open.reason).toContain('outbound all traffic to 0.0.0.0/0');
    expectResult('ec2_vpc_default_security_group_closed', ids.closedDefaultSg, 'PASS', SG);
    // Only default groups are assessed.
    expect(evaluateCheck(check('ec2_vpc_default_security_group_closed'), snapshot).some((r) => r.resource.id === ids.openSsh)).toBe(false);
  });
});

describe('network ACLs and subnets (moto)', () => {
  const ACL = 'AWS::EC2::NetworkAcl';

  it('ec2_network_acl_no_public_admin_ports: rule order decides, IPv6 counts, the default ACL fails', () => {
    const allowFirst = expectResult('ec2_network_acl_no_public_admin_ports', ids.aclAllowFirst, 'FAIL', ACL);
    expect(allowFirst.reason).toContain('rule 10 allows tcp 22 from 0.0.0.0/0 (SSH 22)');
    expect(expectResult('ec2_network_acl_no_public_admin_ports', ids.aclIpv6Rdp, 'FAIL', ACL).reason).toContain('from ::/0 (RDP 3389)');
    expectResult('ec2_network_acl_no_public_admin_ports', ids.aclDenyFirst, 'PASS', ACL);
    expectResult('ec2_network_acl_no_public_admin_ports', ids.aclWebOnly, 'PASS', ACL);
    const defaults = evaluateCheck(check('ec2_network_acl_no_public_admin_ports'), snapshot).filter(
      (r) => r.resource.region === EAST && r.reason.includes('(default)') && r.reason.includes(ids.defaultVpc),
    );
    expect(defaults).toEqual([expect.objectContaining({ status: 'FAIL', reason: expect.stringContaining('rule 100 allows all traffic from 0.0.0.0/0') })]);
  });

  it('ec2_subnet_no_auto_public_ip: default subnets map public IPs, a new subnet does not', () => {
    expectResult('ec2_subnet_no_auto_public_ip', ids.privateSubnet, 'PASS', 'AWS::EC2::Subnet');
    const results = evaluateCheck(check('ec2_subnet_no_auto_public_ip'), snapshot);
    const defaultSubnet = results.find((r) => r.resource.region === EAST && r.reason.includes('(default subnet)'));
    expect(defaultSubnet).toMatchObject({ status: 'FAIL', resource: { type: 'AWS::EC2::Subnet' } });
    expect(defaultSubnet?.reason).toContain(defaultSubnet?.resource.id);
  });
});

describe('instances (moto)', () => {
  const INSTANCE = 'AWS::EC2::Instance';

  it('ec2_instance_imdsv2_required', () => {
    expect(expectResult('ec2_instance_imdsv2_required', ids.badInstance, 'FAIL', INSTANCE).reason).toContain('legacy-web');
    expectResult('ec2_instance_imdsv2_required', ids.goodInstance, 'PASS', INSTANCE);
    expectRegionNotApplicable('ec2_instance_imdsv2_required');
  });

  it('ec2_instance_no_public_ip: the default subnet gave one, the private subnet did not', () => {
    expect(expectResult('ec2_instance_no_public_ip', ids.badInstance, 'FAIL', INSTANCE).reason).toMatch(/public IPv4 address \d+\.\d+\.\d+\.\d+/);
    expectResult('ec2_instance_no_public_ip', ids.goodInstance, 'PASS', INSTANCE);
  });

  it('ec2_instance_profile_attached', () => {
    expectResult('ec2_instance_profile_attached', ids.badInstance, 'FAIL', INSTANCE);
    expect(expectResult('ec2_instance_profile_attached', ids.goodInstance, 'PASS', INSTANCE).reason).toContain('instance-profile/app-profile');
  });

  it('ec2_instance_detailed_monitoring', () => {
    expect(expectResult('ec2_instance_detailed_monitoring', ids.badInstance, 'FAIL', INSTANCE).reason).toContain('disabled');
    expectResult('ec2_instance_detailed_monitoring', ids.goodInstance, 'PASS', INSTANCE);
  });

  it('ec2_instance_not_stopped_long: reads the stop time moto writes into StateTransitionReason', () => {
    const stoppedRaw = snapshot.network.regions[EAST]?.instances.data?.find((i) => i.id === ids.stoppedInstance);
    expect(stoppedRaw?.stateTransitionReason).toMatch(/^User initiated \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (GMT|UTC)\)$/);
    const later = new Date(Date.now() + 40 * 86_400_000);
    expect(expectResult('ec2_instance_not_stopped_long', ids.stoppedInstance, 'FAIL', INSTANCE, { now: later }).reason).toContain('more than 30');
    expectResult('ec2_instance_not_stopped_long', ids.stoppedInstance, 'PASS', INSTANCE);
    expectResult('ec2_instance_not_stopped_long', ids.goodInstance, 'PASS', INSTANCE, { now: later });
  });

  it('ec2_instance_managed_by_ssm: ERROR against moto, which does not implement DescribeInstanceInformation', () => {
    const results = evaluateCheck(check('ec2_instance_managed_by_ssm'), snapshot);
    expect(results.filter((r) => r.resource.region === EAST)).toEqual([
      expect.objectContaining({ status: 'ERROR', reason: expect.stringContaining('ssm:DescribeInstanceInformation failed') }),
    ]);
    expectRegionNotApplicable('ec2_instance_managed_by_ssm');
  });
});

// moto (5.x) has no DescribeInstanceInformation, so the SSM answer alone is mocked; EC2 still comes from moto.
describe('ec2_instance_managed_by_ssm (moto EC2, mocked SSM answer)', () => {
  let mocked: AccountSnapshot;
  beforeAll(async () => {
    const ssm = mockClient(SSMClient);
    ssm.on(DescribeInstanceInformationCommand).resolves({
      InstanceInformationList: [{ InstanceId: ids.goodInstance, PingStatus: 'Online' }, { InstanceId: 'mi-0123456789abcdef0', PingStatus: 'Online' }],
    });
    try {
      mocked = await collectSnapshot(clients, { regions: [EAST], families: ['network'], includeGlobal: false });
    } finally {
      ssm.restore();
    }
  });

  it('passes the listed instance, fails the unlisted one, and leaves the stopped one out', () => {
    const INSTANCE = 'AWS::EC2::Instance';
    expect(expectResult('ec2_instance_managed_by_ssm', ids.goodInstance, 'PASS', INSTANCE, { from: mocked }).reason).toContain('Online');
    expectResult('ec2_instance_managed_by_ssm', ids.badInstance, 'FAIL', INSTANCE, { from: mocked });
    expectResult('ec2_instance_managed_by_ssm', ids.stoppedInstance, 'NOT_APPLICABLE', INSTANCE, { from: mocked });
  });
});

describe('images, snapshots and launch settings (moto)', () => {
  it('ec2_ami_not_public', () => {
    expect(expectResult('ec2_ami_not_public', ids.publicImage, 'FAIL', 'AWS::EC2::Image').reason).toContain('shared-by-mistake');
    expectResult('ec2_ami_not_public', ids.privateImage, 'PASS', 'AWS::EC2::Image');
    expectRegionNotApplicable('ec2_ami_not_public');
  });

  it('ec2_ebs_snapshot_encrypted: reads the storage family listing', () => {
    expectResult('ec2_ebs_snapshot_encrypted', ids.plainSnapshot, 'FAIL', 'AWS::EC2::Snapshot');
    expectResult('ec2_ebs_snapshot_encrypted', ids.encryptedSnapshot, 'PASS', 'AWS::EC2::Snapshot');
    expectRegionNotApplicable('ec2_ebs_snapshot_encrypted');
  });

  it('ec2_launch_template_no_public_ip and ec2_launch_template_imdsv2_required read the default version', () => {
    const LT = 'AWS::EC2::LaunchTemplate';
    expect(expectResult('ec2_launch_template_no_public_ip', ids.publicTemplate, 'FAIL', LT).reason).toContain('public-web');
    expect(expectResult('ec2_launch_template_no_public_ip', ids.fixedTemplate, 'PASS', LT).reason).toContain('version 2');
    expect(expectResult('ec2_launch_template_imdsv2_required', ids.publicTemplate, 'FAIL', LT).reason).toContain('HttpTokens not set');
    expectResult('ec2_launch_template_imdsv2_required', ids.fixedTemplate, 'PASS', LT);
    expectRegionNotApplicable('ec2_launch_template_no_public_ip');
  });

  it('autoscaling_launch_config_no_public_ip and autoscaling_launch_config_imdsv2_required', () => {
    const LC = 'AWS::AutoScaling::LaunchConfiguration';
    expectResult('autoscaling_launch_config_no_public_ip', 'lc-public', 'FAIL', LC);
    expectResult('autoscaling_launch_config_no_public_ip', 'lc-private', 'PASS', LC);
    expectResult('autoscaling_launch_config_imdsv2_required', 'lc-public', 'FAIL', LC);
    expectResult('autoscaling_launch_config_imdsv2_required', 'lc-private', 'PASS', LC);
    expectRegionNotApplicable('autoscaling_launch_config_imdsv2_required');
  });
});
